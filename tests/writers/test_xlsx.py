"""linkchart.writers.xlsx: a workbook of typed text cells, never formulas."""

from __future__ import annotations

from pathlib import Path

import openpyxl

import linkchart


def test_a_spreadsheet_reads_the_export(central_asia: linkchart.LinkChart, tmp_path: Path) -> None:
    wb = openpyxl.load_workbook(linkchart.export(central_asia, tmp_path / "c.xlsx"))
    assert wb.sheetnames == ["nodes", "edges", "vocabulary", "sources", "texts"]  # texts: the sources' own
    assert wb["edges"].max_row == central_asia.number_of_edges + 1 and wb["nodes"]["A1"].value == "id"


def test_excel_cells_are_text_never_formulas(tmp_path: Path) -> None:
    chart = linkchart.from_records(
        [
            {"id": '=HYPERLINK("x")', "type": "state", "label": "+cmd|' /C calc'!A0"},
            {"id": "b", "type": "state"},
        ],
        [{"from": '=HYPERLINK("x")', "relation": "r", "to": "b", "evidence": "@SUM(A1)"}],
    )
    out = linkchart.export(chart, tmp_path / "f.xlsx")
    wb = openpyxl.load_workbook(out)
    cells = [c for row in wb["nodes"].iter_rows() for c in row] + [
        c for row in wb["edges"].iter_rows() for c in row
    ]
    assert all(c.data_type != "f" for c in cells)
    assert wb["nodes"]["A2"].value == '=HYPERLINK("x")' and wb["nodes"]["A2"].data_type == "s"
    assert linkchart.load(out) == chart
