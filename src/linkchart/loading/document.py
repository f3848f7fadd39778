"""A graph document to a chart: :func:`from_document`, and :func:`load_csv` for other tools' CSV tables.

The plain data of a graph file (as :mod:`linkchart.readers.yaml` or an exchange reader
gives it) names its CSV tables (read by :mod:`.tables`); the header and the columns go
to :func:`.build.build`, which checks everything and either raises one
:class:`~linkchart.errors.LoadError` listing every problem with its file, line (or CSV
row), path, code and hint, or returns the chart.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from ..errors import LoadError, Problem, Problems, did_you_mean
from ..model import LinkChart
from ..readers.csv import CsvRows
from ..readers.yaml import line_of
from .build import build, top_level
from .columns import ABSENT, EDGE_FIELDS, NODE_FIELDS, Document, Section, rows_to_section
from .files import Refused, inside, resolve_named
from .tables import read_section

__all__ = ["FORMAT_VERSION", "from_document", "load_csv"]

FORMAT_VERSION = 1
"""The only version of the graph format."""


class _Locator:
    """Paths -> (file, line, row): YAML lines, or CSV rows for sections read from CSV."""

    def __init__(self, file: str, lines: dict[str, int]) -> None:
        self.file = file
        self.lines = lines
        self.csv: dict[str, tuple[str, CsvRows]] = {}
        self.tables: list[str] = []  # the CSV files read, as opened

    def __call__(self, path: str) -> tuple[str | None, int | None, int | None]:
        section, _, rest = path.partition("[")
        found = self.csv.get(section)
        if found is not None and rest:
            file, rows = found
            k = int(rest.split("]", 1)[0])
            return file, rows.line(k), k + 1
        return self.file, line_of(self.lines, path), None


def _columns(raw: Any, name: str, problems: Problems) -> dict[str, str]:
    """``columns: {field: "Column in the file"}``: another tool's CSV header, read as linkchart's fields."""
    if raw is ABSENT or raw is None:
        return {}
    known = NODE_FIELDS if name == "nodes" else EDGE_FIELDS
    if not isinstance(raw, Mapping):
        problems.add(
            "wrong-type",
            f"'{name}.columns' must map fields to column names, not {type(raw).__name__}",
            f"{name}.columns",
            "write e.g. 'columns: {from: Source, to: Target, relation: Label}'",
        )
        return {}
    out: dict[str, str] = {}
    for field, column in raw.items():
        if field not in known or field == "attributes":
            problems.add(
                "unknown-field",
                f"{field!r} is not a field of {name}",
                f"{name}.columns.{field}",
                did_you_mean(str(field), [f for f in known if f != "attributes"])
                or f"the fields are {', '.join(f for f in known if f != 'attributes')}",
            )
        elif not isinstance(column, str) or not column.strip():
            problems.add(
                "wrong-type",
                f"the column for {field!r} must be a column name, not {column!r}",
                f"{name}.columns.{field}",
                "write the column's header as it is in the file",
            )
        else:
            out[column.strip()] = str(field)
    return out


def _section(
    raw: Any,
    name: str,
    base: Path,
    locator: _Locator,
    problems: Problems,
    nodes: Section | None = None,
    *,
    allow_outside: bool = False,
) -> Section:
    if raw is ABSENT:
        problems.add(
            "missing-field",
            f"'{name}' is required",
            "",
            f"add '{name}:' with a list of {name}, or '{name}: {{csv: {name}.csv}}'",
        )
        return Section(name, 0)
    if isinstance(raw, Mapping):
        extra = [k for k in raw if k not in ("csv", "columns")]
        for k in extra:
            problems.add(
                "unknown-field",
                f"unknown field {k!r}",
                f"{name}.{k}",
                f"write '{name}: {{csv: {name}.csv}}' or a list of {name}",
            )
        columns = _columns(raw.get("columns", ABSENT), name, problems)
        csv_name = raw.get("csv")
        if not isinstance(csv_name, str) or not csv_name:
            if "csv" not in raw:
                problems.add(
                    "missing-field",
                    f"'{name}' as a mapping needs 'csv'",
                    name,
                    f"write '{name}: {{csv: {name}.csv}}' or a list of {name}",
                )
            else:
                problems.add(
                    "wrong-type",
                    f"'{name}.csv' must be a file name",
                    f"{name}.csv",
                    f"write '{name}: {{csv: {name}.csv}}'",
                )
            return Section(name, 0)
        try:
            path = resolve_named(base, csv_name, allow_outside=allow_outside)
        except Refused as refused:
            problems.add(
                "source-unreadable",
                f"the {name} CSV file {csv_name!r} is not read: {refused.reason}",
                f"{name}.csv",
                refused.hint,
            )
            return Section(name, 0)
        file = os.path.normpath(str(Path(locator.file).parent / csv_name))
        shared = None
        if nodes is not None:  # an edge file's endpoints reuse the node id strings
            ids = {v: v for v in nodes.column("id") if v.__class__ is str}
            shared = {"from": ids, "to": ids}
        section, found, rows = read_section(path, name, file, shared, echo=inside(base, path), rename=columns)
        for p in found:
            if p.code == "source-unreadable":
                f, line, _ = locator(f"{name}.csv")
                p = replace(p, path=f"{name}.csv", file=f, line=line, row=None)
            problems.extend([p])
        locator.csv[name] = (file, rows)
        locator.tables.append(os.fspath(path))
        return section if section is not None else Section(name, 0)
    return rows_to_section(raw, name, problems)


def _unreadable(file: str, message: str, hint: str) -> LoadError:
    return LoadError([Problem("source-unreadable", message, "", file, None, None, hint)])


def from_document(
    data: Any,
    file: str,
    *,
    lines: Mapping[str, int] | None = None,
    found: Sequence[Problem] = (),
    allow_outside: bool = False,
    directed: bool | None = None,
) -> LinkChart:
    """Validate the plain data of a graph file (as YAML or an export format holds it) into a chart.

    ``file`` names the file in problems and is the folder's anchor for CSV files and
    source texts; ``lines`` maps an item's path (``edges[3]``) to its line where the
    format has lines; ``found`` are problems the reader already found; ``directed`` the
    direction of the relations taken as they appear (``False``: undirected), when the
    document declares none.

    Raises
    ------
    LoadError
        As :func:`~linkchart.load` does.
    """
    p = Path(file)
    locator = _Locator(file, dict(lines or {}))
    problems = Problems(locator)
    problems.extend(list(found))
    top = top_level(data, problems)
    if not isinstance(data, Mapping):
        problems.raise_if_any()
    version = top.get("linkchart", ABSENT)
    if version is ABSENT:
        problems.add(
            "unsupported-version",
            "the format version 'linkchart: 1' is missing",
            "",
            "start the file with 'linkchart: 1'",
        )
    elif type(version) is not int or version != FORMAT_VERSION:  # not True, not 1.0
        problems.add(
            "unsupported-version",
            f"format version {version!r} is not supported",
            "linkchart",
            f"this linkchart reads version {FORMAT_VERSION}; write 'linkchart: {FORMAT_VERSION}'",
        )
        problems.raise_if_any()
    base = p.parent
    nodes = _section(top.get("nodes", ABSENT), "nodes", base, locator, problems, allow_outside=allow_outside)
    doc = Document(
        nodes=nodes,
        edges=_section(
            top.get("edges", ABSENT), "edges", base, locator, problems, nodes, allow_outside=allow_outside
        ),
        version=version,
        title=top.get("title", ABSENT),
        description=top.get("description", ABSENT),
        sources=top.get("sources", ABSENT),
        confidence=top.get("confidence", ABSENT),
        defaults=top.get("defaults", ABSENT),
        node_types=top.get("node_types", ABSENT),
        relations=top.get("relations", ABSENT),
        analysis=top.get("analysis", ABSENT),
        periods=top.get("periods", ABSENT),
        base=base,
        path=file,
        allow_outside=allow_outside,
        tables=tuple(locator.tables),
        directed=directed,
    )
    return build(doc, problems)


def load_csv(
    edges: str | os.PathLike[str],
    nodes: str | os.PathLike[str] | None = None,
    *,
    columns: Mapping[str, str] | None = None,
    node_columns: Mapping[str, str] | None = None,
    title: str | None = None,
    allow_outside: bool = False,
    directed: bool | None = None,
) -> LinkChart:
    """A chart from another tool's CSV tables (Gephi, Kumu, a spreadsheet), read through a column mapping.

    Parameters
    ----------
    edges
        The edge table.
    nodes
        The node table, or ``None``: every node an edge names, of type ``entity``.
    columns, node_columns
        linkchart field -> the file's column (``{"from": "Source", "to": "Target",
        "relation": "Label"}``), as ``columns:`` in a graph file; every other column is a
        free attribute.
    title
        The chart's title (default: the edge file's name).
    allow_outside
        As for :func:`~linkchart.load`: the node table must be in the edge table's folder
        unless this is true.
    directed
        ``None`` (default) or ``True``: the relations are directed (from -> to);
        ``False``: undirected, for a contact list whose two columns carry no direction.

    Raises
    ------
    LoadError
        Every problem located by file, line and row, as for a graph file.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "e.csv").write_text("Source,Target,Label,Weight\\nA,B,funds,2\\n")
    >>> c = load_csv(folder / "e.csv", columns={"from": "Source", "to": "Target", "relation": "Label",
    ...     "weight": "Weight"})
    >>> c.node_ids, c.edge("e0").relation, c.edge("e0").weight
    (('A', 'B'), 'funds', 2.0)
    """
    edge_path = Path(os.fspath(edges))
    base = edge_path.parent
    doc: dict[str, Any] = {
        "linkchart": FORMAT_VERSION,
        "title": title if title is not None else edge_path.stem,
    }
    doc["edges"] = {"csv": edge_path.name, "columns": dict(columns or {})}
    if nodes is not None:
        name = os.path.relpath(Path(os.fspath(nodes)).resolve(), base.resolve())
        doc["nodes"] = {"csv": name, "columns": dict(node_columns or {})}
    else:
        problems = Problems(_Locator(os.fspath(edge_path), {}))
        rename = _columns(dict(columns or {}), "edges", problems)
        problems.raise_if_any()
        section, found, _ = read_section(edge_path, "edges", os.fspath(edge_path), None, rename=rename)
        if section is None:
            raise LoadError(found)
        ends = [v for f in ("from", "to") for v in section.column(f) if isinstance(v, str) and v]
        doc["node_types"] = {"entity": {"description": "a node named by an edge table"}}
        doc["nodes"] = [{"id": v, "type": "entity"} for v in dict.fromkeys(ends)]
    return from_document(
        doc, os.fspath(base / "(csv tables)"), allow_outside=allow_outside, directed=directed
    )
