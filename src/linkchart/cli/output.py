"""What the command line writes: text with control characters escaped, problem lists, JSON.

Everything a command prints may carry text from the data (labels, titles, quotes), and a
graph from someone else must not drive the terminal: control characters are shown as
``\\x1b`` escapes (:func:`escape_controls`, :class:`Guarded`). With ``--json`` standard
output carries exactly one JSON document whatever happens: the command's result, or
:func:`error_document` (``{"ok": false, "errors": [...]}``) when it fails.
"""

from __future__ import annotations

import io
import json
import os
import re
import sys
from collections.abc import Callable
from typing import Any, Final, TextIO

from ..errors import LinkchartError, LoadError

__all__ = [
    "MAX_PROBLEMS_SHOWN",
    "Guarded",
    "discard_output",
    "error_document",
    "escape_controls",
    "json_text",
    "print_json",
    "print_problems",
]

MAX_PROBLEMS_SHOWN: Final = 200
"""At most this many problems are printed as text; the rest are counted (``--json`` lists all)."""

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_PROGRESS = re.compile("\r[^\x00-\x1f\x7f-\x9f]*")
"""A progress line: a carriage return, then plain text (drawn again in place on a terminal)."""
_C1 = re.compile("[\x7f-\x9f]")


def escape_controls(text: str) -> str:
    r"""Control characters from the data shown as ``\x1b`` escapes, never sent to the terminal
    (tab and newline are kept).

    Examples
    --------
    >>> print(escape_controls("title\x1b]0;OWNED\x07 end"))
    title\x1b]0;OWNED\x07 end
    """
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


class Guarded(io.TextIOBase):
    """A text stream that escapes control characters on the way out (``escape=False``: none).

    Parameters
    ----------
    stream
        The stream written to (standard output or standard error).
    escape
        Whether to escape control characters.
    progress
        Whether a write that is one progress line (a carriage return, then plain text)
        keeps its carriage return, which only returns to the start of the line being
        drawn (standard error, where :class:`linkchart.progress.Progress` draws).
    before
        Called before each write (the command line clears its progress line there, so
        that what is printed never runs into it).
    """

    def __init__(
        self,
        stream: TextIO,
        *,
        escape: bool = True,
        progress: bool = False,
        before: Callable[[], None] | None = None,
    ) -> None:
        self.stream = stream
        self.escape = escape
        self.progress = progress
        self.before = before

    def write(self, text: str) -> int:
        if self.before is not None and text:
            self.before()
        if self.escape and not (self.progress and _PROGRESS.fullmatch(text)):
            self.stream.write(escape_controls(text))
        else:
            self.stream.write(text)
        return len(text)

    def flush(self) -> None:
        self.stream.flush()

    def fileno(self) -> int:
        return self.stream.fileno()

    def isatty(self) -> bool:
        """Whether the stream written to is a terminal (so the library's progress lines show)."""
        isatty = getattr(self.stream, "isatty", None)
        return bool(isatty and isatty())


def discard_output(stream: TextIO) -> None:
    """Point ``stream``'s file at ``/dev/null``, so the interpreter's final flush cannot fail again."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, stream.fileno())


def print_problems(err: LoadError, out: TextIO) -> None:
    """Every problem of ``err``, located, one per line (at most :data:`MAX_PROBLEMS_SHOWN`)."""
    shown = err.problems[:MAX_PROBLEMS_SHOWN]
    count = len(err.problems)
    print(f"{count} problem{'s' if count != 1 else ''} found:", file=out)
    for p in shown:
        print(str(p), file=out)
    if count > len(shown):
        print(f"... and {count - len(shown)} more", file=out)


def json_text(text: str) -> str:
    r"""JSON text safe to escape: the characters U+007F to U+009F written as ``\u`` escapes.

    ``json.dumps(..., ensure_ascii=False)`` leaves them as they are, and a terminal-safe
    stream would then show them as ``\x85`` — no longer JSON. They can only stand inside
    JSON strings, where the ``\u`` escape means the same character.

    Examples
    --------
    >>> json_text('{"label": "a\x85b"}')
    '{"label": "a\\u0085b"}'
    """
    return _C1.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def print_json(doc: Any, out: TextIO | None = None) -> None:
    """``doc`` as one JSON document (indented, UTF-8 text) and a newline on ``out`` (standard output)."""
    text = json_text(json.dumps(doc, indent=2, ensure_ascii=False))
    (out if out is not None else sys.stdout).write(text + "\n")


def error_document(err: LinkchartError) -> dict[str, Any]:
    """``{"ok": false, "errors": [...]}``: every problem of a bad file, or the one error, as data.

    Examples
    --------
    >>> from linkchart.errors import UnknownNameError
    >>> error_document(UnknownNameError("layer", "politcal", ["political"]))["errors"][0]["code"]
    'unknown-name'
    """
    errors = err.errors() if isinstance(err, LoadError) else [err.to_dict()]
    return {"ok": False, "errors": errors}
