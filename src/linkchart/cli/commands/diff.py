"""``linkchart diff``: what changed from one graph file to another — nodes, edges, confidence,
evidence, sources, the vocabulary — and how the top ranks of each default measure moved
(:func:`linkchart.diff`)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ..arguments import Names, add_options, values
from ..output import print_json
from ..specs import CommonSpec, DiffSpec
from ._common import json_argument, load_chart

if TYPE_CHECKING:
    from ...analysis.diff import Diff
    from ...analysis.findings import Findings
    from ...model import LinkChart
    from ..progress import Stages

__all__ = ["DESCRIPTION", "HELP", "NAME", "arguments", "diff_page", "page_findings", "run"]

NAME = "diff"
HELP = "what changed from one graph file to another, and how the top ranks moved"
DESCRIPTION = (
    "Compare two graph files: nodes (by id) and edges (by their ends, relation, time and source) added, "
    "removed and changed (confidence, evidence, weight, notes, attributes), sources and declarations "
    "that changed, and for each of the report's per-node measures the nodes whose top ranks moved. "
    'The exit status is 0 whether or not they differ; --json says "same": true or false. '
    "-o OUT.html also writes the interactive page of B with the diff drawn on it (the same diff; "
    "linkchart render B --diff A takes every page option)."
)
OPTIONS = ("top", "measures")


def arguments(p: argparse.ArgumentParser, names: Names) -> None:
    """``A B [--top N] [--measures M ...] [-o OUT.html] [--json]``."""
    p.add_argument("a", metavar="A", help="the graph file before")
    p.add_argument("b", metavar="B", help="the graph file after")
    add_options(p, CommonSpec, names, ["allow_outside"])
    add_options(p, DiffSpec, names, [*OPTIONS, "output"])
    json_argument(p, names)


def run(args: argparse.Namespace, progress: Stages) -> int:
    """Print what changed from ``args.a`` to ``args.b``."""
    from ...analysis.diff import diff

    progress.expect(3 if args.output is None else 5)
    args.file = args.a
    a = load_chart(args, progress, args.a)
    b = load_chart(args, progress, args.b)
    with progress.stage("comparing the charts and their measures"):
        # with a page to write, b's page analysis first: the ranks compared are the page's, run once
        after = None if args.output is None else page_findings(args, b)
        found = diff(
            a, b if after is None else after, registry=args.registry, **values(args, DiffSpec, OPTIONS)
        )
    wrote = [] if after is None else [str(diff_page(args, progress, a, after, found))]
    if args.json:
        print_json({"a": args.a, "b": args.b, **found.to_dict(), **({"wrote": wrote} if wrote else {})})
    else:
        sys.stdout.write(found.text())
        for target in wrote:
            print(f"wrote {target} (the page of {args.b} with the diff from {args.a})", file=sys.stderr)
    return 0


def page_findings(args: argparse.Namespace, b: LinkChart) -> Findings:
    """What the page of ``b`` presents (its default choices), analysed once."""
    from ...analysis.analyze import analyze
    from ...render.html import page_spec
    from ...render.payload import page_needs

    return analyze(b, page_needs(b, page_spec(registry=args.registry)))


def diff_page(args: argparse.Namespace, progress: Stages, a: LinkChart, b: Findings, found: Diff) -> Path:
    """Write the page of ``b`` (the findings of its page's analysis) with the diff from ``a``
    (``found``, computed once from them) to ``args.output``."""
    from ...render.html import compared, page_spec, render_page, write_page

    with progress.stage("the page"):
        html = render_page(b, page_spec(registry=args.registry), changes=compared(a, b, found))
    with progress.stage(f"writing {Path(args.output).name}"):
        return write_page(html, args.output, inputs=[args.a, args.b, *a.files, *b.chart.files])
