"""Close spellings for "did you mean ...?" hints, fast among many names.

The similarity of two texts is their Indel ratio, ``2 * M / (len(a) + len(b))`` where
``M`` is the length of their longest common subsequence (rapidfuzz's ``fuzz.ratio``, a
maintained C++ matcher): the ratio :mod:`difflib` approximates with its matching
blocks, so the names offered are the ones ``difflib.get_close_matches`` offered (ties
broken as difflib breaks them). A name is offered at 0.6 or more.

Comparing one unknown name with every known one is cheap for a vocabulary, but a
50,000-node file with hundreds of misspelt ends would cost tens of millions of
comparisons. :class:`Speller` therefore indexes a large list of names by their runs
of three characters (case folded, with a mark at each end, so that one- and two-letter
names have runs too): an unknown name is compared only with the :data:`CANDIDATES`
known names that share most runs with it. A misspelling shares most runs with what was
meant, so the hint is the same; a far-fetched match (one sharing few runs) may be
missed, which only loses a weak hint. Hints for 1,000 unknown names among 100,000 known ones take a
fraction of a second (``benchmarks/bench_hints.py``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Final

import numpy as np
import numpy.typing as npt

__all__ = ["CANDIDATES", "CUTOFF", "INDEX_FROM", "Speller", "close_names"]

CUTOFF: Final = 0.6
"""The least similarity at which a name is offered."""
INDEX_FROM: Final = 2_000
"""From this many known names on, :class:`Speller` compares only the likeliest ones."""
CANDIDATES: Final = 64
"""How many known names an unknown one is compared with, in a large list."""
_MARK: Final = 0  # a code point that starts and ends every name in the index
_ROW_BITS: Final = 31  # a name's row in the index takes at most 31 bits (2**31 names)


def close_names(
    name: str, known: Iterable[str], *, n: int = 3, cutoff: float = CUTOFF
) -> list[tuple[str, float]]:
    """The at most ``n`` names of ``known`` most like ``name``, best first, with their similarity.

    Examples
    --------
    >>> [(m, round(s, 2)) for m, s in close_names("Tajikstan", ["Pakistan", "Tajikistan", "Kyrgyzstan"])]
    [('Tajikistan', 0.95), ('Pakistan', 0.71)]
    """
    return Speller(known).close(name, n=n, cutoff=cutoff)


class Speller:
    """The names of ``known`` (in order, repeats dropped), ready to be looked up many times.

    Examples
    --------
    >>> speller = Speller(["IMT", "Pakistan", "Tajikistan"])
    >>> [m for m, _ in speller.close("Tajikstan")], speller.close("zzz")
    (['Tajikistan', 'Pakistan'], [])
    """

    def __init__(self, known: Iterable[str]) -> None:
        self.known: list[str] = [k for k in dict.fromkeys(known) if k]
        self._index: _GramIndex | None = None
        if len(self.known) >= INDEX_FROM:
            self._index = _GramIndex(self.known)

    def close(self, name: str, *, n: int = 3, cutoff: float = CUTOFF) -> list[tuple[str, float]]:
        """The at most ``n`` known names most like ``name`` (similarity at least ``cutoff``), best first."""
        from rapidfuzz import fuzz, process

        pool: Sequence[str] = self.known
        if self._index is not None:
            rows = self._index.candidates(name)
            pool = [self.known[i] for i in rows.tolist()]
        found = process.extract(name, pool, scorer=fuzz.ratio, score_cutoff=100 * cutoff, limit=None)
        # best first; a tie goes, as in difflib, to the name later in code-point order
        best = sorted(((score, match) for match, score, _ in found), reverse=True)[:n]
        return [(match, score / 100) for score, match in best]


class _GramIndex:
    """Which names hold each run of three characters (case folded, marks at both ends).

    A run is known by a 32-bit hash of its three code points: two runs that share one
    only share their postings, which makes a few more candidates, never a wrong hint
    (every candidate is scored on its own).
    """

    def __init__(self, names: Sequence[str]) -> None:
        folded = [k.lower() for k in names]
        self.size = len(names)
        lengths = np.fromiter(map(len, folded), dtype=np.int64, count=len(folded))
        # every name between two marks: mark, name 0, mark, name 1, ..., mark
        chars = np.concatenate([[_MARK], _codes("\0".join(folded)), [_MARK]])
        # the name of each character (-1 for a mark): the k-th character of the names
        # written one after another belongs to name j and sits after j + 1 marks
        owner = np.full(len(chars), -1, dtype=np.int64)
        inside = np.repeat(np.arange(self.size), lengths)
        owner[np.arange(len(inside)) + inside + 1] = inside
        # a run belongs to the name of its middle character; (mark, first, second) and
        # (last but one, last, mark) are runs too, and a one-letter name has (mark, x, mark)
        middle = owner[1:-1]
        keep = middle >= 0
        # one sort of (run, row) packed in one number puts each run's rows together, in order
        packed = np.sort((_runs(chars)[keep] << _ROW_BITS) | middle[keep])
        packed = packed[np.concatenate([[True], packed[1:] != packed[:-1]])]  # a run once per name
        keys = packed >> _ROW_BITS
        self.postings = (packed & ((1 << _ROW_BITS) - 1)).astype(np.int32)
        starts = np.flatnonzero(np.concatenate([[True], keys[1:] != keys[:-1]]))
        self.keys = keys[starts]
        self.offsets = np.concatenate([starts, [len(keys)]])

    def candidates(self, name: str) -> npt.NDArray[np.int64]:
        """The rows of the (at most :data:`CANDIDATES`) names sharing most runs with ``name``, in order.

        Among names sharing as many runs, the first declared are taken.
        """
        keys = np.unique(_runs(np.concatenate([[_MARK], _codes(name.lower()), [_MARK]])))
        at = np.searchsorted(self.keys, keys)
        known = at < len(self.keys)
        at = at[known][self.keys[at[known]] == keys[known]]
        if not len(at):
            return np.zeros(0, dtype=np.int64)
        # a run held by more than a quarter of the names ("000" among ids) tells little and
        # costs most: leave such runs out, unless nothing else is shared
        held = self.offsets[at + 1] - self.offsets[at]
        rare = at[held <= max(self.size // 4, CANDIDATES)]
        at = rare if len(rare) else at[np.argsort(held, kind="stable")[:1]]
        rows = np.concatenate([self.postings[self.offsets[i] : self.offsets[i + 1]] for i in at.tolist()])
        counts = np.bincount(rows, minlength=self.size)
        shared = counts[rows]
        # the least count t that still leaves CANDIDATES names with t or more shared runs
        per_count = np.bincount(shared) // np.maximum(np.arange(shared.max() + 1), 1)
        at_least = np.cumsum(per_count[::-1])[::-1]
        least = int(np.flatnonzero(at_least >= CANDIDATES)[-1]) if at_least[1] >= CANDIDATES else 1
        found = np.unique(rows[shared >= least])
        if len(found) > CANDIDATES:
            above = found[counts[found] > least]
            tied = found[counts[found] == least]
            found = np.sort(np.concatenate([above, tied[: CANDIDATES - len(above)]]))
        return found.astype(np.int64)


def _codes(text: str) -> npt.NDArray[np.int64]:
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32).astype(np.int64)


def _runs(chars: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
    """Each run of three adjacent code points (each below 2**21) as a 32-bit hash (MurmurHash3's mix)."""
    run = ((chars[:-2] << 42) | (chars[1:-1] << 21) | chars[2:]).astype(np.uint64)
    run ^= run >> np.uint64(33)
    run *= np.uint64(0xFF51AFD7ED558CCD)
    run ^= run >> np.uint64(33)
    return (run >> np.uint64(32)).astype(np.int64)
