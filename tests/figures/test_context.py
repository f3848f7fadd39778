"""The figure draws what the measures read forward and the context recessive, as the page does
(issue 21 item 1): the ties the reading leaves out light and thin, the actors with no tie read
light, smaller and unlabelled, and the legend says so; ``context="hidden"`` leaves them out,
``"equal"`` draws them like the rest."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import linkchart
from linkchart.figures.marks import RECESSIVE_EDGE

SVG = "{http://www.w3.org/2000/svg}"
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def chart() -> linkchart.LinkChart:
    return linkchart.load(ROOT / "graphs" / "central_asia.yaml")


def _opacity(g: ET.Element) -> float:
    """The least stroke opacity of a tie group's paths (1 when none is said)."""
    found = [
        float(m.group(1))
        for p in g.iter(f"{SVG}path")
        for m in [re.search(r"stroke-opacity:\s*([0-9.]+)", p.get("style") or "")]
        if m
    ]
    return min(found, default=1.0)


def _ties(svg: bytes) -> dict[int, ET.Element]:
    root = ET.fromstring(svg)
    return {
        int(m.group(1)): g
        for g in root.iter(f"{SVG}g")
        for m in [re.fullmatch(r"tie-(\d+)(?:-\w+)?", g.get("id", ""))]
        if m
    }


def _read(chart: linkchart.LinkChart) -> set[int]:
    names = set(linkchart.reading(chart).relations)
    relations = chart.vocabulary.relations
    return {k for k, r in enumerate(chart.edges.relation.tolist()) if relations[r].name in names}


def test_context_ties_are_drawn_light_and_read_ones_are_not(chart: linkchart.LinkChart) -> None:
    ties = _ties(linkchart.draw_chart(chart, size_by=None))
    read = _read(chart)
    assert len(ties) == chart.number_of_edges and 0 < len(read) < len(ties)
    assert all(_opacity(ties[k]) <= RECESSIVE_EDGE + 1e-9 for k in ties if k not in read)
    assert all(_opacity(ties[k]) > RECESSIVE_EDGE + 1e-9 for k in read)


def test_context_actors_are_unlabelled_and_the_legend_says_why(chart: linkchart.LinkChart) -> None:
    recessive = linkchart.draw_chart(chart, size_by=None).decode()
    equal = linkchart.draw_chart(chart, size_by=None, context="equal").decode()
    assert "Fergana Valley" in equal and "Fergana Valley" not in recessive  # a place: no tie read
    assert "Islamic Movement of Turkestan" in recessive  # the reading's hub keeps its label
    n_ties = chart.number_of_edges - len(_read(chart))
    assert f"not read ({n_ties} ties" in recessive and "not read (" not in equal
    assert all(_opacity(g) > RECESSIVE_EDGE + 1e-9 for g in _ties(equal.encode()).values())


def test_hidden_context_draws_the_reading_only(chart: linkchart.LinkChart) -> None:
    ties = _ties(linkchart.draw_chart(chart, size_by=None, context="hidden"))
    assert len(ties) == len(_read(chart))


def test_a_chart_with_nothing_read_is_drawn_whole() -> None:
    from linkchart.vocabulary import Relation, Vocabulary

    c = linkchart.from_records(
        [{"id": "A", "type": "state"}, {"id": "B", "type": "state"}],
        [{"from": "A", "relation": "fights", "to": "B"}],
        vocabulary=Vocabulary(relations=(Relation("fights", sign="negative"),)),
    )
    ties = _ties(linkchart.draw_chart(c, size_by=None))
    assert len(ties) == 1 and all(_opacity(g) > RECESSIVE_EDGE for g in ties.values())


def test_the_command_line_passes_the_page_s_context(chart: linkchart.LinkChart, tmp_path: Path) -> None:
    from linkchart.cli import main

    out = tmp_path / "f.svg"
    assert (
        main(["render", str(ROOT / "graphs" / "central_asia.yaml"), "-o", str(out), "--context", "hidden"])
        == 0
    )
    assert len(_ties(out.read_bytes())) == len(_read(chart))
