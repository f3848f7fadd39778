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
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..cells import to_cell
from ..errors import LinkchartError
from ..files import write_folder
from ..loading.columns import EDGE_FIELDS, NODE_FIELDS
from ..model import LinkChart
from ..model.convert import to_records
from ._document import edge_rows, folder_of, header
from .yaml import yaml_text

__all__ = ["dumps", "write_csv"]


def _time_text(t: Any) -> str:
    """A record's time (:func:`~linkchart.times.span_value`) as one CSV cell."""
    if t is None:
        return ""
    if isinstance(t, int | str):
        return str(t)
    a, b = t["from"], t["to"]
    return f"{'' if a is None else a}-{'' if b is None else b}"


def _cell(value: Any, what: str) -> str:
    if value is None:
        return ""
    if isinstance(value, tuple | list):
        raise LinkchartError(f"{what}: a list value {value!r} cannot be written to CSV; write YAML instead")
    text = value if isinstance(value, str) else str(value)
    if "\x00" in text:
        raise LinkchartError(f"{what}: a NUL character cannot be written to CSV")
    return text


def _notes_cell(notes: list[Any]) -> str:
    """Notes (their record values) as one CSV cell: a JSON list (see :mod:`linkchart.loading.notes`)."""
    if not notes:
        return ""
    text = json.dumps(notes, ensure_ascii=False)
    return _cell(text, "notes")


class _SafeWriter:
    """A CSV writer whose text cells are spreadsheet-safe (:func:`~linkchart.cells.to_cell`)."""

    def __init__(self, f: io.StringIO) -> None:
        self._w = csv.writer(f, lineterminator="\r\n")

    def writerow(self, row: Iterable[Any]) -> None:
        self._w.writerow([to_cell(v) if isinstance(v, str) else v for v in row])


def _nodes_csv(chart: LinkChart, attributes: list[str]) -> str:
    with io.StringIO() as f:
        w = _SafeWriter(f)
        w.writerow([*(f for f in NODE_FIELDS if f != "attributes"), *attributes])
        for rec in to_records(chart)[0]:
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
                    *(_cell(attrs.get(a), f"node {rec['id']!r} attribute {a!r}") for a in attributes),
                ]
            )
        return f.getvalue()


def _edges_csv(chart: LinkChart, attributes: list[str]) -> str:
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
                    _cell(row.get("evidence"), f"edge {k} evidence"),
                    row.get("source", ""),
                    _time_text(row.get("time")),
                    "" if weight is None else repr(float(weight)),
                    _cell(row.get("alternative"), f"edge {k} alternative"),
                    _notes_cell(row.get("notes", [])),
                    *(_cell(attrs.get(a), f"edge {k} attribute {a!r}") for a in attributes),
                ]
            )
        return f.getvalue()


def dumps(chart: LinkChart, *, folder: str | os.PathLike[str] | None = None) -> dict[str, str]:
    """The files of the CSV folder: ``{"nodes.csv": ..., "edges.csv": ..., "chart.yaml": ...}``.

    ``folder`` (default: the folder the chart was loaded from) is where the files will
    lie: a source's relative local ``location`` is written relative to it.

    Raises
    ------
    LinkchartError
        For what CSV cannot hold (see :func:`write_csv`).
    """
    target = Path(folder) if folder is not None else folder_of(chart)
    doc = header(chart, target)
    doc["nodes"] = {"csv": "nodes.csv"}
    doc["edges"] = {"csv": "edges.csv"}
    node_attrs = list(chart.nodes.attributes)
    edge_attrs = list(chart.edges.attributes)
    for name in (*node_attrs, *edge_attrs):
        if not name or name != name.strip() or name == "attributes":
            raise LinkchartError(f"the attribute name {name!r} cannot be a CSV column")
    return {
        "nodes.csv": _nodes_csv(chart, node_attrs),
        "edges.csv": _edges_csv(chart, edge_attrs),
        "chart.yaml": yaml_text(doc),
    }


def write_csv(chart: LinkChart, folder: str | os.PathLike[str]) -> Path:
    """Write ``chart`` as ``chart.yaml`` with ``nodes.csv`` and ``edges.csv`` in ``folder``.

    Returns the path of ``chart.yaml``. Loading it gives a chart equal to ``chart``
    as long as every free attribute value is non-empty text (CSV cells are text, and
    an empty cell means absent). Cells are spreadsheet-safe: text that a spreadsheet
    would run as a formula (``=``, ``+``, ``-``, ``@`` first) is written behind an
    apostrophe, which loading removes again (:mod:`linkchart.cells`).

    Raises
    ------
    LinkchartError
        For what CSV cannot hold: an alias containing ``|`` or surrounding spaces,
        a list attribute, a NUL character, an attribute name that is empty, padded
        with spaces or named ``attributes``.

    Examples
    --------
    >>> import linkchart, pathlib, tempfile
    >>> c = linkchart.from_records([{"id": "A", "type": "state", "aliases": ["x", "y"]},
    ...                             {"id": "B", "type": "state"}],
    ...                            [{"from": "A", "relation": "borders", "to": "B", "time": "1999-"}])
    >>> out = write_csv(c, tempfile.mkdtemp())
    >>> sorted(p.name for p in out.parent.iterdir())
    ['chart.yaml', 'edges.csv', 'nodes.csv']
    >>> linkchart.load(out) == c
    True
    """
    target = Path(folder)
    return write_folder(target, dumps(chart, folder=target), inputs=chart.files)[-1]
