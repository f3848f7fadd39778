"""``linkchart export``: write the chart as GraphML, GEXF, node-link JSON, STIX, Excel, YAML or
a folder of CSV files (the format follows the output's extension unless ``--format`` says it).

``convert`` (:mod:`linkchart.cli.commands.convert`) is the same command for a file of any
format linkchart reads, including another tool's edge table.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ...options import choices, declared
from ...readers.arrow import table_kind
from ...writers.formats import ExportOptions
from ..arguments import Names, UsageError, add_options
from ..specs import ExportSpec
from ._common import (
    file_arguments,
    format_of_output,
    json_argument,
    load_chart,
    loaded,
    write_chart,
    wrote,
)

if TYPE_CHECKING:
    from ..progress import Stages

__all__ = ["DESCRIPTION", "FORMATS", "HELP", "NAME", "arguments", "columns", "run"]

NAME = "export"
HELP = (
    "write the chart as GraphML, GEXF, node-link JSON, Excel, STIX, FollowTheMoney, YAML, a CSV folder "
    "or Gephi's tables"
)
DESCRIPTION = (
    HELP + ". The format follows OUT's extension (.graphml, .gexf, .json, .stix.json, .ftm.json, .xlsx, "
    ".yaml; no extension: a folder of CSV files) unless --format says it (--format gephi: a folder of "
    "Gephi's nodes.csv and edges.csv); linkchart loads each of its own formats back to an equal chart."
)
FORMATS: tuple[str, ...] = choices(declared(ExportSpec)["format"]) or ()
"""Every format ``export`` writes (``--format``)."""


def arguments(p: argparse.ArgumentParser, names: Names) -> None:
    """``FILE -o OUT [--format F] [--embed-sources | --no-embed-sources]``."""
    file_arguments(p, names)
    add_options(p, ExportSpec, names, ["output", "format"], required=["output"])
    add_options(p, ExportOptions, names, ["embed_sources"])
    json_argument(p, names)


def columns(pairs: Sequence[str] | None, flag: str) -> dict[str, str]:
    """``FIELD=COLUMN`` pairs as a mapping (``from=Source``).

    Raises
    ------
    UsageError
        For a pair that is not ``FIELD=COLUMN``.
    """
    out = {}
    for pair in pairs or ():
        field, sep, column = pair.partition("=")
        if not sep or not field or not column:
            raise UsageError(
                f"write a column mapping as FIELD=COLUMN (from=Source), not {pair!r}", loc=(flag,), input=pair
            )
        out[field.strip()] = column
    return out


def run(args: argparse.Namespace, progress: Stages) -> int:
    """Load ``args.file`` and write it as ``args.output``."""
    fmt = format_of_output(args.output, args.format, FORMATS)
    progress.expect(2)
    name = Path(args.file).name
    if Path(name).suffix.lower() == ".csv" or table_kind(name) != "csv":  # another tool's edge table
        from ...loading.document import load_csv

        mapped = columns(getattr(args, "columns", None), "--columns")
        node_mapped = columns(getattr(args, "node_columns", None), "--node-columns")
        chart = loaded(
            args,
            progress,
            args.file,
            lambda: load_csv(
                args.file,
                getattr(args, "nodes", None),
                columns=mapped,
                node_columns=node_mapped,
                allow_outside=args.allow_outside,
                directed=getattr(args, "directed", None),
            ),
        )
    else:
        chart = load_chart(args, progress)
    with progress.stage(f"writing {Path(args.output).name}"):
        target = write_chart(chart, Path(args.output), fmt, embed_sources=args.embed_sources)
    wrote(args, [target], chart)
    return 0
