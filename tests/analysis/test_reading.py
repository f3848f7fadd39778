"""The reading: by default every measure reads the positive ties of the default layers."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pytest

import linkchart
from linkchart import MEASURES, LinkchartError, UnknownNameError

GRAPH = Path(__file__).resolve().parents[2] / "graphs" / "central_asia.yaml"


@pytest.fixture(scope="module")
def chart() -> linkchart.LinkChart:
    return linkchart.load(GRAPH)


def positive_default(chart: linkchart.LinkChart) -> tuple[str, ...]:
    v = chart.vocabulary
    layers = v.default_layers or v.layers
    return tuple(r.name for r in v.relations if r.sign == "positive" and r.read and r.layer in layers)


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
    assert next(iter(r.left_out)) == "hostile" and r.left_out["hostile"] == 14
    assert r.left_out["neutral"] == 56 and r.left_out["unread"] == 1  # issue 18: signs said
    hostile_only = linkchart.reading(chart, signs="negative", layers="all")
    assert {chart.vocabulary.relation(n).sign for n in hostile_only.relations} == {"negative"}
    # relations named are read as they are; layers and signs given too narrow them
    assert linkchart.reading(chart, relations=["counters", "located_in"]).relations == (
        "counters",
        "located_in",
    )
    assert linkchart.reading(chart, relations=["counters", "leads"], signs="positive").relations == ("leads",)
    assert linkchart.reading(chart, relations=["counters", "located_in"], signs="neutral").relations == (
        "located_in",
    )


@pytest.mark.parametrize(
    "arguments",
    [{}, {"signs": "all"}, {"layers": "all"}, {"signs": "negative", "layers": "all"},
     {"signs": "neutral"}, {"relations": ["counters", "leads"], "signs": "positive"}],
)  # fmt: skip
def test_each_relation_says_why_a_reading_leaves_it_out(chart: linkchart.LinkChart, arguments: dict) -> None:
    r = linkchart.reading(chart, **arguments)
    reasons = r.reasons()
    names = chart.vocabulary.relation_names
    assert [names[i] for i, why in enumerate(reasons) if why is None] == list(r.relations)
    counted: dict[str, int] = {}
    for code in chart.edges.relation.tolist():
        if reasons[code] is not None:
            counted[reasons[code]] = counted.get(reasons[code], 0) + 1
    assert counted == r.left_out  # the same reasons, edge for edge, as the reading counts them


def test_unknown_layers_and_signs_are_named(chart: linkchart.LinkChart) -> None:
    with pytest.raises(UnknownNameError, match="did you mean 'political'"):
        linkchart.betweenness(chart, layers=["politcal"])
    with pytest.raises(UnknownNameError, match="signs"):
        linkchart.degree(chart, signs="hostile")  # type: ignore[arg-type]


def signed_chart() -> linkchart.LinkChart:
    """Ties of each sign, and an example relation no measure reads."""
    v = linkchart.Vocabulary(
        relations=(
            linkchart.Relation("funds", layer="ops"),
            linkchart.Relation("fights", sign="negative", layer="ops"),
            linkchart.Relation("operates_in", sign="neutral", layer="ops"),
            linkchart.Relation("such_as", directed=False, layer="ops", reading="none"),
        ),
    )
    nodes = [{"id": x, "type": "organisation"} for x in ("a", "b", "c", "d", "e")]
    edges = [
        {"from": "a", "relation": "funds", "to": "b"},
        {"from": "b", "relation": "fights", "to": "c"},
        {"from": "b", "relation": "operates_in", "to": "d"},
        {"from": "d", "relation": "operates_in", "to": "e"},
        {"from": "c", "relation": "such_as", "to": "e"},
    ]
    return linkchart.from_records(nodes, edges, vocabulary=v)


def test_neutral_ties_are_left_out_of_the_default_reading_and_said_so() -> None:
    c = signed_chart()
    r = linkchart.reading(c)
    assert r.relations == ("funds",) and r.left_out == {"hostile": 1, "neutral": 2, "unread": 1}
    assert r.describe() == (
        "read on 1 of 5 ties: positive ties; left out: 1 hostile tie, 2 neutral ties, "
        "1 tie that no measure reads (reading: none) — see --layers, --signs"
    )
    neutral = linkchart.reading(c, signs="neutral")
    assert neutral.relations == ("operates_in",) and neutral.left_out == {
        "hostile": 1,
        "positive": 1,
        "unread": 1,
    }
    assert linkchart.reading(c, signs="negative").relations == ("fights",)
    everything = linkchart.reading(c, signs="all")  # every tie as a plain tie, neutral ones included
    assert everything.relations == ("funds", "fights", "operates_in") and everything.read == 4
    assert everything.describe().startswith("read on 4 of 5 ties: ties of every sign")
    assert linkchart.betweenness(c, signs="neutral")["d"] == 1.0  # b-d-e, read as plain ties
    assert linkchart.betweenness(c)["d"] == 0.0


def test_a_relation_declared_reading_none_is_in_no_measure() -> None:
    c = signed_chart()
    without = c.with_relations("funds", "fights", "operates_in")
    for name in MEASURES.names(returns="node"):
        ours = MEASURES[name](c, layers="all", signs="all")
        assert same(ours, MEASURES[name](without, layers="all", signs="all")), name
    assert linkchart.degree(c, layers="all", signs="all")["e"] == 1  # d only: the example tie is not one
    with pytest.raises(LinkchartError, match="'such_as' is declared 'reading: none'"):
        linkchart.degree(c, relations=["such_as"])
    with pytest.raises(LinkchartError, match="reading: none"):
        linkchart.reading(c, relations=["funds", "such_as"])
    path = linkchart.explain_path(c, "c", "e", signs="all")
    assert all(s.relation != "such_as" for p in path.paths for s in p.steps)
