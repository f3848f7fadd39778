"""``linkchart one-mode``: project an affiliation network — actors tied through the meetings,
groups or places they share (:func:`linkchart.one_mode`); print the pairs or write the projection."""

from __future__ import annotations

import argparse
import dataclasses
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ...analysis.spec import AnalysisSpec
from ..arguments import Names, add_options, values
from ..output import print_json
from ..specs import OneModeSpec
from ._common import file_arguments, format_of_output, json_argument, load_chart, write_chart, wrote
from .export import FORMATS

if TYPE_CHECKING:
    from ..progress import Stages

__all__ = ["DESCRIPTION", "HELP", "NAME", "affiliation_reading", "arguments", "run"]

NAME = "one-mode"
HELP = "project an affiliation network: actors tied through the meetings, groups or places they share"
DESCRIPTION = (
    "Tie the nodes of the --onto types through the --via nodes they share (people through meetings, "
    "organisations through members): one edge per pair and shared affiliation, each keeping the original "
    "ties' evidence, confidence and time. Without -o, print the pairs, heaviest first. Affiliations of "
    "every layer are read unless --layers names some."
)
_SHOWN_VIA = 6


def arguments(p: argparse.ArgumentParser, names: Names) -> None:
    """The two sides, the weighting, where to write, and the reading."""
    file_arguments(p, names)
    add_options(
        p,
        OneModeSpec,
        names,
        ["onto", "via", "weighting", "min_weight", "relations", "any_time", "output", "format", "top"],
        required=["onto", "via"],
    )
    json_argument(p, names)
    add_options(p, AnalysisSpec, names, ["layers", "signs"])


def affiliation_reading(args: argparse.Namespace) -> dict[str, Any]:
    """``--relations``, ``--layers`` (default: every layer) and ``--signs`` of one-mode and two-mode."""
    reading = values(args, AnalysisSpec, ["layers", "signs"])
    if reading["layers"] is None:
        reading["layers"] = "all"
    return {"relations": args.relations, **reading}


def run(args: argparse.Namespace, progress: Stages) -> int:
    """Print the pairs of the projection, or write it."""
    from ...analysis.affiliation import projected_ties
    from ...analysis.one_mode import one_mode

    fmt = format_of_output(args.output, args.format, FORMATS) if args.output else None
    progress.expect(3 if args.output else 2)
    chart = load_chart(args, progress)
    with progress.stage("projecting"):
        projection = one_mode(
            chart,
            args.onto,
            args.via,
            **values(args, OneModeSpec, ["weighting", "min_weight"]),
            concurrent=not args.any_time,
            **affiliation_reading(args),
        )
        ties = projected_ties(projection)
    if args.output and fmt:
        with progress.stage(f"writing {Path(args.output).name}"):
            target = write_chart(projection, Path(args.output), fmt)
        if args.json:
            wrote(args, [target], projection, pairs=len(ties))
        else:
            print(
                f"wrote {target} ({projection.number_of_nodes} nodes, {len(ties)} tied pairs, "
                f"{projection.number_of_edges} edges: one per shared affiliation)",
                file=sys.stderr,
            )
        return 0
    if args.json:
        rows = [dataclasses.asdict(t) for t in ties[: args.top]]
        print_json(
            {"title": projection.title, "nodes": projection.number_of_nodes, "pairs": len(ties), "ties": rows}
        )
        return 0
    print(f"{projection.title}: {projection.number_of_nodes} nodes, {len(ties)} tied pairs", file=sys.stdout)
    print(f"  {'pair':<50} {args.weighting:>9} {'P(tie)':>7}  shared", file=sys.stdout)
    for t in ties[: args.top]:
        pair = f"{t.a} - {t.b}"
        shown = ", ".join(t.via[:_SHOWN_VIA])
        if len(t.via) > _SHOWN_VIA:
            shown += f", ... ({len(t.via) - _SHOWN_VIA} more)"
        print(f"  {pair:<50} {t.weight:>9.4g} {t.probability:>7.2f}  {shown}", file=sys.stdout)
    return 0
