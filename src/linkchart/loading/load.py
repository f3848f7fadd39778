"""Load a file: :func:`load` picks the reader of its format and validates what it read.

A YAML graph file is parsed by :mod:`linkchart.readers.yaml` and validated by
:func:`~.document.from_document` (with the CSV tables it names); an exchange file
(GraphML, GEXF, node-link JSON, Excel, STIX 2.1) by its reader of
:data:`linkchart.readers.READERS`, then — with linkchart's header — by the same
:func:`~.document.from_document`, or — a file from another tool — by the plain mapping
of :mod:`linkchart.readers.foreign` and :func:`~.records.from_records`. One validation
path for every format: nothing is built unless everything is right, and every problem
is placed where the file holds the bad item.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Final

from ..errors import LoadError, LoadWarning, Problem
from ..model import Decisions, LinkChart, decisions_from_records
from ..readers import READERS, reader_of
from ..readers.convention import Read, document
from ..readers.foreign import foreign_records
from ..readers.yaml import YamlDocument, line_of, parse_yaml
from .columns import RESERVED_EDGE_NAMES, RESERVED_NODE_NAMES
from .document import _unreadable, from_document
from .files import MAX_GRAPH_BYTES, Refused, read_bytes
from .records import from_records

__all__ = ["load"]

_TITLED: Final = (".stix.json", ".ftm.json", ".ftm.jsonl")
"""Endings of two parts that a title leaves out."""
_RESERVED: Final = {"nodes": RESERVED_NODE_NAMES, "edges": RESERVED_EDGE_NAMES}
"""The names a foreign field cannot keep as a free attribute (:mod:`linkchart.readers.foreign`)."""


def _read(file: str, read: Callable[[], bytes]) -> bytes:
    """``read()``, with a refused or unreadable file as a located problem."""
    try:
        return read()
    except Refused as refused:
        raise _unreadable(file, f"the graph file is not read: {refused.reason}", refused.hint) from None
    except OSError as exc:
        raise _unreadable(
            file, f"cannot read the graph file: {exc.strerror or exc}", "check the path"
        ) from None


def load(
    path: str | os.PathLike[str],
    *,
    allow_outside: bool = False,
    decisions: str | os.PathLike[str] | Decisions | None = None,
) -> LinkChart:
    """Load and validate a graph file (format version 1, see ``docs/format.md``).

    Parameters
    ----------
    path
        A linkchart YAML file (its CSV files and its sources' local texts are found
        relative to its folder), or a file :func:`linkchart.export` writes — GraphML,
        GEXF, node-link JSON or Excel, by extension — or one of those from another tool.
    allow_outside
        ``False`` (default): a CSV file or source text is read only if it is a regular
        file inside the graph file's folder (links followed); one outside is a located
        ``source-unreadable`` problem. ``True`` reads it wherever it is (still only a
        regular file, within the size caps), and never quotes its content in a message.
    decisions
        Decisions to apply besides the file's own ``decisions:`` (``docs/many_sources.md``):
        a decisions file (YAML whose only key is ``decisions:``) or
        :class:`~linkchart.model.Decisions`. Each ``same_as`` group becomes one node
        (:mod:`linkchart.loading.decisions`); the file is not changed.

    Returns
    -------
    LinkChart
        The chart; its ``path`` is ``path``.

    Raises
    ------
    LoadError
        Listing every problem in the file and its CSV files at once, each with the
        file, the line (and the row, for CSV), the path of the bad item
        (``edges[12].to``), a stable code and a hint. Nothing is built.

    Notes
    -----
    Evidence integrity is checked: where an edge's source has a local ``location``,
    its evidence quote must occur in that text (whitespace, typographic quotes and
    dashes folded; ``...`` marks omitted words). Web locations are never fetched.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "g.yaml").write_text(
    ...     "linkchart: 1\\ntitle: demo\\n"
    ...     "nodes:\\n  - {id: A, type: state}\\n  - {id: B, type: organisation}\\n"
    ...     "edges:\\n  - {from: A, relation: finances, to: B}\\n")
    >>> load(folder / "g.yaml")
    <LinkChart 'demo': 2 nodes, 1 edges>
    >>> _ = (folder / "bad.yaml").write_text(
    ...     "linkchart: 1\\ntitle: demo\\n"
    ...     "nodes:\\n  - {id: A, type: state}\\n"
    ...     "edges:\\n  - {from: A, relation: finances, to: Tajikstan}\\n")
    >>> load(folder / "bad.yaml")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    linkchart.errors.LoadError: 1 problem found:
    ...bad.yaml:6: edges[0].to: unknown node 'Tajikstan' [unknown-node]
        hint: declare the node under 'nodes', or check the spelling
    """
    file = os.fspath(path)
    p = Path(file)
    more, more_file = _decisions_file(decisions)
    kind = reader_of(p)
    raw = _read(file, lambda: read_bytes(p, MAX_GRAPH_BYTES))
    if kind != "yaml":
        return _exchange(file, kind, READERS[kind](raw, file), allow_outside=allow_outside,
                         decisions=more, decisions_file=more_file)  # fmt: skip
    parsed = _yaml(raw, file, "graph file")
    return from_document(
        parsed.data,
        file,
        lines=parsed.lines,
        found=parsed.problems,
        allow_outside=allow_outside,
        decisions=more,
        decisions_file=more_file,
    )


def _yaml(raw: bytes, file: str, what: str) -> YamlDocument:
    """The YAML document of a file's bytes (UTF-8), or a ``LoadError`` for bad text or syntax."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _unreadable(
            file, f"cannot read the {what}: {exc}", "check the path; the file must be UTF-8 text"
        ) from None
    parsed = parse_yaml(text, file)
    if any(p.code == "yaml-syntax" for p in parsed.problems):
        raise LoadError(parsed.problems)
    return parsed


def _decisions_file(given: str | os.PathLike[str] | Decisions | None) -> tuple[Decisions | None, str | None]:
    """The decisions given to :func:`load`, read from their file where a path is given."""
    if given is None or isinstance(given, Decisions):
        return given, None
    file = os.fspath(given)
    parsed = _yaml(_read(file, lambda: read_bytes(Path(file), MAX_GRAPH_BYTES)), file, "decisions file")
    if parsed.problems:  # a key written twice: nothing is guessed
        raise LoadError(parsed.problems)
    data = parsed.data
    if not isinstance(data, Mapping) or set(data) != {"decisions"}:
        hint = "write 'decisions:' and the list of decisions under it"
        message = "a decisions file holds one key, 'decisions:'"
        raise LoadError([Problem("wrong-type", message, "", file, 1, None, hint)])
    return decisions_from_records(data["decisions"], file=file, lines=parsed.lines), file


def _placed(problems: Sequence[Problem], file: str, read: Read) -> list[Problem]:
    """``problems`` in ``file``, at their line where the format has lines, placed by ``read.place``."""
    out = []
    for p in problems:
        line = p.line if p.line is not None else line_of(read.lines, p.path) if read.lines else None
        out.append(read.place(replace(p, file=p.file or file, line=line)))
    return out


def _directions(edges: list[dict[str, object]], directed: list[bool]) -> tuple[dict[str, bool], list[str]]:
    """Each relation's direction from its edges' (undirected when every edge is), and the
    relations whose edges differ (read as directed)."""
    seen: dict[str, set[bool]] = {}
    for edge, flag in zip(edges, directed, strict=True):
        seen.setdefault(str(edge.get("relation")), set()).add(flag)
    return {r: True in flags for r, flags in seen.items()}, [r for r, flags in seen.items() if len(flags) > 1]


def _foreign(file: str, kind: str, read: Read) -> tuple[LinkChart, list[Problem]]:
    """The chart of a file from another tool (no linkchart header), and the warnings it gives."""
    name = Path(file).name
    title = next((name[: -len(x)] for x in _TITLED if name.lower().endswith(x)), Path(file).stem)
    if kind == "stix":  # already in linkchart's fields (see readers.stix)
        return from_records(read.nodes, read.edges, title=title), []
    if kind == "ftm":  # already in linkchart's fields, with sources (see readers.ftm)
        ways = None if read.directed is None else _directions(read.edges, read.directed)[0]
        chart = from_records(read.nodes, read.edges, title=title, sources=read.sources, directed=ways)
        return chart, []
    nodes, edges, problems, renamed = foreign_records(read.nodes, read.edges, _RESERVED)
    if problems:
        raise LoadError(problems)
    directed: Mapping[str, bool] | None = None
    mixed: list[str] = []
    if read.directed is not None:
        directed, mixed = _directions(edges, read.directed)
    said = [
        Problem(
            "wrong-type",
            f"relation {r!r} holds directed and undirected edges: read as directed",
            "edges",
            None,
            None,
            None,
            "give the undirected edges a relation of their own (their label), or make them alike",
        )
        for r in mixed
    ]
    return from_records(nodes, edges, title=title, directed=directed), [*renamed, *said]


def _exchange(
    file: str,
    kind: str,
    read: Read,
    *,
    allow_outside: bool,
    decisions: Decisions | None = None,
    decisions_file: str | None = None,
) -> LinkChart:
    """The chart of an exchange file as its reader read it (see :func:`load`)."""
    try:
        if read.header is not None:
            doc = document(read.header, read.nodes, read.edges)
            chart = from_document(doc, file, lines=read.lines, allow_outside=allow_outside,
                                  decisions=decisions, decisions_file=decisions_file)  # fmt: skip
            said: list[Problem] = []
        else:
            chart, said = _foreign(file, kind, read)
    except LoadError as err:
        raise LoadError(_placed(err.problems, file, read)) from None
    for problem in [*read.warnings, *_placed(said, file, read)]:  # the reader's are in the file's terms
        warnings.warn(LoadWarning(problem), stacklevel=3)
    return chart
