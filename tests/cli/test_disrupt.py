"""``linkchart disrupt``: each strategy's curve printed, and drawn with ``-o``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import linkchart
from linkchart.cli import main


def test_writes_the_curves(graph: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    svg, png = tmp_path / "curves.svg", tmp_path / "curves.png"
    assert main(["disrupt", graph, "-o", str(svg), "--steps", "3", "--runs", "5"]) == 0
    captured = capsys.readouterr()
    assert "betweenness: remove one node per step" in captured.out and "random" in captured.out
    assert "IMT" in captured.out and f"wrote {svg}" in captured.err
    assert svg.read_bytes().startswith(b"<?xml")
    assert main(["disrupt", graph, "-o", str(png), "--steps", "2", "--strategies", "degree"]) == 0
    assert png.read_bytes().startswith(b"\x89PNG")
    capsys.readouterr()
    assert main(["disrupt", graph, "-o", graph]) == 1  # never over an input
    assert "input" in capsys.readouterr().err


def test_json_holds_every_strategy(graph: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    argv = [
        "disrupt",
        graph,
        "--steps",
        "2",
        "--runs",
        "3",
        "--strategies",
        "degree",
        "random",
        "--seed",
        "4",
    ]
    assert main([*argv, "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    chart = linkchart.load(graph)
    expected = [
        linkchart.disruption(chart, strategy=s, steps=2, runs=3, seed=4).to_dict()
        for s in ("degree", "random")
    ]
    assert doc == {
        "ok": True,
        "wrote": [],
        "nodes": 44,
        "edges": 92,
        "results": json.loads(json.dumps(expected)),
    }
