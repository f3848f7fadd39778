"""Tests for linkchart.arguments: every numeric option of the command line is range-checked."""

from __future__ import annotations

import argparse

import pytest

from linkchart.arguments import MAX_SEED, MAX_WINDOWS, bounded_int, every, fraction, positive_int, seed
from linkchart.cli import _parser, main

G = "graphs/central_asia.yaml"


def test_bounded_int_reads_whole_numbers_in_range_and_says_what_is_allowed() -> None:
    assert bounded_int(0, 5)("0") == 0 and bounded_int(0, 5)(" 5 ") == 5 and positive_int("12") == 12
    assert seed(str(MAX_SEED)) == MAX_SEED
    for parse, text, allowed in [
        (bounded_int(0, 5), "6", "from 0 to 5, not 6"),
        (positive_int, "0", "a positive whole number, not 0"),
        (positive_int, "1.5", "not '1.5'"),
        (seed, "-1", f"from 0 to {MAX_SEED}, not -1"),
        (seed, "9" * 5000, "not '" + "9" * 40 + "...'"),  # never a 5,000-digit int() or message
        (bounded_int(hi=3), "4", "at most 3, not 4"),
    ]:
        with pytest.raises(argparse.ArgumentTypeError, match="must be .*" + allowed.replace(".", r"\.")):
            parse(text)


def test_fractions_and_windows() -> None:
    assert fraction("0") == 0.0 and fraction("0.5") == 0.5
    for text in ("1", "-0.1", "nan", "inf", "x"):
        with pytest.raises(argparse.ArgumentTypeError, match="fraction from 0 up to"):
            fraction(text)
    assert every("year") == "year" and every(str(MAX_WINDOWS)) == MAX_WINDOWS
    for text, why in [
        ("0", "from 1 to"),
        (str(MAX_WINDOWS + 1), "from 1 to"),
        ("-3", "from 1 to"),
        ("decade", "choose"),
    ]:
        with pytest.raises(argparse.ArgumentTypeError, match=why):
            every(text)


@pytest.mark.parametrize(
    ("argv", "option"),
    [
        (["robust", G, "--seed", "-1"], "--seed"),
        (["render", G, "--seed", "-1"], "--seed"),
        (["disrupt", G, "--seed", "4294967296"], "--seed"),
        (["timeline", G, "--every", "99999999"], "--every"),
        (["analyze", G, "--top", "0"], "--top"),
        (["timeline", G, "--top", "-2"], "--top"),
        (["robust", G, "--top", "x"], "--top"),
        (["robust", G, "--draws", "0"], "--draws"),
        (["robust", G, "--draws", "10000001"], "--draws"),
        (["robust", G, "--workers", "0"], "--workers"),
        (["robust", G, "--workers", "9" * 39], "--workers"),
        (["robust", G, "--drop", "1.5"], "--drop"),
        (["disrupt", G, "--steps", "0"], "--steps"),
        (["disrupt", G, "--runs", "0"], "--runs"),
        (["path", G, "A", "B", "--k", "0"], "--k"),
        (["path", G, "A", "B", "--k", "9" * 39], "--k"),
        (["render", G, "--ego", "IMT", "--radius", "-1"], "--radius"),
        (["analyze", G, "--ego", "IMT", "--radius", "x"], "--radius"),
        (["render", G, "--summary", "0"], "--summary"),
        (["render", G, "--top-brokers", "0"], "--top-brokers"),
    ],
)
def test_out_of_range_options_are_usage_errors(
    argv: list[str], option: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert f"argument {option}: must be" in err or f"argument {option}: choose" in err, err
    assert "Traceback" not in err


def _unchecked_number(action: argparse.Action) -> bool:
    """An option read as a plain int or float, or a number with no type at all."""
    if action.type in (int, float):
        return True
    return action.type is None and type(action.default) in (int, float)


def test_every_numeric_option_has_a_checked_type() -> None:
    parser = _parser()
    (commands,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    unchecked = [
        f"{name} {action.option_strings[0]}"
        for name, sub in commands.choices.items()
        for action in sub._actions
        if _unchecked_number(action)
    ]
    assert unchecked == []
