"""examples/central_asia_report.py: runs on its own and answers the four questions with evidence."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

import linkchart

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "examples" / "central_asia_report.py"


@pytest.fixture(scope="module")
def output(tmp_path_factory: pytest.TempPathFactory) -> str:
    # Run from an unrelated folder: the script must find the graph next to itself.
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


def section(text: str, number: int) -> str:
    start = text.index(f"\n{number}. ")
    end = text.find(f"\n{number + 1}. ", start)
    return text[start : end if end >= 0 else None]


def test_four_questions_in_order(output: str) -> None:
    chart = linkchart.load(ROOT / "graphs" / "central_asia.yaml")
    size = f"{chart.number_of_nodes} nodes, {chart.number_of_edges} edges"
    assert output.startswith(f"The IMT network in Central Asia (Smith): {size}")
    positions = [output.index(f"\n{k}. ") for k in (1, 2, 3, 4)]
    assert positions == sorted(positions)


def test_bridge_between_regions(output: str) -> None:
    part = section(output, 1)
    table_row = re.search(r"^\s+IMT\s+transnational\s+(\d+)", part, re.MULTILINE)
    assert table_row and int(table_row.group(1)) > 20
    assert "IMT is the bridge" in part
    assert "Places tied to both regions on the presence and geography layers" in part and "Tajikistan" in part
    assert '"the northern Badakhshan province, near Tajikistan\u2019s borders"' in part


def test_staging_ground_is_tajikistan(output: str) -> None:
    part = section(output, 2)
    assert "ends most often in Tajikistan" in part
    assert "IMT --stages_from--> Tajikistan" in part
    assert "Surkhandarya incursion 2000 --launched_from--> Shaartuz" in part


def test_single_points_of_failure(output: str) -> None:
    part = section(output, 3)
    chart = linkchart.load(ROOT / "graphs" / "central_asia.yaml")
    assert f"{len(linkchart.bridges(chart))} ties are bridges" in part
    assert f"{len(linkchart.articulation_points(chart))} nodes" in part
    assert "bridge IMT -- Northern Alliance field commanders" in part
    assert "articulation point IMT (organisation)" in part


def test_brokers_between_organisations_and_states(output: str) -> None:
    part = section(output, 4)
    default, everything = part.split("Read every tie as a channel instead")
    # on cooperative ties no state brokers between organisations
    assert "itinerant: none" in default
    assert "representative: Government of Tajikistan (organisation)" in default
    # read as round 1 did, Pakistan is the itinerant broker, through its counter-terrorism
    assert "itinerant: Pakistan (state)" in everything and "--counters-->" in everything


def test_every_quoted_tie_has_its_evidence_from_the_graph(output: str) -> None:
    chart = linkchart.load(ROOT / "graphs" / "central_asia.yaml")
    quoted = re.findall(r"\[(e\d+)\] (.+?) --(\w+)--> (.+?) \((\w+)\)\n\s+\"(.+?)\"", output, re.DOTALL)
    assert len(quoted) >= 20
    for edge_id, src, relation, dst, confidence, evidence in quoted:
        edge = chart.edge(edge_id)
        assert (edge.from_id, edge.relation, edge.to_id, edge.confidence) == (src, relation, dst, confidence)
        assert " ".join(evidence.split()) == " ".join(edge.evidence.split())
