"""The CSV folder: ``chart.yaml`` with ``nodes.csv`` and ``edges.csv`` (:func:`dumps`, :func:`write_csv`).

The header goes to ``chart.yaml``, which names the two tables; every node and edge is
one row. Cells are spreadsheet-safe (:mod:`linkchart.cells`): text a spreadsheet
would run as a formula is written behind an apostrophe, which loading removes again.
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Collection, Iterable, Mapping
from pathlib import Path
from typing import Any

from ..cells import to_cell
from ..errors import LinkchartError
from ..files import write_folder
from ..loading.columns import EDGE_FIELDS, NODE_FIELDS
from ..model import LinkChart
from ..model.convert import to_records
from ._document import edge_rows, folder_of, header, plain_tree
from .yaml import yaml_text

__all__ = ["dumps", "json_columns", "write_csv"]


def _time_text(t: Any) -> str:
    """A record's time (:func:`~linkchart.times.span_value`) as one CSV cell."""
    if t is None:
        return ""
    if isinstance(t, int | str):
        return str(t)
    a, b = t["from"], t["to"]
    return f"{'' if a is None else a}-{'' if b is None else b}"


def _cell(value: Any, what: str, *, as_json: bool = False) -> str:
    if value is None:
        return ""
    if as_json:
        value = json.dumps(plain_tree(value), ensure_ascii=False)
    text = value if isinstance(value, str) else str(value)
    if "\x00" in text:
        raise LinkchartError(f"{what}: a NUL character cannot be written to CSV")
    return text


def json_columns(records: Iterable[Mapping[str, Any]], names: Iterable[str]) -> list[str]:
    """The attributes that a CSV cell holds as JSON: those with a value that is not non-empty text.

    A cell is text and an empty one means absent, so a list, a number, a boolean, a
    mapping or an empty text would not read back as itself: such a column is written as
    JSON values and named in the table's ``json:`` (``docs/format.md``).

    Examples
    --------
    >>> json_columns([{"a": "x", "b": ("p", "q")}, {"a": "y", "c": 3}], ["a", "b", "c"])
    ['b', 'c']
    """
    rows = list(records)
    return [
        n for n in names if any(not isinstance(v, str) or not v for r in rows if (v := r.get(n)) is not None)
    ]


def _notes_cell(notes: list[Any]) -> str:
    """Notes (their record values) as one CSV cell: a JSON list (see :mod:`linkchart.loading.notes`)."""
    if not notes:
        return ""
    text = json.dumps(notes, ensure_ascii=False)
    return _cell(text, "notes")


def _evidence_cell(evidence: Any, what: str) -> str:
    """An edge's evidence as one CSV cell: the quote, or an evidence list as a JSON list (read
    back by :func:`~linkchart.readers.convention.evidence_value`)."""
    if isinstance(evidence, list):
        return _cell(json.dumps(evidence, ensure_ascii=False), what)
    return _cell(evidence, what)


class _SafeWriter:
    """A CSV writer whose text cells are spreadsheet-safe (:func:`~linkchart.cells.to_cell`)."""

    def __init__(self, f: io.StringIO) -> None:
        self._w = csv.writer(f, lineterminator="\r\n")

    def writerow(self, row: Iterable[Any]) -> None:
        self._w.writerow([to_cell(v) if isinstance(v, str) else v for v in row])


def _nodes_csv(records: list[dict[str, Any]], attributes: list[str], as_json: Collection[str]) -> str:
    with io.StringIO() as f:
        w = _SafeWriter(f)
        w.writerow([*(f for f in NODE_FIELDS if f != "attributes"), *attributes])
        for rec in records:
            for a in rec["aliases"]:
                if "|" in a or a != a.strip() or not a:
                    raise LinkchartError(
                        f"node {rec['id']!r}: the alias {a!r} cannot be written to CSV "
                        "(aliases are separated by '|' and trimmed)"
                    )
            attrs = rec["attributes"]
            w.writerow(
                [
                    _cell(rec["id"], "nodes"),
                    rec["type"],
                    "" if rec["label"] == rec["id"] else _cell(rec["label"], "nodes"),
                    "|".join(rec["aliases"]),
                    _time_text(rec["time"]),
                    _notes_cell(rec["notes"]),
                    *(
                        _cell(attrs.get(a), f"node {rec['id']!r} attribute {a!r}", as_json=a in as_json)
                        for a in attributes
                    ),
                ]
            )
        return f.getvalue()


def _edges_csv(chart: LinkChart, attributes: list[str], as_json: Collection[str]) -> str:
    with io.StringIO() as f:
        w = _SafeWriter(f)
        w.writerow([*(f for f in EDGE_FIELDS if f != "attributes"), *attributes])
        for k, row in enumerate(edge_rows(chart)):
            attrs = row.get("attributes", {})
            weight = row.get("weight")
            w.writerow(
                [
                    row.get("id", ""),
                    _cell(row["from"], "edges"),
                    row["relation"],
                    _cell(row["to"], "edges"),
                    row["confidence"],
                    _evidence_cell(row.get("evidence"), f"edge {k} evidence"),
                    row.get("source", ""),
                    _time_text(row.get("time")),
                    "" if weight is None else repr(float(weight)),
                    _cell(row.get("alternative"), f"edge {k} alternative"),
                    _notes_cell(row.get("notes", [])),
                    repr(row["probability"]) if "probability" in row else "",
                    *(
                        _cell(attrs.get(a), f"edge {k} attribute {a!r}", as_json=a in as_json)
                        for a in attributes
                    ),
                ]
            )
        return f.getvalue()


def dumps(
    chart: LinkChart, *, folder: str | os.PathLike[str] | None = None, embed_sources: bool = False
) -> dict[str, str]:
    """The files of the CSV folder: ``{"nodes.csv": ..., "edges.csv": ..., "chart.yaml": ...}``.

    ``folder`` (default: the folder the chart was loaded from) is where the files will
    lie: a source's relative local ``location`` is written relative to it where the text
    lies inside it; ``embed_sources=True`` writes each source's text into ``chart.yaml``.

    Raises
    ------
    LinkchartError
        For what CSV cannot hold (see :func:`write_csv`).
    """
    target = Path(folder) if folder is not None else folder_of(chart)
    doc = header(chart, target, embed=embed_sources)
    node_attrs = list(chart.nodes.attributes)
    edge_attrs = list(chart.edges.attributes)
    for name in (*node_attrs, *edge_attrs):
        if not name or name != name.strip() or name == "attributes":
            raise LinkchartError(f"the attribute name {name!r} cannot be a CSV column")
    nodes, edges = to_records(chart)
    node_json = json_columns((r["attributes"] for r in nodes), node_attrs)
    edge_json = json_columns((r["attributes"] for r in edges), edge_attrs)
    doc["nodes"] = {"csv": "nodes.csv", **({"json": node_json} if node_json else {})}
    doc["edges"] = {"csv": "edges.csv", **({"json": edge_json} if edge_json else {})}
    return {
        "nodes.csv": _nodes_csv(nodes, node_attrs, node_json),
        "edges.csv": _edges_csv(chart, edge_attrs, edge_json),
        "chart.yaml": yaml_text(doc),
    }


def write_csv(chart: LinkChart, folder: str | os.PathLike[str], *, embed_sources: bool = False) -> Path:
    """Write ``chart`` as ``chart.yaml`` with ``nodes.csv`` and ``edges.csv`` in ``folder``.

    Returns the path of ``chart.yaml``. Loading it gives a chart equal to ``chart``: a
    free attribute whose values are not all non-empty text (a list, a number, a boolean)
    is written as one JSON value per cell, in a column that ``chart.yaml`` names under
    ``json:`` (:func:`json_columns`). Cells are spreadsheet-safe: text that a spreadsheet
    would run as a formula (``=``, ``+``, ``-``, ``@`` first) is written behind an
    apostrophe, which loading removes again (:mod:`linkchart.cells`).

    Raises
    ------
    LinkchartError
        For what CSV cannot hold: an alias containing ``|`` or surrounding spaces,
        a NUL character, an attribute name that is empty, padded
        with spaces or named ``attributes``.

    Examples
    --------
    >>> import linkchart, pathlib, tempfile
    >>> c = linkchart.from_records([{"id": "A", "type": "state", "aliases": ["x", "y"]},
    ...                             {"id": "B", "type": "state", "attributes": {"seen": [1999, 2001]}}],
    ...                            [{"from": "A", "relation": "borders", "to": "B", "time": "1999-"}])
    >>> out = write_csv(c, tempfile.mkdtemp())
    >>> sorted(p.name for p in out.parent.iterdir())
    ['chart.yaml', 'edges.csv', 'nodes.csv']
    >>> linkchart.load(out) == c
    True
    """
    target = Path(folder)
    return write_folder(target, dumps(chart, folder=target, embed_sources=embed_sources), inputs=chart.files)[
        -1
    ]
