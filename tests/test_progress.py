"""Tests for linkchart.progress: a line drawn in place on a terminal, and nothing elsewhere."""

from __future__ import annotations

import io

from linkchart.progress import Progress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_draws_on_a_terminal_only() -> None:
    screen = Terminal()
    with Progress("counting", 4, stream=screen) as bar:
        bar.advance(4)
    assert screen.getvalue().startswith("\rcounting [############################] 100% 4/4 ")
    assert screen.getvalue().endswith("\n")
    log = io.StringIO()
    with Progress("counting", 4, stream=log) as bar:
        bar.advance(4)
    assert log.getvalue() == ""


def test_redraw_shows_a_new_stage_at_once_and_clear_erases_the_line() -> None:
    screen = Terminal()
    bar = Progress("loading", 2, stream=screen)
    bar.redraw()
    bar.stage = "writing"
    bar.redraw()  # however soon after the last draw
    draws = screen.getvalue().split("\r")
    assert draws[1].startswith("loading [") and draws[2].startswith("writing [")
    width = len(draws[2])
    bar.clear()
    assert screen.getvalue().endswith("\r" + " " * width + "\r")
    before = screen.getvalue()
    bar.clear()  # nothing drawn since: nothing to erase
    bar.close()  # and no line to end
    assert screen.getvalue() == before
    quiet = Progress("loading", 2, stream=io.StringIO())
    quiet.redraw()
    quiet.clear()
    assert quiet.stream.getvalue() == ""  # type: ignore[attr-defined]
