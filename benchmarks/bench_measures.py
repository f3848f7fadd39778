"""Benchmark linkchart's measures: igraph engine vs networkx engine vs igraph called directly.

Synthetic typed multigraphs (about 5 edges per node, 10% of them parallel reports of an
earlier tie, two directed and two undirected relations, four node types). For each
measure three timings are taken on the same chart:

- ``linkchart/igraph``: the public function with ``engine="igraph"`` (projection included);
- ``linkchart/networkx``: the same with ``engine="networkx"``;
- ``raw igraph``: the igraph call alone on the same collapsed graph, built beforehand;
- ``NetworKit``: NetworKit's own algorithm on the same collapsed graph, on 2 threads
  (``pip install networkit``; ``-`` where it has none: constraint, bridges, bridging);
- ``cold``: the public function on a fresh copy of the chart, so its projection (and
  igraph graph) is built inside the call: what the first measure of a report pays.

``linkchart/igraph`` is the best of several calls on one chart: from the second call on,
the chart's projection cache holds the projection and its igraph graph, which is what
every further measure of a report pays. Two ratios: ``nx/ig`` (how much faster the
igraph engine is) and ``ig/raw`` (the overhead of linkchart around igraph: checks,
result); ``overhead`` is ``linkchart/igraph - raw igraph`` in milliseconds. Targets: on the
10k graph, betweenness ``nx/ig >= 20`` and ``ig/raw <= 1.3``.

Run::

    .venv/bin/python benchmarks/bench_measures.py                  # 1k and 10k nodes (~15 min)
    .venv/bin/python benchmarks/bench_measures.py --sizes 1000     # a quick look
    .venv/bin/python benchmarks/bench_measures.py --quick          # skip slow networkx runs at 10k
    .venv/bin/python benchmarks/bench_measures.py --sizes 10000 --measures pagerank constraint --no-networkx

With ``--quick``, the networkx engine's closeness, harmonic closeness, eigenvector and
bridging centrality (betweenness again) are skipped above 2,000 nodes; betweenness
always runs on both engines. The full run takes about 15 minutes on 2 cores.
"""

from __future__ import annotations

import argparse
import platform
import sys
import time
import warnings
from collections.abc import Callable
from functools import partial
from typing import Any

import igraph as ig
import networkx as nx
import numpy as np

import linkchart
from linkchart import EdgeTable, LinkChart, NodeTable, NodeType, Relation, Vocabulary
from linkchart.analysis import project
from linkchart.times import NO_TIME

SLOW_NETWORKX = {"closeness", "harmonic", "eigenvector", "bridging_centrality"}
SLOW_ABOVE = 2_000


def synthetic(n: int, *, per_node: int = 5, parallel: float = 0.1, seed: int = 42) -> LinkChart:
    """A random typed multigraph with ``n`` nodes and about ``per_node * n`` edges."""
    rng = np.random.default_rng(seed)
    types = ("organisation", "state", "region", "person")
    relations = (
        Relation("finances", directed=True),
        Relation("supports", directed=True),
        Relation("borders", directed=False),
        Relation("linked_to", directed=False),
    )
    vocab = Vocabulary(node_types=tuple(NodeType(t) for t in types), relations=relations)
    m_fresh = int(per_node * n * (1 - parallel))
    src = rng.integers(0, n, m_fresh)
    dst = rng.integers(0, n, m_fresh)
    keep = src != dst
    src, dst = src[keep], dst[keep]
    again = rng.integers(0, len(src), int(per_node * n) - len(src))  # parallel reports
    src, dst = np.concatenate([src, src[again]]), np.concatenate([dst, dst[again]])
    m = len(src)
    levels = vocab.confidence.probabilities
    conf = rng.integers(0, len(levels), m)
    edges = EdgeTable.build(
        src,
        dst,
        rng.integers(0, len(relations), m),
        conf,
        np.asarray(levels)[conf],
        rng.choice([1.0, 2.0, 3.0], m),
        np.full(m, NO_TIME),
        np.full(m, NO_TIME),
        np.full(m, -1),
        np.full(m, "", dtype=object),
    )
    ids = [f"n{i}" for i in range(n)]
    nodes = NodeTable.build(ids, rng.integers(0, len(types), n), ids, [()] * n)
    return LinkChart(vocabulary=vocab, nodes=nodes, edges=edges, title=f"synthetic {n}")


def best_of(call: Callable[[], Any], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return min(times)


def raw_calls(chart: LinkChart) -> dict[str, Callable[[], Any]]:
    """The igraph call behind each measure, on graphs built beforehand (not timed)."""
    directed = project(chart)
    undirected = project(chart, directed=False)
    weighted = project(chart, weight="weight")
    gd = directed.to_igraph()
    gu = undirected.to_igraph()
    gw = weighted.to_igraph(weights="strength")
    gwu = project(chart, directed=False, weight="weight").to_igraph(weights="strength")
    return {
        # degree counts partners and strength each edge once: igraph's on the undirected reading
        "degree": lambda: gu.degree(),
        "strength": lambda: gwu.strength(weights="weight"),
        "betweenness": lambda: gd.betweenness(directed=True),
        "closeness": lambda: gd.closeness(mode="out"),
        "harmonic": lambda: gd.harmonic_centrality(mode="out"),
        "eigenvector": lambda: gw.eigenvector_centrality(directed=True, weights="weight"),
        "pagerank": lambda: gw.pagerank(directed=True, weights="weight"),
        "constraint": lambda: gd.constraint(),
        "bridges": lambda: gu.bridges(),
        "articulation_points": lambda: gu.biconnected_components(return_articulation_points=True),
        "bridging_centrality": lambda: (gu.betweenness(directed=False), gu.degree()),
        "communities": lambda: gwu.community_leiden(
            objective_function="modularity", weights="weight", n_iterations=-1
        ),
    }


def networkit_calls(chart: LinkChart, threads: int = 2) -> dict[str, Callable[[], Any]] | None:
    """NetworKit's own measures (on ``threads`` threads) on the same collapsed graphs as raw
    igraph, built beforehand; ``None`` when NetworKit is not installed (``pip install
    networkit``). Measures NetworKit lacks (constraint, bridges, bridging centrality) are absent."""
    try:
        import networkit as nk
    except ImportError:
        return None
    nk.setNumberOfThreads(threads)

    def graph(p: Any, weighted: bool) -> Any:
        g = nk.Graph(p.n, weighted=weighted, directed=p.directed)
        ends = (np.asarray(p.src, dtype=np.uint64), np.asarray(p.dst, dtype=np.uint64))
        if weighted:
            g.addEdges((np.asarray(p.strength, dtype=np.float64), ends))
        else:
            g.addEdges(ends)
        return g

    c = nk.centrality
    gd = graph(project(chart), False)
    gw = graph(project(chart, weight="weight"), True)
    gwu = graph(project(chart, directed=False, weight="weight"), True)
    gu = graph(project(chart, directed=False), False)

    def done(algorithm: Any) -> Any:
        algorithm.run()
        return algorithm

    return {
        "degree": lambda: done(c.DegreeCentrality(gu)),  # partners: the undirected reading
        "betweenness": lambda: done(c.Betweenness(gd, normalized=False)),
        "closeness": lambda: done(c.Closeness(gd, True, c.ClosenessVariant.GENERALIZED)),
        "harmonic": lambda: done(c.HarmonicCloseness(gd, False)),
        "eigenvector": lambda: done(c.EigenvectorCentrality(gw)),
        "pagerank": lambda: done(c.PageRank(gw, damp=0.85)),
        "articulation_points": lambda: done(nk.components.BiconnectedComponents(gu)),
        "communities": lambda: done(nk.community.PLM(gwu, refine=True)),
    }


MEASURES: dict[str, Callable[..., Any]] = {
    "degree": linkchart.degree,
    "strength": linkchart.strength,
    "betweenness": linkchart.betweenness,
    "closeness": linkchart.closeness,
    "harmonic": linkchart.harmonic,
    "eigenvector": linkchart.eigenvector,
    "pagerank": linkchart.pagerank,
    "constraint": linkchart.constraint,
    "bridges": linkchart.bridges,
    "articulation_points": linkchart.articulation_points,
    "bridging_centrality": linkchart.bridging_centrality,
}


def fresh(chart: LinkChart) -> LinkChart:
    """The same chart as a new object, so nothing is cached on it yet."""
    return LinkChart(vocabulary=chart.vocabulary, nodes=chart.nodes, edges=chart.edges, title=chart.title)


def cold(measure: Callable[..., Any], chart: LinkChart, repeat: int) -> float:
    """Best time of ``measure`` on fresh copies of ``chart`` (projection built inside the call)."""
    copies = [fresh(chart) for _ in range(repeat)]
    times = []
    for copy in copies:
        start = time.perf_counter()
        measure(copy, engine="igraph")
        times.append(time.perf_counter() - start)
    return min(times)


def run(sizes: list[int], quick: bool, only: list[str] | None = None, networkx: bool = True) -> None:
    print(
        f"# linkchart {linkchart.__version__}, igraph {ig.__version__}, networkx {nx.__version__}, "
        f"Python {platform.python_version()}, {platform.machine()}"
    )
    header = (
        f"{'nodes':>6} {'edges':>6} {'ties':>6}  {'measure':<20} {'linkchart/igraph':>16} "
        f"{'linkchart/networkx':>18} {'raw igraph':>11} {'NetworKit':>11} {'cold':>9} {'nx/ig':>7} "
        f"{'ig/raw':>7} {'overhead':>9}"
    )
    print(header)
    print("-" * len(header))
    for n in sizes:
        chart = synthetic(n)
        ties = project(chart).m
        raw = raw_calls(chart)
        nk = networkit_calls(chart) or {}
        for name, measure in [*MEASURES.items(), ("communities", linkchart.communities)]:
            if only and name not in only:
                continue
            fast = n <= 2_000 or name not in ("betweenness", "closeness", "harmonic", "bridging_centrality")
            repeat = 5 if fast else 3
            t_ig = best_of(partial(measure, chart, engine="igraph"), repeat)
            t_raw = best_of(raw[name], repeat)
            t_cold = cold(measure, chart, repeat)
            if not networkx:
                t_nx = float("nan")
                label = name
            elif name == "communities":
                t_nx = best_of(partial(linkchart.communities, chart, engine="networkx", method="louvain"), 1)
                label = "communities*"
            elif name in SLOW_NETWORKX and n > SLOW_ABOVE and quick:
                t_nx = float("nan")
                label = name
            else:
                t_nx = best_of(partial(measure, chart, engine="networkx"), 1 if not fast else 2)
                label = name
            nx_txt = "skipped" if np.isnan(t_nx) else f"{t_nx:.4f} s"
            nk_txt = f"{best_of(nk[name], repeat):.4f} s" if name in nk else "-"
            ratio = "" if np.isnan(t_nx) else f"{t_nx / t_ig:.1f}"
            print(
                f"{n:>6} {chart.number_of_edges:>6} {ties:>6}  {label:<20} {t_ig:>14.4f} s "
                f"{nx_txt:>18} {t_raw:>9.4f} s {nk_txt:>11} {t_cold:>7.4f} s {ratio:>7} {t_ig / t_raw:>7.2f} "
                f"{(t_ig - t_raw) * 1e3:>6.1f} ms",
                flush=True,
            )
    print(
        "\n* communities: linkchart/networkx is networkx's Louvain, the others igraph's Leiden "
        "(different algorithms; the ratio compares the engines' defaults); NetworKit's is PLM "
        "(Louvain, parallel). NetworKit runs on 2 threads, raw igraph on one, linkchart on its "
        "defaults (both cores for the shortest-path measures above n*m = 2e7)."
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000])
    parser.add_argument("--quick", action="store_true", help="skip slow networkx runs above 2,000 nodes")
    parser.add_argument(
        "--measures", nargs="+", choices=[*MEASURES, "communities"], help="only these measures (default: all)"
    )
    parser.add_argument("--no-networkx", action="store_true", help="skip the networkx engine")
    args = parser.parse_args(argv)
    warnings.simplefilter("ignore", RuntimeWarning)
    run(args.sizes, args.quick, args.measures, networkx=not args.no_networkx)
    return 0


if __name__ == "__main__":
    sys.exit(main())
