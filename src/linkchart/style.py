"""How a chart looks: colours and shapes of node types, colours and strokes of relations.

Everything here is a pure function of the vocabulary, so the same chart always gets
the same colours. Node types keep the colour and shape the file declares; the rest get
the next colour of a fixed palette. Confidence is drawn as the stroke: ties the source
states plainly are solid, hedged ties are dashed, and the least certain are faded too.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from .model.views import at_least
from .vocabulary import ConfidenceScale, Vocabulary

__all__ = [
    "HOSTILE_COLOR",
    "LAYER_PALETTE",
    "MAX_SIZE",
    "MIN_SIZE",
    "NODE_PALETTE",
    "NODE_SHAPES",
    "RELATION_PALETTE",
    "VISIONS",
    "EdgeStroke",
    "NodeStyle",
    "color_distance",
    "confidence_strokes",
    "drawn_levels",
    "layer_colors",
    "node_sizes",
    "node_styles",
    "relation_colors",
]

NODE_PALETTE: tuple[str, ...] = (
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
    "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf",
)  # fmt: skip
"""Colours for node types that declare none (d3's category10), taken in order, skipping used ones."""

RELATION_PALETTE: tuple[str, ...] = (
    "#4e79a7", "#e15759", "#59a14f", "#b07aa1", "#f28e2b",
    "#76b7b2", "#9c755f", "#edc948", "#ff9da7", "#bab0ac",
    "#2f4b7c", "#a05195", "#665191", "#d45087", "#003f5c",
)  # fmt: skip
"""Colours of relations, in declaration order (Tableau 10, then five darker tones), cycling."""

LAYER_PALETTE: tuple[str, ...] = (
    "#0072b2", "#c77c00", "#009e73", "#cc79a7", "#56b4e9", "#666666", "#393b79",
)  # fmt: skip
"""Colours of layers, in the order relations name them (no red, which means hostile).

Okabe and Ito's colour-blind-safe set (its orange darkened to show as a line on white),
without its yellow (too light for a line) and vermillion (red means hostile), then grey
and indigo: any two of these and :data:`HOSTILE_COLOR` stay at least 12 CIEDE2000 units
apart for normal vision and as simulated for deuteranopia and protanopia
(:func:`color_distance`), so a reader who confuses red and green still tells the layers
apart; beyond seven layers the colours repeat."""

HOSTILE_COLOR = "#c0392b"
"""The colour of every hostile (negative) tie."""

NODE_SHAPES: frozenset[str] = frozenset(
    {"dot", "square", "triangle", "triangleDown", "diamond", "star", "hexagon",
     "ellipse", "circle", "box", "database", "text"}
)  # fmt: skip
"""vis-network shapes a node type may declare (image shapes, which load files, are not offered)."""

LABEL_INSIDE: frozenset[str] = frozenset({"ellipse", "circle", "box", "database", "text"})
"""Shapes that vis-network sizes by their label rather than by ``size``."""

_FALLBACK_SHAPES = ("dot", "square", "triangle", "diamond", "star", "hexagon", "triangleDown")
_CSS_COLOR = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$|^[a-zA-Z]{3,20}$")


@dataclass(frozen=True, slots=True)
class NodeStyle:
    """The look of one node type: a CSS colour and a vis-network shape."""

    color: str
    shape: str


@dataclass(frozen=True, slots=True)
class EdgeStroke:
    """The stroke of one confidence level.

    Attributes
    ----------
    dashes
        Whether the line is dashed (the tie is hedged in the source).
    opacity
        Line opacity in (0, 1]; faded for the least certain ties.
    width
        Line width in px.
    """

    dashes: bool
    opacity: float
    width: float


def _safe_color(value: str | None) -> str | None:
    """``value`` if it is a plain hex or named CSS colour, else ``None``."""
    if value and _CSS_COLOR.match(value):
        return value
    return None


def node_styles(vocabulary: Vocabulary) -> dict[str, NodeStyle]:
    """The colour and shape of each node type, keyed by type name, in declaration order.

    A declared colour is kept when it is a hex (``#rgb``/``#rrggbb``) or named CSS
    colour; any other value, like a missing one, gets the next unused colour of
    :data:`NODE_PALETTE`. A declared shape is kept when vis-network draws it without
    loading a file; otherwise types get distinct shapes in turn.

    Examples
    --------
    >>> from linkchart.vocabulary import NodeType, Vocabulary
    >>> v = Vocabulary(node_types=(NodeType("state", "#1f77b4", "square"), NodeType("clan")))
    >>> node_styles(v)
    {'state': NodeStyle(color='#1f77b4', shape='square'), 'clan': NodeStyle(color='#ff7f0e', shape='square')}
    """
    declared = {c.lower() for t in vocabulary.node_types if (c := _safe_color(t.color))}
    spare = [c for c in NODE_PALETTE if c not in declared] or list(NODE_PALETTE)
    out: dict[str, NodeStyle] = {}
    k = 0
    for i, t in enumerate(vocabulary.node_types):
        color = _safe_color(t.color)
        if color is None:
            color = spare[k % len(spare)]
            k += 1
        shape = t.shape if t.shape in NODE_SHAPES else _FALLBACK_SHAPES[i % len(_FALLBACK_SHAPES)]
        out[t.name] = NodeStyle(color, shape)
    return out


def layer_colors(vocabulary: Vocabulary) -> dict[str, str]:
    """The colour of each layer's positive ties, keyed by layer name (no red: red is hostile).

    Examples
    --------
    >>> from linkchart.vocabulary import Relation, Vocabulary
    >>> layer_colors(Vocabulary(relations=(Relation("funds", layer="operational"),
    ...     Relation("lies_in", layer="geography"))))
    {'operational': '#0072b2', 'geography': '#c77c00'}
    """
    return {name: LAYER_PALETTE[i % len(LAYER_PALETTE)] for i, name in enumerate(vocabulary.layers)}


def relation_colors(vocabulary: Vocabulary) -> dict[str, str]:
    """The colour of each relation, keyed by name, in declaration order.

    With layers or hostile relations, a colour means something: every positive relation
    of one layer has the layer's colour (:func:`layer_colors`), and every hostile
    relation is :data:`HOSTILE_COLOR`; the relation's name is on the edge. Without
    either (one layer, all positive), each relation gets its own colour.

    Examples
    --------
    >>> from linkchart.vocabulary import Relation, Vocabulary
    >>> relation_colors(Vocabulary(relations=(Relation("finances"), Relation("borders"))))
    {'finances': '#4e79a7', 'borders': '#e15759'}
    >>> relation_colors(Vocabulary(relations=(Relation("funds", layer="ops"),
    ...     Relation("fights", layer="ops", sign="negative"), Relation("arms", layer="ops"))))
    {'funds': '#0072b2', 'fights': '#c0392b', 'arms': '#0072b2'}
    """
    if len(vocabulary.layers) <= 1 and not vocabulary.signed:
        return {
            r.name: RELATION_PALETTE[i % len(RELATION_PALETTE)] for i, r in enumerate(vocabulary.relations)
        }
    by_layer = layer_colors(vocabulary)
    return {r.name: HOSTILE_COLOR if r.negative else by_layer[r.layer] for r in vocabulary.relations}


def confidence_strokes(scale: ConfidenceScale) -> dict[str, EdgeStroke]:
    """The stroke of each confidence level, keyed by level name, most certain first.

    A level of probability 0.6 or more is drawn solid, a lower one dashed; a level
    below 0.4 is also faded. Width grows with probability, from 1 to 3 px.

    Examples
    --------
    >>> from linkchart.vocabulary import ConfidenceScale
    >>> for level, s in confidence_strokes(ConfidenceScale.default()).items():
    ...     print(level, s.dashes, s.opacity, s.width)
    confirmed False 1.0 2.9
    reported False 1.0 2.5
    alleged True 0.8 2.0
    possible True 0.45 1.5
    """
    out: dict[str, EdgeStroke] = {}
    for level, p in zip(scale.levels, scale.probabilities, strict=True):
        opacity = 1.0 if p >= 0.6 else 0.8 if p >= 0.4 else 0.45
        out[level] = EdgeStroke(dashes=p < 0.6, opacity=opacity, width=round(1.0 + 2.0 * p, 1))
    return out


def drawn_levels(scale: ConfidenceScale, probability: npt.ArrayLike) -> list[str]:
    """The level each tie is drawn at: the most certain level its (combined) probability
    reaches (:func:`~linkchart.model.views.at_least`, as every measure reads it), else the
    least certain one: an ``alleged`` tie three sources report is drawn solid, a
    ``reported`` tie from a source graded E dashed.

    >>> from linkchart.vocabulary import ConfidenceScale
    >>> drawn_levels(ConfidenceScale.default(), [0.95, 0.834, 0.75, 0.3, 0.1])
    ['confirmed', 'reported', 'reported', 'possible', 'possible']
    """
    p = np.asarray(probability, dtype=np.float64)
    rising = sorted(scale.levels, key=scale.threshold)  # least certain first
    drawn = np.full(len(p), rising[0], dtype=object)
    for level in rising[1:]:
        drawn[at_least(p, scale, level)] = level
    return [str(x) for x in drawn]


# ---------------------------------------------------------------- colour vision

VISIONS: dict[str, tuple[tuple[float, float, float], ...]] = {
    "deuteranopia": (
        (0.367322, 0.860646, -0.227968), (0.280085, 0.672501, 0.047413), (-0.011820, 0.042940, 0.968881),
    ),
    "protanopia": (
        (0.152286, 1.052583, -0.204868), (0.114503, 0.786281, 0.099216), (-0.003882, -0.048116, 1.051998),
    ),
    "tritanopia": (
        (1.255528, -0.076749, -0.178779), (-0.078411, 0.930809, 0.147602), (0.004733, 0.691367, 0.303900),
    ),
}  # fmt: skip
"""Machado, Oliveira and Fernandes' matrices (severity 1.0) that simulate a colour vision
deficiency on linear RGB [1]_.

.. [1] G. M. Machado, M. M. Oliveira, L. A. F. Fernandes, "A physiologically-based model for
   simulation of color vision deficiency", IEEE TVCG 15(6), 2009, doi:10.1109/TVCG.2009.113."""


def _linear_rgb(color: str) -> tuple[float, float, float]:
    """A ``#rrggbb`` or ``#rgb`` colour as linear sRGB in [0, 1] (IEC 61966-2-1)."""
    h = color.lstrip("#")
    if len(h) == 3:
        h = "".join(c * 2 for c in h)
    channels = [int(h[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return r, g, b


def _lab(rgb: tuple[float, float, float]) -> tuple[float, float, float]:
    """Linear sRGB as CIELAB (D65 white)."""
    r, g, b = rgb
    x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047
    y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b
    z = (0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 216 / 24389 else (24389 / 27 * t + 16) / 116

    fx, fy, fz = f(x), f(y), f(z)
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


def _ciede2000(lab1: tuple[float, float, float], lab2: tuple[float, float, float]) -> float:
    """The CIEDE2000 colour difference of two CIELAB colours (Sharma, Wu and Dalal's formulation)."""
    (l1, a1, b1), (l2, a2, b2) = lab1, lab2
    c_bar = (math.hypot(a1, b1) + math.hypot(a2, b2)) / 2
    g = 0.5 * (1 - math.sqrt(c_bar**7 / (c_bar**7 + 25**7)))
    a1, a2 = (1 + g) * a1, (1 + g) * a2
    c1, c2 = math.hypot(a1, b1), math.hypot(a2, b2)
    h1 = math.degrees(math.atan2(b1, a1)) % 360
    h2 = math.degrees(math.atan2(b2, a2)) % 360
    dh = 0.0 if c1 * c2 == 0 else (h2 - h1 + 180) % 360 - 180
    d_l, d_c = l2 - l1, c2 - c1
    d_h = 2 * math.sqrt(c1 * c2) * math.sin(math.radians(dh / 2))
    l_bar, c_bar2 = (l1 + l2) / 2, (c1 + c2) / 2
    if c1 * c2 == 0:
        h_bar = h1 + h2
    elif abs(h1 - h2) <= 180:
        h_bar = (h1 + h2) / 2
    else:
        h_bar = (h1 + h2 + 360) / 2 if h1 + h2 < 360 else (h1 + h2 - 360) / 2
    t = (
        1
        - 0.17 * math.cos(math.radians(h_bar - 30))
        + 0.24 * math.cos(math.radians(2 * h_bar))
        + 0.32 * math.cos(math.radians(3 * h_bar + 6))
        - 0.20 * math.cos(math.radians(4 * h_bar - 63))
    )
    s_l = 1 + 0.015 * (l_bar - 50) ** 2 / math.sqrt(20 + (l_bar - 50) ** 2)
    s_c = 1 + 0.045 * c_bar2
    s_h = 1 + 0.015 * c_bar2 * t
    rotation = (
        -2
        * math.sqrt(c_bar2**7 / (c_bar2**7 + 25**7))
        * math.sin(math.radians(60 * math.exp(-(((h_bar - 275) / 25) ** 2))))
    )
    return math.sqrt(
        (d_l / s_l) ** 2 + (d_c / s_c) ** 2 + (d_h / s_h) ** 2 + rotation * (d_c / s_c) * (d_h / s_h)
    )


def color_distance(a: str, b: str, vision: str | None = None) -> float:
    """How far apart two colours look: CIEDE2000 [1]_, for normal vision or a simulated deficiency.

    Parameters
    ----------
    a, b
        Colours as ``#rrggbb`` (or ``#rgb``).
    vision
        ``None`` for normal colour vision, or a key of :data:`VISIONS` (``"deuteranopia"``,
        ``"protanopia"``, ``"tritanopia"``): both colours are first passed through that
        deficiency's simulation matrix on linear RGB (clipped to the gamut).

    Returns
    -------
    float
        The difference; about 1 is just noticeable, 10 and more reads as two colours.

    References
    ----------
    .. [1] G. Sharma, W. Wu, E. N. Dalal, "The CIEDE2000 color-difference formula: implementation
       notes, supplementary test data, and mathematical observations", Color Research &
       Application 30(1), 2005, doi:10.1002/col.20070.

    Examples
    --------
    Red and green, far apart for most readers, nearly one colour for a deuteranope:

    >>> round(color_distance("#ff0000", "#00aa00")), round(color_distance("#ff0000", "#00aa00",
    ...     "deuteranopia"))
    (77, 3)
    """

    def seen(color: str) -> tuple[float, float, float]:
        rgb = _linear_rgb(color)
        if vision is None:
            return rgb
        m = VISIONS[vision]
        out = [min(1.0, max(0.0, sum(m[i][j] * rgb[j] for j in range(3)))) for i in range(3)]
        return out[0], out[1], out[2]

    return _ciede2000(_lab(seen(a)), _lab(seen(b)))


MIN_SIZE, MAX_SIZE = 10.0, 32.0
"""The radius of the smallest and the largest node, sized by a measure."""


def node_sizes(values: Sequence[float | None], lowest_first: bool) -> list[float]:
    """Node sizes from measure values: area grows with the value, radius :data:`MIN_SIZE` to
    :data:`MAX_SIZE` px (the page's pixels; the figure's points). ``None`` gets the smallest."""
    present = [v for v in values if v is not None]
    if not present:
        return [MIN_SIZE] * len(values)
    lo, hi = min(present), max(present)
    span = hi - lo
    out = []
    for v in values:
        if v is None or span <= 0:
            out.append(MIN_SIZE if v is None else (MIN_SIZE + MAX_SIZE) / 2)
            continue
        t = (hi - v) / span if lowest_first else (v - lo) / span
        out.append(round(MIN_SIZE + (MAX_SIZE - MIN_SIZE) * math.sqrt(t), 1))
    return out
