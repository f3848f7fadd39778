"""Chart builders shared by the analysis tests (independent of the loader)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import networkx as nx
import numpy as np
import pytest

from linkchart import EdgeTable, LinkChart, NodeTable, NodeType, Relation, Vocabulary
from linkchart.times import NO_TIME

Builder = Callable[..., LinkChart]

KITE_NAMES = ["Andre", "Beverly", "Carol", "Diane", "Ed", "Fernando", "Garth", "Heather", "Ike", "Jane"]


def build(
    nodes: Sequence[tuple[str, str]],
    edges: Sequence[tuple[str, str, str] | tuple[str, str, str, float]],
    relations: Mapping[str, bool],
    *,
    probabilities: Sequence[float] | None = None,
) -> LinkChart:
    """A chart from ``(id, type)`` nodes and ``(from, relation, to[, weight])`` edges.

    ``relations`` maps each relation name to whether it is directed.
    """
    types = list(dict.fromkeys(t for _, t in nodes))
    rel_names = list(relations)
    vocab = Vocabulary(
        node_types=tuple(NodeType(t) for t in types),
        relations=tuple(Relation(r, directed=d) for r, d in relations.items()),
    )
    index = {n: i for i, (n, _) in enumerate(nodes)}
    m = len(edges)
    weights = [float(e[3]) if len(e) > 3 else 1.0 for e in edges]  # type: ignore[misc]
    probs = list(probabilities) if probabilities is not None else [0.95] * m
    levels = vocab.confidence.probabilities
    conf = [int(np.argmin([abs(p - lv) for lv in levels])) for p in probs]
    edge_table = EdgeTable.build(
        [index[e[0]] for e in edges],
        [index[e[2]] for e in edges],
        [rel_names.index(e[1]) for e in edges],
        conf,
        probs,
        weights,
        [NO_TIME] * m,
        [NO_TIME] * m,
        [-1] * m,
        [f"{e[0]} {e[1]} {e[2]}" for e in edges],
    )
    node_table = NodeTable.build(
        [n for n, _ in nodes],
        [types.index(t) for _, t in nodes],
        [n for n, _ in nodes],
        [() for _ in nodes],
    )
    return LinkChart(vocabulary=vocab, nodes=node_table, edges=edge_table)


def random_sparse(n: int = 120, m: int = 400, seed: int = 3) -> LinkChart:
    """About ``m`` random directed ties among ``n`` people (no loops, no parallel ties)."""
    rng = np.random.default_rng(seed)
    pairs = sorted({(int(a), int(b)) for a, b in rng.integers(0, n, size=(m, 2)) if a != b})
    return build([(f"v{i}", "person") for i in range(n)], [(f"v{a}", "knows", f"v{b}") for a, b in pairs],
                 {"knows": True})  # fmt: skip


@pytest.fixture(scope="session")
def random_chart() -> Builder:
    """The :func:`random_sparse` function, as a fixture."""
    return random_sparse


@pytest.fixture(scope="session")
def make_chart() -> Builder:
    """The :func:`build` function, as a fixture."""
    return build


@pytest.fixture(scope="session")
def florentine() -> LinkChart:
    """Padgett's Florentine families (marriage ties, undirected; 15 families, Pucci absent)."""
    g = nx.florentine_families_graph()
    nodes = [(n, "family") for n in sorted(g.nodes)]
    edges = [(a, "marriage", b) for a, b in g.edges]
    return build(nodes, edges, {"marriage": False})


@pytest.fixture(scope="session")
def kite() -> LinkChart:
    """Krackhardt's kite, nodes 0..9 named Andre .. Jane in the standard order."""
    g = nx.krackhardt_kite_graph()
    nodes = [(name, "person") for name in KITE_NAMES]
    edges = [(KITE_NAMES[a], "friend", KITE_NAMES[b]) for a, b in g.edges]
    return build(nodes, edges, {"friend": False})
