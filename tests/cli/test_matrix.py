"""``linkchart matrix``: matrix files (CSV, workbook sheets, a folder of CSV files) into a chart."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

import linkchart
from linkchart.cli import main

FRIENDS: list[list[Any]] = [["", "Ann", "Bea", "Cid"], ["Ann", 0, 1, 0], ["Bea", 1, 0, 2], ["Cid", 0, 2, 0]]
MET: list[list[Any]] = [["", "Cafe", "Park"], ["Ann", 1, 0], ["Bea", 3, 1], ["Cid", None, 1]]


def _ties(c: linkchart.LinkChart) -> set[tuple[str, str, str, float]]:
    return {(e.from_id, e.relation, e.to_id, e.weight) for e in c.iter_edges()}


def _csv(rows: list[list[Any]]) -> str:
    return "\n".join(",".join("" if v is None else str(v) for v in row) for row in rows) + "\n"


def _workbook(path: Path) -> Path:
    wb = Workbook()
    wb.remove(wb.active)
    for name, rows in (("friends", FRIENDS), ("met", MET)):
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
    wb.save(path)
    return path


def test_a_csv_matrix_is_written_as_the_library_reads_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "met.csv"
    src.write_text(_csv(MET))
    out = tmp_path / "met.yaml"
    argv = ["matrix", str(src), "--columns", "place", "--class", "person=agent", "place=location"]
    assert main([*argv, "--relation", "visited", "--confidence", "reported", "-o", str(out)]) == 0
    assert "wrote" in capsys.readouterr().err
    got = linkchart.load(out)
    expected = linkchart.load_matrix(
        src, relation="visited", columns="place", classes={"person": "agent", "place": "location"},
        confidence="reported",
    )  # fmt: skip
    assert _ties(got) == _ties(expected) == {
        ("Ann", "visited", "Cafe", 1.0), ("Bea", "visited", "Cafe", 3.0),
        ("Bea", "visited", "Park", 1.0), ("Cid", "visited", "Park", 1.0),
    }  # fmt: skip
    assert dict(linkchart.classes(got).nodes) == {"agent": 3, "location": 2}
    assert {e.confidence for e in got.iter_edges()} == {"reported"}


def test_a_workbook_one_relation_per_sheet_with_each_sheets_columns(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = _workbook(tmp_path / "data.xlsx")
    out = tmp_path / "data.graphml"
    assert main(["matrix", str(book), "--columns", "met=place", "-o", str(out), "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc == {"ok": True, "wrote": [str(out)], "nodes": 5, "edges": 6, "relations": ["friends", "met"]}
    got = linkchart.load(out)
    assert _ties(got) == _ties(linkchart.load_matrices(book, {"friends": {}, "met": {"columns": "place"}}))
    assert got.nodes_of_type("place") == ("Cafe", "Park")
    # one sheet of it, as its own relation
    out = tmp_path / "friends.yaml"
    assert main(["matrix", str(book), "--sheet", "friends", "--relation", "knows", "-o", str(out)]) == 0
    assert _ties(linkchart.load(out)) == {("Ann", "knows", "Bea", 1.0), ("Bea", "knows", "Cid", 2.0)}


def test_a_folder_of_csv_matrices_reads_every_file(tmp_path: Path) -> None:
    folder = tmp_path / "sheets"
    folder.mkdir()
    for name, rows in (("friends", FRIENDS), ("met", MET)):
        (folder / f"{name}.csv").write_text(_csv(rows))
    out = tmp_path / "out.yaml"
    assert main(["matrix", str(folder), "--columns", "met=place", "-o", str(out)]) == 0
    assert linkchart.load(out).vocabulary.relation_names == ("friends", "met")


def test_bad_cells_are_located_by_sheet_row_and_column_in_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "bad.csv"
    src.write_text(",E1,E2\nAnn,1,x\nBea,1\nAnn,0,1\n")
    out = tmp_path / "bad.yaml"
    assert main(["matrix", str(src), "--columns", "event", "-o", str(out), "--json"]) == 1
    doc = json.loads(capsys.readouterr().out)
    assert doc["ok"] is False and not out.exists()  # no half-built file
    by_code = {e["code"]: e for e in doc["errors"]}
    assert set(by_code) == {"wrong-type", "csv-syntax", "duplicate-node"}
    wrong = by_code["wrong-type"]
    assert (wrong["file"], wrong["line"], wrong["path"]) == (str(src), 2, "bad[0][1]")
    assert "row 2, column C ('E2'): 'x' is not a number" in wrong["message"]
    assert by_code["csv-syntax"]["line"] == 3


def test_usage_errors_say_which_flag(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    book = _workbook(tmp_path / "data.xlsx")
    out = str(tmp_path / "o.yaml")
    cases = [
        (["--relation", "knows"], "--relation"),  # several sheets, one relation name
        (["--columns", "mett=place"], "--columns"),  # no such sheet
        (["--columns", "place", "met=place"], "--columns"),  # the two forms mixed
    ]
    for extra, flag in cases:
        assert main(["matrix", str(book), *extra, "-o", out, "--json"]) == 2
        doc = json.loads(capsys.readouterr().out)
        assert doc["ok"] is False and doc["errors"][0]["loc"] == [flag], doc
    src = tmp_path / "m.csv"
    src.write_text(",E1\nAnn,1\n")
    assert main(["matrix", str(src), "--sheet", "m", "--columns", "event", "-o", out]) == 2
    assert "it has no sheets to name" in capsys.readouterr().err
    assert main(["matrix", str(book), "--sheet", "nope", "-o", out]) == 1
    assert "nope" in capsys.readouterr().err
    assert main(["matrix", str(book), "--columns", "met=place", "-o", str(book)]) == 2  # never over an input
    assert "will not write over" in capsys.readouterr().err
    assert book.stat().st_size > 0 and linkchart.load_matrices(book, {"met": {"columns": "place"}})


def test_json_says_a_usage_error_as_one_document(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "m.csv"
    src.write_text(",E1\nAnn,1\n")
    assert main(["matrix", str(src), "-o", str(tmp_path / "o.yaml"), "--json", "--no-such-flag"]) == 2
    (error,) = json.loads(capsys.readouterr().out)["errors"]
    assert error["code"] == "bad-argument" and error["input"] == ["--no-such-flag"]
    # a two-mode sheet without --columns: the library's words, as JSON
    assert main(["matrix", str(src), "-o", str(tmp_path / "o.yaml"), "--json"]) == 1
    (error,) = json.loads(capsys.readouterr().out)["errors"]
    assert "name its columns' node type" in error["message"]
