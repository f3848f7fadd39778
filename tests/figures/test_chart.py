"""render_image: the static figure as SVG (labels as text), PDF and PNG; stable, safe, located errors."""

from __future__ import annotations

import re
import struct
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import linkchart
from linkchart import LinkchartError

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def central_asia() -> linkchart.LinkChart:
    return linkchart.load(ROOT / "graphs" / "central_asia.yaml")


def test_svg_has_every_label_as_text_or_says_how_many_were_left_out(
    central_asia: linkchart.LinkChart, tmp_path: Path
) -> None:
    out = linkchart.render_image(
        central_asia, tmp_path / "c.svg", highlight=["bridges", "articulation_points"]
    )
    svg = out.read_text(encoding="utf-8")
    root = ET.fromstring(svg)  # well-formed XML
    texts = ["".join(t.itertext()) for t in root.iter("{http://www.w3.org/2000/svg}text")]
    labels = [str(x) for x in central_asia.nodes.labels.tolist()]
    shown = [label for label in labels if label in texts]
    left = re.search(r"(\d+) labels? left out", svg)
    light = re.search(r"(\d+) actors? with no tie read drawn light, unlabelled", svg)
    assert light is not None  # the context's actors: unlabelled, and said so
    assert len(shown) + (int(left.group(1)) if left else 0) + int(light.group(1)) == len(labels)
    assert central_asia.title in texts and any(t.startswith("Sources: Analysis article") for t in texts)
    assert "organisation" in texts and "hostile ties (\u22a3)" in texts  # the legend
    again = linkchart.render_image(
        central_asia, tmp_path / "again.svg", highlight=["bridges", "articulation_points"]
    )
    assert again.read_bytes() == out.read_bytes()  # the same input, the same bytes


def test_png_and_pdf(central_asia: linkchart.LinkChart, tmp_path: Path) -> None:
    png = linkchart.render_image(central_asia, tmp_path / "c.png", dpi=100, width=10, height=6)
    data = png.read_bytes()
    assert data.startswith(b"\x89PNG")
    w, h = struct.unpack(">II", data[16:24])
    assert (w, h) == (1000, 600)
    pdf = linkchart.render_image(central_asia, tmp_path / "c.pdf")
    assert pdf.read_bytes().startswith(b"%PDF")


def test_text_from_the_data_stays_text(tmp_path: Path) -> None:
    chart = linkchart.from_records(
        [{"id": "a", "type": "state", "label": "<script>alert(1)</script>"}, {"id": "b", "type": "state"}],
        [{"from": "a", "relation": "r", "to": "b"}],
        title="</svg><script>x</script>",
    )
    svg = linkchart.render_image(chart, tmp_path / "x.svg").read_text(encoding="utf-8")
    root = ET.fromstring(svg)
    assert not [e for e in root.iter() if e.tag.endswith("script")]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in svg


def test_bad_extension_and_the_command_line(central_asia: linkchart.LinkChart, tmp_path: Path) -> None:
    with pytest.raises(LinkchartError, match=r"\.svg, \.pdf or \.png"):
        linkchart.render_image(central_asia, tmp_path / "c.gif")
    from linkchart.cli import main

    out = tmp_path / "fig.svg"
    assert (
        main(["render", str(ROOT / "graphs" / "central_asia.yaml"), "-o", str(out), "--highlight", "all"])
        == 0
    )
    assert out.read_text(encoding="utf-8").lstrip().startswith("<?xml")
