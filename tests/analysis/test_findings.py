"""The findings of an analysis (linkchart.analysis.findings): results held by key, looked up."""

from __future__ import annotations

import numpy as np
import pytest

import linkchart
from linkchart.analysis.findings import Decision, Findings, Key
from linkchart.analysis.spec import AnalysisSpec
from linkchart.errors import LinkchartError, UnknownNameError


@pytest.fixture
def findings() -> Findings:
    chart = linkchart.from_records(
        [{"id": "a", "type": "state"}, {"id": "b", "type": "state"}, {"id": "c", "type": "state"}],
        [{"from": "a", "relation": "borders", "to": "b"}, {"from": "b", "relation": "borders", "to": "c"}],
    )
    results = {
        Key.of("scores", "betweenness", {"normalized": False, "weight": None}): linkchart.betweenness(chart),
        Key.of("scores", "degree", {"mode": "all"}): linkchart.degree(chart),
        Key.of("scores", "degree", {"mode": "in"}): linkchart.degree(chart, mode="in"),
        Key.of("structure", "bridges"): linkchart.bridges(chart),
        Key.of("positions", "layout", {"method": "circle", "seed": 0}): np.zeros((3, 2)),
    }
    decisions = (Decision("betweenness", "exact"),)
    return Findings(chart, AnalysisSpec(), linkchart.reading(chart), results, decisions)


def test_a_key_holds_its_options_sorted_so_equal_calls_are_one_key() -> None:
    a = Key.of("scores", "harmonic", {"normalized": True, "engine": "igraph"})
    b = Key.of("scores", "harmonic", {"engine": "igraph", "normalized": True})
    assert a == b and hash(a) == hash(b)
    assert a.matches("scores", "harmonic", {"engine": "igraph"})
    assert not a.matches("scores", "harmonic", {"engine": "networkx"})
    assert not a.matches("firm", "harmonic", {})


def test_the_accessors_look_results_up(findings: Findings) -> None:
    assert findings.scores("betweenness")["b"] == 1.0
    assert findings.scores("degree", mode="in") == linkchart.degree(findings.chart, mode="in")
    assert findings.structure("bridges") == linkchart.bridges(findings.chart)
    assert findings.positions().shape == (3, 2)
    assert findings.decision("betweenness") == Decision("betweenness", "exact")
    assert findings.decision("how_sure") is None


def test_a_result_not_held_or_not_said_which_is_an_error(findings: Findings) -> None:
    held = "unknown scores result 'pagerank' — choose from 'betweenness', 'degree'"
    with pytest.raises(UnknownNameError, match=held):
        findings.scores("pagerank")
    with pytest.raises(LinkchartError, match="2 scores results for 'degree': say which with mode"):
        findings.scores("degree")
    with pytest.raises(UnknownNameError, match="unknown uncertainty result 'betweenness'"):
        findings.uncertainty("betweenness")


def test_more_results_make_new_findings_and_a_held_key_keeps_its_result(findings: Findings) -> None:
    key = Key.of("scores", "betweenness", {"normalized": False, "weight": None})
    more = findings.with_results(
        {key: "not this one", Key.of("scores", "pagerank"): "new"}, [Decision("how_sure", "off")]
    )
    assert more.results[key] is findings.results[key]
    assert more.scores("pagerank") == "new"
    assert [d.item for d in more.decisions] == ["betweenness", "how_sure"]
    assert Key.of("scores", "pagerank") not in findings.results  # the old value is unchanged
