"""Write a chart back to the graph format: :func:`write_yaml` and :func:`write_csv`.

The output loads back (:func:`linkchart.load`) to an equal chart: same title,
description, sources, vocabulary, nodes and edges (see ``LinkChart.__eq__``). Fields
that equal their default are left out (an edge id ``e<row>``, a weight equal to its
relation's weight, an empty evidence), everything else is written explicitly.
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import yaml

from ..convert import to_records
from ..errors import LinkchartError
from ..files import same_file, write_atomic, write_folder
from ..model import LinkChart, Source
from ..vocabulary import COMMON_LAYER
from .cells import to_cell
from .columns import EDGE_FIELDS, NODE_FIELDS
from .evidence import is_remote
from .yamlfile import Dumper

__all__ = ["chart_document", "write_csv", "write_yaml"]


def _source(s: Source, origin: Path | None, target: Path) -> dict[str, str]:
    out = {"id": s.id}
    for key in ("title", "author", "date", "location"):
        value = getattr(s, key)
        if value:
            out[key] = value
    loc = s.location
    if loc and origin is not None and not is_remote(loc) and not os.path.isabs(loc):
        if origin.resolve() != target.resolve():
            out["location"] = os.path.relpath(origin / loc, target)
    return out


def _header(chart: LinkChart, target: Path) -> dict[str, Any]:
    vocab = chart.vocabulary
    origin = Path(chart.path).parent if chart.path else None
    doc: dict[str, Any] = {"linkchart": 1, "title": chart.title}
    if chart.description:
        doc["description"] = chart.description
    if chart.sources:
        doc["sources"] = [_source(s, origin, target) for s in chart.sources]
    scale = vocab.confidence
    doc["confidence"] = dict(zip(scale.levels, scale.probabilities, strict=True))
    types: dict[str, dict[str, str]] = {}
    for t in vocab.node_types:
        spec: dict[str, str] = {}
        if t.color is not None:
            spec["color"] = t.color
        if t.shape is not None:
            spec["shape"] = t.shape
        if t.description:
            spec["description"] = t.description
        if t.node_class is not None:
            spec["class"] = t.node_class
        types[t.name] = spec
    doc["node_types"] = types
    if vocab.declared_relations:
        rels: dict[str, dict[str, Any]] = {}
        for r in vocab.relations:
            rspec: dict[str, Any] = {"directed": r.directed}
            if r.source_types is not None:
                rspec["source_types"] = sorted(r.source_types)
            if r.target_types is not None:
                rspec["target_types"] = sorted(r.target_types)
            if r.weight != 1.0:
                rspec["weight"] = r.weight
            if r.description:
                rspec["description"] = r.description
            if r.sign != "positive":
                rspec["sign"] = r.sign
            if r.layer != COMMON_LAYER:
                rspec["layer"] = r.layer
            if not r.read:
                rspec["reading"] = r.reading
            rels[r.name] = rspec
        doc["relations"] = rels
    if vocab.default_layers is not None:
        doc["analysis"] = {"layers": list(vocab.default_layers)}
    if chart.periods:
        doc["periods"] = {name: span.value for name, span in chart.periods.items()}
    return doc


def _time_text(t: Any) -> str:
    """A record's time (:func:`~linkchart.times.span_value`) as one CSV cell."""
    if t is None:
        return ""
    if isinstance(t, int | str):
        return str(t)
    a, b = t["from"], t["to"]
    return f"{'' if a is None else a}-{'' if b is None else b}"


def _edge_rows(chart: LinkChart) -> list[dict[str, Any]]:
    """Edge records with defaults left out (``id`` only where it is not ``e<row>``)."""
    rel_weight = {r.name: r.weight for r in chart.vocabulary.relations}
    out = []
    for k, rec in enumerate(to_records(chart)[1]):
        row: dict[str, Any] = {}
        if rec["id"] != f"e{k}":
            row["id"] = rec["id"]
        row["from"] = rec["from"]
        row["relation"] = rec["relation"]
        row["to"] = rec["to"]
        row["confidence"] = rec["confidence"]
        if rec["evidence"]:
            row["evidence"] = rec["evidence"]
        if rec["source"] is not None:
            row["source"] = rec["source"]
        if rec["time"] is not None:
            row["time"] = rec["time"]
        if rec["weight"] != rel_weight.get(rec["relation"], 1.0):
            row["weight"] = rec["weight"]
        if rec["alternative"] is not None:
            row["alternative"] = rec["alternative"]
        if rec["notes"]:
            row["notes"] = rec["notes"]
        if rec["attributes"]:
            row["attributes"] = rec["attributes"]
        out.append(row)
    return out


def _yaml_text(doc: Mapping[str, Any]) -> str:
    text = yaml.dump(_plain_tree(doc), Dumper=Dumper, sort_keys=False, allow_unicode=True, width=100)
    return text


def _plain_tree(value: Any) -> Any:
    """Tuples become lists and mappings plain dicts, for the safe dumper."""
    if isinstance(value, Mapping):
        return {k: _plain_tree(v) for k, v in value.items()}
    if isinstance(value, tuple | list):
        return [_plain_tree(v) for v in value]
    return value


def chart_document(chart: LinkChart, folder: Path) -> dict[str, Any]:
    """The chart as the plain data of a graph file, for a file written into ``folder``.

    What :func:`write_yaml` dumps and every export format carries: the header (title,
    description, sources with their locations relative to ``folder``, confidence scale,
    node types, relations, analysis, periods), then ``nodes`` and ``edges`` as lists of
    mappings with the fields that differ from their defaults. Loading it back
    (:func:`~linkchart.loading.document.from_document`) gives an equal chart.
    """
    doc = _header(chart, folder)
    nodes = []
    for rec in to_records(chart)[0]:
        row: dict[str, Any] = {"id": rec["id"], "type": rec["type"]}
        if rec["label"] != rec["id"]:
            row["label"] = rec["label"]
        if rec["aliases"]:
            row["aliases"] = rec["aliases"]
        if rec["time"] is not None:
            row["time"] = rec["time"]
        if rec["notes"]:
            row["notes"] = rec["notes"]
        if rec["attributes"]:
            row["attributes"] = rec["attributes"]
        nodes.append(row)
    doc["nodes"] = nodes
    doc["edges"] = _edge_rows(chart)
    return doc


def write_yaml(chart: LinkChart, path: str | os.PathLike[str], *, overwrite: bool = False) -> Path:
    """Write ``chart`` as one YAML graph file; return its path.

    The file is written to a temporary file and then moved into place, so a failed
    write leaves an existing file whole. Writing over the file the chart was loaded
    from is refused unless ``overwrite=True``: the hand-written file's comments and
    layout would be lost.

    The file declares the chart's node types, confidence scale and (when the chart's
    relations were declared) its relations, then every node and edge. Loading it gives
    a chart equal to ``chart``.

    Notes
    -----
    A source's relative local ``location`` is rewritten relative to the new file's
    folder when the chart was loaded from another folder, so that evidence is still
    checked against the same text. Relations that were taken as they appeared (no
    ``relations:`` section) are taken as they appear again: a view that keeps only some
    relations then loads back with only those.

    Examples
    --------
    >>> import linkchart, pathlib, tempfile
    >>> c = linkchart.from_records([{"id": "A", "type": "state"}, {"id": "B", "type": "state"}],
    ...                            [{"from": "A", "relation": "borders", "to": "B", "time": 1999}])
    >>> out = write_yaml(c, pathlib.Path(tempfile.mkdtemp()) / "g.yaml")
    >>> linkchart.load(out) == c
    True
    """
    target = Path(path)
    doc = chart_document(chart, target.parent)
    inputs = chart.files
    if chart.path and same_file(target, chart.path):
        if not overwrite:
            raise LinkchartError(
                f"will not write over {str(target)!r}, the file this chart was loaded from: its comments "
                "and layout would be lost; write elsewhere, or pass overwrite=True",
                code="write-failed",
            )
        inputs = tuple(f for f in inputs if not same_file(f, chart.path))
    return write_atomic(target, _yaml_text(doc), inputs=inputs)


def _cell(value: Any, what: str) -> str:
    if value is None:
        return ""
    if isinstance(value, tuple | list):
        raise LinkchartError(f"{what}: a list value {value!r} cannot be written to CSV; write YAML instead")
    text = value if isinstance(value, str) else str(value)
    if "\x00" in text:
        raise LinkchartError(f"{what}: a NUL character cannot be written to CSV")
    return text


def _notes_cell(notes: list[Any]) -> str:
    """Notes (their record values) as one CSV cell: a JSON list (see :mod:`.notes`)."""
    if not notes:
        return ""
    text = json.dumps(notes, ensure_ascii=False)
    return _cell(text, "notes")


class _SafeWriter:
    """A CSV writer whose text cells are spreadsheet-safe (:func:`~.cells.to_cell`)."""

    def __init__(self, f: io.StringIO) -> None:
        self._w = csv.writer(f, lineterminator="\r\n")

    def writerow(self, row: Iterable[Any]) -> None:
        self._w.writerow([to_cell(v) if isinstance(v, str) else v for v in row])


def write_csv(chart: LinkChart, folder: str | os.PathLike[str]) -> Path:
    """Write ``chart`` as ``chart.yaml`` with ``nodes.csv`` and ``edges.csv`` in ``folder``.

    Returns the path of ``chart.yaml``. Loading it gives a chart equal to ``chart``
    as long as every free attribute value is non-empty text (CSV cells are text, and
    an empty cell means absent). Cells are spreadsheet-safe: text that a spreadsheet
    would run as a formula (``=``, ``+``, ``-``, ``@`` first) is written behind an
    apostrophe, which loading removes again (:mod:`linkchart.loading.cells`).

    Raises
    ------
    LinkchartError
        For what CSV cannot hold: an alias containing ``|`` or surrounding spaces,
        a list attribute, a NUL character, an attribute name that is empty, padded
        with spaces or named ``attributes``.

    Examples
    --------
    >>> import linkchart, pathlib, tempfile
    >>> c = linkchart.from_records([{"id": "A", "type": "state", "aliases": ["x", "y"]},
    ...                             {"id": "B", "type": "state"}],
    ...                            [{"from": "A", "relation": "borders", "to": "B", "time": "1999-"}])
    >>> out = write_csv(c, tempfile.mkdtemp())
    >>> sorted(p.name for p in out.parent.iterdir())
    ['chart.yaml', 'edges.csv', 'nodes.csv']
    >>> linkchart.load(out) == c
    True
    """
    target = Path(folder)
    doc = _header(chart, target)
    doc["nodes"] = {"csv": "nodes.csv"}
    doc["edges"] = {"csv": "edges.csv"}
    nodes, _ = to_records(chart)
    node_attrs = list(chart.nodes.attributes)
    edge_attrs = list(chart.edges.attributes)
    for name in (*node_attrs, *edge_attrs):
        if not name or name != name.strip() or name == "attributes":
            raise LinkchartError(f"the attribute name {name!r} cannot be a CSV column")
    node_text = io.StringIO()
    with node_text as f:
        w = _SafeWriter(f)
        w.writerow([*(f for f in NODE_FIELDS if f != "attributes"), *node_attrs])
        for rec in nodes:
            for a in rec["aliases"]:
                if "|" in a or a != a.strip() or not a:
                    raise LinkchartError(
                        f"node {rec['id']!r}: the alias {a!r} cannot be written to CSV "
                        "(aliases are separated by '|' and trimmed)"
                    )
            attrs = rec["attributes"]
            w.writerow(
                [
                    _cell(rec["id"], "nodes"),
                    rec["type"],
                    "" if rec["label"] == rec["id"] else _cell(rec["label"], "nodes"),
                    "|".join(rec["aliases"]),
                    _time_text(rec["time"]),
                    _notes_cell(rec["notes"]),
                    *(_cell(attrs.get(a), f"node {rec['id']!r} attribute {a!r}") for a in node_attrs),
                ]
            )
        nodes_csv = f.getvalue()
    edge_text = io.StringIO()
    with edge_text as f:
        w = _SafeWriter(f)
        w.writerow([*(f for f in EDGE_FIELDS if f != "attributes"), *edge_attrs])
        for k, row in enumerate(_edge_rows(chart)):
            attrs = row.get("attributes", {})
            weight = row.get("weight")
            w.writerow(
                [
                    row.get("id", ""),
                    _cell(row["from"], "edges"),
                    row["relation"],
                    _cell(row["to"], "edges"),
                    row["confidence"],
                    _cell(row.get("evidence"), f"edge {k} evidence"),
                    row.get("source", ""),
                    _time_text(row.get("time")),
                    "" if weight is None else repr(float(weight)),
                    _cell(row.get("alternative"), f"edge {k} alternative"),
                    _notes_cell(row.get("notes", [])),
                    *(_cell(attrs.get(a), f"edge {k} attribute {a!r}") for a in edge_attrs),
                ]
            )
        edges_csv = f.getvalue()
    files = {"nodes.csv": nodes_csv, "edges.csv": edges_csv, "chart.yaml": _yaml_text(doc)}
    return write_folder(target, files, inputs=chart.files)[-1]
