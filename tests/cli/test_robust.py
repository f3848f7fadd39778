"""``linkchart robust``: how sure a ranking is, as text or JSON."""

from __future__ import annotations

import json

import pytest

from linkchart.cli import main


def test_prints_intervals_and_p_top(graph: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["robust", graph, "--measure", "betweenness", "--draws", "300"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("betweenness: how sure is the top 5? 300 draws") and "P(top 5)" in out
    assert "IMT" in out and "1-1" in out
    argv = ["robust", graph, "--json", "--draws", "50", "--model", "missing", "--drop", "0.2", "--top", "3"]
    assert main(argv) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["parameters"]["model"] == "missing" and data["top"] == 3 and data["rows"][0]["node"] == "IMT"
    assert main(["robust", graph, "--measure", "bridges"]) == 2  # not a per-node measure
    assert "unknown measure 'bridges'" in capsys.readouterr().err
    assert main(["robust", graph, "--drop", "1"]) == 2  # the fraction dropped is below 1, as the library says
    assert (
        "argument --drop: must be a number from 0 up to (not including) 1, not '1'" in capsys.readouterr().err
    )
