"""Node columns: names to codes, ids, labels, aliases, attributes."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final

import numpy as np
import numpy.typing as npt

from ..errors import Problems, did_you_mean
from ..timegrammar import TIME_HINT, parse_time
from ..times import NO_TIME, Span
from .columns import ABSENT, Section, quote_hint, type_name

__all__ = [
    "Names",
    "Nodes",
    "TimeColumns",
    "attribute_columns",
    "build_nodes",
    "present",
    "text_column",
    "time_columns",
    "value_key",
]


# --------------------------------------------------------------------------- names -> codes
class Names:
    """Names of a vocabulary list -> codes; open lists take new names as they appear."""

    def __init__(self, names: Sequence[str], *, open_: bool) -> None:
        self.codes: dict[str, int] = {n: i for i, n in enumerate(names)}
        self.added: list[str] = []
        self.open = open_

    def code(self, name: str) -> int:
        c = self.codes.get(name)
        if c is None and self.open:
            c = self.codes[name] = len(self.codes)
            self.added.append(name)
        return -1 if c is None else c


def text_column(
    values: list[Any], sec: Section, fld: str, problems: Problems, *, required: bool
) -> list[int]:
    """Report non-text and (if ``required``) missing values; return the bad rows."""
    bad: list[int] = []
    if sec.text:
        if required:
            bad = [k for k, v in enumerate(values) if not v]
            for k in bad:
                problems.add(
                    "missing-field",
                    f"'{fld}' is required",
                    f"{sec.name}[{k}].{fld}",
                    f"fill in the '{fld}' cell",
                )
        return bad
    for k, v in enumerate(values):
        if v.__class__ is str and (v or not required):
            continue
        if v is ABSENT or v is None:
            if required:
                problems.add(
                    "missing-field",
                    f"'{fld}' is required",
                    f"{sec.name}[{k}]",
                    f"every {sec.name[:-1]} needs '{fld}'",
                )
                bad.append(k)
        elif not isinstance(v, str):
            problems.add(
                "wrong-type",
                f"'{fld}' must be text, not {type_name(v)}",
                f"{sec.name}[{k}].{fld}",
                quote_hint(v),
            )
            bad.append(k)
        elif not v:
            problems.add(
                "missing-field",
                f"'{fld}' is empty",
                f"{sec.name}[{k}].{fld}",
                f"every {sec.name[:-1]} needs a non-empty '{fld}'",
            )
            bad.append(k)
    return bad


def present(v: Any, text: bool) -> bool:
    return not (v is ABSENT or v is None or (text and v == ""))


def _finite(v: Any) -> bool:
    """Whether ``v`` is no float, or a finite one (a list: each of its items)."""
    if isinstance(v, float):
        return math.isfinite(v)
    return not isinstance(v, list | tuple) or all(map(_finite, v))


def attribute_columns(sec: Section, problems: Problems) -> dict[str, list[Any]]:
    """Free attributes with ``None`` where absent; lists become tuples."""
    out: dict[str, list[Any]] = {}
    for name, col in sec.attributes.items():
        if sec.text and name not in sec.json:
            out[name] = [v if v else None for v in col]
            continue
        values: list[Any] = []
        for k, v in enumerate(col):
            if v is ABSENT or v is None:
                values.append(None)
            elif not _finite(v):
                problems.add(
                    "wrong-type",
                    f"attribute {name!r} holds {v!r}, not a finite number",
                    f"{sec.name}[{k}].attributes.{name}",
                    "leave the attribute out where it is unknown, or quote the value to keep it as text "
                    "('NaN'); no export format can hold an infinite or not-a-number value",
                )
                values.append(None)
            elif isinstance(v, str | int | float):
                values.append(v)
            elif isinstance(v, list | tuple) and all(
                isinstance(x, str | int | float) and x is not None for x in v
            ):
                values.append(tuple(v))
            else:
                problems.add(
                    "wrong-type",
                    f"attribute {name!r} must be text, a number, a boolean or a list "
                    f"of those, not {type_name(v)}",
                    f"{sec.name}[{k}].attributes.{name}",
                    "write the value as text",
                )
                values.append(None)
        if any(v is not None for v in values):
            out[name] = values
    return out


TimeColumns = tuple[npt.NDArray[np.int32], npt.NDArray[np.int32], npt.NDArray[np.uint8]]
"""First days, last days and precisions of a ``time`` column."""

_UNDATED: Final = Span(NO_TIME, NO_TIME, 0)


def value_key(v: Any) -> Any:
    """A dictionary key for a cell that tells ``True`` from ``1`` and copes with mappings."""
    try:
        if isinstance(v, Mapping):
            return ("map", tuple(sorted(((str(k), repr(x)) for k, x in v.items()))))
        if isinstance(v, list):
            return ("list", repr(v))
    except ValueError:  # an integer too long to write as text: a key of its own
        return ("object", id(v))
    return (v.__class__, v)


_LONG_NUMBER: Final = "a number of thousands of digits is not a time"


def read_time(v: Any, periods: Mapping[str, Span] | None = None) -> Span | str:
    """:func:`~.timegrammar.parse_time`, with a value holding an integer too long to write
    as text (more than 4,300 digits: Python refuses) as a message, not a ``ValueError``.

    Examples
    --------
    >>> read_time(1999).text, read_time(10**5000), read_time({"from": -(10**5000)})
    ('1999', 'a number of thousands of digits is not a time', 'a number of thousands of digits is not a time')
    """
    try:
        return parse_time(v, periods)
    except ValueError:
        return _LONG_NUMBER


def time_columns(
    values: list[Any], sec: Section, problems: Problems, periods: Mapping[str, Span]
) -> TimeColumns:
    """A ``time`` column as day numbers and precisions; each distinct value parsed once.

    Bad values are reported (``bad-time``, ``unknown-period``) and left undated.
    """
    n = len(values)
    if sec.text:  # a CSV column: every cell text; parse each distinct one, then look up
        parsed: dict[str, Span | str] = {
            v: read_time(v, periods) if v else _UNDATED for v in dict.fromkeys(values)
        }
        if not any(isinstance(p, str) for p in parsed.values()):
            spans = [parsed[v] for v in values]
            return (
                np.fromiter((s.start for s in spans), dtype=np.int32, count=n),  # type: ignore[union-attr]
                np.fromiter((s.end for s in spans), dtype=np.int32, count=n),  # type: ignore[union-attr]
                np.fromiter((s.precision for s in spans), dtype=np.uint8, count=n),  # type: ignore[union-attr]
            )
    t0 = np.full(n, NO_TIME, dtype=np.int32)
    t1 = np.full(n, NO_TIME, dtype=np.int32)
    tp = np.zeros(n, dtype=np.uint8)
    cache: dict[Any, Span | str] = {}
    for k, v in enumerate(values):
        if not present(v, sec.text):
            continue
        key = value_key(v)
        found = cache.get(key)
        if found is None:
            found = cache[key] = read_time(v, periods)
        if isinstance(found, Span):
            t0[k], t1[k], tp[k] = found.start, found.end, found.precision
            continue
        word = v.strip() if isinstance(v, str) else None
        if word and periods and word[:1].isalpha() and "/" not in word:
            problems.add(
                "unknown-period",
                f"unknown period {word!r}",
                f"{sec.name}[{k}].time",
                did_you_mean(word, list(periods)) or "declare it under 'periods', or write a time",
            )
        else:
            problems.add("bad-time", found, f"{sec.name}[{k}].time", TIME_HINT)
    return t0, t1, tp


# --------------------------------------------------------------------------- nodes
@dataclass
class Nodes:
    ids: list[str]
    types: list[int]
    labels: list[str]
    aliases: list[tuple[str, ...]]
    attributes: dict[str, list[Any]]
    index: dict[str, int]
    times: TimeColumns


def _aliases(v: Any, k: int, sec: Section, problems: Problems) -> tuple[str, ...]:
    if not present(v, sec.text):
        return ()
    if sec.text:
        return tuple(a.strip() for a in v.split("|") if a.strip())
    if isinstance(v, str):
        return (v,)
    if isinstance(v, list | tuple) and all(isinstance(a, str) for a in v):
        return tuple(v)
    problems.add(
        "wrong-type",
        f"'aliases' must be a list of text, not {type_name(v)}",
        f"{sec.name}[{k}].aliases",
        "write e.g. 'aliases: [IMU, \"Islamic Movement\"]'",
    )
    return ()


def _alias_clashes(ids: list[Any], aliases: list[tuple[str, ...]], sec: Section, problems: Problems) -> None:
    """An alias that names another node too (its id or one of its aliases, ignoring case).

    :meth:`~linkchart.LinkChart.resolve` and the edge list's name hints must find one
    node for a name, so an alias is owned by exactly one node.
    """
    owner: dict[str, int] = {}
    for k, v in enumerate(ids):
        if v.__class__ is str:
            owner.setdefault(v.casefold(), k)
    for k, names in enumerate(aliases):
        for j, a in enumerate(names):
            first = owner.setdefault(a.casefold(), k)
            if first != k:
                other = ids[first]
                problems.add(
                    "duplicate-name",
                    f"alias {a!r} of node {ids[k]!r} also names node {other!r} ({sec.name}[{first}])",
                    f"{sec.name}[{k}].aliases[{j}]",
                    "an alias names one node only: remove it here, or merge the two nodes",
                )


def build_nodes(
    sec: Section,
    types: Names,
    type_names: Callable[[], Sequence[str]],
    problems: Problems,
    periods: Mapping[str, Span] | None = None,
) -> Nodes:

    n = sec.length
    ids = sec.column("id")
    bad = set(text_column(ids, sec, "id", problems, required=True))
    index: dict[str, int] = {}
    for k, v in enumerate(ids):
        if k in bad:
            continue
        first = index.setdefault(v, k)
        if first != k:
            problems.add(
                "duplicate-node",
                f"node {v!r} is declared twice (first as {sec.name}[{first}])",
                f"{sec.name}[{k}].id",
                "merge the two nodes, or give one another id",
            )
    # types
    tcol = sec.column("type")
    tbad = set(text_column(tcol, sec, "type", problems, required=True))
    type_codes = [0] * n
    for k, t in enumerate(tcol):
        if k in tbad:
            continue
        c = types.code(t)
        if c < 0:
            known = type_names()
            problems.add(
                "unknown-node-type",
                f"unknown node type {t!r}",
                f"{sec.name}[{k}].type",
                did_you_mean(t, known) or f"declare it under 'node_types'; the types are {', '.join(known)}",
            )
            c = 0
        type_codes[k] = c
    # labels
    lcol = sec.column("label")
    text_column(lcol, sec, "label", problems, required=False)
    labels = [
        v if (v.__class__ is str and v) else (i if i.__class__ is str else "")
        for v, i in zip(lcol, ids, strict=True)
    ]
    acol = sec.column("aliases")
    aliases = [_aliases(v, k, sec, problems) for k, v in enumerate(acol)]
    _alias_clashes(ids, aliases, sec, problems)
    return Nodes(
        [v if v.__class__ is str else "" for v in ids],
        type_codes,
        labels,
        aliases,
        attribute_columns(sec, problems),
        index,
        time_columns(sec.column("time"), sec, problems, periods or {}),
    )
