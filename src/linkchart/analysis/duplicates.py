"""Which nodes may be one entity: candidate pairs, ranked, each with the reasons for it.

An analyst who reads a dozen reports meets the same actor spelled five ways: *Namangani*
and *Namangany*, *Juma* and *Djuma*, *Yuldashev* and *Yoldash*, *al-Hazmi* and
*Alhazmi*, *T. Yoldash* and *Yoldash, Tahir*. :func:`candidates` lists the pairs of nodes
that may be one entity — within one chart, or across two or more — ranked by a score in
[0, 1], each with its reasons: which two names matched and by which rule, which neighbours
the two share, whether their types are compatible, and whether they are already tied to
each other. A candidate is a question for the analyst, never an answer: nothing here joins
two nodes, and an equal label or alias makes a candidate, not a merge. The analyst's
answer is recorded as data (:class:`~linkchart.model.decisions.Decision`;
``docs/many_sources.md``); the candidates come as :class:`~linkchart.analysis.candidate.Candidates`.

**Names** are compared as :mod:`~linkchart.analysis.names` says (:func:`name_key`,
:func:`name_similarity`).

**The score** of a pair is

.. math::

    s = t \\,\\bigl(n + (1 - n)\\, \\beta\\, c\\bigr)

where :math:`n` is the best name similarity, :math:`c \\in [0, 1]` the support of shared
neighbours, :math:`\\beta` = :data:`NEIGHBOUR_SHARE` and :math:`t` the type factor
(:data:`TYPE_FACTORS`). Shared neighbours only ever raise a score (two sources rarely
report the same ties of an actor, so ties one reports and the other does not are no
evidence of two actors); a neighbour counts by its rarity, as in the resource-allocation
index (Zhou, Lü & Zhang 2009): :math:`c = 1 - \\prod_x (1 - 1/\\max(2, d_x))` over the
shared neighbours :math:`x` of degree :math:`d_x`, so that two members of one hub share
little. Each reason carries its contribution; the contributions add up to the score.

**Scale.** Comparing every pair of 10,000 nodes is fifty million comparisons. Names are
therefore *blocked* (Christen 2012): each name is filed under the consonants of each of
its words, of the whole name, and of each word beside the name's initials (so that
*T. Yoldash* meets *Tahir Yoldash*); only names filed together are compared, and a key that
more than :data:`MAX_BLOCK` names share (*Mohammed*) is read as a sorted neighbourhood
(Hernández & Stolfo 1995): each name is compared with the :data:`WINDOW` next to it in the
order of the rest of its name. A quick comparison in rapidfuzz's C++ then keeps the pairs
worth scoring in full. :attr:`Candidates.examined` says how many pairs were compared, of
:attr:`Candidates.possible`.

References
----------
.. [1] P. Christen, *Data Matching: Concepts and Techniques for Record Linkage, Entity
   Resolution, and Duplicate Detection*, Springer, 2012. doi:10.1007/978-3-642-31164-2
.. [2] M. A. Hernández and S. J. Stolfo, "The merge/purge problem for large databases",
   *SIGMOD Record* 24(2), 127-138, 1995. doi:10.1145/568271.223807
.. [3] T. Zhou, L. Lü and Y.-C. Zhang, "Predicting missing links via local information",
   *Eur. Phys. J. B* 71, 623-630, 2009. doi:10.1140/epjb/e2009-00335-8
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import PurePath
from types import MappingProxyType
from typing import Final, Literal, get_args

import numpy as np
import numpy.typing as npt

from ..errors import LinkchartError, UnknownNameError
from ..model import LinkChart
from ..model.decisions import Decision, Decisions
from ._measure import check_count
from ._pairs import best_pair, exact_rules
from .candidate import (
    Candidate,
    Candidates,
    NameReason,
    NeighbourReason,
    NodeRef,
    Reason,
    TieReason,
    TypeReason,
    TypeVerdict,
)
from .names import RULE_SCORES, Form, NameMatch, forms_of

__all__ = [
    "MAX_BLOCK",
    "MIN_SCORE",
    "NAME_FLOOR",
    "NEIGHBOUR_SHARE",
    "TYPE_CLASSES",
    "TYPE_FACTORS",
    "TYPE_READINGS",
    "WINDOW",
    "TypeReading",
    "candidates",
]


TYPE_FACTORS: Mapping[str, float] = MappingProxyType(
    {"same": 1.0, "compatible": 1.0, "unknown": 0.9, "incompatible": 0.5}
)
"""What a pair's types multiply its score by: ``same`` the same type name; ``compatible``
two types of the same class (:data:`TYPE_CLASSES`, or the ``class:`` a file declares);
``unknown`` different types of which one has no known class; ``incompatible`` types of
different classes (a person and a state)."""

TYPE_CLASSES: Mapping[str, str] = MappingProxyType(
    {
        "person": "agent",
        "organisation": "organisation",
        "organization": "organisation",
        "state": "organisation",
        "criminal_network": "organisation",
        "region": "location",
        "event": "event",
    }
)
"""The class of the default node types (``linkchart.DEFAULT_NODE_TYPES``) where a file
declares none: a state is a collective, not a place, so *Afghanistan* the state and
*Afghanistan* the region are incompatible: scored at half, listed from ``min_score`` 0.5
down, and left out by ``types="compatible"``."""

TypeReading = Literal["any", "compatible", "same"]
"""Which pairs :func:`candidates` lists: every pair (``any``, incompatible types lower the
score), only pairs of compatible types (``compatible``) or only of the same type (``same``)."""

TYPE_READINGS: tuple[str, ...] = get_args(TypeReading)
"""Every :data:`TypeReading`."""

MIN_SCORE: Final = 0.7
"""The least score :func:`candidates` lists by default."""
NAME_FLOOR: Final = 0.5
"""A pair is a candidate only if two of its names are at least this alike: shared
neighbours support a name match, they never make one."""
NEIGHBOUR_SHARE: Final = 0.5
"""The most of the distance from the name similarity to 1 that shared neighbours can add."""
MAX_BLOCK: Final = 100
"""A blocking key shared by more names than this is read as a sorted neighbourhood."""
WINDOW: Final = 20
"""In a sorted neighbourhood, how many names each name is compared with."""


@dataclass(frozen=True, slots=True)
class _Node:
    chart: int
    row: int
    id: str
    type: str
    type_class: str | None
    names: tuple[str, ...]
    forms: tuple[tuple[int, Form], ...]  # (name index, form)


def _chart_names(charts: Sequence[LinkChart]) -> list[str]:
    names = []
    for i, c in enumerate(charts):
        names.append(PurePath(c.path).name if c.path else c.title or f"chart {i + 1}")
    if len(set(names)) < len(names):  # two files of one name: their paths, else numbers
        names = [c.path or f"chart {i + 1}" for i, c in enumerate(charts)]
        if len(set(names)) < len(names):
            names = [f"chart {i + 1}" for i in range(len(charts))]
    return names


def _nodes(charts: Sequence[LinkChart]) -> list[_Node]:
    cache: dict[str, tuple[Form, ...]] = {}
    out = []
    for ci, chart in enumerate(charts):
        vocab = chart.vocabulary
        declared = {t.name: t.node_class for t in vocab.node_types}
        n = chart.nodes
        for row, (nid, code, label, aliases) in enumerate(
            zip(n.ids, n.type, n.labels, n.aliases, strict=True)
        ):
            type_name = vocab.node_types[int(code)].name
            names = tuple(dict.fromkeys((str(nid), str(label), *aliases)))
            forms: list[tuple[int, Form]] = []
            for k, name in enumerate(names):
                found = cache.get(name)
                if found is None:
                    found = cache[name] = forms_of(name)
                forms.extend((k, f) for f in found)
            klass = declared.get(type_name) or TYPE_CLASSES.get(type_name.casefold())
            out.append(_Node(ci, row, str(nid), type_name, klass, names, tuple(forms)))
    return out


def _type_verdict(a: _Node, b: _Node) -> TypeVerdict:
    if a.type.casefold() == b.type.casefold():
        return "same"
    if a.type_class is None or b.type_class is None:
        return "unknown"
    return "compatible" if a.type_class == b.type_class else "incompatible"


def _blocked_pairs(
    forms: Sequence[Form], owner: npt.NDArray[np.int64]
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """The pairs of form indices that share a blocking key (a large block read as a sorted
    neighbourhood), each once, owned by different nodes."""
    blocks: dict[str, list[int]] = {}
    for i, f in enumerate(forms):
        for key in f.keys():
            blocks.setdefault(key, []).append(i)
    if any(f.acronym for f in forms):  # a name beside the acronyms its words make, where one is written
        for i, f in enumerate(forms):
            for key in sorted("a" + a for a in f.initials):
                if key in blocks:
                    blocks[key].append(i)
    left: list[npt.NDArray[np.int64]] = []
    right: list[npt.NDArray[np.int64]] = []
    for key, members in blocks.items():
        m = len(members)
        if m < 2:
            continue
        idx = np.asarray(members, dtype=np.int64)
        if m <= MAX_BLOCK:
            upper, lower = np.triu_indices(m, 1)
            left.append(idx[upper])
            right.append(idx[lower])
        else:
            idx = idx[np.argsort([forms[k].rest(key) for k in members], kind="stable")]
            for off in range(1, WINDOW + 1):
                left.append(idx[:-off])
                right.append(idx[off:])
    if not left:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty
    fa, fb = np.concatenate(left), np.concatenate(right)
    lo, hi = np.minimum(fa, fb), np.maximum(fa, fb)
    keep = owner[lo] != owner[hi]
    packed = np.unique(lo[keep] * len(forms) + hi[keep])
    return packed // len(forms), packed % len(forms)


def _quick(
    forms: Sequence[Form], fa: npt.NDArray[np.int64], fb: npt.NDArray[np.int64], needed: float
) -> npt.NDArray[np.bool_]:
    """Which form pairs may be ``needed`` alike, told in bulk (rapidfuzz's C++ and numpy).

    A pair passes when a rule that needs no ratio could hold (an equal folded form,
    skeleton, set of consonants, set of words or joined letters, an acronym:
    :func:`~linkchart.analysis._pairs.exact_rules`; an initial on either side), or when
    the ``spelling`` or ``part`` rule could give ``needed``: the same word-by-word ratios
    as :func:`compare`, computed for all pairs at once. Only the pairs that pass are
    compared one by one, and that comparison decides."""
    from rapidfuzz import fuzz, process

    m = len(fa)
    if not m:
        return np.zeros(0, dtype=bool)
    passed = exact_rules(forms, forms, fa, fb)
    initial = np.fromiter((min(map(len, f.folded)) == 1 for f in forms), bool, len(forms))
    passed |= initial[fa] | initial[fb]
    words = np.fromiter((len(f.skeleton) for f in forms), np.int64, len(forms))
    short = np.minimum(words[fa], words[fb])
    long = np.maximum(words[fa], words[fb])
    spelling = RULE_SCORES["spelling"]
    for cs, cl in sorted(set(zip(short[~passed].tolist(), long[~passed].tolist(), strict=True))):
        rows = np.flatnonzero(~passed & (short == cs) & (long == cl))
        swap = words[fa[rows]] > words[fb[rows]]
        left = np.where(swap, fb[rows], fa[rows]).tolist()  # the shorter name
        right = np.where(swap, fa[rows], fb[rows]).tolist()

        def ratios(
            attr_a: str, attr_b: str, i: int, j: int, left: list[int] = left, right: list[int] = right
        ) -> npt.NDArray[np.float64]:
            a = [getattr(forms[k], attr_a)[i] for k in left]
            b = [getattr(forms[k], attr_b)[j] for k in right]
            first = np.fromiter((x[:1] == y[:1] for x, y in zip(a, b, strict=True)), bool, len(a))
            ratio = np.asarray(process.cpdist(a, b, scorer=fuzz.ratio), dtype=np.float64) / 100
            return np.where(first, ratio, ratio / 2)  # as _word_ratio

        if cs == cl:
            in_order = np.min([ratios("skeleton", "skeleton", k, k) for k in range(cs)], axis=0)
            by_letter = np.min([ratios("ordered", "ordered", k, k) for k in range(cs)], axis=0)
            value = spelling * np.maximum(in_order, by_letter)
        else:
            closest = np.min(
                [
                    np.max([ratios("skeleton", "skeleton", i, j) for j in range(cl)], axis=0)
                    for i in range(cs)
                ],
                axis=0,
            )
            value = np.maximum(
                spelling * closest * cs / cl, np.where(closest >= 1.0, 0.5 + 0.3 * cs / cl, 0.0)
            )
        passed[rows[value >= needed - 1e-9]] = True
    return passed


class _Neighbours:
    """Each node's neighbours (any tie, either direction), degrees and identity keys."""

    def __init__(self, charts: Sequence[LinkChart], nodes: Sequence[_Node], offsets: Sequence[int]) -> None:
        self.nodes = nodes
        self.of: list[frozenset[int]] = []
        for chart, offset in zip(charts, offsets, strict=False):
            e = chart.edges
            src, dst = e.src.astype(np.int64), e.dst.astype(np.int64)
            loop = src != dst
            both = np.concatenate([src[loop], dst[loop]])
            other = np.concatenate([dst[loop], src[loop]])
            order = np.lexsort((other, both))
            both, other = both[order], other[order]
            cuts = np.searchsorted(both, np.arange(chart.number_of_nodes + 1))
            for i in range(chart.number_of_nodes):
                self.of.append(frozenset((other[cuts[i] : cuts[i + 1]] + offset).tolist()))
        self._keys: dict[int, frozenset[str]] = {}

    def keys(self, g: int) -> frozenset[str]:
        """What identifies node ``g`` across charts: its id and the skeleton of each name."""
        found = self._keys.get(g)
        if found is None:
            node = self.nodes[g]
            found = frozenset(
                {"id " + node.id.casefold()}
                | {"name " + f.joined for _, f in node.forms if len(f.joined) >= 3 and not f.suffixed}
            )
            self._keys[g] = found
        return found

    def shared(self, a: int, b: int) -> tuple[tuple[tuple[int, int], ...], float]:
        """The neighbour pairs of ``a`` and ``b`` that are one node (or share a key), and their
        support: ``min`` over the two sides of ``1 - prod(1 - 1 / max(2, degree))``."""
        ka, kb = self.keys(a), self.keys(b)
        na = [x for x in self.of[a] if x != b and not (self.keys(x) & kb)]
        nb = [y for y in self.of[b] if y != a and not (self.keys(y) & ka)]
        if not na or not nb:
            return (), 0.0
        index: dict[str, list[int]] = {}
        for y in nb:
            for k in self.keys(y):
                index.setdefault(k, []).append(y)
        pairs = sorted({(x, y) for x in na for k in self.keys(x) for y in index.get(k, ())})
        if not pairs:
            return (), 0.0

        def support(side: Iterable[int]) -> float:
            return 1.0 - math.prod(1.0 - 1.0 / max(2, len(self.of[x])) for x in set(side))

        return tuple(pairs), min(support(x for x, _ in pairs), support(y for _, y in pairs))


def candidates(
    *charts: LinkChart,
    top: int | None = None,
    min_score: float = MIN_SCORE,
    types: TypeReading = "any",
    decisions: Decisions | Iterable[Decision] | None = None,
) -> Candidates:
    """Pairs of nodes that may be one entity, best first, each with its score and reasons.

    Given one chart, the pairs within it; given two or more, the pairs across them (never
    two nodes of one chart), each node named by its chart's position and id
    (:class:`NodeRef`). The score and its reasons are defined in the module's docstring
    and ``docs/many_sources.md``; a candidate is a question for the analyst, never a merge.

    Parameters
    ----------
    *charts
        One chart, or two or more.
    top
        At most this many pairs (the best), or ``None`` for every pair of at least
        ``min_score``.
    min_score
        The least score listed, in [0, 1] (default :data:`MIN_SCORE`).
    types
        ``"any"`` (default): every pair, incompatible types at half the score;
        ``"compatible"``: no pair of incompatible types; ``"same"``: only pairs of one
        type (:data:`TYPE_FACTORS`).
    decisions
        Recorded decisions (:class:`Decisions`, or :class:`Decision` values): a pair they
        settle, one way or the other, is left out and counted in
        :attr:`Candidates.decided`.

    Returns
    -------
    Candidates
        The pairs, with how many were compared (:attr:`~Candidates.examined`) of how many
        there are (:attr:`~Candidates.possible`).

    Raises
    ------
    LinkchartError
        For no chart, something that is not a chart, ``top`` below 1, ``min_score``
        outside [0, 1], or decisions that contradict each other.
    UnknownNameError
        For a ``types`` that is not one of :data:`TYPE_READINGS`.

    Notes
    -----
    Across charts, two nodes with the same id are not a candidate: a merge joins them by
    id (:attr:`Candidates.same_id` counts them). Within one chart, two nodes already tied
    to each other stay candidates, with a :class:`TieReason`. Neighbours are read over
    every edge, whatever its relation, sign or layer: identity, not channels. Names in
    different scripts (Arabic and Latin letters) are not transliterated into one another.
    The cost is that of the pairs blocking lets through, not of all pairs: 10,000 nodes
    take seconds (``benchmarks/bench_dedupe.py``).

    Examples
    --------
    >>> import linkchart
    >>> a = linkchart.from_records([{"id": "Juma Namangani", "type": "person"},
    ...     {"id": "Tahir Yoldash", "type": "person"}, {"id": "IMU", "type": "organisation"}],
    ...     [{"from": "Juma Namangani", "relation": "leads", "to": "IMU"}])
    >>> b = linkchart.from_records([{"id": "Djuma Namangany", "type": "person"},
    ...     {"id": "Yoldash, T.", "type": "person"}, {"id": "IMU", "type": "organisation"}],
    ...     [{"from": "Djuma Namangany", "relation": "leads", "to": "IMU"}])
    >>> found = candidates(a, b)
    >>> [(c.a.id, c.b.id, round(c.score, 3)) for c in found]
    [('Juma Namangani', 'Djuma Namangany', 0.962), ('Tahir Yoldash', 'Yoldash, T.', 0.85)]
    >>> [r.kind for r in found[0].reasons], found[0].name.rule
    (['name', 'neighbours', 'types'], 'transliteration')
    """
    if not charts:
        raise LinkchartError("candidates needs one chart, or two or more")
    for c in charts:
        if not isinstance(c, LinkChart):
            raise LinkchartError(f"candidates compares charts, not {type(c).__name__}")
    if top is not None:
        top = check_count("top", top, 1)
    if isinstance(min_score, bool) or not isinstance(min_score, int | float) or not 0 <= min_score <= 1:
        raise LinkchartError(f"min_score must be a number from 0 to 1, not {min_score!r}")
    if types not in TYPE_READINGS:
        raise UnknownNameError("type reading", types, TYPE_READINGS)
    settled = decisions if isinstance(decisions, Decisions) else Decisions(decisions or ())
    if settled.contradictions:
        d, (x, y) = settled.contradictions[0]
        raise LinkchartError(
            f"the decisions contradict each other: {x!r} and {y!r} are judged one entity and not "
            f"(not_same_as {list(d.nodes)}); delete one of them"
        )
    nodes = _nodes(charts)
    sizes = [c.number_of_nodes for c in charts]
    if len(charts) > 1:
        possible = sum(sizes[i] * sizes[j] for i in range(len(sizes)) for j in range(i + 1, len(sizes)))
        in_charts: dict[str, set[int]] = {}
        for node in nodes:
            in_charts.setdefault(node.id, set()).add(node.chart)
        same_id = sum(1 for node in nodes if len(in_charts[node.id]) > 1)
    else:
        possible, same_id = sizes[0] * (sizes[0] - 1) // 2, 0
    examined, worth = _compared(nodes, across=len(charts) > 1, needed=max(NAME_FLOOR, 2 * min_score - 1))
    scorer = _Scorer(charts, nodes)
    found: list[Candidate] = []
    decided = 0
    for a, b in worth:
        candidate = scorer.candidate(a, b, min_score=min_score, types=types)
        if candidate is None:
            continue
        if settled.settles(candidate.a.id, candidate.b.id) is not None:
            decided += 1
        else:
            found.append(candidate)
    found.sort(key=lambda c: (-c.score, c.a.chart, c.a.id, c.b.chart, c.b.id))
    return Candidates(
        found[:top] if top is not None else found,
        charts=_chart_names(charts),
        examined=examined,
        possible=possible,
        scored=len(worth),
        decided=decided,
        same_id=same_id,
        parameters={"top": top, "min_score": min_score, "types": types, "decisions": len(settled)},
    )


def _compared(nodes: Sequence[_Node], *, across: bool, needed: float) -> tuple[int, list[tuple[int, int]]]:
    """How many node pairs blocking lets through, and which of them may be ``needed`` alike
    (:func:`_quick`), as ``(a, b)`` with ``a < b``. Across charts, never two nodes of one
    chart, nor two with one id."""
    forms = [f for node in nodes for _, f in node.forms]
    owner = np.fromiter((g for g, node in enumerate(nodes) for _ in node.forms), np.int64, len(forms))
    fa, fb = _blocked_pairs(forms, owner)
    ga, gb = owner[fa], owner[fb]
    if across:
        chart = np.fromiter((node.chart for node in nodes), np.int64, len(nodes))
        ids = np.array([node.id for node in nodes], dtype=object)
        keep = (chart[ga] != chart[gb]) & (ids[ga] != ids[gb])
        fa, fb, ga, gb = fa[keep], fb[keep], ga[keep], gb[keep]
    pairs = ga * len(nodes) + gb
    worth = np.unique(pairs[_quick(forms, fa, fb, needed)])
    return len(np.unique(pairs)), [divmod(int(p), len(nodes)) for p in worth.tolist()]


class _Scorer:
    """Scores node pairs of the charts in full, with their reasons."""

    def __init__(self, charts: Sequence[LinkChart], nodes: Sequence[_Node]) -> None:
        self.charts = charts
        self.nodes = nodes
        offsets = np.concatenate([[0], np.cumsum([c.number_of_nodes for c in charts])]).astype(np.int64)
        self.neighbours = _Neighbours(charts, nodes, offsets.tolist())
        self._ties: dict[tuple[int, int], list[int]] | None = None

    def names(self, na: _Node, nb: _Node) -> tuple[NameMatch, str, str]:
        """The best name match of two nodes and the two names (as written) that gave it."""
        theirs = set(nb.names)
        for name in na.names:
            if name in theirs:
                return NameMatch(1.0, "identical"), name, name
        match, fa, fb = best_pair([f for _, f in na.forms], [f for _, f in nb.forms])
        ka = na.forms[fa][0] if na.forms else 0
        kb = nb.forms[fb][0] if nb.forms else 0
        return match, na.names[ka], nb.names[kb]

    def tie(self, na: _Node, nb: _Node) -> TieReason | None:
        """The edges that already tie two nodes of one chart, or ``None``."""
        if na.chart != nb.chart:
            return None
        chart = self.charts[na.chart]
        if self._ties is None:
            self._ties = {}
            for k, (s, d) in enumerate(zip(chart.edges.src.tolist(), chart.edges.dst.tolist(), strict=True)):
                self._ties.setdefault((min(s, d), max(s, d)), []).append(k)
        rows = self._ties.get((min(na.row, nb.row), max(na.row, nb.row)))
        if not rows:
            return None
        relation = chart.vocabulary.relation_names
        return TieReason(
            tuple(chart.edges.id_of(k) for k in rows),
            tuple(relation[int(chart.edges.relation[k])] for k in rows),
        )

    def candidate(self, a: int, b: int, *, min_score: float, types: TypeReading) -> Candidate | None:
        """The pair ``(a, b)`` as a candidate, or ``None`` if its score stays below ``min_score``
        or ``types`` leaves it out."""
        na, nb = self.nodes[a], self.nodes[b]
        verdict = _type_verdict(na, nb)
        if (types == "same" and verdict != "same") or (types == "compatible" and verdict == "incompatible"):
            return None
        factor = TYPE_FACTORS[verdict]
        match, a_name, b_name = self.names(na, nb)
        alike = match.similarity
        if alike < NAME_FLOOR or factor * (1 + alike) / 2 < min_score - 1e-12:
            return None  # even every neighbour shared could not lift it
        shared, support = self.neighbours.shared(a, b)
        raw = alike + (1 - alike) * NEIGHBOUR_SHARE * support
        if factor * raw < min_score - 1e-12:
            return None
        reasons: list[Reason] = [NameReason(a_name, b_name, alike, match.rule, alike)]
        if shared:
            ids = tuple((self.nodes[x].id, self.nodes[y].id) for x, y in shared)
            reasons.append(NeighbourReason(ids, support, raw - alike))
        reasons.append(TypeReason(na.type, nb.type, verdict, (factor - 1) * raw))
        tie = self.tie(na, nb)
        if tie is not None:
            reasons.append(tie)
        return Candidate(NodeRef(na.chart, na.id), NodeRef(nb.chart, nb.id), factor * raw, tuple(reasons))
