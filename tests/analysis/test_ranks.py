"""Ranks with ties (analysis/ranks.py): competition ranks and the block of places a tie shares."""

from __future__ import annotations

import numpy as np

from linkchart.analysis.ranks import competition_ranks, round12, tied_ranks


def test_tied_ranks_give_the_block_of_places() -> None:
    first, last = tied_ranks(np.array([[2.0, 2.0, 1.0, np.nan, np.inf]]), True)
    assert first[0, :4].tolist() == [1, 1, 3, 4] and last[0, :4].tolist() == [2, 2, 3, 4]
    assert np.isnan(first[0, 4]) and np.isnan(last[0, 4])


def test_values_equal_to_12_digits_tie_and_lower_is_more_reverses_the_order() -> None:
    values = np.array([[1.0, 1.0 + 1e-14, 0.5, 3.0]])
    assert competition_ranks(values, True).tolist() == [[2.0, 2.0, 4.0, 1.0]]
    assert competition_ranks(values, False).tolist() == [[2.0, 2.0, 1.0, 4.0]]
    assert round12(np.array([1.0 + 1e-14, 0.0])).tolist() == round12(np.array([1.0, 0.0])).tolist()
