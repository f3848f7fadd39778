"""``linkchart two-mode``: each side's top nodes, normalised or raw."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from linkchart.cli import main


def test_ranks_each_side(affiliations: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = str(affiliations)
    assert main(["two-mode", path, "--measure", "degree", "--first", "person"]) == 0
    out = capsys.readouterr().out
    assert "two-mode degree (Borgatti & Everett normalised)" in out
    assert "first side (person):\n  Bea " in out and "second side (meeting):" in out
    assert main(["two-mode", path, "--first", "person", "--json", "--raw"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["measure"] == "two_mode_betweenness" and doc["first"][0] == {"node": "Bea", "value": 4.0}
    assert main(["two-mode", path, "--first", "persons"]) == 1  # a type the file lacks
    assert main(["two-mode", path, "--first", "person", "--measure", "pagerank"]) == 2  # not offered
