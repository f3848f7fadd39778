"""Key players (Borgatti 2006): hand-worked graphs, engine agreement, exhaustive optimum, errors."""

from __future__ import annotations

import random
from itertools import combinations
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import linkchart
from linkchart import LinkChart, LinkchartError, UnknownNameError
from linkchart.analysis import CRITERIA, key_player_score, key_players

ROOT = Path(__file__).resolve().parents[2]
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def chart_of(pairs: list[tuple[str, str]], extra: str = "", directed: bool = False) -> LinkChart:
    ids = list(dict.fromkeys([x for p in pairs for x in p] + list(extra)))
    vocab = linkchart.Vocabulary(relations=(linkchart.Relation("tie", directed=directed),))
    return linkchart.from_records(
        [{"id": x, "type": "person"} for x in ids],
        [{"from": a, "relation": "tie", "to": b} for a, b in pairs],
        vocabulary=vocab,
    )


PATH5 = chart_of([("a", "b"), ("b", "c"), ("c", "d"), ("d", "e")])


# --------------------------------------------------------------------------- hand-worked
def test_score_formulas_by_hand() -> None:
    # path a - b - c - d. Unordered pairs at distance 1: 3, at 2: 2, at 3: 1, so the sum
    # of 1/d over ordered pairs is 2 * (3 + 2/2 + 1/3) = 26/3, over n(n-1) = 12 pairs:
    # DF = 1 - 26/36 = 5/18 with nobody removed.
    chart = chart_of([("a", "b"), ("b", "c"), ("c", "d")])
    assert key_player_score(chart, []) == pytest.approx(5 / 18)
    assert key_player_score(chart, [], criterion="component_fragmentation") == 0.0
    # removing b leaves a alone and c - d: 2 ordered pairs at distance 1 of 3 * 2 = 6
    assert key_player_score(chart, ["b"]) == pytest.approx(1 - 2 / 6)
    assert key_player_score(chart, ["b"], criterion="component_fragmentation") == pytest.approx(2 / 3)
    # b reaches a and c in one step, d in two: 2 of the 3 others at m = 1, all at m = 2
    assert key_player_score(chart, ["b"], criterion="reach") == pytest.approx(2 / 3)
    assert key_player_score(chart, ["b"], criterion="reach", max_distance=2) == 1.0
    # DR = (1/1 + 1/1 + 1/2) / n = 2.5 / 4
    assert key_player_score(chart, ["b"], criterion="distance_reach") == pytest.approx(0.625)
    # the set {a, d} reaches b and c directly
    assert key_player_score(chart, ["a", "d"], criterion="reach") == 1.0


def test_path_of_five_middle_node() -> None:
    found = key_players(PATH5, 1)
    assert found.nodes == ("c",) and found.k == 1 and found.converged
    # {a, b} and {d, e} remain: 4 ordered pairs at distance 1 of 4 * 3 = 12
    assert found.score == pytest.approx(1 - 4 / 12)
    # intact path: 2 * (4 + 3/2 + 2/3 + 1/4) / 20
    assert found.baseline == pytest.approx(1 - 2 * (4 + 3 / 2 + 2 / 3 + 1 / 4) / 20)
    assert found.gain == pytest.approx(found.score - found.baseline)
    assert key_players(PATH5, 1, criterion="component_fragmentation").nodes == ("c",)


def test_two_cliques_joined_through_one_node() -> None:
    left = [(a, b) for a, b in combinations("abcd", 2)]
    right = [(a, b) for a, b in combinations("efgh", 2)]
    chart = chart_of([*left, *right, ("x", "a"), ("x", "b"), ("x", "e"), ("x", "f")])
    for criterion in ("fragmentation", "component_fragmentation"):
        for engine in ("igraph", "networkx"):
            found = key_players(chart, 1, criterion=criterion, engine=engine)
            assert found.nodes == ("x",), (criterion, engine)
    # two cliques of 4 left: 2 * 4 * 3 = 24 ordered pairs of 8 * 7 = 56 still tied
    assert key_players(chart, 1, criterion="component_fragmentation").score == pytest.approx(1 - 24 / 56)


def test_distance_weighting_can_prefer_an_unbalanced_cut() -> None:
    # cliques a-d and e-h joined by the path d - x - e. Removing x leaves 4 + 4 (24 ordered
    # pairs at distance 1 of 56); removing d leaves 3 + 5 with more pairs tied (26) but some
    # of them at distance 2 (x to f, g, h): sum of 1/d = 6 + 12 + 2 + 6/2 = 23 < 24.
    left = [(a, b) for a, b in combinations("abcd", 2)]
    right = [(a, b) for a, b in combinations("efgh", 2)]
    chart = chart_of([*left, *right, ("d", "x"), ("x", "e")])
    assert key_players(chart, 1, criterion="component_fragmentation").nodes == ("x",)
    assert key_player_score(chart, ["x"]) == pytest.approx(1 - 24 / 56)
    assert key_player_score(chart, ["d"]) == pytest.approx(1 - 23 / 56)
    assert key_players(chart, 1).nodes == ("d",)


def test_star_centre_for_both_criteria() -> None:
    chart = chart_of([("hub", x) for x in "abcdef"])
    for criterion in CRITERIA:
        found = key_players(chart, 1, criterion=criterion)
        assert found.nodes == ("hub",), criterion
    assert key_players(chart, 1).score == 1.0  # no tie left
    assert key_players(chart, 1, criterion="reach").score == 1.0
    assert key_players(chart, 1, criterion="reach").baseline == 0.0


def test_set_is_ordered_by_contribution() -> None:
    # a long path: removing c and g; c cuts a larger piece than the other
    chart = chart_of([(a, b) for a, b in zip("abcdefghi", "bcdefghij", strict=False)])
    found = key_players(chart, 2, criterion="component_fragmentation")
    assert len(found.nodes) == len(found.contributions) == 2
    assert list(found.contributions) == sorted(found.contributions, reverse=True)
    for node, c in zip(found.nodes, found.contributions, strict=True):
        rest = [x for x in found.nodes if x != node]
        without = key_player_score(chart, rest, criterion="component_fragmentation")
        assert c == pytest.approx(found.score - without)


def test_directed_reading_reaches_outwards() -> None:
    chart = chart_of([("a", "b"), ("b", "c"), ("c", "d")], directed=True)
    # out-reach: only a reaches everyone
    assert key_players(chart, 1, criterion="reach", max_distance=3, directed=True).nodes == ("a",)
    assert key_player_score(chart, ["d"], criterion="reach", directed=True) == 0.0
    assert key_player_score(chart, ["d"], criterion="reach", directed=False) == pytest.approx(
        1 / 3
    )  # undirected


# --------------------------------------------------------------------------- Central Asia
@pytest.fixture(scope="module")
def central_asia() -> LinkChart:
    return linkchart.load(ROOT / "graphs" / "central_asia.yaml")


def test_central_asia(central_asia: LinkChart) -> None:
    one = key_players(central_asia, 1)
    top = linkchart.articulation_points(central_asia)[0]
    # the node whose removal fragments most is the articulation point that cuts off most
    assert one.nodes == (top.node_id,)
    assert one.score > one.baseline
    for criterion in ("fragmentation", "reach"):
        a = key_players(central_asia, 3, criterion=criterion)
        b = key_players(central_asia, 3, criterion=criterion, engine="networkx")
        assert a.nodes == b.nodes and a.score == b.score and a.converged
        assert len(set(a.nodes)) == 3 and top.node_id in a.nodes
        assert a.score == key_player_score(central_asia, a.nodes, criterion=criterion)


# --------------------------------------------------------------------------- search
def test_same_seed_same_set_and_global_random_untouched() -> None:
    chart = chart_of([(a, b) for a, b in zip("abcdefghijkl", "bcdefghijkla", strict=False)] + [("a", "g")])
    state, np_state = random.getstate(), np.random.get_state()
    first = key_players(chart, 3, search="swap", start="random", seed=7, restarts=3)
    second = key_players(chart, 3, search="swap", start="random", seed=7, restarts=3)
    assert first == second
    assert random.getstate() == state
    after = np.random.get_state()
    assert after[0] == np_state[0] and np.array_equal(after[1], np_state[1])
    assert first.parameters["seed"] == 7 and first.parameters["start"] == "random"


def test_max_iter_zero_keeps_the_start() -> None:
    found = key_players(PATH5, 1, search="swap", start="random", seed=3, max_iter=0)
    assert not found.converged or found.nodes == ("c",)
    assert found.parameters["search"] == "swap"
    assert key_players(PATH5, 1, search="swap", start="random", seed=3).nodes == ("c",)
    assert key_players(PATH5, 1).parameters["search"] == "exhaustive"


@st.composite
def small_charts(draw: Any) -> LinkChart:
    n = draw(st.integers(min_value=3, max_value=9))
    ids = [f"n{i}" for i in range(n)]
    pair = st.tuples(st.integers(0, n - 1), st.integers(0, n - 1))
    edges = draw(st.lists(pair, max_size=2 * n))
    vocab = linkchart.Vocabulary(
        relations=(linkchart.Relation("arc", directed=True), linkchart.Relation("tie", directed=False))
    )
    rels = draw(st.lists(st.sampled_from(["arc", "tie"]), min_size=len(edges), max_size=len(edges)))
    return linkchart.from_records(
        [{"id": x, "type": "person"} for x in ids],
        [{"from": ids[a], "relation": r, "to": ids[b]} for (a, b), r in zip(edges, rels, strict=True)],
        vocabulary=vocab,
    )


@SETTINGS
@given(chart=small_charts(), data=st.data())
def test_engines_give_the_same_score(chart: LinkChart, data: Any) -> None:
    members = data.draw(st.sets(st.sampled_from(chart.node_ids), max_size=chart.number_of_nodes - 1))
    for criterion in CRITERIA:
        for directed in (False, True):
            kw: dict[str, Any] = {"criterion": criterion, "directed": directed, "max_distance": 2}
            a = key_player_score(chart, members, engine="igraph", **kw)
            b = key_player_score(chart, members, engine="networkx", **kw)
            assert a == b, (criterion, directed)
            assert 0.0 <= a <= 1.0


@SETTINGS
@given(chart=small_charts(), k=st.integers(min_value=1, max_value=2))
def test_optimiser_reaches_the_exhaustive_optimum(chart: LinkChart, k: int) -> None:
    for criterion in CRITERIA:
        for directed in (False, True):
            kw: dict[str, Any] = {"criterion": criterion, "directed": directed}
            best = max(key_player_score(chart, s, **kw) for s in combinations(chart.node_ids, k))
            found = key_players(chart, k, **kw)  # small enough to be solved exactly
            assert found.score == pytest.approx(best, abs=1e-12), (criterion, directed)
            assert found.nodes == key_players(chart, k, engine="networkx", **kw).nodes
            # the swap search alone ends at a local optimum: no single swap improves it
            local = key_players(chart, k, search="swap", **kw)
            assert local.converged and local.score <= best + 1e-12
            if k == 1:
                assert local.score == pytest.approx(best, abs=1e-12)  # one swap round is exhaustive
            for out in local.nodes:
                for into in set(chart.node_ids) - set(local.nodes):
                    trial = [x for x in local.nodes if x != out] + [into]
                    assert key_player_score(chart, trial, **kw) <= local.score + 1e-12


def test_swap_search_with_restarts_on_central_asia(central_asia: LinkChart) -> None:
    exact = key_players(central_asia, 2, criterion="reach", search="exhaustive")
    swap = key_players(central_asia, 2, criterion="reach", search="swap", restarts=5, seed=1)
    assert swap.score <= exact.score
    assert swap.score == pytest.approx(exact.score)  # greedy + swaps finds it here


# --------------------------------------------------------------------------- errors
def test_bad_arguments() -> None:
    with pytest.raises(LinkchartError, match="k must be an integer from 1 to 4"):
        key_players(PATH5, 0)
    with pytest.raises(LinkchartError, match="k must be an integer from 1 to 4"):
        key_players(PATH5, 5)
    with pytest.raises(LinkchartError, match="no nodes"):
        key_players(linkchart.from_records([], []))
    with pytest.raises(UnknownNameError, match="did you mean 'fragmentation'"):
        key_players(PATH5, criterion="fragmentaton")  # type: ignore[arg-type]
    with pytest.raises(UnknownNameError, match="unknown start"):
        key_players(PATH5, start="best")  # type: ignore[arg-type]
    with pytest.raises(LinkchartError, match="max_distance must be an integer of at least 1"):
        key_players(PATH5, criterion="reach", max_distance=0)
    with pytest.raises(LinkchartError, match="seed must be an integer"):
        key_players(PATH5, seed=1.5)  # type: ignore[arg-type]
    with pytest.raises(UnknownNameError, match="did you mean 'c'"):
        key_player_score(PATH5, ["C"])
    with pytest.raises(LinkchartError, match="holds all 5 nodes"):
        key_player_score(PATH5, list("abcde"))
    with pytest.raises(UnknownNameError, match="unknown relation"):
        key_players(PATH5, relations=["knows"])
