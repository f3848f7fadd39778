"""linkchart.model.support and linkchart.vocabulary.Grades: graded items, corroboration by
noisy-OR (or the maximum), checked against values computed by hand."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

import linkchart
from linkchart.model import combined, single_source
from linkchart.vocabulary import Grades, Relation, Vocabulary

PEOPLE = [{"id": x, "type": "person"} for x in "abcd"]
SOURCES = [{"id": "s1"}, {"id": "s2", "reliability": "B"}, {"id": "s3", "reliability": "F"}]


def chart(edges: list[dict[str, Any]], vocabulary: Vocabulary | None = None) -> linkchart.LinkChart:
    return linkchart.from_records(PEOPLE, edges, sources=SOURCES, vocabulary=vocabulary)


@pytest.mark.parametrize(
    ("confidence", "credibility", "reliability", "expected"),
    [
        (0.75, None, "", 0.75),  # ungraded: the confidence level's probability
        (0.75, 1, "", 0.95),  # credibility takes the place of the level
        (0.75, 2, "B", 0.8 * 0.9),
        (0.5, 5, "E", 0.15 * 0.4),
        (0.25, None, "A", 0.25),  # A: no factor
        (0.75, 6, "", 0.75),  # 6 cannot be judged: the level, not the lowest grade (0.15)
        (0.75, None, "F", 0.75),  # F cannot be judged: no factor, not E's 0.4
        (0.5, 3, "C", 0.6 * 0.75),
        (0.5, 4, "D", 0.35 * 0.6),
    ],
)
def test_the_admiralty_table(
    confidence: float, credibility: int | None, reliability: str, expected: float
) -> None:
    assert Grades.default().item_probability(confidence, credibility, reliability) == pytest.approx(expected)


def test_the_tables_are_overridable_and_f_and_6_may_be_given_a_value() -> None:
    g = Grades(reliability=(1, 0.8, 0.6, 0.4, 0.2, 0.5), credibility=(0.9, 0.7, 0.5, 0.3, 0.1, None))
    assert g.item_probability(0.75, 6, "F") == pytest.approx(0.75 * 0.5)
    assert g.item_probability(0.75, 2, "B") == pytest.approx(0.56)


def test_noisy_or_against_hand_values() -> None:
    g = Grades.default()
    assert g.combine([0.5]) == 0.5
    assert g.combine([0.5, 0.5]) == pytest.approx(0.75)
    assert g.combine([0.95, 0.72]) == pytest.approx(1 - 0.05 * 0.28)
    assert g.combine([0.5, 0.25, 0.75]) == pytest.approx(1 - 0.5 * 0.75 * 0.25)
    assert g.replace_combine("max").combine([0.5, 0.25, 0.75]) == 0.75


def test_a_tie_combines_its_sources_by_noisy_or_and_one_sources_items_by_their_maximum() -> None:
    c = chart(
        [
            {"from": "a", "relation": "knows", "to": "b", "evidence": [
                {"quote": "a met b", "source": "s1", "confidence": "alleged"},       # s1: 0.5
                {"quote": "b knew a", "source": "s2", "credibility": 2},             # s2: 0.8 * 0.9
                {"quote": "a and b again", "source": "s1", "confidence": "reported"},  # s1: max 0.75
            ]},
            {"from": "b", "relation": "knows", "to": "c", "evidence": [   # one source twice: no corroboration
                {"quote": "b with c", "source": "s1", "confidence": "alleged"},
                {"quote": "c with b", "source": "s1", "confidence": "alleged"},
            ]},
            {"from": "c", "relation": "knows", "to": "d", "source": "s2", "confidence": "reported"},
            {"from": "a", "relation": "knows", "to": "d", "source": "s3", "evidence": "a d"},
        ]
    )  # fmt: skip
    expected = [1 - 0.25 * 0.28, 0.5, 0.75 * 0.9, 0.95]
    assert c.edges.probability.tolist() == pytest.approx(expected)
    g = c.to_networkx()
    by_id = {k: d["probability"] for _, _, k, d in g.edges(keys=True, data=True)}
    assert [by_id[f"e{k}"] for k in range(4)] == pytest.approx(expected)
    assert c.edge("e0").evidence == "a met b" and len(c.edge("e0").evidence_items) == 3
    support = c.support()
    assert support.row.tolist() == [0, 0, 1, 2, 3] and support.source.tolist() == [0, 1, 0, 1, 2]
    assert single_source(support, 4).tolist() == [-2, 0, 1, 2]
    # dropping s2 leaves e0 on s1 alone and e2 on nothing
    kept = np.array([True, False, True])
    assert combined(support, 4, Grades.default(), kept).tolist() == pytest.approx([0.75, 0.5, 0.0, 0.95])


def test_the_rule_max_does_not_corroborate() -> None:
    v = Vocabulary(relations=(Relation("knows"),), grades=Grades.default().replace_combine("max"))
    c = chart(
        [{"from": "a", "relation": "knows", "to": "b", "evidence": [
            {"quote": "x", "source": "s1", "confidence": "alleged"},
            {"quote": "y", "source": "s2", "credibility": 2}]}],
        v,
    )  # fmt: skip
    assert c.edges.probability.tolist() == pytest.approx([0.72])


def test_a_chart_without_lists_or_grades_keeps_its_confidence_probabilities() -> None:
    c = linkchart.from_records(
        PEOPLE, [{"from": "a", "relation": "knows", "to": "b", "confidence": "alleged"}]
    )
    assert c.edges.probability.tolist() == [0.5]
    assert c.support().probability.tolist() == [0.5]


def test_a_view_keeps_the_items_and_the_combined_probability() -> None:
    c = chart(
        [{"from": "a", "relation": "knows", "to": "b", "evidence": [
            {"quote": "x", "source": "s1", "confidence": "alleged"},
            {"quote": "y", "source": "s2", "confidence": "alleged"}]},
         {"from": "c", "relation": "knows", "to": "d"}]
    )  # fmt: skip
    view = c.subgraph(["a", "b"])
    assert view.edges.probability.tolist() == pytest.approx([1 - 0.5 * (1 - 0.5 * 0.9)])
    assert view.edge("e0").evidence_items == c.edge("e0").evidence_items
