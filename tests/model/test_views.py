"""Views of a chart (linkchart.model.views): filters, time views, ego; new charts, the original unchanged."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import numpy as np
import pytest

import linkchart
from linkchart import LinkchartError
from linkchart.times import NO_TIME
from linkchart.vocabulary import Relation, Vocabulary


def test_views_return_new_charts_and_leave_the_original(chart: linkchart.LinkChart) -> None:
    before = chart.to_records()
    states = chart.of_types("state")
    assert states.node_ids == ("Pakistan", "Tajikistan", "Kyrgyzstan")
    assert [e.relation for e in states.iter_edges()] == ["borders"]
    fin = chart.with_relations("finances")
    assert fin.number_of_nodes == 5 and fin.number_of_edges == 2
    sure = chart.min_confidence("reported")
    assert sorted(e.id for e in sure.iter_edges()) == ["e1", "e2", "e3"]
    assert chart.min_confidence(0.5).number_of_edges == 4
    assert chart.to_records() == before
    assert chart.number_of_edges == 5


def test_as_of(chart: linkchart.LinkChart) -> None:
    assert sorted(e.id for e in chart.as_of(2000).iter_edges()) == ["e0", "e1", "e2", "e3"]
    assert sorted(e.id for e in chart.as_of(2004).iter_edges()) == ["e0", "e1", "e2", "hide-tj"]
    assert [e.id for e in chart.as_of(2004, undated=False).iter_edges()] == ["hide-tj"]
    assert chart.as_of(1990, undated=False).number_of_edges == 0
    assert chart.as_of("2000").number_of_edges == 4  # a year written as text
    with pytest.raises(LinkchartError, match="'2000s' is not a time"):
        chart.as_of("2000s")
    with pytest.raises(LinkchartError, match="is not a time"):
        chart.as_of(True)


def test_open_intervals() -> None:
    c = linkchart.from_records(
        [{"id": "a", "type": "state"}, {"id": "b", "type": "state"}],
        [
            {"from": "a", "relation": "r", "to": "b", "time": "1999-"},
            {"from": "a", "relation": "r", "to": "b", "time": "-1990"},
        ],
    )
    assert [e.id for e in c.as_of(2050).iter_edges()] == ["e0"]
    assert [e.id for e in c.as_of(1900).iter_edges()] == ["e1"]
    assert c.as_of(1995).number_of_edges == 0


def test_edge_ids_are_stable_across_views(chart: linkchart.LinkChart) -> None:
    view = chart.subgraph(["IMT", "Tajikistan", "Khushad"])
    assert view.node_ids == ("IMT", "Tajikistan", "Khushad")
    assert sorted(e.id for e in view.iter_edges()) == ["e3", "hide-tj"]
    assert view.edge("e3") == chart.edge("e3")
    # the endpoints were renumbered, the ids were not
    assert view.edge("hide-tj").to_id == "Tajikistan"


def test_chained_views_compose(chart: linkchart.LinkChart) -> None:
    a = chart.with_relations("hides_in").min_confidence("reported").as_of(2000)
    b = chart.filter(relations=["hides_in"], min_confidence="reported", as_of=2000)
    assert a == b
    assert [e.id for e in a.iter_edges()] == ["e3"]


def test_ego_is_a_view_around_one_node_found_by_any_name() -> None:
    chart = linkchart.load(Path(__file__).resolve().parents[2] / "graphs" / "central_asia.yaml")
    ego = chart.ego("IMU")  # an alias of IMT
    assert "IMT" in ego and set(ego.node_ids) == {"IMT", *chart.neighbors("IMT")}
    assert all(e.from_id in ego and e.to_id in ego for e in ego.iter_edges())
    assert chart.ego("IMT", radius=0).node_ids == ("IMT",)
    wider = chart.ego("IMT", radius=2)
    assert set(ego.node_ids) < set(wider.node_ids) and chart.number_of_nodes == 44  # the chart is unchanged
    with pytest.raises(linkchart.UnknownNameError, match="did you mean"):
        chart.ego("Tajikstan")
    with pytest.raises(linkchart.LinkchartError, match="radius"):
        chart.ego("IMT", radius=-1)


# --------------------------------------------------------------------------- views in time
def _phased() -> linkchart.LinkChart:
    nodes = [
        {"id": "boss", "type": "person", "time": {"from": "1994-01"}},
        {"id": "courier", "type": "person"},
        {"id": "buyer", "type": "person"},
        {"id": "jailed", "type": "person", "time": "1994-01/1994-02"},
        {"id": "later", "type": "person"},
    ]
    edges = [
        {"from": "boss", "relation": "calls", "to": "courier", "time": "1994-03/1994-04"},
        {"from": "courier", "relation": "calls", "to": "buyer", "time": "1994-04-10"},
        {"from": "later", "relation": "calls", "to": "buyer", "time": "1995"},
        {"from": "later", "relation": "calls", "to": "boss"},
    ]
    return linkchart.from_records(nodes, edges, periods={"spring": "1994-03/1994-05"})


def test_as_of_keeps_the_actors_active_then() -> None:
    c = _phased()
    # March 1994: the boss-courier tie, the undated tie (and so 'later'); 'jailed' had left
    assert c.as_of("1994-03").node_ids == ("boss", "courier", "later")
    assert c.as_of("1994-03", undated=False).node_ids == ("boss", "courier")
    # February: no dated tie; the boss and 'jailed' by their own lifespans
    assert c.as_of("1994-02", undated=False).node_ids == ("boss", "jailed")
    assert c.as_of("1994-04-10", undated=False).number_of_edges == 2
    assert c.as_of("1994-04-11", undated=False).node_ids == ("boss", "courier")
    assert c.as_of("spring", undated=False).node_ids == ("boss", "courier", "buyer")
    assert c.as_of(date(1994, 4, 10), undated=False).node_ids == ("boss", "courier", "buyer")
    assert c.as_of("1994-03", keep_nodes=True).number_of_nodes == 5
    # a view keeps the periods and lifespans
    assert c.as_of("spring").periods == c.periods and c.as_of(1994).node("boss").time == c.node("boss").time


def test_between_takes_the_start_of_one_time_and_the_end_of_another() -> None:
    c = _phased()
    assert c.between("1994-05", 1995, undated=False).node_ids == ("boss", "buyer", "later")
    assert [e.id for e in c.between("1994-05", 1995, undated=False).iter_edges()] == ["e2"]
    # the boss-courier tie runs to the end of April
    assert c.between("1994-04-11", 1995, undated=False).node_ids == ("boss", "courier", "buyer", "later")
    assert c.between("spring", "spring").node_ids == c.as_of("spring").node_ids
    with pytest.raises(LinkchartError, match="as_of or between"):
        c.filter(as_of=1994, between=(1994, 1995))
    with pytest.raises(linkchart.UnknownNameError, match="did you mean 'spring'"):
        c.as_of("sprung")


def test_a_time_view_with_other_filters_keeps_the_nodes_of_both() -> None:
    c = _phased()
    view = c.filter(relations=["calls"], min_confidence="confirmed", as_of="1994-03", undated=False)
    assert view.node_ids == ("boss", "courier")


# ---------------------------------------------------------------------------- undated ties in time views
def _dated_sources() -> linkchart.LinkChart:
    """Hand-checked: an IMT founded in 1998, an MMA government of 2002-2007, Tajikistan without
    a lifespan, and ties dated by their own time, by their source's date, or not at all."""
    nodes = [
        {"id": "imt", "type": "organisation", "time": "1998-"},
        {"id": "mma", "type": "organisation", "time": "2002-2007"},
        {"id": "tj", "type": "state"},
    ]
    sources = [
        {"id": "y2005", "date": "2005"},
        {"id": "undated"},
        {"id": "m1999", "date": "1999-03"},
        {"id": "y1990", "date": "1990"},
    ]
    edges = [
        {"id": "source-2005", "from": "imt", "relation": "r", "to": "tj", "source": "y2005"},
        {"id": "no-date", "from": "mma", "relation": "r", "to": "tj", "source": "undated"},
        {"id": "own-1999", "from": "imt", "relation": "r", "to": "mma", "time": 1999, "source": "y2005"},
        {"id": "source-march", "from": "imt", "relation": "r", "to": "tj", "source": "m1999"},
        {"id": "before-founding", "from": "imt", "relation": "r", "to": "tj", "source": "y1990"},
    ]
    with pytest.warns(linkchart.LoadWarning):  # own-1999 lies outside the MMA's lifespan
        return linkchart.from_records(nodes, edges, sources=sources)


def _ties(view: linkchart.LinkChart) -> set[str]:
    return set(view.edges.ids)


@pytest.mark.parametrize(
    ("time", "expected"),
    [
        (2005, {"source-2005", "no-date"}),  # the article's year; the MMA governs 2002-07
        ("2005-06", {"source-2005", "no-date"}),  # a month of it: the year is the precision written
        (2004, {"no-date"}),  # the 2005 source says nothing of 2004
        (2001, set()),  # before the MMA, after the March 1999 source
        (2008, set()),
        ("1999-03", {"own-1999", "source-march"}),
        ("1999-04", {"own-1999"}),  # its own time wins over lifespans (a load warning)
        (1997, set()),  # before the IMT: even the 1990 source's tie holds in no year
        (1990, set()),
    ],
)
def test_an_undated_tie_holds_at_its_sources_date_within_its_actors_lifespans(
    time: object, expected: set[str]
) -> None:
    assert _ties(_dated_sources().as_of(time)) == expected


def test_the_switch_keeps_the_old_reading_or_only_dated_ties() -> None:
    chart = _dated_sources()
    # "always": undated ties hold throughout, but still never before an actor existed
    assert _ties(chart.as_of(2004, undated="always")) == {"source-2005", "no-date", "source-march",
                                                           "before-founding"}  # fmt: skip
    assert _ties(chart.as_of(1997, undated="always")) == set()
    assert _ties(chart.as_of(2001, undated=True)) == _ties(chart.as_of(2001, undated="always"))
    assert _ties(chart.as_of(1999, undated="never")) == {"own-1999"}
    assert _ties(chart.as_of(2005, undated=False)) == set()
    assert _ties(chart.between(2004, 2005)) == {"source-2005", "no-date"}
    assert _ties(chart.filter(as_of=2005, undated="always", relations=["r"])) >= {"source-march"}
    with pytest.raises(linkchart.UnknownNameError, match="undated"):
        chart.as_of(2005, undated="sometimes")  # type: ignore[arg-type]


def test_tie_times_say_how_each_time_is_known() -> None:
    from linkchart.times import ALWAYS, NEVER, OWN, SOURCE

    chart = _dated_sources()
    how = dict(zip(chart.edges.ids, chart.tie_times().how.tolist(), strict=True))
    assert how == {
        "source-2005": SOURCE,
        "no-date": ALWAYS,
        "own-1999": OWN,
        "source-march": SOURCE,
        "before-founding": NEVER,  # its source's 1990 lies before the IMT was founded
    }
    assert chart.tie_times().dated.tolist() == [True, False, True, True, False]
    assert chart.tie_times("never").how.tolist() == [NEVER, NEVER, OWN, NEVER, NEVER]
    first, last = chart.source_times()
    assert date.fromordinal(int(first[0])) == date(2005, 1, 1) and first[1] == NO_TIME
    assert [date.fromordinal(int(d)) for d in last[[0, 2]]] == [
        date(2005, 12, 31),
        date(1999, 3, 31),
    ]


# --------------------------------------------------------------------------- either-or claims in views
def _claim() -> linkchart.LinkChart:
    """'IMT operates with Al Qaeda or hides with the Taliban': one claim of two alternatives."""
    vocab = Vocabulary(
        relations=(Relation("operates_with", directed=False), Relation("hides_with", directed=False))
    )
    return linkchart.from_records(
        [{"id": x, "type": "organisation"} for x in ("IMT", "AQ", "TB")],
        [
            {
                "id": "a",
                "from": "IMT",
                "relation": "operates_with",
                "to": "AQ",
                "alternative": "units",
                "confidence": "reported",
            },
            {
                "id": "b",
                "from": "IMT",
                "relation": "hides_with",
                "to": "TB",
                "alternative": "units",
                "confidence": "reported",
            },
        ],
        vocabulary=vocab,
    )


def test_a_view_keeps_an_either_or_claim_at_its_size_in_the_whole_chart() -> None:
    c = _claim()
    views = {
        "with_relations": c.with_relations("operates_with"),
        "filter": c.filter(relations=["operates_with"]),
        "subgraph": c.subgraph(["IMT", "AQ"]),
        "ego": c.ego("AQ"),
        "min_confidence": c.min_confidence("reported"),
        "of_types": c.of_types("organisation"),
    }
    for name, view in views.items():
        claims = view.alternatives()
        assert claims.names == ("units",), name
        assert set(claims.size.tolist()) == {2} and set(claims.share.tolist()) == {0.5}, name
    alone = views["with_relations"]
    assert alone.number_of_edges == 1 and alone.alternatives().rank.tolist() == [0]
    # not a plain tie at full weight: the alternative is half a tie, as in the whole chart
    weighted = linkchart.strength(alone, weight="weight")
    assert weighted["AQ"] == linkchart.strength(c, weight="weight")["AQ"] == 0.5
    assert weighted["IMT"] == 0.5
    # nor at its claim's full probability: p / s on a path
    step = linkchart.explain_path(alone, "IMT", "AQ").paths[0].steps[0]
    assert step.probability == pytest.approx(0.75 / 2)


def test_the_draws_of_a_view_keep_the_alternative_with_its_claims_chance() -> None:
    c = _claim()
    alone = c.with_relations("operates_with")
    draws = 4000
    for chart in (c, alone):
        r = linkchart.rank_uncertainty(chart, "degree", draws=draws, seed=1, workers=1)
        held = float((r.values[:, chart.index_of("AQ")] > 0).mean())
        se = (0.375 * 0.625 / draws) ** 0.5
        assert abs(held - 0.75 / 2) <= 4.5 * se, held  # p / s, not p


def test_a_draw_decides_a_claim_what_it_keeps_is_what_holds() -> None:
    c = _claim()
    drawn = c._view(None, np.array([True, False]))  # a Monte Carlo draw kept alternative a
    assert drawn.alternatives().size.tolist() == [1]
    assert linkchart.strength(drawn, weight="weight")["AQ"] == 1.0
