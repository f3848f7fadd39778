"""Errors as data: a location as a tuple, and the bad item as JSON-safe, bounded data."""

from __future__ import annotations

import math
import re
import reprlib
from collections.abc import Mapping
from typing import Any, Final

__all__ = [
    "CTX_LIMIT",
    "INPUT_LIMIT",
    "MESSAGE_LIMIT",
    "bounded_message",
    "json_safe",
    "json_safe_mapping",
    "loc_of",
]

INPUT_LIMIT: Final = 200
"""The most characters of a bad item that an error repeats (its ``input``)."""

CTX_LIMIT: Final = 4096
"""The most characters of an error's facts (its ``ctx``: linkchart's own data, such as the
choices of an option)."""

MESSAGE_LIMIT: Final = 4096
"""The most characters of an error's message (and of a problem's, or its hint): a longer one
is cut, and each run of more than :data:`INPUT_LIMIT` characters without a space in it (a
bad item repeated in the message) is shortened first (:func:`bounded_message`)."""

_MAX_DEPTH: Final = 4
_LONG_RUN: Final = re.compile(rf"\S{{{INPUT_LIMIT + 1},}}")
_LOC_PART: Final = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def loc_of(path: str) -> tuple[str | int, ...]:
    """The dotted path ``edges[12].to`` as a tuple ``("edges", 12, "to")``.

    Examples
    --------
    >>> loc_of("edges[12].to"), loc_of("relations.funds.weight"), loc_of("")
    (('edges', 12, 'to'), ('relations', 'funds', 'weight'), ())
    """
    return tuple(int(index) if index else name for name, index in _LOC_PART.findall(path))


def _shorter(m: re.Match[str]) -> str:
    run = m.group(0)
    tail = run[-1] if run[-1] in "'\")]" else ""  # keep a closing quote
    return f"{run[: INPUT_LIMIT // 2]}…{tail} [{len(run):,} characters]"


def bounded_message(message: str) -> str:
    """``message`` with each bad item it repeats shortened, at most :data:`MESSAGE_LIMIT`
    characters: a run of more than :data:`INPUT_LIMIT` characters without a space keeps its
    first 100, an ellipsis (and its closing quote) and its length; a message still too long
    keeps its beginning and says how long it was. Every error and problem message passes
    through it, so a 20 MiB id in a file gives a short error.

    Examples
    --------
    >>> bounded_message("unknown node '" + "X" * 1000 + "'")[-40:]
    "XXXXXXXXXXXXXXXXXXX…' [1,002 characters]"
    >>> bounded_message("unknown node 'X'")
    "unknown node 'X'"
    >>> len(bounded_message("word " * 10_000)) <= MESSAGE_LIMIT
    True
    """
    if len(message) <= INPUT_LIMIT:
        return message
    out = _LONG_RUN.sub(_shorter, message)
    if len(out) > MESSAGE_LIMIT:
        note = f"… [a message of {len(message):,} characters, cut]"
        out = out[: MESSAGE_LIMIT - len(note)] + note
    return out


class _TooBig(Exception):
    """A value too large or too deep to repeat as it is."""


def _cut(text: str, limit: int = INPUT_LIMIT) -> str:
    # a lone surrogate (from a JSON escape) cannot be written as UTF-8: shown as its escape
    clean = text.encode("utf-8", "backslashreplace").decode("utf-8")
    return clean if len(clean) <= limit else clean[: limit - 1] + "…"


def _items(limit: int) -> int:
    """The most items of a list or mapping repeated before it is cut to text."""
    return max(20, limit // 8)


def _bounded_repr(value: object, limit: int) -> str:
    short = reprlib.Repr()
    short.maxlevel, short.maxstring, short.maxother = 3, limit, limit
    short.maxlist = short.maxtuple = short.maxdict = short.maxset = _items(limit)
    try:
        return short.repr(value)
    except Exception:  # a repr that fails (an integer past Python's digit limit, a broken object)
        return f"a {type(value).__name__}"


def _int(value: int) -> int | str:
    if value.bit_length() <= 640:  # at most 193 digits: written whole
        return value
    digits = int(value.bit_length() * math.log10(2)) + 1
    return f"an integer of about {digits:,} digits"


def _spend(budget: list[int], characters: int) -> None:
    budget[0] -= characters
    if budget[0] < 0:
        raise _TooBig


def _plain(value: Any, depth: int, budget: list[int], limit: int) -> Any:
    """``value`` as JSON-ready data, or :class:`_TooBig` when it would not fit the budget."""
    _spend(budget, 1)
    if depth > _MAX_DEPTH:
        raise _TooBig
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, int):
        whole = _int(value)
        _spend(budget, len(str(whole)))
        return whole
    if isinstance(value, float):
        _spend(budget, 24)
        return value if math.isfinite(value) else repr(value)
    if isinstance(value, str):
        _spend(budget, len(value))
        return _cut(value, limit)
    if isinstance(value, list | tuple) and len(value) <= _items(limit):
        return [_plain(v, depth + 1, budget, limit) for v in value]
    if isinstance(value, Mapping) and len(value) <= _items(limit):
        out = {}
        for k, v in value.items():
            key = _cut(str(k), limit)
            _spend(budget, len(key))
            out[key] = _plain(v, depth + 1, budget, limit)
        return out
    raise _TooBig


def json_safe(value: Any, *, limit: int = INPUT_LIMIT) -> Any:
    """``value`` as data any JSON writer takes, bounded to about ``limit`` characters.

    Text, numbers, booleans and ``None`` stay as they are (text longer than the limit is cut
    and ends in ``…``; a lone surrogate is shown as its escape; a number that is not finite
    becomes its text; an integer of hundreds of digits a phrase); small lists and mappings
    stay lists and mappings; anything else, or anything larger, becomes a short text.

    Examples
    --------
    >>> json_safe({"to": "Tajikstan", "weight": float("nan")})
    {'to': 'Tajikstan', 'weight': 'nan'}
    >>> len(json_safe("x" * 1000)), json_safe(10**400)
    (200, 'an integer of about 401 digits')
    >>> json_safe({1, 2}), json_safe("\\ud800")
    ('{1, 2}', '\\\\ud800')
    """
    try:
        return _plain(value, 0, [limit], limit)
    except _TooBig:
        if isinstance(value, str):
            return _cut(value, limit)
        if isinstance(value, bytes | bytearray):
            return _cut(repr(bytes(value[:limit])), limit)
        return _cut(_bounded_repr(value, limit), limit)


def json_safe_mapping(ctx: Mapping[str, Any]) -> dict[str, Any]:
    """Each value of ``ctx`` made :func:`json_safe` (an error's facts: choices, limits).

    Examples
    --------
    >>> json_safe_mapping({"limit": 4096, "choices": ["a", "b"]})
    {'limit': 4096, 'choices': ['a', 'b']}
    """
    return {_cut(str(k)): json_safe(v, limit=CTX_LIMIT) for k, v in ctx.items()}
