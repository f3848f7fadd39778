"""The frozen LinkChart: lookups, views, immutability."""

from __future__ import annotations

import copy
import html
from datetime import date
from pathlib import Path

import numpy as np
import pytest

import linkchart
from linkchart import LinkchartError, UnknownNameError
from linkchart.times import NO_TIME
from linkchart.vocabulary import Relation, Vocabulary

VOCAB = Vocabulary(
    relations=(
        Relation("finances", directed=True),
        Relation("borders", directed=False),
        Relation("hides_in", directed=True),
    )
)

NODES = [
    {"id": "IMT", "type": "organisation", "label": "Islamic Movement of Turkestan", "aliases": ["IMU"]},
    {"id": "Pakistan", "type": "state"},
    {"id": "Tajikistan", "type": "state"},
    {"id": "Kyrgyzstan", "type": "state"},
    {"id": "Khushad", "type": "region", "attributes": {"kind": "village"}},
]
EDGES = [
    {"from": "Pakistan", "relation": "finances", "to": "IMT", "confidence": "alleged", "evidence": "a"},
    {"from": "Pakistan", "relation": "finances", "to": "IMT", "confidence": "reported", "evidence": "b"},
    {"from": "Tajikistan", "relation": "borders", "to": "Kyrgyzstan", "confidence": "confirmed"},
    {"from": "IMT", "relation": "hides_in", "to": "Khushad", "confidence": "reported", "time": "1999-2001"},
    {
        "from": "IMT",
        "relation": "hides_in",
        "to": "Tajikistan",
        "confidence": "possible",
        "time": 2004,
        "id": "hide-tj",
    },
]


@pytest.fixture
def chart() -> linkchart.LinkChart:
    return linkchart.from_records(NODES, EDGES, vocabulary=VOCAB, title="test")


def test_sizes_and_parallel_edges_are_kept(chart: linkchart.LinkChart) -> None:
    assert (chart.number_of_nodes, chart.number_of_edges) == (5, 5)
    between = chart.edges_between("IMT", "Pakistan")
    assert [e.evidence for e in between] == ["a", "b"]
    assert {e.confidence for e in between} == {"alleged", "reported"}


def test_lookups(chart: linkchart.LinkChart) -> None:
    assert chart.node("IMT").aliases == ("IMU",)
    assert chart.node("Khushad").attributes["kind"] == "village"
    assert chart.node_type_of("Pakistan") == "state"
    assert chart.nodes_of_type("state") == ("Pakistan", "Tajikistan", "Kyrgyzstan")
    assert chart.resolve("imu") == "IMT"
    assert chart.resolve("Islamic Movement of Turkestan") == "IMT"
    assert chart.edge("hide-tj").to_id == "Tajikistan"
    assert str(chart.edge("e3").time) == "1999-2001"
    assert sorted(chart.neighbors("IMT")) == ["Khushad", "Pakistan", "Tajikistan"]
    assert "IMT" in chart and "IMU" not in chart


def test_unknown_names_suggest(chart: linkchart.LinkChart) -> None:
    with pytest.raises(UnknownNameError, match="did you mean 'Tajikistan'"):
        chart.node("Tajikstan")
    with pytest.raises(UnknownNameError, match="did you mean 'finances'"):
        chart.with_relations("finance")
    with pytest.raises(UnknownNameError, match="node type"):
        chart.of_types("country")
    with pytest.raises(LinkchartError, match="confidence level"):
        chart.min_confidence("sure")


def test_immutable(chart: linkchart.LinkChart) -> None:
    with pytest.raises(AttributeError):
        chart.title = "other"  # type: ignore[misc]
    with pytest.raises(ValueError):
        chart.edges.weight[0] = 5.0
    with pytest.raises(ValueError):
        chart.nodes.type[0] = 1
    with pytest.raises(TypeError):
        chart.node("Khushad").attributes["kind"] = "town"  # type: ignore[index]


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


def test_equality_and_copy(chart: linkchart.LinkChart) -> None:
    again = linkchart.from_records(NODES, EDGES, vocabulary=VOCAB, title="test")
    assert again == chart
    assert chart != chart.with_relations("borders")
    assert copy.deepcopy(NODES) == NODES  # records were not touched


def test_columns_are_numpy(chart: linkchart.LinkChart) -> None:
    e = chart.edges
    assert e.src.dtype == np.int32 and e.relation.dtype == np.int16
    assert e.probability.tolist() == [0.5, 0.75, 0.95, 0.75, 0.25]
    assert e.time_from[2] == NO_TIME


def test_jupyter_shows_the_chart_as_its_self_contained_page(chart: linkchart.LinkChart) -> None:
    from linkchart.render.notebook import register_jupyter_display

    registered: dict[type, object] = {}

    class Formatter:
        def for_type(self, cls: type, show: object) -> None:
            registered[cls] = show

    class Shell:
        display_formatter = type("Display", (), {"formatters": {"text/html": Formatter()}})()

    assert register_jupyter_display() is False  # no IPython kernel here: nothing registered
    assert register_jupyter_display(Shell()) is True
    assert not hasattr(chart, "_repr_html_")  # the model knows nothing of the page
    shown = registered[linkchart.LinkChart](chart)  # type: ignore[operator]
    assert shown.startswith("<iframe srcdoc=") and 'sandbox="allow-scripts"' in shown
    page = html.unescape(shown.split('srcdoc="', 1)[1].split('" sandbox=', 1)[0])
    assert page == linkchart.render_html(chart)


def test_ego_is_a_view_around_one_node_found_by_any_name() -> None:
    chart = linkchart.load(Path(__file__).resolve().parents[1] / "graphs" / "central_asia.yaml")
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
