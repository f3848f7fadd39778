"""GraphML (networkx, igraph, Gephi, yEd, Cytoscape): :func:`dumps`.

One ``<key>`` per field of linkchart's convention (``docs/exchange.md``): the header as
JSON in the graph's ``linkchart`` data, a node's and an edge's fields as ``<data>``
(``aliases``, ``time``, ``notes`` and ``attributes`` as JSON text, ``weight`` a double).
"""

from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ET
from pathlib import Path

from ..model import LinkChart
from ..readers.convention import EDGE_EXCHANGE_FIELDS, GRAPHML_NS, NODE_EXCHANGE_FIELDS
from ._document import Parts, check_holdable, exchange_parts, folder_of, text_of

__all__ = ["dumps", "graphml_text"]


def graphml_text(parts: Parts) -> str:
    """The GraphML text of a chart's exchange parts."""
    head, nodes, edges = parts
    ET.register_namespace("", GRAPHML_NS)
    root = ET.Element(f"{{{GRAPHML_NS}}}graphml")
    keys = [("g_linkchart", "graph", "linkchart", "string")]
    keys += [(f"n_{f}", "node", f, "string") for f in NODE_EXCHANGE_FIELDS]
    keys += [(f"e_{f}", "edge", f, "double" if f == "weight" else "string") for f in EDGE_EXCHANGE_FIELDS]
    for key_id, kind, name, typ in keys:
        ET.SubElement(
            root, f"{{{GRAPHML_NS}}}key", {"id": key_id, "for": kind, "attr.name": name, "attr.type": typ}
        )
    graph = ET.SubElement(root, f"{{{GRAPHML_NS}}}graph", {"id": "G", "edgedefault": "directed"})
    ET.SubElement(graph, f"{{{GRAPHML_NS}}}data", {"key": "g_linkchart"}).text = json.dumps(
        head, ensure_ascii=False
    )  # in order: the order of node types and relations is part of the chart
    for n in nodes:
        node = ET.SubElement(graph, f"{{{GRAPHML_NS}}}node", {"id": n["id"]})
        for f in NODE_EXCHANGE_FIELDS:
            if f in n:
                ET.SubElement(node, f"{{{GRAPHML_NS}}}data", {"key": f"n_{f}"}).text = text_of(n[f], f)
    for e in edges:
        edge = ET.SubElement(
            graph, f"{{{GRAPHML_NS}}}edge", {"id": e["id"], "source": e["from"], "target": e["to"]}
        )
        for f in EDGE_EXCHANGE_FIELDS:
            if f in e:
                ET.SubElement(edge, f"{{{GRAPHML_NS}}}data", {"key": f"e_{f}"}).text = text_of(e[f], f)
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


def dumps(
    chart: LinkChart, *, folder: str | os.PathLike[str] | None = None, embed_sources: bool = True
) -> str:
    """The chart as GraphML text, for a file written into ``folder`` (default: the chart's own),
    each source with its text unless ``embed_sources=False`` (``docs/exchange.md``).

    Raises
    ------
    LinkchartError
        For a text XML cannot hold (a control character, a carriage return), naming the item.

    Examples
    --------
    >>> import linkchart
    >>> c = linkchart.from_records([{"id": "A", "type": "state"}], [])
    >>> dumps(c).splitlines()[0]
    "<?xml version='1.0' encoding='utf-8'?>"
    """
    parts = exchange_parts(
        chart, Path(folder) if folder is not None else folder_of(chart), embed=embed_sources
    )
    check_holdable("graphml", parts)
    return graphml_text(parts)
