"""GEXF (Gephi): the file, to records, or located problems.

The XML goes through :func:`~.xmltree.read_xml` (no DTD, bounded). linkchart's header
rides in ``<meta><keywords>`` (GEXF has no graph attributes that networkx reads) as a JSON
object that starts with ``{"linkchart"``: such keywords are read strictly (bad JSON is a
problem, not a file from another tool); other keywords are Gephi's own. Every node needs
an ``id``, every edge a ``source`` and a ``target``; each problem carries the line of its
element (:mod:`.xmlgraph`).

A file from another tool is read as GEXF says: each value by its attribute's ``type``
(``integer``/``long``, ``float``/``double``, ``boolean``, else text), an attribute's
``<default>`` for an element without a value of its own, an edge directed as its ``type``
says (``directed``; ``undirected`` and ``mutual`` are undirected), else as the graph's
``defaultedgetype`` (GEXF's default: undirected). A node holding nodes of its own (a
hierarchy) is a located problem: linkchart reads one level.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Mapping
from typing import Any, Final

from ..errors import LoadError, Problem
from .convention import Read, field_value
from .jsontext import read_json
from .xmlgraph import Typed, graph_of, typed_value, xml_read, xml_records

__all__ = ["GEXF_EDGE_FIELDS", "GEXF_NODE_FIELDS", "read_gexf"]

GEXF_NODE_FIELDS: Final = ("type", "aliases", "time", "notes", "attributes")
"""A node's fields as GEXF attributes (the label is the node's own ``label``)."""
GEXF_EDGE_FIELDS: Final = (
    "relation",
    "confidence",
    "evidence",
    "cites",
    "time",
    "alternative",
    "notes",
    "probability",
    "attributes",
)
"""An edge's fields as GEXF attributes (the weight is the edge's own ``weight``)."""
_TYPES: Final = {"integer": "int", "long": "int", "float": "float", "double": "float", "boolean": "boolean"}

Attribute = tuple[str, str, str | None]
"""An attribute declaration: its title, its type (as :func:`~.xmlgraph.typed_value` reads it), its default."""


def _declared(graph: ET.Element, ns: dict[str, str]) -> dict[tuple[str, str], Attribute]:
    out: dict[tuple[str, str], Attribute] = {}
    for attrs in graph.findall("x:attributes", ns):
        for a in attrs.findall("x:attribute", ns):
            default = a.find("x:default", ns)
            out[(attrs.get("class", ""), a.get("id", ""))] = (
                a.get("title") or a.get("id") or "",
                _TYPES.get(a.get("type") or "string", "string"),
                (default.text or "") if default is not None else None,
            )
    return out


def _header(
    root: ET.Element, ns: dict[str, str], file: str, lines: Mapping[Any, int], problems: list[Problem]
) -> tuple[Any, int | None]:
    """The linkchart header in the meta keywords (or ``None``), and the keywords' line."""
    keywords = root.find("x:meta/x:keywords", ns)
    line = lines.get(keywords) if keywords is not None else None
    if keywords is None or not (keywords.text or "").lstrip().startswith('{"linkchart"'):
        return None, line
    try:
        return read_json(
            keywords.text or "",
            file,
            path="linkchart",
            line=line,
            where="the linkchart header (meta keywords)",
        ), line
    except LoadError as err:
        problems.extend(err.problems)
        return None, line


def read_gexf(raw: bytes, file: str) -> Read:
    """The header, nodes and edges of a GEXF file.

    Raises
    ------
    LoadError
        For XML that :func:`~.xmltree.read_xml` refuses, a file that is not GEXF, a
        linkchart header of bad JSON, a node without an id or an edge without an end,
        bad JSON in a field, a value that is not of its attribute's type, nested nodes.
    """
    root, graph, ns, lines = graph_of(raw, file, "gexf")
    problems: list[Problem] = []
    header, header_line = _header(root, ns, file, lines, problems)
    foreign = header is None and not problems
    declared = _declared(graph, ns)

    def values_of(kind: str) -> Typed:
        defaults = [d for (c, _), d in declared.items() if c == kind and d[2] is not None]

        def values(element: ET.Element) -> list[tuple[str, Any]]:
            out: list[tuple[str, Any]] = []
            for v in element.findall("x:attvalues/x:attvalue", ns):
                title, kind_of, _ = declared.get((kind, v.get("for", "")), (v.get("for", ""), "string", None))
                out.append((title, typed_value(v.get("value"), kind_of if foreign else "string", title)))
            written = {name for name, _ in out}
            for title, kind_of, default in defaults:
                if title not in written:
                    out.append((title, typed_value(default, kind_of if foreign else "string", title)))
            return out

        return values

    def node_label(node: ET.Element, k: int, line: int | None) -> dict[str, Any]:
        if node.find("x:nodes", ns) is not None:
            problems.append(
                Problem(
                    "wrong-type",
                    f"node {node.get('id')!r} holds nodes of its own (a hierarchy), which linkchart "
                    "does not read",
                    "",
                    file,
                    line,
                    None,
                    "flatten the hierarchy in Gephi and export it again",
                )
            )
        return {"label": node.get("label")} if node.get("label") is not None else {}

    def edge_own(edge: ET.Element, k: int, line: int | None) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if edge.get("weight") is not None:
            out["weight"] = field_value(edge.get("weight"), "weight", file, f"edges[{k}].weight", line)
        if edge.get("label") is not None and header is None:  # linkchart writes the relation as the label too
            out["label"] = edge.get("label")
        return out

    where: dict[str, int] = {}
    node_fields = () if foreign else GEXF_NODE_FIELDS
    edge_fields = () if foreign else GEXF_EDGE_FIELDS
    edge_elements = graph.findall("x:edges/x:edge", ns)
    nodes = xml_records(
        graph.findall("x:nodes/x:node", ns),
        "nodes",
        values_of("node"),
        node_fields,
        lines,
        where,
        problems,
        file,
        node_label,
    )
    edges = xml_records(
        edge_elements, "edges", values_of("edge"), edge_fields, lines, where, problems, file, edge_own
    )
    read = xml_read(header, nodes, edges, where, header_line, problems)
    if foreign:
        default = graph.get("defaultedgetype", "undirected")
        read.directed = [(e.get("type") or default) == "directed" for e in edge_elements]
    return read
