"""``linkchart convert``: read a graph in any format linkchart reads and write it in another —
another tool's edge table too (``edges.csv --columns from=Source to=Target``)."""

from __future__ import annotations

import argparse

from ..arguments import Names, add_options
from ..specs import ConvertSpec
from .export import arguments as export_arguments
from .export import run

__all__ = ["DESCRIPTION", "HELP", "NAME", "arguments", "run"]

NAME = "convert"
HELP = "read a graph in any format linkchart reads and write it in another"
DESCRIPTION = (
    HELP + ". The format follows OUT's extension (.graphml, .gexf, .json, .stix.json, .xlsx, .yaml; no "
    "extension: a folder of CSV files) unless --format says it; linkchart loads each back to an equal chart."
)


def arguments(p: argparse.ArgumentParser, names: Names) -> None:
    """``export``'s arguments, and the columns of another tool's edge and node tables."""
    export_arguments(p, names)
    add_options(p, ConvertSpec, names, ["columns", "nodes", "node_columns", "directed"])
