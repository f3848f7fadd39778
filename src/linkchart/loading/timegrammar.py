"""The time grammar of an edge: a year or an interval of years."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, Final

from ..model import NO_YEAR

__all__ = ["MAX_YEAR", "MIN_YEAR", "parse_time"]

MIN_YEAR: Final = 1
MAX_YEAR: Final = 9999


# --------------------------------------------------------------------------- edges
_DASHES: Final = str.maketrans({"\u2013": "-", "\u2014": "-"})
_TIME_RE: Final = re.compile(r"^\s*(\d{1,4})?\s*(-)?\s*(\d{1,4})?\s*$")


def parse_time(v: Any) -> tuple[int, int] | str:
    """A written time as ``(from, to)`` years (:data:`NO_YEAR` for open or undated), or a reason.

    Accepted: a year (``1999`` or ``"1999"``), ``"1999-2001"``, ``"1999-"``, ``"-2001"``
    (an en or em dash works too), and ``{from: 1999, to: 2001}`` with either end left
    out or ``null``. Years are integers from 1 to 9999 and ``from <= to``.

    Examples
    --------
    >>> parse_time("1999-2001"), parse_time(2004), parse_time({"from": 1997})
    ((1999, 2001), (2004, 2004), (1997, -2147483648))
    >>> parse_time("1990s")
    "'1990s' is not a year or an interval of years"
    """
    if isinstance(v, Mapping):
        extra = [k for k in v if k not in ("from", "to")]
        if extra:
            return f"unknown key {extra[0]!r} in the time; write {{from: 1999, to: 2001}}"
        ends: list[int] = []
        for key in ("from", "to"):
            y = v.get(key)
            if y is None:
                ends.append(NO_YEAR)
                continue
            if isinstance(y, str) and y.strip().isdigit():
                y = int(y)
            if isinstance(y, bool) or not isinstance(y, int):
                return f"{key} = {y!r} is not a year"
            ends.append(y)
        a, b = ends
    elif isinstance(v, bool):
        return f"{v!r} is not a year"
    elif isinstance(v, int):
        a = b = v
    elif isinstance(v, str):
        m = _TIME_RE.match(v.translate(_DASHES))
        if not m or not (m.group(1) or m.group(3)) or (m.group(1) and m.group(3) and not m.group(2)):
            return f"{v!r} is not a year or an interval of years"
        a = int(m.group(1)) if m.group(1) else NO_YEAR
        b = int(m.group(3)) if m.group(3) else NO_YEAR
        if not m.group(2):
            b = a
    else:
        return f"{v!r} is not a year or an interval of years"
    for y in (a, b):
        if y != NO_YEAR and not MIN_YEAR <= y <= MAX_YEAR:
            return f"year {y} is outside {MIN_YEAR}..{MAX_YEAR}"
    if a != NO_YEAR and b != NO_YEAR and a > b:
        return f"the interval {a}-{b} ends before it starts"
    return a, b
