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
infinite weight, a row longer or shorter than the header, a missing, duplicate or (with
``nodes=``) unknown label. Reading is bounded: only regular files, at most
:data:`MAX_MATRIX_CELLS` cells, and a workbook goes through linkchart's bounded workbook
reader (:mod:`linkchart.readers.workbook`, as every imported workbook does: its size
unpacked checked from the zip's directory before anything is inflated, no DTD, cells read
as stored, so a cell far out at XFD1048576 costs what any cell costs).
"""

from __future__ import annotations

import csv
import dataclasses
import math
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final, TypeVar

from ..errors import LinkchartError, LoadError, Problem, ProblemCode, did_you_mean
from ..model import LinkChart, Source
from ..readers.workbook import Sheet, read_workbook
from ..vocabulary import CLASSES, DEFAULT_NODE_TYPES, NodeType, Relation, Vocabulary
from .document import _unreadable
from .files import MAX_GRAPH_BYTES, MAX_TABLE_BYTES, Refused, inside, open_text, read_bytes
from .records import from_records

__all__ = ["MAX_MATRIX_CELLS", "load_matrices", "load_matrix"]

MAX_MATRIX_CELLS: Final = 25_000_000
"""The most cells (rows x columns) one sheet may have: a 5,000 x 5,000 matrix."""
_MAX_REPORTED: Final = 200
"""At most this many problems are listed per sheet; the rest are counted."""


def _letter(j: int) -> str:
    """The spreadsheet column letter of column ``j`` (0-based): A, ..., Z, AA ...

    Examples
    --------
    >>> _letter(0), _letter(25), _letter(27)
    ('A', 'Z', 'AB')
    """
    from openpyxl.utils import get_column_letter

    return str(get_column_letter(j + 1))


@dataclass(slots=True)
class _Sheet:
    """One sheet as read: its labels and its non-zero cells, or the problems found."""

    name: str
    file: str
    rows: list[str]
    columns: list[str]
    cells: list[tuple[int, int, float, str]]  # row, column, weight, A1 address
    problems: list[Problem]

    def problem(
        self, code: ProblemCode, where: str, message: str, path: str, line: int | None, hint: str
    ) -> None:
        if len(self.problems) == _MAX_REPORTED:
            self.problems.append(
                Problem(
                    code, f"sheet {self.name}: more problems not listed", self.name, self.file, None, None, ""
                )
            )
        if len(self.problems) > _MAX_REPORTED:
            return
        self.problems.append(
            Problem(code, f"sheet {self.name}, {where}: {message}", path, self.file, line, None, hint)
        )


def _label(value: Any) -> str | None:
    """A label cell as text (``12.0`` as ``12``), or ``None`` when empty."""
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    return text or None


def _weight(value: Any) -> float | str | None:
    """A cell as a number, ``None`` when empty, or the text of why it is not a weight."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "a true/false cell is not a number"
    if isinstance(value, int | float):
        number = float(value)
    elif isinstance(value, str):
        text = value.strip()
        if not text:
            return None
        try:
            number = float(text)
        except ValueError:
            return f"{text[:40]!r} is not a number"
    else:
        return f"a {type(value).__name__} cell is not a number"
    if not math.isfinite(number):
        return f"{value!r} is not a finite number"
    return number


def _parse(name: str, file: str, lines: Iterable[tuple[int, Sequence[Any]]]) -> _Sheet:
    """The labels and cells of a sheet from its ``(line, values)`` rows."""
    sheet = _Sheet(name, file, [], [], [], [])
    header: list[str | None] | None = None
    width = 0
    seen_rows: dict[str, int] = {}
    for line, values in lines:
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in values):
            continue  # a blank row
        if header is None:
            header = [_label(v) for v in values[1:]]
            while header and header[-1] is None:
                header.pop()
            width = len(header)
            seen: dict[str, int] = {}
            for j, label in enumerate(header):
                where = f"row {line}, column {_letter(j + 1)}"
                if label is None:
                    sheet.problem(
                        "missing-field",
                        where,
                        "a column without a label",
                        f"{name}.columns[{j}]",
                        line,
                        "write the column's label in the first row",
                    )
                elif label in seen:
                    sheet.problem(
                        "duplicate-node",
                        where,
                        f"column label {label!r} is also column {_letter(seen[label] + 1)}",
                        f"{name}.columns[{j}]",
                        line,
                        "give every column its own label",
                    )
                else:
                    seen[label] = j
            sheet.columns = [c or "" for c in header]
            continue
        i = len(sheet.rows)
        label = _label(values[0]) if values else None
        where = f"row {line}"
        if label is None:
            sheet.problem(
                "missing-field",
                where,
                "a row without a label",
                f"{name}.rows[{i}]",
                line,
                "write the row's label in the first column",
            )
            label = ""
        elif label in seen_rows:
            sheet.problem(
                "duplicate-node",
                where,
                f"row label {label!r} is also row {seen_rows[label]}",
                f"{name}.rows[{i}]",
                line,
                "give every row its own label",
            )
        else:
            seen_rows[label] = line
        sheet.rows.append(label)
        cells = list(values[1:])
        extra = [v for v in cells[width:] if _weight(v) is not None]
        if len(cells) < width or extra:
            sheet.problem(
                "csv-syntax",
                where,
                f"the row has {len(cells)} cells after its label, the header {width}",
                f"{name}.rows[{i}]",
                line,
                "every row has one cell per column label (an empty cell is no tie)",
            )
        for j, value in enumerate(cells[:width]):
            number = _weight(value)
            if number is None:
                continue
            address = f"{_letter(j + 1)}{line}"
            at = f"row {line}, column {_letter(j + 1)} ({sheet.columns[j]!r})"
            if isinstance(number, str):
                sheet.problem(
                    "wrong-type",
                    at,
                    number,
                    f"{name}[{i}][{j}]",
                    line,
                    "write the tie's weight as a number; 0 or an empty cell is no tie",
                )
            elif number < 0:
                sheet.problem(
                    "bad-weight",
                    at,
                    f"weight {number:g} is negative",
                    f"{name}[{i}][{j}]",
                    line,
                    "a weight is a positive number; 0 or an empty cell is no tie",
                )
            elif number > 0:
                sheet.cells.append((i, j, number, address))
    if header is None:
        sheet.problem(
            "missing-field", "row 1", "the sheet is empty", name, None, "write a matrix with labels"
        )
    return sheet


# ---------------------------------------------------------------------------- reading files
T = TypeVar("T")


def _opened(file: str, what: str, open_it: Callable[[], T]) -> T:
    """``open_it()``, with a refused or unreadable file as a located ``source-unreadable`` problem."""
    try:
        return open_it()
    except Refused as refused:
        raise _unreadable(file, f"{what} is not read: {refused.reason}", refused.hint) from None
    except OSError as exc:
        raise _unreadable(file, f"cannot read {what}: {exc.strerror or exc}", "check the path") from None


def _csv_lines(path: Path, file: str) -> Iterator[tuple[int, Sequence[Any]]]:
    """The rows of a CSV file with the line each starts on, at most :data:`MAX_MATRIX_CELLS` cells."""
    handle = _opened(file, "the matrix file", lambda: open_text(path, MAX_TABLE_BYTES, newline=""))
    cells = 0
    with handle:
        reader = csv.reader(handle)
        start = 1
        try:
            for values in reader:
                cells += len(values)
                if cells > MAX_MATRIX_CELLS:
                    raise _unreadable(
                        file,
                        f"the matrix has more than {MAX_MATRIX_CELLS:,} cells",
                        "split it, or load it another way",
                    )
                yield start, values
                start = reader.line_num + 1
        except csv.Error as exc:
            raise LoadError(
                [
                    Problem(
                        "csv-syntax",
                        f"line {reader.line_num}: {exc}",
                        "",
                        file,
                        reader.line_num,
                        None,
                        "check the quoting",
                    )
                ]
            ) from None
        except UnicodeDecodeError:
            raise _unreadable(file, "the matrix file is not UTF-8 text", "save it as UTF-8 CSV") from None


def _sheet_names(path: Path, file: str) -> list[str]:
    """The sheet names of the workbook at ``path``, in workbook order (no sheet is read)."""
    data = _opened(file, "the workbook", lambda: read_bytes(path, MAX_GRAPH_BYTES))
    return read_workbook(data, file, ()).names


def _workbook(path: Path, file: str, names: Sequence[str] | None) -> tuple[list[str], list[Sheet]]:
    """The sheet names of the workbook at ``path`` and the sheets ``names`` (default: all),
    read through linkchart's bounded workbook reader (:mod:`linkchart.readers.workbook`: the
    zip's directory checked before anything is inflated, every XML part parsed with
    defusedxml and no DTD, cells read as stored)."""
    data = _opened(file, "the workbook", lambda: read_bytes(path, MAX_GRAPH_BYTES))
    available = read_workbook(data, file, ()).names
    for name in names or ():
        if name not in available:
            raise _sheet_error(name, available, file)
    wanted = list(names or available)
    book = read_workbook(data, file, wanted)
    return available, [book.sheets[n] for n in wanted]


def _sheet_lines(sheet: Sheet, file: str) -> Iterator[tuple[int, Sequence[Any]]]:
    """The rows of one worksheet, each as long as the sheet is wide, refused when the sheet
    spans too many cells or merges cells (a merged cell has no value of its own)."""
    name = sheet.name
    if sheet.merged:
        raise LoadError(
            [
                Problem(
                    "xlsx-cell",
                    f"sheet {name}: cells {', '.join(sheet.merged[:5])} are merged",
                    "",
                    file,
                    None,
                    None,
                    "unmerge them and write the value in every cell",
                )
            ]
        )
    rows = max(sheet.rows, default=0)
    columns = max((max(r, default=0) for r in sheet.rows.values()), default=0)
    if rows * columns > MAX_MATRIX_CELLS:
        raise _unreadable(
            file,
            f"sheet {name} is {rows:,} x {columns:,} cells, more than the {MAX_MATRIX_CELLS:,} read",
            "split the sheet, or check that the right sheet is named",
        )
    for line in range(1, rows + 1):
        cells = sheet.rows.get(line, {})
        yield line, [cells.get(j) for j in range(1, columns + 1)]


def _is_workbook(path: Path) -> bool:
    return path.suffix.lower() in (".xlsx", ".xlsm")


def _read_sheets(path: Path, names: Sequence[str] | None) -> list[_Sheet]:
    """The sheets ``names`` (default: all) of a workbook, a folder of CSV files or one CSV file."""
    file = os.fspath(path)
    if _is_workbook(path):
        _, sheets = _workbook(path, file, names)
        return [_parse(sheet.name, file, _sheet_lines(sheet, file)) for sheet in sheets]
    if path.is_dir():
        found = {
            p.stem: p
            for p in sorted(path.iterdir())
            if p.suffix.lower() == ".csv" and p.is_file() and inside(path, p)
        }
        for name in names or ():
            if name not in found:
                raise _sheet_error(name, list(found), file)
        if not found:
            raise _unreadable(file, "the folder holds no CSV file", "put one CSV file per sheet in it")
        return [
            _parse(n, os.fspath(found[n]), _csv_lines(found[n], os.fspath(found[n])))
            for n in (names or found)
        ]
    if names and list(names) != [path.stem]:
        raise LinkchartError(f"{file!r} is one CSV file: it has no sheets to name", code="bad-argument")
    return [_parse(path.stem, file, _csv_lines(path, file))]


def _sheet_error(name: str, available: Sequence[str], file: str) -> LinkchartError:
    from ..errors import UnknownNameError

    return UnknownNameError(f"sheet of {file}", name, available)


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


def _build(
    sheets: list[_Sheet],
    specs: list[_Spec],
    *,
    title: str,
    classes: Mapping[str, str] | None,
    confidence: str | None,
    source: Source | Mapping[str, Any] | None,
    nodes: Mapping[str, Iterable[str]] | None,
) -> LinkChart:
    known = {t: set(ids) for t, ids in (nodes or {}).items()}
    node_type: dict[str, str] = {}  # label -> type
    where: dict[str, str] = {}  # label -> the sheet that first named it
    types: list[str] = []
    relations: list[Relation] = []
    edges: list[dict[str, Any]] = []
    if source is not None and not isinstance(source, Source):
        source = Source(**dict(source))
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
        for axis, labels, kind in (("rows", sheet.rows, spec.rows), ("columns", sheet.columns, columns)):
            for j, label in enumerate(labels):
                if not label:
                    continue
                place = f"row label {label!r}" if axis == "rows" else f"column label {label!r}"
                if kind in known and label not in known[kind]:
                    sheet.problem(
                        "unknown-node",
                        place,
                        f"{label!r} is not a known {kind}",
                        f"{sheet.name}.{axis}[{j}]",
                        None,
                        did_you_mean(label, known[kind])
                        or f"the known {kind} nodes are those given in nodes=",
                    )
                    continue
                had = node_type.get(label)
                if had is None:
                    node_type[label] = kind
                    where[label] = sheet.name
                    if kind not in types:
                        types.append(kind)
                elif had != kind:
                    sheet.problem(
                        "duplicate-node",
                        place,
                        f"{label!r} is a {kind} here and a {had} in sheet {where[label]}",
                        f"{sheet.name}.{axis}[{j}]",
                        None,
                        "a label names one node: rename one of them",
                    )
        if any(r.name == spec.relation for r in relations):
            raise LinkchartError(
                f"sheet {sheet.name}: relation {spec.relation!r} is another sheet's too; "
                "give each sheet its own relation",
                code="bad-argument",
            )
        weights = {(sheet.rows[i], sheet.columns[j]): (w, a) for i, j, w, a in sheet.cells}
        directed = spec.directed
        if one_mode:
            symmetric = all(weights.get((b, a), (None,))[0] == w for (a, b), (w, _) in weights.items())
            if directed is None:
                directed = not symmetric
            elif directed is False and not symmetric:
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
        else:
            directed = bool(directed)
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
            if source is not None:
                edge["source"] = source.id
            edges.append(edge)
    problems = [p for s in sheets for p in s.problems]
    if problems:
        raise LoadError(problems)
    vocabulary = Vocabulary(
        node_types=tuple(_node_type(t, classes or {}) for t in types),
        relations=tuple(relations),
    )
    if confidence is not None and confidence not in vocabulary.confidence.levels:
        from ..errors import UnknownNameError

        raise UnknownNameError("confidence level", confidence, vocabulary.confidence.levels)
    records = [{"id": label, "type": kind} for label, kind in node_type.items()]
    return from_records(
        records, edges, vocabulary, title=title, sources=[source] if source is not None else []
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
        A ``.csv`` file (UTF-8, comma-separated) or an ``.xlsx`` workbook. The first row
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
