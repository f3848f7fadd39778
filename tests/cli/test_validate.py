"""``linkchart validate``: a summary, or every problem located; ``--json`` as data."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from linkchart.cli import main


def test_a_good_file(small: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(small)]) == 0
    out = capsys.readouterr().out
    assert "4 nodes, 3 edges" in out
    assert "  finances  2\n" in out and "  shelters  1\n" in out
    assert "  state         2\n" in out and "  organisation  1\n" in out


def test_a_bad_file_prints_every_problem(
    write: Callable[..., Path], small: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = small.read_text(encoding="utf-8")
    path = write(
        text.replace('to: IMT, time: "2001', 'to: IMTT, time: "2001').replace("time: 1999", "time: 1990s")
    )
    assert main(["validate", str(path)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("2 problems found:\n")
    assert f"{path}:11: edges[0].time: '1990s' is not a time [bad-time]" in captured.err
    assert f"{path}:12: edges[1].to: unknown node 'IMTT' [unknown-node]" in captured.err
    assert "hint: did you mean 'IMT'?" in captured.err


def test_json_lists_problems_as_data(
    write: Callable[..., Path], small: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = small.read_text(encoding="utf-8")
    bad = write(good.replace('to: IMT, time: "2001', 'to: IMTT, time: "2001'), "bad.yaml")
    assert main(["validate", str(bad), "--json"]) == 1
    captured = capsys.readouterr()
    doc = json.loads(captured.out)
    assert doc["valid"] is False and [p["code"] for p in doc["problems"]] == ["unknown-node"]
    assert doc["problems"][0]["loc"] == ["edges", 1, "to"] and doc["problems"][0]["line"] == 12
    assert captured.err == ""  # the problems are the answer here, not an error
    assert main(["validate", str(small), "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc == {"file": str(small), "valid": True, "nodes": 4, "edges": 3, "problems": [], "warnings": []}


def test_a_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(tmp_path / "none.yaml")]) == 1
    assert "[source-unreadable]" in capsys.readouterr().err


def test_warnings_are_printed_located_and_the_file_stays_valid(
    write: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    text = (
        "linkchart: 1\ntitle: Lives\nnodes:\n  - {id: a, type: person, time: 1994-}\n"
        "  - {id: b, type: person}\nedges:\n  - {from: a, relation: r, to: b, time: 1990-03}\n"
    )
    path = write(text)
    assert main(["validate", str(path)]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith(f"{path}: valid")
    assert captured.err.startswith(f"warning: {path}:7: edges[0].time: the tie dated 1990-03 lies outside")
    assert "[outside-lifespan]" in captured.err and "hint:" in captured.err
    assert main(["validate", str(path), "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["valid"] is True and [w["code"] for w in doc["warnings"]] == ["outside-lifespan"]
