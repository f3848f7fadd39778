"""Tests of linkchart.times: day numbers, precision, the text of a span, overlap."""

from __future__ import annotations

from datetime import date

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from linkchart.times import (
    DAY,
    MONTH,
    NO_TIME,
    OPEN,
    YEAR,
    Span,
    day_number,
    extent,
    first_day,
    in_force,
    last_day,
    pack,
    span_text,
    span_value,
    unpack,
)


def test_days_are_ordinals_and_units_cover_their_days() -> None:
    assert day_number(1, 1, 1) == 1 and day_number(1999, 3, 15) == date(1999, 3, 15).toordinal()
    assert last_day(2000, 2) - first_day(2000, 2) == 28  # a leap February
    assert last_day(1999) - first_day(1999) == 364
    assert (first_day(1999, 3, 15), last_day(1999, 3, 15)) == (day_number(1999, 3, 15),) * 2


@given(st.sampled_from([OPEN, YEAR, MONTH, DAY]), st.sampled_from([OPEN, YEAR, MONTH, DAY]))
def test_precision_packs_and_unpacks(a: int, b: int) -> None:
    assert unpack(pack(a, b)) == (a, b) and 0 <= pack(a, b) < 16


def test_text_and_value_keep_what_was_written() -> None:
    y = pack(YEAR, YEAR)
    assert span_text(NO_TIME, NO_TIME, 0) == "" and span_value(NO_TIME, NO_TIME, 0) is None
    assert (
        span_text(first_day(1999), last_day(2001), y),
        span_value(first_day(1999), last_day(2001), y),
    ) == (
        "1999-2001",
        {"from": 1999, "to": 2001},
    )
    m = pack(MONTH, DAY)
    assert span_text(first_day(1999, 3), last_day(1999, 4, 15), m) == "1999-03/1999-04-15"
    assert span_value(first_day(1999, 3), NO_TIME, pack(MONTH, OPEN)) == "1999-03/"
    assert span_text(first_day(42), last_day(42), y) == "42"
    span = Span(first_day(1999, 3), last_day(1999, 3), pack(MONTH, MONTH))
    assert str(span) == "1999-03" and span.dated and not Span(NO_TIME, NO_TIME, 0).dated


def test_in_force_is_overlap_with_open_ends_unbounded() -> None:
    starts = np.array([first_day(1999), NO_TIME, first_day(2001), NO_TIME], dtype=np.int32)
    ends = np.array([last_day(1999), last_day(1998), NO_TIME, NO_TIME], dtype=np.int32)
    assert in_force(starts, ends, first_day(1999, 12), last_day(2000, 1)).tolist() == [
        True,
        False,
        False,
        True,
    ]
    assert in_force(starts, ends, first_day(1990), last_day(1990)).tolist() == [False, True, False, True]


def test_extent_spans_every_bounded_end_at_the_finest_precision() -> None:
    none = np.array([NO_TIME], dtype=np.int32)
    assert extent(none, none, np.zeros(1, dtype=np.uint8)) is None
    a = np.array([first_day(1997), first_day(1999, 5, 2)], dtype=np.int32)
    b = np.array([last_day(1998), NO_TIME], dtype=np.int32)
    found = extent(a, b, np.array([pack(YEAR, YEAR), pack(DAY, OPEN)], dtype=np.uint8))
    assert found is not None and (found.first, found.last) == (date(1997, 1, 1), date(1999, 5, 2))
