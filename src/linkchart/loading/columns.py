"""A document as columns: the field names, :class:`Section` and :class:`Document`, rows -> columns."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from ..errors import Problems, did_you_mean
from ..model import Decisions
from ..model.fields import EDGE_FIELDS, KEY_HINTS, NODE_FIELDS, RESERVED_EDGE_NAMES, RESERVED_NODE_NAMES
from ..vocabulary import Vocabulary

__all__ = [
    "ABSENT",
    "EDGE_FIELDS",
    "KEY_HINTS",
    "NODE_FIELDS",
    "RESERVED_EDGE_NAMES",
    "RESERVED_NODE_NAMES",
    "Document",
    "Section",
    "absent",
    "check_keys",
    "plain",
    "quote_hint",
    "rows_to_section",
    "type_name",
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
    json
        The attributes of a CSV section whose cells were JSON values (``json:`` of the
        table): their values are plain data, :data:`ABSENT` where the cell was empty.
    """

    name: str
    length: int
    columns: dict[str, list[Any]] = field(default_factory=dict)
    attributes: dict[str, list[Any]] = field(default_factory=dict)
    text: bool = False
    json: frozenset[str] = frozenset()

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
    used; with ``open_node_types`` node types are taken as they appear. ``tables`` are
    the CSV files the sections were read from. ``directed`` is the direction of the
    relations taken as they appear (none declared): ``None`` directed, a boolean for
    every one, or relation -> direction (directed where not given).
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
    analysis: Any = ABSENT
    periods: Any = ABSENT
    grades: Any = ABSENT
    decisions: Any = ABSENT
    conflicts: Any = ABSENT
    more_decisions: Decisions | None = None
    decisions_file: str | None = None
    vocabulary: Vocabulary | None = None
    open_node_types: bool = False
    require_title: bool = True
    base: Path | None = None
    allow_outside: bool = False
    path: str | None = None
    tables: tuple[str, ...] = ()
    directed: bool | Mapping[str, bool] | None = None


def absent(v: Any) -> bool:
    return v is ABSENT or v is None


def type_name(v: Any) -> str:
    """The kind of ``v`` in a user's words, for a message: ``text ('x')``, ``a number (3)``, ``null``.

    Examples
    --------
    >>> type_name(None), type_name(True), type_name([1]), type_name(b"x")
    ('null (no value)', 'a boolean (true)', 'a list', 'bytes')
    """
    if v is None:
        return "null (no value)"
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


def quote_hint(v: Any) -> str:
    if isinstance(v, bool | int | float) or v is None:
        return "quote it: YAML reads unquoted true/false, null and numbers as non-text"
    return ""


def check_keys(mapping: Mapping[Any, Any], allowed: Sequence[str], path: str, problems: Problems) -> None:
    for key in mapping:
        if key not in allowed:
            hint = KEY_HINTS.get(str(key)) or did_you_mean(str(key), allowed)
            problems.add(
                "unknown-field",
                f"unknown field {key!r}",
                f"{path}.{key}" if path else str(key),
                hint or f"the known fields are {', '.join(allowed)}",
            )


# --------------------------------------------------------------------------- rows -> columns
_PLAIN_DEPTH: Final = 64


def plain(value: Any, depth: int = 0) -> bool:
    """Whether ``value`` is plain data, as a YAML file can hold: text, a number, a boolean,
    ``None``, or lists and mappings (with text keys) of these, nested at most 64 deep.

    Records from Python may hold anything (a set, an object); only plain data is taken.

    Examples
    --------
    >>> plain({"a": [1, "x", None]}), plain({1, 2}), plain([object()])
    (True, False, False)
    """
    if value is None or isinstance(value, str | bool | int | float):
        return True
    if depth >= _PLAIN_DEPTH:
        return False
    if isinstance(value, list | tuple):
        return all(plain(v, depth + 1) for v in value)
    if isinstance(value, Mapping):
        return all(isinstance(k, str) and plain(v, depth + 1) for k, v in value.items())
    return False


def _unplain(value: Any, path: str) -> str:
    """What in ``value`` is not plain data, for a message: ``a set``, or ``a list whose
    notes[1] is bytes``.

    Examples
    --------
    >>> _unplain(["a", b"x"], "notes"), _unplain({"k": {1, 2}}, "attributes")
    ('a list whose notes[1] is bytes', 'a mapping whose attributes.k is set')
    """
    stack: list[tuple[Any, str, int]] = [(value, path, 0)]
    while stack:
        v, at, depth = stack.pop()
        if isinstance(v, list | tuple) and depth < _PLAIN_DEPTH:
            stack.extend((x, f"{at}[{i}]", depth + 1) for i, x in reversed(list(enumerate(v))))
        elif isinstance(v, Mapping) and depth < _PLAIN_DEPTH:
            for k, x in reversed(list(v.items())):
                if not isinstance(k, str):
                    return f"{type_name(value)} whose {at} has the key {k!r} (keys are text)"
                stack.append((x, f"{at}.{k}", depth + 1))
        elif not plain(v, _PLAIN_DEPTH):
            return type_name(value) if at == path else f"{type_name(value)} whose {at} is {type_name(v)}"
    return f"{type_name(value)} nested deeper than {_PLAIN_DEPTH} levels"


def _a_time(value: Any) -> bool:
    """A time value from Python that is not plain data: a date or a span."""
    import datetime as dt

    from ..times import Span

    return isinstance(value, dt.date | Span)


def _notes(value: Any) -> bool:
    """Notes from Python that are not plain data: :class:`~linkchart.model.Note` values."""
    from ..model import Note

    items = value if isinstance(value, list | tuple) else [value]
    return all(isinstance(v, Note) or plain(v) for v in items)


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
            f"'{path}' must be a list of mappings, not {type_name(rows)}",
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
                f"each of '{path}' must be a mapping, not {type_name(row)}",
                here,
                "write '- {id: ..., type: ...}'"
                if name == "nodes"
                else "write '- {from: ..., relation: ..., to: ...}'",
            )
            continue
        for key, value in row.items():
            col = columns.get(key) if isinstance(key, str) else None
            if (
                col is not None
                and not plain(value)
                and not (key == "time" and _a_time(value))
                and not (key == "notes" and _notes(value))
            ):
                problems.add(
                    "wrong-type",
                    f"'{key}' must be plain data (text, a number, a list, a mapping), "
                    f"not {_unplain(value, key)}",
                    f"{here}.{key}",
                    "pass the value as text, a number, a list or a dict",
                )
            elif col is not None:
                col[k] = value
            elif key == "attributes":
                if value is None:
                    continue
                if not isinstance(value, Mapping):
                    problems.add(
                        "wrong-type",
                        f"attributes must be a mapping, not {type_name(value)}",
                        f"{here}.attributes",
                        "write 'attributes: {name: value}'",
                    )
                    continue
                for aname, avalue in value.items():
                    if not isinstance(aname, str):
                        problems.add(
                            "wrong-type",
                            f"an attribute name must be text, not {type_name(aname)}",
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
                    elif not plain(avalue):
                        problems.add(
                            "wrong-type",
                            f"attribute {aname!r} must be plain data, not {type_name(avalue)}",
                            f"{here}.attributes.{aname}",
                            "pass the value as text, a number, a list or a dict",
                        )
                    else:
                        acol = attributes.get(aname)
                        if acol is None:
                            acol = attributes[aname] = [ABSENT] * n
                        acol[k] = avalue
            else:
                hint = KEY_HINTS.get(str(key)) or did_you_mean(str(key), allowed)
                problems.add(
                    "unknown-field",
                    f"unknown field {key!r}",
                    f"{here}.{key}",
                    hint or f"free attributes go under 'attributes'; the fields are {', '.join(allowed)}",
                )
    return Section(name, n, columns, attributes)
