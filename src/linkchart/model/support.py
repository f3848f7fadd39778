"""What each tie rests on: its sources, each with a probability, and the tie's probability
from them (corroboration).

An edge holds one quote (``evidence: "..."``) or a list of evidence items, each from one
source (:class:`~.records.Evidence`). Each item has a probability
(:meth:`~linkchart.vocabulary.Grades.item_probability`: its credibility or confidence
level, times its source's reliability factor); the items of one source combine by their
maximum — a source repeating itself does not corroborate itself — and the sources of a
tie by the chart's rule (:attr:`~linkchart.vocabulary.Grades.corroboration`: noisy-OR by
default). :func:`support_of` gives the first two steps as columns, :func:`combined` the
last, for all the sources or for the sources a draw keeps.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

import numpy as np
import numpy.typing as npt

from ..vocabulary import Grades, Vocabulary
from .records import Source
from .tables import EdgeTable

__all__ = ["Support", "combined", "single_source", "support_of"]

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]


class Support(NamedTuple):
    """One row per (edge, source) pair: the edge row, the source code (``-1``: no source)
    and the probability that source gives the tie (its items' maximum), sorted by edge."""

    row: IntArray
    source: IntArray
    probability: FloatArray


def support_of(edges: EdgeTable, sources: Sequence[Source], vocabulary: Vocabulary) -> Support:
    """The sources of every edge, each with the probability its items give the tie.

    An edge without an evidence list rests on its own source (``-1``: none) at its
    confidence level's probability times that source's reliability factor; an edge with
    one rests on the sources of its items (an item without a source: the edge's).
    """
    scale = vocabulary.confidence
    grades = vocabulary.grades
    level_p = np.asarray(scale.probabilities, dtype=np.float64)
    factor = np.asarray([grades.factor(s.reliability) for s in sources] + [1.0], dtype=np.float64)
    m = len(edges)
    row = np.arange(m, dtype=np.int64)
    code = edges.source.astype(np.int64)
    prob = level_p[edges.confidence.astype(np.intp)] * factor[code]  # factor[-1] is 1: no source
    if not edges.evidence_items:
        return Support(row, code, np.round(prob, 12))
    codes = {s.id: i for i, s in enumerate(sources)}
    levels = {lv: i for i, lv in enumerate(scale.levels)}
    listed = np.zeros(m, dtype=bool)
    extra_r: list[int] = []
    extra_s: list[int] = []
    extra_p: list[float] = []
    for k, pos in enumerate(edges.position.tolist()):
        items = edges.evidence_items.get(pos)
        if not items:
            continue
        listed[k] = True
        for it in items:
            s = int(edges.source[k]) if it.source is None else codes[it.source]
            lv = int(edges.confidence[k]) if it.confidence is None else levels[it.confidence]
            rel = sources[s].reliability if s >= 0 else ""
            extra_r.append(k)
            extra_s.append(s)
            extra_p.append(grades.item_probability(float(level_p[lv]), it.credibility, rel))
    keep = ~listed
    row = np.concatenate([row[keep], np.asarray(extra_r, dtype=np.int64)])
    code = np.concatenate([code[keep], np.asarray(extra_s, dtype=np.int64)])
    prob = np.concatenate([np.round(prob[keep], 12), np.asarray(extra_p, dtype=np.float64)])
    # one row per (edge, source): the maximum of that source's items
    order = np.lexsort((-prob, code, row))
    row, code, prob = row[order], code[order], prob[order]
    first = np.ones(len(row), dtype=bool)
    first[1:] = (row[1:] != row[:-1]) | (code[1:] != code[:-1])
    return Support(row[first], code[first], prob[first])


def combined(
    support: Support, m: int, grades: Grades, kept: npt.NDArray[np.bool_] | None = None
) -> FloatArray:
    """Each of ``m`` edges' probability from its sources (``0`` where none is left).

    ``kept`` (per source code, optional) leaves out the sources a draw drops; the pairs
    with no source (code ``-1``) always stay.
    """
    row, code, prob = support
    if kept is not None:
        stay = (code < 0) | (kept[np.maximum(code, 0)] if len(kept) else False)
        row, prob = row[stay], prob[stay]
    if grades.corroboration == "max":
        out = np.zeros(m, dtype=np.float64)
        np.maximum.at(out, row, prob)
        return out
    with np.errstate(divide="ignore"):
        logs = np.log1p(-np.minimum(prob, 1.0))
    rest = np.exp(np.bincount(row, weights=logs, minlength=m)) if len(row) else np.ones(m)
    return np.round(1.0 - rest, 12)


def single_source(support: Support, m: int) -> npt.NDArray[np.int64]:
    """Per edge, the code of the one source it rests on; ``-2`` where it rests on several,
    ``-1`` on none (an edge with no source)."""
    row, code, _ = support
    count = np.bincount(row, minlength=m)
    out = np.full(m, -2, dtype=np.int64)
    one = count[row] == 1
    out[row[one]] = code[one]
    return out
