"""The joins a merge may not make silently: two nodes of one chart made one node (by a match
or a ``same_as`` decision) are held to the checks :func:`~linkchart.load` holds a decision
to (:mod:`linkchart.loading.decisions`): one type, no attribute given two values, one
lifespan, and no edge between them, which the join would turn into a self-loop."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ..errors import Problem
from ..model.decisions import Decisions

__all__ = ["Where", "joins_within"]

Where = tuple[str | None, str]
"""Where a decision was given: its file (``None``: given in Python or on the command line)
and its path there (``decisions[2]``, ``matches['Bob']``)."""


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
