"""linkchart.readers.xlsx: workbooks' sheets to records, each problem by sheet, row and column."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

import linkchart
from linkchart import LoadError


def test_excel_problems_are_placed_by_sheet_row_and_column(tmp_path: Path) -> None:
    chart = linkchart.from_records(
        [{"id": "a", "type": "state"}, {"id": "b", "type": "state"}],
        [{"from": "a", "relation": "r", "to": "b"}, {"from": "b", "relation": "r", "to": "a"}],
    )
    out = linkchart.export(chart, tmp_path / "c.xlsx")
    wb = openpyxl.load_workbook(out)
    wb["edges"]["D3"] = "zz"  # the second edge's 'to' (column D), row 3
    wb["edges"]["E2"] = "likely"  # the first edge's confidence
    wb.save(out)
    with pytest.raises(LoadError) as info:
        linkchart.load(out)
    messages = sorted(p.message for p in info.value.problems)
    assert messages[0].startswith("sheet edges, row 2, column E (confidence): ")
    assert messages[1].startswith("sheet edges, row 3, column D (to): unknown node 'zz'")
    assert {p.line for p in info.value.problems} == {2, 3} and all(
        p.file == str(out) for p in info.value.problems
    )


def test_a_notes_cell_is_one_note_or_a_json_list_as_in_csv(tmp_path: Path) -> None:
    chart = linkchart.from_records(
        [{"id": "a", "type": "state", "notes": ["x"]}, {"id": "b", "type": "state"}], []
    )
    out = linkchart.export(chart, tmp_path / "c.xlsx")
    wb = openpyxl.load_workbook(out)
    assert wb["nodes"]["F2"].value == '["x"]'  # the writer's JSON list
    wb["nodes"]["F3"] = "seen at the meeting"  # plain text: one note
    wb.save(out)
    again = linkchart.load(out)
    assert [n.text for n in again.node("a").notes] == ["x"]
    assert [n.text for n in again.node("b").notes] == ["seen at the meeting"]


def test_a_number_naming_a_claim_is_refused_as_in_yaml(tmp_path: Path) -> None:
    chart = linkchart.from_records(
        [{"id": "a", "type": "state"}, {"id": "b", "type": "state"}],
        [
            {"from": "a", "relation": "r", "to": "b", "alternative": "k"},
            {"from": "b", "relation": "r", "to": "a"},
        ],
    )
    out = linkchart.export(chart, tmp_path / "c.xlsx")
    wb = openpyxl.load_workbook(out)
    column = [c.value for c in wb["edges"][1]].index("alternative") + 1
    wb["edges"].cell(row=2, column=column).value = 7
    wb.save(out)
    with pytest.raises(LoadError) as info:
        linkchart.load(out)
    (p,) = info.value.problems
    assert p.code == "wrong-type" and p.line == 2 and "alternative" in p.message
