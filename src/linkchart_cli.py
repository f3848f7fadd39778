"""The ``linkchart`` command's start: import the command line, quietly if interrupted.

The console script runs :func:`main`. Importing linkchart takes a moment (numpy,
igraph, the measures); a Ctrl-C in that moment would otherwise print a traceback from
deep inside an import. This module lies outside the ``linkchart`` package so that
nothing is imported before the guard is in place: an interrupt during start-up ends
the command with exit status 130, as shells expect, and no traceback. Once started,
:func:`linkchart.cli.main` handles Ctrl-C the same way.
"""

from __future__ import annotations

__all__ = ["main"]


def main() -> int:
    """Run ``linkchart`` with the process's arguments; return its exit status (130 when interrupted)."""
    try:
        from linkchart.cli import main as run
    except KeyboardInterrupt:
        return 130
    return run()
