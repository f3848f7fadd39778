"""The measures a page shows, read from the measure registry."""

from __future__ import annotations

import pytest

import linkchart
from linkchart.errors import UnknownNameError
from linkchart.render.measures import compute_measures, node_measures, page_defaults, ranks


def test_ranks_are_competition_ranks() -> None:
    assert ranks([3.0, 1.0, 3.0, 2.0]) == [1, 4, 1, 3]
    assert ranks([3.0, 1.0, 3.0, 2.0], lowest_first=True) == [3, 1, 3, 2]
    assert ranks([None, 1.0]) == [None, 1]


def test_the_page_offers_the_registry_per_node_measures() -> None:
    assert node_measures() == linkchart.MEASURES.names(returns="node")
    assert "bridges" not in node_measures() and "constraint" in node_measures()
    assert page_defaults() == ("degree", "strength", "betweenness", "pn_centrality", "pagerank", "constraint")


def test_values_follow_node_order_and_come_from_the_analysis(central_asia: linkchart.LinkChart) -> None:
    values = compute_measures(central_asia, ["degree", "betweenness"])
    degree = linkchart.degree(central_asia)
    assert values["degree"] == [pytest.approx(degree[n]) for n in central_asia.node_ids]
    assert len(values["betweenness"]) == central_asia.number_of_nodes


def test_an_unknown_measure_names_the_ones_that_exist(central_asia: linkchart.LinkChart) -> None:
    with pytest.raises(UnknownNameError, match="did you mean 'pagerank'"):
        compute_measures(central_asia, ["page_rank"])
    with pytest.raises(UnknownNameError, match="unknown measure 'bridges'"):
        compute_measures(central_asia, ["bridges"])  # not one number per node


def test_the_page_runs_a_measure_with_its_registry_options(central_asia: linkchart.LinkChart) -> None:
    values = compute_measures(central_asia, ["harmonic"])
    normalised = linkchart.harmonic(central_asia, normalized=True)
    assert values["harmonic"] == [pytest.approx(normalised[n]) for n in central_asia.node_ids]
