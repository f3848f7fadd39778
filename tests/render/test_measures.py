"""The measures a page shows, looked up by name in linkchart.analysis."""

from __future__ import annotations

import pytest

import linkchart
from linkchart.errors import UnknownNameError
from linkchart.render.measures import available_measures, compute_measures, ranks


def test_ranks_are_competition_ranks() -> None:
    assert ranks([3.0, 1.0, 3.0, 2.0]) == [1, 4, 1, 3]
    assert ranks([3.0, 1.0, 3.0, 2.0], lowest_first=True) == [3, 1, 3, 2]
    assert ranks([None, 1.0]) == [None, 1]


def test_every_node_measure_of_the_analysis_is_available() -> None:
    for name in ("degree", "betweenness", "pagerank", "constraint"):
        assert name in available_measures()


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
