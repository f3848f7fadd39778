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


def _one_row_at_a_time(values: np.ndarray, higher_is_more: bool) -> tuple[np.ndarray, np.ndarray]:
    """The definition, row by row: places before a node's value, and up to its last equal."""
    first = np.full(values.shape, np.nan)
    last = np.full(values.shape, np.nan)
    for row, v in enumerate(values):
        present = ~np.isinf(v) & ~np.isnan(v)
        key = round12(v[present]) * (-1 if higher_is_more else 1)
        for j, k in zip(np.flatnonzero(present), key, strict=True):
            first[row, j] = np.sum(key < k) + 1
            last[row, j] = np.sum(key <= k)
        undefined = np.isnan(v)
        first[row, undefined] = present.sum() + 1
        last[row, undefined] = present.sum() + undefined.sum()
    return first, last


def test_all_rows_at_once_give_the_places_of_the_definition() -> None:
    rng = np.random.default_rng(7)
    for _ in range(200):
        shape = (int(rng.integers(0, 5)), int(rng.integers(0, 9)))
        values = rng.integers(-2, 3, shape) * rng.choice([1.0, 1 / 3, 1 + 1e-14], shape)
        values[rng.random(shape) < 0.15] = np.nan
        values[rng.random(shape) < 0.15] = np.inf
        for higher in (True, False):
            got, want = tied_ranks(values, higher), _one_row_at_a_time(values, higher)
            assert np.array_equal(got[0], want[0], equal_nan=True), values
            assert np.array_equal(got[1], want[1], equal_nan=True), values
