"""STIX 2.1 bundles: a chart for OpenCTI, MISP and other threat-intelligence platforms (:func:`to_stix`).

Each node becomes a STIX Domain Object by its node type (:data:`DEFAULT_MAPPING`,
overridable): organisation → ``intrusion-set``, person and criminal network →
``threat-actor``, state and region → ``location``, event → ``campaign``, any other type →
``identity``. Each edge becomes a ``relationship`` with ``relationship_type`` the relation
(``patron_of`` → ``patron-of``), ``confidence`` 0-100 from the confidence level's
probability, ``description`` the evidence quote, ``external_references`` its source,
``start_time``/``stop_time`` from its time. Ids are UUIDv5 of the node or edge id, and
timestamps are fixed (``created=``, default the Unix epoch): the same chart gives the same
bundle, byte for byte. What STIX has no field for travels in custom ``x_linkchart_*``
properties, and a ``grouping`` named after the chart carries the header (vocabulary,
sources, analysis), so a linkchart-made bundle loads back equal
(:mod:`linkchart.readers.stix`).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import uuid
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..errors import LinkchartError
from ..model import LinkChart
from ..readers.convention import evidence_text
from ..timegrammar import parse_time
from ..times import Span
from ._document import chart_document, folder_of

__all__ = ["CLASS_MAPPING", "DEFAULT_MAPPING", "dumps", "to_stix"]

DEFAULT_MAPPING: Mapping[str, str] = {
    "organisation": "intrusion-set",
    "person": "threat-actor",
    "criminal_network": "threat-actor",
    "state": "location",
    "region": "location",
    "event": "campaign",
}
"""Node type -> STIX Domain Object type; a type not listed goes by its class (:data:`CLASS_MAPPING`)."""

CLASS_MAPPING: Mapping[str, str] = {
    "agent": "threat-actor",
    "organisation": "intrusion-set",
    "location": "location",
    "event": "campaign",
}
"""A node type's class (its ``class:``) -> STIX Domain Object type, for a type that neither
:data:`DEFAULT_MAPPING` nor the caller's mapping names; any other type becomes an ``identity``."""

_NAMESPACE = uuid.UUID("6f4b1c1e-2f8d-5c3b-9a57-1c0e2d9b7a10")
_EPOCH = "1970-01-01T00:00:00.000Z"
_ALIASED = frozenset({"intrusion-set", "threat-actor", "campaign", "malware", "tool", "infrastructure"})
_COUNTRIES = {
    "afghanistan": "AF", "pakistan": "PK", "tajikistan": "TJ", "kyrgyzstan": "KG", "uzbekistan": "UZ",
    "kazakhstan": "KZ", "turkmenistan": "TM", "iran": "IR", "iraq": "IQ", "syria": "SY", "russia": "RU",
    "china": "CN", "india": "IN", "turkey": "TR", "saudi arabia": "SA", "yemen": "YE", "somalia": "SO",
    "libya": "LY", "egypt": "EG", "mali": "ML", "nigeria": "NG", "colombia": "CO", "mexico": "MX",
}  # fmt: skip


def _id(kind: str, key: str) -> str:
    return f"{kind}--{uuid.uuid5(_NAMESPACE, key)}"


def _times(time: Any) -> dict[str, str]:
    """STIX ``start_time`` / ``stop_time`` of a time value: the start of its first day and the
    start of the day after its last (STIX stops are exclusive). An end outside 1000-9998,
    which STIX timestamps cannot carry reliably, is left out (the exact time still travels
    in ``x_linkchart_edge``)."""
    span = parse_time(time)
    out: dict[str, str] = {}
    if not isinstance(span, Span):
        return out
    if span.first is not None and 1000 <= span.first.year <= 9998:
        out["start_time"] = f"{span.first.isoformat()}T00:00:00Z"
    if span.last is not None and 1000 <= span.last.year <= 9998:
        out["stop_time"] = f"{(span.last + dt.timedelta(days=1)).isoformat()}T00:00:00Z"
    return out


def to_stix(
    chart: LinkChart,
    *,
    mapping: Mapping[str, str] | None = None,
    created: str = _EPOCH,
    folder: str | os.PathLike[str] | None = None,
    embed_sources: bool = True,
) -> str:
    """The chart as a STIX 2.1 bundle (JSON text), validated with the stix2 library.

    Parameters
    ----------
    chart
        The chart.
    mapping
        Node type -> SDO type, over :data:`DEFAULT_MAPPING` (e.g. ``{"organisation":
        "identity"}`` for governments and parties).
    created
        The ``created``/``modified`` timestamp of every object (default the Unix epoch:
        the same chart, the same bundle).
    folder
        Where the bundle will lie (default: the chart's own folder): a source's local
        ``location`` is written relative to it where the text lies inside it, else left out.
    embed_sources
        Embed each source's text in the header (``x_linkchart_header``), so that the
        bundle checks its quotes wherever it is loaded (``docs/exchange.md``).

    Examples
    --------
    >>> import linkchart, json
    >>> c = linkchart.from_records(
    ...     [{"id": "IMT", "type": "organisation"}, {"id": "Pakistan", "type": "state"}],
    ...     [{"from": "IMT", "relation": "operates_in", "to": "Pakistan", "confidence": "reported"}])
    >>> objects = json.loads(to_stix(c))["objects"]
    >>> sorted(o["type"] for o in objects)
    ['grouping', 'intrusion-set', 'location', 'relationship']
    >>> next(o for o in objects if o["type"] == "relationship")["confidence"]
    75
    """
    import stix2

    _check(mapping)
    kinds = {**DEFAULT_MAPPING, **(mapping or {})}
    target = Path(folder) if folder is not None else folder_of(chart)
    doc = chart_document(chart, target, embed=embed_sources)
    classes = {t.name: t.node_class for t in chart.vocabulary.node_types}
    nodes, edges = doc.pop("nodes"), doc.pop("edges")
    sources = {s["id"]: s for s in doc.get("sources", [])}
    scale = dict(
        zip(chart.vocabulary.confidence.levels, chart.vocabulary.confidence.probabilities, strict=True)
    )
    objects: list[Any] = []
    ref: dict[str, str] = {}
    for n in nodes:
        kind = kinds.get(n["type"]) or CLASS_MAPPING.get(classes.get(n["type"]) or "", "identity")
        sid = _id(kind, "node:" + n["id"])
        ref[n["id"]] = sid
        props: dict[str, Any] = {
            "id": sid,
            "created": created,
            "modified": created,
            "name": n.get("label", n["id"]),
            "x_linkchart_node": n,
        }
        if kind in _ALIASED and n.get("aliases"):
            props["aliases"] = list(n["aliases"])
        if kind == "location":
            code = _COUNTRIES.get(str(n.get("label", n["id"])).lower()) or _COUNTRIES.get(n["id"].lower())
            if code and n["type"] == "state":
                props["country"] = code
            else:
                props["region"] = "unknown"
        if kind == "identity":
            props["identity_class"] = "group"
        objects.append(stix2.parse({"type": kind, "spec_version": "2.1", **props}, allow_custom=True))
    for k, e in enumerate(edges):
        eid = e.get("id", f"e{k}")
        props = {
            "id": _id("relationship", "edge:" + eid),
            "created": created,
            "modified": created,
            "relationship_type": e["relation"].replace("_", "-").lower(),
            "source_ref": ref[e["from"]],
            "target_ref": ref[e["to"]],
            "confidence": round(100 * scale[e["confidence"]]),
            "x_linkchart_edge": {**e, "id": eid},
        }
        if e.get("evidence"):
            props["description"] = evidence_text(e["evidence"])
        source = sources.get(e.get("source", ""))
        if source is not None:
            reference = {"source_name": source.get("title") or source["id"], "external_id": source["id"]}
            location = source.get("location", "")
            if location.startswith(("http://", "https://")):
                reference["url"] = location
            props["external_references"] = [reference]
        if e.get("time") is not None:
            props.update(_times(e["time"]))
        objects.append(stix2.Relationship(allow_custom=True, **props))
    grouping = stix2.Grouping(
        id=_id("grouping", "chart:" + chart.title),
        created=created,
        modified=created,
        name=chart.title or "linkchart chart",
        description=chart.description or None,
        context="unspecified",
        object_refs=[o.id for o in objects] or [_id("identity", "empty")],
        x_linkchart_header=json.dumps(doc, ensure_ascii=False),  # text: the order of the vocabulary holds
        allow_custom=True,
    )
    bundle = stix2.Bundle(
        objects=[grouping, *objects], id=_id("bundle", "chart:" + chart.title), allow_custom=True
    )
    # stix2's pretty=True sorts every object's properties by a search that is quadratic (a
    # 400-tie chart took minutes); the compact text, indented by json, keeps stix2's order
    text = json.dumps(json.loads(bundle.serialize()), indent=4, ensure_ascii=False)
    stix2.parse(text, allow_custom=True)  # every object valid STIX 2.1
    return text + "\n"


def _check(mapping: Mapping[str, str] | None) -> None:
    if mapping is not None and not all(isinstance(v, str) and v for v in mapping.values()):
        raise LinkchartError(
            "a STIX mapping maps node types to STIX object types (text)", code="bad-argument"
        )


dumps = to_stix
"""The chart as a STIX 2.1 bundle: :func:`to_stix`, under the name every writer has."""
