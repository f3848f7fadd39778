"""GEXF (Gephi): the file, to records, or located problems.

The XML goes through :func:`~.xmltree.read_xml` (no DTD, bounded). linkchart's header
rides in ``<meta><keywords>`` (GEXF has no graph attributes that networkx reads) as a JSON
object that starts with ``{"linkchart"``: such keywords are read strictly (bad JSON is a
problem, not a file from another tool); other keywords are Gephi's own. Every node needs
an ``id``, every edge a ``source`` and a ``target``; each problem carries the line of its
element.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from ..errors import LoadError, Problem
from .convention import Read, field_value, in_header, missing, wrong_type
from .graphml import xml_fields
from .jsontext import read_json
from .xmltree import local, read_xml

__all__ = ["GEXF_EDGE_FIELDS", "GEXF_NODE_FIELDS", "read_gexf"]

GEXF_NODE_FIELDS: Final = ("type", "aliases", "time", "attributes")
"""A node's fields as GEXF attributes (the label is the node's own ``label``)."""
GEXF_EDGE_FIELDS: Final = ("relation", "confidence", "evidence", "cites", "time", "attributes")
"""An edge's fields as GEXF attributes (the weight is the edge's own ``weight``)."""
_LINES = frozenset({"keywords", "node", "edge"})


def read_gexf(raw: bytes, file: str) -> Read:
    """The header, nodes and edges of a GEXF file.

    Raises
    ------
    LoadError
        For XML that :func:`~.xmltree.read_xml` refuses, a file that is not GEXF, a
        linkchart header of bad JSON, a node without an id or an edge without an end, bad
        JSON in a field.
    """
    root, lines = read_xml(raw, file, lines=_LINES)
    if local(root.tag) != "gexf":
        raise LoadError([wrong_type(f"not GEXF: the root element is <{local(root.tag)}>", file, "", 1)])
    ns = {"x": root.tag[1 : root.tag.index("}")] if root.tag.startswith("{") else ""}
    graph = root.find("x:graph", ns)
    if graph is None:
        raise LoadError([wrong_type("no <graph> element", file, "", 1, "export with linkchart or Gephi")])
    problems: list[Problem] = []
    header = None
    keywords = root.find("x:meta/x:keywords", ns)
    if keywords is not None and (keywords.text or "").lstrip().startswith('{"linkchart"'):
        try:
            header = read_json(
                keywords.text or "",
                file,
                path="linkchart",
                line=lines.get(keywords),
                where="the linkchart header (meta keywords)",
            )
        except LoadError as err:
            problems.extend(err.problems)
    titles: dict[tuple[str, str], str] = {}
    for attrs in graph.findall("x:attributes", ns):
        for a in attrs.findall("x:attribute", ns):
            titles[(attrs.get("class", ""), a.get("id", ""))] = a.get("title") or a.get("id") or ""

    def values(element: Any, kind: str) -> list[tuple[str, str | None]]:
        found = element.findall("x:attvalues/x:attvalue", ns)
        return [(titles.get((kind, v.get("for", "")), v.get("for", "")), v.get("value")) for v in found]

    nodes: list[dict[str, Any]] = []
    where: dict[str, int] = {}
    for k, node in enumerate(graph.findall("x:nodes/x:node", ns)):
        line = lines.get(node)
        if line is not None:
            where[f"nodes[{k}]"] = line
        if node.get("id") is None:
            problems.append(missing("the 'id' attribute", file, f"nodes[{k}].id", line))
        row: dict[str, Any] = {"id": node.get("id")}
        if node.get("label") is not None:
            row["label"] = node.get("label")
        row.update(xml_fields(values(node, "node"), GEXF_NODE_FIELDS, file, f"nodes[{k}]", line, problems))
        nodes.append(row)
    edges: list[dict[str, Any]] = []
    for k, edge in enumerate(graph.findall("x:edges/x:edge", ns)):
        line = lines.get(edge)
        if line is not None:
            where[f"edges[{k}]"] = line
        for end in ("source", "target"):
            if edge.get(end) is None:
                problems.append(missing(f"the '{end}' attribute", file, f"edges[{k}].{end}", line))
        erow: dict[str, Any] = {
            "id": edge.get("id") or f"e{k}",
            "from": edge.get("source"),
            "to": edge.get("target"),
        }
        if edge.get("weight") is not None:
            erow["weight"] = field_value(edge.get("weight"), "weight", file, f"edges[{k}].weight", line)
        if edge.get("label") is not None and header is None:  # linkchart writes the relation as the label too
            erow["label"] = edge.get("label")
        erow.update(xml_fields(values(edge, "edge"), GEXF_EDGE_FIELDS, file, f"edges[{k}]", line, problems))
        edges.append(erow)
    if problems:
        raise LoadError(problems)
    if not isinstance(header, Mapping):
        return Read(None, nodes, edges, where)
    if keywords is not None and keywords in lines:  # the header's own problems: at its line
        where[""] = lines[keywords]
    return Read(dict(header), nodes, edges, where, place=lambda p: in_header(p, "linkchart"))
