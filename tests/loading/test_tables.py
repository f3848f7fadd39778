"""linkchart.loading.tables: CSV tables into columns, every CSV problem with its row and line."""

from __future__ import annotations

from pathlib import Path

import pytest

import linkchart
from linkchart import LoadError
from linkchart.loading.tables import read_section

HEAD = """\
linkchart: 1
title: CSV graph
sources: [{id: smith, location: article.txt}]
relations:
  finances: {source_types: [state], target_types: [organisation]}
  borders: {directed: false}
nodes: {csv: nodes.csv}
edges: {csv: edges.csv}
"""
NODES = "id,type,label,aliases\nIMT,organisation,,IMU\nPakistan,state,,\nTajikistan,state,,\n"
EDGES = "from,relation,to,confidence,source,evidence,time,weight,id\n"


def write(graphs, nodes: str, edges: str) -> None:
    (graphs.folder / "nodes.csv").write_text(nodes, encoding="utf-8")
    (graphs.folder / "edges.csv").write_text(edges, encoding="utf-8")


def problems(graphs, nodes: str, edges: str) -> list[linkchart.Problem]:
    write(graphs, nodes, edges)
    return graphs.problems(HEAD)


def test_a_csv_graph_loads(graphs) -> None:
    write(
        graphs,
        NODES,
        EDGES + "Pakistan,finances,IMT,alleged,smith,comes through Pakistan,1999,,f1\n"
        "\n"
        "Tajikistan,borders,Pakistan,,,,,2,\n",
    )
    c = linkchart.load(graphs.write(HEAD))
    assert c.edges.ids == ["f1", "e1"]  # a blank line is not a row
    assert c.edge("e1").weight == 2.0


def edge_problem(graphs, row: str, code: str, path: str) -> linkchart.Problem:
    edges = EDGES + "Tajikistan,borders,Pakistan,,,,,,\n" + row + "\n"
    found = problems(graphs, NODES, edges)
    assert [(p.code, p.path) for p in found] == [(code, path)], found
    p = found[0]
    assert (p.file, p.row, p.line) == (str(graphs.folder / "edges.csv"), 2, 3)
    return p


def test_missing_field(graphs) -> None:
    p = edge_problem(graphs, "Pakistan,finances,,,,,,,", "missing-field", "edges[1].to")
    assert p.hint == "fill in the 'to' cell"


def test_unknown_node(graphs) -> None:
    p = edge_problem(graphs, "Pakistan,finances,IMU,,,,,,", "unknown-node", "edges[1].to")
    assert p.hint == "'IMU' is an alias of node 'IMT'; edges name nodes by id"


def test_unknown_relation(graphs) -> None:
    edge_problem(graphs, "Pakistan,finance,IMT,,,,,,", "unknown-relation", "edges[1].relation")


def test_relation_not_allowed(graphs) -> None:
    edge_problem(graphs, "IMT,finances,Pakistan,,,,,,", "relation-not-allowed", "edges[1].relation")


def test_bad_confidence(graphs) -> None:
    edge_problem(graphs, "Pakistan,finances,IMT,likely,,,,,", "bad-confidence", "edges[1].confidence")


def test_bad_year(graphs) -> None:
    edge_problem(graphs, "Pakistan,finances,IMT,,,,199x,,", "bad-time", "edges[1].time")


def test_bad_weight(graphs) -> None:
    edge_problem(graphs, "Pakistan,finances,IMT,,,,,heavy,", "bad-weight", "edges[1].weight")


def test_unknown_source(graphs) -> None:
    edge_problem(graphs, "Pakistan,finances,IMT,,smyth,,,,", "unknown-source", "edges[1].source")


def test_evidence_not_found(graphs) -> None:
    edge_problem(
        graphs,
        "Pakistan,finances,IMT,,smith,comes from Pakistan,,,",
        "evidence-not-found",
        "edges[1].evidence",
    )


def test_duplicate_edge(graphs) -> None:
    edges = EDGES + "Tajikistan,borders,Pakistan,,,,,,x\nPakistan,finances,IMT,,,,,,x\n"
    found = problems(graphs, NODES, edges)
    assert [(p.code, p.path, p.row, p.line) for p in found] == [("duplicate-edge", "edges[1].id", 2, 3)]


def test_wrong_row_length(graphs) -> None:
    edges = EDGES + "Tajikistan,borders,Pakistan,,,,,,\nPakistan,finances,IMT,alleged\n"
    found = problems(graphs, NODES, edges)
    assert [(p.code, p.path, p.row, p.line) for p in found] == [("csv-syntax", "edges[1]", 2, 3)]
    assert "4 cells" in found[0].message


def test_node_rows(graphs) -> None:
    nodes = NODES + '"Kyrgyz\nstan",stat,,\nIMT,organisation,,\n'
    found = problems(graphs, nodes, EDGES)
    assert [(p.code, p.path, p.row, p.line) for p in found] == [
        ("unknown-node-type", "nodes[3].type", 4, 5),
        ("duplicate-node", "nodes[4].id", 5, 7),
    ]
    assert all(p.file == str(graphs.folder / "nodes.csv") for p in found)


def test_missing_column(graphs) -> None:
    found = problems(graphs, "id,label\nIMT,x\n", EDGES)
    assert [(p.code, p.line, p.file) for p in found] == [("csv-syntax", 1, str(graphs.folder / "nodes.csv"))]
    assert found[0].message == "the column 'type' is missing"


def test_reserved_column(graphs) -> None:
    found = problems(graphs, NODES, "from,relation,to,directed\n")
    assert [(p.code, p.line) for p in found] == [("unknown-field", 1)]


def test_duplicate_column(graphs) -> None:
    found = problems(graphs, "id,type,type\n", EDGES)
    assert [(p.code, p.line) for p in found] == [("csv-syntax", 1)]


def test_malformed_quoting(graphs) -> None:
    found = problems(graphs, NODES, EDGES + 'Pakistan,finances,IMT,"alleged"x,,,,,\n')
    assert [(p.code, p.line) for p in found] == [("csv-syntax", 2)]


def test_not_utf8(graphs) -> None:
    (graphs.folder / "nodes.csv").write_bytes("id,type\nTürkei,state\n".encode("latin-1"))
    (graphs.folder / "edges.csv").write_text(EDGES, encoding="utf-8")
    found = graphs.problems(HEAD)
    assert [p.code for p in found] == ["csv-syntax"] and "UTF-8" in found[0].hint


def test_empty_file(graphs) -> None:
    found = problems(graphs, "", EDGES)
    assert [(p.code, p.line) for p in found] == [("csv-syntax", 1)]


def test_byte_order_mark_is_accepted(graphs) -> None:
    (graphs.folder / "nodes.csv").write_text(NODES, encoding="utf-8-sig")
    (graphs.folder / "edges.csv").write_text(EDGES, encoding="utf-8")
    assert linkchart.load(graphs.write(HEAD)).number_of_nodes == 3


def test_repeated_cells_are_shared(tmp_path: Path) -> None:
    path = tmp_path / "e.csv"
    path.write_text("from,relation,to\n" + "a,finances,b\n" * 3, encoding="utf-8")
    section, found, _ = read_section(path, "edges", str(path))
    assert section is not None and not found
    rel = section.columns["relation"]
    assert rel == ["finances"] * 3 and rel[0] is rel[2]


# --------------------------------------------------------------------------- other tools' tables
GEPHI_NODES = "Id,Label,Category\nA,Alpha,organisation\nB,Beta,state\n"
GEPHI_EDGES = "Source,Target,Type,Weight,Label\nA,B,Directed,2,funds\nB,A,Directed,1,hosts\n"


def test_a_column_mapping_reads_gephi_tables(tmp_path: Path) -> None:
    (tmp_path / "nodes.csv").write_text(GEPHI_NODES, encoding="utf-8")
    (tmp_path / "edges.csv").write_text(GEPHI_EDGES, encoding="utf-8")
    (tmp_path / "g.yaml").write_text(
        "linkchart: 1\ntitle: From Gephi\n"
        "nodes: {csv: nodes.csv, columns: {id: Id, label: Label, type: Category}}\n"
        "edges: {csv: edges.csv, columns: {from: Source, to: Target, relation: Label, weight: Weight}}\n",
        encoding="utf-8",
    )
    chart = linkchart.load(tmp_path / "g.yaml")
    assert chart.node("A").label == "Alpha" and chart.node("B").type == "state"
    funds = chart.edge("e0")
    assert (funds.from_id, funds.relation, funds.to_id, funds.weight) == ("A", "funds", "B", 2.0)
    assert funds.attributes["Type"] == "Directed"  # an unmapped column is a free attribute
    same = linkchart.load_csv(
        tmp_path / "edges.csv",
        tmp_path / "nodes.csv",
        columns={"from": "Source", "to": "Target", "relation": "Label", "weight": "Weight"},
        node_columns={"id": "Id", "label": "Label", "type": "Category"},
    )
    assert same.to_records() == chart.to_records()
    kumu = linkchart.load_csv(
        tmp_path / "edges.csv", columns={"from": "Source", "to": "Target", "relation": "Label"}
    )
    assert kumu.node_ids == ("A", "B") and kumu.node("A").type == "entity"  # nodes from the edges


def test_a_bad_column_mapping_is_located(tmp_path: Path) -> None:
    (tmp_path / "nodes.csv").write_text(GEPHI_NODES, encoding="utf-8")
    (tmp_path / "edges.csv").write_text(GEPHI_EDGES, encoding="utf-8")
    (tmp_path / "g.yaml").write_text(
        "linkchart: 1\ntitle: t\n"
        "nodes: {csv: nodes.csv, columns: {id: Id, type: Kategory, colour: X}}\n"
        "edges: {csv: edges.csv, columns: {from: Source, to: Target, relation: Label}}\n",
        encoding="utf-8",
    )
    with pytest.raises(LoadError) as info:
        linkchart.load(tmp_path / "g.yaml")
    problems = info.value.problems
    assert ("nodes.columns.colour", "unknown-field", 3) in [(p.path, p.code, p.line) for p in problems]
    missing = next(p for p in problems if "Kategory" in p.message)
    assert missing.code == "csv-syntax" and missing.file.endswith("nodes.csv") and missing.line == 1
    assert "it has Id, Label, Category" in (missing.hint or "")


def test_convert_reads_another_tools_table(tmp_path: Path) -> None:
    from linkchart.cli import main

    (tmp_path / "edges.csv").write_text(GEPHI_EDGES, encoding="utf-8")
    out = tmp_path / "chart.yaml"
    argv = ["convert", str(tmp_path / "edges.csv"), "--columns", "from=Source", "to=Target", "relation=Label"]
    assert main([*argv, "-o", str(out)]) == 0
    assert linkchart.load(out).number_of_edges == 2


def test_a_weight_cell_outside_the_bounds_is_refused_at_its_row(graphs) -> None:
    p = edge_problem(graphs, "Pakistan,finances,IMT,,,,,1e308,", "bad-weight", "edges[1].weight")
    assert "outside the weights read (from 1e-12 to 1e+12)" in p.message
