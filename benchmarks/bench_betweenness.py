"""Benchmark the shortest-path measures on two cores, and sampled betweenness.

On a synthetic typed multigraph (``bench_measures.synthetic``), one run prints, for
betweenness, closeness and harmonic closeness:

- raw igraph on one core (the baseline: ``Graph.betweenness``, ``closeness``,
  ``harmonic_centrality`` on the same collapsed graph, built beforehand);
- linkchart with ``workers=1`` and ``workers=2`` (vertex blocks in two forked
  processes), with the ratio to raw igraph, and whether the values equal one worker's;
- NetworKit with as many threads (``Betweenness``, ``Closeness`` generalized,
  ``HarmonicCloseness``; ``pip install networkit``, else left out), with whether its
  values equal linkchart's;

and for betweenness
- ``linkchart.betweenness(samples=k)`` for a few ``k``: time, the ratio to exact, the
  overlap of its top 20 with the exact top 20, and the median relative error of the top
  20 against the mean stated standard error.

Run::

    .venv/bin/python benchmarks/bench_betweenness.py               # 10k nodes (~2 min)
    .venv/bin/python benchmarks/bench_betweenness.py --sizes 2000 10000
    .venv/bin/python benchmarks/bench_betweenness.py --sizes 50000 --measures betweenness --no-single

The values are checked equal to raw igraph's (betweenness, harmonic; closeness is
igraph's per-component value rescaled, so it is checked against one worker) and to one
worker's.
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
from bench_measures import networkit_calls, synthetic

from linkchart.analysis import project


def timed(call):  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    out = call()
    return out, time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000])
    parser.add_argument("--samples", type=int, nargs="+", default=[100, 500, 2000])
    parser.add_argument("--workers", type=int, default=2, help="processes / threads (default 2)")
    parser.add_argument(
        "--measures",
        nargs="+",
        default=["betweenness", "closeness", "harmonic"],
        help="which (default all three)",
    )
    parser.add_argument("--no-single", action="store_true", help="skip the 1-worker run (big graphs)")
    args = parser.parse_args(argv)
    w = args.workers
    print(f"{os.cpu_count()} cores; linkchart and NetworKit on {w}")
    for n in args.sizes:
        chart = synthetic(n)
        p = project(chart)
        g = p.to_igraph()
        nk_calls = networkit_calls(chart, w)
        raw_calls = {
            "betweenness": partial(g.betweenness, directed=p.directed),
            "closeness": partial(g.closeness, mode="out"),
            "harmonic": partial(g.harmonic_centrality, mode="out", normalized=False),
        }
        ours = {"betweenness": linkchart.betweenness, "closeness": linkchart.closeness,
                "harmonic": partial(linkchart.harmonic, normalized=False)}  # fmt: skip
        print(f"\n{n:,} nodes, {p.m:,} ties ({'directed' if p.directed else 'undirected'})")
        print(f"  {'measure':<12} {'raw igraph':>10} {'1 worker':>9} {f'{w} workers':>10} {'vs raw':>7} "
              f"{'equal':>6} | {f'NetworKit {w}t':>13} {'equal':>6} {'linkchart faster':>16}")  # fmt: skip
        exact = np.zeros(0)
        t_one = 0.0
        for name, call in ours.items():
            if name not in args.measures:
                continue
            reference, raw = timed(raw_calls[name])
            more, tw = timed(partial(call, chart, workers=w))
            one, t1 = (more, float("nan")) if args.no_single else timed(partial(call, chart, workers=1))
            equal = np.allclose(one.values_array, more.values_array, rtol=1e-9) and np.allclose(
                np.nan_to_num(np.asarray(reference, dtype=np.float64))
                if name != "closeness"
                else more.values_array,
                more.values_array,
                rtol=1e-9,
            )
            nk_txt = f"{'not installed':>13} {'':>6} {'':>16}"
            if nk_calls is not None:
                theirs, tn = timed(nk_calls[name])
                same = np.allclose(np.asarray(theirs.scores()), one.values_array, rtol=1e-9)
                nk_txt = f"{tn:>11.2f} s {same!s:>6} {tn / tw:>15.2f}x"
            print(f"  {name:<12} {raw:>8.2f} s {t1:>7.2f} s {tw:>8.2f} s {raw / tw:>6.2f}x {equal!s:>6} | "
                  f"{nk_txt}", flush=True)  # fmt: skip
            if name == "betweenness":
                exact, t_one = more.values_array, (tw * w if args.no_single else t1)
        top = set(np.argsort(-exact)[:20].tolist())
        for k in args.samples:
            if k >= n:
                continue
            est, tk = timed(partial(linkchart.betweenness, chart, samples=k, seed=1, workers=1))
            got = set(np.argsort(-est.values_array)[:20].tolist())
            idx = sorted(top)
            rel = np.median(np.abs(est.values_array[idx] - exact[idx]) / np.maximum(exact[idx], 1e-12))
            stated = np.mean([est.error(chart.node_ids[i]) / max(exact[i], 1e-12) for i in idx])
            print(
                f"  sampled k={k:<5}   {tk:7.2f} s   {t_one / tk:5.1f}x faster than exact (1 worker)   "
                f"top-20 overlap {len(top & got):2d}/20   median rel. error {rel:.3f} (stated {stated:.3f})"
            )
    print(
        "vs raw: raw igraph on one core / linkchart on the workers; linkchart faster: NetworKit / linkchart"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
