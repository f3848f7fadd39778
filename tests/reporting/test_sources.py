"""linkchart.reporting.sources: the report's conflicts between sources and its actors resting
on one source, presented from the analysis (text, Markdown, plain data)."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest
import yaml

import linkchart
from linkchart import Decision, MergeWarning, Relation, Vocabulary, from_records, load, merge, report

ROOT = Path(__file__).resolve().parents[2]
SPLIT = ROOT / "examples" / "data" / "split"


@pytest.fixture(scope="module")
def merged() -> linkchart.LinkChart:
    a, b = load(SPLIT / "source_a.yaml"), load(SPLIT / "source_b.yaml")
    truth = yaml.safe_load((SPLIT / "truth.yaml").read_text(encoding="utf-8"))
    same = [Decision((v["original"], v["b"]), True) for v in truth["variants"] if v["in_a"]]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", MergeWarning)
        return merge(a, b, decisions=same)


def test_the_analysis_finds_the_conflicts_and_the_report_presents_them(merged: linkchart.LinkChart) -> None:
    found = linkchart.analyze(merged, draws=None)
    assert found.structure("conflicts").counts() == {"sign": 3}
    r = report(found, draws=None)
    doc = r.to_dict()["sources"]
    assert doc["cited"] == 2 and doc["conflicts"]["counts"] == {"sign": 3}
    assert doc["conflicts"] == linkchart.conflicts(merged).to_dict()
    sides = {frozenset(c["edges"]) for c in doc["conflicts"]["conflicts"]}
    assert frozenset(("e33", "e38-2")) in sides
    text = r.to_text()
    assert "== conflicts between sources: 3 (3 sign), listed, never averaged away" in text
    assert "  sign: Abdul Aziz Al Omari -- Mohamed Atta: friendly by one source, hostile by another" in text
    assert "      edges: e33, e38-2" in text
    assert text.index("== conflicts between sources") < text.index("== degree")
    md = r.to_markdown()
    assert "## Conflicts between sources" in md and "(edges e33, e38-2; sources a, b)" in md


def test_the_actors_resting_on_one_of_several_sources_are_listed(merged: linkchart.LinkChart) -> None:
    r = report(merged, draws=None)
    resting = linkchart.one_source(merged, relations=["associated_with"])
    assert r.to_dict()["sources"]["one_source"] == resting and resting
    on_a = [n for n, s in resting.items() if s == "a"]
    assert f"  a ({len(on_a)}): {', '.join(on_a)}" in r.to_text()
    assert f"- a ({len(on_a)}): " in r.to_markdown()


def chart(edges: list[dict[str, str]], sources: list[str]) -> linkchart.LinkChart:
    v = Vocabulary(relations=(Relation("knows", directed=False), Relation("fights", sign="negative")))
    nodes = [{"id": x, "type": "person"} for x in ("A", "B", "C*<b>", "D")]
    return from_records(nodes, edges, v, sources=[{"id": s} for s in sources])


def test_no_section_without_conflicts_nor_actors_on_one_of_several_sources() -> None:
    one = chart([{"from": "A", "relation": "knows", "to": "B", "source": "s"}], ["s"])
    r = report(one, draws=None)  # one source: every actor on it, the limits say so
    assert r.sources.cited == 1 and not r.sources.shown
    assert "== conflicts" not in r.to_text() and "resting on one source" not in r.to_text()
    assert "## Conflicts" not in r.to_markdown() and "## Resting" not in r.to_markdown()
    assert r.to_dict()["sources"]["conflicts"] == {"counts": {}, "conflicts": []}


def test_data_in_the_markdown_section_is_text_never_markup() -> None:
    c = chart(
        [
            {"from": "A", "relation": "knows", "to": "C*<b>", "source": "s"},
            {"from": "A", "relation": "fights", "to": "C*<b>", "source": "t"},
            {"from": "B", "relation": "knows", "to": "D", "source": "t"},
        ],
        ["s", "t"],
    )
    r = report(c, draws=None)
    assert r.sources.conflicts.counts() == {"sign": 1}
    md = r.to_markdown()
    assert "C\\*\\<b\\>" in md and "C*<b>" not in md.split("## Conflicts between sources")[1].split("##")[0]
