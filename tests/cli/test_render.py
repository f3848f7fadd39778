"""``linkchart render``: the page (the same bytes as the library's), a view, a figure, ``--open``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import linkchart
from linkchart.cli import main


def test_writes_the_same_page_as_the_library(
    graph: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "chart.html"
    assert main(["render", graph, "-o", str(out), "--highlight", "all", "--seed", "3"]) == 0
    chart = linkchart.load(graph)
    assert out.read_text(encoding="utf-8") == linkchart.render_html(chart, highlight=True, seed=3)
    err = capsys.readouterr().err
    assert f"({chart.number_of_nodes} nodes, {chart.number_of_edges} edges)" in err


def test_without_output_prints_the_page(graph: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["render", graph, "--size-by", "none", "--color-by", "community"]) == 0
    chart = linkchart.load(graph)
    assert capsys.readouterr().out == linkchart.render_html(chart, size_by=None, color_by="community")


def test_the_page_options_reach_the_page(graph: str, tmp_path: Path) -> None:
    out = tmp_path / "chart.html"
    argv = ["render", graph, "-o", str(out), "--no-timeline", "--full", "--layout", "circle", "--exact"]
    assert (
        main([*argv, "--measures", "degree", "pagerank", "--top-brokers", "0", "--highlight", "brokers"]) == 0
    )
    chart = linkchart.load(graph)
    expected = linkchart.render_html(
        chart,
        timeline=False,
        summary=False,
        layout="circle",
        exact=True,
        measures=["degree", "pagerank"],
        top_brokers=0,
        highlight="brokers",
    )
    assert out.read_text(encoding="utf-8") == expected


def test_a_view(graph: str, tmp_path: Path) -> None:
    out = tmp_path / "new" / "folder" / "view.html"  # missing folders are made, as by write_html
    argv = [
        "render",
        graph,
        "-o",
        str(out),
        "--min-confidence",
        "reported",
        "--types",
        "state",
        "organisation",
    ]
    assert main([*argv, "--size-by", "degree"]) == 0
    view = linkchart.load(graph).filter(min_confidence="reported", node_types=["state", "organisation"])
    assert out.read_text(encoding="utf-8") == linkchart.render_html(view, size_by="degree")


def test_an_ego_view(graph: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "ego.html"
    assert main(["render", graph, "--ego", "IMU", "--radius", "1", "-o", str(out)]) == 0
    assert f"({linkchart.load(graph).ego('IMT').number_of_nodes} nodes" in capsys.readouterr().err


def test_an_unknown_measure_is_a_usage_error(
    graph: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "chart.html"
    assert main(["render", graph, "-o", str(out), "--size-by", "betweeness"]) == 2
    assert "did you mean 'betweenness'" in capsys.readouterr().err
    assert not out.exists()


def test_open_asks_for_an_output_file(graph: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["render", graph, "--open"]) == 2
    assert "linkchart render: error: --open needs -o" in capsys.readouterr().err


def test_open_opens_the_written_file_and_nothing_else(
    graph: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []
    import webbrowser

    monkeypatch.setattr(webbrowser, "open", lambda url, *a, **k: opened.append(url) or True)
    out = tmp_path / "chart.html"
    assert main(["render", graph, "-o", str(out), "--open", "--size-by", "degree"]) == 0
    assert opened == [out.resolve().as_uri()]


def test_layers_and_signs_choose_the_reading(graph: str, tmp_path: Path) -> None:
    default, everything = tmp_path / "a.html", tmp_path / "b.html"
    assert main(["render", graph, "-o", str(default)]) == 0
    assert main(["render", graph, "-o", str(everything), "--signs", "all", "--layers", "all"]) == 0
    assert default.read_text(encoding="utf-8") != everything.read_text(encoding="utf-8")
    assert "read on 91 of 92 ties" in everything.read_text(encoding="utf-8")


def test_a_figure(graph: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "fig.svg"
    assert main(["render", graph, "-o", str(out), "--highlight", "all", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc == {"ok": True, "wrote": [str(out)], "nodes": 44, "edges": 92}
    chart = linkchart.load(graph)
    again = linkchart.render_image(
        chart, tmp_path / "again.svg", highlight=["bridges", "articulation_points"]
    )
    assert out.read_bytes() == again.read_bytes()


def test_json_needs_an_output_file(graph: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["render", graph, "--json"]) == 2
    captured = capsys.readouterr()
    doc = json.loads(captured.out)
    assert doc["ok"] is False and doc["errors"][0]["loc"] == ["--json"]
    assert "--json needs -o" in captured.err


def test_draws_the_context_as_asked(graph: str, tmp_path: Path) -> None:
    out = tmp_path / "hidden.html"
    assert main(["render", graph, "-o", str(out), "--context", "hidden"]) == 0
    chart = linkchart.load(graph)
    assert out.read_text(encoding="utf-8") == linkchart.render_html(chart, context="hidden")
    assert out.read_text(encoding="utf-8") != linkchart.render_html(chart)
