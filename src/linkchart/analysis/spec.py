"""What an analysis computes (:class:`AnalysisSpec`) and how it runs (:class:`RunSpec`).

The report, the page, the figure and the GEXF writer are views of one computed value,
the findings of an analysis (:class:`~linkchart.analysis.findings.Findings`). An
``AnalysisSpec`` says what that value holds: the measures and structures, the reading
(relations, layers, signs, direction), the engine, the seed and the choices that change
a number. A ``RunSpec`` says how the work runs (processes, an executor, progress):
it never changes a result, so it is not part of one.

Every field is declared once with :func:`~linkchart.options.option` (type, default,
help, command-line flag); the command line's arguments, the functions' keyword
checks and their documented parameters are read from these declarations. The
declarations shared by several specs (seed, layers, signs, relations, registry) are
the ``*_option`` functions of this module, so every spec that has one has the same
type, default and help.

:func:`linkchart.analyze` runs what an ``AnalysisSpec`` asks for (see
:mod:`linkchart.analysis.analyze`); the size policy (:class:`~linkchart.analysis.policy.SizePolicy`)
is one of its fields.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Annotated, Any, Literal, get_args

from ..arguments import MAX_DRAWS, MAX_WORKERS
from ..executor import Runner
from ..options import Max, Min, option, replace
from ..times import Undated, check_undated
from .over_time import MIN_DATED
from .policy import SizePolicy
from .projection import Engine
from .reading import SignReading
from .registry import MEASURES, Registry
from .types import LayoutMethod, Seed

__all__ = [
    "SECTIONS",
    "AnalysisSpec",
    "RunSpec",
    "Section",
    "layers_option",
    "min_dated_option",
    "names",
    "registry_option",
    "relations_option",
    "seed_option",
    "signs_option",
    "size_by_option",
    "undated_option",
]

Section = Literal[
    "bridges",
    "articulation_points",
    "brokerage",
    "key_players",
    "balance",
    "communities",
    "disruption",
    "affiliations",
    "sources",
]
"""A structure an analysis can find besides the per-node measures (``sources``: the
conflicts between the chart's sources and the actors whose every tie read rests on one)."""

SECTIONS: tuple[str, ...] = get_args(Section)
"""Every :data:`Section`, in report order."""


def names(value: Iterable[str] | str | None) -> tuple[str, ...] | None:
    """Names as a spec holds them: ``None`` kept, one name as a 1-tuple, a sequence as a tuple.

    Examples
    --------
    >>> names("degree"), names(["degree", "pagerank"]), names(None)
    (('degree',), ('degree', 'pagerank'), None)
    """
    if value is None:
        return None
    if isinstance(value, str):
        return (value,)
    return tuple(value)


def _layers(value: Iterable[str] | str | None) -> tuple[str, ...] | str | None:
    """Layers as a spec holds them: ``None`` and ``"all"`` (or one layer's name) kept, else a tuple."""
    return value if value is None or isinstance(value, str) else tuple(value)


def seed_option(help: str = "seed of every random choice (default 0): same seed, same numbers") -> Any:
    """The declaration of ``seed`` (type :data:`~linkchart.analysis.types.Seed`, default 0)."""
    return option(0, help=help, metavar="S")


def layers_option() -> Any:
    """The declaration of ``layers`` (the reading's layers; ``None``: the chart's defaults)."""
    return option(
        None,
        help="read ties of these layers, or 'all' (default: the file's analysis.layers, else all)",
        metavar="L",
        all_word="all",
        convert=_layers,
    )


def signs_option() -> Any:
    """The declaration of ``signs`` (the reading's signs; ``None``: the positive ties)."""
    return option(
        None,
        help="which ties the unsigned measures read: positive (default: no hostile or neutral tie), "
        "negative (hostile ties only), neutral (neutral ties only), or all (every tie as a plain tie)",
    )


def relations_option(help: str = "count only these relations (default: all)") -> Any:
    """The declaration of ``relations`` (the relations read; ``None``: all)."""
    return option(None, help=help, metavar="R", convert=names)


def size_by_option() -> Any:
    """The declaration of ``size_by`` for the views that size nodes (a per-node measure of the
    spec's registry, default ``"betweenness"``; ``None``: equal sizes)."""
    return option(
        "betweenness",
        help="node size: a per-node measure (default betweenness), or 'none'",
        metavar="MEASURE",
        choices_from="node_measure_names",
        none_word="none",
        kind="measure",
    )


def undated_option() -> Any:
    """The declaration of ``undated`` (how a tie without a time of its own is read over time)."""
    return option(
        "source",
        help="a tie without a time of its own: at its source's date (source), throughout (always), or "
        "left out (never)",
        convert=check_undated,
    )


def min_dated_option(what: str) -> Any:
    """The declaration of ``min_dated`` (the share of dated ties ``what`` needs; default a half)."""
    return option(
        MIN_DATED,
        help=f"the share of the ties read that must be dated for {what} (0: always)",
        metavar="F",
    )


def registry_option() -> Any:
    """The declaration of ``registry`` (library only: where measures are looked up)."""
    return option(
        default_factory=lambda: MEASURES,
        help="where measures are looked up (default linkchart.MEASURES)",
        cli=False,
    )


@dataclass(frozen=True, slots=True)
class AnalysisSpec:
    """What an analysis computes: measures, structures, the reading and every choice that
    changes a number (PLAN §3.2). Two analyses with equal specs on equal charts find the same.

    The size policy (what is computed exactly, sampled or left out at what size) is
    :attr:`policy` (:class:`~linkchart.analysis.policy.SizePolicy`).
    """

    measures: tuple[str, ...] | None = option(
        None,
        help="the per-node measures to compute (default: the registry's report and page measures that apply)",
        metavar="M",
        choices_from="node_measure_names",
        kind="measure",
        convert=names,
    )
    sections: tuple[Section, ...] | None = option(
        None,
        help="the structures to find (default: the report's that apply)",
        metavar="S",
        kind="section",
        convert=names,
    )
    relations: tuple[str, ...] | None = relations_option()
    layers: tuple[str, ...] | str | None = layers_option()
    signs: SignReading | None = signs_option()
    directed: bool | None = option(
        None,
        help="read every tie as undirected (default: as the vocabulary says)",
        flag="--undirected",
        const=False,
    )
    engine: Engine = option("igraph", help="the library that computes the measures")
    seed: Seed = seed_option()
    partition: str | Mapping[str, Any] = option(
        "type",
        help="groups for brokerage: 'type' (default) or a node attribute",
        metavar="ATTR",
    )
    firm: str | None = option(
        "reported",
        help="mark findings that rest on ties below this confidence level (default: reported; 'none': off)",
        metavar="LEVEL",
        none_word="none",
    )
    draws: Annotated[int, Min(1), Max(MAX_DRAWS)] | Literal["auto"] | None = option(
        "auto",
        help="Monte Carlo draws of how sure a ranking is (default auto: as the report and the page "
        "choose; none: no draws)",
        metavar="N",
        none_word="none",
    )
    how_sure: tuple[str, ...] = option(
        ("betweenness", "pagerank", "degree"),
        help="the measures whose rankings are drawn (how sure)",
        choices_from="node_measure_names",
        kind="measure",
        convert=names,
        cli=False,
    )
    over_time: tuple[tuple[str, Mapping[str, Any]], ...] = option(
        (),
        help="the measures computed per period, each with its options",
        cli=False,
    )
    undated: Undated = undated_option()
    min_dated: Annotated[float, Min(0), Max(1)] = min_dated_option("a ranking over time")
    layout: LayoutMethod | None = option(
        None,
        help="node positions (default: none; a view that draws asks for them)",
    )
    exact: bool | None = option(
        None,
        help="exact measures however large the chart (default: by the size policy)",
    )
    registry: Registry = registry_option()
    policy: SizePolicy = option(
        default_factory=SizePolicy,
        help="what is computed exactly, sampled or left out at what size (library only)",
        cli=False,
    )
    top: Annotated[int, Min(1)] = option(
        10,
        help="the report's top: how sure's P(top k) is of min(5, top), affiliations list min(3, top)",
        cli=False,
    )

    def node_measure_names(self) -> tuple[str, ...]:
        """The per-node measures of :attr:`registry`: the choices of ``measures`` and ``how_sure``."""
        return self.registry.names(returns="node")

    def replace(self, **options: Any) -> AnalysisSpec:
        """This spec with some options changed, converted and checked (:func:`linkchart.options.replace`)."""
        changed: AnalysisSpec = replace(self, **options)
        return changed


@dataclass(frozen=True, slots=True)
class RunSpec:
    """How an analysis runs: never what it finds (results do not depend on it).

    ``workers=None`` chooses by the size of the work; ``executor`` runs the blocks of
    work instead (:func:`linkchart.executor.map_blocks`); ``dask`` is the address of a
    Dask scheduler whose cluster runs them (:func:`linkchart.executor.on_cluster`; the
    command line's ``--dask ADDRESS``).
    """

    workers: Annotated[int, Min(1), Max(MAX_WORKERS)] | None = option(
        None,
        help="processes (default: by the size of the work)",
        metavar="W",
    )
    executor: Runner = option(
        None,
        help="a concurrent.futures executor or a dask.distributed.Client that runs the blocks of work "
        "(default: linkchart's own)",
        cli=False,
    )
    dask: str | None = option(
        None,
        help="run the blocks of work and the Monte Carlo draws on the Dask cluster whose scheduler "
        "is at ADDRESS (tcp://host:8786); the same results as on this machine (needs linkchart[dask])",
        metavar="ADDRESS",
    )
    progress: bool | None = option(
        None,
        help="show the stage and a bar on standard error (default: when it is a terminal)",
        cli=False,
    )

    def replace(self, **options: Any) -> RunSpec:
        """This spec with some options changed, converted and checked (:func:`linkchart.options.replace`)."""
        changed: RunSpec = replace(self, **options)
        return changed
