"""The columns of a chart (linkchart.model.tables): numpy arrays, either-or claims."""

from __future__ import annotations

import numpy as np

import linkchart
from linkchart.times import NO_TIME


def test_columns_are_numpy(chart: linkchart.LinkChart) -> None:
    e = chart.edges
    assert e.src.dtype == np.int32 and e.relation.dtype == np.int16
    assert e.probability.tolist() == [0.5, 0.75, 0.95, 0.75, 0.25]
    assert e.time_from[2] == NO_TIME


def test_an_edge_table_counts_each_claims_size_and_a_view_keeps_it() -> None:
    from linkchart.model import Alternatives, EdgeTable

    edges = EdgeTable.build(
        [0, 0, 0, 1],
        [1, 2, 3, 2],
        [0, 0, 0, 0],
        [0, 0, 0, 0],
        [0.75] * 4,
        [1.0] * 4,
        [NO_TIME] * 4,
        [NO_TIME] * 4,
        [-1] * 4,
        [""] * 4,
        alternatives={0: "where", 1: "where", 2: "where"},
    )
    assert dict(edges.claim_sizes) == {"where": 3}
    rows = np.array([1, 3])
    kept = edges.take(rows)
    assert dict(kept.claim_sizes) == {"where": 3} and dict(kept.alternatives) == {1: "where"}
    claims = Alternatives.of(kept)
    assert (
        claims.size.tolist() == [3, 1] and claims.group.tolist() == [0, -1] and claims.rank.tolist() == [0, 0]
    )
    decided = edges.take(rows, decided=True)
    assert dict(decided.claim_sizes) == {} and Alternatives.of(decided).size.tolist() == [1, 1]
