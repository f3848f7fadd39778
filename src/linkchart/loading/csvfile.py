"""Nodes and edges from CSV files, read into columns.

A CSV file (UTF-8, an optional byte-order mark, header row, comma-separated, RFC 4180
quoting) is read with the :mod:`csv` module in chunks of rows, and each chunk is
transposed into the per-column lists of a :class:`~.build.Section`: no dictionary or
record is made per row. Repeated cells of low-cardinality columns (relation, type,
confidence, source, time, weight) are shared, so a million edges cost a few columns.
Row problems are located lazily: the physical line of a row is found by reading the
file again only when a problem needs it. A cell written spreadsheet-safe
(``'=...``, see :mod:`~.cells`) is read back as the text it stands for.
"""

from __future__ import annotations

import csv
import itertools
import operator
from collections.abc import Mapping
from pathlib import Path
from typing import Final

from ..errors import Problem, ProblemCode
from .cells import from_cell
from .columns import EDGE_FIELDS, NODE_FIELDS, RESERVED_EDGE_NAMES, RESERVED_NODE_NAMES, Section
from .files import MAX_TABLE_BYTES, Refused, open_text

__all__ = ["CsvRows", "read_section"]

_CHUNK: Final = 1024  # rows per chunk: small enough to stay in the CPU cache
_REQUIRED: Final = {"nodes": ("id", "type"), "edges": ("from", "relation", "to")}
_marked: Final = operator.methodcaller("startswith", "'")
_SHARED: Final = frozenset({"type", "relation", "confidence", "source", "time", "weight"})


class CsvRows:
    """Where the data rows of a CSV file lie: row ``k`` (0-based) -> its first physical line."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lines: list[int] | None = None

    def line(self, k: int) -> int | None:
        """The 1-based physical line where data row ``k`` starts."""
        if self._lines is None:
            self._lines = []
            try:
                with self.path.open(encoding="utf-8-sig", newline="") as f:
                    reader = csv.reader(f)
                    previous = 0
                    for i, row in enumerate(reader):
                        if i > 0 and row:
                            self._lines.append(previous + 1)
                        previous = reader.line_num
            except (OSError, UnicodeDecodeError, csv.Error):
                pass
        return self._lines[k] if k < len(self._lines) else None


def read_section(
    path: Path,
    name: str,
    file: str,
    shared: Mapping[str, dict[str, str]] | None = None,
    *,
    echo: bool = True,
    rename: Mapping[str, str] | None = None,
) -> tuple[Section | None, list[Problem], CsvRows]:
    """Read ``nodes.csv`` or ``edges.csv`` into a text :class:`~.build.Section`.

    ``shared`` maps a column name to a dictionary of strings to reuse for its cells
    (the node ids, for an edge file's ``from`` and ``to``); other low-cardinality
    columns share their repeated cells among themselves. ``rename`` maps a column of
    the file's header to the field it holds (``{"Source": "from"}``): another tool's
    CSV read as is (``rename``).

    Returns the section (``None`` when the file could not be read at all), the
    problems found in the file itself (unreadable, malformed, missing or reserved
    columns, rows of the wrong length), and the row locator.
    """
    rows_at = CsvRows(path)
    problems: list[Problem] = []

    def problem(
        code: ProblemCode,
        message: str,
        line: int | None,
        hint: str = "",
        row: int | None = None,
        where: str = name,
    ) -> None:
        problems.append(Problem(code, message, where, file, line, row, hint))

    try:
        f = open_text(path, MAX_TABLE_BYTES, newline="")
    except Refused as refused:
        problem("source-unreadable", f"the {name} CSV file is not read: {refused.reason}", None, refused.hint)
        return None, problems, rows_at
    except OSError as exc:
        problem(
            "source-unreadable",
            f"cannot read the {name} CSV file: {exc.strerror or exc}",
            None,
            "the path is relative to the YAML file",
        )
        return None, problems, rows_at
    with f:
        reader = csv.reader(f, strict=True)
        try:
            header = next(reader, None)
            if header is None:
                problem(
                    "csv-syntax",
                    "the file is empty; it needs a header row",
                    1,
                    f"write the column names first: {','.join(_REQUIRED[name])},...",
                )
                return None, problems, rows_at
            header = [from_cell(h.strip()) for h in header]
            if rename:  # another tool's header: its columns read as linkchart's fields
                for column, field in rename.items():
                    if column not in header:
                        problem(
                            "csv-syntax",
                            f"the column {column!r} (read as {field!r}) is not in the header",
                            1,
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
                        1,
                        f"the header must name {', '.join(_REQUIRED[name])}"
                        + (f"; it names {', '.join(header)}" if echo else ""),
                    )
            for j, h in enumerate(header):
                if h in header[:j]:
                    ok = False
                    problem(
                        "csv-syntax",
                        f"the column {h!r} appears twice in the header",
                        1,
                        "name every column once",
                    )
                elif not h:
                    ok = False
                    problem("csv-syntax", f"column {j + 1} has no name", 1, "name every column")
                elif h == "attributes" or (h in reserved and h not in known):
                    ok = False
                    problem(
                        "unknown-field",
                        f"the column {h!r} is a reserved name, not a free attribute",
                        1,
                        "every extra column is a free attribute; rename it",
                    )
            width = len(header)
            columns: list[list[str]] = [[] for _ in header]
            given = shared or {}
            shares: list[dict[str, str] | None] = [
                given[h] if h in given else {} if h in _SHARED else None for h in header
            ]
            k = 0
            while True:
                chunk = list(itertools.islice(reader, _CHUNK))
                if not chunk:
                    break
                if set(map(len, chunk)) != {width}:
                    kept: list[list[str]] = []
                    for r in chunk:
                        if not r:
                            continue
                        if len(r) != width:
                            problems.append(
                                Problem(
                                    "csv-syntax",
                                    f"the row has {len(r)} cells; the header has {width}",
                                    f"{name}[{k + len(kept)}]",
                                    file,
                                    None,
                                    k + len(kept) + 1,
                                    "quote cells that contain commas; check for a missing or extra comma",
                                )
                            )
                            r = (r + [""] * width)[:width]
                        kept.append(r)
                    chunk = kept
                for col, share, values in zip(columns, shares, zip(*chunk, strict=True), strict=True):
                    if share is None:
                        col.extend(values)
                    else:
                        col.extend(map(share.setdefault, values, values))
                k += len(chunk)
        except csv.Error as exc:
            problem("csv-syntax", f"malformed CSV: {exc}", reader.line_num, "check the quoting on that line")
            return None, problems, rows_at
        except UnicodeDecodeError:
            problem("csv-syntax", "the file is not UTF-8 text", None, "save it as UTF-8 (CSV UTF-8 in Excel)")
            return None, problems, rows_at
    if not ok:
        return None, problems, rows_at
    section = Section(name, k, text=True)
    for col in columns:
        if any(map(_marked, col)):
            col[:] = map(from_cell, col)
    for h, col in zip(header, columns, strict=True):
        if h in known:
            section.columns[h] = col
        else:
            section.attributes[h] = col
    # fill in located rows for the problems made while reading
    problems = [
        p
        if p.row is None or p.line is not None
        else Problem(p.code, p.message, p.path, p.file, rows_at.line(p.row - 1), p.row, p.hint)
        for p in problems
    ]
    return section, problems, rows_at
