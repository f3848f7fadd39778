"""A chart as the plain data of a graph file: what every writer starts from.

:func:`chart_document` is the header (title, description, sources, confidence scale,
node types, relations, analysis, periods) with the node and edge records, every field
that differs from its default written, as a YAML graph file holds it; loading it back
(:func:`~linkchart.loading.document.from_document`) gives an equal chart.
:func:`exchange_parts` is the same for the exchange formats (``cites`` for an edge's
source, since ``source`` names an edge's end there), and :func:`check_holdable` refuses,
naming the item, a text a format cannot hold.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Final

from ..errors import LinkchartError
from ..loading.evidence import is_remote
from ..loading.files import Refused, read_text, resolve_named
from ..model import LinkChart, Source, combined
from ..model.convert import to_records
from ..readers.convention import JSON_FIELDS
from ..vocabulary import COMMON_LAYER, Grades

__all__ = [
    "MAX_EMBEDDED_BYTES",
    "chart_document",
    "check_holdable",
    "edge_rows",
    "exchange_parts",
    "folder_of",
    "header",
    "plain_tree",
    "text_of",
]


MAX_EMBEDDED_BYTES: Final = 2**20
"""The largest source text an export embeds (1 MiB of UTF-8); a larger one is left out, with
its reason (``unchecked``), and its quotes are not checked where the export is loaded."""


_WITHOUT: Final = "the file was written without its sources' texts"


def _relative(path: Path, folder: Path) -> str | None:
    """``path`` relative to ``folder`` (``/`` between parts), or ``None`` where it lies outside it."""
    try:
        rel = os.path.relpath(path.resolve(), folder.resolve())
    except (OSError, RuntimeError, ValueError):  # another drive, a loop of links
        return None
    if rel == os.pardir or rel.startswith(os.pardir + os.sep) or os.path.isabs(rel):
        return None
    return Path(rel).as_posix()


def _read_text(origin: Path, location: str) -> tuple[str, str]:
    """The text a local ``location`` names under ``origin`` (the chart's folder), or ``""`` and why not."""
    try:
        path = resolve_named(origin, location, allow_outside=False)
        return read_text(path, MAX_EMBEDDED_BYTES, encoding="utf-8"), ""
    except Refused as refused:
        return "", f"{location} was not embedded: {refused.reason}"
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        return "", f"{location} could not be read for the export: {reason}"


def _source(s: Source, origin: Path | None, target: Path, embed: bool) -> dict[str, str]:
    """A source as a file in ``target`` holds it: its location rebased or dropped, its text embedded.

    A web address is kept; a relative local location is rewritten relative to
    ``target`` where the text lies inside it, and dropped where it lies outside, so that
    an export never names a file outside its own folder (a chart from records, which has
    no folder, keeps it as written). With ``embed``, the text is written in ``text``: the
    one the chart carries, else the file read from the chart's folder (never outside
    it), up to :data:`MAX_EMBEDDED_BYTES`. A text the chart had that the file then holds
    neither way leaves ``unchecked``, its reason, so that loading the file says its
    quotes were not checked.
    """
    out = {"id": s.id}
    for key in ("title", "author", "date", "reliability"):
        value = getattr(s, key)
        if value:
            out[key] = value
    loc = s.location
    text, why = s.text, s.unchecked
    if loc and (is_remote(loc) or origin is None):
        out["location"] = loc
    elif loc and origin is not None:
        rebased = _relative(origin / loc, target) if not os.path.isabs(loc) else None
        if rebased is not None:
            out["location"] = rebased
        if embed and not text:
            text, why = _read_text(origin, loc)
        elif not text and rebased is None:
            why = f"{loc} was not embedded: {_WITHOUT}"
    if text and not embed:
        why = f"it was not embedded: {_WITHOUT}"
    elif text and len(text.encode("utf-8")) > MAX_EMBEDDED_BYTES:
        why = f"it is over the {MAX_EMBEDDED_BYTES:,} bytes an export embeds"
    elif text:
        out["text"] = text
        why = ""
    if why and "location" not in out:
        out["unchecked"] = why
    return out


def header(chart: LinkChart, target: Path, *, embed: bool = False) -> dict[str, Any]:
    """The header of a graph file for ``chart``, written into the folder ``target``
    (``embed``: with each source's text, see :func:`_source`), with the ``not_same_as``
    decisions the chart keeps (:attr:`~linkchart.LinkChart.decisions`)."""
    vocab = chart.vocabulary
    origin = Path(chart.path).parent if chart.path else None
    doc: dict[str, Any] = {"linkchart": 1, "title": chart.title}
    if chart.description:
        doc["description"] = chart.description
    if chart.sources:
        doc["sources"] = [_source(s, origin, target, embed) for s in chart.sources]
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
    if vocab.declared_relations or not all(r.directed for r in vocab.relations):  # an undirected one is said
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
    if vocab.grades != Grades.default():
        doc["grades"] = vocab.grades.value
    if chart.decisions:  # the not_same_as decisions it keeps: a later merge honours them
        doc["decisions"] = [d.to_record() for d in chart.decisions.entries]
    if chart.noted_conflicts:  # what a merge met that the nodes and edges cannot show
        doc["conflicts"] = [c.to_record() for c in chart.noted_conflicts]
    return doc


def edge_rows(chart: LinkChart) -> list[dict[str, Any]]:
    """Edge records with defaults left out (``id`` only where it is not ``e<row>``; the
    ``probability`` only where the confidence level, grades and evidence do not give it: a
    one-mode projection's ties)."""
    rel_weight = {r.name: r.weight for r in chart.vocabulary.relations}
    given = combined(chart.support(), chart.number_of_edges, chart.vocabulary.grades)
    own = chart.edges.probability
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
        if abs(float(own[k]) - float(given[k])) > 1e-12:
            row["probability"] = float(own[k])
        if rec["attributes"]:
            row["attributes"] = rec["attributes"]
        out.append(row)
    return out


def plain_tree(value: Any) -> Any:
    """Tuples become lists and mappings plain dicts, for the safe dumper."""
    if isinstance(value, Mapping):
        return {k: plain_tree(v) for k, v in value.items()}
    if isinstance(value, tuple | list):
        return [plain_tree(v) for v in value]
    return value


def folder_of(chart: LinkChart) -> Path:
    """The folder of the file ``chart`` was loaded from (the working folder for a chart from records)."""
    return Path(chart.path).parent if chart.path else Path()


def chart_document(chart: LinkChart, folder: Path, *, embed: bool = False) -> dict[str, Any]:
    """The chart as the plain data of a graph file, for a file written into ``folder``.

    What :func:`~linkchart.writers.yaml.write_yaml` dumps and every export format
    carries: the header (title, description, sources with their locations relative to
    ``folder``, confidence scale, node types, relations, analysis, periods), then
    ``nodes`` and ``edges`` as lists of mappings with the fields that differ from their
    defaults. Loading it back (:func:`~linkchart.loading.document.from_document`) gives
    an equal chart. With ``embed``, each source carries its text (:func:`_source`).
    """
    doc = header(chart, folder, embed=embed)
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
    doc["edges"] = edge_rows(chart)
    return doc


Parts = tuple[dict[str, Any], list[dict[str, Any]], list[dict[str, Any]]]
"""The header, node records and edge records of a chart in an exchange format."""


def exchange_parts(chart: LinkChart, folder: Path, *, embed: bool = True) -> Parts:
    """Header, node records and edge records (every edge with an ``id``, ``cites`` for its source;
    with ``embed``, each source with its text)."""
    doc = chart_document(chart, folder, embed=embed)
    nodes = doc.pop("nodes")
    edges = doc.pop("edges")
    full_edges = []
    for k, e in enumerate(edges):
        row = dict(e)
        row.setdefault("id", f"e{k}")
        if "source" in row:
            row["cites"] = row.pop("source")
        full_edges.append(row)
    return doc, nodes, full_edges


def text_of(value: Any, field: str) -> str:
    """A field's value as the text a text-only format holds: JSON for :data:`JSON_FIELDS` and
    for an evidence list (:func:`~linkchart.readers.convention.evidence_value` reads it back)."""
    if field in JSON_FIELDS or (field == "evidence" and isinstance(value, list)):
        return json.dumps(value, ensure_ascii=False, sort_keys=field != "evidence")
    return str(value)


_NOT_IN_XML: Final = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\r\ufffe\uffff]")
_SPACE_NOT_IN_XML: Final = re.compile("[\x0b\x0c\x1c-\x1f\r]")


def _fit_texts(kind: str, head: Mapping[str, Any]) -> None:
    """Fit the embedded source texts of ``head`` to XML, in place.

    A text is a copy for checking quotes, and quotes are compared with runs of whitespace
    as one space (:func:`~linkchart.loading.evidence.fold`): the whitespace characters XML
    cannot hold (a form feed, as ``pdftotext`` writes between pages; a vertical tab; a
    carriage return) are written as spaces, which changes no quote's check. A text that
    still holds a character XML cannot hold is left out, with its reason (``unchecked``,
    where the source names no location).
    """
    for source in head.get("sources", []):
        text = source.get("text")
        if not text:
            continue
        text = _SPACE_NOT_IN_XML.sub(" ", text)
        found = _NOT_IN_XML.search(text)
        if found is None:
            source["text"] = text
            continue
        del source["text"]
        if "location" not in source:
            source["unchecked"] = (
                f"it holds the character U+{ord(found.group()):04X}, which {kind} cannot hold"
            )


def check_holdable(kind: str, parts: Parts) -> None:
    """Refuse, naming the item, a text the format cannot hold (rather than change it silently).

    The embedded source texts are fitted to XML first (:func:`_fit_texts`): a copy for
    checking quotes, never a text the user reads.

    XML 1.0 (GraphML, GEXF, and the XML inside an Excel file) has no way to write the C0
    control characters or the non-characters U+FFFE and U+FFFF, and turns a carriage
    return into a newline. JSON and YAML hold every text.

    Raises
    ------
    LinkchartError
        ``bad-argument``, naming the item and the character.
    """
    head, nodes, edges = parts
    _fit_texts(kind, head)

    def walk(value: Any, where: str) -> None:
        if isinstance(value, str):
            found = _NOT_IN_XML.search(value)
            if found:
                raise LinkchartError(
                    f"{where} holds the character U+{ord(found.group()):04X}, which {kind} cannot hold; "
                    "export to .json or YAML (they hold every text), or remove it",
                    code="bad-argument",
                )
        elif isinstance(value, Mapping):
            for k, v in value.items():
                walk(str(k), where)
                walk(v, f"{where}.{k}")
        elif isinstance(value, list | tuple):
            for i, v in enumerate(value):
                walk(v, f"{where}[{i}]")

    walk(dict(head), "the header")
    for k, n in enumerate(nodes):
        walk(n, f"nodes[{k}]")
    for k, e in enumerate(edges):
        walk(e, f"edges[{k}]")
