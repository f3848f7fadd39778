"""Conversions to networkx and igraph, and back to records."""

from __future__ import annotations

import numpy as np
import pytest

import linkchart
from linkchart.model.convert import by_id, positions
from linkchart.vocabulary import Relation, Vocabulary

VOCAB = Vocabulary(relations=(Relation("finances"), Relation("borders", directed=False)))


@pytest.fixture
def chart() -> linkchart.LinkChart:
    return linkchart.from_records(
        [
            {"id": "A", "type": "organisation", "aliases": ["a1", "a2"], "attributes": {"founded": 1998}},
            {"id": "B", "type": "state", "label": "Bee"},
            {"id": "C", "type": "state"},
        ],
        [
            {"from": "B", "relation": "finances", "to": "A", "evidence": "x", "time": 1999, "weight": 2},
            {
                "from": "B",
                "relation": "finances",
                "to": "A",
                "evidence": "y",
                "attributes": {"amount": "large"},
            },
            {"from": "C", "relation": "borders", "to": "B", "confidence": "possible"},
        ],
        vocabulary=VOCAB,
        title="T",
    )


def test_networkx_keeps_everything_under_the_files_names(chart: linkchart.LinkChart) -> None:
    g = chart.to_networkx()
    assert g.is_multigraph() and g.is_directed()
    assert g.graph["title"] == "T"
    assert g.nodes["A"] == {"type": "organisation", "label": "A", "aliases": ["a1", "a2"], "founded": 1998}
    assert g.nodes["B"]["label"] == "Bee"
    assert g.number_of_edges("B", "A") == 2
    first = g.edges["B", "A", "e0"]
    assert first["relation"] == "finances" and first["evidence"] == "x" and first["weight"] == 2.0
    assert (first["time"], first["time_from"], first["time_to"]) == ("1999", "1999-01-01", "1999-12-31")
    assert first["confidence"] == "confirmed" and first["directed"] is True
    assert g.edges["B", "A", "e1"]["amount"] == "large"
    assert g.edges["C", "B", "e2"]["directed"] is False


def test_networkx_result_is_independent(chart: linkchart.LinkChart) -> None:
    g = chart.to_networkx()
    g.nodes["A"]["aliases"].append("zzz")
    g.nodes["A"]["type"] = "state"
    g.remove_node("C")
    assert chart.node("A").aliases == ("a1", "a2")
    assert chart.node_type_of("A") == "organisation"
    assert chart.number_of_nodes == 3


def test_igraph_from_arrays(chart: linkchart.LinkChart) -> None:
    g = chart.to_igraph()
    assert (g.vcount(), g.ecount(), g.is_directed()) == (3, 3, True)
    assert g.vs["name"] == ["A", "B", "C"]
    assert g.vs["type"] == ["organisation", "state", "state"]
    assert g.es["id"] == ["e0", "e1", "e2"]
    assert g.es["relation"] == ["finances", "finances", "borders"]
    assert [e.tuple for e in g.es] == [(1, 0), (1, 0), (2, 1)]
    bare = chart.to_igraph(attributes=False)
    assert bare.ecount() == 3 and bare.es.attributes() == [] and bare.vs.attributes() == []


def test_records_round_trip(chart: linkchart.LinkChart) -> None:
    nodes, edges = chart.to_records()
    assert edges[0]["time"] == 1999 and edges[1]["time"] is None
    again = linkchart.from_records(nodes, edges, vocabulary=chart.vocabulary, title=chart.title)
    assert again == chart


def test_by_id_and_positions(chart: linkchart.LinkChart) -> None:
    assert by_id(chart, np.array([1, 2, 3])) == {"A": 1, "B": 2, "C": 3}
    assert positions(chart, ["C", "A"]).tolist() == [2, 0]
    with pytest.raises(ValueError):
        by_id(chart, [1, 2])
    with pytest.raises(linkchart.UnknownNameError):
        positions(chart, ["D"])
