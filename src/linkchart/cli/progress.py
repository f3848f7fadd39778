"""The command line's progress on a terminal: the stage, the time so far and a bar.

A verb runs a few stages (loading the file, computing, writing). :class:`Stages` shows
them on standard error as one line, drawn again in place, with
:class:`linkchart.progress.Progress`::

    analyze: loading big.yaml [#########...................]  33% 1/3   12.4s

The line is redrawn at every stage and twice a second (so the time moves during a long
stage), and erased before anything else is printed, so results and messages never run
into it. A stage whose library call draws its own, finer line (the report's measures, the
draws of ``robust``, the periods of ``timeline``) leaves the line to it. When standard
error is not a terminal (a pipe, a file, a log) nothing is drawn at all.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import threading
from collections.abc import Iterator
from typing import Final, TextIO

from ..progress import Progress
from .output import escape_controls

__all__ = ["Stages"]

_TICK: Final = 0.5
"""Seconds between redraws during a stage (the elapsed time moves)."""
_LINE_REST: Final = 50
"""The width of a progress line besides its stage text: the bar, the share, the counts and the time."""
_MIN_ROOM: Final = 12


def _columns(stream: TextIO) -> int:
    """The width of the terminal ``stream`` writes to (80 when it cannot tell)."""
    try:
        columns = os.get_terminal_size(stream.fileno()).columns
    except (AttributeError, OSError, ValueError, io.UnsupportedOperation):
        columns = 0
    return columns if columns >= 40 else shutil.get_terminal_size((80, 24)).columns


class Stages:
    """The stages of one command, shown on ``stream`` when it is a terminal.

    Parameters
    ----------
    command
        The verb (``"analyze"``): the line reads ``analyze: <stage> [bar] ...``.
    stream
        Where to draw (the real standard error, not an escaping wrapper of it).
    enabled
        ``None`` (default): only when ``stream`` is a terminal.
    every
        Seconds between redraws during a stage.

    Examples
    --------
    >>> import io
    >>> stages = Stages("info", io.StringIO())  # not a terminal: silent
    >>> with stages.stage("loading g.yaml"):
    ...     pass
    >>> stages.finish(); stages.enabled
    False
    """

    def __init__(self, command: str, stream: TextIO, *, enabled: bool | None = None, every: float = _TICK):
        self._prefix = f"{command}: "
        self._room = max(_MIN_ROOM, _columns(stream) - 1 - _LINE_REST - len(self._prefix))
        self._line = Progress(command, 1, stream=stream, enabled=enabled)
        self._lock = threading.RLock()
        self._every = every
        self._stop = threading.Event()
        self._ticker: threading.Thread | None = None
        self._drawing = False  # a stage of ours is running: the ticker redraws it
        self._finished = False

    @property
    def enabled(self) -> bool:
        """Whether anything is (still) drawn."""
        return self._line.enabled and not self._finished

    def expect(self, total: int) -> None:
        """Say how many stages the command will run (it may run more: the bar then grows)."""
        with self._lock:
            self._line.total = max(total, self._line.done + 1, 1)

    @contextlib.contextmanager
    def stage(self, name: str, *, draws_own: bool = False) -> Iterator[None]:
        """Run one stage named ``name`` (a stage of ``total``; see :meth:`expect`).

        ``draws_own``: the stage's library call draws its own progress line, so this
        one is erased and not redrawn until the stage ends.
        """
        with self._lock:
            line = self._line
            if line.done >= line.total:
                line.total = line.done + 1
            text = escape_controls(name)
            if len(text) > self._room:
                text = text[: self._room - 3] + "..."
            line.stage = self._prefix + text
            if self.enabled:
                if draws_own:
                    line.clear()
                else:
                    line.redraw()
                    self._drawing = True
                    self._start_ticker()
        try:
            yield
        finally:
            with self._lock:
                self._drawing = False
                line.done = min(line.total, line.done + 1)

    def clear(self) -> None:
        """Erase the line (something else is about to be printed on standard error)."""
        with self._lock:
            if self.enabled:
                self._line.clear()

    def finish(self) -> None:
        """Erase the line and draw nothing more (the results are about to be printed)."""
        with self._lock:
            if self.enabled:
                self._line.clear()
            self._finished = True
            self._drawing = False
            self._stop.set()
        ticker, self._ticker = self._ticker, None
        if ticker is not None and ticker is not threading.current_thread():
            ticker.join(timeout=2 * self._every)

    def _start_ticker(self) -> None:
        if self._ticker is None:
            self._ticker = threading.Thread(target=self._tick, name="linkchart-progress", daemon=True)
            self._ticker.start()

    def _tick(self) -> None:
        while not self._stop.wait(self._every):
            with self._lock:
                if self._drawing and self.enabled:
                    self._line.redraw()
