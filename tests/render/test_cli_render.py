"""``linkchart render FILE -o out.html``: the CLI face of render_html."""

from __future__ import annotations

from pathlib import Path

import pytest

import linkchart
from linkchart.cli import main

GRAPH = str(Path(__file__).resolve().parents[2] / "graphs" / "central_asia.yaml")


def test_render_writes_the_same_page_as_the_library(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "chart.html"
    assert main(["render", GRAPH, "-o", str(out), "--highlight", "all", "--seed", "3"]) == 0
    chart = linkchart.load(GRAPH)
    assert out.read_text(encoding="utf-8") == linkchart.render_html(chart, highlight=True, seed=3)
    err = capsys.readouterr().err
    assert f"({chart.number_of_nodes} nodes, {chart.number_of_edges} edges)" in err


def test_render_without_output_prints_the_page(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["render", GRAPH, "--size-by", "none", "--color-by", "community"]) == 0
    chart = linkchart.load(GRAPH)
    assert capsys.readouterr().out == linkchart.render_html(chart, size_by=None, color_by="community")


def test_render_a_view(tmp_path: Path) -> None:
    out = tmp_path / "new" / "folder" / "view.html"  # missing folders are made, as by write_html
    assert main(["render", GRAPH, "-o", str(out), "--min-confidence", "reported", "--types", "state",
                 "organisation", "--size-by", "degree"]) == 0  # fmt: skip
    view = linkchart.load(GRAPH).filter(min_confidence="reported", node_types=["state", "organisation"])
    assert out.read_text(encoding="utf-8") == linkchart.render_html(view, size_by="degree")


def test_an_unknown_measure_is_a_located_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "chart.html"
    assert main(["render", GRAPH, "-o", str(out), "--size-by", "betweeness"]) == 2
    assert "did you mean 'betweenness'" in capsys.readouterr().err
    assert not out.exists()


def test_open_asks_for_an_output_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["render", GRAPH, "--open"]) == 2
    assert "--open needs -o" in capsys.readouterr().err


def test_open_opens_the_written_file_and_nothing_else(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []
    import webbrowser

    monkeypatch.setattr(webbrowser, "open", lambda url, *a, **k: opened.append(url) or True)
    out = tmp_path / "chart.html"
    assert main(["render", GRAPH, "-o", str(out), "--open", "--size-by", "degree"]) == 0
    assert opened == [out.resolve().as_uri()]
