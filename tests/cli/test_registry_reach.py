"""The registry reaches every verb (issue 20, PLAN 4.3, the command line's half): with a
registry holding one more measure, ``main(argv, registry=)`` offers it to every verb that
names a measure, and runs every other verb unchanged."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import linkchart
from linkchart import MEASURES, LinkChart
from linkchart.analysis.registry import Measure, Registry
from linkchart.cli import main


def ego_size(chart: LinkChart, **reading: Any) -> dict[str, float]:
    """A toy measure: twice the degree plus one (it ranks nodes as degree does)."""
    degree = linkchart.degree(chart, **reading)
    return {n: float(degree[n]) * 2 + 1 for n in chart.node_ids}


@pytest.fixture(scope="module")
def registry() -> Registry:
    toy = Measure(
        "ego_size", ego_size, "node", True, "a toy: twice the degree plus one", False, False, "linear"
    )
    return MEASURES.with_measure(toy)


def test_analyze_measures(registry: Registry, graph: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", graph, "--measures", "ego_size", "--json"], registry=registry) == 0
    doc = json.loads(capsys.readouterr().out)
    assert [r["measure"] for r in doc["rankings"]] == ["ego_size"]
    assert (
        doc["rankings"][0]["overall"][0]["value"]
        == 2 * linkchart.degree(linkchart.load(graph)).top(1)[0][1] + 1
    )
    assert main(["analyze", graph, "--measures", "ego_size"]) == 2  # the default registry lacks it


def test_render_size_by_on_the_page_and_the_figure(
    registry: Registry, graph: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "p.html"
    assert main(["render", graph, "--size-by", "ego_size", "-o", str(page)], registry=registry) == 0
    chart = linkchart.load(graph)
    assert page.read_text(encoding="utf-8") == linkchart.render_html(
        chart, size_by="ego_size", registry=registry
    )
    figure = tmp_path / "f.svg"  # the figure found no such measure before (issue 20)
    assert main(["render", graph, "--size-by", "ego_size", "-o", str(figure)], registry=registry) == 0
    again = linkchart.render_image(chart, tmp_path / "again.svg", size_by="ego_size", registry=registry)
    assert figure.read_bytes() == again.read_bytes()
    capsys.readouterr()
    assert main(["render", graph, "--size-by", "ego_size", "-o", str(figure)]) == 2


def test_timeline_and_robust_measure(
    registry: Registry, graph: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        main(["timeline", graph, "--measure", "ego_size", "--min-dated", "0", "--json"], registry=registry)
        == 0
    )
    assert json.loads(capsys.readouterr().out)["measure"] == "ego_size"
    assert main(["robust", graph, "--measure", "ego_size", "--draws", "20", "--json"], registry=registry) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["measure"] == "ego_size" and doc["rows"][0]["node"] == "IMT"


def test_the_other_verbs_run_unchanged(
    registry: Registry, graph: str, affiliations: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for argv in (
        ["validate", graph],
        ["info", graph],
        ["export", graph, "-o", str(tmp_path / "x.graphml")],
        ["convert", graph, "-o", str(tmp_path / "x.json")],
        ["path", graph, "JUI", "IMT"],
        ["disrupt", graph, "--steps", "1", "--runs", "1"],
        ["one-mode", str(affiliations), "--onto", "person", "--via", "meeting"],
        ["two-mode", str(affiliations), "--first", "person"],
        ["dedupe", graph, "--top", "1"],
    ):
        assert main(argv, registry=registry) == 0, argv
        with_registry = capsys.readouterr().out
        assert main(argv) == 0
        assert capsys.readouterr().out == with_registry, argv


def test_the_library_presenters_reach_it(registry: Registry, graph: str, tmp_path: Path) -> None:
    """The library half (PLAN 4.3): one analysis holds it, and the report, the page and the
    figure present it, from the chart or from the findings."""
    from linkchart.render.payload import page_payload
    from linkchart.render.spec import PageSpec

    chart = linkchart.load(graph)
    expected = ego_size(chart)
    ranked = linkchart.report(chart, registry=registry, measures=["ego_size"], draws=None)
    assert [r.measure for r in ranked.rankings] == ["ego_size"]
    assert ranked.rankings[0].overall[0].value == max(expected.values())
    found = linkchart.analyze(chart, registry=registry, measures=["ego_size"], sections=[], draws=None)
    assert found.scores("ego_size") == expected
    payload = page_payload(found, PageSpec(size_by="ego_size", registry=registry, draws=None))
    shown = next(m for m in payload["measures"] if m["name"] == "ego_size")
    assert shown["values"] == [expected[n] for n in chart.node_ids]
    assert linkchart.render_html(found, size_by="ego_size") == linkchart.render_html(
        chart, size_by="ego_size", registry=registry
    )
    drawn = linkchart.draw_chart(found, size_by="ego_size")
    assert drawn == linkchart.draw_chart(chart, size_by="ego_size", registry=registry)
    assert b"Node size: ego size" in drawn
