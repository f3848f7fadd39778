"""Where sources contradict each other: the same pair of nodes called allies by one source and
enemies by another, one tie dated at times that cannot both hold, one entity given types of
different classes. Each contradiction is listed with the edges and sources on either side;
nothing is averaged away or settled (:func:`conflicts`).

A merge of charts (:func:`~linkchart.analysis.merge.merge`) reports the conflicts it meets
on the way (vocabularies, node fields, sources) as the same :class:`Conflict` values, and
keeps them in the merged chart (:attr:`~linkchart.LinkChart.noted_conflicts`, written by
every format as ``conflicts:``): :func:`conflicts` lists them with those it finds.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Final, overload

import numpy as np

from ..errors import LinkchartError
from ..model import Edge, LinkChart
from ..model.conflict import CONFLICT_KINDS, Conflict, ConflictKind
from ..model.decisions import Decision, Decisions
from ..times import NO_TIME, Span
from ..vocabulary import Vocabulary
from .duplicates import TYPE_CLASSES

__all__ = [
    "CONFLICT_KINDS",
    "Conflict",
    "ConflictKind",
    "Conflicts",
    "conflicts",
    "incompatible_types",
    "type_class",
]

_NO_SOURCE: Final = "(no source)"


class Conflicts(Sequence[Conflict]):
    """The conflicts of a chart, in :data:`CONFLICT_KINDS` order, then by subject."""

    __slots__ = ("_items", "title")

    def __init__(self, items: Iterable[Conflict], *, title: str = "") -> None:
        order = {k: i for i, k in enumerate(CONFLICT_KINDS)}
        self._items = tuple(sorted(items, key=lambda c: (order[c.kind], c.subject, c.edges, c.message)))
        self.title = title

    @overload
    def __getitem__(self, index: int) -> Conflict: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Conflict]: ...
    def __getitem__(self, index: int | slice) -> Conflict | Sequence[Conflict]:
        return self._items[index]

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[Conflict]:
        return iter(self._items)

    def __repr__(self) -> str:
        return f"<Conflicts: {self.counts() or 'none'}>"

    def counts(self) -> dict[str, int]:
        """How many of each kind, in :data:`CONFLICT_KINDS` order (kinds with none left out)."""
        out: dict[str, int] = {}
        for c in self._items:
            out[c.kind] = out.get(c.kind, 0) + 1
        return out

    def of(self, kind: ConflictKind) -> tuple[Conflict, ...]:
        """The conflicts of one kind."""
        return tuple(c for c in self._items if c.kind == kind)

    def text(self) -> str:
        """Every conflict, one a line, after a count."""
        if not self._items:
            return "no conflicts between sources\n"
        counts = ", ".join(f"{n} {k}" for k, n in self.counts().items())
        noun = "conflict" if len(self) == 1 else "conflicts"
        lines = [f"{len(self)} {noun} between sources ({counts})"]
        for c in self._items:
            lines.append(f"  {c.kind}: {c.message}")
            if c.edges:
                lines.append(f"      edges: {', '.join(c.edges)}")
        return "\n".join(lines) + "\n"

    def to_dict(self) -> dict[str, Any]:
        """``{counts, conflicts: [...]}``: every conflict as plain data (:meth:`Conflict.to_dict`)."""
        return {"counts": self.counts(), "conflicts": [c.to_dict() for c in self._items]}


def type_class(vocabulary: Vocabulary, type_name: str) -> str | None:
    """The class of a node type: the ``class:`` its file declares, else that of a default type
    (:data:`~linkchart.analysis.duplicates.TYPE_CLASSES`), else ``None``.

    Examples
    --------
    >>> type_class(Vocabulary(), "state"), type_class(Vocabulary(), "weapon")
    ('organisation', None)
    """
    for t in vocabulary.node_types:
        if t.name == type_name and t.node_class is not None:
            return t.node_class
    return TYPE_CLASSES.get(type_name.casefold())


def incompatible_types(vocabulary: Vocabulary, a: str, b: str) -> bool:
    """Whether node types ``a`` and ``b`` are of two different known classes."""
    ka, kb = type_class(vocabulary, a), type_class(vocabulary, b)
    return a.casefold() != b.casefold() and ka is not None and kb is not None and ka != kb


def _overlap(a: Span | None, b: Span | None) -> bool:
    """Whether two times may hold at once (an undated tie may hold at any time)."""
    if a is None or b is None:
        return True
    lo = -(2**62)
    hi = 2**62
    a0, a1 = (lo if a.start == NO_TIME else a.start), (hi if a.end == NO_TIME else a.end)
    b0, b1 = (lo if b.start == NO_TIME else b.start), (hi if b.end == NO_TIME else b.end)
    return a0 <= b1 and b0 <= a1


def _pair_groups(chart: LinkChart) -> list[list[int]]:
    """The rows of the edges joining each unordered pair of nodes, loops left out, in chart
    order (one edge alone is a group too: its evidence items may come from several sources)."""
    e = chart.edges
    lo = np.minimum(e.src, e.dst).astype(np.int64)
    hi = np.maximum(e.src, e.dst).astype(np.int64)
    key = lo * max(1, chart.number_of_nodes) + hi
    keep = lo != hi
    rows = np.flatnonzero(keep)
    order = rows[np.argsort(key[rows], kind="stable")]
    if not len(order):
        return []
    cuts = np.flatnonzero(np.diff(key[order])) + 1
    return [sorted(group.tolist()) for group in np.split(order, cuts)]


@dataclass(frozen=True, slots=True)
class _Claim:
    """What one source says of a tie: an edge as one source tells it (the source and time of
    one of its evidence items, each defaulting to the edge's own)."""

    edge: Edge
    source: str | None
    time: Span | None

    @property
    def side(self) -> str:
        return self.source if self.source is not None else _NO_SOURCE

    @property
    def told(self) -> str:
        return f"{self.source or 'no source'}{', ' + self.time.text if self.time else ''}"


def _claims(edge: Edge) -> list[_Claim]:
    """The claims of an edge: one per source and time its evidence items give (an edge
    without items: its own source and time)."""
    if not edge.evidence_items:
        return [_Claim(edge, edge.source, edge.time)]
    said = {
        (
            it.source if it.source is not None else edge.source,
            it.time if it.time is not None else edge.time,
        ): None
        for it in edge.evidence_items
    }
    return [_Claim(edge, source, time) for source, time in said]


def _edge_conflict(kind: ConflictKind, pair: str, said: str, on: list[_Claim], values: list[str]) -> Conflict:
    """A conflict between the claims ``on`` (in chart order) about one pair of nodes."""
    edges = list(dict.fromkeys(x.edge.id for x in on))
    first = on[0].edge
    return Conflict(
        kind,
        pair,
        f"{pair}: {said}",
        tuple(edges),
        tuple(dict.fromkeys(x.source for x in on)),
        (first.from_id, first.to_id),
        tuple(values),
    )


def _told(on: list[_Claim], what: Callable[[Edge], str]) -> str:
    """Each edge of ``on`` with the sources (and times) it is told by: ``allied_with (icg; press, 2001)``."""
    by_edge: dict[str, list[_Claim]] = {}
    for x in on:
        by_edge.setdefault(x.edge.id, []).append(x)
    return "; ".join(f"{what(xs[0].edge)} ({'; '.join(x.told for x in xs)})" for xs in by_edge.values())


def _involved(claims: list[_Claim], clash: list[tuple[_Claim, _Claim]]) -> list[_Claim]:
    """The claims on a side of some clash, in chart order."""
    ids = {id(x) for pair in clash for x in pair}
    return [x for x in claims if id(x) in ids]


def _sign_conflict(chart: LinkChart, pair: str, claims: list[_Claim]) -> Conflict | None:
    signs = {r.name: r.sign for r in chart.vocabulary.relations}
    friendly = [x for x in claims if signs[x.edge.relation] == "positive"]
    hostile = [x for x in claims if signs[x.edge.relation] == "negative"]
    clash = [(f, h) for f in friendly for h in hostile if f.side != h.side and _overlap(f.time, h.time)]
    if not clash:
        return None
    on = _involved(claims, clash)
    told = _told(on, lambda e: e.relation)
    edges = {x.edge.id: x.edge for x in on}.values()
    values = [f"{e.relation}: {signs[e.relation]}" for e in edges]
    return _edge_conflict("sign", pair, f"friendly by one source, hostile by another: {told}", on, values)


def _time_conflicts(pair: str, claims: list[_Claim]) -> list[Conflict]:
    out = []
    by_relation: dict[str, list[_Claim]] = {}
    for x in claims:
        if x.time is not None:
            by_relation.setdefault(x.edge.relation, []).append(x)
    for relation, dated in by_relation.items():
        clash = [
            (f, g)
            for i, f in enumerate(dated)
            for g in dated[i + 1 :]
            if f.side != g.side and not _overlap(f.time, g.time)
        ]
        if not clash:
            continue
        on = _involved(dated, clash)
        told = "; ".join(f"{x.time.text if x.time else ''} ({x.source or 'no source'})" for x in on)
        said = f"{relation} dated by two sources at times that do not overlap: {told}"
        out.append(_edge_conflict("time", pair, said, on, [x.time.text if x.time else "" for x in on]))
    return out


def _type_conflicts(chart: LinkChart, decisions: Decisions) -> list[Conflict]:
    out = []
    for group in decisions.groups:
        present = [n for n in group if n in chart]
        types = {n: chart.node_type_of(n) for n in present}
        clash = [
            (a, b)
            for i, a in enumerate(present)
            for b in present[i + 1 :]
            if incompatible_types(chart.vocabulary, types[a], types[b])
        ]
        if clash:
            named = ", ".join(f"{n} ({types[n]})" for n in present)
            out.append(
                Conflict(
                    "type",
                    present[0],
                    f"judged one entity, of types of different classes: {named}",
                    nodes=tuple(present),
                    values=tuple(types[n] for n in present),
                )
            )
    return out


def conflicts(chart: LinkChart, *, decisions: Decisions | Iterable[Decision] | None = None) -> Conflicts:
    """Where the chart's sources contradict each other, each contradiction listed with its edges
    and sources; nothing is averaged away or settled.

    - ``sign``: a pair of nodes tied by a positive relation (cooperation) by one source and
      a negative (hostile) one by another, at times that may overlap (an undated tie may
      hold at any time). An alliance that turned hostile, each side dated, is no conflict.
    - ``time``: one tie (a pair and a relation) dated by two sources at times that do not
      overlap. It may be two episodes rather than a contradiction: listed for the analyst.
    - ``type``: nodes that ``decisions`` judge one entity (``same_as``) whose types are of
      different classes (a person and a state; see :func:`type_class`).
    - The conflicts the chart keeps (:attr:`~linkchart.LinkChart.noted_conflicts`): those a
      merge met (``type``, ``node``, ``vocabulary``, ``source``), after a write and a load too.

    Each edge is read as what each of its sources says: an edge written with an evidence
    list is one claim per source (and time) of its items, each item's ``source`` and
    ``time`` defaulting to the edge's own; an edge without one is its own source's claim.
    Two claims of one source never conflict (a source may tell how a tie changed); claims
    without a source are the analyst's own, one more side. ``sources`` and the ``time``
    conflict's ``values`` are those of the claims on either side.

    Parameters
    ----------
    chart
        The chart.
    decisions
        Recorded ``same_as`` decisions (:class:`~linkchart.model.decisions.Decisions`)
        whose groups are checked for types; ``None`` for none.

    Returns
    -------
    Conflicts
        The conflicts, sign first, then time, then type; empty when none.

    Raises
    ------
    LinkchartError
        For something that is not a chart.

    Notes
    -----
    Edges are grouped by their unordered pair of ends (direction and relation aside for
    ``sign``); the cost is linear in the edges plus quadratic in the edges of one pair.

    Examples
    --------
    >>> import linkchart
    >>> from linkchart import Relation, Vocabulary
    >>> v = Vocabulary(relations=(Relation("allied_with", directed=False),
    ...     Relation("fights", directed=False, sign="negative")))
    >>> c = linkchart.from_records([{"id": x, "type": "organisation"} for x in ("IMU", "Taliban")],
    ...     [{"from": "IMU", "relation": "allied_with", "to": "Taliban", "source": "icg"},
    ...      {"from": "IMU", "relation": "fights", "to": "Taliban", "source": "press"}],
    ...     v, sources=[{"id": "icg"}, {"id": "press"}])
    >>> found = conflicts(c)
    >>> [(x.kind, x.edges, x.sources) for x in found]
    [('sign', ('e0', 'e1'), ('icg', 'press'))]
    """
    if not isinstance(chart, LinkChart):
        raise LinkchartError(f"conflicts reads a chart, not {type(chart).__name__}")
    settled = decisions if isinstance(decisions, Decisions) else Decisions(decisions or ())
    found: list[Conflict] = []
    for rows in _pair_groups(chart):
        edges = [chart.edge_at(k) for k in rows]
        claims = [x for e in edges for x in _claims(e)]
        if len({x.side for x in claims}) < 2:
            continue
        pair = f"{edges[0].from_id} -- {edges[0].to_id}"
        sign = _sign_conflict(chart, pair, claims)
        if sign is not None:
            found.append(sign)
        found.extend(_time_conflicts(pair, claims))
    found.extend(_type_conflicts(chart, settled))
    found.extend(c for c in chart.noted_conflicts if c not in found)
    return Conflicts(found, title=chart.title)
