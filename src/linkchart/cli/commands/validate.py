"""``linkchart validate``: check a graph file and print a summary, or every problem.

``--json`` prints ``{file, valid, nodes, edges, problems, warnings}``: a bad file is an
answer here (``valid: false`` with every located problem), not an error.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from ...errors import LoadError
from ..arguments import Names
from ..output import print_json
from ._common import file_arguments, json_argument, load_chart
from .info import summary

if TYPE_CHECKING:
    from ..progress import Stages

__all__ = ["DESCRIPTION", "HELP", "NAME", "arguments", "run"]

NAME = "validate"
HELP = "check a graph file and print a summary, or every problem"
DESCRIPTION = (
    "Check a graph file: print its counts by node type and relation, or every problem, each with its "
    "file, line, the path of the bad item, a code and a hint. Warnings (a tie dated outside an actor's "
    "lifespan) are printed and leave the file valid."
)


def arguments(p: argparse.ArgumentParser, names: Names) -> None:
    """``FILE [--allow-outside] [--json]``."""
    file_arguments(p, names)
    json_argument(p, names)


def run(args: argparse.Namespace, progress: Stages) -> int:
    """Load ``args.file``; 0 when it is valid, 1 with every problem."""
    progress.expect(1)
    if not args.json:
        chart = load_chart(args, progress)
        print(f"{args.file}: valid", file=sys.stdout)
        summary(chart, sys.stdout)
        return 0
    try:
        chart = load_chart(args, progress)
    except LoadError as err:
        print_json({"file": args.file, "valid": False, "problems": err.errors()})
        return 1
    print_json(
        {
            "file": args.file,
            "valid": True,
            "nodes": chart.number_of_nodes,
            "edges": chart.number_of_edges,
            "problems": [],
            "warnings": [p.to_dict() for p in args.load_warnings],
        }
    )
    return 0
