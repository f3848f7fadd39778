"""Progress of long work on a terminal: the stage, elapsed time and a bar; silent in pipes.

A :class:`Progress` writes one line to standard error and rewrites it in place
(carriage return), at most ten times a second, only when standard error is a terminal
(or when asked to). Redirected to a file or a pipe it writes nothing, so logs and
``--json`` output stay clean. It has no dependency: the line is plain text.
"""

from __future__ import annotations

import sys
import time
from types import TracebackType
from typing import TextIO

__all__ = ["Progress"]

_WIDTH = 28
_EVERY = 0.1  # seconds between redraws


class Progress:
    """A progress line for ``total`` units of work under a ``stage`` name.

    Parameters
    ----------
    stage
        What is being done (``"betweenness, 1000 draws"``).
    total
        How many units make the whole.
    stream
        Where to write (default standard error).
    enabled
        ``None`` (default): only when ``stream`` is a terminal.

    Examples
    --------
    >>> import io
    >>> with Progress("counting", 3, stream=io.StringIO()) as p:  # not a terminal: silent
    ...     p.advance(3)
    >>> p.done
    3
    """

    def __init__(self, stage: str, total: int, *, stream: TextIO | None = None, enabled: bool | None = None):
        self.stage = stage
        self.total = max(int(total), 1)
        self.stream = stream if stream is not None else sys.stderr
        if enabled is None:
            isatty = getattr(self.stream, "isatty", None)
            enabled = bool(isatty and isatty())
        self.enabled = enabled
        self.done = 0
        self._start = time.monotonic()
        self._drawn = 0.0
        self._width = 0

    def advance(self, units: int = 1) -> None:
        """Count ``units`` more done, and redraw if it is time (``stage`` may change between calls)."""
        self._advance(units)

    def _advance(self, units: int) -> None:
        self.done = min(self.total, self.done + units)
        now = time.monotonic()
        if self.enabled and (now - self._drawn >= _EVERY or self.done == self.total):
            self._drawn = now
            self._draw(now)

    def _draw(self, now: float) -> None:
        share = self.done / self.total
        filled = round(share * _WIDTH)
        bar = "#" * filled + "." * (_WIDTH - filled)
        line = f"{self.stage} [{bar}] {share:4.0%} {self.done}/{self.total} {now - self._start:5.1f}s"
        self._width = max(self._width, len(line))
        line = "\r" + line.ljust(self._width)  # a shorter stage name must not leave the old one's tail
        try:
            self.stream.write(line)
            self.stream.flush()
        except (OSError, ValueError):
            self.enabled = False  # a closed or full stream: stop drawing, never fail the work

    def redraw(self) -> None:
        """Draw the line now, however recently it was drawn (after a change of :attr:`stage`,
        or to show the time passing during one long step); nothing when not enabled."""
        if self.enabled:
            now = time.monotonic()
            self._drawn = now
            self._draw(now)

    def clear(self) -> None:
        """Erase the line drawn, if any, and leave the cursor at its start, so that other
        output does not run into it; the next :meth:`advance` or :meth:`redraw` draws it again."""
        if self.enabled and self._drawn:
            self._drawn = 0.0
            try:
                self.stream.write("\r" + " " * self._width + "\r")
                self.stream.flush()
            except (OSError, ValueError):
                self.enabled = False

    def close(self) -> None:
        """End the line (only if anything was drawn)."""
        if self.enabled and self._drawn:
            try:
                self.stream.write("\n")
                self.stream.flush()
            except (OSError, ValueError):
                pass

    def __enter__(self) -> Progress:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()
