"""The frozen typed multigraph: :class:`LinkChart`, stored column by column.

Nodes and edges live in :class:`NodeTable` and :class:`EdgeTable`, read-only numpy
arrays of integer codes and numbers with text columns beside them, so that a chart of
a million edges costs a few arrays rather than a million Python objects. Views
(:meth:`LinkChart.filter` and its shorthands) select rows and return new charts that
share the vocabulary. Nothing here ever changes once built.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, TypeVar, cast

import numpy as np
import numpy.typing as npt

from .errors import LinkchartError, UnknownNameError
from .times import (
    DAY,
    NO_TIME,
    OPEN,
    Span,
    TieTimes,
    Undated,
    check_undated,
    dated,
    in_force,
    pack,
    tie_times,
)
from .vocabulary import Vocabulary

if TYPE_CHECKING:
    import igraph
    import networkx

__all__ = [
    "Alternatives",
    "Edge",
    "EdgeTable",
    "LinkChart",
    "Node",
    "NodeTable",
    "Note",
    "Source",
    "span_at",
]

T = TypeVar("T")

IntArray = npt.NDArray[np.int32]
FloatArray = npt.NDArray[np.float64]
ObjArray = npt.NDArray[np.object_]


def _frozen(array: npt.ArrayLike, dtype: npt.DTypeLike) -> Any:
    out = np.array(array, dtype=dtype, copy=True)
    out.flags.writeable = False
    return out


def _frozen_text(values: Iterable[Any]) -> ObjArray:
    items = list(values)
    out = np.empty(len(items), dtype=object)
    out[:] = items
    out.flags.writeable = False
    return out


def _take(array: Any, rows: npt.NDArray[np.intp]) -> Any:
    out = array[rows]
    out.flags.writeable = False
    return out


@dataclass(frozen=True, slots=True)
class Source:
    """A document that edges cite.

    ``location`` is a local path (resolved against the graph file's folder) or an
    address that linkchart records but never fetches.
    """

    id: str
    title: str = ""
    author: str = ""
    date: str = ""
    location: str = ""


@dataclass(frozen=True, slots=True)
class Note:
    """A note on a node or an edge: a scenario, a condition, a caveat — what the text says
    that is not a tie ("especially if the IMT follows the path of Al Qaeda ...").

    Attributes
    ----------
    text
        The note, in the analyst's words.
    source
        The id of the document it rests on, or ``None`` (the analyst's own note).
    quote
        The passage it rests on (checked against the source's local text on load, as an
        edge's evidence is), or ``""``.

    Examples
    --------
    >>> Note("a scenario").value, Note("a scenario", "smith", "if the IMT ...").value
    ('a scenario', {'text': 'a scenario', 'source': 'smith', 'quote': 'if the IMT ...'})
    """

    text: str
    source: str | None = None
    quote: str = ""

    @property
    def value(self) -> str | dict[str, str]:
        """The note as a file holds it: its text alone, or ``{text, source, quote}``."""
        if self.source is None and not self.quote:
            return self.text
        out = {"text": self.text}
        if self.source is not None:
            out["source"] = self.source
        if self.quote:
            out["quote"] = self.quote
        return out


@dataclass(frozen=True, slots=True)
class Node:
    """One node, as a value (made on request from the chart's columns).

    ``time`` is when the actor was active (founded, arrested, dissolved), or ``None``;
    ``notes`` are what the text says about it that is not a tie.
    """

    id: str
    type: str
    label: str
    aliases: tuple[str, ...] = ()
    attributes: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    time: Span | None = None
    notes: tuple[Note, ...] = ()


@dataclass(frozen=True, slots=True)
class Edge:
    """One edge, as a value (made on request from the chart's columns).

    ``from_id`` and ``to_id`` are the endpoints as written; ``source`` is the id of the
    cited document; ``time`` is when the tie held (``None`` when undated; its ``first``
    and ``last`` days are ``None`` where open); ``alternative`` names the either-or claim
    the edge is one alternative of (``None`` for a plain tie); ``notes`` are what the text
    says about the tie that is not a tie.
    """

    id: str
    from_id: str
    relation: str
    to_id: str
    directed: bool
    confidence: str
    probability: float
    weight: float
    evidence: str = ""
    source: str | None = None
    time: Span | None = None
    attributes: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    alternative: str | None = None
    notes: tuple[Note, ...] = ()


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
        attrs = {k: _frozen_text(v) for k, v in (attributes or {}).items()}
        n = len(ids)
        undated = np.full(n, NO_TIME, dtype=np.int32)
        return cls(
            _frozen_text(ids),
            _frozen(type_codes, np.int16),
            _frozen_text(labels),
            _frozen_text(aliases),
            MappingProxyType(attrs),
            _frozen(undated if time_from is None else time_from, np.int32),
            _frozen(undated if time_to is None else time_to, np.int32),
            _frozen(np.zeros(n) if time_precision is None else time_precision, np.uint8),
            MappingProxyType({k: tuple(v) for k, v in (notes or {}).items() if v}),
        )

    def __len__(self) -> int:
        return len(self.ids)

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
        by position; see :meth:`LinkChart.alternatives`.
    notes
        The notes of the edges that have some, keyed by position.
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
    ) -> EdgeTable:
        """Copy the given columns into a frozen table.

        Without ``time_precision`` every bounded end counts as written to the day;
        ``alternatives`` and ``notes`` are keyed by position, as ``explicit_ids``.
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
            _frozen_text(evidence),
            _frozen(pos, np.int64),
            MappingProxyType(dict(explicit_ids or {})),
            MappingProxyType({k: _frozen_text(v) for k, v in (attributes or {}).items()}),
            MappingProxyType(dict(alternatives or {})),
            MappingProxyType({k: tuple(v) for k, v in (notes or {}).items() if v}),
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

    def take(self, rows: npt.NDArray[np.intp], node_map: npt.NDArray[np.int32] | None = None) -> EdgeTable:
        """The rows ``rows``; ``node_map`` renumbers the endpoints (old index -> new)."""
        src = self.src[rows]
        dst = self.dst[rows]
        if node_map is not None:
            src, dst = node_map[src], node_map[dst]
        src.flags.writeable = False
        dst.flags.writeable = False
        pos = _take(self.position, rows)
        sparse = self.explicit_ids or self.alternatives or self.notes
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
        Per edge row, how many alternatives its claim has in this chart (1 for a plain tie).
    rank
        Per edge row, its place among its claim's alternatives (0, 1, ...; 0 for a plain tie).
    members
        Per claim, its edge rows, in row order.

    Notes
    -----
    A view (:meth:`LinkChart.filter` ...) keeps the alternatives that pass its tests: a claim
    is what remains of it in the view, and one left with a single alternative reads as a
    plain tie there.
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
        for rows_of in members:
            size[rows_of] = len(rows_of)
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


class LinkChart:
    """An immutable typed multigraph of actors, places and events, with evidence on every tie.

    Build one with :func:`linkchart.load` (a YAML file) or :func:`linkchart.from_records`.
    Every view (:meth:`filter`, :meth:`of_types`, :meth:`with_relations`,
    :meth:`min_confidence`, :meth:`as_of`, :meth:`subgraph`) returns a new chart.

    ``path`` is the file the chart was loaded from (``None`` for records) and ``files``
    every file it was read from: that file, its CSV tables and its sources' local texts.
    Writers never write over one of them (:mod:`linkchart.files`).

    Parallel edges are never merged: two reports of the same tie are two edges. Node
    *indices* (row numbers in :attr:`nodes`) are an implementation detail of a chart;
    everything public is keyed by node id.

    A chart computed from another (a one-mode projection, :func:`linkchart.one_mode`)
    records what it was made from in ``derived_from`` (``None`` for a chart read from a
    file or records); its views keep it.

    Examples
    --------
    >>> import linkchart
    >>> chart = linkchart.from_records(
    ...     [{"id": "A", "type": "organisation"}, {"id": "B", "type": "state"}],
    ...     [{"from": "B", "relation": "finances", "to": "A", "evidence": "B pays A."}],
    ... )
    >>> chart.number_of_nodes, chart.number_of_edges
    (2, 1)
    >>> chart.edge("e0").evidence
    'B pays A.'
    """

    __slots__ = (
        "_cache",
        "derived_from",
        "description",
        "edges",
        "files",
        "nodes",
        "path",
        "periods",
        "sources",
        "title",
        "vocabulary",
    )

    title: str
    description: str
    sources: tuple[Source, ...]
    vocabulary: Vocabulary
    nodes: NodeTable
    edges: EdgeTable
    path: str | None
    files: tuple[str, ...]
    periods: Mapping[str, Span]
    derived_from: Any
    _cache: dict[str, Any]

    def __init__(
        self,
        *,
        vocabulary: Vocabulary,
        nodes: NodeTable,
        edges: EdgeTable,
        title: str = "",
        description: str = "",
        sources: Sequence[Source] = (),
        path: str | None = None,
        periods: Mapping[str, Span] | None = None,
        derived_from: Any = None,
        files: Sequence[str] = (),
    ) -> None:
        object.__setattr__(self, "title", title)
        object.__setattr__(self, "description", description)
        object.__setattr__(self, "sources", tuple(sources))
        object.__setattr__(self, "vocabulary", vocabulary)
        object.__setattr__(self, "nodes", nodes)
        object.__setattr__(self, "edges", edges)
        object.__setattr__(self, "path", path)
        object.__setattr__(self, "files", tuple(files))
        object.__setattr__(self, "periods", MappingProxyType(dict(periods or {})))
        # what a computed chart was made from (a one-mode projection keeps its affiliation
        # chart here, so that rank_uncertainty can draw the affiliation ties); views keep it
        object.__setattr__(self, "derived_from", derived_from)
        object.__setattr__(self, "_cache", {})

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"LinkChart is immutable; cannot set {name!r}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"LinkChart is immutable; cannot delete {name!r}")

    # ------------------------------------------------------------------ sizes
    @property
    def number_of_nodes(self) -> int:
        """How many nodes."""
        return len(self.nodes)

    @property
    def number_of_edges(self) -> int:
        """How many edges (parallel edges counted one by one)."""
        return len(self.edges)

    def __len__(self) -> int:
        return len(self.nodes)

    def __contains__(self, node_id: object) -> bool:
        return node_id in self._index

    def __repr__(self) -> str:
        title = f" {self.title!r}" if self.title else ""
        return f"<LinkChart{title}: {self.number_of_nodes} nodes, {self.number_of_edges} edges>"

    # ------------------------------------------------------------------ ids
    @property
    def node_ids(self) -> tuple[str, ...]:
        """Node ids in index order."""
        cached = self._cache.get("node_ids")
        if cached is None:
            cached = self._cache["node_ids"] = tuple(self.nodes.ids.tolist())
        return cached

    @property
    def _index(self) -> dict[str, int]:
        cached = self._cache.get("index")
        if cached is None:
            cached = self._cache["index"] = {nid: i for i, nid in enumerate(self.node_ids)}
        return cached

    def index_of(self, node_id: str) -> int:
        """The row of ``node_id`` in :attr:`nodes` (for code that reads the columns)."""
        try:
            return self._index[node_id]
        except KeyError:
            raise UnknownNameError("node", node_id, self._names()) from None

    def _names(self) -> list[str]:
        names = list(self.node_ids)
        for a in self.nodes.aliases:
            names.extend(a)
        return names

    def resolve(self, name: str) -> str:
        """The id of the node whose id, label or alias is ``name`` (case-insensitive).

        Examples
        --------
        >>> import linkchart
        >>> c = linkchart.from_records([{"id": "IMT", "type": "organisation",
        ...     "aliases": ["IMU"]}], [])
        >>> c.resolve("imu")
        'IMT'
        """
        if name in self._index:
            return name
        owners = self.memoized("names", self._name_owners).get(name.casefold(), ())
        if len(owners) == 1:
            return owners[0]
        if owners:
            raise LinkchartError(
                f"{name!r} is the label of {len(owners)} nodes ({', '.join(owners)}); name one by its id",
                code="bad-argument",
            )
        raise UnknownNameError("node", name, self._names())

    def _name_owners(self) -> dict[str, tuple[str, ...]]:
        """Case-folded id, alias or label -> the ids of the nodes it names (ids and aliases first)."""
        owners: dict[str, tuple[str, ...]] = {}
        n = self.nodes
        for nid, aliases in zip(n.ids, n.aliases, strict=True):
            for a in (nid, *aliases):
                owners.setdefault(a.casefold(), (nid,))
        by_label: dict[str, list[str]] = {}
        for nid, label in zip(n.ids, n.labels, strict=True):
            by_label.setdefault(label.casefold(), []).append(nid)
        for key, ids in by_label.items():
            owners.setdefault(key, tuple(ids))
        return owners

    def memoized(self, key: str, make: Callable[[], T]) -> T:
        """The value stored under ``key``, made by ``make()`` the first time it is asked for.

        For data derived from a chart that never changes (projections, indexes): the
        chart is immutable, so what is made from it once stays right. A view is a new
        chart with a store of its own.
        """
        try:
            return cast(T, self._cache[key])
        except KeyError:
            value = self._cache[key] = make()
            return value

    def alternatives(self) -> Alternatives:
        """The either-or claims among the edges (:class:`Alternatives`; made once per chart).

        Examples
        --------
        >>> import linkchart
        >>> c = linkchart.from_records([{"id": x, "type": "organisation"} for x in ("IMT", "AQ", "TB")],
        ...     [{"from": "IMT", "relation": "operates_with", "to": o, "alternative": "units"}
        ...      for o in ("AQ", "TB")])
        >>> a = c.alternatives()
        >>> a.names, a.size.tolist(), a.share.tolist()
        (('units',), [2, 2], [0.5, 0.5])
        """
        return self.memoized("alternatives", lambda: Alternatives.of(self.edges))

    def _edge_index(self) -> dict[str, int]:
        cached = self._cache.get("edge_index")
        if cached is None:
            cached = self._cache["edge_index"] = {eid: k for k, eid in enumerate(self.edges.ids)}
        return cached

    # ------------------------------------------------------------------ values
    def node_type_of(self, node_id: str) -> str:
        """The type name of ``node_id``."""
        return self.vocabulary.node_types[int(self.nodes.type[self.index_of(node_id)])].name

    def node(self, node_id: str) -> Node:
        """The node ``node_id`` as a :class:`Node` value."""
        return self._node_at(self.index_of(node_id))

    def _node_at(self, i: int) -> Node:
        n = self.nodes
        attrs = {k: col[i] for k, col in n.attributes.items() if col[i] is not None}
        return Node(
            id=str(n.ids[i]),
            type=self.vocabulary.node_types[int(n.type[i])].name,
            label=str(n.labels[i]),
            aliases=tuple(n.aliases[i]),
            attributes=MappingProxyType(attrs),
            time=span_at(n.time_from, n.time_to, n.time_precision, i),
            notes=n.notes.get(str(n.ids[i]), ()),
        )

    def iter_nodes(self) -> Iterator[Node]:
        """Every node, in index order."""
        return (self._node_at(i) for i in range(self.number_of_nodes))

    def edge(self, edge_id: str) -> Edge:
        """The edge ``edge_id`` as an :class:`Edge` value."""
        try:
            k = self._edge_index()[edge_id]
        except KeyError:
            raise UnknownNameError("edge", edge_id, self._edge_index()) from None
        return self.edge_at(k)

    def edge_at(self, k: int) -> Edge:
        """Edge row ``k`` as an :class:`Edge` value."""
        e = self.edges
        rel = self.vocabulary.relations[int(e.relation[k])]
        src = int(e.source[k])
        attrs = {name: col[k] for name, col in e.attributes.items() if col[k] is not None}
        return Edge(
            id=e.id_of(k),
            from_id=str(self.nodes.ids[e.src[k]]),
            relation=rel.name,
            to_id=str(self.nodes.ids[e.dst[k]]),
            directed=rel.directed,
            confidence=self.vocabulary.confidence.levels[int(e.confidence[k])],
            probability=float(e.probability[k]),
            weight=float(e.weight[k]),
            evidence=str(e.evidence[k]),
            source=self.sources[src].id if src >= 0 else None,
            time=span_at(e.time_from, e.time_to, e.time_precision, k),
            attributes=MappingProxyType(attrs),
            alternative=e.alternatives.get(int(e.position[k])),
            notes=e.notes.get(int(e.position[k]), ()),
        )

    def iter_edges(self) -> Iterator[Edge]:
        """Every edge, in row order."""
        return (self.edge_at(k) for k in range(self.number_of_edges))

    def edges_between(self, a: str, b: str) -> list[Edge]:
        """Every edge joining ``a`` and ``b``, in either direction."""
        i, j = self.index_of(a), self.index_of(b)
        e = self.edges
        rows = np.flatnonzero(((e.src == i) & (e.dst == j)) | ((e.src == j) & (e.dst == i)))
        return [self.edge_at(int(k)) for k in rows]

    def edges_of(self, node_id: str) -> list[Edge]:
        """Every edge with ``node_id`` at either end."""
        i = self.index_of(node_id)
        rows = np.flatnonzero((self.edges.src == i) | (self.edges.dst == i))
        return [self.edge_at(int(k)) for k in rows]

    def neighbors(self, node_id: str) -> list[str]:
        """Ids of the nodes tied to ``node_id`` by any edge, in index order."""
        i = self.index_of(node_id)
        e = self.edges
        others = np.concatenate([e.dst[e.src == i], e.src[e.dst == i]])
        return [self.node_ids[k] for k in np.unique(others) if k != i]

    def nodes_of_type(self, node_type: str) -> tuple[str, ...]:
        """Ids of the nodes of type ``node_type``, in index order."""
        code = self.vocabulary.node_type_names.index(self.vocabulary.node_type(node_type).name)
        return tuple(self.nodes.ids[self.nodes.type == code].tolist())

    def source(self, source_id: str) -> Source:
        """The cited document ``source_id``."""
        for s in self.sources:
            if s.id == source_id:
                return s
        raise UnknownNameError("source", source_id, [s.id for s in self.sources])

    # ------------------------------------------------------------------ views
    def _view(self, node_rows: npt.NDArray[np.intp] | None, edge_mask: npt.NDArray[np.bool_]) -> LinkChart:
        edges = self.edges
        nodes = self.nodes
        node_map = None
        if node_rows is not None:
            node_map = np.full(self.number_of_nodes, -1, dtype=np.int32)
            node_map[node_rows] = np.arange(len(node_rows), dtype=np.int32)
            edge_mask = edge_mask & (node_map[edges.src] >= 0) & (node_map[edges.dst] >= 0)
            nodes = nodes.take(node_rows)
        rows = np.flatnonzero(edge_mask)
        return LinkChart(
            vocabulary=self.vocabulary,
            nodes=nodes,
            edges=edges.take(rows, node_map),
            title=self.title,
            description=self.description,
            sources=self.sources,
            path=self.path,
            periods=self.periods,
            derived_from=self.derived_from,
            files=self.files,
        )

    def filter(
        self,
        *,
        node_types: Iterable[str] | None = None,
        relations: Iterable[str] | None = None,
        min_confidence: str | float | None = None,
        as_of: Any = None,
        between: tuple[Any, Any] | None = None,
        undated: Undated | bool = "source",
        keep_nodes: bool = False,
    ) -> LinkChart:
        """A view keeping the nodes and edges that pass every given test.

        Parameters
        ----------
        node_types
            Keep only nodes of these types (and the edges between them).
        relations
            Keep only edges of these relations; every node stays.
        min_confidence
            Keep only edges at least this certain: a level name or a probability.
        as_of
            A time (a year, ``"1999-03"``, ``"1999-03-15"``, an interval, a
            :class:`datetime.date` or the name of one of the chart's :attr:`periods`):
            keep only the ties in force at some moment of it, and the actors active
            then (see :meth:`as_of`).
        between
            ``(t1, t2)``: as ``as_of`` for the time from the start of ``t1`` to the end of
            ``t2``.
        undated
            With a time: how a tie without a time of its own is read (:meth:`tie_times`):
            ``"source"`` (default), at its source's date and not at other times (held
            throughout when the source has no date); ``"always"``, held throughout (``True``,
            the reading of linkchart 0.2); ``"never"``, left out (``False``). Either way,
            such a tie is never in force outside the lifespan of one of its ends.
        keep_nodes
            With a time: keep every node, active or not (the view of linkchart 0.1).

        Raises
        ------
        UnknownNameError
            For a node type, relation, confidence level or period the chart lacks.
        LinkchartError
            For a time that is not one (the message says why, with the spellings).
        """
        vocab = self.vocabulary
        e = self.edges
        mask = np.ones(len(e), dtype=bool)
        node_rows = None
        if node_types is not None:
            codes = [vocab.node_type_names.index(vocab.node_type(t).name) for t in node_types]
            node_rows = np.flatnonzero(np.isin(self.nodes.type, codes))
        if relations is not None:
            rcodes = [vocab.relation_names.index(vocab.relation(r).name) for r in relations]
            mask &= np.isin(e.relation, rcodes)
        if min_confidence is not None:
            mask &= e.probability >= vocab.confidence.threshold(min_confidence) - 1e-12
        if as_of is not None and between is not None:
            raise LinkchartError("give as_of or between, not both", code="bad-argument")
        window = None
        if as_of is not None:
            window = self.window(as_of)
        elif between is not None:
            if not isinstance(between, tuple | list) or len(between) != 2:
                raise LinkchartError(f"between must be a pair of times, not {between!r}", code="bad-argument")
            window = self.window(between[0])[0], self.window(between[1])[1]
        if window is not None:
            first, last = window
            mask &= self.tie_times(undated).in_force(first, last)
            if not keep_nodes:
                n = self.nodes
                alive = dated(n.time_from, n.time_to) & in_force(n.time_from, n.time_to, first, last)
                if node_rows is not None:
                    inside = np.zeros(len(n), dtype=bool)
                    inside[node_rows] = True
                    mask &= inside[e.src] & inside[e.dst]
                    alive &= inside
                alive[e.src[mask]] = True
                alive[e.dst[mask]] = True
                node_rows = np.flatnonzero(alive)
        return self._view(node_rows, mask)

    def source_times(self) -> tuple[npt.NDArray[np.int32], npt.NDArray[np.int32]]:
        """The first and last day of each source's ``date`` (:data:`~linkchart.times.NO_TIME`
        where it has none, or one that is not a time: the loader warns of those).

        Examples
        --------
        >>> import linkchart, datetime
        >>> c = linkchart.from_records([{"id": "a", "type": "state"}], [],
        ...     sources=[{"id": "s", "date": "2005-03"}, {"id": "t", "date": "spring"}])
        >>> first, last = c.source_times()
        >>> datetime.date.fromordinal(int(last[0])).isoformat(), int(first[1]) == linkchart.times.NO_TIME
        ('2005-03-31', True)
        """

        def parse() -> tuple[npt.NDArray[np.int32], npt.NDArray[np.int32]]:
            from .loading.timegrammar import parse_time

            first = np.full(len(self.sources), NO_TIME, dtype=np.int32)
            last = first.copy()
            for i, source in enumerate(self.sources):
                span = parse_time(source.date, self.periods) if source.date.strip() else None
                if isinstance(span, Span):
                    first[i], last[i] = span.start, span.end
            first.flags.writeable = last.flags.writeable = False
            return first, last

        return self.memoized("source_times", parse)

    def tie_times(self, undated: Undated | bool = "source") -> TieTimes:
        """When each edge is in force in a time view (:meth:`as_of`, :meth:`between`), and how
        that is known (:class:`~linkchart.times.TieTimes`).

        ``undated`` says how a tie without a time of its own is read: ``"source"``
        (default), at the ``date`` of the source it cites, at the precision written, and
        unknown (not in force) at any other time, or throughout when its source has no
        date; ``"always"``, throughout; ``"never"``, in no time view. In the first two it
        is never in force outside the lifespan of either of its ends.

        Examples
        --------
        >>> import linkchart
        >>> c = linkchart.from_records(
        ...     [{"id": "imt", "type": "organisation", "time": "1998-"}, {"id": "tj", "type": "state"}],
        ...     [{"from": "imt", "relation": "hides_in", "to": "tj", "source": "s"},
        ...      {"from": "imt", "relation": "hides_in", "to": "tj", "time": 1997}],
        ...     sources=[{"id": "s", "date": "2004"}])
        >>> c.tie_times().dated.tolist(), c.as_of(2004).number_of_edges, c.as_of(1999).number_of_edges
        ([True, True], 1, 0)
        >>> c.as_of(1999, undated="always").number_of_edges, c.as_of(1997, undated="always").number_of_edges
        (1, 1)
        """
        mode = check_undated(undated)

        def make() -> TieTimes:
            e, n = self.edges, self.nodes
            first, last = self.source_times()
            return tie_times(
                e.time_from, e.time_to, e.source, first, last, (e.src, e.dst), n.time_from, n.time_to, mode
            )

        return self.memoized(f"tie_times {mode}", make)

    def window(self, time: Any) -> tuple[int, int]:
        """The first and last day of a time value (:meth:`filter`'s ``as_of``), open ends
        as the earliest and latest day there is.

        Examples
        --------
        >>> import linkchart, datetime
        >>> c = linkchart.from_records([{"id": "a", "type": "state"}], [])
        >>> [datetime.date.fromordinal(d).isoformat() for d in c.window("1999-02")]
        ['1999-02-01', '1999-02-28']
        """
        from .loading.timegrammar import TIME_HINT, parse_time

        if isinstance(time, Span):
            span: Span | str = time
        else:
            span = parse_time(time, self.periods)
        if isinstance(span, str):
            if isinstance(time, str) and self.periods and "/" not in time and not time[:1].isdigit():
                raise UnknownNameError("period", time, list(self.periods))
            raise LinkchartError(f"{span}; {TIME_HINT}", code="bad-argument")
        lo = span.start if span.start != NO_TIME else int(np.iinfo(np.int32).min) + 1
        hi = span.end if span.end != NO_TIME else int(np.iinfo(np.int32).max)
        return lo, hi

    def of_types(self, *node_types: str) -> LinkChart:
        """A view with only nodes of these types (and the edges among them)."""
        return self.filter(node_types=node_types)

    def with_relations(self, *relations: str) -> LinkChart:
        """A view with only edges of these relations; every node stays."""
        return self.filter(relations=relations)

    def min_confidence(self, minimum: str | float) -> LinkChart:
        """A view with only edges at least ``minimum`` certain (level name or probability)."""
        return self.filter(min_confidence=minimum)

    def ego(self, node: str, radius: int = 1) -> LinkChart:
        """A view of ``node`` and every node within ``radius`` ties of it, and the edges among them.

        ``node`` may be an id, label or alias (:meth:`resolve`). Ties count in either
        direction, whatever their relation, sign or layer: the view is what an analyst
        looks at around one actor; a measure on it still reads its default reading.

        Examples
        --------
        >>> import linkchart
        >>> c = linkchart.from_records([{"id": x, "type": "state"} for x in "abcd"],
        ...     [{"from": "a", "relation": "r", "to": "b"}, {"from": "c", "relation": "r", "to": "b"},
        ...      {"from": "c", "relation": "r", "to": "d"}])
        >>> c.ego("b").node_ids, c.ego("b", radius=2).number_of_nodes
        (('a', 'b', 'c'), 4)
        """
        if isinstance(radius, bool) or not isinstance(radius, int) or radius < 0:
            raise LinkchartError(
                f"radius must be a non-negative integer, not {radius!r}", code="bad-argument"
            )
        inside = np.zeros(self.number_of_nodes, dtype=bool)
        inside[self.index_of(self.resolve(node))] = True
        src, dst = self.edges.src, self.edges.dst
        for _ in range(radius):
            touching = inside[src] | inside[dst]
            grown = inside.copy()
            grown[src[touching]] = True
            grown[dst[touching]] = True
            if np.array_equal(grown, inside):
                break
            inside = grown
        return self._view(np.flatnonzero(inside), np.ones(self.number_of_edges, dtype=bool))

    def as_of(self, time: Any, *, undated: Undated | bool = "source", keep_nodes: bool = False) -> LinkChart:
        """A view of the ties in force at some moment of ``time`` and of the actors active then.

        ``time`` is a year, a month (``"1999-03"``), a day, an interval, a
        :class:`datetime.date` or a period name. An actor is active if its own
        lifespan (``time`` on the node) overlaps ``time`` or a tie in force touches
        it; an actor without a lifespan and without a tie in force is left out, so
        that measures normalised by the number of actors (closeness, normalised
        betweenness) are those of the network of the time. ``keep_nodes=True`` keeps
        every actor. A tie without a time of its own holds at its source's date
        (``undated="source"``, the default), throughout (``"always"``) or never
        (``"never"``), and never outside its ends' lifespans (:meth:`tie_times`).

        Examples
        --------
        >>> import linkchart
        >>> c = linkchart.from_records([{"id": x, "type": "person"} for x in "abc"],
        ...     [{"from": "a", "relation": "knows", "to": "b", "time": "1994-03/1994-04"},
        ...      {"from": "b", "relation": "knows", "to": "c", "time": "1995"}])
        >>> c.as_of("1994-04").node_ids, c.as_of(1994, keep_nodes=True).node_ids
        (('a', 'b'), ('a', 'b', 'c'))
        """
        return self.filter(as_of=time, undated=undated, keep_nodes=keep_nodes)

    def between(
        self, start: Any, end: Any, *, undated: Undated | bool = "source", keep_nodes: bool = False
    ) -> LinkChart:
        """A view of the ties in force at some moment from the start of ``start`` to the end of
        ``end``, and of the actors active then (as :meth:`as_of`).

        Examples
        --------
        >>> import linkchart
        >>> c = linkchart.from_records([{"id": x, "type": "person"} for x in "abc"],
        ...     [{"from": "a", "relation": "knows", "to": "b", "time": "1994-03"},
        ...      {"from": "b", "relation": "knows", "to": "c", "time": "1995-01-10"}])
        >>> c.between("1994-04", 1995).node_ids
        ('b', 'c')
        """
        return self.filter(between=(start, end), undated=undated, keep_nodes=keep_nodes)

    def subgraph(self, node_ids: Iterable[str]) -> LinkChart:
        """A view with only the given nodes (in index order) and the edges among them."""
        rows = np.unique(np.array([self.index_of(n) for n in node_ids], dtype=np.intp))
        return self._view(rows, np.ones(self.number_of_edges, dtype=bool))

    # ------------------------------------------------------------------ conversions
    def to_networkx(self) -> networkx.MultiDiGraph:
        """A new ``networkx.MultiDiGraph`` with every attribute (:func:`linkchart.convert.to_networkx`).

        Values stay Python values (aliases a list, as networkx expects); networkx's own
        file writers cannot store them, so write files with :func:`linkchart.export`
        (GraphML, GEXF, node-link JSON, Excel), which ``linkchart.load`` reads back."""
        from .convert import to_networkx

        return to_networkx(self)

    def to_igraph(self, *, attributes: bool = True) -> igraph.Graph:
        """A new directed ``igraph.Graph`` (see :func:`linkchart.convert.to_igraph`)."""
        from .convert import to_igraph

        return to_igraph(self, attributes=attributes)

    def to_records(self) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """Nodes and edges as records with the file's keys (see :func:`linkchart.convert.to_records`)."""
        from .convert import to_records

        return to_records(self)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, LinkChart):
            return NotImplemented
        return (
            self.title == other.title
            and self.description == other.description
            and self.sources == other.sources
            and self.vocabulary == other.vocabulary
            and dict(self.periods) == dict(other.periods)
            and self.to_records() == other.to_records()
        )

    __hash__ = None  # type: ignore[assignment]
