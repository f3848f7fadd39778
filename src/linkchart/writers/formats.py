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

from ..analysis.analyze import analyze
from ..analysis.findings import Findings
from ..errors import LinkchartError, UnknownNameError
from ..files import write_atomic
from ..model import LinkChart
from ..style import node_styles
from . import gexf, graphml, nodelink, stix, xlsx
from .csv import write_csv
from .yaml import write_yaml

__all__ = ["FORMATS", "Format", "FormatInfo", "export", "format_of"]

Format = Literal["graphml", "gexf", "json", "xlsx", "stix", "yaml", "csv"]
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
        ``write(source, path) -> path``: the one write step (``source`` a chart or the
        findings of an analysis of one).
    """

    name: Format
    suffixes: tuple[str, ...]
    description: str
    write: Callable[[LinkChart | Findings, Path], Path]


Source = LinkChart | Findings
"""What :func:`export` writes: a chart, or the findings of an analysis of one (GEXF presents
their positions and betweenness; the other formats write the chart)."""


def _chart(source: Source) -> LinkChart:
    return source.chart if isinstance(source, Findings) else source


def _write_gexf(source: Source, target: Path) -> Path:
    """GEXF with what Gephi draws: positions and sizes (betweenness) from the analysis, and each
    node type's colour and shape (:mod:`linkchart.style`)."""
    found = analyze(source, measures=("betweenness",), sections=(), firm=None, draws=None, layout="auto")
    chart = found.chart
    looks = {name: (style.color, style.shape) for name, style in node_styles(chart.vocabulary).items()}
    positions = found.positions(method="auto", seed=0)
    sizes = found.scores("betweenness").to_dict()
    text = gexf.dumps(chart, positions=positions, sizes=sizes, looks=looks, folder=target.parent)
    return write_atomic(target, text, inputs=chart.files)


def _written(dumps: Callable[..., str | bytes]) -> Callable[[Source, Path], Path]:
    """The write step of a one-file format whose ``dumps(chart, folder=...)`` makes the file."""

    def write(source: Source, target: Path) -> Path:
        chart = _chart(source)
        return write_atomic(target, dumps(chart, folder=target.parent), inputs=chart.files)

    return write


def _write_stix(source: Source, target: Path) -> Path:
    chart = _chart(source)
    return write_atomic(target, stix.dumps(chart), inputs=chart.files)


def _of_chart(write: Callable[[LinkChart, Path], Path]) -> Callable[[Source, Path], Path]:
    """A chart's write step as one of a chart or its findings."""
    return lambda source, target: write(_chart(source), target)


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
        FormatInfo("yaml", (".yaml", ".yml"), "linkchart's YAML graph file", _of_chart(write_yaml)),
        FormatInfo("csv", (), "a folder: chart.yaml with nodes.csv and edges.csv", _of_chart(write_csv)),
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


def export(source: LinkChart | Findings, path: str | os.PathLike[str], *, format: str | None = None) -> Path:
    """Write a chart to ``path`` in a format of :data:`FORMATS`; return the path written.

    Parameters
    ----------
    source
        The chart, or the findings of an analysis of it (:func:`linkchart.analyze`: GEXF
        takes its positions and sizes from them).
    path
        The file to write (atomically; never over a file the chart was read from), or
        the folder of a CSV folder.
    format
        ``"graphml"``, ``"gexf"``, ``"json"`` (node-link), ``"xlsx"``, ``"stix"`` (a
        STIX 2.1 bundle), ``"yaml"`` (linkchart's graph file) or ``"csv"`` (a folder:
        ``chart.yaml`` with ``nodes.csv`` and ``edges.csv``); default from the extension
        (``.graphml``, ``.gexf``, ``.json``, ``.xlsx``, ``.stix.json``, ``.yaml``/``.yml``,
        none for the CSV folder).

    Returns
    -------
    Path
        The file written (for the CSV folder: its ``chart.yaml``).

    Raises
    ------
    LinkchartError
        For an unknown format or extension, a file that cannot be written, or a text the
        format cannot hold (control characters, and a carriage return, which XML turns
        into a newline, in GraphML, GEXF and Excel; a list attribute in CSV): the message
        names the item.

    Notes
    -----
    :func:`linkchart.load` reads every one of these back to an equal chart (the
    convention is in ``docs/exchange.md``). networkx reads the GraphML (``read_graphml``),
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
    return FORMATS[format_of(path, format)].write(source, Path(path))
