"""The analyst's report: contents, rankings, cuts with evidence, brokers, and the four exports."""

from __future__ import annotations

import csv
import json
import math
import re
from pathlib import Path

import pytest

import linkchart
from linkchart import LinkchartError, Relation, UnknownNameError, Vocabulary
from linkchart.reporting import Report, report

GRAPH = Path(__file__).resolve().parents[2] / "graphs" / "central_asia.yaml"


@pytest.fixture(scope="module")
def central_asia() -> linkchart.LinkChart:
    return linkchart.load(GRAPH)


@pytest.fixture(scope="module")
def full(central_asia: linkchart.LinkChart) -> Report:
    return report(central_asia, top=5)


@pytest.fixture
def small() -> linkchart.LinkChart:
    # Two triangles (a b c) and (d e f) joined by the bridge c - d, plus an isolated z.
    vocab = Vocabulary(relations=(Relation("knows", directed=False), Relation("pays")))
    pairs = [("a", "b"), ("b", "c"), ("c", "a"), ("d", "e"), ("e", "f"), ("f", "d")]
    return linkchart.from_records(
        [{"id": x, "type": "person"} for x in "abc"]
        + [{"id": x, "type": "organisation"} for x in "def"]
        + [{"id": "z", "type": "state"}],
        [{"from": a, "relation": "knows", "to": b} for a, b in pairs]
        + [
            {"from": "c", "relation": "pays", "to": "d", "evidence": "C paid D.", "confidence": "alleged"},
            {"from": "d", "relation": "knows", "to": "c", "evidence": "D knows C."},
        ],
        vocabulary=vocab,
        title="Two cells",
    )


def test_small_chart_rankings_cuts_and_brokers(small: linkchart.LinkChart) -> None:
    r = report(small, top=3)
    assert r.title == "Two cells" and (r.nodes, r.edges) == (7, 8)
    unsigned = [
        m
        for m in linkchart.MEASURES.names(returns="node", in_report=True)
        if not linkchart.MEASURES[m].signed
    ]
    assert [x.measure for x in r.rankings] == unsigned  # no hostile relation: no signed measure
    between = next(x for x in r.rankings if x.measure == "betweenness")
    # c and d carry every path between the two cells.
    assert {x.node for x in between.overall[:2]} == {"c", "d"}
    assert between.by_type["person"][0].node == "c" and between.by_type["organisation"][0].node == "d"
    assert [x.node for x in between.by_type["state"]] == ["z"]
    constraint = next(x for x in r.rankings if x.measure == "constraint")
    assert constraint.ascending and constraint.overall[0].node in {"c", "d"}
    assert constraint.by_type["state"][0].node == "z" and math.isnan(constraint.by_type["state"][0].value)
    [bridge] = r.bridges
    assert (bridge.a, bridge.b) == ("c", "d") and r.bridges_total == 1
    assert bridge.sides == (("a", "b", "c"), ("d", "e", "f"))
    assert [(t.relation, t.confidence, t.evidence) for t in bridge.ties] == [
        ("pays", "alleged", "C paid D."),
        ("knows", "confirmed", "D knows C."),  # the scale's highest level by default
    ]
    assert [(c.node, c.components) for c in r.articulation_points] == [
        ("c", (("d", "e", "f"), ("a", "b"))),
        ("d", (("a", "b", "c"), ("e", "f"))),
    ]
    roles = {(b.role, b.node) for b in r.brokers}
    # a -> c -> d: a and c are persons, d an organisation: c represents its group.
    assert ("representative", "c") in roles and ("gatekeeper", "d") in roles
    assert all(b.count > 0 for b in r.brokers)


def test_central_asia_answers(full: Report) -> None:
    top = {x.measure: x.overall[0].node for x in full.rankings}
    assert top["degree"] == top["betweenness"] == top["effective_size"] == top["pn_centrality"] == "IMT"
    assert top["constraint"] == "IMT"  # least constrained: the broker of the network
    by_type = {x.measure: x.by_type for x in full.rankings}
    # Read on the actors' positive ties, no state brokers anything: Pakistan counters and
    # deprioritises groups (hostile), and the money only passes through it (presence).
    assert all(x.value == 0 for x in by_type["betweenness"]["state"])
    assert full.articulation_points[0].node == "IMT"
    assert "Central Asia" not in {c.node for c in full.articulation_points}
    assert not any("Iraqi resistance groups" in (b.a, b.b) for b in full.bridges)  # the hypothetical is out
    best = {b.role: b for b in reversed(full.brokers)}  # first listed per role wins
    assert best["representative"].node == "IMT" and best["representative"].z > 3
    assert "Pakistan" not in {b.node for b in full.brokers}


def test_central_asia_reading_and_weak_ties(full: Report, central_asia: linkchart.LinkChart) -> None:
    assert full.reading.startswith(
        "read on 18 of 92 ties: positive ties of the layers operational, political"
    )
    assert "left out: 14 hostile ties, 56 neutral ties, 3 event ties" in full.reading
    assert full.weak_levels == ("alleged", "possible")
    # the bridge to the Northern Alliance rests on the one "possibly protected by" tie
    na = next(
        b for b in full.bridges if "Northern Alliance field commanders" in (b.a, b.b) and "IMT" in (b.a, b.b)
    )
    assert na.note == "rests on 1 possible tie"
    firm = [b for b in full.bridges if all(t.confidence in ("confirmed", "reported") for t in b.ties)]
    # the IMT's tie to Al-Qaeda is reported, but one alternative of a claim: the bridge says so
    (aq,) = [b for b in full.bridges if {b.a, b.b} == {"IMT", "Al-Qaeda"}]
    assert aq.note == "rests on an alternative of the either-or claim imt-units-in-kunar-and-paktia"
    assert all(b.note == "" for b in firm if b is not aq)
    imt = next(c for c in full.articulation_points if c.node == "IMT")
    assert "Northern Alliance" in imt.note and "possible" in imt.note
    # a ranked node that leaves the top on firm ties says where it lands
    between = {x.node: x for x in next(r for r in full.rankings if r.measure == "betweenness").overall}
    assert between["IMT"].note == ""
    # the "Al Qaeda or Taliban units" are an either-or claim of the IMT, no longer an actor that
    # brokers between Al-Qaeda and the Taliban (issue 18): the second broker has betweenness 1
    assert list(between)[1:3] == ["Government of Tajikistan", "MMA"]
    assert between["Government of Tajikistan"].value == 1 and between["Government of Tajikistan"].note == ""
    # brokered paths through a weak tie are counted
    coordinator = next(b for b in full.brokers if b.role == "coordinator" and b.node == "IMT")
    firm_count = linkchart.brokerage(central_asia.min_confidence("reported")).counts["IMT"]["coordinator"]
    assert (
        firm_count < coordinator.count
        and coordinator.note == f"{firm_count} of {coordinator.count} on firm ties"
    )
    # text and Markdown say it
    below = "Confidence: a finding marked * rests on ties below reported (alleged, possible, or a higher"
    assert below in full.to_text()
    assert "* rests on 1 possible tie" in full.to_markdown()


def test_every_reading_is_available(central_asia: linkchart.LinkChart) -> None:
    everything = report(central_asia, top=5, layers="all", signs="all", measures=["betweenness"])
    assert everything.reading == (
        "read on 91 of 92 ties: ties of every sign of the layers "
        + ", ".join(central_asia.vocabulary.layers)
        + "; left out: 1 tie that no measure reads (reading: none) — see --layers, --signs"
    )
    ranking = [x.node for x in everything.rankings[0].overall]
    assert ranking[0] == "IMT" and "Pakistan" in ranking[:3]  # the round-1 artefact, on request
    hostile = report(central_asia, signs="negative", layers="all", measures=["degree"], top=3)
    top = {x.node: x.value for x in hostile.rankings[0].overall}
    assert top["Pakistan"] == 4  # the state with most hostile partners (7 arcs, 4 partners)


def test_balance_section(full: Report) -> None:
    b = full.balance
    assert b is not None and sum(b.census) == len(b.triangles) > 0
    # Rakhmonov's inability to control Tajikistan and its field commanders is weakness, not
    # enmity (neutral since issue 18): he is no longer "ambivalent" towards his own state, and
    # the commanders integrated in his government no longer make an unbalanced triangle
    assert b.ambivalent == () and b.unbalanced == ()
    camps = b.camps
    assert camps["Emomali Rakhmonov"] == camps["Tajikistan"] == camps["Government of Tajikistan"]
    # the IMT's armed acts against Kyrgyzstan and Uzbekistan put them in the other camp
    assert camps["IMT"] != camps["Kyrgyzstan"] == camps["Uzbekistan"] == camps["Pakistan"]
    assert (
        "== structural balance" in full.to_text()
        and full.to_dict()["balance"]["frustration"] == b.frustration
    )


def test_text_tables_are_aligned(full: Report) -> None:
    text = str(full)
    assert text == full.to_text()
    assert text.startswith(
        "The IMT network in Central Asia (Smith)\n44 nodes, 92 edges; engine: igraph; top 5\n"
    )
    assert "\nReading: read on " in text
    for section in (
        "== degree:",
        "== betweenness:",
        "== constraint:",
        "== bridges:",
        "== articulation points:",
        "== brokerage (Gould-Fernandez, groups: type)",
    ):
        assert section in text
    lines = text.splitlines()
    # the first ranking whose rows carry a weak-tie note (since issue 18: pn_centrality)
    rankings = [r.measure for r in full.rankings]
    heads = [i for i, line in enumerate(lines) if line.startswith("== ") and lines[i + 1].endswith("note")]
    head = next(i for i in heads if lines[i][3:].split(":")[0] in rankings)
    measure = lines[head][3:].split(":")[0]
    header, rule, first = lines[head + 1 : head + 4]
    assert header.split()[:4] == ["#", "node", "type", measure]
    starts = [m.start() for m in re.finditer(r"-+", rule)]
    assert starts == [header.index(h) for h in ("#", "node", "type", measure, "note")]
    assert first.split()[:6] == [
        "1",
        "Islamic",
        "Movement",
        "of",
        "Turkestan",
        "[IMT]",
    ]
    assert header.index(measure) + len(measure) == len(first.split("  *")[0].rstrip())  # right-aligned
    assert '"small groups of IMT fighters have been spotted in mountain passes' in text


def test_json_round_trips_with_nan_as_null(full: Report) -> None:
    data = json.loads(full.to_json())
    assert data["nodes"] == 44 and data["parameters"]["top"] == 5
    constraint = next(r for r in data["rankings"] if r["measure"] == "constraint")
    assert constraint["order"] == "ascending"
    assert {"node": "IMT", "type": "organisation"}.items() <= constraint["overall"][0].items()
    # Nodes without ties have no constraint: NaN in Python, null in JSON.
    assert data["bridges"][0]["ties"][0]["evidence"]
    brokers = [b for b in data["brokers"] if b["role"] == "coordinator"]
    expected = linkchart.brokerage(linkchart.load(GRAPH)).counts["IMT"]["coordinator"]
    assert brokers[0]["node"] == "IMT" and brokers[0]["count"] == expected


def test_markdown_has_pipe_tables(full: Report) -> None:
    md = full.to_markdown()
    assert md.startswith("# The IMT network in Central Asia (Smith)\n")
    assert "## betweenness" in md and "| 1 | Islamic Movement of Turkestan [IMT] | organisation |" in md
    assert "|---:|---|---|---:|" in md and "Reading: read on" in md
    assert "## Bridges" in md and "## Articulation points" in md and "## Brokerage" in md


def test_csv_one_file_per_table(full: Report, tmp_path: Path) -> None:
    paths = full.to_csv(tmp_path / "out")
    names = ["rankings.csv", "bridges.csv", "articulation_points.csv", "brokers.csv"]
    assert [p.name for p in paths] == names
    with (tmp_path / "out" / "rankings.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert rows[0] == {
        "measure": "degree",
        "scope": "overall",
        "rank": "1",
        "node": "IMT",
        "label": "Islamic Movement of Turkestan",
        "type": "organisation",
        "value": str(float(linkchart.degree(linkchart.load(GRAPH))["IMT"])),
        "note": "",
    }
    assert any((r["scope"], r["measure"], r["node"]) == ("state", "betweenness", "Pakistan") for r in rows)
    with (tmp_path / "out" / "bridges.csv").open(encoding="utf-8") as f:
        bridges = list(csv.DictReader(f))
    assert any(b["evidence"].startswith("small groups of IMT fighters") for b in bridges)
    assert {b["note"] for b in bridges} >= {"rests on 1 possible tie", ""}
    with (tmp_path / "out" / "brokers.csv").open(encoding="utf-8") as f:
        assert next(csv.reader(f)) == [
            "role",
            "node",
            "label",
            "type",
            "group",
            "count",
            "expected",
            "z",
            "note",
            "flag",
        ]


def test_csv_into_an_unwritable_place_is_a_linkchart_error(full: Report, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(LinkchartError, match=r"cannot write .*sub'?: Not a directory") as info:
        full.to_csv(blocker / "sub")
    assert info.value.code == "write-failed"


def test_selected_measures_and_relations(central_asia: linkchart.LinkChart) -> None:
    r = report(central_asia, top=2, measures=["degree", "bridges"], relations=["borders", "located_in"])
    assert [x.measure for x in r.rankings] == ["degree"]
    assert r.brokers == () and r.articulation_points == ()
    assert sorted(r.parameters["relations"]) == ["borders", "located_in"]
    # Geography only: every bridge is a borders or located_in tie.
    assert r.bridges and all(t.relation in {"borders", "located_in"} for b in r.bridges for t in b.ties)
    assert "== brokerage" not in r.to_text() and "== articulation points" not in r.to_text()


def test_engines_give_the_same_report(central_asia: linkchart.LinkChart) -> None:
    a = report(central_asia, top=5, draws=50).to_dict()
    b = report(central_asia, top=5, engine="networkx", draws=50).to_dict()
    for ra, rb in zip(a["rankings"], b["rankings"], strict=True):
        assert [x["node"] for x in ra["overall"]] == [x["node"] for x in rb["overall"]]
        assert [x["value"] for x in ra["overall"]] == pytest.approx([x["value"] for x in rb["overall"]])
    assert (a["bridges"], a["articulation_points"], a["brokers"]) == (
        b["bridges"],
        b["articulation_points"],
        b["brokers"],
    )
    for ua, ub in zip(a["how_sure"], b["how_sure"], strict=True):  # the same draws on both engines
        assert [(r["node"], r["rank_interval"], r["p_top"]) for r in ua["rows"]] == [
            (r["node"], r["rank_interval"], r["p_top"]) for r in ub["rows"]
        ]


def test_how_sure_section(full: Report, central_asia: linkchart.LinkChart) -> None:
    assert [u.measure for u in full.how_sure] == ["betweenness", "pagerank", "degree"]
    between = full.how_sure[0]
    assert between.draws == 1000 and between.parameters["seed"] == 0 and between.top == 5
    again = linkchart.rank_uncertainty(central_asia, "betweenness", draws=1000, seed=0, top=5, workers=1)
    assert between.table() == again.table()  # seeded and stated: reproducible from the call
    assert "== how sure" in full.to_text() and "## How sure" in full.to_markdown()
    assert full.to_dict()["how_sure"][0]["rows"][0]["node"] == "IMT"
    assert report(central_asia, measures=["degree"], draws=None).how_sure == ()


def test_over_time_section_on_a_dated_chart(full: Report, central_asia: linkchart.LinkChart) -> None:
    # 1 of the 22 ties read is dated: the section says so and ranks no one
    declined = full.over_time
    assert declined is not None and declined.periods == () and declined.dating is not None
    assert (declined.dating.read, declined.dating.dated) == (18, 1)
    text = full.to_text().split("== over time")[1]
    assert ": not shown; 1 of 18 ties read is dated" in text
    assert "Only 1 of 18 ties read is dated (6%; at least 50% must be)" in text
    assert "Only 1 of 18 ties read is dated" in full.to_markdown().split("## Over time")[1]
    assert full.to_dict()["over_time"]["declined"] == declined.declined
    shown = report(central_asia, top=5, draws=None, min_dated=0, measures=["betweenness"])
    t = shown.over_time
    assert t is not None and [p.label for p in t.periods] == ["1997", "1998", "1999", "2000"]
    again = linkchart.over_time(central_asia, "betweenness", every="year", normalized=True, min_dated=0)
    assert t.scores == again.scores  # the same call, the same numbers
    assert t.top("1999", 1)[0][0] == "IMT"
    assert [p.dated for p in t.periods] == [1, 1, 1, 1]  # the one dated tie read: integrated from 1997
    text = shown.to_text()
    assert "== over time: normalised betweenness by year" in text and "1999" in text.split("== over time")[1]
    assert "1 of 18 ties read is dated" in text.split("== over time")[1]
    assert "## Over time" in shown.to_markdown()
    assert shown.to_dict()["over_time"]["periods"][0]["label"] == "1997"
    undated = linkchart.from_records([{"id": x, "type": "state"} for x in "ab"],
                                     [{"from": "a", "relation": "r", "to": "b"}])  # fmt: skip
    assert report(undated, draws=None).over_time is None
    assert "over time" not in report(undated, draws=None).to_text()


def test_over_time_is_left_out_when_too_costly_and_the_report_says_so(
    central_asia: linkchart.LinkChart, monkeypatch: pytest.MonkeyPatch
) -> None:
    from linkchart.analysis.policy import SizePolicy

    policy = SizePolicy(over_time_max_work=1000)
    r = report(central_asia, measures=["degree", "betweenness"], draws=None, min_dated=0, policy=policy)
    assert r.over_time is None
    assert "the Over time section left out (4 periods of exact betweenness" in r.scale
    assert "run linkchart timeline" in r.to_text()


def test_empty_and_tieless_charts() -> None:
    empty = report(linkchart.from_records([], []))
    assert all(r.overall == () for r in empty.rankings) and empty.bridges == () and empty.brokers == ()
    assert "none" in empty.to_text()
    lone = linkchart.from_records([{"id": "a", "type": "state"}, {"id": "b", "type": "state"}], [])
    r = report(lone, top=1)
    assert r.bridges == () and r.articulation_points == () and r.brokers == ()
    assert json.loads(r.to_json())["nodes"] == 2


def test_bad_arguments(small: linkchart.LinkChart) -> None:
    with pytest.raises(UnknownNameError, match="unknown measure 'betweeness' — did you mean 'betweenness'"):
        report(small, measures=["betweeness"])
    with pytest.raises(UnknownNameError, match="did you mean 'knows'"):
        report(small, relations=["know"])
    with pytest.raises(UnknownNameError, match="unknown engine"):
        report(small, engine="graph-tool")  # type: ignore[arg-type]
    with pytest.raises(LinkchartError, match="top must be a positive integer"):
        report(small, top=0)
    with pytest.raises(LinkchartError, match="6 nodes have no group under the partition mapping"):
        report(small, partition={"a": 1})
    with pytest.raises(UnknownNameError, match="unknown partition"):
        report(small, partition="side")


def test_linkchart_report_is_the_function(small: linkchart.LinkChart) -> None:
    assert isinstance(linkchart.report(small, top=1, measures=["degree"]), Report)


def test_key_players_section(small: linkchart.LinkChart, full: Report) -> None:
    r = report(small, measures=["key_players"])
    neg, pos = r.key_players
    assert (neg.criterion, neg.k, pos.criterion, pos.k) == ("fragmentation", 3, "reach", 3)
    # two triangles joined by c - d, and z: no 3 nodes cover every tie, so at best one tie
    # (2 ordered pairs of the 4 * 3 left) survives
    assert neg.score == pytest.approx(1 - 2 / 12)
    assert neg.baseline == pytest.approx(linkchart.key_player_score(small, []))
    # one node of each triangle reaches the rest of it; the isolated z is covered only by
    # being chosen (the first such set in chart order is a, d, z)
    assert set(pos.nodes) == {"a", "d", "z"} and pos.score == 1.0
    text = r.to_text()
    assert "== key players (Borgatti 2006; undirected reading)" in text
    assert f"from {neg.baseline:.3f} to 0.833" in text and "reach 100.0% of the other nodes" in text
    assert "## Key players" in r.to_markdown()
    data = json.loads(r.to_json())["key_players"]
    assert [d["criterion"] for d in data] == ["fragmentation", "reach"] and data[0]["search"] == "exhaustive"
    # on the Central Asia graph the IMT is the first key player of both kinds
    assert [kp.nodes[0] for kp in full.key_players] == ["IMT", "IMT"]
    assert report(linkchart.from_records([{"id": "a", "type": "state"}], [])).key_players == ()


def test_key_players_on_larger_charts_use_component_fragmentation_then_are_left_out(
    small: linkchart.LinkChart, monkeypatch: pytest.MonkeyPatch
) -> None:
    import linkchart.reporting.text as text
    from linkchart.analysis.policy import SizePolicy

    n = small.number_of_nodes
    policy = SizePolicy(key_players_distance_max_nodes=n - 1)
    neg, pos = report(small, measures=["key_players"], policy=policy).key_players
    assert (neg.criterion, pos.criterion) == ("component_fragmentation", "reach")
    assert "component fragmentation from" in report(small, measures=["key_players"], policy=policy).to_text()
    monkeypatch.setattr(text, "KEY_PLAYERS_MAX_NODES", n - 1)
    r = report(small, measures=["key_players"], policy=SizePolicy(key_players_max_nodes=n - 1))
    assert r.key_players == ()
    assert f"not computed for charts of over {n - 1:,} nodes" in r.to_text()


def test_a_large_chart_is_estimated_and_says_so() -> None:
    from linkchart.analysis.policy import SizePolicy
    from linkchart.reporting import compute

    n = 1200
    chart = linkchart.from_records(
        [{"id": f"v{i}", "type": "person"} for i in range(n)],
        [{"from": f"v{i}", "relation": "knows", "to": f"v{(i * 7 + 3) % n}"} for i in range(n)]
        + [{"from": f"v{i}", "relation": "knows", "to": f"v{i + 1}"} for i in range(n - 1)],
    )
    policy = SizePolicy(exact_max_work=10_000)  # as if the chart were huge
    r = report(chart, top=3, draws=None, measures=None, policy=policy)
    assert r.scale.startswith("large chart (1,200 nodes, 2,399 edges): betweenness estimated from 1,000")
    assert "closeness" in r.scale and "--exact" in r.scale and "Scale: large chart" in r.to_text()
    names = [x.measure for x in r.rankings]
    assert "betweenness" in names and "closeness" not in names and "harmonic" not in names
    exact = report(chart, top=3, draws=None, exact=True, policy=policy)
    assert exact.scale == "" and "closeness" in [x.measure for x in exact.rankings]
    # the estimate is the seeded Brandes-Pich estimate the measure gives
    estimate = linkchart.betweenness(chart, samples=compute.SAMPLED_PIVOTS, seed=0)
    top = next(x for x in r.rankings if x.measure == "betweenness").overall[0]
    assert top.value == pytest.approx(estimate[top.node])


def test_claims_and_notes_are_shown_each_as_one_item() -> None:
    vocab = Vocabulary(relations=(Relation("with", directed=False),))
    chart = linkchart.from_records(
        [{"id": "IMT", "type": "organisation", "notes": ["scattered but re-organizing"]}]
        + [{"id": x, "type": "organisation"} for x in ("AQ", "TB", "JUI")],
        [
            {"from": "IMT", "relation": "with", "to": o, "alternative": "units", "confidence": "reported",
             "evidence": "operating with Al Qaeda or Taliban units"}
            for o in ("AQ", "TB")
        ]
        + [{"from": "JUI", "relation": "with", "to": "IMT",
            "notes": [{"text": "a scenario", "source": "s"}]}],
        vocabulary=vocab,
        sources=[{"id": "s"}],
    )  # fmt: skip
    r = report(chart, top=3, draws=50)
    (claim,) = r.claims
    assert (claim.name, claim.confidence, claim.read, r.claims_total) == ("units", "reported", 2, 1)
    assert claim.text == "one of: IMT with AQ, IMT with TB"
    assert [(n.about, n.edge, n.text, n.source) for n in r.notes] == [
        ("IMT", "", "scattered but re-organizing", None),
        ("JUI with IMT", "e2", "a scenario", "s"),
    ]
    text = r.to_text()
    assert "== either-or claims" in text and "units (reported): one of: IMT with AQ, IMT with TB" in text
    claims = text[text.index("== either-or claims") : text.index("== notes")]
    assert claims.count('"operating with Al Qaeda or Taliban units"') == 1  # one claim, one quote
    assert "== notes" in text and "[e2] JUI with IMT: a scenario" in text
    md = r.to_markdown()
    assert "## Either-or claims" in md and "## Notes" in md and "| value pct |" in md
    data = r.to_dict()
    assert data["claims"][0]["text"] == claim.text and data["notes"][1]["edge"] == "e2"
    assert "value pct" in r.how_sure[0].text() and r.how_sure[0].explain() in md
    assert report(chart.with_relations("with"), top=3, draws=None).claims[0].read == 2
    # a bridge that is one alternative of a claim says it may not hold
    notes = {frozenset((b.a, b.b)): b.note for b in r.bridges}
    assert notes[frozenset(("IMT", "AQ"))] == "rests on an alternative of the either-or claim units"
    assert notes[frozenset(("JUI", "IMT"))] == ""


def test_brokers_with_a_z_from_an_expected_count_below_one_are_flagged(full: Report) -> None:
    # IMT's coordinator z is in the sixties against an expected count of 0.04
    imt = next(b for b in full.brokers if b.role == "coordinator" and b.node == "IMT")
    assert imt.expected < 1 and imt.z > 10 and imt.flag.startswith("expected 0.028 times")
    text = full.to_text()
    assert re.search(r"IMT\].*\d !", text)
    assert "! expected less than once under the null model" in text
    assert "- ! expected less than once" in full.to_markdown()
    data = json.loads(full.to_json())
    assert next(b for b in data["brokers"] if b["node"] == "IMT")["flag"] == imt.flag
    assert data["brokerage_note"] == ""


def test_a_partition_of_one_dominant_group_is_said_in_the_report() -> None:
    nodes = [{"id": f"o{i}", "type": "organisation"} for i in range(19)] + [{"id": "s", "type": "state"}]
    edges = [{"from": "o0", "relation": "pays", "to": "s"}, {"from": "s", "relation": "pays", "to": "o1"}]
    r = report(linkchart.from_records(nodes, edges), measures=["brokerage"], draws=None)
    assert r.brokerage_note.startswith("one group (organisation) holds 19 of 20 nodes")
    assert f"! {r.brokerage_note}" in r.to_text()
    assert json.loads(r.to_json())["brokerage_note"] == r.brokerage_note


def test_the_weak_tie_mark_depends_on_the_finding_not_on_top() -> None:
    # degrees: x 6 (three of them alleged), a 5, b 4, c 2; on firm ties x has 3: rank 3
    edges = [("x", f"x{i}", "reported" if i < 3 else "alleged") for i in range(6)]
    edges += [("a", f"a{i}", "reported") for i in range(5)] + [("b", f"b{i}", "reported") for i in range(4)]
    edges += [("c", f"c{i}", "reported") for i in range(2)]
    ids = sorted({n for a, b, _ in edges for n in (a, b)})
    chart = linkchart.from_records(
        [{"id": n, "type": "person"} for n in ids],
        [{"from": a, "relation": "knows", "to": b, "confidence": c} for a, b, c in edges],
    )
    notes = {}
    for top in (1, 3, 5, 10):
        r = report(chart, top=top, measures=["degree"], draws=None)
        assert r.rankings[0].overall[0].node == "x"
        notes[top] = {x.node: x.note for x in r.rankings[0].overall if x.note}
    # the same mark whether the report shows 1 row or 10 (it fell within the top 5 before)
    assert notes[1] == notes[3] == notes[5] == notes[10] == {"x": "rank 3 on firm ties"}
