"""Ranks with ties: competition ranks and the block of places a tied node shares.

Values equal to 12 significant digits tie (the engines differ in the last bits); ``NaN`` (an
undefined value) ranks after every defined one; ``inf`` marks a node absent from a Monte Carlo
draw, which has no rank there (:func:`~linkchart.analysis.uncertainty.rank_uncertainty`).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

__all__ = ["competition_ranks", "ranks_of", "round12", "tied_ranks"]

FloatArray = npt.NDArray[np.float64]


def round12(x: FloatArray) -> FloatArray:
    """``x`` rounded to 12 significant digits (vectorised)."""
    out = np.array(x, dtype=np.float64)
    nonzero = out != 0
    scale = 10.0 ** (np.floor(np.log10(np.abs(out[nonzero]))) - 11)
    out[nonzero] = np.round(out[nonzero] / scale) * scale
    return out


def competition_ranks(values: FloatArray, higher_is_more: bool) -> FloatArray:
    """Competition ranks of each row ("1224": equal values share the best rank).

    ``NaN`` (an undefined value) ranks after every defined one, tied with the other
    ``NaN``; a node absent from a draw (``inf`` here) has no rank (``NaN``). Values equal
    to 12 significant digits tie (engines differ in the last bits).

    Examples
    --------
    >>> competition_ranks(np.array([[3.0, 1.0, 3.0, 2.0]]), True).tolist()
    [[1.0, 4.0, 1.0, 3.0]]
    >>> competition_ranks(np.array([[0.5, np.nan, 0.2]]), False).tolist()
    [[2.0, 3.0, 1.0]]
    """
    return tied_ranks(values, higher_is_more)[0]


def tied_ranks(values: FloatArray, higher_is_more: bool) -> tuple[FloatArray, FloatArray]:
    """The first and the last place of the tied block each node is in, per row.

    The first is the competition rank (:func:`competition_ranks`); a node tied with no
    other has first == last. ``NaN`` values (undefined) share the places after every
    defined one; a node absent from a draw (``inf``) has neither (``NaN``).

    Examples
    --------
    >>> [x.tolist() for x in tied_ranks(np.array([[3.0, 1.0, 3.0, 1.0, 0.0]]), True)]
    [[[1.0, 3.0, 1.0, 3.0, 5.0]], [[2.0, 4.0, 2.0, 4.0, 5.0]]]
    """
    values = np.asarray(values, dtype=np.float64)
    absent = np.isinf(values)
    undefined = np.isnan(values)
    present = ~absent & ~undefined
    key = np.full(values.shape, np.inf)  # sorts after every present value, whose ranks it leaves alone
    rounded = round12(values[present])
    key[present] = -rounded if higher_is_more else rounded
    # all rows at once: sort each row, find where each run of equal keys starts and ends
    order = np.argsort(key, axis=1, kind="stable")
    ordered = np.take_along_axis(key, order, axis=1)
    columns = np.arange(values.shape[1])
    new = np.ones(values.shape, dtype=bool)
    new[:, 1:] = ordered[:, 1:] != ordered[:, :-1]
    ends = np.ones(values.shape, dtype=bool)
    ends[:, :-1] = new[:, 1:]
    start = np.maximum.accumulate(np.where(new, columns, 0), axis=1)
    stop = columns[-1:] - np.maximum.accumulate(np.where(ends[:, ::-1], columns, 0), axis=1)[:, ::-1]
    first = np.empty(values.shape)
    last = np.empty(values.shape)
    np.put_along_axis(first, order, start + 1.0, axis=1)
    np.put_along_axis(last, order, stop + 1.0, axis=1)
    count = present.sum(axis=1, keepdims=True)
    first[absent] = last[absent] = np.nan
    first = np.where(undefined, count + 1.0, first)
    last = np.where(undefined, count + undefined.sum(axis=1, keepdims=True), last)
    return first, last


def ranks_of(values: Sequence[float | None], *, lowest_first: bool = False) -> list[int | None]:
    """Competition ranks ("1224") of exact values, as a page lists them: 1 for the largest value
    (smallest if ``lowest_first``).

    Equal values share the best rank; ``None`` stays unranked.

    Examples
    --------
    >>> ranks_of([0.5, 2.0, 0.5, None, 3.0])
    [3, 2, 3, None, 1]
    >>> ranks_of([0.5, 2.0, 0.5], lowest_first=True)
    [1, 3, 1]
    """
    present = sorted((v if lowest_first else -v) for v in values if v is not None)
    first: dict[float, int] = {}
    for r, key in enumerate(present, start=1):
        first.setdefault(key, r)
    return [None if v is None else first[v if lowest_first else -v] for v in values]
