"""Work that splits, mapped over fixed blocks in a fixed order, so a result never depends on
how many workers ran it, or which executor.

A measure that splits its work (betweenness by blocks of source vertices, closeness by
blocks of targets, Monte Carlo by blocks of draws) cuts it with :func:`blocks` — the
blocks depend on the size of the work alone, never on the number of workers — and runs
``task(shared, block)`` for each block through :func:`map_blocks`, which returns the
results in block order (:func:`iter_blocks`: one at a time, as they come back). Partial
sums are added left to right in that order (:func:`sum_in_order`, or :func:`sum_blocks`
as they come back, holding one at a time), so the same chart gives the same bits with one
worker, eight, a thread pool, an executor of the caller's or a Dask cluster.

Who runs the blocks (:func:`map_blocks`):

- one worker, or one block: a loop in this process;
- ``workers > 1``: worker processes of linkchart's own, a standard
  ``concurrent.futures.ProcessPoolExecutor`` made and shut down inside the call, started
  with :data:`START_METHOD` (``forkserver`` on Linux, ``spawn`` elsewhere; never ``fork``,
  which is unsafe in a process that runs threads). Each worker receives ``shared`` once,
  from its initializer, not once per block;
- a ``concurrent.futures.Executor`` of the caller's: each block is submitted to it with
  ``shared`` (a ``ThreadPoolExecutor`` shares it; a process pool pickles it per block);
- a ``dask.distributed.Client`` (detected: it is not a ``concurrent.futures.Executor``):
  ``shared`` is scattered once to every worker (``broadcast=True``), then one task per
  block refers to it; Dask reruns the blocks of a worker that dies on another one. A
  cluster that cannot be reached, or is lost mid-run, ends in a :class:`LinkchartError`
  (code ``cluster-failed``) that says which blocks were lost. ``client.get_executor()``
  is an Executor like any other (``shared`` travels with every block, no broadcast);
- any other :class:`Cluster` (a client with ``scatter``, ``submit`` and ``gather``).

:func:`connect` opens a Client on a scheduler's address with a short connect timeout,
and :func:`on_cluster` runs a block of code with such a client as the runner of every
:func:`map_blocks` call given no executor (the command line's ``--dask ADDRESS``).

Nothing here is kept in module state in the calling process, so two threads mapping at
once never see each other's data: the runner of :func:`on_cluster` is a context
variable, seen only by the thread (or task) that entered it. ``task`` is a module-level
function: it travels to another process by name.
"""

from __future__ import annotations

import contextlib
import contextvars
import itertools
import math
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Executor
from typing import Any, Final, Protocol, TypeAlias, TypeVar, runtime_checkable

import numpy as np
import numpy.typing as npt

from ..errors import LinkchartError
from ._dask import CONNECT_TIMEOUT, SCHEMES, connect, is_dask, on_dask, where
from ._own import START_METHOD, own_processes
from ._own import _receive as _receive  # what a worker runs, by name (benchmarks/bench_executor.py)
from ._own import _run as _run
from ._results import collect

__all__ = [
    "BLOCK_WORK",
    "CONNECT_TIMEOUT",
    "MAX_BLOCKS",
    "MAX_DEFAULT_WORKERS",
    "PARALLEL_WORK",
    "SCHEMES",
    "START_METHOD",
    "Cluster",
    "Runner",
    "blocks",
    "connect",
    "iter_blocks",
    "map_blocks",
    "on_cluster",
    "sum_blocks",
    "sum_in_order",
    "workers_for",
]

S = TypeVar("S")
B = TypeVar("B")
R = TypeVar("R")


@runtime_checkable
class Cluster(Protocol):
    """A client that broadcasts data to its workers once and runs tasks on them.

    ``scatter(data, broadcast=True)`` sends ``data`` to every worker and returns a handle
    that tasks receive in its place; ``submit(func, *args)`` returns a future (its
    ``result()`` waits for it); ``gather`` is part of the protocol so that a
    ``dask.distributed.Client`` fits it as it is.
    """

    def scatter(self, data: Any, broadcast: bool = ...) -> Any:
        """Send ``data`` to the workers; a handle that stands for it in :meth:`submit`."""

    def submit(self, func: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """Run ``func(*args)`` on a worker; a future of its result."""

    def gather(self, futures: Any) -> Any:
        """The results of ``futures``."""


Runner: TypeAlias = Executor | Cluster | None
"""What runs the blocks: a ``concurrent.futures.Executor`` or a :class:`Cluster` of the
caller's, or ``None`` (linkchart's own way, chosen by ``workers``)."""

BLOCK_WORK: Final = 50_000_000
"""The work (vertices times ties, for a shortest-path measure) up to which the work is one
block (one igraph call, as before issue 20; see ``benchmarks/bench_executor.py``)."""

PARALLEL_WORK: Final = 100_000_000
"""Above this much work (vertices times ties) a measure uses several processes by default
(:func:`workers_for`): starting them costs a second or two the first time in a process
(``forkserver``; measured by ``benchmarks/bench_executor.py``), about what igraph's
betweenness does with 2·10⁷ to 5·10⁷ of work, so below this the processes cost more than
they save."""

MAX_BLOCKS: Final = 4096
"""The most blocks work is cut into."""

MAX_DEFAULT_WORKERS: Final = 8
"""The most processes chosen by default (:func:`workers_for`); more may be asked for."""

_RUNNER: contextvars.ContextVar[Executor | Cluster | None] = contextvars.ContextVar(
    "linkchart_runner", default=None
)
"""The runner of :func:`on_cluster`: read by :func:`map_blocks` when given no executor."""


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
        raise LinkchartError(
            f"workers must be a positive integer, not {workers!r}",
            code="bad-argument",
            loc=("workers",),
            input=workers,
        )
    return workers


def workers_for(n: int, m: int, workers: int | None = None) -> int:
    """How many processes to run work of ``n`` vertices and ``m`` ties with.

    ``workers`` given: checked (a positive integer) and returned. ``None``: one when the
    work ``n * m`` is at most :data:`PARALLEL_WORK`, else one per core, up to
    :data:`MAX_DEFAULT_WORKERS`. Results do not depend on the choice.

    Examples
    --------
    >>> workers_for(1000, 5000), workers_for(1000, 5000, 3)
    (1, 3)
    """
    if workers is not None:
        return _workers(workers)
    if n * m <= PARALLEL_WORK:
        return 1
    return max(1, min(os.cpu_count() or 1, MAX_DEFAULT_WORKERS))


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
        A module-level function of ``(shared, item)`` (worker processes receive it by
        name); its results travel back.
    shared
        What every item needs (projection arrays, options). linkchart's own workers
        receive it once each, from their initializer; it is never put in module state
        of the calling process.
    items
        The blocks (:func:`blocks`), draws or other pieces of work.
    workers
        How many worker processes may run items at once (a positive integer; at most one
        per item). ``1`` runs them in this process. Ignored when ``executor`` is given.
    executor
        A ``concurrent.futures.Executor`` to submit each item to (``shared`` travels
        with every item: a ``ThreadPoolExecutor`` shares it, a ``ProcessPoolExecutor``
        pickles it each time), a ``dask.distributed.Client`` or another :class:`Cluster`
        (``shared`` is broadcast once, then one task per item); ``None``: the runner of
        an enclosing :func:`on_cluster`, else linkchart runs them, as ``workers`` says.
    on_done
        Called in this process as ``on_done(index, result)`` for each item, in item
        order (progress bars).

    Returns
    -------
    list
        The results, in item order: the same whoever ran them.

    Raises
    ------
    LinkchartError
        For ``workers`` that is not a positive integer, an ``executor`` that is neither an
        Executor nor a Cluster, a ``task`` or ``shared`` that cannot be sent to a worker
        process (a lambda, a function defined inside another: define it at module level,
        or run with ``workers=1``), or a worker process that died; a Dask cluster lost
        before every item was done (``cluster-failed``, with the items lost in ``ctx``).
        An exception a task raises is raised as it is, with a note naming the item, and
        the items not yet started are cancelled.

    Examples
    --------
    >>> def scaled(factor, block):
    ...     return [factor * i for i in block]
    >>> map_blocks(scaled, 10, blocks(4, 1))
    [[0, 10, 20, 30]]
    """
    out: list[R] = []
    for index, result in enumerate(iter_blocks(task, shared, items, workers=workers, executor=executor)):
        out.append(result)
        if on_done is not None:
            on_done(index, result)
    return out


def iter_blocks(
    task: Callable[[S, B], R],
    shared: S,
    items: Sequence[B],
    *,
    workers: int = 1,
    executor: Runner = None,
) -> Iterator[R]:
    """The results of :func:`map_blocks`, one at a time, in item order, as they come back.

    What the caller has read is not kept here (nor, on a Dask cluster, on the workers), so
    a caller that folds the results (:func:`sum_blocks`) holds one at a time. Leaving the
    loop early cancels the items not yet run. Same parameters and errors as
    :func:`map_blocks`.
    """
    workers = _workers(workers)
    if executor is None:
        executor = _RUNNER.get()
    if executor is None:
        if workers == 1 or len(items) <= 1:
            return (task(shared, item) for item in items)
        return own_processes(task, shared, items, min(workers, len(items)))
    if not items:
        return iter(())
    if isinstance(executor, Executor):
        return collect([executor.submit(task, shared, item) for item in items], where(executor))
    if is_dask(executor):
        return on_dask(executor, task, shared, items)
    if isinstance(executor, Cluster):
        handle = executor.scatter(shared, broadcast=True)
        return collect([executor.submit(task, handle, item) for item in items])
    raise LinkchartError(
        "executor must be a concurrent.futures.Executor or a client with scatter, submit and "
        f"gather (dask.distributed.Client), not {type(executor).__name__}",
        code="bad-argument",
        ctx={"expected": ["concurrent.futures.Executor", "Cluster", None]},
    )


def sum_blocks(
    task: Callable[[S, B], npt.NDArray[np.float64]],
    shared: S,
    items: Sequence[B],
    *,
    workers: int = 1,
    executor: Runner = None,
) -> npt.NDArray[np.float64]:
    """``sum_in_order(map_blocks(task, shared, items, ...))``, the same bits, holding one
    part at a time: each is added to the running total as it comes back, in item order
    (a betweenness block is a vector of n partial sums; 4,096 of them at a million
    vertices would be 33 GB).

    Examples
    --------
    >>> def ones(scale, block):
    ...     return np.full(2, scale * len(block))
    >>> sum_blocks(ones, 1.5, [range(2), range(2, 5)])
    array([7.5, 7.5])
    """
    total: npt.NDArray[np.float64] | None = None
    for part in iter_blocks(task, shared, items, workers=workers, executor=executor):
        if total is None:
            total = np.array(part, dtype=np.float64, copy=True)
        else:
            total += part
    if total is None:
        raise LinkchartError("nothing to sum: no blocks", code="bad-argument")
    return total


@contextlib.contextmanager
def on_cluster(runner: Executor | Cluster | str | None) -> Iterator[Executor | Cluster | None]:
    """Run every :func:`map_blocks` call given no executor on ``runner``, inside the block.

    ``runner`` is a client or an executor, or the address of a Dask scheduler (a client
    is opened with :func:`connect` and closed at the end of the block); ``None`` changes
    nothing. What the block computes is the same bits as without it. The runner is a
    context variable: other threads, and the tasks on the workers, do not see it.

    Examples
    --------
    >>> from concurrent.futures import ThreadPoolExecutor
    >>> def scaled(factor, block):
    ...     return [factor * i for i in block]
    >>> with ThreadPoolExecutor(2) as pool, on_cluster(pool):
    ...     map_blocks(scaled, 10, [range(2), range(2, 4)])
    [[0, 10], [20, 30]]
    """
    if runner is None:
        yield None
        return
    with contextlib.ExitStack() as stack:
        chosen: Executor | Cluster
        if isinstance(runner, str):
            chosen = connect(runner)
            stack.callback(chosen.close)  # type: ignore[union-attr]
        else:
            chosen = runner
        token = _RUNNER.set(chosen)
        stack.callback(_RUNNER.reset, token)
        yield chosen


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
