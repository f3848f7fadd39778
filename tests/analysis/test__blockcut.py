"""The sparse table behind the articulation points' subtree sizes and low points, against
brute force on random arrays (including runs of one value and the array's ends)."""

from __future__ import annotations

import numpy as np
import pytest

from linkchart.analysis._blockcut import _depths, _MinTable


@pytest.mark.parametrize("n", [1, 2, 3, 7, 64, 257])
def test_next_at_most_and_least_equal_brute_force(n: int) -> None:
    rng = np.random.default_rng(n)
    values = rng.integers(0, 5, size=n).astype(np.int64)
    table = _MinTable(values)
    got = table.next_at_most(np.arange(n))
    want = [next((j for j in range(i + 1, n) if values[j] <= values[i]), n) for i in range(n)]
    assert got.tolist() == want
    start = rng.integers(0, n, size=50)
    stop = start + 1 + rng.integers(0, n - start)
    assert table.least(start, stop).tolist() == [
        int(values[a:b].min()) for a, b in zip(start, stop, strict=True)
    ]


def test_depths_of_a_forest() -> None:
    parent = np.array([-1, 0, 1, 1, -1, 4, 2], dtype=np.int64)
    assert _depths(parent).tolist() == [0, 1, 2, 2, 0, 1, 3]
