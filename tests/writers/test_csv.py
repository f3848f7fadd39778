"""linkchart.writers.csv: charts written to a CSV folder load back identical."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from strategies import charts

import linkchart
from linkchart import LinkchartError, from_records, load, write_csv
from linkchart.writers import csv as csv_writer

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
    c = from_records([{"id": "a", "type": "state", "attributes": {"tags": [1, 2]}}], [])
    with pytest.raises(LinkchartError, match="list value"):
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
