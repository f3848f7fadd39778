"""``linkchart timeline``: a measure per period — who ranked first when, on the ties in force
and the actors active then (:func:`linkchart.over_time`); ``-o`` draws the leaders' scores."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, cast

from ...analysis.spec import AnalysisSpec, RunSpec
from ...figures.spec import FIGURE_FORMATS, FigureFormat
from ..arguments import Names, UsageError, add_options, values
from ..output import print_json
from ..specs import TimelineSpec
from ._common import ego_view, file_arguments, json_argument, load_chart, view_arguments

if TYPE_CHECKING:
    from ...analysis.over_time import OverTime
    from ...model import LinkChart
    from ..progress import Stages

__all__ = ["DESCRIPTION", "HELP", "NAME", "arguments", "run"]

NAME = "timeline"
HELP = "a measure per period: who ranked first when (the ties in force and the actors active then)"
DESCRIPTION = (
    "Cut the chart's time into periods (years, months, its declared periods or N equal windows), compute "
    "a measure on each period's view (the ties in force and the actors active then) and print the top "
    "actors per period; -o also draws their scores over time."
)


def arguments(p: argparse.ArgumentParser, names: Names) -> None:
    """The measure and the periods, how undated ties are read, where to draw, the reading and the view."""
    file_arguments(p, names)
    add_options(p, TimelineSpec, names, ["measure", "every", "periods", "top", "normalized", "dated_only"])
    add_options(p, AnalysisSpec, names, ["undated", "min_dated"])
    add_options(p, TimelineSpec, names, ["output"])
    json_argument(p, names)
    add_options(p, AnalysisSpec, names, ["layers", "signs"])
    add_options(p, RunSpec, names, ["dask"])
    view_arguments(p, names)


def _kind(output: str | None) -> FigureFormat:
    """The figure format of ``-o`` (checked before any work)."""
    if output is None:
        return "svg"  # nothing is drawn
    kind = Path(output).suffix.lower().lstrip(".")
    if kind not in FIGURE_FORMATS:
        raise UsageError(
            f"write the plot as .svg, .png or .pdf, not {output!r}",
            loc=("--output",),
            input=output,
            ctx={"choices": list(FIGURE_FORMATS)},
        )
    return cast("FigureFormat", kind)


def _draw(
    args: argparse.Namespace, chart: LinkChart, result: OverTime, labels: dict[str, str], kind: FigureFormat
) -> Path:
    from ...figures import plot_over_time, write_figure

    data = plot_over_time(result, top=args.top, title=chart.title, format=kind, labels=labels)
    return write_figure(data, args.output, inputs=[args.file, *chart.files])


def run(args: argparse.Namespace, progress: Stages) -> int:
    """Print the leaders per period (and draw their scores)."""
    from ...analysis.over_time import over_time

    kind = _kind(args.output)
    progress.expect(2)
    chart = ego_view(args, load_chart(args, progress))
    time = values(args, AnalysisSpec, ["undated", "min_dated", "layers", "signs"])
    if args.dated_only:
        time["undated"] = "never"
    if args.normalized:
        time["normalized"] = True
    with progress.stage(f"{args.measure} over time", draws_own=True):
        result = over_time(
            chart,
            args.measure,
            every=args.periods or args.every,
            registry=args.registry,
            **time,
        )
    labels = {nid: chart.node(nid).label for nid in chart.node_ids}
    drawn = args.output is not None and not result.declined
    if args.json:  # the plot first: what is printed is the one JSON document
        target = _draw(args, chart, result, labels, kind) if drawn else None
        print_json(result.to_dict())
    else:  # a declined result is an answer too: why there is no ranking per period
        sys.stdout.write(result.text(args.top, labels))
        target = _draw(args, chart, result, labels, kind) if drawn else None
    if target is not None:
        print(f"wrote {target}", file=sys.stderr)
    elif args.output is not None:
        print(f"nothing drawn: {args.output} not written", file=sys.stderr)
    return 0
