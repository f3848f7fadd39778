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
    "articulation_dfs",
    "articulation_networkx",
    "cut_arrays",
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


def _depths(parent: Rows) -> Rows:
    """Each vertex's depth in the forest ``parent`` (``-1``: a root), by pointer doubling:
    ``log2`` of the deepest depth rounds, each linear."""
    depth = (parent >= 0).astype(np.int64)
    up = parent.copy()
    while True:
        moving = np.flatnonzero(up >= 0)
        if not len(moving):
            return depth
        above = up[moving]
        depth[moving] += depth[above]
        up[moving] = up[above]


class _MinTable:
    """Least values over runs of an array (a sparse table: ``log2`` levels of minima over
    windows of ``2**k``), each query answered for a whole array of runs at once."""

    def __init__(self, values: Rows) -> None:
        self.n = len(values)
        levels = [np.append(values, np.iinfo(np.int64).min)]  # one past the end: below everything
        width = 1
        while 2 * width <= self.n:
            last = levels[-1]
            level = np.full(self.n + 1, np.iinfo(np.int64).min, dtype=np.int64)
            level[: self.n - 2 * width + 1] = np.minimum(
                last[: self.n - 2 * width + 1], last[width : self.n - width + 1]
            )
            levels.append(level)
            width *= 2
        self.levels = levels

    def next_at_most(self, i: Rows) -> Rows:
        """For each position ``i``, the first position after it whose value is at most the
        value at ``i`` (``n`` when none is)."""
        own = self.levels[0][i]
        pos = i + 1
        for k in range(len(self.levels) - 1, -1, -1):
            step = 1 << k
            room = pos + step <= self.n
            window = self.levels[k][np.minimum(pos, self.n)]
            pos = np.where(room & (window > own), pos + step, pos)
        return pos

    def least(self, start: Rows, stop: Rows) -> Rows:
        """The least value over each run ``start[j] .. stop[j] - 1`` (runs not empty)."""
        length = stop - start
        k = np.floor(np.log2(np.maximum(length, 1))).astype(np.int64)
        out = np.empty(len(start), dtype=np.int64)
        for level in np.unique(k).tolist():
            mine = k == level
            table = self.levels[level]
            out[mine] = np.minimum(table[start[mine]], table[stop[mine] - (1 << level)])
        return out


def articulation_dfs(p: Projection) -> CutArrays:
    """One depth-first search (Hopcroft-Tarjan low points): every cut vertex and the sizes of
    the pieces it leaves, in linear time; a piece is a subtree of the search, a run of its
    preorder, so its vertex set is made only when read."""
    from scipy.sparse import csr_matrix
    from scipy.sparse.csgraph import connected_components, depth_first_order

    n = p.n
    a, b = p.src.astype(np.int64), p.dst.astype(np.int64)
    ties = csr_matrix((np.ones(len(a), dtype=np.int8), (a, b)), shape=(n, n))
    _, labels = connected_components(ties, directed=False)
    component = labels.astype(np.int64)
    component_size = np.bincount(component) if n else np.zeros(0, dtype=np.int64)
    first = np.unique(component, return_index=True)[1] if n else np.zeros(0, dtype=np.int64)
    roots = first[component_size[component[first]] >= 3]
    # one search from a vertex added above the roots (scipy's, in C): each root's subtree is
    # its component's depth-first tree, in preorder one after the other
    top = np.full(len(roots), n, dtype=np.int64)
    above = csr_matrix(
        (np.ones(len(a) + len(roots), dtype=np.int8), (np.concatenate([a, top]), np.concatenate([b, roots]))),
        shape=(n + 1, n + 1),
    )
    found, pred = depth_first_order(above, n, directed=False, return_predecessors=True)
    order = found[1:].astype(np.int64)
    parent = np.full(n, -1, dtype=np.int64)
    parent[order] = pred[order]
    parent[parent == n] = -1
    disc = np.full(n, -1, dtype=np.int64)
    disc[order] = np.arange(len(order))
    # a subtree is a run of the preorder: it ends at the next vertex no deeper than its root
    depths = _MinTable(_depths(parent)[order])
    end = depths.next_at_most(np.arange(len(order)))
    size = np.ones(n, dtype=np.int64)
    size[order] = end - disc[order]
    low = disc.copy()
    back = (disc[a] >= 0) & (parent[a] != b) & (parent[b] != a)
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
