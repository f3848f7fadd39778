"""Linkchart's own worker processes: a standard ``ProcessPoolExecutor`` started with
:data:`~linkchart.executor.START_METHOD`, each worker given the shared data once by its
initializer (private: :func:`linkchart.executor.map_blocks` uses it)."""

from __future__ import annotations

import multiprocessing
import pickle
import sys
import uuid
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, Final, TypeVar

from ..errors import LinkchartError
from ._results import collect

__all__ = ["START_METHOD", "own_processes"]

S = TypeVar("S")
B = TypeVar("B")
R = TypeVar("R")

START_METHOD: Final = "forkserver" if sys.platform.startswith("linux") else "spawn"
"""How linkchart starts its worker processes: ``forkserver`` on Linux (a clean server
process forks the workers, so they start without re-importing linkchart after the first
pool), ``spawn`` elsewhere (macOS, Windows). Never ``fork``: forking a process that runs
threads (a notebook, a web server, BLAS) may deadlock the child."""

_PRELOAD: Final = ("__main__", "linkchart", "numpy", "igraph")
"""What the forkserver imports once, so that each worker it forks has it already."""


# In a worker process only: what its initializer received, under the token of its pool.
# The calling process never writes here; a worker belongs to one pool, and one call.
_RECEIVED: dict[str, Any] = {}


def _receive(token: str, payload: bytes) -> None:
    """A worker's initializer: keep ``shared`` (pickled once by the caller) for its tasks."""
    _RECEIVED[token] = pickle.loads(payload)


def _run(token: str, task: Callable[[Any, Any], Any], item: Any) -> Any:
    """A worker runs one item with the ``shared`` its initializer received."""
    return task(_RECEIVED[token], item)


def _pickled(what: str, value: object) -> bytes:
    try:
        return pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    except (pickle.PicklingError, TypeError, AttributeError) as err:
        raise LinkchartError(
            f"the {what} cannot be sent to a worker process ({err}): define the task at module "
            "level and give plain data, or run with workers=1",
            code="bad-argument",
            ctx={"reason": str(err)},
        ) from err


def _check_findable(task: Callable[..., Any]) -> None:
    """Refuse a task that a fresh worker process cannot import by name (one defined in a
    notebook or ``python -c``): the worker would die without a word (spawn, forkserver)."""
    main = sys.modules.get("__main__")
    if getattr(task, "__module__", None) == "__main__" and getattr(main, "__file__", None) is None:
        name = getattr(task, "__qualname__", repr(task))
        raise LinkchartError(
            f"the task {name} is defined in an interactive session (a notebook, python -c), "
            "where worker processes cannot find it: define it in a module, or run with workers=1",
            code="bad-argument",
            loc=("task",),
            input=name,
        )


def own_processes(task: Callable[[S, B], R], shared: S, items: Sequence[B], workers: int) -> Iterator[R]:
    _check_findable(task)
    _pickled("task", task)
    payload = _pickled("shared data", shared)
    context = multiprocessing.get_context(START_METHOD)
    if START_METHOD == "forkserver":
        # the same list every time: it only matters before the server first starts, and makes
        # every later pool in this process nearly free (benchmarks/bench_executor.py)
        context.set_forkserver_preload(list(_PRELOAD))
    token = uuid.uuid4().hex
    pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_receive, initargs=(token, payload))
    try:
        futures: list[Future[R]] = [pool.submit(_run, token, task, item) for item in items]
        yield from collect(futures)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
