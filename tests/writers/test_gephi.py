"""Gephi's spreadsheet tables (issue 22, item 4): the columns Gephi's "Import Spreadsheet"
documentation names (https://gephi.org/users/supported-graph-formats/spreadsheet/), its
interval syntax for dated nodes and ties, and the tables read back through the column
mapping."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

import linkchart
from linkchart.cli import main
from linkchart.writers import FORMATS, export
from linkchart.writers.gephi import EDGE_COLUMNS, READ_BACK, dumps

ROOT = Path(__file__).resolve().parents[2]


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


@pytest.fixture
def chart() -> linkchart.LinkChart:
    return linkchart.from_records(
        [
            {
                "id": "boss",
                "type": "person",
                "label": "The Boss",
                "time": "1994-01/",
                "attributes": {"rank": 1},
            },
            {"id": "lt", "type": "person", "aliases": ["Lieutenant"], "attributes": {"Label": "x"}},
            {"id": "firm", "type": "organisation"},
        ],
        [
            {"from": "boss", "relation": "calls", "to": "lt", "time": "1994-03/1994-04", "weight": 3},
            {"from": "lt", "relation": "calls", "to": "boss", "time": "1994-05-02"},
            {"from": "boss", "relation": "owns", "to": "firm", "attributes": {"share": "51%"}},
        ],
        directed={"calls": False, "owns": True},
    )


def test_the_columns_gephi_documents(chart: linkchart.LinkChart) -> None:
    tables = dumps(chart)
    nodes, edges = _rows(tables["nodes.csv"]), _rows(tables["edges.csv"])
    assert list(nodes[0])[:2] == ["Id", "Label"]  # "must be named Id", labels "Label"
    assert list(edges[0])[:6] == ["Source", "Target", "Type", "Id", "Label", "Weight"]
    assert [n["Label"] for n in nodes] == ["The Boss", "lt", "firm"]
    assert nodes[0]["rank"] == "1" and nodes[1]["Label (attribute)"] == "x"  # Gephi's name kept apart
    assert [e["Type"] for e in edges] == ["Undirected", "Undirected", "Directed"]  # Directed or Undirected
    assert [e["Label"] for e in edges] == ["calls", "calls", "owns"]
    assert [e["Weight"] for e in edges] == ["3.0", "1.0", "1.0"]
    assert edges[2]["share"] == "51%"


def test_dated_ties_in_gephis_interval_syntax(chart: linkchart.LinkChart) -> None:
    tables = dumps(chart)
    nodes, edges = _rows(tables["nodes.csv"]), _rows(tables["edges.csv"])
    # "<[start, end]>", "[ ]" closed: the first and the last day
    assert [e["Time Interval"] for e in edges] == [
        "<[1994-03-01, 1994-04-30]>",
        "<[1994-05-02, 1994-05-02]>",
        "",
    ]
    assert nodes[0]["Time Interval"] == "<[1994-01-01, Infinity]>"  # an open lifespan


def test_read_back_with_the_column_mapping(chart: linkchart.LinkChart, tmp_path: Path) -> None:
    out = export(chart, tmp_path / "gephi", format="gephi")
    assert out == tmp_path / "gephi" / "edges.csv"
    assert sorted(p.name for p in out.parent.iterdir()) == ["edges.csv", "nodes.csv"]
    back = linkchart.load_csv(
        out,
        out.parent / "nodes.csv",
        columns=READ_BACK["edges"],
        node_columns={**READ_BACK["nodes"], "type": "type"},
        directed=True,
    )
    assert back.node_ids == chart.node_ids
    assert [(n.label, n.type) for n in back.iter_nodes()] == [(n.label, n.type) for n in chart.iter_nodes()]
    pairs = [(e.id, e.from_id, e.relation, e.to_id, e.weight) for e in back.iter_edges()]
    assert pairs == [(e.id, e.from_id, e.relation, e.to_id, e.weight) for e in chart.iter_edges()]
    assert back.edge("e0").attributes["Type"] == "Undirected"
    assert back.edge("e0").attributes["Time Interval"] == "<[1994-03-01, 1994-04-30]>"


def test_the_bundled_graph_goes_to_gephi(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    graph = ROOT / "graphs" / "central_asia.yaml"
    assert "gephi" in FORMATS and FORMATS["gephi"].suffixes == ()
    assert main(["export", str(graph), "-o", str(tmp_path / "g"), "--format", "gephi"]) == 0
    chart = linkchart.load(graph)
    edges = _rows((tmp_path / "g" / "edges.csv").read_text(encoding="utf-8"))
    assert len(edges) == chart.number_of_edges and list(edges[0])[: len(EDGE_COLUMNS)] == list(EDGE_COLUMNS)
    nodes = _rows((tmp_path / "g" / "nodes.csv").read_text(encoding="utf-8"))
    assert [n["Id"] for n in nodes] == list(chart.node_ids)
    # a cell a spreadsheet would run is written behind an apostrophe
    assert all(not c.startswith(("=", "+", "@")) for row in edges for c in row.values())
