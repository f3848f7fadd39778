"""Tests of linkchart.analysis.closeness (closeness and harmonic)."""

from __future__ import annotations

import importlib

import pytest

from linkchart import UnknownNameError, closeness, harmonic

ENGINES = ["igraph", "networkx"]


@pytest.mark.parametrize("engine", ENGINES)
def test_kite_fernando_and_garth_closest(kite, engine) -> None:  # type: ignore[no-untyped-def]
    c = closeness(kite, engine=engine)
    assert [k for k, _ in c.top(2)] == ["Fernando", "Garth"]
    assert c["Fernando"] == pytest.approx(9 / 14)
    assert c["Jane"] == pytest.approx(9 / 29)
    h = harmonic(kite, engine=engine, normalized=False)
    # Diane: six neighbours at 1, Heather 2, Ike 3, Jane 4
    assert h["Diane"] == pytest.approx(6 + 1 / 2 + 1 / 3 + 1 / 4)
    assert harmonic(kite, engine=engine, normalized=True)["Diane"] == pytest.approx(
        (6 + 1 / 2 + 1 / 3 + 1 / 4) / 9
    )


@pytest.fixture
def chain(make_chart):  # type: ignore[no-untyped-def]
    # a -> b -> c, and an isolated d
    nodes = [(x, "person") for x in "abcd"]
    return make_chart(nodes, [("a", "pays", "b"), ("b", "pays", "c")], {"pays": True})


@pytest.mark.parametrize("engine", ENGINES)
def test_directed_out_and_in(chain, engine) -> None:  # type: ignore[no-untyped-def]
    out = closeness(chain, engine=engine)
    # a reaches 2 of 3 others at total distance 3: (2/3) * (2/3)
    assert out.to_dict() == pytest.approx({"a": 4 / 9, "b": 1 / 3, "c": 0.0, "d": 0.0})
    inc = closeness(chain, engine=engine, mode="in")
    assert inc.to_dict() == pytest.approx({"a": 0.0, "b": 1 / 3, "c": 4 / 9, "d": 0.0})
    h = harmonic(chain, engine=engine, normalized=False)
    assert h.to_dict() == pytest.approx({"a": 1.5, "b": 1.0, "c": 0.0, "d": 0.0})
    hi = harmonic(chain, engine=engine, mode="in", normalized=True)
    assert hi.to_dict() == pytest.approx({"a": 0.0, "b": 1 / 3, "c": 0.5, "d": 0.0})


@pytest.mark.parametrize("engine", ENGINES)
def test_disconnected_wasserman_faust(make_chart, engine) -> None:  # type: ignore[no-untyped-def]
    # a pair x - y and a path a - b - c: the pair's members reach 1 of 4 others
    nodes = [(n, "person") for n in ["x", "y", "a", "b", "c"]]
    edges = [("x", "k", "y"), ("a", "k", "b"), ("b", "k", "c")]
    c = closeness(make_chart(nodes, edges, {"k": False}), engine=engine)
    assert c["x"] == pytest.approx(1 / 4)
    assert c["b"] == pytest.approx((2 / 4) * (2 / 2))
    assert c.top(1)[0][0] == "b"


@pytest.mark.parametrize("engine", ENGINES)
def test_weight_is_a_distance(make_chart, engine) -> None:  # type: ignore[no-untyped-def]
    nodes = [(x, "person") for x in "abc"]
    edges = [("a", "k", "b"), ("a", "k", "b"), ("b", "k", "c")]
    chart = make_chart(nodes, edges, {"k": False})
    # a-b counted twice: distance 1/2, so a is at 1/2 from b and 3/2 from c
    c = closeness(chart, engine=engine, weight="count")
    assert c["a"] == pytest.approx(2 / (0.5 + 1.5))
    h = harmonic(chart, engine=engine, weight="count", normalized=False)
    assert h["a"] == pytest.approx(2 + 2 / 3)


def test_bad_mode_and_empty(chain, make_chart) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(UnknownNameError, match="mode"):
        closeness(chain, mode="all")  # type: ignore[arg-type]
    empty = make_chart([], [], {"k": True})
    for engine in ENGINES:
        assert len(closeness(empty, engine=engine)) == 0
        assert len(harmonic(empty, engine=engine)) == 0
        assert closeness(chain, engine=engine, relations=[]).to_dict() == dict.fromkeys("abcd", 0.0)


@pytest.mark.parametrize("limit", [0, 20_000])
def test_directed_reach_both_ways_of_counting(make_chart, monkeypatch, limit) -> None:  # type: ignore[no-untyped-def]
    # two cycles a->b->c->a and x->y->x joined by c -> x, a tail y -> t, an isolated z:
    # the condensation route (bitsets) and the per-node search (limit 0) must agree
    module = importlib.import_module("linkchart.analysis.closeness")
    monkeypatch.setattr(module, "_BITSET_LIMIT", limit)
    nodes = [(x, "person") for x in "abcxytz"]
    arcs = [("a", "b"), ("b", "c"), ("c", "a"), ("c", "x"), ("x", "y"), ("y", "x"), ("y", "t")]
    chart = make_chart(nodes, [(u, "p", v) for u, v in arcs], {"p": True})
    for engine in ENGINES:
        out = closeness(chart, engine=engine)
        # a reaches b, c, x, y, t (5 of 6) at distances 1, 2, 3, 4, 5
        assert out["a"] == pytest.approx((5 / 6) * (5 / 15))
        # t reaches nobody; x reaches y, t
        assert out["t"] == 0.0 and out["z"] == 0.0
        assert out["x"] == pytest.approx((2 / 6) * (2 / 3))
        inc = closeness(chart, engine=engine, mode="in")
        # t is reached from y (1), x (2), c (3), a (5), b (4)
        assert inc["t"] == pytest.approx((5 / 6) * (5 / 15))


@pytest.mark.parametrize("measure", [closeness, harmonic])
@pytest.mark.parametrize("mode", ["out", "in"])
def test_two_workers_give_the_single_process_values(random_chart, measure, mode) -> None:  # type: ignore[no-untyped-def]
    import numpy as np

    chart = random_chart()
    one = measure(chart, mode=mode, workers=1).values_array
    two = measure(chart, mode=mode, workers=2).values_array
    assert np.allclose(one, two, rtol=1e-12, atol=0) and one.max() > 0
    # on another reading too: undirected (every part connected differently)
    assert np.allclose(
        measure(chart, directed=False, workers=3).values_array, measure(chart, directed=False).values_array
    )


def test_bad_workers(chain) -> None:  # type: ignore[no-untyped-def]
    from linkchart import LinkchartError

    for measure in (closeness, harmonic):
        with pytest.raises(LinkchartError, match="workers must be"):
            measure(chain, workers=0)
