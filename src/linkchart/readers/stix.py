"""STIX 2.1 bundles: the file, to records, or located problems (the writer is :mod:`linkchart.writers.stix`).

The bundle goes through :func:`~.jsontext.read_json` (bounded nesting and numbers, no NaN,
no lone surrogate, no repeated key), then the ``stix2`` library validates every object;
an invalid one is a ``stix-invalid`` problem at its place in ``objects``. A bundle with
linkchart's ``grouping`` is read exactly: its ``x_linkchart_header`` (JSON text) must be an
object, each ``x_linkchart_node``/``x_linkchart_edge`` an object, and where a platform has
edited a standard field (a relationship's ``source_ref``, ``target_ref``,
``relationship_type``, ``confidence``, ``description``; an object's ``name``, ``aliases``)
the standard field wins over the ``x_linkchart_*`` copy (:class:`_Standard`; a ``start_time``
or ``stop_time`` is read from the copy, which holds the time exactly). A bundle from another tool
is read by a plain mapping (every SDO with a name a node, every relationship between two of
them an edge; what is left out said in a warning, a relationship to no object of the bundle
at its place); a custom object's ``name`` must be text and its ``aliases`` a list of text.
A problem the common loader finds (``edges[3].to``) is placed at the object it came from
(``objects[7].x_linkchart_edge.to``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections import Counter
from collections.abc import Mapping
from typing import Any, Final

from ..errors import LoadError, Problem
from ..vocabulary import DEFAULT_CONFIDENCE
from .convention import Read, evidence_text, in_header, json_kind, utf8, wrong_type
from .jsontext import read_json

__all__ = ["read_bundle", "read_stix"]

_NOT_NODES: Final = frozenset(
    {"relationship", "sighting", "marking-definition", "language-content", "extension-definition"}
)
_FOREIGN_FIELDS: Final = {
    "label": "name",
    "from": "source_ref",
    "to": "target_ref",
    "relation": "relationship_type",
    "evidence": "description",
    "time": "start_time",
    "confidence": "confidence",
}
_MAX_WARNED: Final = 50
"""At most this many relationships to no object of the bundle are warned of one by one."""
_RECORD: Final = re.compile(r"(nodes|edges)\[(\d+)\](?:\.([^.\[]+))?")


def read_stix(raw: bytes, file: str) -> Read:
    """The header, nodes and edges of a STIX 2.1 bundle file (see :func:`read_bundle`)."""
    return read_bundle(utf8(raw, file), file)


def read_bundle(text: str, file: str) -> Read:
    """The header (``None`` for another tool's bundle), nodes and edges of a STIX 2.1 bundle.

    Raises
    ------
    LoadError
        For JSON that :func:`~.jsontext.read_json` refuses, a file that is not a bundle,
        an object that is not valid STIX 2.1, a linkchart header of bad JSON or not an
        object, a custom property or field of the wrong type, a time STIX allows but
        linkchart cannot read (``stop_time: 0001-01-01``).
    """
    bundle = read_json(text, file)
    if (
        not isinstance(bundle, Mapping)
        or bundle.get("type") != "bundle"
        or not isinstance(bundle.get("objects"), list)
    ):
        raise LoadError(
            [
                wrong_type(
                    "not a STIX bundle: no 'objects' list",
                    file,
                    "",
                    hint="a STIX 2.1 bundle is {type: bundle, objects: [...]}",
                )
            ]
        )
    objects: list[Any] = bundle["objects"]
    _validate(text, objects, file)
    grouping = next(
        (k for k, o in enumerate(objects) if o.get("type") == "grouping" and "x_linkchart_header" in o), None
    )
    if grouping is not None:
        return _linkchart(objects, grouping, file)
    elsewhere = next((k for k, o in enumerate(objects) if "x_linkchart_header" in o), None)
    if elsewhere is not None:  # linkchart's data that cannot be read exactly: never read another way
        kind = objects[elsewhere].get("type")
        raise LoadError([wrong_type(
            f"the linkchart header is on a {kind!r} object, not the bundle's grouping",
            file, f"objects[{elsewhere}].x_linkchart_header",
            hint="export the chart again with linkchart, or remove x_linkchart_header to read it as "
            "another tool's bundle",
        )])  # fmt: skip
    return _Foreign(objects, file).read()


def _validate(text: str, objects: list[Any], file: str) -> None:
    """Every object valid STIX 2.1 (the ``stix2`` library), or ``stix-invalid`` problems at each bad one."""
    import stix2

    try:
        stix2.parse(text, allow_custom=True)
        return
    except Exception:  # stix2 raises many kinds for invalid STIX: find which objects
        pass
    problems = []
    for k, o in enumerate(objects):
        try:
            stix2.parse(o, allow_custom=True)
        except Exception as err:
            problems.append(
                Problem(
                    "stix-invalid",
                    f"invalid STIX 2.1: {err}",
                    f"objects[{k}]",
                    file,
                    None,
                    None,
                    "validate the bundle with a STIX 2.1 validator",
                )
            )
        if len(problems) >= 50:
            break
    if not problems:
        problems.append(
            Problem(
                "stix-invalid",
                "invalid STIX 2.1 bundle",
                "",
                file,
                None,
                None,
                "validate the bundle with a STIX 2.1 validator",
            )
        )
    raise LoadError(problems)


def _placed(at: list[int], prefix: str, rename: Mapping[str, str]) -> Any:
    """A placer of loader problems: ``nodes[j].f`` -> ``objects[at[j]]{prefix}.{rename[f]}``."""

    def place(p: Problem) -> Problem:
        found = _RECORD.match(p.path)
        if found is None or not 0 <= int(found[2]) < len(at):
            return p
        name = rename.get(found[3] or "", found[3] or "")
        path = f"objects[{at[int(found[2])]}]{prefix}" + (f".{name}" if name else "") + p.path[found.end() :]
        return dataclasses.replace(p, path=path)

    return place


def _two(nodes: Any, edges: Any) -> Any:
    """One placer of node problems by ``nodes`` and edge problems by ``edges``."""
    return lambda p: edges(p) if p.path.startswith("edges[") else nodes(p)


def _linkchart(objects: list[Any], grouping: int, file: str) -> Read:
    problems: list[Problem] = []
    value = objects[grouping]["x_linkchart_header"]
    where = f"objects[{grouping}].x_linkchart_header"
    header: Any = None
    try:
        header = (
            read_json(value, file, path=where, where="the linkchart header")
            if isinstance(value, str)
            else value
        )
    except LoadError as err:
        problems.extend(err.problems)
    else:
        if not isinstance(header, Mapping):
            problems.append(
                wrong_type(
                    f"the linkchart header must be a JSON object, not {json_kind(header)}",
                    file,
                    where,
                    hint="export the chart again with linkchart",
                )
            )
    records: dict[str, list[dict[str, Any]]] = {"node": [], "edge": []}
    at: dict[str, list[int]] = {"node": [], "edge": []}
    for k, o in enumerate(objects):
        for kind in ("node", "edge"):
            key = f"x_linkchart_{kind}"
            if key not in o:
                continue
            if isinstance(o[key], Mapping):
                records[kind].append(dict(o[key]))
                at[kind].append(k)
            else:
                problems.append(
                    wrong_type(
                        f"{key} must be an object, not {json_kind(o[key])}", file, f"objects[{k}].{key}"
                    )
                )
    if problems:
        raise LoadError(problems)
    standard = _Standard(objects, header, file)
    for record, k in zip(records["node"], at["node"], strict=True):
        standard.node(record, k)
    edge_fields: list[dict[str, str]] = []
    for record, k in zip(records["edge"], at["edge"], strict=True):
        edge_fields.append(standard.edge(record, k))
    if standard.problems:
        raise LoadError(standard.problems)
    records_place = _two(_placed(at["node"], ".x_linkchart_node", {}), _placed_edges(at["edge"], edge_fields))
    return Read(
        dict(header), records["node"], records["edge"], place=lambda p: records_place(in_header(p, where))
    )


class _Standard:
    """The STIX standard fields of a linkchart bundle, which win over its ``x_linkchart_*`` copies.

    A platform (OpenCTI, MISP) edits a bundle through its standard fields: a relationship's
    ``source_ref``, ``target_ref``, ``relationship_type``, ``confidence`` and
    ``description``, an object's ``name`` and ``aliases``. Where one says something else
    than the ``x_linkchart_*`` record, the standard field is read: the ends are the nodes
    the refs name (a ref to no object of the bundle, or to an object that is not a node,
    is an ``unknown-node`` problem at the ref), the relation is the declared relation of
    that type, the confidence the level nearest to it, the evidence the description.
    """

    def __init__(self, objects: list[Any], header: Mapping[str, Any], file: str) -> None:
        self.objects = objects
        self.file = file
        self.problems: list[Problem] = []
        self.ids = {o.get("id") for o in objects}
        self.node_of = {
            o.get("id"): o["x_linkchart_node"].get("id")
            for o in objects
            if isinstance(o.get("x_linkchart_node"), Mapping)
        }
        scale = header.get("confidence", DEFAULT_CONFIDENCE)
        self.scale = (
            {k: float(v) for k, v in scale.items()}
            if isinstance(scale, Mapping)
            and all(isinstance(v, int | float) and not isinstance(v, bool) for v in scale.values())
            else {}
        )
        relations = header.get("relations")
        self.relations = (
            {_stix_type(r): r for r in relations if isinstance(r, str)}
            if isinstance(relations, Mapping)
            else {}
        )

    def node(self, record: dict[str, Any], k: int) -> None:
        o = self.objects[k]
        name = o.get("name")
        if isinstance(name, str) and name != record.get("label", record.get("id")):
            record["label"] = name
        aliases = o.get("aliases")
        if isinstance(aliases, list) and aliases != record.get("aliases", []):
            record["aliases"] = aliases

    def edge(self, record: dict[str, Any], k: int) -> dict[str, str]:
        """Read the standard fields of relationship ``k`` into ``record``; return the fields taken
        from them (record field -> STIX field), where a problem of the field is placed."""
        o = self.objects[k]
        taken: dict[str, str] = {}
        if o.get("type") != "relationship":
            return taken
        for ref_field, end in (("source_ref", "from"), ("target_ref", "to")):
            ref = o.get(ref_field)
            if ref in self.node_of:
                if self.node_of[ref] != record.get(end):
                    record[end] = self.node_of[ref]
                    taken[end] = ref_field
                continue
            what = (
                "an object that is not a node of the chart" if ref in self.ids else "no object of the bundle"
            )
            self.problems.append(
                Problem(
                    "unknown-node",
                    f"the {ref_field} {ref!r} names {what}",
                    f"objects[{k}].{ref_field}",
                    self.file,
                    None,
                    None,
                    "name a node's object (one with x_linkchart_node) of this bundle",
                )
            )
        kind = o.get("relationship_type")
        if isinstance(kind, str) and kind != _stix_type(record.get("relation")):
            record["relation"] = self.relations.get(kind, kind.replace("-", "_"))
            taken["relation"] = "relationship_type"
        confidence = o.get("confidence")
        level = record.get("confidence")
        if isinstance(confidence, int) and not isinstance(confidence, bool) and self.scale:
            if level not in self.scale or round(100 * self.scale[level]) != confidence:
                record["confidence"] = min(self.scale, key=lambda n: abs(100 * self.scale[n] - confidence))
                taken["confidence"] = "confidence"
        description = o.get("description", "")
        if isinstance(description, str) and description != evidence_text(record.get("evidence") or ""):
            record["evidence"] = description
            taken["evidence"] = "description"
        return taken


def _stix_type(relation: Any) -> str:
    """The ``relationship_type`` the writer makes of a relation (``patron_of`` -> ``patron-of``)."""
    return str(relation).replace("_", "-").lower()


def _placed_edges(at: list[int], taken: list[dict[str, str]]) -> Any:
    """A placer of edge problems: at the standard field an edge's value was taken from, else
    at its ``x_linkchart_edge`` field."""

    def place(p: Problem) -> Problem:
        found = _RECORD.match(p.path)
        if found is None or not 0 <= int(found[2]) < len(at):
            return p
        j, name = int(found[2]), found[3] or ""
        field = taken[j].get(name)
        name = "cites" if name == "source" else name  # the record's field, as the bundle names it
        inner = f".{field}" if field else ".x_linkchart_edge" + (f".{name}" if name else "")
        return dataclasses.replace(p, path=f"objects[{at[j]}]{inner}" + p.path[found.end() :])

    return place


class _Foreign:
    """Another tool's bundle by a plain mapping: its named objects, the relationships between
    them, the problems and what is left out."""

    def __init__(self, objects: list[Mapping[str, Any]], file: str) -> None:
        self.objects = objects
        self.file = file
        self.left: Counter[str] = Counter()
        self.problems: list[Problem] = []
        self.warned: list[Problem] = []

    def nodes(self) -> tuple[list[dict[str, Any]], list[int]]:
        """The node of each named object (an SDO) and where it is in ``objects``."""
        nodes: list[dict[str, Any]] = []
        at: list[int] = []
        for k, o in enumerate(self.objects):
            kind = str(o.get("type", ""))
            if kind in _NOT_NODES or "name" not in o:  # observables (SCOs) have no name
                if kind != "relationship":
                    self.left[kind] += 1
                continue
            name, aliases = o["name"], o.get("aliases", [])
            if not isinstance(name, str):
                self.problems.append(
                    wrong_type(
                        f"the name must be text, not {json_kind(name)}", self.file, f"objects[{k}].name"
                    )
                )
                continue
            if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
                self.problems.append(
                    wrong_type(
                        "'aliases' must be a list of text",
                        self.file,
                        f"objects[{k}].aliases",
                        hint='write e.g. "aliases": ["GX", "Group X"]',
                    )
                )
                continue
            attrs = {a: v for a, v in o.items() if a in _KEPT}
            row: dict[str, Any] = {
                "id": str(o["id"]),
                "type": kind.replace("-", "_"),
                "label": name,
                "attributes": attrs,
            }
            distinct = [a for a in dict.fromkeys(aliases) if a != name]
            if distinct:
                row["aliases"] = distinct
            nodes.append(row)
            at.append(k)
        return nodes, at

    def edges(self, known: set[str]) -> tuple[list[dict[str, Any]], list[int]]:
        """The edge of each relationship between two ``known`` nodes and where it is in ``objects``."""
        edges: list[dict[str, Any]] = []
        at: list[int] = []
        ids = {o.get("id") for o in self.objects}
        for k, o in enumerate(self.objects):
            if o.get("type") != "relationship":
                continue
            a, b = o.get("source_ref"), o.get("target_ref")
            if a not in known or b not in known:
                self._left_out(k, [f for f in ("source_ref", "target_ref") if o.get(f) not in ids])
                continue
            edge = {
                "from": a,
                "to": b,
                "relation": str(o.get("relationship_type", "related-to")).replace("-", "_"),
            }
            edge["confidence"] = _level(o.get("confidence"))
            if o.get("description"):
                edge["evidence"] = str(o["description"])
            start, stop = o.get("start_time"), o.get("stop_time")
            if start or stop:
                try:
                    edge["time"] = _times(start, stop)
                except (ValueError, OverflowError):
                    field = "start_time" if start and _day(start) is None else "stop_time"
                    self.problems.append(
                        Problem(
                            "bad-time",
                            f"the {field} {o.get(field)!r} is outside the days linkchart reads "
                            "(0001-01-01 to 9999-12-31, a stop_time exclusive)",
                            f"objects[{k}].{field}",
                            self.file,
                            None,
                            None,
                            "check the date",
                        )
                    )
                    continue
            edges.append(edge)
            at.append(k)
        return edges, at

    def _left_out(self, k: int, dangling: list[str]) -> None:
        """Count relationship ``k`` as left out; one whose refs name no object is said at its place."""
        if not dangling:
            self.left["relationship to an object that is not a node"] += 1
            return
        self.left["relationship to an object not in the bundle"] += 1
        if len(self.warned) < _MAX_WARNED:
            ref = self.objects[k].get(dangling[0])
            self.warned.append(
                Problem(
                    "unknown-node",
                    f"the {dangling[0]} {ref!r} names no object of the bundle: the relationship is left out",
                    f"objects[{k}].{dangling[0]}",
                    self.file,
                    None,
                    None,
                    "add the object to the bundle, or check the id",
                )
            )

    def read(self) -> Read:
        nodes, node_at = self.nodes()
        edges, edge_at = self.edges({n["id"] for n in nodes})
        if self.problems:
            raise LoadError(self.problems)
        if self.left:
            self.warned.insert(
                0,
                Problem(
                    "wrong-type",
                    "STIX import left out: " + ", ".join(f"{n} {k}" for k, n in sorted(self.left.items())),
                    "",
                    self.file,
                    None,
                    None,
                    "linkchart reads the named objects (SDOs) and the relationships between them",
                ),
            )
        place = _two(_placed(node_at, "", _FOREIGN_FIELDS), _placed(edge_at, "", _FOREIGN_FIELDS))
        return Read(None, nodes, edges, place=place, warnings=self.warned)


_KEPT: Final = ("description", "country", "region", "first_seen", "last_seen")
"""The fields of a foreign STIX object kept as its node's attributes."""


def _level(confidence: Any) -> str:
    """The default scale's level nearest a STIX confidence (0-100; ``reported`` without one)."""
    if not isinstance(confidence, int | float) or isinstance(confidence, bool):
        return "reported"
    return min(
        (("confirmed", 95), ("reported", 75), ("alleged", 50), ("possible", 25)),
        key=lambda kv: abs(kv[1] - confidence),
    )[0]


def _day(stamp: Any) -> dt.date | None:
    """The day of a STIX timestamp, or ``None`` when it names none."""
    try:
        return dt.date.fromisoformat(str(stamp)[:10])
    except ValueError:
        return None


def _times(start: Any, stop: Any) -> Any:
    """A time value from STIX ``start_time`` / ``stop_time`` (exclusive): whole years and whole
    months are read back as written, anything else to the day.

    Raises
    ------
    ValueError
        For a timestamp that is not one, or a stop that leaves no day (``0001-01-01``).
    """
    first = dt.date.fromisoformat(str(start)[:10]) if start else None
    last = dt.date.fromisoformat(str(stop)[:10]) - dt.timedelta(days=1) if stop else None

    def whole(unit: str) -> bool:
        a = first is None or (first.day == 1 and (unit == "month" or first.month == 1))
        b = last is None or ((last + dt.timedelta(days=1)).day == 1 and (unit == "month" or last.month == 12))
        return a and b

    if whole("year"):
        return {"from": first.year if first else None, "to": last.year if last else None}
    if whole("month"):
        month = {"from": first.isoformat()[:7] if first else None}
        return {**month, "to": last.isoformat()[:7] if last else None}
    return {"from": first.isoformat() if first else None, "to": last.isoformat() if last else None}
