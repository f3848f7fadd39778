"""Benchmark bridges and articulation points on sparse graphs: time, peak memory, and raw igraph.

Random trees (every tie a bridge, every inner node an articulation point: the worst case
for side sets) of 1k, 8k and 100k nodes, and a sparse random graph (1.2 ties per node: a
giant component and many small trees) of the same sizes; then the two shapes that made the
depth-first search quadratic before it was bounded (scipy's search rescans a vertex's ties
on every return to it): ``hubs`` (10 hubs, each tied to a tenth of the nodes, most of them
pendants) and ``islands`` (a third as many triangles as nodes, every other pair joined: tens
of thousands of components). Each is measured in a fresh process so the peak resident
memory is its own, and each time is the least of 3 calls (networkx: 1). Beside linkchart's ``bridges`` and
``articulation_points`` (CPU seconds, the chart's projection built beforehand, as every
measure after the first finds it): igraph's own ``Graph.bridges()`` and
``Graph.articulation_points()`` on the same graph (no sides, no sizes), networkx's
``bridges`` and ``articulation_points``, and the ratios linkchart / raw igraph (the target:
within 3). Round 1's eager sets took 24.6 s and 7.96 GB at 8k nodes; the sides are now
sizes found in one pass, with node sets made only for what is shown.

Run::

    .venv/bin/python benchmarks/bench_bridges.py                 # 1k, 8k, 100k nodes
    .venv/bin/python benchmarks/bench_bridges.py --sizes 1000000
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from typing import Any

import numpy as np


def cpu(f: Callable[[], Any], repeat: int = 3) -> float:
    """The least CPU time of ``repeat`` calls (the machine may be shared)."""
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        f()
        best = min(best, time.process_time() - start)
    return best


def pairs_of(n: int, shape: str) -> list[tuple[int, int]]:
    """The ties of one test graph of ``n`` nodes (see the module's docstring)."""
    rng = np.random.default_rng(1)
    if shape == "tree":
        return [(int(rng.integers(0, i)), i) for i in range(1, n)]
    if shape == "hubs":  # 10 hubs, each tied to a tenth of the nodes, most of them pendants
        hubs = [(h, int(x)) for h in range(10) for x in rng.integers(10, n, size=n // 10)]
        return sorted({(a, b) for a, b in hubs + pairs_of(n, "sparse")[: n // 5] if a != b})
    if shape == "islands":  # triangles, every other pair of them joined by a tie
        k = n // 3
        tri = [(3 * i + a, 3 * i + b) for i in range(k) for a, b in ((0, 1), (1, 2), (2, 0))]
        return tri + [(3 * i, 3 * i + 3) for i in range(0, k - 1, 2)]
    return [(int(a), int(b)) for a, b in rng.integers(0, n, size=(int(1.2 * n), 2)) if a != b]


def one(n: int, shape: str) -> dict[str, float]:
    import networkx as nx
    import scipy.sparse.csgraph  # noqa: F401  # imported before timing, as igraph and networkx are

    import linkchart
    from linkchart.analysis.projection import project

    pairs = pairs_of(n, shape)
    chart = linkchart.from_records(
        [{"id": f"v{i}", "type": "person"} for i in range(n)],
        [{"from": f"v{a}", "relation": "knows", "to": f"v{b}"} for a, b in pairs],
    )
    p = project(chart, directed=False)
    g = p.to_igraph()  # built once, as the first measure of a report builds it
    h = p.to_networkx()
    out: dict[str, float] = {}
    out["raw_bridges_s"] = cpu(g.bridges)
    out["raw_cuts_s"] = cpu(g.articulation_points)
    out["nx_bridges_s"] = cpu(lambda: list(nx.bridges(h)), repeat=1)
    out["nx_cuts_s"] = cpu(lambda: list(nx.articulation_points(h)), repeat=1)
    found: list[Any] = []
    cuts: list[Any] = []
    out["bridges_s"] = cpu(lambda: found.append(linkchart.bridges(chart)))
    out["cuts_s"] = cpu(lambda: cuts.append(linkchart.articulation_points(chart)))
    start = time.process_time()
    shown = [b.separated for b in found[0][:10]] + [c.components for c in cuts[0][:10]]  # what a report shows
    out["top10_sets_s"] = time.process_time() - start
    assert len(found[0]) == len(g.bridges()) and len(shown) <= 20
    out["bridges"] = len(found[0])
    out["peak_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 8000, 100_000])
    parser.add_argument("--one", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(one(int(args.one[0]), args.one[1])))
        return 0
    print(
        f"{'graph':>7} {'nodes':>8} {'bridges':>8} | {'bridges s':>9} {'raw ig s':>8} {'nx s':>7} "
        f"{'lc/ig':>6} | {'cut points s':>12} {'raw ig s':>8} {'nx s':>7} {'lc/ig':>6} | "
        f"{'top-10 sets s':>13} {'peak MiB':>8}"
    )
    for shape in ("tree", "sparse", "hubs", "islands"):
        for n in args.sizes:
            done = subprocess.run(
                [sys.executable, __file__, "--one", str(n), shape], capture_output=True, text=True, check=True
            )
            r = json.loads(done.stdout)
            print(
                f"{shape:>7} {n:>8,} {r['bridges']:>8,} | {r['bridges_s']:>9.3f} "
                f"{r['raw_bridges_s']:>8.3f} {r['nx_bridges_s']:>7.2f} "
                f"{r['bridges_s'] / r['raw_bridges_s']:>6.1f} | {r['cuts_s']:>12.3f} {r['raw_cuts_s']:>8.3f} "
                f"{r['nx_cuts_s']:>7.2f} {r['cuts_s'] / r['raw_cuts_s']:>6.1f} | "
                f"{r['top10_sets_s']:>13.3f} {r['peak_mib']:>8.0f}",
                flush=True,
            )
    print("CPU seconds; lc/ig: linkchart / raw igraph (raw igraph finds the ties or nodes only, no sides)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
