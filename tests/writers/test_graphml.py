"""linkchart.writers.graphml: linkchart's convention in GraphML, read by networkx and igraph."""

from __future__ import annotations

import json
from pathlib import Path

import igraph as ig
import networkx as nx
import pytest

import linkchart
from linkchart import LinkchartError
from linkchart.writers import graphml


def test_networkx_and_igraph_read_the_export(central_asia: linkchart.LinkChart, tmp_path: Path) -> None:
    n, m = central_asia.number_of_nodes, central_asia.number_of_edges
    g = nx.read_graphml(linkchart.export(central_asia, tmp_path / "c.graphml"))
    assert (g.number_of_nodes(), g.number_of_edges()) == (n, m)  # parallel edges kept
    assert json.loads(g.nodes["IMT"]["aliases"])[0] == "IMU"
    h = ig.Graph.Read_GraphML(str(tmp_path / "c.graphml"))
    assert (h.vcount(), h.ecount()) == (n, m)


def test_dumps_is_the_file_export_writes(central_asia: linkchart.LinkChart, tmp_path: Path) -> None:
    out = linkchart.export(central_asia, tmp_path / "c.graphml")
    assert out.read_text(encoding="utf-8") == graphml.dumps(central_asia, folder=tmp_path)


def test_a_text_xml_cannot_hold_is_refused_by_its_place() -> None:
    chart = linkchart.from_records([{"id": "a", "type": "state", "label": "bell\x07"}], [])
    with pytest.raises(LinkchartError, match=r"nodes\[0\].label holds the character U\+0007"):
        graphml.dumps(chart)
