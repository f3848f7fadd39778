"""linkchart.analysis.diff: what changed from one chart to another."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from linkchart import (
    MEASURES,
    LinkChart,
    LinkchartError,
    Registry,
    Relation,
    UnknownNameError,
    Vocabulary,
    degree,
    diff,
    from_records,
    load,
)
from linkchart.analysis.ranks import competition_ranks

ROOT = Path(__file__).resolve().parents[2]

VOCABULARY = Vocabulary(relations=(Relation("knows", directed=False), Relation("pays")))
SOURCES = [{"id": "s", "title": "ICG"}, {"id": "t", "title": "Press"}]


def make(nodes: list[dict[str, Any]], edges: list[dict[str, Any]], **more: Any) -> LinkChart:
    return from_records(
        nodes, edges, more.pop("vocabulary", VOCABULARY), sources=more.pop("sources", SOURCES)
    )


def people(*ids: str) -> list[dict[str, Any]]:
    return [{"id": i, "type": "person"} for i in ids]


@pytest.mark.parametrize(
    "path",
    [
        "graphs/central_asia.yaml",
        "examples/data/krebs_911/krebs_911.yaml",
        "examples/data/split/source_b.yaml",
    ],
)
def test_a_chart_and_itself_differ_in_nothing(path: str) -> None:
    chart = load(ROOT / path)
    d = diff(chart, chart)
    assert not d and not any(d.counts().values())
    assert d.text() == "no differences\n" and d.to_dict()["same"] is True
    again = load(ROOT / path)  # an equal chart read twice: the same
    assert not diff(chart, again)


def test_nodes_added_removed_and_changed() -> None:
    a = make([*people("A", "B"), {"id": "C", "type": "person", "label": "Cee"}], [])
    b = make([*people("A", "D"), {"id": "C", "type": "organisation", "label": "C.", "aliases": ["Sea"]}], [])
    d = diff(a, b, measures=())
    assert d.nodes_added == ("D",) and d.nodes_removed == ("B",)
    (c,) = d.nodes_changed
    assert c.id == "C" and [(x.field, x.a, x.b) for x in c.changes] == [
        ("type", "person", "organisation"),
        ("label", "Cee", "C."),
        ("aliases", [], ["Sea"]),
    ]
    assert d and d.counts()["nodes_changed"] == 1


def test_edges_matched_by_claim_and_source_whatever_their_ids() -> None:
    a = make(
        people("A", "B", "C"),
        [
            {"from": "A", "relation": "knows", "to": "B", "source": "s", "evidence": "A met B", "id": "x1"},
            {"from": "B", "relation": "pays", "to": "C", "source": "s", "confidence": "alleged"},
            {"from": "A", "relation": "pays", "to": "C", "source": "s", "evidence": "old quote"},
            {"from": "C", "relation": "pays", "to": "A", "source": "t", "evidence": "dropped"},
            {"from": "A", "relation": "knows", "to": "C", "source": "s"},
        ],
    )
    b = make(
        people("A", "B", "C"),
        [
            {
                "from": "B",
                "relation": "knows",
                "to": "A",
                "source": "s",
                "evidence": "A met B",
            },  # same, other order
            {"from": "B", "relation": "pays", "to": "C", "source": "s", "confidence": "confirmed"},
            {"from": "A", "relation": "pays", "to": "C", "source": "s", "evidence": "new quote"},
            {"from": "C", "relation": "pays", "to": "A", "source": "t"},
            {"from": "A", "relation": "knows", "to": "C", "source": "s", "evidence": "now quoted"},
            {"from": "A", "relation": "knows", "to": "B", "source": "t", "evidence": "a second source"},
            {"from": "C", "relation": "pays", "to": "B", "source": "s"},  # directed: another claim
        ],
    )
    d = diff(a, b, measures=())
    assert d.edges_added == ("e5", "e6") and d.edges_removed == ()
    changed = {(c.a, c.b): c for c in d.edges_changed}
    assert list(changed) == [("e1", "e1"), ("e2", "e2"), ("e3", "e3"), ("e4", "e4")]
    assert [(x.field, x.a, x.b) for x in changed["e1", "e1"].changes] == [
        ("confidence", "alleged", "confirmed"),
        ("probability", 0.5, 0.95),
    ]
    assert [c.evidence for c in d.edges_changed] == [None, "changed", "removed", "added"]
    counts = d.counts()
    assert (counts["confidence_changed"], counts["evidence_added"], counts["evidence_removed"]) == (1, 1, 1)
    assert counts["evidence_changed"] == 1 and counts["edges_changed"] == 4
    assert changed["e1", "e1"].claim == "B ->pays-> C [s]"
    removed = diff(b, a, measures=())
    assert removed.edges_removed == ("e5", "e6") and not removed.edges_added


def test_sources_and_declarations() -> None:
    a = make(people("A"), [], sources=[{"id": "s", "title": "ICG"}, {"id": "u"}])
    b = make(
        people("A"),
        [],
        sources=[{"id": "s", "title": "ICG 2002"}, {"id": "t"}],
        vocabulary=Vocabulary(relations=(Relation("knows", directed=True), Relation("hosts"))),
    )
    d = diff(a, b, measures=())
    assert (d.sources_added, d.sources_removed, d.sources_changed) == (("t",), ("u",), ("s",))
    assert "relation 'hosts' added" in d.vocabulary and "relation 'pays' removed" in d.vocabulary
    assert "relation 'knows' declared otherwise" in d.vocabulary


def test_top_ranks_moved_per_default_measure_through_the_registry() -> None:
    a = make(
        people("A", "B", "C", "D"),
        [{"from": x, "relation": "knows", "to": y} for x, y in ("AB", "BC", "CD")],
    )
    b = make(
        people("A", "B", "C", "D", "E"),
        [{"from": x, "relation": "knows", "to": y} for x, y in ("AB", "BC", "CD", "DE", "DA")],
    )
    d = diff(a, b, top=2)
    defaults = [n for n in MEASURES.names(returns="node", in_report=True) if MEASURES[n].applies_to(a)]
    assert {r.measure for r in d.ranks} <= set(defaults) and "degree" in {r.measure for r in d.ranks}
    moves = {r.measure: r for r in d.ranks}["degree"]
    for m in moves.moves:  # ranks as the registry's measure gives them
        for chart, rank in ((a, m.rank_a), (b, m.rank_b)):
            if m.node not in chart:
                assert rank is None
                continue
            values = np.array([MEASURES["degree"](chart)[n] for n in chart.node_ids])
            expected = competition_ranks(values[np.newaxis, :], True)[0][chart.index_of(m.node)]
            assert rank == int(expected)
    assert moves.top_a == ("B", "C") and moves.top_b == ("D", "A", "B", "C")  # ties at rank 2 are in
    assert [(m.node, m.rank_a, m.rank_b) for m in moves.moves] == [
        ("B", 1, 2),
        ("C", 1, 2),
        ("D", 3, 1),
        ("A", 3, 2),
    ]
    # a measure whose lowest value is the most: constraint ranks the least constrained first
    constraint = {r.measure: r for r in diff(a, b, measures=["constraint"], top=1).ranks}["constraint"]
    assert constraint.top_a == ("B", "C")  # the two middle nodes are the least constrained
    only = diff(a, b, registry=Registry.of(degree))
    assert [r.measure for r in only.ranks] == ["degree"]


def test_json_form_and_arguments() -> None:
    a = make(people("A", "B"), [{"from": "A", "relation": "knows", "to": "B"}])
    b = make(people("A", "B", "C"), [{"from": "A", "relation": "knows", "to": "C"}])
    d = diff(a, b, measures=["degree"])
    doc = json.loads(json.dumps(d.to_dict()))
    assert (
        doc["same"] is False
        and doc["nodes"]["added"] == ["C"]
        and doc["edges"]["removed"] == [{"id": "e0", "claim": "A --knows-- B"}]
    )
    assert doc["ranks"][0]["measure"] == "degree" and doc["top"] == 10
    assert set(doc["counts"]) >= {"confidence_changed", "evidence_added", "measures_moved"}
    text = d.text()
    assert "+ node C" in text and "- edge e0" in text and "degree:" in text and "absent->" in text
    with pytest.raises(LinkchartError, match="top"):
        diff(a, b, top=0)
    with pytest.raises(UnknownNameError, match="degre"):
        diff(a, b, measures=["degre"])
    with pytest.raises(LinkchartError, match="not list"):
        diff(a, [])  # type: ignore[arg-type]


def test_evidence_is_compared_as_items_not_as_written() -> None:
    # one quote and the same quote written out as an item with its edge's source and confidence
    # are the same evidence; so are the same items in another order (review of issue 23, gap 7)
    one = [{"from": "A", "relation": "knows", "to": "B", "source": "s", "evidence": "A met B"}]
    out = [
        {
            "from": "A", "relation": "knows", "to": "B", "source": "s",
            "evidence": [{"quote": "A met B", "source": "s", "confidence": "confirmed"}],
        }
    ]  # fmt: skip
    assert not diff(make(people("A", "B"), one), make(people("A", "B"), out), measures=())
    two = [{**out[0], "evidence": [{"quote": "A met B"}, {"quote": "again", "source": "t"}]}]
    swapped = [{**two[0], "evidence": list(reversed(two[0]["evidence"]))}]
    a, b = (
        make(people("A", "B"), two, sources=[{"id": "s"}, {"id": "t"}]),
        make(people("A", "B"), swapped, sources=[{"id": "s"}, {"id": "t"}]),
    )
    assert not diff(a, b, measures=())
    # an item more is evidence added, an item fewer removed, one for another changed
    base = make(people("A", "B"), one)
    (more,) = diff(base, a, measures=()).edges_changed
    (fewer,) = diff(a, base, measures=()).edges_changed
    assert (more.evidence, fewer.evidence) == ("added", "removed")
    other = [{**two[0], "evidence": [{"quote": "A met B"}, {"quote": "once more", "source": "t"}]}]
    (changed,) = diff(
        a, make(people("A", "B"), other, sources=[{"id": "s"}, {"id": "t"}]), measures=()
    ).edges_changed
    assert changed.evidence == "changed"


GRADED = """linkchart: 1
title: grades
{grades}sources: [{{id: s, reliability: {s}}}, {{id: t}}]
nodes: [{{id: Alice, type: person}}, {{id: Bob, type: person}}, {{id: Carol, type: person}}]
edges:
  - {{from: Alice, relation: pays, to: Bob, evidence: [{{source: s}}, {{source: t}}]}}
  - {{from: Bob, relation: pays, to: Carol, source: s}}
"""


def graded(tmp_path: Path, name: str, s: str = "B", grades: str = "") -> LinkChart:
    path = tmp_path / name
    path.write_text(GRADED.format(s=s, grades=grades), encoding="utf-8")
    return load(path)


def test_the_grades_table_and_rule_and_the_tie_probabilities_they_move(tmp_path: Path) -> None:
    a = graded(tmp_path, "a.yaml")
    b = graded(tmp_path, "b.yaml", grades="grades: {reliability: {B: 0.1}, corroboration: max}\n")
    d = diff(a, b, measures=())
    assert d and d.vocabulary == ("reliability grade B 0.9 -> 0.1", "corroboration noisy-or -> max")
    moved = {c.claim: [(x.field, x.a, x.b) for x in c.changes] for c in d.edges_changed}
    assert moved == {
        "Alice ->pays-> Bob": [("probability", pytest.approx(1 - 0.05 * 0.145), 0.95)],
        "Bob ->pays-> Carol [s]": [("probability", 0.855, 0.095)],
    }
    assert d.counts()["probability_changed"] == 2 and "probability 0.855 -> 0.095" in d.text()
    assert "~ reliability grade B 0.9 -> 0.1" in d.text()


def test_a_sources_reliability_reaches_its_ties_probabilities(tmp_path: Path) -> None:
    d = diff(graded(tmp_path, "a.yaml"), graded(tmp_path, "b.yaml", s="E"), measures=())
    assert d.sources_changed == ("s",) and d.vocabulary == ()
    assert [(c.a, [x.field for x in c.changes]) for c in d.edges_changed] == [
        ("e0", ["probability"]),
        ("e1", ["probability"]),
    ]
    assert d.edges_changed[1].changes[0].b == pytest.approx(0.95 * 0.4)


def test_the_text_gives_evidence_lists_in_words_not_reprs() -> None:
    a = make(
        people("A", "B"), [{"from": "A", "relation": "pays", "to": "B", "source": "s", "evidence": "q1"}]
    )
    items = [{"quote": "q1"}, {"quote": 'A "paid" B', "source": "t", "credibility": 2}]
    b = make(
        people("A", "B"), [{"from": "A", "relation": "pays", "to": "B", "source": "s", "evidence": items}]
    )
    d = diff(a, b, measures=())
    text = d.text()
    assert "{'" not in text and "'quote'" not in text
    # item by item: the one added, not the whole list before and after (review rev7)
    assert 'evidence + "A \\"paid\\" B" (source t, credibility 2)' in text and '"q1" ->' not in text
    (edge,) = d.edges_changed
    assert edge.items_added == ({"quote": 'A "paid" B', "source": "t", "credibility": 2},)
    assert edge.items_removed == () and edge.to_dict()["items_added"] == list(edge.items_added)
    # one removed, one added, one regraded: each said
    regraded = [{"quote": "q2", "source": "t", "credibility": 3}, {"quote": 'A "paid" B', "source": "t"}]
    c = make(
        people("A", "B"), [{"from": "A", "relation": "pays", "to": "B", "source": "s", "evidence": regraded}]
    )
    (edge,) = diff(b, c, measures=()).edges_changed
    assert [x.get("quote") for x in edge.items_added] == ["q2", 'A "paid" B']
    assert [x.get("quote") for x in edge.items_removed] == ["q1", 'A "paid" B'] and edge.evidence == "changed"
