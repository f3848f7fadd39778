"""examples/affiliation_davis.py: runs on its own, states its provenance, and its data is Davis's."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest

import linkchart

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "examples" / "affiliation_davis.py"
DATA = ROOT / "examples" / "data" / "davis_southern_women.csv"


@pytest.fixture(scope="module")
def output(tmp_path_factory: pytest.TempPathFactory) -> str:
    done = subprocess.run(
        [sys.executable, str(SCRIPT)],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path_factory.mktemp("elsewhere"),
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    return done.stdout


def test_the_shipped_matrix_is_the_published_one() -> None:
    g = nx.davis_southern_women_graph()
    c = linkchart.load_matrix(DATA, rows="woman", columns="event")
    assert c.nodes_of_type("woman") == tuple(g.graph["top"])  # the published order
    assert c.nodes_of_type("event") == tuple(g.graph["bottom"])
    assert {frozenset((e.from_id, e.to_id)) for e in c.iter_edges()} == {frozenset(e) for e in g.edges()}
    assert c.number_of_edges == 89


def test_provenance_and_findings(output: str) -> None:
    assert "Davis's Southern Women: 32 nodes, 89 attendances" in output
    assert "Deep South" in output and "BSD-3-Clause" in output and "examples/data/README.md" in output
    two_mode = output[output.index("betweenness: women") :]
    assert two_mode.splitlines()[1].split() == ["Nora", "Fayette", "0.113"]
    assert "  E8                     0.244" in output
    assert "seven women tie for first" in output
    weighted = output[output.index("Newman weights read as distances") :].splitlines()
    assert weighted[1].split() == ["Nora", "Fayette", "60.000"]
    assert "rests on\nthe cells davis_southern_women!C2 and davis_southern_women!C4" in output
    assert "500 draws, 10% of the edges dropped at random; seed 0" in output
