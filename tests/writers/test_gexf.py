"""linkchart.writers.gexf: Gephi's colours, shapes, sizes, positions and spells, from its arguments."""

from __future__ import annotations

import io
from pathlib import Path

import networkx as nx

import linkchart
from linkchart.writers import gexf


def test_networkx_reads_the_export_with_gephi_s_visuals(
    central_asia: linkchart.LinkChart, tmp_path: Path
) -> None:
    n, m = central_asia.number_of_nodes, central_asia.number_of_edges
    x = nx.read_gexf(linkchart.export(central_asia, tmp_path / "c.gexf"), version="1.3")
    assert (x.number_of_nodes(), x.number_of_edges()) == (n, m)
    assert {"r", "g", "b"} <= set(x.nodes["IMT"]["viz"]["color"]) and "position" in x.nodes["IMT"]["viz"]


def test_gexf_carries_time_as_spells(central_asia: linkchart.LinkChart, tmp_path: Path) -> None:
    text = linkchart.export(central_asia, tmp_path / "c.gexf").read_text(encoding="utf-8")
    assert 'mode="dynamic"' in text and 'timeformat="date"' in text
    assert '<spell start="1999-01-01" end="1999-12-31"' in text and '<spell start="1999-01-01" />' in text


def test_the_writer_draws_what_it_is_given_and_computes_nothing() -> None:
    chart = linkchart.from_records(
        [{"id": "A", "type": "state"}, {"id": "B", "type": "clan"}],
        [{"from": "A", "relation": "r", "to": "B"}],
    )
    text = gexf.dumps(
        chart,
        positions=[(1.0, 2.0), (-3.0, 4.5)],
        sizes={"A": 4.0},  # B left out: 0
        looks={"state": ("#102030", "square"), "clan": ("red", "star")},
    )
    x = nx.read_gexf(io.BytesIO(text.encode()), version="1.3")
    a, b = x.nodes["A"]["viz"], x.nodes["B"]["viz"]
    assert (a["position"]["x"], a["position"]["y"]) == (1.0, -2.0)  # GEXF's y grows upwards
    assert (a["size"], b["size"]) == (32.0, 10.0)
    assert a["color"] == {"r": 16, "g": 32, "b": 48, "a": 1.0} and b["color"]["r"] == 128  # a name: grey
    assert text.count('<viz:shape value="square" />') == 1 and text.count('<viz:shape value="disc" />') == 1
