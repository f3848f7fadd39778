"""linkchart.analysis._draws: the draws of rank_uncertainty, one by one or a block at once."""

from __future__ import annotations

import dataclasses
import pickle
from pathlib import Path

import numpy as np
import pytest

import linkchart
from linkchart import executor
from linkchart.analysis._draws import Plan, draw_block
from linkchart.analysis.registry import MEASURES
from linkchart.analysis.uncertainty import _plan

GRAPH = Path(__file__).resolve().parents[2] / "graphs" / "central_asia.yaml"


def plan(chart: linkchart.LinkChart, measure: str = "betweenness", model: str = "confidence", **options):  # type: ignore[no-untyped-def]
    call = MEASURES[measure].call(**options)
    return _plan(chart, call, 12345, model, 0.2, "edge", MEASURES[measure].function.__module__)


def test_a_draw_reads_its_own_place_in_the_stream_whatever_the_block() -> None:
    p = plan(linkchart.load(GRAPH))
    block = p.keeps(range(5, 25))
    assert block.shape == (20, linkchart.load(GRAPH).number_of_edges)
    for k, i in enumerate(range(5, 25)):
        assert np.array_equal(p.keeps(range(i, i + 1))[0], block[k])
    assert not np.array_equal(block[0], block[1])


@pytest.mark.parametrize(
    "options",
    [{}, {"normalized": True}, {"directed": False}, {"signs": "all", "layers": "all"}],
)
def test_the_betweenness_kernel_gives_the_plain_calls_values_bit_for_bit(options) -> None:  # type: ignore[no-untyped-def]
    chart = linkchart.load(GRAPH)
    p = plan(chart, **options)
    assert p.scorer is not None
    assert p.chart is None  # the kernel's arrays are all the draws read
    block = range(3, 40)
    fast = draw_block(p, block)
    assert fast.tobytes() == _plain(p, chart, block).tobytes()


def _plain(p: Plan, chart: linkchart.LinkChart, block: range) -> np.ndarray:  # type: ignore[type-arg]
    """The draws of ``block`` each run as the plain call on the whole chart."""
    whole = dataclasses.replace(p, chart=chart, scorer=None)
    return np.array([whole.draw(i, keep) for i, keep in zip(block, p.keeps(block), strict=True)])


@pytest.mark.parametrize("options", [{}, {"directed": False}])
def test_the_kernel_adds_the_blocks_of_a_big_draw_as_the_plain_call_does(
    monkeypatch: pytest.MonkeyPatch, options: dict[str, object]
) -> None:
    monkeypatch.setattr(executor, "BLOCK_WORK", 300)  # each draw's sources cut into several blocks
    chart = linkchart.load(GRAPH)
    assert len(executor.blocks(chart.number_of_nodes, chart.number_of_edges // 2)) > 2
    p = plan(chart, **options)
    assert p.scorer is not None
    block = range(0, 30)
    assert draw_block(p, block).tobytes() == _plain(p, chart, block).tobytes()


def test_other_measures_and_readings_run_the_plain_call() -> None:
    chart = linkchart.load(GRAPH)
    assert plan(chart, "closeness").scorer is None
    assert plan(chart, engine="networkx").scorer is None
    assert plan(chart, weight="count").scorer is None  # weighted: each draw's distances differ
    assert plan(chart, samples=5).scorer is None


@pytest.mark.parametrize("measure", MEASURES.names(returns="node"))
@pytest.mark.parametrize("model", ["confidence", "missing", "sources"])
def test_the_draws_read_the_charts_numbers_not_its_text_with_the_same_bits(measure: str, model: str) -> None:
    chart = linkchart.load(GRAPH)
    options = {"workers": 1} if MEASURES[measure].parallel else {}
    p = plan(chart, measure, model, **options)
    quote = max(chart.edges.evidence, key=len)
    assert len(quote) > 40
    assert quote.encode() not in pickle.dumps(p)  # what travels to the workers
    assert len(pickle.dumps(p)) < len(pickle.dumps(chart))
    block = range(0, 12)
    whole = _plain(p, chart, block)
    assert draw_block(p, block).tobytes() == whole.tobytes()
    if p.scorer is None:
        nodes = dataclasses.replace(p, unit="node")
        assert (
            draw_block(nodes, block).tobytes()
            == draw_block(dataclasses.replace(nodes, chart=chart), block).tobytes()
        )
