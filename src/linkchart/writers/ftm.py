"""FollowTheMoney JSON lines (OCCRP Aleph, OpenSanctions): :func:`dumps`, one entity a line.

The mapping is :mod:`linkchart.readers.ftm`'s, the other way (``docs/ftm.md``):

- a **source** is a ``Document`` (``title``, ``author``, ``publishedAt`` its date,
  ``sourceUrl`` its location when that is a web address), and each edge that cites it names
  it as its ``proof``;
- a **node** is an entity of the schema its type names when that is an FtM schema
  (``Person``, ``Company`` ...), else of :data:`SCHEMA_OF_TYPE` (``person`` -> ``Person``,
  ``organisation`` -> ``Organization``, ``state`` -> ``PublicBody``, ``region`` ->
  ``Territory``, ``event`` -> ``Event``), else a ``LegalEntity``; its label is its
  ``name``, its aliases its ``alias``;
- an **edge** is an entity of the edge schema its relation names when the ends fit that
  schema's ranges (``Ownership`` from a ``Company`` to a ``Company``), else an
  ``UnknownLink`` whose ``role`` is the relation; its time ``date`` (one time) or
  ``startDate``/``endDate`` (an interval); its evidence the ``summary`` (one quote, or
  each quote of an evidence list as one ``summary`` value, as text) and its sources the
  ``proof`` (its own source's document first, then those of its items' sources);
- free attributes that are properties of the entity's schema are those properties.

An id FtM cannot hold (it allows letters, digits, ``.`` and ``-``) becomes a slug with a
short hash of the id (``Hani Hanjour`` -> ``Hani-Hanjour-fcafa6e2``). What FtM has no
place for (a node type or relation it has no schema for, a confidence below the scale's
highest, a weight, a lifespan, notes, an attribute the schema lacks, a source's
reliability grade, the file's ``grades:``, which source an evidence item quotes, an item's
credibility, confidence or time ...) is listed in one :class:`FtmLossWarning`. Every entity
written is valid FtM: the ``followthemoney``
library (the extra ``linkchart[ftm]``) checks each value with its property's type.
"""

from __future__ import annotations

import hashlib
import json
import re
import warnings
from collections import Counter
from collections.abc import Mapping
from typing import Any, Final

from ..model import LinkChart
from ..model.convert import to_records
from ..readers.ftm import ftm_model
from ..vocabulary import Grades

__all__ = ["SCHEMA_OF_TYPE", "FtmLossWarning", "dumps", "ftm_id"]

SCHEMA_OF_TYPE: Final[Mapping[str, str]] = {
    "person": "Person",
    "organisation": "Organization",
    "criminal_network": "Organization",
    "state": "PublicBody",
    "region": "Territory",
    "event": "Event",
}
"""linkchart's default node types -> the FtM schema of their nodes (any other: ``LegalEntity``)."""
_FALLBACK: Final = "LegalEntity"
_ID: Final = re.compile(r"^[0-9a-zA-Z]([0-9a-zA-Z.\-]*[0-9a-zA-Z])?$")


class FtmLossWarning(UserWarning):
    """What a FollowTheMoney export could not hold, listed with counts."""


def ftm_id(name: str) -> str:
    """``name`` as an FtM entity id: itself when FtM allows it, else a slug and a short hash.

    Examples
    --------
    >>> ftm_id("e0"), ftm_id("Hani Hanjour")
    ('e0', 'Hani-Hanjour-fcafa6e2')
    """
    if _ID.match(name):
        return name
    slug = re.sub(r"[^0-9a-zA-Z]+", "-", name).strip("-")
    digest = hashlib.sha1(name.encode("utf-8")).hexdigest()[:8]
    return f"{slug}-{digest}" if slug else f"x-{digest}"


class _Writer:
    """Entities of one chart, with what was lost."""

    def __init__(self, chart: LinkChart) -> None:
        self.model = ftm_model()
        self.chart = chart
        self.lost: Counter[str] = Counter()
        self.used: set[str] = set()

    def new_id(self, name: str) -> str:
        eid = base = ftm_id(name)
        k = 1
        while eid in self.used:
            k += 1
            eid = f"{base}-{k}"
        self.used.add(eid)
        return eid

    def put(self, schema: Any, props: dict[str, list[str]], name: str, values: Any, what: str) -> None:
        """``props[name] = values`` where the schema has the property and its type takes every value."""
        texts = [str(v) for v in (values if isinstance(values, list | tuple) else [values]) if v is not None]
        prop = schema.get(name)
        if prop is None or prop.stub:
            self.lost[f"{what} {name!r} ({schema.name} has no such property)"] += 1
        elif not all(prop.type.validate(t) for t in texts):
            self.lost[f"{what} {name!r} (not a valid {prop.type.name})"] += 1
        elif texts:
            props.setdefault(name, []).extend(texts)

    def schema_of_type(self, name: str) -> Any:
        found = self.model.get(name)
        if found is not None and not found.abstract and not found.edge:
            return found
        if name not in SCHEMA_OF_TYPE:
            self.lost[f"the node type {name!r} (written as {_FALLBACK})"] += 1
        return self.model.get(SCHEMA_OF_TYPE.get(name, _FALLBACK))

    def documents(self) -> tuple[list[dict[str, Any]], dict[str, str]]:
        out, ids = [], {}
        doc = self.model.get("Document")
        for s in self.chart.sources:
            props: dict[str, list[str]] = {"title": [s.title or s.id]}
            if s.author:
                self.put(doc, props, "author", s.author, "a source's")
            if s.date:
                self.put(doc, props, "publishedAt", s.date, "a source's date as")
            if s.location:
                if re.match(r"https?://", s.location):
                    self.put(doc, props, "sourceUrl", s.location, "a source's location as")
                else:
                    self.lost["a source's local location (a file is no web address)"] += 1
            if s.reliability:
                self.lost["a source's reliability grade"] += 1
            ids[s.id] = self.new_id(s.id)
            out.append({"id": ids[s.id], "schema": "Document", "properties": props})
        return out, ids

    def nodes(self, records: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], dict[str, tuple[str, Any]]]:
        out, ends = [], {}
        for rec in records:
            schema = self.schema_of_type(rec["type"])
            props: dict[str, list[str]] = {}
            attrs = dict(rec["attributes"])
            names = attrs.pop("name", None)
            if names is not None:
                self.put(schema, props, "name", names, "the attribute")
            elif rec["label"] != rec["id"] or ftm_id(rec["id"]) != rec["id"]:  # the id's own text kept
                self.put(schema, props, "name", rec["label"], "the label as")
            if rec["aliases"]:
                self.put(schema, props, "alias", list(rec["aliases"]), "the aliases as")
            for key, value in attrs.items():
                self.put(schema, props, key, value, "the node attribute")
            for field in ("time", "notes"):
                if rec[field]:
                    self.lost[f"a node's {field}"] += 1
            eid = self.new_id(rec["id"])
            ends[rec["id"]] = (eid, schema)
            out.append({"id": eid, "schema": schema.name, "properties": props})
        return out, ends

    def edge_schema(self, relation: str, a: Any, b: Any) -> tuple[Any, bool]:
        """The schema of an edge of ``relation`` from ``a`` to ``b``, and whether it is the relation's own."""
        s = self.model.get(relation)
        if s is not None and s.edge and not s.abstract:
            if a.is_a(s.get(s.edge_source).range) and b.is_a(s.get(s.edge_target).range):
                return s, True
            self.lost[
                f"the relation {relation!r} between schemata its ranges refuse (written as UnknownLink)"
            ] += 1
        return self.model.get("UnknownLink"), False

    def edges(
        self, records: list[dict[str, Any]], ends: Mapping[str, tuple[str, Any]], docs: Mapping[str, str]
    ) -> list[dict[str, Any]]:
        scale = self.chart.vocabulary.confidence
        top = scale.levels[0] if scale.levels else None
        weights = {r.name: r.weight for r in self.chart.vocabulary.relations}
        directed = {r.name: r.directed for r in self.chart.vocabulary.relations}
        out = []
        for rec in records:
            (a_id, a), (b_id, b) = ends[rec["from"]], ends[rec["to"]]
            schema, own = self.edge_schema(rec["relation"], a, b)
            props: dict[str, list[str]] = {schema.edge_source: [a_id], schema.edge_target: [b_id]}
            if not own and rec["relation"] != "UnknownLink":
                props["role"] = [rec["relation"]]
                if directed.get(rec["relation"], True):
                    self.lost["the direction of a directed relation FtM has no schema for (UnknownLink)"] += 1
            self._time(schema, props, rec["time"])
            self._evidence(schema, props, rec, docs)
            for key, value in rec["attributes"].items():
                if key == "role" and "role" in props:
                    self.lost["the edge attribute 'role' (UnknownLink's role holds the relation)"] += 1
                    continue
                self.put(schema, props, key, value, "the edge attribute")
            if rec["confidence"] != top:
                self.lost["a confidence below the scale's highest"] += 1
            if rec["weight"] != weights.get(rec["relation"], 1.0):
                self.lost["an edge's weight"] += 1
            for field in ("alternative", "notes"):
                if rec[field]:
                    self.lost[f"an edge's {field}"] += 1
            out.append({"id": self.new_id(rec["id"]), "schema": schema.name, "properties": props})
        return out

    def _evidence(
        self, schema: Any, props: dict[str, list[str]], rec: Mapping[str, Any], docs: Mapping[str, str]
    ) -> None:
        """The edge's quotes as its ``summary`` (text, one value each) and its sources as its
        ``proof``; what an item says beyond its quote and source is counted lost."""
        evidence = rec["evidence"]
        items: list[Mapping[str, Any]] = (
            [{"quote": evidence}] if isinstance(evidence, str) else list(evidence or ())
        )
        quotes = [it["quote"] for it in items if it.get("quote")]
        if quotes:
            self.put(schema, props, "summary", quotes, "the evidence as")
        cited = [rec["source"], *(it.get("source") for it in items)]
        proof = list(dict.fromkeys(docs[x] for x in cited if x is not None))
        if proof:
            props["proof"] = proof
        if any(it.get("quote") and it.get("source") not in (None, rec["source"]) for it in items):
            self.lost["which source an evidence item quotes (its source is one more proof)"] += 1
        for key in ("credibility", "confidence", "time"):
            n = sum(1 for it in items if it.get(key) is not None)
            if n:
                self.lost[f"an evidence item's {key}"] += n

    def _time(self, schema: Any, props: dict[str, list[str]], time: Any) -> None:
        if time is None:
            return
        if isinstance(time, Mapping):
            first, last = time.get("from"), time.get("to")
        elif isinstance(time, str) and "/" in time:  # "2014-03/", "2016/2020-11"
            first, last = (part or None for part in time.split("/", 1))
        else:
            self.put(schema, props, "date", time, "the time as")
            return
        if first is not None:
            self.put(schema, props, "startDate", first, "the time's start as")
        if last is not None:
            self.put(schema, props, "endDate", last, "the time's end as")


def dumps(chart: LinkChart) -> str:
    """The chart as FollowTheMoney JSON lines: its sources' documents, its nodes, its edges.

    What FtM cannot hold is listed in one :class:`FtmLossWarning` (see the module notes).

    Examples
    --------
    >>> import json, linkchart
    >>> c = linkchart.from_records([{"id": "acme", "type": "Company", "label": "ACME Ltd"},
    ...     {"id": "jdoe", "type": "Person", "label": "J. Doe"}],
    ...     [{"from": "jdoe", "relation": "Ownership", "to": "acme", "time": {"from": 2001, "to": None}}])
    >>> [json.loads(line)["schema"] for line in dumps(c).splitlines()]
    ['Company', 'Person', 'Ownership']
    >>> json.loads(dumps(c).splitlines()[2])["properties"]
    {'owner': ['jdoe'], 'asset': ['acme'], 'startDate': ['2001']}
    """
    writer = _Writer(chart)
    node_records, edge_records = to_records(chart)
    docs, doc_ids = writer.documents()
    nodes, ends = writer.nodes(node_records)
    edges = writer.edges(edge_records, ends, doc_ids)
    if chart.vocabulary.grades != Grades.default():
        writer.lost["the file's grades: (its grade tables and rule of corroboration)"] += 1
    if writer.lost:
        listed = "; ".join(f"{what}: {n}" for what, n in sorted(writer.lost.items()))
        warnings.warn(FtmLossWarning(f"FollowTheMoney cannot hold {listed}"), stacklevel=2)
    return "".join(json.dumps(e, ensure_ascii=False, allow_nan=False) + "\n" for e in (*docs, *nodes, *edges))
