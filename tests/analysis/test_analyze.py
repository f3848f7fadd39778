"""Compute once, present many: ``analyze`` runs each measure once, the presenters only present."""

from __future__ import annotations

import contextlib
import dataclasses
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import linkchart
from linkchart.analysis._measure import bound
from linkchart.analysis.analyze import analyze
from linkchart.analysis.findings import Findings
from linkchart.analysis.policy import SizePolicy, decide
from linkchart.analysis.registry import MEASURES, Registry
from linkchart.render.payload import page_needs
from linkchart.render.spec import HIGHLIGHTS, PageSpec

GRAPH = Path(__file__).resolve().parents[2] / "graphs" / "central_asia.yaml"


@pytest.fixture(scope="module")
def central_asia() -> linkchart.LinkChart:
    return linkchart.load(GRAPH)


CALLS: Counter[tuple[str, int, tuple[tuple[str, Any], ...]]] = Counter()
"""Every measure call: (measure, id of the chart, bound arguments) -> how many times."""


@dataclasses.dataclass(frozen=True)
class Counting:
    """A measure's function that counts its calls in :data:`CALLS` (module-level: picklable)."""

    name: str
    function: Callable[..., Any]

    def __call__(self, chart: Any, **options: Any) -> Any:
        CALLS[(self.name, id(chart), tuple(sorted(bound(self.function, options).items())))] += 1
        return self.function(chart, **options)

    def __getattr__(self, attribute: str) -> Any:  # the contract, the docstring, the name
        return getattr(self.function, attribute)


@dataclasses.dataclass(frozen=True)
class Raising:
    """A measure's function that must not run: presenters only present."""

    name: str
    function: Callable[..., Any]

    def __call__(self, chart: Any, **options: Any) -> Any:
        raise AssertionError(f"{self.name} ran in a presenter")

    def __getattr__(self, attribute: str) -> Any:
        return getattr(self.function, attribute)


def _wrapped(wrap: type[Counting] | type[Raising]) -> Registry:
    return Registry(dataclasses.replace(m, function=wrap(m.name, m.function)) for m in MEASURES.values())


PAGE = {"highlight": "all", "color_by": "community", "over_time": True}


def _on(chart: linkchart.LinkChart) -> Counter[tuple[str, int, tuple[tuple[str, Any], ...]]]:
    return Counter({k: v for k, v in CALLS.items() if k[1] == id(chart)})


def test_analyze_then_every_presenter_computes_each_measure_once(
    central_asia: linkchart.LinkChart, tmp_path: Path
) -> None:
    counting = _wrapped(Counting)
    CALLS.clear()
    found = analyze(central_asia, registry=counting)  # the report's analysis
    page = PageSpec(registry=counting, highlight=HIGHLIGHTS, color_by="community", over_time=True)
    found = analyze(found, page_needs(central_asia, page))  # and what the page shows besides
    after_analysis = Counter(CALLS)
    on_chart = _on(central_asia)
    assert on_chart and set(on_chart.values()) == {1}  # each measure, each argument set: once
    assert {k[0] for k in on_chart} >= {"betweenness", "degree", "pagerank", "bridges", "communities"}

    linkchart.report(found)
    linkchart.render_html(found, **PAGE)  # type: ignore[arg-type]
    linkchart.render_image(found, tmp_path / "x.svg", highlight=("bridges", "articulation_points"))
    linkchart.export(found, tmp_path / "x.gexf")
    assert CALLS == after_analysis  # the presenters added no call at all


def test_a_page_alone_computes_each_measure_once(central_asia: linkchart.LinkChart) -> None:
    counting = _wrapped(Counting)
    CALLS.clear()
    linkchart.render_html(central_asia, registry=counting, **PAGE)  # type: ignore[arg-type]
    on_chart = _on(central_asia)
    assert on_chart and set(on_chart.values()) == {1}  # the rank intervals reuse the page's values


def test_a_diff_page_computes_each_measure_of_the_later_chart_once(central_asia: linkchart.LinkChart) -> None:
    # the diff's rank moves compare the page's own scores of the later chart (not run twice),
    # and rank the earlier chart through the page's registry too (counted here: a diff through
    # another registry would leave the earlier chart uncounted)
    counting = _wrapped(Counting)
    before = central_asia.min_confidence("alleged")
    CALLS.clear()
    linkchart.render_html(central_asia, registry=counting, diff_against=before)
    on_chart, on_before = _on(central_asia), _on(before)
    assert on_chart and set(on_chart.values()) == {1}
    assert {k[0] for k in on_chart} >= {"betweenness", "degree", "pagerank"}
    assert on_before and set(on_before.values()) == {1}
    assert {k[0] for k in on_before} >= {"betweenness", "degree", "pagerank"}


def test_presenters_with_a_registry_that_raises_still_succeed(
    central_asia: linkchart.LinkChart, tmp_path: Path
) -> None:
    page = PageSpec(highlight=HIGHLIGHTS, color_by="community", over_time=True)
    found = analyze(analyze(central_asia), page_needs(central_asia, page))
    raising = dataclasses.replace(found, spec=dataclasses.replace(found.spec, registry=_wrapped(Raising)))
    assert isinstance(raising, Findings)
    text = linkchart.report(raising).to_text()
    assert text == linkchart.report(found).to_text()
    assert linkchart.render_html(raising, **PAGE) == linkchart.render_html(found, **PAGE)  # type: ignore[arg-type]
    linkchart.render_image(raising, tmp_path / "x.svg", highlight=("bridges", "articulation_points"))
    gexf = linkchart.export(raising, tmp_path / "x.gexf").read_text(encoding="utf-8")
    assert gexf == linkchart.export(central_asia, tmp_path / "y.gexf").read_text(encoding="utf-8")


def test_findings_are_reused_and_say_what_they_hold(central_asia: linkchart.LinkChart) -> None:
    found = analyze(central_asia, measures=["degree", "betweenness"], sections=["bridges"], draws=None)
    again = analyze(found, measures=["degree"], sections=[], draws=None)
    assert again.results == found.results  # nothing new was needed
    assert found.scores("degree") == linkchart.degree(central_asia)
    assert [b.edge_ids for b in found.structure("bridges")] == [
        b.edge_ids for b in linkchart.bridges(central_asia)
    ]
    with pytest.raises(linkchart.UnknownNameError, match="unknown scores result 'pagerank'"):
        found.scores("pagerank")
    with pytest.raises(linkchart.UnknownNameError, match="did you mean"):
        analyze(central_asia, measures=["page_rank"])


def test_the_policy_decides_what_is_exact_sampled_or_left_out() -> None:
    n = 1200
    chart = linkchart.from_records(
        [{"id": f"v{i}", "type": "person"} for i in range(n)],
        [{"from": f"v{i}", "relation": "knows", "to": f"v{(i * 7 + 3) % n}"} for i in range(n)],
    )
    plain = {d.item: d.action for d in decide(chart)}
    assert plain == {
        "betweenness": "exact",
        "how_sure": "exact",
        "intervals": "exact",
        "key_players": "exact",
    }
    small = SizePolicy(
        exact_max_work=10,
        how_sure_max_edges=10,
        page_intervals_max_edges=10,
        key_players_max_nodes=10,
        summary_above_nodes=10,
        summary_nodes=5,
    )
    decided = {d.item: d for d in decide(chart, small)}
    assert {k: d.action for k, d in decided.items()} == {
        "betweenness": "sampled",
        "how_sure": "left-out",
        "intervals": "left-out",
        "key_players": "left-out",
        "summary": "summary",
    }
    assert decided["betweenness"].numbers["pivots"] == 1000
    assert decided["how_sure"].why == "1,200 edges above 10"
    assert small.summary_size(chart) == 5 and small.summary_size(chart, False) is None
    # exact=True wins over the size; exact=False samples whatever the size (above the pivots)
    assert not small.sampled(chart, exact=True) and SizePolicy().sampled(chart, exact=False)
    # the report and the page read the same decision from the findings
    found = analyze(chart, measures=["betweenness"], sections=[], draws=None, policy=small)
    assert found.sampled and found.decision("betweenness") == decided["betweenness"]
    report = linkchart.report(found, measures=["betweenness"], draws=None)
    assert report.scale.startswith("large chart (1,200 nodes, 1,200 edges): betweenness estimated")


_SMALL_ODD = {
    "two foes": (["A", "B"], [("A", "enemy", "B")]),
    "two foes, directed": (["A", "B"], [("A", "attacks", "B")]),
    "one node": (["A"], []),
    "no ties": (["A", "B", "C"], []),
    "all hostile": (["A", "B", "C"], [("A", "enemy", "B"), ("B", "enemy", "C"), ("A", "enemy", "C")]),
    "one component of two": (["A", "B"], [("A", "knows", "B")]),
}


def _small(nodes: list[str], edges: list[tuple[str, str, str]]) -> linkchart.LinkChart:
    from linkchart.vocabulary import Relation, Vocabulary

    v = Vocabulary(
        relations=(
            Relation("enemy", directed=False, sign="negative"),
            Relation("attacks", directed=True, sign="negative"),
            Relation("knows", directed=False),
        )
    )
    return linkchart.from_records(
        [{"id": x, "type": "person"} for x in nodes],
        [{"from": a, "relation": r, "to": b} for a, r, b in edges],
        vocabulary=v,
    )


@pytest.mark.parametrize("case", list(_SMALL_ODD))
def test_a_measure_undefined_on_a_small_chart_leaves_the_report_and_page_standing(case: str) -> None:
    # D14: two nodes joined only by a hostile tie made PN centrality raise, and the whole
    # report and page with it; an undefined measure is left out, said why, the rest shown
    from linkchart.render.payload import build_network

    chart = _small(*_SMALL_ODD[case])
    found = analyze(chart)
    report = linkchart.report(chart)
    _, page = build_network(chart, PageSpec())
    why = found.undefined("pn_centrality")
    if case.startswith("two foes"):
        assert why.startswith("PN centrality is undefined here")
        assert not found.has("scores", "pn_centrality")
        assert any(line.startswith(f"pn_centrality is not ranked: {why}") for line in report.limits)
        assert "pn_centrality" not in [r.measure for r in report.rankings]
        assert "degree" in [r.measure for r in report.rankings]
        assert f"pn_centrality is not shown: {why}" in page["scale"]
        assert "pn_centrality" not in [m["name"] for m in page["measures"]]
        assert found.values("pn_centrality") == [None, None]
        with pytest.raises(linkchart.errors.UndefinedMeasureError, match="PN centrality is undefined"):
            found.scores("pn_centrality")
        _, sized = build_network(chart, PageSpec(size_by="pn_centrality"))  # sized alike, said why
        assert "pn_centrality is not shown" in sized["scale"]
    else:
        assert why == ""
    undefined = pytest.raises(linkchart.errors.UndefinedMeasureError)
    with undefined if case.startswith("two foes") else contextlib.nullcontext():
        linkchart.pn_centrality(chart)  # called directly, it still says so
