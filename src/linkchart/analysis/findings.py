"""The findings of an analysis: one computed value that the report, the page and the figure present.

A :class:`Findings` holds a chart, the :class:`~linkchart.analysis.spec.AnalysisSpec`
it was analysed with, the reading used, and every result computed, each under a
:class:`Key` — what kind of result, of which measure or structure, with which
arguments (the measure's bound arguments with its defaults applied, so that the
page's call and the report's call of the same measure are one key). The accessors
(:meth:`Findings.scores`, :meth:`Findings.structure` ...) look results up; nothing
here runs a measure. Findings are immutable: more results make a new value
(:meth:`Findings.with_results`).

The size policy's :class:`Decision` records (what was computed exactly, sampled, left
out or summarised, and why) travel with the findings, so every view says the same.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Literal, NamedTuple, get_args

from ..errors import LinkchartError, UndefinedMeasureError, UnknownNameError
from ._measure import _frozen
from .policy import ACTIONS, Action, Decision

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    from ..model import LinkChart
    from .disruption import Disruption
    from .over_time import OverTime
    from .reading import Reading
    from .scores import Scores
    from .spec import AnalysisSpec
    from .uncertainty import RankUncertainty

__all__ = [
    "ACTIONS",
    "KINDS",
    "READING",
    "Action",
    "Decision",
    "Findings",
    "Highlights",
    "Key",
    "Kind",
    "call_of",
    "key_of",
    "undefined_item",
]

Kind = Literal["scores", "firm", "structure", "uncertainty", "over_time", "disruption", "positions"]
"""What a result is: per-node scores on the reading (``scores``) or on its firm ties only
(``firm``), a structure (bridges, articulation points, brokerage, key players, balance,
communities), a Monte Carlo rank uncertainty, a measure per period, a disruption curve,
or node positions."""

KINDS: tuple[str, ...] = get_args(Kind)
"""Every :data:`Kind`."""

READING = ("engine", "relations", "layers", "signs", "directed")
"""The arguments of the reading that every measure of one analysis runs with."""

_MEASURED = ("scores", "firm", "structure")
"""The kinds whose results are one call of a registry measure (keyed by its bound arguments)."""


class Key(NamedTuple):
    """Where a result is held: its kind, the measure or structure, and the arguments it ran with.

    Examples
    --------
    >>> Key.of("scores", "betweenness", {"normalized": False, "engine": "igraph"})
    Key(kind='scores', name='betweenness', options=(('engine', 'igraph'), ('normalized', False)))
    """

    kind: Kind
    name: str
    options: tuple[tuple[str, Any], ...] = ()

    @classmethod
    def of(cls, kind: Kind, name: str, options: Mapping[str, Any] | None = None) -> Key:
        """The key of ``name``'s result of ``kind`` with ``options`` (held sorted by name)."""
        return cls(kind, name, tuple(sorted((options or {}).items())))

    def matches(self, kind: Kind, name: str, options: Mapping[str, Any]) -> bool:
        """Whether this key is of ``kind`` and ``name`` and ran with every one of ``options``."""
        held = dict(self.options)
        return (
            self.kind == kind
            and self.name == name
            and all(k in held and held[k] == v for k, v in options.items())
        )


@dataclass(frozen=True, slots=True)
class Highlights:
    """What views mark: bridge ties (edge rows), articulation points and top brokers (node rows)."""

    bridges: tuple[int, ...] = ()
    articulation_points: tuple[int, ...] = ()
    brokers: tuple[int, ...] = ()


def _number(value: Any) -> float | None:
    try:
        x = float(value)
    except (TypeError, ValueError):
        return None
    return x if math.isfinite(x) else None


def undefined_item(name: str, *, firm: bool = False) -> str:
    """The :class:`Decision` item that says measure ``name`` is undefined (on the firm ties with ``firm``)."""
    return f"{name} on firm ties" if firm else name


def call_of(
    spec: AnalysisSpec, kind: Kind, name: str, *, sampled: bool = False, **extra: Any
) -> dict[str, Any]:
    """The arguments an analysis with ``spec`` runs ``name`` with, for a result of ``kind``.

    A registry measure (``scores``, ``firm``, ``structure``) gets the reading its
    registry options leave open (:meth:`~linkchart.analysis.registry.Measure.shared`),
    ``seed`` when it is seeded, the spec's ``partition`` (brokerage) and, when
    ``sampled``, betweenness its pivots; a Monte Carlo draw, a measure per period or a
    disruption curve gets the reading too. ``extra`` wins, and comes first (the order in
    which a result records its options).
    """
    reading = {k: getattr(spec, k) for k in READING}
    if kind == "structure" and name not in spec.registry:
        call = {}  # a structure found by a function of its own (affiliations)
    elif kind in _MEASURED or kind in ("uncertainty", "over_time"):
        measure = spec.registry[name]
        call = measure.shared(reading)
        if kind in _MEASURED and measure.seeded:
            call["seed"] = spec.seed
        if kind in _MEASURED and name == "brokerage":
            call["partition"] = spec.partition
        if kind != "structure" and sampled and name == "betweenness":
            call["samples"] = spec.policy.sampled_pivots
    elif kind == "disruption":
        call = {k: reading[k] for k in ("relations", "layers", "signs")}
    else:
        call = {}
    return {**extra, **call, **extra}


def key_of(spec: AnalysisSpec, kind: Kind, name: str, call: Mapping[str, Any]) -> Key:
    """The key of the result of ``kind`` and ``name`` run with ``call``: a registry measure's
    bound arguments (its defaults and options applied), else ``call`` itself, made hashable."""
    if kind in _MEASURED and name in spec.registry:
        return Key.of(kind, name, spec.registry[name].bound(**call))
    if kind in ("uncertainty", "over_time"):
        own = {k: _frozen(v) for k, v in call.items() if k in _OWN[kind]}
        rest = {k: v for k, v in call.items() if k not in _OWN[kind]}
        return Key.of(kind, name, {**spec.registry[name].bound(**rest), **own})
    return Key.of(kind, name, {k: _frozen(v) for k, v in call.items()})


_OWN = {
    "uncertainty": ("draws", "seed", "top", "model", "drop", "unit"),
    "over_time": ("every", "undated", "min_dated", "keep_nodes"),
}
"""The arguments of :func:`~linkchart.rank_uncertainty` and :func:`~linkchart.over_time` that
are not the measure's."""


@dataclass(frozen=True, slots=True)
class Findings:
    """A chart, what it was analysed for, and every result computed (see the module notes).

    Attributes
    ----------
    chart
        The chart analysed (every result is of it).
    spec
        What was asked for.
    reading
        Which ties the measures read and which they left out, and why.
    results
        Every result, by :class:`Key`.
    decisions
        The size policy's decisions, in the order made.
    firm_level, weak_levels
        The confidence level at and above which a tie is firm, and the levels below it
        that some tie read has (``None`` and ``()`` when every tie read is firm or the
        check is off).
    """

    chart: LinkChart
    spec: AnalysisSpec
    reading: Reading
    results: Mapping[Key, Any] = field(default_factory=lambda: MappingProxyType({}))
    decisions: tuple[Decision, ...] = ()
    firm_level: str | None = None
    weak_levels: tuple[str, ...] = ()

    def keys(self, kind: Kind, name: str, **options: Any) -> tuple[Key, ...]:
        """The keys of ``kind`` and ``name`` whose arguments include ``options``, in the order held."""
        return tuple(k for k in self.results if k.matches(kind, name, options))

    def get(self, kind: Kind, name: str, **options: Any) -> Any:
        """The one result of ``kind`` and ``name`` that ran with ``options``.

        Raises
        ------
        UnknownNameError
            When no result of that kind and name is held (the names held are listed).
        LinkchartError
            When several are held and ``options`` does not say which.
        """
        found = self.keys(kind, name, **options)
        if not found:
            held = [k.name for k in self.results if k.kind == kind]
            raise UnknownNameError(f"{kind.replace('_', ' ')} result", name, held)
        if len(found) > 1:
            first = dict(found[0].options)
            differ = sorted({k for key in found for k, v in key.options if first.get(k) != v})
            raise LinkchartError(
                f"{len(found)} {kind} results for {name!r}: say which with {', '.join(differ)}",
                code="bad-argument",
            )
        return self.results[found[0]]

    @property
    def sampled(self) -> bool:
        """Whether betweenness was estimated from pivots (the size policy's decision)."""
        found = self.decision("betweenness")
        return found is not None and found.action == "sampled"

    def key(self, kind: Kind, name: str, **extra: Any) -> Key:
        """The key of ``name``'s result of ``kind`` as this analysis runs it (with ``extra``)."""
        return key_of(self.spec, kind, name, call_of(self.spec, kind, name, sampled=self.sampled, **extra))

    def has(self, kind: Kind, name: str, **extra: Any) -> bool:
        """Whether the result :meth:`result` would look up is held."""
        return self.key(kind, name, **extra) in self.results

    def result(self, kind: Kind, name: str, **extra: Any) -> Any:
        """``name``'s result of ``kind`` as this analysis runs it, with ``extra`` arguments; when
        no result has exactly those arguments, the one result whose arguments include ``extra``
        (:meth:`get`).

        Raises
        ------
        UnknownNameError
            When no result of that kind and name is held (analyze with a spec that asks for it).
        LinkchartError
            When several are held and ``extra`` does not say which.
        UndefinedMeasureError
            For a measure undefined on this chart (:meth:`undefined` says why).
        """
        key = self.key(kind, name, **extra)
        if key not in self.results and kind in ("scores", "firm"):
            why = self.undefined(name, firm=kind == "firm")
            if why:
                raise UndefinedMeasureError(why)
        if key in self.results:
            return self.results[key]
        return self.get(kind, name, **extra)

    def scores(self, name: str, **extra: Any) -> Scores:
        """The per-node values of measure ``name`` on the reading."""
        found: Scores = self.result("scores", name, **extra)
        return found

    def values(self, name: str, **extra: Any) -> list[float | None]:
        """Measure ``name`` in node-row order, ``None`` where it is undefined (not a finite number;
        every value of a measure undefined on the chart, :meth:`undefined`).

        Raises
        ------
        LinkchartError
            When the measure does not return one value per node id, or was not computed.
        """
        if self.undefined(name) and not self.has("scores", name, **extra):
            return [None] * self.chart.number_of_nodes  # undefined on this chart: no value anywhere
        result = self.scores(name, **extra)
        if not isinstance(result, Mapping):
            kind = type(result).__name__
            raise LinkchartError(f"measure {name!r} returned {kind}, not a dict keyed by node id")
        return [_number(result.get(nid)) for nid in self.chart.node_ids]

    def firm(self, name: str, **extra: Any) -> Scores:
        """The per-node values of measure ``name`` on the firm ties only (see :attr:`firm_level`)."""
        found: Scores = self.result("firm", name, **extra)
        return found

    def structure(self, name: str, **extra: Any) -> Any:
        """The structure ``name``: bridges, articulation points, brokerage, key players, balance,
        communities or affiliations (each of the type its function returns)."""
        return self.result("structure", name, **extra)

    def uncertainty(self, name: str, **extra: Any) -> RankUncertainty:
        """The Monte Carlo rank uncertainty of measure ``name`` (``draws``, ``top`` ... in ``extra``)."""
        found: RankUncertainty = self.result("uncertainty", name, **extra)
        return found

    def over_time(self, name: str, **extra: Any) -> OverTime:
        """Measure ``name`` per period (``every`` and the measure's options in ``extra``)."""
        found: OverTime = self.result("over_time", name, **extra)
        return found

    def disruption(self, name: str = "betweenness", **extra: Any) -> Disruption:
        """The disruption curve of the removal strategy ``name``."""
        found: Disruption = self.result("disruption", name, **extra)
        return found

    def positions(self, **extra: Any) -> npt.NDArray[np.float64]:
        """Node positions, an ``(n, 2)`` array in node-row order (``method`` and ``seed`` in ``extra``)."""
        found: npt.NDArray[np.float64] = self.result("positions", "layout", **extra)
        return found

    def decision(self, item: str) -> Decision | None:
        """The size policy's decision on ``item``, or ``None`` when it made none."""
        return next((d for d in self.decisions if d.item == item), None)

    def undefined(self, name: str, *, firm: bool = False) -> str:
        """Why measure ``name`` is undefined on this chart (on its firm ties with ``firm``), or
        ``""`` when it is not (an analysis leaves such a measure out and records the reason).

        Examples
        --------
        >>> import linkchart
        >>> from linkchart.vocabulary import Relation, Vocabulary
        >>> v = Vocabulary(relations=(Relation("fights", directed=False, sign="negative"),))
        >>> c = linkchart.from_records([{"id": x, "type": "state"} for x in "ab"],
        ...     [{"from": "a", "relation": "fights", "to": "b"}], vocabulary=v)
        >>> f = linkchart.analyze(c, measures=["pn_centrality"], sections=[], draws=None)
        >>> f.undefined("pn_centrality")[:35]
        'PN centrality is undefined here: I '
        >>> f.has("scores", "pn_centrality")
        False
        """
        found = self.decision(undefined_item(name, firm=firm))
        return found.why if found is not None and found.action == "undefined" else ""

    def with_results(self, results: Mapping[Key, Any], decisions: Iterable[Decision] = ()) -> Findings:
        """New findings that hold these results and decisions too (a held key keeps its result)."""
        merged = dict(self.results)
        for key, value in results.items():
            merged.setdefault(key, value)
        return Findings(
            self.chart,
            self.spec,
            self.reading,
            MappingProxyType(merged),
            (*self.decisions, *decisions),
            self.firm_level,
            self.weak_levels,
        )

    def highlights(self, top_brokers: int = 5) -> Highlights:
        """What views mark, from the structures held: bridge edge rows, articulation point rows and
        the ``top_brokers`` node rows with the most brokered pairs (ties broken by row); a structure
        not held marks nothing."""
        chart = self.chart
        bridges: tuple[int, ...] = ()
        cuts: tuple[int, ...] = ()
        brokers: tuple[int, ...] = ()
        if self.has("structure", "bridges"):
            named = {eid for bridge in self.structure("bridges") for eid in bridge.edge_ids}
            bridges = tuple(k for k, eid in enumerate(chart.edges.ids) if eid in named)
        if self.has("structure", "articulation_points"):
            cuts = tuple(sorted(chart.index_of(p.node_id) for p in self.structure("articulation_points")))
        if self.has("structure", "brokerage"):
            result = self.structure("brokerage")
            totals = [sum(c for c in (result.get(nid) or {}).values() if c) for nid in chart.node_ids]
            order = sorted(range(len(totals)), key=lambda i: (-totals[i], i))
            brokers = tuple(sorted(i for i in order[:top_brokers] if totals[i] > 0))
        return Highlights(bridges, cuts, brokers)
