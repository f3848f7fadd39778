"""Colours, shapes and strokes come from the vocabulary, and nothing else gets through."""

from __future__ import annotations

import itertools

import pytest

from linkchart.style import (
    HOSTILE_COLOR,
    LAYER_PALETTE,
    NODE_PALETTE,
    VISIONS,
    color_distance,
    confidence_strokes,
    layer_colors,
    node_styles,
    relation_colors,
)
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


@pytest.mark.parametrize(
    ("lab1", "lab2", "expected"),
    [  # Sharma, Wu and Dalal (2005), table 1: pairs 1, 7, 13, 17, 25
        ((50.0, 2.6772, -79.7751), (50.0, 0.0, -82.7485), 2.0425),
        ((50.0, 0.0, 0.0), (50.0, -1.0, 2.0), 2.3669),
        ((50.0, 2.49, -0.001), (50.0, -2.49, 0.0009), 7.1792),
        ((50.0, 2.5, 0.0), (73.0, 25.0, -18.0), 27.1492),
        ((60.2574, -34.0099, 36.2677), (60.4626, -34.1751, 39.4387), 1.2644),
    ],
)
def test_ciede2000_gives_the_published_differences(
    lab1: tuple[float, float, float], lab2: tuple[float, float, float], expected: float
) -> None:
    from linkchart.style import _ciede2000

    assert _ciede2000(lab1, lab2) == pytest.approx(expected, abs=1e-4)
    assert _ciede2000(lab2, lab1) == pytest.approx(expected, abs=1e-4)


@pytest.mark.parametrize("vision", [None, "deuteranopia", "protanopia"])
def test_layer_colours_stay_apart_for_colour_blind_readers(vision: str | None) -> None:
    colours = [*LAYER_PALETTE, HOSTILE_COLOR]
    closest = min(color_distance(a, b, vision) for a, b in itertools.combinations(colours, 2))
    assert closest >= 12, (vision, closest)


def test_the_simulation_merges_what_a_deuteranope_cannot_tell_apart() -> None:
    """CONTROL: the simulation bites. The layer colours before issue 21 (Tableau's orange and
    olive) are far apart for normal vision and nearly one colour for a deuteranope, as are
    red and green; blue and orange, the axis every reader keeps, stay far apart."""
    orange, olive = "#f28e2b", "#bcbd22"
    assert color_distance(orange, olive) > 20 > 5 > color_distance(orange, olive, "deuteranopia")
    assert color_distance("#d62728", "#2ca02c", "deuteranopia") < color_distance("#d62728", "#2ca02c") / 4
    for vision in VISIONS:
        assert color_distance("#0072b2", "#c77c00", vision) > 40


def test_the_central_asia_layers_get_distinct_colours_none_red() -> None:
    vocab = Vocabulary(relations=tuple(Relation(f"r{i}", layer=f"l{i}") for i in range(7)))
    colours = list(layer_colors(vocab).values())
    assert len(set(colours)) == 7 and HOSTILE_COLOR not in colours
