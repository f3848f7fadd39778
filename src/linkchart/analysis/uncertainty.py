"""How sure is a ranking: Monte Carlo over the uncertainty of the ties.

Every tie in a linkchart file has a confidence level with a probability. A ranking
computed once treats the graph as certain. :func:`rank_uncertainty` computes the measure
on many random versions of the chart and says how its scores and ranks vary:

``model="confidence"``
    Each draw keeps every edge independently with the probability of its confidence
    level (the file's scale): a ``possible`` tie (0.25) is there in a quarter of the
    draws, a ``confirmed`` one (0.95) in nearly all. An either-or claim
    (:meth:`~linkchart.LinkChart.alternatives`: ``s`` alternatives sharing one confidence
    ``p``) holds with probability ``p``, and then as exactly one of its alternatives,
    each as likely: a draw keeps one alternative (each with probability ``p/s``) or none.
``model="missing"``
    Each draw drops a fraction ``drop`` of the edges (``unit="edge"``) or of the nodes
    with their edges (``unit="node"``) at random, as Borgatti, Carley & Krackhardt (2006)
    did to see how fast top-k rankings degrade with missing data; of each either-or claim
    one alternative, drawn at random, is the one that can remain.
``model="sources"``
    Would the ranking survive losing a source? Each draw drops each source of the chart
    with probability ``drop``, whole: every evidence item it gives goes. Each tie then
    holds with the probability its remaining sources give it (as ``model="confidence"``
    draws it; :mod:`linkchart.model.support`): a tie that rests on one source disappears
    with it, a corroborated one stays on its other sources at their probability. Ties
    without a source are not dropped with any.

The **value** (``baseline``) is the measure on the chart as it is: every tie present,
each alternative of a claim a tie of ``1/s`` of its weight. A draw only removes ties (or
keeps one alternative at its full weight), and removing a tie can raise a score as well
as lower it (a shortcut gone sends paths through a broker), so the value can lie above or
below every draw: :meth:`RankUncertainty.percentile` says where it falls among them.

**Ties.** Nodes with equal scores in a draw share the places they occupy: a block of
``t`` nodes tied at ranks ``r .. r+t-1`` takes ``max(0, min(t, k-r+1))`` of the top ``k``
places, each node ``1/t`` of them (:meth:`RankUncertainty.p_top`); 41 nodes tied at zero
for the last place of a top 5 get 1/41 each, and the P(top k) of all nodes sum to ``k``.
A rank interval runs from the best rank a node reaches to the worst place of the tied
block it is in (:meth:`RankUncertainty.rank_interval`).

Draws are reproducible: under ``model="confidence"`` edge draw ``i`` reads the uniforms
``i*m .. (i+1)*m - 1`` of one stream seeded with ``numpy.random.SeedSequence(seed)`` (one
per tie drawn), and any other draw takes its random numbers from
``numpy.random.SeedSequence(seed, spawn_key=(i,))``, so the same seed gives the same
numbers however many worker processes share the draws. An edge draw does not build a
chart: it masks the chart's own projections (:func:`~.projection.draw_chart`); exact,
unweighted betweenness (the report's "How sure") copies the chart's igraph graph and
deletes the ties the draw drops (:func:`~.betweenness.draw_kernel`), so a draw costs
little more than the measure's own run. What the workers sharing the draws receive (once
each; broadcast once to a Dask cluster) is the least a draw reads: for that betweenness,
the projection's arrays and the ties' probabilities, not the chart (see ``_plan``).
"""

from __future__ import annotations

import math
import os
import pickle
import textwrap
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Literal, get_args

import numpy as np
import numpy.typing as npt

from ..errors import LinkchartError, UnknownNameError
from ..executor import Runner, map_blocks
from ..progress import Progress
from ._draws import Plan, claims_of, draw_block, measured_part, scorer_of, sources_of
from ._measure import check_count, vocabulary
from .ranks import competition_ranks, round12, tied_ranks
from .types import Seed

if TYPE_CHECKING:
    from ..model import LinkChart
    from .registry import Registry

__all__ = [
    "MODELS",
    "UNITS",
    "Model",
    "RankUncertainty",
    "Unit",
    "how_drawn",
    "rank_range",
    "rank_uncertainty",
]

Model = Literal["confidence", "missing", "sources"]
MODELS: tuple[str, ...] = get_args(Model)
Unit = Literal["edge", "node"]
UNITS: tuple[str, ...] = get_args(Unit)

FloatArray = npt.NDArray[np.float64]


@dataclass(frozen=True, eq=False)
class RankUncertainty:
    """Scores and ranks of one measure over random versions of a chart.

    Attributes
    ----------
    chart
        The chart.
    measure
        The measure's name.
    baseline
        The measure on the chart itself (a plain call).
    values
        ``draws x n`` scores (``NaN`` where undefined; ``inf`` where the node was dropped).
    ranks
        ``draws x n`` competition ranks (``NaN`` where the node was dropped): the first
        place of the tied block a node is in.
    last_ranks
        ``draws x n``: the last place of that block (equal to ``ranks`` where untied).
    top
        The ``k`` of :meth:`p_top` and :meth:`table` by default.
    parameters
        What it ran with: model, draws, seed (the entropy, so an unseeded run can be
        repeated), drop, unit, workers, and the measure's options.
    """

    chart: LinkChart
    measure: str
    baseline: Mapping[str, float]
    values: FloatArray
    ranks: FloatArray
    last_ranks: FloatArray
    top: int
    higher_is_more: bool
    parameters: Mapping[str, Any]

    @property
    def draws(self) -> int:
        """How many draws were made."""
        return int(self.values.shape[0])

    def _column(self, node: str) -> int:
        return self.chart.index_of(node)

    def _present(self, node: str) -> tuple[FloatArray, FloatArray]:
        i = self._column(node)
        v, r = self.values[:, i], self.ranks[:, i]
        keep = ~np.isinf(v)
        return v[keep], r[keep]

    def median(self, node: str) -> float:
        """The median score of ``node`` over the draws where it is present."""
        v, _ = self._present(node)
        v = v[~np.isnan(v)]
        return float(np.median(v)) if len(v) else math.nan

    def interval(self, node: str, level: float = 0.9) -> tuple[float, float]:
        """The central ``level`` interval of the score of ``node`` (default 5 % to 95 %)."""
        v, _ = self._present(node)
        v = v[~np.isnan(v)]
        if not len(v):
            return (math.nan, math.nan)
        lo, hi = np.quantile(v, [(1 - level) / 2, (1 + level) / 2])
        return (float(lo), float(hi))

    def rank_interval(self, node: str, level: float = 0.9) -> tuple[int, int]:
        """The central ``level`` interval of the place of ``node`` (default 5 % to 95 %).

        Tied nodes share a range of places, so the interval runs from the ``(1-level)/2``
        quantile of the first place of the node's tied block to the ``(1+level)/2``
        quantile of its last place: a node tied at zero with 40 others in every draw is
        ``(8, 48)``, not ``(8, 8)``.
        """
        i = self._column(node)
        keep = ~np.isinf(self.values[:, i])
        first, last = self.ranks[keep, i], self.last_ranks[keep, i]
        if not len(first):
            return (0, 0)
        lo = np.quantile(first, (1 - level) / 2, method="inverted_cdf")
        hi = np.quantile(last, (1 + level) / 2, method="inverted_cdf")
        return (int(lo), int(hi))

    def tied(self, node: str) -> float:
        """The share of the draws (where ``node`` is present) in which it shares its rank."""
        i = self._column(node)
        keep = ~np.isinf(self.values[:, i])
        if not keep.any():
            return 0.0
        return float(np.mean(self.last_ranks[keep, i] > self.ranks[keep, i]))

    def p_top(self, node: str, k: int | None = None) -> float:
        """The probability that ``node`` is among the top ``k`` (default :attr:`top`).

        A block of ``t`` nodes tied at places ``r .. r+t-1`` shares the top places it
        covers, ``max(0, min(t, k - r + 1))``, equally: each node gets that over ``t``
        (fractional credit), so the P(top k) of all nodes sum to ``k`` in every draw. A
        draw that dropped the node counts as not in the top.
        """
        k = self.top if k is None else k
        i = self._column(node)
        first, last = self.ranks[:, i], self.last_ranks[:, i]
        here = ~np.isnan(first)
        size = last[here] - first[here] + 1
        credit = np.clip(k - first[here] + 1, 0, size) / size
        return float(np.sum(credit) / self.draws)

    def p_top_se(self, node: str, k: int | None = None) -> float:
        """The Monte Carlo standard error of :meth:`p_top`: at most ``sqrt(p (1 - p) / draws)``
        (the credit of a draw lies in [0, 1] with mean ``p``)."""
        p = self.p_top(node, k)
        return math.sqrt(p * (1 - p) / self.draws)

    def percentile(self, node: str) -> float:
        """Where the value (:attr:`baseline`) of ``node`` falls among its draws, in percent:
        the share of draws below it, counting draws equal to it as half (0: below every
        draw, 100: above every draw; ``NaN`` where undefined)."""
        v, _ = self._present(node)
        v = v[~np.isnan(v)]
        base = float(self.baseline[node])
        if not len(v) or math.isnan(base):
            return math.nan
        key = round12(v)
        at = round12(np.array([base]))[0]
        return float(100 * (np.sum(key < at) + 0.5 * np.sum(key == at)) / len(v))

    def explain(self) -> str:
        """One plain sentence: how the value relates to the draws, and how ties and places read."""
        return (
            f"The value is the {self.measure} with every tie present; {how_drawn(self.parameters)}, "
            "so a draw can land above or below it ('value pct': where the value falls among the "
            "draws, 100 above all of them); tied nodes share their places."
        )

    def leaders(self, k: int | None = None) -> list[str]:
        """The first ``k`` nodes of the baseline ranking, best first, then any other node
        with ``p_top(k) >= 0.05``, by falling ``p_top``; a node whose score is the lowest
        of the chart (at baseline, or in every draw) is left out: a score of 0 tied with
        most of the chart is no finding. A chart without nodes has no leaders."""
        k = self.top if k is None else k
        if not self.chart.number_of_nodes:
            return []
        base = np.array([self.baseline[n] for n in self.chart.node_ids], dtype=np.float64)
        base_rank = competition_ranks(base[None, :], self.higher_is_more)[0]
        ids = self.chart.node_ids
        floor = np.nanmin(base) if self.higher_is_more else np.nanmax(base)
        at_floor = round12(np.nan_to_num(base, nan=floor)) == round12(np.array([floor]))[0]
        first = [ids[i] for i in np.argsort(base_rank, kind="stable")[:k] if not at_floor[i]]
        v = np.where(np.isinf(self.values) | np.isnan(self.values), np.nan, self.values)
        with np.errstate(all="ignore"):
            bottom = np.nanmin(v, axis=1) if self.higher_is_more else np.nanmax(v, axis=1)
        always_bottom = np.all(np.isnan(v) | (round12(v) == round12(bottom)[:, None]), axis=0)
        others = [
            n
            for i, n in enumerate(ids)
            if n not in first and not always_bottom[i] and self.p_top(n, k) >= 0.05
        ]
        return first + sorted(others, key=lambda n: -self.p_top(n, k))

    def table(self, k: int | None = None) -> list[dict[str, Any]]:
        """One row per leader (:meth:`leaders`): node, label, value, where the value falls
        among the draws (``percentile``), median, interval, rank interval, the share of
        draws where it is ``tied``, P(top k) and its standard error."""
        k = self.top if k is None else k
        rows = []
        for node in self.leaders(k):
            lo, hi = self.interval(node)
            rlo, rhi = self.rank_interval(node)
            rows.append(
                {
                    "node": node,
                    "label": str(self.chart.nodes.labels[self.chart.index_of(node)]),
                    "value": float(self.baseline[node]),
                    "percentile": self.percentile(node),
                    "median": self.median(node),
                    "interval": [lo, hi],
                    "rank_interval": [rlo, rhi],
                    "tied": self.tied(node),
                    "p_top": self.p_top(node, k),
                    "p_top_se": self.p_top_se(node, k),
                }
            )
        return rows

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready values: the parameters and :meth:`table` (``NaN`` as ``None``)."""

        def clean(x: Any) -> Any:
            if isinstance(x, float) and math.isnan(x):
                return None
            if isinstance(x, list):
                return [clean(y) for y in x]
            return x

        return {
            "measure": self.measure,
            "top": self.top,
            "parameters": dict(self.parameters),
            "explain": self.explain(),
            "rows": [{key: clean(v) for key, v in row.items()} for row in self.table()],
        }

    def text(self) -> str:
        """The table as aligned text, under :meth:`explain`."""
        p = self.parameters
        how = {
            "confidence": "each tie kept with its confidence probability",
            "sources": f"each source dropped with probability {p['drop']:.0%}",
        }.get(p["model"], f"{p['drop']:.0%} of the {p['unit']}s dropped at random")
        head = [
            f"{self.measure}: how sure is the top {self.top}? {self.draws} draws, {how}; seed {p['seed']}",
            *textwrap.wrap(self.explain(), 100, initial_indent="  ", subsequent_indent="  "),
            f"  {'node':<32} {'value':>9} {'value pct':>9} {'median':>9} {'90% interval':>21} "
            f"{'rank 90%':>14} {'P(top ' + str(self.top) + ')':>10}",
        ]
        lines = [] if self.chart.number_of_nodes else ["  (the chart has no nodes: nothing to rank)"]
        for row in self.table():
            lo, hi = row["interval"]
            label = row["node"] if len(row["node"]) <= 32 else row["node"][:31] + "…"
            pct = "-" if math.isnan(row["percentile"]) else f"{row['percentile']:.0f}"
            lines.append(
                f"  {label:<32} {row['value']:>9.4g} {pct:>9} {row['median']:>9.4g} "
                f"{f'{lo:.4g} to {hi:.4g}':>21} {rank_range(row):>14} {row['p_top']:>10.2f}"
            )
        return "\n".join(head + lines) + "\n"


def how_drawn(parameters: Mapping[str, Any]) -> str:
    """What one draw of ``rank_uncertainty`` with these parameters does, as a clause.

    Examples
    --------
    >>> how_drawn({"model": "missing", "drop": 0.1, "unit": "node"})
    'each draw drops 10% of the nodes at random'
    """
    if parameters["model"] == "confidence":
        return (
            "each draw keeps each tie with its probability (one alternative of an either-or claim, or none)"
        )
    if parameters["model"] == "sources":
        return (
            f"each draw drops each source with probability {parameters['drop']:.0%}, whole, and keeps "
            "each tie with the probability its remaining sources give it"
        )
    return f"each draw drops {parameters['drop']:.0%} of the {parameters['unit']}s at random"


def rank_range(row: Mapping[str, Any]) -> str:
    """A table row's rank interval as text: ``4-35``, or ``8-48 (tied)`` for a node that
    shares its place in most draws."""
    lo, hi = row["rank_interval"]
    return f"{lo}-{hi} (tied)" if row["tied"] >= 0.5 and hi > lo else f"{lo}-{hi}"


DRAW_BLOCK = 50
"""The most draws in one block of work (fewer when there are few draws, so that progress moves)."""


@vocabulary()
def rank_uncertainty(
    chart: LinkChart,
    measure: str,
    *,
    draws: int = 1000,
    seed: Seed = 0,
    model: Model = "confidence",
    top: int = 5,
    drop: float = 0.1,
    unit: Unit = "edge",
    baseline: Mapping[str, float] | None = None,
    workers: int | None = None,
    executor: Runner = None,
    registry: Registry | None = None,
    progress: bool | None = None,
    **measure_options: Any,
) -> RankUncertainty:
    r"""How sure a ranking is: the measure on ``draws`` random versions of the chart.

    Parameters
    ----------
    chart
        The chart; it is not changed.
    measure
        A per-node measure of the registry (``"betweenness"``, ``"pagerank"`` ...).
    draws
        How many random versions (default 1000).
    seed
        Seeds the draws: the same seed gives the same numbers, whatever ``workers``. %(seed)s
    model
        ``"confidence"`` (default): each edge kept with its confidence probability;
        ``"missing"``: a fraction ``drop`` of the edges or nodes dropped at random;
        ``"sources"``: each source dropped, whole, with probability ``drop``, and each tie
        kept with the probability its remaining sources give it.
    top
        The ``k`` of P(top k) (default 5).
    drop, unit
        For ``model="missing"``: the fraction dropped (default 0.1) and of what,
        ``"edge"`` or ``"node"`` (a dropped node has no score or rank in that draw); for
        ``model="sources"``: the probability that a draw drops each source (default 0.1).
    baseline
        The measure on the chart as it is (its value), when the caller has it already —
        the scores of the same measure with the same options on this chart, keyed by
        every node id: it is used as given, and the measure runs on the draws only.
        ``None`` (default): computed here.
    workers
        Processes sharing the draws (default: the machine's cores, up to 2, when the work
        is large enough to pay for starting them, else 1). The draws are cut into blocks
        of at most :data:`DRAW_BLOCK`, fixed by their number alone.
    executor
        A ``concurrent.futures.Executor`` of the caller's that runs the blocks instead
        (``None``, default: linkchart's own processes, as ``workers`` says); see
        :mod:`linkchart.executor`.
    registry
        Where ``measure`` is looked up (default :data:`linkchart.MEASURES`).
    progress
        Show a progress line on standard error (default: when it is a terminal).
    **measure_options
        Passed to the measure, as in a plain call (``layers=``, ``signs=``,
        ``normalized=`` ...); the registry's options for the measure apply too.

    Returns
    -------
    RankUncertainty
        With :meth:`~RankUncertainty.median`, :meth:`~RankUncertainty.interval`,
        :meth:`~RankUncertainty.rank_interval`, :meth:`~RankUncertainty.p_top`,
        :meth:`~RankUncertainty.table` and :meth:`~RankUncertainty.to_dict`.

    Raises
    ------
    UnknownNameError
        For a measure that is not a per-node measure of the registry, a model or unit.
    LinkchartError
        For ``draws`` or ``top`` below 1, ``drop`` outside [0, 1), ``workers`` below 1, a
        bad seed, or a ``baseline`` that is not keyed by the chart's node ids.

    Notes
    -----
    The measure reads each draw as it reads the chart (the same reading: layers, signs,
    direction). An edge draw of a built-in measure masks the chart's projections
    (no chart is built); a measure from another registry, and every node draw (which
    changes the number of nodes), runs on a view of the chart. On a one-mode projection
    (:func:`~linkchart.analysis.one_mode.one_mode`, or a view of one) an edge draw
    keeps each *affiliation* tie — of an either-or claim among them, one alternative or
    none — and projects the draw, reweighed: projected ties that rest on one affiliation
    stand or fall together. Each draw costs one run of the measure. The Monte Carlo error
    of P(top k) is ``sqrt(p (1 - p) / draws)`` (:meth:`~RankUncertainty.p_top_se`): 0.016
    at most for 1000 draws. A measure run on other processes must be picklable (a
    module-level function, not one defined in a notebook cell).

    References
    ----------
    .. [1] Borgatti, S. P., Carley, K. M., & Krackhardt, D. (2006). On the robustness of
       centrality measures under conditions of imperfect data. *Social Networks* 28(2),
       124-136. https://doi.org/10.1016/j.socnet.2005.05.001

    Examples
    --------
    >>> import linkchart
    >>> c = linkchart.from_records(
    ...     [{"id": x, "type": "person"} for x in "abcd"],
    ...     [{"from": "a", "relation": "knows", "to": "b", "confidence": "possible"},
    ...      {"from": "b", "relation": "knows", "to": "c"}, {"from": "c", "relation": "knows", "to": "d"}])
    >>> r = rank_uncertainty(c, "betweenness", draws=400, seed=1, top=1, workers=1)
    >>> r.baseline["b"], r.p_top("c") > r.p_top("b")   # b brokers only through a possible tie
    (2.0, True)
    """
    from .registry import MEASURES

    registry = MEASURES if registry is None else registry
    known = registry.names(returns="node")
    if measure not in known:
        raise UnknownNameError("measure", measure, known)
    draws = check_count("draws", draws, 1)
    top = check_count("top", top, 1)
    if isinstance(drop, bool) or not isinstance(drop, int | float) or not 0 <= drop < 1:
        raise LinkchartError(f"drop must be a fraction in [0, 1), not {drop!r}", code="bad-argument")
    if unit == "node" and model != "missing":
        raise LinkchartError("unit='node' goes with model='missing'", code="bad-argument")
    entry = registry[measure]
    if entry.parallel:
        measure_options.setdefault("workers", 1)  # the draws are shared among processes already
    call = entry.call(**measure_options)
    value = call(chart) if baseline is None else _checked_baseline(chart, baseline)
    entropy = int(np.random.SeedSequence(seed).entropy)  # type: ignore[arg-type]
    plan = _plan(chart, call, entropy, model, float(drop), unit, entry.function.__module__)
    if workers is None:
        cost = draws * (chart.number_of_edges + chart.number_of_nodes)
        workers = min(os.cpu_count() or 1, 2) if cost > 2_000_000 and executor is None else 1
        if workers > 1 and not _picklable(plan):
            workers = 1  # a measure (or chart) that cannot travel to another process runs here
    size = max(1, min(DRAW_BLOCK, draws // 8))
    blocks = [range(a, min(a + size, draws)) for a in range(0, draws, size)]
    with Progress(f"{measure}, {draws} draws", draws, enabled=progress) as bar:
        parts = map_blocks(
            draw_block,
            plan,
            blocks,
            workers=workers,
            executor=executor,
            on_done=lambda _, part: bar.advance(len(part)),
        )
    values = np.concatenate(parts) if parts else np.zeros((0, chart.number_of_nodes))
    ranks, last_ranks = tied_ranks(values, entry.higher_is_more)
    return RankUncertainty(
        chart,
        measure,
        value,
        values,
        ranks,
        last_ranks,
        top,
        entry.higher_is_more,
        MappingProxyType(
            {
                "model": model,
                "draws": draws,
                "seed": seed,
                "drop": float(drop),
                "unit": unit,
                "workers": workers,
                "options": dict(measure_options),
            }
        ),
    )


def _picklable(plan: Plan) -> bool:
    """Whether the draws can be sent to other processes (everything they read pickles)."""
    try:
        pickle.dumps(plan)
    except Exception:  # whatever pickling raises, the answer is no
        return False
    return True


def _checked_baseline(chart: LinkChart, baseline: object) -> Mapping[str, float]:
    """``baseline`` if it maps every node id of ``chart`` (and nothing else) to a number."""
    if not isinstance(baseline, Mapping):
        raise LinkchartError(
            f"baseline must map every node id to the measure's value, not {type(baseline).__name__}",
            code="bad-argument",
        )
    ids = chart.node_ids
    if len(baseline) != len(ids) or any(nid not in baseline for nid in ids):
        raise LinkchartError(
            "baseline must hold the measure's value of every node of this chart, and no other node",
            code="bad-argument",
        )
    return baseline


def _plan(chart: LinkChart, call: Any, entropy: int, model: str, drop: float, unit: str, module: str) -> Plan:
    """What the draws read: a one-mode projection (``derived_from`` that says how to draw it)
    draws its affiliation ties, with their either-or claims; any other chart its own ties.

    The plan is what travels to every worker, so it carries the least that gives the same
    bits: exact unweighted betweenness only the projection's arrays (no chart); another
    built-in measure the chart's numbers without its text (:func:`~._draws.measured_part`);
    a measure of another registry, or a one-mode projection's draws (which project the
    affiliation chart again), the chart itself, which they may read whole."""
    origin = chart.derived_from
    redraw = getattr(origin, "draw", None) if unit == "edge" else None
    if redraw is not None:
        probability = np.asarray(origin.probability, dtype=np.float64)
        claims = claims_of(origin.chart, origin.rows)
        sources = sources_of(origin.chart, np.asarray(origin.rows)) if model == "sources" else None
    else:
        probability = np.asarray(chart.edges.probability, dtype=np.float64)
        claims = claims_of(chart)
        sources = sources_of(chart) if model == "sources" else None
    masked = module.startswith("linkchart.analysis.")
    scorer = scorer_of(chart, call, unit, redraw, masked)
    shipped: LinkChart | None = chart
    if scorer is not None:
        shipped = None
    elif masked and redraw is None:
        shipped = measured_part(chart)
    return Plan(
        shipped,
        chart.number_of_nodes,
        call,
        entropy,
        model,
        drop,
        unit,
        probability,
        claims,
        redraw,
        masked,
        sources,
        scorer,
    )
