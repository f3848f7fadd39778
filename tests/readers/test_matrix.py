"""linkchart.readers.matrix: a sheet's labels and cells, every problem at its sheet, row and column."""

from __future__ import annotations

import io

import pytest

from linkchart import LoadError
from linkchart.readers import matrix
from linkchart.readers.matrix import csv_rows, parse_sheet


def test_labels_and_non_zero_cells() -> None:
    rows = [(1, [None, "E1", "E2", None]), (2, ["Ann", 1, 0]), (3, [None, None]), (4, ["Bea", "2.5", ""])]
    s = parse_sheet("met", "w.xlsx", rows, workbook=True)
    assert (s.rows, s.columns, s.cells, s.problems) == (["Ann", "Bea"], ["E1", "E2"], [(0, 0, 1.0, "B2"),
                                                        (1, 0, 2.5, "B4")], [])  # fmt: skip


def test_every_problem_of_a_sheet_at_once() -> None:
    rows = [(1, ["", "E1", "E1", ""]), (2, ["Ann", "x", -1]), (3, ["Ann", 1, 1, 5]), (4, ["", 1, 1])]
    s = parse_sheet("met", "m.csv", rows)
    assert [(p.code, p.path) for p in s.problems] == [
        ("duplicate-node", "met.columns[1]"),
        ("wrong-type", "met[0][0]"),
        ("bad-weight", "met[0][1]"),
        ("duplicate-node", "met.rows[1]"),
        ("csv-syntax", "met.rows[1]"),
        ("missing-field", "met.rows[2]"),
    ]
    assert s.problems[1].message == "sheet met, row 2, column B ('E1'): 'x' is not a number"


def test_csv_rows_tell_their_delimiter_and_lines() -> None:
    rows = list(csv_rows(io.StringIO(';E1\nAnn;"1\n"\nBea;0\n', newline=""), "m.csv"))
    assert rows == [(1, ["", "E1"]), (2, ["Ann", "1\n"]), (4, ["Bea", "0"])]


def test_a_csv_matrix_is_bounded_as_it_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(matrix, "MAX_MATRIX_CELLS", 10)
    with pytest.raises(LoadError, match="more than 10 cells"):
        list(csv_rows(io.StringIO(",A,B\n" + "x,1,0\n" * 5), "m.csv"))
