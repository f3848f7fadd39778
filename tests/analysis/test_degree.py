"""Tests of linkchart.analysis.degree (degree and strength)."""

from __future__ import annotations

import pytest

from linkchart import UnknownNameError, degree, strength

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
def test_degree_counts_ties_not_reports(chart, engine) -> None:  # type: ignore[no-untyped-def]
    # directed reading: a->b (twice reported), c->a, b<->c (undirected counts both ways)
    assert degree(chart, engine=engine).to_dict() == {"a": 2.0, "b": 3.0, "c": 3.0}
    assert degree(chart, engine=engine, mode="in").to_dict() == {"a": 1.0, "b": 2.0, "c": 1.0}
    assert degree(chart, engine=engine, mode="out").to_dict() == {"a": 1.0, "b": 1.0, "c": 2.0}
    undirected = degree(chart, engine=engine, directed=False)
    assert undirected.to_dict() == {"a": 2.0, "b": 2.0, "c": 2.0}
    assert degree(chart, engine=engine, relations=["knows"]).to_dict() == {"a": 0.0, "b": 1.0, "c": 1.0}


@pytest.mark.parametrize("engine", ENGINES)
def test_strength_adds_reports(chart, engine) -> None:  # type: ignore[no-untyped-def]
    s = strength(chart, engine=engine)
    assert s.to_dict() == {"a": 3.5, "b": 5.0, "c": 2.5}
    assert strength(chart, engine=engine, mode="out").to_dict() == {"a": 3.0, "b": 1.0, "c": 1.5}
    assert strength(chart, engine=engine, weight="count", mode="in").to_dict() == {
        "a": 1.0,
        "b": 3.0,
        "c": 1.0,
    }
    assert strength(chart, engine=engine, weight=None).to_dict() == degree(chart).to_dict()
    assert s.parameters["weight"] == "weight"


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
