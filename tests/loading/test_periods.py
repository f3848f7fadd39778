"""Times in graph files: periods and lifespans load, bad ones are located problems, times in CSV
columns (the grammar itself: tests/test_timegrammar.py)."""

from __future__ import annotations

import json
import warnings
from datetime import date

import pytest

import linkchart
from linkchart import LoadWarning

D = date


@pytest.mark.parametrize("name", ["phase1 ", " phase1", "phase1\t", "\u00a0phase1"])
def test_a_period_name_with_spaces_around_it_is_refused_and_nothing_is_changed(graphs, name: str) -> None:  # type: ignore[no-untyped-def]
    text = (
        f"linkchart: 1\ntitle: t\nperiods:\n  phase1: 1994\n  {json.dumps(name)}: 1995\n"
        "nodes: [{id: A, type: state, time: phase1}]\nedges: []\n"
    )
    p = graphs.one(text, "bad-time")
    assert p.path == f"periods.{name}" and "begins or ends with a space" in p.message


PHASED = """\
linkchart: 1
title: Phases
periods:
  phase1: {from: 1994-03, to: 1994-04}
  phase2: {from: 1994-05, to: 1994-06}
relations:
  calls: {}
nodes:
  - {id: boss, type: person, time: {from: 1994-01}}
  - {id: courier, type: person, time: 1994-03/1994-05-20}
  - {id: buyer, type: person}
edges:
  - {from: boss, relation: calls, to: courier, time: phase1}
  - {from: courier, relation: calls, to: buyer, time: {from: phase1, to: phase2}}
  - {from: boss, relation: calls, to: buyer, time: 1994-06-02}
"""


def test_periods_and_lifespans_load(graphs) -> None:  # type: ignore[no-untyped-def]
    c = linkchart.load(graphs.write(PHASED))
    assert list(c.periods) == ["phase1", "phase2"]
    assert c.periods["phase2"].text == "1994-05/1994-06"
    assert c.edge("e0").time == c.periods["phase1"]
    e1 = c.edge("e1").time
    assert e1 is not None and (e1.first, e1.last) == (D(1994, 3, 1), D(1994, 6, 30))
    courier = c.node("courier").time
    assert courier is not None and courier.text == "1994-03/1994-05-20"
    assert c.node("buyer").time is None
    # written back out and loaded again: equal, periods included
    back = linkchart.load(linkchart.write_yaml(c, graphs.folder / "out.yaml"))
    assert back == c and back.periods == c.periods


@pytest.mark.parametrize(
    ("old", "new", "code", "path"),
    [
        ("time: phase1}", "time: phase9}", "unknown-period", "edges[0].time"),
        ("  phase2: {from: 1994-05", "  1995: {from: 1994-05", "bad-time", "periods.1995"),
        ("  phase2: {from: 1994-05, to: 1994-06}", "  phase2: {from: 1994-05, to: 1994-04}", "bad-time",
         "periods.phase2"),
        ("time: 1994-03/1994-05-20}", "time: 1994-13}", "bad-time", "nodes[1].time"),
    ],
)  # fmt: skip
def test_bad_periods_and_times_are_located(graphs, old: str, new: str, code: str, path: str) -> None:  # type: ignore[no-untyped-def]
    text = PHASED.replace(old, new)
    found = graphs.problems(text)
    assert code in [p.code for p in found]
    problem = next(p for p in found if p.code == code)
    assert problem.path == path and problem.line == graphs.line(text, new.strip()[:12])
    if code == "unknown-period":
        assert problem.hint == "did you mean 'phase2' or 'phase1'?"


def test_a_tie_outside_a_lifespan_is_a_located_warning_and_the_chart_loads(graphs) -> None:  # type: ignore[no-untyped-def]
    text = PHASED.replace("time: 1994-06-02}", "time: 1993-06-02}")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        c = linkchart.load(graphs.write(text))
    found = [w.message for w in caught if isinstance(w.message, LoadWarning)]
    assert len(found) == 1 and c.number_of_edges == 3
    problem = found[0].problem
    assert (problem.code, problem.path) == ("outside-lifespan", "edges[2].time")
    assert problem.line == graphs.line(text, "1993-06-02")
    assert "lies outside the lifespan of 'boss' (1994-01/)" in problem.message
    with warnings.catch_warnings(record=True) as caught:  # inside every lifespan: no warning
        warnings.simplefilter("always")
        linkchart.load(graphs.write(PHASED))
    assert not [w for w in caught if isinstance(w.message, LoadWarning)]


def test_times_in_csv_columns(graphs) -> None:  # type: ignore[no-untyped-def]
    (graphs.folder / "nodes.csv").write_text("id,type,time\nboss,person,1994-01/\ncourier,person,\n")
    (graphs.folder / "edges.csv").write_text(
        "from,relation,to,time\nboss,calls,courier,phase1\nboss,calls,courier,1994-05-02\ncourier,calls,boss,\n"
    )
    head = PHASED.split("relations:")[0]
    c = linkchart.load(graphs.write(head + "nodes: {csv: nodes.csv}\nedges: {csv: edges.csv}\n"))
    assert [e.time.text if e.time else None for e in c.iter_edges()] == [
        "1994-03/1994-04",
        "1994-05-02",
        None,
    ]
    assert c.node("boss").time is not None and c.node("courier").time is None
    (graphs.folder / "edges.csv").write_text("from,relation,to,time\nboss,calls,courier,2003-4\n")
    p = graphs.one(head + "nodes: {csv: nodes.csv}\nedges: {csv: edges.csv}\n", "bad-time")
    assert (p.path, p.row, p.line) == ("edges[0].time", 1, 2)
    assert "2003-04" in p.message and "2003-2004" in p.message


def test_periods_must_be_a_mapping(graphs) -> None:  # type: ignore[no-untyped-def]
    declared = "periods:\n  phase1: {from: 1994-03, to: 1994-04}\n  phase2: {from: 1994-05, to: 1994-06}\n"
    text = PHASED.replace(declared, "periods: [phase1, phase2]\n")
    found = graphs.problems(text)
    first = found[0]
    assert (first.code, first.path, first.message) == (
        "wrong-type",
        "periods",
        "'periods' must be a mapping, not a list",
    )
    # without periods, the ties that name one are bad times (nothing to look the name up in)
    assert [p.code for p in found[1:]] == ["bad-time", "bad-time"]
