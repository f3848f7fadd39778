"""Read an exchange file (GraphML, GEXF, node-link JSON, Excel, STIX 2.1) into a chart.

One parsing boundary per format (:mod:`.graphml`, :mod:`.gexf`, :mod:`.nodelink`,
:mod:`.xlsx`, :mod:`.stix`), each on the bounded parsers (:mod:`.jsontext`,
:mod:`.xmltree`, :mod:`.workbook`): every byte of the file passes through a parser whose
every failure is a located problem, and the records then go through the same validation
as a YAML graph file. Nothing is built unless everything is right.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Final

from ..errors import LoadError
from .convention import Read, document, foreign_records, format_of, relocated
from .gexf import read_gexf
from .graphml import read_graphml
from .nodelink import read_nodelink
from .stix import read_stix
from .xlsx import read_xlsx

if TYPE_CHECKING:
    from ..model import LinkChart

__all__ = ["READERS", "read_exchange"]

READERS: Final[Mapping[str, Callable[[bytes, str], Read]]] = {
    "graphml": read_graphml,
    "gexf": read_gexf,
    "json": read_nodelink,
    "xlsx": read_xlsx,
    "stix": read_stix,
}
"""Format -> its reader: the bytes of a file and its name -> :class:`~.convention.Read`."""


def read_exchange(path: Path, raw: bytes, *, allow_outside: bool = False) -> LinkChart:
    """The chart in ``raw``, the bytes of an exported file at ``path`` (see :func:`linkchart.export`).

    A file with linkchart's header is validated like a graph file (every problem
    located); one from another tool is read by the foreign mapping of
    :func:`~.convention.foreign_records`.

    Raises
    ------
    LoadError
        Every problem, each with the file and its place in it.
    """
    from ..loading.document import from_document
    from ..loading.records import from_records

    file = os.fspath(path)
    kind = format_of(path)
    read = READERS[kind](raw, file)
    try:
        if read.header is not None:
            doc = document(read.header, read.nodes, read.edges)
            return from_document(doc, file, lines=read.lines, allow_outside=allow_outside)
        if kind == "stix":  # already in linkchart's fields (see readers.stix)
            return from_records(read.nodes, read.edges, title=Path(file).name.removesuffix(".stix.json"))
        nodes, edges, problems = foreign_records(read.nodes, read.edges)
        if problems:
            raise LoadError(problems)
        return from_records(nodes, edges, title=Path(file).stem)
    except LoadError as err:
        raise relocated(err, file, read) from None
