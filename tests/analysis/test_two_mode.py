"""Two-mode centrality with Borgatti & Everett's normalisations (analysis/two_mode.py)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import networkx as nx
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from networkx.algorithms import bipartite

import linkchart
from linkchart import LinkchartError, NodeType, Relation, UnknownNameError, Vocabulary

VOCAB = Vocabulary(
    node_types=(
        NodeType("woman", node_class="agent"),
        NodeType("event", node_class="event"),
        NodeType("town"),
    ),
    relations=(Relation("attended"), Relation("knows", directed=False), Relation("lives_in")),
)

# Davis's Southern Women with Borgatti & Everett's (1997) normalisations, to two decimals: the
# table networkx's own tests check (test_davis_degree_centrality, ..._closeness_..., ..._betweenness_...)
PUBLISHED = {
    # node: (degree, closeness, betweenness)
    "E8": (0.78, 0.85, 0.24),
    "E9": (0.67, 0.79, 0.23),
    "E7": (0.56, 0.73, 0.13),
    "Nora Fayette": (0.57, 0.80, 0.11),
    "Evelyn Jefferson": (0.57, 0.80, 0.10),
    "Theresa Anderson": (0.57, 0.80, 0.09),
    "E6": (0.44, 0.69, 0.07),
    "Sylvia Avondale": (0.50, 0.77, 0.07),
    "Laura Mandeville": (0.50, 0.73, 0.05),
    "Brenda Rogers": (0.50, 0.73, 0.05),
    "Katherina Rogers": (0.43, 0.73, 0.05),
    "E5": (0.44, 0.59, 0.04),
    "Helen Lloyd": (0.36, 0.73, 0.04),
    "E3": (0.33, 0.56, 0.02),
    "Ruth DeSand": (0.29, 0.71, 0.02),
    "Verne Sanderson": (0.29, 0.71, 0.02),
    "E12": (0.33, 0.56, 0.02),
    "Myra Liddel": (0.29, 0.69, 0.02),
    "E11": (0.22, 0.54, 0.02),
    "Eleanor Nye": (0.29, 0.67, 0.01),
    "Frances Anderson": (0.29, 0.67, 0.01),
    "Pearl Oglethorpe": (0.21, 0.67, 0.01),
    "E4": (0.22, 0.54, 0.01),
    "Charlotte McDowd": (0.29, 0.60, 0.01),
    "E10": (0.28, 0.55, 0.01),
    "Olivia Carleton": (0.14, 0.59, 0.01),
    "Flora Price": (0.14, 0.59, 0.01),
    "E2": (0.17, 0.52, 0.00),
    "E1": (0.17, 0.52, 0.00),
    "Dorothy Murchison": (0.14, 0.65, 0.00),
    "E13": (0.17, 0.52, 0.00),
    "E14": (0.17, 0.52, 0.00),
}

REFERENCE: dict[str, Callable[..., dict[Any, float]]] = {
    "degree": bipartite.degree_centrality,
    "closeness": bipartite.closeness_centrality,
    "betweenness": bipartite.betweenness_centrality,
}


def davis(
    extra: list[dict[str, Any]] | None = None, places: list[dict[str, Any]] | None = None
) -> tuple[nx.Graph, linkchart.LinkChart]:
    g = nx.davis_southern_women_graph()
    women = set(g.graph["top"])
    nodes = [{"id": w, "type": "woman"} for w in g.graph["top"]] + [
        {"id": e, "type": "event"} for e in g.graph["bottom"]
    ]
    nodes += places or []
    edges = [
        {"from": u if u in women else v, "relation": "attended", "to": v if u in women else u}
        for u, v in g.edges()
    ]
    return g, linkchart.from_records(nodes, edges + (extra or []), VOCAB)


@pytest.mark.parametrize("measure", ["degree", "closeness", "betweenness"])
def test_davis_published_values(measure: str) -> None:
    _, c = davis()
    scores = linkchart.two_mode(c, measure, first="woman")  # type: ignore[arg-type]
    column = ["degree", "closeness", "betweenness"].index(measure)
    for node, values in PUBLISHED.items():
        assert scores[node] == pytest.approx(values[column], abs=0.0051), node
    assert scores.measure == f"two_mode_{measure}" and len(scores) == 32


@pytest.mark.parametrize("engine", ["igraph", "networkx"])
@pytest.mark.parametrize("measure", sorted(REFERENCE))
def test_davis_matches_networkx_bipartite(measure: str, engine: str) -> None:
    g, c = davis()
    ours = linkchart.two_mode(c, measure, first="woman", engine=engine)  # type: ignore[arg-type]
    ref = REFERENCE[measure](g, g.graph["top"])
    assert ours.to_dict() == pytest.approx(ref, abs=1e-12)
    # either side may be named first: the scores are the same
    assert linkchart.two_mode(c, measure, first="event").to_dict() == pytest.approx(ref, abs=1e-12)  # type: ignore[arg-type]


def test_ties_within_a_side_and_other_types_are_not_read() -> None:
    _, plain = davis()
    extra = [
        {"from": "Evelyn Jefferson", "relation": "knows", "to": "Flora Price"},
        {"from": "Evelyn Jefferson", "relation": "lives_in", "to": "Old City"},
    ]
    _, c = davis(extra, [{"id": "Old City", "type": "town"}])
    scores = linkchart.two_mode(c, "betweenness", first="woman", second="event")
    assert "Old City" not in scores
    assert scores.to_dict() == pytest.approx(
        linkchart.two_mode(plain, "betweenness", first="woman").to_dict()
    )
    # by default the second side is every other type: the town joins it
    assert "Old City" in linkchart.two_mode(c, "degree", first="woman")


def test_classes_name_sides_and_raw_values() -> None:
    g, c = davis()
    raw = linkchart.two_mode(c, "degree", first="agent", second="event", normalized=False)
    assert raw["E8"] == 14.0 and raw["Evelyn Jefferson"] == 8.0
    raw_b = linkchart.two_mode(c, "betweenness", first="agent", normalized=False)
    assert raw_b.to_dict() == pytest.approx(nx.betweenness_centrality(g, normalized=False))
    raw_c = linkchart.two_mode(c, "closeness", first="agent", normalized=False)
    distances = sum(nx.single_source_shortest_path_length(g, "E8").values())
    assert raw_c["E8"] == pytest.approx(1 / distances)


def test_hand_checked_path() -> None:
    # a - m1 - b - m2: a person at one meeting, b at both
    c = linkchart.from_records(
        [{"id": x, "type": "woman"} for x in "ab"] + [{"id": m, "type": "event"} for m in ("m1", "m2")],
        [{"from": x, "relation": "attended", "to": m} for x, m in (("a", "m1"), ("b", "m1"), ("b", "m2"))]
        + [{"from": "b", "relation": "attended", "to": "m2"}],  # a second report: one tie
        VOCAB,
    )
    assert linkchart.two_mode(c, "degree", first="woman").to_dict() == {
        "a": 0.5,
        "b": 1.0,
        "m1": 1.0,
        "m2": 0.5,
    }
    # closeness of a: (m + 2(n-1)) / (1 + 2 + 3) = (2 + 2) / 6
    assert linkchart.two_mode(c, "closeness", first="woman")["a"] == pytest.approx(4 / 6)
    # b lies on a-m2 and m1-m2: 2 of its side's maximum, which is 2 for n = m = 2
    assert linkchart.two_mode(c, "betweenness", first="woman")["b"] == pytest.approx(1.0)


@settings(max_examples=40, deadline=None)
@given(
    st.integers(1, 6),
    st.integers(1, 6),
    st.lists(st.tuples(st.integers(0, 5), st.integers(0, 5)), max_size=25),
    st.sampled_from(sorted(REFERENCE)),
)
def test_random_two_mode_networks_match_networkx(
    women: int, events: int, ties: list[tuple[int, int]], measure: str
) -> None:
    links = sorted({(f"w{a % women}", f"e{b % events}") for a, b in ties})
    g = nx.Graph()
    g.add_nodes_from(f"w{i}" for i in range(women))
    g.add_nodes_from(f"e{j}" for j in range(events))
    g.add_edges_from(links)
    nodes = [{"id": f"w{i}", "type": "woman"} for i in range(women)] + [
        {"id": f"e{j}", "type": "event"} for j in range(events)
    ]
    c = linkchart.from_records(nodes, [{"from": a, "relation": "attended", "to": b} for a, b in links], VOCAB)
    try:
        ref = REFERENCE[measure](g, [f"w{i}" for i in range(women)])
    except ZeroDivisionError:  # networkx divides by a side's maximum betweenness of 0 (we give 0)
        assume(False)
    for engine in ("igraph", "networkx"):
        ours = linkchart.two_mode(c, measure, first="woman", second="event", engine=engine)  # type: ignore[arg-type]
        assert ours.to_dict() == pytest.approx(ref, abs=1e-12)


def test_bad_arguments_are_refused() -> None:
    _, c = davis()
    with pytest.raises(UnknownNameError, match="two-mode measure"):
        linkchart.two_mode(c, "pagerank", first="woman")  # type: ignore[arg-type]
    with pytest.raises(UnknownNameError, match="did you mean 'woman'"):
        linkchart.two_mode(c, "degree", first="women")
    with pytest.raises(LinkchartError, match="share the node types woman"):
        linkchart.two_mode(c, "degree", first="woman", second=["woman", "event"])
    with pytest.raises(LinkchartError, match="no second side"):
        linkchart.two_mode(c, "degree", first=["woman", "event", "town"])
    with pytest.raises(LinkchartError, match="normalized"):
        linkchart.two_mode(c, "degree", first="woman", normalized=1)  # type: ignore[arg-type]


def test_a_side_that_cannot_broker_scores_zero() -> None:
    # one event, two women: no woman can lie between others (networkx divides by zero here)
    c = linkchart.from_records(
        [{"id": "a", "type": "woman"}, {"id": "b", "type": "woman"}, {"id": "m", "type": "event"}],
        [{"from": x, "relation": "attended", "to": "m"} for x in "ab"],
        VOCAB,
    )
    assert linkchart.two_mode(c, "betweenness", first="woman", second="event").to_dict() == {
        "a": 0.0,
        "b": 0.0,
        "m": 1.0,
    }
