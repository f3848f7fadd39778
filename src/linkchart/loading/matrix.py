"""Matrix data in: person-by-person and person-by-thing matrices, from CSV or Excel sheets.

Published network data sets come as matrices: one sheet per relation, row labels in the
first column, column labels in the first row, a number in a cell for a tie (UCINET's
and ORA's exchange form). :func:`load_matrix` reads one sheet into a chart,
:func:`load_matrices` several sheets (of one workbook, or the CSV files of one folder)
into one chart whose nodes the sheets share:

- a cell's number is the tie's weight; ``0`` or an empty cell is no tie;
- a sheet whose rows and columns are of one node type (by default: a square sheet whose
  row and column labels agree) is **one-mode**: its nodes are its labels; a symmetric
  one is one undirected edge per pair (the diagonal, where written, a self-loop), any
  other one directed edge per cell, from the row to the column;
- any other sheet is **two-mode**: rows and columns are two node types (``person`` x
  ``event``), one undirected edge per cell (``directed=True``: from row to column).

Every problem of every sheet is reported at once, each located by sheet, row and column
(``sheet Meetings, row 5, column C ('E3')``): a cell that is not a number, a negative or
infinite weight or one outside the weights read (:data:`~.header.WEIGHT_RANGE`), a row
longer or shorter than the header, a missing, duplicate or (with ``nodes=``) unknown label.
A sheet is parsed by :mod:`linkchart.readers.matrix` (a CSV file's delimiter told by its
first row; a workbook through linkchart's bounded workbook reader,
:mod:`linkchart.readers.workbook`); this module finds the files, reads only regular ones
(a ``.csv`` file of a folder that is not read is said in a warning) and builds the chart.
"""

from __future__ import annotations

import dataclasses
import os
import stat
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from ..errors import LinkchartError, LoadError, LoadWarning, Problem, UnknownNameError, did_you_mean
from ..model import LinkChart, Source
from ..readers.matrix import MAX_MATRIX_CELLS, MatrixSheet, csv_rows, parse_sheet, sheet_rows
from ..readers.workbook import read_workbook
from ..vocabulary import CLASSES, DEFAULT_NODE_TYPES, NodeType, Relation, Vocabulary
from .document import _unreadable
from .files import MAX_GRAPH_BYTES, MAX_TABLE_BYTES, Refused, inside, open_text, read_bytes
from .header import WEIGHT_RANGE, weight_in_range
from .records import from_records

__all__ = ["MAX_MATRIX_CELLS", "load_matrices", "load_matrix", "matrix_sheets"]

T = TypeVar("T")


# ---------------------------------------------------------------------------- reading files
def _opened(file: str, what: str, open_it: Callable[[], T]) -> T:
    """``open_it()``, with a refused or unreadable file as a located ``source-unreadable`` problem."""
    try:
        return open_it()
    except Refused as refused:
        raise _unreadable(file, f"{what} is not read: {refused.reason}", refused.hint) from None
    except OSError as exc:
        raise _unreadable(file, f"cannot read {what}: {exc.strerror or exc}", "check the path") from None


def _csv_sheet(name: str, path: Path) -> MatrixSheet:
    """The sheet of one matrix CSV file (a regular file, at most :data:`MAX_TABLE_BYTES`)."""
    file = os.fspath(path)

    def rows() -> Iterator[tuple[int, Sequence[Any]]]:
        handle = _opened(file, "the matrix file", lambda: open_text(path, MAX_TABLE_BYTES, newline=""))
        with handle:
            yield from csv_rows(handle, file)

    return parse_sheet(name, file, rows())


def _sheet_names(path: Path, file: str) -> list[str]:
    """The sheet names of the workbook at ``path``, in workbook order (no sheet is read)."""
    data = _opened(file, "the workbook", lambda: read_bytes(path, MAX_GRAPH_BYTES))
    return read_workbook(data, file, ()).names


def _workbook(path: Path, file: str, names: Sequence[str] | None) -> list[MatrixSheet]:
    """The sheets ``names`` (default: all) of the workbook at ``path``, read through linkchart's
    bounded workbook reader (:mod:`linkchart.readers.workbook`: the zip's directory checked
    before anything is inflated, every XML part parsed with defusedxml and no DTD, cells
    read as stored)."""
    data = _opened(file, "the workbook", lambda: read_bytes(path, MAX_GRAPH_BYTES))
    available = read_workbook(data, file, ()).names
    for name in names or ():
        if name not in available:
            raise UnknownNameError(f"sheet of {file}", name, available)
    wanted = list(names or available)
    book = read_workbook(data, file, wanted)
    return [parse_sheet(n, file, sheet_rows(book.sheets[n], file), workbook=True) for n in wanted]


def _skipped(folder: Path, entry: Path) -> str | None:
    """Why the CSV file ``entry`` of ``folder`` is not read as a sheet, or ``None`` when it is."""
    if not inside(folder, entry):
        return "it lies outside the folder (a link out of it)"
    try:
        mode = entry.stat().st_mode
    except OSError as exc:
        return f"it cannot be read ({exc.strerror or exc})"
    return None if stat.S_ISREG(mode) else "it is not a regular file (a FIFO, device or folder)"


def _folder(path: Path, names: Sequence[str] | None) -> list[MatrixSheet]:
    """The sheets ``names`` (default: all) of a folder of CSV files, one sheet per file's stem.

    A ``.csv`` file that is not read (a link out of the folder, a FIFO) is said in a
    :class:`~linkchart.errors.LoadWarning`, or is a ``source-unreadable`` problem when its
    sheet is named; two files of one stem (``a.csv``, ``a.CSV``) are a ``duplicate-name``
    problem.
    """
    file = os.fspath(path)
    found: dict[str, Path] = {}
    skipped: dict[str, Problem] = {}
    problems: list[Problem] = []
    for entry in sorted(path.iterdir()):
        if entry.suffix.lower() != ".csv":
            continue
        why = _skipped(path, entry)
        if why is not None:
            skipped[entry.stem] = Problem(
                "source-unreadable",
                f"sheet {entry.stem!r} ({entry.name}) is not read: {why}",
                "",
                os.fspath(entry),
                None,
                None,
                "put the CSV file itself in the folder, or remove it",
            )
        elif entry.stem in found:
            problems.append(
                Problem(
                    "duplicate-name",
                    f"{found[entry.stem].name} and {entry.name} are both sheet {entry.stem!r}",
                    "",
                    file,
                    None,
                    None,
                    "rename or remove one of them",
                )
            )
        else:
            found[entry.stem] = entry
    problems += [skipped[n] for n in names or () if n in skipped and n not in found]
    if problems:
        raise LoadError(problems)
    for name in names or ():
        if name not in found:
            raise UnknownNameError(f"sheet of {file}", name, list(found))
    if not found:
        raise _unreadable(file, "the folder holds no CSV file", "put one CSV file per sheet in it")
    if names is None:
        for problem in skipped.values():
            warnings.warn(LoadWarning(problem), stacklevel=4)
    return [_csv_sheet(n, found[n]) for n in (names or found)]


def _is_workbook(path: Path) -> bool:
    return path.suffix.lower() in (".xlsx", ".xlsm")


def _read_sheets(path: Path, names: Sequence[str] | None) -> list[MatrixSheet]:
    """The sheets ``names`` (default: all) of a workbook, a folder of CSV files or one CSV file."""
    file = os.fspath(path)
    if _is_workbook(path):
        return _workbook(path, file, names)
    if path.is_dir():
        return _folder(path, names)
    if names and list(names) != [path.stem]:
        raise LinkchartError(f"{file!r} is one CSV file: it has no sheets to name", code="bad-argument")
    return [_csv_sheet(path.stem, path)]


def matrix_sheets(path: str | os.PathLike[str]) -> list[str]:
    """The sheet names of a matrix file, as :func:`load_matrices` names them: a workbook's
    sheets in order, a folder's CSV files by stem (sorted), one CSV file's stem. No cell is read."""
    p = Path(os.fspath(path))
    if _is_workbook(p):
        return _sheet_names(p, os.fspath(p))
    if p.is_dir():
        return list(dict.fromkeys(e.stem for e in sorted(p.iterdir()) if e.suffix.lower() == ".csv"))
    return [p.stem]


# ---------------------------------------------------------------------------- building
@dataclass(frozen=True, slots=True)
class _Spec:
    relation: str
    rows: str
    columns: str | None
    directed: bool | None


def _spec(name: str, raw: Mapping[str, Any] | None, rows: str) -> _Spec:
    raw = dict(raw or {})
    unknown = [k for k in raw if k not in ("relation", "rows", "columns", "directed")]
    if unknown:
        raise LinkchartError(
            f"sheet {name}: unknown option {unknown[0]!r}; the options are relation, rows, columns, directed",
            code="bad-argument",
        )
    spec = _Spec(
        raw.get("relation") or name, raw.get("rows") or rows, raw.get("columns"), raw.get("directed")
    )
    for key in ("relation", "rows"):
        if not isinstance(getattr(spec, key), str):
            raise LinkchartError(
                f"sheet {name}: {key} must be a name, not {getattr(spec, key)!r}", code="bad-argument"
            )
    if spec.columns is not None and not isinstance(spec.columns, str):
        raise LinkchartError(
            f"sheet {name}: columns must be a name, not {spec.columns!r}", code="bad-argument"
        )
    if spec.directed is not None and not isinstance(spec.directed, bool):
        raise LinkchartError(f"sheet {name}: directed must be True, False or None", code="bad-argument")
    return spec


def _node_type(name: str, classes: Mapping[str, str]) -> NodeType:
    base = {t.name: t for t in DEFAULT_NODE_TYPES}.get(name, NodeType(name))
    node_class = classes.get(name)
    if node_class is not None and node_class not in CLASSES:
        raise LinkchartError(
            f"class {node_class!r} of node type {name!r} is not a class; "
            + (did_you_mean(node_class, CLASSES) or f"the classes are {', '.join(CLASSES)}"),
            code="bad-argument",
        )
    return dataclasses.replace(base, node_class=node_class)  # type: ignore[arg-type]


def _cited(source: Source | Mapping[str, Any] | None) -> tuple[Source | Mapping[str, Any] | None, Any]:
    """The source every tie cites and its id; a mapping's keys checked (its values are checked
    with the chart, as :func:`~.records.from_records` checks every source)."""
    if source is None or isinstance(source, Source):
        return source, source.id if source is not None else None
    if not isinstance(source, Mapping):
        raise LinkchartError(
            f"source must be a Source or a mapping, not {type(source).__name__}", code="bad-argument"
        )
    fields = [f.name for f in dataclasses.fields(Source)]
    for key in source:
        if key not in fields:
            raise LinkchartError(
                f"source: unknown key {key!r}; "
                + (did_you_mean(str(key), fields) or f"a source has {', '.join(fields)}"),
                code="bad-argument",
            )
    return source, source.get("id")


class _Nodes:
    """The nodes the sheets name: label -> node type, each checked against ``nodes=`` and the other sheets."""

    def __init__(self, known: Mapping[str, Iterable[str]] | None) -> None:
        self.known = {t: set(ids) for t, ids in (known or {}).items()}
        self.type: dict[str, str] = {}  # label -> type
        self.where: dict[str, str] = {}  # label -> the sheet that first named it
        self.types: list[str] = []

    def add(self, sheet: MatrixSheet, axis: str, labels: list[str], kind: str) -> None:
        for j, label in enumerate(labels):
            if not label:
                continue
            place = f"row label {label!r}" if axis == "rows" else f"column label {label!r}"
            if kind in self.known and label not in self.known[kind]:
                sheet.problem(
                    "unknown-node",
                    place,
                    f"{label!r} is not a known {kind}",
                    f"{sheet.name}.{axis}[{j}]",
                    None,
                    did_you_mean(label, self.known[kind])
                    or f"the known {kind} nodes are those given in nodes=",
                )
                continue
            had = self.type.get(label)
            if had is None:
                self.type[label] = kind
                self.where[label] = sheet.name
                if kind not in self.types:
                    self.types.append(kind)
            elif had != kind:
                sheet.problem(
                    "duplicate-node",
                    place,
                    f"{label!r} is a {kind} here and a {had} in sheet {self.where[label]}",
                    f"{sheet.name}.{axis}[{j}]",
                    None,
                    "a label names one node: rename one of them",
                )


Weights = dict[tuple[str, str], tuple[float, str]]
"""(row label, column label) -> (weight, cell address)."""


def _weights(sheet: MatrixSheet) -> Weights:
    """The sheet's ties; a weight outside :data:`~.header.WEIGHT_RANGE` is a ``bad-weight``
    problem at its cell."""
    out: Weights = {}
    for i, j, w, address in sheet.cells:
        if not weight_in_range(w):
            sheet.problem(
                "bad-weight",
                f"cell {address} ({sheet.columns[j]!r})",
                f"weight {w:g} is outside the weights read ({WEIGHT_RANGE})",
                f"{sheet.name}[{i}][{j}]",
                None,
                "rescale the sheet, e.g. to thousands or millions",
            )
        out[(sheet.rows[i], sheet.columns[j])] = (w, address)
    return out


def _directed(sheet: MatrixSheet, weights: Weights, directed: bool | None) -> bool:
    """Whether a one-mode sheet is directed: as said, else when it is not symmetric; an
    asymmetric sheet said to be undirected is a ``bad-weight`` problem at each odd cell."""
    symmetric = all(weights.get((b, a), (None,))[0] == w for (a, b), (w, _) in weights.items())
    if directed is False and not symmetric:
        for (a, b), (w, address) in weights.items():
            if weights.get((b, a), (None,))[0] != w:
                sheet.problem(
                    "bad-weight",
                    f"cell {address}",
                    f"{a!r} to {b!r} is {w:g} but {b!r} to {a!r} is not",
                    f"{sheet.name}[{a}][{b}]",
                    None,
                    "an undirected sheet is symmetric; say directed=True, or make both cells equal",
                )
    return not symmetric if directed is None else directed


def _build(
    sheets: list[MatrixSheet],
    specs: list[_Spec],
    *,
    title: str,
    classes: Mapping[str, str] | None,
    confidence: str | None,
    source: Source | Mapping[str, Any] | None,
    nodes: Mapping[str, Iterable[str]] | None,
) -> LinkChart:
    labels = _Nodes(nodes)
    relations: list[Relation] = []
    edges: list[dict[str, Any]] = []
    cited, cited_id = _cited(source)
    for sheet, spec in zip(sheets, specs, strict=True):
        columns = spec.columns
        if columns is None:
            if sorted(sheet.rows) != sorted(sheet.columns) and not sheet.problems:
                raise LinkchartError(
                    f"sheet {sheet.name} is two-mode ({len(sheet.rows)} rows x {len(sheet.columns)} columns, "
                    "with other labels): name its columns' node type, e.g. columns='event'",
                    code="bad-argument",
                )
            columns = spec.rows  # one-mode (a sheet with problems: they are reported below)
        one_mode = columns == spec.rows
        labels.add(sheet, "rows", sheet.rows, spec.rows)
        labels.add(sheet, "columns", sheet.columns, columns)
        if any(r.name == spec.relation for r in relations):
            raise LinkchartError(
                f"sheet {sheet.name}: relation {spec.relation!r} is another sheet's too; "
                "give each sheet its own relation",
                code="bad-argument",
            )
        weights = _weights(sheet)
        directed = _directed(sheet, weights, spec.directed) if one_mode else bool(spec.directed)
        relations.append(
            Relation(
                spec.relation,
                directed=directed,
                source_types=frozenset({spec.rows}),
                target_types=frozenset({columns}),
                description=f"sheet {sheet.name} of {os.path.basename(sheet.file)}",
            )
        )
        order = {label: k for k, label in enumerate(dict.fromkeys([*sheet.rows, *sheet.columns]))}
        for (a, b), (w, address) in weights.items():
            if one_mode and not directed and order[a] > order[b]:
                continue  # the other half of a symmetric sheet
            edge: dict[str, Any] = {"from": a, "relation": spec.relation, "to": b, "weight": w}
            edge["attributes"] = {"cell": f"{sheet.name}!{address}"}
            if confidence is not None:
                edge["confidence"] = confidence
            if cited is not None:
                edge["source"] = cited_id
            edges.append(edge)
    problems = [p for s in sheets for p in s.problems]
    if problems:
        raise LoadError(problems)
    vocabulary = Vocabulary(
        node_types=tuple(_node_type(t, classes or {}) for t in labels.types),
        relations=tuple(relations),
    )
    if confidence is not None and confidence not in vocabulary.confidence.levels:
        raise UnknownNameError("confidence level", confidence, vocabulary.confidence.levels)
    records = [{"id": label, "type": kind} for label, kind in labels.type.items()]
    c = from_records(records, edges, vocabulary, title=title, sources=[cited] if cited is not None else [])
    files = sorted({s.file for s in sheets})  # what a writer never writes over (:mod:`linkchart.files`)
    return LinkChart(
        vocabulary=vocabulary, nodes=c.nodes, edges=c.edges, title=title, sources=c.sources, files=files
    )


def load_matrix(
    path: str | os.PathLike[str],
    *,
    sheet: str | None = None,
    relation: str | None = None,
    rows: str = "person",
    columns: str | None = None,
    directed: bool | None = None,
    classes: Mapping[str, str] | None = None,
    confidence: str | None = None,
    source: Source | Mapping[str, Any] | None = None,
    nodes: Mapping[str, Iterable[str]] | None = None,
    title: str | None = None,
) -> LinkChart:
    """One matrix (a CSV file, or one sheet of an .xlsx workbook) as a chart.

    Parameters
    ----------
    path
        A ``.csv`` file (UTF-8; comma, semicolon or tab separated) or an ``.xlsx`` workbook. The first row
        holds the column labels (its first cell is ignored), the first column the row
        labels; blank rows are skipped.
    sheet
        The workbook's sheet (default: its only sheet).
    relation
        The relation of the ties (default: the sheet's name, or the CSV file's stem).
    rows, columns
        The node types of the row and column labels. ``columns=None`` (default): the
        rows' type when the sheet is square and its row and column labels agree (a
        one-mode sheet); any other sheet must name it (``columns="event"``).
    directed
        ``None`` (default): a one-mode sheet is undirected when it is symmetric, else
        directed (row -> column); a two-mode sheet undirected. ``True``: one directed
        edge per cell; ``False``: undirected (a one-mode sheet must then be symmetric).
    classes
        The class of each node type (``{"person": "agent", "event": "event"}``).
    confidence
        The confidence level of every tie (default: the scale's highest, as in a file).
    source
        The document the matrix comes from (a :class:`~linkchart.model.Source` or a
        mapping with ``id``, ``title``, ``author``, ``date``, ``location``); every tie
        cites it.
    nodes
        Known node ids per node type (``{"person": [...]}``): a label of that type that is
        not among them is an ``unknown-node`` problem with a did-you-mean hint.
    title
        The chart's title (default: the file's stem, and the sheet).

    Returns
    -------
    LinkChart
        The labels as nodes (ids), one edge per non-zero cell (half of a symmetric
        one-mode sheet), each with its weight and the attribute ``cell``
        (``Meetings!C5``), which says where it was read.

    Raises
    ------
    LoadError
        Listing every problem, each with the file, the spreadsheet row (``line``), the
        path ``<sheet>[row][column]`` (0-based data row and column), a code and a hint:
        ``wrong-type`` (a cell that is not a number), ``bad-weight`` (a negative weight,
        an asymmetric sheet read as undirected), ``csv-syntax`` (a row longer or shorter
        than the header), ``missing-field`` (a label missing), ``duplicate-node`` (a label
        twice, or one label for two node types), ``unknown-node`` (a label ``nodes`` does
        not know), ``source-unreadable`` (a file that is not a regular file, too large, or
        not a workbook).
    UnknownNameError
        For a sheet the workbook lacks.
    LinkchartError
        For a two-mode sheet without ``columns``, or a workbook of several sheets without
        ``sheet``.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "attended.csv").write_text(",E1,E2\\nAnn,1,0\\nBea,1,1\\n")
    >>> c = load_matrix(folder / "attended.csv", columns="event")
    >>> c.node_ids, [(e.from_id, e.to_id, e.attributes["cell"]) for e in c.iter_edges()]
    (('Ann', 'Bea', 'E1', 'E2'), [('Ann', 'E1', 'attended!B2'), ('Bea', 'E1', 'attended!B3'), \
('Bea', 'E2', 'attended!C3')])
    """
    p = Path(os.fspath(path))
    if sheet is None and _is_workbook(p):
        names = _sheet_names(p, os.fspath(p))
        if len(names) != 1:
            raise LinkchartError(
                f"the workbook has {len(names)} sheets ({', '.join(names)}): name one with sheet=, "
                "or load them all with load_matrices",
                code="bad-argument",
            )
        sheet = names[0]
    sheets = _read_sheets(p, [sheet] if sheet is not None else None)
    spec = _spec(
        sheets[0].name, {"relation": relation, "rows": rows, "columns": columns, "directed": directed}, rows
    )
    default_title = p.stem if not _is_workbook(p) else f"{p.stem}: {sheets[0].name}"
    return _build(
        sheets,
        [spec],
        title=title if title is not None else default_title,
        classes=classes,
        confidence=confidence,
        source=source,
        nodes=nodes,
    )


def load_matrices(
    path: str | os.PathLike[str],
    sheets: Sequence[str] | Mapping[str, Mapping[str, Any]] | None = None,
    *,
    rows: str = "person",
    classes: Mapping[str, str] | None = None,
    confidence: str | None = None,
    source: Source | Mapping[str, Any] | None = None,
    nodes: Mapping[str, Iterable[str]] | None = None,
    title: str | None = None,
) -> LinkChart:
    """Several matrices as one chart: the sheets of a workbook, or the CSV files of a folder.

    Parameters
    ----------
    path
        An ``.xlsx`` workbook, or a folder whose ``.csv`` files are the sheets (each
        named by its stem; only regular files inside the folder are read).
    sheets
        ``None`` (default): every sheet, in order; a list of sheet names; or a mapping of
        sheet name to its options — ``relation`` (default: the sheet's name), ``rows``
        (default: ``rows``), ``columns`` and ``directed``, as for :func:`load_matrix`.
    rows
        The node type of every sheet's rows unless its options say otherwise.
    classes, confidence, source, nodes, title
        As for :func:`load_matrix`.

    Returns
    -------
    LinkChart
        One node per label (a label is one node in every sheet that names it, and must be
        of one node type), one relation per sheet.

    Raises
    ------
    LoadError
        Every problem of every sheet at once (see :func:`load_matrix`), and a label that
        names nodes of two types in two sheets (``duplicate-node``).
    UnknownNameError
        For a sheet the workbook or folder lacks.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "friends.csv").write_text(",Ann,Bea\\nAnn,0,1\\nBea,1,0\\n")
    >>> _ = (folder / "met.csv").write_text(",Cafe\\nAnn,1\\nBea,2\\n")
    >>> c = load_matrices(folder, {"friends": {}, "met": {"columns": "place"}})
    >>> c.vocabulary.relation_names, c.nodes_of_type("place"), c.number_of_edges
    (('friends', 'met'), ('Cafe',), 3)
    """
    p = Path(os.fspath(path))
    if not _is_workbook(p) and not p.is_dir():
        raise LinkchartError(
            f"{os.fspath(p)!r} is neither an .xlsx workbook nor a folder of CSV files; read one CSV file "
            "with load_matrix",
            code="bad-argument",
        )
    options: Mapping[str, Mapping[str, Any]] | None
    if sheets is None or isinstance(sheets, Mapping):
        options = sheets
        names = list(sheets) if sheets is not None else None
    else:
        if isinstance(sheets, str):
            sheets = [sheets]
        names = list(sheets)
        options = None
    read = _read_sheets(p, names)
    specs = [_spec(s.name, (options or {}).get(s.name), rows) for s in read]
    return _build(
        read,
        specs,
        title=title if title is not None else p.stem,
        classes=classes,
        confidence=confidence,
        source=source,
        nodes=nodes,
    )
