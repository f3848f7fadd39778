"""Tests of linkchart.analysis.bridges (bridges and articulation points)."""

from __future__ import annotations

import networkx as nx
import pytest

from linkchart import ArticulationPoint, Bridge, articulation_points, bridges

ENGINES = ["igraph", "networkx"]


@pytest.fixture
def barbell(make_chart):  # type: ignore[no-untyped-def]
    # two triangles a-b-c and d-e-f; c -> d reported twice (two relations), a pendant g on f
    nodes = [(x, "person") for x in "abcdefg"]
    edges = [
        ("a", "k", "b"),
        ("b", "k", "c"),
        ("c", "k", "a"),
        ("c", "pays", "d"),
        ("d", "k", "c"),
        ("d", "k", "e"),
        ("e", "k", "f"),
        ("f", "k", "d"),
        ("g", "k", "f"),
    ]
    return make_chart(nodes, edges, {"k": False, "pays": True})


@pytest.mark.parametrize("engine", ENGINES)
def test_bridges_with_sides_and_edges(barbell, engine) -> None:  # type: ignore[no-untyped-def]
    found = bridges(barbell, engine=engine)
    assert found == [
        Bridge.of("c", "d", ("e3", "e4"), (frozenset("abc"), frozenset("defg"))),
        Bridge.of("f", "g", ("e8",), (frozenset("abcdef"), frozenset("g"))),
    ]
    assert found[0].cut_off == 3
    assert barbell.edge(found[0].edge_ids[0]).evidence == "c pays d"
    # counting only "k": the c - d tie is still one tie (one report of it), still a bridge
    only_k = bridges(barbell, engine=engine, relations=["k"])
    assert [(b.from_id, b.to_id, b.edge_ids) for b in only_k] == [("c", "d", ("e4",)), ("f", "g", ("e8",))]
    # without "k", c -> d is a lone tie between two otherwise isolated nodes
    assert bridges(barbell, engine=engine, relations=["pays"]) == [
        Bridge.of("c", "d", ("e3",), (frozenset("c"), frozenset("d")))
    ]


@pytest.mark.parametrize("engine", ENGINES)
def test_articulation_points_with_pieces(barbell, engine) -> None:  # type: ignore[no-untyped-def]
    found = articulation_points(barbell, engine=engine)
    # most consequential first: d leaves 3 nodes outside the largest piece, c 2, f 1
    assert found == [
        ArticulationPoint.of("d", (frozenset("abc"), frozenset("efg"))),
        ArticulationPoint.of("c", (frozenset("defg"), frozenset("ab"))),
        ArticulationPoint.of("f", (frozenset("abcde"), frozenset("g"))),
    ]
    assert [a.cut_off for a in found] == [3, 2, 1]


@pytest.mark.parametrize("engine", ENGINES)
def test_only_pieces_of_its_own_component(make_chart, engine) -> None:  # type: ignore[no-untyped-def]
    nodes = [(x, "region") for x in "abcxyz"]
    edges = [("a", "k", "b"), ("b", "k", "c"), ("x", "k", "y")]
    chart = make_chart(nodes, edges, {"k": False})
    expected = [ArticulationPoint.of("b", (frozenset("a"), frozenset("c")))]
    assert articulation_points(chart, engine=engine) == expected
    pairs = {(b.from_id, b.to_id) for b in bridges(chart, engine=engine)}
    assert pairs == {("a", "b"), ("b", "c"), ("x", "y")}


@pytest.mark.parametrize("engine", ENGINES)
def test_florentine_medici_is_the_cut_vertex(florentine, engine) -> None:  # type: ignore[no-untyped-def]
    found = articulation_points(florentine, engine=engine)
    g = nx.florentine_families_graph()
    assert {a.node_id for a in found} == set(nx.articulation_points(g))
    assert found[0].node_id == "Medici"
    assert frozenset({"Acciaiuoli"}) in found[0].components
    assert {(b.from_id, b.to_id) for b in bridges(florentine, engine=engine)} == {
        tuple(sorted(e)) for e in nx.bridges(g)
    }


def test_no_ties(make_chart) -> None:  # type: ignore[no-untyped-def]
    for engine in ENGINES:
        assert bridges(make_chart([], [], {"k": False}), engine=engine) == []
        lonely = make_chart([("a", "x"), ("b", "x")], [], {"k": False})
        assert articulation_points(lonely, engine=engine) == []
        assert bridges(lonely, engine=engine) == []


def test_bridges_are_made_as_they_are_read_and_agree_with_networkx(make_chart) -> None:  # type: ignore[no-untyped-def]
    import numpy as np

    from linkchart.analysis.bridges import Bridges

    rng = np.random.default_rng(4)
    pairs = [(int(a), int(b)) for a, b in rng.integers(0, 300, size=(330, 2)) if a != b]
    chart = make_chart(
        [(f"v{i}", "x") for i in range(300)], [(f"v{a}", "k", f"v{b}") for a, b in pairs], {"k": False}
    )
    found = bridges(chart)
    assert isinstance(found, Bridges) and len(found) > 20
    reference = bridges(chart, engine="networkx")
    assert found == list(reference) and found[:5] == reference[:5]
    assert found.edge_count == sum(len(b.edge_ids) for b in found)
    for b in found[:10]:  # the sizes, found in one pass, are those of the sets made on demand
        assert b.sizes == (len(b.separated[0]), len(b.separated[1]))
        assert b.from_id in b.separated[0] and b.to_id in b.separated[1]
    cut_offs = [b.cut_off for b in found]
    assert cut_offs == sorted(cut_offs, reverse=True)
    assert found[-1] == list(found)[-1] and found != found[:3]


def test_a_long_path_has_every_bridge_with_its_sizes(make_chart) -> None:  # type: ignore[no-untyped-def]
    n = 1500  # more breadth-first layers than are summed a layer at a time
    chart = make_chart(
        [(f"v{i}", "x") for i in range(n)], [(f"v{i}", "k", f"v{i + 1}") for i in range(n - 1)], {"k": False}
    )
    found = bridges(chart)
    assert len(found) == n - 1
    assert found[0].sizes == (750, 750) and found[0].from_id == "v749"
    assert {b.sizes for b in found if b.from_id == "v0"} == {(1, n - 1)}


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_articulation_points_in_one_search_agree_with_networkx(make_chart, seed) -> None:  # type: ignore[no-untyped-def]
    import numpy as np

    from linkchart.analysis.bridges import ArticulationPoints

    rng = np.random.default_rng(seed)
    pairs = [(int(a), int(b)) for a, b in rng.integers(0, 200, size=(230, 2)) if a != b]
    chart = make_chart(
        [(f"v{i}", "x") for i in range(200)], [(f"v{a}", "k", f"v{b}") for a, b in pairs], {"k": False}
    )
    found = articulation_points(chart)
    assert isinstance(found, ArticulationPoints) and len(found) > 10
    assert found == articulation_points(chart, engine="networkx")
    for a in found[:8]:
        assert a.sizes == tuple(len(c) for c in a.components) and a.node_id not in set().union(*a.components)


def test_a_long_path_has_every_inner_node_as_an_articulation_point(make_chart) -> None:  # type: ignore[no-untyped-def]
    n = 1500  # a search deeper than is folded a level at a time
    chart = make_chart(
        [(f"v{i}", "x") for i in range(n)], [(f"v{i}", "k", f"v{i + 1}") for i in range(n - 1)], {"k": False}
    )
    found = articulation_points(chart)
    assert len(found) == n - 2
    assert found[0].node_id == "v749" and found[0].sizes == (750, 749)
    assert found[-1].sizes == (n - 2, 1) and len(found[-1].components[1]) == 1


def test_hubs_and_many_components_agree_with_networkx(make_chart) -> None:  # type: ignore[no-untyped-def]
    # a hub with 300 pendants and 40 triangles hanging off it, a second hub sharing 50 of its
    # neighbours, and 120 small components: more neighbours than one search node holds
    # (linkchart.analysis._blockcut.FAN), and more components than the added top vertex holds
    import numpy as np

    rng = np.random.default_rng(7)
    edges = [("h", f"p{i}") for i in range(300)]
    edges += [e for i in range(40) for e in [("h", f"t{i}a"), ("h", f"t{i}b"), (f"t{i}a", f"t{i}b")]]
    edges += [("g", f"p{i}") for i in rng.choice(300, size=50, replace=False)]
    edges += [e for i in range(120) for e in [(f"c{i}a", f"c{i}b"), (f"c{i}b", f"c{i}c")][: 1 + i % 2]]
    ids = sorted({x for e in edges for x in e})
    chart = make_chart([(x, "x") for x in ids], [(a, "k", b) for a, b in edges], {"k": False})
    assert articulation_points(chart) == articulation_points(chart, engine="networkx")
    assert bridges(chart) == bridges(chart, engine="networkx")
    hub = articulation_points(chart)[0]
    assert hub.node_id == "h" and len(hub.components) == 300 - 50 + 40 + 1
