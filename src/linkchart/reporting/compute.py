"""Compute a report: run the registered measures and keep what an analyst reads first."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from types import MappingProxyType
from typing import Any

from ..analysis._common import Relations
from ..analysis.analyze import REPORT_SECTIONS, analyze
from ..analysis.bridges import ArticulationPoint, Bridge
from ..analysis.brokerage import BrokerageResult
from ..analysis.findings import Findings
from ..analysis.key_players import KeyPlayers
from ..analysis.over_time import MIN_DATED, check_min_dated, dating, natural_cut, periods_of
from ..analysis.policy import SizePolicy
from ..analysis.projection import Engine, check_engine
from ..analysis.reading import Layers, SignReading, reading
from ..analysis.registry import MEASURES, Registry
from ..analysis.spec import AnalysisSpec, RunSpec
from ..analysis.uncertainty import RankUncertainty
from ..errors import LinkchartError, UnknownNameError
from ..model import LinkChart
from ..times import Undated, check_undated
from . import build
from .entries import (
    Ranking,
)
from .findings import cited_sources, key_findings, limits, nothing_read
from .report import Report
from .sources import SourcesEntry

__all__ = [
    "EXACT_MAX_WORK",
    "HOW_SURE",
    "HOW_SURE_MAX_EDGES",
    "KEY_PLAYERS_DISTANCE_MAX_NODES",
    "OVER_TIME_MAX_WORK",
    "READING_KEYS",
    "SAMPLED_PIVOTS",
    "SECTIONS",
    "is_large",
    "report",
    "report_measures",
]

_POLICY = SizePolicy()

EXACT_MAX_WORK = _POLICY.exact_max_work
"""Above this many nodes times edges the report samples betweenness (see ``report(exact=)``;
:class:`~linkchart.analysis.policy.SizePolicy` holds it)."""

SAMPLED_PIVOTS = _POLICY.sampled_pivots
"""Random pivots of the report's sampled betweenness on a large chart."""

HOW_SURE: tuple[str, ...] = ("betweenness", "pagerank", "degree")
"""The measures whose top nodes the report's "How sure" section tests."""

OVER_TIME_MAX_WORK = _POLICY.over_time_max_work
"""Above this many periods x nodes x edges, the report leaves the Over time section out (and
says so): each period is a betweenness of its own."""

READING_KEYS = ("relations", "layers", "signs", "directed", "engine")
"""The common arguments the report passes on to rank uncertainty and the ranking over time."""

HOW_SURE_MAX_EDGES = _POLICY.how_sure_max_edges
"""Above this many edges the report leaves the Monte Carlo section out."""

KEY_PLAYERS_DISTANCE_MAX_NODES = _POLICY.key_players_distance_max_nodes
"""Above this many nodes the report's KPP-Neg uses component fragmentation (F), not DF."""

SECTIONS: tuple[str, ...] = REPORT_SECTIONS
"""The registered structures the report has a section of its own for; every per-node
measure of the registry gets a ranking."""


def is_large(chart: LinkChart, policy: SizePolicy = _POLICY) -> bool:
    """Whether the report and the page estimate betweenness rather than compute it (see ``exact=``)."""
    return policy.is_large(chart)


# ---------------------------------------------------------------------------- building
def report_measures(registry: Registry = MEASURES) -> tuple[str, ...]:
    """Every name ``report(measures=...)`` accepts, in report order: the per-node
    measures of ``registry`` and the structures of :data:`SECTIONS` it holds."""
    return tuple(n for n, m in registry.items() if m.returns == "node" or n in SECTIONS)


def report(
    source: LinkChart | Findings,
    *,
    top: int = 10,
    relations: Relations = None,
    layers: Layers = None,
    signs: SignReading | None = None,
    firm: str | None = "reported",
    draws: int | None = 1000,
    exact: bool | None = None,
    progress: bool | None = None,
    measures: Iterable[str] | str | None = None,
    engine: Engine = "igraph",
    partition: str | Mapping[str, Any] = "type",
    directed: bool | None = None,
    registry: Registry | None = None,
    undated: Undated | bool = "source",
    min_dated: float = MIN_DATED,
    policy: SizePolicy | None = None,
) -> Report:
    """The measures an analyst reads first and their top results, from one analysis.

    Parameters
    ----------
    source
        The chart (it is not changed), or the :class:`~linkchart.analysis.findings.Findings`
        of an analysis of it (:func:`linkchart.analyze`): what they hold is presented, and
        only what they lack is computed.
    top
        How many nodes each ranking and each role lists (overall and per node type).
    relations
        Relations whose edges count, for every measure (default: all).
    layers, signs
        The reading (see :mod:`~linkchart.analysis.reading`): by default the positive
        ties of the chart's default layers. The report opens with a sentence saying what
        was read and what was left out.
    firm
        The confidence level at and above which a tie is *firm* (default
        ``"reported"``; ``None`` turns the check off). Every headline finding that needs
        ties below it says so: a top-ranked node that leaves the top on firm ties alone,
        a bridge whose ties are all weaker, an articulation point that holds a piece
        only through weak ties, brokered paths that use a weak tie, a key-player set
        that differs on firm ties. The measures run a second time on the firm ties.
    draws
        Monte Carlo draws of the "How sure" section (default 1000; ``None`` leaves it
        out): for the top nodes of betweenness, PageRank and degree, the median score,
        its interval, the rank interval and P(top k) when each tie is kept with its
        confidence probability (:func:`linkchart.rank_uncertainty`, seed 0). Left out
        above :data:`HOW_SURE_MAX_EDGES` edges (call ``rank_uncertainty`` there).
    exact
        ``None`` (default): exact measures up to :data:`EXACT_MAX_WORK` (nodes times
        edges); above it, betweenness is estimated from :data:`SAMPLED_PIVOTS` random
        pivots (with standard errors) and the other measures that search every
        shortest path (closeness, harmonic, bridging centrality) are left out of the
        default set; the report says so. ``True`` computes every measure exactly;
        ``False`` samples whatever the size.
    progress
        Show the stage and a bar on standard error (default: when it is a terminal).
    measures
        Which sections to compute, by name (default: those of the registry marked
        ``in_report``; the signed ones only on a chart with hostile relations): any
        per-node measure of the registry (a ranking), and ``"bridges"``,
        ``"articulation_points"``, ``"brokerage"``, ``"key_players"`` and
        ``"balance"`` (see :func:`report_measures`).
    engine
        ``"igraph"`` (default) or ``"networkx"``, for every measure.
    partition
        The groups for brokerage (see :func:`linkchart.brokerage`): ``"type"``, a node
        attribute or a mapping from node id to group.
    directed
        Passed to every measure: ``None`` follows the vocabulary, ``False`` reads every
        tie as undirected. Bridges, articulation points and key players always read ties
        as undirected (their registry options say so).
    registry
        Where the measures are looked up (default: the findings', else
        :data:`linkchart.MEASURES`); each runs with its registry
        :attr:`~linkchart.analysis.registry.Measure.options`.
    undated, min_dated
        For the Over time section (:func:`linkchart.over_time`): how a tie without a time
        of its own is read (``"source"``, the default: at its source's date; ``"always"``;
        ``"never"``), and the share of the ties read that must be dated for the section
        to rank anyone (default a half); below it the section says how many are dated
        and why it shows no ranking.
    policy
        The size thresholds (default: the findings', else
        :class:`~linkchart.analysis.policy.SizePolicy`).

    Returns
    -------
    Report

    Raises
    ------
    UnknownNameError
        For an unknown measure, relation or engine (with a did-you-mean hint).
    LinkchartError
        For a ``top`` that is not a positive integer, or a partition that leaves nodes
        without a group.

    Notes
    -----
    Every measure runs with its documented defaults (topological measures unweighted;
    strength, eigenvector and PageRank read edge weights as strengths) and its registry
    options (harmonic closeness normalised). Each projection of the chart is built once
    and shared by the measures that read it. Constraint is
    ranked lowest first, since a low constraint marks a broker; ``NaN`` values (isolated
    nodes) come last in every ranking.

    Examples
    --------
    >>> import linkchart
    >>> c = linkchart.from_records(
    ...     [{"id": "hub", "type": "organisation"}, {"id": "a", "type": "state"},
    ...      {"id": "b", "type": "state"}],
    ...     [{"from": "a", "relation": "funds", "to": "hub"},
    ...      {"from": "hub", "relation": "funds", "to": "b"}],
    ... )
    >>> r = report(c, top=1, measures=["betweenness", "brokerage"])
    >>> r.rankings[0].overall[0]
    Ranked(node='hub', type='organisation', value=1.0, label='hub', note='')
    >>> r.brokers[0].role, r.brokers[0].node
    ('itinerant', 'hub')
    """
    # long: the report's choices, then every section from the findings
    if isinstance(top, bool) or not isinstance(top, int) or top < 1:
        raise LinkchartError(f"top must be a positive integer, not {top!r}")
    chart = source.chart if isinstance(source, Findings) else source
    if registry is None:
        registry = source.spec.registry if isinstance(source, Findings) else MEASURES
    if policy is None:
        policy = source.spec.policy if isinstance(source, Findings) else SizePolicy()
    engine = check_engine(engine)
    undated = check_undated(undated)
    min_dated = check_min_dated(min_dated)
    read = reading(chart, relations=relations, layers=layers, signs=signs)
    known = report_measures(registry)
    if measures is None:
        chosen = [n for n in known if registry[n].in_report and registry[n].applies_to(chart)]
    else:
        chosen = list([measures] if isinstance(measures, str) else measures)
    for name in chosen:
        if name not in known:
            raise UnknownNameError("measure", name, known)
    sampled = policy.sampled(chart, exact)
    scale_note = ""
    if sampled:
        if measures is None and exact is None:
            chosen = [m for m in chosen if registry[m].cost != "O(nm)" or m == "betweenness"]
        left = [
            m for m in known if registry[m].cost == "O(nm)" and m != "betweenness" and registry[m].in_report
        ]
        scale_note = (
            f"large chart ({chart.number_of_nodes:,} nodes, {chart.number_of_edges:,} edges): betweenness "
            f"estimated from {policy.sampled_pivots:,} random pivots (Brandes-Pich, with standard errors)"
            + (
                f"; {', '.join(left)} left out (each searches every shortest path)"
                if measures is None
                else ""
            )
            + "; rankings are not recomputed on the firm ties (bridges, cut points and brokers still are)"
            + "; exact=True / --exact computes every measure exactly"
        )
    ordered = tuple(m for m in known if m in chosen)
    # ties, none of them read (signed measures read hostile ties: not on a signed chart)
    nothing = read.read == 0 and read.total > 0 and not chart.vocabulary.signed
    if nothing:  # no tie is read: nothing to rank, find or draw (the report says so plainly)
        ordered = ()
    node_measures = [name for name in ordered if registry[name].returns == "node"]
    sections = [name for name in ordered if name not in node_measures]
    if "key_players" in sections:
        sections.append("disruption")
    has_time = bool(chart.tie_times(undated).dated.any())  # a tie with a time, its own or its source's
    enough = (
        has_time
        and dating(
            chart, relations=relations, layers=layers, signs=signs, undated=undated, min_dated=min_dated
        ).enough
    )
    cut = natural_cut(chart) if enough else "year"
    windows = len(periods_of(chart, cut)) if enough else 0
    work = windows * chart.number_of_nodes * chart.number_of_edges
    per_period: tuple[tuple[str, dict[str, Any]], ...] = ()
    if enough and (sampled or work > policy.over_time_max_work):
        left_out = (
            f"the Over time section left out ({windows} periods of exact betweenness on "
            f"{chart.number_of_nodes:,} actors and {chart.number_of_edges:,} ties; run linkchart timeline)"
        )
        scale_note = f"{scale_note}; {left_out}" if scale_note else left_out
    elif has_time and "betweenness" in registry and not nothing:  # computed, or declined with the reason
        per_period = (("betweenness", {"normalized": True, "every": cut}),)
    drawn = draws if policy.how_sure(chart) and not nothing else None
    needs = AnalysisSpec(registry=registry, policy=policy).replace(
        measures=node_measures,
        sections=(*sections, "affiliations", "sources"),
        relations=relations,
        layers=layers,
        signs=signs,
        directed=directed,
        engine=engine,
        partition=partition,
        firm=firm,
        draws=drawn,
        how_sure=HOW_SURE,
        over_time=per_period,
        undated=undated,
        min_dated=min_dated,
        exact=exact,
        top=top,
    )
    found = analyze(source, needs, run=RunSpec(progress=progress), stage="report")
    firm_view = (
        build.Firm(found.firm_level, frozenset(found.weak_levels), chart.vocabulary)
        if found.firm_level
        else None
    )

    def ranking(name: str) -> Ranking:
        # on a large chart the rankings are not run a second time on the firm ties
        firm_too = firm_view is not None and not sampled and not found.undefined(name, firm=True)
        return build.ranking(
            chart, registry[name], found.scores(name), top, found.firm(name) if firm_too else None
        )

    # a measure undefined on this chart (PN centrality on two foes) is left out, said why
    undefined = tuple(
        f"{n} is not ranked: {found.undefined(n)}." for n in node_measures if found.undefined(n)
    )
    rankings = tuple(ranking(name) for name in node_measures if not found.undefined(name))
    found_bridges: Sequence[Bridge] = found.structure("bridges") if "bridges" in ordered else []
    found_cuts: Sequence[ArticulationPoint] = (
        found.structure("articulation_points") if "articulation_points" in ordered else []
    )
    brokered: BrokerageResult | None = found.structure("brokerage") if "brokerage" in ordered else None
    brokers = (
        build.brokers(chart, brokered, top, found.result("firm", "brokerage") if firm_view else None)
        if brokered
        else ()
    )
    players: tuple[KeyPlayers, ...] = ()
    if "key_players" in ordered and policy.key_players(chart):
        k = min(3, chart.number_of_nodes - 1)
        criteria = (policy.negative_criterion(chart), "reach")
        players = tuple(found.structure("key_players", k=k, criterion=c) for c in criteria)
    player_notes = tuple(build.key_player_note(found, kp) if firm_view else "" for kp in players)
    balanced = found.structure("balance") if "balance" in ordered else None
    disrupted = (
        found.disruption("betweenness", strategy="betweenness", steps=min(5, chart.number_of_nodes))
        if "key_players" in ordered and policy.key_players(chart)
        else None
    )
    how_sure: tuple[RankUncertainty, ...] = ()
    if drawn is not None and chart.number_of_nodes > 1:
        how_sure = tuple(
            found.uncertainty(name, draws=drawn, seed=0, top=min(5, top))
            for name in HOW_SURE
            if name in ordered and name in registry and not found.undefined(name)
        )
    timeline = (
        found.over_time("betweenness", undated=undated, min_dated=min_dated, **per_period[0][1])
        if per_period
        else None
    )
    # a meta-network (nodes of several classes): the agents through what they share
    affiliated = (
        found.structure("affiliations", top=min(3, top))
        if found.has("structure", "affiliations", top=min(3, top))
        else None
    )
    shown_partition = partition if isinstance(partition, str) else "custom mapping"
    bridge_entries = build.bridges(chart, found_bridges, top, firm_view)
    cut_entries = build.cuts(chart, found_cuts, top, read.relations, firm_view)
    weak = found.weak_levels
    findings = (
        (nothing_read(read),)
        if nothing
        else key_findings(
            chart,
            read.relations,
            rankings,
            bridges=bridge_entries,
            cuts=cut_entries,
            key_players=players,
            key_player_notes=player_notes,
            balance=balanced,
            how_sure=how_sure,
            firm=found.firm_level,
        )
    )
    cannot = undefined + limits(
        chart, read.relations, bridges=bridge_entries, bridges_total=len(found_bridges), over_time=timeline
    )
    cited = cited_sources(chart, read.relations)
    return Report(
        title=chart.title,
        nodes=chart.number_of_nodes,
        edges=chart.number_of_edges,
        parameters=MappingProxyType(
            {
                "top": top,
                "relations": None if read.everything else list(read.relations),
                "layers": list(read.layers),
                "signs": read.signs,
                "firm": firm,
                "measures": list(ordered),
                "engine": engine,
                "partition": shown_partition,
                "directed": directed,
                "undated": undated,
                "min_dated": min_dated,
            }
        ),
        rankings=rankings,
        bridges=bridge_entries,
        articulation_points=cut_entries,
        brokers=brokers,
        brokerage_note=getattr(brokered, "partition_note", "") if brokered is not None else "",
        bridges_total=len(found_bridges),
        bridge_edges_total=sum(len(b.edge_ids) for b in found_bridges),
        articulation_points_total=len(found_cuts),
        per_type_shown=min(3, top),
        sections=ordered,
        key_players=players,
        key_player_notes=player_notes,
        reading=read.describe(),
        weak_levels=weak,
        balance=balanced,
        how_sure=how_sure,
        disruption=disrupted,
        scale=scale_note,
        over_time=timeline,
        affiliations=affiliated,
        claims=build.claims(chart, read.relations),
        claims_total=len(chart.alternatives().names),
        notes=build.notes(chart),
        notes_total=len([n for v in chart.nodes.notes.values() for n in v])
        + len([n for v in chart.edges.notes.values() for n in v]),
        findings=findings,
        limits=cannot,
        files=chart.files,
        sources=SourcesEntry(
            len(cited),
            found.structure("conflicts"),
            found.structure("one_source", relations=read.relations),
            cited,
        ),
    )
