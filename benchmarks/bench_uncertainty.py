"""Benchmark rank_uncertainty: draws per second, one core vs two, and its error against exact enumeration.

Three figures:

- draws per second of ``rank_uncertainty(chart, "betweenness")`` on the Central Asia graph
  and on a synthetic 2,000-node / ~10k-tie typed multigraph (``bench_measures.synthetic``),
  with one worker process and with two, against the hand-written loop (keep each tie with
  its probability, build an igraph graph of the kept arcs, call ``betweenness()``): the
  ratio ``1 worker/hand`` is the target (at least 1.5 on Central Asia, 1.0 on the 2k
  chart). Beside it, the time of one plain betweenness call, and draws/s through real
  views (``chart._view``, a new chart per draw) to show what masking the projection saves;
- the largest Monte Carlo error of P(top k) against exact enumeration over all 2^m edge
  subsets (m = 11) on random small charts, in absolute terms and in standard errors;
- what the draws send to each worker (``--travel``: the bytes of the pickled plan, which a
  Dask cluster broadcasts once and linkchart's own processes receive once each): as it
  was (the whole chart) and as it is now (betweenness: the projection's arrays; another
  built-in measure: the chart's numbers without its text), on the Central Asia chart and
  on a 10,000-node / 70k-edge synthetic chart, bare and with a 120-character quote per
  edge as a real file has.

Run::

    .venv/bin/python benchmarks/bench_uncertainty.py            # about a minute on 2 cores
    .venv/bin/python benchmarks/bench_uncertainty.py --draws 200
    .venv/bin/python benchmarks/bench_uncertainty.py --travel   # the bytes only (seconds)
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
import math
import os
import pickle
import platform
import sys
import time
from pathlib import Path

import numpy as np

import linkchart
from linkchart.analysis.projection import project
from linkchart.analysis.registry import MEASURES
from linkchart.analysis.uncertainty import _plan, tied_ranks

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_measures import synthetic

ROOT = Path(__file__).resolve().parents[1]


def draws_per_second(chart: linkchart.LinkChart, draws: int, workers: int) -> float:
    start = time.perf_counter()
    linkchart.rank_uncertainty(chart, "betweenness", draws=draws, seed=1, workers=workers, progress=False)
    return draws / (time.perf_counter() - start)


def hand_loop(chart: linkchart.LinkChart, draws: int) -> float:
    """Draws per second of the obvious loop: keep each tie with its probability, build an igraph
    graph of the kept arcs, call ``betweenness()`` (one process)."""
    import igraph as ig

    p = project(chart)
    arc_edge, arc_tie = p.arcs  # type: ignore[misc]
    src, dst = p.src[arc_tie], p.dst[arc_tie]  # each arc (an edge one way) between its tie's ends
    e = chart.edges
    prob = np.asarray(e.probability)
    rng = np.random.default_rng(1)
    start = time.perf_counter()
    for _ in range(draws):
        keep = (rng.random(len(prob)) < prob)[arc_edge]
        g = ig.Graph(
            n=chart.number_of_nodes, edges=np.column_stack([src[keep], dst[keep]]), directed=p.directed
        )
        g.betweenness()
    return draws / (time.perf_counter() - start)


def through_views(chart: linkchart.LinkChart, draws: int) -> float:
    """Draws per second when each draw builds a view (what the masked projection avoids)."""
    rng = np.random.default_rng(1)
    p = np.asarray(chart.edges.probability)
    start = time.perf_counter()
    for _ in range(draws):
        linkchart.betweenness(chart._view(None, rng.random(len(p)) < p))
    return draws / (time.perf_counter() - start)


def exact_error(seeds: range, draws: int) -> tuple[float, float]:
    """The largest |P_mc(top k) - P_exact(top k)|, absolute and in standard errors."""
    worst_abs = worst_se = 0.0
    levels = ("confirmed", "reported", "alleged", "possible")
    vocab = linkchart.Vocabulary(relations=(linkchart.Relation("knows", directed=False),))
    for seed in seeds:
        rng = np.random.default_rng(seed)
        pairs = list(itertools.combinations(range(7), 2))
        chosen = [pairs[i] for i in rng.choice(len(pairs), size=11, replace=False)]
        chart = linkchart.from_records(
            [{"id": f"v{i}", "type": "person"} for i in range(7)],
            [
                {
                    "from": f"v{a}",
                    "relation": "knows",
                    "to": f"v{b}",
                    "confidence": levels[int(rng.integers(4))],
                }
                for a, b in chosen
            ],
            vocabulary=vocab,
        )
        p = np.asarray(chart.edges.probability)
        exact = np.zeros(chart.number_of_nodes)
        for bits in itertools.product((False, True), repeat=len(p)):
            keep = np.array(bits)
            scores = linkchart.betweenness(chart._view(None, keep))
            values = np.array([scores[n] for n in chart.node_ids])[None, :]
            first, last = (x[0] for x in tied_ranks(values, True))
            size = last - first + 1  # a tied block shares the top-2 places it covers
            exact += float(np.prod(np.where(keep, p, 1 - p))) * np.clip(2 - first + 1, 0, size) / size
        mc = linkchart.rank_uncertainty(chart, "betweenness", draws=draws, seed=seed, top=2, workers=1)
        for i, node in enumerate(chart.node_ids):
            err = abs(mc.p_top(node) - exact[i])
            se = math.sqrt(max(exact[i] * (1 - exact[i]), 1e-12) / draws)
            worst_abs = max(worst_abs, err)
            worst_se = max(worst_se, err / se if se > 1e-9 else 0.0)
    return worst_abs, worst_se


def with_quotes(chart: linkchart.LinkChart, length: int = 120) -> linkchart.LinkChart:
    """``chart`` with a distinct evidence quote of ``length`` characters on every edge."""
    quotes = np.array([f"{k:08d} " + "x" * (length - 9) for k in range(chart.number_of_edges)], dtype=object)
    edges = dataclasses.replace(chart.edges, evidence=quotes)
    return linkchart.LinkChart(vocabulary=chart.vocabulary, nodes=chart.nodes, edges=edges, title=chart.title)


def travel(central: linkchart.LinkChart) -> None:
    """The bytes the draws send to each worker, as before (the whole chart) and now."""
    bare = synthetic(10_000, per_node=7)
    charts = {
        f"central_asia ({central.number_of_nodes} n, {central.number_of_edges} e)": central,
        f"synthetic 10k ({bare.number_of_edges:,} e, no text)": bare,
        "synthetic 10k, 120-char quotes": with_quotes(bare),
    }
    print(f"\nwhat the draws send to each worker (pickled bytes; {BLOCK_NOTE})")
    print(f"{'chart':<36} {'measure':<12} {'model':<10} {'whole chart':>12} {'now':>11} {'now/before':>10}")
    for name, chart in charts.items():
        for measure in ("betweenness", "pagerank"):
            entry = MEASURES[measure]
            call = entry.call(workers=1) if entry.parallel else entry.call()
            for model in ("confidence", "sources"):
                plan = _plan(chart, call, 1, model, 0.1, "edge", entry.function.__module__)
                before = len(pickle.dumps(dataclasses.replace(plan, chart=chart, scorer=None), protocol=5))
                now = len(pickle.dumps(plan, protocol=5))
                print(f"{name:<36} {measure:<12} {model:<10} {before:>12,} {now:>11,} {now / before:>10.3f}")


BLOCK_NOTE = "betweenness: the kernel's arrays; pagerank: the chart's numbers without its text"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--draws", type=int, default=1000, help="draws per timing (default 1000)")
    parser.add_argument("--travel", action="store_true", help="only the bytes the draws send to workers")
    args = parser.parse_args(argv)
    print(
        f"python {platform.python_version()}, {os.cpu_count()} cores, "
        f"load average {os.getloadavg()[0]:.1f}, draws {args.draws}"
    )
    central = linkchart.load(ROOT / "graphs" / "central_asia.yaml")
    travel(central)
    if args.travel:
        return 0
    charts = {
        f"central_asia ({central.number_of_nodes} nodes, {central.number_of_edges} edges)": central,
        "synthetic 2k (2,000 nodes, 10k edges)": synthetic(2000),
    }
    print(
        f"{'chart':<36} {'1 call ms':>9} {'hand loop/s':>11} {'views/s':>8} {'1 worker/s':>10} "
        f"{'2 workers/s':>11} {'1 worker/hand':>13}"
    )
    for name, chart in charts.items():
        draws = args.draws if chart.number_of_nodes < 1000 else max(20, args.draws // 50)
        start = time.perf_counter()
        linkchart.betweenness(chart)
        one_call = (time.perf_counter() - start) * 1000
        hand = hand_loop(chart, draws)
        views = through_views(chart, max(10, draws // 5))
        one = draws_per_second(chart, draws, 1)
        try:
            two = f"{draws_per_second(chart, draws, 2):>11.0f}"
        except linkchart.LinkchartError:  # a chart that cannot travel to another process yet
            two = f"{'n/a':>11}"
        print(
            f"{name:<36} {one_call:>9.1f} {hand:>11.1f} {views:>8.1f} {one:>10.1f} {two} {one / hand:>13.2f}",
            flush=True,
        )
    worst_abs, worst_se = exact_error(range(5), 2000)
    print(
        f"exact enumeration (2^11 subsets, 5 charts, 2,000 draws): largest |MC - exact| of P(top 2) "
        f"= {worst_abs:.4f} ({worst_se:.2f} standard errors)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
