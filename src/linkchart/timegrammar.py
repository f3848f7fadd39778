"""The time grammar: a year, a month or a day, an interval of these, or a named period.

=====================================  ===========================================
written                                means
=====================================  ===========================================
``1999``                               the whole year
``1999-03``                            the whole month of March 1999 (ISO 8601)
``1999-03-15``                         that day
``1999-2001``, ``1999-``, ``-2001``    years 1999 to 2001; from 1999; until 2001
``1999-03/1999-04-15``                 from March 1999 to 15 April 1999 (ISO 8601)
``1999-03/``, ``/1999-04``             open-ended intervals (``..`` for the open end too)
``{from: 1999-03, to: 1999-04-15}``    the same as a mapping; either end may be left out
``phase1``                             a period declared under ``periods:``
``{from: phase1, to: phase3}``         from the start of ``phase1`` to the end of ``phase3``
=====================================  ===========================================

A start means the first day of what it names and an end the last day, so
``1999-03/1999-04`` covers 1 March to 30 April.

**``2003-04`` is April 2003**, as in ISO 8601: a four-digit year, a hyphen and two
digits from 01 to 12 is a month. For the years 2003 to 2004 write ``2003-2004`` (or
``{from: 2003, to: 2004}``). A hyphen followed by one digit (``2003-4``), by two digits
that are not a month (``2003-13``), or an en dash before two digits (``2003\u201304``) is
refused with both spellings in the hint.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Mapping
from typing import Any, Final

from .times import DAY, MONTH, NO_TIME, OPEN, YEAR, Span, first_day, last_day, pack, unpack

__all__ = ["MAX_YEAR", "MIN_YEAR", "TIME_HINT", "parse_time", "period_name_problem"]

MIN_YEAR: Final = 1
MAX_YEAR: Final = 9999

TIME_HINT: Final = (
    "write a year (1999), a month (1999-03), a day (1999-03-15), an interval ('1999-2001', "
    "'1999-03/1999-04-15', '1999-', '-2001') or {from: 1999-03, to: 2001}"
)

_POINT_RE: Final = re.compile(r"^(\d{1,4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_YEARS_RE: Final = re.compile(r"^(\d{1,4})?\s*([-\u2013\u2014])\s*(\d{1,4})?$")
_Point = tuple[int, int | None, int | None]  # year, month, day


def _point(text: str) -> _Point | str:
    """A year, month or day, or the reason it is none."""
    m = _POINT_RE.match(text)
    if not m:
        return f"{text!r} is not a year, a month (1999-03) or a day (1999-03-15)"
    year = int(m.group(1))
    month = int(m.group(2)) if m.group(2) else None
    day = int(m.group(3)) if m.group(3) else None
    if not MIN_YEAR <= year <= MAX_YEAR:
        return f"year {year} is outside {MIN_YEAR}..{MAX_YEAR}"
    if month is not None:
        if len(m.group(1)) != 4:
            return f"{text!r}: write the year with four digits ({year:04d}-{month:02d})"
        if not 1 <= month <= 12:
            return f"{text!r}: {month} is not a month (01 to 12)"
        if day is not None and not 1 <= day <= calendar.monthrange(year, month)[1]:
            return f"{text!r}: {year:04d}-{month:02d} has no day {day}"
    return year, month, day


def _precision(p: _Point) -> int:
    return YEAR if p[1] is None else MONTH if p[2] is None else DAY


def _end(v: Any, periods: Mapping[str, Span], at_start: bool) -> tuple[int, int] | str:
    """One end of an interval as ``(day, precision)``: a point, a date or a period name."""
    if v is None or (isinstance(v, str) and v.strip() in ("", "..")):
        return NO_TIME, OPEN
    if isinstance(v, bool):
        return f"{v!r} is not a time"
    if isinstance(v, dt.datetime):
        v = v.date()
    if isinstance(v, dt.date):
        return v.toordinal(), DAY
    if isinstance(v, int):
        v = str(v)
    if not isinstance(v, str):
        return f"{v!r} is not a time"
    text = v.strip()
    if text in periods:
        span = periods[text]
        p0, p1 = unpack(span.precision)
        return (span.start, p0) if at_start else (span.end, p1)
    found = _point(text)
    if isinstance(found, str):
        return found
    if at_start:
        return first_day(*found), _precision(found)
    return last_day(*found), _precision(found)


def _ordered(start: tuple[int, int], end: tuple[int, int], written: str) -> Span | str:
    (a, pa), (b, pb) = start, end
    if a != NO_TIME and b != NO_TIME and a > b:
        return f"the interval {written} ends before it starts"
    return Span(a, b, pack(pa, pb))


def _hyphen_problem(text: str) -> str | None:
    """The reason a ``YYYY-N`` or ``YYYY\u2013NN`` text is ambiguous, or ``None`` when it is not."""
    m = re.match(r"^(\d{4})\s*([-\u2013\u2014])\s*(\d{1,2})$", text)
    if not m:
        return None
    year, dash, tail = m.group(1), m.group(2), m.group(3)
    if dash == "-" and len(tail) == 2 and 1 <= int(tail) <= 12:
        return None  # a month
    century = int(year) // 100 * 100
    later = century + int(tail) if len(tail) == 2 else int(year[:3] + tail)
    if later <= int(year):
        return f"{text!r}: {tail} is not a month (01 to 12)"
    month = f"{year}-{int(tail):02d}" if 1 <= int(tail) <= 12 else f"{year}-MM"
    return (
        f"{text!r} is ambiguous: write {month} for a month of {year}, "
        f"or {year}-{later} for the years {year} to {later}"
    )


def _text(v: str, periods: Mapping[str, Span]) -> Span | str:
    text = v.strip()
    if not text:
        return "an empty time"
    if text in periods:
        return periods[text]
    if "/" in text:
        left, _, right = text.partition("/")
        if "/" in right:
            return f"{text!r} has more than one '/'"
        if left.strip() in ("", "..") and right.strip() in ("", ".."):
            return f"{text!r} has no bound"
        a = _end(left, periods, True)
        if isinstance(a, str):
            return a
        b = _end(right, periods, False)
        if isinstance(b, str):
            return b
        return _ordered(a, b, text)
    ambiguous = _hyphen_problem(text)
    if ambiguous:
        return ambiguous
    point = _POINT_RE.match(text)
    if point and point.group(2) and not point.group(3) and len(point.group(1)) < 4:
        point = None  # "99-10": the years 99 to 10, as before months existed
    if point:
        found = _point(text)
        if isinstance(found, str):
            return found
        p = _precision(found)
        return Span(first_day(*found), last_day(*found), pack(p, p))
    years = _YEARS_RE.match(text)
    if years and (years.group(1) or years.group(3)):
        a = _end(years.group(1), periods, True)
        b = _end(years.group(3), periods, False)
        if isinstance(a, str):
            return a
        if isinstance(b, str):
            return b
        return _ordered(a, b, text)
    bare = text.strip("-\u2013\u2014 ")
    if bare != text and _POINT_RE.match(bare) and "-" in bare:
        open_end = f"/{bare}" if text[:1] in "-\u2013\u2014" else f"{bare}/"
        return f"{text!r}: an open interval of months or days is written with a slash ({open_end})"
    return f"{text!r} is not a time"


def parse_time(v: Any, periods: Mapping[str, Span] | None = None) -> Span | str:
    """A written time as a :class:`~linkchart.times.Span`, or the reason it is not one.

    ``periods`` are the named periods that may stand for a time (or an end of one).

    Examples
    --------
    >>> parse_time("2003-04").text, parse_time("1999-2001").text, parse_time(1999).text
    ('2003-04', '1999-2001', '1999')
    >>> parse_time({"from": "1999-03", "to": "1999-04-15"}).text
    '1999-03/1999-04-15'
    >>> print(parse_time("2003-4"))
    '2003-4' is ambiguous: write 2003-04 for a month of 2003, or 2003-2004 for the years 2003 to 2004
    >>> print(parse_time("2003-13"))
    '2003-13' is ambiguous: write 2003-MM for a month of 2003, or 2003-2013 for the years 2003 to 2013
    >>> print(parse_time("1990s"))
    '1990s' is not a time
    """
    known: Mapping[str, Span] = periods or {}
    if isinstance(v, Span):
        return v
    if isinstance(v, Mapping):
        extra = [k for k in v if k not in ("from", "to")]
        if extra:
            return f"unknown key {extra[0]!r} in the time; write {{from: 1999-03, to: 2001}}"
        if v.get("from") is None and v.get("to") is None:
            return "the interval has neither 'from' nor 'to'"
        a = _end(v.get("from"), known, True)
        if isinstance(a, str):
            return f"from: {a}"
        b = _end(v.get("to"), known, False)
        if isinstance(b, str):
            return f"to: {b}"
        if a[0] == NO_TIME and b[0] == NO_TIME:  # as '../..' is: empty or '..' ends are open ends
            return f"the interval {{from: {v.get('from')!r}, to: {v.get('to')!r}}} has no bound"
        return _ordered(a, b, f"{v.get('from')} to {v.get('to')}")
    if isinstance(v, bool):
        return f"{v!r} is not a time"
    if isinstance(v, int):
        if not MIN_YEAR <= v <= MAX_YEAR:
            return f"year {v} is outside {MIN_YEAR}..{MAX_YEAR}"
        return Span(first_day(v), last_day(v), pack(YEAR, YEAR))
    if isinstance(v, dt.date):
        day = (v.date() if isinstance(v, dt.datetime) else v).toordinal()
        return Span(day, day, pack(DAY, DAY))
    if isinstance(v, str):
        return _text(v, known)
    return f"{v!r} is not a time"


_TIME_SHAPED: Final = re.compile(r"[\d\s.\-\u2013\u2014]*")


def period_name_problem(name: Any) -> str | None:
    """Why ``name`` cannot name a period, or ``None``: the same text must never read two ways.

    A period name is text that is not empty and has no space at either end (a written
    time is read without them, so such a period could never be named, and ``"phase1 "``
    would be a second ``phase1``). It holds no ``/`` (which splits an interval) and is not
    written like a time: a name made only of digits, dashes, dots and spaces (``1999``,
    ``2003-4``, ``..``, the open end of an interval) would read as a time, or as a
    mistyped one, in one place and as the period in another.

    Examples
    --------
    >>> period_name_problem("phase 1") is None, period_name_problem("1990s") is None
    (True, True)
    >>> period_name_problem("phase1 ").split(";")[0]
    "the period name 'phase1 ' begins or ends with a space"
    >>> period_name_problem("..").split(";")[0]
    "the period name '..' is written like a time (only digits, dashes, dots and spaces)"
    """
    if not isinstance(name, str) or not name:
        return f"a period name must be text that is not empty, not {name!r}"
    if name != name.strip():
        return (
            f"the period name {name!r} begins or ends with a space; a time is read without them, "
            "so it could never be named"
        )
    if "/" in name:
        return f"the period name {name!r} holds '/', which splits an interval; give it a name without one"
    if _TIME_SHAPED.fullmatch(name) or isinstance(parse_time(name), Span):
        return (
            f"the period name {name!r} is written like a time (only digits, dashes, dots and spaces); "
            "give it a name with a letter in it"
        )
    return None
