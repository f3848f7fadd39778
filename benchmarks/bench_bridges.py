"""Benchmark bridges and articulation points on sparse graphs: time and peak memory.

Random trees (every tie a bridge, every inner node an articulation point: the worst case
for side sets) of 1k, 8k and 100k nodes, each measured in a fresh process so the peak
resident memory is its own. Round 1's eager sets took 24.6 s and 7.96 GB at 8k nodes;
the sides are now sizes, with node sets made only for what is shown.

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

import numpy as np


def one(n: int) -> dict[str, float]:
    import linkchart

    rng = np.random.default_rng(1)
    parents = [int(rng.integers(0, i)) for i in range(1, n)]
    chart = linkchart.from_records(
        [{"id": f"v{i}", "type": "person"} for i in range(n)],
        [{"from": f"v{p}", "relation": "knows", "to": f"v{i + 1}"} for i, p in enumerate(parents)],
    )
    start = time.perf_counter()
    found = linkchart.bridges(chart)
    t_bridges = time.perf_counter() - start
    start = time.perf_counter()
    cuts = linkchart.articulation_points(chart)
    t_cuts = time.perf_counter() - start
    start = time.perf_counter()
    shown = [b.separated for b in found[:10]] + [c.components for c in cuts[:10]]  # what a report shows
    t_shown = time.perf_counter() - start
    assert len(found) == n - 1 and len(shown) == 20
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"bridges_s": t_bridges, "cuts_s": t_cuts, "top10_sets_s": t_shown, "peak_mib": peak}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 8000, 100_000])
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(one(args.one)))
        return 0
    print(f"{'tree nodes':>10} {'bridges s':>10} {'cut points s':>13} {'top-10 sets s':>14} {'peak MiB':>9}")
    for n in args.sizes:
        done = subprocess.run(
            [sys.executable, __file__, "--one", str(n)], capture_output=True, text=True, check=True
        )
        r = json.loads(done.stdout)
        times = f"{r['bridges_s']:>10.2f} {r['cuts_s']:>13.2f} {r['top10_sets_s']:>14.3f}"
        print(f"{n:>10,} {times} {r['peak_mib']:>9.0f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
