"""``linkchart robust``: how sure is a ranking — the measure over random versions of the chart
(Monte Carlo: each tie kept with its confidence, or some data missing), with the median, the
90% interval, the rank interval and P(top k) of the top nodes (:func:`linkchart.rank_uncertainty`)."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from ...analysis.spec import AnalysisSpec, RunSpec
from ..arguments import Names, add_options, values
from ..output import print_json
from ..specs import RobustSpec
from ._common import ego_view, file_arguments, json_argument, load_chart, view_arguments

if TYPE_CHECKING:
    from ..progress import Stages

__all__ = ["DESCRIPTION", "HELP", "NAME", "arguments", "run"]

NAME = "robust"
HELP = "how sure is a ranking: the measure over random versions of the chart (Monte Carlo)"
DESCRIPTION = (
    "Recompute a measure on many random versions of the chart (each tie kept with its confidence "
    "probability, or a fraction of edges or nodes dropped) and print, for the top nodes, the median "
    "score, its 90% interval, the rank interval and P(top k)."
)
OPTIONS = ("measure", "draws", "seed", "model", "drop", "unit", "top")


def arguments(p: argparse.ArgumentParser, names: Names) -> None:
    """The measure and the draws, the workers, the reading and the view."""
    file_arguments(p, names)
    add_options(p, RobustSpec, names, OPTIONS)
    add_options(p, RunSpec, names, ["workers", "dask"])
    json_argument(p, names)
    add_options(p, AnalysisSpec, names, ["layers", "signs"])
    view_arguments(p, names)


def run(args: argparse.Namespace, progress: Stages) -> int:
    """Print how sure the ranking of ``args.measure`` is."""
    from ...analysis.uncertainty import rank_uncertainty

    progress.expect(2)
    chart = ego_view(args, load_chart(args, progress))
    options = values(args, RobustSpec, OPTIONS)
    with progress.stage(f"{args.measure}, {args.draws} draws", draws_own=True):
        result = rank_uncertainty(
            chart,
            options.pop("measure"),
            **options,
            **values(args, RunSpec, ["workers"]),
            registry=args.registry,
            **values(args, AnalysisSpec, ["layers", "signs"]),
        )
    if args.json:
        print_json(result.to_dict())
    else:
        sys.stdout.write(result.text())
    return 0
