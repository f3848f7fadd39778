"""linkchart.readers.foreign: other tools' files by a plain mapping, their fields never lost or misread."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import networkx as nx
import pytest

import linkchart
from linkchart.readers.foreign import RENAMED, foreign_records


def test_files_from_other_tools_load_with_the_foreign_mapping(tmp_path: Path) -> None:
    g = nx.MultiDiGraph()
    g.add_node("a", label="Alpha", kind="cell")
    g.add_node("b")
    g.add_edge("a", "b", label="pays", weight=2.5, note="seen twice")
    g.add_edge("a", "b", label="calls")
    nx.write_graphml(g, tmp_path / "other.graphml")
    chart = linkchart.load(tmp_path / "other.graphml")
    assert chart.node("a").label == "Alpha" and chart.node("a").type == "entity"
    assert chart.node("a").attributes["kind"] == "cell"
    assert sorted(e.relation for e in chart.iter_edges()) == ["calls", "pays"]
    pays = next(e for e in chart.iter_edges() if e.relation == "pays")
    assert pays.weight == 2.5 and pays.attributes["note"] == "seen twice"
    nx.write_gexf(g, tmp_path / "other.gexf")
    assert linkchart.load(tmp_path / "other.gexf").number_of_edges == 2
    (tmp_path / "other.json").write_text(json.dumps(nx.node_link_data(g, edges="links")), encoding="utf-8")
    assert linkchart.load(tmp_path / "other.json").number_of_nodes == 2


def _star(directed: bool) -> nx.Graph:
    g: nx.Graph = nx.DiGraph() if directed else nx.Graph()
    g.add_edges_from([("hub", "x"), ("hub", "y"), ("hub", "z")])
    return g


def _write(g: nx.Graph, path: Path) -> Path:
    if path.suffix == ".graphml":
        nx.write_graphml(g, path)
    elif path.suffix == ".gexf":
        nx.write_gexf(g, path)
    else:
        path.write_text(json.dumps(nx.node_link_data(g, edges="links")), encoding="utf-8")
    return path


@pytest.mark.parametrize("suffix", [".graphml", ".gexf", ".json"])
@pytest.mark.parametrize("directed", [False, True])
def test_an_undirected_file_reads_as_undirected_and_a_directed_one_as_directed(
    tmp_path: Path, suffix: str, directed: bool
) -> None:
    g = _star(directed)
    chart = linkchart.load(_write(g, tmp_path / f"star{suffix}"))
    assert chart.vocabulary.relation("tie").directed is directed
    expected = nx.betweenness_centrality(g, normalized=False)
    assert linkchart.betweenness(chart).to_dict() == pytest.approx(expected)  # 3 for the hub when undirected


def test_a_relation_of_directed_and_undirected_edges_reads_as_directed_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "mixed.graphml"
    path.write_text(
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="undirected">'
        '<node id="a"/><node id="b"/><node id="c"/>'
        '<edge source="a" target="b"/><edge source="b" target="c" directed="true"/></graph></graphml>',
        encoding="utf-8",
    )
    with pytest.warns(linkchart.LoadWarning, match="relation 'tie' holds directed and undirected edges"):
        chart = linkchart.load(path)
    assert chart.vocabulary.relation("tie").directed


def test_fields_that_collide_with_linkchart_s_become_attributes(tmp_path: Path) -> None:
    g = nx.MultiDiGraph()
    g.add_node("a", notes="seen at the meeting", time="2001", aliases="the boss")
    g.add_node("b")
    g.add_edge("a", "b", confidence=0.9, alternative="x", evidence="a call")
    for path in (tmp_path / "f.graphml", tmp_path / "f.json", tmp_path / "f.gexf"):
        _write(g, path)
        with pytest.warns(linkchart.LoadWarning, match="kept as the attribute 'notes \\(file\\)'"):
            chart = linkchart.load(path)
        a, e = chart.node("a"), chart.edge("e0")
        assert a.attributes[RENAMED.format("notes")] == "seen at the meeting", path
        assert a.attributes[RENAMED.format("time")] == "2001" and a.time is None and a.notes == ()
        assert e.attributes[RENAMED.format("confidence")] == pytest.approx(0.9), path
        assert e.confidence == "confirmed" and e.alternative is None and e.evidence == ""


def test_the_mapping_keeps_a_label_or_type_it_does_not_read_as_the_relation() -> None:
    _, edges, problems, warned = foreign_records(
        [{"id": "a"}, {"id": "b"}],
        [{"from": "a", "to": "b", "relation": "pays", "label": "big", "type": "x"}],
        {"nodes": (), "edges": ()},
    )
    assert edges[0]["relation"] == "pays" and edges[0]["attributes"] == {"label": "big", "type": "x"}
    assert not problems and not warned


def test_a_missing_id_or_an_end_of_the_wrong_type_is_a_problem() -> None:
    _, _, problems, _ = foreign_records(
        [{"label": "x"}], [{"from": "a", "to": [1]}], {"nodes": (), "edges": ()}
    )
    assert [(p.code, p.path) for p in problems] == [("missing-field", "nodes[0]"), ("wrong-type", "edges[0]")]


def test_a_foreign_file_without_collisions_gives_no_warning(tmp_path: Path) -> None:
    path = _write(_star(False), tmp_path / "plain.graphml")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        linkchart.load(path)
