"""Graph files shared by the tests of the command line."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

SMALL = """\
linkchart: 1
title: Small
description: Two states and a movement.
sources: [{id: s, title: An article, author: A. Writer, location: "https://example.org/a"}]
nodes:
  - {id: IMT, type: organisation}
  - {id: Pakistan, type: state}
  - {id: Tajikistan, type: state}
  - {id: Lonely, type: person}
edges:
  - {from: Pakistan, relation: finances, to: IMT, confidence: alleged, time: 1999}
  - {from: Pakistan, relation: finances, to: IMT, time: "2001-2003"}
  - {from: Tajikistan, relation: shelters, to: IMT}
"""

AFFILIATIONS = """\
linkchart: 1
title: Meetings
node_types:
  person: {class: agent}
  meeting: {class: event}
relations:
  attended: {layer: event}
  knows: {directed: false, layer: social}
analysis: {layers: [social]}
nodes:
  - {id: Ann, type: person}
  - {id: Bea, type: person}
  - {id: Cid, type: person}
  - {id: M1, type: meeting, time: 2004-09-01}
  - {id: M2, type: meeting}
edges:
  - {from: Ann, relation: attended, to: M1, evidence: Ann chaired it.}
  - {from: Bea, relation: attended, to: M1}
  - {from: Bea, relation: attended, to: M2}
  - {from: Cid, relation: attended, to: M2}
  - {from: Ann, relation: knows, to: Cid}
"""


@pytest.fixture
def graph() -> str:
    """The Central Asia graph of the repository (44 nodes, 92 edges)."""
    return str(ROOT / "graphs" / "central_asia.yaml")


@pytest.fixture
def write(tmp_path: Path) -> Callable[..., Path]:
    """``write(text, name="g.yaml")``: a graph file under ``tmp_path``."""

    def to_file(text: str, name: str = "g.yaml") -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return to_file


@pytest.fixture
def small(tmp_path: Path) -> Path:
    """Two states, a movement and a lonely person; three edges, two of them parallel."""
    path = tmp_path / "g.yaml"
    path.write_text(SMALL, encoding="utf-8")
    return path


@pytest.fixture
def affiliations(tmp_path: Path) -> Path:
    """People who attended meetings (layer event), and one tie between people (layer social)."""
    path = tmp_path / "meetings.yaml"
    path.write_text(AFFILIATIONS, encoding="utf-8")
    return path
