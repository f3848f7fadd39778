"""Text that a file can hold: the one check every reader applies before a value is accepted.

A Python string may hold a *lone surrogate*, a code point from U+D800 to U+DFFF that
is half of a UTF-16 pair and no character at all. JSON's ``"\\ud800"`` escape makes
one, and so can Python records (:func:`linkchart.from_records`) or a file name decoded
with ``surrogateescape``. No encoding writes it (UTF-8 refuses), so a chart holding one
would load and then make every writer fail: the page, the YAML, every export. So
linkchart refuses such text where it is read, as a located ``bad-text`` problem, and
what loads can always be written. Readers call :func:`find_unwritable` on what they
read (or :func:`unwritable` on one text); nothing is ever silently replaced.

A number that is not finite (NaN, infinity) is the other value a format cannot hold
(JSON and STIX have no way to write it): :func:`unwritable` says so for a number too,
and the loader refuses it wherever a number is read (weights, confidence probabilities,
free attributes), so that a chart that loads is a chart that every writer can write.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping
from typing import Any, Final

__all__ = ["find_unwritable", "unwritable"]

_MAX_DEPTH: Final = 100
"""How deep :func:`find_unwritable` looks (readers bound nesting far below this)."""


def unwritable(value: object) -> str | None:
    """Why no writer can write ``value`` (a text with a lone surrogate, or a number that is
    not finite), or ``None`` when every one can.

    Examples
    --------
    >>> unwritable("Tashkent"), unwritable("Ташкент"), unwritable(1.5)
    (None, None, None)
    >>> print(unwritable("ab\\ud800"))
    holds a lone surrogate (U+D800, character 3), which no file can store
    >>> unwritable(float("nan"))
    'is nan, not a finite number'
    """
    if isinstance(value, float):
        return None if math.isfinite(value) else f"is {value!r}, not a finite number"
    if not isinstance(value, str):
        return None
    text = value
    if text.isascii():
        return None
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as err:
        return (
            f"holds a lone surrogate (U+{ord(text[err.start]):04X}, character {err.start + 1}), "
            "which no file can store"
        )
    return None


def _key(path: str, key: object) -> str:
    return f"{path}.{key}" if path else str(key)


def find_unwritable(value: Any, path: str = "") -> Iterator[tuple[str, str]]:
    """Every text in ``value`` (plain data: mappings, lists, scalars) that no file can hold.

    Yields ``(path, reason)``: the dotted path of the bad text (``nodes[3].label``; a
    mapping key is reported at the path it would have made) and :func:`unwritable`'s
    reason. Mapping keys are checked as well as values.

    Examples
    --------
    >>> list(find_unwritable({"nodes": [{"id": "A", "label": "x\\udc80"}]}))
    [('nodes[0].label', 'holds a lone surrogate (U+DC80, character 2), which no file can store')]
    >>> list(find_unwritable(["fine", 1, None]))
    []
    """
    stack: list[tuple[Any, str, int]] = [(value, path, 0)]
    while stack:
        item, here, depth = stack.pop()
        if isinstance(item, str):
            why = unwritable(item)
            if why:
                yield here, why
        elif depth < _MAX_DEPTH and isinstance(item, Mapping):
            entries = list(item.items())
            for key, child in reversed(entries):
                where = _key(here, key)
                stack.append((child, where, depth + 1))
                if isinstance(key, str):
                    stack.append((key, where, depth + 1))
        elif depth < _MAX_DEPTH and isinstance(item, list | tuple):
            stack.extend((child, f"{here}[{i}]", depth + 1) for i, child in reversed(list(enumerate(item))))
