"""The choices of one static figure (:class:`FigureSpec`), declared once.

A figure presents the findings of an analysis as an SVG, PDF or PNG drawing. What it
needs computed (the size measure, the highlights, the positions: layout and seed, the
reading) is an :class:`~linkchart.analysis.spec.AnalysisSpec`; a ``FigureSpec`` holds
what only the drawing chooses. Each field is declared with
:func:`~linkchart.options.option`, so :func:`linkchart.render_image`'s keywords and the
``render -o FIGURE`` arguments are read from the same declaration.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any, Literal, get_args

from ..analysis.registry import Registry
from ..analysis.spec import registry_option, size_by_option
from ..options import Max, Min, option, replace, selection

__all__ = [
    "BRIEFING_LABELS",
    "FIGURE_FORMATS",
    "FIGURE_HIGHLIGHTS",
    "PAPERS",
    "FigureFormat",
    "FigureHighlight",
    "FigureSpec",
    "Paper",
    "Preset",
]

FigureFormat = Literal["svg", "pdf", "png"]
"""The formats a figure is drawn in (the path's extension chooses)."""

FIGURE_FORMATS: tuple[str, ...] = get_args(FigureFormat)
"""Every :data:`FigureFormat`."""

FigureHighlight = Literal["bridges", "articulation_points"]
"""What a figure can mark: bridge ties (thick and dark) and articulation points (a dark ring)."""

FIGURE_HIGHLIGHTS: tuple[str, ...] = get_args(FigureHighlight)
"""Every :data:`FigureHighlight`."""

Preset = Literal["briefing"]
"""A set of choices made together: ``briefing``, a page to brief from (the reading's actors,
the top few labelled, a caption with the reading, the sources and the date, on a landscape
A4 or Letter page)."""

Paper = Literal["a4", "letter"]
"""A paper size, drawn landscape."""

PAPERS: dict[str, tuple[float, float]] = {"a4": (297 / 25.4, 210 / 25.4), "letter": (11.0, 8.5)}
"""Each :data:`Paper`'s landscape width and height in inches (A4: 841.9 x 595.3 points)."""

BRIEFING_LABELS = 12
"""How many nodes the briefing preset labels (the largest) unless ``label_top`` says."""


@dataclass(frozen=True, slots=True)
class FigureSpec:
    """The drawing's own choices (see :func:`linkchart.render_image`)."""

    size_by: str | None = size_by_option()
    highlight: tuple[FigureHighlight, ...] = option(
        (),
        help="mark bridges and/or articulation_points, or all",
        metavar="WHAT",
        all_word="all",
        convert=selection(FIGURE_HIGHLIGHTS),
    )
    legend: bool = option(True, help="draw the legend: node types, layers, hostile ties, confidence")
    dpi: Annotated[int, Min(1), Max(2400)] = option(
        300, help="resolution of a PNG (default 300)", metavar="DPI"
    )
    width: Annotated[float, Min(1), Max(100)] = option(
        12.0, help="width in inches (default 12)", metavar="IN"
    )
    height: Annotated[float, Min(1), Max(100)] = option(
        8.0, help="height in inches (default 8)", metavar="IN"
    )
    title: str | None = option(None, help="the figure's title (default: the chart's title)")
    preset: Preset | None = option(
        None,
        help="briefing: the reading's actors and ties (and the hostile ties among them), the largest "
        f"{BRIEFING_LABELS} labelled, a caption with the reading, the sources and the date, on a "
        "landscape page (--paper)",
    )
    paper: Paper | None = option(
        None, help="draw on a landscape A4 or Letter page (sets the size; the briefing's default a4)"
    )
    label_top: Annotated[int, Min(1)] | None = option(
        None, help="label only the N largest nodes (default: every label that fits)", metavar="N"
    )
    registry: Registry = registry_option()

    def node_measure_names(self) -> tuple[str, ...]:
        """The per-node measures of :attr:`registry`: the choices of ``size_by``."""
        return self.registry.names(returns="node")

    def replace(self, **options: Any) -> FigureSpec:
        """This spec with some options changed, converted and checked (:func:`linkchart.options.replace`)."""
        changed: FigureSpec = replace(self, **options)
        return changed
