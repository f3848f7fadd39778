"""Gould-Fernandez brokerage: hand-worked roles, the null model's moments, engine agreement."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import linkchart
from linkchart import LinkchartError, Relation, UnknownNameError, Vocabulary
from linkchart.analysis.brokerage import ROLES, _moments, brokerage
from linkchart.analysis.roles import groups_of

DIRECTED = Vocabulary(relations=(Relation("pays"), Relation("knows", directed=False)))
ENGINES = ["igraph", "networkx"]


def chart(groups: Mapping[str, str], edges: Sequence[tuple[str, str, str]]) -> linkchart.LinkChart:
    """Nodes typed by their group (types taken as they appear), edges ``(from, relation, to)``."""
    return linkchart.from_records(
        [{"id": n, "type": g} for n, g in groups.items()],
        [{"from": a, "relation": r, "to": b} for a, r, b in edges],
        vocabulary=Vocabulary(
            node_types=tuple(linkchart.NodeType(t) for t in dict.fromkeys(groups.values())),
            relations=DIRECTED.relations,
        ),
    )


def only(role: str, count: int = 1) -> dict[str, int]:
    return {r: (count if r == role else 0) for r in ROLES}


ZERO = {r: 0 for r in ROLES}

# Groups of (a, b, c) for each role: the broker is always b.
ROLE_GROUPS = {
    "coordinator": ("X", "X", "X"),
    "itinerant": ("X", "Y", "X"),
    "representative": ("X", "X", "Y"),
    "gatekeeper": ("Y", "X", "X"),
    "liaison": ("X", "Y", "Z"),
}


# ---------------------------------------------------------------------------- hand-worked roles
@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("role", ROLES)
def test_each_role_directed(role: str, engine: str) -> None:
    ga, gb, gc = ROLE_GROUPS[role]
    c = chart({"a": ga, "b": gb, "c": gc}, [("a", "pays", "b"), ("b", "pays", "c")])
    result = brokerage(c, engine=engine)  # type: ignore[arg-type]
    assert result == {"a": ZERO, "b": only(role), "c": ZERO}


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("role", ROLES)
def test_each_role_undirected_counts_both_directions(role: str, engine: str) -> None:
    # a - b - c undirected: two paths a->b->c and c->b->a. Reversed, a representative
    # path is a gatekeeper one and vice versa; the other roles read the same both ways.
    ga, gb, gc = ROLE_GROUPS[role]
    c = chart({"a": ga, "b": gb, "c": gc}, [("a", "knows", "b"), ("c", "knows", "b")])
    reverse = {"representative": "gatekeeper", "gatekeeper": "representative"}.get(role, role)
    expected = {r: int(r == role) + int(r == reverse) for r in ROLES}
    assert brokerage(c, engine=engine)["b"] == expected  # type: ignore[arg-type]
    assert brokerage(c, engine=engine)["a"] == ZERO  # type: ignore[arg-type]


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("role", ROLES)
def test_directed_false_reads_directed_ties_as_mutual(role: str, engine: str) -> None:
    ga, gb, gc = ROLE_GROUPS[role]
    c = chart({"a": ga, "b": gb, "c": gc}, [("a", "pays", "b"), ("b", "pays", "c")])
    undirected = chart({"a": ga, "b": gb, "c": gc}, [("a", "knows", "b"), ("b", "knows", "c")])
    assert brokerage(c, directed=False, engine=engine) == brokerage(undirected, engine=engine)  # type: ignore[arg-type]
    assert sum(brokerage(c, directed=False)["b"].values()) == 2


@pytest.mark.parametrize("engine", ENGINES)
def test_a_tie_from_a_to_c_closes_the_path_but_c_to_a_does_not(engine: str) -> None:
    groups = {"a": "X", "b": "X", "c": "X"}
    closed = chart(groups, [("a", "pays", "b"), ("b", "pays", "c"), ("a", "pays", "c")])
    assert brokerage(closed, engine=engine)["b"] == ZERO  # type: ignore[arg-type]
    # c -> a adds the path b -> c -> a (broker c; b -> a absent) and c -> a -> b (broker
    # a; c -> b absent), and leaves a -> b -> c open.
    back = chart(groups, [("a", "pays", "b"), ("b", "pays", "c"), ("c", "pays", "a")])
    assert brokerage(back, engine=engine) == {  # type: ignore[arg-type]
        "a": only("coordinator"),
        "b": only("coordinator"),
        "c": only("coordinator"),
    }


@pytest.mark.parametrize("engine", ENGINES)
def test_undirected_relation_counts_both_ways_in_a_mixed_chart(engine: str) -> None:
    # a - b undirected, b -> c directed: a->b->c is a path (a - b read as a->b); c has no
    # arc back, so the only other candidate, c->b->a, does not exist.
    c = chart({"a": "X", "b": "Y", "c": "Z"}, [("a", "knows", "b"), ("b", "pays", "c")])
    assert brokerage(c, engine=engine)["b"] == only("liaison")  # type: ignore[arg-type]


@pytest.mark.parametrize("engine", ENGINES)
def test_parallel_edges_and_self_loops_do_not_count(engine: str) -> None:
    c = chart(
        {"a": "X", "b": "Y", "c": "X"},
        [
            ("a", "pays", "b"),
            ("a", "pays", "b"),
            ("a", "knows", "b"),
            ("b", "pays", "c"),
            ("b", "pays", "c"),
            ("b", "pays", "b"),
        ],
    )
    # a -> b -> c once; a - b is also b -> a, but c -> b -> a would need c -> b.
    assert brokerage(c, engine=engine)["b"] == only("itinerant")  # type: ignore[arg-type]


def test_relations_select_the_ties() -> None:
    # a -> b -> c, closed by a - c only when "knows" counts
    c = chart({"a": "X", "b": "X", "c": "X"}, [("a", "pays", "b"), ("b", "pays", "c"), ("a", "knows", "c")])
    assert brokerage(c)["b"] == ZERO
    assert brokerage(c, relations=["pays"])["b"] == only("coordinator")
    assert brokerage(c, relations="knows") == {"a": ZERO, "b": ZERO, "c": ZERO}


def test_a_star_of_three_groups() -> None:
    # Hub h (group H) with in-arcs from x1, x2 (X) and out-arcs to x3 (X), y (Y):
    # x1->h->x3, x2->h->x3 itinerant; x1->h->y, x2->h->y liaison.
    c = chart(
        {"h": "H", "x1": "X", "x2": "X", "x3": "X", "y": "Y"},
        [("x1", "pays", "h"), ("x2", "pays", "h"), ("h", "pays", "x3"), ("h", "pays", "y")],
    )
    assert brokerage(c)["h"] == {**ZERO, "itinerant": 2, "liaison": 2}


# ---------------------------------------------------------------------------- partitions
def test_partition_by_attribute_and_by_mapping() -> None:
    c = linkchart.from_records(
        [
            {"id": "a", "type": "state", "attributes": {"side": "north"}},
            {"id": "b", "type": "state", "attributes": {"side": "south"}},
            {"id": "c", "type": "state", "attributes": {"side": "north"}},
        ],
        [{"from": "a", "relation": "r", "to": "b"}, {"from": "b", "relation": "r", "to": "c"}],
    )
    assert brokerage(c)["b"] == only("coordinator")  # all of type state
    assert brokerage(c, partition="side")["b"] == only("itinerant")
    assert brokerage(c, partition={"a": 1, "b": 1, "c": 2})["b"] == only("representative")
    assert groups_of(c, "side") == {"a": "north", "b": "south", "c": "north"}


def test_nodes_without_a_group_are_named() -> None:
    c = linkchart.from_records(
        [
            {"id": "a", "type": "state", "attributes": {"side": "north"}},
            {"id": "Tajikistan", "type": "state"},
            {"id": "Uzbekistan", "type": "state"},
        ],
        [],
    )
    missing = r"2 nodes have no group under attribute 'side': 'Tajikistan', 'Uzbekistan'"
    with pytest.raises(LinkchartError, match=missing):
        brokerage(c, partition="side")
    with pytest.raises(LinkchartError, match="1 node has no group under the partition mapping: 'Uzbekistan'"):
        brokerage(c, partition={"a": 1, "Tajikistan": 2})


def test_unknown_names_have_did_you_mean_hints() -> None:
    c = linkchart.from_records([{"id": "Tajikistan", "type": "state", "attributes": {"side": "x"}}], [])
    with pytest.raises(UnknownNameError, match="did you mean 'side'"):
        brokerage(c, partition="sides")
    with pytest.raises(UnknownNameError, match="did you mean 'Tajikistan'"):
        brokerage(c, partition={"Tajikstan": 1})
    with pytest.raises(UnknownNameError, match="unknown engine 'igrph' — did you mean 'igraph'"):
        brokerage(c, engine="igrph")  # type: ignore[arg-type]
    with pytest.raises(UnknownNameError, match="unknown relation"):
        brokerage(c, relations=["pays"])
    with pytest.raises(LinkchartError, match="partition must be"):
        brokerage(c, partition=3)  # type: ignore[arg-type]
    with pytest.raises(LinkchartError, match="directed must be"):
        brokerage(c, directed="yes")  # type: ignore[arg-type]


def test_empty_and_tieless_charts() -> None:
    empty = linkchart.from_records([], [])
    assert brokerage(empty) == {}
    r = brokerage(empty)
    assert dict(r.counts) == {} and r.density == 0.0
    lone = linkchart.from_records([{"id": "a", "type": "state"}, {"id": "b", "type": "state"}], [])
    assert brokerage(lone, engine="networkx") == {"a": ZERO, "b": ZERO}
    scores = brokerage(lone)
    assert scores.counts["a"]["total"] == 0
    assert math.isnan(scores.z["a"]["coordinator"])  # impossible role: sd 0, z NaN


# ---------------------------------------------------------------------------- null model
def test_z_scores_worked_by_hand() -> None:
    # Groups X = {a, b}, Y = {c, d}; arcs a->b, b->c, c->d. N = 4, m = 3,
    # d = 3 / (4 * 3) = 1/4, so an open path has p = d^2 (1-d) = 3/64 and two paths
    # sharing an arc have covariance d^3 (1-d)^3 = 27/4096.
    # Broker b (group X, n_i = 2): a->b->c with a, b in X and c in Y: representative.
    #   representative: (n_i-1)(N-n_i) = 1*2 = 2 candidate (a, c) pairs, E = 6/64;
    #   pairs sharing an arc: 2[(n_i-1) C(N-n_i, 2) + (N-n_i) C(n_i-1, 2)] = 2[1 + 0] = 2;
    #   Var = E (1-p) + 2 * 27/4096 = 366/4096 + 54/4096 = 420/4096;
    #   z = (1 - 6/64) / (sqrt(420)/64) = 58 / sqrt(420) = 2.8301.
    #   itinerant: 2*1 = 2 pairs inside Y, E = 6/64, no shared pairs (n_j - 2 = 0):
    #   z = (0 - 6/64) / (sqrt(366)/64) = -6 / sqrt(366) = -0.3136.
    #   total: (N-1)(N-2) = 6 pairs, E = 18/64, shared 2*3*2*1 = 12,
    #   Var = (18*61 + 12*27)/4096 = 1422/4096, z = (1 - 18/64) / (sqrt(1422)/64) = 46/sqrt(1422).
    #   coordinator: (n_i-1)(n_i-2) = 0 pairs: E = 0, sd = 0, z NaN; liaison likewise.
    # Broker c (group Y): b->c->d, b in X, c and d in Y: gatekeeper, same moments.
    c = chart(
        {"a": "X", "b": "X", "c": "Y", "d": "Y"}, [("a", "pays", "b"), ("b", "pays", "c"), ("c", "pays", "d")]
    )
    for engine in ENGINES:
        r = brokerage(c, engine=engine)  # type: ignore[arg-type]
        assert r.density == pytest.approx(0.25)
        assert r.counts["b"] == {**only("representative"), "total": 1}
        assert r.expected["b"]["representative"] == pytest.approx(6 / 64)
        assert r.sd["b"]["representative"] == pytest.approx(math.sqrt(420) / 64)
        assert r.z["b"]["representative"] == pytest.approx(58 / math.sqrt(420))
        assert r.z["b"]["representative"] == pytest.approx(2.8301, abs=1e-4)
        assert r.z["b"]["itinerant"] == pytest.approx(-6 / math.sqrt(366))
        assert r.z["b"]["total"] == pytest.approx(46 / math.sqrt(1422))
        assert math.isnan(r.z["b"]["coordinator"]) and math.isnan(r.z["b"]["liaison"])
        assert r.z["c"]["gatekeeper"] == pytest.approx(58 / math.sqrt(420))
        assert r.role("gatekeeper") == {"a": 0, "b": 0, "c": 1, "d": 0}
        assert r.role("representative", "z")["b"] == pytest.approx(2.8301, abs=1e-4)
    with pytest.raises(UnknownNameError, match="did you mean 'liaison'"):
        r.role("liason")


@given(st.lists(st.integers(1, 6), min_size=1, max_size=5), st.floats(0.0, 1.0))
def test_expected_counts_of_the_roles_add_up_to_the_total(sizes: list[int], d: float) -> None:
    # Every (a, c) pair of other nodes falls in exactly one role for a given broker.
    mean, _ = _moments(np.array(sizes, dtype=np.float64), d)
    assert mean[:, :5].sum(axis=1) == pytest.approx(mean[:, 5])


def test_moments_match_a_simulation_of_the_null_model() -> None:
    # 40 000 random digraphs on 7 nodes in groups of sizes 3, 2, 2 with arc probability
    # 0.3: the sample mean and variance of broker 0's counts match the closed forms.
    rng = np.random.default_rng(20240611)
    group = np.array([0, 0, 0, 1, 1, 2, 2])
    n, d, samples = len(group), 0.3, 40_000
    adj = rng.random((samples, n, n)) < d
    adj[:, np.arange(n), np.arange(n)] = False
    b = 0
    others = [v for v in range(n) if v != b]
    sims = np.zeros((samples, 6))
    for a in others:
        for c in others:
            if a == c:
                continue
            path = adj[:, a, b] & adj[:, b, c] & ~adj[:, a, c]
            ga, gb, gc = group[a], group[b], group[c]
            role = 0 if ga == gb == gc else 1 if ga == gc else 2 if ga == gb else 3 if gb == gc else 4
            sims[:, role] += path
            sims[:, 5] += path
    mean, var = _moments(np.bincount(group).astype(np.float64), d)
    for r in range(6):
        se = math.sqrt(var[0, r] / samples)
        assert abs(sims[:, r].mean() - mean[0, r]) < 5 * se + 1e-12
        assert sims[:, r].var() == pytest.approx(var[0, r], rel=0.05)


# ---------------------------------------------------------------------------- engines agree
def _definition(
    nodes: Sequence[tuple[str, str]],
    edges: Sequence[tuple[str, str, str]],
    directed_rel: Mapping[str, bool],
    undirected: bool,
) -> dict[str, dict[str, int]]:
    """Brokerage straight from the records, without the projection: the definition."""
    arcs = set()
    for a, r, b in edges:
        if a == b:
            continue
        arcs.add((a, b))
        if undirected or not directed_rel[r]:
            arcs.add((b, a))
    group = dict(nodes)
    out = {n: dict.fromkeys(ROLES, 0) for n, _ in nodes}
    for a, b in arcs:
        for b2, c in arcs:
            if b2 != b or a == c or (a, c) in arcs:
                continue
            ga, gb, gc = group[a], group[b], group[c]
            role = (
                "coordinator"
                if ga == gb == gc
                else "itinerant"
                if ga == gc
                else "representative"
                if ga == gb
                else "gatekeeper"
                if gb == gc
                else "liaison"
            )
            out[b][role] += 1
    return out


@st.composite
def typed_multigraphs(draw: Any) -> tuple[list[tuple[str, str]], list[tuple[str, str, str]]]:
    n = draw(st.integers(0, 12))
    nodes = [(f"n{i}", draw(st.sampled_from(["state", "organisation", "region"]))) for i in range(n)]
    if n == 0:
        return nodes, []
    ids = st.sampled_from([x for x, _ in nodes])
    edges = draw(st.lists(st.tuples(ids, st.sampled_from(["pays", "knows"]), ids), max_size=40))
    # repeat some edges to make parallel ones
    edges += draw(st.lists(st.sampled_from(edges), max_size=10)) if edges else []
    return nodes, edges


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(typed_multigraphs(), st.booleans())
def test_engines_agree_with_each_other_and_the_definition(
    graph: tuple[list[tuple[str, str]], list[tuple[str, str, str]]], undirected: bool
) -> None:
    nodes, edges = graph
    c = linkchart.from_records(
        [{"id": n, "type": t} for n, t in nodes],
        [{"from": a, "relation": r, "to": b} for a, r, b in edges],
        vocabulary=DIRECTED,
    )
    directed = False if undirected else None
    fast = brokerage(c, directed=directed)
    assert fast == brokerage(c, directed=directed, engine="networkx")
    assert fast == _definition(nodes, edges, {"pays": True, "knows": False}, undirected)
    if undirected:  # symmetric data: every representative path is a gatekeeper path reversed
        assert sum(r["representative"] for r in fast.values()) == sum(r["gatekeeper"] for r in fast.values())
    scores = brokerage(c, directed=directed, engine="networkx")
    assert {k: {r: v[r] for r in ROLES} for k, v in scores.counts.items()} == fast


def test_engines_agree_on_the_central_asia_graph() -> None:
    from pathlib import Path

    path = Path(__file__).resolve().parents[2] / "graphs" / "central_asia.yaml"
    c = linkchart.load(path)
    fast = brokerage(c)
    assert fast == brokerage(c, engine="networkx")
    # The IMT ties organisations, states, places and events: it brokers in several roles.
    assert sum(fast["IMT"].values()) > 0
    assert brokerage(c).counts["IMT"]["liaison"] == fast["IMT"]["liaison"]


# ---------------------------------------------------------------------------- flags on the z-scores
def test_a_z_score_from_an_expected_count_below_one_is_flagged() -> None:
    # a liaison across three groups of a sparse chart: one path, expected far below once
    groups = {f"x{i}": "X" for i in range(6)} | {f"y{i}": "Y" for i in range(6)} | {"z": "Z"}
    c = chart(groups, [("x0", "pays", "y0"), ("y0", "pays", "z")])
    result = brokerage(c)
    assert result.counts["y0"]["liaison"] == 1
    assert result.expected["y0"]["liaison"] < 1 and result.z["y0"]["liaison"] > 3
    assert result.flag("y0", "liaison").startswith("expected 0.")
    assert "not a normal one" in result.flag("y0", "liaison")
    assert result.partition_note == ""  # no group holds nearly every node
    with pytest.raises(UnknownNameError):
        result.flag("y0", "broker")


def test_a_role_expected_several_times_is_not_flagged() -> None:
    rng = np.random.default_rng(0)
    n = 14
    arcs = [(f"v{a}", "pays", f"v{b}") for a in range(n) for b in range(n) if a != b and rng.random() < 0.3]
    result = brokerage(chart({f"v{i}": "X" if i < 7 else "Y" for i in range(n)}, arcs))
    expected = [result.expected[v]["total"] for v in result]
    assert min(expected) >= 1
    assert all(result.flag(v, "total") == "" for v in result)


def test_a_partition_where_almost_every_node_is_one_type_is_flagged() -> None:
    groups = {f"v{i}": "organisation" for i in range(19)} | {"s": "state"}
    c = chart(groups, [("v0", "pays", "v1"), ("v1", "pays", "s")])
    note = brokerage(c).partition_note
    assert note.startswith("one group (organisation) holds 19 of 20 nodes (95%)")
    assert brokerage(c, partition={v: i % 2 for i, v in enumerate(groups)}).partition_note == ""
