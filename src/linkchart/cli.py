"""The ``linkchart`` command line: a thin layer over the library.

Each subcommand is one small function ``_cmd_<name>(args) -> int`` registered in
:func:`_parser`. Exit codes: 0 success, 1 invalid data (every located problem is
printed to stderr), 2 usage errors (argparse's own convention).
"""

from __future__ import annotations

import argparse
import dataclasses
import io
import os
import re
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from ._version import __version__
from .analysis.reading import SIGN_READINGS
from .analysis.registry import MEASURES, Registry
from .arguments import (
    MAX_DRAWS,
    MAX_PATHS,
    MAX_WORKERS,
    bounded_int,
    every,
    fraction,
    non_negative_int,
    non_negative_number,
    positive_int,
    seed,
    share,
)
from .errors import LinkchartError, LoadError, UnknownNameError

if TYPE_CHECKING:
    from .model import LinkChart

__all__ = ["main"]

MAX_PROBLEMS_SHOWN = 200
"""At most this many problems are printed; the rest are counted."""


def _print_problems(err: LoadError, out: TextIO) -> None:
    shown = err.problems[:MAX_PROBLEMS_SHOWN]
    count = len(err.problems)
    print(f"{count} problem{'s' if count != 1 else ''} found:", file=out)
    for p in shown:
        print(str(p), file=out)
    if count > len(shown):
        print(f"... and {count - len(shown)} more", file=out)


def _load(args: argparse.Namespace) -> LinkChart:
    """The chart of ``args.file``; its warnings (a tie outside a lifespan) printed to stderr,
    located like problems, and kept in ``args.load_warnings``."""
    import warnings

    from .errors import LoadWarning
    from .loading import load

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", LoadWarning)
        chart = load(args.file, allow_outside=args.allow_outside)
    found = [w.message.problem for w in caught if isinstance(w.message, LoadWarning)]
    for w in caught:
        if not isinstance(w.message, LoadWarning):
            warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)
    args.load_warnings = found
    for problem in found:
        print(_escape_controls(f"warning: {problem}"), file=sys.stderr)
    return chart


def _file_argument(p: argparse.ArgumentParser) -> None:
    """The graph file, and the opt-in to read files it names outside its folder."""
    p.add_argument("file", metavar="FILE", help="a linkchart YAML file")
    p.add_argument(
        "--allow-outside",
        action="store_true",
        help="read CSV files and source texts that the graph names outside its own folder "
        "(refused by default: a graph from someone else must not read your files)",
    )


def _counts(title: str, counter: Counter[str], order: Sequence[str], out: TextIO) -> None:
    print(f"{title}:", file=out)
    shown = [k for k in order if counter.get(k)]
    width = max((len(k) for k in shown), default=0)
    for key in shown:
        print(f"  {key:<{width}}  {counter[key]}", file=out)


def _summary(chart: LinkChart, out: TextIO) -> None:
    vocab = chart.vocabulary
    types = Counter(vocab.node_type_names[t] for t in chart.nodes.type.tolist())
    rels = Counter(vocab.relation_names[r] for r in chart.edges.relation.tolist())
    print(f"{chart.number_of_nodes} nodes, {chart.number_of_edges} edges", file=out)
    _counts("nodes by type", types, vocab.node_type_names, out)
    _counts("edges by relation", rels, vocab.relation_names, out)


def _cmd_validate(args: argparse.Namespace) -> int:
    if args.json:
        import json

        try:
            chart = _load(args)
        except LoadError as err:
            doc = {"file": args.file, "valid": False, "problems": err.errors()}
            sys.stdout.write(json.dumps(doc, indent=2, ensure_ascii=False) + "\n")
            return 1
        doc = {
            "file": args.file,
            "valid": True,
            "nodes": chart.number_of_nodes,
            "edges": chart.number_of_edges,
            "problems": [],
            "warnings": [p.to_dict() for p in args.load_warnings],
        }
        sys.stdout.write(json.dumps(doc, indent=2, ensure_ascii=False) + "\n")
        return 0
    chart = _load(args)
    print(f"{args.file}: valid", file=sys.stdout)
    _summary(chart, sys.stdout)
    return 0


def _describe(chart: LinkChart, out: TextIO) -> None:
    """Title, description, sources, vocabulary, counts, time span, parallel edges, isolates."""
    import numpy as np

    from .times import SOURCE, dated, extent

    vocab = chart.vocabulary
    e = chart.edges
    print(f"title: {chart.title}", file=out)
    if chart.description:
        print("description: " + " ".join(chart.description.split()), file=out)
    print(f"sources: {len(chart.sources)}", file=out)
    for s in chart.sources:
        parts = [p for p in (s.title, s.author, s.date) if p]
        where = f" <{s.location}>" if s.location else ""
        print(f"  {s.id}: {'; '.join(parts)}{where}", file=out)
    print(
        "node types: "
        + ", ".join(t.name + (f" ({t.node_class})" if t.node_class else "") for t in vocab.node_types),
        file=out,
    )
    rel_words = [f"{r.name}{'' if r.directed else ' (undirected)'}" for r in vocab.relations]
    declared = "" if vocab.declared_relations else " (taken as they appear)"
    print(f"relations{declared}: " + ", ".join(rel_words), file=out)
    scale = vocab.confidence
    print(
        "confidence: "
        + ", ".join(f"{lv} {p:g}" for lv, p in zip(scale.levels, scale.probabilities, strict=True)),
        file=out,
    )
    _summary(chart, out)
    conf = Counter(scale.levels[c] for c in e.confidence.tolist())
    _counts("edges by confidence", conf, scale.levels, out)
    span = extent(e.time_from, e.time_to, e.time_precision)
    with_time = int(np.count_nonzero(dated(e.time_from, e.time_to)))
    by_source = int(np.count_nonzero(chart.tie_times("source").how == SOURCE))
    sourced = f", {by_source} of them dated by their source's date" if by_source else ""
    if span is not None:
        print(
            f"time span: {span.text} ({with_time} dated edges, {len(e) - with_time} undated{sourced})",
            file=out,
        )
    else:
        print(f"time span: none (no dated edges{sourced})", file=out)
    n = chart.nodes
    lives = int(np.count_nonzero(dated(n.time_from, n.time_to)))
    if lives:
        print(f"lifespans: {lives} of {len(n)} nodes", file=out)
    if chart.periods:
        print("periods: " + ", ".join(f"{k} ({v.text})" for k, v in chart.periods.items()), file=out)
    low, high = np.minimum(e.src, e.dst).astype(np.int64), np.maximum(e.src, e.dst)
    pairs = low * max(chart.number_of_nodes, 1) + high
    _, counts = np.unique(pairs, return_counts=True)
    parallel = int((counts[counts > 1]).sum())
    print(f"parallel edges: {parallel} (edges that share their pair of nodes with another edge)", file=out)
    degree = np.bincount(np.concatenate([e.src, e.dst]), minlength=chart.number_of_nodes)
    isolated = [chart.node_ids[i] for i in np.flatnonzero(degree == 0).tolist()]
    shown = ", ".join(isolated[:20]) + (f", ... ({len(isolated) - 20} more)" if len(isolated) > 20 else "")
    print(f"isolated nodes: {len(isolated)}{': ' + shown if isolated else ''}", file=out)


def _cmd_info(args: argparse.Namespace) -> int:
    chart = _load(args)
    _describe(chart, sys.stdout)
    return 0


def _name_in(kind: str, names: Sequence[str]) -> Callable[[str], str]:
    """An argparse ``type`` that accepts one of ``names`` and otherwise says which was meant."""

    def check(text: str) -> str:
        if text not in names:
            raise argparse.ArgumentTypeError(str(UnknownNameError(kind, text, names)))
        return text

    check.__name__ = kind  # argparse names the type in its messages
    return check


def _layers(args: argparse.Namespace) -> list[str] | str | None:
    """``--layers``: ``None`` (the file's default layers), ``"all"``, or names."""
    if not args.layers:
        return None
    return "all" if args.layers == ["all"] else list(args.layers)


def _reading_arguments(p: argparse.ArgumentParser) -> None:
    """``--layers`` and ``--signs``: which ties the measures read."""
    p.add_argument(
        "--layers",
        nargs="+",
        metavar="L",
        help="read ties of these layers, or 'all' (default: the file's analysis.layers, else all)",
    )
    p.add_argument(
        "--signs",
        choices=list(SIGN_READINGS),
        default=None,
        help="which ties the unsigned measures read: positive (default: no hostile or neutral "
        "tie), negative (hostile ties only), neutral (neutral ties only), or all (every tie as a "
        "plain tie)",
    )


def _time_arguments(p: argparse.ArgumentParser, what: str) -> None:
    """``--undated`` and ``--min-dated``: how ties without a time are read over time."""
    p.add_argument(
        "--undated",
        choices=["source", "always", "never"],
        default="source",
        help="a tie without a time of its own: at its source's date and unknown elsewhere (source, the "
        "default; throughout when the source has no date), throughout (always), or left out (never); "
        "never outside its actors' lifespans",
    )
    p.add_argument(
        "--min-dated",
        type=share,
        default=0.5,
        metavar="F",
        help=f"the share of the ties read that must be dated for {what} (default 0.5; 0: always)",
    )


def _ego(args: argparse.Namespace, chart: LinkChart) -> LinkChart:
    """``--ego NODE [--radius R]``: the view around one node (name resolved through aliases)."""
    if getattr(args, "ego", None) is None:
        return chart
    return chart.ego(args.ego, args.radius)


def _measure_argument(p: argparse.ArgumentParser, per_node: Sequence[str]) -> None:
    """``--measure M``: one per-node measure of the registry (default betweenness)."""
    p.add_argument(
        "--measure",
        default="betweenness",
        type=_name_in("measure", per_node),
        metavar="M",
        help="a per-node measure (default betweenness); one of: " + ", ".join(per_node),
    )


def _ego_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--ego", metavar="NODE", help="only NODE (id, label or alias) and its neighbourhood")
    p.add_argument(
        "--radius",
        type=non_negative_int,
        default=1,
        metavar="R",
        help="with --ego: ties away from NODE (default 1)",
    )


def _cmd_robust(args: argparse.Namespace) -> int:
    from .analysis.uncertainty import rank_uncertainty

    chart = _ego(args, _load(args))
    result = rank_uncertainty(
        chart,
        args.measure,
        draws=args.draws,
        seed=args.seed,
        model=args.model,
        top=args.top,
        drop=args.drop,
        unit=args.unit,
        workers=args.workers,
        registry=args.registry,
        layers=_layers(args),
        signs=args.signs,
    )
    if args.json:
        import json

        sys.stdout.write(json.dumps(result.to_dict(), indent=2, ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(result.text())
    return 0


def _cmd_dedupe(args: argparse.Namespace) -> int:
    from .analysis.duplicates import candidates

    charts = []
    for path in args.files:  # each loaded as the other commands load their one file
        args.file = path
        charts.append(_load(args))
    found = candidates(*charts, top=args.top, min_score=args.min_score, types=args.types)
    if args.json:
        import json

        sys.stdout.write(json.dumps(found.to_dict(), indent=2, ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(found.text())
    return 0


def _cmd_path(args: argparse.Namespace) -> int:
    from .analysis.paths import explain_path

    chart = _load(args)
    result = explain_path(
        chart,
        args.a,
        args.b,
        k=args.k,
        by=args.by,
        layers=_layers(args),
        signs=args.signs,
        directed=args.directed,
    )
    if args.json:
        import json

        sys.stdout.write(json.dumps(result.to_dict(), indent=2, ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(result.text())
    return 0 if result.paths else 1


def _cmd_disrupt(args: argparse.Namespace) -> int:
    from .analysis.disruption import disruption, plot_disruption
    from .files import write_atomic

    chart = _load(args)
    results = [
        disruption(
            chart,
            strategy=s,
            steps=args.steps,
            recompute=not args.initial,
            seed=args.seed,
            runs=args.runs,
            layers=_layers(args),
            signs=args.signs,
        )
        for s in args.strategies
    ]
    for r in results:
        sys.stdout.write(r.text())
    if args.output:
        svg, png = plot_disruption(results, title=chart.title)
        data = png if str(args.output).lower().endswith(".png") else svg
        target = write_atomic(args.output, data, inputs=[args.file, *chart.files])
        print(f"wrote {target}", file=sys.stderr)
    return 0


def _cmd_timeline(args: argparse.Namespace) -> int:
    from .analysis.over_time import over_time, plot_over_time
    from .files import write_atomic

    kind = Path(args.output).suffix.lower().lstrip(".") if args.output else ""
    if args.output and kind not in ("svg", "png", "pdf"):
        raise LinkchartError(f"write the plot as .svg, .png or .pdf, not {args.output!r}")
    chart = _ego(args, _load(args))
    options = {"normalized": True} if args.normalized else {}
    result = over_time(
        chart,
        args.measure,
        every=args.periods or args.every,
        registry=args.registry,
        layers=_layers(args),
        signs=args.signs,
        undated="never" if args.dated_only else args.undated,
        min_dated=args.min_dated,
        **options,
    )
    labels = {nid: chart.node(nid).label for nid in chart.node_ids}
    if args.json:
        import json

        sys.stdout.write(json.dumps(result.to_dict(), indent=2, ensure_ascii=False) + "\n")
    else:  # a declined result is an answer too: why there is no ranking per period
        sys.stdout.write(_escape_controls(result.text(args.top, labels)))
    if result.declined:
        if args.output:
            print(f"nothing drawn: {args.output} not written", file=sys.stderr)
        return 0
    if args.output:
        data = plot_over_time(result, top=args.top, title=chart.title, kind=kind, labels=labels)
        target = write_atomic(args.output, data, inputs=[args.file, *chart.files])
        print(f"wrote {target}", file=sys.stderr)
    return 0


def _affiliation_reading(args: argparse.Namespace) -> dict[str, object]:
    """``--relations``, ``--layers`` (default: every layer) and ``--signs`` of one-mode and two-mode."""
    layers = "all" if args.layers is None else _layers(args)
    return {"relations": args.relations, "layers": layers, "signs": args.signs}


def _cmd_one_mode(args: argparse.Namespace) -> int:
    from .analysis.affiliation import one_mode, projected_ties

    chart = _load(args)
    projection = one_mode(
        chart,
        args.onto,
        args.via,
        weighting=args.weighting,
        min_weight=args.min_weight,
        concurrent=not args.any_time,
        **_affiliation_reading(args),  # type: ignore[arg-type]
    )
    ties = projected_ties(projection)
    if args.output:
        target = _write_chart(projection, Path(args.output), args.format)
        print(
            f"wrote {target} ({projection.number_of_nodes} nodes, {len(ties)} tied pairs, "
            f"{projection.number_of_edges} edges: one per shared affiliation)",
            file=sys.stderr,
        )
        return 0
    if args.json:
        import json

        rows = [dataclasses.asdict(t) for t in ties[: args.top]]
        doc = {
            "title": projection.title,
            "nodes": projection.number_of_nodes,
            "pairs": len(ties),
            "ties": rows,
        }
        sys.stdout.write(json.dumps(doc, indent=2, ensure_ascii=False) + "\n")
        return 0
    print(f"{projection.title}: {projection.number_of_nodes} nodes, {len(ties)} tied pairs", file=sys.stdout)
    print(f"  {'pair':<50} {args.weighting:>9} {'P(tie)':>7}  shared", file=sys.stdout)
    for t in ties[: args.top]:
        pair = f"{t.a} - {t.b}"
        shown = ", ".join(t.via[:6]) + (f", ... ({len(t.via) - 6} more)" if len(t.via) > 6 else "")
        print(f"  {pair:<50} {t.weight:>9.4g} {t.probability:>7.2f}  {shown}", file=sys.stdout)
    return 0


def _cmd_two_mode(args: argparse.Namespace) -> int:
    from .analysis.two_mode import two_mode

    chart = _load(args)
    scores = two_mode(
        chart,
        args.measure,
        first=args.first,
        second=args.second,
        normalized=not args.raw,
        **_affiliation_reading(args),  # type: ignore[arg-type]
        engine=args.engine,
    )
    sides = {"first": scores.parameters["first"], "second": scores.parameters["second"]}
    if args.json:
        import json

        doc = {
            "measure": scores.measure,
            "parameters": dict(scores.parameters),
            **{
                side: [{"node": n, "value": v} for t in types for n, v in scores.top(None, node_type=t)]
                for side, types in sides.items()
            },
        }
        sys.stdout.write(json.dumps(doc, indent=2, ensure_ascii=False) + "\n")
        return 0
    how = "raw" if args.raw else "Borgatti & Everett normalised"
    print(f"two-mode {args.measure} ({how}) of {scores.chart.title or args.file}", file=sys.stdout)
    for side, types in sides.items():
        ranked = sorted(
            ((n, v) for t in types for n, v in scores.top(None, node_type=t)), key=lambda nv: (-nv[1], nv[0])
        )
        print(f"{side} side ({', '.join(types)}):", file=sys.stdout)
        for node, value in ranked[: args.top]:
            label = scores.chart.node(node).label
            print(f"  {label:<40} {value:>9.4g}", file=sys.stdout)
    return 0


def _mapping(pairs: Sequence[str] | None) -> dict[str, str]:
    """``FIELD=COLUMN`` pairs as a mapping (``from=Source``)."""
    out = {}
    for pair in pairs or ():
        field, sep, column = pair.partition("=")
        if not sep or not field or not column:
            raise LinkchartError(f"write a column mapping as FIELD=COLUMN (from=Source), not {pair!r}")
        out[field.strip()] = column
    return out


def _write_chart(chart: LinkChart, out: Path, fmt: str | None) -> Path:
    """Write ``chart`` to ``out`` in ``fmt`` (default: by the extension; none: a CSV folder)."""
    from .writers import export, write_csv, write_yaml

    if fmt == "yaml" or (fmt is None and out.suffix.lower() in (".yaml", ".yml")):
        return write_yaml(chart, out)
    if fmt == "csv" or (fmt is None and not out.suffix):
        return write_csv(chart, out)
    return export(chart, out, format=fmt)


def _cmd_export(args: argparse.Namespace) -> int:
    if Path(args.file).suffix.lower() == ".csv":
        from .loading.document import load_csv

        chart = load_csv(
            args.file,
            getattr(args, "nodes", None),
            columns=_mapping(getattr(args, "columns", None)),
            node_columns=_mapping(getattr(args, "node_columns", None)),
            allow_outside=args.allow_outside,
        )
    else:
        chart = _load(args)
    target = _write_chart(chart, Path(args.output), args.format)
    print(f"wrote {target} ({chart.number_of_nodes} nodes, {chart.number_of_edges} edges)", file=sys.stderr)
    return 0


def _cmd_analyze(args: argparse.Namespace) -> int:
    from .reporting import report

    chart = _ego(args, _load(args))
    result = report(
        chart,
        top=args.top,
        relations=args.relations,
        layers=_layers(args),
        signs=args.signs,
        firm=None if args.firm == "none" else args.firm,
        exact=True if args.exact else None,
        measures=args.measures,
        engine=args.engine,
        partition=args.partition,
        directed=False if args.undirected else None,
        registry=args.registry,
        undated=args.undated,
        min_dated=args.min_dated,
    )
    if args.csv:
        paths = result.to_csv(args.csv)
        names = ", ".join(p.name for p in paths)
        print(f"wrote {len(paths)} CSV files to {args.csv}: {names}", file=sys.stderr)
    if args.json:
        sys.stdout.write(result.to_json() + "\n")
    elif args.markdown:
        sys.stdout.write(result.to_markdown())
    else:
        sys.stdout.write(result.to_text())
    return 0


def _cmd_render(args: argparse.Namespace) -> int:
    from .render.html import page_spec, render_page, write_page

    if args.open and args.output is None:
        print("linkchart render: error: --open needs -o OUT.html", file=sys.stderr)
        return 2
    chart = _ego(args, _load(args))
    if args.types or args.relations or args.min_confidence is not None or args.as_of is not None:
        chart = chart.filter(
            node_types=args.types,
            relations=args.relations,
            min_confidence=args.min_confidence,
            as_of=args.as_of,
            undated=args.undated,
        )
    highlight = (
        ("bridges", "articulation_points", "brokers")
        if "all" in (args.highlight or ())
        else tuple(args.highlight or ())
    )
    if args.output is not None and Path(args.output).suffix.lower() in (".svg", ".pdf", ".png"):
        from .render.image import render_image

        target = render_image(
            chart,
            args.output,
            size_by=None if args.size_by == "none" else args.size_by,
            highlight=[h for h in highlight if h != "brokers"],
            title=args.title,
            layout=args.layout,
            seed=args.seed,
            layers=_layers(args),
            signs=args.signs,
        )
        print(
            f"wrote {target} ({chart.number_of_nodes} nodes, {chart.number_of_edges} edges)", file=sys.stderr
        )
        return 0
    spec = page_spec(
        size_by=None if args.size_by == "none" else args.size_by,
        color_by=args.color_by,
        measures=args.measures,
        highlight=highlight,
        top_brokers=args.top_brokers,
        layout=args.layout,
        seed=args.seed,
        edge_labels=args.edge_labels,
        physics=args.physics,
        title=args.title,
        registry=args.registry,
        layers=_layers(args),
        signs=args.signs,
        exact=True if args.exact else None,
        summary=False if args.full else args.summary,
        timeline=False if args.no_timeline else None,
        over_time=args.over_time,
        undated=args.undated,
        min_dated=args.min_dated,
        context=args.context,
    )
    page = render_page(chart, spec)
    if args.output is None:
        sys.stdout.write(page)
        return 0
    target = write_page(page, args.output, inputs=[args.file, *chart.files])
    print(f"wrote {target} ({chart.number_of_nodes} nodes, {chart.number_of_edges} edges)", file=sys.stderr)
    if args.open:
        import webbrowser

        webbrowser.open(target.resolve().as_uri())
    return 0


def _parser(registry: Registry = MEASURES) -> argparse.ArgumentParser:
    from .render.measures import node_measures
    from .render.spec import CONTEXT
    from .reporting import report_measures

    sections = report_measures(registry)
    per_node = node_measures(registry)
    parser = argparse.ArgumentParser(
        prog="linkchart",
        description="Link analysis of dark networks: validate, describe, analyse and chart a graph file.",
    )
    parser.add_argument("--version", action="version", version=f"linkchart {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    p = sub.add_parser("validate", help="check a graph file and print a summary, or every problem")
    _file_argument(p)
    p.add_argument(
        "--json",
        action="store_true",
        help="print the result as JSON: {file, valid, problems: [{code, loc, message, ...}]}",
    )
    p.set_defaults(func=_cmd_validate)

    p = sub.add_parser("info", help="describe a graph file: sources, vocabulary, counts, time span")
    _file_argument(p)
    p.set_defaults(func=_cmd_info)

    # -- analyze (linkchart.analysis) --
    p = sub.add_parser(
        "analyze",
        help="print the analyst's report: top nodes per measure, bridges, articulation points, brokers",
        description="Run the centrality, bridging and brokerage measures and print their top results.",
    )
    _file_argument(p)
    fmt = p.add_mutually_exclusive_group()
    fmt.add_argument("--json", action="store_true", help="print JSON instead of text tables")
    fmt.add_argument("--markdown", action="store_true", help="print Markdown tables instead of text")
    p.add_argument("--csv", metavar="DIR", help="also write one CSV file per table into DIR")
    p.add_argument("--top", type=positive_int, default=10, metavar="N", help="nodes per ranking (default 10)")
    p.add_argument("--relations", nargs="+", metavar="R", help="count only these relations (default: all)")
    p.add_argument(
        "--measures",
        nargs="+",
        metavar="M",
        type=_name_in("measure", sections),
        help="only these sections (default: the report's); one of: " + ", ".join(sections),
    )
    p.add_argument("--engine", choices=["igraph", "networkx"], default="igraph", help="default: igraph")
    p.add_argument(
        "--partition",
        default="type",
        metavar="ATTR",
        help="groups for brokerage: 'type' (default) or a node attribute",
    )
    p.add_argument("--undirected", action="store_true", help="read every tie as undirected")
    _reading_arguments(p)
    p.add_argument(
        "--firm",
        default="reported",
        metavar="LEVEL",
        help="mark findings that rest on ties below this confidence level (default: reported; 'none': off)",
    )
    p.add_argument(
        "--exact",
        action="store_true",
        help="compute every measure exactly, however large the chart (default: a large chart's "
        "betweenness is estimated and closeness, harmonic and bridging centrality are left out)",
    )
    _time_arguments(p, "the Over time section")
    _ego_arguments(p)
    p.set_defaults(func=_cmd_analyze)

    # -- export / convert (linkchart.export) --
    for name, helptext in (
        ("export", "write the chart as GraphML, GEXF, node-link JSON, Excel, YAML or a CSV folder"),
        ("convert", "read a graph in any format linkchart reads and write it in another"),
    ):
        p = sub.add_parser(
            name,
            help=helptext,
            description=helptext + ". The format follows OUT's extension (.graphml, .gexf, .json, .xlsx, "
            ".yaml; no extension: a folder of CSV files) unless --format says it; linkchart loads each back "
            "to an equal chart.",
        )
        _file_argument(p)
        p.add_argument(
            "-o", "--output", required=True, metavar="OUT", help="the file (or CSV folder) to write"
        )
        p.add_argument(
            "--format",
            choices=["graphml", "gexf", "json", "xlsx", "stix", "yaml", "csv"],
            help="default: from OUT",
        )
        if name == "convert":
            p.add_argument(
                "--columns",
                nargs="+",
                metavar="FIELD=COLUMN",
                help="for an edge table FILE.csv from another tool: its columns as linkchart's fields "
                "(from=Source to=Target relation=Label)",
            )
            p.add_argument(
                "--nodes", metavar="NODES.csv", help="its node table (default: the nodes edges name)"
            )
            p.add_argument(
                "--node-columns", nargs="+", metavar="FIELD=COLUMN", help="the node table's columns"
            )
        p.set_defaults(func=_cmd_export)

    # -- path (linkchart.explain_path) --
    p = sub.add_parser(
        "path",
        help="why is A tied to B: the best chains of quoted ties between two nodes",
        description="The k most probable (or shortest) chains of ties from A to B, each tie with its "
        "relation, direction, confidence and quote. Names may be ids, labels or aliases. The default "
        "reading, as for every measure (the positive ties of the file's analysis.layers; the output "
        "says which): --layers all to pass through places and events, --signs all through hostile ties.",
    )
    _file_argument(p)
    p.add_argument("a", metavar="A", help="a node: id, label or alias")
    p.add_argument("b", metavar="B", help="another node")
    p.add_argument(
        "--k", type=bounded_int(1, MAX_PATHS), default=3, metavar="K", help="how many paths (default 3)"
    )
    p.add_argument("--by", choices=["confidence", "hops"], default="confidence", help="default: confidence")
    p.add_argument("--directed", action="store_true", help="walk directed ties only along their arrows")
    p.add_argument("--json", action="store_true", help="print JSON")
    _reading_arguments(p)
    p.set_defaults(func=_cmd_path)

    # -- disrupt (linkchart.disruption) --
    p = sub.add_parser(
        "disrupt",
        help="remove actors one at a time and plot how the network fragments",
        description="Remove one node per step (by betweenness, degree, key players or at random) and print "
        "the fragmentation, largest component share and global efficiency after each step; -o writes "
        "the curves as SVG or PNG.",
    )
    _file_argument(p)
    p.add_argument("-o", "--output", metavar="OUT.svg", help="write the curves here (.svg or .png)")
    p.add_argument(
        "--strategies",
        nargs="+",
        choices=["betweenness", "degree", "key_players", "random"],
        default=["betweenness", "degree", "random"],
        metavar="S",
        help="strategies to compare (default: betweenness degree random)",
    )
    p.add_argument("--steps", type=positive_int, default=10, metavar="N", help="nodes to remove (default 10)")
    p.add_argument(
        "--runs", type=bounded_int(1, MAX_DRAWS), default=50, metavar="R", help="random runs (default 50)"
    )
    p.add_argument(
        "--seed", type=seed, default=0, metavar="S", help="seed of the random strategy (default 0)"
    )
    p.add_argument("--initial", action="store_true", help="keep the whole chart's order (no recomputing)")
    _reading_arguments(p)
    p.set_defaults(func=_cmd_disrupt)

    # -- timeline (linkchart.over_time) --
    p = sub.add_parser(
        "timeline",
        help="a measure per period: who ranked first when (the ties in force and the actors active then)",
        description="Cut the chart's time into periods (years, months, its declared periods or N equal "
        "windows), compute a measure on each period's view (the ties in force and the actors active "
        "then) and print the top actors per period; -o also draws their scores over time.",
    )
    _file_argument(p)
    _measure_argument(p, per_node)
    p.add_argument(
        "--every",
        type=every,
        default="year",
        metavar="E",
        help="year (default), month, periods (the file's 'periods:') or a number of equal windows",
    )
    p.add_argument("--periods", nargs="+", metavar="T", help="these times as the periods (names or times)")
    p.add_argument(
        "--top", type=positive_int, default=5, metavar="K", help="actors shown per period (default 5)"
    )
    p.add_argument(
        "--normalized", action="store_true", help="normalise the measure (by the actors active then)"
    )
    p.add_argument("--dated-only", action="store_true", help="the same as --undated never")
    _time_arguments(p, "a ranking per period (below it: the reason, and no plot)")
    p.add_argument(
        "-o", "--output", metavar="PLOT", help="draw the leaders' scores over time (.svg .png .pdf)"
    )
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    _reading_arguments(p)
    _ego_arguments(p)
    p.set_defaults(func=_cmd_timeline)

    # -- one-mode (linkchart.one_mode) --
    p = sub.add_parser(
        "one-mode",
        help="project an affiliation network: actors tied through the meetings, groups or places they share",
        description="Tie the nodes of the --onto types through the --via nodes they share (people through "
        "meetings, organisations through members): one edge per pair and shared affiliation, each keeping "
        "the original ties' evidence, confidence and time. Without -o, print the pairs, heaviest first. "
        "Affiliations of every layer are read unless --layers names some.",
    )
    _file_argument(p)
    p.add_argument("--onto", nargs="+", required=True, metavar="T", help="node types (or classes) kept")
    p.add_argument("--via", nargs="+", required=True, metavar="T", help="node types (or classes) shared")
    p.add_argument(
        "--weighting",
        choices=["shared", "jaccard", "newman"],
        default="shared",
        help="shared (default: how many), jaccard (shared over all of the two's), newman (sum of 1/(k-1))",
    )
    p.add_argument(
        "--min-weight", type=non_negative_number, metavar="W", help="keep pairs of at least this weight"
    )
    p.add_argument("--relations", nargs="+", metavar="R", help="only these relations are affiliations")
    p.add_argument(
        "--any-time", action="store_true", help="tie two members even if their affiliations never overlapped"
    )
    p.add_argument(
        "-o", "--output", metavar="OUT", help="write the projection (.yaml, .graphml, ..., a folder)"
    )
    p.add_argument(
        "--format", choices=["graphml", "gexf", "json", "xlsx", "yaml", "csv"], help="default: from OUT"
    )
    p.add_argument("--top", type=positive_int, default=20, metavar="N", help="pairs printed (default 20)")
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    _reading_arguments(p)
    p.set_defaults(func=_cmd_one_mode)

    # -- two-mode (linkchart.two_mode) --
    p = sub.add_parser(
        "two-mode",
        help="degree, closeness or betweenness of a two-mode network (Borgatti & Everett's normalisation)",
        description="A centrality of the network of ties between two sides (people and events), each node "
        "normalised by the best a node of its side can score (Borgatti & Everett 1997). Ties of every "
        "layer are read unless --layers names some.",
    )
    _file_argument(p)
    p.add_argument(
        "--measure",
        choices=["degree", "closeness", "betweenness"],
        default="betweenness",
        help="default: betweenness",
    )
    p.add_argument(
        "--first", nargs="+", required=True, metavar="T", help="node types (or classes) of one side"
    )
    p.add_argument("--second", nargs="+", metavar="T", help="of the other (default: every other type)")
    p.add_argument("--relations", nargs="+", metavar="R", help="count only these relations")
    p.add_argument("--raw", action="store_true", help="raw values instead of the two-mode normalisation")
    p.add_argument("--engine", choices=["igraph", "networkx"], default="igraph", help="default: igraph")
    p.add_argument("--top", type=positive_int, default=10, metavar="N", help="nodes per side (default 10)")
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    _reading_arguments(p)
    p.set_defaults(func=_cmd_two_mode)

    # -- robust (linkchart.rank_uncertainty) --
    p = sub.add_parser(
        "robust",
        help="how sure is a ranking: the measure over random versions of the chart (Monte Carlo)",
        description="Recompute a measure on many random versions of the chart (each tie kept with its "
        "confidence probability, or a fraction of edges or nodes dropped) and print, for the top nodes, "
        "the median score, its 90% interval, the rank interval and P(top k).",
    )
    _file_argument(p)
    _measure_argument(p, per_node)
    p.add_argument(
        "--draws",
        type=bounded_int(1, MAX_DRAWS),
        default=1000,
        metavar="N",
        help="random versions (default 1000)",
    )
    p.add_argument(
        "--seed", type=seed, default=0, metavar="S", help="seed (default 0): same seed, same numbers"
    )
    p.add_argument(
        "--model", choices=["confidence", "missing"], default="confidence", help="default: confidence"
    )
    p.add_argument(
        "--drop", type=fraction, default=0.1, metavar="F", help="with --model missing: fraction dropped"
    )
    p.add_argument(
        "--unit", choices=["edge", "node"], default="edge", help="with --model missing: what is dropped"
    )
    p.add_argument("--top", type=positive_int, default=5, metavar="K", help="the k of P(top k) (default 5)")
    p.add_argument(
        "--workers",
        type=bounded_int(1, MAX_WORKERS),
        metavar="W",
        help="processes (default: by the size of the work)",
    )
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    _reading_arguments(p)
    _ego_arguments(p)
    p.set_defaults(func=_cmd_robust)

    # -- render (linkchart.render) --
    p = sub.add_parser(
        "render",
        help="write the chart as one self-contained, offline, interactive HTML page",
        description="Render the chart as an interactive HTML page (vis-network, inlined; no network "
        "access when opened). Without -o the page goes to standard output.",
    )
    _file_argument(p)
    p.add_argument(
        "-o",
        "--output",
        metavar="OUT.html",
        help="write the page here (default: standard output); OUT.svg, .pdf or .png draws a static figure",
    )
    p.add_argument("--open", action="store_true", help="open the written page in the default browser")
    p.add_argument(
        "--size-by",
        default="betweenness",
        metavar="MEASURE",
        type=_name_in("measure", [*per_node, "none"]),
        help="node size: a per-node measure (default betweenness), or 'none'",
    )
    p.add_argument(
        "--color-by", choices=["type", "community"], default="type", help="node colour (default: type)"
    )
    p.add_argument(
        "--measures",
        nargs="+",
        metavar="M",
        type=_name_in("measure", per_node),
        help="measures listed in the node panel; one of: " + ", ".join(per_node),
    )
    p.add_argument(
        "--highlight",
        nargs="+",
        metavar="WHAT",
        choices=["bridges", "articulation_points", "brokers", "all"],
        help="mark bridges, articulation_points, brokers, or all",
    )
    p.add_argument(
        "--top-brokers",
        type=positive_int,
        default=5,
        metavar="N",
        help="brokers marked by --highlight brokers (default 5)",
    )
    p.add_argument(
        "--layout",
        choices=["auto", "fr", "kk", "drl", "circle"],
        default="auto",
        help="layout method (default auto: Fruchterman-Reingold)",
    )
    p.add_argument(
        "--seed", type=seed, default=0, metavar="S", help="layout seed (default 0); same seed, same bytes"
    )
    p.add_argument(
        "--edge-labels",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="relation names on every tie where they fit (--no-edge-labels: only on hover and selection; "
        "default: also on the ties read where they fit, when at most 40 are in view)",
    )
    p.add_argument(
        "--context",
        choices=CONTEXT,
        default="recessive",
        help="the ties the reading leaves out and the actors with no tie read: drawn light and unlabelled "
        "until zoom or hover (recessive, default), like the rest (equal), or hidden; one control on the "
        "page brings them forward",
    )
    p.add_argument("--physics", action="store_true", help="let the nodes move after opening")
    p.add_argument("--title", help="page title (default: the chart's title)")
    p.add_argument("--types", nargs="+", metavar="T", help="show only nodes of these types")
    p.add_argument("--relations", nargs="+", metavar="R", help="show only edges of these relations")
    p.add_argument("--min-confidence", metavar="LEVEL", help="show only ties at least this certain")
    p.add_argument(
        "--as-of",
        metavar="TIME",
        help="show only the ties in force at TIME (1999, 1999-03, 1999-03-15, an interval or a period name) "
        "and the actors active then",
    )
    p.add_argument("--exact", action="store_true", help="exact measures however large the chart")
    shown = p.add_mutually_exclusive_group()
    shown.add_argument(
        "--summary",
        type=positive_int,
        metavar="N",
        help="draw only the N top actors by the size measure and the ties among them (default: 2,000 "
        "above 50,000 ties or 20,000 actors)",
    )
    shown.add_argument("--full", action="store_true", help="draw every actor, however large the chart")
    p.add_argument(
        "--no-timeline", action="store_true", help="no time slider (default: one on a dated chart)"
    )
    p.add_argument(
        "--over-time",
        action="store_true",
        help="the size measure per period in the node panel (with the slider)",
    )
    _time_arguments(p, "the time slider (below it the page says why it has none)")
    _reading_arguments(p)
    _ego_arguments(p)
    p.set_defaults(func=_cmd_render)

    # -- dedupe (linkchart.candidates) --
    from .analysis.duplicates import MIN_SCORE, TYPE_READINGS

    p = sub.add_parser(
        "dedupe",
        help="list pairs of nodes that may be one entity, with the reasons (in one file, or across files)",
        description="Rank pairs of nodes that may be the same entity by the similarity of their names "
        "(ids, labels, aliases; transliterations, articles, initials, word order), their shared neighbours "
        "and their types, each with its reasons. One file: pairs within it; two or more: pairs across them. "
        "Nothing is merged: record the decisions (docs/many_sources.md).",
    )
    p.add_argument("files", nargs="+", metavar="FILE", help="one or more linkchart YAML files")
    p.add_argument(
        "--allow-outside",
        action="store_true",
        help="read CSV files and source texts that the graphs name outside their own folders",
    )
    p.add_argument("--top", type=positive_int, default=None, metavar="N", help="at most N pairs, the best")
    p.add_argument(
        "--min-score",
        type=share,
        default=MIN_SCORE,
        metavar="S",
        help=f"least score, 0 to 1 (default {MIN_SCORE})",
    )
    p.add_argument(
        "--types",
        choices=TYPE_READINGS,
        default="any",
        help="any (default: incompatible types at half the score), compatible, or same",
    )
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=_cmd_dedupe)

    parser.set_defaults(registry=registry)
    return parser


_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _escape_controls(text: str) -> str:
    r"""Control characters from the data shown as ``\x1b`` escapes, never sent to the terminal.

    Examples
    --------
    >>> print(_escape_controls("title\x1b]0;OWNED\x07 end"))
    title\x1b]0;OWNED\x07 end
    """
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


class _Escaped(io.TextIOBase):
    """A text stream that escapes control characters (except tab and newline) on the way out."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        self.stream.write(_escape_controls(text))
        return len(text)

    def flush(self) -> None:
        self.stream.flush()

    def fileno(self) -> int:
        return self.stream.fileno()


def _discard_output(stream: TextIO) -> None:
    """Point ``stream``'s file at ``/dev/null``, so the interpreter's final flush cannot fail again."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, stream.fileno())


def main(argv: Sequence[str] | None = None, *, registry: Registry = MEASURES) -> int:
    """Run the ``linkchart`` command; return the exit code.

    Exit codes: 0 on success, 1 for invalid data (every problem printed to stderr),
    2 for usage errors. ``registry`` is where ``--measures`` and ``--size-by`` find
    their choices and the commands their measures (default :data:`linkchart.MEASURES`).
    """
    for stream in (sys.stdout, sys.stderr):  # a terminal or pipe that cannot encode a name
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")
    try:
        args = _parser(registry).parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help
        return int(exc.code) if isinstance(exc.code, int) else 2
    except KeyboardInterrupt:  # Ctrl-C while the parser's imports load
        return 130
    real_out, real_err = sys.stdout, sys.stderr
    if args.command != "render":  # what is printed from the data never drives the terminal
        sys.stdout, sys.stderr = _Escaped(real_out), _Escaped(real_err)
    try:
        code: int = args.func(args)
        sys.stdout.flush()
    except LoadError as err:
        _print_problems(err, sys.stderr)
        return 1
    except LinkchartError as err:
        print(f"linkchart: error: {err}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        # the reader went away (``linkchart info FILE | head``): stop quietly, as Unix tools do
        _discard_output(real_out)
        return 0
    except KeyboardInterrupt:
        return 130  # interrupted (Ctrl-C), quietly, as shells expect
    except OSError as err:  # standard output on a full disk (> /dev/full), a closed terminal ...
        _discard_output(real_out)
        print(f"linkchart: error: cannot write the output: {err.strerror or err}", file=real_err)
        return 1
    finally:
        sys.stdout, sys.stderr = real_out, real_err
    return code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
