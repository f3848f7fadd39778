"""Tests of linkchart.analysis.betweenness (reference values from the literature)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

import linkchart
from linkchart import LinkchartError, UnknownNameError, betweenness

RandomChart = Callable[..., linkchart.LinkChart]

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


# --------------------------------------------------------------------------- parallel and sampled
@pytest.mark.parametrize("engine", ["igraph", "networkx"])
def test_two_workers_give_the_single_process_values(engine: str, random_chart: RandomChart) -> None:
    import numpy as np

    chart = random_chart()
    one = linkchart.betweenness(chart, engine=engine, workers=1)  # type: ignore[arg-type]
    two = linkchart.betweenness(chart, engine=engine, workers=2)  # type: ignore[arg-type]
    assert np.allclose(one.values_array, two.values_array, rtol=1e-12, atol=1e-9) and not two.estimate
    undirected = linkchart.betweenness(chart, directed=False, normalized=True, workers=2)
    assert np.allclose(
        undirected.values_array, linkchart.betweenness(chart, directed=False, normalized=True).values_array
    )


def test_sampled_betweenness_is_an_unbiased_estimate_with_its_error(random_chart: RandomChart) -> None:
    import numpy as np

    chart = random_chart()
    exact = linkchart.betweenness(chart).values_array
    runs = [linkchart.betweenness(chart, samples=30, seed=s) for s in range(40)]
    assert all(r.estimate and r.parameters["samples"] == 30 for r in runs)
    mean = np.mean([r.values_array for r in runs], axis=0)
    spread = np.std([r.values_array for r in runs], axis=0) / np.sqrt(len(runs))
    top = int(np.argmax(exact))
    assert abs(mean[top] - exact[top]) <= 4 * spread[top] + 1e-9  # unbiased: the mean of estimates
    # the error each estimate states is of the order of the spread of the estimates
    stated = np.mean([r.error(chart.node_ids[top]) for r in runs])
    observed = np.std([r.values_array[top] for r in runs])
    assert 0.4 < stated / observed < 2.5
    assert linkchart.betweenness(chart, samples=30, seed=1) == linkchart.betweenness(
        chart, samples=30, seed=1
    )
    same = linkchart.betweenness(chart, samples=30, seed=1, engine="networkx")
    assert np.allclose(same.values_array, runs[1].values_array)  # the same pivots on both engines
    assert not linkchart.betweenness(chart, samples=10_000).estimate  # as many pivots as nodes: exact


def test_bad_samples_and_workers(random_chart: RandomChart) -> None:
    chart = random_chart(10, 20)
    with pytest.raises(linkchart.LinkchartError, match="samples must be"):
        linkchart.betweenness(chart, samples=0)
    with pytest.raises(linkchart.LinkchartError, match="workers must be"):
        linkchart.betweenness(chart, workers=-1)
