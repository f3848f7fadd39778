"""examples/split_sources.py and its data: the shipped split is what the script makes, as documented."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

import linkchart

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "examples" / "split_sources.py"
DATA = ROOT / "examples" / "data"


def test_the_vendored_network_is_krebs_as_documented() -> None:
    chart = linkchart.load(DATA / "krebs_911" / "krebs_911.yaml")
    assert (chart.number_of_nodes, chart.number_of_edges) == (60, 125)
    assert sum(1 for n in chart.iter_nodes() if n.attributes["hijacker"] == "yes") == 19
    assert sum(1 for e in chart.iter_edges() if e.attributes["prior_contact"] == "yes") == 27
    assert all(e.from_id != e.to_id for e in chart.iter_edges())  # the diagonal entry left out
    assert "Mohamed Atta" in chart and "Ramzi Bin al Shibh" in chart
    readme = (DATA / "README.md").read_text(encoding="utf-8")
    assert "networkdata" in readme and "MIT licence" in readme and "Krebs" in readme
    split = readme.split("## `split/`")[1]  # the split states its own provenance and licence
    assert "**Provenance.**" in split and "**Licence.**" in split and "MIT licence" in split


def test_the_shipped_split_is_what_the_script_makes(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--check"], capture_output=True, text=True, check=False, cwd=tmp_path
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "the shipped split is what the script makes" in done.stdout
    other = subprocess.run(
        [sys.executable, str(SCRIPT), "--out", str(tmp_path / "s7"), "--seed", "7"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "wrote" in other.stdout
    assert (tmp_path / "s7" / "truth.yaml").read_text() != (DATA / "split" / "truth.yaml").read_text()


@pytest.fixture(scope="module")
def truth() -> dict[str, object]:
    loaded: dict[str, object] = yaml.safe_load((DATA / "split" / "truth.yaml").read_text(encoding="utf-8"))
    return loaded


def test_the_split_is_as_documented(truth: dict[str, object]) -> None:
    a = linkchart.load(DATA / "split" / "source_a.yaml")
    b = linkchart.load(DATA / "split" / "source_b.yaml")
    counts = truth["counts"]
    assert isinstance(counts, dict)
    # about 70% of the ties each, every tie in at least one source
    assert a.number_of_edges == counts["ties_in_both"] + counts["ties_in_a_only"] == 88
    assert b.number_of_edges == counts["ties_in_both"] + counts["ties_in_b_only"] == 87
    assert counts["ties_in_both"] + counts["ties_in_a_only"] + counts["ties_in_b_only"] == 125
    # 30% of B's people respelt; 5% of the shared ties (rounded up) hostile in B
    assert counts["variants"] == round(0.3 * b.number_of_nodes)
    assert counts["contradictions"] == 3
    hostile = [e for e in b.iter_edges() if e.relation == "opposed_to"]
    assert len(hostile) == 3 and b.vocabulary.relation("opposed_to").sign == "negative"
    assert {e.relation for e in a.iter_edges()} == {"associated_with"}
    # the truth holds: each variant is a node of B, its original one of A (or of neither)
    variants = truth["variants"]
    assert isinstance(variants, list)
    for v in variants:
        assert v["b"] in b and v["b"] != v["original"]
        assert (v["original"] in a) == v["in_a"] and v["original"] not in b
    # where each original tie went
    ties = truth["ties"]
    assert isinstance(ties, list) and len(ties) == 125
    names = {v["b"]: v["original"] for v in variants}
    for t in ties:
        for key, chart in (("a", a), ("b", b)):
            if t[key] is not None:
                e = chart.edge(t[key])
                ends = {names.get(e.from_id, e.from_id), names.get(e.to_id, e.to_id)}
                assert ends == set(t["original"])
        assert t["contradicts"] == (t["b"] is not None and b.edge(t["b"]).relation == "opposed_to")
