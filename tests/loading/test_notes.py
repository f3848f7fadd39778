"""Notes on nodes and edges: read, checked against the source text, written back by every writer."""

from __future__ import annotations

from pathlib import Path

import pytest

import linkchart
from linkchart import LoadError
from linkchart.model import Note

ARTICLE = (
    "This poses a clear and present danger, especially if the IMT follows the path of Al Qaeda, "
    "the Taliban and Iraqi resistance groups of focusing on hit and run operations on soft targets.\n"
)
HEAD = """\
linkchart: 1
title: Notes
sources:
  - {id: smith, location: imt.txt}
  - {id: other}
defaults: {source: smith}
nodes:
  - id: IMT
    type: organisation
    notes:
      - Geographically scattered but re-organizing.
      - text: May turn to hit-and-run operations on soft targets.
        quote: "if the IMT follows the path of Al Qaeda ... of focusing on hit and run operations"
  - {id: Al-Qaeda, type: organisation}
edges:
  - from: IMT
    relation: operates_with
    to: Al-Qaeda
    notes: [{text: "an analyst's note", source: other}]
"""


@pytest.fixture
def article(graphs):  # type: ignore[no-untyped-def]
    """The loader fixture (tests/loading/conftest.py) with this file's article beside the graph."""
    (graphs.folder / "imt.txt").write_text(ARTICLE, encoding="utf-8")
    return graphs


def test_notes_are_read_with_their_source_and_quote(article) -> None:
    c = linkchart.load(article.write(HEAD))
    assert c.node("IMT").notes == (
        Note("Geographically scattered but re-organizing."),
        Note(
            "May turn to hit-and-run operations on soft targets.",
            "smith",  # a quote rests on the default source
            "if the IMT follows the path of Al Qaeda ... of focusing on hit and run operations",
        ),
    )
    assert c.node("Al-Qaeda").notes == ()
    assert c.edge("e0").notes == (Note("an analyst's note", "other"),)
    assert c.ego("IMT").node("IMT").notes == c.node("IMT").notes  # views keep them
    assert c.subgraph(["Al-Qaeda"]).nodes.notes == {}


def test_notes_round_trip_through_every_writer(article, tmp_path: Path) -> None:
    c = linkchart.load(article.write(HEAD))
    assert linkchart.load(linkchart.write_yaml(c, tmp_path / "copy.yaml")) == c
    assert linkchart.load(linkchart.write_csv(c, tmp_path)) == c  # chart.yaml beside g.yaml
    nodes, edges = c.to_records()
    assert nodes[1]["notes"] == [] and edges[0]["notes"] == [{"text": "an analyst's note", "source": "other"}]
    assert (
        linkchart.from_records(nodes, edges, vocabulary=c.vocabulary, title=c.title, sources=c.sources) == c
    )
    for suffix in (".graphml", ".gexf", ".json", ".xlsx", ".stix.json"):
        assert linkchart.load(linkchart.export(c, tmp_path / f"chart{suffix}")) == c, suffix
    g = c.to_networkx()
    assert g.nodes["IMT"]["notes"][0] == "Geographically scattered but re-organizing."
    # equality sees notes: the same records without them are another chart
    bare = [{**n, "notes": []} for n in nodes]
    assert linkchart.from_records(bare, edges, vocabulary=c.vocabulary, title=c.title, sources=c.sources) != c
    # Note values from a chart are accepted as records
    again = [{**n, "notes": list(c.node(n["id"]).notes)} for n in nodes]
    assert (
        linkchart.from_records(again, edges, vocabulary=c.vocabulary, title=c.title, sources=c.sources) == c
    )


def test_a_csv_cell_holds_one_note_or_a_json_list(tmp_path: Path) -> None:
    (tmp_path / "nodes.csv").write_text(
        'id,type,notes\nIMT,organisation,plain text: one note\nAQ,organisation,"[""a"", {""text"": ""b""}]"\n'
        "TB,organisation,[not json\n",
        encoding="utf-8",
    )
    (tmp_path / "g.yaml").write_text(
        "linkchart: 1\ntitle: t\nnodes: {csv: nodes.csv}\nedges: []\n", encoding="utf-8"
    )
    with pytest.raises(LoadError) as info:
        linkchart.load(tmp_path / "g.yaml")
    (p,) = info.value.problems
    assert (p.code, p.path, p.row) == ("json-syntax", "nodes[2].notes", 3) and "JSON list" in p.message
    good = "id,type,notes\nIMT,organisation,plain text: one note\n"
    good += 'AQ,organisation,"[""a"", {""text"": ""b""}]"\n'
    (tmp_path / "nodes.csv").write_text(good, encoding="utf-8")
    c = linkchart.load(tmp_path / "g.yaml")
    assert c.node("IMT").notes == (Note("plain text: one note"),)
    assert c.node("AQ").notes == (Note("a"), Note("b"))


@pytest.mark.parametrize(
    ("notes", "code", "path", "hint"),
    [
        ("[{text: x, quote: not in the article}]", "evidence-not-found", "edges[0].notes[0].quote", ""),
        ("[{text: x, source: smiht}]", "unknown-source", "edges[0].notes[0].source", "did you mean 'smith'?"),
        ("[{txt: x}]", "unknown-field", "edges[0].notes[0].txt", "did you mean 'text'?"),
        ("[{source: smith}]", "missing-field", "edges[0].notes[0].text", "write 'text: ...'"),
        ("[3]", "wrong-type", "edges[0].notes[0]", "notes: ["),
        ("[{text: x, quote: '...'}]", "evidence-not-found", "edges[0].notes[0].quote", "quote the passage"),
        ("{a: 1}", "unknown-field", "edges[0].notes[0].a", ""),
        ("['']", "missing-field", "edges[0].notes[0]", ""),
    ],
)
def test_bad_notes_are_located(article, notes: str, code: str, path: str, hint: str) -> None:
    text = HEAD.replace('notes: [{text: "an analyst\'s note", source: other}]', f"notes: {notes}")
    found = article.problems(text)
    (p,) = [p for p in found if (p.code, p.path) == (code, path)]
    assert p.line is not None and hint in p.hint
    assert {q.code for q in found} <= {code, "missing-field"}  # a mapping without text also lacks it


def test_a_quote_needs_a_source_and_a_note_is_never_a_free_attribute() -> None:
    with pytest.raises(LoadError, match=r"nodes\[0\].notes\[0\].source: a note with a quote needs a source"):
        linkchart.from_records([{"id": "A", "type": "state", "notes": [{"text": "x", "quote": "y"}]}], [])
    with pytest.raises(LoadError, match=r"nodes\[0\].attributes.notes: 'notes' is a reserved name"):
        linkchart.from_records([{"id": "A", "type": "state", "attributes": {"notes": "x"}}], [])
    c = linkchart.from_records([{"id": "A", "type": "state", "notes": "one note"}], [])
    assert c.node("A").notes == (Note("one note"),)


@pytest.mark.parametrize(
    ("cell", "code", "words"),
    [
        ("[" * 2000 + "]" * 2000, "json-syntax", "nested deeper than 64 levels"),
        ("[" + "1" * 5000 + "]", "json-syntax", "an integer of 5,000 digits"),
        ('["\\ud800"]', "bad-text", "lone surrogate"),
        ('[{"text": "a", "text": "b"}]', "duplicate-key", "the key 'text' is written twice"),
    ],
)
def test_a_notes_cell_goes_through_the_bounded_json_reader(
    tmp_path: Path, cell: str, code: str, words: str
) -> None:
    quoted = '"' + cell.replace('"', '""') + '"'
    (tmp_path / "nodes.csv").write_text(f"id,type,notes\nIMT,organisation,{quoted}\n", encoding="utf-8")
    (tmp_path / "g.yaml").write_text(
        "linkchart: 1\ntitle: t\nnodes: {csv: nodes.csv}\nedges: []\n", encoding="utf-8"
    )
    with pytest.raises(
        LoadError
    ) as info:  # never a RecursionError, a ValueError or a chart that cannot be written
        linkchart.load(tmp_path / "g.yaml")
    (p,) = info.value.problems
    assert p.code == code and words in p.message and p.path.startswith("nodes[0].notes")
    assert (p.file, p.row, p.line) == (str(tmp_path / "nodes.csv"), 1, 2)
