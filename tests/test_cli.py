"""Tests for linkchart.cli: the validate and info subcommands, exit codes, problems on stderr."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from linkchart.cli import main

ROOT = Path(__file__).resolve().parents[1]
GRAPH = ROOT / "graphs" / "central_asia.yaml"

GOOD = """\
linkchart: 1
title: Small
description: Two states and a movement.
sources: [{id: s, title: An article, author: A. Writer, location: "https://example.org/a"}]
nodes:
  - {id: IMT, type: organisation}
  - {id: Pakistan, type: state}
  - {id: Tajikistan, type: state}
  - {id: Lonely, type: person}
edges:
  - {from: Pakistan, relation: finances, to: IMT, confidence: alleged, time: 1999}
  - {from: Pakistan, relation: finances, to: IMT, time: "2001-2003"}
  - {from: Tajikistan, relation: shelters, to: IMT}
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "g.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_validate_a_good_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(write(tmp_path, GOOD))]) == 0
    out = capsys.readouterr().out
    assert "4 nodes, 3 edges" in out
    assert "  finances  2\n" in out and "  shelters  1\n" in out
    assert "  state         2\n" in out and "  organisation  1\n" in out


def test_validate_a_bad_file_prints_every_problem(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = GOOD.replace('to: IMT, time: "2001', 'to: IMTT, time: "2001').replace("time: 1999", "time: 1990s")
    path = write(tmp_path, bad)
    assert main(["validate", str(path)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("2 problems found:\n")
    assert (
        f"{path}:11: edges[0].time: '1990s' is not a year or an interval of years [bad-year]" in captured.err
    )
    assert f"{path}:12: edges[1].to: unknown node 'IMTT' [unknown-node]" in captured.err
    assert "hint: did you mean 'IMT'?" in captured.err


def test_validate_a_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(tmp_path / "none.yaml")]) == 1
    assert "[source-unreadable]" in capsys.readouterr().err


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    assert main(["validate"]) == 2
    assert main(["frobnicate", "x"]) == 2
    assert "usage: linkchart" in capsys.readouterr().err


def test_info(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["info", str(write(tmp_path, GOOD))]) == 0
    out = capsys.readouterr().out
    assert out.startswith("title: Small\ndescription: Two states and a movement.\nsources: 1\n")
    assert "  s: An article; A. Writer <https://example.org/a>\n" in out
    assert "relations (taken as they appear): finances, shelters\n" in out
    assert "confidence: confirmed 0.95, reported 0.75, alleged 0.5, possible 0.25\n" in out
    assert "edges by confidence:\n  confirmed  2\n  alleged    1\n" in out
    assert "time span: 1999-2003 (2 dated edges, 1 undated)\n" in out
    assert "parallel edges: 2 " in out
    assert "isolated nodes: 1: Lonely\n" in out


def test_info_of_the_central_asia_graph(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["info", str(GRAPH)]) == 0
    out = capsys.readouterr().out
    assert "smith: " in out and "borders (undirected)" in out


def test_the_console_script_module_runs(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "linkchart.cli", "validate", str(write(tmp_path, GOOD))],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0 and "valid" in result.stdout


def test_a_reader_that_goes_away_is_no_error() -> None:
    # `linkchart info FILE | head -1`: the pipe is closed before the command writes.
    proc = subprocess.Popen(
        [sys.executable, "-c", "import sys; from linkchart.cli import main; sys.exit(main())",
         "info", str(GRAPH)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=60) == 0
    assert "Traceback" not in err and "BrokenPipeError" not in err
