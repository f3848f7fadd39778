"""Affiliations read back and the meta-network at a glance (analysis/affiliation.py)."""

from __future__ import annotations

from pathlib import Path

from affiliation_charts import VOCAB, at, davis

import linkchart


# ---------------------------------------------------------------------------- the meta-network at a glance
def test_affiliations_name_the_pairs_bridges_and_cut_points() -> None:
    # two groups of people, joined only through m2; g is an organisation a and d belong to
    nodes = [{"id": x, "type": "person"} for x in "abcde"]
    nodes += [{"id": m, "type": "meeting"} for m in ("m1", "m2", "m3")] + [{"id": "g", "type": "group"}]
    edges = [at("a", "m1"), at("b", "m1"), at("b", "m2"), at("c", "m2"), at("c", "m3"), at("d", "m3")]
    edges += [at("e", "m3"), {"from": "a", "relation": "member_of", "to": "g"}]
    edges += [
        {"from": "d", "relation": "member_of", "to": "g"},
        {"from": "a", "relation": "knows", "to": "e"},
    ]
    result = linkchart.affiliations(linkchart.from_records(nodes, edges, VOCAB), top=2)
    organisation, event = result.views  # in the order of the classes
    assert (event.onto, event.via, event.relations, event.ties) == (
        ("person",),
        ("meeting",),
        ("attended",),
        7,
    )
    assert [(t.a, t.b, t.weight) for t in event.pairs] == [("a", "b", 1.0), ("b", "c", 1.0)]
    assert [v for v, _ in event.bridges] == ["m2", "m3"]  # m2 joins the groups
    assert ("m2", 2) in event.cut  # without m2, a and b share nothing with c, d and e
    assert organisation.via == ("group",) and [(t.a, t.b) for t in organisation.pairs] == [("a", "d")]
    assert "person through meeting (attended, 7 ties)" in result.text()
    assert tuple(result.to_dict()["views"][0]["via"]) == ("group",)


def test_the_report_has_an_affiliations_section_only_for_a_meta_network() -> None:
    _, c = davis()
    r = linkchart.report(c, top=3, measures=["degree"], draws=None)
    assert r.affiliations is not None and "tie the groups (two-mode betweenness): E8 0.24" in r.to_text()
    assert "## Affiliations" in r.to_markdown() and r.to_dict()["affiliations"]["classes"]["nodes"] == {
        "agent": 18,
        "event": 14,
    }
    plain = linkchart.load(Path(__file__).parents[2] / "graphs" / "central_asia.yaml")
    assert linkchart.report(plain, top=3, measures=["degree"], draws=None).affiliations is None
