"""GEXF (Gephi): the file, to records, or located problems.

The XML goes through :func:`~.xmltree.read_xml` (no DTD, bounded). linkchart's header
rides in ``<meta><keywords>`` (GEXF has no graph attributes that networkx reads) as a JSON
object that starts with ``{"linkchart"``: such keywords are read strictly (bad JSON is a
problem, not a file from another tool); other keywords are Gephi's own. Every node needs
an ``id``, every edge a ``source`` and a ``target``; each problem carries the line of its
element (:mod:`.xmlgraph`).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Any, Final

from ..errors import LoadError, Problem
from .convention import Read, field_value
from .jsontext import read_json
from .xmlgraph import graph_of, xml_read, xml_records

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
    "attributes",
)
"""An edge's fields as GEXF attributes (the weight is the edge's own ``weight``)."""


def read_gexf(raw: bytes, file: str) -> Read:
    """The header, nodes and edges of a GEXF file.

    Raises
    ------
    LoadError
        For XML that :func:`~.xmltree.read_xml` refuses, a file that is not GEXF, a
        linkchart header of bad JSON, a node without an id or an edge without an end, bad
        JSON in a field.
    """
    root, graph, ns, lines = graph_of(raw, file, "gexf")
    problems: list[Problem] = []
    header: Any = None
    keywords = root.find("x:meta/x:keywords", ns)
    header_line = lines.get(keywords) if keywords is not None else None
    if keywords is not None and (keywords.text or "").lstrip().startswith('{"linkchart"'):
        try:
            header = read_json(
                keywords.text or "",
                file,
                path="linkchart",
                line=header_line,
                where="the linkchart header (meta keywords)",
            )
        except LoadError as err:
            problems.extend(err.problems)
    titles: dict[tuple[str, str], str] = {}
    for attrs in graph.findall("x:attributes", ns):
        for a in attrs.findall("x:attribute", ns):
            titles[(attrs.get("class", ""), a.get("id", ""))] = a.get("title") or a.get("id") or ""

    def values_of(kind: str) -> Any:
        def values(element: ET.Element) -> list[tuple[str, str | None]]:
            found = element.findall("x:attvalues/x:attvalue", ns)
            return [(titles.get((kind, v.get("for", "")), v.get("for", "")), v.get("value")) for v in found]

        return values

    def node_label(node: ET.Element, k: int, line: int | None) -> dict[str, Any]:
        return {"label": node.get("label")} if node.get("label") is not None else {}

    def edge_own(edge: ET.Element, k: int, line: int | None) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if edge.get("weight") is not None:
            out["weight"] = field_value(edge.get("weight"), "weight", file, f"edges[{k}].weight", line)
        if edge.get("label") is not None and header is None:  # linkchart writes the relation as the label too
            out["label"] = edge.get("label")
        return out

    where: dict[str, int] = {}

    def records(tags: str, section: str, known: tuple[str, ...], own: Any) -> list[dict[str, Any]]:
        kind = section[:-1]  # "node", "edge": the class of their attributes
        return xml_records(
            graph.findall(tags, ns), section, values_of(kind), known, lines, where, problems, file, own
        )

    nodes = records("x:nodes/x:node", "nodes", GEXF_NODE_FIELDS, node_label)
    edges = records("x:edges/x:edge", "edges", GEXF_EDGE_FIELDS, edge_own)
    return xml_read(header, nodes, edges, where, header_line, problems)
