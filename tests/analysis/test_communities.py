"""Tests of linkchart.analysis.communities (communities and participation)."""

from __future__ import annotations

import random

import networkx as nx
import pytest

from linkchart import Communities, LinkchartError, UnknownNameError, communities, participation


@pytest.fixture
def two_cliques(make_chart):  # type: ignore[no-untyped-def]
    # two 5-cliques, a0..a4 and b0..b4, joined by a0 - b0; an isolated node z
    a = [f"a{i}" for i in range(5)]
    b = [f"b{i}" for i in range(5)]
    nodes = [(x, "organisation") for x in a] + [(x, "state") for x in b] + [("z", "region")]
    edges = [(x, "k", y) for grp in (a, b) for i, x in enumerate(grp) for y in grp[i + 1 :]]
    edges.append(("a0", "k", "b0"))
    return make_chart(nodes, edges, {"k": False})


@pytest.mark.parametrize(
    ("engine", "method"), [("igraph", "leiden"), ("igraph", "louvain"), ("networkx", "louvain")]
)
def test_finds_the_two_cliques(two_cliques, engine, method) -> None:  # type: ignore[no-untyped-def]
    found = communities(two_cliques, engine=engine, method=method, seed=3)
    assert isinstance(found, Communities)
    cliques = {frozenset(f"a{i}" for i in range(5)), frozenset(f"b{i}" for i in range(5))}
    assert set(found.groups) == cliques | {frozenset({"z"})}
    # numbered by size, ties by first node in chart order; z alone last
    assert found["a3"] == 0 and found["b1"] == 1 and found["z"] == 2
    # modularity by hand: 21 ties, each clique has 10 inside and total degree 21
    assert found.modularity == pytest.approx(20 / 21 - 2 * (21 / 42) ** 2)
    ref = nx.community.modularity(nx.Graph(two_cliques.to_networkx().to_undirected()), found.groups)
    assert found.modularity == pytest.approx(ref)


def test_same_seed_same_partition_and_global_rng_untouched(make_chart) -> None:  # type: ignore[no-untyped-def]
    g = nx.gnm_random_graph(60, 150, seed=7)
    edges = [(str(u), "k", str(v)) for u, v in g.edges]
    chart = make_chart([(str(i), "person") for i in g], edges, {"k": False})
    random.seed(12345)
    before = random.getstate()
    first = communities(chart, seed=11)
    assert random.getstate() == before
    assert communities(chart, seed=11).to_dict() == first.to_dict()
    assert first.parameters["seed"] == 11
    assert 0.3 < first.modularity < 1.0


def test_bad_arguments(two_cliques) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(UnknownNameError, match="did you mean 'leiden'"):
        communities(two_cliques, method="leidn")  # type: ignore[arg-type]
    with pytest.raises(LinkchartError, match="networkx has no Leiden"):
        communities(two_cliques, engine="networkx", method="leiden")
    with pytest.raises(LinkchartError, match="resolution"):
        communities(two_cliques, resolution=0)
    with pytest.raises(LinkchartError, match="seed"):
        communities(two_cliques, seed="x")  # type: ignore[arg-type]


def test_empty(make_chart) -> None:  # type: ignore[no-untyped-def]
    empty = make_chart([], [], {"k": False})
    found = communities(empty)
    assert len(found) == 0 and found.groups == ()
    assert len(participation(empty, partition="type")) == 0


def test_participation_by_hand(two_cliques) -> None:  # type: ignore[no-untyped-def]
    p = participation(two_cliques)  # communities found with seed 0: the two cliques
    # a0: 4 ties inside its clique, 1 to b0 -> 1 - (4/5)^2 - (1/5)^2
    assert p["a0"] == pytest.approx(1 - 0.64 - 0.04)
    assert p["a1"] == 0.0
    assert p["z"] == 0.0
    assert p.top(2) == [("a0", pytest.approx(0.32)), ("b0", pytest.approx(0.32))]
    by_type = participation(two_cliques, partition="type")
    assert by_type.to_dict() == p.to_dict()
    mapping = {n: (0 if n in ("a0", "b0") else 1) for n in two_cliques.node_ids}
    # a0: 1 tie to b0 (group 0), 4 to group 1
    assert participation(two_cliques, partition=mapping)["a0"] == pytest.approx(0.32)
    assert participation(two_cliques, partition=mapping)["a1"] == pytest.approx(
        1 - (1 / 4) ** 2 - (3 / 4) ** 2
    )


def test_participation_bad_partition(two_cliques) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(LinkchartError, match="leaves 10 nodes without a group: 'a1', 'a2'"):
        participation(two_cliques, partition={"a0": 1})
    with pytest.raises(UnknownNameError, match="did you mean 'a1'"):
        participation(two_cliques, partition={"a11": 1})
    with pytest.raises(UnknownNameError, match="partition"):
        participation(two_cliques, partition="types")


def test_participation_weighted(make_chart) -> None:  # type: ignore[no-untyped-def]
    nodes = [("h", "o"), ("x", "o"), ("y", "s")]
    chart = make_chart(nodes, [("h", "k", "x", 3.0), ("h", "k", "y", 1.0)], {"k": False})
    assert participation(chart, partition="type")["h"] == pytest.approx(0.5)
    weighted = participation(chart, partition="type", weight="weight")
    assert weighted["h"] == pytest.approx(1 - (3 / 4) ** 2 - (1 / 4) ** 2)
