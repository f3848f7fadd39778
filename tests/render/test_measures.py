"""The measures a page shows: from the findings of one analysis, read from the measure registry."""

from __future__ import annotations

import pytest

import linkchart
from linkchart.analysis.ranks import ranks_of as ranks
from linkchart.errors import UnknownNameError
from linkchart.render.payload import page_payload
from linkchart.render.spec import PageSpec


def _values(payload: dict, name: str) -> list:
    return next(m for m in payload["measures"] if m["name"] == name)["values"]


def test_ranks_are_competition_ranks() -> None:
    assert ranks([3.0, 1.0, 3.0, 2.0]) == [1, 4, 1, 3]
    assert ranks([3.0, 1.0, 3.0, 2.0], lowest_first=True) == [3, 1, 3, 2]
    assert ranks([None, 1.0]) == [None, 1]


def test_the_page_offers_the_registry_per_node_measures() -> None:
    spec = PageSpec()
    assert spec.node_measure_names() == linkchart.MEASURES.names(returns="node")
    assert "bridges" not in spec.node_measure_names() and "constraint" in spec.node_measure_names()
    assert linkchart.MEASURES.names(returns="node", on_page=True) == (
        "degree", "strength", "betweenness", "pn_centrality", "pagerank", "constraint"
    )  # fmt: skip


def test_values_follow_node_order_and_come_from_the_analysis(central_asia: linkchart.LinkChart) -> None:
    payload = page_payload(central_asia, PageSpec(measures=("degree", "betweenness"), draws=None))
    degree = linkchart.degree(central_asia)
    assert _values(payload, "degree") == [pytest.approx(degree[n]) for n in central_asia.node_ids]
    assert len(_values(payload, "betweenness")) == central_asia.number_of_nodes


def test_an_unknown_measure_names_the_ones_that_exist(central_asia: linkchart.LinkChart) -> None:
    with pytest.raises(UnknownNameError, match="did you mean 'pagerank'"):
        page_payload(central_asia, PageSpec(measures=("page_rank",)))
    with pytest.raises(UnknownNameError, match="unknown measure 'bridges'"):
        page_payload(central_asia, PageSpec(measures=("bridges",)))  # not one number per node


def test_the_page_runs_a_measure_with_its_registry_options(central_asia: linkchart.LinkChart) -> None:
    payload = page_payload(central_asia, PageSpec(measures=("harmonic",), size_by=None, draws=None))
    normalised = linkchart.harmonic(central_asia, normalized=True)
    assert _values(payload, "harmonic") == [
        pytest.approx(normalised[n], abs=1e-6) for n in central_asia.node_ids
    ]
