"""One-mode projections that keep the evidence (analysis/one_mode.py)."""

from __future__ import annotations

import itertools
import math
from typing import Any

import networkx as nx
import numpy as np
import pytest
from affiliation_charts import VOCAB, at, chart, davis
from hypothesis import given, settings
from hypothesis import strategies as st
from networkx.algorithms import bipartite

import linkchart
from linkchart import LinkchartError, UnknownNameError


# ---------------------------------------------------------------------------- hand-checked projections
def test_hand_checked_weights() -> None:
    # m1: a b c; m2: a b; m3: c d. N(a) = {m1, m2}, N(c) = {m1, m3}
    c = chart(
        [
            at("a", "m1"),
            at("b", "m1"),
            at("c", "m1"),
            at("a", "m2"),
            at("b", "m2"),
            at("c", "m3"),
            at("d", "m3"),
        ]
    )

    def pairs(weighting: str) -> dict[tuple[str, str], float]:
        return {
            (t.a, t.b): t.weight
            for t in linkchart.projected_ties(linkchart.one_mode(c, "person", "meeting", weighting=weighting))
        }

    assert pairs("shared") == {("a", "b"): 2.0, ("a", "c"): 1.0, ("b", "c"): 1.0, ("c", "d"): 1.0}
    # newman: m1 has 3 members (1/2 each), m2 and m3 two (1 each)
    assert pairs("newman") == {("a", "b"): 1.5, ("a", "c"): 0.5, ("b", "c"): 0.5, ("c", "d"): 1.0}
    # jaccard: a,b share {m1, m2} of {m1, m2}; a,c share {m1} of {m1, m2, m3}; c,d {m3} of {m1, m3}
    assert pairs("jaccard") == pytest.approx(
        {("a", "b"): 1.0, ("a", "c"): 1 / 3, ("b", "c"): 1 / 3, ("c", "d"): 0.5}
    )


def test_one_edge_per_shared_affiliation_and_the_projection_keeps_every_onto_node() -> None:
    c = chart([at("a", "m1"), at("b", "m1"), at("a", "m2"), at("b", "m2")])
    p = linkchart.one_mode(c, "person", "meeting")
    assert p.node_ids == ("a", "b", "c", "d")  # c and d share nothing: isolates
    assert [(e.from_id, e.to_id, e.attributes["via"]) for e in p.iter_edges()] == [
        ("a", "b", "m1"),
        ("a", "b", "m2"),
    ]
    assert not p.vocabulary.relations[0].directed
    assert p.vocabulary.relation_names == ("shared_meeting",)
    # a strength measure reads the weighting; betweenness one tie
    assert linkchart.strength(p)["a"] == 2.0
    assert linkchart.degree(p)["a"] == 1.0


def test_evidence_confidence_time_and_source_are_kept() -> None:
    c = linkchart.from_records(
        [{"id": x, "type": "person"} for x in "ab"] + [{"id": "m", "type": "meeting", "time": "2004-09-01"}],
        [
            at("a", "m", evidence="A came to the meeting.", source="icg", confidence="reported"),
            at("b", "m", evidence="B was there.", source="icg", confidence="reported", time="2004-09"),
            {"from": "a", "relation": "knows", "to": "b", "evidence": "not an affiliation"},
        ],
        VOCAB,
        sources=[{"id": "icg", "title": "Terrorism in Indonesia"}],
    )
    p = linkchart.one_mode(c, "person", "meeting")
    [e] = list(p.iter_edges())
    assert e.evidence == 'a attended m: "A came to the meeting." | b attended m: "B was there."'
    assert e.probability == pytest.approx(0.75 * 0.75)
    assert e.confidence == "alleged"  # the highest level at or below 0.5625
    assert e.time is not None and e.time.text == "2004-09-01"  # dated by the meeting
    assert e.source == "icg"
    assert list(e.attributes["via_edges"]) == ["e0", "e1"]
    [shared] = linkchart.shared_affiliations(p, "a", "b")
    assert shared.via == "m" and shared.first[0].evidence == "A came to the meeting."
    assert shared.second[0].time is not None and shared.second[0].time.text == "2004-09"
    assert shared.first[0].confidence == "reported" and shared.probability == pytest.approx(0.5625)


def test_several_reports_of_one_attendance_are_one_affiliation() -> None:
    c = chart([at("a", "m1", confidence="alleged"), at("a", "m1", confidence="alleged"), at("b", "m1")])
    p = linkchart.one_mode(c, "person", "meeting")
    [e] = list(p.iter_edges())
    assert e.probability == pytest.approx((1 - 0.5 * 0.5) * 0.95)
    assert list(e.attributes["via_edges"]) == ["e0", "e1", "e2"]
    [t] = linkchart.projected_ties(p)
    assert t.weight == 1.0


def test_the_pair_probability_combines_its_shared_affiliations() -> None:
    c = chart(
        [
            at("a", "m1", confidence="possible"),
            at("b", "m1"),
            at("a", "m2", confidence="alleged"),
            at("b", "m2"),
        ]
    )
    [t] = linkchart.projected_ties(linkchart.one_mode(c, "person", "meeting"))
    assert t.probability == pytest.approx(1 - (1 - 0.25 * 0.95) * (1 - 0.5 * 0.95))


def test_members_at_different_times_are_not_tied_unless_asked() -> None:
    nodes = [{"id": x, "type": "person"} for x in "abc"] + [{"id": "g", "type": "group"}]
    member = [
        {"from": "a", "relation": "member_of", "to": "g", "time": "1995-1998"},
        {"from": "b", "relation": "member_of", "to": "g", "time": "2001-"},
        {"from": "c", "relation": "member_of", "to": "g", "time": "1997-2002"},
    ]
    c = linkchart.from_records(nodes, member, VOCAB)
    p = linkchart.one_mode(c, "person", "group")
    assert {(e.from_id, e.to_id, e.time.text if e.time else None) for e in p.iter_edges()} == {
        ("a", "c", "1997-1998"),
        ("b", "c", "2001-2002"),
    }
    anytime = linkchart.one_mode(c, "person", "group", concurrent=False)
    assert anytime.number_of_edges == 3
    # a view in time reads the projected ties in force then
    assert linkchart.degree(p.as_of(1997, keep_nodes=True)).to_dict() == {"a": 1.0, "b": 0.0, "c": 1.0}


def test_min_weight_keeps_pairs_by_their_total_weight() -> None:
    c = chart([at("a", "m1"), at("b", "m1"), at("a", "m2"), at("b", "m2"), at("c", "m2")])
    p = linkchart.one_mode(c, "person", "meeting", min_weight=2)
    assert {(e.from_id, e.to_id) for e in p.iter_edges()} == {("a", "b")} and p.number_of_edges == 2


def test_reading_hostile_ties_direction_and_classes() -> None:
    c = chart(
        [
            {"from": "m1", "relation": "attended", "to": "a"},  # written the other way round
            at("b", "m1"),
            {"from": "c", "relation": "raided", "to": "m1"},  # hostile: not an affiliation
        ]
    )
    p = linkchart.one_mode(c, "agent", "event")  # classes stand for their node types
    assert {(e.from_id, e.to_id) for e in p.iter_edges()} == {("a", "b")}
    signed = linkchart.one_mode(c, "person", "meeting", signs="all")
    assert signed.number_of_edges == 3
    only = linkchart.one_mode(c, "person", "meeting", relations=["raided"])
    assert only.number_of_edges == 0


def test_bad_arguments_are_refused() -> None:
    c = chart([at("a", "m1")])
    with pytest.raises(UnknownNameError, match="did you mean 'meeting'"):
        linkchart.one_mode(c, "person", "meting")
    with pytest.raises(LinkchartError, match="share the node types person"):
        linkchart.one_mode(c, ["person", "meeting"], "person")
    with pytest.raises(UnknownNameError, match="weighting"):
        linkchart.one_mode(c, "person", "meeting", weighting="count")  # type: ignore[arg-type]
    for bad in (0, -1, math.nan, True, "2"):
        with pytest.raises(LinkchartError, match="min_weight"):
            linkchart.one_mode(c, "person", "meeting", min_weight=bad)  # type: ignore[arg-type]
    with pytest.raises(LinkchartError, match="not a one-mode projection"):
        linkchart.shared_affiliations(c, "a", "m1")


def test_the_input_is_not_changed_and_a_written_projection_loads_back(tmp_path: Any) -> None:
    c = chart([at("a", "m1", evidence="q"), at("b", "m1")])
    before = c.to_records()
    p = linkchart.one_mode(c, "person", "meeting", weighting="jaccard")
    assert c.to_records() == before
    back = linkchart.load(linkchart.write_yaml(p, tmp_path / "p.yaml"))
    assert back == p
    assert [(t.a, t.b, t.via) for t in linkchart.projected_ties(back)] == [("a", "b", ("m1",))]
    assert back.derived_from is None  # the file keeps the ids of the ties, not the ties


# ---------------------------------------------------------------------------- networkx parity
def strengths(p: linkchart.LinkChart) -> dict[frozenset[str], float]:
    proj = linkchart.project(p, weight="weight")
    return {
        frozenset((p.node_ids[a], p.node_ids[b])): s
        for a, b, s in zip(proj.src, proj.dst, proj.strength, strict=True)
    }


REFERENCE = {
    "shared": bipartite.weighted_projected_graph,
    "newman": bipartite.collaboration_weighted_projected_graph,
    "jaccard": bipartite.overlap_weighted_projected_graph,
}


@pytest.mark.parametrize("weighting", sorted(REFERENCE))
def test_davis_projection_matches_networkx(weighting: str) -> None:
    g, c = davis()
    ours = strengths(linkchart.one_mode(c, "person", "meeting", weighting=weighting))  # type: ignore[arg-type]
    ref = REFERENCE[weighting](g, g.graph["top"])
    expected = {frozenset((a, b)): d["weight"] for a, b, d in ref.edges(data=True)}
    assert set(ours) == set(expected) and len(ours) == 139
    for pair, w in expected.items():
        assert ours[pair] == pytest.approx(w)
    events = strengths(linkchart.one_mode(c, "meeting", "person", weighting=weighting))  # type: ignore[arg-type]
    ref = REFERENCE[weighting](g, g.graph["bottom"])
    assert events == pytest.approx({frozenset((a, b)): d["weight"] for a, b, d in ref.edges(data=True)})


@settings(max_examples=40, deadline=None)
@given(
    st.integers(2, 7),
    st.integers(1, 6),
    st.lists(st.tuples(st.integers(0, 6), st.integers(0, 5)), max_size=30),
    st.sampled_from(sorted(REFERENCE)),
)
def test_random_affiliations_match_networkx(
    people: int, meetings: int, ties: list[tuple[int, int]], weighting: str
) -> None:
    links = sorted({(f"p{a % people}", f"m{b % meetings}") for a, b in ties})
    nodes = [{"id": f"p{i}", "type": "person"} for i in range(people)]
    nodes += [{"id": f"m{j}", "type": "meeting"} for j in range(meetings)]
    c = chart([at(a, b) for a, b in links] * 2, nodes)  # every attendance reported twice
    g = nx.Graph()
    g.add_nodes_from(n["id"] for n in nodes)
    g.add_edges_from(links)
    ours = strengths(linkchart.one_mode(c, "person", "meeting", weighting=weighting))  # type: ignore[arg-type]
    ref = REFERENCE[weighting](g, [n["id"] for n in nodes if n["type"] == "person"])
    expected = {frozenset((a, b)): d["weight"] for a, b, d in ref.edges(data=True)}
    assert ours == pytest.approx(expected)


# ---------------------------------------------------------------------------- uncertainty on a projection
def star(p: float = 0.5) -> linkchart.LinkChart:
    level = {0.5: "alleged", 0.95: "confirmed"}[p]
    return chart([at(x, "m1", confidence=level) for x in "abc"])


def test_rank_uncertainty_draws_the_affiliations_not_the_projected_ties() -> None:
    p = linkchart.one_mode(star(), "person", "meeting")
    r = linkchart.rank_uncertainty(p, "degree", draws=4000, seed=3, workers=1)
    deg = r.values[:, :3]  # draws x (a, b, c); d attended nothing
    # b and c both tied to someone whenever both attended: 0.5 * 0.5
    both = float(np.mean((deg[:, 1] > 0) & (deg[:, 2] > 0)))
    assert both == pytest.approx(0.25, abs=0.03)
    # the triangle whenever all three attended: 0.125
    everyone = float(np.mean((deg == 2).all(axis=1)))
    assert everyone == pytest.approx(0.125, abs=0.02)
    # the same three ties drawn independently (0.25 each): the triangle in 1.6 % of draws
    plain = linkchart.from_records(*p.to_records(), vocabulary=p.vocabulary)
    independent = linkchart.rank_uncertainty(plain, "degree", draws=4000, seed=3, workers=1)
    assert float(np.mean((independent.values[:, :3] == 2).all(axis=1))) < 0.05


def test_rank_uncertainty_of_a_projection_reweighs_each_draw() -> None:
    # newman: with all three at m1 each tie weighs 1/2; when c's attendance is dropped, a-b weighs 1
    p = linkchart.one_mode(star(), "person", "meeting", weighting="newman")
    r = linkchart.rank_uncertainty(p, "strength", draws=2000, seed=1, workers=1)
    a = r.values[:, 0]
    assert set(np.round(np.unique(a), 6)) == {0.0, 1.0}  # 1/2 + 1/2 with three, 1 with two
    assert float(np.mean(a == 1.0)) == pytest.approx(0.5 * (1 - 0.25), abs=0.03)


def test_rank_uncertainty_is_the_same_for_one_or_two_workers_and_on_views() -> None:
    _, c = davis()
    p = linkchart.one_mode(c, "person", "meeting")
    one = linkchart.rank_uncertainty(p, "betweenness", draws=60, seed=5, model="missing", workers=1)
    two = linkchart.rank_uncertainty(p, "betweenness", draws=60, seed=5, model="missing", workers=2)
    assert np.array_equal(one.values, two.values)
    view = p.min_confidence("reported")  # every co-attendance: 0.95 * 0.95
    assert view.derived_from is p.derived_from
    again = linkchart.rank_uncertainty(view, "betweenness", draws=60, seed=5, model="missing", workers=1)
    assert np.array_equal(again.values, one.values)


def test_every_onto_pair_of_a_meeting_is_tied_once() -> None:
    people = [f"p{i}" for i in range(6)]
    c = chart(
        [at(x, "m1") for x in people],
        [{"id": x, "type": "person"} for x in people] + [{"id": "m1", "type": "meeting"}],
    )
    p = linkchart.one_mode(c, "person", "meeting", weighting="newman")
    assert {(e.from_id, e.to_id) for e in p.iter_edges()} == set(itertools.combinations(people, 2))
    assert set(p.edges.weight.tolist()) == {0.2}


# ---------------------------------------------------------------------------- either-or claims
def _claimed() -> linkchart.LinkChart:
    # a attended m1 or m2 (one alleged claim); b attended m1, c attended m2
    return chart(
        [
            at("a", "m1", alternative="where", confidence="alleged"),
            at("a", "m2", alternative="where", confidence="alleged"),
            at("b", "m1"),
            at("c", "m2"),
        ]
    )


def test_a_projected_tie_resting_on_an_alternative_carries_the_claim() -> None:
    c = _claimed()
    p = linkchart.one_mode(c, "person", "meeting")
    ties = {(e.from_id, e.to_id): e for e in p.iter_edges()}
    alleged = c.vocabulary.confidence.probability("alleged")
    confirmed = c.vocabulary.confidence.probability("confirmed")
    for pair in (("a", "b"), ("a", "c")):
        e = ties[pair]
        # a is at this meeting with p/s (the claim holds, and as this alternative), b or c with theirs
        assert e.probability == pytest.approx(alleged / 2 * confirmed)
        assert e.attributes["claims"] == ("where",)
        assert e.weight == pytest.approx(0.5)  # an alternative carries 1/s of its value
    plain = linkchart.one_mode(chart([at("a", "m1"), at("b", "m1")]), "person", "meeting")
    assert "claims" not in next(iter(plain.iter_edges())).attributes


def test_the_draws_of_a_projection_keep_at_most_one_alternative() -> None:
    c = _claimed()
    p = linkchart.one_mode(c, "person", "meeting")
    r = linkchart.rank_uncertainty(p, "degree", draws=2000, seed=1, workers=1)
    partners = r.values[:, p.index_of("a")]
    assert not np.any(partners == 2)  # never at both meetings
    alleged = c.vocabulary.confidence.probability("alleged")
    confirmed = c.vocabulary.confidence.probability("confirmed")
    assert np.mean(partners == 1) == pytest.approx(alleged * confirmed, abs=0.04)


def test_a_written_projection_keeps_its_tie_probabilities(tmp_path: Any) -> None:
    """Attack defect 4: the probability of a projected tie (0.2375 here) is written itself, not
    as the confidence level below it (possible, 0.25), in every format that reads it back."""
    c = _claimed()
    p = linkchart.one_mode(c, "person", "meeting")
    probs = p.edges.probability.tolist()
    assert not set(probs) <= set(c.vocabulary.confidence.probabilities)  # not levels
    for fmt in ("yaml", "graphml", "gexf", "json", "xlsx", "stix.json"):
        back = linkchart.load(linkchart.export(p, tmp_path / f"p.{fmt}"))
        assert back == p and back.edges.probability.tolist() == probs, fmt
    written = (tmp_path / "p.yaml").read_text(encoding="utf-8")
    assert "probability:" in written
    # a chart whose probabilities its levels give writes none
    plain = linkchart.load(linkchart.export(c, tmp_path / "c.yaml"))
    assert "probability:" not in (tmp_path / "c.yaml").read_text(encoding="utf-8") and plain == c


@pytest.mark.parametrize(("value", "ok"), [(0.2375, True), ("0.5", False), (0, False), (1.5, False)])
def test_a_probability_written_is_the_ties(value: object, ok: bool) -> None:
    nodes = [{"id": x, "type": "person"} for x in "ab"]
    edges = [{"from": "a", "relation": "knows", "to": "b", "probability": value}]
    if ok:
        assert linkchart.from_records(nodes, edges).edges.probability.tolist() == [value]
    else:
        with pytest.raises(linkchart.LoadError, match=r"edges\[0\].probability"):
            linkchart.from_records(nodes, edges)
