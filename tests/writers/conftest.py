"""Shared set-up of the writer tests: the Central Asia chart in a folder of its own."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import linkchart

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def central_asia(tmp_path_factory: pytest.TempPathFactory) -> linkchart.LinkChart:
    """The Central Asia graph in a folder of its own (with its source text), so exports beside it
    keep the source's relative location."""
    folder = tmp_path_factory.mktemp("graphs")
    shutil.copy(ROOT / "graphs" / "central_asia.yaml", folder)
    shutil.copytree(ROOT / "graphs" / "sources", folder / "sources")
    return linkchart.load(folder / "central_asia.yaml")
