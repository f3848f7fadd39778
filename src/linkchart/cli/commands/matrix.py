"""``linkchart matrix``: read person-by-person and person-by-thing matrices (a CSV file, the
sheets of an .xlsx workbook, a folder of CSV files) into a chart and write it
(:func:`linkchart.load_matrix`, :func:`linkchart.load_matrices`)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..arguments import Names, UsageError, add_options
from ..specs import ExportSpec, MatrixSpec
from ._common import format_of_output, json_argument, loaded, write_chart, wrote
from .export import FORMATS, columns

if TYPE_CHECKING:
    from ...model import LinkChart
    from ..progress import Stages

__all__ = ["DESCRIPTION", "HELP", "NAME", "arguments", "run"]

NAME = "matrix"
HELP = "read matrices (CSV, the sheets of an .xlsx workbook, a folder of CSV files) into a chart"
DESCRIPTION = (
    "Read a matrix file into a chart and write it: the column labels in the first row, the row labels in "
    "the first column, a cell's number the tie's weight (0 or empty: no tie). A square sheet whose row and "
    "column labels agree is one-mode (person x person); any other names its columns' node type "
    "(--columns event, or SHEET=event per sheet of a workbook or folder, one relation per sheet). "
    "Every problem is located by sheet, row and column. The format follows OUT's extension as for export."
)


def arguments(p: argparse.ArgumentParser, names: Names) -> None:
    """``PATH -o OUT`` with the sheets, node types and classes of the matrices."""
    p.add_argument(
        "file", metavar="PATH", help="a .csv matrix, an .xlsx workbook or a folder of .csv matrices"
    )
    add_options(
        p,
        MatrixSpec,
        names,
        ["sheets", "relation", "rows", "columns", "directed", "classes", "confidence", "title"],
    )
    add_options(p, ExportSpec, names, ["output", "format"], required=["output"])
    json_argument(p, names)


def _sheet_columns(given: tuple[str, ...] | None, sheets: list[str]) -> dict[str, str | None]:
    """Per sheet, its columns' node type: ``T`` for every sheet, or ``SHEET=T`` pairs.

    Raises
    ------
    UsageError
        For a mix of the two forms, or a pair naming a sheet that is not read.
    """
    out: dict[str, str | None] = dict.fromkeys(sheets)
    if not given:
        return out
    pairs = [g for g in given if "=" in g]
    if not pairs:
        if len(given) > 1:
            raise UsageError(
                "--columns takes one node type for every sheet, or SHEET=TYPE pairs",
                loc=("--columns",),
                input=" ".join(given),
            )
        return dict.fromkeys(sheets, given[0])
    if len(pairs) != len(given):
        raise UsageError(
            "--columns: write every sheet's type as SHEET=TYPE, or give one TYPE for every sheet",
            loc=("--columns",),
            input=" ".join(given),
        )
    for sheet, node_type in columns(given, "--columns").items():
        if sheet not in out:
            raise UsageError(
                f"--columns: no sheet {sheet!r} is read (the sheets: {', '.join(sheets)})",
                loc=("--columns",),
                input=sheet,
                ctx={"choices": sheets},
            )
        out[sheet] = node_type
    return out


def _read(args: argparse.Namespace) -> LinkChart:
    """The chart of ``args.file``'s matrices, as the flags describe them."""
    from ...loading.matrix import load_matrices, load_matrix, matrix_sheets

    path = Path(args.file)
    common: dict[str, Any] = {
        "rows": args.rows,
        "classes": columns(args.classes, "--class") or None,
        "confidence": args.confidence,
        "title": args.title,
    }
    if not path.is_dir() and path.suffix.lower() not in (".xlsx", ".xlsm"):  # one CSV file
        if args.sheets:
            raise UsageError(f"{args.file!r} is one CSV file: it has no sheets to name", loc=("--sheet",))
        cols = _sheet_columns(args.columns, [path.stem])[path.stem]
        return load_matrix(path, relation=args.relation, columns=cols, directed=args.directed, **common)
    sheets = list(args.sheets) if args.sheets else matrix_sheets(path)
    if args.relation is not None and len(sheets) != 1:
        raise UsageError(
            "--relation names the relation of one sheet; each of several sheets is a relation of its name",
            loc=("--relation",),
            input=args.relation,
        )
    per_sheet = _sheet_columns(args.columns, sheets)
    options = {
        s: {"columns": per_sheet[s], "directed": args.directed, "relation": args.relation} for s in sheets
    }
    return load_matrices(path, options, **common)


def run(args: argparse.Namespace, progress: Stages) -> int:
    """Read the matrices and write the chart."""
    fmt = format_of_output(args.output, args.format, FORMATS)
    if Path(args.output).resolve() == Path(args.file).resolve():  # a CSV folder of sheets too
        raise UsageError(f"will not write over {args.file!r}, the matrices read", loc=("--output",))
    progress.expect(2)
    chart = loaded(args, progress, args.file, lambda: _read(args))
    with progress.stage(f"writing {Path(args.output).name}"):
        target = write_chart(chart, Path(args.output), fmt)
    wrote(args, [target], chart, relations=list(chart.vocabulary.relation_names))
    return 0
