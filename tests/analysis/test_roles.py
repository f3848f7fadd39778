"""Brokerage roles counted (analysis/roles.py): the groups of a partition and both engines."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

import linkchart
from linkchart import LinkchartError, UnknownNameError
from linkchart.analysis.roles import ROLES, count_roles, groups_of

GRAPH = Path(__file__).resolve().parents[2] / "graphs" / "central_asia.yaml"


def test_the_engines_count_the_same_roles_on_every_partition() -> None:
    chart = linkchart.load(GRAPH)
    for partition in ("type", {nid: i % 3 for i, nid in enumerate(chart.node_ids)}):
        for directed in (None, False):
            fast = count_roles(chart, partition, "igraph", None, directed)
            slow = count_roles(chart, partition, "networkx", None, directed)
            assert np.array_equal(fast[0], slow[0]) and fast[0].shape == (chart.number_of_nodes, len(ROLES))
            assert fast[3] == slow[3]  # the number of arcs


def test_groups_by_type_attribute_or_mapping() -> None:
    c = linkchart.from_records(
        [{"id": "a", "type": "state", "attributes": {"side": "north"}}, {"id": "b", "type": "region"}],
        [],
    )
    assert groups_of(c) == {"a": "state", "b": "region"}
    assert groups_of(c, {"a": 1, "b": 2}) == {"a": 1, "b": 2}
    with pytest.raises(LinkchartError, match="no group under attribute 'side'"):
        groups_of(c, "side")
    with pytest.raises(UnknownNameError, match="did you mean 'side'"):
        groups_of(c, "sied")
