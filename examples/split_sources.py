"""Split a published covert network into two "sources" that spell names differently and
disagree on some ties: the test data of finding duplicates (and, later, of merging charts
and corroborating ties).

The network is Krebs's 9/11 hijackers and associates (``examples/data/krebs_911/``; its
provenance and licence are in ``examples/data/README.md``): 60 people, 125 ties. The split,
drawn from one seeded random generator (``--seed``, default 2002), so that it is the same
on every machine:

- **Ties.** The ties are shuffled; the first 40% are reported by both sources, the next
  30% by source A only and the rest by source B only: each source keeps about 70% of the
  ties, and every tie is in at least one. A source names the people its ties name.
- **Spellings.** Source A spells every name as Krebs does. Source B spells 30% of its
  people otherwise, each by one rule (two for three in ten of them) drawn from those that
  fit the name. The rules, written here independently of linkchart's matcher:

  - ``vowels``: one vowel written as another transliteration writes it (ou/u, ee/i,
    e/a, o/u, a final i/y: *Hanjour* / *Hanjur*, *Saeed* / *Said*);
  - ``consonants``: one consonant written otherwise (dj/j, q/k, one of d, l, m, n, r, s, t
    doubled between vowels or written once: *Djamal* / *Jamal*, *Mohamed* / *Mohammed*);
  - ``final_h``: a final h after an a added or dropped (*Hamza* / *Hamzah*);
  - ``article``: the article *al* written in another of its forms (*Alhazmi* /
    *al-Hazmi* / *el-Hazmi* / *Al Hazmi*);
  - ``initials``: the first name as its initial (*M. Atta*);
  - ``word_order``: family name first, after a comma (*Atta, Mohamed*);
  - ``hyphens``: a particle joined to the next word, the space or hyphen dropped
    (*Binalshibh*, *Abdulaziz*).
- **Contradictions.** 5% of the ties both report (rounded up) are, in source B, hostile
  (``opposed_to``, a relation of negative sign) where A reports them friendly
  (``associated_with``).
- **Confidence.** Source A's ties are ``reported``, source B's ``alleged``.

It writes ``source_a.yaml``, ``source_b.yaml`` and ``truth.yaml`` (which variant is which
original name, where each original tie went, which ties contradict) to
``examples/data/split/`` (``--out`` elsewhere). ``--check`` makes the split in a temporary
folder and says whether the shipped files are exactly what it makes.

Usage::

    python examples/split_sources.py            # rewrite examples/data/split/
    python examples/split_sources.py --check    # exit 1 if the shipped files differ
"""

from __future__ import annotations

import argparse
import csv
import math
import random
import sys
import tempfile
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
DATA = HERE / "data" / "krebs_911"
OUT = HERE / "data" / "split"
SEED = 2002
BOTH, A_ONLY = 0.4, 0.3  # shares of the ties; B only: the rest
VARIANT_SHARE = 0.3
TWO_RULES = 0.3
CONTRADICT = 0.05

PARTICLES = {"abdul", "abd", "bin", "ben", "al", "el"}
VOWEL_SWAPS = [
    ("ou", "u"),
    ("u", "ou"),
    ("ee", "i"),
    ("i", "ee"),
    ("e", "a"),
    ("a", "e"),
    ("o", "u"),
    ("u", "o"),
]
CONSONANT_SWAPS = [("Dj", "J"), ("dj", "j"), ("J", "Dj"), ("q", "k"), ("Q", "K"), ("k", "q")]
VOWELS = "aeiou"
DOUBLED = "dlmnrst"  # the letters transliterations double or not (Mohamed / Mohammed, Hasan / Hassan)


def read_network() -> tuple[list[dict[str, str]], list[tuple[str, str, str]]]:
    """The vendored people and ties (from, to, prior_contact)."""
    with open(DATA / "nodes.csv", encoding="utf-8", newline="") as f:
        people = list(csv.DictReader(f))
    with open(DATA / "edges.csv", encoding="utf-8", newline="") as f:
        ties = [(r["from"], r["to"], r["prior_contact"]) for r in csv.DictReader(f)]
    return people, ties


# ------------------------------------------------------------------ spelling rules
# each rule takes a name and the generator and returns a variant, or None if it does not fit


def _one_of(rng: random.Random, options: list[str]) -> str | None:
    return rng.choice(options) if options else None


def _swap(rng: random.Random, name: str, swaps: list[tuple[str, str]], *, inside: bool) -> str | None:
    """Replace one occurrence of one pair's first text (inside a word when ``inside``)."""
    options = []
    for old, new in swaps:
        start = name.find(old)
        while start >= 0:
            if not inside or (start > 0 and name[start - 1] != " "):
                options.append(name[:start] + new + name[start + len(old) :])
            start = name.find(old, start + 1)
    return _one_of(rng, options)


def vowels(rng: random.Random, name: str) -> str | None:
    """A vowel written otherwise; or a final i written y (and back)."""
    options = [v for v in (_swap(rng, name, VOWEL_SWAPS, inside=True),) if v]
    words = name.split(" ")
    for k, w in enumerate(words):
        if len(w) > 3 and w[-1] in "iy" and w[-2] not in VOWELS + "y":
            options.append(" ".join([*words[:k], w[:-1] + ("y" if w[-1] == "i" else "i"), *words[k + 1 :]]))
    return _one_of(rng, options)


def consonants(rng: random.Random, name: str) -> str | None:
    """dj/j, q/k, or a letter between vowels doubled, or a double letter written once."""
    options = [v for v in (_swap(rng, name, CONSONANT_SWAPS, inside=False),) if v]
    for i in range(1, len(name) - 1):
        a, b, c = name[i - 1], name[i], name[i + 1]
        if b in DOUBLED and a in VOWELS and c in VOWELS:
            options.append(name[:i] + b + name[i:])
        if b == a and b in DOUBLED:
            options.append(name[:i] + name[i + 1 :])
    return _one_of(rng, options)


def final_h(rng: random.Random, name: str) -> str | None:
    """A final h after an a added to one word (the ta marbuta: Hamza / Hamzah), or dropped."""
    words = name.split(" ")
    options = []
    for k, w in enumerate(words):
        if len(w) > 3 and w[-1] == "a":
            options.append(" ".join([*words[:k], w + "h", *words[k + 1 :]]))
        elif len(w) > 4 and w[-2:] == "ah":
            options.append(" ".join([*words[:k], w[:-1], *words[k + 1 :]]))
    return _one_of(rng, options)


def article(rng: random.Random, name: str) -> str | None:
    """The article al written in another form: glued, al-, el- or a separate Al."""
    words = name.split(" ")
    for k, w in enumerate(words):
        rest = None
        if w.lower() in ("al", "el") and k + 1 < len(words):
            rest, tail = words[k + 1], words[k + 2 :]
        elif w[:2] == "Al" and len(w) > 5 and w[2] not in VOWELS:
            rest, tail = w[2:].capitalize(), words[k + 1 :]
        if rest is not None:
            forms = [f"Al{rest.lower()}", f"al-{rest}", f"el-{rest}", f"Al {rest}", f"al {rest}"]
            current = " ".join(words[k : len(words) - len(tail)])
            options = [" ".join([*words[:k], f, *tail]) for f in forms if f != current]
            return _one_of(rng, options)
    return None


def initials(rng: random.Random, name: str) -> str | None:
    """The first name as its initial."""
    words = name.split(" ")
    if len(words) < 2 or len(words[0]) < 2:
        return None
    return " ".join([words[0][0] + ".", *words[1:]])


def word_order(rng: random.Random, name: str) -> str | None:
    """The family name first, after a comma."""
    words = name.split(" ")
    if len(words) < 2:
        return None
    return f"{words[-1]}, {' '.join(words[:-1])}"


def hyphens(rng: random.Random, name: str) -> str | None:
    """A particle and the next word joined: the space or hyphen between them dropped."""
    words = name.replace("-", " ").split(" ")
    options = []
    for k in range(len(words) - 1):
        if words[k].lower() in PARTICLES:
            joined = (words[k] + words[k + 1]).capitalize()
            options.append(" ".join([*words[:k], joined, *words[k + 2 :]]))
    return _one_of(rng, options)


RULES = {
    "vowels": vowels,
    "consonants": consonants,
    "final_h": final_h,
    "article": article,
    "initials": initials,
    "word_order": word_order,
    "hyphens": hyphens,
}


def variant(rng: random.Random, name: str) -> tuple[str, list[str]] | None:
    """``name`` spelt by one or two rules that fit it, and the rules; ``None`` if none fits.

    The word order, when drawn, is changed last (a comma first would confuse the others)."""
    wanted = 2 if rng.random() < TWO_RULES else 1
    fitting = [r for r in rng.sample(sorted(RULES), len(RULES)) if RULES[r](random.Random(0), name)]
    chosen = sorted(fitting[:wanted], key=lambda r: r == "word_order")
    spelt, used = name, []
    for rule in chosen:
        out = RULES[rule](rng, spelt)
        if out and out != spelt:
            spelt, used = out, [*used, rule]
    return (spelt, used) if used else None


# ------------------------------------------------------------------ the split


def split(seed: int = SEED) -> dict[str, Any]:
    """The two sources and the truth, as plain data."""
    rng = random.Random(seed)
    people, ties = read_network()
    order = list(range(len(ties)))
    rng.shuffle(order)
    n_both, n_a = round(BOTH * len(ties)), round(A_ONLY * len(ties))
    where = {}
    for k, t in enumerate(order):
        where[t] = "both" if k < n_both else "a" if k < n_both + n_a else "b"
    in_a = [t for t in range(len(ties)) if where[t] in ("both", "a")]
    in_b = [t for t in range(len(ties)) if where[t] in ("both", "b")]
    both = [t for t in range(len(ties)) if where[t] == "both"]
    hostile = set(rng.sample(both, math.ceil(CONTRADICT * len(both))))

    def named(rows: list[int]) -> list[str]:
        seen = {x for t in rows for x in ties[t][:2]}
        return [p["id"] for p in people if p["id"] in seen]

    a_people, b_people = named(in_a), named(in_b)
    spelt: dict[str, tuple[str, list[str]]] = {}
    taken = {p["id"].casefold() for p in people}
    for person in rng.sample(b_people, len(b_people)):
        if len(spelt) >= round(VARIANT_SHARE * len(b_people)):
            break
        found = variant(rng, person)
        if found and found[0].casefold() not in taken:
            spelt[person] = found
            taken.add(found[0].casefold())
    b_id = {p: spelt[p][0] if p in spelt else p for p in b_people}
    hijacker = {p["id"]: p["hijacker"] for p in people}

    def source(key: str, title: str, confidence: str, members: list[str], rows: list[int]) -> dict[str, Any]:
        ids = {p: p for p in members} if key == "a" else b_id
        return {
            "linkchart": 1,
            "title": title,
            "description": (
                f"One of two sources made by examples/split_sources.py (seed {seed}) from Krebs's "
                "9/11 network (examples/data/krebs_911): test data for finding duplicates, merging "
                "and corroboration. Not a real second report."
            ),
            "sources": [{"id": key, "title": title, "author": "examples/split_sources.py", "date": "2002"}],
            "defaults": {"source": key, "confidence": confidence},
            "node_types": {"person": {"color": "#ff7f0e", "shape": "ellipse", "class": "agent"}},
            "relations": {
                "associated_with": {"directed": False},
                "opposed_to": {"directed": False, "sign": "negative"},
            },
            "nodes": [
                {"id": ids[p], "type": "person", "attributes": {"hijacker": hijacker[p]}} for p in members
            ],
            "edges": [
                {
                    "from": ids[ties[t][0]],
                    "relation": "opposed_to" if key == "b" and t in hostile else "associated_with",
                    "to": ids[ties[t][1]],
                }
                for t in rows
            ],
        }

    a = source("a", "Source A (split of Krebs 2002)", "reported", a_people, in_a)
    b = source("b", "Source B (split of Krebs 2002)", "alleged", b_people, in_b)
    a_edge = {t: f"e{k}" for k, t in enumerate(in_a)}
    b_edge = {t: f"e{k}" for k, t in enumerate(in_b)}
    truth = {
        "made_by": "examples/split_sources.py",
        "seed": seed,
        "network": "examples/data/krebs_911/krebs_911.yaml",
        "counts": {
            "people": len(people),
            "ties": len(ties),
            "ties_in_both": len(both),
            "ties_in_a_only": len(in_a) - len(both),
            "ties_in_b_only": len(in_b) - len(both),
            "people_in_a": len(a_people),
            "people_in_b": len(b_people),
            "people_in_both": len(set(a_people) & set(b_people)),
            "variants": len(spelt),
            "variants_in_a": sum(1 for p in spelt if p in a_people),
            "contradictions": len(hostile),
        },
        "variants": [
            {"b": spelt[p][0], "original": p, "in_a": p in a_people, "rules": spelt[p][1]}
            for p in b_people
            if p in spelt
        ],
        "ties": [
            {
                "original": [ties[t][0], ties[t][1]],
                "a": a_edge.get(t),
                "b": b_edge.get(t),
                "contradicts": t in hostile,
            }
            for t in range(len(ties))
        ],
    }
    return {"source_a.yaml": a, "source_b.yaml": b, "truth.yaml": truth}


def _dump(doc: dict[str, Any]) -> str:
    """YAML with one line per node, edge, variant and tie."""
    out = []
    for key, value in doc.items():
        if isinstance(value, list):
            out.append(f"{key}:")
            out.extend(
                "  - "
                + yaml.safe_dump(
                    v, default_flow_style=True, width=10_000, allow_unicode=True, sort_keys=False
                ).strip()
                for v in value
            )
        else:
            out.append(
                yaml.safe_dump(
                    {key: value}, width=100, allow_unicode=True, sort_keys=False, default_flow_style=False
                ).rstrip()
            )
    return "\n".join(out) + "\n"


def write(folder: Path, seed: int = SEED) -> list[Path]:
    """Write the split to ``folder``; return the files written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, doc in split(seed).items():
        path = folder / name
        path.write_text(_dump(doc), encoding="utf-8")
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--out", type=Path, default=OUT, help=f"default {OUT}")
    parser.add_argument("--check", action="store_true", help="compare with the files in --out; write nothing")
    args = parser.parse_args(argv)
    if args.check:
        with tempfile.TemporaryDirectory() as tmp:
            made = write(Path(tmp), args.seed)
            differ = [
                p.name
                for p in made
                if not (args.out / p.name).is_file() or (args.out / p.name).read_bytes() != p.read_bytes()
            ]
        print("the shipped split is what the script makes" if not differ else f"differ: {', '.join(differ)}")
        return 1 if differ else 0
    for path in write(args.out, args.seed):
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
