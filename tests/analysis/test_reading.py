"""The reading: by default every measure reads the positive ties of the default layers."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pytest

import linkchart
from linkchart import MEASURES, UnknownNameError

GRAPH = Path(__file__).resolve().parents[2] / "graphs" / "central_asia.yaml"


@pytest.fixture(scope="module")
def chart() -> linkchart.LinkChart:
    return linkchart.load(GRAPH)


def positive_default(chart: linkchart.LinkChart) -> tuple[str, ...]:
    v = chart.vocabulary
    layers = v.default_layers or v.layers
    return tuple(r.name for r in v.relations if not r.negative and r.layer in layers)


def same(a: Any, b: Any) -> bool:
    """Equal results, NaN equal to NaN (scores), or equal plain values (structures)."""
    if isinstance(a, linkchart.Scores):
        return list(a) == list(b) and all(
            (math.isnan(x) and math.isnan(y)) or x == pytest.approx(y, rel=1e-9, abs=1e-12)
            for x, y in zip(a.values(), b.values(), strict=True)
        )
    if isinstance(a, linkchart.BrokerageResult):
        return a.counts.items() == b.counts.items()
    if isinstance(a, linkchart.KeyPlayers):
        return (a.nodes, a.score) == (b.nodes, b.score)
    if isinstance(a, linkchart.Communities):
        return a.groups == b.groups
    if isinstance(a, list):
        return [str(x) for x in a] == [str(x) for x in b]
    return bool(a == b)


@pytest.mark.parametrize("name", [n for n, m in MEASURES.items() if not m.signed])
def test_the_default_reading_is_the_measure_on_the_positive_ties_of_the_default_layers(
    name: str, chart: linkchart.LinkChart
) -> None:
    kwargs: dict[str, Any] = {"k": 2} if name == "key_players" else {}
    ours = MEASURES[name](chart, **kwargs)
    view = chart.with_relations(*positive_default(chart))
    # on the view, read everything it kept (its vocabulary still names the default layers)
    theirs = MEASURES[name](view, layers="all", signs="all", **kwargs)
    assert same(ours, theirs)
    # and the round-1 reading is one argument away, and differs on this graph
    if name in ("betweenness", "degree", "pagerank"):
        assert not same(ours, MEASURES[name](chart, layers="all", signs="all"))


def test_a_chart_without_signs_or_layers_reads_every_tie() -> None:
    c = linkchart.from_records(
        [{"id": x, "type": "state"} for x in "abc"],
        [{"from": "a", "relation": "r", "to": "b"}, {"from": "b", "relation": "s", "to": "c"}],
    )
    r = linkchart.reading(c)
    assert r.everything and r.read == r.total == 2 and r.describe() == "read on all 2 ties: positive ties"
    assert linkchart.betweenness(c).parameters["relations"] is None
    assert linkchart.betweenness(c) == linkchart.betweenness(c, layers="all", signs="all")


def test_the_reading_of_the_central_asia_graph(chart: linkchart.LinkChart) -> None:
    r = linkchart.reading(chart)
    assert r.layers == ("operational", "political") and r.signs == "positive"
    assert r.relations == positive_default(chart)
    assert r.read + sum(r.left_out.values()) == r.total == chart.number_of_edges
    assert next(iter(r.left_out)) == "hostile" and r.left_out["hostile"] == 12
    hostile_only = linkchart.reading(chart, signs="negative", layers="all")
    assert {chart.vocabulary.relation(n).sign for n in hostile_only.relations} == {"negative"}
    # relations named are read as they are; layers and signs given too narrow them
    assert linkchart.reading(chart, relations=["counters", "located_in"]).relations == (
        "counters",
        "located_in",
    )
    assert linkchart.reading(chart, relations=["counters", "located_in"], signs="positive").relations == (
        "located_in",
    )


def test_unknown_layers_and_signs_are_named(chart: linkchart.LinkChart) -> None:
    with pytest.raises(UnknownNameError, match="did you mean 'political'"):
        linkchart.betweenness(chart, layers=["politcal"])
    with pytest.raises(UnknownNameError, match="signs"):
        linkchart.degree(chart, signs="hostile")  # type: ignore[arg-type]
