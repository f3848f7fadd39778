"""Layout benchmark: the community layout against Fruchterman-Reingold, time and quality.

For synthetic charts of 1k, 10k and 50k nodes with planted communities (actors in groups
of about 40, ``knows`` and ``funds`` ties mostly inside a group, a few across) and
context (one place per 25 actors; every actor ``located_in`` one or two places, a
neutral relation the measures leave out), in one run, per layout method:

- **seconds**: ``positions_array(chart, method=..., sizes=...)`` (node sizes from degree,
  10 to 32 px, as the page draws them with ``size_by="degree"``);
- **overlaps**: pairs of node boxes (squares of side twice the node's size) closer than
  :data:`~linkchart.analysis.layout.MIN_GAP` px;
- **within/between**: the mean length of the ties read inside a community over that of
  the ties read between communities (communities of the reading, Leiden, seed 0): below
  1 when communities are kept together;
- **context outside**: the share of context nodes (no tie read) farther from the centre
  of the core (the actors with a tie read) than every core node.

Usage::

    python benchmarks/bench_layout.py                    # 1k, 10k, 50k nodes
    python benchmarks/bench_layout.py --sizes 1000 --methods community fr kk
    python benchmarks/bench_layout.py --chart graphs/central_asia.yaml
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt
from scipy.spatial import cKDTree

import linkchart
from linkchart.analysis.communities import communities
from linkchart.analysis.degree import degree
from linkchart.analysis.layout import MIN_GAP, positions_array
from linkchart.analysis.reading import reading
from linkchart.vocabulary import Relation, Vocabulary

VOCABULARY = Vocabulary(
    relations=(
        Relation("knows", directed=False),
        Relation("funds"),
        Relation("located_in", sign="neutral", layer="geography"),
    ),
)


def planted_chart(n: int, seed: int = 1) -> linkchart.LinkChart:
    """``n`` nodes: actors in groups of about 40 (4 ties each inside, 1 in 10 across) and one
    place per 25 actors, each actor located in one or two places."""
    rng = np.random.default_rng(seed)
    places = max(1, n // 26)
    actors = n - places
    group = rng.integers(0, max(1, actors // 40), size=actors)
    nodes = [{"id": f"a{i}", "type": "person"} for i in range(actors)]
    nodes += [{"id": f"p{i}", "type": "region"} for i in range(places)]
    edges = []
    members: dict[int, list[int]] = {}
    for i, g in enumerate(group.tolist()):
        members.setdefault(g, []).append(i)
    for i, g in enumerate(group.tolist()):
        inside = members[g]
        for _ in range(2):
            j = (
                int(inside[int(rng.integers(len(inside)))])
                if rng.random() > 0.1
                else int(rng.integers(actors))
            )
            if j != i:
                edges.append(
                    {"from": f"a{i}", "relation": "knows" if rng.random() < 0.7 else "funds", "to": f"a{j}"}
                )
        for p in rng.choice(places, size=int(rng.integers(1, 3)), replace=False).tolist():
            edges.append({"from": f"a{i}", "relation": "located_in", "to": f"p{p}"})
    return linkchart.from_records(nodes, edges, vocabulary=VOCABULARY, title=f"Planted, {n} nodes")


def sizes_of(chart: linkchart.LinkChart) -> list[float]:
    """Node sizes as the page draws them with ``size_by="degree"``: area grows with the value."""
    d = np.array(list(degree(chart).values()), dtype=np.float64)
    span = float(d.max() - d.min()) or 1.0
    return (10 + 22 * np.sqrt((d - d.min()) / span)).round(1).tolist()


def overlaps(xy: npt.NDArray[np.float64], half: npt.NDArray[np.float64]) -> int:
    """Pairs of node boxes closer than MIN_GAP (box distance: the larger of |dx| and |dy|)."""
    reach = 2 * float(half.max()) + MIN_GAP
    pairs = cKDTree(xy).query_pairs(reach * np.sqrt(2), output_type="ndarray")
    if not len(pairs):
        return 0
    i, j = pairs[:, 0], pairs[:, 1]
    apart = np.abs(xy[i] - xy[j]).max(axis=1)
    return int((apart < half[i] + half[j] + MIN_GAP - 1e-6).sum())


def within_between(chart: linkchart.LinkChart, xy: npt.NDArray[np.float64]) -> float:
    """Mean tie length inside communities over mean tie length between them (ties read)."""
    found = communities(chart, seed=0)
    group = np.array([found[i] for i in chart.node_ids])
    names = set(reading(chart).relations)
    codes = [k for k, r in enumerate(chart.vocabulary.relation_names) if r in names]
    e = chart.edges
    read = np.isin(e.relation, codes) & (e.src != e.dst)
    a, b = e.src[read], e.dst[read]
    length = np.hypot(*(xy[a] - xy[b]).T)
    same = group[a] == group[b]
    if not same.any() or same.all():
        return float("nan")
    return float(length[same].mean() / length[~same].mean())


def context_outside(chart: linkchart.LinkChart, xy: npt.NDArray[np.float64]) -> float:
    """The share of context nodes farther from the core's centre than every core node."""
    names = set(reading(chart).relations)
    codes = [k for k, r in enumerate(chart.vocabulary.relation_names) if r in names]
    e = chart.edges
    read = np.isin(e.relation, codes) & (e.src != e.dst)
    core = np.zeros(chart.number_of_nodes, dtype=bool)
    core[e.src[read]] = core[e.dst[read]] = True
    if core.all() or not core.any():
        return float("nan")
    centre = (xy[core].min(axis=0) + xy[core].max(axis=0)) / 2
    r = np.hypot(*(xy - centre).T)
    return float((r[~core] > r[core].max()).mean())


def measure(chart: linkchart.LinkChart, methods: Sequence[str]) -> None:
    sizes = sizes_of(chart)
    half = np.asarray(sizes)
    print(f"{chart.title}: {chart.number_of_nodes} nodes, {chart.number_of_edges} edges")
    print(f"  {'method':<10} {'seconds':>8} {'overlaps':>9} {'within/between':>15} {'context outside':>16}")
    for method in methods:
        start = time.perf_counter()
        xy = positions_array(chart, method=method, seed=0, sizes=sizes)
        took = time.perf_counter() - start
        print(
            f"  {method:<10} {took:8.2f} {overlaps(xy, half):9d} {within_between(chart, xy):15.3f}"
            f" {context_outside(chart, xy):16.2f}",
            flush=True,
        )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 50_000])
    parser.add_argument("--methods", nargs="+", default=["community", "fr"])
    parser.add_argument("--chart", help="a chart file to measure instead of the synthetic ones")
    args = parser.parse_args(argv)
    charts = [linkchart.load(args.chart)] if args.chart else [planted_chart(n) for n in args.sizes]
    for chart in charts:
        measure(chart, args.methods)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
