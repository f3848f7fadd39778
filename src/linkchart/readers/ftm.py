"""FollowTheMoney (OCCRP Aleph, OpenSanctions): JSON lines of entities, to records, or located problems.

A FollowTheMoney file holds one entity a line: ``{"id": ..., "schema": ..., "properties":
{name: [text, ...]}}``. Each line goes through :func:`~.jsontext.read_json` (bounded
nesting and numbers, no NaN, no lone surrogate, no repeated key) and is then checked with
the ``followthemoney`` library (the optional extra ``linkchart[ftm]``): a schema it does
not define, a property the schema does not have, a value its type refuses (a date that is
not one, an id that is not an entity id) is an ``ftm-invalid`` problem at its line.

The mapping (``docs/ftm.md``):

- An entity of a schema FtM defines as an **edge** (its ``edge:`` definition: Membership,
  Directorship, Ownership, Family, Associate, UnknownLink, Employment, Payment, ...) is an
  edge from its ``edge.source`` to its ``edge.target`` property (one edge per pair when a
  property holds several), its relation the schema's name (an UnknownLink's one ``role``,
  when it has one), directed as the schema says; its time from ``startDate``/``endDate``
  (else ``date``), to the day.
- **Provenance**: an edge's ``proof`` naming a document of the file (a ``Document``,
  ``Article``, ``Pages`` ...) cites that document as its source (title, author,
  ``publishedAt`` and ``sourceUrl``); else its ``sourceUrl`` and ``publisher`` make a
  source; its ``summary`` is the evidence; ``recordId`` stays an attribute. Several
  ``summary`` values, or several ``proof`` documents, make an evidence list: each summary
  a quote, each document after the first an unquoted item of its source.
- **Every other entity** is a node: its type the schema's name, its label its first
  ``name`` (every name kept as the attribute ``name`` when it has several), its aliases its
  ``alias`` values. A document that some edge cites and no edge joins is a source only.
- **Every other property** is a free attribute (one value as text, several as a list).

What cannot be mapped is listed in a warning at its first line: an edge whose end is no
entity of the file (left out), a second value of an edge's date, a time of day.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Final

from ..errors import LoadError, Problem
from .convention import Read, json_kind, utf8
from .jsontext import read_json

__all__ = [
    "DOCUMENT_SCHEMA",
    "PROVENANCE",
    "TIME_PROPERTIES",
    "EntityLine",
    "ftm_model",
    "read_ftm",
]

TIME_PROPERTIES: Final = ("startDate", "endDate", "date")
"""An edge entity's date properties, read as its time."""
PROVENANCE: Final = ("proof", "sourceUrl", "publisher", "summary")
"""An edge entity's properties read as its source and evidence (``recordId`` stays an attribute)."""
DOCUMENT_SCHEMA: Final = "Document"
"""The schema whose descendants are documents: a source when an edge's ``proof`` names one."""
_ROLE: Final = "role"
_LINE_PATH: Final = re.compile(r"(nodes|edges)\[(\d+)\]")
_MAX_LISTED: Final = 5


def ftm_model() -> Any:
    """The ``followthemoney`` library's model.

    Raises
    ------
    LinkchartError
        When the library is not installed (it is the optional extra ``linkchart[ftm]``).
    """
    try:
        from followthemoney import model
    except ImportError:  # pragma: no cover - the dev extra installs it
        from ..errors import LinkchartError

        raise LinkchartError(
            "reading or writing FollowTheMoney needs the followthemoney library: "
            "pip install 'linkchart[ftm]'",
            code="bad-argument",
        ) from None
    return model


@dataclass
class EntityLine:
    """One entity of the file, checked: its line, id, schema and properties (name -> values)."""

    line: int
    id: str
    schema: Any
    properties: dict[str, list[str]]


def _invalid(message: str, file: str, line: int, hint: str, path: str = "") -> Problem:
    return Problem("ftm-invalid", message, path or f"entities[{line - 1}]", file, line, None, hint)


def _entity(data: Any, model: Any, file: str, line: int, problems: list[Problem]) -> EntityLine | None:
    """The entity of one line, checked against the model; its problems to ``problems``."""
    here = f"entities[{line - 1}]"
    if not isinstance(data, Mapping):
        problems.append(_invalid(f"an entity must be an object, not {json_kind(data)}", file, line, ""))
        return None
    found = len(problems)
    eid, name, props = data.get("id"), data.get("schema"), data.get("properties", {})
    schema = model.get(name) if isinstance(name, str) else None
    if not isinstance(eid, str) or not eid:
        problems.append(_invalid("an entity needs an 'id' (text)", file, line, "", f"{here}.id"))
    if schema is None:
        problems.append(
            _invalid(
                f"{name!r} is not a FollowTheMoney schema",
                file,
                line,
                "write a schema FtM defines (Person, Company, Ownership ...)",
                f"{here}.schema",
            )
        )
    elif schema.abstract:
        problems.append(
            _invalid(
                f"the schema {name!r} is abstract", file, line, "write a concrete schema", f"{here}.schema"
            )
        )
    if not isinstance(props, Mapping):
        problems.append(_invalid("'properties' must be an object", file, line, "", f"{here}.properties"))
        props = {}
    out: dict[str, list[str]] = {}
    for key, values in props.items():
        where = f"{here}.properties.{key}"
        if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
            problems.append(_invalid("a property must be a list of text", file, line, "", where))
            continue
        prop = schema.get(key) if schema is not None and not schema.abstract else None
        if schema is not None and not schema.abstract and prop is None:
            problems.append(
                _invalid(f"the schema {name!r} has no property {key!r}", file, line, "check the name", where)
            )
            continue
        bad = [v for v in values if prop is not None and not prop.type.validate(v)]
        if bad and prop is not None:
            problems.append(
                _invalid(
                    f"{bad[0]!r} is not a valid {prop.type.name}",
                    file,
                    line,
                    "",
                    f"{where}[{values.index(bad[0])}]",
                )
            )
            continue
        if values:
            out[str(key)] = values
    if len(problems) > found or schema is None or not isinstance(eid, str):
        return None
    return EntityLine(line, eid, schema, out)


def _lines(text: str, file: str, model: Any) -> tuple[list[EntityLine], list[Problem]]:
    entities: list[EntityLine] = []
    problems: list[Problem] = []
    for k, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            data = read_json(line, file, path=f"entities[{k - 1}]", line=k)
        except LoadError as err:
            problems.extend(err.problems)
            continue
        entity = _entity(data, model, file, k, problems)
        if entity is not None:
            entities.append(entity)
    return entities, problems


def _value(values: list[str]) -> str | list[str]:
    return values[0] if len(values) == 1 else list(values)


def _day(value: str) -> str:
    return value[:10]


@dataclass
class _Unmapped:
    """What the mapping leaves out: kind -> the lines where it was found."""

    file: str
    found: dict[str, list[int]] = field(default_factory=dict)

    def add(self, kind: str, line: int) -> None:
        self.found.setdefault(kind, []).append(line)

    def warnings(self) -> list[Problem]:
        out = []
        for kind, lines in self.found.items():
            shown = ", ".join(map(str, lines[:_MAX_LISTED])) + (" ..." if len(lines) > _MAX_LISTED else "")
            out.append(
                Problem(
                    "unknown-field",
                    f"not mapped from FollowTheMoney: {kind} ({len(lines)}; "
                    f"line{'s' if len(lines) > 1 else ''} {shown})",
                    f"entities[{lines[0] - 1}]",
                    self.file,
                    lines[0],
                    None,
                    "docs/ftm.md says what linkchart reads of a FollowTheMoney file",
                )
            )
        return out


class _Sources:
    """linkchart sources made from documents and from ``sourceUrl``/``publisher``, in order of use."""

    def __init__(self, documents: Mapping[str, EntityLine]) -> None:
        self.documents = documents
        self.records: dict[str, dict[str, str]] = {}
        self._by_key: dict[tuple[str, str], str] = {}

    def of_document(self, doc: EntityLine) -> str:
        if doc.id not in self.records:
            p = doc.properties
            rec = {"id": doc.id, "title": (p.get("title") or p.get("name") or [doc.id])[0]}
            for ours, theirs in (("author", "author"), ("date", "publishedAt"), ("location", "sourceUrl")):
                if p.get(theirs):
                    rec[ours] = _day(p[theirs][0]) if ours == "date" else p[theirs][0]
            self.records[doc.id] = rec
        return doc.id

    def of_url(self, url: str, publisher: str) -> str:
        key = (url, publisher)
        if key not in self._by_key:
            sid = f"source-{len(self._by_key) + 1}"
            while sid in self.records or sid in self.documents:
                sid += "-"
            rec = {"id": sid, "title": publisher or url}
            if url:
                rec["location"] = url
            self.records[sid] = rec
            self._by_key[key] = sid
        return self._by_key[key]


def _edge_time(e: EntityLine, unmapped: _Unmapped) -> Any:
    p = e.properties
    for name in TIME_PROPERTIES:
        if len(p.get(name, [])) > 1:
            unmapped.add(f"a second value of {name}", e.line)
        if any(len(v) > 10 for v in p.get(name, [])):
            unmapped.add("a time of day", e.line)
    start, end = (p.get(n, [None])[0] for n in ("startDate", "endDate"))
    if start is not None or end is not None:
        if p.get("date"):
            unmapped.add("a date beside startDate/endDate", e.line)
        return {"from": None if start is None else _day(start), "to": None if end is None else _day(end)}
    return _day(p["date"][0]) if p.get("date") else None


def _records(
    entities: list[EntityLine], file: str
) -> tuple[
    list[dict[str, Any]],
    list[dict[str, Any]],
    list[bool],
    list[dict[str, str]],
    list[int],
    list[int],
    list[Problem],
]:
    edges_of = [e for e in entities if e.schema.edge]
    by_id = {e.id: e for e in entities}
    documents = {e.id: e for e in entities if e.schema.is_a(DOCUMENT_SCHEMA)}
    ends = {
        v
        for e in edges_of
        for side in (e.schema.edge_source, e.schema.edge_target)
        for v in e.properties.get(side, [])
    }
    cited = {v for e in edges_of for v in e.properties.get("proof", []) if v in documents}
    unmapped = _Unmapped(file)
    sources = _Sources(documents)
    nodes: list[dict[str, Any]] = []
    node_lines: list[int] = []
    for e in entities:
        if e.schema.edge or (e.id in cited and e.id not in ends):
            continue
        attrs = {k: _value(v) for k, v in e.properties.items() if k != "alias"}
        names = e.properties.get("name", [])
        if len(names) == 1:
            del attrs["name"]
        nodes.append(
            {
                "id": e.id,
                "type": e.schema.name,
                "label": names[0] if names else e.id,
                "aliases": list(
                    dict.fromkeys(a for a in e.properties.get("alias", []) if a != (names or [e.id])[0])
                ),
                "attributes": attrs,
            }
        )
        node_lines.append(e.line)
    edges: list[dict[str, Any]] = []
    edge_lines: list[int] = []
    directed: list[bool] = []
    for e in edges_of:
        s, p = e.schema, e.properties
        pairs = [(a, b) for a in p.get(s.edge_source, []) for b in p.get(s.edge_target, [])]
        missing = [v for a, b in pairs for v in (a, b) if v not in by_id]
        if not pairs or missing:
            unmapped.add("an edge with an end that is no entity of the file (left out)", e.line)
            continue
        roles = p.get(_ROLE, []) if s.name == "UnknownLink" else []
        relation = roles[0] if len(roles) == 1 else s.name
        used = {
            s.edge_source,
            s.edge_target,
            *TIME_PROPERTIES,
            *PROVENANCE,
            *([_ROLE] if len(roles) == 1 else []),
        }
        proof = [v for v in p.get("proof", []) if v in documents]
        if proof:
            source: str | None = sources.of_document(documents[proof[0]])
            used -= {"sourceUrl", "publisher"}
        elif p.get("sourceUrl") or p.get("publisher"):
            source = sources.of_url(p.get("sourceUrl", [""])[0], p.get("publisher", [""])[0])
        else:
            source = None
        evidence = _evidence(p.get("summary", []), [sources.of_document(documents[d]) for d in proof])
        if any(v not in documents for v in p.get("proof", [])):
            used.discard("proof")
        attrs = {k: _value(v) for k, v in p.items() if k not in used}
        time = _edge_time(e, unmapped)
        for k, (a, b) in enumerate(pairs):
            row: dict[str, Any] = {
                "id": e.id if len(pairs) == 1 else f"{e.id}.{k}",
                "from": a,
                "to": b,
                "relation": relation,
                "attributes": attrs,
            }
            if source is not None:
                row["source"] = source
            if evidence:
                row["evidence"] = evidence
            if time is not None:
                row["time"] = time
            edges.append(row)
            edge_lines.append(e.line)
            directed.append(bool(s.edge_directed))
    return nodes, edges, directed, list(sources.records.values()), node_lines, edge_lines, unmapped.warnings()


def _evidence(summaries: list[str], cited: list[str]) -> str | list[dict[str, str]]:
    """An edge's evidence from its ``summary`` values and the sources of its ``proof``
    documents (the first its own): one summary and one source, that quote; else an evidence
    list, each summary a quote (of the edge's source: FtM does not say whose), each further
    source an unquoted item of it (the first too, where no summary quotes it). A summary is
    only ever read as a quote as written."""
    if len(cited) <= 1 and len(summaries) <= 1:
        return summaries[0] if summaries else ""
    unquoted = dict.fromkeys(cited[1:] if summaries else cited)
    return [{"quote": q} for q in summaries] + [{"source": s} for s in unquoted]


def read_ftm(raw: bytes, file: str) -> Read:
    """The nodes, edges and sources of a FollowTheMoney JSON-lines file (see the module notes).

    Raises
    ------
    LoadError
        For a line that is not bounded JSON, not an entity, or not valid FtM
        (``ftm-invalid``), each at its line; nothing is read then.
    """
    model = ftm_model()
    entities, problems = _lines(utf8(raw, file), file, model)
    if problems:
        raise LoadError(problems)
    seen: dict[str, int] = {}
    for e in entities:
        if e.id in seen:
            problems.append(
                Problem(
                    "duplicate-node",
                    f"the id {e.id!r} is also the entity of line {seen[e.id]}",
                    f"entities[{e.line - 1}].id",
                    file,
                    e.line,
                    None,
                    "merge the two entities into one line",
                )
            )
        seen.setdefault(e.id, e.line)
    if problems:
        raise LoadError(problems)
    nodes, edges, directed, sources, node_lines, edge_lines, warned = _records(entities, file)
    lines = {f"nodes[{i}]": n for i, n in enumerate(node_lines)} | {
        f"edges[{i}]": n for i, n in enumerate(edge_lines)
    }
    return Read(
        None,
        nodes,
        edges,
        lines=lines,
        place=_placer(lines),
        directed=directed,
        warnings=warned,
        sources=sources,
    )


def _placer(lines: Mapping[str, int]) -> Callable[[Problem], Problem]:
    """A loader problem (``edges[3].to``) at the entity's line (``entities[6]``)."""

    def place(p: Problem) -> Problem:
        found = _LINE_PATH.match(p.path)
        line = lines.get(found[0]) if found else None
        if line is None:
            return p
        return replace(
            p, path=f"entities[{line - 1}]" + p.path[found.end() :] if found else p.path, line=line
        )

    return place
