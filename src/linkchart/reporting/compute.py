"""Compute a report: run the registered measures and keep what an analyst reads first."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from types import MappingProxyType
from typing import Any

from ..analysis._common import Relations, relation_list
from ..analysis.bridges import ArticulationPoint, Bridge
from ..analysis.brokerage import ROLES, BrokerageResult
from ..analysis.key_players import Criterion, KeyPlayers
from ..analysis.projection import Engine, check_engine
from ..analysis.registry import MEASURES, Measure, Registry
from ..errors import LinkchartError, UnknownNameError
from ..model import LinkChart
from .entries import BridgeEntry, BrokerEntry, CutEntry, Ranked, Ranking, TieEvidence
from .report import Report
from .text import KEY_PLAYERS_MAX_NODES

__all__ = ["KEY_PLAYERS_DISTANCE_MAX_NODES", "SECTIONS", "report", "report_measures"]

KEY_PLAYERS_DISTANCE_MAX_NODES = 300
"""Above this many nodes the report's KPP-Neg uses component fragmentation (F), not DF."""

SECTIONS: tuple[str, ...] = ("bridges", "articulation_points", "brokerage", "key_players")
"""The registered structures the report has a section of its own for; every per-node
measure of the registry gets a ranking."""


# ---------------------------------------------------------------------------- building
def report_measures(registry: Registry = MEASURES) -> tuple[str, ...]:
    """Every name ``report(measures=...)`` accepts, in report order: the per-node
    measures of ``registry`` and the structures of :data:`SECTIONS` it holds."""
    return tuple(n for n, m in registry.items() if m.returns == "node" or n in SECTIONS)


def _ranked(chart: LinkChart, items: Iterable[tuple[str, float]]) -> tuple[Ranked, ...]:
    return tuple(Ranked(n, chart.node_type_of(n), float(v)) for n, v in items)


def _order(items: Iterable[tuple[str, float]], ascending: bool) -> list[tuple[str, float]]:
    def key(kv: tuple[str, float]) -> tuple[int, float, str]:
        n, v = kv
        if math.isnan(v):
            return (1, 0.0, n)
        return (0, v if ascending else -v, n)

    return sorted(items, key=key)


def _ranking(chart: LinkChart, measure: Measure, scores: Mapping[str, float], top: int) -> Ranking:
    if not isinstance(scores, Mapping):
        kind = type(scores).__name__
        raise LinkchartError(f"measure {measure.name!r} returned {kind}, not scores keyed by node id")
    ascending = not measure.higher_is_more
    ordered = _order(scores.items(), ascending)
    by_type: dict[str, tuple[Ranked, ...]] = {}
    types = [chart.node_type_of(n) for n, _ in ordered]
    for t in chart.vocabulary.node_type_names:
        rows = [kv for kv, tt in zip(ordered, types, strict=True) if tt == t]
        if rows:
            by_type[t] = _ranked(chart, rows[:top])
    return Ranking(
        measure.name, measure.meaning, ascending, _ranked(chart, ordered[:top]), MappingProxyType(by_type)
    )


def _tie(chart: LinkChart, edge_id: str) -> TieEvidence:
    e = chart.edge(edge_id)
    return TieEvidence(e.id, e.from_id, e.relation, e.to_id, e.confidence, e.evidence)


def _ordered(chart: LinkChart, ids: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted(ids, key=chart.index_of))


def _bridges(chart: LinkChart, found: Sequence[Bridge], top: int) -> tuple[BridgeEntry, ...]:
    """The ``top`` bridges, most consequential first, each with its evidence."""
    return tuple(
        BridgeEntry(
            b.from_id,
            b.to_id,
            (_ordered(chart, b.separated[0]), _ordered(chart, b.separated[1])),
            tuple(_tie(chart, e) for e in b.edge_ids),
        )
        for b in found[:top]
    )


def _cuts(chart: LinkChart, found: Sequence[ArticulationPoint], top: int) -> tuple[CutEntry, ...]:
    """The ``top`` articulation points, most consequential first, with their pieces."""
    return tuple(
        CutEntry(c.node_id, chart.node_type_of(c.node_id), tuple(_ordered(chart, x) for x in c.components))
        for c in found[:top]
    )


def _brokers(chart: LinkChart, result: BrokerageResult, top: int) -> tuple[BrokerEntry, ...]:
    out: list[BrokerEntry] = []
    for role in ROLES:
        rows = [(n, c[role], result.z[n][role]) for n, c in result.counts.items() if c[role] > 0]
        rows.sort(key=lambda r: (-r[1], -(r[2] if not math.isnan(r[2]) else -math.inf), r[0]))
        out += [
            BrokerEntry(
                role,
                n,
                chart.node_type_of(n),
                str(result.groups[n]),
                int(count),
                float(result.expected[n][role]),
                float(z),
            )
            for n, count, z in rows[:top]
        ]
    return tuple(out)


def _key_players(chart: LinkChart, measure: Measure, common: Mapping[str, Any]) -> tuple[KeyPlayers, ...]:
    """KPP-Neg (fragmentation) and KPP-Pos (reach in one step) sets of 3, on an undirected reading."""
    n = chart.number_of_nodes
    if n < 2 or n > KEY_PLAYERS_MAX_NODES:
        return ()
    k = min(3, n - 1)
    # distance-weighted fragmentation costs all-pairs distances per candidate set: on
    # larger charts the report uses the component-size form (Borgatti's F) instead
    negative: Criterion = (
        "fragmentation" if n <= KEY_PLAYERS_DISTANCE_MAX_NODES else "component_fragmentation"
    )
    criteria: tuple[Criterion, Criterion] = (negative, "reach")
    return tuple(measure(chart, k=k, criterion=c, **common) for c in criteria)


def report(
    chart: LinkChart,
    *,
    top: int = 10,
    relations: Relations = None,
    measures: Iterable[str] | str | None = None,
    engine: Engine = "igraph",
    partition: str | Mapping[str, Any] = "type",
    directed: bool | None = None,
    registry: Registry = MEASURES,
) -> Report:
    """Run the measures an analyst reads first and gather their top results.

    Parameters
    ----------
    chart
        The chart; it is not changed.
    top
        How many nodes each ranking and each role lists (overall and per node type).
    relations
        Relations whose edges count, for every measure (default: all).
    measures
        Which sections to compute, by name (default: those of the registry marked
        ``in_report``): any per-node measure of the registry (a ranking), and
        ``"bridges"``, ``"articulation_points"``, ``"brokerage"`` and ``"key_players"``
        (see :func:`report_measures`).
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
        Where the measures are looked up (default :data:`linkchart.MEASURES`); each runs
        with its registry :attr:`~linkchart.analysis.registry.Measure.options`.

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
    Ranked(node='hub', type='organisation', value=1.0)
    >>> r.brokers[0].role, r.brokers[0].node
    ('itinerant', 'hub')
    """
    if isinstance(top, bool) or not isinstance(top, int) or top < 1:
        raise LinkchartError(f"top must be a positive integer, not {top!r}")
    engine = check_engine(engine)
    rels = relation_list(relations)
    if rels is not None:
        for r in rels:
            chart.vocabulary.relation(r)  # UnknownNameError with a hint
    known = report_measures(registry)
    if measures is None:
        chosen = [n for n in known if registry[n].in_report]
    else:
        chosen = list([measures] if isinstance(measures, str) else measures)
    for name in chosen:
        if name not in known:
            raise UnknownNameError("measure", name, known)
    ordered = tuple(m for m in known if m in chosen)
    common: dict[str, Any] = {"engine": engine, "relations": rels, "directed": directed}
    rankings = tuple(
        _ranking(chart, registry[name], registry[name](chart, **common), top)
        for name in ordered
        if registry[name].returns == "node"
    )
    found_bridges: Sequence[Bridge] = registry["bridges"](chart, **common) if "bridges" in ordered else []
    found_cuts: Sequence[ArticulationPoint] = (
        registry["articulation_points"](chart, **common) if "articulation_points" in ordered else []
    )
    brokers = (
        _brokers(chart, registry["brokerage"](chart, partition=partition, **common), top)
        if "brokerage" in ordered
        else ()
    )
    players = _key_players(chart, registry["key_players"], common) if "key_players" in ordered else ()
    shown_partition = partition if isinstance(partition, str) else "custom mapping"
    return Report(
        title=chart.title,
        nodes=chart.number_of_nodes,
        edges=chart.number_of_edges,
        parameters=MappingProxyType(
            {
                "top": top,
                "relations": rels,
                "measures": list(ordered),
                "engine": engine,
                "partition": shown_partition,
                "directed": directed,
            }
        ),
        rankings=rankings,
        bridges=_bridges(chart, found_bridges, top),
        articulation_points=_cuts(chart, found_cuts, top),
        brokers=brokers,
        bridges_total=len(found_bridges),
        articulation_points_total=len(found_cuts),
        per_type_shown=min(3, top),
        sections=ordered,
        key_players=players,
    )
