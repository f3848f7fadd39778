"""Compute once, present many: :func:`analyze` runs what a spec asks for, once.

The report, the page, the figure and the GEXF writer present the
:class:`~linkchart.analysis.findings.Findings` of one analysis; none of them runs a
measure. Each says what it needs as an :class:`~linkchart.analysis.spec.AnalysisSpec`
(``ReportSpec.needs`` ...) and completes the findings it is given with
``analyze(findings, needs)``, which computes only the results not held yet (a result is
held under the measure's bound arguments, so the page's call and the report's call of the
same measure are one result). The size policy (:mod:`linkchart.analysis.policy`) decides
what is computed exactly, sampled or left out; its decisions travel with the findings.

The plan, in order: the per-node measures (and the same on the firm ties, where weaker
ties are read and betweenness is exact), the structures (bridges, articulation points,
brokerage, key players and their disruption curve, balance, communities, affiliations,
the conflicts between sources and the actors resting on one),
the Monte Carlo draws of how sure each ranking is (with the measure's scores held as the
baseline, so the whole chart is not measured twice), the measures per period, and the
node positions.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import numpy as np

from ..errors import UndefinedMeasureError, UnknownNameError
from ..model.views import at_least
from ..progress import Progress
from .affiliation import affiliations
from .classes import classes
from .conflicts import conflicts
from .corroboration import one_source
from .disruption import disruption
from .findings import Findings, Key, Kind, call_of, key_of, undefined_item
from .layout import positions_array
from .over_time import natural_cut, over_time
from .policy import Decision, decide
from .reading import reading
from .spec import SECTIONS, AnalysisSpec, RunSpec
from .uncertainty import rank_uncertainty

if TYPE_CHECKING:
    from ..model import LinkChart

__all__ = ["REPORT_SECTIONS", "analyze", "default_measures", "default_sections", "firm_chart"]

REPORT_SECTIONS: tuple[str, ...] = ("bridges", "articulation_points", "brokerage", "key_players", "balance")
"""The registered structures the report has a section of its own for, in report order."""

Task = tuple[Key, Callable[[], Any]]


def default_measures(chart: LinkChart, spec: AnalysisSpec, sampled: bool) -> tuple[str, ...]:
    """The per-node measures an analysis computes when ``spec.measures`` is ``None``: the
    registry's report and page measures that apply to ``chart``, less those that search every
    shortest path (but betweenness) when betweenness is sampled by the size policy."""
    registry = spec.registry
    out = [
        n
        for n in registry.names(returns="node")
        if (registry[n].in_report or registry[n].on_page) and registry[n].applies_to(chart)
    ]
    if sampled and spec.exact is None:
        out = [n for n in out if registry[n].cost != "O(nm)" or n == "betweenness"]
    return tuple(out)


def default_sections(chart: LinkChart, spec: AnalysisSpec) -> tuple[str, ...]:
    """The structures an analysis finds when ``spec.sections`` is ``None``: the report's
    registered sections that apply to ``chart``, the disruption curve with key players,
    the affiliations of a chart of several node classes, and what its sources say (their
    conflicts, the actors resting on one)."""
    registry = spec.registry
    out = [
        s
        for s in REPORT_SECTIONS
        if s in registry and registry[s].in_report and registry[s].applies_to(chart)
    ]
    if "key_players" in out:
        out.append("disruption")
    return (*out, "affiliations", "sources")


def firm_chart(
    chart: LinkChart, relations: tuple[str, ...], firm: str | None
) -> tuple[LinkChart | None, tuple[str, ...]]:
    """The chart of firm ties (at least confidence ``firm``) and the levels below it, most
    certain first; ``(None, ())`` when every tie read is firm or ``firm`` is ``None``.

    A tie is firm when its probability (its sources' grades and corroboration combined,
    :meth:`~linkchart.LinkChart.support`) is at least the level's: a ``reported`` tie from a
    source graded E is weak, and an ``alleged`` one from three sources may be firm.

    Raises
    ------
    UnknownNameError
        For a level the chart's confidence scale lacks.
    """
    if firm is None:
        return None, ()
    scale = chart.vocabulary.confidence
    if firm not in scale.levels:
        raise UnknownNameError("confidence level", firm, scale.levels)
    weak = scale.levels[scale.levels.index(firm) + 1 :]
    if not weak:
        return None, ()
    e = chart.edges
    read = np.isin(e.relation, [chart.vocabulary.relation_names.index(r) for r in relations])
    if not np.any(read & ~at_least(e.probability, chart.vocabulary.confidence, firm)):
        return None, ()
    return chart.min_confidence(firm), tuple(weak)


def _measured(
    spec: AnalysisSpec, chart: LinkChart, kind: Kind, name: str, sampled: bool, **extra: Any
) -> Task:
    """The task of one registry measure's result (``chart`` is the chart or its firm view)."""
    call = call_of(spec, kind, name, sampled=sampled, **extra)
    measure = spec.registry[name]
    return key_of(spec, kind, name, call), lambda: measure(chart, **call)


def _plan(
    chart: LinkChart,
    spec: AnalysisSpec,
    sampled: bool,
    firm: LinkChart | None,
    held: Mapping[Key, Any],
    relations: tuple[str, ...],
) -> Iterator[Task]:
    """The tasks of ``spec`` on ``chart``, in order; a later task may read an earlier result in ``held``."""
    # long: the plan, in the order its steps read
    registry = spec.registry
    policy = spec.policy
    n = chart.number_of_nodes
    measures = default_measures(chart, spec, sampled) if spec.measures is None else spec.measures
    for name in measures:
        if name not in registry.names(returns="node"):
            raise UnknownNameError("measure", name, registry.names(returns="node"))
    sections = default_sections(chart, spec) if spec.sections is None else spec.sections
    for name in sections:
        if name not in SECTIONS:
            raise UnknownNameError("section", name, SECTIONS)
    for name in measures:
        yield _measured(spec, chart, "scores", name, sampled)
        if firm is not None and not sampled:  # on a large chart rankings are not recomputed on firm ties
            yield _measured(spec, firm, "firm", name, sampled)
    for name in ("bridges", "articulation_points", "brokerage", "communities", "balance"):
        if name in sections and name in registry:
            yield _measured(spec, chart, "structure", name, sampled)
            if name == "brokerage" and firm is not None:
                yield _measured(spec, firm, "firm", name, sampled)
    if "key_players" in sections and "key_players" in registry and policy.key_players(chart):
        k = min(3, n - 1)
        for criterion in (policy.negative_criterion(chart), "reach"):
            key, task = _measured(spec, chart, "structure", "key_players", sampled, k=k, criterion=criterion)
            yield key, task
            if firm is not None:
                found = held[key]
                again = {"k": found.k, "criterion": found.criterion}
                again["max_distance"] = found.parameters.get("max_distance", 1)
                yield _measured(spec, firm, "firm", "key_players", sampled, **again)
    if "disruption" in sections and policy.key_players(chart):
        call = call_of(spec, "disruption", "betweenness", strategy="betweenness", steps=min(5, n))
        yield key_of(spec, "disruption", "betweenness", call), lambda: disruption(chart, **call)
    if "affiliations" in sections and not sampled and classes(chart).multimode:
        top = {"top": min(3, spec.top)}
        yield key_of(spec, "structure", "affiliations", top), lambda: affiliations(chart, **top)
    if "sources" in sections:
        yield key_of(spec, "structure", "conflicts", {}), lambda: conflicts(chart)
        read = {"relations": relations}
        yield key_of(spec, "structure", "one_source", read), lambda: one_source(chart, **read)
    yield from _drawn(chart, spec, measures, sampled, held)
    for name, options in spec.over_time:
        call = call_of(spec, "over_time", name, undated=spec.undated, min_dated=spec.min_dated, **options)
        call.setdefault("every", natural_cut(chart))
        yield key_of(spec, "over_time", name, call), _per_period(chart, spec, name, call)
    if spec.layout is not None:
        method, seed = spec.layout, spec.seed
        where = {"method": method, "seed": seed}
        yield (
            key_of(spec, "positions", "layout", where),
            lambda: positions_array(chart, method=method, seed=seed),
        )


def _drawn(
    chart: LinkChart, spec: AnalysisSpec, measures: tuple[str, ...], sampled: bool, held: Mapping[Key, Any]
) -> Iterator[Task]:
    """The Monte Carlo tasks: how sure each ranking of ``spec.how_sure`` is, each with its
    measure's scores on the whole chart as the baseline (computed first when not held)."""
    draws = spec.draws
    if draws == "auto":
        draws = spec.policy.report_draws if spec.policy.how_sure(chart) else None
    if draws is None or chart.number_of_nodes < 2:
        return
    for name in spec.how_sure:
        if name not in measures or name not in spec.registry:
            continue
        base_key, base_task = _measured(spec, chart, "scores", name, False)
        if base_key not in held:
            yield base_key, base_task
        if base_key not in held:  # undefined on this chart: nothing to draw
            continue
        call = call_of(spec, "uncertainty", name, draws=draws, seed=0, top=min(5, spec.top))
        yield key_of(spec, "uncertainty", name, call), _drawer(chart, spec, name, call, held, base_key)


def _drawer(
    chart: LinkChart, spec: AnalysisSpec, name: str, call: dict[str, Any], held: Mapping[Key, Any], base: Key
) -> Callable[[], Any]:
    def run() -> Any:
        return rank_uncertainty(
            chart, name, registry=spec.registry, progress=False, baseline=held[base], **call
        )

    return run


def _per_period(chart: LinkChart, spec: AnalysisSpec, name: str, call: dict[str, Any]) -> Callable[[], Any]:
    def run() -> Any:
        return over_time(chart, name, registry=spec.registry, progress=False, **call)

    return run


def analyze(
    source: LinkChart | Findings,
    spec: AnalysisSpec | None = None,
    /,
    *,
    run: RunSpec | None = None,
    stage: str = "analysis",
    **options: Any,
) -> Findings:
    """Compute what ``spec`` asks for on a chart, or what a :class:`Findings` does not hold yet.

    Parameters
    ----------
    source
        A chart, or the findings of an earlier analysis of one (their results are reused:
        only what they do not hold is computed).
    spec
        What to compute (default :class:`~linkchart.analysis.spec.AnalysisSpec`: the
        report's measures and structures, how sure, on the chart's default reading).
    run
        How the work runs (progress); it never changes a result.
    stage
        The name of the progress line (``"report"``: ``report: betweenness``, one step per
        per-node measure).
    **options
        Fields of :class:`~linkchart.analysis.spec.AnalysisSpec` over ``spec``'s
        (``measures=["degree"]``, ``layers="all"``, ``registry=...``).

    Returns
    -------
    Findings
        The chart, the spec, the reading, the size policy's decisions and every result.

    Raises
    ------
    UnknownNameError
        For an option no field holds, or a measure, section, relation or layer that names nothing.

    Examples
    --------
    >>> import linkchart
    >>> c = linkchart.from_records([{"id": x, "type": "person"} for x in "abc"],
    ...     [{"from": "a", "relation": "knows", "to": "b"},
    ...      {"from": "b", "relation": "knows", "to": "c"}])
    >>> f = linkchart.analyze(c, measures=["betweenness"], sections=[], draws=None)
    >>> f.scores("betweenness")["b"]
    1.0
    >>> linkchart.analyze(f, measures=["betweenness"], sections=[], draws=None).results == f.results
    True
    """
    spec = (spec or AnalysisSpec()).replace(**options) if options else (spec or AnalysisSpec())
    held: dict[Key, Any] = {}
    if isinstance(source, Findings):
        chart = source.chart
        held.update(source.results)
    else:
        chart = source
    read = reading(chart, relations=spec.relations, layers=spec.layers, signs=spec.signs)
    decisions = decide(chart, spec.policy, exact=spec.exact, draws=spec.draws is not None)
    sampled = spec.policy.sampled(chart, spec.exact)
    firm, weak = firm_chart(chart, read.relations, spec.firm)
    progress = run.progress if run is not None else False
    count = len(spec.measures) if spec.measures is not None else len(default_measures(chart, spec, sampled))
    stages = Progress(stage, count, enabled=progress)
    with stages:
        for key, task in _plan(chart, spec, sampled, firm, held, read.relations):
            if key not in held:
                stages.stage = f"{stage}: {key.name}"
                try:
                    held[key] = task()
                except UndefinedMeasureError as exc:  # left out with its reason; the rest goes on
                    if key.kind not in ("scores", "firm"):
                        raise
                    item = undefined_item(key.name, firm=key.kind == "firm")
                    if all(d.item != item for d in decisions):
                        decisions = (*decisions, Decision(item, "undefined", str(exc)))
            if key.kind == "scores" and key.name in (spec.measures or ()):
                stages.advance()
    return Findings(
        chart,
        spec,
        read,
        MappingProxyType(held),
        decisions,
        spec.firm if firm is not None else None,
        weak,
    )
