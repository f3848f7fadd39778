"""Finding duplicates: precision, recall and cost of ``linkchart.candidates``.

1. **The split 9/11 network** (``examples/data/split/``, made by
   ``examples/split_sources.py`` from Krebs's network, provenance in
   ``examples/data/README.md``): source B spells 30% of its people otherwise. For
   ``candidates(a, b)``, the precision and recall of the pairs listed against the truth
   (``truth.yaml``: which of B's names is which of A's), at several least scores and for
   the best k pairs; the time; and how many pairs were compared of all there are.
2. **Scaling** on synthetic charts of Arabic and Central Asian names (given names drawn
   from a list of 60 common ones, so that blocks such as *Mohammed* are large; family
   names built from syllables, a third with the article *al*): one chart of N nodes with
   N/10 planted spellings of other nodes (within one chart), and two charts of N nodes
   each where the second spells 30% of the first's names otherwise (across charts); the
   variants are made by the split's own rules (``examples/split_sources.py``). Printed:
   seconds (wall and CPU), pairs compared of all pairs, precision and recall of the planted
   pairs at the default least score.

Usage::

    python benchmarks/bench_dedupe.py                 # the split, then N = 1,000 and 10,000
    python benchmarks/bench_dedupe.py --sizes 1000 10000 50000
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "examples"))

from split_sources import variant  # noqa: E402

import linkchart  # noqa: E402
from linkchart.analysis.candidate import Candidates  # noqa: E402
from linkchart.analysis.duplicates import MIN_SCORE, candidates  # noqa: E402

SPLIT = ROOT / "examples" / "data" / "split"
GIVEN = (
    "Mohammed Muhammad Ahmed Ali Hassan Hussein Omar Abdullah Khalid Yusuf Ibrahim Mahmoud Mustafa "
    "Tariq Karim Rashid Said Hamza Bilal Nabil Jamal Faisal Walid Nasser Sami Adel Imad Ziad Fahd "
    "Majid Rami Salim Tahir Juma Rustam Bakhtiyor Dilshod Timur Farhod Anvar Shavkat Ulugbek Jasur "
    "Otabek Sardor Alisher Davron Sherzod Akmal Bobur Kamol Nodir Rahim Aziz Hakim Qasim Harun Idris Latif"
).split()
SYLLABLES = [c + v for c in "bdfhjklmnrstz" for v in "aiou"] + ["sh", "kh", "gh", "q", "dj"]


def family(rng: random.Random) -> str:
    word = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3)))
    word = word.capitalize() + rng.choice(["", "i", "ov", "ani", "zai"])
    return (
        rng.choice(["", "", "Al", "al-"]) + (word.lower() if rng.random() < 0.5 else word)
        if rng.random() < 0.33
        else word
    )


def person(rng: random.Random) -> str:
    words = [rng.choice(GIVEN)]
    if rng.random() < 0.3:
        words.append(rng.choice(GIVEN))
    words.append(family(rng))
    return " ".join(words)


def names(rng: random.Random, n: int) -> list[str]:
    seen: dict[str, None] = {}
    while len(seen) < n:
        seen.setdefault(person(rng), None)
    return list(seen)


def edges(rng: random.Random, ids: list[str], degree: int = 4) -> list[dict[str, str]]:
    return [
        {"from": a, "relation": "knows", "to": b}
        for a, b in ((rng.choice(ids), rng.choice(ids)) for _ in range(len(ids) * degree // 2))
        if a != b
    ]


def respelt(rng: random.Random, name: str, taken: set[str]) -> str | None:
    found = variant(rng, name)
    if found is None or found[0].casefold() in taken:
        return None
    taken.add(found[0].casefold())
    return found[0]


def chart(ids: list[str], ties: list[dict[str, str]]) -> linkchart.LinkChart:
    return linkchart.from_records([{"id": i, "type": "person"} for i in ids], ties)


def measure(*args: linkchart.LinkChart) -> tuple[Candidates, float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    found = candidates(*args)
    return found, time.perf_counter() - wall, time.process_time() - cpu


def pr(found: set[tuple[str, str]], true: set[tuple[str, str]]) -> tuple[float, float]:
    hit = len(found & true)
    return hit / len(found) if found else 1.0, hit / len(true) if true else 1.0


def bench_split() -> None:
    a = linkchart.load(SPLIT / "source_a.yaml")
    b = linkchart.load(SPLIT / "source_b.yaml")
    truth = yaml.safe_load((SPLIT / "truth.yaml").read_text(encoding="utf-8"))
    true = {(v["original"], v["b"]) for v in truth["variants"] if v["in_a"]}
    wall = time.perf_counter()
    found = candidates(a, b, min_score=0.0)
    seconds = time.perf_counter() - wall
    print(
        f"== The split 9/11 network: A {a.number_of_nodes} people, B {b.number_of_nodes} people, "
        f"{len(true)} of B's names spelt otherwise (and in A)"
    )
    print(
        f"candidates(a, b): {seconds * 1000:.1f} ms; {found.examined} of {found.possible} pairs compared "
        f"({found.examined / found.possible:.1%}), {found.scored} scored in full; "
        f"{found.same_id} nodes share their id across the two (a merge joins those)"
    )
    print(f"\n{'least score':>12} {'listed':>7} {'right':>6} {'precision':>10} {'recall':>7}")
    for least in (0.5, 0.6, 0.7, 0.8, 0.9, 0.95):
        got = {(c.a.id, c.b.id) for c in found if c.score >= least}
        p, r = pr(got, true)
        mark = "  (default)" if least == MIN_SCORE else ""
        print(f"{least:>12.2f} {len(got):>7} {len(got & true):>6} {p:>10.2f} {r:>7.2f}{mark}")
    print(f"\n{'top k':>12} {'listed':>7} {'right':>6} {'precision':>10} {'recall':>7}")
    for k in (5, 10, 17, 20, 30):
        got = {(c.a.id, c.b.id) for c in found[:k]}
        p, r = pr(got, true)
        print(f"{k:>12} {len(got):>7} {len(got & true):>6} {p:>10.2f} {r:>7.2f}")
    wrong = [c for c in found if (c.a.id, c.b.id) not in true][:3]
    print("\nthe best-scored wrong pairs (brothers and namesakes):")
    for c in wrong:
        print(f"  {c.score:.3f}  {c.a.id} ~ {c.b.id}  ({c.name.rule} {c.name.similarity:.2f})")


def bench_scaling(n: int, seed: int = 0) -> None:
    rng = random.Random(seed)
    ids = names(rng, n)
    taken = {i.casefold() for i in ids}
    # within one chart: n/10 more nodes, each a respelling of one node, with some of its ties
    planted: dict[str, str] = {}
    for original in rng.sample(ids, n // 10):
        spelt = respelt(rng, original, taken)
        if spelt:
            planted[spelt] = original
    ties = edges(rng, ids)
    neighbours: dict[str, list[str]] = {}
    for t in ties:
        neighbours.setdefault(t["from"], []).append(t["to"])
    extra = [
        {"from": s, "relation": "knows", "to": x}
        for s, o in planted.items()
        for x in neighbours.get(o, [])[:2]
    ]
    one = chart(ids + list(planted), ties + extra)
    true = {tuple(sorted((o, s), key=one.index_of)) for s, o in planted.items()}
    found, wall, cpu = measure(one)
    p, r = pr({(c.a.id, c.b.id) for c in found}, true)
    print(
        f"within one chart of {one.number_of_nodes:,} nodes ({len(planted):,} planted respellings): "
        f"{wall:.2f} s wall, {cpu:.2f} s CPU; {found.examined:,} of {found.possible:,} pairs compared "
        f"({found.examined / found.possible:.3%}); {len(found):,} listed, precision {p:.2f}, recall {r:.2f}"
    )
    # across two charts: B keeps 70% of A's ties and spells 30% of its names otherwise
    respell = {}
    for original in rng.sample(ids, round(0.3 * n)):
        spelt = respelt(rng, original, taken)
        if spelt:
            respell[original] = spelt
    b_ids = [respell.get(i, i) for i in ids]
    b_ties = [
        {**t, "from": respell.get(t["from"], t["from"]), "to": respell.get(t["to"], t["to"])}
        for t in ties
        if rng.random() < 0.7
    ]
    a, b = chart(ids, ties), chart(b_ids, b_ties)
    true2 = set(respell.items())
    found, wall, cpu = measure(a, b)
    p, r = pr({(c.a.id, c.b.id) for c in found}, true2)
    print(
        f"across two charts of {n:,} nodes ({len(respell):,} respelt): {wall:.2f} s wall, {cpu:.2f} s CPU; "
        f"{found.examined:,} of {found.possible:,} pairs compared ({found.examined / found.possible:.3%}); "
        f"{len(found):,} listed, precision {p:.2f}, recall {r:.2f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    args = parser.parse_args()
    bench_split()
    print(f"\n== Scaling (synthetic names, default least score {MIN_SCORE})")
    for n in args.sizes:
        bench_scaling(n)


if __name__ == "__main__":
    main()
