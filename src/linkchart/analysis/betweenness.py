"""Shortest-path betweenness centrality: who lies on the paths between others."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

from ..errors import LinkchartError
from ..executor import Runner, blocks, sum_in_order
from ..model import LinkChart
from ._blocks import PathGraph, run_blocks, sum_run_blocks
from ._common import parameters
from ._measure import measure
from .projection import Projection, project
from .reading import read_relations
from .scores import Scores
from .types import Engine, Layers, Relations, Seed, SignReading, Weighting

__all__ = ["betweenness"]  # draw_kernel is for the draws of rank_uncertainty (analysis._draws)


def _block(g: PathGraph, sources: Sequence[int]) -> npt.NDArray[np.float64]:
    """Betweenness counted from ``sources`` only (the paths that start there); every source
    at once when ``sources`` is every vertex (one igraph call, as without blocks)."""
    every = isinstance(sources, range) and len(sources) == g.n
    if g.engine == "igraph":
        values = g.graph().betweenness(
            directed=g.directed,
            weights="weight" if g.weighted else None,
            sources=None if every else list(sources),
        )
        return np.asarray(values, dtype=np.float64)
    import networkx as nx

    w = "weight" if g.weighted else None
    if every:  # normalized=False counts unordered pairs once on an undirected graph, like igraph
        found = nx.betweenness_centrality(g.graph(), normalized=False, weight=w)
    else:
        found = nx.betweenness_centrality_subset(
            g.graph(), list(sources), list(range(g.n)), normalized=False, weight=w
        )
    return np.array([found[i] for i in range(g.n)], dtype=np.float64)


def _parts(
    p: Projection,
    engine: Engine,
    sources: Sequence[Sequence[int]],
    workers: int | None,
    executor: Runner,
) -> list[npt.NDArray[np.float64]]:
    """Per block of sources, the betweenness counted from them (in block order)."""
    return run_blocks(
        _block, PathGraph.of(p, engine), sources, work=(p.n, p.m), workers=workers, executor=executor
    )


def betweenness_of(
    p: Projection, engine: Engine, normalized: bool, workers: int | None = 1, executor: Runner = None
) -> npt.NDArray[np.float64]:
    """Betweenness of every vertex of a projection, in position order (for other measures).

    The sources are cut into blocks fixed by ``n * m`` (:func:`linkchart.executor.blocks`)
    and the parts added in block order, so the value is the same for any ``workers``.
    """
    if p.n == 0:
        return np.zeros(0, dtype=np.float64)
    if p.m == 0:
        return _normalize(p, np.zeros(p.n, dtype=np.float64), normalized)
    raw = sum_run_blocks(
        _block, PathGraph.of(p, engine), blocks(p.n, p.m), work=(p.n, p.m), workers=workers, executor=executor
    )
    return _normalize(p, raw, normalized)


def draw_kernel(chart: LinkChart, options: Mapping[str, Any]) -> DrawnBetweenness | None:
    """For the edge draws of :func:`~linkchart.analysis.uncertainty.rank_uncertainty`: what
    turns a block of draws (``draws x edges``: the chart edges each draw keeps) into their
    betweenness (``draws x nodes``), or ``None`` where each draw must run the plain call.

    ``options`` are :func:`betweenness`'s bound arguments. The kernel serves the exact,
    unweighted igraph betweenness: the chart's igraph graph is copied per draw and the
    ties the draw drops are deleted from the copy, rather than a graph being built from an
    edge list (the per-draw cost of a plain call); a draw whose work is more than one
    block of sources (:func:`~linkchart.executor.blocks` of its own ties) adds the
    blocks' parts in block order, as the plain call does, so the values are those of the
    plain call, bit for bit. It holds the projection's arrays only, not the chart, so it
    is what travels to the workers that share the draws.
    """
    if options.get("engine", "igraph") != "igraph" or options.get("samples") is not None:
        return None
    rels = read_relations(chart, options.get("relations"), options.get("layers"), options.get("signs"))
    p = project(chart, relations=rels, directed=options.get("directed"), weight=options.get("weight"))
    if p.weighted or p.arcs is None or p.m == 0:
        return None
    arc_edge, arc_tie = p.arcs
    return DrawnBetweenness(
        p.n,
        p.directed,
        p.src,
        p.dst,
        arc_edge.astype(np.int32),
        arc_tie.astype(np.int32),
        bool(options.get("normalized", False)),
    )


@dataclass(eq=False)
class DrawnBetweenness:
    """The betweenness of edge draws of one chart (:func:`draw_kernel`), from arrays alone.

    Attributes
    ----------
    n, directed, src, dst
        The projection's vertices, direction and ties (``int32``).
    arc_edge, arc_tie
        Per arc of the projection, its chart edge and its tie (``int32``): a draw keeps a
        tie when it keeps an edge of one of its arcs.
    normalized
        Whether the values are divided by the number of pairs.
    """

    n: int
    directed: bool
    src: npt.NDArray[np.int32]
    dst: npt.NDArray[np.int32]
    arc_edge: npt.NDArray[np.int32]
    arc_tie: npt.NDArray[np.int32]
    normalized: bool
    _graph: Any = field(default=None, repr=False)

    def __call__(self, keeps: npt.NDArray[np.bool_]) -> npt.NDArray[np.float64]:
        """The betweenness of each draw of ``keeps`` (``draws x edges``), one row per draw."""
        if self._graph is None:
            import igraph as ig

            # the plain C graph (no Python attributes): copying it costs no Python constructor
            edges = list(zip(self.src.tolist(), self.dst.tolist(), strict=True))
            self._graph = ig.GraphBase(self.n, edges, self.directed)
        draws, arcs = np.nonzero(keeps[:, self.arc_edge])
        present = np.zeros((len(keeps), len(self.src)), dtype=bool)
        present[draws, self.arc_tie[arcs]] = True
        out = np.empty((len(keeps), self.n), dtype=np.float64)
        for row, here in enumerate(present):
            h = self._graph.copy()
            h.delete_edges(np.flatnonzero(~here).tolist())
            parts = blocks(self.n, int(np.count_nonzero(here)))
            if len(parts) <= 1:
                out[row] = h.betweenness(directed=self.directed, weights=None)
                continue
            out[row] = h.betweenness(directed=self.directed, weights=None, sources=list(parts[0]))
            for b in parts[1:]:  # the plain call's sum: block by block, in order
                out[row] += h.betweenness(directed=self.directed, weights=None, sources=list(b))
        return _scaled(self.n, self.directed, out, self.normalized)

    def __getstate__(self) -> dict[str, Any]:
        """Only the arrays travel: the graph is built where the draws run."""
        return {**self.__dict__, "_graph": None}


def _normalize(p: Projection, raw: npt.NDArray[np.float64], normalized: bool) -> npt.NDArray[np.float64]:
    return _scaled(p.n, p.directed, raw, normalized)


def _scaled(
    n: int, directed: bool, raw: npt.NDArray[np.float64], normalized: bool
) -> npt.NDArray[np.float64]:
    if normalized:
        pairs = (n - 1) * (n - 2)
        if not directed:
            pairs //= 2
        if pairs > 0:
            raw = raw / pairs
    return raw


@measure(
    returns="node",
    higher_is_more=True,
    meaning="shortest paths through the node (raw; every tie length 1)",
    cost="O(nm)",
    weight="distance",
    in_report=True,
    on_page=True,
    seeded=True,
    parallel=True,
)
def betweenness(
    chart: LinkChart,
    *,
    engine: Engine = "igraph",
    relations: Relations = None,
    layers: Layers = None,
    signs: SignReading | None = None,
    weight: Weighting | None = None,
    directed: bool | None = None,
    normalized: bool = False,
    samples: int | None = None,
    seed: Seed = 0,
    workers: int | None = None,
    executor: Runner = None,
) -> Scores:
    r"""Shortest-path betweenness centrality of every node.

    .. math::

       C_B(v) = \sum_{s \ne v \ne t} \frac{\sigma_{st}(v)}{\sigma_{st}}

    where :math:`\sigma_{st}` is the number of shortest paths from :math:`s` to
    :math:`t` and :math:`\sigma_{st}(v)` the number of those through :math:`v`. On an
    undirected reading each unordered pair :math:`\{s, t\}` counts once.

    Parameters
    ----------
    chart
        The chart; it is not changed.
    %(engine)s
    %(reading)s
    %(weight_distance)s
    %(directed)s
    normalized
        ``False`` (default): the raw count of pairs (fractions of shortest paths), as in
        UCINET and igraph. ``True`` divides by the number of pairs that could route
        through a node: :math:`(n-1)(n-2)/2` undirected, :math:`(n-1)(n-2)` directed,
        with :math:`n` the number of nodes of the chart (isolated ones included).
    samples
        ``None`` (default): exact. ``k``: estimate from ``k`` random source pivots
        (Brandes & Pich 2007), scaled by :math:`n/k`; the result is marked as an
        estimate (:attr:`~linkchart.analysis.Scores.estimate`) with a standard error
        per node (:meth:`~linkchart.analysis.Scores.error`), from the spread of the
        estimates of up to 20 disjoint batches of pivots.
    seed
        Seeds the pivots (only with ``samples``). %(seed)s
    %(workers)s

    Returns
    -------
    Scores
        Betweenness per node id; an empty chart gives empty scores, a chart without
        ties of the chosen relations gives zeros.

    Raises
    ------
    UnknownNameError
        For an unknown engine, relation, layer or weighting.
    LinkchartError
        For ``samples`` or ``workers`` below 1, or a bad seed or flag.

    Notes
    -----
    *Multigraph handling.* The chart is first projected
    (:func:`~linkchart.analysis.projection.project`): parallel edges between a pair
    become one tie, so with the default ``weight=None`` repeated reports of one tie
    neither add paths nor shorten them. This is where networkx and igraph disagree
    when handed a multigraph directly; here both engines see the identical simple
    graph.

    *Weight semantics.* A weight is a strength; betweenness reads it as the distance
    ``1 / strength``. Passing strengths as distances (the classic mistake) would make
    the best-attested brokers look *less* central. With real-valued distances, paths
    whose lengths differ only by rounding may be counted as equal by igraph (which
    compares with a tolerance) and as different by networkx.

    *Complexity.* Brandes' algorithm: :math:`O(nm)` unweighted,
    :math:`O(nm + n^2 \log n)` weighted, for :math:`n` nodes and :math:`m` ties.

    References
    ----------
    .. [1] Freeman, L. C. (1977). A set of measures of centrality based on
       betweenness. *Sociometry* 40(1), 35-41. https://doi.org/10.2307/3033543
    .. [2] Brandes, U. (2001). A faster algorithm for betweenness centrality.
       *Journal of Mathematical Sociology* 25(2), 163-177.
       https://doi.org/10.1080/0022250X.2001.9990249
    .. [3] Brandes, U., & Pich, C. (2007). Centrality estimation in large networks.
       *International Journal of Bifurcation and Chaos* 17(7), 2303-2318.
       https://doi.org/10.1142/S0218127407018403

    Examples
    --------
    A path a - b - c: b lies on the one path between a and c.

    >>> import linkchart
    >>> from linkchart import Relation, Vocabulary
    >>> vocab = Vocabulary(relations=(Relation("knows", directed=False),))
    >>> c = linkchart.from_records(
    ...     [{"id": x, "type": "person"} for x in "abc"],
    ...     [{"from": "a", "relation": "knows", "to": "b"},
    ...      {"from": "b", "relation": "knows", "to": "c"}],
    ...     vocabulary=vocab,
    ... )
    >>> betweenness(c).to_dict()
    {'a': 0.0, 'b': 1.0, 'c': 0.0}
    >>> betweenness(c, normalized=True, engine="networkx")["b"]
    1.0
    """
    if samples is not None and (isinstance(samples, bool) or not isinstance(samples, int) or samples < 1):
        raise LinkchartError(
            f"samples must be a positive integer or None, not {samples!r}", code="bad-argument"
        )
    rels = read_relations(chart, relations, layers, signs)
    p = project(chart, relations=rels, directed=directed, weight=weight)
    params = parameters(
        engine=engine, relations=rels, weight=weight, directed=p.directed, normalized=normalized
    )
    if samples is None or samples >= p.n or p.m == 0:
        values = betweenness_of(p, engine, normalized, workers, executor)
        return Scores(chart, values, measure="betweenness", parameters=params)
    # Brandes & Pich (2007): random pivot sources, scaled by n / k; the standard error
    # from the spread of the estimates of disjoint batches of pivots (the batches are the blocks)
    rng = np.random.default_rng(seed)
    pivots = sorted(int(x) for x in rng.choice(p.n, size=samples, replace=False))
    batches = min(samples, 20)
    sources = [pivots[i::batches] for i in range(batches)]
    parts = _parts(p, engine, sources, workers, executor)
    estimate = _normalize(p, sum_in_order(parts) * p.n / samples, normalized)
    per_batch = np.array(
        [_normalize(p, part * p.n / len(b), normalized) for part, b in zip(parts, sources, strict=True)]
    )
    errors = per_batch.std(axis=0, ddof=1) / math.sqrt(batches) if batches > 1 else np.full(p.n, np.nan)
    params.update(samples=samples, seed=seed, estimate="Brandes-Pich random pivots")
    return Scores(chart, estimate, measure="betweenness", parameters=params, errors=errors)
