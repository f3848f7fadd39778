"""STIX 2.1 bundles: the file, to records, or located problems (the writer is :mod:`linkchart.stix`).

The bundle goes through :func:`~.jsontext.read_json` (bounded nesting and numbers, no NaN,
no lone surrogate, no repeated key), then the ``stix2`` library validates every object;
an invalid one is a ``stix-invalid`` problem at its place in ``objects``. A bundle with
linkchart's ``grouping`` is read exactly: its ``x_linkchart_header`` (JSON text) must be an
object, each ``x_linkchart_node``/``x_linkchart_edge`` an object. A bundle from another tool
is read by a plain mapping (every SDO with a name a node, every relationship between two of
them an edge); a custom object's ``name`` must be text and its ``aliases`` a list of text.
A problem the common loader finds (``edges[3].to``) is placed at the object it came from
(``objects[7].x_linkchart_edge.to``).
"""

from __future__ import annotations

import datetime as dt
import re
import warnings
from collections import Counter
from collections.abc import Mapping
from typing import Any, Final

from ..errors import LoadError, Problem
from .convention import Read, in_header, json_kind, utf8, wrong_type
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
    return _foreign(objects, file)


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
        return Problem(p.code, p.message, path, p.file, p.line, p.row, p.hint)

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
    records_place = _two(
        _placed(at["node"], ".x_linkchart_node", {}), _placed(at["edge"], ".x_linkchart_edge", {})
    )
    return Read(
        dict(header), records["node"], records["edge"], place=lambda p: records_place(in_header(p, where))
    )


def _foreign(objects: list[Mapping[str, Any]], file: str) -> Read:
    left: Counter[str] = Counter()
    problems: list[Problem] = []
    nodes: list[dict[str, Any]] = []
    node_at: list[int] = []
    known: set[str] = set()
    for k, o in enumerate(objects):
        kind = str(o.get("type", ""))
        if kind in _NOT_NODES or "name" not in o:  # observables (SCOs) have no name
            if kind != "relationship":
                left[kind] += 1
            continue
        name, aliases = o["name"], o.get("aliases", [])
        if not isinstance(name, str):
            problems.append(
                wrong_type(f"the name must be text, not {json_kind(name)}", file, f"objects[{k}].name")
            )
            continue
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            problems.append(
                wrong_type(
                    "'aliases' must be a list of text",
                    file,
                    f"objects[{k}].aliases",
                    hint='write e.g. "aliases": ["GX", "Group X"]',
                )
            )
            continue
        nid = str(o["id"])
        known.add(nid)
        attrs = {
            a: v for a, v in o.items() if a in ("description", "country", "region", "first_seen", "last_seen")
        }
        row: dict[str, Any] = {"id": nid, "type": kind.replace("-", "_"), "label": name, "attributes": attrs}
        distinct = [a for a in dict.fromkeys(aliases) if a != name]
        if distinct:
            row["aliases"] = distinct
        nodes.append(row)
        node_at.append(k)
    edges: list[dict[str, Any]] = []
    edge_at: list[int] = []
    for k, o in enumerate(objects):
        if o.get("type") != "relationship":
            continue
        a, b = o.get("source_ref"), o.get("target_ref")
        if a not in known or b not in known:
            left["relationship to an object not in the bundle"] += 1
            continue
        confidence = o.get("confidence")
        level = "reported"
        if isinstance(confidence, int | float) and not isinstance(confidence, bool):
            level = min(
                (("confirmed", 95), ("reported", 75), ("alleged", 50), ("possible", 25)),
                key=lambda kv: abs(kv[1] - confidence),
            )[0]
        relation = str(o.get("relationship_type", "related-to")).replace("-", "_")
        edge = {"from": a, "to": b, "relation": relation, "confidence": level}
        if o.get("description"):
            edge["evidence"] = str(o["description"])
        start, stop = o.get("start_time"), o.get("stop_time")
        if start or stop:
            try:
                edge["time"] = _times(start, stop)
            except (ValueError, OverflowError):
                field = "start_time" if start and _day(start) is None else "stop_time"
                problems.append(
                    Problem(
                        "bad-time",
                        f"the {field} {o.get(field)!r} is outside the days linkchart reads "
                        "(0001-01-01 to 9999-12-31, a stop_time exclusive)",
                        f"objects[{k}].{field}",
                        file,
                        None,
                        None,
                        "check the date",
                    )
                )
                continue
        edges.append(edge)
        edge_at.append(k)
    if problems:
        raise LoadError(problems)
    if left:
        warnings.warn(
            "STIX import left out: " + ", ".join(f"{n} {k}" for k, n in sorted(left.items())), stacklevel=4
        )
    place = _two(_placed(node_at, "", _FOREIGN_FIELDS), _placed(edge_at, "", _FOREIGN_FIELDS))
    return Read(None, nodes, edges, place=place)


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
