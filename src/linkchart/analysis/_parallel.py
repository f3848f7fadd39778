"""Work shared among forked processes (private: not re-exported).

A measure that splits its work (betweenness by source vertices, closeness by target
vertices, rank uncertainty by draws) puts what every piece needs in :data:`SHARED`
and calls :func:`fork_map`: the worker processes are forked, so they inherit it
without pickling the graph, and only the pieces' results travel back.
"""

from __future__ import annotations

import math
import multiprocessing
import os
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any, TypeVar

__all__ = ["PARALLEL_WORK", "SHARED", "choose_workers", "default_workers", "fork_map", "vertex_blocks"]

T = TypeVar("T")
R = TypeVar("R")

SHARED: dict[str, Any] = {}
"""What the pieces of the running :func:`fork_map` read (empty outside it)."""

PARALLEL_WORK = 20_000_000
"""Above this many ``n * m`` (vertices times ties), a shortest-path measure uses every core by
default (up to 8): below it, starting the processes costs more than they save."""


def default_workers(n: int, m: int) -> int:
    """Processes for a shortest-path measure on ``n`` vertices and ``m`` ties (see :data:`PARALLEL_WORK`)."""
    return min(os.cpu_count() or 1, 8) if n * m > PARALLEL_WORK else 1


def choose_workers(workers: object, n: int, m: int) -> int:
    """The ``workers`` argument of a measure, checked; ``None``: :func:`default_workers`."""
    from ._common import check_count

    return default_workers(n, m) if workers is None else check_count("workers", workers, 1)


def vertex_blocks(n: int, workers: int) -> list[list[int]]:
    """Vertices ``0..n-1`` in about four blocks per worker, so that uneven blocks even out.

    Examples
    --------
    >>> vertex_blocks(10, 2)
    [[0, 1], [2, 3], [4, 5], [6, 7], [8, 9]]
    """
    size = max(1, math.ceil(n / (workers * 4)))
    return [list(range(i, min(i + size, n))) for i in range(0, n, size)]


def fork_map(
    job: Callable[[T], R],
    items: Sequence[T],
    workers: int,
    shared: Mapping[str, Any],
    *,
    on_done: Callable[[T, R], None] | None = None,
) -> list[R]:
    """``[job(item) for item in items]``, in ``workers`` forked processes when more than one.

    ``job`` must be a module-level function (it is sent by name) that reads
    ``shared`` from :data:`SHARED`; ``on_done(item, result)`` runs in this process as
    each result arrives, in order (progress bars). The results do not depend on
    ``workers``. Calls nest: a piece may itself call :func:`fork_map`.
    """
    outer = dict(SHARED)  # a piece of an outer fork_map may run an inner one: restored after
    SHARED.clear()
    SHARED.update(shared)
    out: list[R] = []
    try:
        if workers <= 1 or len(items) <= 1:
            results: Any = map(job, items)
            pool = None
        else:
            pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"))
            results = pool.map(job, items)
        try:
            for item, result in zip(items, results, strict=True):
                out.append(result)
                if on_done is not None:
                    on_done(item, result)
        finally:
            if pool is not None:
                pool.shutdown(cancel_futures=True)
    finally:
        SHARED.clear()
        SHARED.update(outer)
    return out
