"""A chart's nodes and edges, column by column: :class:`NodeTable`, :class:`EdgeTable`, and
the either-or claims among the edges (:class:`Alternatives`).

Read-only numpy arrays of integer codes and numbers with text columns beside them, so that a
chart of a million edges costs a few arrays rather than a million Python objects. A table
never changes once built; :meth:`NodeTable.take` and :meth:`EdgeTable.take` give the rows
a view keeps.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

import numpy as np
import numpy.typing as npt

from ..times import DAY, NO_TIME, OPEN, Span, pack
from ..vocabulary import Vocabulary
from .records import Edge, Evidence, Node, Note, Source

__all__ = ["Alternatives", "EdgeTable", "NodeTable", "frozen_text", "span_at"]

IntArray = npt.NDArray[np.int32]
FloatArray = npt.NDArray[np.float64]
ObjArray = npt.NDArray[np.object_]


def _frozen(array: npt.ArrayLike, dtype: npt.DTypeLike) -> Any:
    out = np.array(array, dtype=dtype, copy=True)
    out.flags.writeable = False
    return out


def frozen_text(values: Iterable[Any]) -> ObjArray:
    """A read-only object array of ``values`` (text, tuples: kept as they are)."""
    items = list(values)
    out = np.empty(len(items), dtype=object)
    out[:] = items
    out.flags.writeable = False
    return out


def _take(array: Any, rows: npt.NDArray[np.intp]) -> Any:
    out = array[rows]
    out.flags.writeable = False
    return out


def _no_entries() -> Mapping[Any, Any]:
    return MappingProxyType({})


@dataclass(frozen=True, slots=True, eq=False)
class NodeTable:
    """The nodes of a chart, column by column; row ``i`` is node index ``i``.

    Attributes
    ----------
    ids
        Node ids (object array of ``str``).
    type
        Node-type codes (``int16``) into ``Vocabulary.node_types``.
    labels
        Display labels (object array of ``str``).
    aliases
        Object array of ``tuple[str, ...]``.
    attributes
        Free attributes, ``name -> object array`` with ``None`` where a node lacks it.
    time_from, time_to, time_precision
        When the actor was active, as for :class:`EdgeTable` (all :data:`NO_TIME`:
        no lifespan written).
    notes
        The notes of the nodes that have some, keyed by node id.
    """

    ids: ObjArray
    type: npt.NDArray[np.int16]
    labels: ObjArray
    aliases: ObjArray
    attributes: Mapping[str, ObjArray]
    time_from: IntArray
    time_to: IntArray
    time_precision: npt.NDArray[np.uint8]
    notes: Mapping[str, tuple[Note, ...]] = field(default_factory=_no_entries)

    @classmethod
    def build(
        cls,
        ids: Sequence[str],
        type_codes: npt.ArrayLike,
        labels: Sequence[str],
        aliases: Sequence[tuple[str, ...]],
        attributes: Mapping[str, Sequence[Any]] | None = None,
        *,
        time_from: npt.ArrayLike | None = None,
        time_to: npt.ArrayLike | None = None,
        time_precision: npt.ArrayLike | None = None,
        notes: Mapping[str, tuple[Note, ...]] | None = None,
    ) -> NodeTable:
        """Copy the given columns into a frozen table (no lifespans or notes unless given)."""
        attrs = {k: frozen_text(v) for k, v in (attributes or {}).items()}
        n = len(ids)
        undated = np.full(n, NO_TIME, dtype=np.int32)
        return cls(
            frozen_text(ids),
            _frozen(type_codes, np.int16),
            frozen_text(labels),
            frozen_text(aliases),
            MappingProxyType(attrs),
            _frozen(undated if time_from is None else time_from, np.int32),
            _frozen(undated if time_to is None else time_to, np.int32),
            _frozen(np.zeros(n) if time_precision is None else time_precision, np.uint8),
            MappingProxyType({k: tuple(v) for k, v in (notes or {}).items() if v}),
        )

    def __len__(self) -> int:
        return len(self.ids)

    def record(self, i: int, vocabulary: Vocabulary) -> Node:
        """Row ``i`` as a :class:`~.records.Node` value."""
        attrs = {k: col[i] for k, col in self.attributes.items() if col[i] is not None}
        return Node(
            id=str(self.ids[i]),
            type=vocabulary.node_types[int(self.type[i])].name,
            label=str(self.labels[i]),
            aliases=tuple(self.aliases[i]),
            attributes=MappingProxyType(attrs),
            time=span_at(self.time_from, self.time_to, self.time_precision, i),
            notes=self.notes.get(str(self.ids[i]), ()),
        )

    def take(self, rows: npt.NDArray[np.intp]) -> NodeTable:
        """The rows ``rows``, in that order."""
        ids = _take(self.ids, rows)
        notes = self.notes
        if notes:
            kept = set(ids.tolist())
            notes = MappingProxyType({k: v for k, v in notes.items() if k in kept})
        return NodeTable(
            ids,
            _take(self.type, rows),
            _take(self.labels, rows),
            _take(self.aliases, rows),
            MappingProxyType({k: _take(v, rows) for k, v in self.attributes.items()}),
            _take(self.time_from, rows),
            _take(self.time_to, rows),
            _take(self.time_precision, rows),
            notes,
        )


@dataclass(frozen=True, slots=True, eq=False)
class EdgeTable:
    """The edges of a chart, column by column; row ``k`` is edge ``k``.

    Attributes
    ----------
    src, dst
        Node indices (``int32``) of the ``from`` and ``to`` ends.
    relation
        Relation codes (``int16``) into ``Vocabulary.relations``.
    confidence
        Confidence level codes (``int8``) into ``Vocabulary.confidence.levels``
        (0 = most certain).
    probability
        The confidence as a probability (``float64``).
    weight
        Edge weight (``float64``), positive.
    time_from, time_to
        The first and last day the tie held (``int32`` day numbers, see
        :mod:`linkchart.times`), :data:`~linkchart.times.NO_TIME` where open or undated.
    time_precision
        How each end was written (``uint8``, :func:`linkchart.times.pack` of the
        year/month/day codes), so that ``1999-03`` is shown as written.
    source
        Source codes (``int16``) into ``LinkChart.sources``; ``-1`` for none.
    evidence
        Evidence quotes (object array of ``str``; ``""`` for none).
    position
        The edge's position in the original file or records (``int64``); an edge's
        default id is ``e<position>``, stable across views.
    explicit_ids
        Ids that were written, keyed by position.
    attributes
        Free attributes, ``name -> object array`` with ``None`` where an edge lacks it.
    alternatives
        The either-or claim each alternative belongs to (its ``alternative`` name), keyed
        by position; see :meth:`~linkchart.LinkChart.alternatives`.
    notes
        The notes of the edges that have some, keyed by position.
    evidence_items
        The evidence items of the edges written with an evidence list, keyed by position
        (their :attr:`evidence` is the first item's quote).
    written_ends
        The ``from`` and ``to`` names as written of the edges a ``same_as`` decision moved
        onto a merged node (:mod:`linkchart.loading.decisions`), keyed by position.
    claim_sizes
        Each either-or claim's number of alternatives in the chart as built (loaded, or
        made from records), keyed by claim name: a view keeps it, so that an alternative
        left alone in a view is still one of its claim's alternatives (:class:`Alternatives`).
    """

    src: IntArray
    dst: IntArray
    relation: npt.NDArray[np.int16]
    confidence: npt.NDArray[np.int8]
    probability: FloatArray
    weight: FloatArray
    time_from: IntArray
    time_to: IntArray
    time_precision: npt.NDArray[np.uint8]
    source: npt.NDArray[np.int16]
    evidence: ObjArray
    position: npt.NDArray[np.int64]
    explicit_ids: Mapping[int, str]
    attributes: Mapping[str, ObjArray]
    alternatives: Mapping[int, str] = field(default_factory=_no_entries)
    notes: Mapping[int, tuple[Note, ...]] = field(default_factory=_no_entries)
    claim_sizes: Mapping[str, int] = field(default_factory=_no_entries)
    evidence_items: Mapping[int, tuple[Evidence, ...]] = field(default_factory=_no_entries)
    written_ends: Mapping[int, tuple[str, str]] = field(default_factory=_no_entries)

    @classmethod
    def build(
        cls,
        src: npt.ArrayLike,
        dst: npt.ArrayLike,
        relation: npt.ArrayLike,
        confidence: npt.ArrayLike,
        probability: npt.ArrayLike,
        weight: npt.ArrayLike,
        time_from: npt.ArrayLike,
        time_to: npt.ArrayLike,
        source: npt.ArrayLike,
        evidence: Sequence[str] | ObjArray,
        position: npt.ArrayLike | None = None,
        explicit_ids: Mapping[int, str] | None = None,
        attributes: Mapping[str, Sequence[Any]] | None = None,
        *,
        time_precision: npt.ArrayLike | None = None,
        alternatives: Mapping[int, str] | None = None,
        notes: Mapping[int, tuple[Note, ...]] | None = None,
        evidence_items: Mapping[int, tuple[Evidence, ...]] | None = None,
    ) -> EdgeTable:
        """Copy the given columns into a frozen table.

        Without ``time_precision`` every bounded end counts as written to the day;
        ``alternatives``, ``notes`` and ``evidence_items`` are keyed by position, as
        ``explicit_ids``. Each
        claim's size (:attr:`claim_sizes`) is counted here, from ``alternatives``.
        """
        src_a = _frozen(src, np.int32)
        pos = np.arange(len(src_a), dtype=np.int64) if position is None else position
        t0 = np.asarray(time_from, dtype=np.int32)
        t1 = np.asarray(time_to, dtype=np.int32)
        if time_precision is None:
            time_precision = np.where(t0 != NO_TIME, pack(DAY, OPEN), 0) + np.where(t1 != NO_TIME, DAY, 0)
        return cls(
            src_a,
            _frozen(dst, np.int32),
            _frozen(relation, np.int16),
            _frozen(confidence, np.int8),
            _frozen(probability, np.float64),
            _frozen(weight, np.float64),
            _frozen(t0, np.int32),
            _frozen(t1, np.int32),
            _frozen(time_precision, np.uint8),
            _frozen(source, np.int16),
            frozen_text(evidence),
            _frozen(pos, np.int64),
            MappingProxyType(dict(explicit_ids or {})),
            MappingProxyType({k: frozen_text(v) for k, v in (attributes or {}).items()}),
            MappingProxyType(dict(alternatives or {})),
            MappingProxyType({k: tuple(v) for k, v in (notes or {}).items() if v}),
            MappingProxyType(Counter((alternatives or {}).values())),
            MappingProxyType({k: tuple(v) for k, v in (evidence_items or {}).items() if v}),
        )

    def __len__(self) -> int:
        return len(self.src)

    def id_of(self, row: int) -> str:
        """The id of edge ``row``."""
        pos = int(self.position[row])
        return self.explicit_ids.get(pos, f"e{pos}")

    @property
    def ids(self) -> list[str]:
        """Every edge's id, in row order."""
        return [self.id_of(k) for k in range(len(self))]

    def record(self, k: int, node_ids: ObjArray, vocabulary: Vocabulary, sources: Sequence[Source]) -> Edge:
        """Row ``k`` as an :class:`~.records.Edge` value (``node_ids``: the ids of the node rows)."""
        rel = vocabulary.relations[int(self.relation[k])]
        src = int(self.source[k])
        attrs = {name: col[k] for name, col in self.attributes.items() if col[k] is not None}
        return Edge(
            id=self.id_of(k),
            from_id=str(node_ids[self.src[k]]),
            relation=rel.name,
            to_id=str(node_ids[self.dst[k]]),
            directed=rel.directed,
            confidence=vocabulary.confidence.levels[int(self.confidence[k])],
            probability=float(self.probability[k]),
            weight=float(self.weight[k]),
            evidence=str(self.evidence[k]),
            source=sources[src].id if src >= 0 else None,
            time=span_at(self.time_from, self.time_to, self.time_precision, k),
            attributes=MappingProxyType(attrs),
            alternative=self.alternatives.get(int(self.position[k])),
            notes=self.notes.get(int(self.position[k]), ()),
            evidence_items=self.evidence_items.get(int(self.position[k]), ()),
            written_ends=self.written_ends.get(int(self.position[k])),
        )

    def take(
        self,
        rows: npt.NDArray[np.intp],
        node_map: npt.NDArray[np.int32] | None = None,
        *,
        decided: bool = False,
    ) -> EdgeTable:
        """The rows ``rows``; ``node_map`` renumbers the endpoints (old index -> new).

        The claims keep their sizes (a view), unless ``decided``: then what is kept of a
        claim is what holds (a Monte Carlo draw keeps at most one alternative of each), and
        a claim left with one alternative reads as a plain tie.
        """
        src = self.src[rows]
        dst = self.dst[rows]
        if node_map is not None:
            src, dst = node_map[src], node_map[dst]
        src.flags.writeable = False
        dst.flags.writeable = False
        pos = _take(self.position, rows)
        sparse = (
            self.explicit_ids or self.alternatives or self.notes or self.evidence_items or self.written_ends
        )
        kept = set(pos.tolist()) if sparse else set()
        return EdgeTable(
            src,
            dst,
            _take(self.relation, rows),
            _take(self.confidence, rows),
            _take(self.probability, rows),
            _take(self.weight, rows),
            _take(self.time_from, rows),
            _take(self.time_to, rows),
            _take(self.time_precision, rows),
            _take(self.source, rows),
            _take(self.evidence, rows),
            pos,
            MappingProxyType({p: i for p, i in self.explicit_ids.items() if p in kept}),
            MappingProxyType({k: _take(v, rows) for k, v in self.attributes.items()}),
            MappingProxyType({p: a for p, a in self.alternatives.items() if p in kept}),
            MappingProxyType({p: x for p, x in self.notes.items() if p in kept}),
            _no_entries() if decided else self.claim_sizes,
            MappingProxyType({p: x for p, x in self.evidence_items.items() if p in kept}),
            MappingProxyType({p: x for p, x in self.written_ends.items() if p in kept}),
        )


@dataclass(frozen=True, slots=True, eq=False)
class Alternatives:
    """The either-or claims of a chart: edges that share an ``alternative`` name are one claim
    of which exactly one holds ("operating with Al Qaeda or Taliban units").

    Attributes
    ----------
    names
        The claims' names, in the order of their first edge.
    group
        Per edge row, the index of its claim in :attr:`names`, ``-1`` for a plain tie.
    size
        Per edge row, how many alternatives its claim has (1 for a plain tie): in the chart
        as built, which a view keeps (:attr:`EdgeTable.claim_sizes`).
    rank
        Per edge row, its place among its claim's alternatives (0, 1, ...; 0 for a plain tie).
    members
        Per claim, its edge rows, in row order.

    Notes
    -----
    A view (:meth:`~linkchart.LinkChart.filter` ...) keeps the alternatives that pass its
    tests, and each claim keeps its size: an alternative left alone in a view is still one
    of ``s`` alternatives, read at ``1/s`` of its value and ``p/s`` of its claim's
    probability, never as a plain tie. :attr:`members` and :attr:`rank` count the
    alternatives in the view.
    """

    names: tuple[str, ...]
    group: npt.NDArray[np.int64]
    size: npt.NDArray[np.int64]
    rank: npt.NDArray[np.int64]
    members: tuple[npt.NDArray[np.int64], ...]

    @classmethod
    def of(cls, edges: EdgeTable) -> Alternatives:
        """The claims of an edge table (from its ``alternatives``, keyed by position)."""
        m = len(edges)
        group = np.full(m, -1, dtype=np.int64)
        size = np.ones(m, dtype=np.int64)
        rank = np.zeros(m, dtype=np.int64)
        if not edges.alternatives:
            return cls((), group, size, rank, ())
        keys = np.fromiter(edges.alternatives.keys(), dtype=np.int64, count=len(edges.alternatives))
        order = np.argsort(edges.position, kind="stable")
        rows = order[np.searchsorted(edges.position[order], keys)]
        names: dict[str, int] = {}
        for row, name in sorted(zip(rows.tolist(), edges.alternatives.values(), strict=True)):
            group[row] = names.setdefault(name, len(names))
        members = tuple(np.flatnonzero(group == g).astype(np.int64) for g in range(len(names)))
        for name, rows_of in zip(names, members, strict=True):
            size[rows_of] = max(edges.claim_sizes.get(name, 0), len(rows_of))
            rank[rows_of] = np.arange(len(rows_of))
        for a in (group, size, rank, *members):
            a.flags.writeable = False
        return cls(tuple(names), group, size, rank, members)

    @property
    def share(self) -> npt.NDArray[np.float64]:
        """Per edge row, ``1 / size``: the part of its claim's weight an alternative carries."""
        return 1.0 / self.size


def span_at(time_from: IntArray, time_to: IntArray, precision: Any, k: int) -> Span | None:
    """Row ``k`` of three time columns as a :class:`~linkchart.times.Span` (``None`` if undated)."""
    a, b = int(time_from[k]), int(time_to[k])
    if a == NO_TIME and b == NO_TIME:
        return None
    return Span(a, b, int(precision[k]))
