"""Benchmark one-mode projections and two-mode betweenness against networkx's ``bipartite``.

A synthetic affiliation network: ``--people`` people, ``--events`` events, each person at
a few events drawn with a skew (a few large events, many small ones). Printed, one run
each: the time of ``linkchart.one_mode`` (which builds a chart with the evidence, time and
attributes of every projected edge) against ``networkx.bipartite.collaboration_weighted_projected_graph``
(weights only), the size of the output, the draws per second of ``rank_uncertainty`` on the
projection (each draw re-projects the attendances), and ``linkchart.two_mode`` betweenness
against ``networkx.bipartite.betweenness_centrality``.

Run::

    .venv/bin/python benchmarks/bench_affiliation.py                     # about half a minute
    .venv/bin/python benchmarks/bench_affiliation.py --people 5000 --events 1000   # 1M projected edges
"""

from __future__ import annotations

import argparse
import platform
import time

import networkx as nx
import numpy as np

import linkchart


def synthetic(
    people: int, events: int, per_person: int, seed: int = 0
) -> tuple[linkchart.LinkChart, nx.Graph]:
    rng = np.random.default_rng(seed)
    weights = 1.0 / np.arange(1, events + 1) ** 0.8
    weights /= weights.sum()
    links = set()
    for p in range(people):
        for e in rng.choice(events, size=per_person, replace=False, p=weights):
            links.add((f"p{p}", f"e{e}"))
    nodes = [{"id": f"p{p}", "type": "person"} for p in range(people)]
    nodes += [{"id": f"e{e}", "type": "event"} for e in range(events)]
    edges = [
        {"from": a, "relation": "attended", "to": b, "evidence": f"{a} at {b}"} for a, b in sorted(links)
    ]
    g = nx.Graph()
    g.add_nodes_from(n["id"] for n in nodes)
    g.add_edges_from(links)
    return linkchart.from_records(nodes, edges), g


def timed(f, *args, **kwargs):  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    out = f(*args, **kwargs)
    return out, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=2000)
    parser.add_argument("--events", type=int, default=2000)
    parser.add_argument("--per-person", type=int, default=3)
    parser.add_argument("--draws", type=int, default=10)
    args = parser.parse_args()
    chart, g = synthetic(args.people, args.events, args.per_person)
    people = [f"p{p}" for p in range(args.people)]
    print(f"python {platform.python_version()}, networkx {nx.__version__}, {platform.machine()}")
    size = f"{args.people:,} people, {args.events:,} events, {chart.number_of_edges:,} attendances"
    print(f"affiliation network: {size}")
    p, ours = timed(linkchart.one_mode, chart, "person", "event", weighting="newman")
    ref, theirs = timed(nx.bipartite.collaboration_weighted_projected_graph, g, people)
    pairs = len(linkchart.projected_ties(p))
    print(
        f"one_mode (newman): {ours:.2f} s for {p.number_of_edges:,} projected edges ({pairs:,} pairs), "
        f"with evidence, time and via; networkx: {theirs:.2f} s for {ref.number_of_edges():,} pairs "
        f"(weights only); ratio {ours / theirs:.2f}"
    )
    _, spent = timed(
        linkchart.rank_uncertainty, p, "degree", draws=args.draws, seed=0, model="missing", workers=1
    )
    print(f"rank_uncertainty(degree) on the projection: {args.draws / spent:.1f} draws/s (each re-projects)")
    small, gs = synthetic(min(args.people, 1000), min(args.events, 200), args.per_person, seed=1)
    top = [f"p{p}" for p in range(min(args.people, 1000))]
    ours_b, t1 = timed(linkchart.two_mode, small, "betweenness", first="person")
    ref_b, t2 = timed(nx.bipartite.betweenness_centrality, gs, top)
    gap = max(abs(ours_b[n] - ref_b[n]) for n in gs)
    print(
        f"two_mode betweenness, {small.number_of_nodes:,} nodes: {t1:.2f} s; networkx bipartite: {t2:.2f} s; "
        f"ratio {t2 / t1:.1f}x; largest difference {gap:.1e}"
    )


if __name__ == "__main__":
    main()
