"""CSV text: rows read in chunks and transposed into columns, every syntax problem located.

A CSV file (UTF-8, an optional byte-order mark, a header row, RFC 4180 quoting) is read
with the :mod:`csv` module in chunks of rows, and each chunk is transposed into
per-column lists: no dictionary or record is made per row. Repeated cells of a column
can share one string (:meth:`CsvReader.columns`), so a million edges cost a few columns.
Row problems are located lazily: the physical line of a row is found by reading the file
again only when a problem needs it (:class:`CsvRows`).

This module knows CSV, not linkchart's fields: :mod:`linkchart.loading.tables` checks a
header against the fields of nodes and edges and decodes spreadsheet-safe cells, and
:mod:`.matrix` reads matrices with the delimiter :func:`delimiter_of` tells.
"""

from __future__ import annotations

import csv
import itertools
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import IO, Final

from ..errors import Problem

__all__ = ["DELIMITERS", "CsvReader", "CsvRows", "delimiter_of"]

_CHUNK: Final = 1024  # rows per chunk: small enough to stay in the CPU cache
DELIMITERS: Final = (",", ";", "\t")
"""The delimiters :func:`delimiter_of` tells apart (a comma unless the first line says otherwise)."""

Opener = Callable[[], IO[str]]
"""Opens the file again, as text, for the lines of its rows."""


class CsvRows:
    """Where the data rows of a CSV file lie: row ``k`` (0-based) -> its first physical line."""

    def __init__(self, reopen: Opener, *, delimiter: str = ",") -> None:
        self.reopen = reopen
        self.delimiter = delimiter
        self._lines: list[int] | None = None

    def line(self, k: int) -> int | None:
        """The 1-based physical line where data row ``k`` starts."""
        if self._lines is None:
            self._lines = []
            try:
                with self.reopen() as f:
                    reader = csv.reader(f, delimiter=self.delimiter)
                    previous = 0
                    for i, row in enumerate(reader):
                        if i > 0 and row:
                            self._lines.append(previous + 1)
                        previous = reader.line_num
            except (OSError, UnicodeDecodeError, csv.Error):
                pass
        return self._lines[k] if k < len(self._lines) else None


class _Syntax(Exception):
    """The text stopped being CSV; :class:`CsvReader` has recorded the problem."""


class CsvReader:
    """The header and then the columns of one CSV text, with its syntax problems.

    ``where`` is the path the problems are given (``"edges"``); a row's problem is placed
    at ``where[k]`` with its 1-based data row. Syntax problems are ``csv-syntax``: a
    malformed row (``line``: where the parser stopped), a row of another width than the
    header, text that is not UTF-8.
    """

    def __init__(self, f: IO[str], file: str, where: str, *, delimiter: str = ",") -> None:
        self._reader = csv.reader(f, strict=True, delimiter=delimiter)
        self.file = file
        self.where = where
        self.problems: list[Problem] = []
        self.failed = False

    def _problem(self, message: str, line: int | None, hint: str, row: int | None = None) -> None:
        path = self.where if row is None else f"{self.where}[{row - 1}]"
        self.problems.append(Problem("csv-syntax", message, path, self.file, line, row, hint))

    def _guard(self, exc: Exception) -> _Syntax:
        self.failed = True
        if isinstance(exc, csv.Error):
            self._problem(f"malformed CSV: {exc}", self._reader.line_num, "check the quoting on that line")
        else:
            self._problem("the file is not UTF-8 text", None, "save it as UTF-8 (CSV UTF-8 in Excel)")
        return _Syntax()

    def header(self) -> list[str] | None:
        """The header row's cells (each stripped), or ``None`` for an empty text or a syntax error."""
        try:
            return [h.strip() for h in next(self._reader)]
        except StopIteration:
            return None
        except (csv.Error, UnicodeDecodeError) as exc:
            self._guard(exc)
            return None

    def columns(self, shares: Sequence[dict[str, str] | None]) -> tuple[list[list[str]], int] | None:
        """The data rows as columns, one per header cell (``len(shares)``), and how many rows.

        A row of another width is a problem and is cut or padded to the header's; a blank
        row is skipped. ``shares[j]``, when a dictionary, makes equal cells of column
        ``j`` one string (low-cardinality columns); ``None`` where that does not pay.
        ``None`` is returned when the text stops being CSV (the problem is recorded).
        """
        width = len(shares)
        columns: list[list[str]] = [[] for _ in shares]
        k = 0
        try:
            while True:
                chunk = list(itertools.islice(self._reader, _CHUNK))
                if not chunk:
                    break
                if set(map(len, chunk)) != {width}:
                    chunk = self._even(chunk, width, k)
                for col, share, values in zip(columns, shares, zip(*chunk, strict=True), strict=True):
                    if share is None:
                        col.extend(values)
                    else:
                        col.extend(map(share.setdefault, values, values))
                k += len(chunk)
        except (csv.Error, UnicodeDecodeError) as exc:
            self._guard(exc)
            return None
        return columns, k

    def _even(self, chunk: list[list[str]], width: int, k: int) -> list[list[str]]:
        kept: list[list[str]] = []
        for r in chunk:
            if not r:
                continue
            if len(r) != width:
                self._problem(
                    f"the row has {len(r)} cells; the header has {width}",
                    None,
                    "quote cells that contain commas; check for a missing or extra comma",
                    row=k + len(kept) + 1,
                )
                r = (r + [""] * width)[:width]
            kept.append(r)
        return kept

    def locate(self, rows: CsvRows) -> list[Problem]:
        """The problems, each row problem with the physical line of its row."""
        return [
            p if p.row is None or p.line is not None else replace(p, line=rows.line(p.row - 1))
            for p in self.problems
        ]


def delimiter_of(first_line: str) -> str:
    """The delimiter of a CSV text whose first line is ``first_line``: the one of
    :data:`DELIMITERS` that occurs most often outside quotes, a comma when none does.

    Examples
    --------
    >>> delimiter_of(",E1,E2"), delimiter_of(";E1;E2"), delimiter_of("\\tE1\\tE2"), delimiter_of("A")
    (',', ';', '\\t', ',')
    >>> delimiter_of('"a;b",c')
    ','
    """
    outside = "".join(first_line.split('"')[::2])
    counts = {d: outside.count(d) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] > counts[","] else ","
