"""Tests of linkchart.analysis.pagerank."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pytest

from linkchart import LinkchartError, pagerank

ENGINES = ["igraph", "networkx"]


@pytest.mark.parametrize("engine", ENGINES)
def test_florentine_matches_reference(florentine, engine) -> None:  # type: ignore[no-untyped-def]
    ref = nx.pagerank(nx.florentine_families_graph(), alpha=0.85, tol=1e-12)
    p = pagerank(florentine, engine=engine)
    assert p.to_dict() == pytest.approx(ref, rel=1e-6)
    assert sum(p.values()) == pytest.approx(1.0)
    assert p.top(1)[0][0] == "Medici"


@pytest.mark.parametrize("engine", ENGINES)
def test_dangling_and_weights(make_chart, engine) -> None:  # type: ignore[no-untyped-def]
    nodes = [(n, "person") for n in "abc"]
    chart = make_chart(nodes, [("a", "p", "b"), ("c", "p", "b")], {"p": True})
    p = pagerank(chart, engine=engine)
    # b is dangling and spreads its rank over all three: with x = PR(a) = PR(c), y = PR(b),
    # x = 0.05 + 0.85 y / 3 and 2x + y = 1 give x = (0.05 + 0.85 / 3) / (1 + 1.7 / 3)
    x = (0.05 + 0.85 / 3) / (1 + 1.7 / 3)
    assert p.to_dict() == pytest.approx({"a": x, "b": 1 - 2 * x, "c": x}, rel=1e-9)
    heavy = make_chart(nodes, [("a", "p", "b", 9.0), ("a", "p", "c")], {"p": True})
    w = pagerank(heavy, engine=engine)
    assert w["b"] > w["c"]
    unweighted = pagerank(heavy, engine=engine, weight=None)
    assert unweighted["b"] == pytest.approx(unweighted["c"])


def test_damping_and_edge_cases(make_chart) -> None:  # type: ignore[no-untyped-def]
    chart = make_chart([("a", "x"), ("b", "x")], [], {"k": True})
    for engine in ENGINES:
        assert pagerank(chart, engine=engine).to_dict() == {"a": 0.5, "b": 0.5}
        assert len(pagerank(make_chart([], [], {"k": True}), engine=engine)) == 0
    with pytest.raises(LinkchartError, match="damping"):
        pagerank(chart, damping=1.0)
    with pytest.raises(LinkchartError, match="damping"):
        pagerank(chart, damping="high")  # type: ignore[arg-type]


@pytest.mark.parametrize("directed", [True, False])
@pytest.mark.parametrize("weighted", [True, False])
def test_the_values_are_prpacks_on_a_dense_graph_too(random_chart, directed, weighted) -> None:  # type: ignore[no-untyped-def]
    from linkchart.analysis.projection import project

    chart = random_chart(2500, 12_000, seed=11)  # some isolated; over 4 ties per node
    p = project(chart, directed=directed, weight="count" if weighted else None)
    g = p.to_igraph(weights="strength")
    w = "weight" if p.weighted else None
    for damping in (0.5, 0.85, 0.99):
        prpack = g.pagerank(directed=directed, damping=damping, weights=w, implementation="prpack")
        got = pagerank(chart, directed=directed, weight="count" if weighted else None, damping=damping)
        # igraph's own call runs PRPACK's OpenMP threads, which add in the order they finish
        assert np.max(np.abs(np.array([got[i] for i in chart.node_ids]) - prpack)) < 1e-12
        assert sum(got.values()) == pytest.approx(1.0, abs=1e-12)


def test_the_same_bits_on_every_run(random_chart) -> None:  # type: ignore[no-untyped-def]
    # PRPACK on one OpenMP thread: with its threads, 5 runs of a 100k-node graph gave 5 bit
    # patterns (the threads add in the order they finish)
    chart = random_chart(20_000, 100_000, seed=3)
    runs = {tuple(pagerank(chart, damping=d).values()) for d in (0.85,) * 4}
    assert len(runs) == 1
