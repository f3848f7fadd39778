"""Projection: how a typed multigraph becomes the simple graph a measure runs on.

Every measure in :mod:`linkchart.analysis` first *projects* the chart, and the choices
are explicit keyword arguments shared by all measures:

``relations``
    Which relations count (default: all).
``directed``
    ``None`` (default) follows the vocabulary: if every counted relation is
    undirected the projection is undirected; otherwise it is directed and each
    undirected tie counts in both directions. ``True`` forces the same directed
    reading; ``False`` reads every tie as undirected.
``weight``
    How parallel edges between one pair combine into one tie, and whether the tie has
    a weight at all:

    - ``None``: unweighted; any number of parallel edges is one tie of weight 1;
    - ``"count"``: the number of parallel edges;
    - ``"weight"``: the sum of the edges' ``weight`` values;
    - ``"confidence_sum"``: the sum of the edges' confidence probabilities;
    - ``"confidence_max"``: the highest confidence probability among them.

The combined value is a **strength**: larger means a stronger tie. Measures that read
weights as strengths (strength, eigenvector, PageRank) use it as it is; measures that
read weights as **distances** (betweenness, closeness, harmonic closeness, shortest
paths) use the cost ``1 / strength``, so that a heavier tie is a shorter path. This
is the classic pitfall: passing a strength to a distance-based algorithm silently
*lowers* the betweenness of the best-attested brokers. Self-loops are dropped.

**Either-or claims.** An edge that is one of the ``s`` alternatives of a claim
(:meth:`~linkchart.LinkChart.alternatives`: exactly one of them holds) is a tie like any
other when unweighted (``weight=None``: every topological measure, and the distance
measures by default), and carries ``1/s`` of its value under every weighting: its
weight, its count, its confidence probability (``p/s``, the chance that this
alternative is the one that holds) are divided by ``s``. So a strength measure gives an
alternative ``1/s`` of a plain tie's strength, and a weighted distance measure makes it
``s`` times as long (cost ``s / w``). A Monte Carlo draw
(:func:`~linkchart.analysis.uncertainty.rank_uncertainty`) keeps one alternative or none,
and the one kept is a plain tie with its full value.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

import numpy as np
import numpy.typing as npt

from ..errors import LinkchartError, UnknownNameError
from ..model import LinkChart
from ._measure import check_engine
from .types import ENGINES, WEIGHTINGS, Engine, Relations, Weighting

if TYPE_CHECKING:
    import igraph
    import networkx

__all__ = [
    "ENGINES",
    "WEIGHTINGS",
    "Engine",
    "Projection",
    "Weighting",
    "check_engine",
    "draw_chart",
    "project",
]


@dataclass(frozen=True, slots=True, eq=False)
class Projection:
    """A simple graph (no parallel edges, no self-loops) made from a chart.

    Attributes
    ----------
    chart
        The chart it was made from; vertex ``i`` is node position ``i`` of the chart.
    directed
        Whether ties are arcs.
    src, dst
        Endpoint positions of each tie (``int32``); for an undirected projection
        ``src < dst``.
    strength
        The combined strength of each tie (``float64``; all ones when unweighted).
    multiplicity
        How many chart edges (or arcs) each tie combines (``int64``).
    weighted
        Whether a weighting was asked for (``weight`` is not ``None``).

    Notes
    -----
    A projection is made once per chart and reading (see :func:`project`), and so is
    each graph that :meth:`to_igraph` and :meth:`to_networkx` build from it: the measures
    of one report share them. Callers must not change a graph they are given (copy it
    first, as ``graph.copy()``).
    """

    chart: LinkChart
    directed: bool
    src: npt.NDArray[np.int32]
    dst: npt.NDArray[np.int32]
    strength: npt.NDArray[np.float64]
    multiplicity: npt.NDArray[np.int64]
    weighted: bool
    _graphs: dict[tuple[str, str | None], Any] = field(default_factory=dict, repr=False)
    _arcs: tuple[Any, ...] | None = field(default=None, repr=False)

    @property
    def n(self) -> int:
        """Number of vertices (every node of the chart, isolated ones included)."""
        return self.chart.number_of_nodes

    @property
    def m(self) -> int:
        """Number of ties."""
        return len(self.src)

    def as_array(self, values: Mapping[int, float]) -> npt.NDArray[np.float64]:
        """``values`` keyed by vertex ``0..n-1`` (a networkx result), as an array in position order."""
        return np.array([values[i] for i in range(self.n)], dtype=np.float64)

    @property
    def arcs(self) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]] | None:
        """Per arc (a chart edge read in one direction): its chart edge and its tie; ``None``
        for a masked projection. An edge draw keeps a tie when it keeps one of its arcs."""
        return None if self._arcs is None else (self._arcs[0], self._arcs[1])

    def masked(self, keep: npt.NDArray[np.bool_], chart: LinkChart) -> Projection:
        """This projection with only the chart edges where ``keep`` is true (one Monte Carlo draw).

        The ties are this projection's, less those whose every edge is dropped, with
        their strength recombined from the kept edges: the same result as projecting a
        view of the chart that keeps those edges, without building the view (and with
        this projection's direction, so a draw never flips the reading's directedness).
        """
        if self._arcs is None:
            raise LinkchartError("this projection cannot be masked (it was itself masked)")
        arc_edge, arc_tie, arc_value, weighting = self._arcs
        kept = keep[arc_edge]
        tie = arc_tie[kept]
        m = len(self.src)
        count = np.bincount(tie, minlength=m)
        present = count > 0
        if weighting is None:
            strength = np.ones(m, dtype=np.float64)
        elif weighting == "confidence_max":
            strength = np.zeros(m, dtype=np.float64)
            np.maximum.at(strength, tie, arc_value[kept])
        else:
            strength = np.bincount(tie, weights=arc_value[kept], minlength=m).astype(np.float64)
        return Projection(
            chart,
            self.directed,
            self.src[present],
            self.dst[present],
            strength[present],
            count[present].astype(np.int64),
            self.weighted,
        )

    def distance(self) -> npt.NDArray[np.float64]:
        """The cost of each tie for path-based measures: ``1 / strength``."""
        return 1.0 / self.strength

    def _values(self, as_: Literal["strength", "distance"] | None) -> npt.NDArray[np.float64] | None:
        if as_ is None or not self.weighted:
            return None
        return self.strength if as_ == "strength" else self.distance()

    def to_igraph(self, weights: Literal["strength", "distance"] | None = None) -> igraph.Graph:
        """An ``igraph.Graph``; with ``weights``, edges carry ``"weight"`` read that way.

        Built once and shared (see the class notes): do not change it.
        """
        key = ("igraph", weights if self.weighted else None)
        cached = self._graphs.get(key)
        if cached is None:
            cached = self._graphs[key] = self._build_igraph(weights)
        return cached

    def to_networkx(
        self, weights: Literal["strength", "distance"] | None = None
    ) -> networkx.Graph | networkx.DiGraph:
        """A ``networkx`` (Di)Graph on positions ``0..n-1``; with ``weights``, edges carry ``"weight"``.

        Built once and shared (see the class notes): do not change it.
        """
        key = ("networkx", weights if self.weighted else None)
        cached = self._graphs.get(key)
        if cached is None:
            cached = self._graphs[key] = self._build_networkx(weights)
        return cached

    def _build_igraph(self, weights: Literal["strength", "distance"] | None) -> igraph.Graph:
        return build_igraph(self.n, self.src, self.dst, self.directed, self._values(weights))

    def _build_networkx(
        self, weights: Literal["strength", "distance"] | None
    ) -> networkx.Graph | networkx.DiGraph:
        return build_networkx(self.n, self.src, self.dst, self.directed, self._values(weights))


def build_igraph(
    n: int,
    src: npt.NDArray[np.int32],
    dst: npt.NDArray[np.int32],
    directed: bool,
    values: npt.NDArray[np.float64] | None,
) -> igraph.Graph:
    """An ``igraph.Graph`` on ``n`` vertices with ties ``src -> dst`` and ``values`` as
    ``"weight"`` (none when ``None``): the graph of a projection, however it travelled."""
    import igraph as ig

    g = ig.Graph(n=n, edges=np.column_stack([src, dst]), directed=directed)
    if values is not None:
        g.es["weight"] = values.tolist()
    return g


def build_networkx(
    n: int,
    src: npt.NDArray[np.int32],
    dst: npt.NDArray[np.int32],
    directed: bool,
    values: npt.NDArray[np.float64] | None,
) -> networkx.Graph | networkx.DiGraph:
    """The networkx (Di)Graph of :func:`build_igraph`'s arguments, on vertices ``0..n-1``."""
    import networkx as nx

    g: networkx.Graph = nx.DiGraph() if directed else nx.Graph()
    g.add_nodes_from(range(n))
    pairs = zip(src.tolist(), dst.tolist(), strict=True)
    if values is None:
        g.add_edges_from(pairs)
    else:
        g.add_weighted_edges_from((a, b, w) for (a, b), w in zip(pairs, values.tolist(), strict=True))
    return g


def _relation_codes(chart: LinkChart, relations: Relations) -> tuple[int, ...] | None:
    """The vocabulary codes of ``relations`` (sorted, unique), or ``None`` for all.

    A relation declared ``reading: none`` is never counted: ``None`` then stands for every
    other relation, and naming one is refused.
    """
    vocab = chart.vocabulary
    if relations is None:
        if all(r.read for r in vocab.relations):
            return None
        return tuple(i for i, r in enumerate(vocab.relations) if r.read)
    if isinstance(relations, str):
        relations = [relations]
    names = vocab.relation_names
    codes = sorted({names.index(vocab.relation(r).name) for r in relations})
    for c in codes:
        if not vocab.relations[c].read:
            raise LinkchartError(
                f"relation {names[c]!r} is declared 'reading: none': no measure reads it",
                code="bad-argument",
            )
    return tuple(codes)


def _relation_mask(chart: LinkChart, relations: Relations) -> npt.NDArray[np.bool_]:
    codes = _relation_codes(chart, relations)
    if codes is None:
        return np.ones(chart.number_of_edges, dtype=bool)
    return np.isin(chart.edges.relation, codes)


def project(
    chart: LinkChart,
    *,
    relations: Relations = None,
    directed: bool | None = None,
    weight: Weighting | None = None,
) -> Projection:
    """Collapse ``chart`` into the simple graph that a measure runs on.

    Parameters
    ----------
    chart
        The chart; it is not changed.
    relations
        Relations whose edges count (default: all).
    directed
        ``None`` follows the vocabulary, ``True`` forces a directed reading (undirected
        ties count both ways), ``False`` an undirected one. See the module notes.
    weight
        ``None`` (unweighted) or how parallel edges combine into a strength:
        ``"count"``, ``"weight"``, ``"confidence_sum"`` or ``"confidence_max"``.

    Returns
    -------
    Projection

    Raises
    ------
    UnknownNameError
        For a relation the vocabulary lacks or an unknown weighting.

    Notes
    -----
    Runs in :math:`O(m \\log m)` for :math:`m` edges, with numpy and no Python object
    per edge. The chart keeps each projection it has made, one per distinct
    ``(relations, directed, weight)``, so the measures of a report project it once; a
    view of the chart is a new chart with projections of its own.

    Examples
    --------
    >>> import linkchart
    >>> c = linkchart.from_records(
    ...     [{"id": "a", "type": "state"}, {"id": "b", "type": "state"}],
    ...     [{"from": "a", "relation": "r", "to": "b"}, {"from": "a", "relation": "r", "to": "b"}],
    ... )
    >>> p = project(c, weight="count")
    >>> p.m, p.strength.tolist(), p.directed
    (1, [2.0], True)
    """
    if weight is not None and weight not in WEIGHTINGS:
        raise UnknownNameError("weighting", weight, WEIGHTINGS)
    if directed is not None and not isinstance(directed, bool):
        raise LinkchartError(f"directed must be True, False or None, not {directed!r}")
    codes = _relation_codes(chart, relations)
    cache: dict[tuple[Any, ...], Projection] = chart.memoized("projections", dict)
    key = (codes, directed, weight)
    cached = cache.get(key)
    if cached is None:
        draw = chart.memoized("draw_of", lambda: None)
        if draw is not None:  # one Monte Carlo draw: the parent's projection, masked
            parent, keep = draw
            cached = project(parent, relations=relations, directed=directed, weight=weight).masked(
                keep, chart
            )
        else:
            cached = _project(chart, codes, directed, weight)
        cache[key] = cached
    return cached


def draw_chart(chart: LinkChart, keep: npt.NDArray[np.bool_]) -> LinkChart:
    """The chart as one Monte Carlo draw sees it: the edges where ``keep`` is true.

    Nothing is copied: the draw shares the chart's tables, and :func:`project` on it masks
    the chart's own projections (:meth:`Projection.masked`), so a measure that reads the
    chart through :func:`project` (every measure of :mod:`linkchart.analysis` that returns
    per-node scores) computes on the draw at the cost of the measure alone. Anything else
    (``draw.edges``, ``draw.number_of_edges``) still shows the whole chart: a draw is for
    :func:`~linkchart.analysis.uncertainty.rank_uncertainty`, not for users.
    """
    draw = LinkChart(
        vocabulary=chart.vocabulary,
        nodes=chart.nodes,
        edges=chart.edges,
        title=chart.title,
        description=chart.description,
        sources=chart.sources,
        path=chart.path,
        files=chart.files,
    )
    draw.memoized("draw_of", lambda: (chart, keep))
    return draw


def _project(
    chart: LinkChart, codes: tuple[int, ...] | None, directed: bool | None, weight: Weighting | None
) -> Projection:
    e = chart.edges
    mask = np.ones(len(e), dtype=bool) if codes is None else np.isin(e.relation, codes)
    rel_directed = np.array([r.directed for r in chart.vocabulary.relations] or [True], dtype=bool)
    arc = rel_directed[e.relation[mask]] if mask.any() else np.zeros(0, dtype=bool)
    if directed is None:
        directed = bool(arc.any())
    rows = np.flatnonzero(mask)
    src = e.src[mask].astype(np.int64)
    dst = e.dst[mask].astype(np.int64)
    if weight in (None, "count"):
        values = np.ones(len(src), dtype=np.float64)
    elif weight == "weight":
        values = e.weight[mask].astype(np.float64)
    else:
        values = e.probability[mask].astype(np.float64)
    if directed:
        both = ~arc
        src, dst = np.concatenate([src, dst[both]]), np.concatenate([dst, src[both]])
        values = np.concatenate([values, values[both]])
        rows = np.concatenate([rows, rows[both]])
    else:
        src, dst = np.minimum(src, dst), np.maximum(src, dst)
    keep = src != dst
    src, dst, values, rows = src[keep], dst[keep], values[keep], rows[keep]
    n = max(chart.number_of_nodes, 1)
    keys, inverse, counts = np.unique(src * n + dst, return_inverse=True, return_counts=True)
    # an alternative of an either-or claim carries 1/size of its value (see the module notes);
    # the arcs keep the full value, which is what a draw that keeps the alternative reads
    point = values * chart.alternatives().share[rows] if e.alternatives else values
    if weight is None:
        strength = np.ones(len(keys), dtype=np.float64)
    elif weight == "confidence_max":
        strength = np.zeros(len(keys), dtype=np.float64)
        np.maximum.at(strength, inverse, point)
    else:
        strength = np.bincount(inverse, weights=point, minlength=len(keys)).astype(np.float64)
    out_src = (keys // n).astype(np.int32)
    out_dst = (keys % n).astype(np.int32)
    multiplicity = counts.astype(np.int64)
    for a in (out_src, out_dst, strength, multiplicity):
        a.flags.writeable = False
    arcs = (rows, inverse.reshape(-1), values, weight)  # each arc's edge row and tie: for masked()
    return Projection(
        chart, directed, out_src, out_dst, strength, multiplicity, weight is not None, _arcs=arcs
    )
