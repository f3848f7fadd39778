"""``linkchart analyze FILE``: the report on a terminal, as JSON, Markdown or CSV files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from linkchart.cli import main

GRAPH = str(Path(__file__).resolve().parents[1] / "graphs" / "central_asia.yaml")


def test_prints_the_report(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", GRAPH, "--top", "3"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("The IMT network in Central Asia (Smith)\n50 nodes, 97 edges; relations: all")
    assert "== betweenness:" in out and "== bridges:" in out and "== brokerage" in out
    assert "  1  IMT " in out


def test_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", GRAPH, "--json", "--top", "2", "--measures", "degree", "brokerage"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [r["measure"] for r in data["rankings"]] == ["degree"]
    assert [x["node"] for x in data["rankings"][0]["overall"]] == ["IMT", "Pakistan"]
    assert data["brokers"] and data["bridges"] == []


def test_markdown_and_relations(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", GRAPH, "--markdown", "--relations", "borders", "located_in",
                 "--measures", "degree"]) == 0
    out = capsys.readouterr().out
    assert "relations: borders, located_in" in out and "| # | node | type | degree |" in out


def test_csv_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "tables"
    assert main(["analyze", GRAPH, "--csv", str(folder), "--top", "2"]) == 0
    captured = capsys.readouterr()
    assert "wrote 4 CSV files" in captured.err and "== degree" in captured.out
    assert sorted(p.name for p in folder.iterdir()) == [
        "articulation_points.csv", "bridges.csv", "brokers.csv", "rankings.csv"]
    header = (folder / "rankings.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header == "measure,scope,rank,node,type,value"


def test_bad_file_prints_located_problems(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "linkchart: 1\ntitle: t\nnodes:\n  - {id: Tajikistan, type: state}\n"
        "edges:\n  - {from: Tajikstan, relation: borders, to: Tajikistan}\n",
        encoding="utf-8",
    )
    assert main(["analyze", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "bad.yaml:6" in err and "unknown-node" in err and "did you mean 'Tajikistan'" in err


def test_usage_and_name_errors(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", GRAPH, "--top", "0"]) == 2
    assert "must be at least 1" in capsys.readouterr().err
    assert main(["analyze", GRAPH, "--measures", "betweeness"]) == 2
    assert "did you mean 'betweenness'" in capsys.readouterr().err
    assert main(["analyze", GRAPH, "--relations", "finance"]) == 1
    assert "did you mean 'finances'" in capsys.readouterr().err
    assert main(["analyze", GRAPH, "--partition", "contry"]) == 1
    assert "did you mean 'country'" in capsys.readouterr().err
    assert main(["analyze", GRAPH, "--json", "--markdown"]) == 2
    assert main(["analyze", str(Path(GRAPH).with_name("missing.yaml"))]) == 1


def test_runs_as_a_console_command() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "linkchart.cli", "analyze", GRAPH, "--top", "1", "--measures", "pagerank"],
        capture_output=True, text=True, check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "== pagerank:" in done.stdout
