"""A static figure of a chart for briefings: SVG, PDF or PNG, drawn with matplotlib.

The figure shows what the HTML page shows — the same positions
(:mod:`linkchart.analysis.layout`), node colours and shapes (:mod:`linkchart.style`), sizes
(the same measure, the same scale) and the same encoding of ties, one visual variable per
meaning (:mod:`linkchart.figures.marks`: colour for layer, the bar ⊣ and a red tint for
hostile, an arrow for direction, the stroke for confidence) — with a legend of only what is
drawn, a title and a source line. Node shapes carry the
type, so the figure reads in greyscale. SVG and PDF keep labels as real text (selectable, searchable).

Labels are placed greedily, largest node first: each label tries eight positions around
its node and takes the first whose box, measured with matplotlib's renderer, overlaps no
label already placed and no node marker; a label with no free position is left out, and
the caption says how many were. On charts up to a few hundred nodes no two labels
overlap.
"""

from __future__ import annotations

import math
import os
import textwrap
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from .._version import __version__
from ..analysis.analyze import analyze
from ..analysis.findings import Findings
from ..analysis.layout import positions_array
from ..analysis.reading import reading as reading_of
from ..analysis.registry import MEASURES, Registry
from ..analysis.types import Context
from ..errors import UnknownNameError
from ..style import node_sizes, node_styles
from ._mpl import figure_bytes, figure_format, write_figure
from .briefing import briefing_view, today
from .marks import MARKERS, RECESSIVE_NODE, RECESSIVE_SCALE, draw_ties, what_is_drawn
from .marks import legend as legend_box
from .spec import BRIEFING_LABELS, FIGURE_FORMATS, PAPERS, FigureFormat, Paper, Preset

if TYPE_CHECKING:
    from ..model import LinkChart

__all__ = ["IMAGE_FORMATS", "draw_chart", "render_image"]

IMAGE_FORMATS: tuple[str, ...] = FIGURE_FORMATS
"""The formats a figure is drawn in (:data:`~linkchart.figures.spec.FIGURE_FORMATS`)."""
_OFFSETS = ((1, 0), (-1, 0), (0, 1), (0, -1), (1, 1), (-1, 1), (1, -1), (-1, -1))


def _overlaps(
    box: tuple[float, float, float, float], boxes: Iterable[tuple[float, float, float, float]]
) -> bool:
    x0, y0, x1, y1 = box
    return any(x0 < b[2] and b[0] < x1 and y0 < b[3] and b[1] < y1 for b in boxes)


def _caption(
    chart: LinkChart,
    size_by: str | None,
    omitted: int,
    label_top: int | None,
    drawn: str,
    date: str | None,
    context: int = 0,
) -> str:
    """The figure's caption: what is drawn (a briefing's), the sources, the size measure, the
    labels left out, of context or the few labelled, the date (a briefing's) and linkchart's
    version."""
    sources = "; ".join(s.title or s.id for s in chart.sources if s.title or s.location)
    parts = [drawn] if drawn else []
    if sources:
        parts.append(f"Source{'s' if len(chart.sources) > 1 else ''}: {sources}.")
    if size_by:
        parts.append(f"Node size: {size_by.replace('_', ' ')}.")
    if label_top is not None and label_top < chart.number_of_nodes:
        parts.append(f"Labelled: the {label_top} largest.")
    if omitted:
        parts.append(f"{omitted} label{'s' if omitted != 1 else ''} left out where they would overlap.")
    if context:
        parts.append(
            f"{context} actor{'s' if context != 1 else ''} with no tie read drawn light, unlabelled."
        )
    if drawn:
        parts.append(f"Drawn {date or today()} with linkchart {__version__}.")
    else:
        parts.append(f"linkchart {__version__}")
    return " ".join(parts)


def _context(chart: LinkChart, layers: Any, signs: Any) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """The rows of the ties the reading leaves out and of the actors with no tie read (none
    when nothing at all is read: then every tie is drawn as it is, as the layout does)."""
    is_read = reading_of(chart, layers=layers, signs=signs).edges_read()
    e = chart.edges
    if not is_read.any():
        return (), ()
    touched = np.zeros(chart.number_of_nodes, dtype=bool)
    touched[e.src[is_read]] = True
    touched[e.dst[is_read]] = True
    return tuple(np.flatnonzero(~is_read).tolist()), tuple(np.flatnonzero(~touched).tolist())


def _kept(size: int, left_out: Sequence[int]) -> npt.NDArray[np.bool_]:
    keep = np.ones(size, dtype=bool)
    keep[list(left_out)] = False
    return keep


def render_image(
    source: LinkChart | Findings,
    path: str | os.PathLike[str],
    *,
    size_by: str | None = "betweenness",
    highlight: Sequence[str] = (),
    legend: bool = True,
    dpi: int = 300,
    title: str | None = None,
    layout: str = "auto",
    seed: int = 0,
    layers: Iterable[str] | str | None = None,
    signs: str | None = None,
    width: float = 12.0,
    height: float = 8.0,
    registry: Registry | None = None,
    preset: Preset | None = None,
    paper: Paper | None = None,
    label_top: int | None = None,
    date: str | None = None,
    context: Context = "recessive",
) -> Path:
    """Draw a chart as a static figure and write it; the format follows ``path`` (``.svg``,
    ``.pdf``, ``.png``): :func:`draw_chart` then one write step (atomic, never over the chart's
    own file). The other arguments are :func:`draw_chart`'s.

    Returns
    -------
    Path

    Raises
    ------
    LinkchartError
        For an extension other than ``.svg``, ``.pdf`` or ``.png``, or a file that
        cannot be written.
    """
    chart = source.chart if isinstance(source, Findings) else source
    data = draw_chart(
        source,
        format=figure_format(path),
        size_by=size_by,
        highlight=highlight,
        legend=legend,
        dpi=dpi,
        title=title,
        layout=layout,
        seed=seed,
        layers=layers,
        signs=signs,
        width=width,
        height=height,
        registry=registry,
        preset=preset,
        paper=paper,
        label_top=label_top,
        date=date,
        context=context,
    )
    return write_figure(data, path, inputs=chart.files)


def draw_chart(
    source: LinkChart | Findings,
    *,
    format: FigureFormat = "svg",
    size_by: str | None = "betweenness",
    highlight: Sequence[str] = (),
    legend: bool = True,
    dpi: int = 300,
    title: str | None = None,
    layout: str = "auto",
    seed: int = 0,
    layers: Iterable[str] | str | None = None,
    signs: str | None = None,
    width: float = 12.0,
    height: float = 8.0,
    registry: Registry | None = None,
    preset: Preset | None = None,
    paper: Paper | None = None,
    label_top: int | None = None,
    date: str | None = None,
    context: Context = "recessive",
) -> bytes:
    """A chart as a static figure: the bytes of ``format`` (``"svg"``, ``"pdf"``, ``"png"``).

    Parameters
    ----------
    source
        The chart (or a view), or the findings of an analysis of it
        (:func:`linkchart.analyze`): the figure presents them; what they lack (the size
        measure, the highlights, the positions) is analysed first.
    format
        ``"svg"`` (default; labels as text), ``"pdf"`` or ``"png"``.
    size_by
        The per-node measure that sizes nodes (as on the page), or ``None``.
    highlight
        ``"bridges"`` (thick dark ties) and/or ``"articulation_points"`` (a dark ring).
    legend
        Draw the legend: node types (shape and colour), layers, hostile ties, confidence.
    dpi
        Resolution of a PNG (default 300, print quality).
    title
        The figure's title (default the chart's title).
    layout, seed
        As for the page: the same layout and seed give the same positions.
    layers, signs
        The reading of the sizing measure and the highlights (default: positive ties of
        the default layers). Every tie is drawn.
    width, height
        The figure's size in inches.
    registry
        Where ``size_by`` and the highlights are looked up (default: the findings', else
        :data:`linkchart.MEASURES`).
    preset
        ``"briefing"``: a page to brief from. Only the reading's actors and ties (and the
        hostile ties among them, :func:`~linkchart.figures.briefing.briefing_view`), the
        largest :data:`~linkchart.figures.spec.BRIEFING_LABELS` labelled, a caption with
        what is drawn and left out, the sources and the date, on a landscape ``paper``
        (default A4).
    paper
        ``"a4"`` or ``"letter"``: the figure is that page, landscape (``width`` and
        ``height`` are then the page's).
    label_top
        Label only the ``label_top`` largest nodes (default: every label that fits).
    date
        The briefing's date in its caption (default :func:`~linkchart.figures.briefing.today`).
    context
        How the ties the reading leaves out (hostile, neutral, other layers) and the actors
        with no tie read are drawn: ``"recessive"`` (light, smaller, unlabelled; the legend
        says so), ``"equal"`` or ``"hidden"``, as on the page (a briefing draws its own view).

    Returns
    -------
    bytes

    Raises
    ------
    UnknownNameError
        For a ``size_by`` that is not a per-node measure of the registry.
    """
    # long: the drawing, its legend, labels and caption in one pass
    import matplotlib
    from matplotlib.colors import to_rgba
    from matplotlib.figure import Figure

    chart = source.chart if isinstance(source, Findings) else source
    if registry is None:
        registry = source.spec.registry if isinstance(source, Findings) else MEASURES
    measures = registry
    drawn_note = ""
    if preset == "briefing":  # the reading's view is analysed afresh: its own positions and sizes
        chart, drawn_note = briefing_view(chart, layers, signs)
        source = chart
        label_top = label_top or BRIEFING_LABELS
        paper = paper or "a4"
    if paper is not None:
        width, height = PAPERS[paper]
    faint_edges, faint_nodes = _context(chart, layers, signs) if preset != "briefing" else ((), ())
    if context == "hidden" and (faint_edges or faint_nodes):
        kept_rows = np.flatnonzero(_kept(chart.number_of_nodes, faint_nodes))
        chart = chart._view(kept_rows, _kept(chart.number_of_edges, faint_edges))
        source, faint_edges, faint_nodes = chart, (), ()
    elif context == "equal":
        faint_edges, faint_nodes = (), ()
    vocab = chart.vocabulary
    n = chart.number_of_nodes
    if size_by and size_by not in measures.names(returns="node"):
        raise UnknownNameError("measure", size_by, measures.names(returns="node"))
    found = analyze(
        source,
        registry=registry,
        measures=(size_by,) if size_by and n else (),
        sections=tuple(h for h in ("bridges", "articulation_points") if h in highlight),
        layers=layers,
        signs=signs,
        seed=seed,
        firm=None,
        draws=None,
    )
    styles = node_styles(vocab)
    if size_by and n:
        sizes = node_sizes(found.values(size_by), not measures[size_by].higher_is_more)
    else:
        sizes = [14.0] * n
    # the page's positions when it is sized by the same measure (the layout keeps nodes apart at their size)
    # (a briefing lays out every tie it draws, the hostile ones too: none runs across the page)
    reading: dict[str, Any] = {"layers": layers, "signs": "all" if preset == "briefing" else signs}
    xy = positions_array(chart, method=layout, seed=seed, sizes=sizes, **reading) if n else np.zeros((0, 2))
    marker_area = [(s * 0.9) ** 2 for s in sizes]  # points^2, about the page's pixel radius
    faint_set = set(faint_nodes)
    for i in faint_set:  # context: smaller, as on the page
        marker_area[i] *= RECESSIVE_SCALE**2
    bridges: set[str] = set()
    cuts: set[str] = set()
    if "bridges" in highlight:
        bridges = {eid for b in found.structure("bridges") for eid in b.edge_ids}
    if "articulation_points" in highlight:
        cuts = {c.node_id for c in found.structure("articulation_points")}

    with matplotlib.rc_context(
        {"svg.fonttype": "none", "pdf.fonttype": 42, "svg.hashsalt": "linkchart", "font.size": 8}
    ):
        fig = Figure(figsize=(width, height), dpi=100, layout="constrained")
        ax = fig.add_subplot()
        ax.set_axis_off()
        ax.set_aspect("equal")
        drawn = what_is_drawn(chart)
        type_names = vocab.node_type_names
        codes = chart.nodes.type.tolist()
        for code, name in enumerate(type_names):
            rows = [i for i in range(n) if codes[i] == code]
            if not rows:
                continue
            style = styles[name]
            ax.scatter(
                xy[rows, 0],
                xy[rows, 1],
                s=[marker_area[i] for i in rows],
                c=[to_rgba(style.color, RECESSIVE_NODE if i in faint_set else 1.0) for i in rows],
                marker=MARKERS.get(style.shape, "o"),
                edgecolors=["#111111" if chart.node_ids[i] in cuts else "white" for i in rows],
                linewidths=[2.5 if chart.node_ids[i] in cuts else 0.6 for i in rows],
                zorder=2,
            )
        if n:
            pad = 0.08 * max(np.ptp(xy[:, 0]), np.ptp(xy[:, 1]), 1e-9)
            ax.set_xlim(xy[:, 0].min() - pad, xy[:, 0].max() + pad)
            ax.set_ylim(xy[:, 1].min() - pad, xy[:, 1].max() + pad)
        ax.set_title(title if title is not None else chart.title, fontsize=12, loc="left")
        if legend:
            legend_box(fig, chart, drawn, context=(len(faint_edges), len(faint_nodes)))
        # labels: greedy, collision-aware (see the module notes)
        from matplotlib.backends.backend_agg import FigureCanvasAgg

        renderer = FigureCanvasAgg(fig).get_renderer()  # type: ignore[no-untyped-call]
        fig.draw_without_rendering()
        # the ties once the layout is done: their marked ends cut back to the node markers
        draw_ties(ax, chart, xy, [math.sqrt(a) / 2 for a in marker_area], bold=bridges, faint=faint_edges)
        to_display = ax.transData
        node_boxes = []
        for i in range(n):
            x, y = to_display.transform(xy[i])
            r = math.sqrt(marker_area[i]) / 2 * fig.dpi / 72
            node_boxes.append((x - r, y - r, x + r, y + r))
        placed: list[tuple[float, float, float, float]] = []
        omitted = 0
        labels = chart.nodes.labels.tolist()
        candidates = [j for j in sorted(range(n), key=lambda j: (-sizes[j], j)) if j not in faint_set]
        for i in candidates[:label_top]:
            x, y = to_display.transform(xy[i])
            r = math.sqrt(marker_area[i]) / 2 * fig.dpi / 72 + 2
            text = ax.text(0, 0, str(labels[i]), fontsize=7.5, zorder=3)
            text.set_in_layout(False)  # placed after the layout: it must not move the axes again
            extent = text.get_window_extent(renderer)
            w, h = extent.width, extent.height
            chosen = None
            others = node_boxes[:i] + node_boxes[i + 1 :]  # once per label, not per position
            for dx, dy in _OFFSETS:
                cx = x + dx * (r + w / 2) if dx else x
                cy = y + dy * (r + h / 2) if dy else y
                box = (cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2)
                if not _overlaps(box, placed) and not _overlaps(box, others):
                    chosen = (cx, cy, box)
                    break
            if chosen is None:
                text.remove()
                omitted += 1
                continue
            cx, cy, box = chosen
            placed.append(box)
            px, py = to_display.inverted().transform((cx, cy))
            text.set_position((float(px), float(py)))
            text.set_horizontalalignment("center")
            text.set_verticalalignment("center")
        caption = _caption(
            chart, size_by, omitted, label_top, drawn_note, date if preset else None, len(faint_set)
        )
        fig.supxlabel(
            "\n".join(textwrap.wrap(caption, int(width * 72 / 3.6))) if preset else caption,
            fontsize=6.5, color="#444444", ha="left", x=0.01,
        )  # fmt: skip
        data = figure_bytes(fig, format, dpi=dpi)
    return data
