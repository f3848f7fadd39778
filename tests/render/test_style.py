"""Colours, shapes and strokes come from the vocabulary, and nothing else gets through."""

from __future__ import annotations

from linkchart.render.style import NODE_PALETTE, confidence_strokes, node_styles, relation_colors
from linkchart.vocabulary import DEFAULT_NODE_TYPES, ConfidenceScale, NodeType, Relation, Vocabulary


def test_declared_colours_and_shapes_are_kept() -> None:
    styles = node_styles(Vocabulary())
    for t in DEFAULT_NODE_TYPES:
        assert (styles[t.name].color, styles[t.name].shape) == (t.color, t.shape)


def test_an_unsafe_colour_or_an_image_shape_is_replaced() -> None:
    vocab = Vocabulary(
        node_types=(
            NodeType("a", 'red;background:url("https://example.org/x")', "image"),
            NodeType("b", "#12345g", "circularImage"),
        )
    )
    styles = node_styles(vocab)
    assert [s.color for s in styles.values()] == list(NODE_PALETTE[:2])
    assert all(s.shape in ("dot", "square") for s in styles.values())


def test_undeclared_colours_skip_the_declared_ones() -> None:
    vocab = Vocabulary(node_types=(NodeType("a", NODE_PALETTE[0]), NodeType("b"), NodeType("c")))
    colors = [s.color for s in node_styles(vocab).values()]
    assert colors == [NODE_PALETTE[0], NODE_PALETTE[1], NODE_PALETTE[2]]


def test_relations_get_distinct_colours_in_order() -> None:
    vocab = Vocabulary(relations=tuple(Relation(f"r{i}") for i in range(10)))
    assert len(set(relation_colors(vocab).values())) == 10


def test_hedged_ties_are_dashed_and_the_least_certain_faded() -> None:
    strokes = confidence_strokes(ConfidenceScale.from_mapping({"sure": 0.9, "maybe": 0.5, "rumour": 0.1}))
    assert [s.dashes for s in strokes.values()] == [False, True, True]
    assert strokes["rumour"].opacity < strokes["maybe"].opacity <= strokes["sure"].opacity
