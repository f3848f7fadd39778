"""The page's data: escaping of the JSON payload, parallel-edge curves, highlights."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

import linkchart
from linkchart.errors import UnknownNameError
from linkchart.render.payload import build_network, context_of, page_payload, script_json
from linkchart.render.spec import PageSpec


@given(
    st.recursive(
        st.text() | st.integers() | st.booleans() | st.none(),
        lambda inner: st.lists(inner) | st.dictionaries(st.text(), inner),
        max_leaves=20,
    )
)
def test_script_json_never_closes_the_script_and_reads_back(value: object) -> None:
    text = script_json(value)
    for char in "<>&\u2028\u2029":
        assert char not in text
    assert json.loads(text) == value


def test_script_json_is_byte_stable_with_sorted_keys() -> None:
    assert script_json({"b": 1, "a": [2, {"d": 3, "c": 4}]}) == '{"a":[2,{"c":4,"d":3}],"b":1}'


def test_script_json_refuses_non_finite_numbers() -> None:
    with pytest.raises(ValueError):
        script_json({"x": float("nan")})


def _pair_chart() -> linkchart.LinkChart:
    nodes = [{"id": "a", "type": "state"}, {"id": "b", "type": "state"}, {"id": "c", "type": "state"}]
    edges = [
        {"from": "a", "relation": "funds", "to": "b"},
        {"from": "b", "relation": "funds", "to": "a"},
        {"from": "a", "relation": "arms", "to": "b"},
        {"from": "b", "relation": "funds", "to": "c"},
        {"from": "c", "relation": "funds", "to": "c"},
        {"from": "c", "relation": "arms", "to": "c"},
    ]
    return linkchart.from_records(nodes, edges)


def _side(edge: dict[str, object], chart: linkchart.LinkChart) -> float:
    """+roundness or -roundness, as seen from the lower node index to the higher one."""
    smooth = edge.get("smooth")
    if not isinstance(smooth, dict):
        return 0.0
    r = float(smooth["roundness"]) * (1 if smooth["type"] == "curvedCW" else -1)
    return r if edge["from"] < edge["to"] else -r  # type: ignore[operator]


def test_parallel_edges_curve_apart_whichever_way_they_point() -> None:
    chart = _pair_chart()
    net, _ = build_network(chart, PageSpec(size_by=None))
    sides = [_side(e, chart) for e in net.edges[:3]]
    # three edges between a and b, one of them written b -> a: one straight, two on opposite sides
    assert sorted(sides) == [-0.2, 0.0, 0.2]
    assert "smooth" not in net.edges[3]  # b -> c is alone
    loops = [e["selfReference"]["size"] for e in net.edges[4:]]
    assert len(set(loops)) == 2  # two self-loops on c, drawn at different sizes


def test_arrows_follow_the_relation_direction() -> None:
    vocab = linkchart.Vocabulary(
        relations=(linkchart.Relation("finances"), linkchart.Relation("borders", directed=False))
    )
    chart = linkchart.from_records(
        [{"id": "a", "type": "state"}, {"id": "b", "type": "state"}],
        [{"from": "a", "relation": "finances", "to": "b"}, {"from": "a", "relation": "borders", "to": "b"}],
        vocabulary=vocab,
    )
    net, _ = build_network(chart, PageSpec(size_by=None))
    assert [e.get("arrows") for e in net.edges] == ["to", None]


def test_low_confidence_edges_are_dashed_and_faded() -> None:
    chart = linkchart.from_records(
        [{"id": "a", "type": "state"}, {"id": "b", "type": "state"}],
        [{"from": "a", "relation": "x", "to": "b", "confidence": c} for c in linkchart.DEFAULT_CONFIDENCE],
    )
    net, _ = build_network(chart, PageSpec(size_by=None))
    assert [bool(e.get("dashes")) for e in net.edges] == [False, False, True, True]
    opacities = [e["color"]["opacity"] for e in net.edges]
    assert opacities == sorted(opacities, reverse=True) and opacities[-1] < 0.5


def test_a_tie_is_drawn_as_sure_as_its_sources_make_it() -> None:
    # an alleged tie three sources report (p 0.83) is drawn as a reported one, solid; a reported
    # tie from a source graded E (p 0.3) as a possible one, dashed and faded (issue 23 item 1)
    three = [{"source": s} for s in ("s1", "s2", "s3")]
    chart = linkchart.from_records(
        [{"id": x, "type": "state"} for x in "abc"],
        [
            {"from": "a", "relation": "x", "to": "b", "confidence": "alleged", "evidence": three},
            {"from": "b", "relation": "x", "to": "c", "confidence": "reported", "source": "e"},
        ],
        sources=[{"id": s, "reliability": "E" if s == "e" else "B"} for s in ("e", "s1", "s2", "s3")],
    )
    assert chart.edges.probability[0] > 0.75 > chart.edges.probability[1]
    net, _ = build_network(chart, PageSpec(size_by=None))
    assert [bool(e.get("dashes")) for e in net.edges] == [False, True]
    assert net.edges[0]["color"]["opacity"] == 1.0 and net.edges[1]["color"]["opacity"] < 0.5


def test_nodes_are_sized_by_the_measure(central_asia: linkchart.LinkChart) -> None:
    net, info = build_network(central_asia, PageSpec(size_by="degree", measures=["degree"]))
    degree = linkchart.degree(central_asia)
    hub = max(degree, key=lambda n: degree[n])
    sizes = {central_asia.node_ids[n["id"]]: n["size"] for n in net.nodes}
    assert sizes[hub] == max(sizes.values())
    assert info["measures"][0]["name"] == "degree"
    assert info["measures"][0]["ranks"][central_asia.index_of(hub)] == 1


def test_highlights_mark_bridges_articulation_points_and_brokers(central_asia: linkchart.LinkChart) -> None:
    payload = page_payload(central_asia, PageSpec(highlight=("bridges", "articulation_points", "brokers")))
    marks = payload["highlight"]
    bridge_ids = {eid for b in linkchart.bridges(central_asia) for eid in b.edge_ids}
    assert {central_asia.edges.id_of(k) for k in marks["bridges"]} == bridge_ids
    cut = {p.node_id for p in linkchart.articulation_points(central_asia)}
    assert {central_asia.node_ids[i] for i in marks["articulation_points"]} == cut
    assert "IMT" in {central_asia.node_ids[i] for i in marks["brokers"]}
    brokering = [n for n, roles in linkchart.brokerage(central_asia).counts.items() if sum(roles.values())]
    assert len(marks["brokers"]) == min(5, len(brokering)) > 0
    # bridges counted as the report counts them: bridging ties (pairs), then the edges drawn
    found = linkchart.bridges(central_asia)
    assert marks["bridge_count"] == {
        "ties": len(found),
        "edges": len(marks["bridges"]),
        "text": f"{len(found)} bridging ties ({len(marks['bridges'])} edges)",
    }
    r = linkchart.report(central_asia, measures=["bridges"], draws=None)
    assert (r.bridges_total, r.bridge_edges_total) == (len(found), len(marks["bridges"]))
    assert marks["bridge_count"]["text"] in r.to_text() and marks["bridge_count"]["text"] in r.to_markdown()
    # a bridge reported twice is one bridging tie of two edges: the two counts differ
    twice = linkchart.from_records(
        [{"id": x, "type": "person"} for x in "abc"],
        [{"from": "a", "relation": "knows", "to": "b"}] * 2 + [{"from": "b", "relation": "knows", "to": "c"}],
    )
    count = page_payload(twice, PageSpec(highlight=("bridges",), draws=None))["highlight"]["bridge_count"]
    assert count["text"] == "2 bridging ties (3 edges)"
    widths = [e["width"] for e in payload["edges"]]
    assert (
        min(widths[k] for k in marks["bridges"])
        > max(w for k, w in enumerate(widths) if k not in set(marks["bridges"])) / 2.5 - 1e-9
    )


def test_color_by_community_colours_each_community_alike(central_asia: linkchart.LinkChart) -> None:
    payload = page_payload(central_asia, PageSpec(color_by="community", size_by=None))
    community = payload["node"]["community"]
    colour = {}
    for node, c in zip(payload["nodes"], community, strict=True):
        colour.setdefault(c, set()).add(node["color"]["background"])
    assert all(len(v) == 1 for v in colour.values())
    assert community.count(0) == max(community.count(c) for c in set(community))


@pytest.mark.parametrize(
    ("spec", "kind"),
    [
        (PageSpec(size_by="betweeness"), "measure"),
        (PageSpec(color_by="types"), "color_by"),
        (PageSpec(highlight=("bridge",)), "highlight"),
        (PageSpec(layout="spring"), "layout method"),
        (PageSpec(measures=("pagerank", "closenes")), "measure"),
        (PageSpec(context="recesive"), "context"),
    ],
)
def test_a_name_that_names_nothing_is_refused_with_the_choices(spec: PageSpec, kind: str) -> None:
    with pytest.raises(UnknownNameError, match=f"unknown {kind}") as err:
        spec.check()
    assert "did you mean" in str(err.value) or "choose from 'auto', 'community', 'fr'" in str(err.value)


def test_hostile_ties_layers_and_camps_reach_the_page(central_asia: linkchart.LinkChart) -> None:
    payload = page_payload(central_asia, PageSpec())
    vocab = payload["vocabulary"]
    relations = vocab["relations"]
    layers = [layer["name"] for layer in vocab["layers"]]
    assert layers == list(central_asia.vocabulary.layers)
    for k in range(central_asia.number_of_edges):
        rel = relations[payload["edge"]["relation"][k]]
        drawn = payload["edges"][k]
        if rel["negative"]:  # red, with a bar where the hostility lands
            assert drawn["color"]["color"] == vocab["hostile_color"]
            assert drawn["arrows"]["to"]["type"] == "bar"
        else:  # the colour of its layer
            assert drawn["color"]["color"] == vocab["layers"][rel["layer"]]["color"] != vocab["hostile_color"]
    camps = payload["node"]["camp"]
    balance = linkchart.balance(central_asia)
    assert camps == [balance.camps[n] for n in central_asia.node_ids]
    assert "pn_centrality" in [m["name"] for m in payload["measures"]]
    assert payload["reading"] == linkchart.reading(central_asia).describe()


def test_the_page_reading_follows_layers_and_signs(central_asia: linkchart.LinkChart) -> None:
    default = page_payload(central_asia, PageSpec(size_by="betweenness"))
    everything = page_payload(central_asia, PageSpec(size_by="betweenness", layers="all", signs="all"))
    values = {p["name"]: p["values"] for p in default["measures"]}["betweenness"]
    round1 = {p["name"]: p["values"] for p in everything["measures"]}["betweenness"]
    pakistan = central_asia.index_of("Pakistan")
    assert values[pakistan] == 0 and round1[pakistan] > 0
    assert everything["reading"].startswith("read on 91 of 92 ties")  # all but the one example


def test_an_unsigned_chart_has_no_camps_and_no_pn() -> None:
    c = linkchart.from_records(
        [{"id": x, "type": "state"} for x in "ab"], [{"from": "a", "relation": "r", "to": "b"}]
    )
    payload = page_payload(c, PageSpec())
    assert payload["node"]["camp"] is None
    assert "pn_centrality" not in [m["name"] for m in payload["measures"]]


def test_the_panel_gets_rank_intervals_from_seeded_draws(central_asia: linkchart.LinkChart) -> None:
    payload = page_payload(central_asia, PageSpec(draws=100))
    between = next(m for m in payload["measures"] if m["name"] == "betweenness")
    expected = linkchart.rank_uncertainty(central_asia, "betweenness", draws=100, seed=0, workers=1)
    assert between["rank_interval"] == [list(expected.rank_interval(n)) for n in central_asia.node_ids]
    assert between["rank_interval"][central_asia.index_of("IMT")] == [1, 1]
    assert between["percentile"] == [
        pytest.approx(expected.percentile(n), abs=1e-3) for n in central_asia.node_ids
    ]
    assert between["tied"] == [expected.tied(n) >= 0.5 for n in central_asia.node_ids]
    assert "above or below it" in payload["draws_note"]
    assert all(
        m["rank_interval"] is None for m in page_payload(central_asia, PageSpec(draws=None))["measures"]
    )


def test_a_large_chart_page_estimates_betweenness_and_says_so() -> None:
    from linkchart.analysis.policy import SizePolicy

    n = 1200
    chart = linkchart.from_records(
        [{"id": f"v{i}", "type": "person"} for i in range(n)],
        [{"from": f"v{i}", "relation": "knows", "to": f"v{(i * 7 + 3) % n}"} for i in range(n)],
    )
    # as if the chart were huge: the policy travels with the findings the page presents
    found = linkchart.analyze(
        chart, measures=(), sections=(), draws=None, policy=SizePolicy(exact_max_work=10_000)
    )
    data = page_payload(found, PageSpec(measures=None, draws=None))
    assert data["scale"].startswith("Large chart: betweenness estimated from 1,000 random pivots")
    between = next(m for m in data["measures"] if m["name"] == "betweenness")
    estimate = linkchart.betweenness(chart, samples=1000, seed=0)
    i = chart.index_of("v5")
    assert between["values"][i] == pytest.approx(estimate["v5"], rel=1e-5)
    exact = page_payload(found, PageSpec(draws=None, exact=True))
    assert exact["scale"] == ""


def _ring_with_hub(n: int = 300) -> linkchart.LinkChart:
    """A ring of ``n`` people with chords, and a pendant pair (a bridge) off the first node."""
    nodes = [{"id": f"v{i}", "type": "person"} for i in range(n)]
    nodes += [{"id": "tail", "type": "person"}]
    edges = [{"from": f"v{i}", "relation": "knows", "to": f"v{(i + 1) % n}"} for i in range(n)]
    edges += [{"from": f"v{i}", "relation": "knows", "to": f"v{(i * 7 + 3) % n}"} for i in range(0, n, 3)]
    edges += [{"from": "v0", "relation": "knows", "to": "tail"}]
    return linkchart.from_records(nodes, edges)


def test_a_summary_view_draws_the_top_actors_with_whole_chart_measures() -> None:
    chart = _ring_with_hub()
    spec = PageSpec(summary=40, size_by="degree", highlight=("bridges", "articulation_points"), draws=None)
    data = page_payload(chart, spec)
    degree = linkchart.degree(chart)
    ids = data["node"]["ids"]
    assert len(ids) == 40
    # the 40 highest degrees, ties broken by row
    order = sorted(range(chart.number_of_nodes), key=lambda i: (-degree[chart.node_ids[i]], i))
    assert ids == [chart.node_ids[i] for i in sorted(order[:40])]
    # the ties among them, and only those, with their ids
    kept = set(ids)
    among = [k for k, e in enumerate(chart.iter_edges()) if {e.from_id, e.to_id} <= kept]
    assert data["edge"]["ids"] == [chart.edges.id_of(k) for k in among]
    assert all(ids[e["from"]] in kept and ids[e["to"]] in kept for e in data["edges"])
    # values and ranks are those of the whole chart, for the rows shown
    row = next(m for m in data["measures"] if m["name"] == "degree")
    whole = page_payload(chart, PageSpec(summary=False, size_by="degree", draws=None))
    whole_row = next(m for m in whole["measures"] if m["name"] == "degree")
    for j, nid in enumerate(ids):
        i = chart.index_of(nid)
        assert row["values"][j] == whole_row["values"][i]
        assert row["ranks"][j] == whole_row["ranks"][i]
    # v0 is a cut point of the whole chart (its pendant leaves with it) and among the shown actors
    assert [ids[i] for i in data["highlight"]["articulation_points"]] == ["v0"]
    assert data["highlight"]["bridges"] == []  # the bridge to the tail is not drawn
    note = data["summary"]
    assert (note["nodes"], note["total_nodes"], note["total_edges"]) == (40, 301, chart.number_of_edges)
    assert note["edges"] == len(among)
    assert note["text"].startswith("Summary view: the 40 actors with the highest degree of 301")
    assert f"{chart.number_of_edges - len(among):,} ties are left out" in note["text"]


def test_a_summary_view_comes_by_itself_above_the_documented_size() -> None:
    from linkchart.analysis.policy import SizePolicy

    chart = _ring_with_hub()
    assert page_payload(chart, PageSpec(draws=None))["summary"] is None
    policy = SizePolicy(summary_above_edges=100, summary_nodes=50)
    found = linkchart.analyze(chart, measures=(), sections=(), draws=None, policy=policy)
    data = page_payload(found, PageSpec(size_by=None, draws=None))
    assert data["summary"]["by"] == "degree"
    assert len(data["nodes"]) == 50
    assert len(page_payload(found, PageSpec(summary=False, draws=None))["nodes"]) == 301
    assert len(page_payload(found, PageSpec(summary=True, draws=None))["nodes"]) == 50
    assert page_payload(found, PageSpec(summary=1000, draws=None))["summary"] is None  # it all fits


@pytest.mark.parametrize("bad", [0, -3, 2.5, "all"])
def test_a_summary_size_that_is_not_a_count_is_refused(bad: object) -> None:
    with pytest.raises(linkchart.LinkchartError, match="summary must be"):
        PageSpec(summary=bad).check()  # type: ignore[arg-type]


def test_the_time_slider_data_follows_the_chart(central_asia: linkchart.LinkChart) -> None:
    from datetime import date

    # 1 of the 22 ties read is dated: no slider, and the page says why
    declined = page_payload(central_asia, PageSpec(draws=None))["timeline"]
    assert declined["declined"].startswith("only 1 of 18 ties read is dated (6%; at least 50% must be)")
    data = page_payload(central_asia, PageSpec(draws=None, min_dated=0))
    t = data["timeline"]
    assert t["every"] == "year" and [w["label"] for w in t["windows"]] == ["1997", "1998", "1999", "2000"]
    assert t["dating"] == "1 of 18 ties read is dated" and t["undated"] == "source"
    assert t["windows"][0]["first"] == date(1997, 1, 1).toordinal()
    assert (
        len(t["edge_from"]) == central_asia.number_of_edges
        and len(t["node_to"]) == central_asia.number_of_nodes
    )
    k = next(k for k, e in enumerate(central_asia.iter_edges()) if e.time is not None and e.time.last is None)
    edge = central_asia.edge_at(k)
    assert edge.time is not None and edge.time.first is not None
    assert (t["edge_from"][k], t["edge_to"][k]) == (edge.time.first.toordinal(), None)
    assert t["measure"] is None
    assert page_payload(central_asia, PageSpec(draws=None, timeline=False))["timeline"] is None
    with_measure = page_payload(
        central_asia, PageSpec(draws=None, size_by="degree", over_time=True, min_dated=0)
    )["timeline"]
    per_year = linkchart.over_time(central_asia, "degree", every="year", min_dated=0)
    i = central_asia.index_of("IMT")
    assert with_measure["measure"]["values"][2][i] == per_year.scores[2]["IMT"]
    assert with_measure["measure"]["active"] == [p.nodes for p in per_year.periods]


def test_claims_notes_and_signs_reach_the_page() -> None:
    vocab = linkchart.Vocabulary(
        relations=(
            linkchart.Relation("with", directed=False),
            linkchart.Relation("in", sign="neutral"),
            linkchart.Relation("such_as", reading="none"),
        )
    )
    chart = linkchart.from_records(
        [{"id": "IMT", "type": "organisation", "notes": ["scattered"]}]
        + [{"id": x, "type": "organisation"} for x in ("AQ", "TB", "P")],
        [
            {"from": "IMT", "relation": "with", "to": "AQ", "alternative": "units"},
            {
                "from": "IMT",
                "relation": "in",
                "to": "P",
                "notes": [{"text": "if", "source": "s", "quote": "q"}],
            },
            {"from": "IMT", "relation": "with", "to": "TB", "alternative": "units"},
            {"from": "TB", "relation": "such_as", "to": "AQ"},
        ],
        vocabulary=vocab,
        sources=[{"id": "s"}],
    )
    payload = page_payload(chart, PageSpec(draws=None))
    assert payload["claims"] == [{"name": "units", "edges": [0, 2]}]
    assert payload["edge"]["alternative"] == [0, None, 0, None]
    assert payload["node"]["notes"] == {0: ["scattered"]}
    assert payload["edge"]["notes"] == {1: [{"text": "if", "source": "s", "quote": "q"}]}
    rels = {r["name"]: r for r in payload["vocabulary"]["relations"]}
    assert rels["in"]["neutral"] and not rels["in"]["negative"] and not rels["such_as"]["read"]
    assert payload["draws_note"] is None
    plain = page_payload(linkchart.from_records([{"id": "a", "type": "state"}], []), PageSpec(draws=None))
    assert plain["claims"] == [] and plain["edge"]["alternative"] is None  # nothing per edge
    assert "1 neutral tie" in payload["reading"] and "reading: none" in payload["reading"]


def test_a_summary_view_without_a_size_measure_keeps_the_actors_with_most_partners() -> None:
    # 'loud' is reported ten times with one partner; 'hub' has three partners, once each
    nodes = [{"id": x, "type": "person"} for x in ("loud", "echo", "hub", "p", "q", "r")]
    edges = [{"from": "loud", "relation": "knows", "to": "echo"} for _ in range(10)]
    edges += [{"from": "hub", "relation": "knows", "to": x} for x in "pqr"]
    data = page_payload(linkchart.from_records(nodes, edges), PageSpec(summary=1, size_by=None, draws=None))
    assert data["node"]["ids"] == ["hub"]
    assert data["summary"]["by"] == "degree"


def test_brokerage_z_scores_and_their_flags_reach_the_page(central_asia: linkchart.LinkChart) -> None:
    data = page_payload(central_asia, PageSpec(highlight=("brokers",), draws=None))
    i = central_asia.index_of("IMT")
    z, flag = data["node"]["brokerage_z"][i]["coordinator"]
    result = linkchart.brokerage(central_asia)
    assert z == pytest.approx(result.z["IMT"]["coordinator"], rel=1e-5)
    assert flag == result.flag("IMT", "coordinator") != ""
    assert set(data["node"]["brokerage_z"][i]) == set(data["node"]["brokerage"][i])
    assert data["brokerage_note"] == ""


def test_the_slider_holds_each_ties_days_in_force_from_its_source_and_its_actors() -> None:
    nodes = [{"id": "group", "type": "organisation", "time": "2003-"}, {"id": "patron", "type": "state"}]
    edges = [
        {"from": "patron", "relation": "funds", "to": "group", "source": "article"},
        {"from": "patron", "relation": "funds", "to": "group", "source": "undated"},
        {"from": "patron", "relation": "funds", "to": "group", "source": "old"},
        {"from": "patron", "relation": "funds", "to": "group", "time": "2001"},
    ]
    sources = [{"id": "article", "date": "2005-06"}, {"id": "undated"}, {"id": "old", "date": "1999"}]
    chart = linkchart.from_records(nodes, edges, sources=sources)
    t = page_payload(chart, PageSpec(draws=None))["timeline"]
    from datetime import date as day

    assert (t["edge_from"][0], t["edge_to"][0]) == (day(2005, 6, 1).toordinal(), day(2005, 6, 30).toordinal())
    assert (t["edge_from"][1], t["edge_to"][1]) == (day(2003, 1, 1).toordinal(), None)  # the group's life
    assert t["edge_never"] == [2]  # its source's 1999 lies before the group was founded
    assert (t["edge_from"][3], t["edge_to"][3]) == (
        day(2001, 1, 1).toordinal(),
        day(2001, 12, 31).toordinal(),
    )
    assert t["dating"] == "2 of 4 ties read are dated (1 by their own time, 1 by their source's date)"
    always = page_payload(chart, PageSpec(draws=None, undated="always"))["timeline"]
    assert always["declined"].startswith("only 1 of 4 ties read is dated (25%")
    with pytest.raises(linkchart.UnknownNameError, match="undated"):
        PageSpec(undated="sometimes").check()  # type: ignore[arg-type]
    with pytest.raises(linkchart.LinkchartError, match="min_dated must be a number from 0 to 1"):
        PageSpec(min_dated=2).check()


def test_the_page_knows_which_ties_are_context_and_why(central_asia: linkchart.LinkChart) -> None:
    payload = page_payload(central_asia, PageSpec(draws=None))
    context = payload["context"]
    assert context["mode"] == "recessive"
    found = linkchart.reading(central_asia)
    assert context["reasons"] == found.reasons()
    counted: dict[str, int] = {}
    for code in payload["edge"]["relation"]:
        why = context["reasons"][code]
        if why is not None:
            counted[why] = counted.get(why, 0) + 1
    assert counted == found.left_out  # what the legend counts is what the reading leaves out
    # reading every tie leaves only the example out; a page may draw its context otherwise
    everything = context_of(central_asia, PageSpec(layers="all", signs="all", context="hidden"))
    assert everything["mode"] == "hidden"
    assert [r for r in everything["reasons"] if r is not None] == ["unread"]


def test_every_tie_is_drawn_at_one_width_but_bridges_and_without_a_label(
    central_asia: linkchart.LinkChart,
) -> None:
    payload = page_payload(central_asia, PageSpec(highlight=("bridges",), draws=None))
    bridges = set(payload["highlight"]["bridges"])
    widths = {e["width"] for k, e in enumerate(payload["edges"]) if k not in bridges}
    assert len(widths) == 1 and {payload["edges"][k]["width"] for k in bridges} == {2.5 * widths.pop()}
    # confidence is dashes and opacity only: the legend's strokes are all one width
    assert len({c["width"] for c in payload["vocabulary"]["confidence"]}) == 1
    # relation names are placed by the page, where they fit: none is fixed on an edge
    assert not any("label" in e for e in payload["edges"])
    assert payload["edge_labels"] is None
    assert page_payload(central_asia, PageSpec(edge_labels=False, draws=None))["edge_labels"] is False
