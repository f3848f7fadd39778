"""Gephi's spreadsheet tables: a folder of ``nodes.csv`` and ``edges.csv`` (:func:`write_gephi`).

The two tables Gephi's Data Laboratory imports ("Import Spreadsheet", documented at
https://gephi.org/users/supported-graph-formats/spreadsheet/): a node table whose
columns ``Id`` and ``Label`` Gephi reads as such, every other column an attribute; an
edge table with ``Source``, ``Target``, ``Type`` (``Directed`` or ``Undirected``, the
edge's relation's direction), ``Id``, ``Label`` (the relation) and ``Weight``; and, for a
dated node or tie, a ``Time Interval`` column in Gephi's interval syntax: ``<[first,
last]>``, a closed interval of days (``1999`` is ``<[1999-01-01, 1999-12-31]>``), an open
end written ``-Infinity`` or ``Infinity``. linkchart's other fields are attribute columns:
a node's ``type``, ``aliases`` and ``notes``; an edge's ``confidence``, ``evidence``,
``cites`` (its source; Gephi reads ``source`` as ``Source``), ``alternative`` and
``notes``; then the free attributes, a list or mapping as JSON text. A free attribute whose
name Gephi reserves (``label``, ``weight``, ...; Gephi ignores case) is written as
``"<name> (attribute)"``.

This is a file for Gephi, not a linkchart file: no header (sources, the confidence scale,
node types and relations are not written), and :func:`linkchart.load_csv` reads it back
through a column mapping (``docs/exchange.md``), not to an equal chart.
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, Final

from ..cells import to_cell
from ..files import write_folder
from ..model import LinkChart
from ..model.convert import to_records
from ..timegrammar import parse_time
from ..times import Span

__all__ = ["EDGE_COLUMNS", "NODE_COLUMNS", "READ_BACK", "dumps", "interval", "write_gephi"]

NODE_COLUMNS: Final = ("Id", "Label", "type", "aliases", "Time Interval", "notes")
"""The node table's columns before the free attributes."""
EDGE_COLUMNS: Final = (
    "Source",
    "Target",
    "Type",
    "Id",
    "Label",
    "Weight",
    "Time Interval",
    "confidence",
    "evidence",
    "cites",
    "alternative",
    "notes",
)
"""The edge table's columns before the free attributes."""
READ_BACK: Final[Mapping[str, Mapping[str, str]]] = {
    "edges": {"from": "Source", "to": "Target", "id": "Id", "relation": "Label", "weight": "Weight"},
    "nodes": {"id": "Id", "label": "Label"},
}
"""The column mapping that reads the tables back (:func:`linkchart.load_csv`'s ``columns``
and ``node_columns``)."""
_RESERVED: Final = frozenset(c.lower() for c in (*NODE_COLUMNS, *EDGE_COLUMNS, "Interval", "Timeset"))


def interval(time: Any) -> str:
    """A record's time in Gephi's interval syntax (empty when undated).

    Examples
    --------
    >>> interval(1999), interval("1999-03/1999-04-15"), interval({"from": 2001, "to": None}), interval(None)
    ('<[1999-01-01, 1999-12-31]>', '<[1999-03-01, 1999-04-15]>', '<[2001-01-01, Infinity]>', '')
    """
    span = parse_time(time) if time is not None else None
    if not isinstance(span, Span) or not span.dated:
        return ""
    first = "-Infinity" if span.first is None else span.first.isoformat()
    last = "Infinity" if span.last is None else span.last.isoformat()
    return f"<[{first}, {last}]>"


def _text(value: Any) -> str:
    """A cell: text as it is, a number as its digits, a list or mapping as JSON."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool | int | float):
        return json.dumps(value)
    return json.dumps(value, ensure_ascii=False, allow_nan=False)


def _names(attributes: Iterable[str]) -> list[str]:
    """Attribute columns, a name Gephi reserves renamed (:data:`_RESERVED`)."""
    return [f"{a} (attribute)" if a.lower() in _RESERVED else a for a in attributes]


def _table(header: list[str], rows: Iterable[list[Any]]) -> str:
    with io.StringIO() as f:
        w = csv.writer(f, lineterminator="\r\n")
        w.writerow(header)
        for row in rows:
            w.writerow([to_cell(c) for c in map(_text, row)])
        return f.getvalue()


def dumps(chart: LinkChart) -> dict[str, str]:
    """The two tables: ``{"nodes.csv": ..., "edges.csv": ...}`` (see the module notes).

    Examples
    --------
    >>> import linkchart
    >>> c = linkchart.from_records([{"id": "A", "type": "person", "label": "Alpha"},
    ...     {"id": "B", "type": "person"}],
    ...     [{"from": "A", "relation": "meets", "to": "B", "time": 1999}], directed=False)
    >>> print(dumps(c)["edges.csv"].splitlines()[1])
    A,B,Undirected,e0,meets,1.0,"<[1999-01-01, 1999-12-31]>",confirmed,,,,
    """
    node_records, edge_records = to_records(chart)
    node_attrs = list(chart.nodes.attributes)
    edge_attrs = list(chart.edges.attributes)
    directed = {r.name: r.directed for r in chart.vocabulary.relations}
    nodes = (
        [
            n["id"],
            n["label"],
            n["type"],
            n["aliases"] or None,
            interval(n["time"]),
            n["notes"] or None,
            *(n["attributes"].get(a) for a in node_attrs),
        ]
        for n in node_records
    )
    edges = (
        [
            e["from"],
            e["to"],
            "Directed" if directed.get(e["relation"], True) else "Undirected",
            e["id"],
            e["relation"],
            e["weight"],
            interval(e["time"]),
            e["confidence"],
            e["evidence"] or None,
            e["source"],
            e["alternative"],
            e["notes"] or None,
            *(e["attributes"].get(a) for a in edge_attrs),
        ]
        for e in edge_records
    )
    return {
        "nodes.csv": _table([*NODE_COLUMNS, *_names(node_attrs)], nodes),
        "edges.csv": _table([*EDGE_COLUMNS, *_names(edge_attrs)], edges),
    }


def write_gephi(chart: LinkChart, folder: str | os.PathLike[str]) -> Path:
    """Write Gephi's ``nodes.csv`` and ``edges.csv`` into ``folder``; return the path of ``edges.csv``.

    Raises
    ------
    LinkchartError
        (code ``write-failed``) when the folder or a file cannot be written, or a file
        would overwrite one the chart was read from.
    """
    return write_folder(Path(folder), dumps(chart), inputs=chart.files)[-1]
