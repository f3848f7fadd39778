"""linkchart.analysis.duplicates: candidate pairs for one entity, with their reasons; decisions honoured."""

from __future__ import annotations

import json
import math
import random
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from strategies import charts

import linkchart
from linkchart import (
    Decision,
    Decisions,
    NodeRef,
    candidates,
    name_similarity,
)
from linkchart.analysis.candidate import NameReason, NeighbourReason, TieReason, TypeReason
from linkchart.analysis.duplicates import MIN_SCORE, NEIGHBOUR_SHARE
from linkchart.cli import main
from linkchart.errors import LinkchartError, UnknownNameError

ROOT = Path(__file__).resolve().parents[2]
SPLIT = ROOT / "examples" / "data" / "split"
KREBS = ROOT / "examples" / "data" / "krebs_911" / "krebs_911.yaml"
RECALL_FLOOR = 1.0
"""The recall of ``candidates(a, b)`` on the shipped split at the default least score (all 17
respelt names of people A also names are found); docs/many_sources.md states it."""


def people(*names: str, kind: str = "person") -> list[dict[str, str]]:
    return [{"id": n, "type": kind} for n in names]


# ---------------------------------------------------------------------------- one chart


@pytest.fixture
def imu() -> linkchart.LinkChart:
    return linkchart.from_records(
        [
            *people("Juma Namangani", "Djuma Namangany", "Tahir Yoldash", "Rakhmonov"),
            {"id": "IMU", "type": "organisation", "aliases": ["IMT"]},
            {"id": "Islamic Movement", "type": "organisation", "aliases": ["IMT party"], "label": "IMT"},
            {"id": "Afghanistan", "type": "state"},
            {"id": "afghanistan-region", "type": "region", "label": "Afghanistan"},
        ],
        [
            {"from": "Juma Namangani", "relation": "leads", "to": "IMU"},
            {"from": "Djuma Namangany", "relation": "leads", "to": "IMU"},
            {"from": "Tahir Yoldash", "relation": "leads", "to": "IMU"},
            {"from": "Djuma Namangany", "relation": "knows", "to": "Juma Namangani", "id": "k1"},
        ],
    )


def test_reasons_are_present_and_correct(imu: linkchart.LinkChart) -> None:
    found = candidates(imu)
    pair = next(c for c in found if {c.a.id, c.b.id} == {"Juma Namangani", "Djuma Namangany"})
    assert (pair.a, pair.b) == (NodeRef(0, "Juma Namangani"), NodeRef(0, "Djuma Namangany"))  # chart order
    name, shared, types, tie = pair.reasons
    assert isinstance(name, NameReason) and isinstance(shared, NeighbourReason)
    assert isinstance(types, TypeReason) and isinstance(tie, TieReason)
    assert (name.a_name, name.b_name, name.rule, name.similarity) == (
        "Juma Namangani",
        "Djuma Namangany",
        "transliteration",
        0.95,
    )
    # IMU is their one shared neighbour; it has 3 neighbours: support 1/3 (each tie to the
    # other of the pair is not a shared neighbour)
    assert shared.shared == (("IMU", "IMU"),)
    assert shared.support == pytest.approx(1 / 3)
    assert shared.contribution == pytest.approx(0.05 * NEIGHBOUR_SHARE / 3)
    assert (types.a_type, types.b_type, types.verdict, types.contribution) == (
        "person",
        "person",
        "same",
        0.0,
    )
    assert (tie.edges, tie.relations, tie.contribution) == (("k1",), ("knows",), 0.0)
    assert pair.tied
    assert pair.score == pytest.approx(0.95 + 0.05 * NEIGHBOUR_SHARE / 3)
    assert sum(r.contribution for r in pair.reasons) == pytest.approx(pair.score)
    assert [r.kind for r in pair.reasons] == ["name", "neighbours", "types", "tied"]


def test_equal_labels_and_aliases_are_candidates_not_merges(imu: linkchart.LinkChart) -> None:
    found = candidates(imu, min_score=0.0)
    pair = next(c for c in found if {c.a.id, c.b.id} == {"IMU", "Islamic Movement"})
    assert (pair.name.a_name, pair.name.b_name, pair.name.rule, pair.score) == (
        "IMT",
        "IMT",
        "identical",
        1.0,
    )
    assert imu.number_of_nodes == 8  # nothing joined
    assert imu.node("IMU").aliases == ("IMT",)


def test_incompatible_types_lower_the_score_or_leave_the_pair_out(imu: linkchart.LinkChart) -> None:
    def pair(**kwargs: object) -> list[linkchart.Candidate]:
        return [
            c for c in candidates(imu, **kwargs) if {c.a.id, c.b.id} == {"Afghanistan", "afghanistan-region"}
        ]  # type: ignore[arg-type]

    assert pair() == []  # at half its score, below the default least score
    (found,) = pair(min_score=0.5)
    assert found.score == 0.5 and found.name.rule == "identical"
    types = found.reasons[-1]
    assert isinstance(types, TypeReason)
    assert (types.verdict, types.contribution) == ("incompatible", -0.5)
    assert pair(min_score=0.0, types="compatible") == pair(min_score=0.0, types="same") == []


def test_types_compare_by_name_then_by_class() -> None:
    chart = linkchart.from_records(
        [
            {"id": "Hizb ut-Tahrir", "type": "organisation"},
            {"id": "Hizb-ut-Tahrir", "type": "state"},  # both collectives: compatible
            {"id": "Hizb ut Tahrir", "type": "entity"},  # no known class: unknown
        ],
        [],
    )
    verdicts = {
        frozenset((c.a.id, c.b.id)): (c.reasons[-1].verdict, c.score)  # type: ignore[union-attr]
        for c in candidates(chart)
    }
    assert verdicts[frozenset(("Hizb ut-Tahrir", "Hizb-ut-Tahrir"))] == ("compatible", 1.0)
    assert verdicts[frozenset(("Hizb ut-Tahrir", "Hizb ut Tahrir"))] == ("unknown", pytest.approx(0.9))
    assert [c.a.id for c in candidates(chart, types="same")] == []


def test_a_declared_class_makes_types_compatible(tmp_path: Path) -> None:
    path = tmp_path / "g.yaml"
    path.write_text(
        "linkchart: 1\ntitle: t\nnode_types:\n  person: {class: agent}\n  informant: {class: agent}\n"
        "  cell: {class: organisation}\n"
        "nodes:\n  - {id: Juma Namangani, type: person}\n  - {id: Djuma Namangany, type: informant}\n"
        "  - {id: Juma Namangani cell, type: cell, label: Juma Namangani}\nedges: []\n",
        encoding="utf-8",
    )
    found = {frozenset((c.a.id, c.b.id)): c for c in candidates(linkchart.load(path), min_score=0.0)}
    assert found[frozenset(("Juma Namangani", "Djuma Namangany"))].reasons[-1].verdict == "compatible"  # type: ignore[union-attr]
    assert found[frozenset(("Juma Namangani", "Juma Namangani cell"))].reasons[-1].verdict == "incompatible"  # type: ignore[union-attr]


def test_neighbours_support_but_never_make_a_pair() -> None:
    hub = [
        {"from": x, "relation": "r", "to": "hub"}
        for x in ("Ali Karimov", "Alim Karimov", *map(str, range(8)))
    ]
    leaf = [
        {"from": "Ali Karimov", "relation": "r", "to": "leaf"},
        {"from": "Alim Karimov", "relation": "r", "to": "leaf"},
    ]
    nodes = people("Ali Karimov", "Alim Karimov", "hub", "leaf", *map(str, range(8)))
    alone = candidates(linkchart.from_records(nodes, []), min_score=0.0)
    via_hub = candidates(linkchart.from_records(nodes, hub), min_score=0.0)
    via_leaf = candidates(linkchart.from_records(nodes, hub + leaf), min_score=0.0)

    def score(found: linkchart.Candidates) -> float:
        return next(c.score for c in found if {c.a.id, c.b.id} == {"Ali Karimov", "Alim Karimov"})

    # a hub of 10 shares little (1/10); a neighbour of only these two shares much (1/2)
    assert score(alone) < score(via_hub) < score(via_leaf)
    assert score(via_leaf) - score(alone) == pytest.approx(
        (1 - score(alone)) * NEIGHBOUR_SHARE * (1 - (1 - 1 / 10) * (1 - 1 / 2))
    )
    unlike = linkchart.from_records(
        people("Ali Karimov", "Tahir Yoldash", "leaf"),
        [
            {"from": "Ali Karimov", "relation": "r", "to": "leaf"},
            {"from": "Tahir Yoldash", "relation": "r", "to": "leaf"},
        ],
    )
    assert len(candidates(unlike, min_score=0.0)) == 0  # names unlike: no candidate, whatever the neighbours


def test_top_min_score_and_order(imu: linkchart.LinkChart) -> None:
    every = candidates(imu, min_score=0.0)
    scores = [c.score for c in every]
    assert scores == sorted(scores, reverse=True) and all(0 <= s <= 1 for s in scores)
    assert [(c.a, c.b) for c in candidates(imu, top=2, min_score=0.0)] == [(c.a, c.b) for c in every[:2]]
    assert all(c.score >= MIN_SCORE for c in candidates(imu))


@pytest.mark.parametrize(
    ("args", "kwargs", "error", "match"),
    [
        ((), {}, LinkchartError, "one chart"),
        (("g.yaml",), {}, LinkchartError, "compares charts, not str"),
        ((None,), {"top": 0}, LinkchartError, "top must be an integer of at least 1"),
        ((None,), {"min_score": 1.5}, LinkchartError, "min_score must be a number from 0 to 1"),
        ((None,), {"min_score": True}, LinkchartError, "min_score"),
        ((None,), {"types": "similar"}, UnknownNameError, "unknown type reading 'similar'"),
    ],
)
def test_bad_arguments(
    imu: linkchart.LinkChart, args: tuple[object, ...], kwargs: dict[str, object], error: type, match: str
) -> None:
    given_args = tuple(imu if a is None else a for a in args)
    with pytest.raises(error, match=match):
        candidates(*given_args, **kwargs)  # type: ignore[arg-type]


def test_text_and_json(imu: linkchart.LinkChart) -> None:
    found = candidates(imu)
    text = found.text()
    assert (
        text.startswith("2 candidate pairs for one entity in <records>")
        or "candidate pair" in text.splitlines()[0]
    )
    assert "Juma Namangani  ~  Djuma Namangany" in text
    assert "names 'Juma Namangani' ~ 'Djuma Namangany': transliteration 0.95 (+0.950)" in text
    assert "already tied to each other: k1 (knows)" in text
    doc = json.loads(json.dumps(found.to_dict()))
    first = doc["candidates"][0]
    assert {r["kind"] for r in first["reasons"]} >= {"name", "types"}
    assert doc["examined"] == found.examined and doc["possible"] == 8 * 7 // 2


def test_a_reviewers_variants_are_found_at_the_default_least_score() -> None:
    # issue 23: a name suffix, an article glued, an acronym; IMU abbreviates two of the names,
    # and the one that shares IMU's neighbour ranks first
    chart = linkchart.from_records(
        [
            *people("Juma Namangani", "Jumaboi Namangany", "Tohir Namangani", "Tahir Yoldash"),
            *people(
                "IMU",
                "Islamic Movement of Uzbekistan",
                "International Monetary Union",
                "Hizb ut-Tahrir",
                "Hizbut Tahrir",
                kind="organisation",
            ),
        ],
        [
            {"from": "Tahir Yoldash", "relation": "leads", "to": "IMU"},
            {"from": "Tahir Yoldash", "relation": "leads", "to": "Islamic Movement of Uzbekistan"},
        ],
    )
    found = candidates(chart)
    rules = {frozenset((c.a.id, c.b.id)): (c.name.rule, c.score) for c in found}
    assert rules[frozenset(("Juma Namangani", "Jumaboi Namangany"))] == ("suffix", 0.85)
    assert rules[frozenset(("Hizb ut-Tahrir", "Hizbut Tahrir"))] == ("joined words", 0.9)
    ours = rules[frozenset(("IMU", "Islamic Movement of Uzbekistan"))]
    theirs = rules[frozenset(("IMU", "International Monetary Union"))]
    assert ours[0] == theirs[0] == "acronym"
    assert 0.75 == theirs[1] < ours[1] < 0.95  # the shared neighbour lifts it, below a transliteration
    # two people of one family name, and one family name beside a suffixed given name, are not listed
    assert frozenset(("Juma Namangani", "Tohir Namangani")) not in rules
    assert frozenset(("Jumaboi Namangany", "Tohir Namangani")) not in rules
    assert len(found) == 4
    text = found.text()
    assert "names 'IMU' acronym of 'Islamic Movement of Uzbekistan' 0.75" in text
    assert "the same once a name suffix (-boy, -bek, -jon, -xon) is set aside 0.85" in text
    assert "names 'Hizb ut-Tahrir' ~ 'Hizbut Tahrir': joined words 0.90" in text
    assert json.loads(json.dumps(found.to_dict()))["candidates"][-1]["reasons"][0]["rule"] == "acronym"


def test_an_acronym_written_as_an_alias_is_compared_across_charts() -> None:
    a = linkchart.from_records(
        [{"id": "Harakati Islomii Uzbekiston", "type": "organisation", "aliases": ["IMU"]}], []
    )
    b = linkchart.from_records(people("Islamic Movement of Uzbekistan", kind="organisation"), [])
    (pair,) = candidates(a, b)
    assert (pair.name.a_name, pair.name.b_name, pair.name.rule) == (
        "IMU",
        "Islamic Movement of Uzbekistan",
        "acronym",
    )
    assert pair.score == pytest.approx(0.75)
    # of another type (a person) the pair is scored down by the type factor, below the default
    c = linkchart.from_records(people("Islamic Movement of Uzbekistan"), [])
    assert not candidates(a, c)


# ---------------------------------------------------------------------------- across charts


def test_across_charts_each_node_is_qualified_by_its_chart() -> None:
    a = linkchart.from_records(people("Juma Namangani", "Tahir Yoldash", "Osama bin Laden"), [])
    b = linkchart.from_records(
        people("Djuma Namangany", "Yoldash, T.", "Osama bin Laden", "Tahir Yoldash"), []
    )
    found = candidates(a, b)
    assert [(c.a, c.b) for c in found] == [
        (NodeRef(0, "Juma Namangani"), NodeRef(1, "Djuma Namangany")),
        (NodeRef(0, "Tahir Yoldash"), NodeRef(1, "Yoldash, T.")),
    ]
    # same ids are left to a merge, which joins them by id; B's own pairs are not across
    assert found.same_id == 4
    assert found.pairs() == [("Juma Namangani", "Djuma Namangany"), ("Tahir Yoldash", "Yoldash, T.")]
    assert found.possible == 3 * 4
    assert found.label(found[0].b) == "chart 2:Djuma Namangany"


def test_three_charts_pair_across_every_two() -> None:
    a, b, c = (linkchart.from_records(people(n), []) for n in ("Namangani", "Namangany", "Namanganiy"))
    found = candidates(a, b, c)
    assert {(x.a.chart, x.b.chart) for x in found} == {(0, 1), (0, 2), (1, 2)}
    assert found.possible == 3


def test_a_chart_against_itself_mirrors_its_own_pairs() -> None:
    chart = linkchart.load(SPLIT / "source_b.yaml")
    within = candidates(chart, min_score=0.0)
    across = candidates(chart, chart, min_score=0.0)
    assert across.same_id == 2 * chart.number_of_nodes
    expected = {}
    for c in within:
        expected[(c.a.id, c.b.id)] = expected[(c.b.id, c.a.id)] = c.score
    assert {(c.a.id, c.b.id): c.score for c in across} == pytest.approx(expected)
    assert len(within) > 0


# ---------------------------------------------------------------------------- the shipped split


@pytest.fixture(scope="module")
def split() -> tuple[linkchart.LinkChart, linkchart.LinkChart, set[tuple[str, str]]]:
    a = linkchart.load(SPLIT / "source_a.yaml")
    b = linkchart.load(SPLIT / "source_b.yaml")
    truth = yaml.safe_load((SPLIT / "truth.yaml").read_text(encoding="utf-8"))
    return a, b, {(v["original"], v["b"]) for v in truth["variants"] if v["in_a"]}


def test_blocking_keeps_the_true_pairs_of_the_split(
    split: tuple[linkchart.LinkChart, linkchart.LinkChart, set[tuple[str, str]]],
) -> None:
    a, b, true = split
    found = candidates(a, b)
    listed = set(found.pairs())
    assert len(true) == 17
    assert len(listed & true) / len(true) >= RECALL_FLOOR
    assert found.examined < found.possible / 10  # blocking compares a few pairs, not all
    # every pair whose names are alike, compared one by one without blocking, is listed
    alike = {
        (x, y) for x in a.node_ids for y in b.node_ids if x != y and name_similarity(x, y).similarity >= 0.8
    }
    assert alike <= set(candidates(a, b, min_score=0.0).pairs())
    assert true <= alike


def test_the_split_ranks_the_true_pairs_first(
    split: tuple[linkchart.LinkChart, linkchart.LinkChart, set[tuple[str, str]]],
) -> None:
    a, b, true = split
    assert set(candidates(a, b, top=len(true)).pairs()) == true


def test_blocking_compares_few_pairs_of_a_large_chart() -> None:
    rng = random.Random(1)
    syllables = [c + v for c in "bdfhklmnrstz" for v in "aiou"]
    names = sorted(
        {
            " ".join("".join(rng.choice(syllables) for _ in range(3)).capitalize() for _ in range(2))
            for _ in range(3000)
        }
    )
    chart = linkchart.from_records(people(*names), [])
    found = candidates(chart)
    assert found.possible == len(names) * (len(names) - 1) // 2
    assert found.examined < found.possible / 50


# ---------------------------------------------------------------------------- properties


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(charts(), charts())
def test_scores_are_symmetric_and_in_the_unit_interval(
    a: linkchart.LinkChart, b: linkchart.LinkChart
) -> None:
    ab = candidates(a, b, min_score=0.0)
    ba = candidates(b, a, min_score=0.0)
    assert {(c.a.id, c.b.id): c.score for c in ab} == pytest.approx({(c.b.id, c.a.id): c.score for c in ba})
    for c in [*ab, *candidates(a, min_score=0.0)]:
        assert 0.0 <= c.score <= 1.0
        assert math.isclose(sum(r.contribution for r in c.reasons), c.score, abs_tol=1e-9)


# ---------------------------------------------------------------------------- decisions


def test_decided_pairs_are_left_out_and_counted(imu: linkchart.LinkChart) -> None:
    before = candidates(imu)
    decided = [Decision(("Juma Namangani", "Djuma Namangany"), True, "me", "one man")]
    after = candidates(imu, decisions=decided)
    assert len(after) == len(before) - 1 and after.decided == 1
    assert ("Juma Namangani", "Djuma Namangany") not in after.pairs()
    assert "1 already decided, left out" in after.summary()
    different = candidates(imu, decisions=Decisions([Decision(("Djuma Namangany", "Juma Namangani"), False)]))
    assert different.pairs() == after.pairs()
    with pytest.raises(LinkchartError, match="contradict"):
        candidates(imu, decisions=[Decision(("A", "B"), True), Decision(("B", "A"), False)])


def test_decisions_name_nodes_that_exist(imu: linkchart.LinkChart) -> None:
    ds = Decisions([Decision(("Juma Namangani", "Djuma Namangani"), True)])
    (problem,) = ds.problems(imu)
    assert (problem.code, problem.path) == ("unknown-node", "decisions[0].same_as[1]")
    assert "did you mean 'Djuma Namangany'" in problem.hint


# ---------------------------------------------------------------------------- the command line


def test_dedupe_lists_the_pairs_across_two_files(capsys: pytest.CaptureFixture[str]) -> None:
    a, b = str(SPLIT / "source_a.yaml"), str(SPLIT / "source_b.yaml")
    assert main(["dedupe", a, b, "--top", "3"]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0].startswith("3 candidate pairs for one entity across source_a.yaml, source_b.yaml")
    assert "source_a.yaml:" in lines[1] and "  ~  source_b.yaml:" in lines[1]
    assert "names '" in out and "types person: same" in out
    assert main(["dedupe", a, b, "--json", "--min-score", "0.9"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["charts"] == ["source_a.yaml", "source_b.yaml"]
    assert all(c["score"] >= 0.9 for c in doc["candidates"]) and len(doc["candidates"]) == 17


def test_dedupe_leaves_out_what_a_decisions_file_settles(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = str(SPLIT / "source_a.yaml"), str(SPLIT / "source_b.yaml")
    assert main(["dedupe", a, b, "--decisions", str(SPLIT / "decisions.yaml"), "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["decided"] == 17  # the 17 respellings, decided same_as: only a namesake is left
    assert [(c["a"]["id"], c["b"]["id"]) for c in doc["candidates"]] == [("Ahmed Alnami", "Ahmed Alghamdi")]
    apart = tmp_path / "apart.yaml"
    apart.write_text(
        "decisions:\n  - {not_same_as: [Ahmed Alnami, Ahmed Alghamdi], by: test}\n", encoding="utf-8"
    )
    assert main(["dedupe", a, b, "--decisions", str(apart), "--top", "1"]) == 0
    out = capsys.readouterr().out
    assert "1 already decided, left out" in out and "Ahmed Alnami  ~" not in out
    apart.write_text("decisions: [{same_as: [x]}]\n", encoding="utf-8")
    assert main(["dedupe", a, b, "--decisions", str(apart)]) == 1  # a bad decision, located
    assert "decisions[0]" in capsys.readouterr().err


def test_dedupe_within_one_file_and_its_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["dedupe", str(KREBS)]) == 0
    out = capsys.readouterr().out
    assert "in krebs_911.yaml" in out.splitlines()[0]
    assert main(["dedupe", str(KREBS), "--min-score", "2"]) == 2  # a usage error
    assert "--min-score" in capsys.readouterr().err
    assert main(["dedupe", str(tmp_path / "missing.yaml")]) == 1
    assert "source-unreadable" in capsys.readouterr().err


def test_look_alike_and_invisible_ids_are_compared_and_said() -> None:
    # D16: ids with a Cyrillic A or a zero-width space were never blocked together with "Alice"
    a = linkchart.from_records([{"id": "Alice", "type": "person"}], [])
    b = linkchart.from_records(
        [{"id": "\u0410lice", "type": "person"}, {"id": "Al\u200bice", "type": "person"}], []
    )
    found = candidates(a, b)
    assert {p.b.id for p in found} == {"\u0410lice", "Al\u200bice"}
    for pair in found:
        assert pair.score == 1.0
        name = pair.reasons[0]
        assert isinstance(name, NameReason) and name.rule == "look-alikes"
        assert "same letters after folding look-alikes" in name.text()
    assert [p.name.rule for p in candidates(b)] == ["look-alikes"]


def _every_pair(xs: list, ys: list) -> tuple:
    from linkchart.analysis.names import NameMatch, compare

    best, bi, bj = NameMatch(0.0, "spelling"), 0, 0
    for i, x in enumerate(xs):
        for j, y in enumerate(ys):
            found = compare(x, y)
            if found.similarity > best.similarity:
                best, bi, bj = found, i, j
    return best, bi, bj


@pytest.mark.parametrize("seed", range(6))
def test_many_aliases_are_bounded_in_bulk_with_the_answer_of_every_pair(
    seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    # D10: two nodes of 1,500 aliases each took 87 s (every pair of names compared one by one);
    # pairs are bounded in bulk and compared from the highest bound down: the same best pair
    from linkchart.analysis import _pairs
    from linkchart.analysis.names import forms_of

    rng = random.Random(seed)

    def name() -> str:
        words = rng.choice([1, 2, 2, 3])
        out = [
            "".join(rng.choice("bcdfghklmnrst") + rng.choice("aeiou") for _ in range(rng.randint(1, 3)))
            for _ in range(words)
        ]
        if words > 1 and rng.random() < 0.1:
            out[0] = out[0][0] + "."  # an initial
        return " ".join(out).title()

    xs = [f for _ in range(60) for f in forms_of(name())]
    ys = [f for _ in range(70) for f in forms_of(name())]
    assert _pairs.best_pair(xs, ys) == _every_pair(xs, ys)
    calls = 0
    compare = _pairs.compare

    def counted(x: object, y: object) -> object:
        nonlocal calls
        calls += 1
        return compare(x, y)  # type: ignore[arg-type]

    monkeypatch.setattr(_pairs, "compare", counted)
    _pairs.best_pair(xs, ys)
    assert calls < len(xs) * len(ys) / 4  # most pairs are never compared one by one


@pytest.mark.parametrize(
    ("x", "y", "rule"),
    [
        ("IMU", "Islamic Movement of Uzbekistan", "acronym"),
        ("Jumaboi Namangany", "Dzhuma Namangani", "suffix"),
        ("Hizbut Tahrir", "Hizb ut-Tahrir", "joined words"),
    ],
)
def test_the_bulk_bounds_hold_for_the_acronym_suffix_and_joined_rules(x: str, y: str, rule: str) -> None:
    # among 80 x 80 other names, the one pair that matches by a rule without a spelling ratio
    # is found by the bounds as by comparing every pair
    from linkchart.analysis import _pairs
    from linkchart.analysis.names import forms_of

    rng = random.Random(7)

    def other() -> str:
        return " ".join(
            "".join(rng.choice("bcdfgklmnprst") + rng.choice("aeiou") for _ in range(3)).title()
            for _ in range(rng.choice([1, 2, 3]))
        )

    xs = [f for n in [*(other() for _ in range(40)), x, *(other() for _ in range(40))] for f in forms_of(n)]
    ys = [f for n in [*(other() for _ in range(40)), y, *(other() for _ in range(40))] for f in forms_of(n)]
    best = _pairs.best_pair(xs, ys)
    assert best == _every_pair(xs, ys)
    assert best[0].rule == rule
