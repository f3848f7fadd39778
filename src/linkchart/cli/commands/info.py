"""``linkchart info``: describe a graph file — sources, vocabulary (each relation's direction,
sign, layer and reading), counts, time span, parallel edges, isolated nodes.

The description is built once as data (:func:`description`): ``--json`` prints it, and
the text is written from it.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, TextIO

from ..arguments import Names
from ..output import print_json
from ._common import file_arguments, json_argument, load_chart

if TYPE_CHECKING:
    from ...model import LinkChart
    from ..progress import Stages

__all__ = ["DESCRIPTION", "HELP", "NAME", "arguments", "counts", "description", "run", "summary"]

NAME = "info"
HELP = "describe a graph file: sources, vocabulary (signs, layers, readings), counts, time span"
DESCRIPTION = (
    "Describe a graph file: its sources, node types, relations (each with its direction, sign, layer "
    "and reading, and whether the measures read it by default), confidence levels, counts by type, "
    "relation and confidence, time span, periods, parallel edges (and those that may be one claim of "
    "several sources), conflicts between sources and isolated nodes."
)
_ISOLATED_SHOWN = 20
_CLAIMS_SHOWN = 5
_SOURCE_FIELDS = ("id", "title", "author", "date", "location", "reliability")


def arguments(p: argparse.ArgumentParser, names: Names) -> None:
    """``FILE [--allow-outside] [--json]``."""
    file_arguments(p, names)
    json_argument(p, names)


def counts(title: str, counter: Mapping[str, int], order: Sequence[str], out: TextIO) -> None:
    """``title:`` and one indented ``name  count`` line per name of ``order`` that counts."""
    print(f"{title}:", file=out)
    shown = [k for k in order if counter.get(k)]
    width = max((len(k) for k in shown), default=0)
    for key in shown:
        print(f"  {key:<{width}}  {counter[key]}", file=out)


def _by_type(chart: LinkChart) -> dict[str, int]:
    vocab = chart.vocabulary
    found = Counter(vocab.node_type_names[t] for t in chart.nodes.type.tolist())
    return {name: found[name] for name in vocab.node_type_names if found.get(name)}


def _by_relation(chart: LinkChart) -> dict[str, int]:
    vocab = chart.vocabulary
    found = Counter(vocab.relation_names[r] for r in chart.edges.relation.tolist())
    return {name: found[name] for name in vocab.relation_names if found.get(name)}


def summary(chart: LinkChart, out: TextIO) -> None:
    """``n nodes, m edges`` and the counts by node type and by relation."""
    vocab = chart.vocabulary
    print(f"{chart.number_of_nodes} nodes, {chart.number_of_edges} edges", file=out)
    counts("nodes by type", _by_type(chart), vocab.node_type_names, out)
    counts("edges by relation", _by_relation(chart), vocab.relation_names, out)


def _time(chart: LinkChart) -> dict[str, Any]:
    import numpy as np

    from ...times import SOURCE, dated, extent

    e, n = chart.edges, chart.nodes
    span = extent(e.time_from, e.time_to, e.time_precision)
    with_time = int(np.count_nonzero(dated(e.time_from, e.time_to)))
    return {
        "time_span": span.text if span is not None else None,
        "dated_edges": with_time,
        "undated_edges": len(e) - with_time,
        "dated_by_source": int(np.count_nonzero(chart.tie_times("source").how == SOURCE)),
        "lifespans": int(np.count_nonzero(dated(n.time_from, n.time_to))),
        "periods": {k: v.text for k, v in chart.periods.items()},
    }


def _shape(chart: LinkChart) -> dict[str, Any]:
    import numpy as np

    e = chart.edges
    low, high = np.minimum(e.src, e.dst).astype(np.int64), np.maximum(e.src, e.dst)
    pairs = low * max(chart.number_of_nodes, 1) + high
    _, repeats = np.unique(pairs, return_counts=True)
    degree = np.bincount(np.concatenate([e.src, e.dst]), minlength=chart.number_of_nodes)
    return {
        "parallel_edges": int((repeats[repeats > 1]).sum()),
        "isolated_nodes": [chart.node_ids[i] for i in np.flatnonzero(degree == 0).tolist()],
    }


def description(chart: LinkChart) -> dict[str, Any]:
    """Everything ``info`` shows, as JSON-ready data."""
    from ...analysis.conflicts import conflicts
    from ...analysis.corroboration import same_claims
    from ...analysis.reading import reading

    vocab = chart.vocabulary
    read = reading(chart)
    scale = vocab.confidence
    by_confidence = Counter(scale.levels[c] for c in chart.edges.confidence.tolist())
    return {
        "title": chart.title,
        "description": " ".join(chart.description.split()),
        "sources": [{k: getattr(s, k) for k in _SOURCE_FIELDS} for s in chart.sources],
        "node_types": [{"name": t.name, "class": t.node_class} for t in vocab.node_types],
        "relations_declared": vocab.declared_relations,
        "relations": [
            {
                "name": r.name,
                "directed": r.directed,
                "sign": r.sign,
                "layer": r.layer,
                "reading": r.reading,
                "read_by_default": r.name in read.relations,
            }
            for r in vocab.relations
        ],
        "layers": list(vocab.layers),
        "default_layers": None if vocab.default_layers is None else list(vocab.default_layers),
        "reading": read.describe(),
        "confidence": dict(zip(scale.levels, scale.probabilities, strict=True)),
        "nodes": chart.number_of_nodes,
        "edges": chart.number_of_edges,
        "nodes_by_type": _by_type(chart),
        "edges_by_relation": _by_relation(chart),
        "edges_by_confidence": {lv: by_confidence[lv] for lv in scale.levels if by_confidence.get(lv)},
        **_time(chart),
        **_shape(chart),
        "conflicts": conflicts(chart).counts(),
        "same_claims": [{"edges": list(c.edges), "sources": list(c.sources)} for c in same_claims(chart)],
    }


def _relations(doc: Mapping[str, Any], out: TextIO) -> None:
    """The relations, one a line: direction, sign, layer, reading, and whether read by default."""
    rows = doc["relations"]
    declared = "" if doc["relations_declared"] else " (taken as they appear)"
    layers = doc["layers"]
    default = doc["default_layers"]
    read_layers = f"; read by default: {', '.join(default)}" if default is not None else ""
    print(
        f"relations{declared}: {len(rows)} in {len(layers)} layer{'s' if len(layers) != 1 else ''}"
        f" ({', '.join(layers)}{read_layers})",
        file=out,
    )
    width = max((len(r["name"]) for r in rows), default=0)
    layer_width = max((len(r["layer"]) for r in rows), default=0)
    for r in rows:
        direction = "directed" if r["directed"] else "undirected"
        if r["reading"] == "none":
            reading = "never read (reading: none)"
        else:
            reading = "read by default" if r["read_by_default"] else "not read by default"
        name, sign, layer = r["name"], r["sign"], r["layer"]
        print(f"  {name:<{width}}  {direction:<10}  {sign:<8}  {layer:<{layer_width}}  {reading}", file=out)
    print(f"default reading: {doc['reading']}", file=out)


def _write(doc: Mapping[str, Any], chart: LinkChart, out: TextIO) -> None:
    print(f"title: {doc['title']}", file=out)
    if doc["description"]:
        print(f"description: {doc['description']}", file=out)
    print(f"sources: {len(doc['sources'])}", file=out)
    for s in doc["sources"]:
        parts = [p for p in (s["title"], s["author"], s["date"]) if p]
        where = f" <{s['location']}>" if s["location"] else ""
        graded = f" [reliability {s['reliability']}]" if s["reliability"] else ""
        print(f"  {s['id']}: {'; '.join(parts)}{where}{graded}", file=out)
    types = [t["name"] + (f" ({t['class']})" if t["class"] else "") for t in doc["node_types"]]
    print("node types: " + ", ".join(types), file=out)
    _relations(doc, out)
    print("confidence: " + ", ".join(f"{lv} {p:g}" for lv, p in doc["confidence"].items()), file=out)
    summary(chart, out)
    counts("edges by confidence", doc["edges_by_confidence"], list(doc["confidence"]), out)
    sourced = (
        f", {doc['dated_by_source']} of them dated by their source's date" if doc["dated_by_source"] else ""
    )
    if doc["time_span"] is not None:
        print(
            f"time span: {doc['time_span']} ({doc['dated_edges']} dated edges, {doc['undated_edges']} "
            f"undated{sourced})",
            file=out,
        )
    else:
        print(f"time span: none (no dated edges{sourced})", file=out)
    if doc["lifespans"]:
        print(f"lifespans: {doc['lifespans']} of {doc['nodes']} nodes", file=out)
    if doc["periods"]:
        print("periods: " + ", ".join(f"{k} ({v})" for k, v in doc["periods"].items()), file=out)
    print(
        f"parallel edges: {doc['parallel_edges']} (edges that share their pair of nodes with another edge)",
        file=out,
    )
    found = doc["conflicts"]
    kinds = (
        f" ({', '.join(f'{n} {k}' for k, n in found.items())}; linkchart conflicts lists them)"
        if found
        else ""
    )
    print(f"conflicts between sources: {sum(found.values())}{kinds}", file=out)
    claims = doc["same_claims"]
    shown_claims = "; ".join(", ".join(c["edges"]) for c in claims[:_CLAIMS_SHOWN])
    more = f"; ... ({len(claims) - _CLAIMS_SHOWN} more)" if len(claims) > _CLAIMS_SHOWN else ""
    print(
        f"parallel edges that may be one claim of several sources: {len(claims)}"
        + (f" ({shown_claims}{more}; each may be one edge with an evidence list)" if claims else ""),
        file=out,
    )
    isolated = doc["isolated_nodes"]
    shown = ", ".join(isolated[:_ISOLATED_SHOWN])
    if len(isolated) > _ISOLATED_SHOWN:
        shown += f", ... ({len(isolated) - _ISOLATED_SHOWN} more)"
    print(f"isolated nodes: {len(isolated)}{': ' + shown if isolated else ''}", file=out)


def run(args: argparse.Namespace, progress: Stages) -> int:
    """Describe ``args.file``."""
    progress.expect(2)
    chart = load_chart(args, progress)
    with progress.stage("describing"):
        doc = description(chart)
    if args.json:
        print_json({"ok": True, **doc})
    else:
        _write(doc, chart, sys.stdout)
    return 0
