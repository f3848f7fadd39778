"""The best-matching pair of names of two nodes, found without comparing every pair one by one
(:func:`best_pair`; :func:`~linkchart.analysis.duplicates.candidates` uses it)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Final

import numpy as np
import numpy.typing as npt

from .names import RULE_SCORES, Form, NameMatch, compare, is_acronym

__all__ = ["BULK_PAIRS", "best_pair", "exact_rules"]

BULK_PAIRS: Final = 64
"""Above this many pairs of two nodes' names (ids, labels, aliases) :func:`best_pair` bounds
every pair in bulk first and compares one by one only those that could be the best."""


def best_pair(xs: Sequence[Form], ys: Sequence[Form]) -> tuple[NameMatch, int, int]:
    """The best :func:`~linkchart.analysis.names.compare` of a form of ``xs`` with one of
    ``ys`` and their positions: the first pair, in ``xs`` then ``ys`` order, of the highest
    similarity (``(0, "spelling")`` and ``0, 0`` when none is alike).

    Two nodes with many aliases have many pairs of names (1,500 aliases each: 2.25 million);
    above :data:`BULK_PAIRS` pairs each pair's similarity is bounded at once
    (:func:`_bounds`: rapidfuzz's ``cdist`` over their distinct words, numpy for the rest),
    and pairs are compared one by one from the highest bound down, stopping at the first
    bound below the best similarity found: the same answer as comparing every pair.
    """
    best, bi, bj = NameMatch(0.0, "spelling"), 0, 0
    if len(xs) * len(ys) <= BULK_PAIRS:
        pairs: Iterable[tuple[int, int, float]] = (
            (i, j, 1.0) for i in range(len(xs)) for j in range(len(ys))
        )
    else:
        bound = _bounds(xs, ys).ravel()
        order = np.lexsort((np.arange(bound.size), -bound))  # highest bound first, then in order
        rows, cols = np.divmod(order, len(ys))
        pairs = zip(rows.tolist(), cols.tolist(), bound[order].tolist(), strict=True)
    for i, j, most in pairs:
        if most < best.similarity - 1e-6:
            break  # no pair from here on can reach the best (bounds are in decreasing order)
        found = compare(xs[i], ys[j])
        if found.similarity > best.similarity or (
            found.similarity == best.similarity and found.similarity > 0 and (i, j) < (bi, bj)
        ):
            best, bi, bj = found, i, j
    return best, bi, bj


def exact_rules(
    xs: Sequence[Form], ys: Sequence[Form], fa: npt.NDArray[np.int64], fb: npt.NDArray[np.int64]
) -> npt.NDArray[np.bool_]:
    """For each pair ``(xs[fa[k]], ys[fb[k]])``, whether a rule that needs no spelling ratio
    could hold: an equal folded form, skeleton, set of consonants, set of words, joined
    letters (words or letters with articles kept), or an acronym of the other's words."""
    passed = np.zeros(len(fa), dtype=bool)
    same = xs is ys  # one list (the forms of all nodes): its codes once
    for attr in ("folded", "skeleton", "consonants", "ordered", "joined", "letters"):
        codes: dict[object, int] = {"": -1}  # no letters: nothing to compare
        ca = np.fromiter((codes.setdefault(getattr(f, attr), len(codes)) for f in xs), np.int64, len(xs))
        cb = (
            ca
            if same
            else np.fromiter((codes.setdefault(getattr(f, attr), len(codes)) for f in ys), np.int64, len(ys))
        )
        passed |= (ca[fa] == cb[fb]) & (ca[fa] >= 0)
    acr_a = np.fromiter((bool(f.acronym) for f in xs), bool, len(xs))
    acr_b = acr_a if same else np.fromiter((bool(f.acronym) for f in ys), bool, len(ys))
    if not (acr_a.any() or acr_b.any()):
        return passed
    ini_a = np.fromiter((bool(f.initials) for f in xs), bool, len(xs))
    ini_b = ini_a if same else np.fromiter((bool(f.initials) for f in ys), bool, len(ys))
    maybe = (acr_a[fa] & ini_b[fb]) | (ini_a[fa] & acr_b[fb])  # acronyms are few: one by one
    for k in np.flatnonzero(~passed & maybe).tolist():
        passed[k] = is_acronym(xs[int(fa[k])], ys[int(fb[k])])
    return passed


def _bounds(xs: Sequence[Form], ys: Sequence[Form]) -> npt.NDArray[np.float64]:
    """A ``len(xs) x len(ys)`` array of upper bounds of :func:`~linkchart.analysis.names.compare`:
    1 where a rule that needs no ratio could hold (:func:`exact_rules`) or either name has
    an initial; else the ``spelling`` and ``part`` values
    (as :func:`linkchart.analysis.duplicates._quick` computes them), from one matrix of word ratios."""
    from rapidfuzz import fuzz, process

    rows, cols = np.divmod(np.arange(len(xs) * len(ys), dtype=np.int64), len(ys))
    bound = np.where(exact_rules(xs, ys, rows, cols), 1.0, 0.0).reshape(len(xs), len(ys))
    ia = np.fromiter((min(map(len, f.folded)) == 1 for f in xs), bool, len(xs))
    ib = np.fromiter((min(map(len, f.folded)) == 1 for f in ys), bool, len(ys))
    bound[ia, :] = 1.0
    bound[:, ib] = 1.0
    wa = sorted({w for f in xs for w in f.skeleton})
    wb = sorted({w for f in ys for w in f.skeleton})
    at_a, at_b = {w: k for k, w in enumerate(wa)}, {w: k for k, w in enumerate(wb)}
    ratio = np.asarray(process.cdist(wa, wb, scorer=fuzz.ratio, workers=1), dtype=np.float64) / 100
    first = np.array([w[:1] for w in wa], dtype=object)[:, None] == np.array(
        [w[:1] for w in wb], dtype=object
    )
    ratio = np.where(first, ratio, ratio / 2)  # as _word_ratio
    spelling = RULE_SCORES["spelling"]
    la = np.fromiter((len(f.skeleton) for f in xs), np.int64, len(xs))
    lb = np.fromiter((len(f.skeleton) for f in ys), np.int64, len(ys))
    for p in np.unique(la).tolist():
        ra = np.flatnonzero(la == p)
        for q in np.unique(lb).tolist():
            rb = np.flatnonzero(lb == q)
            skel_a = np.array([[at_a[w] for w in xs[k].skeleton] for k in ra.tolist()], dtype=np.int64)
            skel_b = np.array([[at_b[w] for w in ys[k].skeleton] for k in rb.tolist()], dtype=np.int64)
            if p == q:
                ord_a = np.array([[at_a[w] for w in xs[k].ordered] for k in ra.tolist()], dtype=np.int64)
                ord_b = np.array([[at_b[w] for w in ys[k].ordered] for k in rb.tolist()], dtype=np.int64)
                in_order = np.min(
                    [ratio[skel_a[:, k][:, None], skel_b[:, k][None, :]] for k in range(p)], axis=0
                )
                by_letter = np.min(
                    [ratio[ord_a[:, k][:, None], ord_b[:, k][None, :]] for k in range(p)], axis=0
                )
                value = spelling * np.maximum(in_order, by_letter)
            else:
                short, long = min(p, q), max(p, q)
                cell = [
                    [ratio[skel_a[:, i][:, None], skel_b[:, j][None, :]] for j in range(q)] for i in range(p)
                ]  # cell[i][j]: word i of each name of xs against word j of each of ys
                if p < q:  # each word of the shorter name with its closest word of the longer
                    closest = np.min([np.max(cell[i], axis=0) for i in range(p)], axis=0)
                else:
                    closest = np.min(
                        [np.max([cell[i][j] for i in range(p)], axis=0) for j in range(q)], axis=0
                    )
                value = np.maximum(
                    spelling * closest * short / long, np.where(closest >= 1.0, 0.5 + 0.3 * short / long, 0.0)
                )
            block = bound[np.ix_(ra, rb)]
            bound[np.ix_(ra, rb)] = np.maximum(block, value)
    return bound
