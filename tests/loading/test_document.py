"""Tests for linkchart.loading.document: load(), the format version, CSV sections, unreadable files."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

import linkchart
from linkchart import LoadError
from linkchart.errors import LoadWarning

Swap = Callable[[str, str, str], str]


def test_unsupported_version(graphs, base, replace: Swap) -> None:
    text = replace(base, "linkchart: 1", "linkchart: 2")
    p = graphs.one(text, "unsupported-version")
    assert (p.path, p.line) == ("linkchart", 1)
    text = replace(base, "linkchart: 1\n", "")
    p = graphs.one(text, "unsupported-version")
    assert p.line == 1 and "missing" in p.message
    text = replace(base, "linkchart: 1", "linkchart: true")
    assert graphs.one(text, "unsupported-version").path == "linkchart"


def test_unsupported_version_stops_before_the_rest(graphs, base, replace: Swap) -> None:
    text = replace(base, "linkchart: 1", "linkchart: 2")
    text = replace(text, "to: Kyrgyzstan", "to: Nowhere")
    assert [p.code for p in graphs.problems(text)] == ["unsupported-version"]


def test_missing_nodes_and_edges(graphs) -> None:
    found = graphs.problems("linkchart: 1\ntitle: t\n")
    assert [(p.code, p.message) for p in found] == [
        ("missing-field", "'nodes' is required"),
        ("missing-field", "'edges' is required"),
    ]


def test_the_graph_file_itself_unreadable(tmp_path: Path) -> None:
    with pytest.raises(LoadError) as info:
        linkchart.load(tmp_path / "nope.yaml")
    p = info.value.problems[0]
    assert (p.code, p.file) == ("source-unreadable", str(tmp_path / "nope.yaml"))


def test_a_source_text_that_cannot_be_read_is_a_warning(graphs, base, replace: Swap) -> None:
    text = replace(base, "location: article.txt", "location: missing.txt")
    text = replace(text, '"comes through Pakistan"', '"words that are in no text"')
    with pytest.warns(LoadWarning) as caught:
        chart = linkchart.load(graphs.write(text))
    assert chart.edge("e0").evidence == "words that are in no text"  # loaded, not checked
    (p,) = [w.message.problem for w in caught if isinstance(w.message, LoadWarning)]
    assert (p.code, p.path, p.line) == (
        "evidence-unchecked",
        "sources[0].location",
        graphs.line(text, "missing.txt"),
    )
    assert (
        "'smith'" in p.message
        and "its quotes were not checked (missing.txt cannot be read: No such file" in p.message
    )
    assert p.message.endswith("; 1 quote cites it") and chart.sources[0].unchecked.startswith("missing.txt")


def test_web_locations_are_never_fetched(graphs, base, replace: Swap) -> None:
    text = replace(base, "source: smith,", "source: web,")
    text = replace(text, '"comes through Pakistan"', '"words that are in no text"')
    assert linkchart.load(graphs.write(text)).edge("e0").source == "web"


def test_nodes_and_edges_from_csv(graphs, base) -> None:
    head = base.partition("nodes:\n")[0]
    (graphs.folder / "n.csv").write_text(
        "id,type,label,aliases,founded\n"
        "IMT,organisation,Islamic Movement of Turkestan,IMU|Islamic Movement,1998\n"
        "Pakistan,state,,,\nTajikistan,state,,,\n",
        encoding="utf-8",
    )
    (graphs.folder / "e.csv").write_text(
        "from,relation,to,confidence,evidence,source,time,weight,note\n"
        'Pakistan,finances,IMT,alleged,"comes through\n Pakistan",smith,1999-2001,2.5,"a, b"\n'
        "Tajikistan,borders,Pakistan,,,,,,\n",
        encoding="utf-8",
    )
    c = linkchart.load(graphs.write(head + "nodes: {csv: n.csv}\nedges: {csv: e.csv}\n"))
    assert c.node("IMT").aliases == ("IMU", "Islamic Movement")
    assert dict(c.node("IMT").attributes) == {"founded": "1998"}
    assert c.node("Pakistan").label == "Pakistan"
    e0 = c.edge("e0")
    assert e0.time is not None
    assert (e0.confidence, e0.time.first.year, e0.time.last.year, e0.weight, e0.source) == (  # type: ignore[union-attr]
        "alleged",
        1999,
        2001,
        2.5,
        "smith",
    )
    assert dict(e0.attributes) == {"note": "a, b"}
    assert c.edge("e1").confidence == "confirmed" and c.edge("e1").source is None


def test_csv_problems_are_located_by_file_row_and_line(graphs, base) -> None:
    head = base.partition("nodes:\n")[0]
    (graphs.folder / "n.csv").write_text("id,type\nIMT,organisation\nPakistan,state\n", encoding="utf-8")
    (graphs.folder / "e.csv").write_text(
        "from,relation,to,evidence,source\n"
        'Pakistan,finances,IMT,"a quote\nover two lines",smith\n'
        "Pakistan,finances,Tajikstan,,\n",
        encoding="utf-8",
    )
    found = graphs.problems(head + "nodes: {csv: n.csv}\nedges: {csv: e.csv}\n")
    assert [p.code for p in found] == ["evidence-not-found", "unknown-node"]
    assert (found[0].row, found[0].line, found[0].path) == (1, 2, "edges[0].evidence")
    p = found[1]
    assert (p.file, p.row, p.line, p.path) == (str(graphs.folder / "e.csv"), 2, 4, "edges[1].to")
    assert str(p).startswith(f"{graphs.folder / 'e.csv'}:4 (row 2): edges[1].to: unknown node 'Tajikstan'")


def test_csv_file_unreadable(graphs, base) -> None:
    head = base.partition("nodes:\n")[0]
    text = head + "nodes: {csv: absent.csv}\nedges: []\n"
    p = graphs.one(text, "source-unreadable")
    assert (p.path, p.line) == ("nodes.csv", graphs.line(text, "absent.csv"))


def test_csv_section_needs_a_file_name(graphs, base) -> None:
    head = base.partition("nodes:\n")[0]
    found = graphs.problems(head + "nodes: {file: n.csv}\nedges: []\n")
    assert [p.code for p in found] == ["unknown-field", "missing-field"]


def test_the_complete_example_of_the_format_reference_loads(tmp_path: Path) -> None:
    import re
    import shutil

    root = Path(__file__).resolve().parents[2]
    text = (root / "docs" / "format.md").read_text(encoding="utf-8")
    example = re.search(r"## A complete example.*?```yaml\n(.*?)```", text, re.S)
    assert example is not None
    (tmp_path / "example.yaml").write_text(example.group(1), encoding="utf-8")
    shutil.copytree(root / "graphs" / "sources", tmp_path / "sources")
    chart = linkchart.load(tmp_path / "example.yaml")
    assert chart.vocabulary.relation("counters").negative and chart.vocabulary.default_layers is not None
