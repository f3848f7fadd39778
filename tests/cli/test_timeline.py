"""``linkchart timeline``: the leaders per period, or why there is no ranking; ``-o`` draws them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from linkchart.cli import main


def test_prints_the_top_per_period_and_plots(
    graph: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plot = tmp_path / "timeline.png"
    # 1 of the 22 ties read is dated: declined, with the reason, and nothing drawn
    assert main(["timeline", graph, "--measure", "degree", "-o", str(plot)]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("degree over time: not shown: only 1 of 18 ties read is dated (6%")
    assert not plot.exists() and f"nothing drawn: {plot} not written" in captured.err
    assert main(["timeline", graph, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["dating"]["dated"] == 1
    g0 = [graph, "--min-dated", "0"]
    assert main(["timeline", *g0, "--measure", "degree", "--top", "2", "-o", str(plot)]) == 0
    captured = capsys.readouterr()
    lines = captured.out.splitlines()
    assert lines[0].startswith("degree over time (top 2 per period")
    assert [line.split()[0] for line in lines[1:]] == ["1997", "1998", "1999", "2000"]
    assert "Islamic Movement of Turkestan" in lines[3]  # labels, not ids
    assert plot.read_bytes().startswith(b"\x89PNG") and f"wrote {plot}" in captured.err
    assert main(["timeline", *g0, "--every", "2", "--normalized", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["measure"] == "betweenness" and len(data["periods"]) == 2
    assert data["options"]["normalized"] is True
    assert main(["timeline", *g0, "--periods", "1999", "1997/1998", "--dated-only"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in out[1:]] == ["1999", "1997/1998"]


def test_usage_errors(graph: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["timeline", graph, "--every", "week"]) == 2
    assert "choose year, month, periods or a number, not 'week'" in capsys.readouterr().err
    gif = tmp_path / "x.gif"
    assert main(["timeline", graph, "-o", str(gif), "--json"]) == 2  # checked before any work
    captured = capsys.readouterr()
    assert "write the plot as .svg, .png or .pdf" in captured.err and not gif.exists()
    assert json.loads(captured.out)["errors"][0]["ctx"] == {"choices": ["svg", "pdf", "png"]}


def test_json_with_a_plot_prints_one_document(
    graph: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plot = tmp_path / "t.svg"
    assert main(["timeline", graph, "--min-dated", "0", "--json", "-o", str(plot)]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["measure"] == "betweenness"
    assert plot.read_bytes().lstrip().startswith(b"<?xml") and f"wrote {plot}" in captured.err
