"""Graph files for tests: one written under tmp_path and loaded (fixtures ``graphs``, ``base``, ``replace``).

Shared by the loader tests (``tests/loading``) and the YAML reader's (``tests/readers/test_yaml.py``):
their conftest files import the fixtures from here."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

import linkchart
from linkchart import LoadError, Problem

SOURCE_TEXT = (
    "Financing for the IMT units, it has been argued, comes through Pakistan, whereas militants "
    "themselves infiltrate into Kyrgyzstan from neighboring Tajikistan. This led Rakhmonov to lose face, "
    "as it exposed his inability to control Tajikistan\u2019s territory \u2013 or the various field "
    "commanders.\n"
)

BASE = """\
linkchart: 1
title: Test graph
sources:
  - id: smith
    location: article.txt
  - id: web
    location: https://example.org/article
relations:
  finances:
    source_types: [state]
    target_types: [organisation]
  borders: {directed: false}
  infiltrates: {}
nodes:
  - {id: IMT, type: organisation, label: Islamic Movement of Turkestan, aliases: [IMU]}
  - {id: Pakistan, type: state}
  - {id: Tajikistan, type: state}
  - {id: Kyrgyzstan, type: state}
edges:
  - {from: Pakistan, relation: finances, to: IMT, source: smith, evidence: "comes through Pakistan"}
  - {from: Tajikistan, relation: borders, to: Kyrgyzstan, confidence: confirmed}
"""


class Graphs:
    """Write graph files under a temporary folder and load them."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        (folder / "article.txt").write_text(SOURCE_TEXT, encoding="utf-8")

    def write(self, text: str, name: str = "g.yaml") -> Path:
        path = self.folder / name
        path.write_text(text, encoding="utf-8")
        return path

    def problems(self, text: str, name: str = "g.yaml") -> list[Problem]:
        """The problems of ``text`` (fails if it loads)."""
        path = self.write(text, name)
        with pytest.raises(LoadError) as info:
            linkchart.load(path)
        return list(info.value.problems)

    def one(self, text: str, code: str) -> Problem:
        """The single problem of ``text``, which must have ``code``."""
        found = self.problems(text)
        assert [p.code for p in found] == [code], found
        return found[0]

    @staticmethod
    def line(text: str, needle: str) -> int:
        """The 1-based line of the only line containing ``needle``."""
        hits = [i + 1 for i, line in enumerate(text.splitlines()) if needle in line]
        assert len(hits) == 1, (needle, hits)
        return hits[0]


@pytest.fixture
def graphs(tmp_path: Path) -> Graphs:
    return Graphs(tmp_path)


@pytest.fixture
def base() -> str:
    return BASE


@pytest.fixture
def replace() -> Callable[[str, str, str], str]:
    def swap(text: str, old: str, new: str) -> str:
        assert text.count(old) == 1, old
        return text.replace(old, new)

    return swap
