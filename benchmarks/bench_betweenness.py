"""Benchmark exact betweenness on two cores and sampled betweenness, against raw igraph on one.

On a synthetic typed multigraph (``bench_measures.synthetic``), one run prints:

- raw igraph ``Graph.betweenness`` on one core (the baseline);
- ``linkchart.betweenness(workers=1)`` and ``workers=2`` (source blocks in two
  processes, summed), with the ratio to raw igraph, and that the values are equal;
- ``linkchart.betweenness(samples=k)`` for a few ``k``: time, the ratio to exact, the
  overlap of its top 20 with the exact top 20, and the median relative error of the top
  20 against the mean stated standard error.

Run::

    .venv/bin/python benchmarks/bench_betweenness.py               # 10k nodes (~1 min)
    .venv/bin/python benchmarks/bench_betweenness.py --sizes 2000 10000
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from functools import partial
from pathlib import Path

import numpy as np

import linkchart

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_measures import synthetic

from linkchart.analysis import project


def timed(call):  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    out = call()
    return out, time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000])
    parser.add_argument("--samples", type=int, nargs="+", default=[100, 500, 2000])
    args = parser.parse_args(argv)
    print(f"{os.cpu_count()} cores")
    for n in args.sizes:
        chart = synthetic(n)
        p = project(chart)
        g = p.to_igraph()
        _, raw = timed(partial(g.betweenness, directed=p.directed))
        one, t1 = timed(partial(linkchart.betweenness, chart, workers=1))
        two, t2 = timed(partial(linkchart.betweenness, chart, workers=2))
        equal = np.allclose(one.values_array, two.values_array)
        print(f"\n{n:,} nodes, {p.m:,} ties ({'directed' if p.directed else 'undirected'})")
        print(f"  raw igraph, 1 core        {raw:7.2f} s")
        print(f"  linkchart, 1 worker       {t1:7.2f} s   {raw / t1:4.2f}x raw")
        print(f"  linkchart, 2 workers      {t2:7.2f} s   {raw / t2:4.2f}x raw   values equal: {equal}")
        exact = one.values_array
        top = set(np.argsort(-exact)[:20].tolist())
        for k in args.samples:
            if k >= n:
                continue
            est, tk = timed(partial(linkchart.betweenness, chart, samples=k, seed=1))
            got = set(np.argsort(-est.values_array)[:20].tolist())
            idx = sorted(top)
            rel = np.median(np.abs(est.values_array[idx] - exact[idx]) / np.maximum(exact[idx], 1e-12))
            stated = np.mean([est.error(chart.node_ids[i]) / max(exact[i], 1e-12) for i in idx])
            print(
                f"  sampled k={k:<5}           {tk:7.2f} s   {t1 / tk:5.1f}x faster than exact   "
                f"top-20 overlap {len(top & got):2d}/20   median rel. error {rel:.3f} (stated {stated:.3f})"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
