"""The measure registry: every measure declared once, read by the report, the page, the CLI and the docs.

:data:`MEASURES` maps a measure's name to a frozen :class:`Measure`: its function, what
it returns, which way is "more", what it means in one line, whether the report and the
page show it by default, its cost class and the options those two call it with (their
*reading*: ``harmonic`` normalised, key players on the undirected reading ...).

Adding a measure is one module plus one entry here. The report, the page and the CLI
never look a measure up by any other route, so a registry with one more entry
(:meth:`Registry.with_measure`) reaches all three.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from ..errors import LinkchartError, UnknownNameError
from ._measure import COSTS, RETURNS, Cost, MeasureCall, MeasureInfo, Returns, bound
from .betweenness import betweenness
from .bridges import articulation_points, bridges
from .bridging import bridging_centrality, bridging_coefficient
from .brokerage import brokerage
from .closeness import closeness, harmonic
from .communities import communities, participation
from .degree import degree, strength
from .eigenvector import eigenvector
from .key_players import key_players
from .pagerank import pagerank
from .reading import read_relations
from .signed import balance, pn_centrality
from .structural_holes import constraint, effective_size

__all__ = ["COSTS", "MEASURES", "RETURNS", "Cost", "Measure", "Registry", "Returns", "markdown_table"]

VOCABULARY: tuple[str, ...] = ("relations", "layers", "directed", "weight", "engine")
"""The keyword-only parameters every measure takes, with the same meaning and default
(``None``, ``None``, ``None``, ``None`` or a documented strength default, ``"igraph"``).
Every unsigned measure also takes ``signs`` (default ``None``: positive ties); the signed ones
(:attr:`Measure.signed`) read signs themselves, and the registry does not pass it to them.
:func:`~linkchart.analysis._measure.measure` checks it when a measure's module is imported."""


@dataclass(frozen=True, slots=True)
class Measure:
    """One measure, as the report, the page and the CLI know it.

    Attributes
    ----------
    name
        Its name (``"betweenness"``), also the name of its function.
    function
        ``function(chart, *, relations, directed, weight, engine, ...)``.
    returns
        ``"node"``, ``"edge"`` or ``"structure"`` (see :data:`Returns`).
    higher_is_more
        Whether a higher value means more of the quality (``False`` for constraint:
        the least constrained node is the broker). ``True`` for non-node measures.
    meaning
        What it measures, in one line (with its weight reading).
    in_report
        Whether :func:`linkchart.report` computes it by default.
    on_page
        Whether the chart page lists it by default in the node panel.
    cost
        Its cost class (see :data:`Cost`).
    options
        The arguments that fix the reading the report and the page use (harmonic
        closeness normalised, key players on the undirected reading): the defaults a
        call of the measure starts from. An argument the caller gives explicitly wins
        over them; a report or page that passes one set of common arguments to every
        measure leaves out those the options fix (:meth:`shared`).
    seeded
        Whether it takes a ``seed`` (the page passes its own).
    signed
        Whether it reads the sign of a tie itself (PN centrality, balance): it takes no
        ``signs`` argument (one passed in common is dropped), and the report and the page
        run it only on a chart with hostile relations.
    reads_layers
        Whether the function takes ``layers=`` (and ``signs=`` unless signed), as every
        built-in measure does. For a function that does not (one written for
        ``relations`` only), set ``False``: the registry then passes the reading as the
        relations it stands for.
    parallel
        Whether it takes ``workers=`` (processes that share its work);
        :func:`linkchart.rank_uncertainty`, whose draws are shared among processes
        already, runs it with ``workers=1``.
    """

    name: str
    function: Callable[..., Any]
    returns: Returns
    higher_is_more: bool
    meaning: str
    in_report: bool
    on_page: bool
    cost: Cost
    options: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    seeded: bool = False
    signed: bool = False
    reads_layers: bool = True
    parallel: bool = False

    def __post_init__(self) -> None:
        if self.returns not in RETURNS:
            raise UnknownNameError("measure result kind", self.returns, RETURNS)
        if self.cost not in COSTS:
            raise UnknownNameError("cost class", self.cost, COSTS)
        if self.on_page and self.returns != "node":
            raise LinkchartError(f"measure {self.name!r}: only per-node measures can be on the page")
        object.__setattr__(self, "options", MappingProxyType(dict(self.options)))

    def __call__(self, chart: Any, **kwargs: Any) -> Any:
        """Run the measure with the registry's :attr:`options`, and ``kwargs`` over them.

        An argument given here always wins: ``MEASURES["harmonic"](chart,
        normalized=False)`` is the raw harmonic closeness, ``MEASURES["harmonic"](chart)``
        the normalised one the report shows. A function that takes no ``layers`` or
        ``signs`` (:attr:`reads_layers` false) still reads the same ties: the reading is
        turned into the ``relations`` it stands for
        (:func:`~linkchart.analysis.reading.read_relations`).

        Examples
        --------
        >>> import linkchart
        >>> c = linkchart.from_records([{"id": x, "type": "person"} for x in "abc"],
        ...     [{"from": "a", "relation": "knows", "to": "b"},
        ...      {"from": "b", "relation": "knows", "to": "c"}])
        >>> h = linkchart.MEASURES["harmonic"]
        >>> h(c)["a"], h(c, normalized=False)["a"]
        (0.75, 1.5)
        """
        if self.signed:
            kwargs.pop("signs", None)
        kwargs = {**self.options, **kwargs}
        if not self.reads_layers and ("layers" in kwargs or "signs" in kwargs):
            layers, signs = kwargs.pop("layers", None), kwargs.pop("signs", None)
            kwargs["relations"] = read_relations(chart, kwargs.get("relations"), layers, signs)
        return self.function(chart, **kwargs)

    @classmethod
    def of(cls, function: Callable[..., Any]) -> Measure:
        """The measure that ``function`` declares with :func:`~linkchart.analysis._measure.measure`.

        Raises
        ------
        LinkchartError
            For a function that declares no measure.

        Examples
        --------
        >>> import linkchart
        >>> Measure.of(linkchart.harmonic).options
        mappingproxy({'normalized': True})
        """
        info: MeasureInfo | None = getattr(function, "__measure__", None)
        if info is None:
            raise LinkchartError(f"{getattr(function, '__name__', function)!r} is not declared with @measure")
        return cls(
            function.__name__,
            function,
            info.returns,
            info.higher_is_more,
            info.meaning,
            in_report=info.in_report,
            on_page=info.on_page,
            cost=info.cost,
            options=info.options,
            seeded=info.seeded,
            signed=info.signed,
            parallel=info.parallel,
        )

    def bound(self, **kwargs: Any) -> dict[str, Any]:
        """The arguments a call ``self(chart, **kwargs)`` runs with, defaults and options applied,
        less those that only say how it runs (workers, executor): the identity of its result.

        Examples
        --------
        >>> import linkchart
        >>> b = linkchart.MEASURES["harmonic"].bound(workers=4)
        >>> b["normalized"], "workers" in b
        (True, False)
        """
        if self.signed:
            kwargs.pop("signs", None)
        return bound(self.function, {**self.options, **kwargs})

    def call(self, **kwargs: Any) -> MeasureCall:
        """This measure with ``kwargs``, as a picklable callable of a chart (:class:`MeasureCall`)."""
        return MeasureCall(self.name, self, dict(kwargs))

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled with its options as a plain dict (a mapping proxy does not pickle)."""
        return (
            _measure,
            (
                self.name,
                self.function,
                self.returns,
                self.higher_is_more,
                self.meaning,
                self.in_report,
                self.on_page,
                self.cost,
                dict(self.options),
                self.seeded,
                self.signed,
                self.reads_layers,
                self.parallel,
            ),
        )

    def shared(self, common: Mapping[str, Any]) -> dict[str, Any]:
        """``common`` less the arguments this measure's :attr:`options` fix.

        What a caller that runs many measures with one set of arguments (the report's
        ``directed``, ``engine``, reading) passes to each, so that the options still
        decide what they fix: bridges and key players stay on the undirected reading in
        a report read with ``directed=True``.

        Examples
        --------
        >>> import linkchart
        >>> linkchart.MEASURES["bridges"].shared({"directed": True, "engine": "igraph"})
        {'engine': 'igraph'}
        """
        return {k: v for k, v in common.items() if k not in self.options}

    def applies_to(self, chart: Any) -> bool:
        """Whether the report and the page run it on ``chart`` by default (a signed measure
        only where some relation is negative)."""
        return not self.signed or bool(chart.vocabulary.signed)


def _measure(*args: Any) -> Measure:
    """A :class:`Measure` from its fields in order (how one is unpickled)."""
    return Measure(*args)


class Registry(Mapping[str, Measure]):
    """A read-only, ordered mapping from measure name to :class:`Measure`.

    The order is the report's and the page's order. Looking up a name that is not
    registered raises :class:`~linkchart.errors.UnknownNameError` with a did-you-mean
    hint.

    Examples
    --------
    >>> import linkchart
    >>> m = linkchart.MEASURES["constraint"]
    >>> m.returns, m.higher_is_more, m.cost
    ('node', False, 'local')
    >>> linkchart.MEASURES.names(returns="node")[:3]
    ('degree', 'strength', 'betweenness')
    """

    __slots__ = ("_items",)

    @classmethod
    def of(cls, *functions: Callable[..., Any]) -> Registry:
        """The registry of ``functions``, each declared with
        :func:`~linkchart.analysis._measure.measure`, in this order (see :meth:`Measure.of`)."""
        return cls(Measure.of(f) for f in functions)

    def __init__(self, measures: Iterable[Measure]) -> None:
        items: dict[str, Measure] = {}
        for m in measures:
            if m.name in items:
                raise LinkchartError(f"measure {m.name!r} is registered twice")
            items[m.name] = m
        self._items: Mapping[str, Measure] = MappingProxyType(items)

    def __getitem__(self, name: str) -> Measure:
        try:
            return self._items[name]
        except KeyError:
            raise UnknownNameError("measure", name, self._items) from None

    def __iter__(self) -> Iterator[str]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __repr__(self) -> str:
        return f"<Registry of {len(self)} measures: {', '.join(self)}>"

    def with_measure(self, measure: Measure) -> Registry:
        """A new registry with ``measure`` added at the end (or replacing one of its name)."""
        items = dict(self._items)
        items[measure.name] = measure
        return Registry(items.values())

    def names(
        self,
        *,
        returns: Returns | None = None,
        in_report: bool | None = None,
        on_page: bool | None = None,
    ) -> tuple[str, ...]:
        """The names that match every filter given, in registry order."""
        return tuple(
            name
            for name, m in self._items.items()
            if (returns is None or m.returns == returns)
            and (in_report is None or m.in_report == in_report)
            and (on_page is None or m.on_page == on_page)
        )


MEASURES: Registry = Registry.of(
    degree,
    strength,
    betweenness,
    pn_centrality,
    bridging_centrality,
    closeness,
    harmonic,
    eigenvector,
    pagerank,
    constraint,
    effective_size,
    participation,
    bridging_coefficient,
    bridges,
    articulation_points,
    brokerage,
    key_players,
    balance,
    communities,
)
"""Every measure linkchart has, in report order: each declared where it is defined
(:func:`~linkchart.analysis._measure.measure`), listed here explicitly."""


def markdown_table(registry: Registry = MEASURES) -> str:
    """The registry as the Markdown table the README shows (a test keeps the two equal).

    Examples
    --------
    >>> print(markdown_table().splitlines()[0])
    | measure | returns | more is | cost | report | page | what it tells an analyst |
    """
    rows = [
        "| measure | returns | more is | cost | report | page | what it tells an analyst |",
        "|---|---|---|---|---|---|---|",
    ]
    for m in registry.values():
        more = "higher" if m.higher_is_more else "lower"
        options = ", ".join(f"{k}={v!r}" for k, v in m.options.items())
        meaning = m.meaning + (f" ({options})" if options else "")
        if m.signed:
            meaning += "; reads signs, shown where some relation is hostile"
        rows.append(
            f"| `{m.name}` | {m.returns} | {more if m.returns == 'node' else ''} | {m.cost} | "
            f"{'yes' if m.in_report else ''} | {'yes' if m.on_page else ''} | {meaning} |"
        )
    return "\n".join(rows) + "\n"
