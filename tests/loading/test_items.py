"""Evidence lists (linkchart.loading.items): items from several sources, each quote checked
against its own source's text; graded sources and items; the file's ``grades:``."""

from __future__ import annotations

from pathlib import Path

import pytest

import linkchart
from linkchart import LoadError

HEAD = """linkchart: 1
title: two reports
sources:
  - {id: icg, location: icg.txt, reliability: B}
  - {id: court, location: court.txt}
nodes:
  - {id: A, type: person}
  - {id: B, type: person}
"""


def write(tmp_path: Path, edges: str, head: str = HEAD) -> Path:
    (tmp_path / "icg.txt").write_text("A is said to finance B through a cousin.", encoding="utf-8")
    (tmp_path / "court.txt").write_text("The court found that A paid B in 2001.", encoding="utf-8")
    path = tmp_path / "g.yaml"
    path.write_text(head + "edges:\n" + edges, encoding="utf-8")
    return path


def problems(path: Path) -> list[tuple[str, str]]:
    with pytest.raises(LoadError) as err:
        linkchart.load(path)
    return [(p.code, p.path) for p in err.value.problems]


def test_each_quote_is_checked_against_its_own_source(tmp_path: Path) -> None:
    good = """  - from: A
    relation: funds
    to: B
    source: icg
    evidence:
      - {quote: "A is said to finance B"}
      - {quote: "A paid B in 2001", source: court, credibility: 2, time: 2001}
"""
    c = linkchart.load(write(tmp_path, good))
    items = c.edge("e0").evidence_items
    assert [(i.source, i.credibility) for i in items] == [(None, None), ("court", 2)]
    assert items[1].time is not None and items[1].time.text == "2001"
    # icg: confirmed 0.95 x B 0.9; court: credibility 2, 0.8; noisy-OR
    assert c.edge("e0").probability == pytest.approx(1 - (1 - 0.855) * (1 - 0.8))
    # the court's words quoted as the ICG's (the edge's source) are not in the ICG's text
    swapped = good.replace(
        '{quote: "A paid B in 2001", source: court', '{quote: "A paid B in 2001", source: icg'
    )
    assert problems(write(tmp_path, swapped)) == [("evidence-not-found", "edges[0].evidence[1].quote")]
    default_source = good.replace('- {quote: "A is said to finance B"}', '- {quote: "A paid B"}')
    assert problems(write(tmp_path, default_source)) == [("evidence-not-found", "edges[0].evidence[0].quote")]


def test_a_single_quote_and_plain_text_items_stay_valid(tmp_path: Path) -> None:
    edges = """  - {from: A, relation: funds, to: B, source: icg, evidence: "A is said to finance B"}
  - {from: A, relation: funds, to: B, source: icg, evidence: ["A is said", "through a cousin"]}
"""
    c = linkchart.load(write(tmp_path, edges))
    assert c.edge("e0").evidence_items == () and c.edge("e0").evidence == "A is said to finance B"
    assert [i.quote for i in c.edge("e1").evidence_items] == ["A is said", "through a cousin"]
    assert c.edges.probability.tolist() == pytest.approx([0.855, 0.855])  # one source: its maximum


def test_an_item_may_be_a_source_s_unquoted_report_of_the_tie(tmp_path: Path) -> None:
    edges = "  - {from: A, relation: funds, to: B, source: icg,\n"
    edges += "     evidence: [{quote: A is said}, {source: court}]}\n"
    c = linkchart.load(write(tmp_path, edges))
    items = c.edge("e0").evidence_items
    assert [(i.quote, i.source) for i in items] == [("A is said", None), ("", "court")]
    assert [i.value for i in items] == [{"quote": "A is said"}, {"source": "court"}]
    # icg: confirmed 0.95 x B 0.9; court: confirmed 0.95; noisy-OR
    assert c.edge("e0").probability == pytest.approx(1 - (1 - 0.855) * (1 - 0.95))


@pytest.mark.parametrize(
    ("item", "code", "path"),
    [
        ("{credibility: 2}", "missing-field", "edges[0].evidence[0].quote"),
        ("{quote: '', source: icg}", "evidence-not-found", "edges[0].evidence[0].quote"),
        ("{quote: '...'}", "evidence-not-found", "edges[0].evidence[0].quote"),
        ("{quote: A is said, source: press}", "unknown-source", "edges[0].evidence[0].source"),
        ("{quote: A is said, confidence: sure}", "bad-confidence", "edges[0].evidence[0].confidence"),
        ("{quote: A is said, credibility: 7}", "bad-grade", "edges[0].evidence[0].credibility"),
        ("{quote: A is said, credibility: true}", "bad-grade", "edges[0].evidence[0].credibility"),
        ("{quote: A is said, time: 1990s}", "bad-time", "edges[0].evidence[0].time"),
        ("{quote: A is said, page: 3}", "unknown-field", "edges[0].evidence[0].page"),
        ("3", "wrong-type", "edges[0].evidence[0]"),
    ],
)
def test_bad_items_are_located(tmp_path: Path, item: str, code: str, path: str) -> None:
    edges = f"  - {{from: A, relation: funds, to: B, source: icg, evidence: [{item}]}}\n"
    assert (code, path) in problems(write(tmp_path, edges))


def test_bad_grades_are_located(tmp_path: Path) -> None:
    head = HEAD.replace("reliability: B", "reliability: G") + (
        "grades: {reliability: {A: 2, Z: 0.5}, credibility: {7: 0.1}, corroboration: sum}\n"
    )
    found = problems(write(tmp_path, "  - {from: A, relation: funds, to: B}\n", head))
    assert sorted(found) == [
        ("bad-grade", "grades.corroboration"),
        ("bad-grade", "grades.credibility.7"),
        ("bad-grade", "grades.reliability.A"),
        ("bad-grade", "grades.reliability.Z"),
        ("bad-grade", "sources[0].reliability"),
    ]


def test_the_files_grades_override_the_tables_and_survive_a_round_trip(tmp_path: Path) -> None:
    head = HEAD + "grades: {reliability: {B: 0.5}, credibility: {6: 0.3}, corroboration: max}\n"
    edges = """  - from: A
    relation: funds
    to: B
    evidence:
      - {quote: "A is said to finance B", source: icg}
      - {quote: "A paid B in 2001", source: court, credibility: 6}
"""
    c = linkchart.load(write(tmp_path, edges, head))
    assert c.vocabulary.grades.corroboration == "max"
    assert c.edge("e0").probability == pytest.approx(max(0.95 * 0.5, 0.3))
    again = linkchart.load(linkchart.export(c, tmp_path / "again.yaml"))
    assert again == c and again.vocabulary.grades == c.vocabulary.grades


def test_a_csv_cell_holds_an_evidence_list_as_json(tmp_path: Path) -> None:
    (tmp_path / "nodes.csv").write_text("id,type\nA,person\nB,person\n", encoding="utf-8")
    (tmp_path / "edges.csv").write_text(
        "from,relation,to,source,evidence\n"
        'A,funds,B,icg,"[{""quote"": ""A is said"", ""source"": ""icg""}, '
        '{""quote"": ""A paid B"", ""source"": ""court""}]"\n'
        "A,funds,B,icg,[He] is said to finance B\n",
        encoding="utf-8",
    )
    head = HEAD.split("nodes:")[0].replace(", location: icg.txt", "").replace(", location: court.txt", "")
    path = tmp_path / "g.yaml"
    path.write_text(head + "nodes: {csv: nodes.csv}\nedges: {csv: edges.csv}\n", encoding="utf-8")
    c = linkchart.load(path)
    assert [i.source for i in c.edge("e0").evidence_items] == ["icg", "court"]
    assert c.edge("e1").evidence == "[He] is said to finance B" and not c.edge("e1").evidence_items


ONE_ITEM = "  - {{from: A, relation: funds, to: B, source: icg, evidence: [{}]}}\n"


@pytest.mark.parametrize("written", ["2.0", "'2'", "'2.0'"])
def test_a_whole_credibility_written_as_a_float_or_text_is_the_grade(tmp_path: Path, written: str) -> None:
    edges = ONE_ITEM.format(f"{{quote: A is said, credibility: {written}}}")
    c = linkchart.load(write(tmp_path, edges))
    (item,) = c.edge("e0").evidence_items
    assert item.credibility == 2 and type(item.credibility) is int
    assert c.edge("e0").probability == pytest.approx(0.8 * 0.9)  # credibility 2 x B


@pytest.mark.parametrize("written", ["2.5", "0.0", "7.0", ".nan", "'two'"])
def test_a_credibility_that_is_no_grade_is_located(tmp_path: Path, written: str) -> None:
    edges = ONE_ITEM.format(f"{{quote: A is said, credibility: {written}}}")
    assert problems(write(tmp_path, edges)) == [("bad-grade", "edges[0].evidence[0].credibility")]


def test_a_credibility_from_pandas_or_a_csv_json_cell_is_the_grade(tmp_path: Path) -> None:
    np = pytest.importorskip("numpy")
    edges = [
        {"from": "A", "relation": "funds", "to": "B", "source": "icg"}
        | {"evidence": [{"quote": "A is said", "credibility": np.float64(2.0)}]}
    ]
    sources = [{"id": "icg"}]
    c = linkchart.from_records(
        [{"id": "A", "type": "person"}, {"id": "B", "type": "person"}], edges, sources=sources
    )
    assert c.edge("e0").evidence_items[0].credibility == 2
    (tmp_path / "edges.csv").write_text(
        "from,relation,to,source,evidence\n"
        'A,funds,B,icg,"[{""quote"": ""A is said"", ""credibility"": 2.0}]"\n',
        encoding="utf-8",
    )
    head = HEAD.replace("nodes:", "edges: {csv: edges.csv}\nnodes:")
    (tmp_path / "icg.txt").write_text("A is said to finance B.", encoding="utf-8")
    (tmp_path / "court.txt").write_text("", encoding="utf-8")
    (tmp_path / "g.yaml").write_text(head, encoding="utf-8")
    c = linkchart.load(tmp_path / "g.yaml")
    assert c.edge("e0").evidence_items[0].credibility == 2
    again = linkchart.load(linkchart.export(c, tmp_path / "again.xlsx"))
    assert again.edge("e0").evidence_items[0].credibility == 2


def test_a_grades_table_key_written_as_a_float_is_the_grade(tmp_path: Path) -> None:
    head = HEAD + "grades: {credibility: {2.0: 0.5}}\n"
    edges = "  - {from: A, relation: funds, to: B, source: court,\n"
    edges += "     evidence: [{quote: A paid B, credibility: 2}]}\n"
    assert linkchart.load(write(tmp_path, edges, head)).edge("e0").probability == pytest.approx(0.5)
