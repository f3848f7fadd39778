"""``linkchart analyze``: the analyst's report — top nodes per measure, bridges, articulation
points, brokers, key players, how sure, over time — as text, Markdown, JSON or CSV tables.

Its options are the report's (:class:`~linkchart.reporting.spec.ReportSpec`) and the
analysis's (:class:`~linkchart.analysis.spec.AnalysisSpec`): the reading, the engine, the
firm level, the time choices.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from ...analysis.spec import AnalysisSpec, RunSpec
from ...reporting.spec import ReportSpec
from ..arguments import Names, add_options, values
from ..output import json_text
from ..specs import AnalyzeSpec
from ._common import ego_view, file_arguments, json_argument, load_chart, view_arguments

if TYPE_CHECKING:
    from ..progress import Stages

__all__ = ["DESCRIPTION", "HELP", "NAME", "arguments", "run"]

NAME = "analyze"
HELP = "print the analyst's report: top nodes per measure, bridges, articulation points, brokers"
DESCRIPTION = "Run the centrality, bridging and brokerage measures and print their top results."
ANALYSIS = ("engine", "partition", "directed", "layers", "signs", "firm", "exact", "undated", "min_dated")
"""The options of :class:`~linkchart.analysis.spec.AnalysisSpec` ``analyze`` offers (and ``relations``)."""


def arguments(p: argparse.ArgumentParser, names: Names) -> None:
    """The report's options, the analysis's, and the view (``--ego``)."""
    file_arguments(p, names)
    shown = p.add_mutually_exclusive_group()
    json_argument(shown, names)
    add_options(shown, AnalyzeSpec, names, ["markdown"])
    add_options(p, AnalyzeSpec, names, ["csv"])
    add_options(p, ReportSpec, names, ["top"])
    add_options(p, AnalysisSpec, names, ["relations"])
    add_options(p, AnalyzeSpec, names, ["measures"])
    add_options(p, AnalysisSpec, names, ANALYSIS)
    add_options(p, RunSpec, names, ["dask"])
    view_arguments(p, names)


def run(args: argparse.Namespace, progress: Stages) -> int:
    """Print the report of ``args.file`` (and write its CSV tables with ``--csv``)."""
    from ...reporting import report

    progress.expect(2)
    chart = ego_view(args, load_chart(args, progress))
    with progress.stage("the report", draws_own=True):
        result = report(
            chart,
            **values(args, ReportSpec, ["top"]),
            **values(args, AnalysisSpec, ["relations", *ANALYSIS]),
            measures=args.measures,
            registry=args.registry,
        )
    if args.csv:
        paths = result.to_csv(args.csv)
        names = ", ".join(p.name for p in paths)
        print(f"wrote {len(paths)} CSV files to {args.csv}: {names}", file=sys.stderr)
    if args.json:
        sys.stdout.write(json_text(result.to_json()) + "\n")
    elif args.markdown:
        sys.stdout.write(result.to_markdown())
    else:
        sys.stdout.write(result.to_text())
    return 0
