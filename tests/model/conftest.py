"""The chart the tests of linkchart.model share: a few states, a region and a movement."""

from __future__ import annotations

from typing import Any

import pytest

import linkchart
from linkchart.vocabulary import Relation, Vocabulary

VOCAB = Vocabulary(
    relations=(
        Relation("finances", directed=True),
        Relation("borders", directed=False),
        Relation("hides_in", directed=True),
    )
)

NODES = [
    {"id": "IMT", "type": "organisation", "label": "Islamic Movement of Turkestan", "aliases": ["IMU"]},
    {"id": "Pakistan", "type": "state"},
    {"id": "Tajikistan", "type": "state"},
    {"id": "Kyrgyzstan", "type": "state"},
    {"id": "Khushad", "type": "region", "attributes": {"kind": "village"}},
]
EDGES = [
    {"from": "Pakistan", "relation": "finances", "to": "IMT", "confidence": "alleged", "evidence": "a"},
    {"from": "Pakistan", "relation": "finances", "to": "IMT", "confidence": "reported", "evidence": "b"},
    {"from": "Tajikistan", "relation": "borders", "to": "Kyrgyzstan", "confidence": "confirmed"},
    {"from": "IMT", "relation": "hides_in", "to": "Khushad", "confidence": "reported", "time": "1999-2001"},
    {
        "from": "IMT",
        "relation": "hides_in",
        "to": "Tajikistan",
        "confidence": "possible",
        "time": 2004,
        "id": "hide-tj",
    },
]


@pytest.fixture
def records() -> tuple[list[dict[str, Any]], list[dict[str, Any]], Vocabulary]:
    """The nodes, edges and vocabulary :func:`chart` is made from."""
    return NODES, EDGES, VOCAB


@pytest.fixture
def chart() -> linkchart.LinkChart:
    return linkchart.from_records(NODES, EDGES, vocabulary=VOCAB, title="test")
