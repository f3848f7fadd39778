"""The choices of one chart page (:class:`PageSpec`), declared once, and :func:`page_spec`.

Every field of :class:`PageSpec` is declared with :func:`~linkchart.options.option`:
its type (the choices of ``color_by``, ``highlight``, ``layout`` ... as ``Literal``
types), default, help and command-line flag. :func:`render_html`'s keywords, the
``render`` command's arguments and the checks are read from these declarations (see
:mod:`linkchart.options`); :meth:`PageSpec.check` refuses a choice that names nothing
before any work is done.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated, Any, Literal, cast, get_args

from ..analysis.over_time import MIN_DATED, check_min_dated
from ..analysis.reading import SIGN_READINGS, SignReading
from ..analysis.registry import MEASURES, Registry
from ..analysis.spec import (
    layers_option,
    min_dated_option,
    names,
    registry_option,
    seed_option,
    signs_option,
    size_by_option,
    undated_option,
)
from ..analysis.types import CONTEXT, LAYOUTS, Context, LayoutMethod, Seed
from ..arguments import MAX_DRAWS
from ..errors import LinkchartError, UnknownNameError
from ..options import Max, Min, option, selection
from ..times import Undated, check_undated

if TYPE_CHECKING:
    from ..model import LinkChart

__all__ = [
    "COLOR_BY",
    "CONTEXT",
    "HIGHLIGHTS",
    "SUMMARY_ABOVE_EDGES",
    "SUMMARY_ABOVE_NODES",
    "SUMMARY_NODES",
    "ColorBy",
    "Context",
    "Highlight",
    "PageSpec",
    "page_spec",
]

ColorBy = Literal["type", "community"]
"""What node colour can show: the node type (default) or the community."""

COLOR_BY: tuple[str, ...] = get_args(ColorBy)
"""Every :data:`ColorBy`."""


Highlight = Literal["bridges", "articulation_points", "brokers"]
"""What ``highlight`` can mark: bridge edges, articulation points, the top brokers."""

HIGHLIGHTS: tuple[str, ...] = get_args(Highlight)
"""Every :data:`Highlight`."""

SUMMARY_ABOVE_EDGES = 50_000
"""Above this many ties (or :data:`SUMMARY_ABOVE_NODES` actors) a page shows a summary view."""

SUMMARY_ABOVE_NODES = 20_000
"""Above this many actors (or :data:`SUMMARY_ABOVE_EDGES` ties) a page shows a summary view."""

SUMMARY_NODES = 2_000
"""How many actors a summary view shows: the top ones by the size measure (or by degree)."""


_highlight = selection(HIGHLIGHTS)
"""``highlight`` as a page holds it: ``True`` or ``"all"``: every mark; ``False``, ``None``: none."""


@dataclass(frozen=True, slots=True)
class PageSpec:
    """The choices of one rendering (see :func:`linkchart.render_html` for each)."""

    size_by: str | None = size_by_option()
    color_by: ColorBy = option("type", help="node colour (default: type)")
    measures: tuple[str, ...] | None = option(
        None,
        help="measures listed in the node panel (default: the registry's page measures)",
        metavar="M",
        choices_from="node_measure_names",
        kind="measure",
        convert=names,
    )
    highlight: tuple[Highlight, ...] = option(
        (),
        help="mark bridges, articulation_points, brokers, or all",
        metavar="WHAT",
        all_word="all",
        convert=_highlight,
    )
    top_brokers: Annotated[int, Min(0)] = option(
        5, help="brokers marked by highlight brokers (default 5)", metavar="N"
    )
    layout: LayoutMethod = option(
        "auto",
        help="layout method (default auto: community, groups apart and context around them)",
        kind="layout method",
    )
    seed: Seed = seed_option("layout seed (default 0); same seed, same bytes")
    edge_labels: bool | None = option(
        None,
        help="relation names on every tie where they fit (--no-edge-labels: only on hover and selection; "
        "default: also on the ties read where they fit, when at most 40 are in view)",
    )
    physics: bool = option(False, help="let the nodes move after opening")
    title: str | None = option(None, help="page title (default: the chart's title)")
    registry: Registry = registry_option()
    layers: tuple[str, ...] | str | None = layers_option()
    signs: SignReading | None = signs_option()
    draws: Annotated[int, Min(1), Max(MAX_DRAWS)] | None = option(
        200,
        help="Monte Carlo draws behind each rank interval of the node panel (default 200; none: none)",
        metavar="N",
        none_word="none",
    )
    exact: bool | None = option(None, help="exact measures however large the chart")
    summary: Annotated[int, Min(1)] | bool | None = option(
        None,
        help="draw only the N top actors by the size measure and the ties among them (default: "
        "2,000 above 50,000 ties or 20,000 actors)",
        metavar="N",
    )
    timeline: bool | None = option(
        None,
        help="no time slider (default: one on a dated chart)",
        flag="--no-timeline",
        const=False,
    )
    over_time: bool = option(False, help="the size measure per period in the node panel (with the slider)")
    undated: Undated = undated_option()
    min_dated: Annotated[float, Min(0), Max(1)] = min_dated_option("the time slider")
    context: Context = option(
        "recessive",
        help="the ties the reading leaves out and the actors with no tie read: drawn light and unlabelled "
        "until zoom or hover (recessive, default), like the rest (equal), or hidden; one control on the "
        "page brings them forward",
    )

    def reading(self) -> dict[str, Any]:
        """The reading arguments every measure of the page runs with."""
        return {"layers": self.layers, "signs": self.signs}

    def node_measure_names(self) -> tuple[str, ...]:
        """The per-node measures of :attr:`registry`: the choices of ``size_by`` and ``measures``."""
        return self.registry.names(returns="node")

    def check(self) -> None:
        """Raise for a choice that names nothing (before any work is done)."""
        if self.color_by not in COLOR_BY:
            raise UnknownNameError("color_by", self.color_by, COLOR_BY)
        if self.context not in CONTEXT:
            raise UnknownNameError("context", self.context, CONTEXT)
        if self.layout not in LAYOUTS:
            raise UnknownNameError("layout method", self.layout, LAYOUTS)
        for h in self.highlight:
            if h not in HIGHLIGHTS:
                raise UnknownNameError("highlight", h, HIGHLIGHTS)
        known = self.node_measure_names()
        for m in (*(self.measures or ()), *([self.size_by] if self.size_by else [])):
            if m not in known:
                raise UnknownNameError("measure", m, known)
        top = self.top_brokers
        if isinstance(top, bool) or not isinstance(top, int) or top < 0:
            raise LinkchartError(f"top_brokers must be a non-negative integer, not {self.top_brokers!r}")
        if self.signs is not None and self.signs not in SIGN_READINGS:
            raise UnknownNameError("signs", self.signs, SIGN_READINGS)
        check_undated(self.undated)
        check_min_dated(self.min_dated)
        cap = self.summary
        if cap is not None and not isinstance(cap, bool) and (not isinstance(cap, int) or cap < 1):
            raise LinkchartError(
                f"summary must be True, False, None or a positive number of actors, not {cap!r}",
                code="bad-argument",
            )

    def summary_size(self, chart: LinkChart) -> int | None:
        """How many actors the page of ``chart`` shows in a summary view, or ``None`` for all.

        ``summary=None`` (default): :data:`SUMMARY_NODES` when the chart has more than
        :data:`SUMMARY_ABOVE_EDGES` ties or :data:`SUMMARY_ABOVE_NODES` actors; ``False``:
        never; ``True``: :data:`SUMMARY_NODES`; a number: that many. A chart with no more
        actors than that is shown whole.
        """
        cap = self.summary
        if cap is None:
            big = chart.number_of_edges > SUMMARY_ABOVE_EDGES or chart.number_of_nodes > SUMMARY_ABOVE_NODES
            cap = SUMMARY_NODES if big else False
        if cap is True:
            cap = SUMMARY_NODES
        if cap is False or chart.number_of_nodes <= cap:
            return None
        return int(cap)

    def measure_names(self, chart: LinkChart | None = None) -> tuple[str, ...]:
        """The measures the page shows, in page order (``size_by`` always among them).

        By default the registry's ``on_page`` measures that apply to ``chart`` (the
        signed ones only where some relation is hostile).
        """
        if self.measures is not None:
            wanted = set(self.measures)
        else:
            wanted = {
                m
                for m in self.registry.names(returns="node", on_page=True)
                if chart is None or self.registry[m].applies_to(chart)
            }
        if self.size_by:
            wanted.add(self.size_by)
        return tuple(m for m in self.node_measure_names() if m in wanted)

    def lowest_first(self, name: str) -> bool:
        """Whether a lower value of ``name`` means more (constraint): ranked and sized so."""
        return not self.registry[name].higher_is_more


def page_spec(
    *,
    size_by: str | None = "betweenness",
    color_by: ColorBy = "type",
    measures: Sequence[str] | None = None,
    highlight: Iterable[str] | str | bool = (),
    top_brokers: int = 5,
    layout: LayoutMethod = "auto",
    seed: int = 0,
    edge_labels: bool | None = None,
    physics: bool = False,
    title: str | None = None,
    registry: Registry = MEASURES,
    layers: Iterable[str] | str | None = None,
    signs: SignReading | None = None,
    draws: int | None = 200,
    exact: bool | None = None,
    summary: int | bool | None = None,
    timeline: bool | None = None,
    over_time: bool = False,
    undated: Undated = "source",
    min_dated: float = MIN_DATED,
    context: Context = "recessive",
) -> PageSpec:
    """The choices of one page, checked, as a :class:`PageSpec` (arguments as for :func:`render_html`).

    Raises
    ------
    UnknownNameError
        For a choice that names nothing (a measure, colouring, highlight or layout).

    Examples
    --------
    >>> page_spec(size_by="pagerank", highlight="all").highlight
    ('bridges', 'articulation_points', 'brokers')
    """
    spec = PageSpec(
        size_by=size_by,
        color_by=color_by,
        measures=None if measures is None else tuple(measures),
        highlight=cast("tuple[Highlight, ...]", _highlight(highlight)),
        top_brokers=top_brokers,
        layout=layout,
        seed=seed,
        edge_labels=edge_labels,
        physics=physics,
        title=title,
        registry=registry,
        layers=layers if layers is None or isinstance(layers, str) else tuple(layers),
        signs=signs,
        draws=draws,
        exact=exact,
        summary=summary,
        timeline=timeline,
        over_time=over_time,
        undated=undated,
        min_dated=min_dated,
        context=context,
    )
    spec.check()
    return spec
