"""``linkchart conflicts``: where the sources of a graph contradict each other (allies by one,
enemies by another; one tie dated at times that cannot both hold; one entity given types of
different classes), each with its edges and sources (:func:`linkchart.conflicts`)."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from ..arguments import Names, add_options
from ..output import escape_controls, print_json
from ..specs import MergeSpec
from ._common import file_arguments, json_argument, load_chart
from ._decisions import read_decisions

if TYPE_CHECKING:
    from ..progress import Stages

__all__ = ["DESCRIPTION", "HELP", "NAME", "arguments", "run"]

NAME = "conflicts"
HELP = "list where the sources contradict each other (signs, times, types)"
DESCRIPTION = (
    "List where two sources contradict each other: a pair called allies by one source and enemies by "
    "another, one tie dated by two sources at times that do not overlap, nodes judged one entity "
    "(--decisions) with types of different classes. Each is listed with its edges and sources; nothing is "
    "averaged away. The exit status is 0 whether or not there are conflicts."
)


def arguments(p: argparse.ArgumentParser, names: Names) -> None:
    """``FILE [--decisions FILE] [--json]``."""
    file_arguments(p, names)
    add_options(p, MergeSpec, names, ["decisions"])
    json_argument(p, names)


def run(args: argparse.Namespace, progress: Stages) -> int:
    """Print the conflicts of ``args.file``."""
    from ...analysis.conflicts import conflicts

    progress.expect(2)
    decisions = read_decisions(args.decisions)
    chart = load_chart(args, progress)
    for problem in decisions.problems(chart):  # a decisions file may name other charts' nodes
        print(escape_controls(f"warning: {args.decisions}: {problem}"), file=sys.stderr)
    with progress.stage("comparing the sources"):
        found = conflicts(chart, decisions=decisions)
    if args.json:
        print_json({"file": args.file, **found.to_dict()})
    else:
        sys.stdout.write(found.text())
    return 0
