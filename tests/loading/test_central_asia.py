"""The Central Asia graph (graphs/central_asia.yaml) loads, and its evidence is in its source text."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

import linkchart

ROOT = Path(__file__).resolve().parents[2]
GRAPH = ROOT / "graphs" / "central_asia.yaml"
TEXT = ROOT / "graphs" / "sources" / "central_asia_imt.txt"


@pytest.fixture(scope="module")
def chart() -> linkchart.LinkChart:
    return linkchart.load(GRAPH)


def _normalise(text: str) -> str:
    """An independent folding (not the loader's): quotes, dashes, whitespace."""
    for fancy, plain in (
        ("\u2019", "'"),
        ("\u2018", "'"),
        ("\u201c", '"'),
        ("\u201d", '"'),
        ("\u2013", "-"),
        ("\u2014", "-"),
    ):
        text = text.replace(fancy, plain)
    return " ".join(text.split())


def test_it_loads(chart: linkchart.LinkChart) -> None:
    assert chart.title.startswith("The IMT network in Central Asia")
    assert chart.number_of_nodes >= 30 and chart.number_of_edges >= 60
    assert [s.id for s in chart.sources] == ["smith", "general_knowledge"]


def test_every_evidence_quote_occurs_in_the_article() -> None:
    # Read the YAML with PyYAML directly, so this check does not rely on the loader.
    data = yaml.safe_load(GRAPH.read_text(encoding="utf-8"))
    article = _normalise(TEXT.read_text(encoding="utf-8"))
    quotes = [e["evidence"] for e in data["edges"] if e.get("evidence")]
    from_article = [e for e in data["edges"] if e.get("source", "smith") == "smith"]
    assert len(quotes) == len(from_article)  # every edge from the article quotes it
    # and an edge that does not cite the article is general knowledge, with no quote
    assert all(
        e["source"] == "general_knowledge" and "evidence" not in e
        for e in data["edges"]
        if e not in from_article
    )
    for quote in quotes:
        position = 0
        for part in re.split(r"\.\.\.|\u2026", quote):
            part = _normalise(part)
            if part:
                found = article.find(part, position)
                assert found >= 0, f"not in the article: {part!r} (of {quote!r})"
                position = found + len(part)


def test_counts_by_type_are_sane(chart: linkchart.LinkChart) -> None:
    types = Counter(chart.node_type_of(n) for n in chart.node_ids)
    assert types["state"] >= 5  # Pakistan, Tajikistan, Kyrgyzstan, Uzbekistan, Afghanistan
    assert types["organisation"] >= 5 and types["region"] >= 5
    assert types["person"] >= 2  # Rakhmonov, Tahir Yoldash
    for state in ("Pakistan", "Tajikistan", "Kyrgyzstan", "Uzbekistan", "Afghanistan"):
        assert chart.node_type_of(state) == "state"
    assert chart.node_type_of("IMT") == "organisation"
    assert "IMU" in chart.node("IMT").aliases


def test_the_financing_tie(chart: linkchart.LinkChart) -> None:
    # "Financing for the IMT units, it has been argued, comes through Pakistan": a conduit
    (tie,) = [e for e in chart.edges_between("Pakistan", "IMT") if e.relation != "operates_in"]
    assert (tie.from_id, tie.relation, tie.to_id) == ("IMT", "funded_through", "Pakistan")
    assert tie.confidence == "alleged" and tie.source == "smith"  # "it has been argued"
    assert chart.vocabulary.relation("funded_through").layer == "presence"  # a route, not an actor's tie


def test_every_relation_has_a_layer_and_the_hostile_ones_a_sign(chart: linkchart.LinkChart) -> None:
    v = chart.vocabulary
    assert "common" not in v.layers  # every relation says what it is about
    assert v.default_layers == ("operational", "political")
    hostile = {r.name for r in v.relations if r.negative}
    assert hostile == {"counters", "threatens", "infiltrates", "targets", "invaded", "discredited"}
    neutral = {r.name for r in v.relations if r.neutral}
    # weakness and tolerance by omission are neither channels nor enmity (issue 18)
    assert {"fails_to_control", "deprioritises", "uses_routes_of", "denies_terrorists_in"} <= neutral
    assert {r.layer for r in v.relations if r.neutral} >= {"presence", "geography", "statement"}
    assert all(r.neutral for r in v.relations if r.layer in ("presence", "geography", "statement"))
    assert {v.relation(r).layer for r in ("located_in", "borders")} == {"geography"}
    assert [r.name for r in v.relations if not r.read] == ["example_of"]


def test_review_fixes(chart: linkchart.LinkChart) -> None:
    # places and the one-sentence hiding list: no village nodes, one hiding edge to Shaartuz
    assert not any(v in chart for v in ("Khushad", "Khevaspor", "Ayvanj"))
    (hiding,) = [e for e in chart.edges_between("IMT", "Shaartuz") if e.relation == "hides_in"]
    assert hiding.attributes["villages"] == ("Khushad", "Khevaspor", "Ayvanj")
    # "Al Qaeda or Taliban units": one either-or claim of the IMT, not an actor of its own
    assert "Al-Qaeda or Taliban units" not in chart
    claim = [e for e in chart.iter_edges() if e.alternative == "imt-units-in-kunar-and-paktia"]
    assert [(e.id, e.from_id, e.relation, e.to_id, e.confidence) for e in claim] == [
        ("e69a", "IMT", "operates_with", "Al-Qaeda", "reported"),
        ("e69b", "IMT", "operates_with", "Taliban", "reported"),
    ]
    assert {e.attributes["where"] for e in claim} == {"Kunar and Paktia"}
    # "may be operating": the outlawed movements' presence in Kashmir is alleged
    (kashmir,) = chart.edges_between("Outlawed Islamist movements", "Pakistani-controlled Kashmir")
    assert kashmir.confidence == "alleged"
    # the missing ties
    assert [e.relation for e in chart.edges_between("Government of Tajikistan", "Tajikistan")] == ["governs"]
    assert [e.relation for e in chart.edges_between("JUI", "Pakistani Islamist circles")] == ["enables"]
    assert [e.relation for e in chart.edges_between("Uzbekistan", "Tajikistan")] == ["borders"]
    for state in ("Tajikistan", "Kyrgyzstan", "Uzbekistan"):
        (e,) = chart.edges_between(state, "Central Asia")
        assert (e.relation, e.source, e.evidence) == ("located_in", "general_knowledge", "")


def test_every_edge_names_its_id() -> None:
    # explicit ids trace an edge across re-encodings (the review of issue 18 started from e0...e97)
    data = yaml.safe_load(GRAPH.read_text(encoding="utf-8"))
    ids = [e.get("id") for e in data["edges"]]
    assert all(isinstance(i, str) and i for i in ids) and len(set(ids)) == len(ids)


def test_issue_18_review(chart: linkchart.LinkChart) -> None:
    ids = {e.id for e in chart.iter_edges()}
    # removed: LeT's link from the 'such as' clause, the AQ-or-Taliban units, the scenario
    assert not ids & {"e44", "e70", "e71", "e72", "e73", "e94", "e95", "e96", "e97"}
    assert not any(n in chart for n in ("Terrorists using Tajikistan", "Iraqi resistance groups", "Iraq"))
    # "such as": an example no measure reads
    (example,) = chart.edges_between("Lashkar-e-Taiba", "Outlawed Islamist movements")
    assert (example.id, example.relation) == ("e45", "example_of")
    assert not chart.vocabulary.relation("example_of").read
    # the scenario is a note on the IMT, with its quote
    (scenario,) = [n for n in chart.node("IMT").notes if "follows the path" in n.quote]
    assert scenario.source == "smith" and scenario.text.startswith("Scenario")
    # the 'terrorists using Tajikistan' are the IMT's incursions
    assert [(e.from_id, e.relation, e.to_id) for e in map(chart.edge, ("e6", "e7", "e8"))] == [
        ("IMT", "stages_from", "Tajikistan"),
        ("IMT", "targets", "Kyrgyzstan"),
        ("IMT", "targets", "Uzbekistan"),
    ]
    # missing ties, added
    assert (chart.edge("e98").from_id, chart.edge("e98").relation, chart.edge("e98").to_id) == (
        "Al-Qaeda",
        "threatens",
        "Pakistan",
    )
    e99 = chart.edge("e99")
    assert (e99.from_id, e99.to_id, e99.confidence) == (
        "Northern Alliance field commanders",
        "Badakhshan mountain passes",
        "possible",
    )
    # one garbled sentence, one hiding place: an either-or claim
    assert {chart.edge(k).alternative for k in ("e37", "e38")} == {"imt-hiding-place"}
    # shared smuggling routes beside the connections: one channel, not two
    assert chart.vocabulary.relation("uses_routes_of").neutral
    read = linkchart.reading(chart).relations
    assert "linked_to" in read and "uses_routes_of" not in read
