"""Work that splits, mapped over fixed blocks in a fixed order, so a result never depends on
how many workers ran it.

A measure that splits its work (betweenness by blocks of source vertices, closeness by
blocks of targets, Monte Carlo by blocks of draws) cuts it with :func:`blocks` — the
blocks depend on the size of the work alone, never on the number of workers — and
runs ``task(shared, block)`` for each block through :func:`map_blocks`, which returns
the results in block order. Partial sums are then added left to right in that order
(:func:`sum_in_order`), so the same chart gives the same bits with one worker, eight,
or an executor of the caller's.

``task`` is a module-level function (it may be sent to another process by name) that
reads what every block needs from ``shared``; nothing is kept in module state, so two
threads mapping at once never see each other's data.

This version runs the blocks in this process, one after the other, or submits them to
a ``concurrent.futures.Executor`` the caller gives. Worker processes of linkchart's own
(``forkserver`` or ``spawn``, never ``fork``; PLAN §5) and a Dask client (issue 25)
come next; the interface does not change.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Sequence
from concurrent.futures import Executor, Future
from typing import Final, TypeVar

import numpy as np
import numpy.typing as npt

from .errors import LinkchartError

__all__ = ["BLOCK_WORK", "MAX_BLOCKS", "Runner", "blocks", "map_blocks", "sum_in_order"]

S = TypeVar("S")
B = TypeVar("B")
R = TypeVar("R")

Runner = Executor | None
"""What runs the blocks: a ``concurrent.futures.Executor`` of the caller's, or ``None``
(linkchart's own way, chosen by ``workers``)."""

BLOCK_WORK: Final = 50_000_000
"""The work (vertices times ties, for a shortest-path measure) up to which the work is one
block: below it, starting processes costs more than they save (PLAN §5.2)."""

MAX_BLOCKS: Final = 4096
"""The most blocks work is cut into."""


def blocks(n: int, m: int) -> list[range]:
    """Items ``0..n-1`` cut into contiguous blocks, fixed by ``n`` and ``m`` alone.

    One block when ``n * m`` is at most :data:`BLOCK_WORK`; else about
    ``n * m / BLOCK_WORK`` blocks (at least 2, at most ``n`` and :data:`MAX_BLOCKS`) of
    near-equal length, in order. The number of workers never changes the blocks, so
    results summed over them never change either.

    Examples
    --------
    >>> blocks(10, 3)
    [range(0, 10)]
    >>> blocks(10, 25_000_000)
    [range(0, 2), range(2, 4), range(4, 6), range(6, 8), range(8, 10)]
    >>> blocks(0, 5)
    []
    """
    if n <= 0:
        return []
    work = n * max(m, 0)
    if work <= BLOCK_WORK:
        return [range(n)]
    count = max(1, min(max(math.ceil(work / BLOCK_WORK), 2), n, MAX_BLOCKS))
    edges = [n * i // count for i in range(count + 1)]
    return [range(a, b) for a, b in itertools.pairwise(edges)]


def _workers(workers: object) -> int:
    if isinstance(workers, bool) or not isinstance(workers, int) or workers < 1:
        raise LinkchartError(f"workers must be a positive integer, not {workers!r}", code="bad-argument")
    return workers


def map_blocks(
    task: Callable[[S, B], R],
    shared: S,
    items: Sequence[B],
    *,
    workers: int = 1,
    executor: Runner = None,
    on_done: Callable[[int, R], None] | None = None,
) -> list[R]:
    """``[task(shared, item) for item in items]``, in item order, whoever runs the items.

    Parameters
    ----------
    task
        A module-level function of ``(shared, item)``; its results travel back.
    shared
        What every item needs (projection arrays, options): given once, never copied
        into module state.
    items
        The blocks (:func:`blocks`), draws or other pieces of work.
    workers
        How many workers may run items at once (a positive integer). This version runs
        them in this process whatever the number; the results are the same either way.
    executor
        A ``concurrent.futures.Executor`` to submit each item to (``shared`` travels
        with every item: a ``ProcessPoolExecutor`` pickles it each time, a
        ``ThreadPoolExecutor`` shares it); ``None``: linkchart runs them.
    on_done
        Called in this process as ``on_done(index, result)`` for each item, in item
        order (progress bars).

    Returns
    -------
    list
        The results, in item order.

    Raises
    ------
    LinkchartError
        For ``workers`` that is not a positive integer. An exception of a task is
        raised as it is, and the items not yet started are cancelled.

    Examples
    --------
    >>> def scaled(factor, block):
    ...     return [factor * i for i in block]
    >>> map_blocks(scaled, 10, blocks(4, 1))
    [[0, 10, 20, 30]]
    """
    _workers(workers)
    out: list[R] = []
    if executor is None:
        for index, item in enumerate(items):
            result = task(shared, item)
            out.append(result)
            if on_done is not None:
                on_done(index, result)
        return out
    futures: list[Future[R]] = [executor.submit(task, shared, item) for item in items]
    try:
        for index, future in enumerate(futures):
            result = future.result()
            out.append(result)
            if on_done is not None:
                on_done(index, result)
    finally:
        for future in futures:
            future.cancel()
    return out


def sum_in_order(parts: Sequence[npt.NDArray[np.float64]]) -> npt.NDArray[np.float64]:
    """The sum of ``parts``, added left to right (floating-point sums depend on the order).

    Examples
    --------
    >>> sum_in_order([np.array([1e16, 1.0]), np.array([-1e16, 1.0]), np.array([1.0, 1.0])])
    array([1., 3.])
    """
    if not parts:
        raise LinkchartError("nothing to sum: no blocks", code="bad-argument")
    total = np.array(parts[0], dtype=np.float64, copy=True)
    for part in parts[1:]:
        total += part
    return total
