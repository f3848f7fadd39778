"""Loading benchmark: synthetic typed multigraphs of 10k, 100k and 1M edges from CSV.

For each size a graph (one node per ten edges, six node types, eight relations, some
dated, weighted and quoted edges, parallel edges) is written as ``chart.yaml`` +
``nodes.csv`` + ``edges.csv`` under a temporary folder. Then, each in a fresh Python
process so that sizes do not contaminate each other's peak memory:

- ``linkchart.load`` (read, validate every column, build the frozen chart);
- the igraph view (``chart.to_igraph(attributes=False)``, built from the edge arrays);
- a reference: a ``networkx.MultiDiGraph`` built from the same CSV with the csv module
  (no validation), the usual way such files are read.

Peak memory is the process's maximum resident set size (``ru_maxrss``), shown with the
size of a process that has only imported the libraries, so the difference is the
graph's own cost. Usage::

    python benchmarks/bench_load.py                 # 10k, 100k, 1M edges
    python benchmarks/bench_load.py --sizes 10000   # just one size
    python benchmarks/bench_load.py --baseline /tmp/old/src   # also another linkchart, same files

``--baseline SRC`` loads the same files, in the same run, with the linkchart found in the
source folder ``SRC`` (a checkout of an earlier commit: ``git worktree add /tmp/old REV``),
and prints its load time beside this one's.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

TYPES = ["organisation", "state", "region", "criminal_network", "person", "event"]
RELATIONS = [
    "finances",
    "shelters",
    "operates_in",
    "linked_to",
    "member_of",
    "targets",
    "borders",
    "supplies",
]
LEVELS = ["confirmed", "reported", "alleged", "possible"]

HEADER = """\
linkchart: 1
title: Synthetic graph of {edges} edges
sources:
  - {{id: report, title: A synthetic report, location: "https://example.org/report"}}
defaults: {{source: report, confidence: reported}}
relations:
  finances: {{source_types: [state, organisation, criminal_network, person], target_types: [organisation]}}
  shelters: {{}}
  operates_in: {{}}
  linked_to: {{directed: false}}
  member_of: {{}}
  targets: {{}}
  borders: {{directed: false}}
  supplies: {{weight: 2}}
nodes: {{csv: nodes.csv}}
edges: {{csv: edges.csv}}
"""


def generate(folder: Path, n_edges: int, seed: int = 7) -> None:
    """Write a synthetic typed multigraph of ``n_edges`` edges to ``folder``."""
    rng = np.random.default_rng(seed)
    n_nodes = max(n_edges // 10, 10)
    node_types = rng.integers(0, len(TYPES), n_nodes)
    node_types[: n_nodes // 10] = 0  # enough organisations to receive money
    ids = [f"n{i:07d}" for i in range(n_nodes)]
    with (folder / "nodes.csv").open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "type", "label", "aliases", "country"])
        for i in range(n_nodes):
            w.writerow(
                [
                    ids[i],
                    TYPES[node_types[i]],
                    f"Actor {i}" if i % 3 == 0 else "",
                    f"a{i}|alias {i}" if i % 5 == 0 else "",
                    "" if i % 2 else "TJ",
                ]
            )
    src = rng.integers(0, n_nodes, n_edges)
    dst = rng.integers(0, n_nodes, n_edges)
    rel = rng.integers(0, len(RELATIONS), n_edges)
    # finances must end at an organisation: send those edges to one
    orgs = np.flatnonzero(node_types == 0)
    fin = rel == 0
    dst[fin] = orgs[rng.integers(0, len(orgs), int(fin.sum()))]
    src[fin & ~np.isin(node_types[src], [0, 1, 3, 4])] = orgs[0]
    conf = rng.integers(0, len(LEVELS) + 1, n_edges)  # len(LEVELS): the default
    year = rng.integers(1990, 2020, n_edges)
    dated = rng.random(n_edges) < 0.3
    weighted = rng.random(n_edges) < 0.1
    quoted = rng.random(n_edges) < 0.05
    with (folder / "edges.csv").open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["from", "relation", "to", "confidence", "evidence", "time", "weight"])
        for k in range(n_edges):
            w.writerow(
                [
                    ids[src[k]],
                    RELATIONS[rel[k]],
                    ids[dst[k]],
                    LEVELS[conf[k]] if conf[k] < len(LEVELS) else "",
                    f"Paragraph {k}: reports say so." if quoted[k] else "",
                    (f"{year[k]}-{year[k] + 2}" if k % 2 else str(year[k])) if dated[k] else "",
                    f"{1 + k % 5}" if weighted[k] else "",
                ]
            )
    (folder / "chart.yaml").write_text(HEADER.format(edges=n_edges), encoding="utf-8")


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def measure(folder: Path, what: str) -> dict[str, float]:
    """Run one measurement in this (fresh) process; return seconds and peak MiB."""
    import igraph  # noqa: F401  (imported up front, so the baseline includes it)
    import networkx as nx

    import linkchart

    out: dict[str, float] = {"baseline_mib": _peak_mib()}
    if what == "linkchart":
        t0 = time.perf_counter()
        chart = linkchart.load(folder / "chart.yaml")
        out["load_s"] = time.perf_counter() - t0
        out["load_mib"] = _peak_mib()
        t0 = time.perf_counter()
        g = chart.to_igraph(attributes=False)
        out["igraph_s"] = time.perf_counter() - t0
        out["edges"] = g.ecount()
        out["peak_mib"] = _peak_mib()
    elif what == "networkx":
        t0 = time.perf_counter()
        g = nx.MultiDiGraph()
        with (folder / "nodes.csv").open(encoding="utf-8", newline="") as f:
            rows = csv.DictReader(f)
            g.add_nodes_from((r.pop("id"), r) for r in rows)
        with (folder / "edges.csv").open(encoding="utf-8", newline="") as f:
            rows = csv.DictReader(f)
            g.add_edges_from((r.pop("from"), r.pop("to"), r) for r in rows)
        out["load_s"] = time.perf_counter() - t0
        out["edges"] = g.number_of_edges()
        out["peak_mib"] = _peak_mib()
    return out


def _run(*args: str, source: str | None = None) -> dict[str, float]:
    """Run this script with ``args`` in a fresh process (the parent stays small: peak memory
    is inherited through fork, so a big parent would hide a small child's peak); with
    ``source``, importing linkchart from that source folder."""
    env = dict(os.environ, PYTHONPATH=source) if source else None
    result = subprocess.run(
        [sys.executable, __file__, *args], capture_output=True, text=True, check=True, env=env
    )
    data: dict[str, float] = json.loads(result.stdout or "{}")
    return data


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--measure", nargs=2, metavar=("FOLDER", "WHAT"), help=argparse.SUPPRESS)
    parser.add_argument("--generate", nargs=2, metavar=("FOLDER", "EDGES"), help=argparse.SUPPRESS)
    parser.add_argument("--baseline", metavar="SRC", help="also load with the linkchart in this source")
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(Path(args.measure[0]), args.measure[1])))
        return
    if args.generate:
        generate(Path(args.generate[0]), int(args.generate[1]))
        return
    print(
        f"{'edges':>9} {'nodes':>8} | {'load s':>6} {'load MiB':>8} {'igraph s':>8} {'peak MiB':>8} "
        f"{'graph MiB':>9} | {'networkx s':>10} {'nx peak MiB':>11} | {'time ratio':>10} {'mem ratio':>9}"
        + (f" | {'baseline s':>10} {'base MiB':>8}" if args.baseline else "")
    )
    for n in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            _run("--generate", tmp, str(n))
            lc = _run("--measure", tmp, "linkchart")
            nx_ = _run("--measure", tmp, "networkx")
            base = _run("--measure", tmp, "linkchart", source=args.baseline) if args.baseline else None
        assert lc["edges"] == n and nx_["edges"] == n
        own = lc["peak_mib"] - lc["baseline_mib"]
        nx_own = nx_["peak_mib"] - nx_["baseline_mib"]
        print(
            f"{n:>9,} {max(n // 10, 10):>8,} | {lc['load_s']:>6.2f} {lc['load_mib']:>8.0f} "
            f"{lc['igraph_s']:>8.3f} {lc['peak_mib']:>8.0f} {own:>9.0f} | "
            f"{nx_['load_s']:>10.2f} {nx_['peak_mib']:>11.0f} | "
            f"{nx_['load_s'] / lc['load_s']:>10.1f} {nx_own / max(own, 1):>9.1f}"
            + (f" | {base['load_s']:>10.2f} {base['load_mib']:>8.0f}" if base else "")
        )
    print(
        "load MiB / peak MiB: the process's peak RSS after loading / after also building the igraph view "
        f"(Python with numpy, igraph and networkx imported: {lc['baseline_mib']:.0f} MiB); graph MiB: peak "
        "minus that baseline; ratios: networkx / linkchart"
    )


if __name__ == "__main__":
    main()
