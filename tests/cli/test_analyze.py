"""``linkchart analyze``: the report as text, Markdown, JSON and CSV; the reading; the view."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import linkchart
from linkchart.cli import main


def test_prints_the_report(graph: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", graph, "--top", "3"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(
        "The IMT network in Central Asia (Smith)\n44 nodes, 92 edges; engine: igraph; top 3\n"
    )
    assert "== betweenness:" in out and "== bridges:" in out and "== brokerage" in out
    assert "  1  Islamic Movement of Turkestan [IMT] " in out


def test_json(graph: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", graph, "--json", "--top", "2", "--measures", "degree", "brokerage"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [r["measure"] for r in data["rankings"]] == ["degree"]
    assert [x["node"] for x in data["rankings"][0]["overall"]] == ["IMT", "JUI"]
    assert data["brokers"] and data["bridges"] == []


def test_markdown_and_relations(graph: str, capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["analyze", graph, "--markdown", "--relations", "borders", "located_in", "--measures", "degree"]
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert "of relations not asked for" in out and "| # | node | type | degree |" in out


def test_csv_folder(graph: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "tables"
    assert main(["analyze", graph, "--csv", str(folder), "--top", "2"]) == 0
    captured = capsys.readouterr()
    assert "wrote 4 CSV files" in captured.err and "== degree" in captured.out
    assert sorted(p.name for p in folder.iterdir()) == [
        "articulation_points.csv",
        "bridges.csv",
        "brokers.csv",
        "rankings.csv",
    ]
    header = (folder / "rankings.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header == "measure,scope,rank,node,label,type,value,note"


def test_a_bad_file_prints_located_problems(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "linkchart: 1\ntitle: t\nnodes:\n  - {id: Tajikistan, type: state}\n"
        "edges:\n  - {from: Tajikstan, relation: borders, to: Tajikistan}\n",
        encoding="utf-8",
    )
    assert main(["analyze", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "bad.yaml:6" in err and "unknown-node" in err and "did you mean 'Tajikistan'" in err


def test_usage_and_name_errors(graph: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", graph, "--top", "0"]) == 2
    assert "must be a positive whole number, not 0" in capsys.readouterr().err
    assert main(["analyze", graph, "--measures", "betweeness"]) == 2
    assert "did you mean 'betweenness'" in capsys.readouterr().err
    assert main(["analyze", graph, "--relations", "help"]) == 1
    assert "did you mean 'helps'" in capsys.readouterr().err
    assert main(["analyze", graph, "--partition", "contry"]) == 1
    assert "did you mean 'country'" in capsys.readouterr().err
    assert main(["analyze", graph, "--json", "--markdown"]) == 2
    assert main(["analyze", str(Path(graph).with_name("missing.yaml"))]) == 1


def test_layers_and_signs_choose_the_reading(graph: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", graph, "--json", "--measures", "betweenness", "--top", "3"]) == 0
    default = json.loads(capsys.readouterr().out)
    assert default["reading"].startswith("read on 18 of 92 ties")
    assert default["parameters"]["signs"] == "positive"
    argv = ["analyze", graph, "--json", "--measures", "betweenness", "--top", "3", "--layers", "all"]
    assert main([*argv, "--signs", "all"]) == 0
    everything = json.loads(capsys.readouterr().out)
    assert everything["reading"].startswith("read on 91 of 92 ties")  # all but the one example
    assert "Pakistan" in [x["node"] for x in everything["rankings"][0]["overall"]]
    assert "Pakistan" not in [x["node"] for x in default["rankings"][0]["overall"]]
    assert main(["analyze", graph, "--layers", "politcal"]) == 1
    assert "did you mean 'political'" in capsys.readouterr().err
    assert main(["analyze", graph, "--signs", "hostile"]) == 2
    capsys.readouterr()
    assert main(["analyze", graph, "--firm", "none", "--measures", "bridges"]) == 0
    assert "Confidence:" not in capsys.readouterr().out


def test_exact_and_undirected_reach_the_report(graph: str, capsys: pytest.CaptureFixture[str]) -> None:
    chart = linkchart.load(graph)
    assert main(["analyze", graph, "--json", "--measures", "degree", "--undirected", "--no-exact"]) == 0
    doc = json.loads(capsys.readouterr().out)
    expected = json.loads(linkchart.report(chart, measures=["degree"], directed=False, exact=False).to_json())
    assert doc == expected


def test_an_ego_view(graph: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", graph, "--ego", "Rakhmonov", "--measures", "degree", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    ego = linkchart.load(graph).ego("Emomali Rakhmonov")
    assert data["nodes"] == ego.number_of_nodes < 48
    assert main(["analyze", graph, "--ego", "Rakhmonv"]) == 1
    assert "did you mean" in capsys.readouterr().err


def test_runs_as_a_console_command(graph: str) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "linkchart.cli", "analyze", graph, "--top", "1", "--measures", "pagerank"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "== pagerank:" in done.stdout
