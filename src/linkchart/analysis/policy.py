"""What is computed at what size: one policy object, read by everything that presents.

A large chart cannot have every measure computed exactly: betweenness searches every
shortest path (``n·m`` work), Monte Carlo draws repeat a measure hundreds of times, a
ranking over time repeats it per period. :class:`SizePolicy` holds every threshold in one
place (the values the report and the page used before they shared one analysis), and
:func:`decide` turns them into :class:`~linkchart.analysis.findings.Decision` records for
one chart: what is computed exactly, estimated from a sample, left out, or shown as a
summary, and why. :func:`linkchart.analyze` records the decisions in its
:class:`~linkchart.analysis.findings.Findings`; the report, the page and the figure each
say them in their own words.

Examples
--------
>>> import linkchart
>>> c = linkchart.from_records([{"id": "a", "type": "state"}], [])
>>> [(d.item, d.action) for d in decide(c)][:2]
[('betweenness', 'exact'), ('how_sure', 'off')]
>>> SizePolicy(exact_max_work=0).sampled(linkchart.from_records(
...     [{"id": str(i), "type": "state"} for i in range(1001)], []))
False
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING, Literal, get_args

if TYPE_CHECKING:
    from ..model import LinkChart

__all__ = ["ACTIONS", "Action", "Decision", "SizePolicy", "decide"]

Action = Literal["exact", "sampled", "left-out", "summary", "off", "undefined"]
"""What the size policy decided for one item: computed exactly, estimated from a sample,
left out, shown as a summary, or turned off by the caller; or, for a measure, that it is
undefined on this chart (:class:`~linkchart.errors.UndefinedMeasureError`: left out, with
the reason in ``why``)."""

ACTIONS: tuple[str, ...] = get_args(Action)
"""Every :data:`Action`."""


@dataclass(frozen=True, slots=True)
class Decision:
    """What the size policy decided for one item (a measure, how sure, the page's summary ...).

    Attributes
    ----------
    item
        What was decided on (``"betweenness"``, ``"how_sure"``, ``"summary"``).
    action
        The :data:`Action`.
    why
        The reason, in words (``"n·m = 3.1e9 above 2e9"``); ``""`` for the ordinary case.
    numbers
        The numbers behind it (``{"work": 3.1e9, "limit": 2e9, "pivots": 1000}``).
    """

    item: str
    action: Action
    why: str = ""
    numbers: Mapping[str, float] = field(default_factory=lambda: MappingProxyType({}))


@dataclass(frozen=True, slots=True)
class SizePolicy:
    """Every size threshold of an analysis and its views (defaults: the values in use).

    Attributes
    ----------
    exact_max_work
        Above this many nodes times edges betweenness is estimated from
        :attr:`sampled_pivots` random pivots, and the other measures that search every
        shortest path are left out of the default set (``exact=True`` computes them all).
    sampled_pivots
        Random pivots of the sampled betweenness; a chart with no more nodes than this is
        computed exactly whatever its size.
    report_draws, page_draws
        Monte Carlo draws of the report's "How sure" section and of the page's rank
        intervals.
    how_sure_max_edges
        Above this many edges the report leaves "How sure" out.
    page_intervals_max_edges
        Above this many edges the page shows no rank intervals (and no hover: see
        :attr:`edge_labels_max_edges`).
    edge_labels_max_edges
        Above this many edges (or nodes) the page turns hover off and hides ties while
        panning.
    over_time_max_work
        Above this many periods times nodes times edges the report leaves Over time out.
    key_players_max_nodes
        Above this many nodes the report finds no key players (and no disruption curve).
    key_players_distance_max_nodes
        Above this many nodes the KPP-Neg criterion is component fragmentation (F), not
        distance-weighted fragmentation (DF).
    summary_above_edges, summary_above_nodes, summary_nodes
        A page of a chart above either size shows a summary view of this many top actors.
    """

    exact_max_work: int = 2 * 10**9
    sampled_pivots: int = 1000
    report_draws: int = 1000
    page_draws: int = 200
    how_sure_max_edges: int = 5000
    page_intervals_max_edges: int = 2000
    edge_labels_max_edges: int = 2000
    over_time_max_work: int = 10**9
    key_players_max_nodes: int = 2000
    key_players_distance_max_nodes: int = 300
    summary_above_edges: int = 50_000
    summary_above_nodes: int = 20_000
    summary_nodes: int = 2_000

    def is_large(self, chart: LinkChart) -> bool:
        """Whether ``chart`` is above :attr:`exact_max_work` (nodes times edges)."""
        return chart.number_of_nodes * chart.number_of_edges > self.exact_max_work

    def sampled(self, chart: LinkChart, exact: bool | None = None) -> bool:
        """Whether betweenness is estimated from pivots: ``exact=False``, or a large chart with
        ``exact=None``; never on a chart with no more nodes than :attr:`sampled_pivots`."""
        wanted = exact is False or (exact is None and self.is_large(chart))
        return wanted and chart.number_of_nodes > self.sampled_pivots

    def how_sure(self, chart: LinkChart) -> bool:
        """Whether the report's "How sure" section is drawn on ``chart``."""
        return chart.number_of_edges <= self.how_sure_max_edges and chart.number_of_nodes > 1

    def intervals(self, chart: LinkChart) -> bool:
        """Whether the page's rank intervals are drawn on ``chart``."""
        return chart.number_of_edges <= self.page_intervals_max_edges and chart.number_of_nodes >= 2

    def key_players(self, chart: LinkChart) -> bool:
        """Whether the report finds key players (and the disruption curve) on ``chart``."""
        return 1 < chart.number_of_nodes <= self.key_players_max_nodes

    def negative_criterion(self, chart: LinkChart) -> str:
        """The KPP-Neg criterion on ``chart``: ``"fragmentation"`` or ``"component_fragmentation"``."""
        small = chart.number_of_nodes <= self.key_players_distance_max_nodes
        return "fragmentation" if small else "component_fragmentation"

    def busy(self, chart: LinkChart) -> bool:
        """Whether a page of ``chart`` turns hover off and hides ties while panning."""
        limit = self.edge_labels_max_edges
        return chart.number_of_edges > limit or chart.number_of_nodes > limit

    def summary_size(self, chart: LinkChart, summary: int | bool | None = None) -> int | None:
        """How many actors a page of ``chart`` shows in a summary view, or ``None`` for all.

        ``summary=None``: :attr:`summary_nodes` when the chart is above either summary size;
        ``False``: never; ``True``: :attr:`summary_nodes`; a number: that many. A chart with
        no more actors than that is shown whole.
        """
        cap = summary
        if cap is None:
            big = (
                chart.number_of_edges > self.summary_above_edges
                or chart.number_of_nodes > self.summary_above_nodes
            )
            cap = self.summary_nodes if big else False
        if cap is True:
            cap = self.summary_nodes
        if cap is False or chart.number_of_nodes <= cap:
            return None
        return int(cap)


def _decision(item: str, action: Action, why: str = "", **numbers: float) -> Decision:
    return Decision(item, action, why, MappingProxyType(numbers))


def decide(
    chart: LinkChart,
    policy: SizePolicy | None = None,
    *,
    exact: bool | None = None,
    draws: bool = True,
) -> tuple[Decision, ...]:
    """The policy's decisions on ``chart``: betweenness, how sure, intervals, key players, summary.

    ``exact`` is the caller's ``exact=``; ``draws=False`` turns the Monte Carlo items off.
    """
    policy = policy or SizePolicy()
    n, m = chart.number_of_nodes, chart.number_of_edges
    work = float(n * m)
    out = []
    if policy.sampled(chart, exact):
        why = "exact=False" if exact is False else f"n·m = {work:.3g} above {policy.exact_max_work:.3g}"
        out.append(_decision("betweenness", "sampled", why, work=work, pivots=policy.sampled_pivots))
    else:
        out.append(_decision("betweenness", "exact", work=work))
    for item, allowed, limit in (
        ("how_sure", policy.how_sure(chart), policy.how_sure_max_edges),
        ("intervals", policy.intervals(chart), policy.page_intervals_max_edges),
    ):
        if not draws or n < 2:
            out.append(_decision(item, "off"))
        elif allowed:
            out.append(_decision(item, "exact"))
        else:
            out.append(_decision(item, "left-out", f"{m:,} edges above {limit:,}", edges=m, limit=limit))
    if policy.key_players(chart):
        out.append(_decision("key_players", "exact", policy.negative_criterion(chart), nodes=n))
    else:
        out.append(_decision("key_players", "left-out", f"{n:,} nodes", nodes=n))
    shown = policy.summary_size(chart)
    if shown is not None:
        out.append(_decision("summary", "summary", f"the top {shown:,} actors", nodes=shown))
    return tuple(out)
