"""linkchart.writers._document: a shared file carries its sources (issue 22, item 1).

An export written in another folder loads back equal, with each source's text embedded
(its quotes checked where the file is loaded) or, without it, with a warning per source
that its evidence was not checked; a source's local location never points outside the
export's folder.
"""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import pytest

import linkchart
from linkchart import LoadError
from linkchart.errors import LoadWarning
from linkchart.writers import FORMATS, _document
from linkchart.writers.formats import format_of

ROOT = Path(__file__).resolve().parents[2]
TEXT = (ROOT / "graphs" / "sources" / "central_asia_imt.txt").read_text(encoding="utf-8")
HOLDERS = [f.name for f in FORMATS.values() if f.embeds is not None]
NAMES = {"graphml": "c.graphml", "gexf": "c.gexf", "json": "c.json", "xlsx": "c.xlsx",
         "stix": "c.stix.json", "yaml": "c.yaml", "csv": "folder"}  # fmt: skip


def _load_quietly(path: Path) -> linkchart.LinkChart:
    """Load ``path``; fail on any warning."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", LoadWarning)
        return linkchart.load(path)


def _load_warned(path: Path) -> tuple[linkchart.LinkChart, list[str]]:
    """Load ``path``; return the chart and the codes of its warnings."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", LoadWarning)
        chart = linkchart.load(path)
    return chart, [w.message.problem.code for w in caught if isinstance(w.message, LoadWarning)]


def test_every_format_that_holds_sources_is_tested() -> None:
    assert set(HOLDERS) == set(NAMES) and all(format_of(NAMES[f]) == f for f in HOLDERS)


@pytest.mark.parametrize("fmt", HOLDERS)
def test_an_export_with_its_texts_loads_anywhere_equal_and_checked(
    central_asia: linkchart.LinkChart, tmp_path: Path, fmt: str
) -> None:
    out = linkchart.export(central_asia, tmp_path / "elsewhere" / NAMES[fmt], embed_sources=True)
    again = _load_quietly(out)
    assert again == central_asia
    source, knowledge = again.sources
    assert source.text == TEXT and source.location == "" and source.unchecked == ""
    assert knowledge.text == "" and knowledge.unchecked == ""  # it has no text: nothing to say


@pytest.mark.parametrize("fmt", HOLDERS)
def test_an_export_without_its_texts_loads_equal_and_says_so(
    central_asia: linkchart.LinkChart, tmp_path: Path, fmt: str
) -> None:
    out = linkchart.export(central_asia, tmp_path / "elsewhere" / NAMES[fmt], embed_sources=False)
    again, codes = _load_warned(out)
    assert again == central_asia and codes == ["evidence-unchecked"]
    source = again.sources[0]
    assert source.location == "" and source.text == ""  # never a path outside the export's folder
    assert source.unchecked == "sources/central_asia_imt.txt was not embedded: " + _document._WITHOUT


def test_the_default_embeds_for_the_exchange_formats_only(
    central_asia: linkchart.LinkChart, tmp_path: Path
) -> None:
    for fmt in HOLDERS:
        again, codes = _load_warned(linkchart.export(central_asia, tmp_path / fmt / NAMES[fmt]))
        assert again == central_asia
        assert (codes == []) is FORMATS[fmt].embeds, fmt  # type: ignore[attr-defined]
        assert bool(again.sources[0].text) is FORMATS[fmt].embeds  # type: ignore[attr-defined]


def test_beside_the_graph_the_location_is_kept(central_asia: linkchart.LinkChart) -> None:
    folder = Path(central_asia.path or "").parent
    for fmt in ("yaml", "json"):
        again = _load_quietly(
            linkchart.export(central_asia, folder / ("beside." + NAMES[fmt][2:]), embed_sources=False)
        )
        assert again == central_asia and again.sources[0].location == "sources/central_asia_imt.txt"


def test_quotes_are_checked_against_the_embedded_text(
    central_asia: linkchart.LinkChart, tmp_path: Path
) -> None:
    out = linkchart.export(central_asia, tmp_path / "c.json")
    data = json.loads(out.read_text(encoding="utf-8"))
    data["links"][0]["evidence"] = "a sentence the report never wrote"
    out.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(LoadError) as info:
        linkchart.load(out)
    (p,) = info.value.problems
    assert (p.code, p.path) == ("evidence-not-found", "links[0].evidence")


def test_a_received_export_checks_nothing_it_does_not_hold(
    central_asia: linkchart.LinkChart, tmp_path: Path
) -> None:
    out = linkchart.export(central_asia, tmp_path / "c.json", embed_sources=False)
    data = json.loads(out.read_text(encoding="utf-8"))
    data["links"][0]["evidence"] = "a sentence the report never wrote"
    out.write_text(json.dumps(data), encoding="utf-8")
    with pytest.warns(
        LoadWarning,
        match=r"source 'smith': its quotes were not checked \(sources/central_asia_imt.txt was not embedded",
    ):
        assert linkchart.load(out).edge("e0").evidence == "a sentence the report never wrote"


def test_a_text_over_the_limit_is_left_out_with_its_reason(
    central_asia: linkchart.LinkChart, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_document, "MAX_EMBEDDED_BYTES", 1000)
    again, codes = _load_warned(linkchart.export(central_asia, tmp_path / "c.graphml"))
    assert again == central_asia and codes == ["evidence-unchecked"]
    assert again.sources[0].unchecked.endswith(
        "was not embedded: it is 5,196 bytes, more than the 1,000 read"
    )


def test_a_text_outside_the_graphs_folder_is_never_embedded(tmp_path: Path) -> None:
    (tmp_path / "secret.txt").write_text("A pays B.", encoding="utf-8")
    (tmp_path / "g").mkdir()
    (tmp_path / "g" / "g.yaml").write_text(
        "linkchart: 1\ntitle: t\nsources: [{id: s, location: ../secret.txt}]\n"
        "nodes: [{id: A, type: state}, {id: B, type: state}]\n"
        "edges: [{from: A, relation: pays, to: B, source: s, evidence: A pays B}]\n",
        encoding="utf-8",
    )
    chart = linkchart.load(tmp_path / "g" / "g.yaml", allow_outside=True)
    out = linkchart.export(chart, tmp_path / "out" / "c.json")
    assert "A pays B." not in out.read_text(encoding="utf-8")
    again, codes = _load_warned(out)
    assert again == chart and codes == ["evidence-unchecked"]
    assert "outside the graph file's folder" in again.sources[0].unchecked


def test_an_inline_text_in_a_graph_file_is_checked(tmp_path: Path) -> None:
    head = "linkchart: 1\ntitle: t\nsources: [{id: s, text: 'A pays B, the report says.'}]\n"
    head += "nodes: [{id: A, type: state}, {id: B, type: state}]\n"
    (tmp_path / "g.yaml").write_text(
        head + "edges: [{from: A, relation: pays, to: B, source: s, evidence: A pays B}]\n", encoding="utf-8"
    )
    assert _load_quietly(tmp_path / "g.yaml").sources[0].text == "A pays B, the report says."
    (tmp_path / "g.yaml").write_text(
        head + "edges: [{from: A, relation: pays, to: B, source: s, evidence: B pays A}]\n", encoding="utf-8"
    )
    with pytest.raises(LoadError, match="'B pays A' does not occur in the text of source 's'"):
        linkchart.load(tmp_path / "g.yaml")


def test_a_long_text_runs_down_the_texts_sheet(tmp_path: Path) -> None:
    text = "A pays B. " + "x" * 40_000 + " the end."
    (tmp_path / "g.yaml").write_text(
        f"linkchart: 1\ntitle: t\nsources: [{{id: s, text: '{text}'}}]\n"
        "nodes: [{id: A, type: state}, {id: B, type: state}]\n"
        "edges: [{from: A, relation: pays, to: B, source: s, evidence: x the end}]\n",
        encoding="utf-8",
    )
    chart = linkchart.load(tmp_path / "g.yaml")
    again = _load_quietly(linkchart.export(chart, tmp_path / "out" / "c.xlsx"))
    assert again == chart and again.sources[0].text == text


def test_sources_compare_by_what_they_say() -> None:
    a = linkchart.from_records([], [], sources=[{"id": "s", "title": "T", "location": "a/b.txt"}])
    b = linkchart.from_records([], [], sources=[{"id": "s", "title": "T", "text": "the text"}])
    c = linkchart.from_records([], [], sources=[{"id": "s", "title": "U", "location": "a/b.txt"}])
    web = linkchart.from_records([], [], sources=[{"id": "s", "title": "T", "location": "https://x.org/a"}])
    assert a == b and a != c and a != web


def test_the_report_and_the_page_say_which_quotes_were_not_checked(
    central_asia: linkchart.LinkChart, tmp_path: Path
) -> None:
    out = linkchart.export(central_asia, tmp_path / "c.json", embed_sources=False)
    with pytest.warns(LoadWarning):
        received = linkchart.load(out)
    why = received.sources[0].unchecked
    small = received.subgraph(list(received.node_ids)[:6])
    limits = linkchart.report(small, measures=["degree"]).limits
    assert (
        f"The quotes citing {received.sources[0].title} were not checked against its text ({why})." in limits
    )
    assert json.dumps(why)[1:-1] in linkchart.render_html(small)
    assert not any(
        "not checked" in line for line in linkchart.report(central_asia, measures=["degree"]).limits
    )


def test_stix_maps_a_type_by_its_class(tmp_path: Path) -> None:
    (tmp_path / "g.yaml").write_text(
        "linkchart: 1\ntitle: t\nnode_types:\n  militia: {class: organisation}\n  courier: {class: agent}\n"
        "  safehouse: {class: resource}\n"
        "nodes: [{id: M, type: militia}, {id: C, type: courier}, {id: H, type: safehouse}]\n"
        "edges: [{from: C, relation: serves, to: M}, {from: M, relation: uses, to: H}]\n",
        encoding="utf-8",
    )
    chart = linkchart.load(tmp_path / "g.yaml")
    bundle = json.loads(linkchart.export(chart, tmp_path / "b.stix.json").read_text(encoding="utf-8"))
    kinds = {o["name"]: o["type"] for o in bundle["objects"] if "x_linkchart_node" in o}
    assert kinds == {"M": "intrusion-set", "C": "threat-actor", "H": "identity"}
    assert linkchart.load(tmp_path / "b.stix.json") == chart


def test_texts_are_fitted_to_xml_without_changing_a_check(tmp_path: Path) -> None:
    (tmp_path / "t.txt").write_text("A pays\x0cB. Page 2.", encoding="utf-8")  # a form feed: pdftotext's page
    (tmp_path / "u.txt").write_text("C pays D.\x01", encoding="utf-8")  # a control character, not a space
    (tmp_path / "g.yaml").write_text(
        "linkchart: 1\ntitle: t\nsources: [{id: s, location: t.txt}, {id: u, location: u.txt}]\n"
        "nodes: [{id: A, type: state}, {id: B, type: state}, {id: C, type: state}, {id: D, type: state}]\n"
        "edges: [{from: A, relation: pays, to: B, source: s, evidence: A pays B},\n"
        "        {from: C, relation: pays, to: D, source: u, evidence: C pays D}]\n",
        encoding="utf-8",
    )
    chart = linkchart.load(tmp_path / "g.yaml")
    for fmt in ("c.graphml", "c.gexf", "c.xlsx"):
        with pytest.warns(
            LoadWarning, match=r"source 'u': its quotes were not checked \(it holds the character U\+0001"
        ):
            again = linkchart.load(linkchart.export(chart, tmp_path / "out" / fmt))
        assert again == chart and again.sources[0].text == "A pays B. Page 2." and again.sources[1].text == ""
    again = _load_quietly(linkchart.export(chart, tmp_path / "out" / "c.json"))  # JSON holds every text
    assert [s.text for s in again.sources] == ["A pays\x0cB. Page 2.", "C pays D.\x01"]


@pytest.mark.parametrize("fmt", HOLDERS)
def test_every_format_keeps_the_not_same_as_decisions_a_chart_keeps(fmt: str, tmp_path: Path) -> None:
    graph = tmp_path / "ns.yaml"
    graph.write_text(
        "linkchart: 1\ntitle: NS\nnodes: [{id: Wail, type: person}, {id: Waleed, type: person}]\n"
        "edges: []\ndecisions:\n  - {not_same_as: [Wail, Waleed], by: analyst, why: brothers}\n",
        encoding="utf-8",
    )
    chart = linkchart.load(graph)
    out = tmp_path / "out"
    out.mkdir()
    back = _load_quietly(linkchart.export(chart, out / NAMES[fmt], format=fmt))
    assert back == chart and back.decisions.entries == chart.decisions.entries
    with pytest.raises(LoadError, match="judged one entity and not"):  # a later merge honours them
        linkchart.merge(back, back, decisions=[linkchart.Decision(("Wail", "Waleed"), True)])


@pytest.mark.parametrize("fmt", HOLDERS)
def test_every_format_keeps_the_conflicts_a_merge_met(fmt: str, tmp_path: Path) -> None:
    a = linkchart.from_records(
        [{"id": "Pakistan", "type": "state"}], [], sources=[{"id": "icg", "title": "ICG", "reliability": "B"}]
    )
    b = linkchart.from_records(
        [{"id": "Pakistan", "type": "region"}],
        [],
        sources=[{"id": "icg", "title": "ICG", "reliability": "D"}],
    )
    merged = linkchart.merge_charts(a, b).chart
    assert [c.kind for c in linkchart.conflicts(merged)] == ["type", "source"]
    out = tmp_path / "out"
    out.mkdir()
    back = _load_quietly(linkchart.export(merged, out / NAMES[fmt], format=fmt))
    assert back.noted_conflicts == merged.noted_conflicts
    assert list(linkchart.conflicts(back)) == list(linkchart.conflicts(merged))
