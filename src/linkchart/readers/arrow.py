"""Parquet and Arrow IPC tables: record batches transposed into text columns, bounded.

A node or edge table written by a data pipeline (pandas, Polars, DuckDB, Spark) is
usually Parquet or Arrow, not CSV. :class:`ArrowReader` reads one with pyarrow (the
optional extra ``linkchart[arrow]``) batch by batch into the same per-column lists of
text that :class:`~.csv.CsvReader` makes of a CSV file, so the tables go through the
same checks, with the same located problems: a problem in row ``k`` names the file and
the row (there are no lines in a binary file). Text, numbers, booleans and dates are
read as text (``2.5``, ``true``, ``1999-03-15``); a missing value (null) is an empty
cell. Repeated cells can share one string, as in a CSV table.

Bounded like the other readers: the file itself at most the caller's limit, and the
data it decodes to (Parquet pages are compressed) at most that limit as well, counted
batch by batch, so a small file that inflates is refused before it fills memory.

This module knows Arrow, not linkchart's fields: :mod:`linkchart.loading.tables` checks
the header against the fields of nodes and edges.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import IO, TYPE_CHECKING, Any, Final, Literal

from ..errors import Problem

if TYPE_CHECKING:
    import pyarrow as pa

__all__ = ["TABLE_SUFFIXES", "ArrowReader", "NoLines", "TableKind", "table_kind"]

TableKind = Literal["csv", "parquet", "arrow"]
"""The formats a node or edge table is read in."""

TABLE_SUFFIXES: Final = {
    ".parquet": "parquet",
    ".pq": "parquet",
    ".arrow": "arrow",
    ".feather": "arrow",
    ".ipc": "arrow",
    ".arrows": "arrow",
}
"""File name ending (lower case) -> the table format it says; any other is CSV."""

_BATCH: Final = 65_536  # rows per batch read from a Parquet file
_INSTALL: Final = "install the optional extra: pip install 'linkchart[arrow]' (pyarrow)"


def table_kind(name: str, written: TableKind = "csv") -> TableKind:
    """The format of the table file ``name``: its extension's, else the one ``written``.

    Examples
    --------
    >>> table_kind("edges.parquet"), table_kind("e.FEATHER"), table_kind("e.csv"), table_kind("e", "arrow")
    ('parquet', 'arrow', 'csv', 'arrow')
    """
    lower = name.lower()
    found = next((kind for suffix, kind in TABLE_SUFFIXES.items() if lower.endswith(suffix)), None)
    return "parquet" if found == "parquet" else "arrow" if found == "arrow" else written


class NoLines:
    """The row locator of a binary table: rows have no physical line."""

    def line(self, k: int) -> int | None:
        """Always ``None``: the problem gives the row."""
        return None


def _one_line(exc: BaseException) -> str:
    """pyarrow's message, on one line (it may end with a newline) and at most 200 characters."""
    return " ".join(str(exc).split())[:200]


def _utf8(cell: bytes) -> bool:
    try:
        cell.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


class _Failed(Exception):
    """The table cannot be read; :class:`ArrowReader` has recorded the problem."""


CELL_LIMIT: Final = 131_072
"""The most bytes of one cell, as the CSV reader's field limit (128 KiB): a longer cell is a
located problem, not a 20 MiB id carried into every message that names it."""


def _texts(array: Any, pa: Any, pc: Any) -> Any:
    """One Arrow array as an array of text (null -> ``""``), or ``None`` for a type not read.

    A float is written as Python writes it (``1.0``, ``2.5``, ``1e-05``), so a float id
    ``1.0`` stays ``"1.0"``: an id is text, and Arrow's own cast would write ``"1"``."""
    t = array.type
    if pa.types.is_dictionary(t):
        array = array.dictionary_decode()
        t = array.type
    if pa.types.is_string(t) or pa.types.is_large_string(t) or pa.types.is_string_view(t):
        pass
    elif pa.types.is_floating(t):
        array = pa.array([None if v is None else repr(float(v)) for v in array.to_pylist()], pa.string())
    elif (
        pa.types.is_integer(t)
        or pa.types.is_boolean(t)
        or pa.types.is_decimal(t)
        or pa.types.is_date(t)
        or pa.types.is_null(t)
    ):
        array = pc.cast(array, pa.string())
    else:
        return None
    return pc.fill_null(array, "")


class ArrowReader:
    """The header and then the columns of one Parquet or Arrow IPC file, with its problems.

    ``f`` is the file, opened for binary reading (it must seek); ``limit`` bounds the
    bytes of data the file decodes to. Problems are ``table-syntax`` (not a Parquet or
    Arrow file, a column of a type that is not read) or ``source-unreadable`` (pyarrow
    is not installed, the data exceeds ``limit``), placed at ``where``.
    """

    def __init__(
        self, f: IO[bytes], kind: Literal["parquet", "arrow"], file: str, where: str, *, limit: int
    ) -> None:
        self.f = f
        self.kind = kind
        self.file = file
        self.where = where
        self.limit = limit
        self.problems: list[Problem] = []
        self.failed = False
        self._source: Any = None
        self._names: list[str] = []

    def _problem(
        self, code: Literal["table-syntax", "source-unreadable"], message: str, hint: str
    ) -> _Failed:
        self.failed = True
        self.problems.append(Problem(code, message, self.where, self.file, None, None, hint))
        return _Failed()

    def _open(self) -> list[str]:
        try:
            import pyarrow as pa
            import pyarrow.ipc
            import pyarrow.parquet as pq
        except ImportError:
            raise self._problem(
                "source-unreadable", f"reading a {self.kind.title()} table needs pyarrow", _INSTALL
            ) from None
        try:
            if self.kind == "parquet":
                self._source = pq.ParquetFile(self.f)
                return list(self._source.schema_arrow.names)
            try:
                self._source = pa.ipc.open_file(self.f)
            except pa.ArrowInvalid:  # the streaming form of Arrow IPC (.arrows)
                self.f.seek(0)
                self._source = pa.ipc.open_stream(self.f)
            return list(self._source.schema.names)
        except (pa.ArrowException, OSError, ValueError) as exc:
            raise self._problem(
                "table-syntax",
                f"the file is not a readable {self.kind.title()} table: {_one_line(exc)}",
                "write the table again with pyarrow, pandas, Polars or DuckDB, or name a CSV file",
            ) from None

    def _cell(self, row: int, message: str, hint: str) -> _Failed:
        """A problem of the cell of data row ``row`` (1-based), located at that row."""
        self.failed = True
        where = f"{self.where}[{row - 1}]"
        self.problems.append(Problem("table-syntax", message, where, self.file, None, row, hint))
        return _Failed()

    def _strings(self, array: Any, j: int, k: int, pa: Any, pc: Any) -> list[str]:
        """The cells of text ``array`` (column ``j``, after ``k`` rows), each checked: at most
        :data:`CELL_LIMIT` bytes and UTF-8 (each a problem at its row)."""
        size = pc.binary_length(array.cast(pa.binary()))
        if len(array) and pc.max(size).as_py() > CELL_LIMIT:
            i = int(pc.index(pc.greater(size, CELL_LIMIT), True).as_py())
            raise self._cell(
                k + i + 1,
                f"the cell of column {self._names[j]!r} holds {size[i].as_py():,} bytes, more than "
                f"the {CELL_LIMIT:,} a cell may hold",
                "check that the right column is named; a cell holds one value (as a CSV field)",
            )
        try:
            values: list[str] = array.to_pylist()
        except UnicodeDecodeError:
            raw = array.cast(pa.binary()).to_pylist()
            i = next(i for i, b in enumerate(raw) if not _utf8(b))
            raise self._cell(
                k + i + 1,
                f"the cell of column {self._names[j]!r} is not UTF-8 text",
                "write the column again as UTF-8 text",
            ) from None
        return values

    def header(self) -> list[str] | None:
        """The column names (each stripped), or ``None`` when the file cannot be read."""
        try:
            self._names = self._open()
        except _Failed:
            return None
        return [str(n).strip() for n in self._names]

    def _batches(self) -> Iterator[pa.RecordBatch]:
        if self.kind == "parquet":
            yield from self._source.iter_batches(batch_size=_BATCH, use_threads=False)
        elif hasattr(self._source, "num_record_batches"):
            for i in range(self._source.num_record_batches):
                yield self._source.get_batch(i)
        else:
            yield from self._source

    def columns(self, shares: Sequence[dict[str, str] | None]) -> tuple[list[list[str]], int] | None:
        """The rows as text columns, one per header name (``len(shares)``), and how many rows.

        ``shares`` as for :meth:`~.csv.CsvReader.columns`. ``None`` when the file cannot be
        read (the problem is recorded).
        """
        import pyarrow as pa
        import pyarrow.compute as pc

        columns: list[list[str]] = [[] for _ in shares]
        k = 0
        size = 0
        try:
            for batch in self._batches():
                size += batch.nbytes
                if size > self.limit:
                    raise self._problem(
                        "source-unreadable",
                        f"the table holds more than the {self.limit:,} bytes of data read",
                        "split the data, or check that the right file is named",
                    )
                for j, (col, share) in enumerate(zip(columns, shares, strict=True)):
                    texts = _texts(batch.column(j), pa, pc)
                    if texts is None:
                        raise self._problem(
                            "table-syntax",
                            f"the column {self._names[j]!r} holds {batch.column(j).type}, not text, "
                            "numbers or dates",
                            "store it as text (several aliases as one text separated by |, a time as "
                            "text such as 1999-03 or as a date)",
                        )
                    values = self._strings(texts, j, k, pa, pc)
                    col.extend(values if share is None else map(share.setdefault, values, values))
                k += batch.num_rows
        except _Failed:
            return None
        except (pa.ArrowException, OSError, ValueError) as exc:
            self._problem(
                "table-syntax",
                f"the {self.kind.title()} table is damaged: {_one_line(exc)}",
                "write the table again, or name a CSV file",
            )
            return None
        return columns, k
