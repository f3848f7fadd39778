"""Matrices: a sheet's row and column labels and its non-zero cells, from CSV text or a worksheet.

A matrix sheet (UCINET's and ORA's exchange form) has the column labels in its first row
(the first cell ignored), the row labels in its first column, and a number in a cell for
a tie. :func:`parse_sheet` reads the ``(line, values)`` rows of one sheet — from
:func:`csv_rows` (a CSV text; comma, semicolon or tab separated, told by its first line)
or :func:`sheet_rows` (a worksheet of :mod:`.workbook`) — into a :class:`MatrixSheet`:
labels, cells and every problem, each located by sheet, row and column
(``sheet Meetings, row 5, column C ('E3')``). Building a chart from sheets is
:mod:`linkchart.loading.matrix`.
"""

from __future__ import annotations

import csv
import itertools
import math
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import IO, Any, Final

from ..errors import LoadError, Problem, ProblemCode
from .csv import delimiter_of
from .workbook import Sheet, column_letter

__all__ = ["MAX_MATRIX_CELLS", "MatrixSheet", "csv_rows", "parse_sheet", "sheet_rows"]

MAX_MATRIX_CELLS: Final = 25_000_000
"""The most cells (rows x columns) one sheet may have: a 5,000 x 5,000 matrix."""
_MAX_REPORTED: Final = 200
"""At most this many problems are listed per sheet; the rest are counted."""

Rows = Iterable[tuple[int, Sequence[Any]]]
"""A sheet's rows: ``(line, values)``, the line 1-based."""


@dataclass(slots=True)
class MatrixSheet:
    """One sheet as read: its labels and its non-zero cells, or the problems found.

    Attributes
    ----------
    name, file
        The sheet's name and the file it is in.
    rows, columns
        The row and column labels (``""`` where one is missing).
    cells
        ``(row, column, weight, address)`` of each non-zero cell: 0-based indices into
        ``rows`` and ``columns``, and the spreadsheet address (``C5``).
    problems
        Every problem found (at most 200 listed, then a count).
    workbook
        Whether the sheet is a worksheet (its row problems are ``xlsx-cell``, not ``csv-syntax``).
    """

    name: str
    file: str
    workbook: bool = False
    rows: list[str] = field(default_factory=list)
    columns: list[str] = field(default_factory=list)
    cells: list[tuple[int, int, float, str]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def problem(
        self, code: ProblemCode, where: str, message: str, path: str, line: int | None, hint: str
    ) -> None:
        """Record a problem at ``where`` (``row 5, column C ('E3')``) of the sheet."""
        if len(self.problems) == _MAX_REPORTED:
            self.problems.append(
                Problem(
                    code, f"sheet {self.name}: more problems not listed", self.name, self.file, None, None, ""
                )
            )
        if len(self.problems) > _MAX_REPORTED:
            return
        self.problems.append(
            Problem(code, f"sheet {self.name}, {where}: {message}", path, self.file, line, None, hint)
        )


def _label(value: Any) -> str | None:
    """A label cell as text (``12.0`` as ``12``), or ``None`` when empty."""
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    return text or None


def _weight(value: Any) -> float | str | None:
    """A cell as a number, ``None`` when empty, or the text of why it is not a weight."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "a true/false cell is not a number"
    if isinstance(value, int | float):
        number = float(value)
    elif isinstance(value, str):
        text = value.strip()
        if not text:
            return None
        try:
            number = float(text)
        except ValueError:
            return f"{text[:40]!r} is not a number"
    else:
        return f"a {type(value).__name__} cell is not a number"
    if not math.isfinite(number):
        return f"{value!r} is not a finite number"
    return number


def _letter(j: int) -> str:
    """The spreadsheet letter of column ``j`` (0-based)."""
    return column_letter(j + 1)


def _header(sheet: MatrixSheet, line: int, values: Sequence[Any]) -> int:
    """Read the column labels of the first row into ``sheet``; return the sheet's width."""
    header = [_label(v) for v in values[1:]]
    while header and header[-1] is None:
        header.pop()
    if not header:
        sheet.problem(
            "missing-field",
            f"row {line}",
            "the first row has no column labels",
            f"{sheet.name}.columns",
            line,
            "write the column labels in the first row, after one empty cell (a CSV file is comma, "
            "semicolon or tab separated)",
        )
    seen: dict[str, int] = {}
    for j, label in enumerate(header):
        where = f"row {line}, column {_letter(j + 1)}"
        if label is None:
            sheet.problem(
                "missing-field",
                where,
                "a column without a label",
                f"{sheet.name}.columns[{j}]",
                line,
                "write the column's label in the first row",
            )
        elif label in seen:
            sheet.problem(
                "duplicate-node",
                where,
                f"column label {label!r} is also column {_letter(seen[label] + 1)}",
                f"{sheet.name}.columns[{j}]",
                line,
                "give every column its own label",
            )
        else:
            seen[label] = j
    sheet.columns = [c or "" for c in header]
    return len(header)


def _row(sheet: MatrixSheet, line: int, values: Sequence[Any], width: int, seen: dict[str, int]) -> None:
    """Read one data row into ``sheet``: its label and its non-zero cells."""
    i = len(sheet.rows)
    label = _label(values[0]) if values else None
    where = f"row {line}"
    if label is None:
        sheet.problem(
            "missing-field",
            where,
            "a row without a label",
            f"{sheet.name}.rows[{i}]",
            line,
            "write the row's label in the first column",
        )
        label = ""
    elif label in seen:
        sheet.problem(
            "duplicate-node",
            where,
            f"row label {label!r} is also row {seen[label]}",
            f"{sheet.name}.rows[{i}]",
            line,
            "give every row its own label",
        )
    else:
        seen[label] = line
    sheet.rows.append(label)
    cells = list(values[1:])
    extra = [v for v in cells[width:] if _weight(v) is not None]
    if len(cells) < width or extra:
        sheet.problem(
            "xlsx-cell" if sheet.workbook else "csv-syntax",
            where,
            f"the row has {len(cells)} cells after its label, the header {width}",
            f"{sheet.name}.rows[{i}]",
            line,
            "every row has one cell per column label (an empty cell is no tie)",
        )
    for j, value in enumerate(cells[:width]):
        number = _weight(value)
        if number is None:
            continue
        at = f"row {line}, column {_letter(j + 1)} ({sheet.columns[j]!r})"
        if isinstance(number, str):
            sheet.problem(
                "wrong-type",
                at,
                number,
                f"{sheet.name}[{i}][{j}]",
                line,
                "write the tie's weight as a number; 0 or an empty cell is no tie",
            )
        elif number < 0:
            sheet.problem(
                "bad-weight",
                at,
                f"weight {number:g} is negative",
                f"{sheet.name}[{i}][{j}]",
                line,
                "a weight is a positive number; 0 or an empty cell is no tie",
            )
        elif number > 0:
            sheet.cells.append((i, j, number, f"{_letter(j + 1)}{line}"))


def parse_sheet(name: str, file: str, rows: Rows, *, workbook: bool = False) -> MatrixSheet:
    """The labels and non-zero cells of the sheet ``name`` of ``file`` from its ``(line, values)`` rows.

    Blank rows are skipped. Problems (each in :attr:`MatrixSheet.problems`): a cell that
    is not a number (``wrong-type``), a negative weight (``bad-weight``), a row longer or
    shorter than the header (``csv-syntax``; ``xlsx-cell`` in a workbook), a first row
    without column labels, a missing label (``missing-field``), a label written twice
    (``duplicate-node``), an empty sheet.

    Examples
    --------
    >>> s = parse_sheet("met", "met.csv", [(1, ["", "Cafe"]), (2, ["Ann", "1"]), (3, ["Bea", "0"])])
    >>> s.rows, s.columns, s.cells
    (['Ann', 'Bea'], ['Cafe'], [(0, 0, 1.0, 'B2')])
    """
    sheet = MatrixSheet(name, file, workbook=workbook)
    width: int | None = None
    seen: dict[str, int] = {}
    for line, values in rows:
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in values):
            continue  # a blank row
        if width is None:
            width = _header(sheet, line, values)
        else:
            _row(sheet, line, values, width, seen)
    if width is None:
        sheet.problem(
            "missing-field", "row 1", "the sheet is empty", name, None, "write a matrix with labels"
        )
    return sheet


def csv_rows(f: IO[str], file: str) -> Iterator[tuple[int, Sequence[str]]]:
    """The rows of a CSV text with the line each starts on; the delimiter (comma, semicolon
    or tab) told by the first line (:func:`~.csv.delimiter_of`).

    Raises
    ------
    LoadError
        ``csv-syntax`` for malformed CSV (at its line); ``source-unreadable`` for text that
        is not UTF-8 or holds more than :data:`MAX_MATRIX_CELLS` cells.
    """
    try:
        first = f.readline()
        reader = csv.reader(itertools.chain([first], f), delimiter=delimiter_of(first))
        start, cells = 1, 0
        for values in reader:
            cells += len(values)
            if cells > MAX_MATRIX_CELLS:
                raise _unreadable(
                    file,
                    f"the matrix has more than {MAX_MATRIX_CELLS:,} cells",
                    "split it, or load it another way",
                )
            yield start, values
            start = reader.line_num + 1
    except csv.Error as exc:
        line = reader.line_num
        raise LoadError(
            [Problem("csv-syntax", f"line {line}: {exc}", "", file, line, None, "check the quoting")]
        ) from None
    except UnicodeDecodeError:
        raise _unreadable(file, "the matrix file is not UTF-8 text", "save it as UTF-8 CSV") from None


def sheet_rows(sheet: Sheet, file: str) -> Iterator[tuple[int, Sequence[Any]]]:
    """The rows of one worksheet, each as long as the sheet is wide.

    Raises
    ------
    LoadError
        ``xlsx-cell`` for merged cells (a merged cell has no value of its own);
        ``source-unreadable`` for a sheet of more than :data:`MAX_MATRIX_CELLS` cells.
    """
    if sheet.merged:
        raise LoadError(
            [
                Problem(
                    "xlsx-cell",
                    f"sheet {sheet.name}: cells {', '.join(sheet.merged[:5])} are merged",
                    "",
                    file,
                    None,
                    None,
                    "unmerge them and write the value in every cell",
                )
            ]
        )
    rows = max(sheet.rows, default=0)
    columns = max((max(r, default=0) for r in sheet.rows.values()), default=0)
    if rows * columns > MAX_MATRIX_CELLS:
        raise _unreadable(
            file,
            f"sheet {sheet.name} is {rows:,} x {columns:,} cells, more than the {MAX_MATRIX_CELLS:,} read",
            "split the sheet, or check that the right sheet is named",
        )
    for line in range(1, rows + 1):
        cells = sheet.rows.get(line, {})
        yield line, [cells.get(j) for j in range(1, columns + 1)]


def _unreadable(file: str, message: str, hint: str) -> LoadError:
    return LoadError([Problem("source-unreadable", message, "", file, None, None, hint)])
