"""Node classes: which kinds of thing a chart holds (analysis/classes.py)."""

from __future__ import annotations

import pytest
from affiliation_charts import VOCAB, at

import linkchart
from linkchart import UnknownNameError


# ---------------------------------------------------------------------------- classes
def test_classes_counts_nodes_by_class_and_lists_the_affiliations() -> None:
    c = linkchart.from_records(
        [
            {"id": "a", "type": "person"},
            {"id": "b", "type": "person"},
            {"id": "m", "type": "meeting"},
            {"id": "g", "type": "group"},
            {"id": "p", "type": "place"},
        ],
        [
            at("a", "m"),
            at("b", "m"),
            {"from": "a", "relation": "member_of", "to": "g"},
            {"from": "a", "relation": "knows", "to": "b"},
            {"from": "g", "relation": "member_of", "to": "p"},
        ],
        VOCAB,
    )
    k = linkchart.classes(c)
    assert dict(k.nodes) == {"agent": 2, "organisation": 1, "event": 1}
    assert k.unclassed == 1 and k.multimode
    assert [(a.relation, a.classes, a.edges) for a in k.affiliations] == [
        ("attended", ("agent", "event"), 2),
        ("member_of", ("agent", "organisation"), 1),
    ]  # knows is within a class; group-place has an end without a class
    assert k.types("event") == ("meeting",)
    assert "agent: 2 nodes (person)" in k.text()
    with pytest.raises(UnknownNameError, match="did you mean 'event'"):
        k.types("evnt")


def test_a_chart_without_classes_is_not_multimode() -> None:
    c = linkchart.from_records([{"id": "a", "type": "state"}], [])
    k = linkchart.classes(c)
    assert dict(k.nodes) == {} and k.unclassed == 1 and not k.multimode and k.affiliations == ()
