"""Typed command-line values: argparse ``type=`` functions that check a number's range.

Each function takes the text of one argument and returns its value, or raises
:class:`argparse.ArgumentTypeError` with a message that says what is allowed, which
argparse prints as a usage error (exit 2) naming the option:
``linkchart robust: error: argument --seed: must be a whole number from 0 to
4294967295, not -1``. So a value out of range never reaches the library, where it
could end in a traceback or in hours of work (``timeline --every 99999999``).

They are plain functions, reusable wherever an option is declared.
"""

from __future__ import annotations

import argparse
import math
from collections.abc import Callable
from typing import Final

__all__ = [
    "MAX_DRAWS",
    "MAX_PATHS",
    "MAX_SEED",
    "MAX_WINDOWS",
    "MAX_WORKERS",
    "bounded_int",
    "every",
    "fraction",
    "non_negative_int",
    "non_negative_number",
    "positive_int",
    "seed",
    "share",
]

MAX_SEED: Final = 2**32 - 1
"""The largest seed (seeds are 32-bit, as in most tools)."""
MAX_WINDOWS: Final = 10_000
"""The most equal windows ``timeline --every N`` cuts time into."""
MAX_PATHS: Final = 1_000
"""The most paths ``path --k`` asks for."""
MAX_DRAWS: Final = 1_000_000
"""The most random draws (``robust --draws``) or runs (``disrupt --runs``)."""
MAX_WORKERS: Final = 256
"""The most worker processes (``robust --workers``)."""
_MAX_DIGITS: Final = 40


def _range(lo: int | None, hi: int | None) -> str:
    if lo is not None and hi is not None:
        return f"a whole number from {lo} to {hi}"
    if lo is not None:
        return "a positive whole number" if lo == 1 else f"a whole number of at least {lo}"
    return f"a whole number of at most {hi}"


def bounded_int(lo: int | None = None, hi: int | None = None) -> Callable[[str], int]:
    """An argparse ``type`` that reads a whole number from ``lo`` to ``hi`` (either may be open).

    Examples
    --------
    >>> bounded_int(1, 10)("7")
    7
    >>> bounded_int(1, 10)("11")
    Traceback (most recent call last):
    ...
    argparse.ArgumentTypeError: must be a whole number from 1 to 10, not 11
    >>> positive_int("x")
    Traceback (most recent call last):
    ...
    argparse.ArgumentTypeError: must be a positive whole number, not 'x'
    """
    allowed = _range(lo, hi)

    def parse(text: str) -> int:
        try:
            if len(text.strip()) > _MAX_DIGITS:
                raise ValueError
            value = int(text)
        except ValueError:
            shown = text if len(text) <= _MAX_DIGITS else text[:_MAX_DIGITS] + "..."
            raise argparse.ArgumentTypeError(f"must be {allowed}, not {shown!r}") from None
        if (lo is not None and value < lo) or (hi is not None and value > hi):
            raise argparse.ArgumentTypeError(f"must be {allowed}, not {value}")
        return value

    parse.__name__ = "int"
    return parse


positive_int: Final = bounded_int(1)
"""A whole number of at least 1 (``--top``, ``--k``, ``--draws`` ...)."""
non_negative_int: Final = bounded_int(0)
"""A whole number of at least 0 (``--radius``)."""
seed: Final = bounded_int(0, MAX_SEED)
"""A seed: a whole number from 0 to :data:`MAX_SEED`."""


def fraction(text: str) -> float:
    """A fraction in [0, 1) (``--drop``).

    Examples
    --------
    >>> fraction("0.25")
    0.25
    >>> fraction("nan")
    Traceback (most recent call last):
    ...
    argparse.ArgumentTypeError: must be a fraction from 0 up to (not including) 1, not 'nan'
    """
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not 0.0 <= value < 1.0:
        raise argparse.ArgumentTypeError(f"must be a fraction from 0 up to (not including) 1, not {text!r}")
    return value


def _finite(text: str, allowed: str) -> float:
    try:
        value = float(text) if len(text.strip()) <= _MAX_DIGITS else math.nan
    except ValueError:
        value = math.nan
    if not math.isfinite(value):
        shown = text if len(text) <= _MAX_DIGITS else text[:_MAX_DIGITS] + "..."
        raise argparse.ArgumentTypeError(f"must be {allowed}, not {shown!r}")
    return value


def share(text: str) -> float:
    """A share from 0 to 1, both included (``--min-dated``).

    Examples
    --------
    >>> share("0.5"), share("1")
    (0.5, 1.0)
    >>> share("1.5")
    Traceback (most recent call last):
    ...
    argparse.ArgumentTypeError: must be a number from 0 to 1, not '1.5'
    """
    value = _finite(text, "a number from 0 to 1")
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError(f"must be a number from 0 to 1, not {text!r}")
    return value


def non_negative_number(text: str) -> float:
    """A finite number of at least 0 (``--min-weight``).

    Examples
    --------
    >>> non_negative_number("0.25")
    0.25
    >>> non_negative_number("inf")
    Traceback (most recent call last):
    ...
    argparse.ArgumentTypeError: must be a finite number of at least 0, not 'inf'
    """
    value = _finite(text, "a finite number of at least 0")
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be a finite number of at least 0, not {text!r}")
    return value


_windows: Final = bounded_int(1, MAX_WINDOWS)


def every(text: str) -> str | int:
    """How ``timeline --every`` cuts time: ``year``, ``month``, ``periods`` or a number of equal windows.

    Examples
    --------
    >>> every("month"), every("12")
    ('month', 12)
    """
    if text in ("year", "month", "periods"):
        return text
    if text.strip().lstrip("+-").isdigit():
        try:
            return _windows(text)
        except argparse.ArgumentTypeError as err:
            raise argparse.ArgumentTypeError(f"{err} (equal windows)") from None
    raise argparse.ArgumentTypeError(f"choose year, month, periods or a number, not {text!r}")
