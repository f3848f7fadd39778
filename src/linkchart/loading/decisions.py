"""Decisions applied on load: nodes an analyst judged one entity (``same_as``) become one node.

A ``decisions:`` list in a graph file, or a decisions file given to
:func:`~linkchart.loading.load.load`, holds the analyst's answers
(:mod:`linkchart.model.decisions`). When the chart loads, each ``same_as`` group becomes
one node: the first id of the group is the merged node's id, every other id, label and
alias of the group becomes an alias of it, its attributes, lifespan and notes are joined,
and every edge is moved onto it while keeping the endpoint names it was written with
(:attr:`~linkchart.model.Edge.written_ends`). Nothing in the file is rewritten: deleting the
entry undoes the merge. A merge that would silently settle a conflict is refused, located:
nodes of different types, different values of one attribute or different lifespans, a
``not_same_as`` inside a group, an edge between two nodes of one group.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from types import MappingProxyType
from typing import Any

import numpy as np

from ..errors import Problem, Problems, did_you_mean
from ..model import Decisions, EdgeTable, NodeTable, Note
from ..model.tables import frozen_text, span_at
from ..vocabulary import NodeType

__all__ = ["apply_decisions"]


def apply_decisions(
    decisions: Decisions,
    where: Sequence[tuple[str | None, str]],
    nodes: NodeTable,
    edges: EdgeTable,
    types: Sequence[NodeType],
    problems: Problems,
) -> tuple[NodeTable, EdgeTable]:
    """``nodes`` and ``edges`` with every ``same_as`` group of ``decisions`` merged into one node.

    ``where`` gives, per decision, the file it was read from (``None``: the graph file) and its
    path there (``decisions[2]``), to locate problems. Problems are added to ``problems``; the
    caller raises them.
    """
    if not len(decisions):
        return nodes, edges
    ids = nodes.ids.tolist()
    index = {n: i for i, n in enumerate(ids)}

    def problem(code: Any, i: int, message: str, suffix: str = "", hint: str = "") -> None:
        file, path = where[i]
        if file is None:
            problems.add(code, message, path + suffix, hint)
        else:
            problems.extend([Problem(code, message, path + suffix, file, None, None, hint)])

    ok = True
    for i, d in enumerate(decisions.entries):
        key = "same_as" if d.same else "not_same_as"
        for j, n in enumerate(d.nodes):
            if n not in index:
                problem("unknown-node", i, f"unknown node {n!r}", f".{key}[{j}]", did_you_mean(n, ids))
                ok = False
    for d, (a, b) in decisions.contradictions:
        i = decisions.entries.index(d)
        problem("bad-decision", i, f"{a!r} and {b!r} are judged different here and one entity by a "
                "same_as decision", ".not_same_as", "delete one of the two decisions")  # fmt: skip
        ok = False
    if not ok:
        return nodes, edges
    first_of: dict[str, int] = {}  # group member -> the index of the first decision that names it
    for i, d in enumerate(decisions.entries):
        for n in d.nodes:
            first_of.setdefault(n, i)
    target = np.arange(len(ids), dtype=np.int64)
    for group in decisions.groups:
        rows = [index[n] for n in group]
        target[rows] = rows[0]
        i = first_of[group[0]]
        kinds = {int(nodes.type[r]) for r in rows}
        if len(kinds) > 1:
            names = ", ".join(f"{ids[r]} ({types[int(nodes.type[r])].name})" for r in rows)
            problem("bad-decision", i, f"the nodes judged one entity have different types: {names}",
                    ".same_as", "give them one type in the file, or delete the decision")  # fmt: skip
        for name, col in nodes.attributes.items():
            values = {repr(col[r]) for r in rows if col[r] is not None}
            if len(values) > 1:
                problem("bad-decision", i, f"the nodes judged one entity give attribute {name!r} "
                        f"different values ({', '.join(sorted(values))})", ".same_as",
                        "reconcile the values in the file; a merge never picks one")  # fmt: skip
        spans = {span_at(nodes.time_from, nodes.time_to, nodes.time_precision, r) for r in rows} - {None}
        if len(spans) > 1:
            problem("bad-decision", i, "the nodes judged one entity have different lifespans "
                    f"({', '.join(sorted(s.text for s in spans if s is not None))})", ".same_as",
                    "reconcile the lifespans in the file")  # fmt: skip
    src, dst = target[edges.src], target[edges.dst]
    for k in np.flatnonzero((src == dst) & (edges.src != edges.dst)).tolist():
        a, b = ids[int(edges.src[k])], ids[int(edges.dst[k])]
        problem("bad-decision", first_of[a], f"{a!r} and {b!r} are judged one entity, but "
                f"edges[{int(edges.position[k])}] ties them to each other", ".same_as",
                "two names of one actor are rarely tied: check the decision, or remove the edge")  # fmt: skip
    if problems:
        return nodes, edges
    return _merged_nodes(nodes, target), _moved_edges(edges, target, ids)


def _merged_nodes(nodes: NodeTable, target: Any) -> NodeTable:
    """The nodes with each group's members folded into its first (see the module notes)."""
    ids = nodes.ids.tolist()
    kept = np.flatnonzero(target == np.arange(len(ids)))
    aliases = list(nodes.aliases.tolist())
    notes: dict[str, tuple[Note, ...]] = dict(nodes.notes)
    attributes = {name: list(col) for name, col in nodes.attributes.items()}
    t0, t1, tp = nodes.time_from.copy(), nodes.time_to.copy(), nodes.time_precision.copy()
    for r in np.flatnonzero(target != np.arange(len(ids))).tolist():
        head = int(target[r])
        names = [*aliases[head], ids[r], str(nodes.labels[r]), *aliases[r]]
        own = {ids[head], str(nodes.labels[head])}
        aliases[head] = tuple(dict.fromkeys(n for n in names if n not in own))
        if ids[r] in notes:
            notes[ids[head]] = (*notes.get(ids[head], ()), *notes.pop(ids[r]))
        for col in attributes.values():
            if col[head] is None:
                col[head] = col[r]
        mine = span_at(t0, t1, tp, head)
        if mine is None and span_at(t0, t1, tp, r) is not None:  # the lifespan written on one of them
            t0[head], t1[head], tp[head] = t0[r], t1[r], tp[r]
    whole = replace(
        nodes,
        aliases=frozen_text(aliases),
        attributes=MappingProxyType({k: frozen_text(v) for k, v in attributes.items()}),
        time_from=_read_only(t0),
        time_to=_read_only(t1),
        time_precision=_read_only(tp),
        notes=MappingProxyType({k: v for k, v in notes.items() if v}),
    )
    return whole.take(kept)


def _read_only(a: Any) -> Any:
    a.flags.writeable = False
    return a


def _moved_edges(edges: EdgeTable, target: Any, ids: Sequence[str]) -> EdgeTable:
    """The edges with their ends on the merged nodes, each keeping the names it was written with."""
    kept = np.flatnonzero(target == np.arange(len(ids)))
    new_row = np.full(len(ids), -1, dtype=np.int32)
    new_row[kept] = np.arange(len(kept), dtype=np.int32)
    node_map = new_row[target]
    moved = np.flatnonzero((target[edges.src] != edges.src) | (target[edges.dst] != edges.dst))
    written: Mapping[int, tuple[str, str]] = {
        int(edges.position[k]): (ids[int(edges.src[k])], ids[int(edges.dst[k])]) for k in moved.tolist()
    }
    out = edges.take(np.arange(len(edges), dtype=np.intp), node_map)
    return replace(out, written_ends=MappingProxyType({**edges.written_ends, **written}))
