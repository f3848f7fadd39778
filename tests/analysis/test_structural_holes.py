"""Burt's constraint and effective size: Borgatti's worked example, engine agreement, edge cases."""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import linkchart
from linkchart import LinkchartError, Relation, UnknownNameError, Vocabulary
from linkchart.analysis.structural_holes import constraint, effective_size

ENGINES = ["igraph", "networkx"]
KNOWS = Vocabulary(relations=(Relation("knows", directed=False), Relation("pays")))

# Borgatti, "Structural holes: unpacking Burt's redundancy measures", Connections 20(1),
# 1997: the ego network of A, with the values UCINET gives (also networkx's test values).
BORGATTI = [
    ("A", "B", 2),
    ("A", "F", 3),
    ("A", "G", 5),
    ("A", "E", 2),
    ("E", "G", 8),
    ("F", "G", 3),
    ("B", "G", 4),
    ("B", "D", 1),
    ("D", "G", 3),
    ("G", "C", 10),
]
# A small digraph with UCINET values: 0 -> 1, 0 -> 2, 1 -> 0, 2 -> 1 (weights 2, 2, 1, 1).
DIGRAPH = [("0", "1", 2), ("0", "2", 2), ("1", "0", 1), ("2", "1", 1)]


def chart(edges: Sequence[tuple[str, str, float]], relation: str = "knows") -> linkchart.LinkChart:
    ids = sorted({x for a, b, _ in edges for x in (a, b)})
    return linkchart.from_records(
        [{"id": n, "type": "person"} for n in ids],
        [{"from": a, "relation": relation, "to": b, "weight": w} for a, b, w in edges],
        vocabulary=KNOWS,
    )


@pytest.mark.parametrize("engine", ENGINES)
def test_borgatti_example_unweighted(engine: str) -> None:
    c = chart(BORGATTI)
    con = constraint(c, engine=engine)  # type: ignore[arg-type]
    assert con["G"] == pytest.approx(0.400, abs=1e-3)
    assert con["A"] == pytest.approx(0.595, abs=1e-3)
    assert con["C"] == pytest.approx(1.0)
    size = effective_size(c, engine=engine)  # type: ignore[arg-type]
    assert size["G"] == pytest.approx(4.67, abs=1e-2)
    assert size["A"] == pytest.approx(2.50, abs=1e-2)  # Borgatti: 4 - 2*3/4
    assert size["C"] == pytest.approx(1.0)
    eff = effective_size(c, engine=engine, normalized=True)  # type: ignore[arg-type]
    assert eff["A"] == pytest.approx(2.5 / 4)
    assert eff.measure == "efficiency" and size.measure == "effective_size"


@pytest.mark.parametrize("engine", ENGINES)
def test_borgatti_example_weighted(engine: str) -> None:
    c = chart(BORGATTI)
    con = constraint(c, engine=engine, weight="weight")  # type: ignore[arg-type]
    assert con["G"] == pytest.approx(0.299, abs=1e-3)
    assert con["A"] == pytest.approx(0.795, abs=1e-3)
    size = effective_size(c, engine=engine, weight="weight")  # type: ignore[arg-type]
    assert size["G"] == pytest.approx(5.47, abs=1e-2)
    assert size["A"] == pytest.approx(2.47, abs=1e-2)
    assert size["C"] == pytest.approx(1.0)


@pytest.mark.parametrize("engine", ENGINES)
def test_directed_example(engine: str) -> None:
    c = chart(DIGRAPH, relation="pays")
    con = constraint(c, engine=engine)  # type: ignore[arg-type]
    assert [con[n] for n in "012"] == pytest.approx([1.003, 1.003, 1.389], abs=1e-3)
    size = effective_size(c, engine=engine)  # type: ignore[arg-type]
    assert [size[n] for n in "012"] == pytest.approx([1.167, 1.167, 1.0], abs=1e-3)
    wcon = constraint(c, engine=engine, weight="weight")  # type: ignore[arg-type]
    assert [wcon[n] for n in "012"] == pytest.approx([0.840, 1.143, 1.378], abs=1e-3)
    wsize = effective_size(c, engine=engine, weight="weight")  # type: ignore[arg-type]
    assert [wsize[n] for n in "012"] == pytest.approx([1.567, 1.083, 1.0], abs=1e-3)


@pytest.mark.parametrize("engine", ENGINES)
def test_star_and_triangle_by_hand(engine: str) -> None:
    star = chart([("h", x, 1) for x in "abcd"])
    con = constraint(star, engine=engine)  # type: ignore[arg-type]
    assert con["h"] == pytest.approx(4 * (1 / 4) ** 2) and con["a"] == pytest.approx(1.0)
    assert effective_size(star, engine=engine)["h"] == pytest.approx(4.0)  # type: ignore[arg-type]
    # Triangle: p = 1/2 everywhere, each local constraint (1/2 + 1/2 * 1/2)^2 = 9/16, two
    # contacts: 9/8; effective size 2 - 2*1/2 = 1.
    tri = chart([("a", "b", 1), ("b", "c", 1), ("a", "c", 1)])
    assert constraint(tri, engine=engine)["a"] == pytest.approx(9 / 8)  # type: ignore[arg-type]
    assert effective_size(tri, engine=engine)["a"] == pytest.approx(1.0)  # type: ignore[arg-type]


@pytest.mark.parametrize("engine", ENGINES)
def test_a_node_that_only_receives_is_not_isolated(engine: str) -> None:
    # networkx alone would give NaN to "c" (no out-arcs); both engines give Burt's value.
    c = chart([("a", "b", 1), ("a", "c", 1), ("b", "c", 1)], relation="pays")
    assert constraint(c, engine=engine)["c"] == pytest.approx(9 / 8)  # type: ignore[arg-type]
    assert effective_size(c, engine=engine)["c"] == pytest.approx(1.0)  # type: ignore[arg-type]


@pytest.mark.parametrize("engine", ENGINES)
def test_isolated_nodes_and_empty_charts(engine: str) -> None:
    c = linkchart.from_records(
        [{"id": "a", "type": "state"}, {"id": "b", "type": "state"}, {"id": "z", "type": "state"}],
        [{"from": "a", "relation": "r", "to": "b"}, {"from": "z", "relation": "r", "to": "z"}],
    )
    assert math.isnan(constraint(c, engine=engine)["z"])  # type: ignore[arg-type]
    assert math.isnan(effective_size(c, engine=engine)["z"])  # type: ignore[arg-type]
    assert math.isnan(effective_size(c, engine=engine, normalized=True)["z"])  # type: ignore[arg-type]
    assert constraint(c, engine=engine)["a"] == pytest.approx(1.0)  # type: ignore[arg-type]
    empty = linkchart.from_records([], [])
    assert len(constraint(empty, engine=engine)) == 0  # type: ignore[arg-type]
    assert len(effective_size(empty, engine=engine)) == 0  # type: ignore[arg-type]


def test_parameters_and_errors() -> None:
    c = chart(BORGATTI)
    s = constraint(c, relations="knows")
    expected = {"engine": "igraph", "relations": ["knows"], "weight": None, "directed": False}
    assert dict(s.parameters) == expected
    with pytest.raises(UnknownNameError, match="did you mean 'networkx'"):
        constraint(c, engine="netwrkx")  # type: ignore[arg-type]
    with pytest.raises(UnknownNameError, match="did you mean 'knows'"):
        effective_size(c, relations=["know"])
    with pytest.raises(UnknownNameError, match="unknown weighting"):
        effective_size(c, weight="heavy")  # type: ignore[arg-type]
    with pytest.raises(LinkchartError, match="normalized must be True or False"):
        effective_size(c, normalized="yes")  # type: ignore[arg-type]


def test_parallel_edges_merge_unless_weighted() -> None:
    # a-b reported three times, a-c once; b, c unconnected.
    c = chart([("a", "b", 1), ("a", "b", 1), ("a", "b", 1), ("a", "c", 1)])
    assert constraint(c)["a"] == pytest.approx(0.5)  # (1/2)^2 + (1/2)^2
    assert constraint(c, weight="count")["a"] == pytest.approx((3 / 4) ** 2 + (1 / 4) ** 2)
    assert constraint(c, weight="count", engine="networkx")["a"] == pytest.approx(0.625)


@st.composite
def multigraphs(draw: Any) -> linkchart.LinkChart:
    n = draw(st.integers(1, 14))
    ids = [f"n{i}" for i in range(n)]
    pick = st.sampled_from(ids)
    edges = draw(
        st.lists(
            st.tuples(pick, st.sampled_from(["knows", "pays"]), pick, st.sampled_from([0.5, 1.0, 2.0, 3.0])),
            max_size=45,
        )
    )
    edges += draw(st.lists(st.sampled_from(edges), max_size=10)) if edges else []
    return linkchart.from_records(
        [{"id": x, "type": "person"} for x in ids],
        [{"from": a, "relation": r, "to": b, "weight": w} for a, r, b, w in edges],
        vocabulary=KNOWS,
    )


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(multigraphs(), st.sampled_from([None, "weight", "count"]), st.sampled_from([None, False]))
def test_engines_agree_on_random_multigraphs(c: linkchart.LinkChart, weight: Any, directed: Any) -> None:
    for measure in (constraint, effective_size):
        fast = measure(c, weight=weight, directed=directed)
        ref = measure(c, weight=weight, directed=directed, engine="networkx")
        assert fast.keys() == ref.keys()
        for k in fast:
            assert fast[k] == pytest.approx(ref[k], nan_ok=True, rel=1e-9, abs=1e-12), (measure, k)


def test_engines_agree_on_the_central_asia_graph() -> None:
    c = linkchart.load(Path(__file__).resolve().parents[2] / "graphs" / "central_asia.yaml")
    for measure in (constraint, effective_size):
        fast, ref = measure(c), measure(c, engine="networkx")
        assert [fast[k] for k in fast] == pytest.approx([ref[k] for k in fast], nan_ok=True)
    # The IMT ties many otherwise unconnected actors and places: the least constrained node.
    con = constraint(c)
    assert min((v, k) for k, v in con.items() if not math.isnan(v))[1] == "IMT"
    assert effective_size(c).top(1)[0][0] == "IMT"
