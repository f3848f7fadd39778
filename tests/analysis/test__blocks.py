"""Shortest-path measures cut into fixed blocks (linkchart.analysis._blocks): the same bits for
any number of workers and any executor, and the value of one block."""

from __future__ import annotations

import multiprocessing
import pickle
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

import numpy as np
import pytest

import linkchart
from linkchart import executor
from linkchart.analysis._blocks import PathGraph
from linkchart.analysis.projection import project

PARALLEL = ("betweenness", "closeness", "harmonic", "bridging_centrality")


def _chart() -> linkchart.LinkChart:
    rng = np.random.default_rng(7)
    n, m = 60, 150
    nodes = [{"id": f"n{i}", "type": "person"} for i in range(n)]
    ends = rng.integers(0, n, size=(m, 2))
    levels = ["confirmed", "reported", "alleged", "possible"]
    edges = [
        {
            "from": f"n{a}",
            "relation": "knows",
            "to": f"n{b}",
            "confidence": levels[i % 4],
            "weight": 1 + i % 3,
        }
        for i, (a, b) in enumerate(ends.tolist())
        if a != b
    ]
    return linkchart.from_records(nodes, edges)


@pytest.fixture(scope="module")
def chart() -> linkchart.LinkChart:
    return _chart()


@pytest.fixture
def small_blocks(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Blocks of a few vertices, so that a small chart is cut into many."""
    monkeypatch.setattr(executor, "BLOCK_WORK", 400)
    yield


def test_the_blocks_depend_on_the_size_of_the_work_alone(chart: linkchart.LinkChart) -> None:
    p = project(chart)
    assert executor.blocks(p.n, p.m) == [range(p.n)]  # a chart of this size is one block


@pytest.mark.parametrize("name", PARALLEL)
@pytest.mark.parametrize("weight", [None, "confidence_sum"])
def test_every_worker_count_and_executor_gives_the_same_bits(
    name: str, weight: str | None, chart: linkchart.LinkChart, small_blocks: None
) -> None:
    measure = linkchart.MEASURES[name]
    assert len(executor.blocks(chart.number_of_nodes, project(chart).m)) > 5
    one = measure(chart, weight=weight, workers=1).values_array
    for workers in (2, 3):
        assert measure(chart, weight=weight, workers=workers).values_array.tobytes() == one.tobytes()
    with ThreadPoolExecutor(3) as pool:
        assert measure(chart, weight=weight, executor=pool).values_array.tobytes() == one.tobytes()


def test_other_processes_give_the_same_bits(chart: linkchart.LinkChart, small_blocks: None) -> None:
    # the blocks' payload travels by pickling (spawn: nothing is inherited)
    expected = {name: linkchart.MEASURES[name](chart, workers=1).values_array for name in PARALLEL}
    with ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("spawn")) as pool:
        for name in PARALLEL:
            got = linkchart.MEASURES[name](chart, executor=pool).values_array
            assert got.tobytes() == expected[name].tobytes(), name


@pytest.mark.parametrize("name", PARALLEL)
def test_the_blocks_add_up_to_the_value_of_one_block(name: str, chart: linkchart.LinkChart) -> None:
    whole = linkchart.MEASURES[name](chart).values_array  # one block: one igraph call
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(executor, "BLOCK_WORK", 400)
        cut = linkchart.MEASURES[name](chart).values_array
    assert cut == pytest.approx(whole, rel=1e-12, abs=1e-12)


def test_sampled_betweenness_is_the_same_for_any_worker_count(chart: linkchart.LinkChart) -> None:
    one = linkchart.betweenness(chart, samples=20, seed=4, workers=1)
    with ThreadPoolExecutor(2) as pool:
        other = linkchart.betweenness(chart, samples=20, seed=4, executor=pool)
    assert one.values_array.tobytes() == other.values_array.tobytes()
    assert [one.error(n) for n in chart.node_ids] == [other.error(n) for n in chart.node_ids]


def test_the_graph_travels_as_arrays_and_is_rebuilt_once(chart: linkchart.LinkChart) -> None:
    p = project(chart, weight="count")
    g = PathGraph.of(p, "igraph")
    assert g.graph() is p.to_igraph(weights="distance")  # in this process: the chart's own graph
    copy = pickle.loads(pickle.dumps(g))
    assert copy._built is None  # the graph does not travel
    rebuilt = copy.graph()
    assert rebuilt is copy.graph()  # built once where it is read
    assert (
        rebuilt.get_edgelist() == g.graph().get_edgelist() and rebuilt.es["weight"] == g.graph().es["weight"]
    )
