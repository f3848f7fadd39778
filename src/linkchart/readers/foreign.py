"""Files from other tools: their node and edge fields read by a plain mapping into linkchart's.

A file without linkchart's header (networkx's GraphML or node-link JSON, Gephi's GEXF, a
spreadsheet's sheets) is read by one mapping (``docs/exchange.md``): a node's ``id``, its
``type`` (default ``entity``) and its label (the first of the fields :data:`LABELS` it
holds: ``label``, ``name``, ``Label``, ``title``); an edge's ends, its ``relation`` (else its
``label`` or ``type``, else ``tie``) and ``weight``; **every other field a free
attribute**, whatever its name. A field whose name linkchart's own convention uses for
something else (a node's ``time`` or ``notes``, an edge's ``confidence``) cannot keep that
name as an attribute: it becomes the attribute ``"<name> (file)"`` (``"time (file)"``),
and a warning says so once per field — the file's value is never read as linkchart's
field, since another tool does not mean linkchart's convention by it.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any, Final

from ..errors import Problem

__all__ = ["DEFAULT_RELATION", "DEFAULT_TYPE", "LABELS", "RENAMED", "foreign_records"]

DEFAULT_TYPE: Final = "entity"
"""The node type of a node whose file gives none (a foreign file, a CSV table without ``type``)."""
DEFAULT_RELATION: Final = "tie"
"""The relation of an edge whose file gives none (a two-column edge list)."""

LABELS: Final = ("label", "name", "Label", "title")
"""The fields of a foreign node that give its label, the first one present (networkx and D3
write ``name``, Gephi ``Label``); the others stay free attributes."""
RENAMED: Final = "{} (file)"
"""The attribute a foreign field of a reserved name becomes (``time`` -> ``time (file)``)."""


def _name(value: Any, path: str, what: str, problems: list[Problem]) -> str | None:
    """An id or an end as text: an integer (networkx's ``0, 1, 2 ...``) as its digits."""
    if value is None:
        problems.append(
            Problem(
                "missing-field",
                f"{what!r} is required",
                path,
                None,
                None,
                None,
                "write it; nothing else names the item",
            )
        )
        return None
    if isinstance(value, bool) or not isinstance(value, str | int):
        problems.append(
            Problem(
                "wrong-type",
                f"{what!r} must be text, not {type(value).__name__}",
                path,
                None,
                None,
                None,
                "write the name as text",
            )
        )
        return None
    return str(value)


class _Attributes:
    """Free attributes of foreign records, a reserved name renamed and said once per section."""

    def __init__(self, reserved: Mapping[str, Collection[str]]) -> None:
        self.reserved = reserved
        self.warnings: list[Problem] = []
        self._said: set[tuple[str, str]] = set()

    def of(self, record: dict[str, Any], section: str, k: int, used: frozenset[str]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name, value in record.items():
            if name in used or value is None:
                continue
            key = str(name)
            if key in self.reserved[section] or key == "attributes":
                key = RENAMED.format(key)
                if (section, name) not in self._said:
                    self._said.add((section, name))
                    self.warnings.append(
                        Problem(
                            "unknown-field",
                            f"the field {name!r} of this file from another tool is not linkchart's {name!r}: "
                            f"it is kept as the attribute {key!r}",
                            f"{section}[{k}].{name}",
                            None,
                            None,
                            None,
                            "docs/exchange.md says how a file from another tool is read",
                        )
                    )
            out[key] = value
        return out


def foreign_records(
    nodes: list[dict[str, Any]],
    edges: list[dict[str, Any]],
    reserved: Mapping[str, Collection[str]],
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[Problem], list[Problem]]:
    """Records of a file from another tool in linkchart's fields, the problems of its ids and
    ends, and warnings of the fields renamed (see the module notes).

    ``reserved`` maps ``"nodes"`` and ``"edges"`` to the names a free attribute may not take
    (the loader's; ``attributes`` never may).

    An id or end that is missing is a ``missing-field`` problem (never a node named
    "None"); an integer id (networkx's ``0, 1, 2 ...``) is read as its text.

    Examples
    --------
    >>> n, e, problems, warned = foreign_records([{"id": 0, "time": "2001"}, {"id": 1}],
    ...     [{"from": 0, "to": 1, "confidence": 0.9}], {"nodes": {"time"}, "edges": {"confidence"}})
    >>> n[0], e[0]
    ({'id': '0', 'type': 'entity', 'label': None, 'attributes': {'time (file)': '2001'}}, \
{'from': '0', 'to': '1', 'relation': 'tie', 'attributes': {'confidence (file)': 0.9}})
    >>> [w.path for w in warned]
    ['nodes[0].time', 'edges[0].confidence']
    >>> foreign_records([{"id": 0, "name": "Atta", "title": "x"}], [], {"nodes": (), "edges": ()})[0]
    [{'id': '0', 'type': 'entity', 'label': 'Atta', 'attributes': {'title': 'x'}}]
    """
    problems: list[Problem] = []
    attributes = _Attributes(reserved)
    out_nodes = []
    for k, n in enumerate(nodes):
        labelled = next((f for f in LABELS if n.get(f) is not None), "label")
        label = n.get(labelled)
        if isinstance(label, int | float) and not isinstance(label, bool):
            label = str(label)  # a number as its digits, as an id is
        out_nodes.append(
            {
                "id": _name(n.get("id"), f"nodes[{k}]", "id", problems),
                "type": str(n.get("type") or DEFAULT_TYPE),
                "label": label,
                "attributes": attributes.of(n, "nodes", k, frozenset({"id", "type", labelled})),
            }
        )
    out_edges = []
    for k, e in enumerate(edges):
        named = next((f for f in ("relation", "label", "type") if e.get(f)), None)
        used = {"id", "from", "to", "weight", *([named] if named else [])}
        row: dict[str, Any] = {
            "from": _name(e.get("from"), f"edges[{k}]", "from", problems),
            "to": _name(e.get("to"), f"edges[{k}]", "to", problems),
            "relation": str(e[named]) if named else DEFAULT_RELATION,
            "attributes": attributes.of(e, "edges", k, frozenset(used)),
        }
        if e.get("weight") is not None:
            row["weight"] = e["weight"]
        out_edges.append(row)
    return out_nodes, out_edges, problems, attributes.warnings
