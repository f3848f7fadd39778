"""What the verbs share: the graph file argument, loading it (with its warnings), the views
of it a verb reads, writing a chart, and the ``--json`` result of a verb that writes files."""

from __future__ import annotations

import argparse
import sys
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ...errors import LinkchartError
from ..arguments import Names, UsageError, add_options
from ..output import escape_controls, print_json
from ..specs import CommonSpec, ViewSpec

if TYPE_CHECKING:
    from ...model import LinkChart
    from ..progress import Stages

__all__ = [
    "ego_view",
    "file_arguments",
    "format_of_output",
    "json_argument",
    "load_chart",
    "loaded",
    "view_arguments",
    "write_chart",
    "wrote",
]


def file_arguments(p: argparse.ArgumentParser, names: Names) -> None:
    """The graph file, and the opt-in to read files it names outside its folder."""
    from ...readers import read_formats

    p.add_argument("file", metavar="FILE", help=f"a graph file: {read_formats()}")
    add_options(p, CommonSpec, names, ["allow_outside"])


def json_argument(p: argparse.ArgumentParser | argparse._ArgumentGroup, names: Names) -> None:
    """``--json``: one JSON document on standard output, whatever happens."""
    add_options(p, CommonSpec, names, ["json"])


def view_arguments(p: argparse.ArgumentParser, names: Names) -> None:
    """``--ego NODE [--radius R]``."""
    add_options(p, ViewSpec, names, ["ego", "radius"])


def load_chart(args: argparse.Namespace, progress: Stages, path: str | None = None) -> LinkChart:
    """The chart of ``path`` (default ``args.file``); its warnings (a tie outside a lifespan)
    printed to standard error, located like problems, and kept in ``args.load_warnings``."""
    from ...loading import load

    path = args.file if path is None else path
    return loaded(args, progress, path, lambda: load(path, allow_outside=args.allow_outside))


def loaded(args: argparse.Namespace, progress: Stages, path: str, read: Callable[[], LinkChart]) -> LinkChart:
    """``read()`` as the stage loading ``path``, its warnings said as :func:`load_chart` says them."""
    from ...errors import LoadWarning

    with progress.stage(f"loading {Path(path).name}"), warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", LoadWarning)
        chart = read()
    found = [w.message.problem for w in caught if isinstance(w.message, LoadWarning)]
    for w in caught:
        if not isinstance(w.message, LoadWarning):
            warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)
    args.load_warnings = [*getattr(args, "load_warnings", []), *found]
    for problem in found:
        print(escape_controls(f"warning: {problem}"), file=sys.stderr)
    return chart


def ego_view(args: argparse.Namespace, chart: LinkChart) -> LinkChart:
    """``--ego NODE [--radius R]``: the view around one node (its name resolved through aliases)."""
    if getattr(args, "ego", None) is None:
        return chart
    return chart.ego(args.ego, args.radius)


def format_of_output(output: str, fmt: str | None, choices: tuple[str, ...]) -> str:
    """The format ``-o OUTPUT`` is written in: ``fmt``, else by its extension (none: a CSV folder).

    Raises
    ------
    UsageError
        For an extension that names no format ``choices`` hold (say ``--format``).
    """
    if fmt is not None:
        return fmt
    from ...writers.formats import format_of

    try:
        found: str = format_of(output)
    except LinkchartError:
        found = ""
    if found not in choices:
        raise UsageError(
            f"cannot tell the format of {output!r} from its extension; choose one with --format: "
            + ", ".join(choices),
            loc=("--format",),
            input=output,
            ctx={"choices": list(choices)},
        )
    return found


def write_chart(chart: LinkChart, out: Path, fmt: str, *, embed_sources: bool | None = None) -> Path:
    """Write ``chart`` to ``out`` in the format ``fmt`` (see :func:`format_of_output`)."""
    from ...writers import export

    return export(chart, out, format=fmt, embed_sources=embed_sources)


def wrote(args: argparse.Namespace, targets: list[Path], chart: LinkChart, **more: Any) -> None:
    """Say what was written: ``{"ok": true, "wrote": [...], "nodes": n, "edges": m}`` with
    ``--json``, else ``wrote TARGET (n nodes, m edges)`` on standard error."""
    if args.json:
        doc = {"ok": True, "wrote": [str(t) for t in targets], "nodes": chart.number_of_nodes}
        print_json({**doc, "edges": chart.number_of_edges, **more})
        return
    for target in targets:
        print(
            f"wrote {target} ({chart.number_of_nodes} nodes, {chart.number_of_edges} edges)", file=sys.stderr
        )
