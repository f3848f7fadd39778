"""The exchange convention, shared by the writers (:mod:`linkchart.writers`) and the readers.

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

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Final

from ..errors import LoadError, Problem
from ..model.fields import EDGE_FIELDS, NODE_FIELDS
from .jsontext import read_json
from .yaml import line_of

__all__ = [
    "EDGE_EXCHANGE_FIELDS",
    "GEXF_NS",
    "GRAPHML_NS",
    "JSON_FIELDS",
    "NODE_EXCHANGE_FIELDS",
    "SHEETS",
    "SHEET_EDGE",
    "SHEET_NODE",
    "SOURCE_COLUMNS",
    "TEXT_CHUNK",
    "TEXT_COLUMNS",
    "VIZ_NS",
    "VOCABULARY_COLUMNS",
    "Read",
    "document",
    "evidence_text",
    "evidence_value",
    "field_value",
    "in_header",
    "json_kind",
    "missing",
    "relocated",
    "utf8",
    "wrong_type",
]

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
    "probability",
    "attributes",
)
"""An edge's fields besides its id and ends (``cites``: its source; ``source`` names an end)."""
JSON_FIELDS: Final = frozenset({"aliases", "attributes", "time", "notes"})
"""The fields held as JSON text where a format holds only text."""
SHEET_NODE: Final = NODE_FIELDS
SHEET_EDGE: Final = tuple("cites" if f == "source" else f for f in EDGE_FIELDS)
SHEETS: Final = ("nodes", "edges", "vocabulary", "sources", "texts")
"""The sheets of a linkchart workbook, by name (lower case)."""
VOCABULARY_COLUMNS: Final = ("key", "value (JSON)")
SOURCE_COLUMNS: Final = ("id", "title", "author", "date", "location", "reliability", "unchecked")
TEXT_COLUMNS: Final = ("source", "text")
"""The ``texts`` sheet of a workbook: each source's embedded text, in rows of at most
:data:`TEXT_CHUNK` characters that follow one another (a cell holds 32,767)."""
TEXT_CHUNK: Final = 16_000


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
    directed
        For a file from another tool: whether each edge is directed, as the file says
        (GraphML ``edgedefault`` and an edge's ``directed``, GEXF ``defaultedgetype`` and
        an edge's ``type``, node-link ``directed``); ``None`` for linkchart's own files,
        whose header declares the relations.
    warnings
        What the file holds that is not read (a second graph, STIX observables), each
        located: the loader issues them as :class:`~linkchart.errors.LoadWarning`.
    sources
        For a file from another tool that names its sources (FollowTheMoney): their
        records (``id``, ``title``, ``author``, ``date``, ``location``), which the edges cite.
    """

    header: dict[str, Any] | None
    nodes: list[dict[str, Any]]
    edges: list[dict[str, Any]]
    lines: dict[str, int] = field(default_factory=dict)
    place: Callable[[Problem], Problem] = _same
    directed: list[bool] | None = None
    warnings: list[Problem] = field(default_factory=list)
    sources: list[dict[str, Any]] = field(default_factory=list)


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


def evidence_text(evidence: Any) -> str:
    """An edge's evidence as one text for a format's free-text field (a STIX ``description``):
    the quote, or the quotes of an evidence list, one a line, each with its source.

    Examples
    --------
    >>> print(evidence_text([{"quote": "a met b", "source": "s1"}, {"quote": "b knew a"}]))
    "a met b" (s1)
    "b knew a"
    """
    if not isinstance(evidence, list):
        return str(evidence)
    lines = []
    for item in evidence:
        quote = item.get("quote", "") if isinstance(item, dict) else str(item)
        source = item.get("source") if isinstance(item, dict) else None
        lines.append(f'"{quote}"' + (f" ({source})" if source else ""))
    return "\n".join(lines)


def evidence_value(text: str) -> Any:
    """An ``evidence`` written as text: a list of evidence items when the text is a JSON list
    (``[{"quote": ...}, ...]``, what the writers write for an evidence list), else the quote
    itself — a quote that merely starts with ``[`` ("[He] said ...") stays a quote.

    Examples
    --------
    >>> evidence_value('[{"quote": "a met b", "source": "s1"}, "b knew a"]')
    [{'quote': 'a met b', 'source': 's1'}, 'b knew a']
    >>> evidence_value("[He] met b")
    '[He] met b'
    """
    stripped = text.strip()
    if not (stripped.startswith("[") and stripped.endswith("]")):
        return text
    try:
        value = read_json(stripped, None)
    except LoadError:
        return text
    ok = isinstance(value, list) and value and all(isinstance(x, str | dict) for x in value)
    return value if ok else text


def field_value(
    text: str | None, name: str, file: str, path: str, line: int | None = None, where: str = ""
) -> Any:
    """The value of field ``name`` written as text: JSON for :data:`JSON_FIELDS`, a number for
    ``weight`` (as text when it is not one: the loader reports it), else the text itself."""
    if text is None:
        return None
    if name in JSON_FIELDS:
        return read_json(text, file, path=path, line=line, where=where)
    if name == "evidence":
        return evidence_value(text)
    if name in ("weight", "probability"):
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
