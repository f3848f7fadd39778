"""Tests of linkchart.timegrammar: every form of a time, every refusal, period names."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from linkchart.timegrammar import parse_time, period_name_problem
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
