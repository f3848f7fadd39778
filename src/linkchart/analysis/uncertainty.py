"""How sure is a ranking: Monte Carlo over the uncertainty of the ties.

Every tie in a linkchart file has a confidence level with a probability. A ranking
computed once treats the graph as certain. :func:`rank_uncertainty` computes the measure
on many random versions of the chart and says how its scores and ranks vary:

``model="confidence"``
    Each draw keeps every edge independently with the probability of its confidence
    level (the file's scale): a ``possible`` tie (0.25) is there in a quarter of the
    draws, a ``confirmed`` one (0.95) in nearly all.
``model="missing"``
    Each draw drops a fraction ``drop`` of the edges (``unit="edge"``) or of the nodes
    with their edges (``unit="node"``) at random, as Borgatti, Carley & Krackhardt (2006)
    did to see how fast top-k rankings degrade with missing data.

Draws are reproducible: draw ``i`` takes its random numbers from
``numpy.random.SeedSequence(seed, spawn_key=(i,))``, so the same seed gives the same
numbers however many worker processes share the draws. An edge draw does not build a
chart: it masks the chart's own projections (:func:`~.projection.draw_chart`).
"""

from __future__ import annotations

import math
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Literal, get_args

import numpy as np
import numpy.typing as npt

from ..errors import LinkchartError, UnknownNameError
from ..progress import Progress
from ._common import check_count
from ._parallel import SHARED, fork_map
from .projection import draw_chart

if TYPE_CHECKING:
    from ..model import LinkChart
    from .registry import Registry

__all__ = ["MODELS", "UNITS", "Model", "RankUncertainty", "Unit", "rank_uncertainty"]

Model = Literal["confidence", "missing"]
MODELS: tuple[str, ...] = get_args(Model)
Unit = Literal["edge", "node"]
UNITS: tuple[str, ...] = get_args(Unit)

FloatArray = npt.NDArray[np.float64]


def _round12(x: FloatArray) -> FloatArray:
    """``x`` rounded to 12 significant digits (vectorised)."""
    out = np.array(x, dtype=np.float64)
    nonzero = out != 0
    scale = 10.0 ** (np.floor(np.log10(np.abs(out[nonzero]))) - 11)
    out[nonzero] = np.round(out[nonzero] / scale) * scale
    return out


def competition_ranks(values: FloatArray, higher_is_more: bool) -> FloatArray:
    """Competition ranks of each row ("1224": equal values share the best rank).

    ``NaN`` (an undefined value) ranks after every defined one, tied with the other
    ``NaN``; a node absent from a draw (``inf`` here) has no rank (``NaN``). Values equal
    to 12 significant digits tie (engines differ in the last bits).

    Examples
    --------
    >>> competition_ranks(np.array([[3.0, 1.0, 3.0, 2.0]]), True).tolist()
    [[1.0, 4.0, 1.0, 3.0]]
    >>> competition_ranks(np.array([[0.5, np.nan, 0.2]]), False).tolist()
    [[2.0, 3.0, 1.0]]
    """
    out = np.full(values.shape, np.nan)
    for row, v in enumerate(values):
        absent = np.isinf(v)
        undefined = np.isnan(v)
        present = ~absent & ~undefined
        key = _round12(v[present])
        key = -key if higher_is_more else key
        ordered = np.sort(key)
        out[row, present] = np.searchsorted(ordered, key, side="left") + 1
        out[row, undefined] = present.sum() + 1
    return out


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
        ``draws x n`` competition ranks (``NaN`` where the node was dropped).
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
        """The central ``level`` interval of the rank of ``node`` (default 5 % to 95 %)."""
        _, r = self._present(node)
        if not len(r):
            return (0, 0)
        lo, hi = np.quantile(r, [(1 - level) / 2, (1 + level) / 2], method="inverted_cdf")
        return (int(lo), int(hi))

    def p_top(self, node: str, k: int | None = None) -> float:
        """The probability that ``node`` ranks ``k`` or better (default :attr:`top`).

        Competition ranking: nodes tied in a draw share the best rank, so several nodes
        can be rank 1 in one draw. A draw that dropped the node counts as not in the top.
        """
        k = self.top if k is None else k
        r = self.ranks[:, self._column(node)]
        return float(np.mean(np.nan_to_num(r, nan=np.inf) <= k))

    def p_top_se(self, node: str, k: int | None = None) -> float:
        """The Monte Carlo standard error of :meth:`p_top`: ``sqrt(p (1 - p) / draws)``."""
        p = self.p_top(node, k)
        return math.sqrt(p * (1 - p) / self.draws)

    def leaders(self, k: int | None = None) -> list[str]:
        """The first ``k`` nodes of the baseline ranking, best first, then any other node
        with ``p_top(k) >= 0.05``, by falling ``p_top``; a node whose score is the lowest
        of the chart (at baseline, or in every draw) is left out: a score of 0 tied with
        most of the chart is no finding."""
        k = self.top if k is None else k
        base = np.array([self.baseline[n] for n in self.chart.node_ids], dtype=np.float64)
        base_rank = competition_ranks(base[None, :], self.higher_is_more)[0]
        ids = self.chart.node_ids
        floor = np.nanmin(base) if self.higher_is_more else np.nanmax(base)
        at_floor = _round12(np.nan_to_num(base, nan=floor)) == _round12(np.array([floor]))[0]
        first = [ids[i] for i in np.argsort(base_rank, kind="stable")[:k] if not at_floor[i]]
        v = np.where(np.isinf(self.values) | np.isnan(self.values), np.nan, self.values)
        with np.errstate(all="ignore"):
            bottom = np.nanmin(v, axis=1) if self.higher_is_more else np.nanmax(v, axis=1)
        always_bottom = np.all(np.isnan(v) | (_round12(v) == _round12(bottom)[:, None]), axis=0)
        others = [
            n
            for i, n in enumerate(ids)
            if n not in first and not always_bottom[i] and self.p_top(n, k) >= 0.05
        ]
        return first + sorted(others, key=lambda n: -self.p_top(n, k))

    def table(self, k: int | None = None) -> list[dict[str, Any]]:
        """One row per leader (:meth:`leaders`): node, label, value, median, interval,
        rank interval, P(top k) and its standard error."""
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
                    "median": self.median(node),
                    "interval": [lo, hi],
                    "rank_interval": [rlo, rhi],
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
            "rows": [{key: clean(v) for key, v in row.items()} for row in self.table()],
        }

    def text(self) -> str:
        """The table as aligned text."""
        p = self.parameters
        how = (
            "each tie kept with its confidence probability"
            if p["model"] == "confidence"
            else f"{p['drop']:.0%} of the {p['unit']}s dropped at random"
        )
        head = [
            f"{self.measure}: how sure is the top {self.top}? {self.draws} draws, {how}; seed {p['seed']}",
            f"  {'node':<32} {'value':>9} {'median':>9} {'90% interval':>21} {'rank 90%':>9} "
            f"{'P(top ' + str(self.top) + ')':>10}",
        ]
        lines = []
        for row in self.table():
            lo, hi = row["interval"]
            rlo, rhi = row["rank_interval"]
            label = row["node"] if len(row["node"]) <= 32 else row["node"][:31] + "…"
            lines.append(
                f"  {label:<32} {row['value']:>9.4g} {row['median']:>9.4g} "
                f"{f'{lo:.4g} to {hi:.4g}':>21} {f'{rlo}-{rhi}':>9} {row['p_top']:>10.2f}"
            )
        return "\n".join(head + lines) + "\n"


# ---------------------------------------------------------------------------- draws
def _keep(
    rng: np.random.Generator, probability: FloatArray, model: str, drop: float
) -> npt.NDArray[np.bool_]:
    m = len(probability)
    if model == "confidence":
        keep: npt.NDArray[np.bool_] = rng.random(m) < probability
        return keep
    keep = np.ones(m, dtype=bool)
    keep[rng.choice(m, size=round(drop * m), replace=False)] = False
    return keep


def _one(i: int) -> FloatArray:
    w = SHARED
    chart: LinkChart = w["chart"]
    rng = np.random.default_rng(np.random.SeedSequence(w["entropy"], spawn_key=(i,)))
    n = chart.number_of_nodes
    if w["unit"] == "node":
        gone = np.zeros(n, dtype=bool)
        gone[rng.choice(n, size=round(w["drop"] * n), replace=False)] = True
        rows = np.flatnonzero(~gone)
        view = chart._view(rows, np.ones(chart.number_of_edges, dtype=bool))
        scores = w["call"](view)
        out = np.full(n, np.inf)
        out[rows] = [scores[nid] for nid in view.node_ids]
        return out
    keep = _keep(rng, w["probability"], w["model"], w["drop"])
    if w["redraw"] is not None:  # a one-mode projection: the affiliation ties drawn, then projected
        draw = w["redraw"](chart, keep)
    else:
        draw = draw_chart(chart, keep) if w["masked"] else chart._view(None, keep)
    scores = w["call"](draw)
    return np.array([scores[nid] for nid in chart.node_ids], dtype=np.float64)


def _chunk(indices: Sequence[int]) -> tuple[Sequence[int], FloatArray]:
    return indices, np.array([_one(i) for i in indices]).reshape(len(indices), -1)


def _run(indices: list[int], workers: int, progress: Progress, shared: dict[str, Any]) -> FloatArray:
    out = np.empty((len(indices), shared["chart"].number_of_nodes))
    size = max(1, min(50, len(indices) // (workers * 8) or 1))
    chunks = [indices[a : a + size] for a in range(0, len(indices), size)]

    def done(_: Sequence[int], result: tuple[Sequence[int], FloatArray]) -> None:
        rows, values = result
        out[list(rows)] = values
        progress.advance(len(rows))

    fork_map(_chunk, chunks, workers, shared, on_done=done)
    return out


def rank_uncertainty(
    chart: LinkChart,
    measure: str,
    *,
    draws: int = 1000,
    seed: int | None = None,
    model: Model = "confidence",
    top: int = 5,
    drop: float = 0.1,
    unit: Unit = "edge",
    workers: int | None = None,
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
        Seeds the draws: the same seed gives the same numbers, whatever ``workers``.
        ``None`` draws fresh entropy and records it in ``parameters["seed"]``.
    model
        ``"confidence"`` (default): each edge kept with its confidence probability;
        ``"missing"``: a fraction ``drop`` of the edges or nodes dropped at random.
    top
        The ``k`` of P(top k) (default 5).
    drop, unit
        For ``model="missing"``: the fraction dropped (default 0.1) and of what,
        ``"edge"`` or ``"node"`` (a dropped node has no score or rank in that draw).
    workers
        Processes sharing the draws (default: the machine's cores when the work is
        large enough to pay for starting them, else 1).
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
        For ``draws`` or ``top`` below 1, ``drop`` outside [0, 1), ``workers`` below 1.

    Notes
    -----
    The measure reads each draw as it reads the chart (the same reading: layers, signs,
    direction). An edge draw of a built-in measure masks the chart's projections
    (no chart is built); a measure from another registry, and every node draw (which
    changes the number of nodes), runs on a view of the chart. On a one-mode projection
    (:func:`~linkchart.analysis.affiliation.one_mode`, or a view of one) an edge draw
    keeps each *affiliation* tie and projects the draw, reweighed: projected ties that
    rest on one affiliation stand or fall together. Each draw costs one run of the
    measure. The Monte Carlo error of P(top k) is ``sqrt(p (1 - p) / draws)``
    (:meth:`~RankUncertainty.p_top_se`): 0.016 at most for 1000 draws.

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
    if model not in MODELS:
        raise UnknownNameError("model", str(model), MODELS)
    if unit not in UNITS:
        raise UnknownNameError("unit", str(unit), UNITS)
    draws = check_count("draws", draws, 1)
    top = check_count("top", top, 1)
    if isinstance(drop, bool) or not isinstance(drop, int | float) or not 0 <= drop < 1:
        raise LinkchartError(f"drop must be a fraction in [0, 1), not {drop!r}", code="bad-argument")
    if unit == "node" and model != "missing":
        raise LinkchartError("unit='node' goes with model='missing'", code="bad-argument")
    if seed is not None and (isinstance(seed, bool) or not isinstance(seed, int) or seed < 0):
        raise LinkchartError(
            f"seed must be a non-negative integer or None, not {seed!r}", code="bad-argument"
        )
    entry = registry[measure]
    if entry.parallel:
        measure_options.setdefault("workers", 1)  # the draws are shared among processes already

    def call(c: LinkChart) -> Mapping[str, float]:
        result: Mapping[str, float] = entry(c, **measure_options)
        return result

    baseline = call(chart)
    m = chart.number_of_edges
    if workers is None:
        cost = draws * (m + chart.number_of_nodes)
        workers = min(os.cpu_count() or 1, 2) if cost > 2_000_000 else 1
    workers = check_count("workers", workers, 1)
    entropy = np.random.SeedSequence(seed).entropy
    # a chart that says how to draw it (a one-mode projection draws its affiliation ties)
    redraw = getattr(chart.derived_from, "draw", None) if unit == "edge" else None
    probability = chart.derived_from.probability if redraw is not None else chart.edges.probability
    shared = {
        "chart": chart,
        "call": call,
        "entropy": entropy,
        "model": model,
        "drop": float(drop),
        "unit": unit,
        "probability": np.asarray(probability, dtype=np.float64),
        "redraw": redraw,
        "masked": entry.function.__module__.startswith("linkchart.analysis."),
    }
    with Progress(f"{measure}, {draws} draws", draws, enabled=progress) as bar:
        values = _run(list(range(draws)), workers, bar, shared)
    ranks = competition_ranks(values, entry.higher_is_more)
    return RankUncertainty(
        chart,
        measure,
        baseline,
        values,
        ranks,
        top,
        entry.higher_is_more,
        MappingProxyType(
            {
                "model": model,
                "draws": draws,
                "seed": seed if seed is not None else int(entropy),  # type: ignore[arg-type]
                "drop": float(drop),
                "unit": unit,
                "workers": workers,
                "options": dict(measure_options),
            }
        ),
    )
