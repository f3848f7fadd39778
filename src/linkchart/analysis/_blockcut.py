"""Articulation points and the sizes of the pieces they leave (private:
:func:`~linkchart.analysis.bridges.articulation_points` presents them).

Each engine gives, per cut vertex, its position, the sizes of the pieces its removal leaves
of its component, and a function that makes the pieces' vertex sets when they are read:
igraph's through one depth-first search (:func:`articulation_dfs`), networkx's by removing
each cut vertex in turn.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import NamedTuple

import numpy as np
import numpy.typing as npt

from .projection import Projection

__all__ = [
    "Cut",
    "CutArrays",
    "Forest",
    "articulation_dfs",
    "articulation_networkx",
    "cut_arrays",
    "search",
]

Rows = npt.NDArray[np.int64]


Cut = tuple[int, list[int], Callable[[], list[frozenset[int]]]]


def articulation_networkx(p: Projection) -> list[Cut]:
    import networkx as nx

    g = p.to_networkx()
    out: list[Cut] = []
    for v in nx.articulation_points(g):
        h = g.copy()
        h.remove_node(v)
        pieces = list({frozenset(nx.node_connected_component(h, w)) for w in g[v]})
        out.append((v, [len(x) for x in pieces], functools.partial(list, pieces)))
    return out


class CutArrays(NamedTuple):
    """Articulation points as arrays: cut vertex ``vertex[k]`` leaves pieces of the sizes
    ``sizes[start[k]:start[k + 1]]`` (``start`` has one more entry); ``pieces(k)`` makes
    their vertex sets when asked for."""

    vertex: Rows
    start: Rows
    sizes: Rows
    pieces: Callable[[int], list[frozenset[int]]]


def _subtree_ends(up: Rows) -> Rows:
    """Where each subtree of a forest in preorder ends (one past its last position), from
    each position's parent position ``up`` (``-1``: a root).

    A subtree's last vertex is its last child's last vertex, or itself for a leaf: the
    last-child pointers are followed by pointer doubling (``log2`` of the deepest depth
    rounds, each over the vertices still moving).

    >>> _subtree_ends(np.array([-1, 0, 1, 1, -1, 4])).tolist()  # a - b - (c, d); e - f
    [4, 4, 3, 4, 6, 6]
    """
    n = len(up)
    at = np.arange(n, dtype=up.dtype)
    far = at.copy()
    child = at[up >= 0]
    np.maximum.at(far, up[child], child)  # each vertex's last child (itself for a leaf)
    moving = np.flatnonzero(far != at)
    while len(moving):
        nxt = far[far[moving]]
        still = nxt != far[moving]
        far[moving] = nxt
        moving = moving[still]
    return far + 1


class _MinTable:
    """Least values over runs of an array (a sparse table: ``log2`` levels of minima over
    windows of ``2**k``, one row each), each query answered for a whole array of runs at
    once, with one gather."""

    def __init__(self, values: Rows) -> None:
        n = self.n = len(values)
        kind = np.int32 if n < 2**31 - 1 and (not n or int(values.max()) < 2**31 - 1) else np.int64
        depth = max(n, 1).bit_length()
        table = np.empty((depth, n), dtype=kind)
        table[0] = values
        width = 1
        for k in range(1, depth):
            filled = n - 2 * width + 1  # the windows of 2 * width that fit
            np.minimum(table[k - 1, :filled], table[k - 1, width : width + filled], out=table[k, :filled])
            width *= 2
        self.table = table

    def least(self, start: Rows, stop: Rows) -> Rows:
        """The least value over each run ``start[j] .. stop[j] - 1`` (runs not empty)."""
        length = stop - start
        k = np.frexp(length)[1].astype(np.int64) - 1  # floor(log2(length)), exactly
        row = k * self.n
        flat = self.table.ravel()
        least: Rows = np.minimum(flat[row + start], flat[row + stop - (1 << k)]).astype(np.int64)
        return least


#: The most arcs any vertex of the search graph has (:func:`_search_graph`).
FAN = 32


class Forest(NamedTuple):
    """A depth-first forest of a graph: its preorder ``order``, each vertex's position in
    it (``disc``), its parent (``-1``: a root), the size of its subtree (the run
    ``order[disc[v] : disc[v] + size[v]]``), its component (numbered in preorder) and each
    component's size."""

    order: Rows
    disc: Rows
    parent: Rows
    size: Rows
    component: Rows
    component_size: Rows


def _search_graph(n: int, a: Rows, b: Rows) -> tuple[object, Rows]:
    """The graph scipy's depth-first search walks, and the vertex each of its nodes stands for.

    scipy's search scans a vertex's arcs from the first again each time it comes back to it,
    so a vertex of ``d`` children costs ``d**2``: a hub, or one vertex above every
    component, would make the search quadratic. Here no node has more than ``FAN + 1``
    arcs: a vertex of more than ``FAN`` neighbours keeps one arc, to a chain of added
    nodes that hold ``FAN`` of its neighbours each. Searching from vertex ``n`` (added
    above every vertex, through its own chain) visits the vertices in the order of a
    depth-first search of the graph, one component after another: a vertex stays on the
    stack, through its chain, until all its neighbours are visited.
    """
    from scipy.sparse import csr_matrix

    tail = np.concatenate([a, b, np.full(n, n, dtype=np.int64)])
    head = np.concatenate([b, a, np.arange(n, dtype=np.int64)])
    degree = np.bincount(tail, minlength=n + 1)
    hubs = np.flatnonzero(degree > FAN)
    links = -(-degree[hubs] // FAN)  # how many chain nodes each hub has
    first = n + 1 + np.cumsum(links) - links  # the first chain node of each hub
    at = np.full(n + 1, -1, dtype=np.int64)
    at[hubs] = first
    # a hub's arc leaves from the chain node holding it: the arcs of each hub numbered in
    # any order, FAN to a node (the top vertex's are in order already: no sort for them)
    ties = len(tail) - n
    held = np.flatnonzero(at[tail[:ties]] >= 0)
    by = held[np.argsort(tail[held], kind="stable")]
    count = degree[hubs[hubs < n]]
    rank = np.arange(len(by)) - np.repeat(np.cumsum(count) - count, count)
    tail[by] = at[tail[by]] + rank // FAN
    if at[n] >= 0:
        tail[ties:] = at[n] + np.arange(n) // FAN
    chain = np.arange(int(links.sum()), dtype=np.int64) + n + 1
    owner = np.concatenate([np.arange(n + 1, dtype=np.int64), np.repeat(hubs, links)])
    ends = np.zeros(len(chain), dtype=bool)
    ends[np.cumsum(links) - 1] = True  # the last chain node of each hub
    step = chain[~ends]
    rows = np.concatenate([tail, hubs, step])
    cols = np.concatenate([head, first, step + 1])
    size = len(owner)
    graph = csr_matrix((np.ones(len(rows), dtype=np.int8), (rows, cols)), shape=(size, size))
    return graph, owner


def search(n: int, a: Rows, b: Rows) -> Forest:
    """One depth-first search of the graph of ``n`` vertices and the ties ``a[k] - b[k]``
    (scipy's, in C, on :func:`_search_graph`), linear in its size whatever its degrees, and
    the sizes of its subtrees (:func:`_subtree_ends`)."""
    from scipy.sparse.csgraph import depth_first_order

    graph, owner = _search_graph(n, a, b)
    found, pred = depth_first_order(graph, n, directed=True, return_predecessors=True)
    order = found[found < n].astype(np.int64)
    parent = np.full(n, -1, dtype=np.int64)
    parent[order] = owner[pred[order]]
    is_root = parent[order] == n
    parent[parent == n] = -1
    component = np.empty(n, dtype=np.int64)
    component[order] = np.cumsum(is_root) - 1
    component_size = np.diff(np.append(np.flatnonzero(is_root), n)).astype(np.int64)
    disc = np.empty(n, dtype=np.int64)
    disc[order] = np.arange(n)
    up = np.where(is_root, -1, disc[np.maximum(parent[order], 0)])
    size = np.empty(n, dtype=np.int64)
    size[order] = _subtree_ends(up) - disc[order]
    return Forest(order, disc, parent, size, component, component_size)


def articulation_dfs(p: Projection) -> CutArrays:
    """One depth-first search (Hopcroft-Tarjan low points): every cut vertex and the sizes of
    the pieces it leaves, in linear time; a piece is a subtree of the search, a run of its
    preorder, so its vertex set is made only when read."""
    n = p.n
    a, b = p.src.astype(np.int64), p.dst.astype(np.int64)
    order, disc, parent, size, component, component_size = search(n, a, b)
    end = disc[order] + size[order]
    low = disc.copy()
    back = (parent[a] != b) & (parent[b] != a)
    np.minimum.at(low, a[back], disc[b[back]])
    np.minimum.at(low, b[back], disc[a[back]])
    low[order] = _MinTable(low[order]).least(disc[order], end)  # the least over each subtree
    child = order[parent[order] >= 0]
    up = parent[child]
    root = parent[up] < 0
    separated = root | (low[child] >= disc[up])
    children = np.bincount(up, minlength=n)
    is_cut = np.zeros(n, dtype=bool)
    is_cut[up[separated & ~root]] = True
    is_cut[(parent < 0) & (children >= 2)] = True
    piece_child = child[separated & is_cut[up]]
    owner = parent[piece_child]
    held = np.bincount(owner, weights=size[piece_child], minlength=n).astype(np.int64)
    cut = np.flatnonzero(is_cut)
    rest_owner = cut[parent[cut] >= 0]
    rest = component_size[component[rest_owner]] - 1 - held[rest_owner]
    owners = np.concatenate([owner, rest_owner])
    sizes = np.concatenate([size[piece_child], rest])
    by = np.argsort(owners, kind="stable")
    owners, sizes = owners[by], sizes[by]
    start = np.searchsorted(owners, np.append(cut, n))

    def pieces(k: int) -> list[frozenset[int]]:
        v = int(cut[k])
        mine = piece_child[parent[piece_child] == v]
        out = [frozenset(order[disc[c] : disc[c] + size[c]].tolist()) for c in mine.tolist()]
        if parent[v] >= 0:
            taken = set().union(*out) | {v}
            out.append(frozenset(int(x) for x in np.flatnonzero(component == component[v]) if x not in taken))
        return out

    return CutArrays(cut, start, sizes, pieces)


def cut_arrays(found: list[Cut]) -> CutArrays:
    """:class:`CutArrays` of the cut vertices of another engine, as a list."""
    ints = functools.partial(np.asarray, dtype=np.int64)
    lengths = [len(s) for _, s, _ in found]
    return CutArrays(
        ints([v for v, _, _ in found]),
        ints(np.concatenate([[0], np.cumsum(lengths)])) if found else ints([0]),
        ints([x for _, s, _ in found for x in s]),
        lambda k: found[k][2](),
    )
