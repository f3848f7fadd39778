"""Tests of linkchart.analysis._parallel: work shared among forked processes."""

from __future__ import annotations

import os

import pytest

from linkchart.analysis import _parallel
from linkchart.analysis._parallel import SHARED, choose_workers, fork_map, vertex_blocks


def _scaled(x: int) -> tuple[int, int]:
    return x * SHARED["factor"], os.getpid()


def _nested(x: int) -> list[int]:
    inner = [value for value, _ in fork_map(_scaled, [x, x + 1], 1, {"factor": 10})]
    return [*inner, SHARED["outer"]]  # the outer value is back after the inner call


@pytest.mark.parametrize("workers", [1, 2, 3])
def test_results_come_in_order_whatever_the_workers(workers: int) -> None:
    seen: list[int] = []
    out = fork_map(_scaled, list(range(7)), workers, {"factor": 3}, on_done=lambda item, _: seen.append(item))
    assert [value for value, _ in out] == [3 * x for x in range(7)]
    assert seen == list(range(7))
    pids = {pid for _, pid in out}
    assert (pids == {os.getpid()}) == (workers == 1)  # more than one: other processes did the work
    assert SHARED == {}


@pytest.mark.parametrize("workers", [1, 2])
def test_calls_nest(workers: int) -> None:
    assert fork_map(_nested, [1, 5], workers, {"outer": -1}) == [[10, 20, -1], [50, 60, -1]]


def test_blocks_cover_every_vertex_once() -> None:
    for n in (1, 7, 100, 101):
        for w in (1, 2, 3, 8):
            blocks = vertex_blocks(n, w)
            assert [v for b in blocks for v in b] == list(range(n))
            assert len(blocks) <= 4 * w


def test_workers_by_default_only_when_it_pays(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    assert choose_workers(None, 100, 1000) == 1
    assert choose_workers(None, 10_000, _parallel.PARALLEL_WORK) == 2
    assert choose_workers(3, 10, 10) == 3
    with pytest.raises(Exception, match="workers must be"):
        choose_workers(0, 10, 10)
