"""Merging charts, finding conflicts, diffing: what they cost as charts grow.

Two synthetic sources over N people with 3N ties each, half of the ties in both (the same
claim from two sources), 1% of the shared ties hostile in the second (a sign conflict),
and a tenth of the second's people respelt and joined back by ``same_as`` decisions.
Printed per N: seconds (wall) for ``merge_charts(a, b, decisions=...)``,
``conflicts(merged)``, ``diff(a, merged, measures=())`` (nodes, edges, evidence) and
``diff(a, merged, measures=["degree"])`` (one measure's ranks, twice computed), and the
merged chart's size, claims and conflicts. One run each, no warm-up: read the ratios.

Usage::

    python benchmarks/bench_merge.py                  # N = 1,000 and 10,000
    python benchmarks/bench_merge.py --sizes 1000 50000
"""

from __future__ import annotations

import argparse
import random
import time
from typing import Any

import linkchart
from linkchart import Decision, Relation, Vocabulary
from linkchart.analysis.conflicts import conflicts
from linkchart.analysis.diff import diff
from linkchart.analysis.merge import merge_charts

VOCABULARY = Vocabulary(
    relations=(
        Relation("associated_with", directed=False),
        Relation("opposed_to", directed=False, sign="negative"),
    )
)


def sources(n: int, seed: int = 7) -> tuple[linkchart.LinkChart, linkchart.LinkChart, list[Decision]]:
    """Two charts over ``n`` people, and the decisions that join the second's respellings."""
    rng = random.Random(seed)
    people = [f"person {i}" for i in range(n)]
    ties: set[tuple[int, int]] = set()
    while len(ties) < 4 * n:
        x, y = rng.sample(range(n), 2)
        ties.add((min(x, y), max(x, y)))
    ordered = sorted(ties)
    rng.shuffle(ordered)
    both, only_a, only_b = ordered[: 2 * n], ordered[2 * n : 3 * n], ordered[3 * n :]
    respelt = {i: f"{people[i]} (b)" for i in rng.sample(range(n), n // 10)}

    def name_b(i: int) -> str:
        return respelt.get(i, people[i])

    def edge(x: str, y: str, relation: str, source: str, k: int) -> dict[str, Any]:
        return {"from": x, "relation": relation, "to": y, "source": source, "evidence": f"quote {source}{k}"}

    hostile = set(rng.sample(range(len(both)), len(both) // 100))
    ea = [edge(people[x], people[y], "associated_with", "a", k) for k, (x, y) in enumerate(both + only_a)]
    eb = [
        edge(name_b(x), name_b(y), "opposed_to" if k in hostile else "associated_with", "b", k)
        for k, (x, y) in enumerate(both + only_b)
    ]
    a = linkchart.from_records(
        [{"id": p, "type": "person"} for p in people], ea, VOCABULARY, sources=[{"id": "a", "title": "A"}]
    )
    b = linkchart.from_records(
        [{"id": name_b(i), "type": "person"} for i in range(n)],
        eb,
        VOCABULARY,
        sources=[{"id": "b", "title": "B"}],
    )
    decisions = [Decision((people[i], v), True) for i, v in respelt.items()]
    return a, b, decisions


def timed(what: Any) -> tuple[Any, float]:
    start = time.perf_counter()
    out = what()
    return out, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    args = parser.parse_args()
    print(
        f"{'N':>7} {'edges':>8} {'merge s':>8} {'conflicts s':>11} {'diff s':>7} {'diff+degree s':>13}"
        "  merged"
    )
    for n in args.sizes:
        a, b, decisions = sources(n)
        done, t_merge = timed(lambda a=a, b=b, d=decisions: merge_charts(a, b, decisions=d))
        found, t_conflicts = timed(lambda c=done.chart: conflicts(c))
        _, t_diff = timed(lambda a=a, c=done.chart: diff(a, c, measures=()))
        _, t_degree = timed(lambda a=a, c=done.chart: diff(a, c, measures=["degree"]))
        m = done.chart
        print(
            f"{n:>7,} {a.number_of_edges + b.number_of_edges:>8,} {t_merge:>8.2f} {t_conflicts:>11.2f} "
            f"{t_diff:>7.2f} {t_degree:>13.2f}  {m.number_of_nodes:,} nodes, {m.number_of_edges:,} edges, "
            f"{len(done.claims):,} claims, {len(done.joined):,} joined, {found.counts()}"
        )


if __name__ == "__main__":
    main()
