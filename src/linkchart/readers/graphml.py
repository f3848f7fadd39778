"""GraphML (networkx, igraph, Gephi, yEd, Cytoscape): the file, to records, or located problems.

The XML goes through :func:`~.xmltree.read_xml` (no DTD, bounded); the JSON of the
header (graph data ``linkchart``) and of the ``aliases``, ``time`` and ``attributes``
fields through :func:`~.jsontext.read_json`. Every node needs an ``id`` attribute, every
edge a ``source`` and a ``target``; each problem carries the line of its element.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..errors import LoadError, Problem
from .convention import (
    EDGE_EXCHANGE_FIELDS,
    NODE_EXCHANGE_FIELDS,
    Read,
    field_value,
    in_header,
    json_kind,
    missing,
    wrong_type,
)
from .jsontext import read_json
from .xmltree import local, read_xml

__all__ = ["read_graphml", "xml_fields"]

_LINES = frozenset({"graph", "node", "edge"})


def xml_fields(
    values: list[tuple[str, str | None]],
    known: tuple[str, ...],
    file: str,
    path: str,
    line: int | None,
    problems: list[Problem],
) -> dict[str, Any]:
    """The fields of one node or edge from its ``(name, text)`` pairs: linkchart's fields
    decoded (JSON, a weight), others as text; a name written twice and bad JSON are problems."""
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
        try:
            out[name] = field_value(text or "", name, file, f"{path}.{name}", line) if name in known else text
        except LoadError as err:
            problems.extend(err.problems)
    return out


def read_graphml(raw: bytes, file: str) -> Read:
    """The header, nodes and edges of a GraphML file.

    Raises
    ------
    LoadError
        For XML that :func:`~.xmltree.read_xml` refuses, a file that is not GraphML, a
        header that is not a JSON object, a node without an id or an edge without an end,
        bad JSON in a field.
    """
    root, lines = read_xml(raw, file, lines=_LINES)
    if local(root.tag) != "graphml":
        raise LoadError([wrong_type(f"not GraphML: the root element is <{local(root.tag)}>", file, "", 1)])
    ns = {"g": root.tag[1 : root.tag.index("}")] if root.tag.startswith("{") else ""}
    names = {k.get("id"): (k.get("attr.name") or k.get("id") or "") for k in root.findall("g:key", ns)}
    graph = root.find("g:graph", ns)
    if graph is None:
        raise LoadError(
            [wrong_type("no <graph> element", file, "", 1, "export with linkchart or another GraphML writer")]
        )
    problems: list[Problem] = []
    header = None
    for d in graph.findall("g:data", ns):
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
    nodes: list[dict[str, Any]] = []
    where: dict[str, int] = {}
    for k, node in enumerate(graph.findall("g:node", ns)):
        line = lines.get(node)
        if line is not None:
            where[f"nodes[{k}]"] = line
        if node.get("id") is None:
            problems.append(missing("the 'id' attribute", file, f"nodes[{k}].id", line))
        values = [(names.get(d.get("key"), d.get("key") or ""), d.text) for d in node.findall("g:data", ns)]
        nodes.append(
            {
                "id": node.get("id"),
                **xml_fields(values, NODE_EXCHANGE_FIELDS, file, f"nodes[{k}]", line, problems),
            }
        )
    edges: list[dict[str, Any]] = []
    for k, edge in enumerate(graph.findall("g:edge", ns)):
        line = lines.get(edge)
        if line is not None:
            where[f"edges[{k}]"] = line
        for end in ("source", "target"):
            if edge.get(end) is None:
                problems.append(missing(f"the '{end}' attribute", file, f"edges[{k}].{end}", line))
        values = [(names.get(d.get("key"), d.get("key") or ""), d.text) for d in edge.findall("g:data", ns)]
        row = {"id": edge.get("id") or f"e{k}", "from": edge.get("source"), "to": edge.get("target")}
        edges.append({**row, **xml_fields(values, EDGE_EXCHANGE_FIELDS, file, f"edges[{k}]", line, problems)})
    if problems:
        raise LoadError(problems)
    if not isinstance(header, Mapping):
        return Read(None, nodes, edges, where)
    if lines.get(graph) is not None:  # the header's own problems: at its line
        where[""] = lines[graph]
    return Read(dict(header), nodes, edges, where, place=lambda p: in_header(p, "linkchart"))
