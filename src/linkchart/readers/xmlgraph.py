"""What GraphML and GEXF share: a graph document of node and edge elements, to records.

Both formats are read from :func:`~.xmltree.read_xml` (no DTD, bounded). A node element
needs an ``id`` attribute, an edge element a ``source`` and a ``target``; linkchart's
fields among a node's or edge's values are decoded (JSON, a weight); a value written twice
or bad JSON is a problem. Every problem carries the line of its element.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable, Mapping
from typing import Any, Final

from ..errors import LoadError, Problem
from .convention import Read, field_value, in_header, missing, wrong_type
from .xmltree import local, read_xml

__all__ = ["BadValue", "Typed", "Values", "graph_of", "typed_value", "xml_read", "xml_records"]

_NAMES = {"graphml": "GraphML", "gexf": "GEXF"}

Values = Callable[[ET.Element], list[tuple[str, str | None]]]
"""The ``(name, text)`` values of a node or edge element (GraphML ``<data>``, GEXF ``attvalue``)."""
Typed = Callable[[ET.Element], list[tuple[str, Any]]]
"""The ``(name, value)`` values of an element, each read by the type its file declares
(:func:`typed_value`): text, a number, a boolean, or a :class:`BadValue`."""


class BadValue:
    """A value that is not of the type its file declares; ``reason`` says why."""

    __slots__ = ("reason",)

    def __init__(self, reason: str) -> None:
        self.reason = reason


_TRUE: Final = frozenset({"true", "1"})
_FALSE: Final = frozenset({"false", "0"})


def typed_value(text: str | None, kind: str, name: str) -> Any:
    """``text`` read as ``kind`` (``"int"``, ``"float"``, ``"boolean"``; else text as it is),
    or a :class:`BadValue` when it is not one; ``None`` (no text) stays ``None``.

    Examples
    --------
    >>> typed_value("3", "int", "n"), typed_value("2.5", "float", "w"), typed_value("True", "boolean", "b")
    (3, 2.5, True)
    >>> typed_value("x", "int", "n").reason
    "'x' is not a whole number (the field 'n' is declared int)"
    """
    if text is None:
        return None
    try:
        if kind == "int":
            return int(text.strip())
        if kind == "float":
            return float(text.strip())
    except ValueError:
        what = "a whole number" if kind == "int" else "a number"
        return BadValue(f"{text[:40]!r} is not {what} (the field {name!r} is declared {kind})")
    if kind == "boolean":
        word = text.strip().lower()
        if word in _TRUE or word in _FALSE:
            return word in _TRUE
        return BadValue(f"{text[:40]!r} is not true or false (the field {name!r} is declared boolean)")
    return text


def graph_of(
    raw: bytes, file: str, root_name: str
) -> tuple[ET.Element, ET.Element, dict[str, str], Mapping[Any, int]]:
    """The root, the ``<graph>`` element, the namespace map (prefix ``x``) and the lines of
    ``graph``, ``node``, ``edge`` and ``keywords`` elements of a GraphML or GEXF file."""
    root, lines = read_xml(raw, file, lines=frozenset({"graph", "node", "edge", "keywords", "hyperedge"}))
    if local(root.tag) != root_name:
        raise LoadError(
            [wrong_type(f"not {_NAMES[root_name]}: the root element is <{local(root.tag)}>", file, "", 1)]
        )
    ns = {"x": root.tag[1 : root.tag.index("}")] if root.tag.startswith("{") else ""}
    graph = root.find("x:graph", ns)
    if graph is None:
        raise LoadError(
            [wrong_type("no <graph> element", file, "", 1, f"a {_NAMES[root_name]} file has one")]
        )
    return root, graph, ns, lines


def _fields(
    values: list[tuple[str, Any]],
    known: tuple[str, ...],
    file: str,
    path: str,
    line: int | None,
    problems: list[Problem],
) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, text in values:
        if name in out:
            problems.append(
                Problem(
                    "duplicate-key",
                    f"the field {name!r} is written twice",
                    f"{path}.{name}",
                    file,
                    line,
                    None,
                    "keep one of them",
                )
            )
            continue
        if isinstance(text, BadValue):
            problems.append(
                wrong_type(text.reason, file, f"{path}.{name}", line, "write a value of that type")
            )
            continue
        try:
            decode = name in known and (text is None or isinstance(text, str))
            out[name] = field_value(text or "", name, file, f"{path}.{name}", line) if decode else text
        except LoadError as err:
            problems.extend(err.problems)
    return out


def xml_records(
    elements: list[ET.Element],
    section: str,
    values: Values | Typed,
    known: tuple[str, ...],
    lines: Mapping[Any, int],
    where: dict[str, int],
    problems: list[Problem],
    file: str,
    own: Callable[[ET.Element, int, int | None], dict[str, Any]] | None = None,
) -> list[dict[str, Any]]:
    """The records of node (``section="nodes"``) or edge elements: the id (and ends), what
    ``own`` reads from the element itself, then its values; each element's line in ``where``."""
    out = []
    for k, element in enumerate(elements):
        line = lines.get(element)
        if line is not None:
            where[f"{section}[{k}]"] = line
        needed = ("id",) if section == "nodes" else ("source", "target")
        for name in needed:
            if element.get(name) is None:
                problems.append(missing(f"the {name!r} attribute", file, f"{section}[{k}].{name}", line))
        if section == "nodes":
            row: dict[str, Any] = {"id": element.get("id")}
        else:
            row = {
                "id": element.get("id") or f"e{k}",
                "from": element.get("source"),
                "to": element.get("target"),
            }
        if own is not None:
            row.update(own(element, k, line))
        row.update(_fields(values(element), known, file, f"{section}[{k}]", line, problems))
        out.append(row)
    return out


def xml_read(
    header: Any,
    nodes: list[dict[str, Any]],
    edges: list[dict[str, Any]],
    where: dict[str, int],
    header_line: int | None,
    problems: list[Problem],
) -> Read:
    """The :class:`~.convention.Read` of a GraphML or GEXF file, or its problems raised; the
    header's own problems are placed at ``linkchart`` (and its element's line)."""
    if problems:
        raise LoadError(problems)
    if not isinstance(header, Mapping):
        return Read(None, nodes, edges, where)
    if header_line is not None:
        where[""] = header_line
    return Read(dict(header), nodes, edges, where, place=lambda p: in_header(p, "linkchart"))
