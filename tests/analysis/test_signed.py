"""PN centrality and structural balance: hand-computed cases, the closed form, both engines."""

from __future__ import annotations

from fractions import Fraction
from itertools import combinations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import linkchart
from linkchart import LinkchartError, Relation, UnknownNameError, Vocabulary

SIGNED = Vocabulary(
    relations=(
        Relation("ally", directed=False),
        Relation("fights", directed=False, sign="negative"),
        Relation("pays"),  # directed, positive
        Relation("attacks", sign="negative"),  # directed, hostile
    )
)


def chart(ids: str, ties: list[tuple[str, str, str]]) -> linkchart.LinkChart:
    return linkchart.from_records(
        [{"id": x, "type": "organisation"} for x in ids],
        [{"from": a, "relation": r, "to": b} for a, r, b in ties],
        vocabulary=SIGNED,
    )


def solve_exactly(a: list[list[Fraction]], b: list[Fraction]) -> list[Fraction]:
    """Gauss-Jordan elimination in exact fractions (an independent solver)."""
    n = len(b)
    m = [[*row, b[i]] for i, row in enumerate(a)]
    for col in range(n):
        pivot = next(r for r in range(col, n) if m[r][col] != 0)
        m[col], m[pivot] = m[pivot], m[col]
        m[col] = [x / m[col][col] for x in m[col]]
        for r in range(n):
            if r != col and m[r][col] != 0:
                m[r] = [x - m[r][col] * y for x, y in zip(m[r], m[col], strict=True)]
    return [m[i][n] for i in range(n)]


def pn_by_hand(n: int, signed: dict[tuple[int, int], int]) -> list[Fraction]:
    """PN = (I - A/(2n-2))^-1 1 with A = P - 2N, solved exactly."""
    c = Fraction(1, 2 * n - 2)
    a = [[Fraction(int(i == j)) for j in range(n)] for i in range(n)]
    for (i, j), v in signed.items():
        a[i][j] -= c * v
        a[j][i] -= c * v
    return solve_exactly(a, [Fraction(1)] * n)


# --------------------------------------------------------------------------- PN centrality
def test_pn_on_a_path_of_an_ally_and_an_enemy() -> None:
    c = chart("abc", [("a", "ally", "b"), ("b", "fights", "c")])
    expected = pn_by_hand(3, {(0, 1): 1, (1, 2): -2})
    assert expected == [Fraction(14, 11), Fraction(12, 11), Fraction(5, 11)]
    for engine in ("igraph", "networkx"):
        assert list(linkchart.pn_centrality(c, engine=engine).values()) == pytest.approx(
            [float(x) for x in expected]
        )


def test_pn_on_a_square_with_two_enemies_and_an_isolate() -> None:
    # a - b allies, b - c enemies, c - d allies, d - a enemies; e alone scores 1
    c = chart("abcde", [("a", "ally", "b"), ("b", "fights", "c"), ("c", "ally", "d"), ("a", "fights", "d")])
    expected = pn_by_hand(5, {(0, 1): 1, (1, 2): -2, (2, 3): 1, (0, 3): -2})
    pn = linkchart.pn_centrality(c)
    assert list(pn.values()) == pytest.approx([float(x) for x in expected])
    assert pn["e"] == 1.0 and len({round(v, 12) for k, v in pn.items() if k != "e"}) == 1  # symmetric


def test_an_ambivalent_pair_counts_both_signs() -> None:
    c = chart("ab", [("a", "ally", "b"), ("a", "fights", "b")])
    # A_ab = 1 - 2 = -1 ; n = 2: PN = (I + A/2)^-1 1
    assert list(linkchart.pn_centrality(c).values()) == pytest.approx(
        [float(x) for x in pn_by_hand(2, {(0, 1): -1})]
    )


def random_signed(n: int, density: float, seed: int) -> tuple[linkchart.LinkChart, np.ndarray]:
    rng = np.random.default_rng(seed)
    ids = [f"n{i}" for i in range(n)]
    ties, a = [], np.zeros((n, n))
    for i, j in combinations(range(n), 2):
        if rng.random() < density:
            hostile = rng.random() < 0.4
            ties.append((ids[i], "fights" if hostile else "ally", ids[j]))
            a[i, j] = a[j, i] = -2 if hostile else 1
    nodes = [{"id": x, "type": "organisation"} for x in ids]
    edges = [{"from": x, "relation": r, "to": y} for x, r, y in ties]
    return linkchart.from_records(nodes, edges, vocabulary=SIGNED), a


@settings(max_examples=25, deadline=None)
@given(st.integers(2, 25), st.floats(0.05, 0.9), st.integers(0, 10_000))
def test_pn_equals_the_closed_form_on_random_signed_graphs(n: int, density: float, seed: int) -> None:
    c, a = random_signed(n, density, seed)
    matrix = np.eye(n) - a / (2 * n - 2)
    if abs(np.linalg.det(matrix)) < 1e-12:  # two nodes and one hostile tie: PN is undefined
        with pytest.raises(LinkchartError, match="singular"):
            linkchart.pn_centrality(c)
        return
    closed = np.linalg.inv(matrix) @ np.ones(n)
    ours = linkchart.pn_centrality(c)
    assert np.array(list(ours.values())) == pytest.approx(closed, rel=1e-9, abs=1e-12)
    assert list(linkchart.pn_centrality(c, engine="networkx").values()) == list(ours.values())


def test_pn_in_and_out_follow_the_directed_closed_form() -> None:
    ids = "abcd"
    c = chart(ids, [("a", "pays", "b"), ("b", "attacks", "c"), ("c", "pays", "a"), ("d", "attacks", "a")])
    n = 4
    a = np.zeros((n, n))
    for (x, y), v in {("a", "b"): 1, ("b", "c"): -2, ("c", "a"): 1, ("d", "a"): -2}.items():
        a[ids.index(x), ids.index(y)] = v
    i, one, k = np.eye(n), np.ones(n), 1 / (2 * n - 2)
    out = np.linalg.solve(i - k * k * a @ a.T, (i + k * a) @ one)
    inn = np.linalg.solve(i - k * k * a.T @ a, (i + k * a.T) @ one)
    assert list(linkchart.pn_centrality(c, mode="out").values()) == pytest.approx(out)
    assert list(linkchart.pn_centrality(c, mode="in").values()) == pytest.approx(inn)
    # d attacks a: d's out-PN suffers, a's in-PN suffers
    assert linkchart.pn_centrality(c, mode="out")["d"] < 1 < linkchart.pn_centrality(c, mode="out")["c"]


def test_pn_arguments_are_checked() -> None:
    c = chart("ab", [("a", "ally", "b")])
    with pytest.raises(UnknownNameError, match="did you mean 'out'"):
        linkchart.pn_centrality(c, mode="outt")  # type: ignore[arg-type]
    with pytest.raises(LinkchartError, match="topological"):
        linkchart.pn_centrality(c, weight="count")  # type: ignore[arg-type]
    with pytest.raises(LinkchartError, match="undirected reading"):
        linkchart.pn_centrality(c, directed=True)
    assert list(linkchart.pn_centrality(chart("", [])).values()) == []


# --------------------------------------------------------------------------- balance
def test_balance_counts_each_kind_of_signed_triangle() -> None:
    # +++ (a b c), ++- (a b d: a-d hostile), +-- (c e f), --- (g h i)
    c = chart(
        "abcdefghi",
        [
            ("a", "ally", "b"), ("b", "ally", "c"), ("a", "ally", "c"),
            ("b", "ally", "d"), ("a", "fights", "d"),
            ("c", "fights", "e"), ("c", "fights", "f"), ("e", "ally", "f"),
            ("g", "fights", "h"), ("h", "fights", "i"), ("g", "fights", "i"),
        ],
    )  # fmt: skip
    for engine in ("igraph", "networkx"):
        b = linkchart.balance(c, engine=engine)
        assert b.census == (1, 1, 1, 1) and b.balanced == 2 and b.ratio == 0.5
        assert {t.nodes for t in b.unbalanced} == {("a", "b", "d"), ("g", "h", "i")}
        abd = next(t for t in b.triangles if t.nodes == ("a", "b", "d"))
        assert abd.signs == (1, -1, 1) and str(abd) == "a + b, a - d, b + d"
        relations = [[c.edge(k).relation for k in side] for side in abd.edges]
        assert relations == [["ally"], ["fights"], ["ally"]]


def test_a_clusterable_graph_splits_into_camps_without_frustration() -> None:
    # two alliances, hostile to each other across
    c = chart(
        "abcdefz",
        [("a", "ally", "b"), ("b", "ally", "c"), ("d", "ally", "e"), ("e", "ally", "f"),
         ("a", "fights", "d"), ("c", "fights", "f"), ("b", "fights", "e")],
    )  # fmt: skip
    b = linkchart.balance(c)
    assert b.frustration == 0
    assert b.camps["a"] == b.camps["b"] == b.camps["c"] != b.camps["d"] == b.camps["e"] == b.camps["f"]
    assert b.camps["z"] is None  # no signed tie, no camp
    assert b.camps["a"] == 0  # camps are numbered by their first node


def test_camps_are_seeded_and_frustration_is_what_the_camps_leave() -> None:
    c, a = random_signed(30, 0.2, 7)
    b1, b2 = linkchart.balance(c, seed=3), linkchart.balance(c, seed=3)
    assert b1.camps.items() == b2.camps.items()
    camp = b1.camps
    ids = list(c.node_ids)
    wrong = 0
    for i, j in combinations(range(len(ids)), 2):
        if a[i, j]:
            same = camp[ids[i]] == camp[ids[j]]
            wrong += (a[i, j] < 0 and same) or (a[i, j] > 0 and not same)
    assert b1.frustration == wrong
    # more restarts never find a worse partition than the best of fewer
    assert linkchart.balance(c, restarts=200).frustration <= linkchart.balance(c, restarts=1).frustration


def test_balance_lists_ambivalent_pairs_and_checks_arguments() -> None:
    c = chart("abc", [("a", "ally", "b"), ("a", "fights", "b"), ("b", "ally", "c"), ("a", "ally", "c")])
    b = linkchart.balance(c)
    assert b.ambivalent == (("a", "b"),) and b.census == (0, 1, 0, 0)  # read as hostile
    with pytest.raises(LinkchartError, match="camps must be"):
        linkchart.balance(c, camps=1)
    with pytest.raises(LinkchartError, match="undirected reading"):
        linkchart.balance(c, directed=True)
    empty = linkchart.balance(chart("ab", []))
    assert empty.triangles == () and np.isnan(empty.ratio) and empty.frustration == 0


def test_signed_measures_read_layers_but_not_signs() -> None:
    v = Vocabulary(
        relations=(
            Relation("ally", directed=False, layer="ops"),
            Relation("fights", directed=False, sign="negative", layer="ops"),
            Relation("lies_in", layer="geo"),
        ),
        default_layers=("ops",),
    )
    c = linkchart.from_records(
        [{"id": x, "type": "state"} for x in "abc"],
        [{"from": "a", "relation": "ally", "to": "b"}, {"from": "b", "relation": "fights", "to": "c"},
         {"from": "a", "relation": "lies_in", "to": "c"}],
        vocabulary=v,
    )  # fmt: skip
    ops_only = linkchart.pn_centrality(c)
    assert list(ops_only.values()) == pytest.approx(
        [float(x) for x in pn_by_hand(3, {(0, 1): 1, (1, 2): -2})]
    )
    assert linkchart.pn_centrality(c, layers="all")["c"] > ops_only["c"]  # the geography tie counts now
    assert linkchart.balance(c).triangles == () and len(linkchart.balance(c, layers="all").triangles) == 1
    # through the registry, a common signs= is dropped for them
    assert linkchart.MEASURES["pn_centrality"](c, signs="positive") == ops_only


def test_a_neutral_tie_is_neither_friendship_nor_enmity() -> None:
    v = Vocabulary(
        relations=(
            Relation("ally", directed=False),
            Relation("fights", directed=False, sign="negative"),
            Relation("lies_in", directed=False, sign="neutral"),
        ),
    )
    nodes = [{"id": x, "type": "state"} for x in "abcd"]
    signed = [{"from": "a", "relation": "ally", "to": "b"}, {"from": "b", "relation": "fights", "to": "c"}]
    neutral = [
        {"from": "a", "relation": "lies_in", "to": "c"},
        {"from": "c", "relation": "lies_in", "to": "d"},
    ]
    c = linkchart.from_records(nodes, signed + neutral, vocabulary=v)
    bare = linkchart.from_records(nodes, signed, vocabulary=v)
    assert linkchart.pn_centrality(c) == linkchart.pn_centrality(bare)
    assert linkchart.pn_centrality(c, relations=["ally", "fights", "lies_in"]) == linkchart.pn_centrality(
        bare
    )
    b = linkchart.balance(c)
    assert b.triangles == () and b.camps["d"] is None  # d's only tie is neutral: no camp
    assert b.camps["a"] == b.camps["b"] != b.camps["c"]
