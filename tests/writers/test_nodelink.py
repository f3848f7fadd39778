"""linkchart.writers.nodelink: node-link JSON that networkx reads as a multigraph."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx

import linkchart
from linkchart.writers import nodelink


def test_networkx_reads_the_export(central_asia: linkchart.LinkChart, tmp_path: Path) -> None:
    n, m = central_asia.number_of_nodes, central_asia.number_of_edges
    data = json.loads(linkchart.export(central_asia, tmp_path / "c.json").read_text(encoding="utf-8"))
    d = nx.node_link_graph(data, edges="links")
    assert (d.number_of_nodes(), d.number_of_edges()) == (n, m) and d.is_multigraph()


def test_an_edge_s_source_travels_as_cites(central_asia: linkchart.LinkChart, tmp_path: Path) -> None:
    data = json.loads(nodelink.dumps(central_asia, folder=tmp_path))
    cited = [link for link in data["links"] if "cites" in link]
    assert cited and all(link["source"] in central_asia.node_ids for link in cited)
    assert data["graph"]["linkchart"]["title"] == central_asia.title
