"""The frozen typed multigraph: :class:`LinkChart`.

Nodes and edges live in a :class:`~.tables.NodeTable` and an :class:`~.tables.EdgeTable`;
the chart hands them out as values (:class:`~.records.Node`, :class:`~.records.Edge`) keyed
by id. Views (:meth:`LinkChart.filter` and its shorthands) select rows (:mod:`.views`) and
return new charts that share the vocabulary; conversions to other libraries are
:mod:`.convert`'s. Nothing here ever changes once built.
"""

# long: one immutable class, the chart: its fields, sizes, lookups and views, each a short delegation
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, TypeVar, cast

import numpy as np
import numpy.typing as npt

from ..errors import LinkchartError, UnknownNameError
from ..times import Span, TieTimes, Undated, check_undated, tie_times
from ..vocabulary import Vocabulary
from . import convert, views
from .conflict import Conflict
from .decisions import Decisions
from .records import Edge, Node, Source
from .support import Support, support_of
from .tables import Alternatives, EdgeTable, NodeTable

if TYPE_CHECKING:
    import igraph
    import networkx

__all__ = ["LinkChart"]

T = TypeVar("T")


class LinkChart:
    """An immutable typed multigraph of actors, places and events, with evidence on every tie.

    Build one with :func:`linkchart.load` (a YAML file) or :func:`linkchart.from_records`.
    Every view (:meth:`filter`, :meth:`of_types`, :meth:`with_relations`,
    :meth:`min_confidence`, :meth:`as_of`, :meth:`subgraph`) returns a new chart.

    ``path`` is the file the chart was loaded from (``None`` for records) and ``files``
    every file it was read from: that file, its CSV tables and its sources' local texts.
    Writers never write over one of them (:mod:`linkchart.files`). ``decisions`` are the
    ``not_same_as`` decisions it was loaded with, which a merge honours (not compared by ``==``);
    ``noted_conflicts`` the conflicts its nodes and edges cannot show (those a merge met:
    a node given two types, a relation declared two ways), kept so that
    :func:`linkchart.conflicts` lists them after a write and a load (not compared by ``==``).

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
        "decisions",
        "derived_from",
        "description",
        "edges",
        "files",
        "nodes",
        "noted_conflicts",
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
    decisions: Decisions
    noted_conflicts: tuple[Conflict, ...]
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
        decisions: Decisions | None = None,
        noted_conflicts: Sequence[Conflict] = (),
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
        object.__setattr__(self, "decisions", decisions if decisions is not None else Decisions())
        object.__setattr__(self, "noted_conflicts", tuple(noted_conflicts))
        object.__setattr__(self, "_cache", {})

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"LinkChart is immutable; cannot set {name!r}")

    def __getstate__(self) -> dict[str, Any]:
        """What a pickle keeps: every field but the store of derived data (made again on demand)."""
        return {name: getattr(self, name) for name in self.__slots__ if name != "_cache"}

    def __setstate__(self, state: dict[str, Any]) -> None:
        for name, value in state.items():
            object.__setattr__(self, name, value)
        object.__setattr__(self, "_cache", {})

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

    def support(self) -> Support:
        """What each edge rests on: one row per (edge, source), with the probability that
        source gives it (:func:`~.support.support_of`; made once per chart).

        Examples
        --------
        >>> import linkchart
        >>> c = linkchart.from_records([{"id": x, "type": "person"} for x in "ab"],
        ...     [{"from": "a", "relation": "knows", "to": "b", "source": None,
        ...       "evidence": [{"quote": "a met b", "confidence": "alleged"},
        ...                    {"quote": "b knew a", "confidence": "reported"}]}])
        >>> c.support().probability.tolist(), c.edge_at(0).probability   # one source: the maximum
        ([0.75], 0.75)
        """
        return self.memoized("support", lambda: support_of(self.edges, self.sources, self.vocabulary))

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
        return self.nodes.record(i, self.vocabulary)

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
        return self.edges.record(k, self.nodes.ids, self.vocabulary, self.sources)

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
    def _view(
        self,
        node_rows: npt.NDArray[np.intp] | None,
        edge_mask: npt.NDArray[np.bool_],
        *,
        keep_claims: bool = False,
    ) -> LinkChart:
        """The chart of ``node_rows`` (``None``: every node) and the edges of ``edge_mask``
        between them.

        With ``keep_claims`` (every public view) each either-or claim keeps its size, so an
        alternative left alone is still one of its claim's; without (a Monte Carlo draw,
        which keeps at most one alternative of a claim: the one that holds) a claim is what
        is left of it, and one alternative left reads as a plain tie.
        """
        nodes, edges = views.take(self.nodes, self.edges, node_rows, edge_mask, decided=not keep_claims)
        return LinkChart(
            vocabulary=self.vocabulary,
            nodes=nodes,
            edges=edges,
            title=self.title,
            description=self.description,
            sources=self.sources,
            path=self.path,
            periods=self.periods,
            derived_from=self.derived_from,
            files=self.files,
            decisions=self.decisions,
            noted_conflicts=self.noted_conflicts,
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
        node_rows, mask = views.select(
            self.nodes,
            self.edges,
            self.vocabulary,
            node_types=node_types,
            relations=relations,
            min_confidence=min_confidence,
        )
        span = views.time_window(as_of, between, self.window)
        if span is not None:
            ties = self.tie_times(undated)
            node_rows, mask = views.in_time(
                self.nodes, self.edges, node_rows, mask, span, ties, keep_nodes=keep_nodes
            )
        return self._view(node_rows, mask, keep_claims=True)

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
        return self.memoized("source_times", lambda: views.source_times(self.sources, self.periods))

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
        return views.window(time, self.periods)

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
        radius = views.radius_of(radius)
        rows = views.ego_rows(self.edges, self.number_of_nodes, self.index_of(self.resolve(node)), radius)
        return self._view(rows, np.ones(self.number_of_edges, dtype=bool), keep_claims=True)

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
        return self._view(rows, np.ones(self.number_of_edges, dtype=bool), keep_claims=True)

    # ------------------------------------------------------------------ conversions
    def to_networkx(self) -> networkx.MultiDiGraph:
        """A new ``networkx.MultiDiGraph`` with every attribute (:func:`linkchart.model.convert.to_networkx`).

        Values stay Python values (aliases a list, as networkx expects); networkx's own
        file writers cannot store them, so write files with :func:`linkchart.export`
        (GraphML, GEXF, node-link JSON, Excel), which ``linkchart.load`` reads back."""
        return convert.to_networkx(self)

    def to_igraph(self, *, attributes: bool = True) -> igraph.Graph:
        """A new directed ``igraph.Graph`` (see :func:`linkchart.model.convert.to_igraph`)."""
        return convert.to_igraph(self, attributes=attributes)

    def to_records(self) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """Nodes and edges as records with the file's keys (:func:`linkchart.model.convert.to_records`)."""
        return convert.to_records(self)

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
