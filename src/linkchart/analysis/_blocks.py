"""Work that splits into blocks, as another process needs it (private: not re-exported).

A shortest-path measure cuts its searches into blocks of vertices fixed by the size of
the work alone (:func:`linkchart.executor.blocks`), runs a module-level task on each
through :func:`linkchart.executor.map_blocks` and adds or joins the parts in block
order: the values never depend on how many workers ran them, or on an executor.

What every block reads is a :class:`PathGraph`: the projection's ties as arrays (small,
picklable), with the graph built from them once per process — in this process, the
projection's own graph, shared with every other measure of the chart.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

import numpy as np
import numpy.typing as npt

from ..executor import Runner, map_blocks, sum_blocks
from ._measure import default_workers
from .projection import Projection, build_igraph, build_networkx
from .types import Engine

__all__ = ["PathGraph", "run_blocks", "sum_run_blocks"]

S = TypeVar("S")
B = TypeVar("B")
T = TypeVar("T")


@dataclass(eq=False)
class PathGraph:
    """A projection's simple graph, its tie lengths read as distances (``1 / strength``).

    Attributes
    ----------
    n, directed, src, dst
        As the projection's.
    distance
        Each tie's length, or ``None`` when every tie has length 1.
    engine
        Which library's graph the blocks search: ``"igraph"`` or ``"networkx"``.
    """

    n: int
    directed: bool
    src: npt.NDArray[np.int32]
    dst: npt.NDArray[np.int32]
    distance: npt.NDArray[np.float64] | None
    engine: Engine
    _built: Any = field(default=None, repr=False)

    @classmethod
    def of(cls, p: Projection, engine: Engine) -> PathGraph:
        """The graph of ``p`` for ``engine``; in this process, ``p``'s own graph (built once per chart)."""
        g = cls(p.n, p.directed, p.src, p.dst, p.distance() if p.weighted else None, engine)
        g._built = (
            p.to_igraph(weights="distance") if engine == "igraph" else p.to_networkx(weights="distance")
        )
        return g

    @property
    def weighted(self) -> bool:
        """Whether the ties have lengths (the graph's ``"weight"`` attribute)."""
        return self.distance is not None

    def graph(self) -> Any:
        """The igraph or networkx graph, built on first use in each process. Do not change it."""
        if self._built is None:
            build = build_igraph if self.engine == "igraph" else build_networkx
            self._built = build(self.n, self.src, self.dst, self.directed, self.distance)
        return self._built

    def __getstate__(self) -> dict[str, Any]:
        """Only the arrays travel: the graph is rebuilt where it is read."""
        state = dict(self.__dict__)
        state["_built"] = None
        return state


def run_blocks(
    task: Callable[[S, B], T],
    shared: S,
    items: Sequence[B],
    *,
    work: tuple[int, int],
    workers: int | None,
    executor: Runner,
) -> list[T]:
    """``map_blocks(task, shared, items)`` with ``workers=None`` read as the default for
    ``work = (n, m)`` (:func:`~linkchart.analysis._measure.default_workers`)."""
    return map_blocks(task, shared, items, workers=_chosen(work, workers, items), executor=executor)


def sum_run_blocks(
    task: Callable[[S, B], npt.NDArray[np.float64]],
    shared: S,
    items: Sequence[B],
    *,
    work: tuple[int, int],
    workers: int | None,
    executor: Runner,
) -> npt.NDArray[np.float64]:
    """The parts of :func:`run_blocks` added in block order as they come back
    (:func:`linkchart.executor.sum_blocks`: one part held at a time)."""
    return sum_blocks(task, shared, items, workers=_chosen(work, workers, items), executor=executor)


def _chosen(work: tuple[int, int], workers: int | None, items: Sequence[Any]) -> int:
    """How many processes: ``workers``, or the default for ``work``; at most one per item."""
    chosen = default_workers(*work) if workers is None else workers
    return max(1, min(chosen, len(items) or 1))
