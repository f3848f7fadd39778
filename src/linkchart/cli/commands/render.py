"""``linkchart render``: the chart as one self-contained, offline, interactive HTML page, or
as a static figure (``-o OUT.svg``, ``.pdf``, ``.png``).

The page's options are :class:`~linkchart.render.spec.PageSpec`'s; the figure takes those
it shares with it (:class:`~linkchart.figures.spec.FigureSpec`). ``--types``,
``--relations``, ``--min-confidence`` and ``--as-of`` filter what is drawn
(:class:`~linkchart.cli.specs.FilterSpec`); ``--layers`` and ``--signs`` choose what the
measures read.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ...analysis.spec import RunSpec
from ...figures.spec import FIGURE_FORMATS, FIGURE_HIGHLIGHTS, FigureSpec
from ...render.spec import PageSpec
from ..arguments import Names, UsageError, add_options, values
from ..specs import FilterSpec, RenderSpec
from ._common import ego_view, file_arguments, json_argument, load_chart, view_arguments, wrote

if TYPE_CHECKING:
    from ...analysis.findings import Findings
    from ...model import LinkChart
    from ..progress import Stages

__all__ = ["DESCRIPTION", "HELP", "NAME", "arguments", "run"]

NAME = "render"
HELP = "write the chart as one self-contained, offline, interactive HTML page"
DESCRIPTION = (
    "Render the chart as an interactive HTML page (vis-network, inlined; no network access when "
    "opened), or as a static figure (-o OUT.svg, .pdf or .png). Without -o the page goes to standard "
    "output."
)
DRAWING = (
    "size_by",
    "color_by",
    "measures",
    "highlight",
    "top_brokers",
    "layout",
    "seed",
    "edge_labels",
    "context",
)
"""The options of :class:`~linkchart.render.spec.PageSpec` that choose what is drawn, in help order."""
READING = ("timeline", "over_time", "undated", "min_dated", "layers", "signs")
"""The page's options on time and the reading, in help order."""
FILTERS = ("types", "relations", "min_confidence", "as_of")
FIGURE = ("preset", "paper", "dpi", "label_top")
"""The options of :class:`~linkchart.figures.spec.FigureSpec` that only a figure takes."""


def arguments(p: argparse.ArgumentParser, names: Names) -> None:
    """Where to write, the page's options, the filters of what is drawn, the view."""
    file_arguments(p, names)
    add_options(p, RenderSpec, names, ["output", "open", "diff"])
    add_options(p, PageSpec, names, [*DRAWING, "physics", "title"])
    add_options(p, FilterSpec, names, FILTERS)
    add_options(p, PageSpec, names, ["exact"])
    shown = p.add_mutually_exclusive_group()
    add_options(shown, PageSpec, names, ["summary"])
    add_options(shown, RenderSpec, names, ["full"])
    add_options(p, PageSpec, names, READING)
    figure = p.add_argument_group("a figure (-o OUT.svg, .pdf or .png)")
    add_options(figure, FigureSpec, names, FIGURE)
    add_options(p, RunSpec, names, ["dask"])
    view_arguments(p, names)
    json_argument(p, names)


def _filtered(args: argparse.Namespace, chart: LinkChart) -> LinkChart:
    shown = values(args, FilterSpec, FILTERS)
    if not any(v is not None for v in shown.values()):
        return chart
    return chart.filter(
        node_types=shown["types"],
        relations=shown["relations"],
        min_confidence=shown["min_confidence"],
        as_of=shown["as_of"],
        undated=args.undated,
    )


def _figure(args: argparse.Namespace, chart: LinkChart, page: dict[str, Any], progress: Stages) -> int:
    from ...figures import render_image

    with progress.stage(f"drawing {Path(args.output).name}"):
        target = render_image(
            chart,
            args.output,
            size_by=page["size_by"],
            highlight=[h for h in page["highlight"] if h in FIGURE_HIGHLIGHTS],
            title=page["title"],
            layout=page["layout"],
            seed=page["seed"],
            layers=page["layers"],
            signs=page["signs"],
            context=page["context"],
            registry=args.registry,
            **values(args, FigureSpec, FIGURE),
        )
    if args.preset == "briefing":  # say what the page shows: the reading's actors and ties
        from ...figures import briefing_view

        chart = briefing_view(chart, page["layers"], page["signs"])[0]
    wrote(args, [target], chart)
    return 0


def run(args: argparse.Namespace, progress: Stages) -> int:
    """Write the page (or the figure) of ``args.file``."""
    from ...render.html import page_spec, render_page, write_page

    if args.open and args.output is None:
        raise UsageError("--open needs -o OUT.html", loc=("--open",))
    if args.json and args.output is None:
        raise UsageError("--json needs -o OUT.html (the page itself is not JSON)", loc=("--json",))
    progress.expect(3 if args.diff is None else 5)
    chart = _filtered(args, ego_view(args, load_chart(args, progress)))
    page = values(args, PageSpec, [*DRAWING, "physics", "title", "exact", "summary", *READING])
    page["highlight"] = tuple(page["highlight"] or ())
    if args.output is not None and Path(args.output).suffix.lower().lstrip(".") in FIGURE_FORMATS:
        if args.diff is not None:
            raise UsageError("--diff draws on the page: write one with -o OUT.html", loc=("--diff",))
        return _figure(args, chart, page, progress)
    chosen = [o for o in FIGURE if getattr(args, o) != getattr(FigureSpec(), o)]
    if chosen:
        flag = "--" + chosen[0].replace("_", "-")
        raise UsageError(f"{flag} is for a figure: write one with -o OUT.svg, .pdf or .png", loc=(flag,))
    spec = page_spec(**{**page, "summary": False if args.full else page["summary"]}, registry=args.registry)
    changes = None
    source: LinkChart | Findings = chart
    if args.diff is not None:
        from ...render.html import with_diff

        before = load_chart(args, progress, args.diff)
        with progress.stage("comparing the charts and their measures"):
            source, changes = with_diff(chart, spec, before)
    with progress.stage("the page"):
        html = render_page(source, spec, changes=changes)
    if args.output is None:
        sys.stdout.write(html)
        return 0
    with progress.stage(f"writing {Path(args.output).name}"):
        inputs = [args.file, *chart.files, *([args.diff, *changes.before.files] if changes else [])]
        target = write_page(html, args.output, inputs=inputs)
    wrote(args, [target], chart)
    if args.open:
        import webbrowser

        webbrowser.open(target.resolve().as_uri())
    return 0
