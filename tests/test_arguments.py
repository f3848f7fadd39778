"""Tests for linkchart.arguments: whole numbers read within their range, with the range in the
message (the command line's own checks: tests/cli/test_arguments.py)."""

from __future__ import annotations

import argparse

import pytest

from linkchart.arguments import MAX_DIGITS, MAX_SEED, bounded_int


def test_bounded_int_reads_whole_numbers_in_range_and_says_what_is_allowed() -> None:
    assert bounded_int(0, 5)("0") == 0 and bounded_int(0, 5)(" 5 ") == 5 and bounded_int(1)("12") == 12
    assert bounded_int(0, MAX_SEED)(str(MAX_SEED)) == MAX_SEED
    for parse, text, allowed in [
        (bounded_int(0, 5), "6", "from 0 to 5, not 6"),
        (bounded_int(1), "0", "a positive whole number, not 0"),
        (bounded_int(1), "1.5", "not '1.5'"),
        (bounded_int(0, MAX_SEED), "-1", f"from 0 to {MAX_SEED}, not -1"),
        (bounded_int(0), "9" * 5000, "not '" + "9" * MAX_DIGITS + "...'"),  # never a 5,000-digit int()
        (bounded_int(hi=3), "4", "at most 3, not 4"),
    ]:
        with pytest.raises(argparse.ArgumentTypeError, match="must be .*" + allowed.replace(".", r"\.")):
            parse(text)
