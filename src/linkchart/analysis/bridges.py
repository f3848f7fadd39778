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

import numpy as np
import numpy.typing as npt

from ..model import LinkChart
from ._measure import measure
from .projection import Projection, _relation_mask, project
from .reading import read_relations
from .types import Engine, Layers, Relations, SignReading

__all__ = ["ArticulationPoint", "Bridge", "articulation_points", "bridge_count", "bridges"]


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


def _preorder(
    count: int, adjacency: Sequence[Sequence[int]], roots: Iterable[int]
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """Entry time, exit time and parent of each node of a forest (iterative DFS)."""
    tin = np.full(count, -1, dtype=np.int64)
    tout = np.full(count, -1, dtype=np.int64)
    parent = np.full(count, -1, dtype=np.int64)
    clock = 0
    for root in roots:
        if tin[root] >= 0:
            continue
        tin[root] = clock
        clock += 1
        stack = [(root, iter(adjacency[root]))]
        while stack:
            node, children = stack[-1]
            for child in children:
                if tin[child] < 0:
                    parent[child] = node
                    tin[child] = clock
                    clock += 1
                    stack.append((child, iter(adjacency[child])))
                    break
            else:
                tout[node] = clock
                stack.pop()
    return tin, tout, parent


class _Subtrees:
    """Vertices grouped by the preorder time of the tree node that owns them."""

    def __init__(self, owner_tin: npt.NDArray[np.int64]) -> None:
        self.order = np.argsort(owner_tin, kind="stable")
        self.sorted = owner_tin[self.order]

    def vertices(self, start: int, stop: int) -> npt.NDArray[np.int64]:
        lo, hi = np.searchsorted(self.sorted, [start, stop])
        return np.asarray(self.order[lo:hi], dtype=np.int64)

    def count(self, start: int, stop: int) -> int:
        """How many vertices the subtree [start, stop) owns, in O(log n)."""
        lo, hi = np.searchsorted(self.sorted, [start, stop])
        return int(hi - lo)


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
Found = tuple[int, int, tuple[int, int], Callable[[], tuple[frozenset[int], frozenset[int]]]]


def _pair(a: frozenset[int], b: frozenset[int]) -> tuple[frozenset[int], frozenset[int]]:
    return (a, b)


def _bridges_igraph(p: Projection) -> list[Found]:
    import igraph as ig

    g = ig.Graph(n=p.n, edges=np.column_stack([p.src, p.dst]), directed=False)
    found = g.bridges()
    if not found:
        return []
    component = np.asarray(g.connected_components().membership, dtype=np.int64)
    component_size = np.bincount(component)
    rest = g.copy()
    rest.delete_edges(found)
    block = np.asarray(rest.connected_components().membership, dtype=np.int64)
    count = int(block.max()) + 1
    adjacency: list[list[int]] = [[] for _ in range(count)]
    for k in found:
        a, b = int(block[p.src[k]]), int(block[p.dst[k]])
        adjacency[a].append(b)
        adjacency[b].append(a)
    tin, tout, parent = _preorder(count, adjacency, range(count))
    subtrees = _Subtrees(tin[block])

    def sides(child: int, c: int, below_is_u: bool) -> Callable[[], tuple[frozenset[int], frozenset[int]]]:
        def make() -> tuple[frozenset[int], frozenset[int]]:
            below = subtrees.vertices(int(tin[child]), int(tout[child]))
            members = np.flatnonzero(component == c)
            above = np.setdiff1d(members, below, assume_unique=True)
            a, b = frozenset(below.tolist()), frozenset(above.tolist())
            return (a, b) if below_is_u else (b, a)

        return make

    out: list[Found] = []
    for k in found:
        u, v = int(p.src[k]), int(p.dst[k])
        bu, bv = int(block[u]), int(block[v])
        child = bv if parent[bv] == bu else bu
        c = int(component[u])
        below = subtrees.count(int(tin[child]), int(tout[child]))
        above = int(component_size[c]) - below
        below_is_u = child == bu
        sizes = (below, above) if below_is_u else (above, below)
        out.append((u, v, sizes, sides(child, c, below_is_u)))
    return out


def _bridges_networkx(p: Projection) -> list[Found]:
    import networkx as nx

    g = p.to_networkx()
    out: list[Found] = []
    for u, v in nx.bridges(g):
        h = g.copy()
        h.remove_edge(u, v)
        side_u = frozenset(nx.node_connected_component(h, u))
        side_v = frozenset(nx.node_connected_component(h, v))
        out.append((u, v, (len(side_u), len(side_v)), functools.partial(_pair, side_u, side_v)))
    return out


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
) -> list[Bridge]:
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
    list of Bridge
        Most consequential first: by the size of the smaller side (descending), then by
        the ends' positions in the chart. Empty for a chart without ties.

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

    *Complexity.* :math:`O(n + m)` (Tarjan's chain decomposition, then one DFS of the
    bridge tree): each bridge's side sizes in :math:`O(\\log n)`; its node sets
    (:attr:`Bridge.separated`) only when asked for.

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
    found = _bridges_igraph(p) if engine == "igraph" else _bridges_networkx(p)
    keys, rows = _edge_rows(chart, rels)
    n = max(chart.number_of_nodes, 1)
    ids = chart.node_ids
    out = []
    for u, v, sizes, make in found:
        flip = u > v
        if flip:
            u, v, sizes = v, u, (sizes[1], sizes[0])
        lo, hi = np.searchsorted(keys, [u * n + v, u * n + v + 1])
        edge_ids = tuple(chart.edges.id_of(int(r)) for r in np.sort(rows[lo:hi]))
        out.append(Bridge(ids[u], ids[v], edge_ids, sizes, _named_sides(chart, make, flip)))
    index = chart.index_of
    out.sort(key=lambda b: (-b.cut_off, index(b.from_id), index(b.to_id)))
    return out


# --------------------------------------------------------------------------- articulation points
Cut = tuple[int, list[int], Callable[[], list[frozenset[int]]]]


def _articulation_igraph(p: Projection) -> list[Cut]:
    import igraph as ig

    g = ig.Graph(n=p.n, edges=np.column_stack([p.src, p.dst]), directed=False)
    blocks, cuts = g.biconnected_components(return_articulation_points=True)
    if not cuts:
        return []
    # the block-cut tree: blocks 0..B-1, cut vertex number i is tree node B + i
    count_blocks = len(blocks)
    cut_node = {v: count_blocks + i for i, v in enumerate(cuts)}
    adjacency: list[list[int]] = [[] for _ in range(count_blocks + len(cuts))]
    owner_block = np.full(p.n, -1, dtype=np.int64)
    for b, members in enumerate(blocks):
        for v in members:
            t = cut_node.get(v)
            if t is None:
                owner_block[v] = b
            else:
                adjacency[b].append(t)
                adjacency[t].append(b)
    tin, tout, parent = _preorder(len(adjacency), adjacency, range(count_blocks))
    for v, t in cut_node.items():
        owner_block[v] = parent[t]  # rooted at blocks, every cut vertex has a parent block
    owner_tin = np.where(owner_block >= 0, tin[np.maximum(owner_block, 0)], -1)
    subtrees = _Subtrees(owner_tin)
    component = np.asarray(g.connected_components().membership, dtype=np.int64)
    component_size = np.bincount(component)

    def pieces_of(v: int, children: list[int]) -> Callable[[], list[frozenset[int]]]:
        def make() -> list[frozenset[int]]:
            pieces = [subtrees.vertices(int(tin[b]), int(tout[b])) for b in children]
            taken = np.concatenate([*pieces, np.array([v], dtype=np.int64)])
            rest = np.setdiff1d(np.flatnonzero(component == component[v]), taken)
            return [frozenset(x.tolist()) for x in (*pieces, rest)]

        return make

    out: list[Cut] = []
    for v, t in cut_node.items():
        children = [b for b in adjacency[t] if parent[b] == t]
        sizes = [subtrees.count(int(tin[b]), int(tout[b])) for b in children]
        sizes.append(int(component_size[component[v]]) - sum(sizes) - 1)
        out.append((v, sizes, pieces_of(v, children)))
    return out


def _articulation_networkx(p: Projection) -> list[Cut]:
    import networkx as nx

    g = p.to_networkx()
    out: list[Cut] = []
    for v in nx.articulation_points(g):
        h = g.copy()
        h.remove_node(v)
        pieces = list({frozenset(nx.node_connected_component(h, w)) for w in g[v]})
        out.append((v, [len(x) for x in pieces], functools.partial(list, pieces)))
    return out


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
) -> list[ArticulationPoint]:
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
    list of ArticulationPoint
        Most consequential first: by the number of nodes cut off from the largest
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
    :math:`O(n + m)` (Hopcroft-Tarjan biconnected components and the block-cut tree);
    the pieces' sizes in :math:`O(\\log n)` each, their node sets only when asked for.

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
    found = _articulation_igraph(p) if engine == "igraph" else _articulation_networkx(p)
    out = []
    for v, sizes, make in found:
        out.append(
            ArticulationPoint(chart.node_ids[v], tuple(sorted(sizes, reverse=True)), _ordered(chart, make))
        )
    index = chart.index_of
    out.sort(key=lambda a: (-a.cut_off, index(a.node_id)))
    return out
