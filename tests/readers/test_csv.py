"""linkchart.readers.csv: CSV text into columns, every syntax problem located (no linkchart field known)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from linkchart.readers.csv import CsvReader, CsvRows, delimiter_of


def reader(text: str) -> CsvReader:
    return CsvReader(io.StringIO(text, newline=""), "t.csv", "edges")


def test_the_header_then_the_columns() -> None:
    r = reader("a, b ,c\n1,2,3\n\n4,5,6\n")
    assert r.header() == ["a", "b", "c"]
    shared: dict[str, str] = {}
    assert r.columns([None, shared, None]) == ([["1", "4"], ["2", "5"], ["3", "6"]], 2)
    assert shared == {"2": "2", "5": "5"} and not r.problems


def test_equal_cells_of_a_shared_column_are_one_string() -> None:
    r = reader("relation\n" + "pays\n" * 3)
    r.header()
    read = r.columns([{}])
    assert read is not None
    (column,), _ = read
    assert len({id(v) for v in column}) == 1


def test_a_ragged_row_is_a_problem_at_its_row_and_line(tmp_path: Path) -> None:
    text = 'a,b\n"x\ny",1\n1,2,3\n'
    (tmp_path / "t.csv").write_text(text, encoding="utf-8")
    r = reader(text)
    r.header()
    assert r.columns([None, None]) == ([["x\ny", "1"], ["1", "2"]], 2)  # cut to the header's width
    (p,) = r.locate(CsvRows(lambda: (tmp_path / "t.csv").open(newline="")))
    assert (p.code, p.path, p.row, p.line) == ("csv-syntax", "edges[1]", 2, 4)  # the quoted newline counted


def test_malformed_csv_stops_with_the_line() -> None:
    r = CsvReader(io.StringIO('a\n"x"y\n', newline=""), "t.csv", "nodes")
    r.header()
    assert r.columns([None]) is None and r.failed
    (p,) = r.problems
    assert (p.code, p.line) == ("csv-syntax", 2) and p.message.startswith("malformed CSV")


def test_an_empty_text_has_no_header() -> None:
    r = reader("")
    assert r.header() is None and not r.failed and not r.problems


@pytest.mark.parametrize(
    ("line", "delimiter"),
    [(",E1,E2", ","), (";E1;E2", ";"), ("\tE1\tE2", "\t"), ("A", ","), ('"a;b";c;d', ";"), ('"a;b",c', ",")],
)
def test_the_delimiter_is_the_one_the_first_line_uses_most(line: str, delimiter: str) -> None:
    assert delimiter_of(line) == delimiter
