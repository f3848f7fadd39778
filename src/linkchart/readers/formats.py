"""The formats :func:`linkchart.load` reads, by file extension: one table.

A YAML graph file (anything whose extension no other format has) is parsed by
:mod:`.yaml` into plain data with the line of every path; the exchange formats by their
reader of :data:`READERS`, each ``(bytes, file name) -> Read``.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Final

from .convention import Read
from .ftm import read_ftm
from .gexf import read_gexf
from .graphml import read_graphml
from .nodelink import read_nodelink
from .stix import read_stix
from .xlsx import read_xlsx

__all__ = ["NAMES", "READERS", "SUFFIXES", "read_formats", "reader_of"]

READERS: Final[Mapping[str, Callable[[bytes, str], Read]]] = {
    "graphml": read_graphml,
    "gexf": read_gexf,
    "json": read_nodelink,
    "xlsx": read_xlsx,
    "stix": read_stix,
    "ftm": read_ftm,
}
"""Format -> its reader: the bytes of a file and its name -> :class:`~.convention.Read`."""

SUFFIXES: Final[Mapping[str, str]] = {
    ".ftm.jsonl": "ftm",
    ".stix.json": "stix",
    ".ftm.json": "ftm",
    ".graphml": "graphml",
    ".gexf": "gexf",
    ".json": "json",
    ".xlsx": "xlsx",
}
"""File name ending (lower case) -> the format of :data:`READERS` it says, longest first."""


NAMES: Final[Mapping[str, str]] = {
    "yaml": "linkchart YAML",
    "graphml": "GraphML",
    "gexf": "GEXF",
    "json": "node-link JSON",
    "xlsx": "Excel",
    "stix": "STIX 2.1",
    "ftm": "FollowTheMoney",
}
"""Format -> its name for a person (help texts)."""


def read_formats() -> str:
    """The formats :func:`linkchart.load` reads, for a help text.

    Examples
    --------
    >>> read_formats()  # doctest: +ELLIPSIS
    'linkchart YAML (.yaml), GraphML (.graphml), GEXF (.gexf), node-link JSON (.json), ...'
    """
    by_kind = {kind: suffix for suffix, kind in reversed(list(SUFFIXES.items()))}
    return ", ".join(f"{name} ({by_kind.get(kind, '.yaml')})" for kind, name in NAMES.items())


def reader_of(path: str | os.PathLike[str]) -> str:
    """The format ``path`` is read as: a key of :data:`READERS`, or ``"yaml"`` (a graph file).

    Examples
    --------
    >>> reader_of("a/chart.STIX.json"), reader_of("c.json"), reader_of("g.yaml"), reader_of("notes.txt")
    ('stix', 'json', 'yaml', 'yaml')
    """
    name = Path(path).name.lower()
    return next((kind for suffix, kind in SUFFIXES.items() if name.endswith(suffix)), "yaml")
