"""The options of the command line's verbs that no library spec declares, declared once.

What an analysis computes, what a page, a report and a figure show are declared by the
library's specs (:class:`~linkchart.analysis.spec.AnalysisSpec`,
:class:`~linkchart.analysis.spec.RunSpec`, :class:`~linkchart.render.spec.PageSpec`,
:class:`~linkchart.reporting.spec.ReportSpec`, :class:`~linkchart.figures.spec.FigureSpec`).
The specs below hold the rest: the options of one verb's library function that has no
spec of its own yet (``robust``: :func:`~linkchart.rank_uncertainty`, ``timeline``:
:func:`~linkchart.over_time`, ...), and what only the command line chooses (where to
write, in which format to print, the view of the chart a verb reads). Each field is typed
with the library's own ``Literal`` types and bounds, so a choice cannot drift from what the
library accepts; the command line's arguments, choices and help are generated from these
declarations (:mod:`linkchart.cli.arguments`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any, Literal

from ..analysis.disruption import Strategy
from ..analysis.duplicates import MIN_SCORE, TypeReading
from ..analysis.one_mode import OneModeWeighting
from ..analysis.paths import By
from ..analysis.spec import seed_option
from ..analysis.two_mode import TwoModeMeasure
from ..analysis.types import Seed
from ..analysis.uncertainty import Model, Unit
from ..arguments import MAX_DRAWS, MAX_PATHS, MAX_WINDOWS
from ..options import Max, Min, option
from ..writers.formats import Format

__all__ = [
    "AnalyzeSpec",
    "CommonSpec",
    "ConvertSpec",
    "DedupeSpec",
    "DiffSpec",
    "DisruptSpec",
    "Every",
    "ExportFormat",
    "ExportSpec",
    "FilterSpec",
    "MatrixSpec",
    "MergeSpec",
    "OneModeSpec",
    "PathSpec",
    "RenderSpec",
    "RobustSpec",
    "TimelineSpec",
    "TwoModeSpec",
    "ViewSpec",
]

ExportFormat = Format
"""What ``export`` and ``convert`` write: :data:`linkchart.writers.FORMATS` (the exchange formats,
YAML and a folder of CSV files)."""

Every = Literal["year", "month", "periods"]
"""How ``timeline --every`` cuts time besides a number of equal windows
(:data:`linkchart.analysis.over_time.EVERY`)."""

_Positive = Annotated[int, Min(1)]


def _measure_option() -> Any:
    """``--measure``: one per-node measure of the registry (default betweenness)."""
    return option(
        "betweenness",
        help="a per-node measure (default betweenness)",
        metavar="M",
        choices_from="node_measure_names",
        kind="measure",
    )


def _output_option(help: str, metavar: str) -> Any:
    return option(None, help=help, metavar=metavar, flag="--output")


@dataclass(frozen=True, slots=True)
class CommonSpec:
    """The options of every verb (``json``) and of every verb that reads a graph (``allow_outside``)."""

    allow_outside: bool = option(
        False,
        help="read CSV files and source texts that the graph names outside its own folder "
        "(refused by default: a graph from someone else must not read your files)",
    )
    json: bool = option(
        False,
        help="print one JSON document on standard output, whatever happens (an error as "
        '{"ok": false, "errors": [...]})',
    )


@dataclass(frozen=True, slots=True)
class ViewSpec:
    """The view of the chart a verb reads: one node and its neighbourhood."""

    ego: str | None = option(
        None, help="only NODE (id, label or alias) and its neighbourhood", metavar="NODE"
    )
    radius: Annotated[int, Min(0)] = option(
        1, help="with --ego: ties away from NODE (default 1)", metavar="R"
    )


@dataclass(frozen=True, slots=True)
class FilterSpec:
    """What ``render`` shows of the chart (a filter of what is drawn, not of what is read)."""

    types: tuple[str, ...] | None = option(None, help="show only nodes of these types", metavar="T")
    relations: tuple[str, ...] | None = option(None, help="show only edges of these relations", metavar="R")
    min_confidence: str | None = option(None, help="show only ties at least this certain", metavar="LEVEL")
    as_of: str | None = option(
        None,
        help="show only the ties in force at TIME (1999, 1999-03, 1999-03-15, an interval or a period "
        "name) and the actors active then",
        metavar="TIME",
    )


@dataclass(frozen=True, slots=True)
class AnalyzeSpec:
    """``analyze``: which sections, and how the report is printed besides text."""

    measures: tuple[str, ...] | None = option(
        None,
        help="only these sections (default: the report's)",
        metavar="M",
        choices_from="report_measure_names",
        kind="measure",
    )
    markdown: bool = option(False, help="print Markdown tables instead of text")
    csv: str | None = option(None, help="also write one CSV file per table into DIR", metavar="DIR")


@dataclass(frozen=True, slots=True)
class RenderSpec:
    """``render``: where the page or figure goes, and what the command line adds to the page's options."""

    output: str | None = _output_option(
        "write the page here (default: standard output); OUT.svg, .pdf or .png draws a static figure",
        "OUT.html",
    )
    open: bool = option(False, help="open the written page in the default browser")
    full: bool = option(False, help="draw every actor, however large the chart (no summary view)")
    diff: str | None = option(
        None,
        help="draw the diff from this earlier graph file on the page: added, changed and (as ghosts) "
        "removed nodes and ties marked + ~ -",
        metavar="A",
    )


@dataclass(frozen=True, slots=True)
class ExportSpec:
    """``export`` and ``convert``: where to write, and in which format."""

    output: str | None = _output_option("the file (or CSV folder) to write", "OUT")
    format: ExportFormat | None = option(
        None, help="the format to write (default: from OUT's extension; no extension: a CSV folder)"
    )


@dataclass(frozen=True, slots=True)
class ConvertSpec:
    """``convert``: how another tool's edge table (a ``.csv`` file) reads as linkchart's fields."""

    columns: tuple[str, ...] | None = option(
        None,
        help="for an edge table FILE.csv from another tool: its columns as linkchart's fields "
        "(from=Source to=Target relation=Label)",
        metavar="FIELD=COLUMN",
    )
    nodes: str | None = option(
        None, help="its node table (default: the nodes edges name)", metavar="NODES.csv"
    )
    node_columns: tuple[str, ...] | None = option(
        None, help="the node table's columns", metavar="FIELD=COLUMN"
    )
    directed: bool | None = option(
        None,
        help="the edge table's relations are undirected (a contact list; default: directed, with a warning)",
        flag="--undirected-relations",
        const=False,
    )


@dataclass(frozen=True, slots=True)
class MatrixSpec:
    """``matrix`` (:func:`linkchart.load_matrix`, :func:`linkchart.load_matrices`): which sheets of a
    matrix file, and what its labels and cells are."""

    sheets: tuple[str, ...] | None = option(
        None,
        help="the sheets to read (default: every sheet of a workbook or folder)",
        metavar="SHEET",
        flag="--sheet",
    )
    relation: str | None = option(
        None,
        help="the ties' relation (default: the sheet's name or the CSV file's stem; one sheet only)",
        metavar="R",
    )
    rows: str = option("person", help="the node type of the row labels (default person)", metavar="T")
    columns: tuple[str, ...] | None = option(
        None,
        help="the node type of the column labels: T for every sheet, or SHEET=T (default: the rows' type, "
        "for a square sheet whose row and column labels agree)",
        metavar="T",
    )
    directed: bool | None = option(
        None,
        help="one directed edge per cell, row -> column (default: directed unless symmetric or two-mode)",
    )
    classes: tuple[str, ...] | None = option(
        None,
        help="the class of a node type (person=agent meeting=event)",
        metavar="TYPE=CLASS",
        flag="--class",
    )
    confidence: str | None = option(
        None, help="every tie's confidence level (default: the scale's highest)", metavar="LEVEL"
    )
    title: str | None = option(None, help="the chart's title (default: the file's stem)", metavar="TEXT")


@dataclass(frozen=True, slots=True)
class PathSpec:
    """``path`` (:func:`linkchart.explain_path`)."""

    k: Annotated[int, Min(1), Max(MAX_PATHS)] = option(3, help="how many paths (default 3)", metavar="K")
    by: By = option(
        "confidence", help="the best paths: the most probable (confidence) or the shortest (hops)"
    )
    directed: bool = option(False, help="walk directed ties only along their arrows")


@dataclass(frozen=True, slots=True)
class DisruptSpec:
    """``disrupt`` (:func:`linkchart.disruption`)."""

    output: str | None = _output_option("write the curves here (.svg or .png)", "OUT.svg")
    strategies: tuple[Strategy, ...] = option(
        ("betweenness", "degree", "random"),
        help="strategies to compare (default: betweenness degree random)",
        metavar="S",
    )
    steps: _Positive = option(10, help="nodes to remove (default 10)", metavar="N")
    runs: Annotated[int, Min(1), Max(MAX_DRAWS)] = option(50, help="random runs (default 50)", metavar="R")
    seed: Seed = seed_option("seed of the random strategy (default 0)")
    initial: bool = option(False, help="keep the whole chart's order (no recomputing)")


@dataclass(frozen=True, slots=True)
class TimelineSpec:
    """``timeline`` (:func:`linkchart.over_time`)."""

    measure: str = _measure_option()
    every: Every | Annotated[int, Min(1), Max(MAX_WINDOWS)] = option(
        "year",
        help="year (default), month, periods (the file's 'periods:') or a number of equal windows",
        metavar="E",
    )
    periods: tuple[str, ...] | None = option(
        None, help="these times as the periods (names or times)", metavar="T"
    )
    top: _Positive = option(5, help="actors shown per period (default 5)", metavar="K")
    normalized: bool = option(False, help="normalise the measure (by the actors active then)")
    dated_only: bool = option(False, help="the same as --undated never")
    output: str | None = _output_option("draw the leaders' scores over time (.svg .png .pdf)", "PLOT")


@dataclass(frozen=True, slots=True)
class RobustSpec:
    """``robust`` (:func:`linkchart.rank_uncertainty`)."""

    measure: str = _measure_option()
    draws: Annotated[int, Min(1), Max(MAX_DRAWS)] = option(
        1000, help="random versions (default 1000)", metavar="N"
    )
    seed: Seed = seed_option("seed (default 0): same seed, same numbers")
    model: Model = option(
        "confidence", help="what varies: each tie's confidence, missing data, or whole sources"
    )
    drop: Annotated[float, Min(0), Max(1, strict=True)] = option(
        0.1,
        help="with --model missing: the fraction dropped; with --model sources: the chance that each "
        "source is dropped, whole (default 0.1)",
        metavar="F",
    )
    unit: Unit = option("edge", help="with --model missing: what is dropped")
    top: _Positive = option(5, help="the k of P(top k) (default 5)", metavar="K")


@dataclass(frozen=True, slots=True)
class OneModeSpec:
    """``one-mode`` (:func:`linkchart.one_mode`)."""

    onto: tuple[str, ...] = option((), help="node types (or classes) kept", metavar="T")
    via: tuple[str, ...] = option((), help="node types (or classes) shared", metavar="T")
    weighting: OneModeWeighting = option(
        "shared",
        help="shared (default: how many), jaccard (shared over all of the two's), newman (sum of 1/(k-1))",
    )
    min_weight: Annotated[float, Min(0, strict=True)] | None = option(
        None, help="keep pairs of at least this weight", metavar="W"
    )
    relations: tuple[str, ...] | None = option(
        None, help="only these relations are affiliations", metavar="R"
    )
    any_time: bool = option(False, help="tie two members even if their affiliations never overlapped")
    output: str | None = _output_option("write the projection (.yaml, .graphml, ..., a folder)", "OUT")
    format: ExportFormat | None = option(None, help="the format to write (default: from OUT)")
    top: _Positive = option(20, help="pairs printed (default 20)", metavar="N")


@dataclass(frozen=True, slots=True)
class TwoModeSpec:
    """``two-mode`` (:func:`linkchart.two_mode`)."""

    measure: TwoModeMeasure = option("betweenness", help="the centrality")
    first: tuple[str, ...] = option((), help="node types (or classes) of one side", metavar="T")
    second: tuple[str, ...] | None = option(
        None, help="of the other (default: every other type)", metavar="T"
    )
    relations: tuple[str, ...] | None = option(None, help="count only these relations", metavar="R")
    raw: bool = option(False, help="raw values instead of the two-mode normalisation")
    top: _Positive = option(10, help="nodes per side (default 10)", metavar="N")


@dataclass(frozen=True, slots=True)
class DedupeSpec:
    """``dedupe`` (:func:`linkchart.candidates`)."""

    top: _Positive | None = option(None, help="at most N pairs, the best", metavar="N")
    min_score: Annotated[float, Min(0), Max(1)] = option(
        MIN_SCORE, help=f"least score, 0 to 1 (default {MIN_SCORE})", metavar="S"
    )
    types: TypeReading = option(
        "any", help="any (default: incompatible types at half the score), compatible, or same"
    )


@dataclass(frozen=True, slots=True)
class MergeSpec:
    """``merge``, ``conflicts`` and ``dedupe``: the analyst's recorded decisions
    (:func:`linkchart.merge`, :func:`linkchart.candidates`)."""

    decisions: str | None = option(
        None,
        help="a decisions file (a YAML file whose only key is decisions:): its same_as entries join nodes "
        "(dedupe: the pairs its same_as and not_same_as entries settle are left out)",
        metavar="FILE",
    )
    matches: tuple[str, ...] | None = option(
        None,
        help="nodes to join, each B_ID=A_ID (the second file's node id, then the first's)",
        metavar="B=A",
    )
    same_source: tuple[str, ...] | None = option(
        None,
        help="sources that are one document, each B_ID=A_ID (the second file's source id, then the "
        "first's): their items never corroborate each other",
        metavar="B=A",
    )
    embed_sources: bool | None = option(
        None,
        help="embed each source's text in the output (up to 1 MiB each), so that loading it checks "
        "every quote again (default: on where the output's folder does not hold a source's text, "
        "as for a chart from another folder; else the format's own, as for export)",
    )


@dataclass(frozen=True, slots=True)
class DiffSpec:
    """``diff`` (:func:`linkchart.diff`), and the page that draws it."""

    output: str | None = _output_option(
        "also write the page of B with the diff drawn on it (added, changed, removed marked + ~ -)",
        "OUT.html",
    )

    top: _Positive = option(
        10, help="how many top ranks of each measure to compare (default 10)", metavar="N"
    )
    measures: tuple[str, ...] | None = option(
        None,
        help="only these per-node measures (default: the report's that apply to both)",
        metavar="M",
        choices_from="node_measure_names",
        kind="measure",
    )
