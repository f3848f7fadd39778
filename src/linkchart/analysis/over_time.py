"""Rankings over time: a measure on the view of each period (the ties in force and the actors
active then), with every actor's score and rank per period."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from ..errors import LinkchartError
from ..progress import Progress
from ..times import DAY, OWN, SOURCE, YEAR, Span, Undated, check_undated, extent, first_day, last_day, pack
from ._measure import vocabulary
from .ranks import competition_ranks
from .reading import read_relations
from .registry import MEASURES, Registry
from .types import Layers, Relations, SignReading

if TYPE_CHECKING:
    from ..model import LinkChart

__all__ = [
    "EVERY",
    "MIN_DATED",
    "Dating",
    "OverTime",
    "Period",
    "check_min_dated",
    "dating",
    "natural_cut",
    "over_time",
    "periods_of",
]

EVERY: tuple[str, ...] = ("year", "month", "periods")
"""The named ways to cut time: calendar years, calendar months, the chart's declared periods.
A number ``N`` cuts the dated span into ``N`` equal windows; a list gives the windows."""


MIN_DATED = 0.5
"""The share of the ties read that must carry a time (their own, or their source's date) for
a ranking over time, the report's Over time section and the page's time slider to be shown:
below it, the undated ties hold in every period their actors are active and the periods
differ by a few dated ties alone, so a flat line says nothing of stability."""


def check_min_dated(value: object) -> float:
    """``min_dated`` as a float, if it is a number from 0 to 1; else a :class:`LinkchartError`."""
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
        raise LinkchartError(f"min_dated must be a number from 0 to 1, not {value!r}", code="bad-argument")
    return float(value)


@dataclass(frozen=True, slots=True)
class Dating:
    """How many of the ties a measure reads carry a time, and whether that is enough to cut
    them into periods (see :func:`dating`).

    Attributes
    ----------
    read
        The edges of the reading (parallel reports counted one by one).
    own
        Those with a time of their own.
    by_source
        Those without one, dated by the ``date`` of the source they cite (``undated="source"``).
    undated
        How ties without a time are read (:data:`~linkchart.times.Undated`).
    min_dated
        The share of ``read`` that must be dated.
    """

    read: int
    own: int
    by_source: int
    undated: Undated = "source"
    min_dated: float = MIN_DATED

    @property
    def dated(self) -> int:
        """The ties read that carry a time, their own or their source's."""
        return self.own + self.by_source

    @property
    def share(self) -> float:
        """``dated / read`` (0 when nothing is read)."""
        return self.dated / self.read if self.read else 0.0

    @property
    def enough(self) -> bool:
        """Whether at least ``min_dated`` of the ties read are dated (and some are read)."""
        return self.read > 0 and self.share >= self.min_dated - 1e-12

    def describe(self) -> str:
        """``"13 of 22 ties read are dated (8 by their own time, 5 by their source's date)"``."""
        verb = "is" if self.dated == 1 else "are"
        out = f"{self.dated} of {self.read} ties read {verb} dated"
        if self.by_source:
            out += f" ({self.own} by their own time, {self.by_source} by their source's date)"
        return out

    def declined(self) -> str:
        """``""`` when there is enough, else why a view over time is not shown, in words."""
        if self.enough:
            return ""
        if not self.read:
            return "no tie is read, so there is nothing to follow over time"
        rest = (
            "the periods would hold those few ties alone"
            if self.undated == "never"
            else "the undated ones hold in every period their actors are active, so the periods would "
            "differ by the few dated ties alone and a flat line would say nothing of stability"
        )
        return (
            f"only {self.describe()} ({self.share:.0%}; at least {self.min_dated:.0%} must be): {rest}. "
            "Date more ties ('time:' on an edge, 'date:' on the source it cites), or set min_dated=0 "
            "(--min-dated 0) to show it anyway"
        )

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready values."""
        return {
            "read": self.read,
            "dated": self.dated,
            "own": self.own,
            "by_source": self.by_source,
            "share": self.share,
            "undated": self.undated,
            "min_dated": self.min_dated,
        }


def _read_mask(
    chart: LinkChart, relations: Relations, layers: Layers, signs: SignReading | None
) -> npt.NDArray[np.bool_]:
    """Which edges the reading reads."""
    rels = read_relations(chart, relations, layers, signs)
    if rels is None:
        return np.ones(chart.number_of_edges, dtype=bool)
    names = chart.vocabulary.relation_names
    return np.isin(chart.edges.relation, [names.index(r) for r in rels])


@vocabulary()
def dating(
    chart: LinkChart,
    *,
    relations: Relations = None,
    layers: Layers = None,
    signs: SignReading | None = None,
    undated: Undated | bool = "source",
    min_dated: float = MIN_DATED,
) -> Dating:
    """How many of the ties read (``relations``, ``layers``, ``signs``, as for a measure) carry
    a time: their own, or, with ``undated="source"``, their source's ``date``.

    Examples
    --------
    >>> import linkchart
    >>> c = linkchart.from_records([{"id": x, "type": "person"} for x in "abc"],
    ...     [{"from": "a", "relation": "r", "to": "b", "time": 1999},
    ...      {"from": "b", "relation": "r", "to": "c", "source": "s"},
    ...      {"from": "a", "relation": "r", "to": "c"}], sources=[{"id": "s", "date": "2001"}])
    >>> d = dating(c)
    >>> d.describe(), d.enough
    ("2 of 3 ties read are dated (1 by their own time, 1 by their source's date)", True)
    >>> dating(c, undated="always").describe()
    '1 of 3 ties read is dated'
    """
    mode = check_undated(undated)
    share = check_min_dated(min_dated)
    read = _read_mask(chart, relations, layers, signs)
    how = chart.tie_times(mode).how[read]
    return Dating(
        int(read.sum()), int(np.count_nonzero(how == OWN)), int(np.count_nonzero(how == SOURCE)), mode, share
    )


@dataclass(frozen=True, slots=True)
class Period:
    """One window of time: its label, first and last day, and the view's size then (actors,
    the ties read that are in force, and how many of those carry a time)."""

    label: str
    first: dt.date
    last: dt.date
    nodes: int = 0
    ties: int = 0
    dated: int = 0

    @property
    def span(self) -> Span:
        """The window as a :class:`~linkchart.times.Span` (to the day)."""
        return Span(self.first.toordinal(), self.last.toordinal(), pack(DAY, DAY))


def _dated_extent(chart: LinkChart) -> Span:
    """The span of the chart's times: its ties', its lifespans, and the dates of the sources its
    ties cite (at year precision: a source's date is read as written, but cut by the year)."""
    e, n = chart.edges, chart.nodes
    s_first, s_last = chart.source_times()
    cited = np.unique(e.source[e.source >= 0]).astype(np.intp)
    s_first, s_last = s_first[cited], s_last[cited]
    s_precision = np.full(len(cited), pack(YEAR, YEAR), dtype=np.uint8)
    found = extent(
        np.concatenate([e.time_from, n.time_from, s_first]),
        np.concatenate([e.time_to, n.time_to, s_last]),
        np.concatenate([e.time_precision, n.time_precision, s_precision]),
    )
    if found is None:
        raise LinkchartError(
            "the chart has no dated ties or lifespans: nothing to cut into periods "
            "(give ties a 'time', see docs/format.md)",
            code="bad-argument",
        )
    return found


def periods_of(chart: LinkChart, every: str | int | Sequence[Any] = "year") -> list[Period]:
    """The windows ``every`` cuts the chart's time into (sizes not yet filled in).

    ``"year"`` and ``"month"``: each calendar year or month from the earliest bounded time
    of a tie or lifespan to the latest; ``"periods"``: the chart's declared periods, in
    order; a number ``N``: ``N`` windows of (nearly) equal days over that span; a list:
    one window per time value (a year, a month, an interval, a period name).

    Examples
    --------
    >>> import linkchart
    >>> c = linkchart.from_records([{"id": x, "type": "person"} for x in "ab"],
    ...     [{"from": "a", "relation": "r", "to": "b", "time": "1999-11/2000-02"}])
    >>> [p.label for p in periods_of(c, "month")]
    ['1999-11', '1999-12', '2000-01', '2000-02']
    >>> [p.label for p in periods_of(c, ["1999", "2000-01/2000-02"])]
    ['1999', '2000-01/2000-02']
    """
    if isinstance(every, str) and every not in EVERY:
        from ..errors import UnknownNameError

        raise UnknownNameError("way to cut time (every)", every, EVERY)
    if every == "periods":
        if not chart.periods:
            raise LinkchartError(
                "the chart declares no periods: add 'periods:' to the file, or cut by year or month",
                code="bad-argument",
            )
        return [_window(chart, name, name) for name in chart.periods]
    if isinstance(every, Sequence) and not isinstance(every, str):
        out = [_window(chart, value, _label(value)) for value in every]
        if not out:
            raise LinkchartError("every must name at least one period", code="bad-argument")
        return out
    whole = _dated_extent(chart)
    first, last = whole.first, whole.last
    assert first is not None and last is not None
    if every == "year":
        return [
            Period(str(y), dt.date.fromordinal(first_day(y)), dt.date.fromordinal(last_day(y)))
            for y in range(first.year, last.year + 1)
        ]
    if every == "month":
        out = []
        y, m = first.year, first.month
        while (y, m) <= (last.year, last.month):
            out.append(
                Period(
                    f"{y:04d}-{m:02d}",
                    dt.date.fromordinal(first_day(y, m)),
                    dt.date.fromordinal(last_day(y, m)),
                )
            )
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        return out
    if isinstance(every, bool) or not isinstance(every, int) or every < 1:
        raise LinkchartError(
            f"every must be 'year', 'month', 'periods', a positive number or a list of times, not {every!r}",
            code="bad-argument",
        )
    a, b = first.toordinal(), last.toordinal()
    edges = np.linspace(a, b + 1, every + 1).round().astype(np.int64)
    out = []
    for lo, hi in zip(edges[:-1].tolist(), (edges[1:] - 1).tolist(), strict=True):
        hi = max(hi, lo)
        text = Span(lo, hi, pack(DAY, DAY)).text
        out.append(Period(text, dt.date.fromordinal(lo), dt.date.fromordinal(hi)))
    return out


def natural_cut(chart: LinkChart, most: int = 30) -> str | int:
    """How a report cuts the chart's time: its declared periods; else months when it spans
    two years or less, else years, or ``most`` equal windows when there would be more years.

    Examples
    --------
    >>> import linkchart
    >>> c = linkchart.from_records([{"id": x, "type": "person"} for x in "ab"],
    ...     [{"from": "a", "relation": "r", "to": "b", "time": "1999-11/2000-02"}])
    >>> natural_cut(c)
    'month'
    """
    if chart.periods:
        return "periods"
    whole = _dated_extent(chart)
    first, last = whole.first, whole.last
    assert first is not None and last is not None
    years = last.year - first.year + 1
    months = years * 12 - (first.month - 1) - (12 - last.month)
    if months <= 24:
        return "month"
    return "year" if years <= most else most


def _label(value: Any) -> str:
    """How a time value given in a list is shown: as written, or as the text of its span."""
    if isinstance(value, str):
        return value
    if isinstance(value, Span):
        return value.text
    from ..timegrammar import parse_time

    span = parse_time(value)
    return span.text if isinstance(span, Span) else str(value)


def _window(chart: LinkChart, value: Any, label: str) -> Period:
    """The window of one time value; an open end closed at the chart's dated extent."""
    lo, hi = chart.window(value)
    if lo < 1 or hi > dt.date.max.toordinal():
        whole = _dated_extent(chart)
        lo = whole.start if lo < 1 else lo
        hi = whole.end if hi > dt.date.max.toordinal() else hi
    return Period(label, dt.date.fromordinal(lo), dt.date.fromordinal(max(lo, hi)))


@dataclass(frozen=True, slots=True)
class OverTime:
    """A measure per period: every active actor's score and competition rank.

    Attributes
    ----------
    measure
        The measure's name.
    periods
        The windows, in order, with the number of actors and ties in each view.
    scores
        Per period, actor id -> score, for the actors active then only.
    ranks
        Per period, actor id -> competition rank among the actors active then (1 best).
    higher_is_more
        Whether a higher score ranks first (``False`` for constraint).
    options
        The options the measure ran with (the reading, ``normalized``, ``undated`` ...).
    dating
        How many of the ties read carry a time (:func:`dating`).
    declined
        ``""``, or why no period was computed, in words: fewer than ``min_dated`` of the
        ties read are dated (then ``periods``, ``scores`` and ``ranks`` are empty).
    """

    measure: str
    periods: tuple[Period, ...]
    scores: tuple[Mapping[str, float], ...]
    ranks: tuple[Mapping[str, int], ...]
    higher_is_more: bool
    options: Mapping[str, Any]
    dating: Dating | None = None
    declined: str = ""

    def series(self, node_id: str) -> list[float | None]:
        """``node_id``'s score in each period (``None`` where it was not active)."""
        return [s.get(node_id) for s in self.scores]

    def top(self, period: int | str, k: int = 5) -> list[tuple[str, float]]:
        """The ``k`` best-ranked actors of one period (by index or label), ties by id."""
        i = period if isinstance(period, int) else [p.label for p in self.periods].index(period)
        ranked = sorted(self.scores[i].items(), key=lambda kv: (self.ranks[i][kv[0]], kv[0]))
        return ranked[:k]

    def leaders(self, k: int = 5) -> list[str]:
        """Every actor in some period's top ``k``, best first: by their best rank, then by how
        many periods they led in, then by id."""
        best: dict[str, int] = {}
        count: dict[str, int] = {}
        for i in range(len(self.periods)):
            for node_id, _ in self.top(i, k):
                rank = self.ranks[i][node_id]
                best[node_id] = min(best.get(node_id, rank), rank)
                count[node_id] = count.get(node_id, 0) + 1
        return sorted(best, key=lambda v: (best[v], -count[v], v))

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data: the periods and, per period, every active actor's score and rank."""
        return {
            "measure": self.measure,
            "options": dict(self.options),
            "dating": None if self.dating is None else self.dating.to_dict(),
            "declined": self.declined,
            "periods": [
                {
                    "label": p.label,
                    "first": p.first.isoformat(),
                    "last": p.last.isoformat(),
                    "nodes": p.nodes,
                    "ties": p.ties,
                    "dated": p.dated,
                    "scores": dict(sorted(s.items())),
                    "ranks": dict(sorted(r.items())),
                }
                for p, s, r in zip(self.periods, self.scores, self.ranks, strict=True)
            ],
        }

    def text(self, k: int = 5, labels: Mapping[str, str] | None = None) -> str:
        """A table: per period, the actors and ties in force, then the top ``k`` with scores."""
        name = labels or {}
        if self.declined:
            return f"{self.measure} over time: not shown: {self.declined}\n"
        dated = f"; {self.dating.describe()}" if self.dating is not None else ""
        lines = [f"{self.measure} over time (top {k} per period; actors and ties active then{dated})"]
        width = max((len(p.label) for p in self.periods), default=6)
        for i, p in enumerate(self.periods):
            top = ", ".join(f"{name.get(v, v)} {s:.4g}" for v, s in self.top(i, k))
            ties = f"{p.ties} ties ({p.dated} dated)"
            lines.append(f"  {p.label:<{width}}  {p.nodes:>5} actors  {ties:<20}  {top or '-'}")
        return "\n".join(lines) + "\n"


@vocabulary()
def over_time(
    chart: LinkChart,
    measure: str = "betweenness",
    *,
    every: str | int | Sequence[Any] = "year",
    registry: Registry = MEASURES,
    layers: Layers = None,
    signs: SignReading | None = None,
    undated: Undated | bool = "source",
    min_dated: float = MIN_DATED,
    keep_nodes: bool = False,
    progress: bool | None = None,
    **options: Any,
) -> OverTime:
    """``measure`` on the view of each period: per period, every active actor's score and rank.

    Each period's view is :meth:`LinkChart.between` its first and last day: the ties in
    force at some moment of it and the actors active then, so a normalised measure is
    normalised by the actors of the time. The measure runs as the registry has it (with
    its options: harmonic closeness normalised) plus ``options`` (``normalized=True``).

    Parameters
    ----------
    chart
        The chart; its ties (and node lifespans) should carry times.
    measure
        A per-node measure of ``registry``.
    every
        How to cut time (:func:`periods_of`): ``"year"`` (default), ``"month"``,
        ``"periods"`` (the chart's declared periods), a number of equal windows, or a
        list of time values.
    registry, layers, signs
        Where the measure is looked up, and the reading it runs with.
    undated
        How a tie without a time of its own is read (:meth:`LinkChart.tie_times`):
        ``"source"`` (default), at the date of its source and unknown elsewhere (throughout,
        when the source has no date); ``"always"``, throughout (``True``, the reading of
        linkchart 0.2); ``"never"``, not at all (``False``). Never outside the lifespans of
        its ends.
    min_dated
        The share of the ties read that must carry a time (default :data:`MIN_DATED`, a
        half): below it the result is declined (:attr:`OverTime.declined` says why) and
        no period is computed. ``0`` computes whatever is dated.
    keep_nodes
        Keep every actor in every period (the old ``as_of``): scores of the inactive.
    progress
        A bar on a terminal (default: only when stderr is a terminal).
    options
        Passed to the measure.

    Returns
    -------
    OverTime

    Raises
    ------
    UnknownNameError
        For a measure or ``every`` that names nothing.
    LinkchartError
        When the chart has nothing dated, or ``every`` is not a way to cut time.

    Notes
    -----
    An actor absent from a period's view has no score there (``None`` in
    :meth:`OverTime.series`), rather than a zero: a dormant or not yet founded actor is
    not a peripheral one. A tie the text does not date is read at the date of the
    document that reports it, not in every period: a 2005 article's present tense is
    2005. Where most ties read carry no time at all, every period would hold the same
    undated ties and the lines come out flat, which reads as "stable" when it means
    "unknown": hence ``min_dated``.

    References
    ----------
    .. [1] Morselli, C. (2009). *Inside Criminal Networks*, ch. 5 (the CAVIAR network in
       eleven two-month wiretap phases). Springer. https://doi.org/10.1007/978-0-387-09526-4
    .. [2] Moody, J., McFarland, D., & Bender-deMoll, S. (2005). Dynamic network
       visualization. *American Journal of Sociology* 110(4), 1206-1241.
       https://doi.org/10.1086/421509

    Examples
    --------
    >>> import linkchart
    >>> c = linkchart.from_records([{"id": x, "type": "person"} for x in "abcd"],
    ...     [{"from": "a", "relation": "r", "to": "b", "time": "1994-03"},
    ...      {"from": "b", "relation": "r", "to": "c", "time": "1994-03"},
    ...      {"from": "c", "relation": "r", "to": "d", "time": "1994-04"}],
    ...     periods={"one": "1994-03", "two": "1994-04"})
    >>> t = over_time(c, "degree", every="periods")
    >>> [(p.label, p.nodes, p.ties) for p in t.periods]
    [('one', 3, 2), ('two', 2, 1)]
    >>> t.top("one", 1)
    [('b', 2.0)]
    """
    entry = registry[measure]
    if entry.returns != "node":
        raise LinkchartError(f"{measure} is not a per-node measure: it has no ranking over time")
    mode = check_undated(undated)
    reading: dict[str, Any] = {"layers": layers, "signs": signs}
    found = dating(
        chart,
        relations=options.get("relations"),
        layers=layers,
        signs=signs,
        undated=mode,
        min_dated=min_dated,
    )
    plain = {
        **reading,
        **options,
        "every": _plain_every(every),
        "undated": mode,
        "min_dated": found.min_dated,
    }
    if not found.enough:
        return OverTime(
            measure, (), (), (), entry.higher_is_more, MappingProxyType(plain), found, found.declined()
        )
    windows = periods_of(chart, every)
    periods: list[Period] = []
    scores: list[Mapping[str, float]] = []
    ranks: list[Mapping[str, int]] = []
    with Progress(f"{measure} over {len(windows)} periods", len(windows), enabled=progress) as bar:
        for w in windows:
            view = chart.between(w.span, w.span, undated=mode, keep_nodes=keep_nodes)
            result = entry(view, **reading, **options) if view.number_of_nodes else {}
            values = {v: float(result[v]) for v in view.node_ids if result.get(v) is not None}
            rank = competition_ranks(np.array([list(values.values())]), entry.higher_is_more)[0]
            read = _read_mask(view, options.get("relations"), layers, signs)
            with_time = int(np.count_nonzero(view.tie_times(mode).dated[read]))
            periods.append(Period(w.label, w.first, w.last, view.number_of_nodes, int(read.sum()), with_time))
            scores.append(MappingProxyType(values))
            ranks.append(MappingProxyType({v: int(r) for v, r in zip(values, rank.tolist(), strict=True)}))
            bar.advance(1)
    return OverTime(
        measure,
        tuple(periods),
        tuple(scores),
        tuple(ranks),
        entry.higher_is_more,
        MappingProxyType(plain),
        found,
    )


def _plain_every(every: str | int | Sequence[Any]) -> Any:
    return every if isinstance(every, str | int) else [_label(v) for v in every]
