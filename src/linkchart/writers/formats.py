"""One table of the formats a chart is written in, and :func:`export`, which reads it.

:data:`FORMATS` maps each format to its file extensions and its write step: the YAML
graph file, the CSV folder, and other tools' formats (GraphML, GEXF, node-link JSON,
Excel, STIX 2.1). Each writer module makes the text or bytes (``dumps``); the write step
puts them on disk atomically, never over a file the chart was read from
(:mod:`linkchart.files`).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Final, Literal

from ..errors import LinkchartError, UnknownNameError
from ..files import write_atomic
from ..model import LinkChart
from . import ftm, gexf, graphml, nodelink, stix, xlsx
from .csv import write_csv
from .gephi import write_gephi
from .yaml import write_yaml

__all__ = ["FORMATS", "Format", "FormatInfo", "export", "format_of"]

Format = Literal["graphml", "gexf", "json", "xlsx", "stix", "ftm", "yaml", "csv", "gephi"]
"""A format :func:`export` writes."""


@dataclass(frozen=True, slots=True)
class FormatInfo:
    """One row of :data:`FORMATS`.

    Attributes
    ----------
    name
        The format's name (``format=`` of :func:`export`, ``--format`` of the CLI).
    suffixes
        The file name endings that say the format (lower case); none for the CSV folder,
        which a path without an extension names.
    description
        What the file is, and for whom.
    write
        ``write(chart, path) -> path``: the one write step.
    """

    name: Format
    suffixes: tuple[str, ...]
    description: str
    write: Callable[[LinkChart, Path], Path]


def _gexf_inputs(chart: LinkChart) -> tuple[gexf.Positions, dict[str, float], dict[str, tuple[str, str]]]:
    """What Gephi draws: positions, sizes (betweenness) and each node type's colour and shape.

    Interim (issue 20): computed here until the analysis step holds them (WP4's
    ``analyze``/``Findings``); the layout and the styles still live in ``render``.
    """
    from ..analysis.betweenness import betweenness
    from ..render.layout import positions_array
    from ..render.style import node_styles

    looks = {name: (style.color, style.shape) for name, style in node_styles(chart.vocabulary).items()}
    return positions_array(chart, method="auto", seed=0), betweenness(chart).to_dict(), looks


def _write_gexf(chart: LinkChart, target: Path) -> Path:
    positions, sizes, looks = _gexf_inputs(chart)
    text = gexf.dumps(chart, positions=positions, sizes=sizes, looks=looks, folder=target.parent)
    return write_atomic(target, text, inputs=chart.files)


def _written(dumps: Callable[..., str | bytes]) -> Callable[[LinkChart, Path], Path]:
    """The write step of a one-file format whose ``dumps(chart, folder=...)`` makes the file."""

    def write(chart: LinkChart, target: Path) -> Path:
        return write_atomic(target, dumps(chart, folder=target.parent), inputs=chart.files)

    return write


def _write_stix(chart: LinkChart, target: Path) -> Path:
    return write_atomic(target, stix.dumps(chart), inputs=chart.files)


def _write_ftm(chart: LinkChart, target: Path) -> Path:
    return write_atomic(target, ftm.dumps(chart), inputs=chart.files)


FORMATS: Final[Mapping[Format, FormatInfo]] = {
    f.name: f
    for f in (
        FormatInfo(
            "graphml",
            (".graphml",),
            "GraphML: networkx, igraph, Gephi, yEd, Cytoscape",
            _written(graphml.dumps),
        ),
        FormatInfo(
            "gexf",
            (".gexf",),
            "GEXF 1.3: Gephi, with colours, shapes, sizes, positions and spells",
            _write_gexf,
        ),
        FormatInfo("json", (".json",), "node-link JSON: networkx, D3", _written(nodelink.dumps)),
        FormatInfo(
            "xlsx",
            (".xlsx",),
            "Excel: one sheet each for nodes, edges, vocabulary and sources",
            _written(xlsx.dumps),
        ),
        FormatInfo("stix", (".stix.json",), "STIX 2.1 bundle: OpenCTI, MISP", _write_stix),
        FormatInfo(
            "ftm",
            (".ftm.json", ".ftm.jsonl"),
            "FollowTheMoney entities, one a line: OCCRP Aleph, OpenSanctions (the extra linkchart[ftm])",
            _write_ftm,
        ),
        FormatInfo("yaml", (".yaml", ".yml"), "linkchart's YAML graph file", write_yaml),
        FormatInfo("csv", (), "a folder: chart.yaml with nodes.csv and edges.csv", write_csv),
        FormatInfo(
            "gephi",
            (),
            "a folder of Gephi's spreadsheet tables: nodes.csv (Id, Label, ...) and edges.csv (Source, "
            "Target, Type, Id, Label, Weight, Time Interval, ...), for Gephi's Import Spreadsheet",
            write_gephi,
        ),
    )
}
"""Format -> its extensions and write step, in the order the CLI lists them (every :data:`Format`)."""


def format_of(path: str | os.PathLike[str], format: str | None = None) -> Format:
    """The format of ``path``: ``format`` when given, else by its extension (none: a CSV folder).

    Raises
    ------
    UnknownNameError
        For a ``format`` that is not in :data:`FORMATS`.
    LinkchartError
        For an extension no format has.

    Examples
    --------
    >>> format_of("out/chart.gexf"), format_of("x.data", "json"), format_of("b.stix.json")
    ('gexf', 'json', 'stix')
    >>> format_of("chart.YML"), format_of("out/folder")
    ('yaml', 'csv')
    """
    if format is not None:
        if format not in FORMATS:
            raise UnknownNameError("export format", format, FORMATS)
        return format  # type: ignore[return-value]
    name = Path(path).name.lower()
    by_length = sorted(
        ((s, f.name) for f in FORMATS.values() for s in f.suffixes), key=lambda sf: -len(sf[0])
    )
    for suffix, found in by_length:
        if name.endswith(suffix):
            return found
    if not Path(path).suffix:
        return "csv"
    suffixes = ", ".join(s for f in FORMATS.values() for s in f.suffixes)
    raise LinkchartError(
        f"cannot tell the format of {os.fspath(path)!r} from its extension; use one of {suffixes}, a "
        "folder (no extension) for CSV tables, or say format=",
        code="bad-argument",
    )


def export(chart: LinkChart, path: str | os.PathLike[str], *, format: str | None = None) -> Path:
    """Write ``chart`` to ``path`` in a format of :data:`FORMATS`; return the path written.

    Parameters
    ----------
    chart
        The chart.
    path
        The file to write (atomically; never over a file the chart was read from), or
        the folder of a CSV folder.
    format
        ``"graphml"``, ``"gexf"``, ``"json"`` (node-link), ``"xlsx"``, ``"stix"`` (a
        STIX 2.1 bundle), ``"ftm"`` (FollowTheMoney JSON lines, :mod:`linkchart.writers.ftm`),
        ``"yaml"`` (linkchart's graph file) or ``"csv"`` (a folder:
        ``chart.yaml`` with ``nodes.csv`` and ``edges.csv``), ``"gephi"`` (a folder of
        Gephi's spreadsheet tables, :mod:`linkchart.writers.gephi`; only when said);
        default from the extension (``.graphml``, ``.gexf``, ``.json``, ``.xlsx``,
        ``.stix.json``, ``.yaml``/``.yml``, none for the CSV folder).

    Returns
    -------
    Path
        The file written (for the CSV folder: its ``chart.yaml``; for Gephi's tables:
        ``edges.csv``).

    Raises
    ------
    LinkchartError
        For an unknown format or extension, a file that cannot be written, or a text the
        format cannot hold (control characters, and a carriage return, which XML turns
        into a newline, in GraphML, GEXF and Excel; a list attribute in CSV): the message
        names the item.

    Notes
    -----
    :func:`linkchart.load` reads linkchart's own formats back to an equal chart (the
    convention is in ``docs/exchange.md``); FollowTheMoney and Gephi's tables hold less
    (``docs/ftm.md``, ``docs/exchange.md``: what they cannot hold is said, never changed
    silently). networkx reads the GraphML (``read_graphml``),
    GEXF (``read_gexf``) and node-link JSON (``node_link_graph(data, edges="links")``);
    igraph the GraphML; Gephi the GEXF, with linkchart's colours, shapes, sizes
    (betweenness) and positions, and each dated tie as a spell on Gephi's timeline; a
    spreadsheet the ``.xlsx`` (every text cell is text, never a formula).

    Examples
    --------
    >>> import linkchart, pathlib, tempfile
    >>> c = linkchart.from_records([{"id": "A", "type": "state", "aliases": ["a1"]},
    ...     {"id": "B", "type": "state"}], [{"from": "A", "relation": "borders", "to": "B"}])
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> kinds = ("graphml", "gexf", "json", "xlsx", "stix.json", "yaml")
    >>> all(linkchart.load(export(c, folder / f"c.{x}")) == c for x in kinds)
    True
    >>> linkchart.load(export(c, folder / "tables")) == c
    True
    """
    return FORMATS[format_of(path, format)].write(chart, Path(path))
