"""Blocks of work in a fixed order (linkchart.executor): the same results whoever runs them."""

from __future__ import annotations

import itertools
import multiprocessing
import os
import subprocess
import sys
import threading
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
from typing import Any

import numpy as np
import numpy.typing as npt
import pytest
from executor_tasks import die_on_one, fail_on_two, partial_sum, scaled, thread_of, where
from hypothesis import given
from hypothesis import strategies as st

from linkchart.errors import LinkchartError
from linkchart.executor import (
    BLOCK_WORK,
    MAX_BLOCKS,
    MAX_DEFAULT_WORKERS,
    PARALLEL_WORK,
    START_METHOD,
    Cluster,
    blocks,
    iter_blocks,
    map_blocks,
    on_cluster,
    sum_blocks,
    sum_in_order,
    workers_for,
)


def _values() -> npt.NDArray[np.float64]:
    rng = np.random.default_rng(1)
    return rng.standard_normal(10_000) * 10.0 ** rng.integers(-8, 8, 10_000)


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
    out = map_blocks(fail_on_two, None, [5, 4, 3], on_done=lambda i, r: seen.append((i, r)))
    assert out == [5, 4, 3] and seen == [(0, 5), (1, 4), (2, 3)]
    assert map_blocks(fail_on_two, None, []) == []
    assert map_blocks(fail_on_two, None, [], workers=4) == []
    seen.clear()
    again = map_blocks(fail_on_two, None, [5, 4, 3], workers=2, on_done=lambda i, r: seen.append((i, r)))
    assert again == out
    assert seen == [(0, 5), (1, 4), (2, 3)]


def test_any_number_of_workers_and_any_executor_give_the_same_bits() -> None:
    values = _values()
    parts = blocks(10_000, 20_000)  # 2e8 of work: several blocks
    assert len(parts) > 2
    serial = sum_in_order(map_blocks(partial_sum, values, parts)).tobytes()
    for workers in (2, 3):
        assert sum_in_order(map_blocks(partial_sum, values, parts, workers=workers)).tobytes() == serial
    with ThreadPoolExecutor(4) as pool:
        assert sum_in_order(map_blocks(partial_sum, values, parts, executor=pool)).tobytes() == serial
    # a caller's process pool, started as the caller likes (shared is pickled with every block)
    with ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("spawn")) as pool:
        assert sum_in_order(map_blocks(partial_sum, values, parts, executor=pool)).tobytes() == serial
    # the order of the sum matters for these values: another order gives other bits
    assert sum_in_order(map_blocks(partial_sum, values, parts[::-1])).tobytes() != serial


def test_sum_blocks_adds_the_parts_as_they_come_back_with_the_same_bits() -> None:
    values = _values()
    parts = blocks(10_000, 20_000)
    serial = sum_in_order(map_blocks(partial_sum, values, parts)).tobytes()
    assert sum_blocks(partial_sum, values, parts).tobytes() == serial
    assert sum_blocks(partial_sum, values, parts, workers=2).tobytes() == serial
    with ThreadPoolExecutor(3) as pool:
        assert sum_blocks(partial_sum, values, parts, executor=pool).tobytes() == serial
        assert list(iter_blocks(scaled, 2.0, [1, 2, 3], executor=pool)) == [2.0, 4.0, 6.0]
    with pytest.raises(LinkchartError, match="no blocks"):
        sum_blocks(partial_sum, values, [])


def test_an_executor_runs_every_block_inside_on_cluster_and_nowhere_else() -> None:
    outside: list[int] = []
    with ThreadPoolExecutor(2) as pool, on_cluster(pool) as runner:
        assert runner is pool
        inside = map_blocks(thread_of, None, range(4))
        # another thread does not see the runner: it runs its blocks itself
        other = threading.Thread(target=lambda: outside.extend(map_blocks(thread_of, None, range(2))))
        other.start()
        other.join()
    assert threading.get_ident() not in inside  # the pool's threads ran them
    assert set(outside) == {other.ident}
    assert map_blocks(thread_of, None, range(2)) == [threading.get_ident()] * 2  # the block is over
    with on_cluster(None) as nothing:
        assert nothing is None


def test_each_worker_receives_the_shared_data_once_from_a_clean_process() -> None:
    found = map_blocks(where, np.arange(1000.0), range(12), workers=2)
    pids = {pid for pid, _, _ in found}
    assert len(pids) <= 2 and os.getpid() not in pids
    for pid in pids:  # one copy of shared per worker, however many blocks it ran
        assert len({ident for p, _, ident in found if p == pid}) == 1
    assert START_METHOD in ("forkserver", "spawn")
    if sys.platform.startswith("linux"):
        # forkserver: the workers are children of the server, never forks of this process
        assert START_METHOD == "forkserver" and {parent for _, parent, _ in found} != {os.getpid()}


def test_two_threads_mapping_at_once_each_get_their_own_results() -> None:
    results: dict[int, list[float]] = {}
    barrier = threading.Barrier(2)

    def run(k: int) -> None:
        barrier.wait()
        results[k] = map_blocks(scaled, float(k + 1), range(6), workers=2)

    threads = [threading.Thread(target=run, args=(k,)) for k in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == {0: [0.0, 1.0, 2.0, 3.0, 4.0, 5.0], 1: [0.0, 2.0, 4.0, 6.0, 8.0, 10.0]}


def test_a_failing_task_raises_as_it_is_with_the_block_named() -> None:
    with pytest.raises(ValueError, match="block 2 failed"):
        map_blocks(fail_on_two, None, [0, 1, 2, 3])
    with ThreadPoolExecutor(2) as pool:
        for executor, workers in ((None, 2), (pool, 1)):
            with pytest.raises(ValueError, match="block 2 failed") as info:
                map_blocks(fail_on_two, None, [0, 1, 2, 3], workers=workers, executor=executor)
            assert "in block 2 of the work, run by a worker" in info.value.__notes__[0]


def test_a_worker_that_dies_is_a_clear_error() -> None:
    with pytest.raises(LinkchartError, match=r"a worker process died before block [01] of the work") as info:
        map_blocks(die_on_one, None, [0, 1, 2], workers=2)
    assert info.value.code == "worker-failed" and "fewer workers" in info.value.hint


def test_what_cannot_reach_a_worker_is_refused_before_any_starts() -> None:
    def local(shared: object, item: int) -> int:
        return item

    with pytest.raises(LinkchartError, match="the task cannot be sent to a worker process"):
        map_blocks(local, None, [0, 1], workers=2)
    with pytest.raises(LinkchartError, match="the shared data cannot be sent"):
        map_blocks(scaled, threading.Lock(), [0, 1], workers=2)
    assert map_blocks(local, None, [0, 1]) == [0, 1]  # in this process, anything goes


def test_a_task_of_an_interactive_session_is_refused_with_the_reason() -> None:
    code = (
        "from linkchart.executor import map_blocks\n"
        "def f(shared, item):\n    return item\n"
        "try:\n    map_blocks(f, None, [0, 1], workers=2)\n"
        "except Exception as err:\n    print(type(err).__name__, err)\n"
        "print(map_blocks(f, None, [0, 1]))\n"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert out.stdout.startswith("LinkchartError the task f is defined in an interactive session")
    assert out.stdout.endswith("[0, 1]\n")


def test_bad_workers_and_executors_are_refused() -> None:
    for bad in (0, -1, True, 1.5):
        with pytest.raises(LinkchartError, match="workers must be a positive integer") as info:
            map_blocks(fail_on_two, None, [0], workers=bad)  # type: ignore[arg-type]
        assert info.value.loc == ("workers",)
    with pytest.raises(LinkchartError, match=r"executor must be a concurrent\.futures\.Executor"):
        map_blocks(fail_on_two, None, [0], executor="processes")  # type: ignore[arg-type]


class _Client:
    """A cluster client in miniature (what dask.distributed.Client offers): broadcast, then submit."""

    def __init__(self, pool: ThreadPoolExecutor) -> None:
        self.pool = pool
        self.store: dict[str, Any] = {}
        self.scattered = 0

    def scatter(self, data: Any, broadcast: bool = False) -> str:
        assert broadcast
        self.scattered += 1
        self.store["shared"] = data
        return "shared"

    def submit(self, func: Callable[..., Any], *args: Any, **kwargs: Any) -> Future[Any]:
        handle, *rest = args
        return self.pool.submit(func, self.store[handle], *rest)

    def gather(self, futures: Any) -> list[Any]:
        return [f.result() for f in futures]


def test_a_cluster_receives_the_shared_data_once_and_gives_the_same_bits() -> None:
    values = _values()
    parts = blocks(10_000, 20_000)
    with ThreadPoolExecutor(3) as pool:
        client = _Client(pool)
        assert isinstance(client, Cluster)
        out = sum_in_order(map_blocks(partial_sum, values, parts, executor=client))
    assert client.scattered == 1
    assert out.tobytes() == sum_in_order(map_blocks(partial_sum, values, parts)).tobytes()


def test_small_work_stays_in_this_process_by_default() -> None:
    assert workers_for(1000, 1000) == 1 and workers_for(10**4, PARALLEL_WORK // 10**4) == 1
    big = workers_for(10**5, PARALLEL_WORK // 10**5 + 1)
    assert big == max(1, min(os.cpu_count() or 1, MAX_DEFAULT_WORKERS))
    assert workers_for(10, 10, 3) == 3
    with pytest.raises(LinkchartError, match="workers must be a positive integer"):
        workers_for(10, 10, 0)


def test_sums_are_added_left_to_right() -> None:
    parts = [np.array([1e16]), np.array([-1e16]), np.array([1.0])]
    assert sum_in_order(parts)[0] == 1.0  # (1e16 - 1e16) + 1
    assert sum_in_order(parts[::-1])[0] == 0.0  # (1 - 1e16) + 1e16: the 1 is lost in that order
    with pytest.raises(LinkchartError, match="nothing to sum"):
        sum_in_order([])
