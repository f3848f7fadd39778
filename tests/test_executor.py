"""Blocks of work in a fixed order (linkchart.executor): the same results whoever runs them."""

from __future__ import annotations

import itertools
import threading
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import numpy.typing as npt
import pytest
from hypothesis import given
from hypothesis import strategies as st

from linkchart.errors import LinkchartError
from linkchart.executor import BLOCK_WORK, MAX_BLOCKS, blocks, map_blocks, sum_in_order


def _partial(values: npt.NDArray[np.float64], block: range) -> npt.NDArray[np.float64]:
    """A partial sum whose float rounding depends on the order blocks are added in."""
    out = np.zeros(2)
    for i in block:
        out += values[i] * np.array([1.0, 1e-3])
    return out


def _fail(shared: object, item: int) -> int:
    if item == 2:
        raise ValueError("block 2 failed")
    return item


@given(st.integers(min_value=0, max_value=10**6), st.integers(min_value=0, max_value=10**6))
def test_blocks_cover_every_item_once_in_order_and_depend_on_the_size_alone(n: int, m: int) -> None:
    found = blocks(n, m)
    # contiguous, non-empty, from 0 to n: every item once, in order
    assert all(b.step == 1 and len(b) > 0 for b in found)
    assert (found[0].start if found else 0) == 0 and (found[-1].stop if found else 0) == n
    assert all(a.stop == b.start for a, b in itertools.pairwise(found))
    assert len(found) <= MAX_BLOCKS
    if n * m <= BLOCK_WORK:
        assert len(found) == min(n, 1)
    else:
        assert len(found) >= min(2, n)
    lengths = {len(b) for b in found}
    assert max(lengths, default=0) - min(lengths, default=0) <= 1


def test_results_come_in_item_order_and_on_done_sees_each_in_order() -> None:
    seen: list[tuple[int, int]] = []
    out = map_blocks(_fail, None, [5, 4, 3], on_done=lambda i, r: seen.append((i, r)))
    assert out == [5, 4, 3] and seen == [(0, 5), (1, 4), (2, 3)]
    assert map_blocks(_fail, None, []) == []


def test_any_number_of_workers_and_a_thread_pool_give_the_same_bits() -> None:
    rng = np.random.default_rng(1)
    values = rng.standard_normal(10_000) * 10.0 ** rng.integers(-8, 8, 10_000)
    parts = blocks(10_000, 20_000)  # 2e8 of work: several blocks
    assert len(parts) > 1
    serial = sum_in_order(map_blocks(_partial, values, parts))
    assert np.array_equal(serial, sum_in_order(map_blocks(_partial, values, parts, workers=3)))
    with ThreadPoolExecutor(4) as pool:
        pooled = sum_in_order(map_blocks(_partial, values, parts, executor=pool))
    assert serial.tobytes() == pooled.tobytes()


def test_two_threads_mapping_at_once_each_get_their_own_results() -> None:
    results: dict[int, npt.NDArray[np.float64]] = {}
    barrier = threading.Barrier(2)

    def run(k: int) -> None:
        barrier.wait()
        values = np.full(1000, float(k + 1))
        results[k] = sum_in_order(map_blocks(_partial, values, [range(0, 500), range(500, 1000)]))

    threads = [threading.Thread(target=run, args=(k,)) for k in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results[0][0] == 1000.0 and results[1][0] == 2000.0


def test_a_failing_task_raises_as_it_is_and_bad_workers_are_refused() -> None:
    with pytest.raises(ValueError, match="block 2 failed"):
        map_blocks(_fail, None, [0, 1, 2, 3])
    with ThreadPoolExecutor(2) as pool, pytest.raises(ValueError, match="block 2 failed"):
        map_blocks(_fail, None, [0, 1, 2, 3], executor=pool)
    for bad in (0, -1, True, 1.5):
        with pytest.raises(LinkchartError, match="workers must be a positive integer"):
            map_blocks(_fail, None, [0], workers=bad)  # type: ignore[arg-type]


def test_sums_are_added_left_to_right() -> None:
    parts = [np.array([1e16]), np.array([-1e16]), np.array([1.0])]
    assert sum_in_order(parts)[0] == 1.0  # (1e16 - 1e16) + 1
    assert sum_in_order(parts[::-1])[0] == 0.0  # (1 - 1e16) + 1e16: the 1 is lost in that order
    with pytest.raises(LinkchartError, match="nothing to sum"):
        sum_in_order([])
