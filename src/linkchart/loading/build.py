"""Validate a document's columns and turn them into a :class:`~linkchart.model.LinkChart`.

This is the one place where the graph format's rules are checked. The front ends
(:mod:`.yamlfile` with :mod:`.document`, :mod:`.csvfile`, :mod:`.records`) only turn
their input into a :class:`Document` — header values plus the nodes and edges as
*columns* (one list per field) — and say where each path lies (:class:`Locator`).
:func:`build` then checks every column at once, collects every :class:`Problem`, and
either raises one :class:`~linkchart.errors.LoadError` or returns a finished chart: a
bad document never yields a half-built chart.

Columns are checked column-wise: each distinct value of a low-cardinality column
(relation, confidence, source, time, weight) is judged once and mapped to its code
with a dictionary lookup, so a million-edge CSV never costs a Python object per row
beyond the cells themselves.
"""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

import numpy as np

from ..errors import LoadError, Problem, ProblemCode, did_you_mean
from ..model import NO_YEAR, EdgeTable, LinkChart, NodeTable, Source
from ..vocabulary import DEFAULT_NODE_TYPES, ConfidenceScale, NodeType, Relation, Vocabulary

__all__ = [
    "ABSENT",
    "EDGE_FIELDS",
    "MAX_YEAR",
    "MIN_YEAR",
    "NODE_FIELDS",
    "RESERVED_EDGE_NAMES",
    "RESERVED_NODE_NAMES",
    "Document",
    "Locator",
    "Problems",
    "Section",
    "build",
    "parse_time",
    "rows_to_section",
    "top_level",
]


class _Absent:
    """The marker for a field that was not written (distinct from an explicit ``null``)."""

    _instance: _Absent | None = None

    def __new__(cls) -> _Absent:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "ABSENT"

    def __bool__(self) -> bool:
        return False


ABSENT: Final = _Absent()
"""A field that was not written. An explicit ``null`` is ``None``."""

NODE_FIELDS: Final = ("id", "type", "label", "aliases", "attributes")
"""The keys a node may have."""

EDGE_FIELDS: Final = (
    "id",
    "from",
    "relation",
    "to",
    "confidence",
    "evidence",
    "source",
    "time",
    "weight",
    "attributes",
)
"""The keys an edge may have."""

RESERVED_NODE_NAMES: Final = frozenset({"id", "type", "label", "aliases"})
"""Names a free node attribute may not take."""

RESERVED_EDGE_NAMES: Final = frozenset(
    {
        "id",
        "from",
        "to",
        "relation",
        "directed",
        "confidence",
        "probability",
        "weight",
        "evidence",
        "source",
        "time",
        "time_from",
        "time_to",
    }
)
"""Names a free edge attribute may not take."""

MIN_YEAR: Final = 1
MAX_YEAR: Final = 9999

_TOP_KEYS: Final = (
    "linkchart",
    "title",
    "description",
    "sources",
    "confidence",
    "defaults",
    "node_types",
    "relations",
    "nodes",
    "edges",
)
_SOURCE_KEYS: Final = ("id", "title", "author", "date", "location")
_NODE_TYPE_KEYS: Final = ("color", "shape", "description")
_RELATION_KEYS: Final = ("directed", "source_types", "target_types", "weight", "description")
_DEFAULT_KEYS: Final = ("source", "confidence")

# Keys people write by habit, and what the format calls them.
_KEY_HINTS: Final[Mapping[str, str]] = {
    "source_id": "write 'source'",
    "target": "did you mean 'to'? (edges go from -> to)",
    "dst": "did you mean 'to'?",
    "src": "did you mean 'from'?",
    "directed": "directedness belongs to the relation: declare it under 'relations'",
    "time_from": "write the time as 'time: {from: 1999, to: 2001}' or 'time: 1999-2001'",
    "time_to": "write the time as 'time: {from: 1999, to: 2001}' or 'time: 1999-2001'",
    "probability": "write a 'confidence' level; its probability comes from the scale",
    "alias": "did you mean 'aliases'?",
    "name": "write the display name as 'label'",
}


# --------------------------------------------------------------------------- problems
Locator = Callable[[str], tuple[str | None, int | None, int | None]]
"""Maps a path (``edges[12].to``) to ``(file, line, row)``."""


def _no_location(path: str) -> tuple[str | None, int | None, int | None]:
    return None, None, None


_ROW_RE: Final = re.compile(r"^(nodes|edges)\[(\d+)\]")


class Problems:
    """The problems found so far, each located through a :class:`Locator`."""

    def __init__(self, locate: Locator = _no_location) -> None:
        self.locate = locate
        self.items: list[Problem] = []

    def add(self, code: ProblemCode, message: str, path: str = "", hint: str = "") -> None:
        """Record one problem at ``path``."""
        file, line, row = self.locate(path)
        self.items.append(Problem(code, message, path, file, line, row, hint))

    def extend(self, problems: Iterable[Problem]) -> None:
        """Record problems that are already located."""
        self.items.extend(problems)

    def __bool__(self) -> bool:
        return bool(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def raise_if_any(self) -> None:
        """Raise one :class:`LoadError` listing every problem, in document order."""
        if not self.items:
            return
        files: dict[str | None, int] = {}
        for p in self.items:
            files.setdefault(p.file, len(files))

        def key(p: Problem) -> tuple[int, int, int, int]:
            m = _ROW_RE.match(p.path)
            section, row = (1 + (m.group(1) == "edges"), int(m.group(2))) if m else (0, 0)
            return files[p.file], p.line if p.line is not None else 0, section, row

        raise LoadError(sorted(self.items, key=key))


# --------------------------------------------------------------------------- documents
@dataclass
class Section:
    """Nodes or edges as columns.

    Attributes
    ----------
    name
        ``"nodes"`` or ``"edges"``.
    length
        The number of rows.
    columns
        Field name -> one value per row (:data:`ABSENT` where not written).
    attributes
        Free attribute name -> one value per row (:data:`ABSENT` where not written).
    text
        ``True`` for CSV columns: every value is a string and ``""`` means absent.
    """

    name: str
    length: int
    columns: dict[str, list[Any]] = field(default_factory=dict)
    attributes: dict[str, list[Any]] = field(default_factory=dict)
    text: bool = False

    def column(self, name: str) -> list[Any]:
        """The column ``name``, all :data:`ABSENT` if it was never written."""
        col = self.columns.get(name)
        if col is not None:
            return col
        return [""] * self.length if self.text else [ABSENT] * self.length


@dataclass
class Document:
    """A graph document, before validation.

    Header values are as parsed (``ABSENT`` where the key was not written). With
    ``vocabulary`` set, the vocabulary sections are ignored and that vocabulary is
    used; with ``open_node_types`` node types are taken as they appear.
    """

    nodes: Section
    edges: Section
    version: Any = ABSENT
    title: Any = ABSENT
    description: Any = ABSENT
    sources: Any = ABSENT
    confidence: Any = ABSENT
    defaults: Any = ABSENT
    node_types: Any = ABSENT
    relations: Any = ABSENT
    vocabulary: Vocabulary | None = None
    open_node_types: bool = False
    require_title: bool = True
    base: Path | None = None
    path: str | None = None


def _absent(v: Any) -> bool:
    return v is ABSENT or v is None


def _type_name(v: Any) -> str:
    if isinstance(v, bool):
        return f"a boolean ({str(v).lower()})"
    if isinstance(v, int):
        return f"a number ({v})"
    if isinstance(v, float):
        return f"a number ({v!r})"
    if isinstance(v, str):
        return f"text ({v!r})"
    if isinstance(v, Mapping):
        return "a mapping"
    if isinstance(v, list | tuple):
        return "a list"
    return type(v).__name__


def _quote_hint(v: Any) -> str:
    if isinstance(v, bool | int | float) or v is None:
        return "quote it: YAML reads unquoted yes/no/on/off/true/false and numbers as non-text"
    return ""


def _check_keys(mapping: Mapping[Any, Any], allowed: Sequence[str], path: str, problems: Problems) -> None:
    for key in mapping:
        if key not in allowed:
            hint = _KEY_HINTS.get(str(key)) or did_you_mean(str(key), allowed)
            problems.add(
                "unknown-field",
                f"unknown field {key!r}",
                f"{path}.{key}" if path else str(key),
                hint or f"the known fields are {', '.join(allowed)}",
            )


# --------------------------------------------------------------------------- rows -> columns
def rows_to_section(rows: Any, name: str, problems: Problems, *, path: str | None = None) -> Section:
    """Turn a list of node or edge mappings into a :class:`Section`.

    Checks that each row is a mapping with known keys, and that ``attributes`` is a
    mapping whose names are text and not reserved. Nothing passed in is changed.
    """
    path = path or name
    allowed = NODE_FIELDS if name == "nodes" else EDGE_FIELDS
    reserved = RESERVED_NODE_NAMES if name == "nodes" else RESERVED_EDGE_NAMES
    if not isinstance(rows, list | tuple):
        problems.add(
            "wrong-type",
            f"'{path}' must be a list of mappings, not {_type_name(rows)}",
            path,
            f"write '{path}:' followed by '- ' items, or '{{csv: {name}.csv}}'",
        )
        return Section(name, 0)
    n = len(rows)
    fields = [f for f in allowed if f != "attributes"]
    columns: dict[str, list[Any]] = {f: [ABSENT] * n for f in fields}
    attributes: dict[str, list[Any]] = {}
    for k, row in enumerate(rows):
        here = f"{path}[{k}]"
        if not isinstance(row, Mapping):
            problems.add(
                "wrong-type",
                f"each of '{path}' must be a mapping, not {_type_name(row)}",
                here,
                "write '- {id: ..., type: ...}'"
                if name == "nodes"
                else "write '- {from: ..., relation: ..., to: ...}'",
            )
            continue
        for key, value in row.items():
            col = columns.get(key) if isinstance(key, str) else None
            if col is not None:
                col[k] = value
            elif key == "attributes":
                if value is None:
                    continue
                if not isinstance(value, Mapping):
                    problems.add(
                        "wrong-type",
                        f"attributes must be a mapping, not {_type_name(value)}",
                        f"{here}.attributes",
                        "write 'attributes: {name: value}'",
                    )
                    continue
                for aname, avalue in value.items():
                    if not isinstance(aname, str):
                        problems.add(
                            "wrong-type",
                            f"an attribute name must be text, not {_type_name(aname)}",
                            f"{here}.attributes",
                            "quote the name",
                        )
                    elif aname in reserved:
                        problems.add(
                            "unknown-field",
                            f"'{aname}' is a reserved name and cannot be a free attribute",
                            f"{here}.attributes.{aname}",
                            f"write it as the {name[:-1]}'s own '{aname}' field, or rename the attribute"
                            if aname in allowed
                            else "rename the attribute",
                        )
                    else:
                        acol = attributes.get(aname)
                        if acol is None:
                            acol = attributes[aname] = [ABSENT] * n
                        acol[k] = avalue
            else:
                hint = _KEY_HINTS.get(str(key)) or did_you_mean(str(key), allowed)
                problems.add(
                    "unknown-field",
                    f"unknown field {key!r}",
                    f"{here}.{key}",
                    hint or f"free attributes go under 'attributes'; the fields are {', '.join(allowed)}",
                )
    return Section(name, n, columns, attributes)


# --------------------------------------------------------------------------- header
def _text(v: Any, path: str, problems: Problems, *, required: bool = False, default: str = "") -> str:
    if v is ABSENT or v is None:
        if required:
            problems.add("missing-field", f"'{path}' is required", path)
        return default
    if not isinstance(v, str):
        problems.add("wrong-type", f"'{path}' must be text, not {_type_name(v)}", path, _quote_hint(v))
        return default
    return v


def _sources(raw: Any, problems: Problems) -> tuple[Source, ...]:
    if _absent(raw):
        return ()
    if not isinstance(raw, list | tuple):
        problems.add(
            "wrong-type",
            f"'sources' must be a list, not {_type_name(raw)}",
            "sources",
            "write 'sources:' followed by '- id: ...' items",
        )
        return ()
    out: list[Source] = []
    seen: set[str] = set()
    for i, item in enumerate(raw):
        here = f"sources[{i}]"
        if isinstance(item, Source):
            item = {
                "id": item.id,
                "title": item.title,
                "author": item.author,
                "date": item.date,
                "location": item.location,
            }
        if not isinstance(item, Mapping):
            problems.add(
                "wrong-type",
                f"a source must be a mapping, not {_type_name(item)}",
                here,
                "write '- {id: ..., title: ..., location: ...}'",
            )
            continue
        _check_keys(item, _SOURCE_KEYS, here, problems)
        values = {
            k: _text(item.get(k, ABSENT), f"{here}.{k}", problems, required=k == "id") for k in _SOURCE_KEYS
        }
        sid = values["id"]
        if not sid:
            continue
        if sid in seen:
            problems.add(
                "duplicate-name",
                f"source {sid!r} is declared twice",
                f"{here}.id",
                "give each source its own id",
            )
            continue
        seen.add(sid)
        out.append(Source(**values))
    if len(out) > np.iinfo(np.int16).max:
        problems.add("wrong-type", f"too many sources ({len(out)}); at most 32767", "sources")
    return tuple(out)


def _number(v: Any) -> float | None:
    """``v`` as a finite float if it is a real number (not a boolean), else ``None``."""
    if isinstance(v, bool) or not isinstance(v, int | float):
        return None
    f = float(v)
    return f if math.isfinite(f) else None


def _confidence(raw: Any, problems: Problems) -> ConfidenceScale:
    if _absent(raw):
        return ConfidenceScale.default()
    if not isinstance(raw, Mapping) or not raw:
        problems.add(
            "wrong-type",
            f"'confidence' must be a mapping of level: probability, not {_type_name(raw)}",
            "confidence",
            "write e.g. 'confidence: {confirmed: 0.95, alleged: 0.5}'",
        )
        return ConfidenceScale.default()
    levels: dict[str, float] = {}
    for name, p in raw.items():
        here = f"confidence.{name}"
        if not isinstance(name, str):
            problems.add(
                "wrong-type",
                f"a confidence level must be named with text, not {_type_name(name)}",
                "confidence",
                "quote the level's name",
            )
            continue
        prob = _number(p)
        if prob is None or not 0.0 < prob <= 1.0:
            problems.add(
                "bad-confidence",
                f"level {name!r} has probability {p!r}; it must be a number in (0, 1]",
                here,
                "write a probability such as 0.75",
            )
            continue
        if prob in levels.values():
            problems.add(
                "bad-confidence",
                f"level {name!r} has the same probability ({prob}) as another level",
                here,
                "the scale is ordinal: give every level a different probability",
            )
            continue
        levels[name] = prob
    if len(levels) > np.iinfo(np.int8).max:
        problems.add("bad-confidence", "too many confidence levels; at most 127", "confidence")
    return ConfidenceScale.from_mapping(levels) if levels else ConfidenceScale.default()


def _declared(
    raw: Mapping[Any, Any], section: str, kind: str, allowed: Sequence[str], example: str, problems: Problems
) -> Iterator[tuple[str, Mapping[Any, Any], str]]:
    """The ``name: {spec}`` entries of a declaration section, each with its path.

    A name that is not text or a spec that is not a mapping is reported and skipped; an
    empty spec (``name:``) reads as ``{}``; unknown keys of a spec are reported.
    """
    for name, spec in raw.items():
        here = f"{section}.{name}"
        if not isinstance(name, str):
            problems.add(
                "wrong-type",
                f"a {kind} must be named with text, not {_type_name(name)}",
                section,
                "quote the name",
            )
            continue
        if spec is None:
            spec = {}
        if not isinstance(spec, Mapping):
            problems.add(
                "wrong-type",
                f"{kind} {name!r} must be a mapping, not {_type_name(spec)}",
                here,
                f"write '{example}' or '{{}}'",
            )
            continue
        _check_keys(spec, allowed, here, problems)
        yield name, spec, here


def _node_types(raw: Any, problems: Problems) -> tuple[NodeType, ...]:
    if _absent(raw):
        return DEFAULT_NODE_TYPES
    if not isinstance(raw, Mapping) or not raw:
        problems.add(
            "wrong-type",
            f"'node_types' must be a mapping of name: {{color, shape, description}}, not {_type_name(raw)}",
            "node_types",
            "write e.g. 'node_types: {person: {color: \"#f00\"}}'",
        )
        return DEFAULT_NODE_TYPES
    out: list[NodeType] = []
    for name, spec, here in _declared(
        raw,
        "node_types",
        "node type",
        _NODE_TYPE_KEYS,
        "{color: ..., shape: ..., description: ...}",
        problems,
    ):
        color = _text(spec.get("color", ABSENT), f"{here}.color", problems) or None
        shape = _text(spec.get("shape", ABSENT), f"{here}.shape", problems) or None
        out.append(
            NodeType(
                name, color, shape, _text(spec.get("description", ABSENT), f"{here}.description", problems)
            )
        )
    if len(out) > np.iinfo(np.int16).max:
        problems.add("wrong-type", "too many node types; at most 32767", "node_types")
    return tuple(out) or DEFAULT_NODE_TYPES


def _type_list(raw: Any, path: str, known: Sequence[str], problems: Problems) -> frozenset[str] | None:
    if _absent(raw):
        return None
    if isinstance(raw, str):
        raw = [raw]
    if not isinstance(raw, list | tuple):
        problems.add(
            "wrong-type",
            f"'{path}' must be a list of node types, not {_type_name(raw)}",
            path,
            "write e.g. '[state, organisation]'",
        )
        return None
    out: set[str] = set()
    for i, t in enumerate(raw):
        if not isinstance(t, str):
            problems.add(
                "wrong-type", f"a node type must be text, not {_type_name(t)}", f"{path}[{i}]", _quote_hint(t)
            )
        elif t not in known:
            problems.add(
                "unknown-node-type",
                f"unknown node type {t!r}",
                f"{path}[{i}]",
                did_you_mean(t, known) or f"the node types are {', '.join(known)}",
            )
        else:
            out.add(t)
    return frozenset(out)


def _relations(raw: Any, type_names: Sequence[str], problems: Problems) -> tuple[tuple[Relation, ...], bool]:
    if _absent(raw):
        return (), False
    if not isinstance(raw, Mapping):
        problems.add(
            "wrong-type",
            f"'relations' must be a mapping of name: {{directed, ...}}, not {_type_name(raw)}",
            "relations",
            "write e.g. 'relations: {finances: {directed: true}}'",
        )
        return (), False
    out: list[Relation] = []
    for name, spec, here in _declared(
        raw,
        "relations",
        "relation",
        _RELATION_KEYS,
        "{directed: true, source_types: [...], target_types: [...]}",
        problems,
    ):
        directed = spec.get("directed", ABSENT)
        if _absent(directed):
            directed = True
        elif not isinstance(directed, bool):
            problems.add(
                "wrong-type",
                f"'directed' must be true or false, not {_type_name(directed)}",
                f"{here}.directed",
                "write 'directed: true' or 'directed: false'",
            )
            directed = True
        weight = spec.get("weight", ABSENT)
        w = 1.0 if _absent(weight) else _number(weight)
        if w is None or w <= 0:
            problems.add(
                "bad-weight",
                f"relation {name!r} has weight {weight!r}; it must be a positive number",
                f"{here}.weight",
                "write e.g. 'weight: 1'",
            )
            w = 1.0
        out.append(
            Relation(
                name,
                directed,
                _type_list(spec.get("source_types", ABSENT), f"{here}.source_types", type_names, problems),
                _type_list(spec.get("target_types", ABSENT), f"{here}.target_types", type_names, problems),
                w,
                _text(spec.get("description", ABSENT), f"{here}.description", problems),
            )
        )
    return tuple(out), True


# --------------------------------------------------------------------------- names -> codes
class _Names:
    """Names of a vocabulary list -> codes; open lists take new names as they appear."""

    def __init__(self, names: Sequence[str], *, open_: bool) -> None:
        self.codes: dict[str, int] = {n: i for i, n in enumerate(names)}
        self.added: list[str] = []
        self.open = open_

    def code(self, name: str) -> int:
        c = self.codes.get(name)
        if c is None and self.open:
            c = self.codes[name] = len(self.codes)
            self.added.append(name)
        return -1 if c is None else c


def _text_column(
    values: list[Any], sec: Section, fld: str, problems: Problems, *, required: bool
) -> list[int]:
    """Report non-text and (if ``required``) missing values; return the bad rows."""
    bad: list[int] = []
    if sec.text:
        if required:
            bad = [k for k, v in enumerate(values) if not v]
            for k in bad:
                problems.add(
                    "missing-field",
                    f"'{fld}' is required",
                    f"{sec.name}[{k}].{fld}",
                    f"fill in the '{fld}' cell",
                )
        return bad
    for k, v in enumerate(values):
        if v.__class__ is str and (v or not required):
            continue
        if v is ABSENT or v is None:
            if required:
                problems.add(
                    "missing-field",
                    f"'{fld}' is required",
                    f"{sec.name}[{k}]",
                    f"every {sec.name[:-1]} needs '{fld}'",
                )
                bad.append(k)
        elif not isinstance(v, str):
            problems.add(
                "wrong-type",
                f"'{fld}' must be text, not {_type_name(v)}",
                f"{sec.name}[{k}].{fld}",
                _quote_hint(v),
            )
            bad.append(k)
        elif not v:
            problems.add(
                "missing-field",
                f"'{fld}' is empty",
                f"{sec.name}[{k}].{fld}",
                f"every {sec.name[:-1]} needs a non-empty '{fld}'",
            )
            bad.append(k)
    return bad


def _present(v: Any, text: bool) -> bool:
    return not (v is ABSENT or v is None or (text and v == ""))


def _attribute_columns(sec: Section, problems: Problems) -> dict[str, list[Any]]:
    """Free attributes with ``None`` where absent; lists become tuples."""
    out: dict[str, list[Any]] = {}
    for name, col in sec.attributes.items():
        if sec.text:
            out[name] = [v if v else None for v in col]
            continue
        values: list[Any] = []
        for k, v in enumerate(col):
            if v is ABSENT or v is None:
                values.append(None)
            elif isinstance(v, str | int | float):
                values.append(v)
            elif isinstance(v, list | tuple) and all(
                isinstance(x, str | int | float) and x is not None for x in v
            ):
                values.append(tuple(v))
            else:
                problems.add(
                    "wrong-type",
                    f"attribute {name!r} must be text, a number, a boolean or a list "
                    f"of those, not {_type_name(v)}",
                    f"{sec.name}[{k}].attributes.{name}",
                    "write the value as text",
                )
                values.append(None)
        if any(v is not None for v in values):
            out[name] = values
    return out


# --------------------------------------------------------------------------- nodes
@dataclass
class _Nodes:
    ids: list[str]
    types: list[int]
    labels: list[str]
    aliases: list[tuple[str, ...]]
    attributes: dict[str, list[Any]]
    index: dict[str, int]


def _aliases(v: Any, k: int, sec: Section, problems: Problems) -> tuple[str, ...]:
    if not _present(v, sec.text):
        return ()
    if sec.text:
        return tuple(a.strip() for a in v.split("|") if a.strip())
    if isinstance(v, str):
        return (v,)
    if isinstance(v, list | tuple) and all(isinstance(a, str) for a in v):
        return tuple(v)
    problems.add(
        "wrong-type",
        f"'aliases' must be a list of text, not {_type_name(v)}",
        f"{sec.name}[{k}].aliases",
        "write e.g. 'aliases: [IMU, \"Islamic Movement\"]'",
    )
    return ()


def _build_nodes(
    sec: Section, types: _Names, type_names: Callable[[], Sequence[str]], problems: Problems
) -> _Nodes:
    n = sec.length
    ids = sec.column("id")
    bad = set(_text_column(ids, sec, "id", problems, required=True))
    index: dict[str, int] = {}
    for k, v in enumerate(ids):
        if k in bad:
            continue
        first = index.setdefault(v, k)
        if first != k:
            problems.add(
                "duplicate-node",
                f"node {v!r} is declared twice (first as {sec.name}[{first}])",
                f"{sec.name}[{k}].id",
                "merge the two nodes, or give one another id",
            )
    # types
    tcol = sec.column("type")
    tbad = set(_text_column(tcol, sec, "type", problems, required=True))
    type_codes = [0] * n
    for k, t in enumerate(tcol):
        if k in tbad:
            continue
        c = types.code(t)
        if c < 0:
            known = type_names()
            problems.add(
                "unknown-node-type",
                f"unknown node type {t!r}",
                f"{sec.name}[{k}].type",
                did_you_mean(t, known) or f"declare it under 'node_types'; the types are {', '.join(known)}",
            )
            c = 0
        type_codes[k] = c
    # labels
    lcol = sec.column("label")
    _text_column(lcol, sec, "label", problems, required=False)
    labels = [
        v if (v.__class__ is str and v) else (i if i.__class__ is str else "")
        for v, i in zip(lcol, ids, strict=True)
    ]
    acol = sec.column("aliases")
    aliases = [_aliases(v, k, sec, problems) for k, v in enumerate(acol)]
    return _Nodes(
        [v if v.__class__ is str else "" for v in ids],
        type_codes,
        labels,
        aliases,
        _attribute_columns(sec, problems),
        index,
    )


# --------------------------------------------------------------------------- edges
_DASHES: Final = str.maketrans({"\u2013": "-", "\u2014": "-"})
_TIME_RE: Final = re.compile(r"^\s*(\d{1,4})?\s*(-)?\s*(\d{1,4})?\s*$")


def parse_time(v: Any) -> tuple[int, int] | str:
    """A written time as ``(from, to)`` years (:data:`NO_YEAR` for open or undated), or a reason.

    Accepted: a year (``1999`` or ``"1999"``), ``"1999-2001"``, ``"1999-"``, ``"-2001"``
    (an en or em dash works too), and ``{from: 1999, to: 2001}`` with either end left
    out or ``null``. Years are integers from 1 to 9999 and ``from <= to``.

    Examples
    --------
    >>> parse_time("1999-2001"), parse_time(2004), parse_time({"from": 1997})
    ((1999, 2001), (2004, 2004), (1997, -2147483648))
    >>> parse_time("1990s")
    "'1990s' is not a year or an interval of years"
    """
    if isinstance(v, Mapping):
        extra = [k for k in v if k not in ("from", "to")]
        if extra:
            return f"unknown key {extra[0]!r} in the time; write {{from: 1999, to: 2001}}"
        ends: list[int] = []
        for key in ("from", "to"):
            y = v.get(key)
            if y is None:
                ends.append(NO_YEAR)
                continue
            if isinstance(y, str) and y.strip().isdigit():
                y = int(y)
            if isinstance(y, bool) or not isinstance(y, int):
                return f"{key} = {y!r} is not a year"
            ends.append(y)
        a, b = ends
    elif isinstance(v, bool):
        return f"{v!r} is not a year"
    elif isinstance(v, int):
        a = b = v
    elif isinstance(v, str):
        m = _TIME_RE.match(v.translate(_DASHES))
        if not m or not (m.group(1) or m.group(3)) or (m.group(1) and m.group(3) and not m.group(2)):
            return f"{v!r} is not a year or an interval of years"
        a = int(m.group(1)) if m.group(1) else NO_YEAR
        b = int(m.group(3)) if m.group(3) else NO_YEAR
        if not m.group(2):
            b = a
    else:
        return f"{v!r} is not a year or an interval of years"
    for y in (a, b):
        if y != NO_YEAR and not MIN_YEAR <= y <= MAX_YEAR:
            return f"year {y} is outside {MIN_YEAR}..{MAX_YEAR}"
    if a != NO_YEAR and b != NO_YEAR and a > b:
        return f"the interval {a}-{b} ends before it starts"
    return a, b


def _key(v: Any) -> Any:
    """A dictionary key that tells ``True`` from ``1`` and copes with mappings."""
    if isinstance(v, Mapping):
        return ("map", tuple(sorted(((str(k), repr(x)) for k, x in v.items()))))
    if isinstance(v, list):
        return ("list", repr(v))
    return (v.__class__, v)


_MAX_CLOSE_MATCHES: Final = 25
"""Distinct unknown node names that get a did-you-mean hint (each costs a pass over every name)."""


class _NodeNames:
    """Hints for unknown node names: aliases, labels, case, close matches (built on first need)."""

    def __init__(self, nodes: _Nodes) -> None:
        self.nodes = nodes
        self.hints: dict[str, str] = {}
        self._owner: dict[str, tuple[str, str]] | None = None

    def owner(self) -> dict[str, tuple[str, str]]:
        """Alias, label or case-folded id -> (how it relates, node id); ids win, then aliases."""
        if self._owner is None:
            n = self.nodes
            owner: dict[str, tuple[str, str]] = {}
            for nid, label, aliases in zip(n.ids, n.labels, n.aliases, strict=True):
                for a in aliases:
                    owner.setdefault(a, ("alias", nid))
                owner.setdefault(label, ("label", nid))
                owner.setdefault(nid.casefold(), ("case", nid))
            self._owner = owner
        return self._owner

    def hint(self, name: str) -> str:
        found = self.hints.get(name)
        if found is not None:
            return found
        owner = self.owner()
        exact = owner.get(name)
        folded = owner.get(name.casefold())
        if exact is not None and exact[0] != "case":
            what = "an alias" if exact[0] == "alias" else "the label"
            hint = f"{name!r} is {what} of node {exact[1]!r}; edges name nodes by id"
        elif folded is not None:
            hint = f"did you mean {folded[1]!r}? (ids are case-sensitive)"
        elif len(self.hints) < _MAX_CLOSE_MATCHES:
            pool = [*self.nodes.ids, *(k for k, (kind, _) in owner.items() if kind != "case")]
            matches = difflib.get_close_matches(name, pool, n=3, cutoff=0.6)
            # name the id behind a close alias or label
            ids = list(dict.fromkeys(m if m in self.nodes.index else owner[m][1] for m in matches))
            hint = (
                "did you mean " + " or ".join(repr(m) for m in ids) + "?"
                if ids
                else "declare the node under 'nodes', or check the spelling"
            )
        else:
            hint = "declare the node under 'nodes', or check the spelling"
        self.hints[name] = hint
        return hint


def _by_distinct(values: list[Any], judge: Callable[[Any], Any], dtype: Any) -> Any:
    """Encode a text column through its distinct values: ``judge(v)`` once per distinct value.

    Returns a numpy array, or ``None`` when ``judge`` refuses some value (returns ``None``):
    then the caller's row-by-row path finds and reports the bad rows.
    """
    table: dict[str, Any] = {}
    for v in dict.fromkeys(values):
        code = judge(v)
        if code is None:
            return None
        table[v] = code
    return np.fromiter(map(table.__getitem__, values), dtype=dtype, count=len(values))


def _endpoints(
    values: list[Any], fld: str, sec: Section, nodes: _Nodes, names: _NodeNames, problems: Problems
) -> Any:
    if sec.text:
        codes = _by_distinct(values, nodes.index.get, np.int32)
        if codes is not None:
            return codes
    bad = set(_text_column(values, sec, fld, problems, required=True))
    get = nodes.index.get
    out = [get(v, -1) if v.__class__ is str else -1 for v in values]
    for k, c in enumerate(out):
        if c < 0 and k not in bad:
            name = values[k]
            problems.add("unknown-node", f"unknown node {name!r}", f"{sec.name}[{k}].{fld}", names.hint(name))
    return np.asarray(out, dtype=np.int32)


def _relation_codes(values: list[Any], sec: Section, relations: _Names, problems: Problems) -> Any:
    """Relation codes; rows with a missing or unknown relation get ``-1``."""

    def judge(v: str) -> int | None:
        c = relations.code(v) if v else -1
        return None if c < 0 else c

    if sec.text:
        codes = _by_distinct(values, judge, np.int16)
        if codes is not None:
            return codes
    bad = set(_text_column(values, sec, "relation", problems, required=True))
    out = np.full(len(values), -1, dtype=np.int16)
    for k, v in enumerate(values):
        if k in bad:
            continue
        c = relations.code(v)
        if c < 0:
            known = list(relations.codes)
            problems.add(
                "unknown-relation",
                f"unknown relation {v!r}",
                f"{sec.name}[{k}].relation",
                did_you_mean(v, known)
                or (
                    f"declare it under 'relations'; the relations are {', '.join(known)}"
                    if known
                    else "declare it under 'relations'"
                ),
            )
        out[k] = c
    return out


def _check_allowed(
    sec: Section,
    nodes: _Nodes,
    type_names: Sequence[str],
    rels: Sequence[Relation],
    src: Any,
    dst: Any,
    rel: Any,
    problems: Problems,
) -> None:
    """Report edges whose relation does not allow their pair of node types (one table lookup per edge)."""
    if not rels or not nodes.types or all(r.source_types is None and r.target_types is None for r in rels):
        return
    nt = len(type_names)
    allowed = np.ones((len(rels), nt, nt), dtype=bool)
    for ri, r in enumerate(rels):
        for a in range(nt):
            for b in range(nt):
                allowed[ri, a, b] = r.allows(type_names[a], type_names[b])
    ntype = np.asarray(nodes.types, dtype=np.intp)
    known = (src >= 0) & (dst >= 0) & (rel >= 0)
    ok = np.ones(len(src), dtype=bool)
    ok[known] = allowed[rel[known], ntype[src[known]], ntype[dst[known]]]
    for k in np.flatnonzero(~ok).tolist():
        r = rels[int(rel[k])]
        i, j = int(src[k]), int(dst[k])
        froms = " or ".join(sorted(r.source_types)) if r.source_types is not None else "any type"
        tos = " or ".join(sorted(r.target_types)) if r.target_types is not None else "any type"
        problems.add(
            "relation-not-allowed",
            f"relation {r.name!r} does not allow {type_names[ntype[i]]} {nodes.ids[i]!r} -> "
            f"{type_names[ntype[j]]} {nodes.ids[j]!r}",
            f"{sec.name}[{k}].relation",
            f"'{r.name}' goes from {froms} to {tos}; swap from/to, pick another relation, or widen its types",
        )


def _confidence_codes(
    values: list[Any], sec: Section, scale: ConfidenceScale, default: int, problems: Problems
) -> Any:
    level_codes = {lv: i for i, lv in enumerate(scale.levels)}
    if sec.text:
        codes = _by_distinct(values, lambda v: level_codes.get(v) if v else default, np.int8)
        if codes is not None:
            return codes
    out = np.full(len(values), default, dtype=np.int8)
    for k, v in enumerate(values):
        if not _present(v, sec.text):
            continue
        c = level_codes.get(v, -1) if v.__class__ is str else -1
        if c < 0:
            problems.add(
                "bad-confidence",
                f"confidence {v!r} is not a level of the scale",
                f"{sec.name}[{k}].confidence",
                (did_you_mean(v, scale.levels) if isinstance(v, str) else "")
                or f"the levels are {', '.join(scale.levels)}",
            )
        else:
            out[k] = c
    return out


def _source_codes(
    values: list[Any], sec: Section, sources: Sequence[Source], default: int, problems: Problems
) -> Any:
    scodes = {s.id: i for i, s in enumerate(sources)}
    if sec.text:
        codes = _by_distinct(values, lambda v: scodes.get(v) if v else default, np.int16)
        if codes is not None:
            return codes
    out = np.full(len(values), default, dtype=np.int16)
    for k, v in enumerate(values):
        if v is ABSENT or (sec.text and v == ""):
            continue
        if v is None:
            out[k] = -1
            continue
        c = scodes.get(v, -1) if v.__class__ is str else -1
        if c < 0:
            hint = did_you_mean(str(v), scodes) or (
                f"the sources are {', '.join(scodes)}" if scodes else "declare it under 'sources'"
            )
            if isinstance(v, str):
                problems.add("unknown-source", f"unknown source {v!r}", f"{sec.name}[{k}].source", hint)
            else:
                problems.add(
                    "wrong-type",
                    f"'source' must be a source id (text), not {_type_name(v)}",
                    f"{sec.name}[{k}].source",
                    _quote_hint(v),
                )
        out[k] = c
    return out


_NO_TIME: Final = (NO_YEAR, NO_YEAR)


def _times(values: list[Any], sec: Section, problems: Problems) -> tuple[Any, Any]:
    if sec.text:
        parsed: dict[str, tuple[int, int]] = {}
        for v in dict.fromkeys(values):
            p = parse_time(v) if v else _NO_TIME
            if isinstance(p, str):
                break
            parsed[v] = p
        else:
            n = len(values)
            tf = np.fromiter((parsed[v][0] for v in values), dtype=np.int32, count=n)
            tt = np.fromiter((parsed[v][1] for v in values), dtype=np.int32, count=n)
            return tf, tt
    tfrom = np.full(len(values), NO_YEAR, dtype=np.int32)
    tto = np.full(len(values), NO_YEAR, dtype=np.int32)
    cache: dict[Any, tuple[int, int] | str] = {}
    for k, v in enumerate(values):
        if not _present(v, sec.text):
            continue
        key = _key(v)
        found = cache.get(key)
        if found is None:
            found = cache[key] = parse_time(v)
        if isinstance(found, str):
            problems.add(
                "bad-year",
                found,
                f"{sec.name}[{k}].time",
                "write a year (1999), an interval ('1999-2001', '1999-', '-2001') or {from: 1999, to: 2001}",
            )
        else:
            tfrom[k], tto[k] = found
    return tfrom, tto


def _text_weight(v: str) -> float | None:
    """A CSV weight cell: NaN for an empty cell, ``None`` when not a positive finite number."""
    if not v:
        return math.nan
    try:
        w = float(v)
    except ValueError:
        return None
    return w if math.isfinite(w) and w > 0 else None


def _weights(values: list[Any], sec: Section, rels: Sequence[Relation], rel: Any, problems: Problems) -> Any:
    """Weights, with the relation's weight where none is written."""
    rel_weight = np.asarray([r.weight for r in rels] or [1.0], dtype=np.float64)
    default = rel_weight[np.maximum(rel, 0)] if len(rel) else np.zeros(0)
    if sec.text:
        written = _by_distinct(values, _text_weight, np.float64)
        if written is not None:
            return np.where(np.isnan(written), default, written)
    out = default.copy()
    cache: dict[Any, float | None] = {}
    for k, v in enumerate(values):
        if not _present(v, sec.text):
            continue
        key = _key(v)
        if key in cache:
            w = cache[key]
        else:
            w = cache[key] = _text_weight(v) if sec.text else _number(v)
            if w is not None and not w > 0:
                w = cache[key] = None
        if w is None:
            problems.add(
                "bad-weight",
                f"weight {v!r} is not a positive finite number",
                f"{sec.name}[{k}].weight",
                "write a number greater than 0, e.g. 'weight: 2'",
            )
        else:
            out[k] = w
    return out


def _evidence(values: list[Any], sec: Section, problems: Problems) -> list[str]:
    if sec.text:
        return values
    for k, v in enumerate(values):
        if v.__class__ is not str and not _absent(v):
            problems.add(
                "wrong-type",
                f"'evidence' must be text, not {_type_name(v)}",
                f"{sec.name}[{k}].evidence",
                "quote the passage",
            )
    return [v if v.__class__ is str else "" for v in values]


def _edge_ids(values: list[Any], sec: Section, problems: Problems) -> dict[int, str]:
    if sec.text and all(not v for v in dict.fromkeys(values)):
        return {}
    explicit: dict[int, str] = {}
    first: dict[str, int] = {}
    for k, v in enumerate(values):
        if not _present(v, sec.text):
            continue
        if not isinstance(v, str) or not v:
            problems.add(
                "wrong-type",
                f"an edge id must be text, not {_type_name(v)}",
                f"{sec.name}[{k}].id",
                _quote_hint(v),
            )
            continue
        if v in first:
            problems.add(
                "duplicate-edge",
                f"edge id {v!r} is used twice (first at {sec.name}[{first[v]}])",
                f"{sec.name}[{k}].id",
                "give each edge its own id",
            )
            continue
        first[v] = k
        if v != f"e{k}":
            explicit[k] = v
    # an explicit id may not take the default id of another, unnamed edge
    written = set(first.values())
    for v, k in first.items():
        if v[:1] == "e" and v[1:].isdigit() and v != f"e{k}":
            j = int(v[1:])
            if j < sec.length and j not in written and v == f"e{j}":
                problems.add(
                    "duplicate-edge",
                    f"edge id {v!r} is also the default id of {sec.name}[{j}]",
                    f"{sec.name}[{k}].id",
                    f"ids e<position> are taken by unnamed edges; rename it or give {sec.name}[{j}] an id",
                )
    return explicit


def _build_edges(
    sec: Section,
    nodes: _Nodes,
    vocab_types: tuple[NodeType, ...],
    relations: _Names,
    relation_list: Callable[[], list[Relation]],
    scale: ConfidenceScale,
    sources: tuple[Source, ...],
    default_source: int,
    default_confidence: int,
    problems: Problems,
) -> EdgeTable:
    names = _NodeNames(nodes)
    src = _endpoints(sec.column("from"), "from", sec, nodes, names, problems)
    dst = _endpoints(sec.column("to"), "to", sec, nodes, names, problems)
    rel = _relation_codes(sec.column("relation"), sec, relations, problems)
    rels = relation_list()
    _check_allowed(sec, nodes, [t.name for t in vocab_types], rels, src, dst, rel, problems)
    conf = _confidence_codes(sec.column("confidence"), sec, scale, default_confidence, problems)
    probs = np.asarray(scale.probabilities, dtype=np.float64)[conf.astype(np.intp)]
    source = _source_codes(sec.column("source"), sec, sources, default_source, problems)
    tfrom, tto = _times(sec.column("time"), sec, problems)
    weights = _weights(sec.column("weight"), sec, rels, rel, problems)
    evidence = _evidence(sec.column("evidence"), sec, problems)
    explicit = _edge_ids(sec.column("id"), sec, problems)
    attributes = _attribute_columns(sec, problems)
    return EdgeTable.build(
        np.maximum(src, 0),
        np.maximum(dst, 0),
        np.maximum(rel, 0),
        conf,
        probs,
        weights,
        tfrom,
        tto,
        source,
        evidence,
        explicit_ids=explicit,
        attributes=attributes,
    )


# --------------------------------------------------------------------------- the whole document
def _defaults(
    raw: Any, sources: tuple[Source, ...], scale: ConfidenceScale, problems: Problems
) -> tuple[int, int]:
    source, confidence = -1, 0
    if _absent(raw):
        return source, confidence
    if not isinstance(raw, Mapping):
        problems.add(
            "wrong-type",
            f"'defaults' must be a mapping, not {_type_name(raw)}",
            "defaults",
            "write e.g. 'defaults: {source: smith, confidence: reported}'",
        )
        return source, confidence
    _check_keys(raw, _DEFAULT_KEYS, "defaults", problems)
    s = raw.get("source", ABSENT)
    if not _absent(s):
        ids = [x.id for x in sources]
        if not isinstance(s, str):
            problems.add(
                "wrong-type",
                f"'defaults.source' must be a source id, not {_type_name(s)}",
                "defaults.source",
                _quote_hint(s),
            )
        elif s not in ids:
            problems.add(
                "unknown-source",
                f"unknown source {s!r}",
                "defaults.source",
                did_you_mean(s, ids) or "declare it under 'sources'",
            )
        else:
            source = ids.index(s)
    c = raw.get("confidence", ABSENT)
    if not _absent(c):
        if not isinstance(c, str) or c not in scale.levels:
            problems.add(
                "bad-confidence",
                f"default confidence {c!r} is not a level of the scale",
                "defaults.confidence",
                f"the levels are {', '.join(scale.levels)}",
            )
        else:
            confidence = scale.levels.index(c)
    return source, confidence


def build(doc: Document, problems: Problems) -> LinkChart:
    """Check every part of ``doc`` and return the chart, or raise :class:`LoadError`.

    ``problems`` may already hold problems found by the front end (YAML syntax,
    unknown keys, CSV rows); they are reported together with the rest.

    Raises
    ------
    LoadError
        Listing every problem, in document order.
    """
    title = _text(doc.title, "title", problems, required=doc.require_title)
    description = _text(doc.description, "description", problems)
    sources = _sources(doc.sources, problems)

    if doc.vocabulary is not None:
        vocab = doc.vocabulary
        node_types = vocab.node_types
        relation_objs = vocab.relations
        declared = vocab.declared_relations
        scale = vocab.confidence
        open_types = False
    else:
        scale = _confidence(doc.confidence, problems)
        open_types = doc.open_node_types
        node_types = () if open_types else _node_types(doc.node_types, problems)
        relation_objs, declared = _relations(doc.relations, [t.name for t in node_types], problems)
    default_source, default_confidence = _defaults(doc.defaults, sources, scale, problems)

    types = _Names([t.name for t in node_types], open_=open_types)
    defaults_by_name = {t.name: t for t in DEFAULT_NODE_TYPES}

    def type_names() -> list[str]:
        return list(types.codes)

    nodes = _build_nodes(doc.nodes, types, type_names, problems)
    all_types = node_types + tuple(defaults_by_name.get(t, NodeType(t)) for t in types.added)

    relations = _Names([r.name for r in relation_objs], open_=not declared)

    def relation_list() -> list[Relation]:
        return [*relation_objs, *(Relation(r) for r in relations.added)]

    edges = _build_edges(
        doc.edges,
        nodes,
        all_types,
        relations,
        relation_list,
        scale,
        sources,
        default_source,
        default_confidence,
        problems,
    )
    if len(relations.codes) > np.iinfo(np.int16).max:
        problems.add(
            "unknown-relation", f"too many relations ({len(relations.codes)}); at most 32767", "edges"
        )

    if doc.base is not None and sources:
        from .evidence import check_evidence

        check_evidence(sources, edges, doc.base, problems)

    problems.raise_if_any()
    vocabulary = Vocabulary(all_types, tuple(relation_list()), scale, declared)
    node_table = NodeTable.build(nodes.ids, nodes.types, nodes.labels, nodes.aliases, nodes.attributes)
    return LinkChart(
        vocabulary=vocabulary,
        nodes=node_table,
        edges=edges,
        title=title,
        description=description,
        sources=sources,
        path=doc.path,
    )


def top_level(raw: Any, problems: Problems) -> dict[str, Any]:
    """Check the top-level keys of a file; return them (unknown keys reported)."""
    if not isinstance(raw, Mapping):
        problems.add(
            "wrong-type",
            f"the file must be a mapping of sections, not {_type_name(raw)}",
            "",
            "start the file with 'linkchart: 1' and 'title: ...'",
        )
        return {}
    _check_keys(raw, _TOP_KEYS, "", problems)
    return {k: v for k, v in raw.items() if k in _TOP_KEYS}
