"""PageRank: the share of time a random walker spends at each node."""

from __future__ import annotations

import functools
from typing import Any

import numpy as np
import numpy.typing as npt

from ..errors import LinkchartError
from ..model import LinkChart
from ._common import parameters
from ._measure import measure
from .projection import Projection, project
from .reading import read_relations
from .scores import Scores
from .types import Engine, Layers, Relations, SignReading, Weighting

__all__ = ["pagerank"]


@functools.cache
def _threads() -> Any:
    """The process's thread pools (threadpoolctl's view, made once, after igraph is loaded):
    PRPACK runs on igraph's OpenMP runtime."""
    from threadpoolctl import ThreadpoolController

    return ThreadpoolController()


def _pagerank(p: Projection, engine: Engine, damping: float) -> npt.NDArray[np.float64]:
    if p.n == 0:
        return np.zeros(0, dtype=np.float64)
    if p.m == 0:
        return np.full(p.n, 1.0 / p.n)
    w = "weight" if p.weighted else None
    if engine == "igraph":
        g = p.to_igraph(weights="strength")
        # one OpenMP thread: the same bits on every run (PRPACK's threads sum in the order
        # they finish: 5 runs gave 5 bit patterns), and no thread waiting for a busy core
        with _threads().limit(limits=1, user_api="openmp"):
            values = g.pagerank(directed=p.directed, damping=damping, weights=w, implementation="prpack")
        return np.asarray(values, dtype=np.float64)
    import networkx as nx

    g = p.to_networkx(weights="strength")
    values = nx.pagerank(g, alpha=damping, weight=w, tol=1e-12, max_iter=10_000)
    return p.as_array(values)


@measure(
    returns="node",
    higher_is_more=True,
    meaning="random-walk share (damping 0.85; weights as strengths)",
    cost="linear",
    weight="strength",
    in_report=True,
    on_page=True,
)
def pagerank(
    chart: LinkChart,
    *,
    engine: Engine = "igraph",
    relations: Relations = None,
    layers: Layers = None,
    signs: SignReading | None = None,
    weight: Weighting | None = "weight",
    directed: bool | None = None,
    damping: float = 0.85,
) -> Scores:
    r"""PageRank of every node: where a walker along the ties spends its time.

    .. math::

       PR(v) = \frac{1 - d}{n} + d \left( \sum_{u \to v} \frac{w_{uv}}{s^{out}(u)} PR(u)
               + \sum_{u \text{ dangling}} \frac{PR(u)}{n} \right)

    with damping :math:`d`, out-strength :math:`s^{out}`, and nodes without outgoing
    ties ("dangling") spreading their rank evenly over all nodes. The values sum to 1.

    Parameters
    ----------
    chart
        The chart; it is not changed.
    engine
        ``"igraph"`` (default: igraph's PRPACK solver) or ``"networkx"`` (power
        iteration); they agree.
    %(reading)s
    weight
        How parallel edges combine into a tie's strength, read as a **strength** (the
        walker takes stronger ties more often): ``"weight"`` (default),
        ``"count"``, ``"confidence_sum"``, ``"confidence_max"``, or ``None``.
    %(directed)s
    damping
        The probability of following a tie rather than jumping anywhere, in
        :math:`[0, 1)`; default 0.85.

    Returns
    -------
    Scores
        PageRank per node id, summing to 1; empty for an empty chart, :math:`1/n` each
        without ties.

    Raises
    ------
    UnknownNameError
        For an unknown engine, relation or weighting.
    LinkchartError
        For a damping outside :math:`[0, 1)`.

    Notes
    -----
    *Multigraph handling.* Parallel edges combine into one tie whose strength is the
    chosen weighting. *Complexity.* About :math:`O(m)` per iteration. *Solver.* PRPACK
    (Gleich's Gauss-Seidel solver, igraph's default, which orders the vertices by
    strongly connected component) on every shape of graph: timed fairly (CPU time, one
    OpenMP thread, the best of 9 samples taken in turn with ARPACK's), it took 1.35-4.7x
    less CPU than ARPACK on undirected graphs and 2-27x less on directed ones, from 1,000
    to 100,000 nodes and 1.5 to 8 ties per node (``python benchmarks/bench_pagerank.py
    --sweep``; docs/scaling.md). ARPACK looked faster on dense undirected graphs only
    while PRPACK's OpenMP threads waited for a core on a loaded machine, which counts as
    CPU time. PRPACK runs on one OpenMP thread (threadpoolctl, for the call only): with
    its threads it gave another last bit on every run, and on a busy machine it was slower
    (100k nodes, 5 ties each: 0.81 s against 0.21 s on one thread, wall time).

    References
    ----------
    .. [1] Brin, S., & Page, L. (1998). The anatomy of a large-scale hypertextual Web
       search engine. *Computer Networks and ISDN Systems* 30(1-7), 107-117.
       https://doi.org/10.1016/S0169-7552(98)00110-X

    Examples
    --------
    >>> import linkchart
    >>> c = linkchart.from_records(
    ...     [{"id": x, "type": "person"} for x in "abc"],
    ...     [{"from": "a", "relation": "pays", "to": "b"},
    ...      {"from": "c", "relation": "pays", "to": "b"}],
    ... )
    >>> {k: round(v, 3) for k, v in pagerank(c).items()}
    {'a': 0.213, 'b': 0.574, 'c': 0.213}
    """
    if isinstance(damping, bool) or not isinstance(damping, int | float) or not 0.0 <= damping < 1.0:
        raise LinkchartError(f"damping must be a number in [0, 1), not {damping!r}")
    rels = read_relations(chart, relations, layers, signs)
    p = project(chart, relations=rels, directed=directed, weight=weight)
    values = _pagerank(p, engine, float(damping))
    return Scores(
        chart,
        values,
        measure="pagerank",
        parameters=parameters(
            engine=engine, relations=rels, weight=weight, directed=p.directed, damping=float(damping)
        ),
    )
