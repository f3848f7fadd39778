"""What every writer can write: text without lone surrogates, and finite numbers.

A value that a reader accepts but a writer cannot write back would load, then crash
``render``, ``export`` or ``convert`` half-way. Two kinds exist: a *lone surrogate*
(``"\\ud800"``, half of a UTF-16 pair, which JSON's ``\\u`` escapes and Python's text can
hold but no UTF-8 file can), and a number that is not finite (NaN, ±∞, which JSON and STIX
have no way to write). Every reader refuses them at import, through :func:`unwritable`,
with a located problem, so a chart that loads is a chart that every writer can write.
"""

from __future__ import annotations

import math
import re
from typing import Final

__all__ = ["unwritable"]

_SURROGATE: Final = re.compile("[\ud800-\udfff]")


def unwritable(value: object) -> str | None:
    """Why no writer can write ``value`` (a text or a number), or ``None`` when every one can.

    Examples
    --------
    >>> unwritable("\\ud800x")
    'holds the lone surrogate U+D800 (half of a UTF-16 pair), which no UTF-8 file can hold'
    >>> unwritable(float("nan")), unwritable("ok"), unwritable(1.5)
    ('is nan, not a finite number', None, None)
    """
    if isinstance(value, str):
        found = _SURROGATE.search(value)
        if found:
            return (
                f"holds the lone surrogate U+{ord(found.group()):04X} (half of a UTF-16 pair), "
                "which no UTF-8 file can hold"
            )
    elif isinstance(value, float) and not math.isfinite(value):
        return f"is {value!r}, not a finite number"
    return None
