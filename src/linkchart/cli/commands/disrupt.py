"""``linkchart disrupt``: remove actors one at a time (by betweenness, degree, key players or
at random) and show how the network fragments (:func:`linkchart.disruption`)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ...analysis.spec import AnalysisSpec, RunSpec
from ..arguments import Names, add_options, values
from ..output import print_json
from ..specs import DisruptSpec
from ._common import file_arguments, json_argument, load_chart

if TYPE_CHECKING:
    from ...analysis.disruption import Disruption
    from ...figures.spec import FigureFormat
    from ...model import LinkChart
    from ..progress import Stages

__all__ = ["DESCRIPTION", "HELP", "NAME", "arguments", "run"]

NAME = "disrupt"
HELP = "remove actors one at a time and plot how the network fragments"
DESCRIPTION = (
    "Remove one node per step (by betweenness, degree, key players or at random) and print the "
    "fragmentation, largest component share and global efficiency after each step; -o writes the curves "
    "as SVG or PNG."
)


def arguments(p: argparse.ArgumentParser, names: Names) -> None:
    """The strategies, steps and runs, where to draw the curves, and the reading."""
    file_arguments(p, names)
    add_options(p, DisruptSpec, names, ["output", "strategies", "steps", "runs", "seed", "initial"])
    add_options(p, AnalysisSpec, names, ["layers", "signs"])
    add_options(p, RunSpec, names, ["dask"])
    json_argument(p, names)


def _draw(args: argparse.Namespace, chart: LinkChart, results: list[Disruption], progress: Stages) -> Path:
    from ...figures import plot_disruption
    from ...files import write_atomic

    with progress.stage(f"drawing {Path(args.output).name}"):
        labels = {nid: chart.node(nid).label for r in results for nid in r.removed}
        data = plot_disruption(results, title=chart.title, format=_format(args.output), labels=labels)
        # any name is written (SVG unless it ends in .png or .pdf), as before; never over an input
        return write_atomic(args.output, data, inputs=[args.file, *chart.files])


def _format(path: str) -> FigureFormat:
    """The figure format of ``path``: PNG or PDF by its extension, else SVG."""
    suffix = Path(path).suffix.lower()
    return "png" if suffix == ".png" else "pdf" if suffix == ".pdf" else "svg"


def run(args: argparse.Namespace, progress: Stages) -> int:
    """Print (and draw) each strategy's curve."""
    from ...analysis.disruption import disruption

    strategies = values(args, DisruptSpec, ["strategies"])["strategies"]
    progress.expect(1 + len(strategies) + (args.output is not None))
    chart = load_chart(args, progress)
    reading = values(args, AnalysisSpec, ["layers", "signs"])
    results = []
    for strategy in strategies:
        with progress.stage(f"removing by {strategy}"):
            results.append(
                disruption(
                    chart,
                    strategy=strategy,
                    steps=args.steps,
                    recompute=not args.initial,
                    seed=args.seed,
                    runs=args.runs,
                    **reading,
                )
            )
    if args.json:
        targets = [_draw(args, chart, results, progress)] if args.output else []
        doc = {"ok": True, "wrote": [str(t) for t in targets], "nodes": chart.number_of_nodes}
        print_json({**doc, "edges": chart.number_of_edges, "results": [r.to_dict() for r in results]})
        return 0
    for r in results:
        sys.stdout.write(r.text())
    if args.output:
        print(f"wrote {_draw(args, chart, results, progress)}", file=sys.stderr)
    return 0
