"""The Central Asia graph (graphs/central_asia.yaml) loads, and its evidence is in its source text."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

import linkchart

ROOT = Path(__file__).resolve().parents[2]
GRAPH = ROOT / "graphs" / "central_asia.yaml"
TEXT = ROOT / "graphs" / "sources" / "central_asia_imt.txt"


@pytest.fixture(scope="module")
def chart() -> linkchart.LinkChart:
    return linkchart.load(GRAPH)


def _normalise(text: str) -> str:
    """An independent folding (not the loader's): quotes, dashes, whitespace."""
    for fancy, plain in (
        ("\u2019", "'"),
        ("\u2018", "'"),
        ("\u201c", '"'),
        ("\u201d", '"'),
        ("\u2013", "-"),
        ("\u2014", "-"),
    ):
        text = text.replace(fancy, plain)
    return " ".join(text.split())


def test_it_loads(chart: linkchart.LinkChart) -> None:
    assert chart.title.startswith("The IMT network in Central Asia")
    assert chart.number_of_nodes >= 30 and chart.number_of_edges >= 60
    assert [s.id for s in chart.sources] == ["smith"]


def test_every_evidence_quote_occurs_in_the_article() -> None:
    # Read the YAML with PyYAML directly, so this check does not rely on the loader.
    data = yaml.safe_load(GRAPH.read_text(encoding="utf-8"))
    article = _normalise(TEXT.read_text(encoding="utf-8"))
    quotes = [e["evidence"] for e in data["edges"] if e.get("evidence")]
    assert len(quotes) == len(data["edges"])  # every edge quotes the article
    for quote in quotes:
        position = 0
        for part in re.split(r"\.\.\.|\u2026", quote):
            part = _normalise(part)
            if part:
                found = article.find(part, position)
                assert found >= 0, f"not in the article: {part!r} (of {quote!r})"
                position = found + len(part)


def test_counts_by_type_are_sane(chart: linkchart.LinkChart) -> None:
    types = Counter(chart.node_type_of(n) for n in chart.node_ids)
    assert types["state"] >= 5  # Pakistan, Tajikistan, Kyrgyzstan, Uzbekistan, Afghanistan
    assert types["organisation"] >= 5 and types["region"] >= 5
    assert types["person"] >= 2  # Rakhmonov, Tahir Yoldash
    for state in ("Pakistan", "Tajikistan", "Kyrgyzstan", "Uzbekistan", "Afghanistan"):
        assert chart.node_type_of(state) == "state"
    assert chart.node_type_of("IMT") == "organisation"
    assert "IMU" in chart.node("IMT").aliases


def test_the_financing_tie(chart: linkchart.LinkChart) -> None:
    ties = [e for e in chart.edges_between("Pakistan", "IMT") if e.relation == "finances"]
    assert len(ties) == 1
    assert ties[0].confidence == "alleged"  # "it has been argued"
    assert ties[0].from_id == "Pakistan" and ties[0].source == "smith"
