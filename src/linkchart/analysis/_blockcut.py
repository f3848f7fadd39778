"""The block-cut tree of a graph: articulation points and the sizes of the pieces they leave
(private: :func:`~linkchart.analysis.bridges.articulation_points` presents them).

Each engine gives, per cut vertex, its position, the sizes of the pieces its removal leaves
of its component, and a function that makes the pieces' vertex sets when they are read.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Sequence

import numpy as np
import numpy.typing as npt

from .projection import Projection

__all__ = ["Cut", "articulation_igraph", "articulation_networkx"]


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


Cut = tuple[int, list[int], Callable[[], list[frozenset[int]]]]


def articulation_igraph(p: Projection) -> list[Cut]:
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
