"""PageRank by graph shape: linkchart (PRPACK) vs raw igraph (PRPACK, ARPACK), networkx, NetworKit.

For each graph, the same collapsed graph is handed to every tool:

- ``linkchart``: ``linkchart.pagerank`` on a chart whose projection is cached (what every
  measure after the first pays; igraph's PRPACK);
- ``igraph PRPACK`` / ``igraph ARPACK``: ``Graph.pagerank(implementation=...)`` alone;
- ``networkx``: ``nx.pagerank`` (tol 1e-12, as linkchart's networkx engine);
- ``NetworKit``: ``networkit.centrality.PageRank`` on 2 threads (tol 1e-12, sinks
  distributed as igraph does), if installed (``pip install 'linkchart[bench]'``);
- ``max |diff|``: the largest difference between linkchart's values and PRPACK's, and
  NetworKit's (scaled to sum 1) and PRPACK's;
- ``load``: the load average when the row was measured (the machine is shared).

Then the cold cost: ``linkchart.degree`` (and PageRank) on a fresh copy of the chart (the
projection built inside the call) against the same call on a chart that has it.

Graphs: the synthetic typed multigraph of ``bench_measures.py`` read directed and
undirected, a 3-ary tree and a sparse random graph. Times are the least CPU time per call of 5
samples of at least 20 ms each (CPU rather than wall clock, which on a shared machine measures the neighbours;
NetworKit's is the sum over its threads).

``--sweep`` asks which solver to use by graph shape instead: raw igraph PRPACK against
ARPACK on undirected random graphs of 250 to 100,000 nodes and 1 (a tree) to 8 ties per
node, and on directed ones, the least CPU time of ``--repeat`` samples each, the two
solvers' samples taken in turn. PRPACK runs OpenMP threads: on a loaded machine their
waiting counts as CPU time, so run it as ``OMP_NUM_THREADS=1`` for the solvers' own
costs (``--sweep`` prints the setting). Run::

    python benchmarks/bench_pagerank.py                    # 10k and 100k nodes
    python benchmarks/bench_pagerank.py --sizes 10000 --no-networkx
    OMP_NUM_THREADS=1 python benchmarks/bench_pagerank.py --sweep      # the solver by shape
    python benchmarks/bench_pagerank.py --sweep --sweep-nodes 50000 --sweep-ties 3 4 8
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from typing import Any

import igraph as ig
import networkx as nx
import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench_measures import fresh, synthetic

import linkchart
from linkchart import LinkChart
from linkchart.analysis.projection import project


def best(f: Callable[[], Any], repeat: int = 5) -> float:
    """The least CPU time per call over ``repeat`` samples (CPU, not wall: the machine is
    shared); a sample repeats the call until it has taken 20 ms, so that short calls are
    not read off the clock's grain."""
    times = []
    for _ in range(repeat):
        calls, start = 0, time.process_time()
        while True:
            f()
            calls += 1
            took = time.process_time() - start
            if took >= 0.02:
                break
        times.append(took / calls)
    return min(times)


def best_pair(f: Callable[[], Any], g: Callable[[], Any], repeat: int) -> tuple[float, float]:
    """:func:`best` of ``f`` and of ``g``, their samples taken in turn (a change of load
    between the two then weighs on both alike)."""
    times_f, times_g = [], []
    for _ in range(repeat):
        times_f.append(best(f, 1))
        times_g.append(best(g, 1))
    return min(times_f), min(times_g)


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
    """NetworKit's PageRank of ``g`` on 2 threads (sinks spread over every vertex, as igraph
    does), or ``None`` when NetworKit is not installed; the call returns its scores."""
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
    sinks = nk.centrality.SinkHandling.DistributeSinks

    def run() -> np.ndarray:  # type: ignore[type-arg]
        pr = nk.centrality.PageRank(h, damp=0.85, tol=1e-12, distributeSinks=sinks)
        pr.run()
        return np.asarray(pr.scores())

    return run


def load() -> float:
    return os.getloadavg()[0]


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
    nk_diff = float("nan")
    if nk_call:
        theirs = nk_call()
        nk_diff = float(np.max(np.abs(theirs / theirs.sum() - ref)))
    cold = {}
    for measure in (linkchart.degree, linkchart.pagerank):
        copy = fresh(chart)
        start = time.process_time()
        measure(copy, directed=directed)
        t_cold = time.process_time() - start
        cold[measure.__name__] = t_cold / best(lambda m=measure, c=copy: m(c, directed=directed))
    return (
        f"{n:>7,} {name:<26} | {t_lc:>9.4f} {t_pr:>8.4f} {t_ar:>8.4f} "
        f"{t_nx:>8.4f} {t_nk:>9.4f} | {t_lc / t_pr:>9.2f} {t_lc / min(t_pr, t_ar):>7.2f} "
        f"{t_lc / t_nk:>6.2f} {diff:>10.1e} {nk_diff:>8.1e} | {cold['degree']:>16.1f} "
        f"{cold['pagerank']:>18.1f} | {load():>4.1f}"
    )


SWEEP_NODES = (250, 500, 1000, 2000, 5000, 20_000, 100_000)
SWEEP_TIES = (1.0, 1.5, 2.0, 4.0, 8.0)


def sweep(repeat: int, sizes: Sequence[int] = SWEEP_NODES, ties: Sequence[float] = SWEEP_TIES) -> None:
    """PRPACK against ARPACK (raw igraph) across sizes and densities."""
    print("OMP_NUM_THREADS =", os.environ.get("OMP_NUM_THREADS", "unset"), "(PRPACK runs OpenMP threads)")
    print(
        f"{'nodes':>7} {'ties/node':>9} {'directed':>8} | {'PRPACK':>8} {'ARPACK':>8} {'AR/PR':>6} "
        f"{'max |diff|':>10} | {'faster':>6} | {'load':>4}"
    )
    rng = np.random.default_rng(7)
    for directed in (False, True):
        for per in ties:
            for n in sizes:
                if per == 1 and not directed:
                    edges = np.column_stack([np.arange(1, n) // 3, np.arange(1, n)])  # a 3-ary tree
                else:
                    edges = rng.integers(0, n, size=(int(per * n), 2))
                    edges = edges[edges[:, 0] != edges[:, 1]]
                g = ig.Graph(n=n, edges=edges.tolist(), directed=directed).simplify()
                t_pr, t_ar = best_pair(
                    lambda g=g, d=directed: g.pagerank(directed=d, implementation="prpack"),
                    lambda g=g, d=directed: g.pagerank(directed=d, implementation="arpack"),
                    repeat,
                )
                pr = np.asarray(g.pagerank(directed=directed, implementation="prpack"))
                ar = np.asarray(g.pagerank(directed=directed, implementation="arpack"))
                m = g.ecount()
                faster = "arpack" if t_ar < t_pr else "prpack"
                print(
                    f"{n:>7,} {m / n:>9.2f} {directed!s:>8} | {t_pr:>8.4f} {t_ar:>8.4f} {t_ar / t_pr:>6.2f} "
                    f"{float(np.max(np.abs(pr - ar))):>10.1e} | {faster:>6} | {load():>4.1f}",
                    flush=True,
                )
    print(f"CPU seconds, least of {repeat} samples taken in turn; AR/PR: ARPACK's CPU over PRPACK's")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--no-networkx", action="store_true")
    parser.add_argument("--sweep", action="store_true", help="check the solver rule's thresholds instead")
    parser.add_argument("--repeat", type=int, default=7, help="runs per timing in --sweep (default 7)")
    parser.add_argument("--sweep-nodes", type=int, nargs="+", default=SWEEP_NODES, help="sizes in --sweep")
    parser.add_argument(
        "--sweep-ties", type=float, nargs="+", default=SWEEP_TIES, help="ties per node in --sweep"
    )
    args = parser.parse_args()
    if args.sweep:
        sweep(args.repeat, args.sweep_nodes, args.sweep_ties)
        return
    print(
        f"{'nodes':>7} {'graph':<26} | {'linkchart':>9} {'PRPACK':>8} {'ARPACK':>8} "
        f"{'networkx':>8} {'NetworKit':>9} | {'lc/PRPACK':>9} {'lc/best':>7} {'lc/NK':>6} {'max |diff|':>10} "
        f"{'NK diff':>8} | {'degree cold/warm':>16} {'pagerank cold/warm':>18} | {'load':>4}"
    )
    for n in args.sizes:
        for name, chart, directed in graphs(n):
            print(row(n, name, chart, directed, not args.no_networkx), flush=True)
    print(
        "CPU seconds, least of 5 (networkx: one run; nan: not run or NetworKit not installed); lc/best: "
        "linkchart over the faster raw igraph solver; lc/NK: over NetworKit's CPU (both threads); "
        "NK diff: NetworKit's values (sum 1) against PRPACK's; cold/warm: a call on a fresh chart "
        "(projection built inside) over the same call once the chart has it; load: the load average"
    )


if __name__ == "__main__":
    main()
