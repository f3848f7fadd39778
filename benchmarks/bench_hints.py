"""Did-you-mean benchmark: hints for unknown names among many known ones.

1. **1,000 unknown names among 100,000 known ones** (two kinds of names: generated
   personal and organisation names, and ids like ``n0012345``; the unknown names are 700
   misspellings of known ones, one edit each, and 300 names that were never declared):
   :class:`linkchart.spelling.Speller` (an index of three-character runs, then rapidfuzz)
   against ``difflib.get_close_matches``, what linkchart used before (too slow to run
   1,000 times: timed on a sample and scaled), with how often their first suggestions
   agree on the sample. Both wall-clock and CPU seconds are printed (the machine may be
   shared).
2. **Validating a 50,000-node CSV graph whose edges name 400 unknown nodes** (misspelt
   ids; ``benchmarks/bench_load.py``'s generator, 500,000 edges): ``linkchart.load`` in a
   fresh process, with the same graph with every name known beside it, and with
   ``--baseline SRC`` the linkchart in another source folder (an earlier commit:
   ``git worktree add /tmp/old REV``) on the same files.

Usage::

    python benchmarks/bench_hints.py
    python benchmarks/bench_hints.py --baseline /tmp/old/src
"""

from __future__ import annotations

import argparse
import csv
import difflib
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_load import generate

SYLLABLES = [c + v for c in "bdfghjklmnprstvz" for v in "aeiou"] + ["sh", "kh", "an", "el", "ov", "ur"]


def _name(rng: random.Random) -> str:
    words = rng.choice([1, 2, 2, 3])
    return " ".join(
        "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize() for _ in range(words)
    )


def _misspelt(rng: random.Random, name: str) -> str:
    i = rng.randrange(len(name))
    letter = rng.choice("abcdefghijklmnopqrstuvwxyz0123456789")
    edit = rng.choice(["substitute", "insert", "delete", "swap"])
    if edit == "substitute":
        return name[:i] + letter + name[i + 1 :]
    if edit == "insert":
        return name[:i] + letter + name[i:]
    if edit == "delete" and len(name) > 2:
        return name[:i] + name[i + 1 :]
    j = min(i + 1, len(name) - 1)
    return name[:i] + name[j] + name[i] + name[j + 1 :] if j > i else name + letter


def pools(seed: int = 7) -> dict[str, tuple[list[str], list[str]]]:
    """Per kind of name: 100,000 known names and 1,000 unknown ones."""
    rng = random.Random(seed)
    out = {}
    for kind in ("names", "ids"):
        known: dict[str, None] = {}
        while len(known) < 100_000:
            known[_name(rng) if kind == "names" else f"n{rng.randrange(10**7):07d}"] = None
        names = list(known)
        unknown: dict[str, None] = {}
        while len(unknown) < 1_000:
            new = (
                _misspelt(rng, rng.choice(names))
                if len(unknown) < 700
                else (_name(rng) if kind == "names" else f"m{rng.randrange(10**7):07d}")
            )
            if new not in known:
                unknown[new] = None
        out[kind] = (names, list(unknown))
    return out


def hints(sample: int) -> None:
    from linkchart.spelling import Speller

    print("1,000 unknown names among 100,000 known ones (at most 3 suggestions each, similarity >= 0.6)")
    print(
        f"{'names':>6} | {'new s':>6} {'new cpu s':>9} {'(index s)':>9} | {'difflib s':>9} "
        f"{'(scaled from)':>13} | {'ratio':>7} | {'same best':>10}"
    )
    for kind, (known, unknown) in pools().items():
        t0, c0 = time.perf_counter(), time.process_time()
        speller = Speller(known)
        index_s = time.perf_counter() - t0
        found = [speller.close(name) for name in unknown]
        new_s, new_cpu = time.perf_counter() - t0, time.process_time() - c0
        picked = unknown[:: len(unknown) // sample][:sample]
        t0 = time.perf_counter()
        old = [difflib.get_close_matches(name, known, n=3, cutoff=0.6) for name in picked]
        old_s = (time.perf_counter() - t0) * len(unknown) / len(picked)
        ours = dict(zip(unknown, found, strict=True))
        same = 0
        for name, theirs in zip(picked, old, strict=True):
            mine = ours[name]
            tied = [m for m, score in mine if score == mine[0][1]] if mine else []
            same += theirs[:1] == [m for m, _ in mine][:1] or (bool(theirs) and theirs[0] in tied)
        print(
            f"{kind:>6} | {new_s:6.2f} {new_cpu:9.2f} {index_s:9.2f} | {old_s:9.1f} {len(picked):>13} | "
            f"{old_s / new_s:6.0f}x | {same:>4} of {len(picked):<3}"
        )


def _corrupt(folder: Path, unknown: int, seed: int = 11) -> None:
    """Make ``unknown`` rows of the edge table name misspelt node ids (each a distinct name)."""
    rng = random.Random(seed)
    with (folder / "edges.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    ids = {r[0] for r in csv.reader((folder / "nodes.csv").open(encoding="utf-8", newline=""))}
    done: set[str] = set()
    for k in rng.sample(range(1, len(rows)), 4 * unknown):
        if len(done) == unknown:
            break
        bad = _misspelt(rng, rows[k][0])
        if bad not in ids and bad not in done:
            rows[k][0] = bad
            done.add(bad)
    with (folder / "edges.csv").open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(rows)


def measure(folder: str) -> dict[str, float]:
    import linkchart

    t0 = time.perf_counter()
    try:
        linkchart.load(Path(folder) / "chart.yaml")
        problems, hinted = 0, 0
    except linkchart.LoadError as err:
        problems = len(err.problems)
        hinted = sum(p.hint.startswith("did you mean") for p in err.problems)
    return {"s": time.perf_counter() - t0, "problems": problems, "hinted": hinted}


def _run(folder: Path, source: str | None = None) -> dict[str, float]:
    env = dict(os.environ, PYTHONPATH=source) if source else None
    done = subprocess.run(
        [sys.executable, __file__, "--measure", str(folder)],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    data: dict[str, float] = json.loads(done.stdout)
    return data


def validate(baseline: str | None, unknown: int = 400) -> None:
    print(f"\nvalidating a 50,000-node, 500,000-edge CSV graph whose edges name {unknown} unknown nodes")
    with tempfile.TemporaryDirectory() as tmp:
        clean, bad = Path(tmp) / "clean", Path(tmp) / "bad"
        for folder in (clean, bad):
            folder.mkdir()
            generate(folder, 500_000)
        _corrupt(bad, unknown)
        rows = [("this linkchart, every name known", _run(clean)), ("this linkchart, 400 unknown", _run(bad))]
        if baseline:
            rows.append(("baseline, every name known", _run(clean, baseline)))
            rows.append(("baseline, 400 unknown", _run(bad, baseline)))
    print(f"{'':>34} | {'load s':>7} | {'problems':>8} | {'with a did-you-mean':>19}")
    for label, r in rows:
        print(f"{label:>34} | {r['s']:7.2f} | {int(r['problems']):>8} | {int(r['hinted']):>19}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--baseline", metavar="SRC", help="also validate with the linkchart in this source")
    parser.add_argument("--sample", type=int, default=10, help="names timed with difflib (default 10)")
    parser.add_argument("--measure", metavar="FOLDER", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure)))
        return
    hints(args.sample)
    validate(args.baseline)


if __name__ == "__main__":
    main()
