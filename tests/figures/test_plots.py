"""The Over-time and disruption plots say what they show in their own text: line names at
the line ends, how many ties are dated, the actors removed at each step (read from the SVG)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import linkchart
from linkchart import LinkchartError, plot_disruption, plot_over_time

ROOT = Path(__file__).resolve().parents[2]
SVG = "{http://www.w3.org/2000/svg}"


def _texts(svg: bytes) -> list[str]:
    return ["".join(t.itertext()) for t in ET.fromstring(svg).iter(f"{SVG}text")]


@pytest.fixture(scope="module")
def central_asia() -> linkchart.LinkChart:
    return linkchart.load(ROOT / "graphs" / "central_asia.yaml")


def test_over_time_names_its_lines_and_says_how_many_ties_are_dated(
    central_asia: linkchart.LinkChart,
) -> None:
    result = linkchart.over_time(central_asia, "betweenness", min_dated=0)
    labels = {nid: central_asia.node(nid).label for nid in central_asia.node_ids}
    texts = _texts(plot_over_time(result, top=3, labels=labels))
    for node_id in result.leaders(3)[:6]:
        assert texts.count(labels[node_id]) == 1  # at its line's end: there is no legend
    assert result.dating is not None
    assert result.dating.describe() in texts  # "1 of 18 ties read is dated"
    assert " of " in result.dating.describe() and "dated" in result.dating.describe()


def test_over_time_declines_with_the_reason_below_min_dated(central_asia: linkchart.LinkChart) -> None:
    result = linkchart.over_time(central_asia, "betweenness")
    assert result.declined
    with pytest.raises(LinkchartError, match=r"nothing to plot over time: .*dated"):
        plot_over_time(result)


def test_disruption_names_the_actors_removed_at_each_step(central_asia: linkchart.LinkChart) -> None:
    results = [
        linkchart.disruption(central_asia, strategy="degree", steps=3),
        linkchart.disruption(central_asia, strategy="random", steps=3, runs=5, seed=1),
    ]
    labels = {nid: central_asia.node(nid).label for nid in central_asia.node_ids}
    text = " ".join(_texts(plot_disruption(results, labels=labels)))
    removed = results[0].removed
    assert len(removed) == 3
    steps = ", ".join(f"{k} {labels[n]}" for k, n in enumerate(removed, start=1))
    assert f"degree removes: {steps}" in text
    assert "random: other actors in each run" in text
