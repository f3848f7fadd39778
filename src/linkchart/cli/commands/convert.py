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
    HELP + ", or another tool's edge table (FILE.csv: two columns are enough, with --columns "
    "from=Source to=Target; --undirected-relations for a contact list). The format follows OUT's "
    "extension (.graphml, .gexf, .json, .stix.json, .ftm.json, .xlsx, .yaml; no extension: a folder of "
    "CSV files) unless --format says it (--format gephi: Gephi's tables)."
)


def arguments(p: argparse.ArgumentParser, names: Names) -> None:
    """``export``'s arguments, and the columns of another tool's edge and node tables."""
    export_arguments(p, names)
    add_options(p, ConvertSpec, names, ["columns", "nodes", "node_columns", "directed"])
