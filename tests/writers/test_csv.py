"""linkchart.writers.csv: charts written to a CSV folder load back identical."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from strategies import charts

import linkchart
from linkchart import LinkchartError, LoadError, from_records, load, write_csv
from linkchart.writers import csv as csv_writer

ROOT = Path(__file__).resolve().parents[2]
ROUND_TRIP = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@ROUND_TRIP
@given(charts(csv=True))
def test_csv_round_trip(chart: linkchart.LinkChart) -> None:
    with tempfile.TemporaryDirectory() as folder:
        again = load(write_csv(chart, folder))
    assert again.to_records() == chart.to_records()
    assert again == chart


@ROUND_TRIP
@given(charts(csv=True, declared=True))
def test_csv_round_trip_with_declared_vocabulary(chart: linkchart.LinkChart) -> None:
    with tempfile.TemporaryDirectory() as folder:
        again = load(write_csv(chart, folder))
    assert again == chart


def test_csv_refuses_what_it_cannot_hold(tmp_path: Path) -> None:
    c = from_records([{"id": "a", "type": "state", "aliases": ["x|y"]}], [])
    with pytest.raises(LinkchartError, match=r"alias 'x\|y'"):
        write_csv(c, tmp_path)


def test_dumps_holds_the_three_files_write_csv_writes(tmp_path: Path) -> None:
    c = from_records([{"id": "=A", "type": "state"}, {"id": "B", "type": "state"}],
                     [{"from": "=A", "relation": "r", "to": "B"}], title="t")  # fmt: skip
    files = csv_writer.dumps(c, folder=tmp_path)
    assert list(files) == ["nodes.csv", "edges.csv", "chart.yaml"]
    write_csv(c, tmp_path)
    assert {n: (tmp_path / n).read_bytes().decode("utf-8") for n in files} == files
    assert "'=A" in files["nodes.csv"]  # spreadsheet-safe, read back as the text
    assert load(tmp_path / "chart.yaml") == c


def test_list_number_and_boolean_attributes_are_json_columns(tmp_path: Path) -> None:
    c = from_records(
        [{"id": "a", "type": "state", "attributes": {"tags": ["x", "=y"], "n": 3, "ok": True, "t": "text"}},
         {"id": "b", "type": "state", "attributes": {"tags": [], "n": 2.5, "t": "=SUM(A1)"}}],
        [{"from": "a", "relation": "r", "to": "b", "attributes": {"w": [1, 2], "s": ""}}],
    )  # fmt: skip
    files = csv_writer.dumps(c, folder=tmp_path)
    head = yaml.safe_load(files["chart.yaml"])
    assert head["nodes"] == {"csv": "nodes.csv", "json": ["tags", "n", "ok"]}  # "t" is text: plain cells
    assert head["edges"] == {"csv": "edges.csv", "json": ["w", "s"]}  # "" is not an empty cell
    assert '"[""x"", ""=y""]"' in files["nodes.csv"] and "'=SUM(A1)" in files["nodes.csv"]
    assert load(write_csv(c, tmp_path)) == c


def test_the_bundled_graph_round_trips_through_a_csv_folder(tmp_path: Path) -> None:
    chart = load(ROOT / "graphs" / "central_asia.yaml")
    assert any(isinstance(v, tuple) for n in chart.iter_nodes() for v in n.attributes.values())
    assert load(write_csv(chart, tmp_path / "folder", embed_sources=True)) == chart


def test_a_json_column_is_read_with_the_bounded_reader_and_located(tmp_path: Path) -> None:
    (tmp_path / "chart.yaml").write_text(
        "linkchart: 1\ntitle: t\nnodes: {csv: nodes.csv, json: [tags, nope]}\nedges: []\n", encoding="utf-8"
    )
    (tmp_path / "nodes.csv").write_text('id,type,tags\na,state,"[1, 2"\nb,state,\n', encoding="utf-8")
    with pytest.raises(LoadError) as info:
        load(tmp_path / "chart.yaml")
    found = {(p.code, p.path, p.line) for p in info.value.problems}
    assert ("json-syntax", "nodes[0].attributes.tags", 2) in found
    assert ("unknown-field", "nodes.json", 3) in found
