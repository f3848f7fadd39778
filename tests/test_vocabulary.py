"""Node types, relations and the confidence scale."""

from __future__ import annotations

import pytest

from linkchart import ConfidenceScale, NodeType, Relation, UnknownNameError, Vocabulary


def test_relations_allow_the_declared_endpoint_types_in_their_direction() -> None:
    funds = Relation("funds", source_types=frozenset({"state"}), target_types=frozenset({"organisation"}))
    assert funds.allows("state", "organisation")
    assert not funds.allows("organisation", "state")
    borders = Relation("borders", directed=False, source_types=frozenset({"state"}),
                       target_types=frozenset({"region"}))  # fmt: skip
    assert borders.allows("region", "state") and borders.allows("state", "region")
    assert not borders.allows("state", "state")
    assert Relation("any").allows("person", "event")


def test_the_confidence_scale_is_ordered_most_certain_first() -> None:
    scale = ConfidenceScale.from_mapping({"low": 0.2, "high": 0.9, "mid": 0.5})
    assert scale.levels == ("high", "mid", "low")
    assert scale.code("low") == 2 and scale.probability("mid") == 0.5
    assert scale.threshold("mid") == 0.5 and scale.threshold(0.3) == 0.3
    with pytest.raises(UnknownNameError, match="did you mean 'high'"):
        scale.code("hihg")
    assert ConfidenceScale.default().levels == ("confirmed", "reported", "alleged", "possible")


def test_vocabulary_lookups_name_what_is_missing() -> None:
    vocab = Vocabulary(node_types=(NodeType("state"), NodeType("person")), relations=(Relation("funds"),))
    assert vocab.node_type_names == ("state", "person") and vocab.relation_names == ("funds",)
    assert vocab.node_type("person").name == "person"
    with pytest.raises(UnknownNameError, match="did you mean 'funds'"):
        vocab.relation("fund")
    with pytest.raises(UnknownNameError, match="choose from 'state', 'person'"):
        vocab.node_type("region")
