"""Export a chart to other tools' formats, and load it back: GraphML, GEXF, node-link JSON, Excel.

Every format carries the whole chart by one documented convention (``docs/exchange.md``),
so ``load(export(chart, path)) == chart``:

- the chart's **header** — title, description, sources, confidence scale, node types,
  relations (with sign and layer), analysis — travels as JSON text in one graph-level
  field named ``linkchart`` (a ``vocabulary`` sheet in Excel);
- a **node** has ``id``, ``type``, ``label``, ``aliases`` (a JSON list) and
  ``attributes`` (a JSON object of its free attributes);
- an **edge** has ``id``, its two ends, ``relation``, ``confidence``, ``evidence``,
  ``cites`` (the source id: ``source`` names an edge's end in GraphML, GEXF and
  node-link JSON), ``time`` (JSON: a year or ``{"from": a, "to": b}``), ``weight`` and
  ``attributes`` (JSON).

Files made by other tools, without the ``linkchart`` field, load too: node ``type``
(default ``entity``), ``label``, and an edge's ``relation`` (else its ``label`` or
``type``, else ``tie``), ``weight``, and every other field as a free attribute (the
relations and node types are then taken as they appear). Reading is
:mod:`linkchart.readers`: one bounded parsing boundary per format, every problem located.
"""

from __future__ import annotations

import io
import json
import math
import os
import re
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import LinkchartError
from .files import write_atomic
from .readers.convention import (
    EDGE_EXCHANGE_FIELDS,
    FORMATS,
    GEXF_NS,
    GRAPHML_NS,
    JSON_FIELDS,
    NODE_EXCHANGE_FIELDS,
    SHEET_EDGE,
    SHEET_NODE,
    SOURCE_COLUMNS,
    VIZ_NS,
    VOCABULARY_COLUMNS,
    Format,
    format_of,
)
from .readers.gexf import GEXF_EDGE_FIELDS, GEXF_NODE_FIELDS
from .readers.read import read_exchange
from .times import Span

if TYPE_CHECKING:
    from .model import LinkChart

__all__ = ["FORMATS", "Format", "export", "format_of", "read_exchange"]


# ---------------------------------------------------------------------------- the common form
def _parts(
    chart: LinkChart, folder: Path
) -> tuple[dict[str, Any], list[dict[str, Any]], list[dict[str, Any]]]:
    """Header, node records and edge records (with every field, ``cites`` for the source)."""
    from .loading.write import chart_document

    doc = chart_document(chart, folder)
    nodes = doc.pop("nodes")
    edges = doc.pop("edges")
    full_edges = []
    for k, e in enumerate(edges):
        row = dict(e)
        row.setdefault("id", f"e{k}")
        if "source" in row:
            row["cites"] = row.pop("source")
        full_edges.append(row)
    return doc, nodes, full_edges


def _text(value: Any, field: str) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True) if field in JSON_FIELDS else str(value)


_NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\r\ufffe\uffff]")


def _check_holdable(
    kind: str, header: Mapping[str, Any], nodes: list[dict[str, Any]], edges: list[dict[str, Any]]
) -> None:
    """Refuse, naming the item, a text the format cannot hold (rather than change it silently).

    XML 1.0 (GraphML, GEXF, and the XML inside an Excel file) has no way to write the C0
    control characters or the non-characters U+FFFE and U+FFFF, and turns a carriage
    return into a newline.
    JSON and YAML hold every text.
    """
    bad = _NOT_IN_XML

    def walk(value: Any, where: str) -> None:
        if isinstance(value, str):
            found = bad.search(value)
            if found:
                raise LinkchartError(
                    f"{where} holds the character U+{ord(found.group()):04X}, which {kind} cannot hold; "
                    "export to .json or YAML (they hold every text), or remove it",
                    code="bad-argument",
                )
        elif isinstance(value, Mapping):
            for k, v in value.items():
                walk(str(k), where)
                walk(v, f"{where}.{k}")
        elif isinstance(value, list | tuple):
            for i, v in enumerate(value):
                walk(v, f"{where}[{i}]")

    walk(dict(header), "the header")
    for k, n in enumerate(nodes):
        walk(n, f"nodes[{k}]")
    for k, e in enumerate(edges):
        walk(e, f"edges[{k}]")


# ---------------------------------------------------------------------------- node-link JSON
def _nodelink(header: Mapping[str, Any], nodes: list[dict[str, Any]], edges: list[dict[str, Any]]) -> str:
    links = []
    for e in edges:
        link = {"source": e["from"], "target": e["to"], "key": e["id"]}
        link.update({k: v for k, v in e.items() if k not in ("from", "to")})
        links.append(link)
    data = {
        "directed": True,
        "multigraph": True,
        "graph": {"linkchart": dict(header)},
        "nodes": nodes,
        "links": links,
    }
    return json.dumps(data, ensure_ascii=False, indent=1, allow_nan=False) + "\n"


# ---------------------------------------------------------------------------- GraphML
def _graphml(header: Mapping[str, Any], nodes: list[dict[str, Any]], edges: list[dict[str, Any]]) -> str:
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
        header, ensure_ascii=False
    )  # in order: the order of node types and relations is part of the chart
    for n in nodes:
        node = ET.SubElement(graph, f"{{{GRAPHML_NS}}}node", {"id": n["id"]})
        for f in NODE_EXCHANGE_FIELDS:
            if f in n:
                ET.SubElement(node, f"{{{GRAPHML_NS}}}data", {"key": f"n_{f}"}).text = _text(n[f], f)
    for e in edges:
        edge = ET.SubElement(
            graph, f"{{{GRAPHML_NS}}}edge", {"id": e["id"], "source": e["from"], "target": e["to"]}
        )
        for f in EDGE_EXCHANGE_FIELDS:
            if f in e:
                ET.SubElement(edge, f"{{{GRAPHML_NS}}}data", {"key": f"e_{f}"}).text = _text(e[f], f)
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


# ---------------------------------------------------------------------------- GEXF 1.3


def _spell(element: ET.Element, time: Any) -> None:
    """A GEXF spell (first and last day, for Gephi's timeline) under ``element``."""
    from .loading.timegrammar import parse_time

    span = parse_time(time)
    if not isinstance(span, Span) or not span.dated:
        return
    spell: dict[str, str] = {}
    if span.first is not None:
        spell["start"] = span.first.isoformat()
    if span.last is not None:
        spell["end"] = span.last.isoformat()
    ET.SubElement(ET.SubElement(element, f"{{{GEXF_NS}}}spells"), f"{{{GEXF_NS}}}spell", spell)


def _gexf(
    chart: LinkChart, header: Mapping[str, Any], nodes: list[dict[str, Any]], edges: list[dict[str, Any]]
) -> str:
    from .analysis.betweenness import betweenness
    from .render.layout import positions_array
    from .render.style import node_styles

    ET.register_namespace("", GEXF_NS)
    ET.register_namespace("viz", VIZ_NS)
    root = ET.Element(f"{{{GEXF_NS}}}gexf", {"version": "1.3"})
    meta = ET.SubElement(root, f"{{{GEXF_NS}}}meta")
    ET.SubElement(meta, f"{{{GEXF_NS}}}creator").text = "linkchart"
    ET.SubElement(meta, f"{{{GEXF_NS}}}description").text = chart.title
    graph = ET.SubElement(
        root, f"{{{GEXF_NS}}}graph", {"defaultedgetype": "directed", "mode": "dynamic", "timeformat": "date"}
    )
    node_attrs = ET.SubElement(graph, f"{{{GEXF_NS}}}attributes", {"class": "node"})
    edge_attrs = ET.SubElement(graph, f"{{{GEXF_NS}}}attributes", {"class": "edge"})
    for i, f in enumerate(GEXF_NODE_FIELDS):
        ET.SubElement(node_attrs, f"{{{GEXF_NS}}}attribute", {"id": f"n{i}", "title": f, "type": "string"})
    edge_fields = GEXF_EDGE_FIELDS
    for i, f in enumerate(edge_fields):
        ET.SubElement(edge_attrs, f"{{{GEXF_NS}}}attribute", {"id": f"e{i}", "title": f, "type": "string"})
    # GEXF keeps graph attributes in the meta keywords; the header rides there as JSON
    ET.SubElement(meta, f"{{{GEXF_NS}}}keywords").text = json.dumps(header, ensure_ascii=False)
    styles = node_styles(chart.vocabulary)
    xy = positions_array(chart, method="auto", seed=0)
    score = betweenness(chart)
    top = max(score.values(), default=0.0) or 1.0
    shapes = {"dot": "disc", "square": "square", "triangle": "triangle", "diamond": "diamond"}
    nodes_el = ET.SubElement(graph, f"{{{GEXF_NS}}}nodes")
    for i, n in enumerate(nodes):
        el = ET.SubElement(nodes_el, f"{{{GEXF_NS}}}node", {"id": n["id"], "label": n.get("label", n["id"])})
        values = ET.SubElement(el, f"{{{GEXF_NS}}}attvalues")
        for j, f in enumerate(GEXF_NODE_FIELDS):
            if f in n:
                ET.SubElement(values, f"{{{GEXF_NS}}}attvalue", {"for": f"n{j}", "value": _text(n[f], f)})
        color = styles[n["type"]].color.lstrip("#")
        rgb = (
            (int(color[0:2], 16), int(color[2:4], 16), int(color[4:6], 16))
            if len(color) == 6
            else (128, 128, 128)
        )
        ET.SubElement(el, f"{{{VIZ_NS}}}color", {"r": str(rgb[0]), "g": str(rgb[1]), "b": str(rgb[2])})
        size = 10 + 22 * math.sqrt(max(score.get(n["id"], 0.0), 0.0) / top)
        ET.SubElement(el, f"{{{VIZ_NS}}}size", {"value": f"{size:.1f}"})
        ET.SubElement(el, f"{{{VIZ_NS}}}shape", {"value": shapes.get(styles[n["type"]].shape, "disc")})
        ET.SubElement(
            el, f"{{{VIZ_NS}}}position", {"x": f"{xy[i][0]:.2f}", "y": f"{-xy[i][1]:.2f}", "z": "0.0"}
        )
        if n.get("time") is not None:
            _spell(el, n["time"])
    edges_el = ET.SubElement(graph, f"{{{GEXF_NS}}}edges")
    for e in edges:
        attrs = {"id": e["id"], "source": e["from"], "target": e["to"], "label": e["relation"]}
        if "weight" in e:
            attrs["weight"] = repr(float(e["weight"]))
        el = ET.SubElement(edges_el, f"{{{GEXF_NS}}}edge", attrs)
        values = ET.SubElement(el, f"{{{GEXF_NS}}}attvalues")
        for j, f in enumerate(edge_fields):
            if f in e:
                ET.SubElement(values, f"{{{GEXF_NS}}}attvalue", {"for": f"e{j}", "value": _text(e[f], f)})
        if e.get("time") is not None:
            _spell(el, e["time"])
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


# ---------------------------------------------------------------------------- Excel


def _xlsx(header: Mapping[str, Any], nodes: list[dict[str, Any]], edges: list[dict[str, Any]]) -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    sheets = {"nodes": (SHEET_NODE, nodes), "edges": (SHEET_EDGE, edges)}
    first = True
    for name, (columns, rows) in sheets.items():
        ws = wb.active if first else wb.create_sheet(name)
        assert ws is not None
        ws.title = name
        first = False
        ws.append(list(columns))
        for r, row in enumerate(rows, start=2):
            for c, col in enumerate(columns, start=1):
                if col in row and row[col] is not None:
                    value = row[col]
                    cell = ws.cell(row=r, column=c)
                    if col == "weight":
                        cell.value = float(value)
                    else:
                        cell.value = _text(value, col)
                        cell.data_type = "s"  # text, never a formula, whatever it starts with
    vocab = wb.create_sheet("vocabulary")
    vocab.append(list(VOCABULARY_COLUMNS))
    for key, value in header.items():
        if key != "sources":
            vocab.append([key, json.dumps(value, ensure_ascii=False)])
            vocab.cell(row=vocab.max_row, column=2).data_type = "s"
    src = wb.create_sheet("sources")
    fields = SOURCE_COLUMNS
    src.append(list(fields))
    for s in header.get("sources", []):
        src.append([s.get(f, "") for f in fields])
        for c in range(1, len(fields) + 1):
            src.cell(row=src.max_row, column=c).data_type = "s"
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


# ---------------------------------------------------------------------------- public
def export(chart: LinkChart, path: str | os.PathLike[str], *, format: str | None = None) -> Path:
    """Write ``chart`` to ``path`` in another tool's format; return the path.

    Parameters
    ----------
    chart
        The chart.
    path
        The file to write (atomically; never over the chart's own file).
    format
        ``"graphml"``, ``"gexf"``, ``"json"`` (node-link), ``"xlsx"`` or ``"stix"``
        (a STIX 2.1 bundle, :mod:`linkchart.stix`); default from the extension
        (``.graphml``, ``.gexf``, ``.json``, ``.xlsx``, ``.stix.json``).

    Returns
    -------
    Path

    Raises
    ------
    LinkchartError
        For an unknown format or extension, a file that cannot be written, or a text the
        format cannot hold (control characters, and a carriage return, which XML turns
        into a newline, in GraphML, GEXF and Excel): the message
        names the item, and JSON and YAML hold it.

    Notes
    -----
    :func:`linkchart.load` reads every one of these back to an equal chart (the
    convention is in the module notes and ``docs/exchange.md``). networkx reads the
    GraphML (``read_graphml``), GEXF (``read_gexf``) and node-link JSON
    (``node_link_graph(data, edges="links")``); igraph the GraphML; Gephi the GEXF, with
    linkchart's colours, shapes, sizes (betweenness) and positions, and each dated tie as
    a spell on Gephi's timeline; a spreadsheet the ``.xlsx`` (every text cell is text,
    never a formula).

    Examples
    --------
    >>> import linkchart, pathlib, tempfile
    >>> c = linkchart.from_records([{"id": "A", "type": "state", "aliases": ["a1"]},
    ...     {"id": "B", "type": "state"}], [{"from": "A", "relation": "borders", "to": "B"}])
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> all(linkchart.load(export(c, folder / f"c.{x}")) == c for x in ("graphml", "gexf", "json", "xlsx"))
    True
    """
    kind = format_of(path, format)
    target = Path(path)
    header, nodes, edges = _parts(chart, target.parent)
    data: str | bytes
    if kind in ("graphml", "gexf", "xlsx"):
        _check_holdable(kind, header, nodes, edges)
    if kind == "stix":
        from .stix import to_stix

        data = to_stix(chart)
    elif kind == "json":
        data = _nodelink(header, nodes, edges)
    elif kind == "graphml":
        data = _graphml(header, nodes, edges)
    elif kind == "gexf":
        data = _gexf(chart, header, nodes, edges)
    else:
        data = _xlsx(header, nodes, edges)
    return write_atomic(target, data, inputs=chart.files)
