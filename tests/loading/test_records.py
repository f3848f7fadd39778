"""Tests for linkchart.loading.records: from_records."""

from __future__ import annotations

import copy
from datetime import date
from typing import Any

import pytest

import linkchart
from linkchart import LoadError, from_records

NODES = [
    {
        "id": "IMT",
        "type": "organisation",
        "label": "Islamic Movement of Turkestan",
        "aliases": ["IMU"],
        "attributes": {"founded": 1998, "tags": ["armed", "banned"]},
    },
    {"id": "Pakistan", "type": "state"},
    {"id": "Tajikistan", "type": "state"},
]
EDGES = [
    {
        "from": "Pakistan",
        "relation": "finances",
        "to": "IMT",
        "confidence": "alleged",
        "evidence": "Financing ... comes through Pakistan",
        "time": "1999-2001",
    },
    {"from": "Pakistan", "relation": "finances", "to": "IMT", "weight": 2, "id": "again"},
    {
        "from": "Tajikistan",
        "relation": "shelters",
        "to": "IMT",
        "time": {"from": 2000},
        "attributes": {"note": "hospitality"},
    },
]


def test_builds_columns_and_defaults() -> None:
    c = from_records(NODES, EDGES, title="t")
    assert (c.number_of_nodes, c.number_of_edges) == (3, 3)
    assert c.vocabulary.relation_names == ("finances", "shelters")
    assert c.vocabulary.node_type_names == ("organisation", "state")
    assert c.vocabulary.node_type("state").color == "#1f77b4"
    assert not c.vocabulary.declared_relations
    e0 = c.edge("e0")
    assert (e0.confidence, e0.probability, str(e0.time)) == ("alleged", 0.5, "1999-2001")
    assert c.edge("again").weight == 2.0
    e2 = c.edge("e2").time
    assert e2 is not None and e2.first == date(2000, 1, 1) and e2.last is None
    assert c.edge("e2").confidence == "confirmed"  # the highest level by default
    assert c.node("IMT").attributes["tags"] == ("armed", "banned")
    assert c.node("Pakistan").label == "Pakistan"


def test_parallel_edges_are_kept() -> None:
    c = from_records(NODES, EDGES)
    assert len(c.edges_between("Pakistan", "IMT")) == 2


def test_inputs_are_not_mutated() -> None:
    nodes, edges = copy.deepcopy(NODES), copy.deepcopy(EDGES)
    from_records(nodes, edges)
    assert nodes == NODES and edges == EDGES


def test_round_trip_of_to_records() -> None:
    c = from_records(
        NODES,
        EDGES,
        title="T",
        description="d",
        sources=[{"id": "smith", "location": "https://example.org/a"}],
    )
    nodes, edges = c.to_records()
    again = from_records(
        nodes, edges, vocabulary=c.vocabulary, title=c.title, description=c.description, sources=c.sources
    )
    assert again == c
    assert c.to_records() == (nodes, edges)  # nothing mutated


def test_round_trip_of_a_view() -> None:
    c = from_records(NODES, EDGES).with_relations("shelters")
    again = from_records(*c.to_records(), vocabulary=c.vocabulary)
    assert again == c
    assert again.edges.ids == ["e2"]


def test_problems_are_all_reported_with_paths() -> None:
    with pytest.raises(LoadError) as info:
        from_records(
            [{"id": "A", "type": "state"}, {"id": "A", "type": "state"}, {"id": 5, "type": "state"}],
            [{"from": "IMU", "relation": "x", "to": "A", "time": "1990s"}],
        )
    err = info.value
    assert err.codes == ["duplicate-node", "wrong-type", "unknown-node", "bad-time"]
    assert [p.path for p in err.problems] == ["nodes[1].id", "nodes[2].id", "edges[0].from", "edges[0].time"]
    assert all(p.file is None and p.line is None for p in err.problems)


def test_unknown_node_hint_names_the_alias() -> None:
    with pytest.raises(LoadError) as info:
        from_records(NODES, [{"from": "IMU", "relation": "x", "to": "Pakistan"}])
    assert info.value.problems[0].hint == "'IMU' is an alias of node 'IMT'; edges name nodes by id"


def test_with_a_vocabulary_types_and_relations_are_checked() -> None:
    vocab = linkchart.Vocabulary(
        relations=(linkchart.Relation("finances", source_types=frozenset({"state"})),)
    )
    with pytest.raises(LoadError) as info:
        from_records(
            [{"id": "A", "type": "state"}, {"id": "B", "type": "orgnisation"}],
            [{"from": "A", "relation": "finance", "to": "A"}],
            vocabulary=vocab,
        )
    assert info.value.codes == ["unknown-node-type", "unknown-relation"]
    assert "did you mean 'organisation'?" in info.value.problems[0].hint
    assert "did you mean 'finances'?" in info.value.problems[1].hint


def test_messages_name_what_is_not_plain_data_in_the_user_s_words() -> None:
    with pytest.raises(LoadError) as info:
        from_records(
            [{"id": "A", "type": "s", "notes": ["x", b"y"]}, {"id": "B", "type": "s", "notes": [None]}], []
        )
    assert [p.message for p in info.value.problems] == [
        "'notes' must be plain data (text, a number, a list, a mapping), not a list whose notes[1] is bytes",
        "a note must be text or a mapping, not null (no value)",  # was "not NoneType"
    ]


@pytest.mark.parametrize(
    "records",
    [
        {"nodes": [{"id": "A", "type": "s", "time": 10**5000}], "edges": []},
        {"nodes": [{"id": "A", "type": "s"}], "edges": [], "periods": {"p": 10**5000}},
        {
            "nodes": [{"id": "A", "type": "s"}],
            "edges": [{"from": "A", "relation": "r", "to": "A", "time": {"from": -(10**5000)}}],
        },
    ],
)
def test_a_number_of_thousands_of_digits_as_a_time_is_a_problem(records: dict[str, Any]) -> None:
    with pytest.raises(LoadError) as info:  # never Python's ValueError for converting it to text
        from_records(**records)
    (p,) = info.value.problems
    assert (p.code, p.message) == ("bad-time", "a number of thousands of digits is not a time")


@pytest.mark.parametrize("weight", [1e308, 10**400, 1e-300, 2e12])
def test_a_weight_outside_the_bounds_is_refused(weight: float) -> None:
    with pytest.raises(LoadError) as info:  # never a chart whose measures overflow to inf or NaN
        from_records(
            [{"id": "A", "type": "s"}], [{"from": "A", "relation": "r", "to": "A", "weight": weight}]
        )
    (p,) = info.value.problems
    assert (p.code, p.path) == ("bad-weight", "edges[0].weight")
    assert from_records(
        [{"id": "A", "type": "s"}], [{"from": "A", "relation": "r", "to": "A", "weight": 1e12}]
    )
