"""``linkchart two-mode``: degree, closeness or betweenness of a two-mode network, each side
normalised by the best its nodes can score (Borgatti & Everett 1997; :func:`linkchart.two_mode`)."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from ...analysis.spec import AnalysisSpec
from ..arguments import Names, add_options
from ..output import print_json
from ..specs import TwoModeSpec
from ._common import file_arguments, json_argument, load_chart
from .one_mode import affiliation_reading

if TYPE_CHECKING:
    from ..progress import Stages

__all__ = ["DESCRIPTION", "HELP", "NAME", "arguments", "run"]

NAME = "two-mode"
HELP = "degree, closeness or betweenness of a two-mode network (Borgatti & Everett's normalisation)"
DESCRIPTION = (
    "A centrality of the network of ties between two sides (people and events), each node normalised by "
    "the best a node of its side can score (Borgatti & Everett 1997). Ties of every layer are read unless "
    "--layers names some."
)


def arguments(p: argparse.ArgumentParser, names: Names) -> None:
    """The measure, the two sides, the engine and the reading."""
    file_arguments(p, names)
    add_options(p, TwoModeSpec, names, ["measure", "first", "second", "relations", "raw"], required=["first"])
    add_options(p, AnalysisSpec, names, ["engine"])
    add_options(p, TwoModeSpec, names, ["top"])
    json_argument(p, names)
    add_options(p, AnalysisSpec, names, ["layers", "signs"])


def run(args: argparse.Namespace, progress: Stages) -> int:
    """Print the top nodes of each side."""
    from ...analysis.two_mode import two_mode

    progress.expect(2)
    chart = load_chart(args, progress)
    with progress.stage(f"two-mode {args.measure}"):
        scores = two_mode(
            chart,
            args.measure,
            first=args.first,
            second=args.second,
            normalized=not args.raw,
            **affiliation_reading(args),
            engine=args.engine,
        )
    sides = {"first": scores.parameters["first"], "second": scores.parameters["second"]}
    ranked = {
        side: [(n, v) for t in types for n, v in scores.top(None, node_type=t)]
        for side, types in sides.items()
    }
    if args.json:
        doc = {"measure": scores.measure, "parameters": dict(scores.parameters)}
        print_json(
            {**doc, **{side: [{"node": n, "value": v} for n, v in rows] for side, rows in ranked.items()}}
        )
        return 0
    how = "raw" if args.raw else "Borgatti & Everett normalised"
    print(f"two-mode {args.measure} ({how}) of {scores.chart.title or args.file}", file=sys.stdout)
    for side, types in sides.items():
        print(f"{side} side ({', '.join(types)}):", file=sys.stdout)
        for node, value in sorted(ranked[side], key=lambda nv: (-nv[1], nv[0]))[: args.top]:
            label = scores.chart.node(node).label
            print(f"  {label:<40} {value:>9.4g}", file=sys.stdout)
    return 0
