"""``linkchart info``: sources, vocabulary (each relation's direction, sign, layer and reading),
counts, time span, parallel edges and isolated nodes; ``--json`` as data."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

import linkchart
from linkchart.cli import main


def test_describes_a_file(
    small: Path, write: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["info", str(small)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("title: Small\ndescription: Two states and a movement.\nsources: 1\n")
    assert "  s: An article; A. Writer <https://example.org/a>\n" in out
    assert "relations (taken as they appear): 2 in 1 layer (common)\n" in out
    assert "  finances  directed    positive  common  read by default\n" in out
    assert "default reading: read on all 3 ties: positive ties\n" in out
    assert "confidence: confirmed 0.95, reported 0.75, alleged 0.5, possible 0.25\n" in out
    assert "edges by confidence:\n  confirmed  2\n  alleged    1\n" in out
    assert "time span: 1999-2003 (2 dated edges, 1 undated)\n" in out
    assert "parallel edges: 2 " in out
    assert "isolated nodes: 1: Lonely\n" in out
    text = small.read_text(encoding="utf-8")
    dated = text.replace('"https://example.org/a"}', '"https://example.org/a", date: 2004}')  # a year
    dated = dated.replace("to: IMT}", "to: IMT, source: s}")
    assert main(["info", str(write(dated, "dated.yaml"))]) == 0
    out = capsys.readouterr().out
    assert "time span: 1999-2003 (2 dated edges, 1 undated, 1 of them dated by their source's date)\n" in out


def test_shows_each_relations_sign_layer_and_reading(graph: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Defect 16: which ties the measures read is visible before any analysis."""
    assert main(["info", graph]) == 0
    out = capsys.readouterr().out
    assert "smith: " in out
    assert (
        "relations: 37 in 7 layers (operational, political, example, geography, statement, presence, "
        "event; read by default: operational, political)\n" in out
    )
    table = out.split("read by default: operational, political)\n", 1)[1].split("default reading:", 1)[0]
    rows = {line.split()[0]: line.split(None, 4)[1:] for line in table.splitlines()}
    assert len(rows) == 37
    assert rows["patron_of"] == ["directed", "positive", "operational", "read by default"]
    assert rows["borders"] == ["undirected", "neutral", "geography", "not read by default"]
    assert rows["counters"] == ["directed", "negative", "political", "not read by default"]
    assert rows["example_of"] == ["directed", "positive", "example", "never read (reading: none)"]
    assert (
        "default reading: read on 18 of 92 ties: positive ties of the layers operational, political;" in out
    )


def test_json_is_the_same_description_as_data(graph: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["info", graph, "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["ok"] is True and (doc["nodes"], doc["edges"]) == (44, 92)
    relations = {r["name"]: r for r in doc["relations"]}
    assert relations["counters"] == {
        "name": "counters",
        "directed": True,
        "sign": "negative",
        "layer": "political",
        "reading": "tie",
        "read_by_default": False,
    }
    read = linkchart.reading(linkchart.load(graph)).relations
    assert [r["name"] for r in doc["relations"] if r["read_by_default"]] == list(read)
    assert doc["default_layers"] == ["operational", "political"]
    assert doc["reading"].startswith("read on 18 of 92 ties")
    assert sum(doc["edges_by_relation"].values()) == 92 and doc["isolated_nodes"] == []
    assert doc["time_span"] == "1997-2000" and doc["dated_edges"] == 13


def test_node_classes(affiliations: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["info", str(affiliations)]) == 0
    out = capsys.readouterr().out
    assert "node types: person (agent), meeting (event)\n" in out
    assert "relations: 2 in 2 layers (event, social; read by default: social)\n" in out
    assert "  knows     undirected  positive  social  read by default\n" in out


def test_says_each_source_s_grade_and_which_parallel_edges_may_be_one_claim(
    write: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 23: a graded source's reliability, and the parallel edges of several sources that
    could be one edge with an evidence list (``linkchart.same_claims``)."""
    graded = write(
        """linkchart: 1
title: Two reports
sources:
  - {id: icg, title: ICG, reliability: B}
  - {id: court, title: Verdict}
nodes:
  - {id: A, type: person}
  - {id: B, type: person}
edges:
  - {from: A, relation: funds, to: B, source: icg}
  - {from: A, relation: funds, to: B, source: court}
  - {from: A, relation: funds, to: B, source: court}
""",
        "graded.yaml",
    )
    assert main(["info", str(graded)]) == 0
    out = capsys.readouterr().out
    assert "  icg: ICG [reliability B]\n  court: Verdict\n" in out
    assert (
        "parallel edges that may be one claim of several sources: 1 (e0, e1, e2; each may be one edge "
        "with an evidence list)\n" in out
    )
    assert main(["info", str(graded), "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert [s["reliability"] for s in doc["sources"]] == ["B", ""]
    assert doc["same_claims"] == [{"edges": ["e0", "e1", "e2"], "sources": ["icg", "court"]}]
    assert doc["same_claims"] == [
        {"edges": list(c.edges), "sources": list(c.sources)}
        for c in linkchart.same_claims(linkchart.load(graded))
    ]
