"""The marks of a chart figure: its ties, drawn with one visual variable per meaning, and a
legend of only what is drawn.

The encoding is the page's (:mod:`linkchart.style`): a tie's colour is its layer (or, on a
chart of one layer with no hostile relation, its relation); a hostile tie is tinted
:data:`~linkchart.style.HOSTILE_COLOR` and ends in a bar (⊣) where the hostility lands (at
both ends when the relation is undirected), in place of the arrow; a directed tie ends in
an arrow at its target; confidence is the stroke (dashed when hedged, faded when least
certain, :func:`~linkchart.style.confidence_strokes`), never the end mark or the tint.
Each tie is one SVG group whose id says what it ends in (``tie-N-arrow``, ``tie-N-bar``,
``tie-N``), so a reader (or a test) can count what is drawn.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from ..style import (
    HOSTILE_COLOR,
    confidence_strokes,
    drawn_levels,
    layer_colors,
    node_styles,
    relation_colors,
)

if TYPE_CHECKING:
    import numpy.typing as npt

    from ..model import LinkChart
    from ..vocabulary import Relation

__all__ = ["MARKERS", "Drawn", "draw_ties", "legend", "legend_handles", "what_is_drawn"]

MARKERS = {
    "dot": "o", "circle": "o", "ellipse": "o", "square": "s", "box": "s", "triangle": "^",
    "triangleDown": "v", "diamond": "D", "star": "*", "hexagon": "h", "database": "s", "text": "o",
}  # fmt: skip
"""The matplotlib marker of each vis-network shape (the page's node shapes)."""

_HEAD = 9.0  # the arrow head's and the bar's size, in points


@dataclass
class Drawn:
    """What a figure drew, in the vocabulary's order: what its legend lists.

    Attributes
    ----------
    types
        The node types of the nodes drawn.
    relations
        The relations of the ties drawn (named in the legend when colour means relation).
    layers
        The layers of the positive ties drawn (named when colour means layer).
    hostile, directed
        Ties drawn with the hostile bar, with an arrow.
    levels
        The confidence levels of the ties drawn.
    """

    types: list[str] = field(default_factory=list)
    relations: list[str] = field(default_factory=list)
    layers: list[str] = field(default_factory=list)
    hostile: int = 0
    directed: int = 0
    levels: list[str] = field(default_factory=list)


RECESSIVE_NODE = 0.35
"""The opacity of a context actor (no tie read), as on the page."""
RECESSIVE_EDGE = 0.2
"""The most opacity of a context tie (its relation not read), as on the page."""
RECESSIVE_SCALE = 0.6
"""A context actor's size, as a share of its own."""


def _style(kind: str, width: float) -> str:
    if kind == "arrow":
        return f"-|>,head_length={0.5 * _HEAD / width:.3f},head_width={0.3 * _HEAD / width:.3f}"
    if kind == "bar":
        return f"-[,widthB={0.45 * _HEAD / width:.3f},lengthB=0"
    if kind == "bars":
        return f"]-[,widthA={0.45 * _HEAD / width:.3f},lengthA=0,widthB={0.45 * _HEAD / width:.3f},lengthB=0"
    return "-"


def what_is_drawn(chart: LinkChart) -> Drawn:
    """What :func:`draw_ties` and the node markers draw of ``chart``: what its legend lists."""
    vocab = chart.vocabulary
    e = chart.edges
    shown = e.src != e.dst  # loops are not drawn
    used_rel = set(e.relation[shown].tolist())
    relations = [vocab.relations[i] for i in sorted(used_rel)]
    marked = [kind for kind in (_kind(vocab.relations[r]) for r in e.relation[shown].tolist())]
    by_colour = len(vocab.layers) > 1 or vocab.signed
    positive = {r.layer for r in relations if not r.negative}
    used_level = set(e.confidence[shown].tolist())
    codes = set(chart.nodes.type.tolist())
    return Drawn(
        types=[t for i, t in enumerate(vocab.node_type_names) if i in codes],
        relations=[r.name for r in relations],
        layers=[name for name in vocab.layers if name in positive] if by_colour else [],
        hostile=sum(kind.startswith("bar") for kind in marked),
        directed=sum(kind == "arrow" for kind in marked),
        levels=[lv for i, lv in enumerate(vocab.confidence.levels) if i in used_level],
    )


def _kind(relation: Relation) -> str:
    """A tie's end mark: ``"bar"`` (hostile; ``"bars"``, both ends, when undirected),
    ``"arrow"`` (directed) or ``""``."""
    if relation.negative:
        return "bar" if relation.directed else "bars"
    return "arrow" if relation.directed else ""


def draw_ties(
    ax: Any,
    chart: LinkChart,
    xy: npt.NDArray[Any],
    radii: list[float],
    *,
    bold: Collection[str] = (),
    faint: Collection[int] = (),
) -> None:
    """Draw every tie of ``chart`` (but loops) on ``ax`` between the node positions ``xy``,
    a marked end stopping at its node's marker (``radii``, in points).

    Call it once the figure's layout is done (``fig.draw_without_rendering()``): the ends
    are cut back in display space, once, rather than by matplotlib at every draw (ten times
    faster on a chart of 3,000 ties); the ties are not part of the layout (they lie inside
    the axes' limits). The ties of rows ``faint`` (context: not read) are drawn light and
    thin."""
    import matplotlib.colors
    from matplotlib.patches import FancyArrowPatch

    vocab = chart.vocabulary
    rel_colors = relation_colors(vocab)
    strokes = confidence_strokes(vocab.confidence)
    e = chart.edges
    kinds = [_kind(r) for r in vocab.relations]
    ends = _cut(ax, xy, e.src, e.dst, np.asarray(radii, dtype=np.float64), e.relation, kinds)
    rows = zip(e.src.tolist(), e.dst.tolist(), e.relation.tolist(), strict=True)
    drawn = drawn_levels(vocab.confidence, e.probability)  # as sure as the measures read it
    light = set(faint)
    for k, (a, b, rel) in enumerate(rows):
        if a == b:
            continue
        stroke = strokes[drawn[k]]
        relation = vocab.relations[rel]
        kind = kinds[rel]
        width = stroke.width * (2.2 if e.id_of(k) in bold else 0.6)
        alpha = max(stroke.opacity, 0.25)
        if k in light:
            alpha, width = min(alpha, RECESSIVE_EDGE), width * RECESSIVE_SCALE
        color = matplotlib.colors.to_rgba(rel_colors[relation.name], alpha=alpha)
        patch = FancyArrowPatch(
            tuple(ends[k, 0]),
            tuple(ends[k, 1]),
            arrowstyle=_style(kind, width),
            mutation_scale=width,
            shrinkA=0,
            shrinkB=0,
            color=color,
            linewidth=width,
            linestyle=(0, (4, 3)) if stroke.dashes else "solid",
            joinstyle="miter",
            capstyle="butt",
            zorder=1,
        )
        patch.set_gid(f"tie-{k}-{kind}" if kind else f"tie-{k}")
        patch.set_in_layout(False)
        ax.add_artist(patch)  # not add_patch: the limits are set, no need to grow them per tie


def _cut(
    ax: Any,
    xy: npt.NDArray[Any],
    src: npt.NDArray[Any],
    dst: npt.NDArray[Any],
    radii: npt.NDArray[np.float64],
    relation: npt.NDArray[Any],
    kinds: list[str],
) -> npt.NDArray[np.float64]:
    """Each tie's two ends in data coordinates, a marked end cut back to its node's marker
    (``radii`` in points): shape ``(edges, 2, 2)``."""
    m = len(src)
    if not m or not len(xy):
        return np.zeros((m, 2, 2))
    px = ax.figure.dpi / 72.0
    start = ax.transData.transform(xy[src])
    end = ax.transData.transform(xy[dst])
    d = end - start
    length = np.hypot(d[:, 0], d[:, 1])
    unit = d / np.where(length > 0, length, 1.0)[:, None]
    kind = np.array(kinds or [""], dtype=object)[relation]
    cut_a = np.where(kind == "bars", radii[src] * px, 0.0)
    cut_b = np.where(kind != "", (radii[dst] + 1.0) * px, 0.0)
    room = length > cut_a + cut_b + 2.0  # nodes that touch keep their tie whole
    start = start + unit * np.where(room, cut_a, 0.0)[:, None]
    end = end - unit * np.where(room, cut_b, 0.0)[:, None]
    back = ax.transData.inverted()
    out: npt.NDArray[np.float64] = np.stack([back.transform(start), back.transform(end)], axis=1)
    return out


def _swatch(kind: str, color: str, label: str) -> Any:
    """A legend entry drawn as the tie itself: a line ending in its mark (see :func:`legend`)."""
    from matplotlib.patches import FancyArrowPatch

    return FancyArrowPatch((0, 0), (1, 0), arrowstyle=_style(kind, 1.2), mutation_scale=1.2, color=color,
                           linewidth=1.2, label=label)  # fmt: skip


def _draw_swatch(
    legend: Any,
    orig_handle: Any,
    xdescent: float,
    ydescent: float,
    width: float,
    height: float,
    fontsize: float,
) -> Any:
    from matplotlib.patches import FancyArrowPatch

    y = height / 2 - ydescent
    return FancyArrowPatch((-xdescent, y), (width - xdescent - 1, y), arrowstyle=orig_handle.get_arrowstyle(),
                           mutation_scale=1.2, linewidth=1.2, color=orig_handle.get_edgecolor())  # fmt: skip


def legend(fig: Any, chart: LinkChart, drawn: Drawn, *, context: tuple[int, int] = (0, 0)) -> Any:
    """Draw the legend of what was drawn (:func:`legend_handles`) beside the chart, the
    hostile and directed entries as the ties themselves; ``None`` when there is nothing to list.
    Its SVG group's id is ``legend``."""
    from matplotlib.legend_handler import HandlerPatch
    from matplotlib.patches import FancyArrowPatch

    handles = legend_handles(chart, drawn, context=context)
    if not handles:
        return None
    ends = {h: HandlerPatch(patch_func=_draw_swatch) for h in handles if isinstance(h, FancyArrowPatch)}
    box = fig.legend(handles=handles, handler_map=ends, loc="outside right upper", fontsize=7, frameon=False)
    box.set_gid("legend")
    return box


def legend_handles(chart: LinkChart, drawn: Drawn, *, context: tuple[int, int] = (0, 0)) -> list[Any]:
    """The legend's entries for what was drawn, and only that: node types (and their classes
    when the types drawn are of several), ties by colour (layers, or relations on a chart of
    one layer with no hostile relation), hostile ties (⊣), directed ties (→), confidence, and
    the context drawn light (``context``: how many ties and actors the reading leaves out)."""
    from matplotlib.lines import Line2D

    vocab = chart.vocabulary
    styles = node_styles(vocab)
    classes = {vocab.node_type(t).node_class for t in drawn.types} - {None}

    def named(t: str) -> str:
        c = vocab.node_type(t).node_class
        return f"{t} ({c})" if len(classes) > 1 and c and c != t else t

    handles: list[Any] = [
        Line2D([], [], linestyle="none", marker=MARKERS.get(styles[t].shape, "o"), markeredgecolor="white",
               markerfacecolor=styles[t].color, markersize=7, label=named(t))
        for t in drawn.types
    ]  # fmt: skip
    if drawn.layers:
        colors = layer_colors(vocab)
        handles += [
            Line2D([], [], color=colors[name], linewidth=2, label=f"{name} ties") for name in drawn.layers
        ]
    elif not (len(vocab.layers) > 1 or vocab.signed):
        colors = relation_colors(vocab)
        handles += [
            Line2D([], [], color=colors[r], linewidth=2, label=r.replace("_", " ")) for r in drawn.relations
        ]
    if drawn.hostile:
        handles.append(_swatch("bar", HOSTILE_COLOR, "hostile ties (\u22a3)"))
    if drawn.directed:
        handles.append(_swatch("arrow", "#444444", "directed (arrow at the target)"))
    strokes = confidence_strokes(vocab.confidence)
    handles += [
        Line2D([], [], color="#444444", linewidth=strokes[lv].width * 0.6,
               alpha=max(strokes[lv].opacity, 0.25),
               linestyle=(0, (4, 3)) if strokes[lv].dashes else "solid", label=lv)
        for lv in drawn.levels
    ]  # fmt: skip
    ties, actors = context
    if ties or actors:
        handles.append(Line2D([], [], color="#444444", linewidth=1, alpha=RECESSIVE_EDGE,
                              label=f"light: not read ({ties} ties: hostile, neutral or other layers; "
                                    f"{actors} actors with no tie read)"))  # fmt: skip
    return handles
