"""GraphML (networkx, igraph, Gephi, yEd, Cytoscape): the file, to records, or located problems.

The XML goes through :func:`~.xmltree.read_xml` (no DTD, bounded); the JSON of the
header (graph data ``linkchart``) and of the ``aliases``, ``time`` and ``attributes``
fields through :func:`~.jsontext.read_json`. Every node needs an ``id`` attribute, every
edge a ``source`` and a ``target``; each problem carries the line of its element
(:mod:`.xmlgraph`).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Mapping
from typing import Any

from ..errors import LoadError, Problem
from .convention import EDGE_EXCHANGE_FIELDS, NODE_EXCHANGE_FIELDS, Read, json_kind, wrong_type
from .jsontext import read_json
from .xmlgraph import graph_of, xml_read, xml_records

__all__ = ["read_graphml"]


def read_graphml(raw: bytes, file: str) -> Read:
    """The header, nodes and edges of a GraphML file.

    Raises
    ------
    LoadError
        For XML that :func:`~.xmltree.read_xml` refuses, a file that is not GraphML, a
        header that is not a JSON object, a node without an id or an edge without an end,
        bad JSON in a field.
    """
    root, graph, ns, lines = graph_of(raw, file, "graphml")
    names = {k.get("id"): (k.get("attr.name") or k.get("id") or "") for k in root.findall("x:key", ns)}
    problems: list[Problem] = []
    header: Any = None
    for d in graph.findall("x:data", ns):
        if names.get(d.get("key")) != "linkchart":
            continue
        try:
            header = read_json(
                d.text or "",
                file,
                path="linkchart",
                line=lines.get(graph),
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
                    lines.get(graph),
                    "export the chart again with linkchart",
                )
            )

    def values(element: ET.Element) -> list[tuple[str, str | None]]:
        return [(names.get(d.get("key"), d.get("key") or ""), d.text) for d in element.findall("x:data", ns)]

    where: dict[str, int] = {}
    nodes = xml_records(
        graph.findall("x:node", ns), "nodes", values, NODE_EXCHANGE_FIELDS, lines, where, problems, file
    )
    edges = xml_records(
        graph.findall("x:edge", ns), "edges", values, EDGE_EXCHANGE_FIELDS, lines, where, problems, file
    )
    return xml_read(header, nodes, edges, where, lines.get(graph), problems)
