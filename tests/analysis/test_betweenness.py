"""Tests of linkchart.analysis.betweenness (reference values from the literature)."""

from __future__ import annotations

import pytest

import linkchart
from linkchart import LinkchartError, UnknownNameError, betweenness

ENGINES = ["igraph", "networkx"]


@pytest.mark.parametrize("engine", ENGINES)
def test_florentine_medici(florentine, engine) -> None:  # type: ignore[no-untyped-def]
    # Padgett's Florentine families: Medici raw 47.5, normalised 47.5 / (14 * 13 / 2) = 0.522
    raw = betweenness(florentine, engine=engine)
    assert raw["Medici"] == pytest.approx(47.5)
    assert raw.top(1) == [("Medici", pytest.approx(47.5))]
    norm = betweenness(florentine, engine=engine, normalized=True)
    assert norm["Medici"] == pytest.approx(0.522, abs=5e-4)
    assert norm["Guadagni"] == pytest.approx(23.1667 / 91, abs=1e-4)


@pytest.mark.parametrize("engine", ENGINES)
def test_kite_heather(kite, engine) -> None:  # type: ignore[no-untyped-def]
    # Krackhardt's kite: Heather is the broker, 14 raw; Jane, Carol, Ed lie on no path
    b = betweenness(kite, engine=engine)
    assert b.top(1) == [("Heather", pytest.approx(14.0))]
    assert b["Ike"] == pytest.approx(8.0)
    assert b["Fernando"] == pytest.approx(8.3333, abs=1e-4)
    assert b["Diane"] == pytest.approx(3.6667, abs=1e-4)
    assert b["Jane"] == b["Carol"] == b["Ed"] == 0.0


def test_parallel_edges_do_not_count_by_default(make_chart) -> None:  # type: ignore[no-untyped-def]
    nodes = [(x, "person") for x in "abcd"]
    # a - b - d and a - c - d; the a-b tie is reported three times
    edges = [("a", "k", "b")] * 3 + [("b", "k", "d"), ("a", "k", "c"), ("c", "k", "d")]
    c = make_chart(nodes, edges, {"k": False})
    for engine in ENGINES:
        b = betweenness(c, engine=engine)
        assert b["b"] == pytest.approx(0.5)
        assert b["c"] == pytest.approx(0.5)
        # read as distance 1/3, the thrice-reported tie makes a-b-d the only shortest path
        w = betweenness(c, engine=engine, weight="count")
        assert w["b"] == pytest.approx(1.0)
        assert w["c"] == pytest.approx(0.0)


def test_directed_follows_vocabulary(make_chart) -> None:  # type: ignore[no-untyped-def]
    nodes = [(x, "person") for x in "abc"]
    c = make_chart(nodes, [("a", "pays", "b"), ("b", "pays", "c")], {"pays": True})
    for engine in ENGINES:
        d = betweenness(c, engine=engine)
        assert d.parameters["directed"] is True
        assert d["b"] == 1.0
        assert betweenness(c, engine=engine, normalized=True)["b"] == pytest.approx(0.5)
        u = betweenness(c, engine=engine, directed=False, normalized=True)
        assert u.parameters["directed"] is False
        assert u["b"] == pytest.approx(1.0)


def test_relations_select_edges(make_chart) -> None:  # type: ignore[no-untyped-def]
    nodes = [(x, "person") for x in "abc"]
    c = make_chart(nodes, [("a", "k", "b"), ("b", "m", "c")], {"k": False, "m": False})
    assert betweenness(c)["b"] == 1.0
    assert betweenness(c, relations=["k"])["b"] == 0.0
    assert betweenness(c, relations="m").parameters["relations"] == ["m"]
    with pytest.raises(UnknownNameError, match="did you mean 'k'"):
        betweenness(c, relations=["kk"])


def test_empty_and_edgeless(make_chart) -> None:  # type: ignore[no-untyped-def]
    empty = make_chart([], [], {"k": False})
    for engine in ENGINES:
        assert len(betweenness(empty, engine=engine, normalized=True)) == 0
    lonely = make_chart([("a", "x"), ("b", "x")], [("a", "k", "b")], {"k": False, "m": False})
    for engine in ENGINES:
        assert betweenness(lonely, engine=engine, relations=["m"]).to_dict() == {"a": 0.0, "b": 0.0}


def test_bad_arguments(florentine) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(UnknownNameError, match="did you mean 'igraph'"):
        betweenness(florentine, engine="igrap")  # type: ignore[arg-type]
    with pytest.raises(UnknownNameError, match="weighting"):
        betweenness(florentine, weight="weights")  # type: ignore[arg-type]
    with pytest.raises(LinkchartError, match="normalized"):
        betweenness(florentine, normalized="yes")  # type: ignore[arg-type]


def test_top_level_name() -> None:
    assert linkchart.betweenness is betweenness
