"""linkchart.readers.graphml: GraphML as GraphML says it (types, defaults, direction), nothing dropped."""

from __future__ import annotations

import warnings
from pathlib import Path

import networkx as nx
import pytest

import linkchart
from linkchart import LoadError
from linkchart.readers.graphml import read_graphml

NS = '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">'


def graphml(tmp_path: Path, body: str, keys: str = "") -> Path:
    path = tmp_path / "g.graphml"
    path.write_text(f'<?xml version="1.0"?>\n{NS}\n{keys}\n{body}\n</graphml>\n', encoding="utf-8")
    return path


KEYS = """\
<key id="d0" for="node" attr.name="type" attr.type="string"><default>person</default></key>
<key id="d1" for="edge" attr.name="weight" attr.type="double"><default>3.0</default></key>
<key id="d2" for="edge" attr.name="relation" attr.type="string"><default>calls</default></key>
<key id="d3" for="node" attr.name="role" attr.type="string"><default>member</default></key>
<key id="d4" for="all" attr.name="rank" attr.type="int"/>"""


def test_key_defaults_apply_where_an_element_has_no_value(tmp_path: Path) -> None:
    path = graphml(
        tmp_path,
        '<graph edgedefault="undirected"><node id="a"/><node id="b"><data key="d0">organisation</data>'
        '<data key="d4">2</data></node><edge source="a" target="b"/>'
        '<edge source="b" target="a"><data key="d1">1.5</data><data key="d2">pays</data></edge></graph>',
        KEYS,
    )
    chart = linkchart.load(path)
    assert [(n.id, n.type, dict(n.attributes)) for n in chart.iter_nodes()] == [
        ("a", "person", {"role": "member"}),
        ("b", "organisation", {"rank": 2, "role": "member"}),  # rank read as its type: an int
    ]
    assert [(e.relation, e.weight) for e in chart.iter_edges()] == [("calls", 3.0), ("pays", 1.5)]


def test_a_value_not_of_its_key_s_type_is_a_located_problem(tmp_path: Path) -> None:
    path = graphml(tmp_path, '<graph>\n<node id="a">\n<data key="d4">two</data></node></graph>', KEYS)
    with pytest.raises(LoadError) as info:
        linkchart.load(path)
    (p,) = info.value.problems
    assert (p.code, p.path, p.line) == ("wrong-type", "nodes[0].rank", 9)  # the line of its node
    assert "'two' is not a whole number (the field 'rank' is declared int)" in p.message


def test_networkx_s_typed_attributes_come_back_typed(tmp_path: Path) -> None:
    g = nx.Graph()
    g.add_node("a", size=3, share=0.5, active=True, name="Alpha")
    g.add_node("b")
    g.add_edge("a", "b")
    nx.write_graphml(g, tmp_path / "t.graphml")
    a = linkchart.load(tmp_path / "t.graphml").node("a")
    assert dict(a.attributes) == {"size": 3, "share": 0.5, "active": True}
    assert a.label == "Alpha"  # networkx's "name" is the label (readers.foreign.LABELS)


def test_a_nested_graph_and_a_hyperedge_are_located_problems_never_dropped(tmp_path: Path) -> None:
    path = graphml(
        tmp_path,
        '<graph edgedefault="directed">\n<node id="group">\n'
        '<graph id="inner"><node id="x"/></graph>\n</node>\n<node id="b"/>\n'
        '<hyperedge>\n<endpoint node="group"/><endpoint node="b"/></hyperedge>\n</graph>',
    )
    with pytest.raises(LoadError) as info:
        linkchart.load(path)
    found = [(p.code, p.line, p.message.split(",")[0]) for p in info.value.problems]
    assert found == [
        ("wrong-type", 5, "node 'group' holds a graph of its own (a nested graph)"),
        ("wrong-type", 9, "a <hyperedge> joins any number of nodes; linkchart reads ties between two"),
    ]


def test_a_second_graph_is_said_in_a_warning(tmp_path: Path) -> None:
    path = graphml(tmp_path, '<graph><node id="a"/></graph>\n<graph><node id="z"/></graph>')
    with pytest.warns(linkchart.LoadWarning, match="the file holds 2 graphs; only the first is read") as said:
        chart = linkchart.load(path)
    assert chart.node_ids == ("a",)
    assert said[0].message.problem.line == 5  # type: ignore[union-attr]  # the second <graph>


def test_linkchart_s_own_file_reads_its_fields_as_the_convention_says(tmp_path: Path) -> None:
    chart = linkchart.from_records(
        [{"id": "a", "type": "state", "aliases": ["x"], "time": "1999-"}, {"id": "b", "type": "state"}],
        [{"from": "a", "relation": "r", "to": "b", "weight": 2, "notes": ["n"]}],
    )
    out = linkchart.export(chart, tmp_path / "c.graphml")
    read = read_graphml(out.read_bytes(), str(out))
    assert read.header is not None and read.directed is None  # the header's relations say it
    assert read.nodes[0]["aliases"] == ["x"] and read.edges[0]["weight"] == 2.0
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert linkchart.load(out) == chart
