"""The ``linkchart`` command line: a thin layer over the library.

:func:`main` reads the command line and runs one verb (:mod:`linkchart.cli.commands`, one
module each); the arguments, their choices and their help are generated from the option
declarations (:mod:`linkchart.cli.arguments`); what is printed is escaped, listed and
JSON-encoded by :mod:`linkchart.cli.output`; long work shows its progress on a terminal
(:mod:`linkchart.cli.progress`).
"""

from .main import main

__all__ = ["main"]
