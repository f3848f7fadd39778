"""The briefing preset: the reading's actors on a landscape A4 or Letter page, fonts embedded,
the top N labelled, a caption with the reading, the sources and the date; PNG at a chosen DPI."""

from __future__ import annotations

import re
import struct
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import linkchart
from linkchart.cli import main

ROOT = Path(__file__).resolve().parents[2]
GRAPH = ROOT / "graphs" / "central_asia.yaml"
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def central_asia() -> linkchart.LinkChart:
    return linkchart.load(GRAPH)


def _media_box(pdf: bytes) -> tuple[float, float]:
    boxes = set(re.findall(rb"/MediaBox \[ *0 0 ([\d.]+) ([\d.]+) *\]", pdf))
    assert len(boxes) == 1  # one page size
    w, h = boxes.pop()
    return float(w), float(h)


def test_the_page_is_a4_or_letter_landscape_with_its_fonts_embedded(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], central_asia: linkchart.LinkChart
) -> None:
    assert main(["render", str(GRAPH), "-o", str(tmp_path / "brief.pdf"), "--preset", "briefing"]) == 0
    view = linkchart.figures.briefing_view(central_asia, None, None)[0]
    said = f"({view.number_of_nodes} nodes, {view.number_of_edges} edges)"  # what the page shows
    assert said in capsys.readouterr().err
    pdf = (tmp_path / "brief.pdf").read_bytes()
    w, h = _media_box(pdf)
    assert (round(w, 1), round(h, 1)) == (841.9, 595.3)  # A4 landscape, in points
    # every font is embedded as TrueType (Type 42: a CID font with its FontFile2), none as Type 3
    fonts = re.findall(rb"/Subtype /(Type0|Type1|Type3|TrueType|CIDFontType2)\b", pdf)
    assert fonts and set(fonts) <= {b"Type0", b"CIDFontType2"}
    assert pdf.count(b"/FontFile2") == pdf.count(b"/Subtype /CIDFontType2") > 0
    letter = tmp_path / "letter.pdf"
    assert main(["render", str(GRAPH), "-o", str(letter), "--preset", "briefing", "--paper", "letter"]) == 0
    assert _media_box(letter.read_bytes()) == (792.0, 612.0)


def test_png_at_the_chosen_dpi(tmp_path: Path) -> None:
    out = tmp_path / "brief.png"
    assert main(["render", str(GRAPH), "-o", str(out), "--preset", "briefing", "--dpi", "60"]) == 0
    data = out.read_bytes()
    assert data.startswith(b"\x89PNG")
    assert struct.unpack(">II", data[16:24]) == (int(297 / 25.4 * 60), int(210 / 25.4 * 60))


def test_figure_options_without_a_figure_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["render", str(GRAPH), "-o", str(tmp_path / "p.html"), "--preset", "briefing"]) == 2
    assert "--preset is for a figure" in capsys.readouterr().err


def test_the_reading_its_top_labels_and_a_caption_that_says_what_is_drawn(
    central_asia: linkchart.LinkChart,
) -> None:
    svg = linkchart.draw_chart(central_asia, preset="briefing", date="2026-01-31")
    root = ET.fromstring(svg)
    texts = ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]
    view, said = linkchart.figures.briefing_view(central_asia, None, None)
    assert 0 < view.number_of_nodes < central_asia.number_of_nodes
    labels = {str(x) for x in central_asia.nodes.labels.tolist()}
    drawn_labels = [t for t in texts if t in labels]
    assert 0 < len(drawn_labels) <= 12
    # no label of a node outside the view (a place only the context ties join)
    assert set(drawn_labels) <= {str(x) for x in view.nodes.labels.tolist()}
    caption = " ".join(t for t in texts if "linkchart" in t or "Drawn" in t).replace("\n", " ")
    assert said.split(";")[0] in caption and "positive ties of the layers operational, political" in caption
    assert "Analysis article on the Islamic Movement of Turkestan" in caption  # the source
    assert "2026-01-31" in caption and "Labelled: the 12 largest" in caption
    # the legend names only what the briefing draws: no neutral (presence, geography) layer
    legend = next(g for g in root.iter(f"{SVG}g") if g.get("id") == "legend")
    entries = ["".join(t.itertext()) for t in legend.iter(f"{SVG}text")]
    assert "hostile ties (\u22a3)" in entries and "geography ties" not in entries
    assert linkchart.draw_chart(central_asia, preset="briefing", date="2026-01-31") == svg


def test_the_date_is_today_unless_the_build_fixes_it(monkeypatch: pytest.MonkeyPatch) -> None:
    from linkchart.figures.briefing import today

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "86400")
    assert today() == "1970-01-02"
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", today())
