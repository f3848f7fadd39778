"""``linkchart merge``: one graph file of two (:func:`linkchart.merge`): vocabularies unified,
nodes joined by id, by ``--matches`` and by recorded ``same_as`` decisions, the same claim from
both joined into one edge with every evidence item, sources kept distinct; every conflict and
rename said."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ..arguments import Names, UsageError, add_options
from ..output import escape_controls, print_json
from ..specs import CommonSpec, ExportSpec, MergeSpec
from ._common import format_of_output, load_chart, write_chart
from ._decisions import read_decisions
from .export import FORMATS

if TYPE_CHECKING:
    from ...model import LinkChart
    from ..progress import Stages

__all__ = ["DESCRIPTION", "HELP", "NAME", "arguments", "run"]

NAME = "merge"
HELP = "merge two graph files into one, saying every conflict and rename"
DESCRIPTION = (
    "Merge B into A and write the result: nodes are joined only by id, by --matches and by the same_as "
    "entries of --decisions (an equal label or alias is a candidate, see dedupe, never a merge); the same "
    "claim from A and B is one edge with the evidence items of both, whose sources corroborate it (parallel "
    "edges that may not be one are marked with a 'claim' attribute); one document is one source (the same "
    "id unless title, author or date differ, the same text, or --same-source); a source id of B that names "
    "another document in A is renamed; what A and B declare otherwise is a conflict (A's kept), listed on "
    "standard error and kept in the merged file."
)


def arguments(p: argparse.ArgumentParser, names: Names) -> None:
    """``A B -o OUT [--format F] [--decisions FILE] [--matches B=A ...] [--same-source B=A ...]
    [--[no-]embed-sources] [--json]``."""
    p.add_argument("a", metavar="A", help="the first graph file (its declarations win a conflict)")
    p.add_argument("b", metavar="B", help="the second graph file")
    add_options(p, ExportSpec, names, ["output", "format"], required=["output"])
    add_options(p, MergeSpec, names, ["decisions", "matches", "same_source", "embed_sources"])
    add_options(p, CommonSpec, names, ["allow_outside", "json"])


def _pairs(pairs: tuple[str, ...] | None, flag: str, what: str) -> dict[str, str]:
    """``B_ID=A_ID`` options (``--matches``, ``--same-source``) as ``{B id: A id}``; one id of
    B named twice with two ids of A is refused, never the last one said."""
    out: dict[str, str] = {}
    for pair in pairs or ():
        b, sep, a = pair.partition("=")
        if not sep or not a or not b:
            raise UsageError(
                f"write {flag} as B_ID=A_ID (the second file's id, then the first's), not {pair!r}",
                loc=(flag,),
                input=pair,
            )
        if out.get(b, a) != a:
            raise UsageError(
                f"{flag} names {b!r} twice ({b}={out[b]}, {pair}): a {what} of B is one {what} "
                "of A; keep one",
                loc=(flag,),
                input=pair,
            )
        out[b] = a
    return out


def _texts_outside(chart: LinkChart, output: Path, fmt: str) -> bool:
    """Whether a format that holds source texts would lose one of ``chart``'s: a local text
    outside the folder ``output`` is written in (a written file names none outside it), as a
    text of a chart merged from another folder often is, or a text no file holds (the two
    texts of a source the analyst said is one document)."""
    from ...loading.evidence import is_remote
    from ...loading.files import inside
    from ...writers.formats import FORMATS as WRITERS

    info = WRITERS[fmt]  # type: ignore[index]
    if info.embeds is None or chart.path is None:
        return False
    origin, folder = Path(chart.path).parent, output if not info.suffixes else output.parent
    local = [s.location for s in chart.sources if s.location and not is_remote(s.location)]
    fileless = any(s.text and not s.location for s in chart.sources)  # two texts of one document
    return fileless or any(not inside(folder, origin / loc) for loc in local)


def run(args: argparse.Namespace, progress: Stages) -> int:
    """Merge ``args.b`` into ``args.a`` and write ``args.output``."""
    from ...analysis.merge import merge_charts

    fmt = format_of_output(args.output, args.format, FORMATS)
    matches = _pairs(args.matches, "--matches", "node")
    same_source = _pairs(args.same_source, "--same-source", "source")
    progress.expect(4)
    decisions = read_decisions(args.decisions)
    args.file = args.a
    a = load_chart(args, progress, args.a)
    b = load_chart(args, progress, args.b)
    with progress.stage("merging"):
        done = merge_charts(a, b, matches=matches or None, decisions=decisions, same_source=same_source)
    embed = args.embed_sources
    if embed is None and _texts_outside(done.chart, Path(args.output), fmt):
        embed = True
    with progress.stage(f"writing {Path(args.output).name}"):
        target = write_chart(done.chart, Path(args.output), fmt, embed_sources=embed)
    if args.json:
        print_json({"ok": True, "wrote": [str(target)], **done.to_dict()})
    else:
        print(escape_controls(done.text().rstrip("\n")), file=sys.stderr)
        print(f"wrote {target}", file=sys.stderr)
    return 0
