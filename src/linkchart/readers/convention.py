"""The exchange convention, shared by the writers (:mod:`linkchart.exchange`) and the readers.

Every exchange format carries a chart the same way (``docs/exchange.md``): the **header**
as JSON; a **node**'s ``id``, ``type``, ``label``, ``aliases``, ``time`` and
``attributes``; an **edge**'s ``id``, two ends, ``relation``, ``confidence``, ``evidence``,
``cites`` (the source), ``time``, ``weight`` and ``attributes``; ``aliases``, ``time``
and ``attributes`` as JSON text where the format holds only text.

A reader turns a file into a :class:`Read`: the header (``None`` for a file from another
tool), node and edge records in linkchart's fields, and how to place a problem that the
common loader finds (``edges[3].to``) in the file's own terms (a line, a sheet and cell, a
JSON path such as ``links[3].target``), so that every problem names the place in the file.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Final, Literal, get_args

from ..errors import LinkchartError, LoadError, Problem, UnknownNameError
from ..loading.yamlfile import line_of
from ..model.fields import EDGE_FIELDS, NODE_FIELDS
from .jsontext import read_json

__all__ = [
    "EDGE_EXCHANGE_FIELDS",
    "FORMATS",
    "GEXF_NS",
    "GRAPHML_NS",
    "JSON_FIELDS",
    "NODE_EXCHANGE_FIELDS",
    "SHEETS",
    "SHEET_EDGE",
    "SHEET_NODE",
    "SOURCE_COLUMNS",
    "VIZ_NS",
    "VOCABULARY_COLUMNS",
    "Format",
    "Read",
    "document",
    "field_value",
    "foreign_records",
    "format_of",
    "in_header",
    "json_kind",
    "missing",
    "relocated",
    "utf8",
    "wrong_type",
]

Format = Literal["graphml", "gexf", "json", "xlsx", "stix"]
FORMATS: tuple[str, ...] = get_args(Format)
_SUFFIXES: Mapping[str, str] = {".graphml": "graphml", ".gexf": "gexf", ".json": "json", ".xlsx": "xlsx"}
GRAPHML_NS: Final = "http://graphml.graphdrawing.org/xmlns"
GEXF_NS: Final = "http://gexf.net/1.3"
VIZ_NS: Final = "http://gexf.net/1.3/viz"
NODE_EXCHANGE_FIELDS: Final = ("type", "label", "aliases", "time", "notes", "attributes")
"""A node's fields besides its id, as GraphML keys and GEXF attributes."""
EDGE_EXCHANGE_FIELDS: Final = (
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
"""An edge's fields besides its id and ends (``cites``: its source; ``source`` names an end)."""
JSON_FIELDS: Final = frozenset({"aliases", "attributes", "time", "notes"})
"""The fields held as JSON text where a format holds only text."""
SHEET_NODE: Final = NODE_FIELDS
SHEET_EDGE: Final = tuple("cites" if f == "source" else f for f in EDGE_FIELDS)
SHEETS: Final = ("nodes", "edges", "vocabulary", "sources")
"""The sheets of a linkchart workbook, by name (lower case)."""
VOCABULARY_COLUMNS: Final = ("key", "value (JSON)")
SOURCE_COLUMNS: Final = ("id", "title", "author", "date", "location")


def format_of(path: str | os.PathLike[str], format: str | None = None) -> Format:
    """The exchange format of ``path`` (from ``format``, else its extension).

    Examples
    --------
    >>> format_of("out/chart.gexf"), format_of("x.data", "json"), format_of("b.stix.json")
    ('gexf', 'json', 'stix')
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


def _same(p: Problem) -> Problem:
    return p


@dataclass
class Read:
    """What a reader found in an exchange file.

    Attributes
    ----------
    header
        The linkchart header, or ``None`` for a file from another tool.
    nodes, edges
        The records, in linkchart's fields (``cites`` for an edge's source).
    lines
        ``"nodes[3]"`` -> the line of that node in the file, for the formats with lines.
    place
        A loader problem (``edges[3].to``) placed in the file's own terms.
    """

    header: dict[str, Any] | None
    nodes: list[dict[str, Any]]
    edges: list[dict[str, Any]]
    lines: dict[str, int] = field(default_factory=dict)
    place: Callable[[Problem], Problem] = _same


_RECORDS: Final = re.compile(r"(nodes|edges)(\[|$)")


def in_header(p: Problem, prefix: str) -> Problem:
    """A problem of the header (not of a node or edge) placed under ``prefix``, where the
    file holds its header: ``title`` -> ``graph.linkchart.title``.

    Examples
    --------
    >>> in_header(Problem("missing-field", "x", "sources[0].id"), "graph.linkchart").path
    'graph.linkchart.sources[0].id'
    >>> in_header(Problem("unknown-node", "x", "edges[0].to"), "graph.linkchart").path
    'edges[0].to'
    """
    if _RECORDS.match(p.path):
        return p
    return replace(p, path=f"{prefix}.{p.path}" if p.path else prefix)


def relocated(err: LoadError, file: str, read: Read) -> LoadError:
    """``err`` with every problem in ``file``, at its line where the format has lines, placed
    by ``read.place``."""
    out = []
    for p in err.problems:
        line = p.line if p.line is not None else line_of(read.lines, p.path) if read.lines else None
        out.append(read.place(replace(p, file=p.file or file, line=line)))
    return LoadError(out)


def utf8(raw: bytes, file: str) -> str:
    """The text of a file that must be UTF-8 (a byte-order mark is dropped)."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise LoadError(
            [
                Problem(
                    "source-unreadable",
                    f"the file is not UTF-8 text (byte {err.start + 1:,})",
                    "",
                    file,
                    raw.count(b"\n", 0, err.start) + 1,
                    None,
                    "save it as UTF-8",
                )
            ]
        ) from None


def wrong_type(message: str, file: str, path: str, line: int | None = None, hint: str = "") -> Problem:
    """A ``wrong-type`` problem in ``file``."""
    return Problem("wrong-type", message, path, file, line, None, hint)


def missing(what: str, file: str, path: str, line: int | None = None) -> Problem:
    """A ``missing-field`` problem: ``what`` (``'id'``, ``the 'target' attribute``) is required."""
    return Problem(
        "missing-field",
        f"{what} is required",
        path,
        file,
        line,
        None,
        "write it; nothing else names the item",
    )


def field_value(
    text: str | None, name: str, file: str, path: str, line: int | None = None, where: str = ""
) -> Any:
    """The value of field ``name`` written as text: JSON for :data:`JSON_FIELDS`, a number for
    ``weight`` (as text when it is not one: the loader reports it), else the text itself."""
    if text is None:
        return None
    if name in JSON_FIELDS:
        return read_json(text, file, path=path, line=line, where=where)
    if name == "weight":
        try:
            return float(text)
        except ValueError:
            return text  # the loader says "weight 'x' is not a number", located
    return text


def document(
    header: Mapping[str, Any], nodes: list[dict[str, Any]], edges: list[dict[str, Any]]
) -> dict[str, Any]:
    """A graph document (as a YAML file holds it) of a header and records (``cites`` -> ``source``)."""
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


_NODE_MAPPED: Final = ("id", "type", "label")
_EDGE_MAPPED: Final = ("id", "from", "to", "relation", "label", "type", "weight")


def foreign_records(
    nodes: list[dict[str, Any]], edges: list[dict[str, Any]]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[Problem]]:
    """Records of a file from another tool, in linkchart's fields, and the problems of its ids and ends.

    A node's ``type`` (default ``entity``) and ``label``; an edge's ``relation`` (else its
    ``label`` or ``type``, else ``tie``) and ``weight``; every other field a free attribute.
    An id or end that is missing is a ``missing-field`` problem (never a node named
    "None"); an integer id (networkx's ``0, 1, 2 ...``) is read as its text.
    """
    problems: list[Problem] = []

    def name(value: Any, path: str, what: str) -> str | None:
        if value is None:
            problems.append(
                Problem(
                    "missing-field",
                    f"{what!r} is required",
                    path,
                    None,
                    None,
                    None,
                    "write it; nothing else names the item",
                )
            )
            return None
        if isinstance(value, bool) or not isinstance(value, str | int):
            problems.append(
                Problem(
                    "wrong-type",
                    f"{what!r} must be text, not {type(value).__name__}",
                    path,
                    None,
                    None,
                    None,
                    "write the name as text",
                )
            )
            return None
        return str(value)

    out_nodes = []
    for k, n in enumerate(nodes):
        attrs = {str(a): v for a, v in n.items() if a not in _NODE_MAPPED and v is not None}
        out_nodes.append(
            {
                "id": name(n.get("id"), f"nodes[{k}]", "id"),
                "type": str(n.get("type") or "entity"),
                "label": n.get("label"),
                "attributes": attrs,
            }
        )
    out_edges = []
    for k, e in enumerate(edges):
        relation = e.get("relation") or e.get("label") or e.get("type") or "tie"
        attrs = {str(a): v for a, v in e.items() if a not in _EDGE_MAPPED and v is not None}
        row: dict[str, Any] = {
            "from": name(e.get("from"), f"edges[{k}]", "from"),
            "to": name(e.get("to"), f"edges[{k}]", "to"),
            "relation": str(relation),
            "attributes": attrs,
        }
        if e.get("weight") is not None:
            row["weight"] = e["weight"]
        out_edges.append(row)
    return out_nodes, out_edges, problems


def json_kind(value: Any) -> str:
    """The JSON name of a value's kind, for a message: ``an array``, ``a number``, ``null`` ...

    Examples
    --------
    >>> json_kind([1]), json_kind(None), json_kind(True), json_kind("x")
    ('an array', 'null', 'a boolean', 'text')
    """
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "text"
    return "an array" if isinstance(value, list) else "an object"
