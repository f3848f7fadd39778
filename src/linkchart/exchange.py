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
relations and node types are then taken as they appear). XML is read without a DTD: a
document that declares one (the door to entity-expansion bombs) is refused.
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
from typing import TYPE_CHECKING, Any, Literal, get_args

from .errors import LinkchartError, LoadError, Problem, UnknownNameError
from .files import write_atomic
from .loading.columns import EDGE_FIELDS, NODE_FIELDS
from .times import Span

if TYPE_CHECKING:
    from .model import LinkChart

__all__ = ["FORMATS", "Format", "export", "format_of", "read_exchange"]

Format = Literal["graphml", "gexf", "json", "xlsx", "stix"]
FORMATS: tuple[str, ...] = get_args(Format)
_SUFFIXES: Mapping[str, str] = {".graphml": "graphml", ".gexf": "gexf", ".json": "json", ".xlsx": "xlsx"}
_GRAPHML = "http://graphml.graphdrawing.org/xmlns"
_GEXF = "http://gexf.net/1.3"
_VIZ = "http://gexf.net/1.3/viz"
_MAX_BYTES = 512 * 2**20
_NODE_FIELDS = ("type", "label", "aliases", "time", "notes", "attributes")
_EDGE_FIELDS = (
    "relation",
    "confidence",
    "evidence",
    "cites",
    "time",
    "weight",
    "alternative",
    "notes",
    "attributes",
)
_JSON_FIELDS = frozenset({"aliases", "attributes", "time", "notes"})


def format_of(path: str | os.PathLike[str], format: str | None = None) -> Format:
    """The exchange format of ``path`` (from ``format``, else its extension).

    Examples
    --------
    >>> format_of("out/chart.gexf"), format_of("x.data", "json")
    ('gexf', 'json')
    """
    if format is not None:
        if format not in FORMATS:
            raise UnknownNameError("export format", format, FORMATS)
        return format  # type: ignore[return-value]
    if Path(path).name.lower().endswith(".stix.json"):
        return "stix"
    suffix = Path(path).suffix.lower()
    if suffix not in _SUFFIXES:
        raise LinkchartError(
            f"cannot tell the format of {os.fspath(path)!r} from its extension; use one of "
            f"{', '.join(_SUFFIXES)} or say format=",
            code="bad-argument",
        )
    return _SUFFIXES[suffix]  # type: ignore[return-value]


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


def _document(
    header: Mapping[str, Any], nodes: list[dict[str, Any]], edges: list[dict[str, Any]]
) -> dict[str, Any]:
    doc = dict(header)
    doc["nodes"] = nodes
    out = []
    for e in edges:
        row = {k: v for k, v in e.items() if k != "cites"}
        if e.get("cites") is not None:
            row["source"] = e["cites"]
        out.append(row)
    doc["edges"] = out
    return doc


def _text(value: Any, field: str) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True) if field in _JSON_FIELDS else str(value)


def _value(text: str | None, field: str, where: str) -> Any:
    if text is None:
        return None
    if field in _JSON_FIELDS:
        try:
            return json.loads(text)
        except json.JSONDecodeError as err:
            raise _problem(
                where, f"the field {field!r} is not JSON: {err.msg}", "it holds JSON text"
            ) from None
    if field == "weight":
        try:
            return float(text)
        except ValueError:
            raise _problem(where, f"weight {text!r} is not a number", "write a number") from None
    return text


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


def _problem(where: str, message: str, hint: str) -> LoadError:
    return LoadError([Problem("wrong-type", message, where, None, None, None, hint)])


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


def _from_nodelink(
    data: Any, file: str
) -> tuple[dict[str, Any] | None, list[dict[str, Any]], list[dict[str, Any]]]:
    if not isinstance(data, Mapping) or not isinstance(data.get("nodes"), list):
        raise _problem(
            "", "not node-link JSON: no 'nodes' list", "export with linkchart, or networkx's node_link_data"
        )
    links = data.get("links", data.get("edges", []))
    if not isinstance(links, list):
        raise _problem("links", "'links' must be a list", "write a list of {source, target, ...}")
    graph: Mapping[str, Any] = data["graph"] if isinstance(data.get("graph"), Mapping) else {}
    header = graph.get("linkchart") if isinstance(graph.get("linkchart"), Mapping) else None
    nodes = [dict(n) if isinstance(n, Mapping) else {"id": n} for n in data["nodes"]]
    edges = []
    for k, link in enumerate(links):
        if not isinstance(link, Mapping):
            raise _problem(f"links[{k}]", "a link must be a mapping", "write {source: ..., target: ...}")
        row = {key: v for key, v in link.items() if key not in ("source", "target", "key")}
        row["from"], row["to"] = link.get("source"), link.get("target")
        row.setdefault("id", link.get("key", f"e{k}"))
        edges.append(row)
    return (dict(header) if header is not None else None), nodes, edges


# ---------------------------------------------------------------------------- GraphML
def _graphml(header: Mapping[str, Any], nodes: list[dict[str, Any]], edges: list[dict[str, Any]]) -> str:
    ET.register_namespace("", _GRAPHML)
    root = ET.Element(f"{{{_GRAPHML}}}graphml")
    keys = [("g_linkchart", "graph", "linkchart", "string")]
    keys += [(f"n_{f}", "node", f, "string") for f in _NODE_FIELDS]
    keys += [(f"e_{f}", "edge", f, "double" if f == "weight" else "string") for f in _EDGE_FIELDS]
    for key_id, kind, name, typ in keys:
        ET.SubElement(
            root, f"{{{_GRAPHML}}}key", {"id": key_id, "for": kind, "attr.name": name, "attr.type": typ}
        )
    graph = ET.SubElement(root, f"{{{_GRAPHML}}}graph", {"id": "G", "edgedefault": "directed"})
    ET.SubElement(graph, f"{{{_GRAPHML}}}data", {"key": "g_linkchart"}).text = json.dumps(
        header, ensure_ascii=False
    )  # in order: the order of node types and relations is part of the chart
    for n in nodes:
        node = ET.SubElement(graph, f"{{{_GRAPHML}}}node", {"id": n["id"]})
        for f in _NODE_FIELDS:
            if f in n:
                ET.SubElement(node, f"{{{_GRAPHML}}}data", {"key": f"n_{f}"}).text = _text(n[f], f)
    for e in edges:
        edge = ET.SubElement(
            graph, f"{{{_GRAPHML}}}edge", {"id": e["id"], "source": e["from"], "target": e["to"]}
        )
        for f in _EDGE_FIELDS:
            if f in e:
                ET.SubElement(edge, f"{{{_GRAPHML}}}data", {"key": f"e_{f}"}).text = _text(e[f], f)
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


def _parse_xml(text: str, file: str) -> ET.Element:
    head = text[:4096].upper()
    if "<!DOCTYPE" in head or "<!ENTITY" in text.upper():
        raise LoadError(
            [
                Problem(
                    "yaml-syntax",
                    "the XML declares a DTD or entities; they are refused",
                    "",
                    file,
                    1,
                    None,
                    "export the file again without a DOCTYPE",
                )
            ]
        )
    try:
        return ET.fromstring(text)
    except ET.ParseError as err:
        line = err.position[0] if err.position else None
        raise LoadError(
            [Problem("yaml-syntax", f"malformed XML: {err}", "", file, line, None, "check the file")]
        ) from None


def _from_graphml(
    root: ET.Element, file: str
) -> tuple[dict[str, Any] | None, list[dict[str, Any]], list[dict[str, Any]]]:
    ns = {"g": _GRAPHML}
    names = {k.get("id"): (k.get("attr.name") or k.get("id") or "") for k in root.findall("g:key", ns)}
    graph = root.find("g:graph", ns)
    if graph is None:
        raise _problem("", "no <graph> element", "export with linkchart or another GraphML writer")
    header = None
    for d in graph.findall("g:data", ns):
        if names.get(d.get("key")) == "linkchart" and d.text:
            header = json.loads(d.text)
    nodes = []
    for k, node in enumerate(graph.findall("g:node", ns)):
        row: dict[str, Any] = {"id": node.get("id")}
        for d in node.findall("g:data", ns):
            field = names.get(d.get("key"), "")
            row[field] = (
                _value(d.text or "", field, f"nodes[{k}].{field}") if field in _NODE_FIELDS else d.text
            )
        nodes.append(row)
    edges = []
    for k, edge in enumerate(graph.findall("g:edge", ns)):
        erow: dict[str, Any] = {
            "id": edge.get("id") or f"e{k}",
            "from": edge.get("source"),
            "to": edge.get("target"),
        }
        for d in edge.findall("g:data", ns):
            field = names.get(d.get("key"), "")
            erow[field] = (
                _value(d.text or "", field, f"edges[{k}].{field}") if field in _EDGE_FIELDS else d.text
            )
        edges.append(erow)
    return header, nodes, edges


# ---------------------------------------------------------------------------- GEXF 1.3
_GEXF_NODE_FIELDS = ("type", "aliases", "time", "notes", "attributes")


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
    ET.SubElement(ET.SubElement(element, f"{{{_GEXF}}}spells"), f"{{{_GEXF}}}spell", spell)


def _gexf(
    chart: LinkChart, header: Mapping[str, Any], nodes: list[dict[str, Any]], edges: list[dict[str, Any]]
) -> str:
    from .analysis.betweenness import betweenness
    from .render.layout import positions_array
    from .render.style import node_styles

    ET.register_namespace("", _GEXF)
    ET.register_namespace("viz", _VIZ)
    root = ET.Element(f"{{{_GEXF}}}gexf", {"version": "1.3"})
    meta = ET.SubElement(root, f"{{{_GEXF}}}meta")
    ET.SubElement(meta, f"{{{_GEXF}}}creator").text = "linkchart"
    ET.SubElement(meta, f"{{{_GEXF}}}description").text = chart.title
    graph = ET.SubElement(
        root, f"{{{_GEXF}}}graph", {"defaultedgetype": "directed", "mode": "dynamic", "timeformat": "date"}
    )
    node_attrs = ET.SubElement(graph, f"{{{_GEXF}}}attributes", {"class": "node"})
    edge_attrs = ET.SubElement(graph, f"{{{_GEXF}}}attributes", {"class": "edge"})
    for i, f in enumerate(_GEXF_NODE_FIELDS):
        ET.SubElement(node_attrs, f"{{{_GEXF}}}attribute", {"id": f"n{i}", "title": f, "type": "string"})
    edge_fields = (
        "relation",
        "confidence",
        "evidence",
        "cites",
        "time",
        "alternative",
        "notes",
        "attributes",
    )
    for i, f in enumerate(edge_fields):
        ET.SubElement(edge_attrs, f"{{{_GEXF}}}attribute", {"id": f"e{i}", "title": f, "type": "string"})
    # GEXF keeps graph attributes in the meta keywords; the header rides there as JSON
    ET.SubElement(meta, f"{{{_GEXF}}}keywords").text = json.dumps(header, ensure_ascii=False)
    styles = node_styles(chart.vocabulary)
    xy = positions_array(chart, method="auto", seed=0)
    score = betweenness(chart)
    top = max(score.values(), default=0.0) or 1.0
    shapes = {"dot": "disc", "square": "square", "triangle": "triangle", "diamond": "diamond"}
    nodes_el = ET.SubElement(graph, f"{{{_GEXF}}}nodes")
    for i, n in enumerate(nodes):
        el = ET.SubElement(nodes_el, f"{{{_GEXF}}}node", {"id": n["id"], "label": n.get("label", n["id"])})
        values = ET.SubElement(el, f"{{{_GEXF}}}attvalues")
        for j, f in enumerate(_GEXF_NODE_FIELDS):
            if f in n:
                ET.SubElement(values, f"{{{_GEXF}}}attvalue", {"for": f"n{j}", "value": _text(n[f], f)})
        color = styles[n["type"]].color.lstrip("#")
        rgb = (
            (int(color[0:2], 16), int(color[2:4], 16), int(color[4:6], 16))
            if len(color) == 6
            else (128, 128, 128)
        )
        ET.SubElement(el, f"{{{_VIZ}}}color", {"r": str(rgb[0]), "g": str(rgb[1]), "b": str(rgb[2])})
        size = 10 + 22 * math.sqrt(max(score.get(n["id"], 0.0), 0.0) / top)
        ET.SubElement(el, f"{{{_VIZ}}}size", {"value": f"{size:.1f}"})
        ET.SubElement(el, f"{{{_VIZ}}}shape", {"value": shapes.get(styles[n["type"]].shape, "disc")})
        ET.SubElement(
            el, f"{{{_VIZ}}}position", {"x": f"{xy[i][0]:.2f}", "y": f"{-xy[i][1]:.2f}", "z": "0.0"}
        )
        if n.get("time") is not None:
            _spell(el, n["time"])
    edges_el = ET.SubElement(graph, f"{{{_GEXF}}}edges")
    for e in edges:
        attrs = {"id": e["id"], "source": e["from"], "target": e["to"], "label": e["relation"]}
        if "weight" in e:
            attrs["weight"] = repr(float(e["weight"]))
        el = ET.SubElement(edges_el, f"{{{_GEXF}}}edge", attrs)
        values = ET.SubElement(el, f"{{{_GEXF}}}attvalues")
        for j, f in enumerate(edge_fields):
            if f in e:
                ET.SubElement(values, f"{{{_GEXF}}}attvalue", {"for": f"e{j}", "value": _text(e[f], f)})
        if e.get("time") is not None:
            _spell(el, e["time"])
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


def _attvalues(
    element: ET.Element,
    ns: dict[str, str],
    titles: Mapping[tuple[str, str], str],
    kind: str,
    fields: tuple[str, ...],
    where: str,
) -> dict[str, Any]:
    """A GEXF node's or edge's attribute values by title, linkchart's fields decoded."""
    out: dict[str, Any] = {}
    for v in element.findall("x:attvalues/x:attvalue", ns):
        field = titles.get((kind, v.get("for", "")), v.get("for", ""))
        value = v.get("value")
        out[field] = _value(value, field, f"{where}.{field}") if field in fields else value
    return out


def _from_gexf(
    root: ET.Element, file: str
) -> tuple[dict[str, Any] | None, list[dict[str, Any]], list[dict[str, Any]]]:
    tag = root.tag
    ns_uri = tag[1 : tag.index("}")] if tag.startswith("{") else ""
    ns = {"x": ns_uri}
    graph = root.find("x:graph", ns)
    if graph is None:
        raise _problem("", "no <graph> element", "export with linkchart or Gephi")
    header = None
    keywords = root.find("x:meta/x:keywords", ns)
    if keywords is not None and keywords.text and keywords.text.lstrip().startswith("{"):
        try:
            candidate = json.loads(keywords.text)
            header = candidate if isinstance(candidate, dict) and candidate.get("linkchart") == 1 else None
        except json.JSONDecodeError:
            header = None
    titles: dict[tuple[str, str], str] = {}
    for attrs in graph.findall("x:attributes", ns):
        for a in attrs.findall("x:attribute", ns):
            titles[(attrs.get("class", ""), a.get("id", ""))] = a.get("title") or a.get("id") or ""
    nodes = []
    for k, node in enumerate(graph.findall("x:nodes/x:node", ns)):
        row: dict[str, Any] = {"id": node.get("id")}
        if node.get("label") is not None:
            row["label"] = node.get("label")
        row.update(_attvalues(node, ns, titles, "node", _NODE_FIELDS, f"nodes[{k}]"))
        nodes.append(row)
    edges = []
    for k, edge in enumerate(graph.findall("x:edges/x:edge", ns)):
        erow: dict[str, Any] = {
            "id": edge.get("id") or f"e{k}",
            "from": edge.get("source"),
            "to": edge.get("target"),
        }
        if edge.get("weight") is not None:
            erow["weight"] = _value(edge.get("weight"), "weight", f"edges[{k}].weight")
        if edge.get("label") is not None:
            erow["label"] = edge.get("label")
        erow.update(_attvalues(edge, ns, titles, "edge", _EDGE_FIELDS, f"edges[{k}]"))
        if header is not None:
            erow.pop("label", None)  # linkchart writes the relation as the label too
        edges.append(erow)
    return header, nodes, edges


# ---------------------------------------------------------------------------- Excel
_SHEET_NODE = NODE_FIELDS
_SHEET_EDGE = tuple("cites" if f == "source" else f for f in EDGE_FIELDS)  # "source" names an end elsewhere


def _xlsx(header: Mapping[str, Any], nodes: list[dict[str, Any]], edges: list[dict[str, Any]]) -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    sheets = {"nodes": (_SHEET_NODE, nodes), "edges": (_SHEET_EDGE, edges)}
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
    vocab.append(["key", "value (JSON)"])
    for key, value in header.items():
        if key != "sources":
            vocab.append([key, json.dumps(value, ensure_ascii=False)])
            vocab.cell(row=vocab.max_row, column=2).data_type = "s"
    src = wb.create_sheet("sources")
    fields = ("id", "title", "author", "date", "location")
    src.append(list(fields))
    for s in header.get("sources", []):
        src.append([s.get(f, "") for f in fields])
        for c in range(1, len(fields) + 1):
            src.cell(row=src.max_row, column=c).data_type = "s"
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


Places = dict[str, tuple[list[int], dict[str, str]]]
"""Sheet name -> (the spreadsheet row of each record read, field -> column letter)."""


def _letter(j: int) -> str:
    """The spreadsheet column letter of column ``j`` (0-based): A, B, ..., Z, AA ...

    Examples
    --------
    >>> _letter(0), _letter(25), _letter(26)
    ('A', 'Z', 'AA')
    """
    out = ""
    j += 1
    while j:
        j, r = divmod(j - 1, 26)
        out = chr(65 + r) + out
    return out


def _in_sheets(err: LoadError, file: str, places: Places) -> LoadError:
    """``err`` with each problem placed by sheet, row and column of the workbook."""
    out = []
    for p in err.problems:
        section, _, rest = p.path.partition("[")
        place = places.get(section)
        if place is None or not rest:
            out.append(p)
            continue
        k_text, _, field = rest.partition("].")
        rows, letters = place
        k = int(k_text.rstrip("]")) if k_text.rstrip("]").isdigit() else -1
        field = field.split(".")[0]
        row = rows[k] if 0 <= k < len(rows) else None
        column = letters.get(field)
        where = f"sheet {section}, row {row}" + (f", column {column} ({field})" if column else "")
        out.append(Problem(p.code, f"{where}: {p.message}", p.path, f"{file}", row, None, p.hint))
    return LoadError(out)


def _from_xlsx(
    data: bytes, file: str, places: Places
) -> tuple[dict[str, Any] | None, list[dict[str, Any]], list[dict[str, Any]]]:
    from openpyxl import load_workbook

    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as err:  # openpyxl raises many kinds for a file that is not a workbook
        raise LoadError(
            [
                Problem(
                    "yaml-syntax",
                    f"not an Excel workbook: {type(err).__name__}",
                    "",
                    file,
                    None,
                    None,
                    "save it as .xlsx",
                )
            ]
        ) from None

    def table(name: str) -> list[dict[str, Any]]:
        if name not in wb.sheetnames:
            return []
        rows = list(wb[name].iter_rows(values_only=True))
        if not rows:
            return []
        head = [str(h) if h is not None else "" for h in rows[0]]
        places[name] = ([], {col: _letter(j) for j, col in enumerate(head)})
        out = []
        for k, values in enumerate(rows[1:]):
            if all(v is None for v in values):
                continue
            places[name][0].append(k + 2)  # the spreadsheet's row number
            row = {}
            for col, v in zip(head, values, strict=False):
                if v is None or not col:
                    continue
                where = f"{name}[{k}].{col}"
                row[col] = _value(str(v), col, where) if col in _JSON_FIELDS or col == "weight" else str(v)
            out.append(row)
        return out

    header: dict[str, Any] | None = None
    if "vocabulary" in wb.sheetnames:
        header = {}
        for row in table("vocabulary"):
            header[row["key"]] = json.loads(row["value (JSON)"])
        sources = table("sources")
        if sources:
            header["sources"] = [{k: v for k, v in s.items() if v} for s in sources]
    return header, table("nodes"), table("edges")


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


def read_exchange(path: Path, raw: bytes, *, allow_outside: bool = False) -> LinkChart:
    """The chart in ``raw``, the bytes of an exported file at ``path`` (see :func:`export`).

    A file with linkchart's header is validated like a graph file (every problem
    located); one from another tool is read by the foreign mapping of the module notes.
    """
    from .loading.document import from_document
    from .loading.records import from_records

    file = os.fspath(path)
    kind = format_of(path)
    places: Places = {}
    if kind == "xlsx":
        header, nodes, edges = _from_xlsx(raw, file, places)
    else:
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise LoadError(
                [
                    Problem(
                        "source-unreadable",
                        "the file is not UTF-8 text",
                        "",
                        file,
                        None,
                        None,
                        "save it as UTF-8",
                    )
                ]
            ) from None
        if kind == "stix":
            from .stix import from_stix

            header, nodes, edges = from_stix(text, file)
        elif kind == "json":
            try:
                parsed = json.loads(text)
            except json.JSONDecodeError as err:
                raise LoadError(
                    [
                        Problem(
                            "yaml-syntax",
                            f"malformed JSON: {err.msg}",
                            "",
                            file,
                            err.lineno,
                            None,
                            "check the file",
                        )
                    ]
                ) from None
            header, nodes, edges = _from_nodelink(parsed, file)
        else:
            root = _parse_xml(text, file)
            header, nodes, edges = (_from_graphml if kind == "graphml" else _from_gexf)(root, file)
    try:
        if header is not None:
            return from_document(_document(header, nodes, edges), file, allow_outside=allow_outside)
        if kind == "stix":  # already in linkchart's fields (see linkchart.stix)
            return from_records(nodes, edges, title=Path(file).name.removesuffix(".stix.json"))
        return from_records(_foreign_nodes(nodes), _foreign_edges(edges), title=Path(file).stem)
    except LoadError as err:
        if kind == "xlsx":
            raise _in_sheets(err, file, places) from None
        raise


def _foreign_nodes(nodes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for n in nodes:
        attrs = {k: v for k, v in n.items() if k not in ("id", "type", "label") and v is not None}
        plain = {str(k): v if isinstance(v, str | int | float | bool) else str(v) for k, v in attrs.items()}
        out.append(
            {"id": str(n.get("id")), "type": str(n.get("type") or "entity"), "label": n.get("label"),
             "attributes": plain}
        )  # fmt: skip
    return out


def _foreign_edges(edges: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for e in edges:
        relation = e.get("relation") or e.get("label") or e.get("type") or "tie"
        attrs = {
            str(k): v if isinstance(v, str | int | float | bool) else str(v)
            for k, v in e.items()
            if k not in ("id", "from", "to", "relation", "label", "type", "weight") and v is not None
        }
        row: dict[str, Any] = {"from": str(e.get("from")), "to": str(e.get("to")), "relation": str(relation),
                               "attributes": attrs}  # fmt: skip
        if e.get("weight") is not None:
            row["weight"] = e["weight"]
        out.append(row)
    return out
