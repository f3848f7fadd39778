"""The random versions of a chart that :func:`~linkchart.analysis.uncertainty.rank_uncertainty`
scores (private: not re-exported).

A :class:`Plan` holds what every draw needs — the model, the seed's entropy, the ties'
probabilities, and what scores a draw: the betweenness kernel's arrays
(:class:`~.betweenness.DrawnBetweenness`), or the measure with its options (a picklable
:class:`~linkchart.analysis._measure.MeasureCall`) and the chart it reads (of a built-in
measure, only the columns measures read: :func:`measured_part`) — and :func:`draw_block`
scores a block of draws. The plan is what travels to the workers that share the draws
(broadcast once to a Dask cluster's), so it holds no more than that. Under ``model="confidence"``,
edge draw ``i`` reads the uniforms ``i*m .. (i+1)*m - 1`` of one PCG64 stream seeded with
``numpy.random.SeedSequence(entropy)`` (``m`` ties; the stream is advanced to a block's
first draw, so a block's uniforms are one call); any other draw takes its random numbers
from ``numpy.random.SeedSequence(entropy, spawn_key=(i,))``. Either way a draw is the same
whichever block, worker or executor computes it.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any, NamedTuple

import numpy as np
import numpy.typing as npt

from ..errors import LinkchartError
from ..model import LinkChart, Support, combined
from ..vocabulary import Grades
from ._measure import MeasureCall
from .betweenness import DrawnBetweenness, betweenness, draw_kernel
from .projection import draw_chart

__all__ = [
    "Claims",
    "Plan",
    "Sources",
    "claims_of",
    "draw_block",
    "keep_edges",
    "kept_below",
    "measured_part",
    "one_of_each",
    "scorer_of",
    "sources_of",
]

FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]


class Claims(NamedTuple):
    """The either-or claims as the draws read them, per edge drawn."""

    lead: npt.NDArray[np.int64]  # the position of its claim's first alternative drawn (itself if plain)
    size: npt.NDArray[np.int64]  # its claim's number of alternatives (1 if plain)
    rank: npt.NDArray[np.int64]  # its place in its claim
    group: npt.NDArray[np.int64]  # its claim (-1 if plain)


def claims_of(chart: LinkChart, rows: npt.NDArray[np.int64] | None = None) -> Claims | None:
    """The claims of ``chart``'s edges (``rows`` of them only: a one-mode projection draws its
    affiliation ties), or ``None`` when none of them is an alternative.

    A claim keeps its size and each alternative its rank in the whole chart, so a draw that
    picks an alternative outside ``rows`` keeps none of those inside.
    """
    a = chart.alternatives()
    if not a.names:
        return None
    if rows is None:
        rows = np.arange(chart.number_of_edges, dtype=np.int64)
    group = a.group[rows]
    mine = np.flatnonzero(group >= 0)
    if not len(mine):
        return None
    lead = np.arange(len(rows), dtype=np.int64)
    _, first, inverse = np.unique(group[mine], return_index=True, return_inverse=True)
    lead[mine] = mine[first[inverse.reshape(-1)]]
    return Claims(lead, a.size[rows], a.rank[rows], group)


class Sources(NamedTuple):
    """What ``model="sources"`` reads: the ties' support (one row per tie and source), the
    rule that combines the sources left, and how many sources the chart has."""

    support: Support
    grades: Grades
    sources: int


def sources_of(chart: LinkChart, rows: npt.NDArray[np.int64] | None = None) -> Sources:
    """The sources of ``chart``'s edges (``rows`` of them only, renumbered ``0 ..``: a one-mode
    projection draws its affiliation ties)."""
    support = chart.support()
    if rows is not None:
        new = np.full(chart.number_of_edges, -1, dtype=np.int64)
        new[rows] = np.arange(len(rows))
        mine = new[support.row] >= 0
        support = Support(new[support.row[mine]], support.source[mine], support.probability[mine])
    return Sources(support, chart.vocabulary.grades, len(chart.sources))


def source_probability(rng: np.random.Generator, sources: Sources, m: int, drop: float) -> FloatArray:
    """One ``model="sources"`` draw's tie probabilities: each source dropped with probability
    ``drop``, each of the ``m`` ties left with the probability its remaining sources give it
    (``0``: it rested only on sources dropped). Ties without a source are never dropped."""
    kept = rng.random(sources.sources) >= drop
    return combined(sources.support, m, sources.grades, kept)


def keep_edges(
    rng: np.random.Generator, probability: FloatArray, model: str, drop: float, claims: Claims | None
) -> BoolArray:
    """One draw's edges. Under ``model="confidence"`` edge ``e`` stays when ``u_e < p_e``
    for its own uniform ``u_e``; the alternatives of a claim share the ``u`` of its first
    alternative, which (when below ``p``) picks the alternative ``floor(u / p * s)``. So a
    chart without claims draws exactly as before, and a claim keeps one alternative, each
    with probability ``p / s``, or none."""
    m = len(probability)
    if model == "confidence":
        return kept_below(rng.random(m), probability, claims)
    keep = np.ones(m, dtype=bool)
    keep[rng.choice(m, size=round(drop * m), replace=False)] = False
    return keep & one_of_each(rng, claims, m)


def kept_below(u: FloatArray, probability: FloatArray, claims: Claims | None) -> BoolArray:
    """The edges ``model="confidence"`` keeps given their uniforms ``u`` (one draw, or one
    row per draw): see :func:`keep_edges`."""
    keep: BoolArray = u < probability
    if claims is not None:
        mine = claims.group >= 0
        size = claims.size[mine]
        v, p = u[..., claims.lead[mine]], probability[mine]
        with np.errstate(divide="ignore", invalid="ignore"):  # p = 0: a tie no source is left for
            pick = np.minimum(np.floor(v / p * size), size - 1)
        keep[..., mine] = (v < p) & (pick == claims.rank[mine])
    return keep


def one_of_each(rng: np.random.Generator, claims: Claims | None, m: int) -> BoolArray:
    """Edges that can stay under ``model="missing"``: every plain tie and, of each claim, one
    alternative drawn at random."""
    out = np.ones(m, dtype=bool)
    if claims is None:
        return out
    mine = np.flatnonzero(claims.group >= 0)
    group = claims.group[mine]
    sizes = np.zeros(int(group.max()) + 1, dtype=np.int64)
    sizes[group] = claims.size[mine]
    pick = rng.integers(sizes)
    out[mine] = claims.rank[mine] == pick[group]
    return out


@dataclass(frozen=True, eq=False)
class Plan:
    """What every draw reads (given once to each worker).

    Attributes
    ----------
    chart
        The chart drawn, as the measure reads it (:func:`measured_part` for a built-in
        measure); ``None`` when :attr:`scorer` scores the draws from arrays alone.
    n
        The chart's number of nodes.
    call
        The measure and its options.
    entropy
        The seed's entropy (draw ``i`` reads ``SeedSequence(entropy, spawn_key=(i,))``).
    model, drop, unit
        As :func:`~linkchart.analysis.uncertainty.rank_uncertainty`'s.
    probability
        The probability of each tie drawn (the chart's edges, or a projection's affiliation ties).
    claims
        The either-or claims of those ties (``None``: none).
    sources
        For ``model="sources"``: the sources of those ties (``None`` for the other models).
    redraw
        For a one-mode projection, what projects a draw of its affiliation ties.
    masked
        Whether an edge draw can mask the chart's projections (a built-in measure) rather
        than build a view.
    scorer
        What scores a block of edge draws at once (``draws x edges`` kept -> ``draws x
        nodes``), where the measure has one (:func:`scorer_of`); ``None``: each draw runs
        the call on :attr:`chart`.
    """

    chart: LinkChart | None
    n: int
    call: MeasureCall
    entropy: int
    model: str
    drop: float
    unit: str
    probability: FloatArray
    claims: Claims | None
    redraw: Any
    masked: bool
    sources: Sources | None = None
    scorer: DrawnBetweenness | None = None

    def rng(self, i: int) -> np.random.Generator:
        """Draw ``i``'s random numbers."""
        return np.random.default_rng(np.random.SeedSequence(self.entropy, spawn_key=(i,)))

    def uniforms(self, block: range) -> FloatArray:
        """The uniforms of the edge draws of ``block`` (consecutive) under ``model="confidence"``,
        one row of ``m`` per draw: draw ``i``'s are the outputs ``i*m .. (i+1)*m - 1`` of the
        plan's one stream."""
        m = len(self.probability)
        stream = np.random.PCG64(np.random.SeedSequence(self.entropy))
        stream.advance(block.start * m)  # one double per 64-bit output
        return np.random.Generator(stream).random((len(block), m))

    def keeps(self, block: range) -> BoolArray:
        """The edges (or affiliation ties) each edge draw of ``block`` keeps, one row per draw."""
        m = len(self.probability)
        if self.sources is not None:  # whole sources dropped, then each tie on what is left
            rows = []
            for i in block:
                rng = self.rng(i)
                p = source_probability(rng, self.sources, m, self.drop)
                rows.append(keep_edges(rng, p, "confidence", self.drop, self.claims))
            return np.array(rows, dtype=bool).reshape(len(block), m)
        if self.model == "confidence":
            return kept_below(self.uniforms(block), self.probability, self.claims)
        rows = [keep_edges(self.rng(i), self.probability, self.model, self.drop, self.claims) for i in block]
        return np.array(rows, dtype=bool).reshape(len(block), m)

    def draw(self, i: int, keep: BoolArray | None = None) -> FloatArray:
        """Draw ``i``'s scores, per node of the chart (``inf`` where a node was dropped);
        ``keep``: its edges, when an edge draw's are known (:meth:`keeps`)."""
        chart = self.chart
        if chart is None:
            raise LinkchartError("this plan scores its draws by blocks (draw_block), not one by one")
        n = chart.number_of_nodes
        if self.unit == "node":
            rng = self.rng(i)
            gone = np.zeros(n, dtype=bool)
            gone[rng.choice(n, size=round(self.drop * n), replace=False)] = True
            rows = np.flatnonzero(~gone)
            view = chart._view(rows, one_of_each(rng, self.claims, chart.number_of_edges))
            scores = self.call(view)
            out = np.full(n, np.inf)
            out[rows] = [scores[nid] for nid in view.node_ids]
            return out
        if keep is None:
            keep = self.keeps(range(i, i + 1))[0]
        if self.redraw is not None:  # a one-mode projection: the affiliation ties drawn, then projected
            drawn = self.redraw(chart, keep)
        else:
            drawn = draw_chart(chart, keep) if self.masked else chart._view(None, keep)
        scores = self.call(drawn)
        return np.array([scores[nid] for nid in chart.node_ids], dtype=np.float64)


def draw_block(plan: Plan, block: range) -> FloatArray:
    """The scores of the draws of ``block``: one row per draw, in order."""
    if plan.unit == "node" or not len(block):
        return np.array([plan.draw(i) for i in block], dtype=np.float64).reshape(len(block), plan.n)
    keeps = plan.keeps(block)
    if plan.scorer is not None:
        return plan.scorer(keeps)
    return np.array([plan.draw(i, keep) for i, keep in zip(block, keeps, strict=True)], dtype=np.float64)


def scorer_of(
    chart: LinkChart, call: MeasureCall, unit: str, redraw: Any, masked: bool
) -> DrawnBetweenness | None:
    """What scores a block of edge draws of ``chart`` at once (betweenness: see
    :func:`~.betweenness.draw_kernel`), or ``None``: each draw runs ``call``."""
    function = getattr(call.function, "function", call.function)
    if unit != "edge" or redraw is not None or not masked or function is not betweenness:
        return None
    return draw_kernel(chart, dict(call.key[1]))


def measured_part(chart: LinkChart) -> LinkChart:
    """``chart`` with what the built-in per-node measures read, and nothing else: the node
    table less its notes, the edge table less its evidence (quotes, items), notes, free
    attributes, written ids and ends; its vocabulary, sources and periods; no title,
    description, files or ``derived_from``. The draws of a built-in measure read this
    (their scores are the same bits: ``tests/analysis/test__draws.py``), so the draws
    shared among processes or a cluster's workers carry the tables' numbers, not the
    text of the file. In this process it starts with the projections ``chart`` has built.
    """
    e = chart.edges
    edges = dataclasses.replace(
        e,
        evidence=np.full(len(e), "", dtype=object),
        explicit_ids={},
        attributes={},
        notes={},
        evidence_items={},
        written_ends={},
    )
    nodes = dataclasses.replace(chart.nodes, notes={})
    part = LinkChart(
        vocabulary=chart.vocabulary, nodes=nodes, edges=edges, sources=chart.sources, periods=chart.periods
    )
    # in this process the draws mask the projections the chart has built already (the
    # measure's value ran on it): a copy of its store of them, which no pickle carries
    built: dict[Any, Any] = dict(chart.memoized("projections", dict))
    part.memoized("projections", lambda: built)
    return part
