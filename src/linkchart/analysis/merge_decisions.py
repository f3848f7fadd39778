"""The decisions a merge goes by (:func:`settle`: matches, decisions given, and each chart's
own ``not_same_as``), the nodes they join (:func:`joined_ids`), and the joins a merge may not
make silently (:func:`joins_within`): two nodes of one chart made one node (by a match or a
``same_as`` decision) are held to the checks :func:`~linkchart.load` holds a decision to
(:mod:`linkchart.loading.decisions`): one type, no attribute given two values, one lifespan,
and no edge between them, which the join would turn into a self-loop."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from ..errors import LinkchartError, LoadError, Problem, did_you_mean
from ..model import LinkChart
from ..model.decisions import Decision, Decisions

__all__ = ["Matches", "Where", "joined_ids", "joins_within", "kept_apart", "named", "settle"]

Matches = Mapping[str, str] | Iterable[tuple[str, str]] | Decisions | Iterable[Decision]
"""Nodes to join: a mapping ``{b's id: a's id}`` (keyed by the second chart's id, as
``--matches B_ID=A_ID``), pairs ``(a's id, b's id)`` (in the order of the charts), or
``same_as`` decisions (:class:`~linkchart.model.decisions.Decision`)."""


_PAIRED = "matches="
"""The ``why`` of a decision made of a ``matches=`` pair."""


Where = tuple[str | None, str]
"""Where a decision was given: its file (``None``: given in Python or on the command line)
and its path there (``decisions[2]``, ``matches['Bob']``)."""


def settle(
    a: LinkChart, b: LinkChart, matches: Matches | None, decisions: Decisions | Iterable[Decision] | None
) -> tuple[Decisions, list[Where]]:
    """Every decision a merge of ``a`` and ``b`` goes by: the matches (as ``same_as``
    decisions), the decisions given, and the ``not_same_as`` decisions each chart recorded
    when it loaded (:attr:`LinkChart.decisions`); with where each was given.

    Raises
    ------
    LoadError
        For decisions that contradict each other (``bad-decision``), each located.
    """
    read = [d.files for d in (matches, decisions) if isinstance(d, Decisions)]
    paired = _match_decisions(matches, a, b)
    given = list(decisions.entries if isinstance(decisions, Decisions) else decisions or ())
    own = [[d for d in c.decisions.entries if all(n in c for n in d.nodes)] for c in (a, b)]
    settled = Decisions([*paired, *given, *own[0], *own[1]], files=[f for files in read for f in files])
    where = [
        *_where(paired, given, decisions),
        *((a.path, "decisions") for _ in own[0]),
        *((b.path, "decisions") for _ in own[1]),
    ]
    if settled.contradictions:
        found = settled.contradictions
        raise LoadError([_contradiction(d, pair, where[settled.entries.index(d)]) for d, pair in found])
    return settled, where


def _match_decisions(matches: Matches | None, a: LinkChart, b: LinkChart) -> list[Decision]:
    """``matches`` as ``same_as`` decisions, each id checked against its chart."""
    if matches is None:
        return []
    if isinstance(matches, Decisions):
        return [d for d in matches.entries if d.same]
    if isinstance(matches, Mapping):
        pairs: list[Any] = [(x, y) for y, x in matches.items()]
    else:
        pairs = list(matches)
    out = []
    for p in pairs:
        if isinstance(p, Decision):
            if p.same:
                out.append(p)
            continue
        if not (isinstance(p, tuple) and len(p) == 2 and all(isinstance(x, str) for x in p)):
            raise LinkchartError(f"a match is a pair of node ids (a's, b's), not {p!r}")
        x, y = p
        for node, chart, which in ((x, a, "first"), (y, b, "second")):
            if node not in chart:
                raise LinkchartError(
                    f"matches: the {which} chart has no node {node!r}",
                    code="unknown-name",
                    hint=did_you_mean(node, list(chart.node_ids)),
                )
        out.append(Decision((x, y), True, why=_PAIRED))
    return out


def named(which: str, chart: LinkChart) -> str:
    """``"the first chart, a.yaml"``: a chart as a problem names it."""
    return f"{which}, {chart.path}" if chart.path else which


def _where(
    paired: Sequence[Decision],
    given: Sequence[Decision],
    decisions: Decisions | Iterable[Decision] | None,
) -> list[Where]:
    """Where each decision of a merge was given: ``matches['B id']`` (``matches[i]`` for
    matches given as decisions), ``decisions[i]`` (in its file, for decisions read from one)."""
    file = decisions.files[0] if isinstance(decisions, Decisions) and decisions.files else None
    return [
        *(
            (None, f"matches[{d.nodes[1]!r}]" if d.why == _PAIRED else f"matches[{i}]")
            for i, d in enumerate(paired)
        ),
        *((file, f"decisions[{i}].{'same_as' if d.same else 'not_same_as'}") for i, d in enumerate(given)),
    ]


def kept_apart(settled: Decisions, into: Mapping[str, str], present: Mapping[str, Any]) -> Decisions:
    """The ``not_same_as`` decisions the merged chart keeps (:attr:`LinkChart.decisions`), each
    id the id of its node in the merged chart: a later merge honours them too."""
    kept = (
        Decision(tuple(into.get(n, n) for n in d.nodes), False, d.by, d.why, d.date)
        for d in settled.entries
        if not d.same and all(n in present for n in d.nodes)
    )
    return Decisions(dict.fromkeys(kept))


def _contradiction(d: Decision, pair: tuple[str, str], where: Where) -> Problem:
    """The ``bad-decision`` problem of a ``not_same_as`` decision (given, or recorded by a chart
    when it loaded) that the merge's ``same_as`` decisions and matches contradict."""
    file, path = where
    own = ", recorded by the chart when it loaded" if path == "decisions" else ""
    return Problem(
        "bad-decision",
        f"the decisions contradict each other: {pair[0]!r} and {pair[1]!r} are judged one entity "
        f"and not (not_same_as {list(d.nodes)}{own})",
        path,
        file,
        hint="delete one of them",
    )


def joined_ids(decisions: Decisions, present: Mapping[str, Any], notes: list[str]) -> dict[str, str]:
    """Node id -> the id of the node it joins, for every id a ``same_as`` group joins to
    another present one (the group's first present id); ids no chart has are noted."""
    unknown = sorted({n for d in decisions.entries for n in d.nodes if n not in present})
    for n in unknown:
        hint = did_you_mean(n, list(present))
        notes.append(f"decision names {n!r}, which neither chart has" + (f" ({hint})" if hint else ""))
    into: dict[str, str] = {}
    for group in decisions.groups:
        here = [n for n in group if n in present]
        for n in here[1:]:
            into[n] = here[0]
    return into


def joins_within(
    chart: str,
    nodes: Sequence[Mapping[str, Any]],
    edges: Sequence[Mapping[str, Any]],
    into: Mapping[str, str],
    decisions: Decisions,
    where: Sequence[Where],
) -> list[Problem]:
    """A ``bad-decision`` problem for each join of two nodes of one chart (``chart``: "the
    first chart", "the second chart"; its node and edge records) that :func:`~linkchart.load`
    would refuse, located at the first decision (or match) naming one of them.

    ``into`` maps each joined id to the id of the node it joins (see
    :func:`~linkchart.analysis.merge.merge_charts`); ``where`` gives, per entry of
    ``decisions``, where it was given.
    """
    first_of: dict[str, int] = {}
    for i, d in enumerate(decisions.entries):
        for n in d.nodes:
            first_of.setdefault(n, i)
    groups: dict[str, list[Mapping[str, Any]]] = {}
    for r in nodes:
        groups.setdefault(into.get(r["id"], r["id"]), []).append(r)
    out: list[Problem] = []

    def problem(members: Sequence[str], message: str, hint: str) -> None:
        i = min((first_of[n] for n in members if n in first_of), default=None)
        file, path = where[i] if i is not None else (None, "")
        out.append(Problem("bad-decision", f"{message} (in {chart})", path, file, hint=hint))

    group_of: dict[str, str] = {}
    for target, group in groups.items():
        if len(group) < 2:
            continue
        ids = [r["id"] for r in group]
        group_of.update(dict.fromkeys(ids, target))
        if len({r["type"] for r in group}) > 1:
            names = ", ".join(f"{r['id']} ({r['type']})" for r in group)
            problem(ids, f"the nodes judged one entity have different types: {names}",
                    "give them one type in the file, or delete the decision")  # fmt: skip
        keys = dict.fromkeys(k for r in group for k in r["attributes"])
        for key in keys:
            values = {repr(r["attributes"][key]) for r in group if r["attributes"].get(key) is not None}
            if len(values) > 1:
                problem(ids, f"the nodes judged one entity give attribute {key!r} different values "
                        f"({', '.join(sorted(values))})",
                        "reconcile the values in the file; a merge never picks one")  # fmt: skip
        spans = {str(r["time"]) for r in group if r["time"] is not None}
        if len(spans) > 1:
            problem(ids, f"the nodes judged one entity have different lifespans ({', '.join(sorted(spans))})",
                    "reconcile the lifespans in the file")  # fmt: skip
    for e in edges:
        a, b = e["from"], e["to"]
        if a != b and a in group_of and group_of.get(b) == group_of[a]:
            problem((a, b), f"{a!r} and {b!r} are judged one entity, but edge {e['id']!r} ties them "
                    "to each other: the merge would make it a self-loop", "two names of one actor are "
                    "rarely tied: check the decision, or remove the edge")  # fmt: skip
    return out
