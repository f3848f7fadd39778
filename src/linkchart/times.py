"""Time on a chart: spans of days with the precision they were written in.

A time is written as a year (``1999``), a month (``1999-03``) or a day
(``1999-03-15``), or an interval of these with open ends allowed (the grammar is in
:mod:`linkchart.timegrammar` and ``docs/format.md``). It is stored as two day
numbers — the first and the last day it covers (:meth:`datetime.date.toordinal`, so
1 January of the year 1 is day 1) — and one precision code, so that a month means the
whole month and the text written can be given back: ``1999-03`` is days
729,814-729,844 at month precision, not 1 March.

Columns hold :data:`NO_TIME` for an open end or an undated edge. Every function here
is pure and works on those numbers; :class:`Span` is the value form.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Final, Literal, get_args

import numpy as np
import numpy.typing as npt

from .errors import UnknownNameError

__all__ = [
    "ALWAYS",
    "DAY",
    "MONTH",
    "NEVER",
    "NO_TIME",
    "OPEN",
    "OWN",
    "SOURCE",
    "UNDATED",
    "YEAR",
    "Span",
    "TieTimes",
    "Undated",
    "bounds",
    "check_undated",
    "dated",
    "day_number",
    "end_text",
    "extent",
    "first_day",
    "in_force",
    "last_day",
    "pack",
    "point_text",
    "span_text",
    "span_value",
    "spans",
    "tie_times",
    "unpack",
]

NO_TIME: Final[int] = int(np.iinfo(np.int32).min)
"""Sentinel in the time columns: no bound (an open end, or undated)."""

OPEN: Final = 0
YEAR: Final = 1
MONTH: Final = 2
DAY: Final = 3
"""Precision codes of one end: open (or none), year, month, day."""


def pack(start: int, end: int) -> int:
    """The precision byte of a span: the start's code times 4 plus the end's."""
    return start * 4 + end


def unpack(precision: int) -> tuple[int, int]:
    """The precision codes of a span's start and end (the inverse of :func:`pack`)."""
    return precision // 4, precision % 4


def day_number(year: int, month: int = 1, day: int = 1) -> int:
    """The day number of a date (day 1 is 1 January of the year 1).

    Examples
    --------
    >>> day_number(1999, 3, 15) - day_number(1999, 3, 1)
    14
    """
    return dt.date(year, month, day).toordinal()


def first_day(year: int, month: int | None = None, day: int | None = None) -> int:
    """The first day a year, month or day covers."""
    return day_number(year, month or 1, day or 1)


def last_day(year: int, month: int | None = None, day: int | None = None) -> int:
    """The last day a year, month or day covers."""
    if month is None:
        return day_number(year, 12, 31)
    if day is None:
        return day_number(year, month, calendar.monthrange(year, month)[1])
    return day_number(year, month, day)


def point_text(day: int, precision: int) -> str:
    """One end as written: ``1999``, ``1999-03`` or ``1999-03-15`` (``""`` when open).

    Examples
    --------
    >>> point_text(day_number(1999, 3, 15), MONTH), point_text(day_number(1999, 3, 15), YEAR)
    ('1999-03', '1999')
    """
    if day == NO_TIME or precision == OPEN:
        return ""
    d = dt.date.fromordinal(day)
    if precision == YEAR:
        return str(d.year)
    if precision == MONTH:
        return f"{d.year:04d}-{d.month:02d}"
    return f"{d.year:04d}-{d.month:02d}-{d.day:02d}"


def end_text(start: int, end: int, precision: int) -> tuple[str, str]:
    """The two ends of a span as written (``""`` for an open end)."""
    p0, p1 = unpack(precision)
    return point_text(start, p0), point_text(end, p1)


def span_text(start: int, end: int, precision: int) -> str:
    """A span as one text that :func:`~linkchart.timegrammar.parse_time` reads back.

    A single year, month or day is written alone; an interval of years with a hyphen
    (``1999-2001``, ``1999-``, ``-2001``); any other interval with a slash, as ISO 8601
    does (``1999-03/1999-04-15``, ``1999-03/``). Undated: ``""``.

    Examples
    --------
    >>> span_text(first_day(1999, 3), last_day(1999, 3), pack(MONTH, MONTH))
    '1999-03'
    >>> span_text(first_day(1999), last_day(2001), pack(YEAR, YEAR))
    '1999-2001'
    >>> span_text(first_day(1999, 3), last_day(1999, 4, 15), pack(MONTH, DAY))
    '1999-03/1999-04-15'
    >>> span_text(first_day(1999), NO_TIME, pack(YEAR, OPEN))
    '1999-'
    """
    a, b = end_text(start, end, precision)
    if not a and not b:
        return ""
    if a == b:
        return a
    p0, p1 = unpack(precision)
    if p0 in (OPEN, YEAR) and p1 in (OPEN, YEAR):
        return f"{a}-{b}"
    return f"{a}/{b}"


def span_value(start: int, end: int, precision: int) -> Any:
    """A span as a YAML file would hold it: ``None``, a year (``int``), ``{from: .., to: ..}``
    of years, or the text of :func:`span_text`.

    Examples
    --------
    >>> span_value(first_day(1999), last_day(1999), pack(YEAR, YEAR))
    1999
    >>> span_value(first_day(1999), NO_TIME, pack(YEAR, OPEN))
    {'from': 1999, 'to': None}
    >>> span_value(first_day(1999, 3), last_day(1999, 3), pack(MONTH, MONTH))
    '1999-03'
    """
    a, b = end_text(start, end, precision)
    if not a and not b:
        return None
    p0, p1 = unpack(precision)
    if p0 in (OPEN, YEAR) and p1 in (OPEN, YEAR):
        if a == b:
            return int(a)
        return {"from": int(a) if a else None, "to": int(b) if b else None}
    return span_text(start, end, precision)


def dated(starts: npt.NDArray[np.int32], ends: npt.NDArray[np.int32]) -> npt.NDArray[np.bool_]:
    """Which rows of two time columns carry a time (either end bounded)."""
    out: npt.NDArray[np.bool_] = (starts != NO_TIME) | (ends != NO_TIME)
    return out


def bounds(
    starts: npt.NDArray[np.int32], ends: npt.NDArray[np.int32]
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """Two time columns as ``int64`` first and last days, open ends at the extremes of ``int64``."""
    big = np.iinfo(np.int64)
    first = np.where(starts == NO_TIME, big.min, starts.astype(np.int64))
    last = np.where(ends == NO_TIME, big.max, ends.astype(np.int64))
    return first, last


def in_force(
    starts: npt.NDArray[np.int32], ends: npt.NDArray[np.int32], first: Any, last: Any
) -> npt.NDArray[np.bool_]:
    """Which spans overlap the days ``first..last`` (numbers, or arrays row by row; open ends
    reach forever; an undated row, both ends open, counts as in force: callers that mean
    otherwise mask it)."""
    lo = starts.astype(np.int64)
    hi = ends.astype(np.int64)
    out: npt.NDArray[np.bool_] = ((starts == NO_TIME) | (lo <= last)) & ((ends == NO_TIME) | (hi >= first))
    return out


def extent(
    starts: npt.NDArray[np.int32], ends: npt.NDArray[np.int32], precisions: npt.NDArray[np.uint8]
) -> Span | None:
    """The span from the earliest bounded day to the latest of three time columns, at the
    finest precision written there (``None`` when nothing is dated).

    Examples
    --------
    >>> a = np.array([first_day(1997), NO_TIME], dtype=np.int32)
    >>> b = np.array([last_day(1999), last_day(2001, 5)], dtype=np.int32)
    >>> extent(a, b, np.array([pack(YEAR, YEAR), pack(OPEN, MONTH)], dtype=np.uint8)).text
    '1997-01/2001-05'
    """
    bounded = np.concatenate([starts[starts != NO_TIME], ends[ends != NO_TIME]])
    if not len(bounded):
        return None
    p0 = precisions // 4
    p1 = precisions % 4
    finest = int(max(p0[starts != NO_TIME].max(initial=YEAR), p1[ends != NO_TIME].max(initial=YEAR)))
    first, last = int(bounded.min()), int(bounded.max())
    d0, d1 = dt.date.fromordinal(first), dt.date.fromordinal(last)
    if finest == YEAR:
        return Span(first_day(d0.year), last_day(d1.year), pack(YEAR, YEAR))
    if finest == MONTH:
        return Span(first_day(d0.year, d0.month), last_day(d1.year, d1.month), pack(MONTH, MONTH))
    return Span(first, last, pack(DAY, DAY))


@dataclass(frozen=True, slots=True)
class Span:
    """A time as a value: its first and last day (``None`` where open) and its precision.

    Examples
    --------
    >>> s = Span.of(first_day(1999, 3), last_day(1999, 3), pack(MONTH, MONTH))
    >>> s.text, s.first, s.last
    ('1999-03', datetime.date(1999, 3, 1), datetime.date(1999, 3, 31))
    """

    start: int
    end: int
    precision: int

    @classmethod
    def of(cls, start: int, end: int, precision: int) -> Span:
        """The span of column cells (day numbers, :data:`NO_TIME` where open)."""
        return cls(int(start), int(end), int(precision))

    @property
    def dated(self) -> bool:
        """Whether either end is bounded."""
        return self.start != NO_TIME or self.end != NO_TIME

    @property
    def first(self) -> dt.date | None:
        """The first day covered, or ``None`` when open."""
        return None if self.start == NO_TIME else dt.date.fromordinal(self.start)

    @property
    def last(self) -> dt.date | None:
        """The last day covered, or ``None`` when open."""
        return None if self.end == NO_TIME else dt.date.fromordinal(self.end)

    @property
    def text(self) -> str:
        """As written (:func:`span_text`)."""
        return span_text(self.start, self.end, self.precision)

    @property
    def value(self) -> Any:
        """As a YAML file holds it (:func:`span_value`)."""
        return span_value(self.start, self.end, self.precision)

    def __str__(self) -> str:
        return self.text


def spans(starts: Iterable[int], ends: Iterable[int], precisions: Iterable[int]) -> list[str]:
    """The text of every span of three columns (for tables and pages)."""
    return [span_text(a, b, p) for a, b, p in zip(starts, ends, precisions, strict=True)]


# ---------------------------------------------------------------------------- when a tie is in force
Undated = Literal["source", "always", "never"]
"""How a time view reads a tie that carries no time of its own:

``"source"`` (default)
    At the date of the source it cites, at the precision written (``date: 2005`` is the
    year 2005), and unknown — not in force — at any other time. A tie whose source has no
    date is read as ``"always"``.
``"always"``
    In force throughout: the reading of linkchart 0.2 and earlier.
``"never"``
    Not in force in any time view (only dated ties are read).

In the first two, a tie without a time of its own is never in force outside the lifespan of
either of its ends: an undated tie of an organisation founded in 1998 does not hold in 1997.
"""
UNDATED: tuple[str, ...] = get_args(Undated)

OWN: Final = 0
SOURCE: Final = 1
ALWAYS: Final = 2
NEVER: Final = 3
"""How a tie's time is known (:attr:`TieTimes.how`): its own ``time``; its source's ``date``;
none (in force throughout its ends' lifespans); or not in force in any time view."""


def check_undated(undated: object) -> Undated:
    """``undated`` as one of :data:`UNDATED`: ``True`` is ``"always"`` and ``False`` ``"never"``
    (the spellings of linkchart 0.2); anything else is refused.

    Examples
    --------
    >>> check_undated(True), check_undated("source")
    ('always', 'source')
    """
    if undated is True:
        return "always"
    if undated is False:
        return "never"
    if not isinstance(undated, str) or undated not in UNDATED:
        raise UnknownNameError("reading of undated ties (undated)", str(undated), UNDATED)
    return undated  # type: ignore[return-value]


@dataclass(frozen=True, slots=True, eq=False)
class TieTimes:
    """When each tie of a chart is read as in force in a time view, and how that is known.

    Attributes
    ----------
    first, last
        Per edge, the first and last day it is in force (``int64``; open ends at the
        extremes of ``int64``).
    how
        Per edge, how its time is known: :data:`OWN` (its ``time``), :data:`SOURCE` (the
        date of its source), :data:`ALWAYS` (no time: in force throughout its ends'
        lifespans) or :data:`NEVER` (in no time view).
    """

    first: npt.NDArray[np.int64]
    last: npt.NDArray[np.int64]
    how: npt.NDArray[np.uint8]

    def in_force(self, first: int, last: int) -> npt.NDArray[np.bool_]:
        """Which ties are in force at some moment of the days ``first..last``."""
        out: npt.NDArray[np.bool_] = (self.how != NEVER) & (self.first <= last) & (self.last >= first)
        return out

    @property
    def dated(self) -> npt.NDArray[np.bool_]:
        """Which ties carry a time: their own, or their source's date."""
        out: npt.NDArray[np.bool_] = self.how <= SOURCE
        return out


def tie_times(
    edge_from: npt.NDArray[np.int32],
    edge_to: npt.NDArray[np.int32],
    edge_source: npt.NDArray[np.int16],
    source_from: npt.NDArray[np.int32],
    source_to: npt.NDArray[np.int32],
    ends: tuple[npt.NDArray[np.int32], npt.NDArray[np.int32]],
    node_from: npt.NDArray[np.int32],
    node_to: npt.NDArray[np.int32],
    undated: Undated = "source",
) -> TieTimes:
    """When each tie is in force, read as ``undated`` says (see :data:`Undated`).

    A tie with a time of its own holds then, whatever its ends' lifespans (a tie dated
    outside one is a load warning, and may be right: a letter from prison). A tie without
    one holds at its source's date (``"source"``) or throughout (``"always"``), within the
    lifespans of both its ends; where those leave no day it holds in no time view.

    Examples
    --------
    An undated tie of a source dated 2005, between an actor founded in 1998 and one
    without a lifespan; and an undated tie of an undated source:

    >>> two = np.array([NO_TIME, NO_TIME], dtype=np.int32)
    >>> year = np.array([first_day(2005), NO_TIME], dtype=np.int32), np.array([last_day(2005), NO_TIME])
    >>> ends = np.array([0, 0]), np.array([1, 1])
    >>> founded = np.array([first_day(1998), NO_TIME], dtype=np.int32)
    >>> t = tie_times(two, two, np.array([0, 1]), *year, ends, founded, two)
    >>> t.how.tolist(), t.in_force(first_day(2005), last_day(2005)).tolist()
    ([1, 2], [True, True])
    >>> t.in_force(first_day(2001), last_day(2001)).tolist()
    [False, True]
    >>> t.in_force(first_day(1997), last_day(1997)).tolist()
    [False, False]
    """
    undated = check_undated(undated)
    first, last = bounds(edge_from, edge_to)
    own = dated(edge_from, edge_to)
    how = np.where(own, OWN, NEVER if undated == "never" else ALWAYS).astype(np.uint8)
    if undated == "never":
        return TieTimes(first, last, how)
    if undated == "source" and len(source_from):
        s_first, s_last = bounds(source_from, source_to)
        cited = edge_source >= 0
        code = np.where(cited, edge_source, 0).astype(np.intp)
        by_source = ~own & cited & dated(source_from, source_to)[code]
        first = np.where(by_source, s_first[code], first)
        last = np.where(by_source, s_last[code], last)
        how[by_source] = SOURCE
    n_first, n_last = bounds(node_from, node_to)
    for end in ends:  # an undated tie holds only while both its ends exist
        first = np.where(own, first, np.maximum(first, n_first[end]))
        last = np.where(own, last, np.minimum(last, n_last[end]))
    how[~own & (first > last)] = NEVER
    return TieTimes(first, last, how)
