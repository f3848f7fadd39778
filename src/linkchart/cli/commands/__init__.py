"""The verbs of the command line, one module each, and the parser built from them.

Each module has ``NAME``, ``HELP`` (one line in ``linkchart --help``), ``DESCRIPTION``,
``arguments(parser, names)`` (its arguments, generated from the option declarations: see
:mod:`linkchart.cli.arguments`) and ``run(args, progress) -> int`` (the exit status).
"""

from __future__ import annotations

from types import ModuleType
from typing import TYPE_CHECKING

from ..._version import __version__
from ..arguments import Names, Parser
from . import (
    analyze,
    conflicts,
    convert,
    dedupe,
    diff,
    disrupt,
    export,
    info,
    matrix,
    merge,
    one_mode,
    path,
    render,
    robust,
    timeline,
    two_mode,
    validate,
)

if TYPE_CHECKING:
    from ...analysis.registry import Registry

__all__ = ["COMMANDS", "build_parser"]

COMMANDS: tuple[ModuleType, ...] = (
    validate,
    info,
    analyze,
    export,
    convert,
    matrix,
    path,
    disrupt,
    timeline,
    one_mode,
    two_mode,
    robust,
    render,
    dedupe,
    merge,
    conflicts,
    diff,
)
"""Every verb, in the order ``linkchart --help`` lists them."""


def build_parser(registry: Registry) -> Parser:
    """The ``linkchart`` parser: one sub-parser per verb, its choices read from ``registry``."""
    names = Names(registry)
    parser = Parser(
        prog="linkchart",
        description="Link analysis of dark networks: validate, describe, analyse and chart a graph file.",
    )
    parser.add_argument("--version", action="version", version=f"linkchart {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True, parser_class=Parser)
    for command in COMMANDS:
        p = sub.add_parser(command.NAME, help=command.HELP, description=command.DESCRIPTION)
        command.arguments(p, names)
        p.set_defaults(run=command.run)
    parser.set_defaults(registry=registry)
    return parser
