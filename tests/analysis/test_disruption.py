"""disruption: fragmentation of a path and a star by hand, strategies, seeds, the plot."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

import linkchart
from linkchart import LinkchartError, UnknownNameError

CURVES = ("fragmentation", "largest", "efficiency")


def chart(ties: list[tuple[str, str]], extra: str = "") -> linkchart.LinkChart:
    ids = sorted({x for t in ties for x in t} | set(extra))
    return linkchart.from_records(
        [{"id": x, "type": "person"} for x in ids],
        [{"from": a, "relation": "knows", "to": b} for a, b in ties],
    )


def test_a_path_broken_in_its_middle() -> None:
    # a - b - c - d - e: removing c (highest betweenness) leaves {a, b} and {d, e}
    d = linkchart.disruption(chart([("a", "b"), ("b", "c"), ("c", "d"), ("d", "e")]), steps=1)
    assert d.removed == ("c",)
    # F = 1 - sum s(s-1) / (n(n-1)): intact 0; after, 1 - (2 + 2) / 12 = 2/3
    assert d.fragmentation.tolist() == pytest.approx([0.0, 2 / 3])
    assert d.largest.tolist() == pytest.approx([1.0, 0.4])
    # efficiency of a 5-path: sum over ordered pairs of 1/d = 2 (4/1 + 3/2 + 2/3 + 1/4) / 20
    assert d.efficiency[0] == pytest.approx(2 * (4 + 3 / 2 + 2 / 3 + 1 / 4) / 20)
    assert d.efficiency[1] == pytest.approx(4 / 12)  # two pairs, both ways, distance 1


def test_a_star_loses_everything_with_its_hub_and_isolates_are_not_the_network() -> None:
    star = chart([("h", x) for x in "abcd"], extra="z")  # z has no tie: not part of the network
    d = linkchart.disruption(star, strategy="degree", steps=2)
    assert d.parameters["nodes"] == 5 and d.removed[0] == "h"
    assert d.fragmentation.tolist()[:2] == pytest.approx([0.0, 1.0])
    assert d.largest.tolist()[:2] == pytest.approx([1.0, 0.2])


def test_strategies_agree_where_they_must_and_random_is_seeded() -> None:
    c = chart([("a", "b"), ("b", "c"), ("c", "d"), ("d", "e"), ("b", "f"), ("f", "g")])
    kp = linkchart.disruption(c, strategy="key_players", steps=1)
    assert kp.removed == ("b",)  # the cut that leaves the most pairs apart
    r1 = linkchart.disruption(c, strategy="random", steps=3, seed=4, runs=20)
    r2 = linkchart.disruption(c, strategy="random", steps=3, seed=4, runs=20)
    assert r1.fragmentation.tolist() == r2.fragmentation.tolist() and r1.removed == ()
    lo, hi = r1.bands["fragmentation"]
    assert (lo <= r1.fragmentation + 1e-12).all() and (r1.fragmentation <= hi + 1e-12).all()
    initial = linkchart.disruption(c, steps=3, recompute=False)
    assert initial.removed[0] == "b" and len(initial.removed) == 3


def test_the_random_runs_are_seed_0_by_default_and_the_same_on_any_executor() -> None:
    c = chart([("a", "b"), ("b", "c"), ("c", "d"), ("d", "e"), ("b", "f"), ("f", "g")])
    default = linkchart.disruption(c, strategy="random", steps=3, runs=15)
    assert default.parameters["seed"] == 0
    zero = linkchart.disruption(c, strategy="random", steps=3, runs=15, seed=0)
    assert default.fragmentation.tobytes() == zero.fragmentation.tobytes()
    with ThreadPoolExecutor(3) as pool:
        pooled = linkchart.disruption(c, strategy="random", steps=3, runs=15, executor=pool)
    assert all(getattr(pooled, k).tobytes() == getattr(default, k).tobytes() for k in CURVES)
    assert pooled.bands["efficiency"][1].tobytes() == default.bands["efficiency"][1].tobytes()
    with pytest.raises(LinkchartError, match="seed must be an integer from 0"):
        linkchart.disruption(c, seed=None)  # type: ignore[arg-type]


def test_errors() -> None:
    c = chart([("a", "b"), ("b", "c")])
    with pytest.raises(UnknownNameError, match="strategy"):
        linkchart.disruption(c, strategy="closeness")  # type: ignore[arg-type]
    with pytest.raises(LinkchartError, match="steps must be"):
        linkchart.disruption(c, steps=0)
