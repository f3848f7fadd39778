"""Tests of linkchart.loading.timegrammar: every form of a time, every refusal, periods, lifespans."""

from __future__ import annotations

import json
import warnings
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

import linkchart
from linkchart import LoadWarning
from linkchart.loading.timegrammar import parse_time, period_name_problem
from linkchart.times import Span

D = date


@pytest.mark.parametrize(
    ("written", "text", "first", "last"),
    [
        (1999, "1999", D(1999, 1, 1), D(1999, 12, 31)),
        ("1999", "1999", D(1999, 1, 1), D(1999, 12, 31)),
        ("2003-04", "2003-04", D(2003, 4, 1), D(2003, 4, 30)),
        ("2000-02", "2000-02", D(2000, 2, 1), D(2000, 2, 29)),
        ("1999-03-15", "1999-03-15", D(1999, 3, 15), D(1999, 3, 15)),
        (D(1999, 3, 15), "1999-03-15", D(1999, 3, 15), D(1999, 3, 15)),
        ("1999-2001", "1999-2001", D(1999, 1, 1), D(2001, 12, 31)),
        ("1999 \u2013 2001", "1999-2001", D(1999, 1, 1), D(2001, 12, 31)),
        ("1999\u20142001", "1999-2001", D(1999, 1, 1), D(2001, 12, 31)),
        ("1999-", "1999-", D(1999, 1, 1), None),
        ("-2001", "-2001", None, D(2001, 12, 31)),
        ("1999-03/1999-04-15", "1999-03/1999-04-15", D(1999, 3, 1), D(1999, 4, 15)),
        ("1999-03/1999-04", "1999-03/1999-04", D(1999, 3, 1), D(1999, 4, 30)),
        ("1999/2001-06", "1999/2001-06", D(1999, 1, 1), D(2001, 6, 30)),
        ("1999-03/", "1999-03/", D(1999, 3, 1), None),
        ("1999-03/..", "1999-03/", D(1999, 3, 1), None),
        ("/1999-04", "/1999-04", None, D(1999, 4, 30)),
        ("../1999-04", "/1999-04", None, D(1999, 4, 30)),
        ({"from": "1999-03", "to": "1999-04-15"}, "1999-03/1999-04-15", D(1999, 3, 1), D(1999, 4, 15)),
        ({"from": 1997}, "1997-", D(1997, 1, 1), None),
        ({"from": 1997, "to": None}, "1997-", D(1997, 1, 1), None),
        ({"to": D(2001, 5, 2)}, "/2001-05-02", None, D(2001, 5, 2)),
        ({"from": "1999", "to": "2001"}, "1999-2001", D(1999, 1, 1), D(2001, 12, 31)),
    ],
)
def test_every_form_reads_with_its_days_and_keeps_its_precision(
    written: object, text: str, first: date | None, last: date | None
) -> None:
    span = parse_time(written)
    assert isinstance(span, Span), span
    assert (span.text, span.first, span.last) == (text, first, last)
    assert parse_time(span.text) == span  # the text reads back as the same span
    assert parse_time(span.value) == span  # and so does the value written to files


@pytest.mark.parametrize(
    ("written", "reason"),
    [
        ("2003-4", "'2003-4' is ambiguous: write 2003-04 for a month of 2003, or 2003-2004 for the years"),
        ("2003-13", "'2003-13' is ambiguous: write 2003-MM for a month of 2003, or 2003-2013 for the years"),
        ("2003\u201304", "is ambiguous: write 2003-04 for a month of 2003, or 2003-2004 for the years"),
        ("1999-00", "'1999-00': 00 is not a month (01 to 12)"),
        ("1999-02-29", "'1999-02-29': 1999-02 has no day 29"),
        ("1999-04-31", "has no day 31"),
        ("99-03", "the interval 99-03 ends before it starts"),
        ("99-03-15", "write the year with four digits (0099-03)"),
        ("1990s", "'1990s' is not a time"),
        ("2001-1999", "the interval 2001-1999 ends before it starts"),
        ("1999-03/1999-02", "the interval 1999-03/1999-02 ends before it starts"),
        ({"from": "1999-03", "to": "1999-02-28"}, "ends before it starts"),
        ("1999/2000/2001", "has more than one '/'"),
        ("/", "'/' has no bound"),
        ("../..", "has no bound"),
        ("-", "'-' is not a time"),
        ("-1994-04-30", "an open interval of months or days is written with a slash (/1994-04-30)"),
        ("1994-04-", "written with a slash (1994-04/)"),
        ("", "an empty time"),
        (0, "year 0 is outside 1..9999"),
        (10000, "year 10000 is outside 1..9999"),
        ("10000", "'10000' is not a time"),
        (True, "True is not a time"),
        (1999.5, "1999.5 is not a time"),
        ({"from": 1999, "until": 2001}, "unknown key 'until' in the time"),
        ({}, "the interval has neither 'from' nor 'to'"),
        ({"from": True}, "from: True is not a time"),
        ({"to": "soon"}, "to: 'soon' is not a year"),
        ("phase1", "'phase1' is not a time"),
    ],
)
def test_every_refusal_says_why(written: object, reason: str) -> None:
    found = parse_time(written)
    assert isinstance(found, str) and reason in found, found


def test_periods_stand_for_times_and_for_the_ends_of_intervals() -> None:
    periods = {"phase1": parse_time("1994-03/1994-04"), "phase3": parse_time("1994-07/1994-08-15")}
    assert all(isinstance(p, Span) for p in periods.values())
    known = {k: v for k, v in periods.items() if isinstance(v, Span)}
    assert parse_time("phase1", known) == known["phase1"]
    span = parse_time({"from": "phase1", "to": "phase3"}, known)
    assert isinstance(span, Span) and (span.first, span.last) == (D(1994, 3, 1), D(1994, 8, 15))
    assert isinstance(parse_time("phase1/1995", known), Span)


def test_a_period_name_may_not_read_as_a_time() -> None:
    assert period_name_problem("phase1") is None
    assert period_name_problem("the split") is None
    for name in ("1999", "1999-03", "2003-4", "2003-13", "..", "-", "1999 - 2001", "1999\u20132001", ". ."):
        assert "written like a time" in (period_name_problem(name) or ""), name
    assert "holds '/'" in (period_name_problem("a/b") or "")
    assert "must be text" in (period_name_problem(1999) or "")
    assert "must be text" in (period_name_problem("") or "")


@pytest.mark.parametrize("name", ["phase1 ", " phase1", "phase1\t", "\u00a0phase1"])
def test_a_period_name_with_spaces_around_it_is_refused_and_nothing_is_changed(graphs, name: str) -> None:  # type: ignore[no-untyped-def]
    text = (
        f"linkchart: 1\ntitle: t\nperiods:\n  phase1: 1994\n  {json.dumps(name)}: 1995\n"
        "nodes: [{id: A, type: state, time: phase1}]\nedges: []\n"
    )
    p = graphs.one(text, "bad-time")
    assert p.path == f"periods.{name}" and "begins or ends with a space" in p.message


def test_an_interval_with_no_bound_is_refused_however_written() -> None:
    for written in (
        "../..",
        "/",
        {"from": "", "to": " "},
        {"from": "..", "to": ".."},
        {"from": ""},
        {"to": " .. "},
    ):
        assert "no bound" in str(parse_time(written)), written
    assert parse_time({"from": "", "to": 1999}) == parse_time("/1999")
    assert parse_time({"from": "1999-03", "to": ".."}) == parse_time("1999-03/")


@given(
    st.dates(min_value=D(1, 1, 1), max_value=D(9999, 12, 31)),
    st.dates(min_value=D(1, 1, 1), max_value=D(9999, 12, 31)),
    st.sampled_from(["year", "month", "day"]),
    st.sampled_from(["year", "month", "day"]),
)
def test_any_interval_reads_back_from_its_text(a: date, b: date, pa: str, pb: str) -> None:
    a, b = min(a, b), max(a, b)

    def text(d: date, p: str) -> str:
        return (
            f"{d.year:04d}"
            + ("" if p == "year" else f"-{d.month:02d}")
            + ("-" + f"{d.day:02d}" if p == "day" else "")
        )

    span = parse_time({"from": text(a, pa), "to": text(b, pb)})
    assert isinstance(span, Span)
    assert span.first is not None and span.first <= a and span.last is not None and span.last >= b
    assert parse_time(span.text) == span


# --------------------------------------------------------------------------- in a file
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
