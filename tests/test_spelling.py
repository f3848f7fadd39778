"""Tests for linkchart.spelling: the did-you-mean matcher gives difflib's hints, fast among many names."""

from __future__ import annotations

import difflib
import random

from hypothesis import given
from hypothesis import strategies as st

from linkchart.spelling import CUTOFF, INDEX_FROM, Speller, close_names


def _name(rng: random.Random) -> str:
    letters = "abcdefghijklmnopqrstuvwxyzäöüçğş "
    return "".join(rng.choice(letters) for _ in range(rng.randint(4, 16))).strip() or "x"


def _misspelt(rng: random.Random, name: str) -> str:
    i = rng.randrange(len(name))
    return rng.choice([name[:i] + "q" + name[i + 1 :], name[:i] + name[i + 1 :], name[:i] + "z" + name[i:]])


def test_small_lists_get_what_difflib_gave() -> None:
    known = ["Tajikistan", "Pakistan", "Kyrgyzstan", "Uzbekistan", "IMT", "IMU", "phase1", "phase2"]
    for name in ("Tajikstan", "Uzbekstan", "IMX", "phase9", "Kyrgystan", "nothing like it"):
        ours = [m for m, _ in close_names(name, known)]
        assert ours == difflib.get_close_matches(name, known, n=3, cutoff=CUTOFF), name


def test_a_large_list_is_indexed_and_hints_a_misspelling_as_a_full_search_does() -> None:
    rng = random.Random(3)
    known = list(dict.fromkeys(_name(rng) for _ in range(3 * INDEX_FROM)))
    speller = Speller(known)
    assert speller._index is not None  # the index path, not a comparison with every name
    full = Speller(known[: INDEX_FROM - 1])  # below the threshold: every name compared
    assert full._index is None
    for meant in rng.sample(known[: INDEX_FROM - 1], 60):
        typo = _misspelt(rng, meant)
        best = difflib.get_close_matches(typo, known, n=1, cutoff=CUTOFF)
        ours = speller.close(typo)
        assert best and ours, typo
        # the same best name, or one exactly as close (a tie that difflib breaks otherwise)
        ratio = difflib.SequenceMatcher(None, typo, best[0]).ratio()
        assert ours[0][0] == best[0] or abs(ours[0][1] - ratio) < 1e-9, (typo, best, ours)
        assert (
            meant in [m for m, _ in ours] or ours[0][1] >= difflib.SequenceMatcher(None, typo, meant).ratio()
        )


def test_short_names_and_marks_are_indexed_too() -> None:
    known = [f"n{i:05d}" for i in range(INDEX_FROM)] + ["IMT", "x", "Ö"]
    speller = Speller(known)
    assert speller.close("IMU")[0][0] == "IMT"
    assert speller.close("X", cutoff=0.0)[0][0] == "x"  # case folded in the index, scored as written
    assert speller.close("n00012")[0][0] == "n00012"
    assert speller.close("") == [] and speller.close("\ud800") == []


@given(st.lists(st.text(min_size=1, max_size=12), max_size=30), st.text(max_size=12))
def test_matches_are_close_enough_and_best_first(known: list[str], name: str) -> None:
    found = close_names(name, known)
    assert len(found) <= 3 and all(m in known for m, _ in found)
    assert all(score >= CUTOFF for _, score in found)
    assert [s for _, s in found] == sorted((s for _, s in found), reverse=True)
    if name in known:
        assert found[0] == (name, 1.0)
