"""Tests of linkchart.analysis.bridging (Hwang et al.'s bridging centrality)."""

from __future__ import annotations

import pytest

from linkchart import betweenness, bridging_centrality
from linkchart.analysis import bridging_coefficient

ENGINES = ["igraph", "networkx"]


def test_coefficient_by_hand(kite) -> None:  # type: ignore[no-untyped-def]
    bc = bridging_coefficient(kite)
    # Heather (degree 3) between Fernando (5), Garth (5) and Ike (2)
    assert bc["Heather"] == pytest.approx((1 / 3) / (1 / 5 + 1 / 5 + 1 / 2))
    # Jane (degree 1) hangs on Ike (degree 2)
    assert bc["Jane"] == pytest.approx(1 / (1 / 2))
    # Diane (degree 6): Andre 4, Beverly 4, Carol 3, Ed 3, Fernando 5, Garth 5
    assert bc["Diane"] == pytest.approx((1 / 6) / (2 / 4 + 2 / 3 + 2 / 5))


@pytest.mark.parametrize("engine", ENGINES)
def test_product_with_betweenness(kite, engine) -> None:  # type: ignore[no-untyped-def]
    bc = bridging_coefficient(kite)
    b = betweenness(kite, engine=engine)
    r = bridging_centrality(kite, engine=engine)
    for node in kite.node_ids:
        assert r[node] == pytest.approx(b[node] * bc[node])
    # Heather: 14 * (1/3) / 0.9 and Ike: 8 * (1/2) / (1/3 + 1) lead; Diane falls behind
    assert [k for k, _ in r.top(2)] == ["Heather", "Ike"]
    assert r["Heather"] == pytest.approx(14 * (1 / 3) / 0.9)
    assert r.rank()["Diane"] > r.rank()["Ike"]
    norm = bridging_centrality(kite, engine=engine, normalized=True)
    assert norm["Heather"] == pytest.approx(r["Heather"] / 36)


def test_directed_ties_read_undirected(make_chart) -> None:  # type: ignore[no-untyped-def]
    nodes = [(x, "person") for x in "abc"]
    chart = make_chart(nodes, [("a", "pays", "b"), ("c", "pays", "b")], {"pays": True})
    r = bridging_centrality(chart)
    assert r["b"] == pytest.approx(1.0 * 0.25)
    assert r.parameters["relations"] is None


def test_no_ties(make_chart) -> None:  # type: ignore[no-untyped-def]
    chart = make_chart([("a", "x"), ("b", "x")], [], {"k": False})
    assert bridging_centrality(chart).to_dict() == {"a": 0.0, "b": 0.0}
    assert bridging_coefficient(chart).to_dict() == {"a": 0.0, "b": 0.0}


def test_two_workers_give_the_single_process_values(random_chart) -> None:  # type: ignore[no-untyped-def]
    import numpy as np

    chart = random_chart()
    one = bridging_centrality(chart, workers=1).values_array
    assert np.allclose(one, bridging_centrality(chart, workers=2).values_array, rtol=1e-12, atol=0)
    assert one.max() > 0
