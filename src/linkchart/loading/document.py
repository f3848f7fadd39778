"""A graph document to a chart: :func:`from_document`, and :func:`load_csv` for other tools' CSV tables.

The plain data of a graph file (as :mod:`linkchart.readers.yaml` or an exchange reader
gives it) names its CSV tables (read by :mod:`.tables`); the header and the columns go
to :func:`.build.build`, which checks everything and either raises one
:class:`~linkchart.errors.LoadError` listing every problem with its file, line (or CSV
row), path, code and hint, or returns the chart.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from ..errors import LoadError, LoadWarning, Problem, ProblemCode, Problems, did_you_mean
from ..model import Decisions, LinkChart
from ..readers.arrow import NoLines, TableKind, table_kind
from ..readers.csv import CsvRows
from ..readers.foreign import DEFAULT_RELATION, DEFAULT_TYPE
from ..readers.jsontext import read_json
from ..readers.yaml import line_of
from .build import build, top_level
from .columns import ABSENT, EDGE_FIELDS, NODE_FIELDS, Document, Section, rows_to_section
from .files import Refused, inside, resolve_named
from .tables import header_fields, read_section

__all__ = ["FORMAT_VERSION", "from_document", "load_csv"]

FORMAT_VERSION = 1
"""The only version of the graph format."""
_DEFAULT_TYPE_TEXT = "a node of a table that gives no type"


_TABLE_KEYS: tuple[TableKind, ...] = ("csv", "parquet", "arrow")
"""The keys that name a node or edge table: its format (an extension says it too)."""


class _Locator:
    """Paths -> (file, line, row): YAML lines, or CSV rows for sections read from CSV."""

    def __init__(self, file: str, lines: dict[str, int]) -> None:
        self.file = file
        self.lines = lines
        self.csv: dict[str, tuple[str, CsvRows | NoLines]] = {}
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


def _decode_json(section: Section, raw: Any, file: str, problems: Problems) -> None:
    """Read the cells of the attribute columns that ``json:`` names as JSON values, in place.

    A CSV cell is text; a list, a number or a boolean attribute is written by
    :func:`~linkchart.writers.csv.write_csv` as JSON in a column that the table's
    ``json:`` names, so that the folder loads back equal. Each cell is read with the
    bounded JSON reader; an empty cell is absent. A column that is not a free attribute
    of the file, and a cell that is not JSON, are located problems.
    """
    name = section.name
    if raw is ABSENT:
        return
    if not isinstance(raw, list | tuple) or not all(isinstance(c, str) for c in raw):
        problems.add(
            "wrong-type",
            f"'{name}.json' must be a list of column names",
            f"{name}.json",
            "write e.g. 'json: [aliases_seen, founded]'",
        )
        return
    for column in raw:
        values = section.attributes.get(column)
        if values is None:
            problems.add(
                "unknown-field",
                f"'{name}.json' names {column!r}, which is not a free attribute column of {file}",
                f"{name}.json",
                did_you_mean(column, list(section.attributes)) or "name a column of the file's header",
            )
            continue
        for k, cell in enumerate(values):
            if cell == "":
                values[k] = ABSENT
                continue
            try:
                values[k] = read_json(cell, file)
            except LoadError as err:
                for p in err.problems:
                    problems.add(
                        p.code,
                        f"the {column!r} cell is not a JSON value: {p.message}",
                        f"{name}[{k}].attributes.{column}",
                        'write a JSON value ("text", 3, true, ["a", "b"]), or leave the column out '
                        f"of '{name}.json' to read its cells as text",
                    )
                values[k] = ABSENT
    section.json = frozenset(c for c in raw if c in section.attributes)


def _section(
    raw: Any,
    name: str,
    base: Path,
    locator: _Locator,
    problems: Problems,
    nodes: Section | None = None,
    *,
    allow_outside: bool = False,
    fill: Mapping[str, str] | None = None,
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
        extra = [k for k in raw if k not in (*_TABLE_KEYS, "columns", "json")]
        for k in extra:
            problems.add(
                "unknown-field",
                f"unknown field {k!r}",
                f"{name}.{k}",
                f"write '{name}: {{csv: {name}.csv}}' (or parquet:, arrow:) or a list of {name}",
            )
        columns = _columns(raw.get("columns", ABSENT), name, problems)
        keys = [k for k in _TABLE_KEYS if k in raw]
        key: TableKind = keys[0] if keys else "csv"
        table_name = raw.get(key)
        if len(keys) > 1:
            problems.add(
                "unknown-field",
                f"'{name}' names {' and '.join(keys)} tables; it is one table",
                f"{name}.{keys[1]}",
                f"write one of {', '.join(_TABLE_KEYS)}",
            )
            return Section(name, 0)
        if not isinstance(table_name, str) or not table_name:
            if not keys:
                problems.add(
                    "missing-field",
                    f"'{name}' as a mapping needs 'csv' (or 'parquet', 'arrow')",
                    name,
                    f"write '{name}: {{csv: {name}.csv}}' or a list of {name}",
                )
            else:
                problems.add(
                    "wrong-type",
                    f"'{name}.{key}' must be a file name",
                    f"{name}.{key}",
                    f"write '{name}: {{{key}: {name}.{key}}}'",
                )
            return Section(name, 0)
        kind = table_kind(table_name, key)
        try:
            path = resolve_named(base, table_name, allow_outside=allow_outside)
        except Refused as refused:
            problems.add(
                "source-unreadable",
                f"the {name} table {table_name!r} is not read: {refused.reason}",
                f"{name}.{key}",
                refused.hint,
            )
            return Section(name, 0)
        file = os.path.normpath(str(Path(locator.file).parent / table_name))
        shared = None
        if nodes is not None:  # an edge file's endpoints reuse the node id strings
            ids = {v: v for v in nodes.column("id") if v.__class__ is str}
            shared = {"from": ids, "to": ids}
        section, found, rows = read_section(
            path, name, file, shared, echo=inside(base, path), rename=columns, fill=fill, kind=kind
        )
        for p in found:
            if p.code == "source-unreadable":
                f, line, _ = locator(f"{name}.{key}")
                p = replace(p, path=f"{name}.{key}", file=f, line=line, row=None)
            problems.extend([p])
        locator.csv[name] = (file, rows)
        locator.tables.append(os.fspath(path))
        if section is None:
            return Section(name, 0)
        _decode_json(section, raw.get("json", ABSENT), file, problems)
        return section
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
    fill: Mapping[str, Mapping[str, str]] | None = None,
    decisions: Decisions | None = None,
    decisions_file: str | None = None,
) -> LinkChart:
    """Validate the plain data of a graph file (as YAML or an export format holds it) into a chart.

    ``file`` names the file in problems and is the folder's anchor for CSV files and
    source texts; ``lines`` maps an item's path (``edges[3]``) to its line where the
    format has lines; ``found`` are problems the reader already found; ``directed`` the
    direction of the relations taken as they appear (``False``: undirected), when the
    document declares none; ``fill`` maps ``"nodes"`` or ``"edges"`` to the value of a
    required field that its CSV table lacks (``{"edges": {"relation": "tie"}}``).
    ``decisions`` are applied with the file's own (read from
    ``decisions_file``, which names it in problems).

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
    fill = fill or {}
    nodes = _section(
        top.get("nodes", ABSENT),
        "nodes",
        base,
        locator,
        problems,
        allow_outside=allow_outside,
        fill=fill.get("nodes"),
    )
    doc = Document(
        nodes=nodes,
        edges=_section(
            top.get("edges", ABSENT),
            "edges",
            base,
            locator,
            problems,
            nodes,
            allow_outside=allow_outside,
            fill=fill.get("edges"),
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
        grades=top.get("grades", ABSENT),
        decisions=top.get("decisions", ABSENT),
        conflicts=top.get("conflicts", ABSENT),
        more_decisions=decisions,
        decisions_file=decisions_file,
        base=base,
        path=file,
        allow_outside=allow_outside,
        tables=tuple(locator.tables),
        directed=directed,
    )
    return build(doc, problems)


def _said(code: ProblemCode, message: str, path: str, file: str, hint: str) -> None:
    warnings.warn(LoadWarning(Problem(code, message, path, file, 1, None, hint)), stacklevel=3)


def _filled(
    path: Path, name: str, rename: Mapping[str, str], field: str, value: str, flag: str
) -> dict[str, str]:
    """``{field: value}`` when the header of the table ``path`` lacks ``field`` (said in a
    warning), else nothing."""
    fields = header_fields(path, rename)
    if fields is None or field in fields:  # an unreadable table: read_section says why
        return {}
    _said(
        "missing-field",
        f"the {name} table has no {field!r} column: every {name[:-1]} is read as {field} {value!r}",
        name,
        os.fspath(path),
        f"map a column to it ({flag} {field}=COLUMN) to read it from the file",
    )
    return {field: value}


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
    """A chart from another tool's CSV tables (Gephi, Kumu, a spreadsheet, a two-column contact
    list), read through a column mapping.

    A table whose name ends in ``.parquet`` or ``.pq`` is read as Parquet, one ending in
    ``.arrow``, ``.arrows``, ``.feather`` or ``.ipc`` as Arrow IPC (both need the extra
    ``linkchart[arrow]``).

    Parameters
    ----------
    edges
        The edge table: at least its two ends (``from`` and ``to``, or the columns
        ``columns`` maps to them). Without a ``relation`` column every edge is a
        ``tie`` (a warning says so).
    nodes
        The node table, or ``None``: every node an edge names, of type ``entity``.
        Without a ``type`` column every node is an ``entity`` (a warning says so).
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
        ``True``: the relations are directed (from -> to); ``False``: undirected, for a
        contact list whose two columns carry no direction (CLI ``convert
        --undirected-relations``); ``None`` (default): directed, and a warning says so,
        since a table's columns do not say which it is.

    Raises
    ------
    LoadError
        Every problem located by file, line and row, as for a graph file.

    Examples
    --------
    >>> import pathlib, tempfile, warnings
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "e.csv").write_text("Source,Target,Label,Weight\\nA,B,funds,2\\n")
    >>> c = load_csv(folder / "e.csv", columns={"from": "Source", "to": "Target", "relation": "Label",
    ...     "weight": "Weight"}, directed=True)
    >>> c.node_ids, c.edge("e0").relation, c.edge("e0").weight
    (('A', 'B'), 'funds', 2.0)
    >>> _ = (folder / "contacts.csv").write_text("a,b\\nA,B\\nB,C\\n")
    >>> with warnings.catch_warnings(record=True) as said:
    ...     warnings.simplefilter("always")
    ...     c = load_csv(folder / "contacts.csv", columns={"from": "a", "to": "b"}, directed=False)
    >>> [(r.name, r.directed) for r in c.vocabulary.relations], len(said)
    ([('tie', False)], 1)
    """
    edge_path = Path(os.fspath(edges))
    base = edge_path.parent
    doc: dict[str, Any] = {
        "linkchart": FORMAT_VERSION,
        "title": title if title is not None else edge_path.stem,
    }
    problems = Problems(_Locator(os.fspath(edge_path), {}))
    rename = _columns(dict(columns or {}), "edges", problems)
    node_rename = _columns(dict(node_columns or {}), "nodes", problems)
    problems.raise_if_any()
    fill = {"edges": _filled(edge_path, "edges", rename, "relation", DEFAULT_RELATION, "--columns")}
    doc["edges"] = {"csv": edge_path.name, "columns": dict(columns or {})}
    if nodes is not None:
        node_path = Path(os.fspath(nodes))
        name = os.path.relpath(node_path.resolve(), base.resolve())
        doc["nodes"] = {"csv": name, "columns": dict(node_columns or {})}
        fill["nodes"] = _filled(node_path, "nodes", node_rename, "type", DEFAULT_TYPE, "--node-columns")
        if fill["nodes"]:
            doc["node_types"] = {DEFAULT_TYPE: {"description": _DEFAULT_TYPE_TEXT}}
    else:
        section, found, _ = read_section(
            edge_path,
            "edges",
            os.fspath(edge_path),
            None,
            rename=rename,
            fill=fill["edges"],
            kind=table_kind(edge_path.name),
        )
        if section is None:
            raise LoadError(found)
        ends = [v for f in ("from", "to") for v in section.column(f) if isinstance(v, str) and v]
        doc["node_types"] = {DEFAULT_TYPE: {"description": _DEFAULT_TYPE_TEXT}}
        doc["nodes"] = [{"id": v, "type": DEFAULT_TYPE} for v in dict.fromkeys(ends)]
    if directed is None:
        _said(
            "wrong-type",
            "the relations of the edge table are read as directed (from -> to): a CSV table does not "
            "say whether they are",
            "edges",
            os.fspath(edge_path),
            "say directed=False (convert --undirected-relations) for a contact list whose two columns "
            "carry no direction, directed=True to say they are directed",
        )
    return from_document(
        doc, os.fspath(base / "(csv tables)"), allow_outside=allow_outside, directed=directed, fill=fill
    )
