"""linkchart.analysis._draws: the draws of rank_uncertainty, one by one or a block at once."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

import linkchart
from linkchart.analysis._draws import draw_block
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
    p = plan(linkchart.load(GRAPH), **options)
    assert p.kernel() is not None
    block = range(3, 40)
    fast = draw_block(p, block)
    keeps = p.keeps(block)
    plain = np.array([p.draw(i, keep) for i, keep in zip(block, keeps, strict=True)])
    assert fast.tobytes() == plain.tobytes()


def test_other_measures_and_readings_run_the_plain_call() -> None:
    chart = linkchart.load(GRAPH)
    assert plan(chart, "closeness").kernel() is None
    assert plan(chart, engine="networkx").kernel() is None
    assert plan(chart, weight="count").kernel() is None  # weighted: each draw's distances differ
    assert plan(chart, samples=5).kernel() is None
