"""Nodes and edges from CSV tables: the header checked against the fields, cells decoded.

The CSV text itself is read by :class:`linkchart.readers.csv.CsvReader` (rows into
columns, syntax problems located); here the header is read as linkchart's fields (through
another tool's column mapping, ``rename``), required and reserved names are checked, and
each cell written spreadsheet-safe (``'=...``, see :mod:`~.cells`) is read back as the
text it stands for. Repeated cells of low-cardinality columns (relation, type, confidence,
source, time, weight) share one string, and an edge table's ends share the node ids.
"""

from __future__ import annotations

import operator
from collections.abc import Mapping
from pathlib import Path
from typing import Final, Protocol

from ..cells import from_cell
from ..errors import Problem, ProblemCode
from ..readers.csv import CsvReader, CsvRows
from .columns import EDGE_FIELDS, NODE_FIELDS, RESERVED_EDGE_NAMES, RESERVED_NODE_NAMES, Section
from .files import MAX_TABLE_BYTES, Refused, open_text

__all__ = ["read_section"]

_REQUIRED: Final = {"nodes": ("id", "type"), "edges": ("from", "relation", "to")}
_marked: Final = operator.methodcaller("startswith", "'")
_SHARED: Final = frozenset({"type", "relation", "confidence", "source", "time", "weight"})


class _Report(Protocol):
    def __call__(self, code: ProblemCode, message: str, hint: str, line: int | None = 1) -> None: ...


def _header_problems(
    header: list[str], name: str, problem: _Report, *, echo: bool, rename: Mapping[str, str] | None
) -> tuple[list[str], bool]:
    """The header as fields (``rename`` applied), and whether it is usable; its problems to ``problem``."""
    if rename:  # another tool's header: its columns read as linkchart's fields
        for column, field in rename.items():
            if column not in header:
                problem(
                    "csv-syntax",
                    f"the column {column!r} (read as {field!r}) is not in the header",
                    "name a column the file has" + (f"; it has {', '.join(header)}" if echo else ""),
                )
        header = [rename.get(h, h) for h in header]
    known = NODE_FIELDS if name == "nodes" else EDGE_FIELDS
    reserved = RESERVED_NODE_NAMES if name == "nodes" else RESERVED_EDGE_NAMES
    ok = True
    for h in _REQUIRED[name]:
        if h not in header:
            ok = False
            problem(
                "csv-syntax",
                f"the column {h!r} is missing",
                f"the header must name {', '.join(_REQUIRED[name])}"
                + (f"; it names {', '.join(header)}" if echo else ""),
            )
    for j, h in enumerate(header):
        if h in header[:j]:
            ok = False
            problem("csv-syntax", f"the column {h!r} appears twice in the header", "name every column once")
        elif not h:
            ok = False
            problem("csv-syntax", f"column {j + 1} has no name", "name every column")
        elif h == "attributes" or (h in reserved and h not in known):
            ok = False
            problem(
                "unknown-field",
                f"the column {h!r} is a reserved name, not a free attribute",
                "every extra column is a free attribute; rename it",
            )
    return header, ok


def read_section(
    path: Path,
    name: str,
    file: str,
    shared: Mapping[str, dict[str, str]] | None = None,
    *,
    echo: bool = True,
    rename: Mapping[str, str] | None = None,
) -> tuple[Section | None, list[Problem], CsvRows]:
    """Read ``nodes.csv`` or ``edges.csv`` into a text :class:`~.columns.Section`.

    ``shared`` maps a column name to a dictionary of strings to reuse for its cells
    (the node ids, for an edge file's ``from`` and ``to``); other low-cardinality
    columns share their repeated cells among themselves. ``rename`` maps a column of
    the file's header to the field it holds (``{"Source": "from"}``): another tool's
    CSV read as is. ``echo`` says whether a hint may quote the file's header (not for a
    file outside the graph's folder).

    Returns the section (``None`` when the file could not be read at all), the
    problems found in the file itself (unreadable, malformed, missing or reserved
    columns, rows of the wrong length), and the row locator.
    """
    rows_at = CsvRows(lambda: path.open(encoding="utf-8-sig", newline=""))
    problems: list[Problem] = []

    def problem(code: ProblemCode, message: str, hint: str, line: int | None = 1) -> None:
        problems.append(Problem(code, message, name, file, line, None, hint))

    try:
        f = open_text(path, MAX_TABLE_BYTES, newline="")
    except Refused as refused:
        problem("source-unreadable", f"the {name} CSV file is not read: {refused.reason}", refused.hint, None)
        return None, problems, rows_at
    except OSError as exc:
        problem(
            "source-unreadable",
            f"cannot read the {name} CSV file: {exc.strerror or exc}",
            "the path is relative to the YAML file",
            None,
        )
        return None, problems, rows_at
    with f:
        reader = CsvReader(f, file, name)
        raw = reader.header()
        if raw is None:
            if not reader.failed:
                problem(
                    "csv-syntax",
                    "the file is empty; it needs a header row",
                    f"write the column names first: {','.join(_REQUIRED[name])},...",
                )
            return None, [*problems, *reader.problems], rows_at
        header, ok = _header_problems([from_cell(h) for h in raw], name, problem, echo=echo, rename=rename)
        given = shared or {}
        shares = [given[h] if h in given else {} if h in _SHARED else None for h in header]
        read = reader.columns(shares)
    problems.extend(reader.locate(rows_at))
    if read is None or not ok:
        return None, problems, rows_at
    columns, k = read
    section = Section(name, k, text=True)
    known = NODE_FIELDS if name == "nodes" else EDGE_FIELDS
    for h, col in zip(header, columns, strict=True):
        if any(map(_marked, col)):
            col[:] = map(from_cell, col)
        if h in known:
            section.columns[h] = col
        else:
            section.attributes[h] = col
    return section, problems, rows_at
