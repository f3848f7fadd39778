"""The figure's marks: arrows on directed ties, the hostile bar, confidence by stroke only,
and a legend of exactly what is drawn (read from the SVG)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import linkchart
from linkchart.vocabulary import NodeType, Relation, Vocabulary

SVG = "{http://www.w3.org/2000/svg}"
ROOT = Path(__file__).resolve().parents[2]


def _svg(chart: linkchart.LinkChart) -> ET.Element:
    return ET.fromstring(linkchart.draw_chart(chart, size_by=None, context="equal"))  # every tie as it is


def _ties(root: ET.Element) -> dict[str, list[ET.Element]]:
    """The tie groups by what they end in: "arrow", "bar" or "" (a plain line)."""
    out: dict[str, list[ET.Element]] = {"arrow": [], "bar": [], "bars": [], "": []}
    for g in root.iter(f"{SVG}g"):
        m = re.fullmatch(r"tie-\d+(?:-(\w+))?", g.get("id", ""))
        if m:
            out[m.group(1) or ""].append(g)
    return out


def _legend(root: ET.Element) -> list[str]:
    legend = next(g for g in root.iter(f"{SVG}g") if g.get("id") == "legend")
    return ["".join(t.itertext()) for t in legend.iter(f"{SVG}text")]


def _dashed(g: ET.Element) -> bool:
    return any("stroke-dasharray" in (p.get("style") or "") for p in g.iter(f"{SVG}path"))


def _mixed() -> linkchart.LinkChart:
    v = Vocabulary(
        node_types=(NodeType("group"), NodeType("idle")),  # no idle node: not in the legend
        relations=(
            Relation("funds", layer="ops"),
            Relation("fights", layer="ops", sign="negative"),
            Relation("feuds", layer="ops", sign="negative", directed=False),
            Relation("meets", layer="social", directed=False),
            Relation("unused", layer="geo"),
        ),
    )
    nodes = [{"id": x, "type": "group"} for x in "abcd"]
    edges = [
        {"from": "a", "relation": "funds", "to": "b", "confidence": "confirmed"},
        {"from": "b", "relation": "fights", "to": "c", "confidence": "alleged"},
        {"from": "c", "relation": "feuds", "to": "d", "confidence": "confirmed"},
        {"from": "d", "relation": "meets", "to": "a", "confidence": "confirmed"},
    ]
    return linkchart.from_records(nodes, edges, vocabulary=v)


def test_each_tie_ends_in_its_mark_and_confidence_alone_is_dashed() -> None:
    ties = _ties(_svg(_mixed()))
    assert [len(ties[k]) for k in ("arrow", "bar", "bars", "")] == [1, 1, 1, 1]
    # the arrow head and the bar are drawn: more than the line's own path
    assert len(list(ties["arrow"][0].iter(f"{SVG}path"))) >= 2
    assert len(list(ties["bar"][0].iter(f"{SVG}path"))) >= 2
    # hostile is the bar and the tint, never the dash: the confirmed hostile tie is solid,
    # the alleged one dashed (its confidence)
    assert not _dashed(ties["bars"][0]) and _dashed(ties["bar"][0])
    assert not _dashed(ties["arrow"][0]) and not _dashed(ties[""][0])


def test_the_legend_lists_what_is_drawn_and_nothing_else() -> None:
    entries = _legend(_svg(_mixed()))
    assert entries == [
        "group",
        "ops ties",
        "social ties",  # not geo: no tie of it is drawn
        "hostile ties (\u22a3)",
        "directed (arrow at the target)",
        "confirmed",
        "alleged",  # not reported nor possible
    ]
    plain = linkchart.from_records(
        [{"id": "a", "type": "person"}, {"id": "b", "type": "person"}],
        [{"from": "a", "relation": "knows", "to": "b"}],
        vocabulary=Vocabulary(
            node_types=(NodeType("person"),), relations=(Relation("knows", directed=False), Relation("pays"))
        ),
    )
    # one layer, no hostile relation: colour means relation, so the legend names the relations drawn
    assert _legend(_svg(plain)) == ["person", "knows", "confirmed"]


def test_central_asia_draws_arrows_bars_and_a_legend_of_what_is_there() -> None:
    chart = linkchart.load(ROOT / "graphs" / "central_asia.yaml")
    root = _svg(chart)
    ties = _ties(root)
    vocab = chart.vocabulary
    e = chart.edges
    rows = zip(e.relation.tolist(), e.src.tolist(), e.dst.tolist(), strict=True)
    rels = [vocab.relations[r] for r, a, b in rows if a != b]
    assert len(ties["arrow"]) == sum(r.directed and not r.negative for r in rels)
    assert len(ties["bar"]) + len(ties["bars"]) == sum(r.negative for r in rels) > 0
    entries = _legend(root)
    types = {vocab.node_type_names[t] for t in chart.nodes.type.tolist()}
    assert {x for x in entries if x.split(" (")[0] in vocab.node_type_names} == {
        x for x in entries if x.split(" (")[0] in types
    }
    assert "hostile ties (\u22a3)" in entries
    levels = {vocab.confidence.levels[c] for c in e.confidence.tolist()}
    assert [x for x in entries if x in vocab.confidence.levels] == [
        lv for lv in vocab.confidence.levels if lv in levels
    ]
