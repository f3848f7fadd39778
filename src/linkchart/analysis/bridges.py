"""Single points of failure: bridges (ties) and articulation points (nodes).

A *bridge* is a tie whose removal disconnects its two ends; an *articulation point*
(cut vertex) is a node whose removal disconnects some of its neighbours from the
others. Both come with what they separate, so an analyst sees not only *that* a tie
or a place matters but *which* actors fall apart without it.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple, TypeVar, overload

import numpy as np
import numpy.typing as npt

from ..model import LinkChart
from ._blockcut import CutArrays, articulation_dfs, articulation_networkx, cut_arrays, search
from ._measure import measure
from .projection import Projection, _relation_mask, project
from .reading import read_relations
from .types import Engine, Layers, Relations, SignReading

__all__ = [
    "ArticulationPoint",
    "ArticulationPoints",
    "Bridge",
    "Bridges",
    "articulation_points",
    "bridge_count",
    "bridges",
]


Sides = tuple[frozenset[str], frozenset[str]]


@dataclass(frozen=True, slots=True, eq=False)
class Bridge:
    """A tie whose removal disconnects its two ends.

    Attributes
    ----------
    from_id, to_id
        The two ends, in chart order.
    edge_ids
        The chart edges that make the tie (every report of it, of the counted
        relations, in either direction), in row order; ``chart.edge(id).evidence``
        gives each one's evidence.
    sizes
        How many nodes are on the side of ``from_id`` and on the side of ``to_id``.

    Notes
    -----
    The node sets of the two sides (:attr:`separated`) are made when asked for, from a
    compact form (DFS intervals of the bridge tree) that every bridge of one call
    shares: finding all bridges stays linear, whatever their number.
    """

    from_id: str
    to_id: str
    edge_ids: tuple[str, ...]
    sizes: tuple[int, int]
    _sides: Callable[[], Sides] = field(repr=False)

    @classmethod
    def of(cls, from_id: str, to_id: str, edge_ids: tuple[str, ...], separated: Sides) -> Bridge:
        """A bridge with its sides given as sets (a hand-made value, as in a test).

        Examples
        --------
        >>> b = Bridge.of("c", "d", ("e3",), (frozenset("abc"), frozenset("de")))
        >>> b.sizes, b.cut_off
        ((3, 2), 2)
        """
        return cls(from_id, to_id, edge_ids, (len(separated[0]), len(separated[1])), lambda: separated)

    @property
    def separated(self) -> Sides:
        """The node sets of the two sides once the tie is cut: ``from_id``'s, then ``to_id``'s."""
        return self._sides()

    @property
    def cut_off(self) -> int:
        """Size of the smaller side: how many nodes the tie alone holds to the rest."""
        return min(self.sizes)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Bridge):
            return NotImplemented
        return (self.from_id, self.to_id, self.edge_ids, self.sizes) == (
            other.from_id,
            other.to_id,
            other.edge_ids,
            other.sizes,
        ) and self.separated == other.separated

    __hash__ = None  # type: ignore[assignment]


@dataclass(frozen=True, slots=True, eq=False)
class ArticulationPoint:
    """A node whose removal breaks its component apart.

    Attributes
    ----------
    node_id
        The node.
    sizes
        The sizes of the pieces its removal leaves, largest first (the order of
        :attr:`components`).

    Notes
    -----
    :attr:`components` are made when asked for, from the compact form shared by the
    call (DFS intervals of the block-cut tree), as for :class:`Bridge`.
    """

    node_id: str
    sizes: tuple[int, ...]
    _pieces: Callable[[], tuple[frozenset[str], ...]] = field(repr=False)

    @classmethod
    def of(cls, node_id: str, components: tuple[frozenset[str], ...]) -> ArticulationPoint:
        """An articulation point with its pieces given as sets, largest first."""
        return cls(node_id, tuple(len(c) for c in components), lambda: components)

    @property
    def components(self) -> tuple[frozenset[str], ...]:
        """The pieces its removal leaves of the component it was in (it is in none of
        them), largest first, ties broken by their smallest node in chart order."""
        return self._pieces()

    @property
    def cut_off(self) -> int:
        """How many nodes end up outside the largest remaining piece."""
        return sum(self.sizes[1:])

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ArticulationPoint):
            return NotImplemented
        return (self.node_id, self.sizes) == (
            other.node_id,
            other.sizes,
        ) and self.components == other.components

    __hash__ = None  # type: ignore[assignment]


# --------------------------------------------------------------------------- helpers
def bridge_count(ties: int, edges: int) -> str:
    """How many bridges there are, as the report and the page say it: bridging ties (pairs of
    nodes, what :func:`bridges` returns) and the edges between those pairs (what a chart draws).

    Examples
    --------
    >>> bridge_count(44, 84), bridge_count(1, 1)
    ('44 bridging ties (84 edges)', '1 bridging tie (1 edge)')
    """
    return f"{ties} bridging tie{'s' if ties != 1 else ''} ({edges} edge{'s' if edges != 1 else ''})"


def _named_sides(
    chart: LinkChart, make: Callable[[], tuple[frozenset[int], frozenset[int]]], flip: bool
) -> Callable[[], Sides]:
    def sides() -> Sides:
        a, b = make()
        if flip:
            a, b = b, a
        return (_ids(chart, a), _ids(chart, b))

    return sides


def _ordered(
    chart: LinkChart, make: Callable[[], list[frozenset[int]]]
) -> Callable[[], tuple[frozenset[str], ...]]:
    def pieces() -> tuple[frozenset[str], ...]:
        ordered = sorted(make(), key=lambda c: (-len(c), min(c)))
        return tuple(_ids(chart, c) for c in ordered)

    return pieces


def _ids(chart: LinkChart, positions: Iterable[int]) -> frozenset[str]:
    ids = chart.node_ids
    return frozenset(ids[int(i)] for i in positions)


Rows = npt.NDArray[np.int64]


def _edge_rows(chart: LinkChart, relations: list[str] | None) -> tuple[Rows, Rows]:
    """Undirected pair keys of the counted edges, sorted, and their rows."""
    e = chart.edges
    rows = np.flatnonzero(_relation_mask(chart, relations)).astype(np.int64)
    n = max(chart.number_of_nodes, 1)
    a, b = e.src[rows].astype(np.int64), e.dst[rows].astype(np.int64)
    keys = np.minimum(a, b) * n + np.maximum(a, b)
    order = np.argsort(keys, kind="stable")
    return keys[order], rows[order]


# --------------------------------------------------------------------------- bridges
class _Found(NamedTuple):
    """The bridges of one projection as arrays: tie ``k`` joins ``u[k]`` and ``v[k]``; cut, it
    leaves ``size_u[k]`` nodes on ``u``'s side and ``size_v[k]`` on ``v``'s; ``sides(k)`` makes
    the two node sets (positions), when asked for."""

    u: Rows
    v: Rows
    size_u: Rows
    size_v: Rows
    sides: Callable[[int], tuple[frozenset[int], frozenset[int]]]


def _bridges_igraph(p: Projection) -> _Found:
    """One linear pass: igraph's bridges, then the sizes of their sides from one search.

    A bridge lies on every spanning tree, and cutting it cuts the tree in the same two
    parts: the side away from the root is the subtree of the bridge's lower end. So the
    depth-first forest the articulation points use (:func:`~._blockcut.search`) gives
    every side's size; the node sets of a side are found only for the bridges whose sets
    are read.
    """
    g = p.to_igraph()
    found = np.asarray(g.bridges(), dtype=np.int64)
    if not len(found):
        empty = np.zeros(0, dtype=np.int64)
        return _Found(empty, empty, empty, empty, _no_sides)
    u, v = p.src[found].astype(np.int64), p.dst[found].astype(np.int64)
    forest = search(p.n, p.src.astype(np.int64), p.dst.astype(np.int64))
    v_below = forest.parent[v] == u
    below = np.where(v_below, forest.size[v], forest.size[u])
    other = forest.component_size[forest.component[u]] - below
    size_u = np.where(v_below, other, below)
    size_v = np.where(v_below, below, other)

    def sides(k: int) -> tuple[frozenset[int], frozenset[int]]:
        cut = g.copy()
        cut.delete_edges([int(found[k])])
        side_u = frozenset(cut.subcomponent(int(u[k])))
        side_v = frozenset(cut.subcomponent(int(v[k])))
        return side_u, side_v

    return _Found(u, v, size_u, size_v, sides)


def _no_sides(k: int) -> tuple[frozenset[int], frozenset[int]]:  # pragma: no cover - no bridge to ask
    raise IndexError(k)


def _bridges_networkx(p: Projection) -> _Found:
    import networkx as nx

    g = p.to_networkx()
    found: list[tuple[int, int, frozenset[int], frozenset[int]]] = []
    for u, v in nx.bridges(g):
        h = g.copy()
        h.remove_edge(u, v)
        found.append(
            (u, v, frozenset(nx.node_connected_component(h, u)), frozenset(nx.node_connected_component(h, v)))
        )
    ints = functools.partial(np.asarray, dtype=np.int64)
    return _Found(
        ints([f[0] for f in found]),
        ints([f[1] for f in found]),
        ints([len(f[2]) for f in found]),
        ints([len(f[3]) for f in found]),
        lambda k: (found[k][2], found[k][3]),
    )


_T = TypeVar("_T")


def _most_first(cut_off: Rows, key: Rows, keys: int) -> Rows:
    """The order of items by ``cut_off`` (descending), then by ``key`` (ascending, distinct,
    below ``keys``): one sort of one combined key where it fits in 64 bits (a third of
    the three-key :func:`numpy.lexsort`'s time), else the lexicographic sort.

    >>> _most_first(np.array([1, 3, 3]), np.array([0, 5, 2]), 6).tolist()
    [2, 1, 0]
    """
    if not len(key):
        return np.zeros(0, dtype=np.int64)
    top = int(cut_off.max())
    if (top - int(cut_off.min()) + 1) * keys < 2**62:
        return np.argsort((top - cut_off) * keys + key)
    return np.lexsort((key, -cut_off))


class _Made(Sequence[_T]):
    """A sequence whose items are made as they are read, in the order ``_order`` of the
    found items; equal to any sequence of the same items."""

    _order: Rows

    def _make(self, k: int) -> _T:
        raise NotImplementedError

    def __len__(self) -> int:
        return len(self._order)

    @overload
    def __getitem__(self, index: int) -> _T: ...

    @overload
    def __getitem__(self, index: slice) -> list[_T]: ...

    def __getitem__(self, index: int | slice) -> _T | list[_T]:
        if isinstance(index, slice):
            return [self._make(int(k)) for k in self._order[index]]
        return self._make(int(self._order[index]))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence) or isinstance(other, str):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"<{len(self)} {type(self).__name__.lower()}>"


class Bridges(_Made[Bridge]):
    """The bridges of one call, most consequential first: a sequence of :class:`Bridge`.

    Held as arrays and made into :class:`Bridge` values one at a time as they are read
    (``found[:10]`` makes ten), so finding every bridge of a large graph costs about what
    igraph's own search does; :attr:`edge_count` counts the chart edges of all of them
    without making any. Equal to any sequence of the same bridges (a list, as in a test).
    """

    def __init__(self, chart: LinkChart, found: _Found, relations: list[str] | None) -> None:
        self._chart = chart
        n = max(chart.number_of_nodes, 1)
        flip = found.u > found.v
        self._u = np.where(flip, found.v, found.u)
        self._v = np.where(flip, found.u, found.v)
        self._sizes = np.column_stack(
            [np.where(flip, found.size_v, found.size_u), np.where(flip, found.size_u, found.size_v)]
        )
        self._flip = flip
        self._sides = found.sides
        self._relations = relations
        self._pair = self._u * n + self._v
        self._order = _most_first(np.minimum(found.size_u, found.size_v), self._pair, n * n)

    @functools.cached_property
    def _edges(self) -> tuple[Rows, Rows, Rows]:
        """The counted chart edges' rows, sorted by pair, and where each bridge's lie in them."""
        keys, rows = _edge_rows(self._chart, self._relations)
        return (
            rows,
            np.searchsorted(keys, self._pair, side="left"),
            np.searchsorted(keys, self._pair, side="right"),
        )

    @property
    def edge_count(self) -> int:
        """How many chart edges the bridges hold (every report of each), as :func:`bridge_count` says."""
        _, lo, hi = self._edges
        return int(np.sum(hi - lo))

    def _make(self, k: int) -> Bridge:
        chart = self._chart
        ids = chart.node_ids
        rows, lo, hi = self._edges
        rows = np.sort(rows[lo[k] : hi[k]])
        edge_ids = tuple(chart.edges.id_of(int(r)) for r in rows)
        make = functools.partial(self._sides, k)
        size_a, size_b = (int(x) for x in self._sizes[k])
        sides = _named_sides(chart, make, bool(self._flip[k]))
        return Bridge(ids[int(self._u[k])], ids[int(self._v[k])], edge_ids, (size_a, size_b), sides)


@measure(
    returns="edge",
    higher_is_more=True,
    meaning="ties whose removal disconnects (undirected reading)",
    cost="linear",
    weight="topological",
    undirected=True,
    in_report=True,
    options={"directed": False},
)
def bridges(
    chart: LinkChart,
    *,
    engine: Engine = "igraph",
    relations: Relations = None,
    layers: Layers = None,
    signs: SignReading | None = None,
    weight: None = None,
    directed: bool | None = None,
) -> Bridges:
    """The ties whose removal would disconnect their two ends, with what each separates.

    Parameters
    ----------
    chart
        The chart; it is not changed.
    %(engine)s
    %(reading)s
    weight
        Only ``None``: bridges are topological.
    directed
        ``None`` or ``False``: the undirected reading, always (see Notes; ``True`` is
        refused).

    Returns
    -------
    Bridges
        A sequence of :class:`Bridge`, most consequential first: by the size of the
        smaller side (descending), then by the ends' positions in the chart; each made
        when it is read. Empty for a chart without ties.

    Raises
    ------
    UnknownNameError
        For an unknown engine or relation.

    Notes
    -----
    *Undirected reading, always.* Whether information or money can still flow the
    other way round does not make a cut tie less cut: a bridge is defined on the
    undirected reading of the counted relations (``directed=False`` is forced).

    *Multigraph handling.* Parallel edges make one tie: a relationship reported by
    three sources, or by two relations, is still a single point of failure, because
    what fails is the relationship, not the report. ``edge_ids`` lists every report.

    *Weight semantics.* None: bridges are topological.

    *Complexity.* :math:`O(n + m)`: igraph's bridge search (Tarjan's chain
    decomposition), then one depth-first search for the sizes of every bridge's sides;
    a bridge's node sets (:attr:`Bridge.separated`) cost :math:`O(n + m)` each, only when
    asked for.

    References
    ----------
    .. [1] Tarjan, R. E. (1974). A note on finding the bridges of a graph.
       *Information Processing Letters* 2(6), 160-161.
       https://doi.org/10.1016/0020-0190(74)90003-9
    .. [2] Granovetter, M. S. (1973). The strength of weak ties. *American Journal of
       Sociology* 78(6), 1360-1380. https://doi.org/10.1086/225469

    Examples
    --------
    Two triangles joined by the tie c - d, reported twice:

    >>> import linkchart
    >>> edges = [("a", "b"), ("b", "c"), ("c", "a"), ("c", "d"), ("d", "c"),
    ...          ("d", "e"), ("e", "f"), ("f", "d")]
    >>> chart = linkchart.from_records(
    ...     [{"id": x, "type": "person"} for x in "abcdef"],
    ...     [{"from": a, "relation": "knows", "to": b} for a, b in edges],
    ... )
    >>> [b] = bridges(chart)
    >>> b.from_id, b.to_id, b.edge_ids
    ('c', 'd', ('e3', 'e4'))
    >>> [sorted(side) for side in b.separated]
    [['a', 'b', 'c'], ['d', 'e', 'f']]
    """
    rels = read_relations(chart, relations, layers, signs)
    p = project(chart, relations=rels, directed=False)
    return Bridges(chart, _bridges_igraph(p) if engine == "igraph" else _bridges_networkx(p), rels)


# --------------------------------------------------------------------------- articulation points
class ArticulationPoints(_Made[ArticulationPoint]):
    """The articulation points of one call, most consequential first: a sequence of
    :class:`ArticulationPoint`, each made when it is read (as :class:`Bridges`)."""

    def __init__(self, chart: LinkChart, found: CutArrays) -> None:
        self._chart = chart
        self._found = found
        starts = found.start[:-1]
        if len(found.vertex):
            cut_off = np.add.reduceat(found.sizes, starts) - np.maximum.reduceat(found.sizes, starts)
        else:
            cut_off = np.zeros(0, dtype=np.int64)
        self._order = _most_first(cut_off, found.vertex, max(chart.number_of_nodes, 1))

    def _make(self, k: int) -> ArticulationPoint:
        f = self._found
        sizes = tuple(sorted((int(x) for x in f.sizes[f.start[k] : f.start[k + 1]]), reverse=True))
        pieces = _ordered(self._chart, functools.partial(f.pieces, k))
        return ArticulationPoint(self._chart.node_ids[int(f.vertex[k])], sizes, pieces)


@measure(
    returns="structure",
    higher_is_more=True,
    meaning="nodes whose removal splits the network (undirected reading)",
    cost="linear",
    weight="topological",
    undirected=True,
    in_report=True,
    options={"directed": False},
)
def articulation_points(
    chart: LinkChart,
    *,
    engine: Engine = "igraph",
    relations: Relations = None,
    layers: Layers = None,
    signs: SignReading | None = None,
    weight: None = None,
    directed: bool | None = None,
) -> ArticulationPoints:
    """The nodes whose removal breaks their component apart, with the pieces left.

    Parameters
    ----------
    chart
        The chart; it is not changed.
    %(engine)s
    %(reading)s
    weight
        Only ``None``: articulation points are topological.
    %(undirected)s

    Returns
    -------
    ArticulationPoints
        A sequence of :class:`ArticulationPoint`, each made when it is read; most
        consequential first: by the number of nodes cut off from the largest
        remaining piece (descending), then by position in the chart. Each point's
        ``components`` are only the pieces of *its* component (the ones that were
        connected through it). Empty for a chart without ties.

    Raises
    ------
    UnknownNameError
        For an unknown engine or relation.

    Notes
    -----
    *Undirected reading, always* (``directed=False`` is forced), as for
    :func:`bridges`. *Multigraph handling.* Parallel edges make one tie; they cannot
    make or unmake a cut vertex. *Weight semantics.* None. *Complexity.*
    :math:`O(n + m)`: one depth-first search with Hopcroft-Tarjan low points gives every
    cut vertex and the sizes of its pieces (each a subtree of the search); their node
    sets are made only when asked for.

    References
    ----------
    .. [1] Hopcroft, J., & Tarjan, R. (1973). Algorithm 447: efficient algorithms for
       graph manipulation. *Communications of the ACM* 16(6), 372-378.
       https://doi.org/10.1145/362248.362272

    Examples
    --------
    A path a - b - c - d, and e hanging off c:

    >>> import linkchart
    >>> chart = linkchart.from_records(
    ...     [{"id": x, "type": "region"} for x in "abcde"],
    ...     [{"from": a, "relation": "borders", "to": b}
    ...      for a, b in [("a", "b"), ("b", "c"), ("c", "d"), ("c", "e")]],
    ... )
    >>> [(p.node_id, [sorted(c) for c in p.components]) for p in articulation_points(chart)]
    [('c', [['a', 'b'], ['d'], ['e']]), ('b', [['c', 'd', 'e'], ['a']])]
    """
    rels = read_relations(chart, relations, layers, signs)
    p = project(chart, relations=rels, directed=False)
    found = articulation_dfs(p) if engine == "igraph" else cut_arrays(articulation_networkx(p))
    return ArticulationPoints(chart, found)
