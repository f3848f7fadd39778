"""``linkchart dedupe``: pairs of nodes that may be one entity, with the reasons, in one file
or across files (:func:`linkchart.candidates`). Nothing is merged."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from ..arguments import Names, add_options, values
from ..output import print_json
from ..specs import CommonSpec, DedupeSpec, MergeSpec
from ._common import json_argument, load_chart
from ._decisions import read_decisions

if TYPE_CHECKING:
    from ..progress import Stages

__all__ = ["DESCRIPTION", "HELP", "NAME", "arguments", "run"]

NAME = "dedupe"
HELP = "list pairs of nodes that may be one entity, with the reasons (in one file, or across files)"
DESCRIPTION = (
    "Rank pairs of nodes that may be the same entity by the similarity of their names (ids, labels, "
    "aliases; transliterations, articles, initials, word order), their shared neighbours and their types, "
    "each with its reasons. One file: pairs within it; two or more: pairs across them. Nothing is merged: "
    "record the decisions (docs/many_sources.md); with --decisions, the pairs they settle are left out."
)
OPTIONS = ("top", "min_score", "types")


def arguments(p: argparse.ArgumentParser, names: Names) -> None:
    """One or more files, and how many pairs of which score."""
    p.add_argument("files", nargs="+", metavar="FILE", help="one or more linkchart graph files")
    add_options(p, CommonSpec, names, ["allow_outside"])
    add_options(p, DedupeSpec, names, OPTIONS)
    add_options(p, MergeSpec, names, ["decisions"])
    json_argument(p, names)


def run(args: argparse.Namespace, progress: Stages) -> int:
    """Print the candidate pairs of ``args.files``."""
    from ...analysis.duplicates import candidates

    progress.expect(len(args.files) + 1)
    decisions = read_decisions(args.decisions)
    args.file = args.files[0]
    charts = [load_chart(args, progress, path) for path in args.files]
    with progress.stage("comparing names and neighbours"):
        found = candidates(*charts, decisions=decisions, **values(args, DedupeSpec, OPTIONS))
    if args.json:
        print_json(found.to_dict())
    else:
        sys.stdout.write(found.text())
    return 0
