"""What changed from one chart to another (:func:`diff`): nodes, edges, their confidence and
evidence, sources, the vocabulary, and how the top ranks of each default measure moved.

Nodes are matched by id. An edge is matched by what it claims and who says it: its ends
(in either order for an undirected relation), relation, time and source; two edges so
matched whose confidence, evidence, weight, notes, attributes or combined probability
differ are *changed* (a probability changes with a source's reliability grade or the
file's ``grades:`` too, where the edge itself does not).
Edge ids play no part (files that give none number their edges in order), nor do the
``claim`` marks a merge writes (:data:`~linkchart.analysis.merged.CLAIM`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Final

import numpy as np

from ..errors import LinkchartError
from ..model import LinkChart
from ._changes import Change, EdgeChange, NodeChange, item_key, items_of, said
from ._declared import source_diff, vocabulary_diff
from ._measure import check_count
from .findings import Findings
from .merged import CLAIM
from .ranks import competition_ranks
from .registry import MEASURES, Registry

__all__ = [
    "EDGE_FIELDS_COMPARED",
    "Change",
    "Diff",
    "EdgeChange",
    "NodeChange",
    "RankMove",
    "RankMoves",
    "diff",
    "edge_identity",
]

EDGE_FIELDS_COMPARED: Final = (
    "confidence",
    "evidence",
    "weight",
    "alternative",
    "notes",
    "attributes",
    "probability",
)
"""The fields of two matched edges compared (the rest make their identity: :func:`edge_identity`);
``probability`` is the tie's combined probability (:attr:`~linkchart.model.Edge.probability`),
to 12 digits."""

_NODE_FIELDS: Final = ("type", "label", "aliases", "time", "notes", "attributes")


@dataclass(frozen=True, slots=True)
class RankMove:
    """A node whose rank differs between the charts, in one measure's top ranks: its rank and
    value in each (``None`` where the chart lacks the node)."""

    node: str
    rank_a: int | None
    rank_b: int | None
    value_a: float | None
    value_b: float | None

    def to_dict(self) -> dict[str, Any]:
        """``{node, rank_a, rank_b, value_a, value_b}``."""
        return {
            "node": self.node,
            "rank_a": self.rank_a,
            "rank_b": self.rank_b,
            "value_a": self.value_a,
            "value_b": self.value_b,
        }


@dataclass(frozen=True, slots=True)
class RankMoves:
    """How one measure's top ranks moved: each chart's top nodes (ranks up to ``top``, in
    order) and every node of either top whose rank differs."""

    measure: str
    top_a: tuple[str, ...]
    top_b: tuple[str, ...]
    moves: tuple[RankMove, ...]

    def to_dict(self) -> dict[str, Any]:
        """``{measure, top_a, top_b, moves: [...]}``."""
        return {
            "measure": self.measure,
            "top_a": list(self.top_a),
            "top_b": list(self.top_b),
            "moves": [m.to_dict() for m in self.moves],
        }


@dataclass(frozen=True, slots=True)
class Diff:
    """What changed from chart ``a`` to chart ``b``; falsy when nothing did.

    Attributes
    ----------
    nodes_added, nodes_removed
        Ids of the nodes only ``b``, only ``a`` has.
    nodes_changed
        The nodes in both whose type, label, aliases, time, notes or attributes differ.
    edges_added, edges_removed
        Ids of the edges only ``b``, only ``a`` has (in its own chart).
    edges_changed
        The edges in both whose :data:`EDGE_FIELDS_COMPARED` differ.
    sources_added, sources_removed, sources_changed
        Source ids only ``b`` cites, only ``a``, and those whose title, author, date,
        location or reliability grade differ.
    vocabulary
        Declarations that differ (a relation, node type, confidence level, period, a grade
        of the file's ``grades:`` or its rule of corroboration), in words.
    ranks
        Per default measure, how its top ranks moved (:class:`RankMoves`); only measures
        whose top ranks moved are listed.
    top
        How many top ranks were compared.
    claims
        What each edge added or removed claims, in words (``"A --knows-- B [s]"``), by
        ``"+id"`` (an edge of ``b``) or ``"-id"`` (of ``a``).
    """

    nodes_added: tuple[str, ...] = ()
    nodes_removed: tuple[str, ...] = ()
    nodes_changed: tuple[NodeChange, ...] = ()
    edges_added: tuple[str, ...] = ()
    edges_removed: tuple[str, ...] = ()
    edges_changed: tuple[EdgeChange, ...] = ()
    sources_added: tuple[str, ...] = ()
    sources_removed: tuple[str, ...] = ()
    sources_changed: tuple[str, ...] = ()
    vocabulary: tuple[str, ...] = ()
    ranks: tuple[RankMoves, ...] = ()
    top: int = 10
    claims: Mapping[str, str] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return any(self.counts().values())

    def counts(self) -> dict[str, int]:
        """How many of each change (confidence, probability and evidence changes counted
        among the edges changed)."""
        changed = [c.field for e in self.edges_changed for c in e.changes]
        evidence = [e.evidence for e in self.edges_changed]
        return {
            "nodes_added": len(self.nodes_added),
            "nodes_removed": len(self.nodes_removed),
            "nodes_changed": len(self.nodes_changed),
            "edges_added": len(self.edges_added),
            "edges_removed": len(self.edges_removed),
            "edges_changed": len(self.edges_changed),
            "confidence_changed": changed.count("confidence"),
            "probability_changed": changed.count("probability"),
            "evidence_added": evidence.count("added"),
            "evidence_removed": evidence.count("removed"),
            "evidence_changed": evidence.count("changed"),
            "sources_added": len(self.sources_added),
            "sources_removed": len(self.sources_removed),
            "sources_changed": len(self.sources_changed),
            "vocabulary_changed": len(self.vocabulary),
            "measures_moved": len(self.ranks),
        }

    def to_dict(self) -> dict[str, Any]:
        """Every change as plain data, with :meth:`counts`."""
        return {
            "same": not self,
            "counts": self.counts(),
            "nodes": {
                "added": list(self.nodes_added),
                "removed": list(self.nodes_removed),
                "changed": [n.to_dict() for n in self.nodes_changed],
            },
            "edges": {
                "added": [{"id": e, "claim": self.claims.get("+" + e, "")} for e in self.edges_added],
                "removed": [{"id": e, "claim": self.claims.get("-" + e, "")} for e in self.edges_removed],
                "changed": [e.to_dict() for e in self.edges_changed],
            },
            "sources": {
                "added": list(self.sources_added),
                "removed": list(self.sources_removed),
                "changed": list(self.sources_changed),
            },
            "vocabulary": list(self.vocabulary),
            "top": self.top,
            "ranks": [r.to_dict() for r in self.ranks],
        }

    def text(self) -> str:
        """The changes in words, a section each."""
        if not self:
            return "no differences\n"
        c = self.counts()
        lines = [
            f"nodes: {c['nodes_added']} added, {c['nodes_removed']} removed, {c['nodes_changed']} changed; "
            f"edges: {c['edges_added']} added, {c['edges_removed']} removed, {c['edges_changed']} changed "
            f"(confidence {c['confidence_changed']}; probability {c['probability_changed']}; "
            f"evidence {c['evidence_added']} added, "
            f"{c['evidence_removed']} removed, {c['evidence_changed']} changed)"
        ]
        lines += _capped([f"  + node {n}" for n in self.nodes_added])
        lines += _capped([f"  - node {n}" for n in self.nodes_removed])
        lines += _capped(
            [f"  ~ node {n.id}: " + "; ".join(said(x) for x in n.changes) for n in self.nodes_changed]
        )
        lines += _capped([f"  + edge {e}: {self.claims.get('+' + e, '')}" for e in self.edges_added])
        lines += _capped([f"  - edge {e}: {self.claims.get('-' + e, '')}" for e in self.edges_removed])
        lines += _capped([f"  ~ edge {e.claim}: {e.words()}" for e in self.edges_changed])
        for label, ids in (
            ("+", self.sources_added),
            ("-", self.sources_removed),
            ("~", self.sources_changed),
        ):
            lines += [f"  {label} source {s}" for s in ids]
        lines += [f"  ~ {v}" for v in self.vocabulary]
        if self.ranks:
            lines.append(f"top {self.top} ranks moved:")
        for r in self.ranks:
            moved = ", ".join(f"{m.node} {_rank(m.rank_a)}->{_rank(m.rank_b)}" for m in r.moves)
            lines.append(f"  {r.measure}: {moved}")
        return "\n".join(lines) + "\n"


_SHOWN: Final = 20
"""How many lines of one kind :meth:`Diff.text` shows (``to_dict`` holds them all)."""


def _capped(lines: list[str]) -> list[str]:
    if len(lines) <= _SHOWN:
        return lines
    return [*lines[:_SHOWN], f"  ... and {len(lines) - _SHOWN} more (--json, to_dict(): all)"]


def _rank(r: int | None) -> str:
    return "absent" if r is None else str(r)


def edge_identity(record: Mapping[str, Any], directed: bool) -> tuple[Any, ...]:
    """What matches an edge record across charts: its ends (sorted for an undirected relation),
    relation, time (as written) and source."""
    ends = (record["from"], record["to"]) if directed else tuple(sorted((record["from"], record["to"])))
    return (*ends, record["relation"], repr(record["time"]), record["source"])


def _claim_text(record: Mapping[str, Any], directed: bool) -> str:
    arrow = "->" if directed else "--"
    when = f" ({record['time']})" if record["time"] is not None else ""
    source = f" [{record['source']}]" if record["source"] is not None else ""
    return f"{record['from']} {arrow}{record['relation']}{arrow} {record['to']}{when}{source}"


def _changes(x: Mapping[str, Any], y: Mapping[str, Any], fields: Iterable[str]) -> tuple[Change, ...]:
    out = []
    for f in fields:
        a, b = _compared(x, f), _compared(y, f)
        same = sorted(map(item_key, a)) == sorted(map(item_key, b)) if f == "evidence" else a == b
        if not same:  # the same evidence items in another order are the same evidence
            out.append(Change(f, a, b))
    return tuple(out)


def _compared(record: Mapping[str, Any], name: str) -> Any:
    """A field as compared: an edge's attributes without the ``claim`` marks a merge writes,
    its evidence as :func:`_items`."""
    value = record[name]
    if name == "attributes" and CLAIM in value:
        return {k: v for k, v in value.items() if k != CLAIM}
    if name == "evidence":
        return items_of(record)
    return value


Records = tuple[list[dict[str, Any]], list[dict[str, Any]]]


def _node_diff(ra: Records, rb: Records) -> tuple[tuple[str, ...], tuple[str, ...], tuple[NodeChange, ...]]:
    na = {r["id"]: r for r in ra[0]}
    nb = {r["id"]: r for r in rb[0]}
    changed = []
    for nid, r in na.items():
        if nid in nb:
            found = _changes(r, nb[nid], _NODE_FIELDS)
            if found:
                changed.append(NodeChange(nid, found))
    return (
        tuple(n for n in nb if n not in na),
        tuple(n for n in na if n not in nb),
        tuple(changed),
    )


def _edge_diff(
    a: LinkChart, b: LinkChart, ea: list[dict[str, Any]], eb: list[dict[str, Any]], claims: dict[str, str]
) -> tuple[tuple[str, ...], tuple[str, ...], tuple[EdgeChange, ...]]:
    """Edges added, removed and changed; what each added or removed claims, into ``claims``."""

    def directed(chart: LinkChart) -> dict[str, bool]:
        return {r.name: r.directed for r in chart.vocabulary.relations}

    da, db = directed(a), directed(b)
    waiting: dict[tuple[Any, ...], list[dict[str, Any]]] = {}
    for r in ea:
        waiting.setdefault(edge_identity(r, da.get(r["relation"], True)), []).append(r)
    added, changed = [], []
    unmatched_b = []
    for r in eb:  # first the edges the same in every field, then the others in order
        key = edge_identity(r, db.get(r["relation"], True))
        same = [x for x in waiting.get(key, ()) if not _changes(x, r, EDGE_FIELDS_COMPARED)]
        if same:
            waiting[key].remove(same[0])
        else:
            unmatched_b.append((key, r))
    for key, r in unmatched_b:
        candidates = waiting.get(key)
        if candidates:
            x = candidates.pop(0)
            claim = _claim_text(r, db.get(r["relation"], True))
            changed.append(EdgeChange(x["id"], r["id"], claim, _changes(x, r, EDGE_FIELDS_COMPARED)))
        else:
            added.append(r["id"])
            claims["+" + r["id"]] = _claim_text(r, db.get(r["relation"], True))
    left = {x["id"] for rows in waiting.values() for x in rows}
    removed = tuple(r["id"] for r in ea if r["id"] in left)
    for r in ea:
        if r["id"] in left:
            claims["-" + r["id"]] = _claim_text(r, da.get(r["relation"], True))
    row = {r["id"]: k for k, r in enumerate(ea)}
    changed.sort(key=lambda c: row[c.a])
    return tuple(added), removed, tuple(changed)


def _with_probability(chart: LinkChart, records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The edge records, each with the tie's combined probability (to 12 digits)."""
    p = chart.edges.probability
    return [r | {"probability": round(float(p[k]), 12)} for k, r in enumerate(records)]


def _ranks(
    source: LinkChart | Findings, name: str, registry: Registry
) -> tuple[dict[str, int], dict[str, float]]:
    """Each node's competition rank (1 the most) and value in measure ``name``: the findings'
    scores where they hold them, else the measure run on the chart."""
    measure = registry[name]
    if isinstance(source, Findings) and source.has("scores", name):
        chart, scores = source.chart, source.scores(name)
    else:
        chart = source.chart if isinstance(source, Findings) else source
        scores = measure(chart)
    values = np.array([float(scores[n]) for n in chart.node_ids], dtype=np.float64)
    ranks = competition_ranks(values[np.newaxis, :], measure.higher_is_more)[0]
    ids = chart.node_ids
    return (
        {n: int(r) for n, r in zip(ids, ranks.tolist(), strict=True)},
        {n: float(v) for n, v in zip(ids, values.tolist(), strict=True)},
    )


def _rank_moves(
    a: LinkChart | Findings, b: LinkChart | Findings, names: Sequence[str], top: int, registry: Registry
) -> list[RankMoves]:
    out = []
    for name in names:
        (ra, va), (rb, vb) = _ranks(a, name, registry), _ranks(b, name, registry)
        top_a = tuple(sorted((n for n, r in ra.items() if r <= top), key=lambda n: (ra[n], n)))
        top_b = tuple(sorted((n for n, r in rb.items() if r <= top), key=lambda n: (rb[n], n)))
        moves = [
            RankMove(n, ra.get(n), rb.get(n), va.get(n), vb.get(n))
            for n in dict.fromkeys([*top_a, *top_b])
            if ra.get(n) != rb.get(n)
        ]
        if moves:
            moves.sort(key=lambda m: (min(r for r in (m.rank_a, m.rank_b) if r is not None), m.node))
            out.append(RankMoves(name, top_a, top_b, tuple(moves)))
    return out


def diff(
    a: LinkChart | Findings,
    b: LinkChart | Findings,
    *,
    top: int = 10,
    measures: Sequence[str] | None = None,
    registry: Registry = MEASURES,
) -> Diff:
    """What changed from chart ``a`` to chart ``b``; empty (falsy) for a chart and itself.

    Nodes are matched by id; edges by their ends (in either order for an undirected
    relation), relation, time and source (:func:`edge_identity`), so that a tie a second
    source now reports is an edge added, and a quote or confidence level revised is an
    edge changed. For each default measure of ``registry`` (the per-node measures the
    report shows that apply to both charts), the nodes of either chart's top ``top``
    ranks whose rank moved.

    Parameters
    ----------
    a, b
        The charts, before and after, or the findings of an analysis of either
        (:func:`linkchart.analyze`): the ranks compare the scores they hold, and only the
        measures they lack are run (a page of ``b`` and its diff run each measure once).
    top
        How many top ranks to compare, at least 1 (default 10).
    measures
        The per-node measures to compare (names in ``registry``); ``None`` for the
        default ones, ``()`` for none.
    registry
        Where the measures are looked up (default :data:`~linkchart.MEASURES`).

    Returns
    -------
    Diff
        Falsy when nothing changed.

    Raises
    ------
    LinkchartError
        For something that is not a chart, or ``top`` below 1.
    UnknownNameError
        For a measure ``registry`` lacks.

    Notes
    -----
    Ranks are competition ranks ("1224"; equal values to 12 digits share one), the most
    of the measure first (the lowest for constraint). The measures run with their registry
    reading, as the report runs them; their cost is that of computing each measure twice.
    Edge ids play no part in the matching: files without ids number their edges in order.

    Examples
    --------
    >>> import linkchart
    >>> a = linkchart.from_records([{"id": x, "type": "person"} for x in "abc"],
    ...     [{"from": "a", "relation": "knows", "to": "b", "confidence": "alleged"},
    ...      {"from": "b", "relation": "knows", "to": "c"}])
    >>> bool(diff(a, a))
    False
    >>> b = linkchart.from_records([{"id": x, "type": "person"} for x in "abcd"],
    ...     [{"from": "a", "relation": "knows", "to": "b", "confidence": "confirmed"},
    ...      {"from": "b", "relation": "knows", "to": "c"}, {"from": "c", "relation": "knows", "to": "d"}])
    >>> d = diff(a, b, measures=["degree"])
    >>> d.nodes_added, d.edges_added, [(c.field, c.a, c.b) for c in d.edges_changed[0].changes]
    (('d',), ('e2',), [('confidence', 'alleged', 'confirmed'), ('probability', 0.5, 0.95)])
    >>> [(m.node, m.rank_a, m.rank_b) for m in d.ranks[0].moves]
    [('c', 2, 1), ('a', 2, 3), ('d', None, 3)]
    """
    found_a, found_b = (x if isinstance(x, Findings) else None for x in (a, b))
    a, b = (x.chart if isinstance(x, Findings) else x for x in (a, b))
    for c in (a, b):
        if not isinstance(c, LinkChart):
            raise LinkchartError(f"diff compares charts, not {type(c).__name__}")
    top = check_count("top", top, 1)
    if measures is None:
        names: Sequence[str] = tuple(
            n
            for n in registry.names(returns="node", in_report=True)
            if registry[n].applies_to(a) and registry[n].applies_to(b)
        )
    else:
        names = tuple(measures)
        for n in names:
            registry[n]
    ra, rb = a.to_records(), b.to_records()
    nodes = _node_diff(ra, rb)
    claims: dict[str, str] = {}
    edges = _edge_diff(a, b, _with_probability(a, ra[1]), _with_probability(b, rb[1]), claims)
    same = not any((*nodes, *edges)) and a.sources == b.sources and a.vocabulary == b.vocabulary
    empty = a.number_of_nodes == 0 or b.number_of_nodes == 0
    return Diff(
        *nodes,
        *edges,
        *source_diff(a, b),
        vocabulary_diff(a, b),
        () if same or empty else tuple(_rank_moves(found_a or a, found_b or b, names, top, registry)),
        top,
        claims,
    )
