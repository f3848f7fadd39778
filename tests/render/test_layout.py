"""Seeded igraph layouts, scaled to pixels."""

from __future__ import annotations

import random

import numpy as np
import pytest

import linkchart
from linkchart.errors import UnknownNameError
from linkchart.render.layout import node_positions, positions_array


def test_the_same_seed_gives_the_same_positions_and_another_seed_others(
    central_asia: linkchart.LinkChart,
) -> None:
    a = node_positions(central_asia, seed=3)
    assert a == node_positions(central_asia, seed=3)
    assert a != node_positions(central_asia, seed=4)
    assert set(a) == set(central_asia.node_ids)


def test_the_global_random_state_is_neither_read_nor_changed(central_asia: linkchart.LinkChart) -> None:
    random.seed(12345)
    expected = random.random()
    random.seed(12345)
    first = positions_array(central_asia, seed=1)
    assert random.random() == expected
    random.seed(999)
    assert np.array_equal(positions_array(central_asia, seed=1), first)


@pytest.mark.parametrize("method", ["auto", "fr", "kk", "drl", "circle"])
def test_every_method_gives_distinct_finite_positions(method: str, central_asia: linkchart.LinkChart) -> None:
    xy = positions_array(central_asia, method=method)
    assert xy.shape == (central_asia.number_of_nodes, 2)
    assert np.isfinite(xy).all()
    assert len({tuple(p) for p in xy.tolist()}) == central_asia.number_of_nodes


def test_isolated_nodes_stay_near_the_rest() -> None:
    nodes = [{"id": str(i), "type": "state"} for i in range(60)]
    edges = [{"from": str(i), "relation": "x", "to": str(i + 1)} for i in range(39)]
    xy = positions_array(linkchart.from_records(nodes, edges))
    width = np.ptp(xy, axis=0)
    assert width.max() < 40 * 170  # the 20 isolates are packed beside the path, not flung away
    d = np.hypot(*(xy[:, None, :] - xy[None, :, :]).transpose(2, 0, 1))
    np.fill_diagonal(d, np.inf)
    assert d.min() >= 50


def test_an_unknown_method_is_refused(central_asia: linkchart.LinkChart) -> None:
    with pytest.raises(UnknownNameError, match="did you mean 'kk'"):
        positions_array(central_asia, method="kkk")


def test_tiny_charts() -> None:
    assert positions_array(linkchart.from_records([], [])).shape == (0, 2)
    one = linkchart.from_records([{"id": "a", "type": "state"}], [])
    assert node_positions(one) == {"a": (0.0, 0.0)}
