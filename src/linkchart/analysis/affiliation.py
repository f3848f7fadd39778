"""Affiliation networks: node classes, and one-mode projections that keep the evidence.

Much of what is known about a covert network is *affiliation*, not contact: who attended
which meeting, trained at which camp, belonged to which organisation. A node type may
declare its class in the terms of ORA's meta-network (``class: agent | organisation |
location | event | resource | knowledge | task``, :data:`~linkchart.vocabulary.CLASSES`);
:func:`classes` says which classes a chart holds and which relations join them.

:func:`one_mode` turns affiliations into ties between the affiliated: person x person
through the meetings they shared, organisation x organisation through shared members. A
projected chart has **one edge per pair and shared affiliation** — parallel edges, as
everywhere in linkchart — so that each keeps what it rests on:

- ``via`` (an edge attribute): the node the two share (the meeting);
- ``via_edges`` (an edge attribute): the ids of the original affiliation ties of both
  ends, and :func:`shared_affiliations` gives them back as :class:`~linkchart.model.Edge`
  values, with their evidence, confidence and time;
- ``evidence``: the quotes of those ties, each with who it ties to what;
- ``time``: when the two shared it — the overlap of the two affiliations' times and of
  the shared node's own time (a co-attendance is dated by the meeting); two members of
  one organisation at different times are not tied through it;
- ``probability``: the probability that both affiliations hold (below);
- ``weight``: the pair's share of the chosen weighting, so that the **sum over the pair's
  parallel edges is the weighting** (``shared``: 1 each; ``newman``: :math:`1/(k_v-1)`;
  ``jaccard``: :math:`1/|N(u) \\cup N(w)|`). A strength measure (weight ``"weight"``)
  reads that sum; a distance measure with its default ``weight=None`` reads one tie.

**Probability.** Each affiliation tie is taken to hold with its confidence probability,
independently (the model of :func:`~linkchart.analysis.uncertainty.rank_uncertainty`).
Several reports of one affiliation (two quotes that ``u`` attended ``v``) make the
affiliation hold with :math:`1 - \\prod (1 - p_e)`; a shared affiliation holds when both
ends' do, :math:`p_{uv} \\, p_{wv}` (the edge's ``probability``; its ``confidence`` is the
highest level of the scale at or below it, so two ``reported`` attendances, 0.75 each,
make an ``alleged`` co-attendance, 0.5625); and the pair is tied at all with
:math:`1 - \\prod_v (1 - p_{uv} p_{wv})` (:attr:`ProjectedTie.probability`), exact under
the model since distinct shared nodes rest on distinct ties. Two pairs that share an
affiliation are *not* independent (both rest on ``u``'s attendance): so
:func:`~linkchart.analysis.uncertainty.rank_uncertainty` on a projection draws the
affiliation ties and projects each draw, through the projection's ``derived_from``.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Literal, get_args

import numpy as np
import numpy.typing as npt

from ..errors import LinkchartError, UnknownNameError
from ..model import Edge, EdgeTable, LinkChart
from ..times import NO_TIME, Span, bounds
from ..vocabulary import CLASSES, Relation, Vocabulary
from .reading import Layers, SignReading, read_relations

if TYPE_CHECKING:
    from ._common import Relations

__all__ = [
    "ONE_MODE_WEIGHTINGS",
    "AffiliationView",
    "Affiliations",
    "ClassTie",
    "Classes",
    "OneModeWeighting",
    "ProjectedTie",
    "SharedAffiliation",
    "affiliations",
    "classes",
    "one_mode",
    "projected_ties",
    "shared_affiliations",
]

OneModeWeighting = Literal["shared", "jaccard", "newman"]
"""How a one-mode projection weighs a tie: ``"shared"`` (the number of shared
affiliations), ``"jaccard"`` (shared over the union of the two's affiliations) or
``"newman"`` (Newman's collaboration weight, :math:`\\sum_v 1/(k_v - 1)`)."""

ONE_MODE_WEIGHTINGS: tuple[str, ...] = get_args(OneModeWeighting)
"""Every :data:`OneModeWeighting`."""

IntArray = npt.NDArray[np.int64]
Int32Array = npt.NDArray[np.int32]
FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]


# ---------------------------------------------------------------------------- classes
@dataclass(frozen=True, slots=True)
class ClassTie:
    """A relation as it joins two classes in a chart: an affiliation.

    Attributes
    ----------
    relation
        The relation's name.
    node_types
        The node types at its two ends (``from``, ``to``; sorted for an undirected relation).
    classes
        Their classes.
    edges
        How many edges of the chart join them so.
    """

    relation: str
    node_types: tuple[str, str]
    classes: tuple[str, str]
    edges: int


@dataclass(frozen=True, slots=True)
class Classes:
    """What classes of the meta-network a chart holds (:func:`classes`).

    Attributes
    ----------
    of_type
        Every node type of the vocabulary -> its class (``None`` when it declares none).
    nodes
        Class -> how many nodes of the chart are of it, for the classes with nodes, in
        the order of :data:`~linkchart.vocabulary.CLASSES`.
    unclassed
        How many nodes are of a type without a class.
    affiliations
        Every relation, by pair of node types, whose edges join nodes of two different
        classes, with the number of such edges, most edges first.
    """

    of_type: Mapping[str, str | None]
    nodes: Mapping[str, int]
    unclassed: int
    affiliations: tuple[ClassTie, ...]

    @property
    def multimode(self) -> bool:
        """Whether nodes of two classes or more are present (a meta-network)."""
        return len(self.nodes) >= 2

    def types(self, node_class: str) -> tuple[str, ...]:
        """The node types of ``node_class``, in vocabulary order.

        Raises
        ------
        UnknownNameError
            For a name that is not a class.
        """
        if node_class not in CLASSES:
            raise UnknownNameError("class", node_class, CLASSES)
        return tuple(t for t, c in self.of_type.items() if c == node_class)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready values."""
        return {
            "of_type": dict(self.of_type),
            "nodes": dict(self.nodes),
            "unclassed": self.unclassed,
            "affiliations": [dataclasses.asdict(a) for a in self.affiliations],
        }

    def text(self) -> str:
        """A few lines: the classes with their types and counts, then the affiliations."""
        lines = []
        for c, count in self.nodes.items():
            lines.append(f"{c}: {count} nodes ({', '.join(self.types(c))})")
        if self.unclassed:
            lines.append(f"no class: {self.unclassed} nodes")
        for a in self.affiliations:
            lines.append(
                f"affiliation {a.relation}: {a.node_types[0]} ({a.classes[0]}) - "
                f"{a.node_types[1]} ({a.classes[1]}), {a.edges} edges"
            )
        return "\n".join(lines) + "\n"


def classes(chart: LinkChart) -> Classes:
    """The classes of the meta-network a chart holds, and the affiliations between them.

    A node type declares its class with ``class:`` in the file (``node_types: {person:
    {class: agent}, meeting: {class: event}}``); a relation whose edges join nodes of two
    different classes is an affiliation.

    Examples
    --------
    >>> import linkchart
    >>> from linkchart import NodeType, Relation, Vocabulary
    >>> v = Vocabulary(node_types=(NodeType("person", node_class="agent"),
    ...     NodeType("meeting", node_class="event")), relations=(Relation("attended"),))
    >>> c = linkchart.from_records([{"id": "a", "type": "person"}, {"id": "m", "type": "meeting"}],
    ...     [{"from": "a", "relation": "attended", "to": "m"}], vocabulary=v)
    >>> k = classes(c)
    >>> dict(k.nodes), k.multimode, k.affiliations[0].classes
    ({'agent': 1, 'event': 1}, True, ('agent', 'event'))
    """
    vocab = chart.vocabulary
    type_class = [t.node_class for t in vocab.node_types]
    counts = np.bincount(chart.nodes.type, minlength=len(vocab.node_types))
    per_class: dict[str, int] = {}
    unclassed = 0
    for code, count in enumerate(counts.tolist()):
        c = type_class[code]
        if not count:
            continue
        if c is None:
            unclassed += count
        else:
            per_class[c] = per_class.get(c, 0) + count
    nodes = {c: per_class[c] for c in CLASSES if c in per_class}
    e = chart.edges
    ties: list[ClassTie] = []
    if len(e) and nodes:
        t_src = chart.nodes.type[e.src].astype(np.int64)
        t_dst = chart.nodes.type[e.dst].astype(np.int64)
        k = len(vocab.node_types)
        undirected = np.array([not r.directed for r in vocab.relations] or [False], dtype=bool)[e.relation]
        a = np.where(undirected, np.minimum(t_src, t_dst), t_src)
        b = np.where(undirected, np.maximum(t_src, t_dst), t_dst)
        key = (e.relation.astype(np.int64) * k + a) * k + b
        uniq, count = np.unique(key, return_counts=True)
        for value, n in zip(uniq.tolist(), count.tolist(), strict=True):
            rel, rest = divmod(value, k * k)
            ta, tb = divmod(rest, k)
            ca, cb = type_class[ta], type_class[tb]
            if ca is not None and cb is not None and ca != cb:
                names = (vocab.node_types[ta].name, vocab.node_types[tb].name)
                ties.append(ClassTie(vocab.relations[rel].name, names, (ca, cb), n))
    ties.sort(key=lambda t: (-t.edges, t.relation, t.node_types))
    return Classes(
        MappingProxyType({t.name: t.node_class for t in vocab.node_types}),
        MappingProxyType(nodes),
        unclassed,
        tuple(ties),
    )


def side_codes(chart: LinkChart, names: Iterable[str] | str, what: str) -> tuple[int, ...]:
    """The node-type codes that ``names`` stand for: each a node type, or a class (every node
    type of that class), in vocabulary order.

    Raises
    ------
    UnknownNameError
        For a name that is neither a node type nor a class of the chart.
    LinkchartError
        For no name at all, or one that is not text.
    """
    vocab = chart.vocabulary
    type_names = vocab.node_type_names
    if isinstance(names, str):
        names = [names]
    codes: set[int] = set()
    for name in names:
        if not isinstance(name, str):
            raise LinkchartError(f"{what}: a node type is named with text, not {name!r}", code="bad-argument")
        if name in type_names:
            codes.add(type_names.index(name))
            continue
        of_class = [i for i, t in enumerate(vocab.node_types) if t.node_class == name]
        if not of_class:
            known = [*type_names, *dict.fromkeys(t.node_class for t in vocab.node_types if t.node_class)]
            raise UnknownNameError(f"node type or class ({what})", name, known)
        codes.update(of_class)
    if not codes:
        raise LinkchartError(f"{what}: name at least one node type", code="bad-argument")
    return tuple(sorted(codes))


# ---------------------------------------------------------------------------- memberships
@dataclass(frozen=True, slots=True, eq=False)
class _Memberships:
    """Who is affiliated with what: one row per (member, via) pair of the parent chart, with
    the affiliation ties it rests on (``rows[start[i]:start[i + 1]]``, parent edge rows)."""

    member: IntArray
    via: IntArray
    probability: FloatArray
    first: IntArray  # the membership's days, open ends at the extremes of int64
    last: IntArray
    precision: IntArray
    start: IntArray
    rows: IntArray


def _ends(precision: npt.NDArray[Any]) -> tuple[IntArray, IntArray]:
    """The start and end precision codes of a column of precision bytes (:func:`~linkchart.times.unpack`)."""
    p = precision.astype(np.int64)
    return p // 4, p % 4


def _group(sorted_key: IntArray) -> tuple[IntArray, IntArray]:
    """The first position of each run of equal values in a sorted array, and the run ends."""
    if not len(sorted_key):
        return np.zeros(0, dtype=np.int64), np.zeros(1, dtype=np.int64)
    head = np.flatnonzero(np.concatenate([[True], sorted_key[1:] != sorted_key[:-1]]))
    return head.astype(np.int64), np.append(head, len(sorted_key)).astype(np.int64)


def _memberships(chart: LinkChart, rows: IntArray, member: IntArray, via: IntArray) -> _Memberships:
    """Group affiliation ties (parent ``rows`` with their ``member`` and ``via`` ends) into
    memberships: probability ``1 - prod(1 - p)``; time the hull of the ties' times when
    every one is dated, else undated (a tie the sources do not date holds throughout)."""
    e = chart.edges
    n = max(chart.number_of_nodes, 1)
    key = member * n + via
    order = np.argsort(key, kind="stable")
    rows, member, via, key = rows[order], member[order], via[order], key[order]
    head, ends = _group(key)
    p = e.probability[rows]
    with np.errstate(divide="ignore"):
        log_miss = np.log1p(-np.minimum(p, 1.0))
    if len(rows):
        probability = 1.0 - np.exp(np.add.reduceat(log_miss, head))
        first, last = bounds(e.time_from[rows], e.time_to[rows])
        undated = (e.time_from[rows] == NO_TIME) & (e.time_to[rows] == NO_TIME)
        any_undated = np.logical_or.reduceat(undated, head)
        g_first = np.minimum.reduceat(first, head)
        g_last = np.maximum.reduceat(last, head)
        p0, p1 = _ends(e.time_precision[rows])
        counts = np.diff(ends)
        prec0 = np.maximum.reduceat(np.where(first == np.repeat(g_first, counts), p0, 0), head)
        prec1 = np.maximum.reduceat(np.where(last == np.repeat(g_last, counts), p1, 0), head)
        big = np.iinfo(np.int64)
        g_first = np.where(any_undated, big.min, g_first)
        g_last = np.where(any_undated, big.max, g_last)
        precision = np.where(any_undated, 0, prec0 * 4 + prec1)  # times.pack
    else:
        probability = np.zeros(0)
        g_first = g_last = precision = np.zeros(0, dtype=np.int64)
    return _Memberships(
        member[head],
        via[head],
        probability,
        g_first.astype(np.int64),
        g_last.astype(np.int64),
        np.asarray(precision, dtype=np.int64),
        ends,
        rows,
    )


@dataclass(frozen=True, slots=True, eq=False)
class _Pairs:
    """The projected edges: memberships ``a`` (of the lower node) and ``b`` sharing a via."""

    a: IntArray
    b: IntArray
    weight: FloatArray
    first: IntArray
    last: IntArray
    precision: IntArray


def _pairs(
    chart: LinkChart, m: _Memberships, weighting: str, min_weight: float | None, concurrent: bool
) -> _Pairs:
    """Every pair of memberships of one via (lower member first), weighed and filtered."""
    n = max(chart.number_of_nodes, 1)
    vorder = np.argsort(m.via, kind="stable")  # within a via, members stay in index order
    head, ends = _group(m.via[vorder])
    parts_a: list[IntArray] = []
    parts_b: list[IntArray] = []
    triangles: dict[int, tuple[IntArray, IntArray]] = {}  # the pairs of k members, made once per k
    for s, t in zip(head.tolist(), ends[1:].tolist(), strict=True):
        k = t - s
        if k < 2:
            continue
        if k not in triangles:
            triangles[k] = np.triu_indices(k, 1)
        iu, ju = triangles[k]
        parts_a.append(vorder[s + iu])
        parts_b.append(vorder[s + ju])
    a = np.concatenate(parts_a).astype(np.int64) if parts_a else np.zeros(0, dtype=np.int64)
    b = np.concatenate(parts_b).astype(np.int64) if parts_b else np.zeros(0, dtype=np.int64)
    # when they shared it: the two memberships and the via's own time
    nodes = chart.nodes
    v = m.via[a]
    v_first, v_last = bounds(nodes.time_from[v], nodes.time_to[v])
    vp0, vp1 = _ends(nodes.time_precision[v])
    ap0, ap1 = _ends(m.precision[a])
    bp0, bp1 = _ends(m.precision[b])
    starts = np.stack([m.first[a], m.first[b], v_first])
    stops = np.stack([m.last[a], m.last[b], v_last])
    first = starts.max(axis=0)
    last = stops.min(axis=0)
    # each end as finely as the times that set it were written
    p0 = np.where(starts == first, np.stack([ap0, bp0, vp0]), 0).max(axis=0)
    p1 = np.where(stops == last, np.stack([ap1, bp1, vp1]), 0).max(axis=0)
    precision = p0 * 4 + p1
    if concurrent:
        keep = first <= last
        a, b, first, last, precision = a[keep], b[keep], first[keep], last[keep], precision[keep]
    # the weighting, as each shared via's share of the pair's weight
    pair = m.member[a] * n + m.member[b]
    _, inverse, shared = np.unique(pair, return_inverse=True, return_counts=True)
    inverse = inverse.reshape(-1)
    weight: FloatArray
    if weighting == "shared":
        weight = np.ones(len(a))
    elif weighting == "newman":
        k_v = np.bincount(m.via, minlength=n)
        weight = 1.0 / (k_v[m.via[a]].astype(np.float64) - 1.0)
    else:  # jaccard: shared / |N(u) | N(w)|, one shared via at a time
        degree = np.bincount(m.member, minlength=n)
        weight = 1.0 / (degree[m.member[a]] + degree[m.member[b]] - shared[inverse]).astype(np.float64)
    if min_weight is not None and len(a):
        total = np.bincount(inverse, weights=weight)
        keep = total[inverse] >= min_weight - 1e-12
        a, b, weight = a[keep], b[keep], weight[keep]
        first, last, precision = first[keep], last[keep], precision[keep]
    order = np.lexsort((m.via[a], m.member[b], m.member[a]))
    return _Pairs(
        a[order],
        b[order],
        np.asarray(weight, dtype=np.float64)[order],
        first[order],
        last[order],
        np.asarray(precision, dtype=np.int64)[order],
    )


def _time_columns(first: IntArray, last: IntArray) -> tuple[Int32Array, Int32Array]:
    big = np.iinfo(np.int64)
    t0 = np.where(first == big.min, NO_TIME, first).astype(np.int32)
    t1 = np.where(last == big.max, NO_TIME, last).astype(np.int32)
    return t0, t1


# ---------------------------------------------------------------------------- the origin
@dataclass(frozen=True, slots=True, eq=False)
class _OneModeOrigin:
    """What a one-mode projection was made from (its ``derived_from``): the affiliation chart,
    the affiliation ties read, and the arguments. :meth:`draw` projects one random draw of
    the ties, for :func:`~linkchart.analysis.uncertainty.rank_uncertainty`."""

    chart: LinkChart
    rows: IntArray  # the affiliation ties (parent edge rows)
    member: IntArray
    via: IntArray
    weighting: str
    min_weight: float | None
    concurrent: bool

    @property
    def probability(self) -> FloatArray:
        """The confidence probability of each affiliation tie (what a draw keeps it with)."""
        out: FloatArray = np.asarray(self.chart.edges.probability[self.rows], dtype=np.float64)
        return out

    def _keys(self, chart: LinkChart) -> tuple[IntArray, IntArray]:
        """Per edge of ``chart`` (the projection or a view of it): its pair's rank among the
        chart's sorted pairs, and the pair keys sorted (in the affiliation chart's indices)."""

        def make() -> tuple[IntArray, IntArray]:
            parent = self.chart
            n = max(parent.number_of_nodes, 1)
            index = {nid: i for i, nid in enumerate(parent.node_ids)}
            ids = chart.nodes.ids
            to_parent = np.array([index[x] for x in ids.tolist()], dtype=np.int64)
            e = chart.edges
            u, w = to_parent[e.src], to_parent[e.dst]
            lo, hi = np.minimum(u, w), np.maximum(u, w)
            via_col = e.attributes.get("via")
            if via_col is None:
                raise LinkchartError("this chart's edges carry no 'via': it is not a one-mode projection")
            v = np.array([index[x] for x in via_col.tolist()], dtype=np.int64)
            pair = lo * n + hi
            pairs = np.unique(pair)
            return np.searchsorted(pairs, pair) * n + v, pairs

        keys: tuple[IntArray, IntArray] = chart.memoized("one_mode_keys", make)
        return keys

    def draw(self, chart: LinkChart, keep: BoolArray) -> LinkChart:
        """``chart`` (the projection, or a view of it) as the projection of the affiliation
        ties where ``keep`` is true: its edges that the draw projects too, reweighed."""
        parent = self.chart
        n = max(parent.number_of_nodes, 1)
        m = _memberships(parent, self.rows[keep], self.member[keep], self.via[keep])
        p = _pairs(parent, m, self.weighting, self.min_weight, self.concurrent)
        edge_key, pairs = self._keys(chart)
        drawn = m.member[p.a] * n + m.member[p.b]
        pos = np.searchsorted(pairs, drawn)
        found = pos < len(pairs)
        found[found] = pairs[pos[found]] == drawn[found]
        key = pos[found] * n + m.via[p.a][found]
        order = np.argsort(key)
        key, weight = key[order], p.weight[found][order]
        at = np.searchsorted(key, edge_key)
        present = at < len(key)
        present[present] = key[at[present]] == edge_key[present]
        rows = np.flatnonzero(present)
        new_weight = weight[at[rows]]
        new_weight.flags.writeable = False
        edges = dataclasses.replace(chart.edges.take(rows), weight=new_weight)
        return LinkChart(
            vocabulary=chart.vocabulary,
            nodes=chart.nodes,
            edges=edges,
            title=chart.title,
            sources=chart.sources,
            periods=chart.periods,
        )


# ---------------------------------------------------------------------------- one_mode
def _number(name: str, value: object) -> float | None:
    if value is None:
        return None
    if (
        isinstance(value, bool)
        or not isinstance(value, int | float)
        or not math.isfinite(value)
        or value <= 0
    ):
        raise LinkchartError(f"{name} must be a positive number or None, not {value!r}", code="bad-argument")
    return float(value)


def _snippets(chart: LinkChart, rows: IntArray) -> list[str]:
    """Per affiliation tie: ``'<from> <relation> <to>: "<quote>"'``, or ``""`` without a quote."""
    e = chart.edges
    labels = chart.nodes.labels
    names = chart.vocabulary.relation_names
    out = []
    for k in rows.tolist():
        quote = e.evidence[k]
        if quote:
            out.append(f'{labels[e.src[k]]} {names[e.relation[k]]} {labels[e.dst[k]]}: "{quote}"')
        else:
            out.append("")
    return out


def one_mode(
    chart: LinkChart,
    onto: Iterable[str] | str,
    via: Iterable[str] | str,
    *,
    weighting: OneModeWeighting = "shared",
    min_weight: float | None = None,
    relations: Relations = None,
    layers: Layers = "all",
    signs: SignReading | None = None,
    concurrent: bool = True,
    relation: str | None = None,
) -> LinkChart:
    r"""The one-mode projection of an affiliation network: ``onto`` nodes tied through the
    ``via`` nodes they share, every tie keeping the affiliations it rests on.

    .. math::

       w_{uw} = \sum_{v \in N(u) \cap N(w)} c_v, \qquad
       c_v = 1 \;(\text{shared}), \quad \frac{1}{k_v - 1} \;(\text{newman}), \quad
       \frac{1}{|N(u) \cup N(w)|} \;(\text{jaccard})

    where :math:`N(u)` is the set of ``via`` nodes ``u`` is affiliated with and
    :math:`k_v` the number of ``onto`` nodes affiliated with ``v``.

    Parameters
    ----------
    chart
        The affiliation chart; it is not changed.
    onto
        The node types (or classes: every node type of the class) of the nodes kept, as
        ``"person"`` or ``["person", "organisation"]``. Every node of them is in the
        projection, one without a shared affiliation as an isolate.
    via
        The node types (or classes) of what they share (``"event"``, ``"meeting"``).
    weighting
        ``"shared"`` (default): the number of shared affiliations; ``"jaccard"``: that
        number over the number of the two's affiliations together; ``"newman"``:
        Newman's collaboration weight, each shared node counting :math:`1/(k_v - 1)`, so
        that a meeting of two weighs more than a rally of a hundred.
    min_weight
        Keep only pairs whose weight (the sum over their shared affiliations) is at least
        this (``None``, default: every pair that shares one).
    relations, layers, signs
        Which ties are affiliations: every positive tie between an ``onto`` and a ``via``
        node, of any layer, by default (affiliation ties usually sit in a layer of their
        own that the measures' default reading leaves out); see
        :mod:`~linkchart.analysis.reading`. Their direction does not matter.
    concurrent
        ``True`` (default): a pair shares an affiliation only if the times of the two
        affiliations and of the shared node overlap (undated ones hold throughout);
        ``False``: whenever both are affiliated with it.
    relation
        The projected relation's name (default ``shared_<via>``).

    Returns
    -------
    LinkChart
        The ``onto`` nodes (with their attributes and lifespans) and one undirected edge
        per pair and shared affiliation: attributes ``via`` and ``via_edges``, evidence,
        time, probability and weight as in the module notes. Its ``derived_from``
        remembers the affiliation chart, for :func:`shared_affiliations` and
        :func:`~linkchart.analysis.uncertainty.rank_uncertainty`.

    Raises
    ------
    UnknownNameError
        For a node type, class, relation, layer or weighting the chart lacks.
    LinkchartError
        For ``onto`` and ``via`` that overlap, or a ``min_weight`` that is not a positive
        number.

    Notes
    -----
    Only ties between an ``onto`` and a ``via`` node are read: ``onto``--``onto`` ties
    (direct contact) are not affiliations and stay out. Several ties between one member
    and one ``via`` node (two reports of one attendance) are one affiliation: its
    probability is :math:`1 - \prod(1 - p_e)`, its time their hull when all are dated.
    :math:`k_v` and :math:`N(u)` count affiliations, concurrent or not. The cost is that
    of the output: :math:`\sum_v k_v^2/2` projected edges, built with numpy; the
    evidence text is assembled once per affiliation.

    The weights agree with networkx's ``bipartite.weighted_projected_graph``,
    ``collaboration_weighted_projected_graph`` and ``overlap_weighted_projected_graph``
    (``jaccard=True``), which keep no evidence.

    References
    ----------
    .. [1] Newman, M. E. J. (2001). Scientific collaboration networks. II. Shortest paths,
       weighted networks, and centrality. *Physical Review E* 64, 016132.
       https://doi.org/10.1103/PhysRevE.64.016132
    .. [2] Borgatti, S. P., & Everett, M. G. (1997). Network analysis of 2-mode data.
       *Social Networks* 19(3), 243-269. https://doi.org/10.1016/S0378-8733(96)00301-2
    .. [3] Carley, K. M. (2002). Smart agents and organizations of the future. In
       Lievrouw & Livingstone (eds), *The Handbook of New Media*, 206-220. (ORA's
       meta-network of agents, organisations, locations, events, resources, knowledge
       and tasks.)

    Examples
    --------
    Two people at one meeting, one of them at another with a third:

    >>> import linkchart
    >>> c = linkchart.from_records(
    ...     [{"id": x, "type": "person"} for x in "abc"] + [{"id": m, "type": "event"} for m in ("m1", "m2")],
    ...     [{"from": "a", "relation": "attended", "to": "m1", "evidence": "A was at m1."},
    ...      {"from": "b", "relation": "attended", "to": "m1", "confidence": "reported"},
    ...      {"from": "b", "relation": "attended", "to": "m2"},
    ...      {"from": "c", "relation": "attended", "to": "m2", "time": "2004-09"}])
    >>> p = one_mode(c, "person", "event")
    >>> [(e.from_id, e.to_id, e.attributes["via"], e.time.text if e.time else None) for e in p.iter_edges()]
    [('a', 'b', 'm1', None), ('b', 'c', 'm2', '2004-09')]
    >>> e = p.edge("e0")
    >>> e.evidence, round(e.probability, 4), e.confidence, list(e.attributes["via_edges"])
    ('a attended m1: "A was at m1."', 0.7125, 'alleged', ['e0', 'e1'])
    """
    if weighting not in ONE_MODE_WEIGHTINGS:
        raise UnknownNameError("weighting", str(weighting), ONE_MODE_WEIGHTINGS)
    if not isinstance(concurrent, bool):
        raise LinkchartError(f"concurrent must be True or False, not {concurrent!r}", code="bad-argument")
    threshold = _number("min_weight", min_weight)
    onto_codes = side_codes(chart, onto, "onto")
    via_codes = side_codes(chart, via, "via")
    both = set(onto_codes) & set(via_codes)
    vocab = chart.vocabulary
    if both:
        names = ", ".join(vocab.node_types[c].name for c in sorted(both))
        raise LinkchartError(
            f"onto and via share the node types {names}; they must differ", code="bad-argument"
        )
    rels = read_relations(chart, relations, layers, signs)
    e = chart.edges
    n_types = len(vocab.node_types)
    is_onto = np.zeros(n_types, dtype=bool)
    is_onto[list(onto_codes)] = True
    is_via = np.zeros(n_types, dtype=bool)
    is_via[list(via_codes)] = True
    t_src, t_dst = chart.nodes.type[e.src], chart.nodes.type[e.dst]
    forward = is_onto[t_src] & is_via[t_dst]
    backward = is_via[t_src] & is_onto[t_dst]
    mask = forward | backward
    if rels is not None:
        mask &= np.isin(e.relation, [vocab.relation_names.index(r) for r in rels])
    rows = np.flatnonzero(mask).astype(np.int64)
    member = np.where(forward[rows], e.src[rows], e.dst[rows]).astype(np.int64)
    via_node = np.where(forward[rows], e.dst[rows], e.src[rows]).astype(np.int64)
    m = _memberships(chart, rows, member, via_node)
    p = _pairs(chart, m, weighting, threshold, concurrent)

    # the projection's nodes: every onto node, in the chart's order
    node_rows = np.flatnonzero(is_onto[chart.nodes.type])
    node_map = np.full(chart.number_of_nodes, -1, dtype=np.int64)
    node_map[node_rows] = np.arange(len(node_rows))
    nodes = chart.nodes.take(node_rows)

    snippet = _snippets(chart, m.rows)
    member_text = [
        " | ".join(s for s in snippet[a:b] if s) for a, b in zip(m.start[:-1], m.start[1:], strict=True)
    ]
    edge_ids = chart.edges.ids
    member_ids = [
        [edge_ids[k] for k in m.rows[a:b].tolist()] for a, b in zip(m.start[:-1], m.start[1:], strict=True)
    ]
    sources = e.source[m.rows].astype(np.int64)
    if len(m.rows):
        lo = np.minimum.reduceat(sources, m.start[:-1])
        hi = np.maximum.reduceat(sources, m.start[:-1])
        member_source = np.where(lo == hi, lo, -1)
    else:
        member_source = np.zeros(0, dtype=np.int64)
    same = member_source[p.a] == member_source[p.b]
    source = np.where(same, member_source[p.a], -1)
    evidence = [
        " | ".join(t for t in (member_text[a], member_text[b]) if t)
        for a, b in zip(p.a.tolist(), p.b.tolist(), strict=True)
    ]
    via_ids = chart.nodes.ids[m.via[p.a]].tolist()
    via_edges = [
        tuple(member_ids[a] + member_ids[b]) for a, b in zip(p.a.tolist(), p.b.tolist(), strict=True)
    ]
    probability = m.probability[p.a] * m.probability[p.b]
    scale = vocab.confidence
    levels = np.asarray(scale.probabilities, dtype=np.float64)
    confidence = np.minimum((levels[None, :] > probability[:, None] + 1e-12).sum(axis=1), len(levels) - 1)
    t0, t1 = _time_columns(p.first, p.last)
    count = len(p.a)
    edges = EdgeTable.build(
        node_map[m.member[p.a]],
        node_map[m.member[p.b]],
        np.zeros(count, dtype=np.int16),
        confidence,
        probability,
        p.weight,
        t0,
        t1,
        source,
        evidence,
        attributes={"via": via_ids, "via_edges": via_edges},
        time_precision=p.precision,
    )
    via_names = [vocab.node_types[c].name for c in via_codes]
    onto_names = [vocab.node_types[c].name for c in onto_codes]
    name = relation if relation is not None else "shared_" + "_".join(via_names)
    if not isinstance(name, str) or not name:
        raise LinkchartError(f"relation must be a non-empty name, not {relation!r}", code="bad-argument")
    projected = Relation(
        name,
        directed=False,
        source_types=frozenset(onto_names),
        target_types=frozenset(onto_names),
        description=f"tied through a shared {' or '.join(via_names)} (an edge per shared one; {weighting})",
        layer="affiliation",
    )
    origin = _OneModeOrigin(chart, rows, member, via_node, weighting, threshold, concurrent)
    return LinkChart(
        vocabulary=Vocabulary(vocab.node_types, (projected,), scale, True, None),
        nodes=nodes,
        edges=edges,
        title=f"{chart.title}: {' and '.join(onto_names)} through shared {' or '.join(via_names)}".lstrip(
            ": "
        ),
        description=chart.description,
        sources=chart.sources,
        path=chart.path,
        periods=chart.periods,
        derived_from=origin,
    )


# ---------------------------------------------------------------------------- reading it back
@dataclass(frozen=True, slots=True)
class SharedAffiliation:
    """One affiliation that two nodes of a projection share, with the ties it rests on.

    Attributes
    ----------
    via
        The id of the shared node (the meeting).
    edge
        The id of the projected edge that stands for it.
    first, second
        The original affiliation ties of the pair's two nodes (as asked for) to ``via``,
        with their evidence, confidence, time and source.
    time
        When the two shared it (``None``: undated).
    probability
        The probability that both affiliations hold.
    """

    via: str
    edge: str
    first: tuple[Edge, ...]
    second: tuple[Edge, ...]
    time: Span | None
    probability: float


def _origin(chart: LinkChart) -> _OneModeOrigin:
    origin = chart.derived_from
    if not isinstance(origin, _OneModeOrigin):
        raise LinkchartError(
            "this chart is not a one-mode projection made by linkchart.one_mode (a projection read "
            "back from a file keeps the ids of its ties in the edges' 'via_edges', not the ties)",
            code="bad-argument",
        )
    return origin


def shared_affiliations(chart: LinkChart, a: str, b: str) -> list[SharedAffiliation]:
    """What ``a`` and ``b`` share in a one-mode projection, each with its original ties.

    ``a`` and ``b`` may be ids, labels or aliases.

    Raises
    ------
    LinkchartError
        When ``chart`` was not made by :func:`one_mode` (or is not a view of such a chart).

    Examples
    --------
    >>> import linkchart
    >>> c = linkchart.from_records(
    ...     [{"id": x, "type": "person"} for x in "ab"] + [{"id": "m", "type": "event"}],
    ...     [{"from": "a", "relation": "attended", "to": "m", "evidence": "A came."},
    ...      {"from": "b", "relation": "attended", "to": "m", "evidence": "So did B."}])
    >>> [s] = shared_affiliations(one_mode(c, "person", "event"), "b", "a")
    >>> s.via, s.first[0].evidence, s.second[0].evidence
    ('m', 'So did B.', 'A came.')
    """
    origin = _origin(chart)
    parent = origin.chart
    a, b = chart.resolve(a), chart.resolve(b)
    out = []
    for e in chart.edges_between(a, b):
        ties = [parent.edge(k) for k in e.attributes.get("via_edges", ())]
        out.append(
            SharedAffiliation(
                str(e.attributes["via"]),
                e.id,
                tuple(t for t in ties if a in (t.from_id, t.to_id)),
                tuple(t for t in ties if b in (t.from_id, t.to_id)),
                e.time,
                e.probability,
            )
        )
    return out


@dataclass(frozen=True, slots=True)
class ProjectedTie:
    """A pair of a one-mode projection, its parallel edges taken together.

    Attributes
    ----------
    a, b
        The two node ids (in the projection's order).
    weight
        The pair's weight: the sum over its edges (the weighting asked for).
    via
        The shared nodes, in the order of the edges.
    probability
        The probability that the pair shares at least one of them,
        :math:`1 - \\prod_v (1 - p_{av} p_{bv})`.
    """

    a: str
    b: str
    weight: float
    via: tuple[str, ...]
    probability: float


def projected_ties(chart: LinkChart, top: int | None = None) -> list[ProjectedTie]:
    """The pairs of a one-mode projection, heaviest first (ties broken by the two ids).

    Reads the edges' ``via`` attribute, so it works on a projection read back from a file.

    Examples
    --------
    >>> import linkchart
    >>> c = linkchart.from_records(
    ...     [{"id": x, "type": "person"} for x in "abc"] + [{"id": m, "type": "event"} for m in ("m1", "m2")],
    ...     [{"from": x, "relation": "attended", "to": m} for x, m in
    ...      (("a", "m1"), ("b", "m1"), ("a", "m2"), ("b", "m2"), ("c", "m2"))])
    >>> [(t.a, t.b, t.weight, t.via) for t in projected_ties(one_mode(c, "person", "event"))]
    [('a', 'b', 2.0, ('m1', 'm2')), ('a', 'c', 1.0, ('m2',)), ('b', 'c', 1.0, ('m2',))]
    """
    if top is not None and (isinstance(top, bool) or not isinstance(top, int) or top < 0):
        raise LinkchartError(f"top must be a non-negative integer or None, not {top!r}", code="bad-argument")
    e = chart.edges
    via = e.attributes.get("via")
    if via is None:
        raise LinkchartError("this chart's edges carry no 'via': it is not a one-mode projection")
    ids = chart.nodes.ids
    pairs: dict[tuple[int, int], list[int]] = {}
    for k, (s, t) in enumerate(zip(e.src.tolist(), e.dst.tolist(), strict=True)):
        pairs.setdefault((min(s, t), max(s, t)), []).append(k)
    out = []
    for (s, t), rows in pairs.items():
        miss = float(np.prod(1.0 - e.probability[rows]))
        out.append(
            ProjectedTie(
                str(ids[s]),
                str(ids[t]),
                float(e.weight[rows].sum()),
                tuple(str(via[k]) for k in rows),
                1.0 - miss,
            )
        )
    out.sort(key=lambda x: (-round(x.weight, 12), x.a, x.b))
    return out if top is None else out[:top]


# ---------------------------------------------------------------------------- the meta-network at a glance
@dataclass(frozen=True, slots=True)
class AffiliationView:
    """The agents of a chart through one class of what they share (:func:`affiliations`).

    Attributes
    ----------
    onto, via
        The node types projected and shared (``("person",)``, ``("meeting",)``).
    relations
        The relations read as affiliations between them.
    ties
        How many affiliation ties there are.
    pairs
        The pairs that share the most (:class:`ProjectedTie`, ``weight`` = how many they share).
    bridges
        The shared nodes with the highest two-mode betweenness (Borgatti & Everett's
        normalisation): the meetings that tie otherwise separate groups, ``(id, value)``.
    cut
        Of those, the ones whose removal splits the two-mode network (``(id, agents cut
        off)``): without that meeting, some members share nothing with the rest.
    """

    onto: tuple[str, ...]
    via: tuple[str, ...]
    relations: tuple[str, ...]
    ties: int
    pairs: tuple[ProjectedTie, ...]
    bridges: tuple[tuple[str, float], ...]
    cut: tuple[tuple[str, int], ...]

    def text(self, labels: Mapping[str, str] | None = None) -> str:
        """Two or three lines: who shares most, which shared nodes bridge."""
        name = (labels or {}).get
        head = f"{' and '.join(self.onto)} through {' or '.join(self.via)}"
        head += f" ({', '.join(self.relations)}, {self.ties} ties)"

        def shared(t: ProjectedTie) -> str:
            more = ", ..." if len(t.via) > 4 else ""
            return f"{name(t.a, t.a)} - {name(t.b, t.b)} ({t.weight:g}: {', '.join(t.via[:4])}{more})"

        pairs = "; ".join(shared(t) for t in self.pairs)
        lines = [head, f"  share most: {pairs or 'no two share one'}"]
        if self.bridges:
            lines.append(
                "  tie the groups (two-mode betweenness): "
                + ", ".join(f"{name(v, v)} {value:.2f}" for v, value in self.bridges)
            )
        if self.cut:
            lines.append(
                "  without it, some share nothing with the rest: "
                + ", ".join(f"{name(v, v)} ({k} cut off)" for v, k in self.cut)
            )
        return "\n".join(lines) + "\n"


@dataclass(frozen=True, slots=True)
class Affiliations:
    """A meta-network at a glance (:func:`affiliations`): its classes, and the agents through
    each class they are affiliated with."""

    classes: Classes
    views: tuple[AffiliationView, ...]

    def text(self, labels: Mapping[str, str] | None = None) -> str:
        """The classes, then each view."""
        counts = ", ".join(f"{c} {n}" for c, n in self.classes.nodes.items())
        return f"classes: {counts}\n" + "".join(v.text(labels) for v in self.views)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready values."""
        return {
            "classes": self.classes.to_dict(),
            "views": [dataclasses.asdict(v) for v in self.views],
        }


def affiliations(chart: LinkChart, *, top: int = 3) -> Affiliations:
    """The agents of a meta-network through each other class they are affiliated with.

    For each class that agents are tied to (events, organisations, locations ...): the
    pairs of agents that share the most of it, the shared nodes that tie otherwise separate
    groups (two-mode betweenness, :func:`~linkchart.analysis.two_mode.two_mode`) and those
    without which some agents would share nothing with the rest. Affiliations are read on
    every layer, positive ties only, as :func:`one_mode` reads them.

    Examples
    --------
    >>> import linkchart
    >>> from linkchart import NodeType, Relation, Vocabulary
    >>> v = Vocabulary(node_types=(NodeType("person", node_class="agent"),
    ...     NodeType("meeting", node_class="event")), relations=(Relation("attended"),))
    >>> c = linkchart.from_records([{"id": x, "type": "person"} for x in "abc"]
    ...     + [{"id": m, "type": "meeting"} for m in ("m1", "m2")],
    ...     [{"from": x, "relation": "attended", "to": m} for x, m in
    ...      (("a", "m1"), ("b", "m1"), ("b", "m2"), ("c", "m2"))], vocabulary=v)
    >>> print(affiliations(c).text(), end="")
    classes: agent 3, event 2
    person through meeting (attended, 4 ties)
      share most: a - b (1: m1); b - c (1: m2)
      tie the groups (two-mode betweenness): m1 0.60, m2 0.60
      without it, some share nothing with the rest: m1 (1 cut off), m2 (1 cut off)
    """
    from .bridges import articulation_points
    from .two_mode import two_mode

    k = classes(chart)
    agents = k.types("agent")
    views: list[AffiliationView] = []
    if not agents:
        return Affiliations(k, ())
    agent_set = set(agents)
    others: dict[str, set[str]] = {}  # class -> its node types tied to agents
    relations: dict[str, set[str]] = {}
    counts: dict[str, int] = {}
    for tie in k.affiliations:
        a, b = tie.classes
        if "agent" not in (a, b):
            continue
        other_class = b if a == "agent" else a
        other_type = tie.node_types[1] if tie.node_types[0] in agent_set else tie.node_types[0]
        counts.setdefault(other_class, 0)
        others.setdefault(other_class, set()).add(other_type)
        relations.setdefault(other_class, set()).add(tie.relation)
        counts[other_class] += tie.edges
    order = chart.vocabulary.node_type_names
    for c in CLASSES:
        if c not in others:
            continue
        via = tuple(t for t in order if t in others[c])
        rels = tuple(r for r in chart.vocabulary.relation_names if r in relations[c])
        projection = one_mode(chart, agents, via, relations=rels)
        pairs = tuple(projected_ties(projection, top))
        scores = two_mode(chart, "betweenness", first=agents, second=via, relations=rels)
        ranked = [(n, v) for n, v in scores.top(None) if scores.chart.node_type_of(n) in via and v > 0]
        view = scores.chart
        cuts = []
        for point in articulation_points(view, layers="all", directed=False):
            if view.node_type_of(point.node_id) in via:
                smaller = point.components[1:]  # largest first: the rest is what it cuts off
                cut_off = sum(1 for part in smaller for n in part if view.node_type_of(n) in agent_set)
                if cut_off:
                    cuts.append((point.node_id, cut_off))
        cuts.sort(key=lambda x: (-x[1], x[0]))
        views.append(
            AffiliationView(agents, via, rels, counts[c], pairs, tuple(ranked[:top]), tuple(cuts[:top]))
        )
    return Affiliations(k, tuple(views))
