"""linkchart.writers.yaml: charts written to a YAML graph file load back identical."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from strategies import charts

import linkchart
from linkchart import LinkchartError, from_records, load, write_yaml
from linkchart.errors import LoadWarning
from linkchart.writers import yaml as yaml_writer

ROUND_TRIP = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@ROUND_TRIP
@given(charts())
def test_yaml_round_trip(chart: linkchart.LinkChart) -> None:
    with tempfile.TemporaryDirectory() as folder:
        again = load(write_yaml(chart, Path(folder) / "g.yaml"))
    assert again == chart


@ROUND_TRIP
@given(charts(declared=True))
def test_yaml_round_trip_with_declared_vocabulary(chart: linkchart.LinkChart) -> None:
    with tempfile.TemporaryDirectory() as folder:
        again = load(write_yaml(chart, Path(folder) / "g.yaml"))
    assert again == chart
    assert again.vocabulary.declared_relations


def test_a_view_keeps_its_edge_ids(tmp_path: Path) -> None:
    c = from_records(
        [{"id": "a", "type": "state"}, {"id": "b", "type": "state"}],
        [{"from": "a", "relation": "r", "to": "b"}, {"from": "b", "relation": "s", "to": "a"}],
    )
    view = c.with_relations("s")
    again = load(write_yaml(view, tmp_path / "v.yaml"))
    assert again.edges.ids == ["e1"]
    assert again.to_records() == view.to_records()


def test_written_yaml_reads_well(tmp_path: Path) -> None:
    c = from_records(
        [{"id": "IMT", "type": "organisation", "aliases": ["IMU"]}, {"id": "P", "type": "state"}],
        [{"from": "P", "relation": "finances", "to": "IMT", "time": "1999-2001", "weight": 1}],
    )
    text = write_yaml(c, tmp_path / "g.yaml").read_text(encoding="utf-8")
    assert text.startswith("linkchart: 1\ntitle: ''\n")
    assert "  time:\n    from: 1999\n    to: 2001\n" in text
    assert "weight" not in text and "id: e0" not in text


def test_relative_source_locations_follow_the_file(tmp_path: Path) -> None:
    (tmp_path / "g" / "src").mkdir(parents=True)
    (tmp_path / "g" / "src" / "a.txt").write_text("P pays IMT.", encoding="utf-8")
    (tmp_path / "g" / "g.yaml").write_text(
        "linkchart: 1\ntitle: t\nsources: [{id: s, location: src/a.txt}]\n"
        "nodes: [{id: P, type: state}, {id: IMT, type: organisation}]\n"
        "edges: [{from: P, relation: pays, to: IMT, source: s, evidence: P pays IMT}]\n",
        encoding="utf-8",
    )
    c = load(tmp_path / "g" / "g.yaml")
    above = load(write_yaml(c, tmp_path / "copy.yaml"))  # the text lies inside the copy's folder
    assert above.sources[0].location == "g/src/a.txt" and above == c
    (tmp_path / "out" / "deeper").mkdir(parents=True)
    copy = write_yaml(c, tmp_path / "out" / "deeper" / "g.yaml")
    assert "a.txt" not in yaml.safe_load(copy.read_text(encoding="utf-8"))["sources"][0].get("location", "")
    with pytest.warns(LoadWarning, match="src/a.txt was not embedded") as caught:
        again = load(copy)  # never pointed outside its folder: loads, its quote not checked
    assert [w.message.problem.code for w in caught] == ["evidence-unchecked"]  # type: ignore[union-attr]
    assert again == c and again.sources[0].location == "" and again.sources[0].unchecked
    embedded = load(write_yaml(c, tmp_path / "out" / "e.yaml", embed_sources=True))
    assert embedded == c and embedded.sources[0].text == "P pays IMT."


def test_dumps_is_the_text_write_yaml_writes(tmp_path: Path) -> None:
    c = from_records([{"id": "A", "type": "state"}], [], title="t")
    assert write_yaml(c, tmp_path / "g.yaml").read_text(encoding="utf-8") == yaml_writer.dumps(
        c, folder=tmp_path
    )


def test_write_yaml_never_writes_over_the_file_the_chart_came_from(tmp_path: Path) -> None:
    path = write_yaml(from_records([{"id": "A", "type": "state"}], [], title="t"), tmp_path / "g.yaml")
    before = path.read_text(encoding="utf-8")
    with pytest.raises(LinkchartError, match="will not write over"):
        write_yaml(load(path), path)
    assert path.read_text(encoding="utf-8") == before
    assert write_yaml(load(path), path, overwrite=True) == path
