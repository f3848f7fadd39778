"""linkchart.analysis.merge_sources: one document is one source in a merge, so that it never
corroborates itself; two documents under one id stay two."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from linkchart import LinkChart, LinkchartError, MergeWarning, export, load, merge, merge_charts
from linkchart.cli import main

CHART = """linkchart: 1
title: T
sources:
  - {id: icg, title: ICG 2001, location: src/icg.txt, reliability: B}
  - {id: court, location: src/court.txt, reliability: A}
relations: {leads: {directed: true}, funds: {directed: true}}
nodes:
  - {id: Namangani, type: person}
  - {id: IMU, type: organisation}
  - {id: Pakistan, type: state}
edges:
  - {from: Namangani, relation: leads, to: IMU, source: icg, confidence: reported, evidence: Namangani leads}
  - from: IMU
    relation: funds
    to: Pakistan
    source: icg
    confidence: alleged
    evidence: [Money via Pakistan, {quote: Paid in Karachi, source: court}]
"""
TEXTS = {"icg.txt": "ICG. Namangani leads the IMU. Money via Pakistan.", "court.txt": "Paid in Karachi."}


def folder(root: Path, chart: str = CHART, texts: dict[str, str] = TEXTS) -> Path:
    """A graph file and its sources' texts in ``root``."""
    (root / "src").mkdir(parents=True)
    for name, text in texts.items():
        (root / "src" / name).write_text(text, encoding="utf-8")
    (root / "g.yaml").write_text(chart, encoding="utf-8")
    return root / "g.yaml"


def probabilities(chart: LinkChart) -> dict[str, float]:
    return {e.id: round(e.probability, 9) for e in chart.iter_edges()}


def quiet(a: LinkChart, b: LinkChart, **kwargs: object) -> LinkChart:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", MergeWarning)
        return merge(a, b, **kwargs)  # type: ignore[arg-type]


def test_a_chart_merged_with_its_own_export_gives_back_its_probabilities(tmp_path: Path) -> None:
    a = load(folder(tmp_path / "a"))
    for embed in (False, True):  # an export drops location: (its text embedded, or not)
        out = tmp_path / f"out{embed}" / "a.yaml"
        out.parent.mkdir()
        export(a, out, embed_sources=embed)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            again = load(out)
        done = merge_charts(a, again)
        assert probabilities(done.chart) == probabilities(a), embed
        assert [s.id for s in done.chart.sources] == ["icg", "court"] and not done.renamed_sources
        assert done.duplicates == a.number_of_edges and not done.lines()


def test_one_id_is_one_document_unless_title_author_or_date_differ() -> None:
    from linkchart import from_records

    def chart(**source: str) -> LinkChart:
        return from_records(
            [{"id": "A", "type": "person"}, {"id": "B", "type": "person"}],
            [{"from": "A", "relation": "knows", "to": "B", "source": "icg", "evidence": "x"}],
            sources=[{"id": "icg", "title": "ICG 2001", **source}],
        )

    plain = chart()
    p = plain.edge("e0").probability
    same = [chart(location="https://example.org/icg"), chart(author="ICG"), chart(title="")]
    for other in same:  # a web address, or a field one side leaves out: one document
        m = quiet(plain, other)
        assert [s.id for s in m.sources] == ["icg"] and m.edge("e0").probability == p
        assert m.number_of_edges == 1  # the same item, kept once: no corroboration by itself
    assert quiet(plain, chart(location="https://example.org/icg")).sources[0].location.startswith("https")
    for other in (chart(title="ICG 2004"), chart(date="2004"), chart(author="x", title="Other")):
        done = merge_charts(chart(date="2001"), other)
        two = [c for c in done.conflicts if c.kind == "source"]
        assert done.renamed_sources == {"icg": "icg-2"} and two and "names two documents" in two[0].message
        assert done.chart.edge("e0").probability > p  # two documents corroborate each other


def test_a_source_graded_two_ways_is_one_source_the_lower_grade_kept_and_said() -> None:
    from linkchart import from_records

    def chart(grade: str) -> LinkChart:
        return from_records(
            [{"id": "A", "type": "person"}, {"id": "B", "type": "person"}],
            [{"from": "A", "relation": "knows", "to": "B", "source": "icg", "evidence": "x"}],
            sources=[{"id": "icg", "title": "ICG 2001", "reliability": grade}],
        )

    for first, second, kept in (("B", "E", "E"), ("E", "B", "E"), ("F", "C", "C"), ("", "B", "B")):
        done = merge_charts(chart(first), chart(second))
        assert [(s.id, s.reliability) for s in done.chart.sources] == [("icg", kept)]
        (said,) = done.conflicts
        assert said.kind == "source" and said.values == (first, second) and f"kept: {kept}" in said.message
        assert done.chart.edge("e0").probability == chart(kept).edge("e0").probability
        assert said in done.chart.noted_conflicts
        assert done.text().startswith("merged: 2 nodes, 1 edge, 1 source;")  # "1 edge", not "1 edges"


def test_the_same_text_under_two_ids_or_in_two_folders_is_one_document(tmp_path: Path) -> None:
    a = load(folder(tmp_path / "a"))
    renamed = CHART.replace("court", "verdict").replace("ICG 2001", "ICG")  # court.txt as verdict.txt
    b = load(
        folder(tmp_path / "b", renamed, {"icg.txt": TEXTS["icg.txt"], "verdict.txt": TEXTS["court.txt"]})
    )
    done = merge_charts(a, b)
    assert [s.id for s in done.chart.sources] == ["icg", "court"] and not done.renamed_sources
    assert [(x.second, x.first, x.why) for x in done.same_sources] == [("verdict", "court", "same text")]
    assert probabilities(done.chart) == probabilities(a)  # icg and court do not corroborate themselves
    said = done.text()
    assert "source 'verdict' of the second chart is 'court' of the first (same text): one document" in said
    assert "merged: 3 nodes, 2 edges, 2 sources" in said
    assert done.to_dict()["same_sources"] == [{"second": "verdict", "first": "court", "why": "same text"}]
    texts = {**TEXTS, "icg.txt": "Another text. Namangani leads. Money via Pakistan."}
    other = load(folder(tmp_path / "c", CHART, texts))
    apart = merge_charts(a, other)  # one id, two texts neither of which holds the other: two documents
    assert apart.renamed_sources == {"icg": "icg-2"} and "texts that differ" in apart.conflicts[0].message


def test_the_analyst_says_two_source_ids_are_one_document(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a = load(folder(tmp_path / "a"))
    b_file = folder(tmp_path / "b", CHART.replace("court", "trial"), {"icg.txt": TEXTS["icg.txt"],
                    "trial.txt": "Verdict (copy). Paid in Karachi."})  # fmt: skip
    b = load(b_file)
    assert merge_charts(a, b).chart.edge("e1").probability > a.edge("e1").probability  # court, trial: two
    done = merge_charts(a, b, same_source={"trial": "court"})
    assert [(x.second, x.first, x.why) for x in done.same_sources] == [("trial", "court", "said same")]
    assert probabilities(done.chart) == probabilities(a) and [s.id for s in done.chart.sources] == [
        "icg",
        "court",
    ]
    with pytest.raises(LinkchartError, match="the second chart has no source 'trail'") as err:
        merge_charts(a, b, same_source={"trail": "court"})
    assert "trial" in err.value.hint
    out = tmp_path / "m.yaml"
    argv = [
        "merge",
        str(tmp_path / "a" / "g.yaml"),
        str(b_file),
        "-o",
        str(out),
        "--same-source",
        "trial=court",
    ]
    assert main(argv) == 0
    assert "'trial' of the second chart is 'court' of the first (said same)" in capsys.readouterr().err
    assert probabilities(load(out)) == probabilities(a)


def test_one_document_said_of_two_texts_keeps_both_so_every_quote_is_checked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a_file = folder(tmp_path / "a")
    texts = {
        "icg.txt": TEXTS["icg.txt"],
        "trial.txt": "Transcript: paid in Karachi.",
    }  # neither holds the other
    b_file = folder(tmp_path / "b", CHART.replace("court", "trial").replace("Paid in", "paid in"), texts)
    done = merge_charts(load(a_file), load(b_file), same_source={"trial": "court"})
    court = done.chart.source("court")
    assert court.text == f"{TEXTS['court.txt']}\n\n{texts['trial.txt']}" and court.location == ""
    out = tmp_path / "a" / "m.yaml"  # beside A's texts: the joined text is embedded all the same
    assert main(["merge", str(a_file), str(b_file), "-o", str(out), "--same-source", "trial=court"]) == 0
    capsys.readouterr()
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # every quote checked, none unchecked
        again = load(out)
    assert again.source("court").text == court.text


def test_a_text_extracted_again_is_the_same_document(tmp_path: Path) -> None:
    # other line breaks, doubled spaces, typographic dashes: the text the quotes are checked
    # against, read as the quote check reads it, is the same; the source does not corroborate
    # itself (review rev7: 0.855 -> 0.979 from one doubled space)
    a = load(folder(tmp_path / "a"))
    again = {
        "icg.txt": "ICG.  Namangani leads\nthe IMU.\n\nMoney via Pakistan. ",
        "court.txt": "Paid  in\r\nKarachi.\n",
    }
    b = load(folder(tmp_path / "b", CHART, again))
    done = merge_charts(a, b)
    assert not done.renamed_sources and [s.id for s in done.chart.sources] == ["icg", "court"]
    assert probabilities(done.chart) == probabilities(a)
    renamed = CHART.replace("court", "verdict")
    c = load(
        folder(tmp_path / "c", renamed, {"icg.txt": TEXTS["icg.txt"], "verdict.txt": again["court.txt"]})
    )
    joined = merge_charts(a, c)
    assert [(x.second, x.first, x.why) for x in joined.same_sources] == [("verdict", "court", "same text")]
