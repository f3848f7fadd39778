"""Structure-aware fuzzing: every field of a small valid graph swapped for a hostile value.

Whatever a colleague's file holds, loading it ends in a chart or a LinkchartError (never
another exception), within a time bound. The same mutations go through YAML text (with
tags and YAML 1.1 look-alikes), through ``from_records`` (with Python-only values such as
sets), and through CSV rows.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import HOSTILE_PLAIN, paths_of, replaced

import linkchart
from linkchart import LinkchartError

BASE: dict[str, Any] = {
    "linkchart": 1,
    "title": "Fuzz",
    "description": "A small valid graph.",
    "sources": [{"id": "s", "title": "Article", "location": "https://example.org/a"}],
    "confidence": {"high": 0.9, "low": 0.3},
    "defaults": {"source": "s", "confidence": "high"},
    "node_types": {"state": {"color": "#123456", "shape": "box"}, "organisation": {}},
    "relations": {
        "funds": {"directed": True, "source_types": ["state"], "target_types": ["organisation"], "weight": 2},
        "borders": {"directed": False},
    },
    "nodes": [
        {"id": "A", "type": "state", "label": "State A", "aliases": ["SA"], "attributes": {"capital": "X"}},
        {"id": "B", "type": "state"},
        {"id": "O", "type": "organisation"},
    ],
    "edges": [
        {"from": "A", "relation": "funds", "to": "O", "confidence": "low", "time": "1999-2001", "weight": 3},
        {"from": "A", "relation": "borders", "to": "B", "evidence": "", "time": {"from": 1997}},
        {"id": "x1", "from": "B", "relation": "funds", "to": "O", "attributes": {"amount": 5}},
    ],
}

PYTHON_ONLY = st.one_of(
    st.frozensets(st.integers(), max_size=3), st.sets(st.text(max_size=3), max_size=3), st.just(object())
)
TAGGED_YAML = st.sampled_from(
    [
        "!!bool maybe",
        "!!int x",
        "!!float y",
        "!!python/object:os.system {}",
        "!!binary aGVsbG8=",
        "!custom 3",
        "33:19",
        "on",
        "no",
        "0o17",
        "1_000",
        "2001-01-01",
        ".nan",
        "1e400",
        "[",
        "&a [*a]",
        "!!timestamp 2001-13-99",
        "!!set {a, b}",
        "!!omap [a: 1]",
        "'unterminated",
    ]
)


PATHS = paths_of(BASE)


def _outcome(load: Any) -> None:
    try:
        result = load()
    except LinkchartError as err:
        str(err)  # the message itself must not fail
    else:
        assert isinstance(result, linkchart.LinkChart)


FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@FUZZ
@given(path=st.sampled_from(PATHS), value=HOSTILE_PLAIN)
def test_any_field_through_yaml(tmp_path: Path, path: tuple[Any, ...], value: Any) -> None:
    doc = replaced(BASE, path, value)
    try:
        text = yaml.safe_dump(doc, allow_unicode=True)
    except (yaml.YAMLError, OverflowError, ValueError):
        return
    file = tmp_path / "g.yaml"
    file.write_text(text, encoding="utf-8")
    _outcome(lambda: linkchart.load(file))


@FUZZ
@given(path=st.sampled_from(PATHS), raw=TAGGED_YAML)
def test_any_field_as_tagged_or_ambiguous_yaml(tmp_path: Path, path: tuple[Any, ...], raw: str) -> None:
    marker = "FUZZ-MARKER-VALUE"
    text = yaml.safe_dump(replaced(BASE, path, marker), allow_unicode=True).replace(marker, raw)
    file = tmp_path / "g.yaml"
    file.write_text(text, encoding="utf-8")
    _outcome(lambda: linkchart.load(file))


def _records(doc: dict[str, Any]) -> Any:
    return lambda: linkchart.from_records(
        doc["nodes"], doc["edges"], title=doc.get("title", ""), sources=doc.get("sources", ())
    )


@FUZZ
@given(
    path=st.sampled_from([p for p in PATHS if p[0] in ("nodes", "edges", "sources")]),
    value=st.one_of(HOSTILE_PLAIN, PYTHON_ONLY),
)
def test_any_field_through_records(path: tuple[Any, ...], value: Any) -> None:
    _outcome(_records(replaced(BASE, path, value)))


@FUZZ
@given(nodes=st.one_of(HOSTILE_PLAIN, PYTHON_ONLY), edges=st.one_of(HOSTILE_PLAIN, PYTHON_ONLY))
def test_records_of_the_wrong_shape(nodes: Any, edges: Any) -> None:
    _outcome(lambda: linkchart.from_records(nodes, edges))
    _outcome(lambda: linkchart.from_records(nodes, []))
    _outcome(lambda: linkchart.from_records([], edges))


@FUZZ
@given(
    row=st.integers(min_value=0, max_value=2),
    column=st.sampled_from(["from", "relation", "to", "confidence", "time", "weight", "evidence", "id"]),
    cell=st.one_of(st.text(max_size=20), st.sampled_from(['"', '""', "\x00", "=cmd()", "1e999", "-1", ","])),
)
def test_csv_cells(tmp_path: Path, row: int, column: str, cell: str) -> None:
    columns = ["id", "from", "relation", "to", "confidence", "time", "weight", "evidence"]
    rows = [
        ["e0", "A", "funds", "O", "low", "1999", "1", "x"],
        ["e1", "A", "borders", "B", "high", "", "", ""],
        ["e2", "B", "funds", "O", "", "2001-2003", "2", ""],
    ]
    rows[row][columns.index(column)] = cell
    import csv

    with (tmp_path / "edges.csv").open("w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows([columns, *rows])
    doc = replaced(BASE, ("edges",), {"csv": "edges.csv"})
    (tmp_path / "g.yaml").write_text(yaml.safe_dump(doc), encoding="utf-8")
    _outcome(lambda: linkchart.load(tmp_path / "g.yaml"))


def test_a_document_that_is_only_null_is_a_problem(tmp_path: Path) -> None:
    for text in ("null\n", "~\n", "[]\n", "3\n", "'text'\n"):
        (tmp_path / "g.yaml").write_text(text, encoding="utf-8")
        with pytest.raises(linkchart.LoadError) as info:
            linkchart.load(tmp_path / "g.yaml")
        assert len(info.value.problems) >= 1
