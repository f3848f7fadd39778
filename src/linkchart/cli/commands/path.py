"""``linkchart path``: why is A tied to B — the best chains of quoted ties between two nodes
(:func:`linkchart.explain_path`). Exit status 1 when no chain joins them."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from ...analysis.spec import AnalysisSpec
from ..arguments import Names, add_options, values
from ..output import print_json
from ..specs import PathSpec
from ._common import file_arguments, json_argument, load_chart

if TYPE_CHECKING:
    from ..progress import Stages

__all__ = ["DESCRIPTION", "HELP", "NAME", "arguments", "run"]

NAME = "path"
HELP = "why is A tied to B: the best chains of quoted ties between two nodes"
DESCRIPTION = (
    "The k most probable (or shortest) chains of ties from A to B, each tie with its relation, "
    "direction, confidence and quote. Names may be ids, labels or aliases. The default reading, as for "
    "every measure (the positive ties of the file's analysis.layers; the output says which): --layers "
    "all to pass through places and events, --signs all through hostile ties."
)
OPTIONS = ("k", "by", "directed")


def arguments(p: argparse.ArgumentParser, names: Names) -> None:
    """``FILE A B``, the paths asked for, and the reading."""
    file_arguments(p, names)
    p.add_argument("a", metavar="A", help="a node: id, label or alias")
    p.add_argument("b", metavar="B", help="another node")
    add_options(p, PathSpec, names, OPTIONS)
    json_argument(p, names)
    add_options(p, AnalysisSpec, names, ["layers", "signs"])


def run(args: argparse.Namespace, progress: Stages) -> int:
    """Print the chains from ``args.a`` to ``args.b``; 1 when there is none."""
    from ...analysis.paths import explain_path

    progress.expect(2)
    chart = load_chart(args, progress)
    with progress.stage("finding paths"):
        result = explain_path(
            chart,
            args.a,
            args.b,
            **values(args, PathSpec, OPTIONS),
            **values(args, AnalysisSpec, ["layers", "signs"]),
        )
    if args.json:
        print_json(result.to_dict())
    else:
        sys.stdout.write(result.text())
    return 0 if result.paths else 1
