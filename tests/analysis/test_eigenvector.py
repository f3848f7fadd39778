"""Tests of linkchart.analysis.eigenvector."""

from __future__ import annotations

import math

import networkx as nx
import pytest

from linkchart import eigenvector

ENGINES = ["igraph", "networkx"]


@pytest.mark.parametrize("engine", ENGINES)
def test_kite_and_florentine(kite, florentine, engine) -> None:  # type: ignore[no-untyped-def]
    e = eigenvector(kite, engine=engine)
    assert e.top(1) == [("Diane", pytest.approx(1.0))]
    ref = nx.eigenvector_centrality(nx.florentine_families_graph(), tol=1e-12, max_iter=10_000)
    top = max(ref.values())
    f = eigenvector(florentine, engine=engine)
    assert f.to_dict() == pytest.approx({k: v / top for k, v in ref.items()}, rel=1e-6)
    assert f.top(1)[0][0] == "Medici"


@pytest.mark.parametrize("engine", ENGINES)
def test_disconnected_only_the_dominant_component(make_chart, engine) -> None:  # type: ignore[no-untyped-def]
    # a triangle (eigenvalue 2), a separate pair (eigenvalue 1) and an isolated node
    nodes = [(n, "person") for n in ["a", "b", "c", "x", "y", "z"]]
    edges = [("a", "k", "b"), ("b", "k", "c"), ("c", "k", "a"), ("x", "k", "y")]
    e = eigenvector(make_chart(nodes, edges, {"k": False}), engine=engine)
    assert e.to_dict() == pytest.approx({"a": 1.0, "b": 1.0, "c": 1.0, "x": 0.0, "y": 0.0, "z": 0.0})


@pytest.mark.parametrize("engine", ENGINES)
def test_tied_components_each_scaled_to_one(make_chart, engine) -> None:  # type: ignore[no-untyped-def]
    nodes = [(n, "person") for n in ["a", "b", "x", "y", "z"]]
    edges = [("a", "k", "b"), ("x", "k", "y"), ("y", "k", "z")]
    # a-b has eigenvalue 1, the path x-y-z sqrt(2): only the path counts
    e = eigenvector(make_chart(nodes, edges, {"k": False}), engine=engine)
    r = 1 / math.sqrt(2)
    assert e.to_dict() == pytest.approx({"a": 0.0, "b": 0.0, "x": r, "y": 1.0, "z": r})
    two_pairs = make_chart(nodes[:4], edges[:2], {"k": False})
    assert eigenvector(two_pairs, engine=engine).to_dict() == pytest.approx(dict.fromkeys("abxy", 1.0))


@pytest.mark.parametrize("engine", ENGINES)
def test_directed_left_eigenvector_and_acyclic(make_chart, engine) -> None:  # type: ignore[no-untyped-def]
    nodes = [(n, "person") for n in "abcd"]
    # a cycle a -> b -> c -> a with a tail c -> d: d receives from the cycle
    cyc = make_chart(nodes, [("a", "p", "b"), ("b", "p", "c"), ("c", "p", "a"), ("c", "p", "d")], {"p": True})
    e = eigenvector(cyc, engine=engine)
    assert e.to_dict() == pytest.approx({"a": 1.0, "b": 1.0, "c": 1.0, "d": 1.0})
    dag = make_chart(nodes, [("a", "p", "b"), ("b", "p", "c")], {"p": True})
    assert eigenvector(dag, engine=engine).to_dict() == dict.fromkeys("abcd", 0.0)


@pytest.mark.parametrize("engine", ENGINES)
def test_weight_is_a_strength(make_chart, engine) -> None:  # type: ignore[no-untyped-def]
    nodes = [(n, "person") for n in "hab"]
    edges = [("h", "k", "a", 3.0), ("h", "k", "b")]
    chart = make_chart(nodes, edges, {"k": False})
    e = eigenvector(chart, engine=engine)
    assert e["a"] == pytest.approx(3.0 / math.sqrt(10))
    assert e["b"] == pytest.approx(1.0 / math.sqrt(10))
    assert eigenvector(chart, engine=engine, weight=None)["a"] == pytest.approx(1 / math.sqrt(2))


def test_empty_and_edgeless(make_chart) -> None:  # type: ignore[no-untyped-def]
    for engine in ENGINES:
        assert len(eigenvector(make_chart([], [], {"k": False}), engine=engine)) == 0
        lonely = make_chart([("a", "x"), ("b", "x")], [], {"k": False})
        assert eigenvector(lonely, engine=engine).to_dict() == {"a": 0.0, "b": 0.0}


def test_same_chart_same_result_and_the_global_rng_untouched() -> None:
    # ARPACK starts from a random vector (and, from an unlucky one, LAPACK can fail):
    # the igraph engine draws it from seeded generators of its own
    import random
    from pathlib import Path

    import linkchart

    chart = linkchart.load(Path(__file__).resolve().parents[2] / "graphs" / "central_asia.yaml")
    state = random.getstate()
    results = [eigenvector(chart).to_dict() for _ in range(40)]
    assert all(r == results[0] for r in results)
    assert random.getstate() == state
    assert max(results[0].values()) == pytest.approx(1.0)
