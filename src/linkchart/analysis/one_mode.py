"""One-mode projections of affiliation networks that keep the evidence.

Much of what is known about a covert network is *affiliation*, not contact: who attended
which meeting, trained at which camp, belonged to which organisation (the node classes of
:mod:`~linkchart.analysis.classes`).

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
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal, get_args

import numpy as np
import numpy.typing as npt

from ..errors import LinkchartError
from ..model import EdgeTable, LinkChart
from ..times import NO_TIME, bounds
from ..vocabulary import Relation, Vocabulary
from ._measure import vocabulary
from .classes import side_codes
from .reading import read_relations
from .types import Layers, Relations, SignReading

__all__ = ["ONE_MODE_WEIGHTINGS", "OneModeWeighting", "one_mode"]

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


# ---------------------------------------------------------------------------- memberships
@dataclass(frozen=True, slots=True, eq=False)
class _Memberships:
    """Who is affiliated with what: one row per (member, via) pair of the parent chart, with
    the affiliation ties it rests on (``rows[start[i]:start[i + 1]]``, parent edge rows)."""

    member: IntArray
    via: IntArray
    probability: FloatArray
    share: FloatArray  # 1, or 1/s when it rests only on alternatives of either-or claims
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


def _memberships(
    chart: LinkChart, rows: IntArray, member: IntArray, via: IntArray, *, claims: bool = True
) -> _Memberships:
    """Group affiliation ties (parent ``rows`` with their ``member`` and ``via`` ends) into
    memberships: probability ``1 - prod(1 - p)``; time the hull of the ties' times when
    every one is dated, else undated (a tie the sources do not date holds throughout).

    With ``claims``, an alternative of an either-or claim (``s`` alternatives) holds with
    ``p / s`` and carries ``1 / s`` of its value (the projection's point value); without,
    every tie is plain (one Monte Carlo draw, which keeps one alternative or none)."""
    e = chart.edges
    n = max(chart.number_of_nodes, 1)
    key = member * n + via
    order = np.argsort(key, kind="stable")
    rows, member, via, key = rows[order], member[order], via[order], key[order]
    head, ends = _group(key)
    shares = chart.alternatives().share[rows] if claims and e.alternatives else np.ones(len(rows))
    p = e.probability[rows] * shares
    with np.errstate(divide="ignore"):
        log_miss = np.log1p(-np.minimum(p, 1.0))
    if len(rows):
        probability = 1.0 - np.exp(np.add.reduceat(log_miss, head))
        share = np.maximum.reduceat(shares, head)  # one plain report makes it a plain affiliation
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
        probability = share = np.zeros(0)
        g_first = g_last = precision = np.zeros(0, dtype=np.int64)
    return _Memberships(
        member[head],
        via[head],
        probability,
        np.asarray(share, dtype=np.float64),
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
    weight = weight * m.share[a] * m.share[b]  # a tie resting on an alternative: 1/s of its value
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
        m = _memberships(parent, self.rows[keep], self.member[keep], self.via[keep], claims=False)
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


@vocabulary()
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
    threshold = _number("min_weight", min_weight)
    onto_codes = side_codes(chart, onto, "onto")
    via_codes = side_codes(chart, via, "via")
    vocab = chart.vocabulary
    both = set(onto_codes) & set(via_codes)
    if both:
        names = ", ".join(vocab.node_types[c].name for c in sorted(both))
        raise LinkchartError(
            f"onto and via share the node types {names}; they must differ", code="bad-argument"
        )
    via_names = [vocab.node_types[c].name for c in via_codes]
    onto_names = [vocab.node_types[c].name for c in onto_codes]
    name = relation if relation is not None else "shared_" + "_".join(via_names)
    if not isinstance(name, str) or not name:
        raise LinkchartError(f"relation must be a non-empty name, not {relation!r}", code="bad-argument")
    rels = read_relations(chart, relations, layers, signs)
    rows, member, via_node = _affiliation_ties(chart, onto_codes, via_codes, rels)
    m = _memberships(chart, rows, member, via_node)
    p = _pairs(chart, m, weighting, threshold, concurrent)
    is_onto = np.isin(chart.nodes.type, onto_codes)
    node_rows = np.flatnonzero(is_onto)
    node_map = np.full(chart.number_of_nodes, -1, dtype=np.int64)
    node_map[node_rows] = np.arange(len(node_rows))
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
        vocabulary=Vocabulary(vocab.node_types, (projected,), vocab.confidence, True, None),
        nodes=chart.nodes.take(node_rows),
        edges=_projected_edges(chart, m, p, node_map),
        title=f"{chart.title}: {' and '.join(onto_names)} through shared {' or '.join(via_names)}".lstrip(
            ": "
        ),
        description=chart.description,
        sources=chart.sources,
        path=chart.path,
        periods=chart.periods,
        derived_from=origin,
    )


def _affiliation_ties(
    chart: LinkChart, onto: tuple[int, ...], via: tuple[int, ...], relations: list[str] | None
) -> tuple[IntArray, IntArray, IntArray]:
    """The affiliation ties read (edge rows, between an ``onto`` and a ``via`` node type), with
    their member and via ends."""
    e = chart.edges
    vocab = chart.vocabulary
    n_types = len(vocab.node_types)
    is_onto = np.zeros(n_types, dtype=bool)
    is_onto[list(onto)] = True
    is_via = np.zeros(n_types, dtype=bool)
    is_via[list(via)] = True
    t_src, t_dst = chart.nodes.type[e.src], chart.nodes.type[e.dst]
    forward = is_onto[t_src] & is_via[t_dst]
    backward = is_via[t_src] & is_onto[t_dst]
    mask = forward | backward
    if relations is not None:
        mask &= np.isin(e.relation, [vocab.relation_names.index(r) for r in relations])
    rows = np.flatnonzero(mask).astype(np.int64)
    member = np.where(forward[rows], e.src[rows], e.dst[rows]).astype(np.int64)
    via_node = np.where(forward[rows], e.dst[rows], e.src[rows]).astype(np.int64)
    return rows, member, via_node


def _per_membership(m: _Memberships, values: list[Any]) -> list[list[Any]]:
    """``values`` (one per affiliation tie, in ``m.rows`` order) grouped by membership."""
    return [values[a:b] for a, b in zip(m.start[:-1].tolist(), m.start[1:].tolist(), strict=True)]


def _claims_of(chart: LinkChart, m: _Memberships) -> list[tuple[str, ...]]:
    """Per membership, the either-or claims its ties are alternatives of (mostly none)."""
    if not chart.edges.alternatives:
        return [()] * len(m.member)
    a = chart.alternatives()
    names = [a.names[g] if g >= 0 else None for g in a.group[m.rows].tolist()]
    return [tuple(sorted({x for x in group if x is not None})) for group in _per_membership(m, names)]


def _projected_edges(chart: LinkChart, m: _Memberships, p: _Pairs, node_map: IntArray) -> EdgeTable:
    """One edge per pair and shared affiliation, with its evidence, time, probability and
    weight (module notes); ``claims``, where it rests on alternatives of either-or claims."""
    e = chart.edges
    snippet = _snippets(chart, m.rows)
    member_text = [" | ".join(x for x in group if x) for group in _per_membership(m, snippet)]
    edge_ids = e.ids
    member_ids = _per_membership(m, [edge_ids[k] for k in m.rows.tolist()])
    sources = e.source[m.rows].astype(np.int64)
    if len(m.rows):
        lo = np.minimum.reduceat(sources, m.start[:-1])
        hi = np.maximum.reduceat(sources, m.start[:-1])
        member_source = np.where(lo == hi, lo, -1)
    else:
        member_source = np.zeros(0, dtype=np.int64)
    same = member_source[p.a] == member_source[p.b]
    pairs = list(zip(p.a.tolist(), p.b.tolist(), strict=True))
    evidence = [" | ".join(t for t in (member_text[a], member_text[b]) if t) for a, b in pairs]
    attributes: dict[str, list[Any]] = {
        "via": chart.nodes.ids[m.via[p.a]].tolist(),
        "via_edges": [tuple(member_ids[a] + member_ids[b]) for a, b in pairs],
    }
    claims = _claims_of(chart, m)
    if any(claims):
        attributes["claims"] = [tuple(sorted({*claims[a], *claims[b]})) or None for a, b in pairs]
    probability = m.probability[p.a] * m.probability[p.b]
    levels = np.asarray(chart.vocabulary.confidence.probabilities, dtype=np.float64)
    confidence = np.minimum((levels[None, :] > probability[:, None] + 1e-12).sum(axis=1), len(levels) - 1)
    t0, t1 = _time_columns(p.first, p.last)
    return EdgeTable.build(
        node_map[m.member[p.a]],
        node_map[m.member[p.b]],
        np.zeros(len(pairs), dtype=np.int16),
        confidence,
        probability,
        p.weight,
        t0,
        t1,
        np.where(same, member_source[p.a], -1),
        evidence,
        attributes=attributes,
        time_precision=p.precision,
    )
