"""PageRank: the share of time a random walker spends at each node."""

from __future__ import annotations

from typing import Final, Literal

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

__all__ = ["PAGERANK_ARPACK_FROM", "PAGERANK_ARPACK_TIES", "pagerank", "pagerank_solver"]

PAGERANK_ARPACK_FROM: Final = 2_000
"""Undirected graphs of at least this many nodes (and :data:`PAGERANK_ARPACK_TIES` ties per
node) are solved with ARPACK, the others with PRPACK."""

PAGERANK_ARPACK_TIES: Final = 4.0
"""The ties per node (after parallel edges are merged) from which an undirected graph of
:data:`PAGERANK_ARPACK_FROM` nodes or more is solved with ARPACK."""


def pagerank_solver(p: Projection) -> Literal["prpack", "arpack"]:
    """The igraph PageRank solver for the graph ``p``: chosen by its shape.

    PRPACK (Gleich's Gauss-Seidel solver, igraph's default) orders the vertices by
    strongly connected component and solves component by component: it is the faster on
    directed graphs (8-30x at up to 2 ties per node, about even or better from 4), on
    graphs of fewer than 2,000 nodes, and on sparse undirected ones (up to 3 ties per
    node: 1.3-2.4x faster than ARPACK from 2,000 to 100,000 nodes). On an undirected
    graph of 4 ties per node or more ARPACK (the leading eigenvector by implicitly
    restarted Arnoldi) took 0.5-0.95x PRPACK's CPU from 2,000 to 50,000 nodes, and about
    as much at 100,000 (0.9-1.8x, either way from run to run). Measured with CPU time,
    the best of 7-9 samples taken in turn, by ``python benchmarks/bench_pagerank.py
    --sweep`` on a shared 2-core machine (load 3-8; docs/scaling.md). Both solve the
    same system to machine precision: the values agree within 5e-14.

    Examples
    --------
    >>> import linkchart
    >>> from linkchart.analysis.projection import project
    >>> c = linkchart.from_records([{"id": "a", "type": "p"}, {"id": "b", "type": "p"}],
    ...     [{"from": "a", "relation": "r", "to": "b"}])
    >>> pagerank_solver(project(c)), pagerank_solver(project(c, directed=False))
    ('prpack', 'prpack')
    """
    dense = p.m >= PAGERANK_ARPACK_TIES * p.n
    return "arpack" if not p.directed and p.n >= PAGERANK_ARPACK_FROM and dense else "prpack"


def _pagerank(p: Projection, engine: Engine, damping: float) -> npt.NDArray[np.float64]:
    if p.n == 0:
        return np.zeros(0, dtype=np.float64)
    if p.m == 0:
        return np.full(p.n, 1.0 / p.n)
    w = "weight" if p.weighted else None
    if engine == "igraph":
        import igraph as ig

        g = p.to_igraph(weights="strength")
        how = pagerank_solver(p)
        try:
            values = g.pagerank(directed=p.directed, damping=damping, weights=w, implementation=how)
        except ig.InternalError:  # pragma: no cover - ARPACK did not converge: PRPACK always does
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
        ``"igraph"`` (default: PRPACK, or ARPACK on an undirected graph of
        :data:`PAGERANK_ARPACK_FROM` nodes or more and 4 ties per node or more, see
        :func:`pagerank_solver`) or ``"networkx"``
        (power iteration); they agree.
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
    chosen weighting. *Complexity.* About :math:`O(m)` per iteration; the solver is
    chosen by the graph's shape (:func:`pagerank_solver`), which changes the time, not the
    values (within 1e-12).

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
