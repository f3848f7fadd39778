"""Tests of linkchart.analysis.over_time: per-period views, measures equal to networkx on each
phase's subgraph, the ways to cut time, and the plot."""

from __future__ import annotations

import itertools
from datetime import date

import networkx as nx
import pytest

import linkchart
from linkchart import LinkchartError, UnknownNameError, over_time, periods_of, plot_over_time
from linkchart.vocabulary import NodeType, Relation, Vocabulary

# A trafficking ring in three wiretap phases of two months (in the manner of Morselli's CAVIAR
# data): the boss runs two lieutenants in phase 1, one is arrested (his lifespan ends), the
# ring grows in phase 2 through a new importer, and phase 3 is the importer's own network.
PHASES = {"p1": "1994-03/1994-04", "p2": "1994-05/1994-06", "p3": "1994-07/1994-08"}
TIES = [  # (from, to, time)
    ("boss", "lt1", "p1"),
    ("boss", "lt2", "p1"),
    ("lt1", "runner1", "1994-03-15"),
    ("lt2", "runner2", "1994-04"),
    ("boss", "lt2", "p2"),
    ("lt2", "importer", "1994-05-20"),
    ("importer", "supplier", {"from": "p2", "to": "p3"}),
    ("lt2", "runner2", "1994-06-01/1994-06-30"),
    ("importer", "buyer1", "1994-07"),
    ("importer", "buyer2", "1994-08-02"),
    ("buyer1", "buyer2", "1994-08"),
]
ACTIVE = {  # hand-checked: who is in each phase's view
    "p1": {"boss", "lt1", "lt2", "runner1", "runner2", "accountant"},
    "p2": {"boss", "lt2", "importer", "supplier", "runner2", "accountant"},
    "p3": {"importer", "supplier", "buyer1", "buyer2", "accountant"},
}


@pytest.fixture(scope="module")
def ring() -> linkchart.LinkChart:
    people = sorted({a for a, _, _ in TIES} | {b for _, b, _ in TIES})
    nodes = [{"id": p, "type": "person"} for p in people]
    nodes.append({"id": "accountant", "type": "person", "time": "1994-01/1994-12"})  # active, no ties
    nodes.append({"id": "ghost", "type": "person"})  # never active
    nodes[people.index("lt1")]["time"] = "/1994-04-30"  # arrested at the end of April
    edges = [{"from": a, "relation": "calls", "to": b, "time": t} for a, b, t in TIES]
    vocab = Vocabulary(node_types=(NodeType("person"),), relations=(Relation("calls", directed=False),))
    return linkchart.from_records(nodes, edges, vocab, periods=PHASES)


def _phase_graph(phase: str) -> nx.Graph:
    """The phase's subgraph, built by hand from the tie list and the active set."""
    g = nx.Graph()
    g.add_nodes_from(ACTIVE[phase])
    order = list(PHASES)
    for a, b, t in TIES:
        if isinstance(t, dict):
            inside = order.index(t["from"]) <= order.index(phase) <= order.index(t["to"])
        elif t in PHASES:
            inside = t == phase
        else:
            month = int(t[5:7])
            inside = (
                {"p1": (3, 4), "p2": (5, 6), "p3": (7, 8)}[phase][0]
                <= month
                <= {"p1": 4, "p2": 6, "p3": 8}[phase]
            )
        if inside:
            g.add_edge(a, b)
    return g


def test_each_phase_view_holds_the_actors_active_then(ring: linkchart.LinkChart) -> None:
    for phase, active in ACTIVE.items():
        assert set(ring.as_of(phase).node_ids) == active, phase
        assert {frozenset(e) for e in _phase_graph(phase).edges} == {
            frozenset((e.from_id, e.to_id)) for e in ring.as_of(phase).iter_edges()
        }


@pytest.mark.parametrize(
    ("measure", "options", "reference"),
    [
        ("betweenness", {"normalized": True}, lambda g: nx.betweenness_centrality(g, normalized=True)),
        ("closeness", {}, lambda g: nx.closeness_centrality(g, wf_improved=True)),
        ("degree", {}, lambda g: dict(g.degree())),
        ("harmonic", {}, lambda g: {v: h / (len(g) - 1) for v, h in nx.harmonic_centrality(g).items()}),
    ],
)
def test_per_phase_measures_equal_networkx_on_the_phase_subgraph(
    ring: linkchart.LinkChart, measure: str, options: dict[str, object], reference: object
) -> None:
    result = over_time(ring, measure, every="periods", **options)
    assert [p.label for p in result.periods] == list(PHASES)
    for i, phase in enumerate(PHASES):
        expected = reference(_phase_graph(phase))  # type: ignore[operator]
        got = result.scores[i]
        assert set(got) == ACTIVE[phase]
        for node, value in expected.items():
            assert got[node] == pytest.approx(value, abs=1e-12), (phase, node)
        assert (result.periods[i].nodes, result.periods[i].ties) == (
            len(ACTIVE[phase]),
            _phase_graph(phase).number_of_edges(),
        )


def test_keeping_every_node_changes_what_is_normalised(ring: linkchart.LinkChart) -> None:
    active = over_time(ring, "betweenness", every="periods", normalized=True)
    everyone = over_time(ring, "betweenness", every="periods", normalized=True, keep_nodes=True)
    # phase 1: lt2 lies between the boss and runner2 and between lt1's side and runner2
    assert active.scores[0]["lt2"] == pytest.approx(nx.betweenness_centrality(_phase_graph("p1"))["lt2"])
    n_active, n_all = len(ACTIVE["p1"]), ring.number_of_nodes
    ratio = ((n_active - 1) * (n_active - 2)) / ((n_all - 1) * (n_all - 2))
    assert everyone.scores[0]["lt2"] == pytest.approx(active.scores[0]["lt2"] * ratio)
    assert everyone.periods[0].nodes == n_all and "ghost" in everyone.scores[0]


def test_ranks_leaders_series_and_the_table(ring: linkchart.LinkChart) -> None:
    t = over_time(ring, "degree", every="periods")
    assert t.top("p3", 1) == [("importer", 3.0)]
    assert t.ranks[2]["importer"] == 1 and t.ranks[2]["buyer1"] == t.ranks[2]["buyer2"] == 2
    assert t.series("lt1") == [2.0, None, None]  # arrested after phase 1
    assert [t.top(i, 1)[0][0] for i in range(3)] == ["boss", "lt2", "importer"]  # ties broken by id
    assert t.leaders(1) == ["boss", "importer", "lt2"]
    data = t.to_dict()
    assert [p["label"] for p in data["periods"]] == ["p1", "p2", "p3"]
    assert data["periods"][0]["first"] == "1994-03-01" and data["periods"][2]["last"] == "1994-08-31"
    assert data["periods"][2]["scores"]["importer"] == 3.0 and data["periods"][2]["dated"] == 4
    text = t.text(2)
    assert text.splitlines()[0].startswith("degree over time") and "importer 3" in text


def test_the_ways_to_cut_time(ring: linkchart.LinkChart) -> None:
    months = periods_of(ring, "month")
    assert [p.label for p in months] == ["1994-01", *[f"1994-{m:02d}" for m in range(2, 13)]]  # lifespans too
    assert [p.label for p in periods_of(ring, "year")] == ["1994"]
    thirds = periods_of(ring, 3)
    assert thirds[0].first == date(1994, 1, 1) and thirds[-1].last == date(1994, 12, 31)
    assert all(a.last.toordinal() + 1 == b.first.toordinal() for a, b in itertools.pairwise(thirds))
    listed = periods_of(ring, ["p1", "1994-07/1994-08", 1994, date(1994, 5, 20)])
    assert [p.label for p in listed] == ["p1", "1994-07/1994-08", "1994", "1994-05-20"]
    assert (listed[3].first, listed[3].last) == (date(1994, 5, 20), date(1994, 5, 20))
    with pytest.raises(UnknownNameError, match="every"):
        periods_of(ring, "week")
    with pytest.raises(LinkchartError, match="positive number"):
        periods_of(ring, 0)
    undated = linkchart.from_records([{"id": "a", "type": "state"}], [])
    assert over_time(undated, "degree").declined.startswith("no tie is read")  # declined, with why
    tie = linkchart.from_records(
        [{"id": x, "type": "state"} for x in "ab"], [{"from": "a", "relation": "r", "to": "b"}]
    )
    with pytest.raises(LinkchartError, match="no dated ties"):
        over_time(tie, "degree", min_dated=0)
    with pytest.raises(LinkchartError, match="declares no periods"):
        periods_of(undated, "periods")


def test_the_plot_draws_the_leaders(ring: linkchart.LinkChart) -> None:
    t = over_time(ring, "degree", every="periods")
    svg = plot_over_time(t, top=1, format="svg")
    assert svg.startswith(b"<?xml") and b"importer" in svg and b"p2" in svg
    assert svg == plot_over_time(t, top=1, format="svg")  # the same bytes for the same result
    assert plot_over_time(t, format="png").startswith(b"\x89PNG")
    assert b"The importer" in plot_over_time(t, top=1, labels={"importer": "The importer"})


# ------------------------------------------------------------------ source dates, lifespans, min_dated
def _article() -> linkchart.LinkChart:
    """An article of 2005 and a report of 2003: their undated ties hold in their year only; the
    group founded in 2004 has no tie before; one tie carries its own time (2003-2005)."""
    nodes = [{"id": "group", "type": "organisation", "time": "2004-"}]
    nodes += [{"id": x, "type": "organisation"} for x in ("patron", "ally", "host")]
    edges = [
        {"from": "patron", "relation": "funds", "to": "ally", "time": "2003-2005"},
        {"from": "patron", "relation": "funds", "to": "group", "source": "article"},
        {"from": "ally", "relation": "funds", "to": "group", "source": "article"},
        {"from": "host", "relation": "funds", "to": "ally", "source": "report"},
        {"from": "host", "relation": "funds", "to": "group", "source": "report"},  # before the group
    ]
    sources = [{"id": "article", "date": "2005"}, {"id": "report", "date": "2003"}]
    return linkchart.from_records(nodes, edges, sources=sources)


def test_over_time_reads_undated_ties_at_their_sources_date() -> None:
    t = over_time(_article(), "degree", every="year")
    assert t.declined == "" and t.dating is not None
    # the report's tie to the group lies before the group was founded: in no period, not dated
    assert (t.dating.read, t.dating.own, t.dating.by_source) == (5, 1, 3)
    assert [p.label for p in t.periods] == ["2003", "2004", "2005"]
    # hand-checked: 2003 patron-ally (own) and host-ally (report); 2004 patron-ally alone;
    # 2005 patron-ally and the article's two ties (the group founded in 2004 is active from then)
    assert [dict(s) for s in t.scores] == [
        {"patron": 1.0, "ally": 2.0, "host": 1.0},
        {"patron": 1.0, "ally": 1.0, "group": 0.0},
        {"patron": 2.0, "ally": 2.0, "group": 2.0},
    ]
    assert [(p.ties, p.dated) for p in t.periods] == [(2, 2), (1, 1), (3, 3)]
    # the old reading: every undated tie in every year its actors exist; the group's tie to the
    # host never before 2004
    always = over_time(_article(), "degree", every="year", undated="always")
    assert always.dating is not None and always.dating.describe() == "1 of 5 ties read is dated"
    assert always.declined.startswith("only 1 of 5 ties read is dated (20%; at least 50% must be)")
    shown = over_time(_article(), "degree", every="year", undated="always", min_dated=0)
    assert dict(shown.scores[0]) == {"patron": 1.0, "ally": 2.0, "host": 1.0}  # no group before 2004
    assert dict(shown.scores[1]) == {"patron": 2.0, "ally": 3.0, "host": 2.0, "group": 3.0}


def test_over_time_declines_below_min_dated_and_says_why() -> None:
    chart = _article()
    assert over_time(chart, "degree", min_dated=0.8).declined == ""  # 4 of 5 dated, with the sources'
    assert over_time(chart, "degree", min_dated=0.9).declined.startswith(
        "only 4 of 5 ties read are dated (1 by"
    )
    never = over_time(chart, "degree", undated="never", min_dated=0.5)
    assert never.periods == () and never.scores == ()
    assert never.declined.startswith("only 1 of 5 ties read is dated (20%; at least 50% must be)")
    assert "the periods would hold those few ties alone" in never.declined
    assert "min_dated=0 (--min-dated 0)" in never.declined
    assert never.text().startswith("degree over time: not shown: only 1 of 5")
    assert never.to_dict()["dating"] == {
        "read": 5, "dated": 1, "own": 1, "by_source": 0, "share": 0.2, "undated": "never", "min_dated": 0.5,
    }  # fmt: skip
    for bad in (-0.1, 1.5, True, "half"):
        with pytest.raises(LinkchartError, match="min_dated must be a number from 0 to 1"):
            over_time(chart, "degree", min_dated=bad)  # type: ignore[arg-type]
