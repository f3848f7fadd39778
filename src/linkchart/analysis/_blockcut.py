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
from typing import Any, NamedTuple

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


def _levels_up(order: Rows, depth: Rows, parent: Rows, values: Rows, combine: Any) -> None:
    """Fold ``values`` of every vertex into its parent's, deepest first (``combine``:
    ``np.add`` or ``np.minimum``)."""
    deepest = int(depth.max()) if len(depth) else 0
    if deepest > 1_000:  # a long path: one vertex at a time, children after parents in preorder
        vals, up = values.tolist(), parent.tolist()
        if combine is np.add:
            for x in reversed(order.tolist()):
                if up[x] >= 0:
                    vals[up[x]] += vals[x]
        else:
            for x in reversed(order.tolist()):
                if up[x] >= 0 and vals[x] < vals[up[x]]:
                    vals[up[x]] = vals[x]
        values[:] = vals
        return
    by_depth = order[np.argsort(depth[order], kind="stable")]
    bounds = np.searchsorted(depth[by_depth], np.arange(deepest + 2))
    for d in range(deepest, 0, -1):
        layer = by_depth[bounds[d] : bounds[d + 1]]
        combine.at(values, parent[layer], values[layer])


def articulation_dfs(p: Projection) -> CutArrays:
    """One depth-first search (Hopcroft-Tarjan low points): every cut vertex and the sizes of
    the pieces it leaves, in linear time; a piece is a subtree of the search, a run of its
    preorder, so its vertex set is made only when read."""
    import igraph as ig

    g = p.to_igraph()
    n = p.n
    component = np.asarray(g.connected_components().membership, dtype=np.int64)
    component_size = np.bincount(component) if n else np.zeros(0, dtype=np.int64)
    first = np.unique(component, return_index=True)[1] if n else np.zeros(0, dtype=np.int64)
    vs: list[int] = []
    ps: list[int] = []
    ds: list[int] = []
    for root in first[component_size[component[first]] >= 3]:
        for v, d, up in g.dfsiter(int(root), mode=ig.ALL, advanced=True):
            vs.append(v.index)
            ds.append(d)
            ps.append(-1 if up is None else up.index)
    order = np.asarray(vs, dtype=np.int64)
    parent = np.full(n, -1, dtype=np.int64)
    depth = np.zeros(n, dtype=np.int64)
    disc = np.full(n, -1, dtype=np.int64)
    parent[order], depth[order], disc[order] = ps, ds, np.arange(len(order))
    size = np.ones(n, dtype=np.int64)
    _levels_up(order, depth, parent, size, np.add)
    low = disc.copy()
    a, b = p.src.astype(np.int64), p.dst.astype(np.int64)
    back = (disc[a] >= 0) & (parent[a] != b) & (parent[b] != a)
    np.minimum.at(low, a[back], disc[b[back]])
    np.minimum.at(low, b[back], disc[a[back]])
    _levels_up(order, depth, parent, low, np.minimum)
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
