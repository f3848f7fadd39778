"""Tests of linkchart.analysis.degree (degree and strength)."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pytest

from linkchart import LinkChart, UnknownNameError, degree, strength

from .conftest import build

ENGINES = ["igraph", "networkx"]


@pytest.mark.parametrize("engine", ENGINES)
def test_kite_diane_has_highest_degree(kite, engine) -> None:  # type: ignore[no-untyped-def]
    d = degree(kite, engine=engine)
    assert d.top(1) == [("Diane", 6.0)]
    assert d["Jane"] == 1.0
    assert degree(kite, engine=engine, normalized=True)["Diane"] == pytest.approx(6 / 9)


@pytest.fixture
def chart(make_chart):  # type: ignore[no-untyped-def]
    nodes = [("a", "state"), ("b", "organisation"), ("c", "organisation")]
    edges = [("a", "pays", "b", 2.0), ("a", "pays", "b", 1.0), ("c", "pays", "a", 0.5), ("b", "knows", "c")]
    return make_chart(nodes, edges, {"pays": True, "knows": False})


@pytest.mark.parametrize("engine", ENGINES)
def test_degree_counts_partners_not_reports(chart, engine) -> None:  # type: ignore[no-untyped-def]
    # directed reading: a->b (twice reported), c->a, b<->c (undirected: one partner, both ways)
    assert degree(chart, engine=engine).to_dict() == {"a": 2.0, "b": 2.0, "c": 2.0}
    assert degree(chart, engine=engine, mode="in").to_dict() == {"a": 1.0, "b": 2.0, "c": 1.0}
    assert degree(chart, engine=engine, mode="out").to_dict() == {"a": 1.0, "b": 1.0, "c": 2.0}
    undirected = degree(chart, engine=engine, directed=False)
    assert undirected.to_dict() == {"a": 2.0, "b": 2.0, "c": 2.0}
    assert degree(chart, engine=engine, relations=["knows"]).to_dict() == {"a": 0.0, "b": 1.0, "c": 1.0}
    assert max(degree(chart, engine=engine, normalized=True).values()) <= 1.0


@pytest.mark.parametrize("engine", ENGINES)
def test_strength_adds_reports(chart, engine) -> None:  # type: ignore[no-untyped-def]
    s = strength(chart, engine=engine)
    # a: 2 + 1 (a->b) + 0.5 (c->a); b: 3 (a->b) + 1 (b-c once); c: 0.5 + 1
    assert s.to_dict() == {"a": 3.5, "b": 4.0, "c": 1.5}
    assert s.to_dict() == strength(chart, engine=engine, directed=False).to_dict()
    # in/out: the undirected b-c counts in both, at its full weight
    assert strength(chart, engine=engine, mode="out").to_dict() == {"a": 3.0, "b": 1.0, "c": 1.5}
    assert strength(chart, engine=engine, weight="count", mode="in").to_dict() == {
        "a": 1.0,
        "b": 3.0,
        "c": 1.0,
    }
    for mode in ("all", "in", "out"):
        unweighted = strength(chart, engine=engine, weight=None, mode=mode).to_dict()
        assert unweighted == degree(chart, engine=engine, mode=mode).to_dict()
    assert s.parameters["weight"] == "weight"


def _mixed(seed: int) -> LinkChart:
    """A random chart with a directed and an undirected relation, parallel and mutual ties."""
    rng = np.random.default_rng(seed)
    n = 14
    edges = []
    for _ in range(45):
        a, b = (int(x) for x in rng.integers(0, n, size=2))
        rel = "pays" if rng.random() < 0.6 else "meets"
        edges.append((f"v{a}", rel, f"v{b}", float(rng.integers(1, 4))))
    return build([(f"v{i}", "person") for i in range(n)], edges, {"pays": True, "meets": False})


def _reference(chart: LinkChart, relations: list[str] | None = None) -> nx.DiGraph:
    """The reading's directed graph built straight from the edges: an undirected edge is two arcs."""
    g = nx.DiGraph()
    g.add_nodes_from(chart.node_ids)
    for e in chart.iter_edges():
        if (relations is None or e.relation in relations) and e.from_id != e.to_id:
            g.add_edge(e.from_id, e.to_id)
            if not e.directed:
                g.add_edge(e.to_id, e.from_id)
    return g


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_degree_on_mixed_readings_counts_partners_as_networkx_neighbours(seed, engine) -> None:  # type: ignore[no-untyped-def]
    chart = _mixed(seed)
    for relations in (None, ["pays"], ["meets"]):
        g = _reference(chart, relations)
        partners = {v: float(len(set(g.predecessors(v)) | set(g.successors(v)))) for v in g}
        assert degree(chart, engine=engine, relations=relations).to_dict() == partners
        assert degree(chart, engine=engine, relations=relations, directed=False).to_dict() == partners
        assert degree(chart, engine=engine, relations=relations, mode="in").to_dict() == {
            v: float(d) for v, d in g.in_degree()
        }
        assert degree(chart, engine=engine, relations=relations, mode="out").to_dict() == {
            v: float(d) for v, d in g.out_degree()
        }
        assert degree(chart, engine=engine, relations=relations).to_dict() == {
            v: float(d) for v, d in nx.Graph(g).degree()
        }
    # where the arcs double-count: networkx's own degree of the directed reading is larger
    g = _reference(chart)
    mutual = [v for v in g if set(g.predecessors(v)) & set(g.successors(v))]
    assert mutual
    assert all(degree(chart, engine=engine)[v] < g.degree(v) for v in mutual)


@pytest.mark.parametrize("engine", ENGINES)
def test_strength_on_mixed_readings_counts_each_edge_once(engine) -> None:  # type: ignore[no-untyped-def]
    chart = _mixed(5)
    total: dict[str, float] = dict.fromkeys(chart.node_ids, 0.0)
    into: dict[str, float] = dict.fromkeys(chart.node_ids, 0.0)
    for e in chart.iter_edges():
        if e.from_id == e.to_id:
            continue
        total[e.from_id] += e.weight
        total[e.to_id] += e.weight
        into[e.to_id] += e.weight
        if not e.directed:
            into[e.from_id] += e.weight
    assert strength(chart, engine=engine).to_dict() == pytest.approx(total)
    assert strength(chart, engine=engine, mode="in").to_dict() == pytest.approx(into)


def test_bad_mode(chart) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(UnknownNameError, match="did you mean 'out'"):
        degree(chart, mode="outt")  # type: ignore[arg-type]
    with pytest.raises(UnknownNameError, match="mode"):
        strength(chart, mode="both")  # type: ignore[arg-type]


def test_empty(make_chart) -> None:  # type: ignore[no-untyped-def]
    empty = make_chart([], [], {"k": True})
    for engine in ENGINES:
        assert degree(empty, engine=engine, normalized=True).to_dict() == {}
        assert strength(empty, engine=engine).to_dict() == {}
