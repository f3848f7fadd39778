"""Excel workbooks: the sheets ``nodes``, ``edges``, ``vocabulary`` and ``sources``, to records, or
located problems.

The workbook is read by :func:`~.workbook.read_workbook` (bounded zip, DTD-free XML, cells
as stored). Row 1 of a sheet names its columns; each later row that holds a value is a
record. A problem names the sheet, the row (as its line) and the column: ``sheet edges,
row 3, column D (to): unknown node 'zz'``. Refused, each at its place: a sheet named in
the wrong case (``Nodes``), a workbook with neither ``nodes`` nor ``edges``, two columns of
one name, a value in a column without a name (it would be lost), a vocabulary sheet
without its ``key`` or ``value (JSON)`` column, a key written twice, bad JSON in a cell.

Cell values: text as it is; a number as a number in a JSON field (``time``, ``attributes``,
``aliases``) and as its digits in a text field (not in ``alternative``: a claim is named by
text, as in YAML); a date typed into a spreadsheet as its day (``1999-03-15``), in any
field. A ``notes`` cell is a JSON list of notes when it starts with ``[``, else one note as
plain text (as in a CSV file).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from typing import Any, Final

from ..errors import LoadError, Problem
from .convention import (
    JSON_FIELDS,
    SHEETS,
    SOURCE_COLUMNS,
    TEXT_COLUMNS,
    VOCABULARY_COLUMNS,
    Read,
    evidence_value,
)
from .jsontext import read_json
from .workbook import CellValue, Sheet, cell_ref, column_letter, read_workbook

__all__ = ["cell_text", "read_xlsx"]

_RECORD: Final = re.compile(r"(nodes|edges|sources)\[(\d+)\](?:\.([^.\[]+))?")
_KEY: Final = re.compile(r"[^.\[]+")


def cell_text(value: CellValue) -> str:
    """A cell's value as the text a spreadsheet shows for it (a day as ``1999-03-15``).

    Examples
    --------
    >>> import datetime as dt
    >>> cell_text(3), cell_text(2.5), cell_text(True), cell_text(dt.date(1999, 3, 15))
    ('3', '2.5', 'TRUE', '1999-03-15')
    """
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value)


class _Places:
    """Where each record and header key sits: sheet -> (rows, field -> column letter)."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.rows: dict[str, list[int]] = {}
        self.letters: dict[str, dict[str, str]] = {}
        self.keys: dict[str, int] = {}
        self.header = False  # whether the workbook has a vocabulary sheet (its header)

    def __call__(self, p: Problem) -> Problem:
        found = _RECORD.match(p.path)
        if found is not None:
            sheet, k, field = found[1], int(found[2]), found[3] or ""
            rows = self.rows.get(sheet, [])
            row = rows[k] if k < len(rows) else None
            column = self.letters.get(sheet, {}).get(field)
            where = f"sheet {sheet}, row {row}" + (f", column {column} ({field})" if column else "")
        elif not self.header:
            return p
        else:  # the header: the vocabulary sheet, at the row of its key
            key = _KEY.match(p.path)
            row = self.keys.get(key[0]) if key is not None else None
            where = "sheet vocabulary" + (f", row {row} ({key[0] if key else ''})" if row is not None else "")
        return replace(p, message=f"{where}: {p.message}", file=self.file, line=row, row=None)


def read_xlsx(raw: bytes, file: str) -> Read:
    """The header (``None`` without a ``vocabulary`` sheet), nodes and edges of a workbook.

    Raises
    ------
    LoadError
        For a workbook :func:`~.workbook.read_workbook` refuses, and the sheet problems of
        the module notes.
    """
    book = read_workbook(raw, file, SHEETS)
    problems: list[Problem] = []
    for name in book.names:
        if name.casefold() in SHEETS and name not in SHEETS:
            problems.append(
                _sheet_problem(
                    f"the sheet {name!r} is not read: linkchart reads a sheet named {name.casefold()!r}",
                    file,
                    f"rename it {name.casefold()!r} (in lower case)",
                )
            )
    if not problems and "nodes" not in book.names and "edges" not in book.names:
        problems.append(
            _sheet_problem(
                "the workbook has no sheet named 'nodes' or 'edges' (its sheets: "
                + (", ".join(repr(n) for n in book.names) or "none")
                + ")",
                file,
                "linkchart reads the sheets 'nodes' (id, type, label, aliases, time, attributes), "
                "'edges' (id, from, relation, to, confidence, evidence, cites, time, weight, "
                "attributes), 'vocabulary' and 'sources'",
            )
        )
    places = _Places(file)
    tables = {
        name: _table(book.sheets[name], file, places, problems) for name in SHEETS if name in book.sheets
    }
    nodes = _records("nodes", tables["nodes"], places, file, problems) if "nodes" in tables else []
    edges = _records("edges", tables["edges"], places, file, problems) if "edges" in tables else []
    header = None
    if "vocabulary" in tables:
        header = _vocabulary(tables["vocabulary"], file, places, problems)
        sources = [
            {k: cell_text(v) for k, (_, v) in row.items() if k in SOURCE_COLUMNS and v != ""}
            for row in tables.get("sources", [])
        ]
        texts: dict[str, list[str]] = {}
        for row in tables.get("texts", []):
            sid, text = (cell_text(row[k][1]) if k in row else "" for k in TEXT_COLUMNS)
            texts.setdefault(sid, []).append(text)
        for source in sources:
            if source.get("id") in texts:
                source["text"] = "".join(texts[source["id"]])
        if sources:
            header["sources"] = sources
    if problems:
        raise LoadError(problems)
    return Read(header, nodes, edges, place=places)


def _sheet_problem(message: str, file: str, hint: str, line: int | None = None) -> Problem:
    return Problem("xlsx-sheet", message, "", file, line, None, hint)


Row = dict[str, tuple[str, CellValue]]
"""A record as read: field -> (the cell's reference, its value)."""


def _table(sheet: Sheet, file: str, places: _Places, problems: list[Problem]) -> list[Row]:
    """The records of a sheet: row 1 names the columns; every later row with a value is one."""
    columns: dict[int, str] = {}
    for c, value in sorted(sheet.rows.get(1, {}).items()):
        name = cell_text(value).strip()
        if name in columns.values():
            first = next(column_letter(j) for j, n in columns.items() if n == name)
            problems.append(
                _sheet_problem(
                    f"sheet {sheet.name}: columns {first} and {column_letter(c)} are both named {name!r}",
                    file,
                    "keep one of them",
                    1,
                )
            )
        elif name:
            columns[c] = name
    places.letters[sheet.name] = {name: column_letter(c) for c, name in columns.items()}
    rows = places.rows.setdefault(sheet.name, [])
    out = []
    for r in sorted(sheet.rows):
        if r == 1:
            continue
        record: Row = {}
        for c, value in sorted(sheet.rows[r].items()):
            if c in columns:
                record[columns[c]] = (cell_ref(r, c), value)
            else:
                problems.append(
                    Problem(
                        "xlsx-cell",
                        f"sheet {sheet.name}, cell {cell_ref(r, c)}: the cell holds a value, but its column "
                        f"{column_letter(c)} has no header (no name in row 1)",
                        "",
                        file,
                        r,
                        None,
                        "name the column in row 1, or clear the cell",
                    )
                )
        if record:
            rows.append(r)
            out.append(record)
    return out


def _records(
    sheet: str, rows: list[Row], places: _Places, file: str, problems: list[Problem]
) -> list[dict[str, Any]]:
    """The node or edge records of a sheet's rows: JSON fields read, every other field as text."""
    out = []
    for k, (r, row) in enumerate(zip(places.rows[sheet], rows, strict=True)):
        record: dict[str, Any] = {}
        for name, (ref, value) in row.items():
            record[name] = _field(
                name, value, file, f"{sheet}[{k}].{name}", r, f"sheet {sheet}, cell {ref}", problems
            )
        out.append(record)
    return out


def _field(
    name: str, value: CellValue, file: str, path: str, line: int, where: str, problems: list[Problem]
) -> Any:
    """The value of field ``name`` from a cell: JSON fields read from text, a weight as a number."""
    if isinstance(value, dt.date | dt.time):
        return cell_text(value)
    if name == "notes" and isinstance(value, str) and not value.lstrip().startswith("["):
        return [value]  # one note as plain text, as in a CSV file
    if name == "evidence" and isinstance(value, str):
        return evidence_value(value)  # a quote, or an evidence list as JSON
    if name == "alternative" and isinstance(value, bool | int | float):
        return value  # the loader refuses a claim named by a number, as in YAML
    if name in JSON_FIELDS:
        return _json(value, file, path, line, where, problems) if isinstance(value, str) else value
    if name in ("weight", "probability"):
        if isinstance(value, int | float) and not isinstance(value, bool):
            return float(value)
        try:
            return float(value) if isinstance(value, str) else cell_text(value)
        except ValueError:
            return value  # the loader says "weight 'x' is not a number", at its cell
    return cell_text(value)


def _json(text: str, file: str, path: str, line: int, where: str, problems: list[Problem]) -> Any:
    try:
        return read_json(text, file, path=path, line=line, where=where)
    except LoadError as err:
        problems.extend(err.problems)
        return None


def _vocabulary(rows: list[Row], file: str, places: _Places, problems: list[Problem]) -> dict[str, Any]:
    """The header of the ``vocabulary`` sheet: one key and its JSON value per row."""
    key_column, value_column = VOCABULARY_COLUMNS
    named = set(places.letters.get("vocabulary", {}))
    lacking = [c for c in VOCABULARY_COLUMNS if c not in named]
    if lacking:
        problems.append(
            _sheet_problem(
                f"sheet vocabulary: no column named {lacking[0]!r} (its columns: "
                + (", ".join(repr(c) for c in sorted(named)) or "none")
                + ")",
                file,
                "the vocabulary sheet has two columns, 'key' and 'value (JSON)', named in row 1",
                1,
            )
        )
        return {}
    header: dict[str, Any] = {}
    places.header = True
    for r, row in zip(places.rows["vocabulary"], rows, strict=True):
        ref, key = row.get(key_column, ("", ""))
        key = cell_text(key)
        if not key:
            problems.append(
                Problem(
                    "missing-field",
                    f"sheet vocabulary, row {r}: the key is empty",
                    "",
                    file,
                    r,
                    None,
                    "write the key in column " + places.letters["vocabulary"][key_column],
                )
            )
            continue
        if key in header:
            problems.append(
                Problem(
                    "duplicate-key",
                    f"sheet vocabulary, cell {ref}: the key {key!r} is written twice",
                    key,
                    file,
                    r,
                    None,
                    "keep one of them",
                )
            )
            continue
        places.keys[key] = r
        if value_column not in row:
            header[key] = None
            continue
        value_ref, value = row[value_column]
        header[key] = _field(
            "attributes", value, file, key, r, f"sheet vocabulary, cell {value_ref}", problems
        )
    return header
