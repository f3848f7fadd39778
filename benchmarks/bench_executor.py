"""Benchmark linkchart's executor: what worker processes cost to start, and when they pay.

One run prints:

1. **Start-up** of a pool of 2 workers that each receive the shared data once (the
   initializer of :func:`linkchart.executor.map_blocks`) and run one block: wall time to
   the first results, with no shared data and with the arrays of a projection of
   ``--ties`` ties, for each start method — ``fork`` (what linkchart used before issue 20:
   unsafe in a threaded process), ``spawn`` and ``forkserver`` (linkchart's own on Linux),
   the first pool of the process and a later one (the forkserver, started once, has
   linkchart, numpy and igraph imported already), median of ``--repeats``.
2. **When several processes pay**: igraph's betweenness on random graphs of growing
   ``n * m``, in one call on one core, and in :func:`linkchart.executor.blocks` through
   ``map_blocks`` with ``workers=1`` and ``workers=2`` (a later pool): the times, the
   ratio, and whether the two give the same bits (they must).

The figures set :data:`linkchart.executor.PARALLEL_WORK` (work above which a measure uses
several processes by default) and :data:`~linkchart.executor.BLOCK_WORK`.

Run::

    .venv/bin/python benchmarks/bench_executor.py
    .venv/bin/python benchmarks/bench_executor.py --work 2e7 1e8 4e8 --repeats 5
"""

from __future__ import annotations

import argparse
import multiprocessing
import pickle
import statistics
import time
import uuid
from concurrent.futures import ProcessPoolExecutor
from typing import Any

import numpy as np
import numpy.typing as npt

from linkchart import executor
from linkchart.executor import blocks, map_blocks, sum_in_order


def _nothing(shared: Any, item: int) -> int:
    return item


def _arrays(ties: int) -> dict[str, npt.NDArray[Any]]:
    rng = np.random.default_rng(0)
    n = max(2, ties // 5)
    return {
        "src": rng.integers(0, n, ties, dtype=np.int32),
        "dst": rng.integers(0, n, ties, dtype=np.int32),
        "weight": rng.random(ties),
    }


def _start(method: str, shared: Any) -> float:
    """One pool of 2 workers started with ``method``, as map_blocks starts its own: seconds
    to the first results of 2 blocks."""
    context = multiprocessing.get_context(method)
    token = uuid.uuid4().hex
    payload = pickle.dumps(shared, protocol=pickle.HIGHEST_PROTOCOL)
    t0 = time.perf_counter()
    with ProcessPoolExecutor(
        2, mp_context=context, initializer=executor._receive, initargs=(token, payload)
    ) as pool:
        [f.result() for f in [pool.submit(executor._run, token, _nothing, i) for i in range(2)]]
        took = time.perf_counter() - t0
    return took


def _map_blocks(shared: Any) -> float:
    t0 = time.perf_counter()
    map_blocks(_nothing, shared, [0, 1], workers=2)
    return time.perf_counter() - t0


def startup(ties: int, repeats: int) -> None:
    print(f"1. start-up: a pool of 2 workers to its first results (median of {repeats}), s")
    payloads = {"no shared data": None, f"{ties:,} ties ({ties * 16 / 2**20:.0f} MiB)": _arrays(ties)}
    print(f"   {'start method':<34} " + " ".join(f"{label:>26}" for label in payloads))
    rows: list[tuple[str, list[float]]] = []
    for method in ("fork", "spawn"):
        times = [statistics.median(_start(method, p) for _ in range(repeats)) for p in payloads.values()]
        rows.append((method, times))
    first = [
        _map_blocks(p) for p in payloads.values()
    ]  # the forkserver starts here (first pool of the process)
    rows.append((f"{executor.START_METHOD}, first pool (map_blocks)", [first[0], float("nan")]))
    later = [statistics.median(_map_blocks(p) for _ in range(repeats)) for p in payloads.values()]
    rows.append((f"{executor.START_METHOD}, a later pool (map_blocks)", later))
    fork = rows[0][1]
    for name, times in rows:
        cells = " ".join(f"{t:>13.3f} ({t / f:>6.1f}x fork)" for t, f in zip(times, fork, strict=True))
        print(f"   {name:<34} {cells}")
    print(f"   (the {ties:,} ties in the second pool of the process: {first[1]:.3f} s)")


def _graph_block(shared: tuple[int, npt.NDArray[np.int32]], block: range) -> npt.NDArray[np.float64]:
    import igraph as ig

    n, edges = shared
    g = ig.Graph(n=n, edges=edges, directed=True)
    return np.asarray(g.betweenness(directed=True, sources=list(block)), dtype=np.float64)


def crossover(works: list[float]) -> None:
    import igraph as ig

    print("2. igraph betweenness (directed, unweighted): one call on one core, and blocks through map_blocks")
    head = ("n", "m", "n*m", "blocks", "1 call", "w=1", "w=2", "w=2/w=1")
    print(
        "   " + " ".join(f"{h:>{w}}" for h, w in zip(head, (7, 8, 9, 6, 8, 8, 8, 8), strict=True)) + " same"
    )
    rng = np.random.default_rng(1)
    for work in works:
        n = max(10, round((work / 4) ** 0.5))  # m = 4 n: a sparse graph, as link charts are
        m = 4 * n
        edges = rng.integers(0, n, (m, 2), dtype=np.int32)
        t0 = time.perf_counter()
        ig.Graph(n=n, edges=edges, directed=True).betweenness(directed=True)
        one = time.perf_counter() - t0
        parts = blocks(n, m)
        times, sums = [], []
        for workers in (1, 2):
            t0 = time.perf_counter()
            sums.append(sum_in_order(map_blocks(_graph_block, (n, edges), parts, workers=workers)))
            times.append(time.perf_counter() - t0)
        same = sums[0].tobytes() == sums[1].tobytes()
        print(
            f"   {n:>7,} {m:>8,} {n * m:>9.1e} {len(parts):>6} {one:>8.2f} {times[0]:>8.2f} {times[1]:>8.2f} "
            f"{times[1] / times[0]:>8.2f} {same}"
        )
        print(f"   {'':>26} igraph: {n * m / one:.2e} (n*m)/s on one core")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ties", type=int, default=1_000_000, help="ties in the shared arrays")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--work", type=float, nargs="+", default=[2e7, 5e7, 1e8, 2e8])
    args = parser.parse_args()
    print(f"start method: {executor.START_METHOD}; cores: {multiprocessing.cpu_count()}")
    print(f"BLOCK_WORK = {executor.BLOCK_WORK:.0e}, PARALLEL_WORK = {executor.PARALLEL_WORK:.0e}")
    startup(args.ties, args.repeats)
    crossover(args.work)


if __name__ == "__main__":
    main()
