"""Worksheets and shared strings of an ``.xlsx``: the XML of one part, streamed into cells.

:class:`SheetReader` reads a worksheet part as the parser streams it (:mod:`.xmltree`):
cells as they are stored, never padded (a cell far out at XFD1048576 costs what any cell
costs), a reference beyond XFD1048576 refused. Cell values: text (shared or inline),
numbers (``int`` when written without a point or exponent), booleans, dates and times (a
number with a date format, or a ``t="d"`` cell) as :mod:`datetime` values; a formula cell
reads as its saved value. Every problem is located by sheet, cell and row
(``xlsx-syntax``: a bad reference, number, date, boolean or shared-string index, a cell
written twice; ``xlsx-cell``: a formula without its value, an error value, cells merged
over data). :mod:`.workbook` finds the parts in the zip and bounds it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Final

from ..errors import Problem, ProblemCode
from .xmltree import local

__all__ = [
    "MAIN",
    "MAX_PROBLEMS",
    "CellValue",
    "Sheet",
    "SheetReader",
    "Strings",
    "cell_ref",
    "column_letter",
]

MAIN: Final = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
"""The namespace of a workbook's and a worksheet's elements."""
MAX_PROBLEMS: Final = 100
"""At most this many problems of a workbook are listed."""
_MAX_ROW: Final = 1_048_576
_MAX_COLUMN: Final = 16_384

CellValue = str | int | float | bool | dt.date | dt.datetime | dt.time
"""What a cell holds: text, a number, a boolean, a day, a moment or a time of day."""


@dataclass
class Sheet:
    """A worksheet as read: ``rows[r][c]`` is the value of the cell at row ``r``, column ``c``
    (both 1-based; only the cells stored are there: a sparse sheet costs what its cells
    cost), and the merged ranges."""

    name: str
    part: str
    rows: dict[int, dict[int, CellValue]] = field(default_factory=dict)
    merged: list[str] = field(default_factory=list)


def column_letter(j: int) -> str:
    """The letters of the 1-based column ``j``.

    Examples
    --------
    >>> column_letter(1), column_letter(26), column_letter(27), column_letter(16384)
    ('A', 'Z', 'AA', 'XFD')
    """
    out = ""
    while j:
        j, r = divmod(j - 1, 26)
        out = chr(65 + r) + out
    return out


def cell_ref(row: int, column: int) -> str:
    """The reference of the cell at ``row``, ``column`` (1-based).

    Examples
    --------
    >>> cell_ref(3, 4), cell_ref(1_048_576, 16_384)
    ('D3', 'XFD1048576')
    """
    return f"{column_letter(column)}{row}"


_REF: Final = re.compile(r"([A-Z]{1,3})([1-9][0-9]{0,6})")


def _reference(ref: str) -> tuple[int, int] | None:
    """(row, column) of a cell reference such as ``D3``, or ``None`` if it is not one in range."""
    found = _REF.fullmatch(ref)
    if found is None:
        return None
    column = 0
    for letter in found[1]:
        column = column * 26 + ord(letter) - 64
    row = int(found[2])
    return (row, column) if row <= _MAX_ROW and column <= _MAX_COLUMN else None


class _Text:
    """Collects the text of a string item (``<si>`` or ``<is>``): its ``<t>`` runs, without
    the phonetic ``<rPh>`` guides."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.inside_t = False
        self.phonetic = 0

    def start(self, name: str) -> None:
        if name == "rPh":
            self.phonetic += 1
        elif name == "t" and not self.phonetic:
            self.inside_t = True

    def end(self, name: str) -> None:
        if name == "rPh":
            self.phonetic -= 1
        elif name == "t":
            self.inside_t = False

    def data(self, text: str) -> None:
        if self.inside_t:
            self.parts.append(text)

    def text(self) -> str:
        return "".join(self.parts)


class Strings:
    """Streaming reader of the shared strings: one text per ``<si>``."""

    def __init__(self) -> None:
        self.strings: list[str] = []
        self.item: _Text | None = None

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        name = local(tag)
        if name == "si":
            self.item = _Text()
        elif self.item is not None:
            self.item.start(name)

    def end(self, tag: str) -> None:
        name = local(tag)
        if name == "si" and self.item is not None:
            self.strings.append(self.item.text())
            self.item = None
        elif self.item is not None:
            self.item.end(name)

    def data(self, text: str) -> None:
        if self.item is not None:
            self.item.data(text)

    def close(self) -> list[str]:
        return self.strings


_NUMBER: Final = re.compile(r"[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?")
_MAX_NUMBER_TEXT: Final = 400
_EPOCH_1900: Final = dt.datetime(1899, 12, 30)
_EPOCH_1904: Final = dt.datetime(1904, 1, 1)


class SheetReader:
    """Streaming reader of a worksheet into a :class:`Sheet`: cells as stored, never padded."""

    def __init__(
        self,
        name: str,
        part: str,
        file: str,
        strings: list[str],
        dates: frozenset[int],
        date1904: bool,
        problems: list[Problem],
    ) -> None:
        self.sheet = Sheet(name, part)
        self.file = file
        self.strings = strings
        self.dates = dates
        self.date1904 = date1904
        self.problems = problems
        self.row = 0
        self.column = 0
        self.cell: dict[str, str] | None = None
        self.value: list[str] | None = None  # the text of the cell's <v>, None when it has none
        self.in_value = False
        self.formula = False
        self.text: _Text | None = None

    # -- problems
    def problem(self, code: ProblemCode, ref: str, row: int | None, message: str, hint: str) -> None:
        if len(self.problems) < MAX_PROBLEMS:
            where = f"sheet {self.sheet.name}, cell {ref}" if ref else f"sheet {self.sheet.name}"
            self.problems.append(Problem(code, f"{where}: {message}", "", self.file, row, None, hint))

    # -- the XML events
    def start(self, tag: str, attrib: dict[str, str]) -> None:
        name = local(tag)
        if self.cell is not None:
            if name == "v":
                self.value = []
                self.in_value = True
            elif name == "f":
                self.formula = True
            elif name == "is":
                self.text = _Text()
            elif self.text is not None:
                self.text.start(name)
        elif name == "row":
            r = attrib.get("r")
            if r is None:
                self.row += 1
            elif r.isdigit() and 1 <= int(r) <= _MAX_ROW:
                self.row = int(r)
            else:
                self.problem(
                    "xlsx-syntax",
                    "",
                    None,
                    f"the row number {r[:20]!r} is not one from 1 to {_MAX_ROW:,}",
                    _RESAVE,
                )
                self.row = -1
            self.column = 0
        elif name == "c":
            self.cell = attrib
            self.formula = False
            self.value = None
            self.text = None
        elif name == "mergeCell":
            self.sheet.merged.append(attrib.get("ref", ""))

    def end(self, tag: str) -> None:
        name = local(tag)
        if self.cell is None:
            return
        if name == "c":
            self.store(self.cell)
            self.cell = None
        elif name == "v":
            self.in_value = False
        elif self.text is not None and name != "is":
            self.text.end(name)

    def data(self, text: str) -> None:
        if self.in_value and self.value is not None:
            self.value.append(text)
        elif self.text is not None:
            self.text.data(text)

    def close(self) -> Sheet:
        """The sheet, once merged ranges over its data are reported (only the first cell of
        a merged range holds its value: the others would read as empty)."""
        if self.sheet.merged and self.sheet.rows:
            last_row = max(self.sheet.rows)
            last_column = max(c for cells in self.sheet.rows.values() for c in cells)
            for ref in self.sheet.merged:
                first, _, last = ref.partition(":")
                start, end = _reference(first), _reference(last or first)
                if start is None or end is None:
                    self.problem(
                        "xlsx-syntax",
                        "",
                        None,
                        f"the merged range {ref[:40]!r} is not a range of cells",
                        _RESAVE,
                    )
                elif start != end and start[0] <= last_row and start[1] <= last_column:
                    self.problem(
                        "xlsx-cell",
                        ref,
                        start[0],
                        f"the cells are merged, so only {first} holds a value and the others read as empty",
                        "unmerge the cells and write the value in each one",
                    )
        return self.sheet

    # -- one cell
    def store(self, attrib: dict[str, str]) -> None:
        ref = attrib.get("r")
        if ref is None:  # a cell may leave out its reference: it is the next one in its row
            if self.row < 1:
                return
            ref = f"{column_letter(self.column + 1)}{self.row}"
        place = _reference(ref)
        if place is None:
            self.problem(
                "xlsx-syntax",
                "",
                self.row if self.row > 0 else None,
                f"the cell reference {ref[:20]!r} is not one from A1 to XFD1048576",
                _RESAVE,
            )
            return
        row, column = place
        self.column = column
        value = self.read(attrib, ref, row)
        if value is None:
            return
        cells = self.sheet.rows.setdefault(row, {})
        if column in cells:
            self.problem("xlsx-syntax", ref, row, "the cell is written twice", _RESAVE)
            return
        cells[column] = value

    def read(self, attrib: dict[str, str], ref: str, row: int) -> CellValue | None:
        """The value of a cell, ``None`` for an empty one (or a bad one, with its problem)."""
        kind = attrib.get("t", "n")
        raw = "".join(self.value or [])
        if kind == "inlineStr":
            return self.text.text() if self.text is not None else None
        if self.value is None:
            if self.formula:
                self.problem(
                    "xlsx-cell", ref, row, "the cell holds a formula saved without its value", _RECALC
                )
            return None
        if kind == "s":
            index = int(raw) if raw.strip().isdigit() and len(raw) < 20 else -1
            if not 0 <= index < len(self.strings):
                self.problem(
                    "xlsx-syntax",
                    ref,
                    row,
                    f"the shared string index {raw[:20]!r} is out of range (the workbook has "
                    f"{len(self.strings):,} shared strings)",
                    _RESAVE,
                )
                return None
            return self.strings[index]
        if kind == "str":
            return raw
        if kind == "b":
            if raw not in ("0", "1"):
                self.problem("xlsx-syntax", ref, row, f"the boolean {raw[:20]!r} is not 0 or 1", _RESAVE)
                return None
            return raw == "1"
        if kind == "e":
            self.problem(
                "xlsx-cell",
                ref,
                row,
                f"the cell holds the error {raw[:20]}",
                "correct the formula or type the value",
            )
            return None
        if kind == "d":
            return self.iso(raw, ref, row)
        if kind != "n":
            self.problem("xlsx-syntax", ref, row, f"the cell type {kind[:20]!r} is unknown", _RESAVE)
            return None
        if not raw.strip():
            if self.formula:  # openpyxl, and others, save a formula with an empty value
                self.problem(
                    "xlsx-cell", ref, row, "the cell holds a formula saved without its value", _RECALC
                )
            return None
        return self.number(raw.strip(), ref, row, attrib.get("s", "0"))

    def number(self, raw: str, ref: str, row: int, style: str) -> CellValue | None:
        if len(raw) > _MAX_NUMBER_TEXT or not _NUMBER.fullmatch(raw):
            self.problem("xlsx-syntax", ref, row, f"the number {raw[:40]!r} is not a number", _RESAVE)
            return None
        integer = not any(c in raw for c in ".eE")
        value: float | int = int(raw) if integer else float(raw)
        if isinstance(value, float) and not (abs(value) < float("inf")):
            self.problem(
                "xlsx-syntax", ref, row, f"the number {raw[:40]!r} is too large for a number", _RESAVE
            )
            return None
        if style.isdigit() and int(style) in self.dates:
            return self.serial(float(value), ref, row)
        return value

    def serial(self, value: float, ref: str, row: int) -> CellValue | None:
        """The day, moment or time of day of a spreadsheet date number."""
        if not 0 <= value < 2_958_466 or (not self.date1904 and 60 <= value < 61):
            self.problem(
                "xlsx-syntax",
                ref,
                row,
                f"the date number {value!r} is not a date from 1900 to 9999",
                "type the date again, as a date",
            )
            return None
        seconds = round(value * 86_400)
        if value < 1:
            return dt.time(seconds // 3600 % 24, seconds // 60 % 60, seconds % 60)
        epoch = _EPOCH_1904 if self.date1904 else _EPOCH_1900
        if not self.date1904 and value < 60:  # 1900-02-29, which Excel counts, never was
            seconds += 86_400
        moment = epoch + dt.timedelta(seconds=seconds)
        return moment.date() if moment.time() == dt.time() else moment

    def iso(self, raw: str, ref: str, row: int) -> CellValue | None:
        try:
            moment = dt.datetime.fromisoformat(raw.strip().removesuffix("Z"))
        except ValueError:
            self.problem(
                "xlsx-syntax",
                ref,
                row,
                f"the date {raw[:40]!r} is not a date",
                "type the date again, as a date",
            )
            return None
        return moment.date() if moment.time() == dt.time() else moment


_RESAVE: Final = "open the file in a spreadsheet and save it again as .xlsx"
_RECALC: Final = "open the file in a spreadsheet and save it (that saves the values), or type the value"
