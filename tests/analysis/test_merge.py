"""linkchart.analysis.merge: one chart of two, nothing silently guessed."""

from __future__ import annotations

import warnings
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from linkchart import (
    ConfidenceScale,
    Decision,
    Evidence,
    LinkChart,
    LinkchartError,
    LoadError,
    MergeWarning,
    Relation,
    Vocabulary,
    conflicts,
    diff,
    from_records,
    load,
    merge,
    merge_charts,
)

ROOT = Path(__file__).resolve().parents[2]
SPLIT = ROOT / "examples" / "data" / "split"


def people(*ids: str, type: str = "person") -> list[dict[str, Any]]:
    return [{"id": i, "type": type} for i in ids]


def knows(a: str, b: str, **more: Any) -> dict[str, Any]:
    return {"from": a, "relation": "knows", "to": b, **more}


def make(
    nodes: Sequence[dict[str, Any]],
    edges: Sequence[dict[str, Any]],
    sources: Sequence[dict[str, Any]] = (),
    vocabulary: Vocabulary | None = None,
    title: str = "",
) -> LinkChart:
    v = vocabulary or Vocabulary(relations=(Relation("knows", directed=False),))
    return from_records(nodes, edges, v, sources=sources, title=title)


def quiet(a: LinkChart, b: LinkChart, **kwargs: Any) -> LinkChart:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", MergeWarning)
        return merge(a, b, **kwargs)


def edge_contents(chart: LinkChart) -> Counter[tuple[Any, ...]]:
    """Every evidence item by its tie and fields (ids, claim marks aside; a source by its
    document): an edge without a list is one item, its quote and source."""
    documents = {s.id: (s.title, s.author, s.date, s.location) for s in chart.sources}
    out: Counter[tuple[Any, ...]] = Counter()
    for e in chart.iter_edges():
        marks = ("claim", "from_as_written", "to_as_written")
        attributes = {k: v for k, v in e.attributes.items() if k not in marks}
        items = e.evidence_items or (Evidence(e.evidence),)
        for it in items:
            out[
                (
                    *sorted((e.from_id, e.to_id)),
                    e.relation,
                    repr(e.time),
                    documents.get(it.source or e.source or ""),
                    it.quote,
                    it.confidence or e.confidence,
                    repr(sorted(attributes.items())),
                )
            ] += 1
    return out


# ---------------------------------------------------------------------------- nodes


def test_nodes_are_joined_by_id_and_by_nothing_else() -> None:
    a = make([{"id": "Juma Namangani", "type": "person", "label": "Namangani"}, *people("IMU")], [])
    b = make(
        [{"id": "Djuma Namangany", "type": "person", "label": "Namangani"}, *people("IMU", "Yoldash")], []
    )
    m = quiet(a, b)
    assert m.node_ids == ("Juma Namangani", "IMU", "Djuma Namangany", "Yoldash")  # equal labels: two nodes


def test_matches_join_nodes_and_keep_every_name_and_every_end_as_written() -> None:
    a = make(
        [{"id": "Juma Namangani", "type": "person", "aliases": ["Jumaboi"]}, *people("IMU")],
        [knows("Juma Namangani", "IMU", evidence="Namangani led the IMU")],
    )
    b = make(
        [{"id": "Djuma Namangany", "type": "person", "label": "D. Namangany"}, *people("IMU")],
        [knows("IMU", "Djuma Namangany", evidence="the IMU's commander Namangany")],
    )
    for matches in ({"Djuma Namangany": "Juma Namangani"}, [("Juma Namangani", "Djuma Namangany")]):
        done = merge_charts(a, b, matches=matches)
        m = done.chart
        assert m.node_ids == ("Juma Namangani", "IMU")
        assert m.node("Juma Namangani").aliases == ("Jumaboi", "Djuma Namangany", "D. Namangany")
        assert done.joined == (("Juma Namangani", ("Juma Namangani", "Djuma Namangany")),)
        second = m.edge("e0-2")
        assert {second.from_id, second.to_id} == {"IMU", "Juma Namangani"}
        assert second.attributes["to_as_written"] == "Djuma Namangany"
        assert "from_as_written" not in second.attributes
    with pytest.raises(LinkchartError, match="the second chart has no node 'Djuma Namangani'") as err:
        merge_charts(a, b, matches={"Djuma Namangani": "Juma Namangani"})
    assert "Djuma Namangany" in err.value.hint
    with pytest.raises(LinkchartError, match="a pair of node ids"):
        merge_charts(a, b, matches=[("Juma Namangani",)])  # type: ignore[list-item]


def test_same_as_decisions_join_nodes_chains_too_and_the_first_id_names_the_node() -> None:
    a = make(people("Tahir Yoldash", "IMU"), [knows("Tahir Yoldash", "IMU")])
    b = make(people("T. Yoldash", "Yoldashev", "IMU"), [knows("Yoldashev", "IMU")])
    decisions = [
        Decision(("Tahir Yoldash", "T. Yoldash"), True, by="jd"),
        Decision(("T. Yoldash", "Yoldashev"), True),
        Decision(("Yoldash, Tahir", "Tahir Yoldash"), True),  # an id neither chart has
    ]
    done = merge_charts(a, b, decisions=decisions)
    assert done.chart.node_ids == ("Tahir Yoldash", "IMU")
    assert set(done.chart.node("Tahir Yoldash").aliases) == {"T. Yoldash", "Yoldashev"}
    (note,) = done.notes
    assert note.startswith("decision names 'Yoldash, Tahir', which neither chart has")
    with pytest.raises(LinkchartError, match="contradict"):
        merge_charts(a, b, decisions=[*decisions, Decision(("Yoldashev", "Tahir Yoldash"), False)])


def test_a_join_of_two_nodes_of_one_chart_is_held_to_load_s_checks_never_made_silently(
    tmp_path: Path,
) -> None:
    a = make(people("Alice", "Bob", "Carol"), [knows("Alice", "Bob"), knows("Bob", "Carol")])
    b = make([*people("Alice", "Carol"), {"id": "Bob", "type": "organisation"}], [knows("Bob", "Alice")])
    with pytest.raises(LoadError) as err:  # b's Bob is a's Alice, who is b's Alice too
        merge_charts(a, b, matches={"Bob": "Alice"})
    said = [(p.code, p.path, p.message) for p in err.value.problems]
    assert all(code == "bad-decision" and path == "matches['Bob']" for code, path, _ in said)
    messages = " | ".join(m for _, _, m in said)
    assert "edge 'e0' ties them to each other: the merge would make it a self-loop (in the first" in messages
    assert "different types: Alice (person), Bob (organisation) (in the second chart)" in messages
    with pytest.raises(LoadError, match=r"decisions\[1\]\.same_as: 'Bob' and 'Carol' are judged one"):
        merge_charts(a, b, decisions=[Decision(("Alice", "Dave"), True), Decision(("Carol", "Bob"), True)])
    path = tmp_path / "decisions.yaml"
    path.write_text("decisions:\n  - {same_as: [Carol, Bob]}\n", encoding="utf-8")
    from linkchart.cli.commands._decisions import read_decisions

    with pytest.raises(LoadError) as err:
        merge_charts(a, a, decisions=read_decisions(str(path)))
    assert {(p.file, p.path) for p in err.value.problems} == {(str(path), "decisions[0].same_as")}
    c = make(people("Carol", "Dave", "Eve"), [knows("Carol", "Eve"), knows("Dave", "Eve")])
    done = merge_charts(c, c, decisions=[Decision(("Carol", "Dave"), True)])  # load would join them
    assert done.chart.node_ids == ("Carol", "Eve") and done.chart.node("Carol").aliases == ("Dave",)
    with pytest.raises(LoadError, match="give attribute 'x' different values"):
        x = [{"id": "Carol", "type": "person", "attributes": {"x": 1}},
             {"id": "Dave", "type": "person", "attributes": {"x": 2}}]  # fmt: skip
        merge_charts(make(x, []), make(people("Dave"), []), matches={"Dave": "Carol"})


def test_a_chart_s_own_not_same_as_survives_load_and_merges_and_refuses_a_join(tmp_path: Path) -> None:
    path = tmp_path / "ns.yaml"
    path.write_text(
        "linkchart: 1\ntitle: NS\nnodes: [{id: Wail, type: person}, {id: Waleed, type: person}, "
        "{id: Z, type: person}]\n"
        "edges: [{from: Wail, relation: r, to: Z}, {from: Waleed, relation: r, to: Z}]\n"
        "decisions:\n  - {not_same_as: [Wail, Waleed], by: analyst, why: brothers}\n",
        encoding="utf-8",
    )
    chart, empty = load(path), make([], [])
    join = [Decision(("Waleed", "Wail"), True)]
    for which in ((chart, empty), (empty, chart)):
        with pytest.raises(LoadError, match="'Wail' and 'Waleed' are judged one entity and not") as err:
            merge_charts(*which, decisions=join)
        [problem] = err.value.problems
        assert (problem.file, problem.path, problem.code) == (str(path), "decisions", "bad-decision")
    with pytest.raises(LoadError, match="recorded by the chart when it loaded"):
        merge_charts(chart, chart, matches=[("Wail", "Waleed")])
    merged = merge_charts(chart, empty).chart  # the merged chart keeps it, for the next merge
    assert [d.to_record() for d in merged.decisions.entries] == [
        {"not_same_as": ["Wail", "Waleed"], "by": "analyst", "why": "brothers"}
    ]
    with pytest.raises(LoadError, match="contradict"):
        merge_charts(merged, empty, decisions=join)


def test_joined_nodes_of_other_types_times_or_attributes_are_conflicts_the_first_kept() -> None:
    a = make(
        [{"id": "Afghanistan", "type": "state", "time": "1996-", "attributes": {"iso": "AF"}}],
        [],
    )
    b = make(
        [{"id": "Afghan region", "type": "region", "time": "1990-", "attributes": {"iso": "AFG", "x": 1}}],
        [],
    )
    done = merge_charts(a, b, matches={"Afghan region": "Afghanistan"})
    node = done.chart.node("Afghanistan")
    assert node.type == "state" and node.attributes == {"iso": "AF", "x": 1}
    assert node.time is not None and node.time.text == "1996-"
    kinds = [c.kind for c in done.conflicts]
    assert kinds == ["type", "node", "node"]
    assert "of different classes" in done.conflicts[0].message
    assert done.conflicts[0].values == ("state", "region")


# ---------------------------------------------------------------------------- edges, evidence, sources


def test_the_same_claim_from_two_charts_is_one_edge_with_every_evidence_item() -> None:
    a = make(
        people("A", "B", "C"),
        [
            knows("A", "B", source="s", evidence="A met B", confidence="reported"),
            knows("B", "C", source="s", evidence="B and C"),
        ],
        [{"id": "s", "title": "ICG report"}],
    )
    b = make(
        people("A", "B"),
        [knows("B", "A", source="t", evidence="B knew A well", confidence="confirmed")],
        [{"id": "t", "title": "Court record"}],
    )
    done = merge_charts(a, b)
    m = done.chart
    assert m.number_of_edges == 2 and done.claims == ((("e0",), ("e0",)),) and not done.marked
    assert not done.renamed_edges  # b's e0 is joined into a's e0: no edge of its own to rename
    joined = m.edge("e0")
    assert "claim" not in joined.attributes and (joined.source, joined.confidence) == ("s", "reported")
    assert [it.value for it in joined.evidence_items] == [
        {"quote": "A met B", "source": "s"},
        {"quote": "B knew A well", "source": "t", "confidence": "confirmed"},
    ]
    scale = m.vocabulary.confidence
    p_s, p_t = scale.probability("reported"), scale.probability("confirmed")
    assert joined.probability == pytest.approx(1 - (1 - p_s) * (1 - p_t))  # noisy-OR, by hand
    assert [s.id for s in m.sources] == ["s", "t"]


def test_a_claim_s_edges_that_may_not_be_one_stay_parallel_marked_as_one_claim() -> None:
    a = make(people("A", "B"), [knows("A", "B", source="s", evidence="x", weight=2)], [{"id": "s"}])
    b = make(people("A", "B"), [knows("A", "B", source="t", evidence="y")], [{"id": "t"}])
    same = make(people("A", "B"), [knows("A", "B", source="s", evidence="y")], [{"id": "s"}])
    unsourced = make(people("A", "B"), [knows("A", "B")])
    for other, why in ((b, "other weights"), (same, "one source"), (unsourced, "no quote, no source")):
        done = merge_charts(a, other)
        assert done.chart.number_of_edges == 2 and not done.claims, why
        assert done.marked == (("e0", "e0-2"),), why
        assert [e.attributes["claim"] for e in done.chart.iter_edges()] == ["e0", "e0"], why


def test_a_chart_s_own_parallel_edges_of_one_claim_are_not_joined_nor_marked() -> None:
    a = make(
        people("A", "B"),
        [knows("A", "B", source="s", evidence="x"), knows("A", "B", source="t", evidence="y")],
        [{"id": "s"}, {"id": "t"}],
    )
    done = merge_charts(a, a)
    assert done.chart == a and not done.claims and not done.marked  # as the chart wrote them
    b = make(people("A", "B"), [knows("A", "B", source="u", evidence="z", weight=2)], [{"id": "u"}])
    twice = merge_charts(merge_charts(a, b).chart, b)  # marks of a merge kept by the next
    assert [e.attributes.get("claim") for e in twice.chart.iter_edges()] == ["e0", "e0", "e0"]
    again = merge_charts(b, merge_charts(b, b).chart)  # and renamed with their edges
    assert again.chart == b and not again.marked


def test_merging_a_chart_that_applied_decisions_keeps_its_edges_written_ends(tmp_path: Path) -> None:
    path = tmp_path / "d.yaml"
    path.write_text(
        "linkchart: 1\ntitle: D\nnodes:\n  - {id: A, type: person, aliases: [a1]}\n"
        "  - {id: B, type: person, label: Bee}\n  - {id: C, type: person}\n  - {id: D, type: person}\n"
        "edges:\n  - {from: A, relation: knows, to: D}\n  - {from: B, relation: knows, to: D}\n"
        "  - {from: C, relation: knows, to: D}\n"
        "decisions:\n  - {same_as: [B, A]}\n  - {same_as: [C, A]}\n",
        encoding="utf-8",
    )
    c = load(path)
    ends = [e.written_ends for e in c.iter_edges()]
    assert ends == [("A", "D"), None, ("C", "D")]
    assert merge(c, c) == c and [e.written_ends for e in merge(c, c).iter_edges()] == ends
    m = quiet(make(people("D", "E"), [knows("D", "E")]), c)
    assert {e.id: e.written_ends for e in m.iter_edges()} == {
        "e0": None, "e0-2": ("A", "D"), "e1": None, "e2": ("C", "D")
    }  # fmt: skip


def test_identical_edges_are_kept_once_and_a_chart_merged_with_itself_is_itself() -> None:
    a = make(
        people("A", "B", "C"),
        [knows("A", "B", source="s", evidence="A met B", time=1999), knows("B", "C")],
        [{"id": "s", "title": "ICG"}],
    )
    done = merge_charts(a, a)
    assert done.duplicates == 2 and done.chart == a and not done.lines()


def test_a_chart_merged_with_an_empty_chart_either_way_is_itself(tmp_path: Path) -> None:
    empty = tmp_path / "empty.yaml"
    empty.write_text("linkchart: 1\ntitle: Empty\nnodes: []\nedges: []\n", encoding="utf-8")
    graded = tmp_path / "g.yaml"
    graded.write_text(
        "linkchart: 1\ntitle: G\nrelations: {pays: {directed: true}}\nconfidence: {sure: 0.9, maybe: 0.4}\n"
        "grades: {corroboration: max}\nnode_types: {person: {color: '#000000'}}\n"
        "nodes: [{id: A, type: person}, {id: B, type: person}]\n"
        "edges: [{from: A, relation: pays, to: B, confidence: maybe}]\n",
        encoding="utf-8",
    )
    e = load(empty)
    for chart in (load(graded), load(ROOT / "graphs" / "central_asia.yaml"), make(people("A"), [])):
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # nothing chosen: an empty chart declares nothing
            assert merge(chart, e) == chart and merge(e, chart) == chart
    g = load(graded)
    assert merge(g, e).vocabulary.declared_relations and merge(g, e).vocabulary.grades.corroboration == "max"
    b = make(people("A", "B"), [knows("A", "B", confidence="reported")])  # a level g's scale lacks
    done = merge_charts(g, b)
    assert "reported" in done.chart.vocabulary.confidence.levels and done.chart.title == "G"
    again = load(graded)
    other = make(
        people("A"), [], vocabulary=Vocabulary(confidence=ConfidenceScale.from_mapping({"sure": 0.5}))
    )
    found = merge_charts(again, other).conflicts  # a declared level at another probability: said
    assert [c.subject for c in found] == ["sure"]


def test_a_clashing_source_id_is_renamed_with_its_edges_and_said() -> None:
    a = make(people("A", "B"), [knows("A", "B", source="s", evidence="x")], [{"id": "s", "title": "ICG"}])
    b = make(people("A", "B"), [knows("A", "B", source="s", evidence="y")], [{"id": "s", "title": "Press"}])
    with pytest.warns(MergeWarning, match="source id 's' names two documents") as said:
        m = merge(a, b)
    assert [(s.id, s.title) for s in m.sources] == [("s", "ICG"), ("s-2", "Press")]
    assert [[it.source for it in e.evidence_items] for e in m.iter_edges()] == [["s", "s-2"]]
    assert "of the second chart renamed" not in str(said[0].message)  # joined, not renamed


def test_the_summary_says_what_the_merged_chart_has_renamed_ids_that_survive_joined_edges_joined() -> None:
    a = make(
        people("A", "B", "C", "D"),
        [knows("A", "B", source="s", evidence="A met B"), knows("B", "C", source="s", evidence="B, C")],
        [{"id": "s", "title": "ICG"}],
    )
    b = make(  # e0: the claim A-B of another source, joined; e1 and e2: new ties, e1 renamed
        people("A", "B", "C", "D"),
        [
            knows("B", "A", source="t", evidence="B knew A"),
            knows("C", "D", source="t", evidence="C, D"),
            knows("A", "D", source="t", evidence="A, D"),
        ],
        [{"id": "t", "title": "Court"}],
    )
    done = merge_charts(a, b)
    ids = tuple(e.id for e in done.chart.iter_edges())
    assert ids == ("e0", "e1", "e1-2", "e2")  # b's e0 is in a's e0; b's e1 is e1-2
    assert done.claims == ((("e0",), ("e0",)),)
    assert done.renamed_edges == {"e1": "e1-2"}  # not e0: joined, no edge e0-2 exists
    assert all(new in ids for new in done.renamed_edges.values())
    said = done.text()
    assert "4 edges, 2 sources" in said
    assert "1 claim of both charts joined into one edge (1 edge of the second chart joined)" in said
    assert "1 edge id of the second chart renamed" in said and "(e1->e1-2)" in said
    assert "e0-2" not in said and "claims joined (merged edge <- the second chart's edges): e0 <- e0" in said
    doc = done.to_dict()
    assert doc["claims"] == [{"id": "e0", "first": ["e0"], "second": ["e0"]}]
    assert doc["renamed"]["edges"] == {"e1": "e1-2"} and doc["edges"] == 4


def test_either_or_claims_of_the_two_charts_stay_apart() -> None:
    a = make(people("A", "B", "C"), [knows("A", "B", alternative="x"), knows("A", "C", alternative="x")])
    b = make(people("A", "D", "E"), [knows("A", "D", alternative="x"), knows("A", "E", alternative="x")])
    done = merge_charts(a, b)
    assert done.renamed_alternatives == {"x": "x-2"}
    assert done.chart.alternatives().names == ("x", "x-2")


# ---------------------------------------------------------------------------- vocabularies


def test_vocabularies_are_unified_and_their_conflicts_located() -> None:
    va = Vocabulary(
        relations=(Relation("knows", directed=False), Relation("funds", layer="money")),
        confidence=ConfidenceScale.from_mapping({"sure": 0.9, "maybe": 0.4}),
    )
    vb = Vocabulary(
        relations=(Relation("knows", directed=True), Relation("hosts")),
        confidence=ConfidenceScale.from_mapping({"sure": 0.8, "rumour": 0.2}),
    )
    a = make(people("A", "B"), [knows("A", "B", confidence="maybe")], vocabulary=va)
    b = make(
        people("A", "B"),
        [{"from": "B", "relation": "hosts", "to": "A", "confidence": "rumour"}],
        vocabulary=vb,
    )
    done = merge_charts(a, b)
    v = done.chart.vocabulary
    assert v.relation_names == ("knows", "funds", "hosts") and not v.relation("knows").directed
    assert v.confidence.levels == ("sure", "maybe", "rumour") and v.confidence.probability("sure") == 0.9
    assert [(c.kind, c.subject) for c in done.conflicts] == [("vocabulary", "knows"), ("vocabulary", "sure")]
    assert "directed False / True" in done.conflicts[0].message


# ---------------------------------------------------------------------------- properties


def test_merge_is_associative_on_node_and_edge_sets() -> None:
    a = make(
        people("A", "B", "C"),
        [knows("A", "B", source="s", evidence="1"), knows("B", "C", source="s", evidence="2")],
        [{"id": "s", "title": "one"}],
    )
    b = make(
        people("B", "C", "D"),
        [knows("B", "C", source="s", evidence="3"), knows("C", "D", source="t", evidence="4")],
        [{"id": "s", "title": "two"}, {"id": "t", "title": "three"}],
    )
    c = make(
        people("C", "D", "E", "A2"),
        [knows("C", "D", source="s", evidence="4"), knows("A2", "E", source="s", evidence="5")],
        [{"id": "s", "title": "four"}],
    )
    decisions = [Decision(("A", "A2"), True)]
    left = quiet(quiet(a, b, decisions=decisions), c, decisions=decisions)
    right = quiet(a, quiet(b, c, decisions=decisions), decisions=decisions)
    assert set(left.node_ids) == set(right.node_ids) == {"A", "B", "C", "D", "E"}
    assert edge_contents(left) == edge_contents(right)
    assert sum(edge_contents(left).values()) == 6  # every evidence item once, none lost


def written_names(value: Any) -> tuple[str, ...]:
    """The names an ``*_as_written`` attribute holds."""
    return () if value is None else tuple(value) if isinstance(value, tuple) else (value,)


def edge_facts(chart: LinkChart) -> Counter[tuple[Any, ...]]:
    """Every edge by its tie, probability, the names each end was written with and its items
    (ids and claim marks aside; a source by its document)."""
    documents = {s.id: (s.title, s.author, s.date) for s in chart.sources}
    out: Counter[tuple[Any, ...]] = Counter()
    for e in chart.iter_edges():
        items = e.evidence_items or (Evidence(e.evidence),)
        written = {
            e.from_id: written_names(e.attributes.get("from_as_written")),
            e.to_id: written_names(e.attributes.get("to_as_written")),
        }
        out[
            (
                *sorted((e.from_id, e.to_id)),
                e.relation,
                repr(e.time),
                round(e.probability, 9),
                repr(sorted(written.items())),
                repr(sorted(repr((documents.get(it.source or e.source or ""), it.quote)) for it in items)),
            )
        ] += 1
    return out


def every_name(chart: LinkChart) -> set[tuple[str, str, str]]:
    """Each (tie, end name as written) of ``chart``: the ends, and every ``*_as_written`` name."""
    out = set()
    for e in chart.iter_edges():
        for end, key in ((e.from_id, "from_as_written"), (e.to_id, "to_as_written")):
            for name in (end, *written_names(e.attributes.get(key))):
                out.add((e.relation, repr(e.time), name))
    return out


def test_three_charts_with_respellings_and_decisions_merge_alike_in_every_grouping() -> None:
    v = Vocabulary(relations=(Relation("leads"), Relation("knows", directed=False)))
    a = make(
        [*people("Juma Namangani"), *people("IMU", type="organisation")],
        [{"from": "Juma Namangani", "relation": "leads", "to": "IMU", "source": "icg", "evidence": "leads"}],
        [{"id": "icg", "title": "ICG 2001"}],
        v,
    )
    b = make(
        [*people("Jumaboi Namangany", "Tahir"), *people("IMU", type="organisation")],
        [
            {"from": "Jumaboi Namangany", "relation": "leads", "to": "IMU", "source": "c", "evidence": "led"},
            knows("Tahir", "Jumaboi Namangany", source="c", evidence="knew"),
        ],
        [{"id": "c", "title": "Court"}],
        v,
    )
    c = make(
        [*people("Dzhuma Namangani", "Tahir"), *people("IMU", type="organisation")],
        [
            {
                "from": "Dzhuma Namangani",
                "relation": "leads",
                "to": "IMU",
                "source": "r",
                "evidence": "headed",
            },
            knows("Dzhuma Namangani", "Tahir", source="r", evidence="met"),
        ],
        [{"id": "r", "title": "RFE"}],
        v,
    )
    decisions = [Decision(("Juma Namangani", "Jumaboi Namangany", "Dzhuma Namangani"), True)]
    left = quiet(quiet(a, b, decisions=decisions), c, decisions=decisions)
    right = quiet(a, quiet(b, c, decisions=decisions), decisions=decisions)
    assert edge_facts(left) == edge_facts(right)
    assert left.number_of_edges == right.number_of_edges == 2  # each claim one edge, all sources in it
    leads = next(e for e in left.iter_edges() if e.relation == "leads")
    assert leads.attributes["from_as_written"] == ("Dzhuma Namangani", "Juma Namangani", "Jumaboi Namangany")
    p = left.vocabulary.confidence.probability(leads.confidence)
    assert leads.probability == pytest.approx(1 - (1 - p) ** 3)  # three sources, noisy-OR
    knew = next(e for e in left.iter_edges() if e.relation == "knows")
    key = "from_as_written" if knew.from_id == "Juma Namangani" else "to_as_written"
    assert written_names(knew.attributes.get(key)) == ("Dzhuma Namangani", "Jumaboi Namangany")
    for part in (a, b, c):  # every end name each chart wrote survives
        assert every_name(part) <= every_name(left) and every_name(part) <= every_name(right)


names = st.sampled_from(["A", "B", "C", "D", "D2", "D3"])
ties = st.lists(st.tuples(names, names, st.sampled_from(["s", "t"]), st.sampled_from(["x", "y"])), max_size=5)


@settings(max_examples=25, deadline=None)
@given(ties, ties, ties)
def test_merge_is_associative_and_keeps_every_evidence_item(
    ta: list[tuple[str, str, str, str]],
    tb: list[tuple[str, str, str, str]],
    tc: list[tuple[str, str, str, str]],
) -> None:
    def chart(ts: list[tuple[str, str, str, str]], title: str) -> LinkChart:
        ids = sorted({x for a, b, _, _ in ts for x in (a, b)} | {"A"})
        return make(
            people(*ids),
            [knows(a, b, source=s, evidence=q) for a, b, s, q in ts if a[0] != b[0]],  # no tie D-D2
            [{"id": "s", "title": title}, {"id": "t", "title": "shared"}],
        )

    a, b, c = chart(ta, "a"), chart(tb, "b"), chart(tc, "c")
    for decisions in ([], [Decision(("D", "D2", "D3"), True)]):  # D respelt D2, D3: one node
        left = quiet(quiet(a, b, decisions=decisions), c, decisions=decisions)
        right = quiet(a, quiet(b, c, decisions=decisions), decisions=decisions)
        assert set(left.node_ids) == set(right.node_ids)
        assert edge_contents(left) == edge_contents(right)
        assert edge_facts(left) == edge_facts(right)  # probabilities and written names too
        kept = [x for x in ("D", "D2", "D3") if x in left.node_ids]  # the group's node in the merge
        joined = {x: kept[0] for x in ("D", "D2", "D3")} if decisions and kept else {}
        for part in (a, b, c):  # every evidence item of every chart is in the merge (its ends joined)
            assert not _joined(edge_contents(part), joined) - edge_contents(left)
            assert every_name(part) <= every_name(left)


def _joined(contents: Counter[tuple[Any, ...]], joined: dict[str, str]) -> Counter[tuple[Any, ...]]:
    """:func:`edge_contents` with the ends a decision joined named as the merge names them."""
    out: Counter[tuple[Any, ...]] = Counter()
    for (x, y, *rest), n in contents.items():
        out[(*sorted((joined.get(x, x), joined.get(y, y))), *rest)] += n
    return out


# ---------------------------------------------------------------------------- the split Krebs network


def test_the_split_krebs_network_merged_with_the_dedupe_decisions_gives_back_its_ties() -> None:
    a, b = load(SPLIT / "source_a.yaml"), load(SPLIT / "source_b.yaml")
    original = load(ROOT / "examples" / "data" / "krebs_911" / "krebs_911.yaml")
    truth = yaml.safe_load((SPLIT / "truth.yaml").read_text(encoding="utf-8"))
    decisions = [
        Decision((v["original"], v["b"]), True, by="the split's truth")
        for v in truth["variants"]
        if v["in_a"]
    ]
    done = merge_charts(a, b, decisions=decisions)
    m = done.chart

    def pairs(chart: LinkChart, relation: str | None = None) -> set[frozenset[str]]:
        return {frozenset((e.from_id, e.to_id)) for e in chart.iter_edges() if relation in (None, e.relation)}

    assert set(m.node_ids) == set(original.node_ids)
    assert pairs(m, "associated_with") == pairs(original) and len(pairs(original)) == 125
    assert pairs(m) == pairs(original)  # the hostile ties are on original ties, contradicting them
    friendly = [e for e in m.iter_edges() if e.relation == "associated_with"]
    assert len(friendly) == 125  # each original tie one edge
    in_both = [t for t in truth["ties"] if t["a"] and t["b"] and not t["contradicts"]]
    assert len(done.claims) == len(in_both) == 47 and not done.marked
    both = {frozenset(t["original"]) for t in in_both}
    scale = m.vocabulary.confidence
    p_ab = 1 - (1 - scale.probability("reported")) * (1 - scale.probability("alleged"))
    for e in friendly:  # each tie of the two sources one edge with two items, corroborated
        if frozenset((e.from_id, e.to_id)) in both:
            assert [(it.quote, it.source) for it in e.evidence_items] == [("", "a"), ("", "b")]
            assert e.probability == pytest.approx(p_ab)
        else:
            assert not e.evidence_items and e.source in ("a", "b")
    assert sum(edge_contents(m).values()) == a.number_of_edges + b.number_of_edges  # every item kept
    assert len(done.joined) == 17 and not done.conflicts
    contradicted = {frozenset(t["original"]) for t in truth["ties"] if t["contradicts"]}
    found = conflicts(m)
    assert found.counts() == {"sign": 3}
    assert {frozenset(x.nodes) for x in found} == contradicted
    assert all(x.sources == ("a", "b") for x in found)


def test_a_join_that_breaks_a_relation_s_allowed_types_is_a_load_error() -> None:
    v = Vocabulary(relations=(Relation("leads", source_types=frozenset({"person"})),))
    org = {"type": "organisation"}
    a = make([{"id": "IMU cell", **org}, {"id": "IMU", **org}], [], vocabulary=v)
    b = make(
        [*people("Boss"), {"id": "IMU", **org}],
        [{"from": "Boss", "relation": "leads", "to": "IMU"}],
        vocabulary=v,
    )
    assert merge_charts(a, b).chart.number_of_edges == 1
    with pytest.raises(LoadError, match="relation-not-allowed"):
        merge_charts(a, b, decisions=[Decision(("IMU cell", "Boss"), True)])  # an organisation now


def test_allowed_types_declared_otherwise_are_a_conflict_and_either_is_allowed() -> None:
    a = make(
        people("A"),
        [],
        vocabulary=Vocabulary(relations=(Relation("leads", source_types=frozenset({"person"})),)),
    )
    b = make(people("B"), [], vocabulary=Vocabulary(relations=(Relation("leads"),)))
    done = merge_charts(a, b)
    assert done.chart.vocabulary.relation("leads").source_types is None
    assert [c.subject for c in done.conflicts] == ["leads"] and "source_types" in done.conflicts[0].message


def test_a_view_merged_with_its_chart_gives_back_the_chart() -> None:
    chart = load(ROOT / "graphs" / "central_asia.yaml")
    view = chart.min_confidence("reported")  # aliases that are also labels, notes, times
    done = merge_charts(view, chart)
    assert done.duplicates == view.number_of_edges and not done.lines()
    assert not diff(chart, done.chart, measures=())
    assert {e.id: e.attributes.get("claim") for e in done.chart.iter_edges()} == {
        e.id: e.attributes.get("claim") for e in merge_charts(chart, chart).chart.iter_edges()
    }
