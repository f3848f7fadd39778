"""Benchmark linkchart on a Dask cluster against one machine, and fit the cost model.

One run prints, on a synthetic typed multigraph of ``--nodes`` nodes (10,000: 68,768 ties,
``bench_measures.synthetic``):

1. **Exact betweenness**: raw igraph on one thread (``Graph.betweenness`` on the same
   collapsed graph), linkchart with ``workers=2`` (its own processes; the forkserver
   started beforehand) and linkchart on a ``distributed.LocalCluster`` of 2 worker
   processes over TCP (``executor=client``); times, ratios to raw igraph, and whether the
   two linkchart runs give the same bits.
2. **What the cluster path costs**: starting the LocalCluster; broadcasting the
   betweenness payload (``client.scatter([payload], broadcast=True)``, its size); the
   per-task overhead (``map_blocks`` of ``--tasks`` empty tasks on the client, minus
   nothing: the whole round trip per task).
3. **Rank uncertainty**: draws per second of ``rank_uncertainty(chart, "betweenness")``
   with ``workers=1``, ``workers=2`` and on the cluster, on the Central Asia chart and on
   a 2,000-node synthetic chart.
4. **The cost model** ``time = broadcast + n*m / (workers * rate) + blocks * overhead``,
   fitted to these measurements (rate: raw igraph's (n*m)/s on one thread; broadcast: the
   measured seconds per MiB per worker; overhead: the measured seconds per task), its
   prediction for the LocalCluster run above (to compare with the measured time), and for
   64 workers on a 1M-node / 10M-tie graph.

Run::

    .venv/bin/python benchmarks/bench_cluster.py                       # ~2 min on 2 cores
    .venv/bin/python benchmarks/bench_cluster.py --nodes 2000 --draws 200   # a quick look

Needs ``pip install 'linkchart[dask]'``.
"""

from __future__ import annotations

import argparse
import math
import os
import pickle
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
from distributed import Client, LocalCluster

import linkchart
from linkchart import executor
from linkchart.analysis import project
from linkchart.analysis._blocks import PathGraph
from linkchart.executor import blocks, map_blocks

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_measures import synthetic

ROOT = Path(__file__).resolve().parents[1]


def _nothing(shared: Any, item: int) -> int:
    return item


def timed(call: Callable[[], Any]) -> tuple[Any, float]:
    start = time.perf_counter()
    out = call()
    return out, time.perf_counter() - start


def draws_per_second(chart: linkchart.LinkChart, draws: int, **run: Any) -> tuple[float, bytes]:
    result, took = timed(
        lambda: linkchart.rank_uncertainty(chart, "betweenness", draws=draws, seed=1, progress=False, **run)
    )
    return draws / took, result.values.tobytes()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--nodes", type=int, default=10_000, help="nodes of the synthetic graph (default 10,000)"
    )
    parser.add_argument("--draws", type=int, default=2000, help="rank-uncertainty draws on Central Asia")
    parser.add_argument("--big-draws", type=int, default=16, help="draws on the 2,000-node chart")
    parser.add_argument("--tasks", type=int, default=200, help="empty tasks for the per-task overhead")
    parser.add_argument("--broadcast-mib", type=int, default=64, help="MiB broadcast to fit the bandwidth")
    args = parser.parse_args(argv)
    load = os.getloadavg()[0]
    print(f"{os.cpu_count()} cores, load average {load:.1f}; BLOCK_WORK = {executor.BLOCK_WORK:.0e}")

    chart = synthetic(args.nodes)
    p = project(chart)
    g = p.to_igraph()
    n, m = p.n, p.m
    parts = blocks(n, m)
    print(f"\n1. exact betweenness, {n:,} nodes, {m:,} ties, n*m = {n * m:.2e}, {len(parts)} blocks")
    raw_values, raw = timed(lambda: g.betweenness(directed=p.directed))
    rate = n * m / raw
    map_blocks(_nothing, None, [0, 1], workers=2)  # the forkserver, started once per process
    own, t_own = timed(lambda: linkchart.betweenness(chart, workers=2))
    print(f"   raw igraph, 1 thread          {raw:8.2f} s   ({rate:.2e} (n*m)/s)")
    print(f"   linkchart, workers=2          {t_own:8.2f} s   {raw / t_own:5.2f}x raw igraph")

    start_cluster = time.perf_counter()
    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
        ) as cluster,
        Client(cluster, set_as_default=False) as client,
    ):
        client.wait_for_workers(2)
        started = time.perf_counter() - start_cluster
        there, t_there = timed(lambda: linkchart.betweenness(chart, executor=client))
        same = there.values_array.tobytes() == own.values_array.tobytes()
        close = np.allclose(there.values_array, np.asarray(raw_values), rtol=1e-9)
        print(
            f"   linkchart, LocalCluster of 2  {t_there:8.2f} s   {raw / t_there:5.2f}x raw igraph, "
            f"{t_own / t_there:5.2f}x workers=2; same bits as workers=2: {same}; equal to raw igraph: {close}"
        )

        print("\n2. what the cluster path costs")
        payload = PathGraph.of(p, "igraph")
        mib = len(pickle.dumps(payload, protocol=pickle.HIGHEST_PROTOCOL)) / 2**20
        _, t_small = timed(lambda: client.scatter([payload], broadcast=True, hash=False))
        big = np.random.default_rng(0).random(args.broadcast_mib * 2**17)  # MiB of float64
        _, t_big = timed(lambda: client.scatter([big], broadcast=True, hash=False))
        # broadcast(MiB) = latency + MiB * workers * per_mib, through the two sizes
        per_mib = max(t_big - t_small, 0.0) / max(args.broadcast_mib - mib, 1e-9) / 2
        latency = max(t_small - mib * 2 * per_mib, 0.0)
        map_blocks(_nothing, None, list(range(8)), executor=client)  # warm: the task's function known
        _, t_tasks = timed(lambda: map_blocks(_nothing, None, list(range(args.tasks)), executor=client))
        overhead = t_tasks / args.tasks
        print(f"   LocalCluster start (2 worker processes)         {started:8.2f} s")
        print(f"   broadcast of the payload ({mib:.2f} MiB to 2 workers) {t_small:8.3f} s")
        print(f"   broadcast of {args.broadcast_mib} MiB to 2 workers            {t_big:8.3f} s")
        print(f"   per task ({args.tasks} empty tasks, map_blocks)       {overhead * 1000:8.2f} ms")

        print("\n3. rank uncertainty (betweenness), draws per second")
        central = linkchart.load(ROOT / "graphs" / "central_asia.yaml")
        rows = [
            (
                f"Central Asia ({central.number_of_nodes} nodes, {central.number_of_edges} edges)",
                central,
                args.draws,
            ),
            ("synthetic 2,000 nodes", synthetic(2000), args.big_draws),
        ]
        print(
            f"   {'chart':<40} {'draws':>6} {'1 worker':>9} {'2 workers':>9} {'cluster':>9} {'cl/2w':>6} same"
        )
        for name, c, draws in rows:
            one, bits = draws_per_second(c, draws, workers=1)
            two, bits2 = draws_per_second(c, draws, workers=2)
            cl, bits3 = draws_per_second(c, draws, executor=client)
            same = bits == bits2 == bits3
            print(f"   {name:<40} {draws:>6} {one:>9.1f} {two:>9.1f} {cl:>9.1f} {cl / two:>6.2f} {same}")

    print("\n4. cost model: time = broadcast + n*m / (workers * rate) + blocks * overhead")
    print(f"   rate = {rate:.2e} (n*m)/s per worker (raw igraph, 1 thread, above)")
    print(f"   broadcast = {latency:.3f} s + {per_mib * 1000:.2f} ms per MiB per worker (localhost)")
    print(f"   overhead = {overhead * 1000:.2f} ms per block")

    def model(n: int, m: int, workers: int, mib: float) -> tuple[float, int]:
        whole = math.ceil(n * m / executor.BLOCK_WORK)
        count = len(blocks(n, m)) if n * m < 1e12 else min(executor.MAX_BLOCKS, n, whole)
        waves = math.ceil(count / workers) / (count / workers)  # the last wave of blocks is part-full
        compute = n * m / (workers * rate) * waves
        return latency + per_mib * mib * workers + compute + count * overhead, count

    predicted, count = model(n, m, 2, mib)
    print(
        f"   this graph on 2 workers: predicted {predicted:.2f} s, measured {t_there:.2f} s ({count} blocks)"
    )
    big_n, big_m = 1_000_000, 10_000_000
    big_mib = big_m * (4 + 4 + 8) / 2**20
    for workers in (1, 64):
        t, count = model(big_n, big_m, workers, big_mib)
        print(
            f"   1M nodes / 10M ties on {workers:>2} workers: {t:>10,.0f} s = {t / 3600:6.1f} h "
            f"({count} blocks, broadcast of {big_mib:.0f} MiB)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
