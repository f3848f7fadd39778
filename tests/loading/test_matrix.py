"""Matrix data in: CSV files and Excel sheets (loading/matrix.py)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from openpyxl import Workbook

import linkchart
from linkchart import LinkchartError, LoadError, UnknownNameError
from linkchart.readers import matrix as matrix_reader
from linkchart.readers import workbook as workbook_reader


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def workbook(path: Path, sheets: dict[str, list[list[Any]]]) -> Path:
    wb = Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
    wb.save(path)
    return path


def ties(c: linkchart.LinkChart) -> set[tuple[str, str, str, float]]:
    return {(e.from_id, e.relation, e.to_id, e.weight) for e in c.iter_edges()}


# ---------------------------------------------------------------------------- reading
def test_a_two_mode_csv_sheet(tmp_path: Path) -> None:
    f = write(tmp_path / "attended.csv", "person \\ event,E1,E2,E3\nAnn,1,,0\nBea,2,1, \n\nCid,0,0,0\n")
    c = linkchart.load_matrix(f, columns="event", classes={"person": "agent", "event": "event"})
    assert c.node_ids == ("Ann", "Bea", "Cid", "E1", "E2", "E3")
    assert ties(c) == {
        ("Ann", "attended", "E1", 1.0),
        ("Bea", "attended", "E1", 2.0),
        ("Bea", "attended", "E2", 1.0),
    }
    assert not c.vocabulary.relation("attended").directed
    assert c.vocabulary.node_type("person").node_class == "agent"
    assert linkchart.classes(c).multimode
    assert c.edge("e1").attributes["cell"] == "attended!B3"
    assert c.title == "attended"


def test_a_symmetric_one_mode_sheet_is_undirected_and_an_asymmetric_one_directed(tmp_path: Path) -> None:
    sym = write(tmp_path / "knows.csv", ",A,B,C\nA,3,1,0\nB,1,0,2\nC,0,2,0\n")
    c = linkchart.load_matrix(sym)
    assert ties(c) == {("A", "knows", "A", 3.0), ("A", "knows", "B", 1.0), ("B", "knows", "C", 2.0)}
    assert not c.vocabulary.relation("knows").directed and set(c.vocabulary.node_type_names) == {"person"}
    # labels in another order still agree
    shuffled = write(tmp_path / "k2.csv", ",B,A\nA,1,0\nB,0,1\n")
    assert ties(linkchart.load_matrix(shuffled)) == {("A", "k2", "B", 1.0)}
    asym = write(tmp_path / "calls.csv", ",A,B\nA,0,1\nB,0,0\n")
    c = linkchart.load_matrix(asym, relation="called")
    assert ties(c) == {("A", "called", "B", 1.0)} and c.vocabulary.relation("called").directed
    assert linkchart.load_matrix(sym, directed=True).number_of_edges == 5
    with pytest.raises(LoadError) as err:
        linkchart.load_matrix(asym, directed=False)
    assert err.value.codes == ["bad-weight"] and "'A' to 'B' is 1 but 'B' to 'A' is not" in str(err.value)


def test_a_two_mode_sheet_must_name_its_columns(tmp_path: Path) -> None:
    f = write(tmp_path / "m.csv", ",E1\nAnn,1\n")
    with pytest.raises(LinkchartError, match=r"two-mode .*columns='event'"):
        linkchart.load_matrix(f)


def test_every_problem_is_located_at_once(tmp_path: Path) -> None:
    f = write(
        tmp_path / "met.csv",
        ",E1,E2,E1\n"  # line 1: column D repeats E1
        "Ann,1,x,0\n"  # line 2: C is not a number
        "Bea,1\n"  # line 3: short row
        "Ann,0,-2,0\n"  # line 4: Ann again, a negative weight
        ",1,0,0\n"  # line 5: no label
        "Dee,1,0,0,7\n",  # line 6: a cell beyond the header
    )
    with pytest.raises(LoadError) as err:
        linkchart.load_matrix(f, columns="event")
    problems = err.value.problems
    assert [(p.code, p.line) for p in problems] == [
        ("duplicate-node", 1),
        ("wrong-type", 2),
        ("csv-syntax", 3),
        ("duplicate-node", 4),
        ("bad-weight", 4),
        ("missing-field", 5),
        ("csv-syntax", 6),
    ]
    text = [str(p) for p in problems]
    assert "sheet met, row 1, column D: column label 'E1' is also column B" in text[0]
    assert "sheet met, row 2, column C ('E2'): 'x' is not a number" in text[1]
    assert problems[1].path == "met[0][1]" and problems[1].loc == ("met", 0, 1) and problems[1].file == str(f)
    assert "the row has 1 cells after its label, the header 3" in text[2]
    assert "row label 'Ann' is also row 2" in text[3]
    assert "weight -2 is negative" in text[4]


def test_unknown_labels_with_a_hint(tmp_path: Path) -> None:
    f = write(tmp_path / "met.csv", ",E1\nNoordin Top,1\nAzhari Husin,1\nAzahri Husin,1\n")
    known = {"person": ["Noordin Top", "Azhari Husin"]}
    with pytest.raises(LoadError) as err:
        linkchart.load_matrix(f, columns="event", nodes=known)
    [p] = err.value.problems
    assert p.code == "unknown-node" and "'Azahri Husin' is not a known person" in p.message
    assert p.hint == "did you mean 'Azhari Husin'?"


def test_non_numbers_in_a_workbook(tmp_path: Path) -> None:
    f = workbook(
        tmp_path / "w.xlsx", {"Meetings": [[None, "M1", "M2"], ["Ann", 1, True], [12.0, "1.5", "n/a"]]}
    )
    with pytest.raises(LoadError) as err:
        linkchart.load_matrix(f, columns="meeting")
    assert [(p.code, p.line, p.path) for p in err.value.problems] == [
        ("wrong-type", 2, "Meetings[0][1]"),
        ("wrong-type", 3, "Meetings[1][1]"),
    ]
    assert "sheet Meetings, row 3, column C ('M2'): 'n/a' is not a number" in str(err.value)


def test_workbook_sheets(tmp_path: Path) -> None:
    f = workbook(
        tmp_path / "noordin.xlsx",
        {
            "Classmates": [[None, "A", "B", "C"], ["A", 0, 1, 0], ["B", 1, 0, 0], ["C", 0, 0, 0]],
            "Meetings": [[None, "M1"], ["A", 1], ["C", 1]],
            "Schools": [[None, "S1"], ["B", 1]],
        },
    )
    with pytest.raises(LinkchartError, match=r"3 sheets .*sheet="):
        linkchart.load_matrix(f)
    with pytest.raises(UnknownNameError, match="did you mean 'Meetings'"):
        linkchart.load_matrix(f, sheet="Meeting")
    m = linkchart.load_matrix(f, sheet="Meetings", columns="meeting")
    assert ties(m) == {("A", "Meetings", "M1", 1.0), ("C", "Meetings", "M1", 1.0)}
    assert m.edge("e0").attributes["cell"] == "Meetings!B2" and m.title == "noordin: Meetings"
    c = linkchart.load_matrices(
        f,
        {
            "Classmates": {"relation": "classmate_of"},
            "Meetings": {"columns": "meeting"},
            "Schools": {"columns": "school"},
        },
        classes={"person": "agent", "meeting": "event", "school": "organisation"},
        source={"id": "everton", "title": "Disrupting Dark Networks"},
    )
    assert c.vocabulary.relation_names == ("classmate_of", "Meetings", "Schools")
    assert c.nodes_of_type("person") == ("A", "B", "C")
    assert {e.source for e in c.iter_edges()} == {"everton"}
    p = linkchart.one_mode(c, "agent", "event")
    assert [(t.a, t.b) for t in linkchart.projected_ties(p)] == [("A", "C")]
    # every sheet by default: the two-mode ones need their columns
    with pytest.raises(LinkchartError, match="sheet Meetings is two-mode"):
        linkchart.load_matrices(f)


def test_a_label_of_two_types_across_sheets(tmp_path: Path) -> None:
    (tmp_path / "sheets").mkdir()
    write(tmp_path / "sheets" / "a.csv", ",X\nAnn,1\n")
    write(tmp_path / "sheets" / "b.csv", ",Ann\nBea,1\n")
    with pytest.raises(LoadError) as err:
        linkchart.load_matrices(tmp_path / "sheets", {"a": {"columns": "event"}, "b": {"columns": "event"}})
    [p] = err.value.problems
    assert p.code == "duplicate-node" and "'Ann' is a event here and a person in sheet a" in p.message


def test_a_folder_of_csv_sheets_and_sheet_options(tmp_path: Path) -> None:
    (tmp_path / "d").mkdir()
    write(tmp_path / "d" / "friends.csv", ",Ann,Bea\nAnn,0,1\nBea,1,0\n")
    write(tmp_path / "d" / "met.csv", ",Cafe\nAnn,1\n")
    with pytest.raises(LinkchartError, match="unknown option 'column'"):
        linkchart.load_matrices(tmp_path / "d", {"met": {"column": "place"}})
    with pytest.raises(UnknownNameError, match="did you mean 'met'"):
        linkchart.load_matrices(tmp_path / "d", ["mett"])
    c = linkchart.load_matrices(
        tmp_path / "d", {"friends": {}, "met": {"columns": "place", "directed": True}}
    )
    assert c.vocabulary.relation("met").directed and not c.vocabulary.relation("friends").directed
    with pytest.raises(LinkchartError, match=r"neither an \.xlsx workbook nor a folder"):
        linkchart.load_matrices(tmp_path / "d" / "met.csv")
    with pytest.raises(LinkchartError, match="another sheet's too"):
        linkchart.load_matrices(
            tmp_path / "d", {"friends": {"relation": "x"}, "met": {"relation": "x", "columns": "p"}}
        )


def test_davis_from_its_published_matrix_equals_networkx(tmp_path: Path) -> None:
    g = nx.davis_southern_women_graph()
    rows = ["\\," + ",".join(g.graph["bottom"])]
    for w in g.graph["top"]:
        rows.append(",".join([w, *("1" if g.has_edge(w, e) else "0" for e in g.graph["bottom"])]))
    c = linkchart.load_matrix(write(tmp_path / "davis.csv", "\n".join(rows) + "\n"), columns="event")
    assert {frozenset((e.from_id, e.to_id)) for e in c.iter_edges()} == {frozenset(e) for e in g.edges()}
    assert linkchart.two_mode(c, "betweenness", first="person").to_dict() == pytest.approx(
        nx.bipartite.betweenness_centrality(g, g.graph["top"])
    )


# ---------------------------------------------------------------------------- bounded, hostile files
def test_files_that_are_not_read(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match="the folder holds no CSV file"):
        linkchart.load_matrix(tmp_path, columns="event")
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    with pytest.raises(LoadError, match="not a regular file"):
        linkchart.load_matrix(fifo, columns="event")
    with pytest.raises(LoadError, match="cannot read the matrix file"):
        linkchart.load_matrix(tmp_path / "missing.csv")
    bad = write(tmp_path / "bad.xlsx", "not a zip")
    with pytest.raises(LoadError, match="not an Excel workbook"):
        linkchart.load_matrix(bad)
    latin = tmp_path / "latin.csv"
    latin.write_bytes(",E1\nJos\xe9,1\n".encode("latin-1"))
    with pytest.raises(LoadError, match="not UTF-8"):
        linkchart.load_matrix(latin, columns="event")
    empty = write(tmp_path / "empty.csv", "\n\n")
    with pytest.raises(LoadError, match="the sheet is empty"):
        linkchart.load_matrix(empty)


def test_a_huge_sheet_is_refused_before_its_cells_are_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "big"
    ws["A1"] = "x"
    ws["XFD1048576"] = 1  # the sheet's stated size: 16,384 x 1,048,576 cells (read, it takes minutes)
    wb.save(tmp_path / "big.xlsx")
    with pytest.raises(LoadError, match=r"sheet big is 1,048,576 x 16,384 cells, more than"):
        linkchart.load_matrix(tmp_path / "big.xlsx")
    # a sheet that states no size is counted as it is read
    monkeypatch.setattr(matrix_reader, "MAX_MATRIX_CELLS", 10)
    f = write(tmp_path / "long.csv", ",A,B\n" + "x,1,0\n" * 5)
    with pytest.raises(LoadError, match="more than 10 cells"):
        linkchart.load_matrix(f, columns="event")


def test_a_workbook_that_unpacks_too_large_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    f = workbook(tmp_path / "w.xlsx", {"s": [[None, "A"], ["A", 1]]})
    monkeypatch.setattr(workbook_reader, "MAX_WORKBOOK_BYTES", 1000)
    with pytest.raises(LoadError) as info:
        linkchart.load_matrix(f)
    assert info.value.problems[0].code == "xlsx-syntax"


def test_merged_cells_in_a_matrix_are_refused(tmp_path: Path) -> None:
    f = workbook(tmp_path / "m.xlsx", {"s": [[None, "A", "B"], ["A", 1, 1], ["B", 1, 0]]})
    from openpyxl import load_workbook

    wb = load_workbook(f)
    wb["s"].merge_cells("B2:C2")
    wb.save(f)
    with pytest.raises(LoadError) as info:
        linkchart.load_matrix(f)
    assert info.value.problems[0].code == "xlsx-cell" and "B2:C2" in info.value.problems[0].message


# ---------------------------------------------------------------------------- folders, delimiters, weights
def test_a_csv_file_of_a_folder_that_is_not_read_is_said(tmp_path: Path) -> None:
    folder = tmp_path / "sheets"
    folder.mkdir()
    write(folder / "friends.csv", ",Ann,Bea\nAnn,0,1\nBea,1,0\n")
    write(tmp_path / "outside.csv", ",Ann\nAnn,0\n")
    (folder / "foes.csv").symlink_to(tmp_path / "outside.csv")
    os.mkfifo(folder / "pipe.csv")
    with pytest.warns(linkchart.LoadWarning) as said:
        chart = linkchart.load_matrices(folder)
    assert chart.vocabulary.relation_names == ("friends",)
    why = sorted(str(w.message).split(": ", 2)[1] for w in said)
    assert why == [
        "sheet 'foes' (foes.csv) is not read",
        "sheet 'pipe' (pipe.csv) is not read",
    ]
    with pytest.raises(LoadError, match=r"sheet 'pipe' \(pipe.csv\) is not read: it is not a regular file"):
        linkchart.load_matrices(folder, ["friends", "pipe"])  # named: why, not "unknown sheet"
    with pytest.raises(LoadError, match="it lies outside the folder"):
        linkchart.load_matrices(folder, ["foes"])


def test_two_files_of_one_sheet_name_are_a_problem(tmp_path: Path) -> None:
    write(tmp_path / "a.csv", ",E1\nAnn,1\n")
    write(tmp_path / "a.CSV", ",E1\nBob,1\n")
    if len(list(tmp_path.iterdir())) < 2:  # pragma: no cover - a case-insensitive file system
        pytest.skip("the file system folds case")
    with pytest.raises(LoadError) as info:
        linkchart.load_matrices(tmp_path, {"a": {"columns": "event"}})
    assert info.value.codes == ["duplicate-name"] and "a.CSV and a.csv are both sheet 'a'" in str(info.value)


@pytest.mark.parametrize("delimiter", [";", "\t"])
def test_a_semicolon_or_tab_separated_matrix_is_read(tmp_path: Path, delimiter: str) -> None:
    rows = (["", "E1", "E2"], ["Ann", "1", "0"], ["Bob", "1", "1"])
    f = write(tmp_path / "m.csv", "".join(delimiter.join(r) + "\n" for r in rows))
    chart = linkchart.load_matrix(f, columns="event")
    assert chart.node_ids == ("Ann", "Bob", "E1", "E2") and chart.number_of_edges == 3


def test_a_first_row_without_column_labels_is_refused(tmp_path: Path) -> None:
    f = write(tmp_path / "m.csv", "Ann|1|0\nBob|1|1\n")
    with pytest.raises(LoadError) as info:
        linkchart.load_matrix(f, columns="event")
    assert info.value.problems[0].message == "sheet m, row 1: the first row has no column labels"


@pytest.mark.parametrize("weight", ["1e308", "2e12", "1e-300"])
def test_a_weight_outside_the_bounds_is_refused_at_its_cell(tmp_path: Path, weight: str) -> None:
    f = write(tmp_path / "m.csv", f",E1,E2\nAnn,1,{weight}\n")
    with pytest.raises(LoadError) as info:
        linkchart.load_matrix(f, columns="event")
    (p,) = info.value.problems
    assert (p.code, p.path) == ("bad-weight", "m[0][1]") and "cell C2 ('E2')" in p.message


def test_a_source_with_an_unknown_key_is_refused_by_name(tmp_path: Path) -> None:
    f = write(tmp_path / "m.csv", ",E1\nAnn,1\n")
    with pytest.raises(linkchart.LinkchartError, match="source: unknown key 'dat'; did you mean 'date'"):
        linkchart.load_matrix(f, columns="event", source={"id": "s", "dat": "2001"})
    c = linkchart.load_matrix(f, columns="event", source={"id": "s", "date": "2001"})
    assert c.edge("e0").source == "s"


def test_a_ragged_row_is_placed_by_the_format(tmp_path: Path) -> None:
    f = write(tmp_path / "m.csv", ",E1,E2\nAnn,1\n")
    with pytest.raises(LoadError) as info:
        linkchart.load_matrix(f, columns="event")
    assert info.value.codes == ["csv-syntax"]
    w = workbook(tmp_path / "w.xlsx", {"s": [[None, "E1"], ["Ann", 1, 2]]})
    with pytest.raises(LoadError) as info:
        linkchart.load_matrix(w, columns="event")
    assert info.value.codes == ["xlsx-cell"]


def test_a_writer_never_writes_over_the_matrices_read(tmp_path: Path) -> None:
    book = workbook(tmp_path / "data.xlsx", {"met": [["", "Cafe"], ["Ann", 1]]})
    c = linkchart.load_matrices(book, {"met": {"columns": "place"}})
    assert c.files == (str(book),)
    before = book.read_bytes()
    with pytest.raises(linkchart.LinkchartError, match="will not write over"):
        linkchart.export(c, book)
    assert book.read_bytes() == before
    csv = tmp_path / "met.csv"
    csv.write_text(",Cafe\nAnn,1\n")
    with pytest.raises(linkchart.LinkchartError, match="will not write over"):
        linkchart.export(linkchart.load_matrix(csv, columns="place"), csv, format="yaml")
