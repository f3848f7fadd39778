"""How a chart looks: colours and shapes of node types, colours and strokes of relations.

Everything here is a pure function of the vocabulary, so the same chart always gets
the same colours. Node types keep the colour and shape the file declares; the rest get
the next colour of a fixed palette. Confidence is drawn as the stroke: ties the source
states plainly are solid, hedged ties are dashed, and the least certain are faded too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..vocabulary import ConfidenceScale, Vocabulary

__all__ = [
    "HOSTILE_COLOR",
    "LAYER_PALETTE",
    "NODE_PALETTE",
    "NODE_SHAPES",
    "RELATION_PALETTE",
    "EdgeStroke",
    "NodeStyle",
    "confidence_strokes",
    "layer_colors",
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
    "#4e79a7", "#59a14f", "#b07aa1", "#f28e2b", "#76b7b2", "#9c755f", "#7f7f7f", "#bcbd22",
)  # fmt: skip
"""Colours of layers, in the order relations name them (no red, which means hostile)."""

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
    {'operational': '#4e79a7', 'geography': '#59a14f'}
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
    {'funds': '#4e79a7', 'fights': '#c0392b', 'arms': '#4e79a7'}
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
