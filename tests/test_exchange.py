"""linkchart.exchange: GraphML, GEXF, node-link JSON and Excel, out and back, and read by other tools."""

from __future__ import annotations

import json
import re
import shutil
import tempfile
from pathlib import Path

import igraph as ig
import networkx as nx
import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from strategies import charts

import linkchart
from linkchart import LinkchartError, LoadError
from linkchart.cli import main
from linkchart.loading.write import chart_document

ROOT = Path(__file__).resolve().parents[1]
FORMATS = ("graphml", "gexf", "json", "xlsx")
NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\r\ufffe\uffff]")
NOT_IN_XLSX = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\r]")


def strings(value: object) -> list[str]:
    """Every text in a nested document: keys and values."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [t for k, v in value.items() for t in (*strings(k), *strings(v))]
    if isinstance(value, list | tuple):
        return [t for v in value for t in strings(v)]
    return []


@pytest.fixture(scope="module")
def central_asia(tmp_path_factory: pytest.TempPathFactory) -> linkchart.LinkChart:
    """The Central Asia graph in a folder of its own (with its source text), so exports beside it
    keep the source's relative location."""
    folder = tmp_path_factory.mktemp("graphs")
    shutil.copy(ROOT / "graphs" / "central_asia.yaml", folder)
    shutil.copytree(ROOT / "graphs" / "sources", folder / "sources")
    return linkchart.load(folder / "central_asia.yaml")


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_central_asia_chart_goes_out_and_comes_back_equal(
    central_asia: linkchart.LinkChart, fmt: str
) -> None:
    assert central_asia.path is not None
    out = linkchart.export(central_asia, Path(central_asia.path).parent / f"export.{fmt}")
    again = linkchart.load(out)  # evidence checked against the same text
    assert again == central_asia
    assert again.vocabulary.default_layers == ("operational", "political")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(charts(declared=True))
def test_random_charts_round_trip_through_every_format(chart: linkchart.LinkChart) -> None:
    with tempfile.TemporaryDirectory() as folder:
        texts = "".join(strings(chart_document(chart, Path(folder))))
        for fmt in FORMATS:
            unholdable = {"xlsx": NOT_IN_XLSX}.get(fmt, NOT_IN_XML) if fmt != "json" else None
            if unholdable is not None and unholdable.search(texts):
                with pytest.raises(LinkchartError, match="cannot hold"):  # refused, never changed
                    linkchart.export(chart, Path(folder) / f"c.{fmt}")
                continue
            again = linkchart.load(linkchart.export(chart, Path(folder) / f"c.{fmt}"))
            assert again == chart, fmt


def test_other_tools_read_the_exports(central_asia: linkchart.LinkChart, tmp_path: Path) -> None:
    n, m = central_asia.number_of_nodes, central_asia.number_of_edges
    g = nx.read_graphml(linkchart.export(central_asia, tmp_path / "c.graphml"))
    assert (g.number_of_nodes(), g.number_of_edges()) == (n, m)  # parallel edges kept
    assert json.loads(g.nodes["IMT"]["aliases"])[0] == "IMU"
    h = ig.Graph.Read_GraphML(str(tmp_path / "c.graphml"))
    assert (h.vcount(), h.ecount()) == (n, m)
    x = nx.read_gexf(linkchart.export(central_asia, tmp_path / "c.gexf"), version="1.3")
    assert (x.number_of_nodes(), x.number_of_edges()) == (n, m)
    assert {"r", "g", "b"} <= set(x.nodes["IMT"]["viz"]["color"]) and "position" in x.nodes["IMT"]["viz"]
    data = json.loads(linkchart.export(central_asia, tmp_path / "c.json").read_text(encoding="utf-8"))
    d = nx.node_link_graph(data, edges="links")
    assert (d.number_of_nodes(), d.number_of_edges()) == (n, m) and d.is_multigraph()
    wb = openpyxl.load_workbook(linkchart.export(central_asia, tmp_path / "c.xlsx"))
    assert wb.sheetnames == ["nodes", "edges", "vocabulary", "sources"]
    assert wb["edges"].max_row == m + 1 and wb["nodes"]["A1"].value == "id"


def test_gexf_carries_time_as_spells(central_asia: linkchart.LinkChart, tmp_path: Path) -> None:
    text = linkchart.export(central_asia, tmp_path / "c.gexf").read_text(encoding="utf-8")
    assert 'mode="dynamic"' in text and 'timeformat="date"' in text
    assert '<spell start="1999-01-01" end="1999-12-31"' in text and '<spell start="1999-01-01" />' in text


def test_excel_cells_are_text_never_formulas(tmp_path: Path) -> None:
    chart = linkchart.from_records(
        [
            {"id": '=HYPERLINK("x")', "type": "state", "label": "+cmd|' /C calc'!A0"},
            {"id": "b", "type": "state"},
        ],
        [{"from": '=HYPERLINK("x")', "relation": "r", "to": "b", "evidence": "@SUM(A1)"}],
    )
    out = linkchart.export(chart, tmp_path / "f.xlsx")
    wb = openpyxl.load_workbook(out)
    cells = [c for row in wb["nodes"].iter_rows() for c in row] + [
        c for row in wb["edges"].iter_rows() for c in row
    ]
    assert all(c.data_type != "f" for c in cells)
    assert wb["nodes"]["A2"].value == '=HYPERLINK("x")' and wb["nodes"]["A2"].data_type == "s"
    assert linkchart.load(out) == chart


def test_files_from_other_tools_load_with_the_foreign_mapping(tmp_path: Path) -> None:
    g = nx.MultiDiGraph()
    g.add_node("a", label="Alpha", kind="cell")
    g.add_node("b")
    g.add_edge("a", "b", label="pays", weight=2.5, note="seen twice")
    g.add_edge("a", "b", label="calls")
    nx.write_graphml(g, tmp_path / "other.graphml")
    chart = linkchart.load(tmp_path / "other.graphml")
    assert chart.node("a").label == "Alpha" and chart.node("a").type == "entity"
    assert chart.node("a").attributes["kind"] == "cell"
    assert sorted(e.relation for e in chart.iter_edges()) == ["calls", "pays"]
    pays = next(e for e in chart.iter_edges() if e.relation == "pays")
    assert pays.weight == 2.5 and pays.attributes["note"] == "seen twice"
    nx.write_gexf(g, tmp_path / "other.gexf")
    assert linkchart.load(tmp_path / "other.gexf").number_of_edges == 2
    (tmp_path / "other.json").write_text(json.dumps(nx.node_link_data(g, edges="links")), encoding="utf-8")
    assert linkchart.load(tmp_path / "other.json").number_of_nodes == 2


def test_hostile_files_end_in_located_errors(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.graphml"
    bomb.write_text(
        '<?xml version="1.0"?><!DOCTYPE lol [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph><node id="&b;"/></graph></graphml>',
        encoding="utf-8",
    )
    with pytest.raises(LoadError, match="DTD"):
        linkchart.load(bomb)
    broken = tmp_path / "broken.json"
    broken.write_text('{"nodes": [', encoding="utf-8")
    with pytest.raises(LoadError, match="malformed JSON"):
        linkchart.load(broken)
    (tmp_path / "fake.xlsx").write_bytes(b"not a zip")
    with pytest.raises(LoadError, match="not an Excel workbook"):
        linkchart.load(tmp_path / "fake.xlsx")
    good = linkchart.from_records([{"id": "a", "type": "state"}], [])
    out = linkchart.export(good, tmp_path / "g.json")
    data = json.loads(out.read_text(encoding="utf-8"))
    data["links"] = [{"source": "a", "target": "zz", "relation": "r", "confidence": "reported"}]
    out.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(LoadError, match="unknown node 'zz'"):
        linkchart.load(out)
    with pytest.raises(LinkchartError, match="extension"):
        linkchart.export(good, tmp_path / "g.unknown")


def test_cli_export_and_convert(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    graph = str(ROOT / "graphs" / "central_asia.yaml")
    assert main(["export", graph, "-o", str(tmp_path / "c.gexf")]) == 0
    assert "wrote" in capsys.readouterr().err
    assert main(["convert", str(tmp_path / "c.gexf"), "--allow-outside", "-o", str(tmp_path / "c.xlsx")]) == 0
    assert main(["convert", str(tmp_path / "c.xlsx"), "--allow-outside", "-o", str(tmp_path / "c.yaml")]) == 0
    again = linkchart.load(tmp_path / "c.yaml", allow_outside=True)
    original = linkchart.load(graph)
    assert again.to_records() == original.to_records() and again.vocabulary == original.vocabulary
    assert main(["export", graph, "-o", graph]) == 1  # never over the input
    assert main(["export", graph, "-o", str(tmp_path / "x.txt")]) == 2  # a usage error: say --format


def test_excel_problems_are_placed_by_sheet_row_and_column(tmp_path: Path) -> None:
    chart = linkchart.from_records(
        [{"id": "a", "type": "state"}, {"id": "b", "type": "state"}],
        [{"from": "a", "relation": "r", "to": "b"}, {"from": "b", "relation": "r", "to": "a"}],
    )
    out = linkchart.export(chart, tmp_path / "c.xlsx")
    wb = openpyxl.load_workbook(out)
    wb["edges"]["D3"] = "zz"  # the second edge's 'to' (column D), row 3
    wb["edges"]["E2"] = "likely"  # the first edge's confidence
    wb.save(out)
    with pytest.raises(LoadError) as info:
        linkchart.load(out)
    messages = sorted(p.message for p in info.value.problems)
    assert messages[0].startswith("sheet edges, row 2, column E (confidence): ")
    assert messages[1].startswith("sheet edges, row 3, column D (to): unknown node 'zz'")
    assert {p.line for p in info.value.problems} == {2, 3} and all(
        p.file == str(out) for p in info.value.problems
    )


def test_periods_lifespans_and_finer_times_survive_every_format(tmp_path: Path) -> None:
    chart = linkchart.from_records(
        [{"id": "boss", "type": "person", "time": "1994-01/"}, {"id": "lt", "type": "person", "time": 1994}],
        [
            {"from": "boss", "relation": "calls", "to": "lt", "time": "p1"},
            {"from": "lt", "relation": "calls", "to": "boss", "time": "1994-05-02"},
            {"from": "lt", "relation": "calls", "to": "boss", "time": {"from": "1994-06", "to": None}},
        ],
        periods={"p1": "1994-03/1994-04"},
    )
    for fmt in (*FORMATS, "stix.json"):
        again = linkchart.load(linkchart.export(chart, tmp_path / f"c.{fmt}"))
        assert again == chart, fmt
        assert again.periods == chart.periods and again.node("boss").time == chart.node("boss").time, fmt
    gexf = (tmp_path / "c.gexf").read_text(encoding="utf-8")
    assert (
        '<spell start="1994-03-01" end="1994-04-30"' in gexf
        and '<spell start="1994-05-02" end="1994-05-02"' in gexf
    )
    assert '<spell start="1994-01-01" />' in gexf  # the boss's open lifespan
