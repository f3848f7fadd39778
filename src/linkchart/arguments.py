"""The limits of the command line's numbers, and the argparse type that reads a whole number.

The limits bound the options that could otherwise ask for hours of work or a 5,000-digit
number (``timeline --every 99999999``, ``robust --draws 10**12``); the specs declare
them (``Annotated[int, Min(1), Max(MAX_DRAWS)]``) and the command line reads each number
with its range in the message (:mod:`linkchart.cli.arguments`): ``linkchart robust:
error: argument --seed: must be a whole number from 0 to 4294967295, not -1``. So a
value out of range never reaches the library.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Final

__all__ = [
    "MAX_DIGITS",
    "MAX_DRAWS",
    "MAX_PATHS",
    "MAX_SEED",
    "MAX_WINDOWS",
    "MAX_WORKERS",
    "bounded_int",
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
MAX_DIGITS: Final = 40
"""The longest number read (longer text is refused before it is parsed)."""


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
    >>> bounded_int(1)("x")
    Traceback (most recent call last):
    ...
    argparse.ArgumentTypeError: must be a positive whole number, not 'x'
    """
    allowed = _range(lo, hi)

    def parse(text: str) -> int:
        try:
            if len(text.strip()) > MAX_DIGITS:
                raise ValueError
            value = int(text)
        except ValueError:
            shown = text if len(text) <= MAX_DIGITS else text[:MAX_DIGITS] + "..."
            raise argparse.ArgumentTypeError(f"must be {allowed}, not {shown!r}") from None
        if (lo is not None and value < lo) or (hi is not None and value > hi):
            raise argparse.ArgumentTypeError(f"must be {allowed}, not {value}")
        return value

    parse.__name__ = "int"
    return parse
