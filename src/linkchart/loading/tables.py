"""Nodes and edges from CSV, Parquet or Arrow tables: the header checked against the fields, cells decoded.

The CSV text itself is read by :class:`linkchart.readers.csv.CsvReader` (rows into
columns, syntax problems located), a Parquet or Arrow IPC file by
:class:`linkchart.readers.arrow.ArrowReader` into the same text columns; here the header
is read as linkchart's fields (through another tool's column mapping, ``rename``),
required and reserved names are checked, and each CSV cell written spreadsheet-safe
(``'=...``, see :mod:`~.cells`) is read back as the text it stands for (not in a Parquet
or Arrow table, which no spreadsheet opens). Repeated cells of low-cardinality columns
(relation, type, confidence, source, time, weight) share one string, and an edge table's
ends share the node ids.
"""

from __future__ import annotations

import operator
from collections.abc import Mapping
from pathlib import Path
from typing import IO, Any, Final, Protocol

from ..cells import from_cell
from ..errors import Problem, ProblemCode
from ..readers.arrow import ArrowReader, NoLines, TableKind, table_kind
from ..readers.csv import CsvReader, CsvRows
from .columns import EDGE_FIELDS, NODE_FIELDS, RESERVED_EDGE_NAMES, RESERVED_NODE_NAMES, Section
from .files import MAX_TABLE_BYTES, Refused, open_binary, open_text

__all__ = ["header_fields", "read_section"]

_REQUIRED: Final = {"nodes": ("id", "type"), "edges": ("from", "relation", "to")}
_marked: Final = operator.methodcaller("startswith", "'")
_SHARED: Final = frozenset({"type", "relation", "confidence", "source", "time", "weight"})


class _Report(Protocol):
    def __call__(self, code: ProblemCode, message: str, hint: str, line: int | None = 1) -> None: ...


def _header_problems(
    header: list[str],
    name: str,
    problem: _Report,
    *,
    echo: bool,
    rename: Mapping[str, str] | None,
    fill: Mapping[str, str],
    syntax: ProblemCode = "csv-syntax",
) -> tuple[list[str], bool]:
    """The header as fields (``rename`` applied), and whether it is usable; its problems to ``problem``.

    ``syntax`` is the code of a missing, repeated or unnamed column (``table-syntax`` for
    a Parquet or Arrow table).
    """
    if rename:  # another tool's header: its columns read as linkchart's fields
        for column, field in rename.items():
            if column not in header:
                problem(
                    syntax,
                    f"the column {column!r} (read as {field!r}) is not in the header",
                    "name a column the file has" + (f"; it has {', '.join(header)}" if echo else ""),
                )
        header = [rename.get(h, h) for h in header]
    known = NODE_FIELDS if name == "nodes" else EDGE_FIELDS
    reserved = RESERVED_NODE_NAMES if name == "nodes" else RESERVED_EDGE_NAMES
    ok = True
    for h in _REQUIRED[name]:
        if h not in header and h not in fill:
            ok = False
            problem(
                syntax,
                f"the column {h!r} is missing",
                f"the header must name {', '.join(_REQUIRED[name])}"
                + (f"; it names {', '.join(header)}" if echo else ""),
            )
    for j, h in enumerate(header):
        if h in header[:j]:
            ok = False
            problem(syntax, f"the column {h!r} appears twice in the header", "name every column once")
        elif not h:
            ok = False
            problem(syntax, f"column {j + 1} has no name", "name every column")
        elif h == "attributes" or (h in reserved and h not in known):
            ok = False
            problem(
                "unknown-field",
                f"the column {h!r} is a reserved name, not a free attribute",
                "every extra column is a free attribute; rename it",
            )
    return header, ok


def _open(path: Path, kind: TableKind, file: str, name: str) -> tuple[IO[Any], CsvReader | ArrowReader]:
    """The open table file and its reader (see :func:`~.files.open_text`)."""
    if kind == "csv":
        text = open_text(path, MAX_TABLE_BYTES, newline="")
        return text, CsvReader(text, file, name)
    data = open_binary(path, MAX_TABLE_BYTES)
    return data, ArrowReader(data, kind, file, name, limit=MAX_TABLE_BYTES)


def read_section(
    path: Path,
    name: str,
    file: str,
    shared: Mapping[str, dict[str, str]] | None = None,
    *,
    echo: bool = True,
    rename: Mapping[str, str] | None = None,
    fill: Mapping[str, str] | None = None,
    kind: TableKind = "csv",
) -> tuple[Section | None, list[Problem], CsvRows | NoLines]:
    """Read ``nodes.csv`` or ``edges.csv`` (or Parquet, Arrow) into a text :class:`~.columns.Section`.

    ``shared`` maps a column name to a dictionary of strings to reuse for its cells
    (the node ids, for an edge file's ``from`` and ``to``); other low-cardinality
    columns share their repeated cells among themselves. ``rename`` maps a column of
    the file's header to the field it holds (``{"Source": "from"}``): another tool's
    CSV read as is. ``fill`` maps a required field the header may lack to the value of
    every row (``{"relation": "tie"}``: a two-column edge list). ``echo`` says whether a
    hint may quote the file's header (not for a file outside the graph's folder).
    ``kind`` is the table's format: ``"csv"``, ``"parquet"`` or ``"arrow"`` (Arrow IPC,
    Feather).

    Returns the section (``None`` when the file could not be read at all), the
    problems found in the file itself (unreadable, malformed, missing or reserved
    columns, rows of the wrong length), and the row locator.
    """
    rows_at: CsvRows | NoLines = (
        CsvRows(lambda: path.open(encoding="utf-8-sig", newline="")) if kind == "csv" else NoLines()
    )
    problems: list[Problem] = []
    label = "CSV" if kind == "csv" else kind.title()

    def problem(code: ProblemCode, message: str, hint: str, line: int | None = 1) -> None:
        problems.append(Problem(code, message, name, file, line if kind == "csv" else None, None, hint))

    try:
        f, reader = _open(path, kind, file, name)
    except Refused as refused:
        problem(
            "source-unreadable", f"the {name} {label} file is not read: {refused.reason}", refused.hint, None
        )
        return None, problems, rows_at
    except OSError as exc:
        problem(
            "source-unreadable",
            f"cannot read the {name} {label} file: {exc.strerror or exc}",
            "the path is relative to the YAML file",
            None,
        )
        return None, problems, rows_at
    with f:
        raw = reader.header()
        if raw is None:
            if not reader.failed:
                problem(
                    "csv-syntax",
                    "the file is empty; it needs a header row",
                    f"write the column names first: {','.join(_REQUIRED[name])},...",
                )
            return None, [*problems, *reader.problems], rows_at
        if kind == "csv":
            raw = [from_cell(h) for h in raw]
        syntax: ProblemCode = "csv-syntax" if kind == "csv" else "table-syntax"
        header, ok = _header_problems(
            raw, name, problem, echo=echo, rename=rename, fill=fill or {}, syntax=syntax
        )
        given = shared or {}
        shares = [given[h] if h in given else {} if h in _SHARED else None for h in header]
        read = reader.columns(shares) if ok or kind == "csv" else None
    located = (
        reader.locate(rows_at) if isinstance(reader, CsvReader) and isinstance(rows_at, CsvRows) else None
    )
    problems.extend(reader.problems if located is None else located)
    if read is None or not ok:
        return None, problems, rows_at
    columns, k = read
    section = Section(name, k, text=True)
    known = NODE_FIELDS if name == "nodes" else EDGE_FIELDS
    for h, col in zip(header, columns, strict=True):
        if kind == "csv" and any(map(_marked, col)):
            col[:] = map(from_cell, col)
        if h in known:
            section.columns[h] = col
        else:
            section.attributes[h] = col
    for h, value in (fill or {}).items():
        if h not in section.columns:
            section.columns[h] = [value] * k
    return section, problems, rows_at


def header_fields(path: Path, rename: Mapping[str, str] | None = None) -> list[str] | None:
    """The fields the header of the table ``path`` names (``rename`` applied): a CSV file's
    first row, a Parquet or Arrow table's column names (by its extension); ``None`` when it
    cannot be read (:func:`read_section` then says why)."""
    kind = table_kind(path.name)
    try:
        f, reader = _open(path, kind, str(path), "")
        with f:
            raw = reader.header()
    except (Refused, OSError):
        return None
    if raw is None:
        return None
    names = [from_cell(h) for h in raw] if kind == "csv" else list(raw)
    return [(rename or {}).get(h, h) for h in names]
