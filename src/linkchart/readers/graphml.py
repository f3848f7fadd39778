"""GraphML (networkx, igraph, Gephi, yEd, Cytoscape): the file, to records, or located problems.

The XML goes through :func:`~.xmltree.read_xml` (no DTD, bounded); the JSON of the
header (graph data ``linkchart``) and of the ``aliases``, ``time`` and ``attributes``
fields through :func:`~.jsontext.read_json`. Every node needs an ``id`` attribute, every
edge a ``source`` and a ``target``; each problem carries the line of its element
(:mod:`.xmlgraph`).

A file from another tool (no ``linkchart`` header) is read as GraphML says: each value by
its key's ``attr.type`` (``int``/``long``, ``float``/``double``, ``boolean``, else text), a
key's ``<default>`` for an element that has no value of its own, an edge directed as its
``directed`` attribute says, else as the graph's ``edgedefault``. What linkchart cannot
read is never dropped silently: a node holding a graph of its own (a nested graph) and a
``<hyperedge>`` are located problems; a second ``<graph>`` is a located warning (the first
is read, as networkx does).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final

from ..errors import LoadError, Problem
from .convention import EDGE_EXCHANGE_FIELDS, NODE_EXCHANGE_FIELDS, Read, json_kind, wrong_type
from .jsontext import read_json
from .xmlgraph import Typed, graph_of, typed_value, xml_read, xml_records

__all__ = ["read_graphml"]

_TYPES: Final = {"int": "int", "long": "int", "float": "float", "double": "float", "boolean": "boolean"}


@dataclass(frozen=True, slots=True)
class _Key:
    """A ``<key>``: the name of its values, what it is for, their type and default."""

    name: str
    domain: str
    type: str
    default: str | None


def _keys(root: ET.Element, ns: dict[str, str]) -> dict[str, _Key]:
    out = {}
    for k in root.findall("x:key", ns):
        default = k.find("x:default", ns)
        out[k.get("id") or ""] = _Key(
            k.get("attr.name") or k.get("id") or "",
            k.get("for") or "all",
            _TYPES.get(k.get("attr.type") or "string", "string"),
            (default.text or "") if default is not None else None,
        )
    return out


def _header(
    graph: ET.Element,
    keys: Mapping[str, _Key],
    ns: dict[str, str],
    file: str,
    line: int | None,
    problems: list[Problem],
) -> Any:
    """The linkchart header of the graph (its ``linkchart`` data), or ``None``."""
    header: Any = None
    for d in graph.findall("x:data", ns):
        key = keys.get(d.get("key") or "")
        if (key.name if key else d.get("key")) != "linkchart":
            continue
        try:
            header = read_json(
                d.text or "",
                file,
                path="linkchart",
                line=line,
                where="the linkchart header (graph data 'linkchart')",
            )
        except LoadError as err:
            problems.extend(err.problems)
            continue
        if not isinstance(header, Mapping):
            problems.append(
                wrong_type(
                    f"the linkchart header must be a JSON object, not {json_kind(header)}",
                    file,
                    "linkchart",
                    line,
                    "export the chart again with linkchart",
                )
            )
    return header


def _structure(
    root: ET.Element, graph: ET.Element, ns: dict[str, str], file: str, lines: Mapping[Any, int]
) -> tuple[list[Problem], list[Problem]]:
    """Problems (nested graphs, hyperedges) and warnings (more graphs) of what is not read."""
    problems, warnings = [], []
    for node in graph.findall("x:node", ns):
        if node.find("x:graph", ns) is not None:
            problems.append(
                Problem(
                    "wrong-type",
                    f"node {node.get('id')!r} holds a graph of its own (a nested graph), which "
                    "linkchart does not read",
                    "",
                    file,
                    lines.get(node),
                    None,
                    "flatten the graph (in yEd: ungroup the group nodes) and export it again",
                )
            )
    for hyperedge in graph.findall("x:hyperedge", ns):
        problems.append(
            Problem(
                "wrong-type",
                "a <hyperedge> joins any number of nodes; linkchart reads ties between two",
                "",
                file,
                lines.get(hyperedge),
                None,
                "write each tie of the hyperedge as an <edge>",
            )
        )
    more = root.findall("x:graph", ns)[1:]
    if more:
        warnings.append(
            Problem(
                "wrong-type",
                f"the file holds {len(more) + 1} graphs; only the first is read",
                "",
                file,
                lines.get(more[0]),
                None,
                "export each graph to a file of its own",
            )
        )
    return problems, warnings


def read_graphml(raw: bytes, file: str) -> Read:
    """The header, nodes and edges of a GraphML file.

    Raises
    ------
    LoadError
        For XML that :func:`~.xmltree.read_xml` refuses, a file that is not GraphML, a
        header that is not a JSON object, a node without an id or an edge without an end,
        bad JSON in a field, a value that is not of its key's type, a nested graph, a
        hyperedge.
    """
    root, graph, ns, lines = graph_of(raw, file, "graphml")
    keys = _keys(root, ns)
    problems: list[Problem] = []
    header = _header(graph, keys, ns, file, lines.get(graph), problems)
    foreign = header is None
    found, warnings = _structure(root, graph, ns, file, lines)
    problems += found

    def values_of(kind: str) -> Typed:
        defaults = [k for k in keys.values() if k.default is not None and k.domain in (kind, "all")]

        def values(element: ET.Element) -> list[tuple[str, Any]]:
            out: list[tuple[str, Any]] = []
            for d in element.findall("x:data", ns):
                key = keys.get(d.get("key") or "")
                name = key.name if key is not None else d.get("key") or ""
                kind_of = key.type if key is not None and foreign else "string"
                out.append((name, typed_value(d.text, kind_of, name)))
            written = {name for name, _ in out}
            for key in defaults:
                if key.name not in written:
                    kind_of = key.type if foreign else "string"
                    out.append((key.name, typed_value(key.default, kind_of, key.name)))
            return out

        return values

    where: dict[str, int] = {}
    node_fields = () if foreign else NODE_EXCHANGE_FIELDS
    edge_fields = ("weight",) if foreign else EDGE_EXCHANGE_FIELDS
    node_elements = graph.findall("x:node", ns)
    edge_elements = graph.findall("x:edge", ns)
    nodes = xml_records(node_elements, "nodes", values_of("node"), node_fields, lines, where, problems, file)
    edges = xml_records(edge_elements, "edges", values_of("edge"), edge_fields, lines, where, problems, file)
    read = xml_read(header, nodes, edges, where, lines.get(graph), problems)
    read.warnings = warnings
    if foreign:
        default = graph.get("edgedefault", "directed") != "undirected"
        read.directed = [_directed(e.get("directed"), default) for e in edge_elements]
    return read


def _directed(value: str | None, default: bool) -> bool:
    if value is None:
        return default
    return value.strip().lower() in ("true", "1")
