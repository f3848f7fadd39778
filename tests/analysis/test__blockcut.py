"""The depth-first search behind the articulation points, its subtree ends and the sparse
table of its low points, against brute force."""

from __future__ import annotations

import numpy as np
import pytest

from linkchart.analysis._blockcut import FAN, _MinTable, _search_graph, _subtree_ends, search


@pytest.mark.parametrize("n", [1, 2, 3, 7, 64, 257])
def test_least_equals_brute_force(n: int) -> None:
    rng = np.random.default_rng(n)
    values = rng.integers(0, 5, size=n).astype(np.int64)
    table = _MinTable(values)
    start = rng.integers(0, n, size=50)
    stop = start + 1 + rng.integers(0, n - start)
    assert table.least(start, stop).tolist() == [
        int(values[a:b].min()) for a, b in zip(start, stop, strict=True)
    ]


@pytest.mark.parametrize("seed", range(6))
def test_subtree_ends_equal_brute_force(seed: int) -> None:
    # a random forest in preorder (a vertex's parent comes before it, and every vertex
    # between a parent and its child is in the parent's subtree); one long path among them
    rng = np.random.default_rng(seed)
    n = 300
    depth = [0]
    for _ in range(n - 1):
        depth.append(int(rng.integers(0, depth[-1] + 2)) if seed else depth[-1] + 1)
    up = [max((j for j in range(i) if depth[j] == depth[i] - 1), default=-1) for i in range(n)]
    want = [next((j for j in range(i + 1, n) if depth[j] <= depth[i]), n) for i in range(n)]
    assert _subtree_ends(np.array(up, dtype=np.int64)).tolist() == want


def test_the_search_graph_bounds_every_nodes_arcs_and_gives_a_depth_first_forest() -> None:
    # scipy's search rescans a node's arcs on every return to it: no node may have more than
    # FAN + 1, or a hub costs the square of its degree; and the forest found must be a
    # depth-first one (every tie joins a vertex and one of its ancestors)

    rng = np.random.default_rng(3)
    n = 400
    a = np.concatenate([np.zeros(n - 1, dtype=np.int64), rng.integers(1, n, 300)])
    b = np.concatenate([np.arange(1, n, dtype=np.int64), rng.integers(1, n, 300)])
    keep = a != b
    pairs = np.unique(np.sort(np.column_stack([a[keep], b[keep]]), axis=1), axis=0)
    graph, owner = _search_graph(n, pairs[:, 0], pairs[:, 1])
    assert int(np.diff(graph.indptr).max()) <= FAN + 1 and owner[: n + 1].tolist() == list(range(n + 1))
    order, _, parent, _, component, size = search(n, pairs[:, 0], pairs[:, 1])
    assert sorted(order.tolist()) == list(range(n)) and size.sum() == n
    assert all(component[v] == component[parent[v]] for v in range(n) if parent[v] >= 0)
    ancestors: list[set[int]] = [set() for _ in range(n)]
    for v in order.tolist():
        if parent[v] >= 0:
            ancestors[v] = ancestors[int(parent[v])] | {int(parent[v])}
    assert all(int(y) in ancestors[int(x)] or int(x) in ancestors[int(y)] for x, y in pairs)
