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
from ..options import build, option
from ..style import node_styles
from . import ftm, gexf, graphml, nodelink, stix, xlsx
from .csv import write_csv
from .gephi import write_gephi
from .yaml import write_yaml

__all__ = ["FORMATS", "ExportOptions", "Format", "FormatInfo", "export", "format_of"]

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
        ``write(chart, path) -> path``: the one write step (with ``embed_sources=`` for a
        format that holds source texts).
    embeds
        Whether the format embeds each source's text by default (``embed_sources``), or
        ``None`` for a format that holds no source texts.
    analysed
        Whether the write step presents an analysis (GEXF: positions and sizes), so that
        it takes the findings :func:`export` was given rather than their chart.
    """

    name: Format
    suffixes: tuple[str, ...]
    description: str
    write: Callable[..., Path]
    embeds: bool | None = None
    analysed: bool = False


def _write_gexf(source: LinkChart | Findings, target: Path, *, embed_sources: bool = True) -> Path:
    """GEXF with what Gephi draws: positions and sizes (betweenness) from the analysis (made
    here for a chart, reused from findings), and each node type's colour and shape
    (:mod:`linkchart.style`)."""
    found = analyze(source, measures=("betweenness",), sections=(), firm=None, draws=None, layout="auto")
    chart = found.chart
    looks = {name: (style.color, style.shape) for name, style in node_styles(chart.vocabulary).items()}
    text = gexf.dumps(
        chart,
        positions=found.positions(method="auto", seed=0),
        sizes=found.scores("betweenness").to_dict(),
        looks=looks,
        folder=target.parent,
        embed_sources=embed_sources,
    )
    return write_atomic(target, text, inputs=chart.files)


def _written(dumps: Callable[..., str | bytes]) -> Callable[..., Path]:
    """The write step of a one-file format whose ``dumps(chart, folder=..., embed_sources=...)``
    makes the file."""

    def write(chart: LinkChart, target: Path, *, embed_sources: bool = True) -> Path:
        text = dumps(chart, folder=target.parent, embed_sources=embed_sources)
        return write_atomic(target, text, inputs=chart.files)

    return write


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
            embeds=True,
        ),
        FormatInfo(
            "gexf",
            (".gexf",),
            "GEXF 1.3: Gephi, with colours, shapes, sizes, positions and spells",
            _write_gexf,
            embeds=True,
            analysed=True,
        ),
        FormatInfo("json", (".json",), "node-link JSON: networkx, D3", _written(nodelink.dumps), embeds=True),
        FormatInfo(
            "xlsx",
            (".xlsx",),
            "Excel: one sheet each for nodes, edges, vocabulary and sources",
            _written(xlsx.dumps),
            embeds=True,
        ),
        FormatInfo(
            "stix", (".stix.json",), "STIX 2.1 bundle: OpenCTI, MISP", _written(stix.dumps), embeds=True
        ),
        FormatInfo(
            "ftm",
            (".ftm.json", ".ftm.jsonl"),
            "FollowTheMoney entities, one a line: OCCRP Aleph, OpenSanctions (the extra linkchart[ftm])",
            _write_ftm,
        ),
        FormatInfo("yaml", (".yaml", ".yml"), "linkchart's YAML graph file", write_yaml, embeds=False),
        FormatInfo("csv", (), "a folder: chart.yaml with nodes.csv and edges.csv", write_csv, embeds=False),
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


@dataclass(frozen=True, slots=True)
class ExportOptions:
    """The options of :func:`export` besides where and in which format (the CLI's ``export`` and
    ``convert`` offer them as flags generated from this declaration)."""

    embed_sources: bool | None = option(
        None,
        help="embed each source's text (up to 1 MiB each) so that the file checks its quotes wherever "
        "it is loaded (default: on for graphml, gexf, json, xlsx and stix; off for yaml and csv, which "
        "name the text's file where it lies inside the output's folder)",
    )


def export(
    source: LinkChart | Findings,
    path: str | os.PathLike[str],
    *,
    format: str | None = None,
    embed_sources: bool | None = None,
) -> Path:
    """Write a chart to ``path`` in a format of :data:`FORMATS`; return the path written.

    Parameters
    ----------
    source
        The chart, or the findings of an analysis of one (:func:`linkchart.analyze`): GEXF
        presents their positions and betweenness (computed here for a chart); every other
        format writes the chart.
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
    embed_sources
        Whether the file carries each source's text (up to
        :data:`~linkchart.writers._document.MAX_EMBEDDED_BYTES` each), so that loading it
        anywhere checks its quotes; default (``None``) the format's (:attr:`FormatInfo.embeds`:
        on for GraphML, GEXF, node-link JSON, Excel and STIX; off for YAML and the CSV
        folder). Either way a source's local ``location`` is rewritten relative to the
        file's folder where the text lies inside it and left out where it does not: a file
        never names one outside its folder. A source that ends up with neither its text
        nor a location is marked ``unchecked`` (its reason): loading the file warns that
        its quotes were not checked (``evidence-unchecked``).

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
        into a newline, in GraphML, GEXF and Excel): the message
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
    info = FORMATS[format_of(path, format)]
    chart = source.chart if isinstance(source, Findings) else source
    given = source if info.analysed else chart
    embed = build(ExportOptions, embed_sources=embed_sources).embed_sources
    if info.embeds is None:
        if embed:
            raise LinkchartError(
                f"the {info.name} format holds no source texts; export without embed_sources",
                code="bad-argument",
            )
        return info.write(given, Path(path))
    return info.write(given, Path(path), embed_sources=info.embeds if embed is None else embed)
