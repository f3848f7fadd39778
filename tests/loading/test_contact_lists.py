"""Other people's edge lists as they have them (issue 22, item 3): two endpoint columns, no
relation and no node type, undirected contact lists; labels of foreign node-link JSON,
GraphML and GEXF from their usual fields."""

from __future__ import annotations

import csv
import json
import warnings
from pathlib import Path

import networkx as nx
import pytest

import linkchart
from linkchart.cli import main
from linkchart.errors import LoadError, LoadWarning

KREBS = Path(__file__).parents[2] / "examples" / "data" / "krebs_911"


def _contacts(tmp_path: Path) -> Path:
    """The 9/11 network's ties as a bare two-column contact list (Source, Target)."""
    with (KREBS / "edges.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    out = tmp_path / "contacts.csv"
    with out.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["Source", "Target"])
        w.writerows((r["from"], r["to"]) for r in rows)
    return out


def _said(run) -> tuple[object, list[str]]:  # type: ignore[no-untyped-def]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", LoadWarning)
        value = run()
    return value, [str(w.message) for w in caught if isinstance(w.message, LoadWarning)]


def test_a_two_column_contact_list_loads_with_defaults_said(tmp_path: Path) -> None:
    path = _contacts(tmp_path)
    chart, said = _said(lambda: linkchart.load_csv(path, columns={"from": "Source", "to": "Target"}))
    assert isinstance(chart, linkchart.LinkChart)
    assert (chart.number_of_nodes, chart.number_of_edges) == (60, 125)
    assert {e.relation for e in chart.iter_edges()} == {"tie"}
    assert {n.type for n in chart.iter_nodes()} == {"entity"}
    assert any("no 'relation' column" in s and "'tie'" in s for s in said)
    assert any("read as directed" in s for s in said)  # nothing in a CSV says which: a warning
    assert chart.vocabulary.relation("tie").directed


def test_undirected_contact_list_ranks_as_networkx_does(tmp_path: Path) -> None:
    path = _contacts(tmp_path)
    und, said = _said(
        lambda: linkchart.load_csv(path, columns={"from": "Source", "to": "Target"}, directed=False)
    )
    assert not any("read as directed" in s for s in said)
    assert isinstance(und, linkchart.LinkChart) and not und.vocabulary.relation("tie").directed
    g = nx.Graph()
    with path.open(encoding="utf-8", newline="") as f:
        g.add_edges_from((r["Source"], r["Target"]) for r in csv.DictReader(f))
    expected = nx.betweenness_centrality(g, normalized=False)
    got = linkchart.betweenness(und)
    assert got.to_dict() == pytest.approx(expected)
    top = [n for n, _ in got.top(3)]
    assert top == sorted(expected, key=lambda n: -expected[n])[:3]
    assert top == ["Mohamed Atta", "Essid Sami Ben Khemail", "Lofti Raissi"]
    directed = linkchart.betweenness(linkchart.load_csv(path, columns={"from": "Source", "to": "Target"}))
    assert directed.top(1)[0][0] == "Ziad Jarrah"  # read as directed, the column order ranks them


def test_convert_undirected_relations(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _contacts(tmp_path)
    out = tmp_path / "c.yaml"
    args = ["convert", str(path), "--columns", "from=Source", "to=Target", "--undirected-relations"]
    assert main([*args, "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert "warning:" in err and "no 'relation' column" in err and "read as directed" not in err
    chart = linkchart.load(out)
    assert not chart.vocabulary.relation("tie").directed and chart.number_of_edges == 125
    assert main([*args[:-1], "-o", str(tmp_path / "d.yaml")]) == 0
    assert "read as directed" in capsys.readouterr().err
    assert linkchart.load(tmp_path / "d.yaml").vocabulary.relation("tie").directed


def test_a_node_table_without_type(tmp_path: Path) -> None:
    (tmp_path / "e.csv").write_text("from,to\nA,B\n", encoding="utf-8")
    (tmp_path / "n.csv").write_text("Id,Label\nA,Alpha\nB,Beta\n", encoding="utf-8")
    chart, said = _said(
        lambda: linkchart.load_csv(
            tmp_path / "e.csv", tmp_path / "n.csv", node_columns={"id": "Id", "label": "Label"}, directed=True
        )
    )
    assert isinstance(chart, linkchart.LinkChart)
    assert [(n.type, n.label) for n in chart.iter_nodes()] == [("entity", "Alpha"), ("entity", "Beta")]
    assert any("no 'type' column" in s for s in said) and not any("directed" in s for s in said)


def test_a_table_without_ends_is_still_located(tmp_path: Path) -> None:
    (tmp_path / "e.csv").write_text("a,b\nA,B\n", encoding="utf-8")
    with pytest.raises(LoadError) as info:
        linkchart.load_csv(tmp_path / "e.csv", directed=True)
    assert {(p.code, p.line) for p in info.value.problems} == {("csv-syntax", 1)}
    assert "'from'" in str(info.value) and "'to'" in str(info.value)


@pytest.mark.parametrize("field", ["label", "name", "Label", "title"])
def test_foreign_node_link_labels(tmp_path: Path, field: str) -> None:
    data = {
        "directed": False,
        "nodes": [{"id": 0, field: "Atta"}, {"id": 1}],
        "links": [{"source": 0, "target": 1}],
    }
    (tmp_path / "g.json").write_text(json.dumps(data), encoding="utf-8")
    chart = linkchart.load(tmp_path / "g.json")
    assert [n.label for n in chart.iter_nodes()] == ["Atta", "1"]
    assert field not in chart.node("0").attributes


def test_foreign_graphml_and_gexf_labels(tmp_path: Path) -> None:
    g = nx.Graph()
    g.add_node("a", name="Mohamed Atta", title="pilot")
    g.add_node("b", Label="Hani Hanjour")
    g.add_edge("a", "b")
    nx.write_graphml(g, tmp_path / "g.graphml")
    chart = linkchart.load(tmp_path / "g.graphml")
    assert [n.label for n in chart.iter_nodes()] == ["Mohamed Atta", "Hani Hanjour"]
    assert chart.node("a").attributes == {"title": "pilot"}  # the first label field wins; the rest stay
    h = nx.Graph()
    h.add_node("a", label="Mohamed Atta")
    h.add_node("b", label="Hani Hanjour")
    h.add_edge("a", "b")
    nx.write_gexf(h, tmp_path / "g.gexf")
    labels = [n.label for n in linkchart.load(tmp_path / "g.gexf").iter_nodes()]
    assert labels == ["Mohamed Atta", "Hani Hanjour"]


def test_help_names_the_formats_read(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["render", "--help"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "YAML file" not in out.replace("linkchart YAML (.yaml)", "")
    for name in ("GraphML", "GEXF", "node-link JSON", "Excel", "STIX 2.1"):
        assert name in out


def test_a_two_column_parquet_table_is_a_contact_list(tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(pa.table({"a": ["A", "B"], "b": ["B", "C"]}), tmp_path / "e.parquet")
    with pytest.warns(linkchart.LoadWarning, match="no 'relation' column"):
        chart = linkchart.load_csv(tmp_path / "e.parquet", columns={"from": "a", "to": "b"}, directed=False)
    assert [(e.from_id, e.relation, e.to_id) for e in chart.iter_edges()] == [
        ("A", "tie", "B"),
        ("B", "tie", "C"),
    ]
    assert not chart.vocabulary.relation("tie").directed
