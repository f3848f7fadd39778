"""GEXF 1.3 (Gephi): :func:`dumps`.

linkchart's convention (``docs/exchange.md``): the header as JSON in ``<meta><keywords>``
(GEXF has no graph attributes networkx reads), a node's and an edge's fields as
``attvalue`` (the label and the weight as GEXF's own), and what Gephi draws: each node's
colour and shape (by its type), size (by a measure, betweenness by default) and position,
and each dated node or tie as a spell on Gephi's timeline. The writer computes none of
these: the caller passes them (:func:`linkchart.export` does).
"""

from __future__ import annotations

import json
import math
import os
import xml.etree.ElementTree as ET
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, Final

import numpy as np
import numpy.typing as npt

from ..model import LinkChart
from ..readers.convention import GEXF_NS, VIZ_NS
from ..readers.gexf import GEXF_EDGE_FIELDS, GEXF_NODE_FIELDS
from ..timegrammar import parse_time
from ..times import Span
from ._document import Parts, check_holdable, exchange_parts, folder_of, text_of

__all__ = ["Positions", "dumps", "gexf_text"]

Positions = npt.NDArray[np.float64] | Sequence[Sequence[float]]
"""``(x, y)`` of each node, in the chart's node order."""
_SHAPES: Final = {"dot": "disc", "square": "square", "triangle": "triangle", "diamond": "diamond"}
"""vis-network's node shapes that GEXF names (any other is a disc)."""


def _spell(element: ET.Element, time: Any) -> None:
    """A GEXF spell (first and last day, for Gephi's timeline) under ``element``."""
    span = parse_time(time)
    if not isinstance(span, Span) or not span.dated:
        return
    spell: dict[str, str] = {}
    if span.first is not None:
        spell["start"] = span.first.isoformat()
    if span.last is not None:
        spell["end"] = span.last.isoformat()
    ET.SubElement(ET.SubElement(element, f"{{{GEXF_NS}}}spells"), f"{{{GEXF_NS}}}spell", spell)


def _rgb(color: str) -> tuple[int, int, int]:
    hex_ = color.lstrip("#")
    if len(hex_) != 6:
        return (128, 128, 128)
    return (int(hex_[0:2], 16), int(hex_[2:4], 16), int(hex_[4:6], 16))


def _attributes(graph: ET.Element, kind: str, fields: Sequence[str]) -> None:
    element = ET.SubElement(graph, f"{{{GEXF_NS}}}attributes", {"class": kind})
    for i, f in enumerate(fields):
        ET.SubElement(
            element, f"{{{GEXF_NS}}}attribute", {"id": f"{kind[0]}{i}", "title": f, "type": "string"}
        )


def _attvalues(element: ET.Element, record: Mapping[str, Any], kind: str, fields: Sequence[str]) -> None:
    values = ET.SubElement(element, f"{{{GEXF_NS}}}attvalues")
    for j, f in enumerate(fields):
        if f in record:
            ET.SubElement(
                values, f"{{{GEXF_NS}}}attvalue", {"for": f"{kind[0]}{j}", "value": text_of(record[f], f)}
            )


def gexf_text(
    title: str,
    parts: Parts,
    *,
    positions: Positions,
    sizes: Mapping[str, float],
    looks: Mapping[str, tuple[str, str]],
) -> str:
    """The GEXF text of a chart's exchange parts (see :func:`dumps` for the arguments)."""
    head, nodes, edges = parts
    ET.register_namespace("", GEXF_NS)
    ET.register_namespace("viz", VIZ_NS)
    root = ET.Element(f"{{{GEXF_NS}}}gexf", {"version": "1.3"})
    meta = ET.SubElement(root, f"{{{GEXF_NS}}}meta")
    ET.SubElement(meta, f"{{{GEXF_NS}}}creator").text = "linkchart"
    ET.SubElement(meta, f"{{{GEXF_NS}}}description").text = title
    graph = ET.SubElement(
        root, f"{{{GEXF_NS}}}graph", {"defaultedgetype": "directed", "mode": "dynamic", "timeformat": "date"}
    )
    _attributes(graph, "node", GEXF_NODE_FIELDS)
    _attributes(graph, "edge", GEXF_EDGE_FIELDS)
    # GEXF keeps graph attributes in the meta keywords; the header rides there as JSON
    ET.SubElement(meta, f"{{{GEXF_NS}}}keywords").text = json.dumps(head, ensure_ascii=False)
    top = max(sizes.values(), default=0.0) or 1.0
    nodes_el = ET.SubElement(graph, f"{{{GEXF_NS}}}nodes")
    for i, n in enumerate(nodes):
        el = ET.SubElement(
            nodes_el, f"{{{GEXF_NS}}}node", {"id": n["id"], "label": str(n.get("label", n["id"]))}
        )
        _attvalues(el, n, "node", GEXF_NODE_FIELDS)
        color, shape = looks[n["type"]]
        r, g, b = _rgb(color)
        ET.SubElement(el, f"{{{VIZ_NS}}}color", {"r": str(r), "g": str(g), "b": str(b)})
        size = 10 + 22 * math.sqrt(max(sizes.get(n["id"], 0.0), 0.0) / top)
        ET.SubElement(el, f"{{{VIZ_NS}}}size", {"value": f"{size:.1f}"})
        ET.SubElement(el, f"{{{VIZ_NS}}}shape", {"value": _SHAPES.get(shape, "disc")})
        x, y = positions[i][0], positions[i][1]
        ET.SubElement(el, f"{{{VIZ_NS}}}position", {"x": f"{x:.2f}", "y": f"{-y:.2f}", "z": "0.0"})
        if n.get("time") is not None:
            _spell(el, n["time"])
    edges_el = ET.SubElement(graph, f"{{{GEXF_NS}}}edges")
    for e in edges:
        attrs = {"id": e["id"], "source": e["from"], "target": e["to"], "label": e["relation"]}
        if "weight" in e:
            attrs["weight"] = repr(float(e["weight"]))
        el = ET.SubElement(edges_el, f"{{{GEXF_NS}}}edge", attrs)
        _attvalues(el, e, "edge", GEXF_EDGE_FIELDS)
        if e.get("time") is not None:
            _spell(el, e["time"])
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


def dumps(
    chart: LinkChart,
    *,
    positions: Positions,
    sizes: Mapping[str, float],
    looks: Mapping[str, tuple[str, str]],
    folder: str | os.PathLike[str] | None = None,
    embed_sources: bool = True,
) -> str:
    """The chart as GEXF 1.3 text, for a file written into ``folder`` (default: the chart's own).

    Parameters
    ----------
    chart
        The chart.
    positions
        ``(x, y)`` of each node, in the chart's node order (screen coordinates: ``y``
        grows downwards; GEXF's grows upwards).
    sizes
        Node id -> the value its size shows (a node left out counts 0): the node with the
        largest value is drawn 32, one with 0 drawn 10, the area in proportion between.
    looks
        Node type -> ``(colour, shape)``: a ``#rrggbb`` colour (any other is grey) and a
        vis-network shape (``dot``, ``square``, ``triangle``, ``diamond``; any other is a disc).
    folder
        Where the file will lie: a source's relative local ``location`` is written
        relative to it (where it lies inside it).
    embed_sources
        Embed each source's text (default ``True``), so that the file checks its quotes
        wherever it is loaded (``docs/exchange.md``); ``False`` writes a source's
        location only where it lies inside ``folder``.

    Raises
    ------
    LinkchartError
        For a text XML cannot hold (a control character, a carriage return), naming the item.

    Examples
    --------
    >>> import linkchart
    >>> c = linkchart.from_records([{"id": "A", "type": "state"}], [])
    >>> text = dumps(c, positions=[(0.0, 0.0)], sizes={"A": 1.0}, looks={"state": ("#1f77b4", "square")})
    >>> '<viz:shape value="square" />' in text
    True
    """
    parts = exchange_parts(
        chart, Path(folder) if folder is not None else folder_of(chart), embed=embed_sources
    )
    check_holdable("gexf", parts)
    return gexf_text(chart.title, parts, positions=positions, sizes=sizes, looks=looks)
