"""The frozen LinkChart: sizes, lookups, values, immutability, equality."""

from __future__ import annotations

import copy
import html
from typing import Any

import pytest

import linkchart
from linkchart import LinkchartError, UnknownNameError
from linkchart.vocabulary import Vocabulary


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


def test_equality_and_copy(
    chart: linkchart.LinkChart, records: tuple[list[dict[str, Any]], list[dict[str, Any]], Vocabulary]
) -> None:
    nodes, edges, vocabulary = records
    before = copy.deepcopy(nodes)
    again = linkchart.from_records(nodes, edges, vocabulary=vocabulary, title="test")
    assert again == chart
    assert chart != chart.with_relations("borders")
    assert before == nodes  # records were not touched


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


def test_a_chart_pickles_whole_and_leaves_its_derived_data_behind(chart: linkchart.LinkChart) -> None:
    import pickle
    from types import MappingProxyType

    chart.alternatives()  # something derived, in the chart's store
    copy_ = pickle.loads(pickle.dumps(chart))
    assert copy_._cache == {}  # made again on demand
    assert copy_.to_records() == chart.to_records() and copy_.vocabulary == chart.vocabulary
    assert isinstance(copy_.edges.attributes, MappingProxyType)  # still read-only
    assert copy_.nodes.attributes.keys() == chart.nodes.attributes.keys()
    with pytest.raises(TypeError):
        copy_.nodes.attributes["kind"] = ()  # type: ignore[index]
    assert linkchart.betweenness(copy_) == linkchart.betweenness(chart)
