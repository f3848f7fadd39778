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

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Literal, NamedTuple, get_args

from ..errors import LinkchartError, UnknownNameError

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

__all__ = ["ACTIONS", "KINDS", "Action", "Decision", "Findings", "Highlights", "Key", "Kind"]

Kind = Literal["scores", "firm", "structure", "uncertainty", "over_time", "disruption", "positions"]
"""What a result is: per-node scores on the reading (``scores``) or on its firm ties only
(``firm``), a structure (bridges, articulation points, brokerage, key players, balance,
communities), a Monte Carlo rank uncertainty, a measure per period, a disruption curve,
or node positions."""

KINDS: tuple[str, ...] = get_args(Kind)
"""Every :data:`Kind`."""

Action = Literal["exact", "sampled", "left-out", "summary", "off"]
"""What the size policy decided for one item: computed exactly, estimated from a sample,
left out, shown as a summary, or turned off by the caller."""

ACTIONS: tuple[str, ...] = get_args(Action)
"""Every :data:`Action`."""


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
class Highlights:
    """What views mark: bridge ties (edge rows), articulation points and top brokers (node rows)."""

    bridges: tuple[int, ...] = ()
    articulation_points: tuple[int, ...] = ()
    brokers: tuple[int, ...] = ()


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

    def scores(self, name: str, **options: Any) -> Scores:
        """The per-node values of measure ``name`` on the reading."""
        found: Scores = self.get("scores", name, **options)
        return found

    def firm(self, name: str, **options: Any) -> Scores:
        """The per-node values of measure ``name`` on the firm ties only (see :attr:`firm_level`)."""
        found: Scores = self.get("firm", name, **options)
        return found

    def structure(self, name: str, **options: Any) -> Any:
        """The structure ``name``: bridges, articulation points, brokerage, key players, balance
        or communities (each of the type its function returns)."""
        return self.get("structure", name, **options)

    def uncertainty(self, name: str, **options: Any) -> RankUncertainty:
        """The Monte Carlo rank uncertainty of measure ``name``."""
        found: RankUncertainty = self.get("uncertainty", name, **options)
        return found

    def over_time(self, name: str, **options: Any) -> OverTime:
        """Measure ``name`` per period."""
        found: OverTime = self.get("over_time", name, **options)
        return found

    def disruption(self, name: str = "betweenness", **options: Any) -> Disruption:
        """The disruption curve of the removal strategy ``name``."""
        found: Disruption = self.get("disruption", name, **options)
        return found

    def positions(self, **options: Any) -> npt.NDArray[np.float64]:
        """Node positions, an ``(n, 2)`` array in node-row order, of the spec's layout."""
        found: npt.NDArray[np.float64] = self.get("positions", "layout", **options)
        return found

    def decision(self, item: str) -> Decision | None:
        """The size policy's decision on ``item``, or ``None`` when it made none."""
        return next((d for d in self.decisions if d.item == item), None)

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
