"""linkchart.reporting.sources: the report's conflicts between sources and its actors resting
on one source, presented from the analysis (text, Markdown, plain data)."""

from __future__ import annotations

import csv
import warnings
from pathlib import Path

import pytest
import yaml

import linkchart
from linkchart import Decision, MergeWarning, Relation, Vocabulary, from_records, load, merge, report
from linkchart.reporting.sources import SOURCES_SHOWN

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


def graded_chart() -> linkchart.LinkChart:
    """Three sources (ICG graded B, a verdict ungraded, the press F), an edge with two items
    of two sources (one graded 2), one item graded 6, and an unquoted report."""
    v = Vocabulary(relations=(Relation("knows", directed=False),))
    nodes = [{"id": x, "type": "person"} for x in "ABCDE"]
    edges = [
        {
            "from": "A",
            "relation": "knows",
            "to": "B",
            "source": "icg",
            "evidence": [{"quote": "A met B", "credibility": 2}, {"quote": "B knew A", "source": "court"}],
        },
        {"from": "B", "relation": "knows", "to": "C", "source": "court", "evidence": "B and C"},
        {
            "from": "C",
            "relation": "knows",
            "to": "D",
            "source": "icg",
            "evidence": [{"quote": "C saw D", "credibility": 6}],
        },
        {"from": "D", "relation": "knows", "to": "E", "source": "press"},
    ]
    sources = [
        {"id": "icg", "title": "ICG report", "reliability": "B"},
        {"id": "court", "title": "Verdict"},
        {"id": "press", "title": "Daily | Press", "reliability": "F"},
    ]
    return from_records(nodes, edges, v, sources=sources)


def test_the_report_shows_each_source_s_reliability_and_each_item_s_admiralty_code() -> None:
    r = report(graded_chart(), draws=None)
    text, md, data = r.to_text(), r.to_markdown(), r.to_dict()
    # the sources, each with its reliability, in all three forms
    assert "== sources: 3 cited by the ties read, each with its reliability (Admiralty A-F" in text
    assert "  icg    B usually reliable     2 ties  ICG report" in text
    assert "  court  ungraded               2 ties  Verdict" in text
    assert "  press  F cannot be judged     1 tie   Daily | Press" in text
    assert "| icg | B usually reliable | 2 | ICG report |" in md
    assert "| press | F cannot be judged | 1 | Daily \\| Press |" in md  # a title's | is text
    assert data["sources"]["listed"] == [
        {"id": "icg", "title": "ICG report", "reliability": "B", "ties": 2},
        {"id": "court", "title": "Verdict", "reliability": "", "ties": 2},
        {"id": "press", "title": "Daily | Press", "reliability": "F", "ties": 1},
    ]
    # the actor resting on one source, that source named with its grade
    assert r.sources.one_source == {"E": "press"}
    assert "  press [F] (1): E" in text and "- press \\[F\\] (1): E" in md
    # each evidence item with its source and its code: reliability then credibility
    assert '      "A met B" (icg, B2)\n      "B knew A" (court)\n' in text
    assert '      "C saw D" (icg, B6)' in text and "      (press, F-: no quote)" in text
    assert '[e0] A knows B (confirmed): "A met B" (icg, B2) "B knew A" (court)' in md
    ties = {t["id"]: t for b in data["bridges"] for t in b["ties"]}
    assert ties["e0"]["items"] == [
        {"quote": "A met B", "source": "icg", "grade": "B2"},
        {"quote": "B knew A", "source": "court", "grade": ""},
    ]
    assert ties["e3"]["items"] == [{"quote": "", "source": "press", "grade": "F-"}]


def test_the_report_s_bridges_csv_gives_each_tie_s_sources_with_their_codes(tmp_path: Path) -> None:
    r = report(graded_chart(), draws=None)
    r.to_csv(tmp_path / "out")
    with (tmp_path / "out" / "bridges.csv").open(encoding="utf-8", newline="") as f:
        rows = {row["edge"]: row for row in csv.DictReader(f)}
    assert rows["e0"]["sources"] == "icg, B2; court" and rows["e0"]["evidence"] == "A met B"
    assert rows["e2"]["sources"] == "icg, B6" and rows["e3"]["sources"] == "press, F-"


def test_one_ungraded_source_is_not_listed_one_graded_source_is() -> None:
    one = chart([{"from": "A", "relation": "knows", "to": "B", "source": "s"}], ["s"])
    assert "== sources" not in report(one, draws=None).to_text()
    v = Vocabulary(relations=(Relation("knows", directed=False),))
    graded = from_records(
        [{"id": x, "type": "person"} for x in "ABC"],
        [
            {"from": "A", "relation": "knows", "to": "B", "source": "s"},
            {"from": "C", "relation": "knows", "to": "B"},
        ],
        v,
        sources=[{"id": "s", "title": "One report", "reliability": "C"}],
    )
    r = report(graded, draws=None)
    assert "  s  C fairly reliable     1 tie   One report" in r.to_text()
    assert r.to_dict()["sources"]["cited"] == 1
    md = r.to_markdown()  # a finding's caveat and the limits name the source with its grade
    # a confirmed tie from a source graded C is read at 0.7125, below the firm level (reported)
    assert "Rests on 1 confirmed tie (e0, p 0.713) from s [C], mentioned once, below the firm level." in md
    assert "- The ties read come from 1 source; 1 of 2 from One report (reliability C)." in md


def test_many_sources_are_listed_the_most_cited_first_the_data_all() -> None:
    many = [f"s{k:02d}" for k in range(SOURCES_SHOWN + 5)]
    edges = [{"from": "A", "relation": "knows", "to": "B", "source": s} for s in many]
    edges += [{"from": "B", "relation": "knows", "to": "D", "source": "s34"}]  # s34 cited twice
    r = report(chart(edges, many), draws=None)
    text = r.to_text().split("== sources:")[1].split("\n\n")[0]
    listed = [line.split()[0] for line in text.splitlines()[1:] if not line.startswith("  ...")]
    assert len(listed) == SOURCES_SHOWN and listed[-1] == "s34" and listed[:2] == ["s00", "s01"]
    assert "  ... and 5 more, each cited by fewer ties (the data lists all)" in text
    assert "... and 5 more" in r.to_markdown()
    assert len(r.to_dict()["sources"]["listed"]) == SOURCES_SHOWN + 5


def test_a_tie_is_firm_or_weak_by_its_probability_not_its_written_level() -> None:
    # issue 23: the combined probability is what every measure reads, and so what "firm" means:
    # a reported tie from a source graded E is weak; an alleged tie three sources report is firm
    v = Vocabulary(relations=(Relation("knows", directed=False),))
    three = [{"quote": q, "source": s} for q, s in (("x", "s1"), ("y", "s2"), ("z", "s3"))]
    texts = {s: "x y z" for s in ("s1", "s2", "s3", "e")}
    chart = from_records(
        [{"id": x, "type": "person"} for x in "ABCD"],
        [
            {"from": "A", "relation": "knows", "to": "B", "confidence": "reported", "source": "e"},
            {"from": "B", "relation": "knows", "to": "C", "confidence": "alleged", "evidence": three},
            {"from": "C", "relation": "knows", "to": "D", "confidence": "reported"},
        ],
        v,
        sources=[{"id": s, "reliability": "E" if s == "e" else "B", "text": t} for s, t in texts.items()],
    )
    weak, strong, plain = chart.edges.probability.tolist()
    scale = chart.vocabulary.confidence
    assert weak < scale.threshold("reported") <= strong and plain == scale.threshold("reported")
    firm, levels = linkchart.analysis.analyze.firm_chart(chart, ("knows",), "reported")
    assert firm is not None and levels == ("alleged", "possible")
    assert [e.id for e in firm.edges_of("B")] == ["e1"]  # the graded-down e0 is left out, e1 kept
    r = report(chart, draws=None)
    (ab,) = [b for b in r.bridges if {b.a, b.b} == {"A", "B"}]
    assert ab.note == f"rests on 1 reported tie (p {weak:.3g}, graded below reported)"
    (bc,) = [b for b in r.bridges if {b.a, b.b} == {"B", "C"}]
    assert bc.note == ""  # alleged, but three sources make it firm
    text = r.to_text()
    assert f"1 alleged tie (e1, p {strong:.3g}) from 3 sources" in text
    assert "2 of the 3 bridges rest on a single report" in text  # e1 is three reports
