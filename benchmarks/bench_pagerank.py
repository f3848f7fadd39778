"""PageRank by graph shape: linkchart's chosen solver vs raw igraph (PRPACK, ARPACK), networkx, NetworKit.

For each graph, the same collapsed graph is handed to every tool:

- ``linkchart``: ``linkchart.pagerank`` on a chart whose projection is cached (what every
  measure after the first pays), with the solver it chooses
  (:func:`linkchart.analysis.pagerank.pagerank_solver`);
- ``igraph PRPACK`` / ``igraph ARPACK``: ``Graph.pagerank(implementation=...)`` alone;
- ``networkx``: ``nx.pagerank`` (tol 1e-12, as linkchart's networkx engine);
- ``NetworKit``: ``networkit.centrality.PageRank`` on 2 threads, if installed (optional);
- ``max |diff|``: the largest difference between linkchart's values and PRPACK's (the
  values before the solver was chosen by shape).

Then the cold cost: ``linkchart.degree`` (and PageRank) on a fresh copy of the chart (the
projection built inside the call) against the same call on a chart that has it.

Graphs: the synthetic typed multigraph of ``bench_measures.py`` read directed and
undirected, a 3-ary tree and a sparse random graph. Times are the least CPU time of 5
runs (CPU rather than wall clock, which on a shared machine measures the neighbours;
NetworKit's is the sum over its threads). Run::

    python benchmarks/bench_pagerank.py                    # 10k and 100k nodes
    python benchmarks/bench_pagerank.py --sizes 10000 --no-networkx
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable, Iterator
from typing import Any

import igraph as ig
import networkx as nx
import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench_measures import fresh, synthetic

import linkchart
from linkchart import LinkChart
from linkchart.analysis.pagerank import pagerank_solver
from linkchart.analysis.projection import project


def best(f: Callable[[], Any], repeat: int = 5) -> float:
    """The least CPU time of ``repeat`` calls (CPU, not wall: the machine is shared)."""
    times = []
    for _ in range(repeat):
        start = time.process_time()
        f()
        times.append(time.process_time() - start)
    return min(times)


def plain(n: int, edges: np.ndarray, directed: bool) -> LinkChart:
    """A chart of ``n`` people and the given ties (one relation)."""
    return linkchart.from_records(
        [{"id": f"v{i}", "type": "person"} for i in range(n)],
        [{"from": f"v{a}", "relation": "knows", "to": f"v{b}"} for a, b in edges],
        directed=directed,
    )


def graphs(n: int) -> Iterator[tuple[str, LinkChart, bool]]:
    chart = synthetic(n)
    yield "synthetic, directed", chart, True
    yield "synthetic, undirected", chart, False
    rng = np.random.default_rng(5)
    tree = np.column_stack([np.arange(1, n) // 3, np.arange(1, n)])
    yield "3-ary tree", plain(n, tree, False), False
    pairs = rng.integers(0, n, size=(3 * n, 2))
    yield "sparse random, undirected", plain(n, pairs[pairs[:, 0] != pairs[:, 1]], False), False


def networkit_pagerank(g: ig.Graph, directed: bool) -> Callable[[], Any] | None:
    try:
        import networkit as nk
    except ImportError:
        return None
    nk.setNumberOfThreads(2)
    h = nk.Graph(g.vcount(), weighted="weight" in g.es.attributes(), directed=directed)
    weights = g.es["weight"] if "weight" in g.es.attributes() else None
    for k, (a, b) in enumerate(g.get_edgelist()):
        if weights is None:
            h.addEdge(a, b)
        else:
            h.addEdge(a, b, weights[k])
    return lambda: nk.centrality.PageRank(h, damp=0.85, tol=1e-12).run()


def row(n: int, name: str, chart: LinkChart, directed: bool, networkx: bool) -> str:
    """One line of the table: every tool on one graph."""
    p = project(chart, directed=directed, weight="weight")  # as linkchart.pagerank reads it
    g = p.to_igraph(weights="strength")
    w = "weight" if p.weighted else None
    t_lc = best(lambda: linkchart.pagerank(chart, directed=directed))
    t_pr = best(lambda: g.pagerank(directed=directed, weights=w, implementation="prpack"))
    t_ar = best(lambda: g.pagerank(directed=directed, weights=w, implementation="arpack"))
    ref = np.asarray(g.pagerank(directed=directed, weights=w, implementation="prpack"))
    got = linkchart.pagerank(chart, directed=directed)
    diff = float(np.max(np.abs(np.array([got[i] for i in chart.node_ids]) - ref)))
    t_nx = float("nan")
    if networkx:
        h = p.to_networkx(weights="strength")
        t_nx = best(lambda: nx.pagerank(h, alpha=0.85, weight=w, tol=1e-12, max_iter=10_000), 1)
    nk_call = networkit_pagerank(g, directed)
    t_nk = best(nk_call) if nk_call else float("nan")
    cold = {}
    for measure in (linkchart.degree, linkchart.pagerank):
        copy = fresh(chart)
        start = time.process_time()
        measure(copy, directed=directed)
        t_cold = time.process_time() - start
        cold[measure.__name__] = t_cold / best(lambda m=measure, c=copy: m(c, directed=directed))
    return (
        f"{n:>7,} {name:<26} {pagerank_solver(p):>6} | {t_lc:>9.4f} {t_pr:>8.4f} {t_ar:>8.4f} "
        f"{t_nx:>8.4f} {t_nk:>9.4f} | {t_lc / t_pr:>9.2f} {t_lc / min(t_pr, t_ar):>7.2f} "
        f"{diff:>10.1e} | {cold['degree']:>16.1f} {cold['pagerank']:>18.1f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--no-networkx", action="store_true")
    args = parser.parse_args()
    print(
        f"{'nodes':>7} {'graph':<26} {'solver':>6} | {'linkchart':>9} {'PRPACK':>8} {'ARPACK':>8} "
        f"{'networkx':>8} {'NetworKit':>9} | {'lc/PRPACK':>9} {'lc/best':>7} {'max |diff|':>10} | "
        f"{'degree cold/warm':>16} {'pagerank cold/warm':>18}"
    )
    for n in args.sizes:
        for name, chart, directed in graphs(n):
            print(row(n, name, chart, directed, not args.no_networkx), flush=True)
    print(
        "CPU seconds, least of 5 (networkx: one run; nan: not run or NetworKit not installed); lc/best: "
        "linkchart over the faster raw igraph solver; cold/warm: a call on a fresh chart (projection "
        "built inside) over the same call once the chart has it"
    )


if __name__ == "__main__":
    main()
