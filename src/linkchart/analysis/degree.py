"""Degree and strength: how many ties a node has, and how strong they are together."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from ..model import LinkChart
from ._common import parameters
from ._measure import measure
from .projection import Projection, project
from .reading import read_relations
from .scores import Scores
from .types import MODES, Engine, Layers, Mode, Relations, SignReading, Weighting

__all__ = ["MODES", "Mode", "degree", "strength"]


def _partners(p: Projection) -> npt.NDArray[np.float64]:
    """Per vertex, how many distinct vertices it shares a tie with, in either direction.

    On a directed projection a pair tied both ways (two arcs, or one undirected tie read
    as two arcs) is one partner: in + out, less one for each arc whose reverse is there too
    (the arcs are unique, so one sort of both finds them).
    """
    src, dst = p.src.astype(np.int64), p.dst.astype(np.int64)
    total = np.bincount(src, minlength=p.n) + np.bincount(dst, minlength=p.n)
    if p.directed and p.m:  # the arcs (unique) whose reverse arc is there too
        mutual = np.intersect1d(src * p.n + dst, dst * p.n + src, assume_unique=True)
        total -= np.bincount(mutual // p.n, minlength=p.n)
    return total.astype(np.float64)


def _count(p: Projection, engine: Engine, mode: Mode, weighted: bool) -> npt.NDArray[np.float64]:
    """Per vertex, the ties of ``mode``: partners (``weighted=False``) or summed strengths.

    ``mode="all"`` is read on an undirected projection (the caller passes one for
    strength; degree folds arcs into pairs), ``"in"``/``"out"`` on the directed one. The
    ``"igraph"`` engine counts from the projection's arrays with numpy (no graph is
    built); ``"networkx"`` asks a networkx graph, as the reference.
    """
    if p.n == 0:
        return np.zeros(0, dtype=np.float64)
    directional = p.directed and mode != "all"
    if engine == "igraph":
        if not directional and not weighted:
            return _partners(p)
        ends = (p.src, p.dst) if not directional else (p.src,) if mode == "out" else (p.dst,)
        w = p.strength if weighted else None
        total = np.zeros(p.n, dtype=np.float64)
        for a in ends:
            total += np.bincount(a, weights=w, minlength=p.n)
        return total
    g = p.to_networkx(weights="strength" if weighted else None)
    w_name = "weight" if weighted and p.weighted else None
    if directional:
        view = g.in_degree(weight=w_name) if mode == "in" else g.out_degree(weight=w_name)
        return p.as_array(dict(view))
    if p.directed:  # distinct partners on a digraph: predecessors and successors together
        return p.as_array({v: len(set(g.predecessors(v)) | set(g.successors(v))) for v in g})
    return p.as_array(dict(g.degree(weight=w_name)))


@measure(
    returns="node",
    higher_is_more=True,
    meaning="distinct partners, either direction (a pair tied both ways counts once; "
    "networkx, igraph count arcs)",
    cost="linear",
    weight="topological",
    in_report=True,
    on_page=True,
)
def degree(
    chart: LinkChart,
    *,
    engine: Engine = "igraph",
    relations: Relations = None,
    layers: Layers = None,
    signs: SignReading | None = None,
    directed: bool | None = None,
    weight: None = None,
    mode: Mode = "all",
    normalized: bool = False,
) -> Scores:
    r"""Degree of every node: the number of its distinct partners on the reading.

    .. math::

       C_D(v) = |N^-(v) \cup N^+(v)|

    where :math:`N^-(v)` and :math:`N^+(v)` are the nodes with a tie into and out of
    :math:`v` on the reading's projection (on an undirected reading, its neighbours).

    Parameters
    ----------
    chart
        The chart; it is not changed.
    %(engine)s
    %(reading)s
    directed
        ``None`` follows the vocabulary; ``False`` reads every tie as undirected. The
        ``"all"`` count is the same either way: only ``"in"`` and ``"out"`` see direction.
    weight
        Only ``None``: degree counts partners. For weighted ties use :func:`strength`.
    mode
        ``"all"`` (default): distinct partners, whichever way the ties point; a partner
        tied both ways, or by an undirected tie, counts once. On a directed reading,
        ``"in"``: distinct partners with a tie into the node; ``"out"``: with a tie out
        of it; an undirected tie makes its partner both an in- and an out-partner.
        On an undirected reading every mode is ``"all"``.
    normalized
        ``False`` (default): counts. ``True``: divided by :math:`n - 1`, the most
        partners a node can have, so the value lies in [0, 1].

    Returns
    -------
    Scores
        Degree per node id; empty for an empty chart, zeros without ties.

    Raises
    ------
    UnknownNameError
        For an unknown engine, relation or mode.

    Notes
    -----
    *What is counted.* Partners, never arcs or reports: five edges between one pair, of
    any of the counted relations and in either direction, make one partner. On a mixed
    reading (directed and undirected relations) an undirected tie is two arcs of the
    directed projection but one partner here.

    *Where this differs from igraph and networkx.* Their ``degree`` on a directed graph
    counts arcs, in + out: a pair tied both ways (or one undirected tie read as a pair of
    arcs) counts twice there and once here, so ``degree(mode="all")`` is
    ``len(set(G.predecessors(v)) | set(G.successors(v)))`` of the reading's directed
    graph :math:`G`, not ``G.degree(v)``. ``"in"`` and ``"out"`` agree with their
    ``in_degree``/``out_degree`` on that graph (it has no parallel arcs). Normalised
    degree is networkx's ``degree_centrality`` of the undirected reading.

    *Weight semantics.* None: degree is topological. *Complexity.* :math:`O(m \log m)`
    (one sort finds the arcs tied both ways), from the projection's arrays (no
    graph is built).

    References
    ----------
    .. [1] Freeman, L. C. (1978). Centrality in social networks conceptual
       clarification. *Social Networks* 1(3), 215-239.
       https://doi.org/10.1016/0378-8733(78)90021-7

    Examples
    --------
    ``a`` pays ``b`` twice and ``b`` pays ``a`` once; ``a`` pays ``c``:

    >>> import linkchart
    >>> c = linkchart.from_records(
    ...     [{"id": x, "type": "person"} for x in "abc"],
    ...     [{"from": "a", "relation": "pays", "to": "b"},
    ...      {"from": "a", "relation": "pays", "to": "b"},
    ...      {"from": "b", "relation": "pays", "to": "a"},
    ...      {"from": "a", "relation": "pays", "to": "c"}],
    ... )
    >>> degree(c).to_dict()
    {'a': 2.0, 'b': 1.0, 'c': 1.0}
    >>> degree(c, mode="in").to_dict(), degree(c, mode="out").to_dict()
    ({'a': 1.0, 'b': 1.0, 'c': 1.0}, {'a': 2.0, 'b': 1.0, 'c': 0.0})
    """
    rels = read_relations(chart, relations, layers, signs)
    p = project(chart, relations=rels, directed=directed, weight=None)
    values = _count(p, engine, mode, weighted=False)
    if normalized and p.n > 1:
        values = values / (p.n - 1)
    return Scores(
        chart,
        values,
        measure="degree",
        parameters=parameters(
            engine=engine, relations=rels, directed=p.directed, mode=mode, normalized=normalized
        ),
    )


@measure(
    returns="node",
    higher_is_more=True,
    meaning="summed edge weights: repeated reports strengthen a tie; an undirected edge counts once",
    cost="linear",
    weight="strength",
    in_report=True,
    on_page=True,
)
def strength(
    chart: LinkChart,
    *,
    engine: Engine = "igraph",
    relations: Relations = None,
    layers: Layers = None,
    signs: SignReading | None = None,
    weight: Weighting | None = "weight",
    directed: bool | None = None,
    mode: Mode = "all",
) -> Scores:
    r"""Strength of every node: the summed strength of its ties.

    .. math::

       s(v) = \sum_{u} w_{uv}

    where :math:`w_{uv}` is the strength of the tie between :math:`u` and :math:`v`
    (:mod:`~linkchart.analysis.projection`: the edges between them combined by
    ``weight``).

    Parameters
    ----------
    chart
        The chart; it is not changed.
    %(engine)s
    %(reading)s
    weight
        How edges combine into a tie's strength: ``"weight"`` (default: the sum of the
        edges' weights, so every report adds), ``"count"``, ``"confidence_sum"``,
        ``"confidence_max"``, or ``None`` (every tie 1: then strength is
        :func:`degree`, mode for mode).
    directed
        ``None`` follows the vocabulary; ``False`` reads every tie as undirected. The
        ``"all"`` sum is the same either way.
    mode
        ``"all"`` (default): over every partner, the strength of the tie between them
        read without direction (every edge between the two, whichever way it points,
        counts once). On a directed reading, ``"in"``: the ties into the node;
        ``"out"``: out of it; an undirected edge counts, at its full weight, in both.

    Returns
    -------
    Scores
        Strength per node id; empty for an empty chart, zeros without ties.

    Raises
    ------
    UnknownNameError
        For an unknown engine, relation, weighting or mode.

    Notes
    -----
    *How an undirected tie counts.* Once, in ``"all"``: ``strength(mode="all")`` is
    the strength on the undirected reading, so an undirected edge of weight 2 adds 2 to
    each end, as a directed one does, where networkx's and igraph's weighted degree of
    the directed projection (in + out) would add 4. With ``"in"`` and ``"out"`` it adds
    its weight to each, as their ``in_degree``/``out_degree`` do. With
    ``weight="confidence_max"`` the tie between a pair tied both ways is the most
    certain of all its edges, as for any parallel edges.

    *Weight semantics.* The weight is read as a strength (larger is stronger). The
    default is ``"weight"``, unlike the path measures' ``None``: a strength without a
    weighting is just the degree. *Multigraph handling.* With the default
    ``weight="weight"`` each edge adds its weight, so a tie reported three times counts
    three times. *Complexity.* :math:`O(m \log m)`, from the projection's arrays.

    References
    ----------
    .. [1] Barrat, A., Barthélemy, M., Pastor-Satorras, R., & Vespignani, A. (2004).
       The architecture of complex weighted networks. *PNAS* 101(11), 3747-3752.
       https://doi.org/10.1073/pnas.0400087101

    Examples
    --------
    >>> import linkchart
    >>> c = linkchart.from_records(
    ...     [{"id": x, "type": "person"} for x in "abc"],
    ...     [{"from": "a", "relation": "pays", "to": "b"},
    ...      {"from": "a", "relation": "pays", "to": "b"},
    ...      {"from": "a", "relation": "pays", "to": "c", "weight": 0.5}],
    ... )
    >>> strength(c).to_dict()
    {'a': 2.5, 'b': 2.0, 'c': 0.5}
    >>> strength(c, weight="count", mode="out").to_dict()
    {'a': 3.0, 'b': 0.0, 'c': 0.0}
    """
    rels = read_relations(chart, relations, layers, signs)
    p = project(chart, relations=rels, directed=directed, weight=weight)
    values = _count(
        p if p.directed and mode != "all" else project(chart, relations=rels, directed=False, weight=weight),
        engine,
        mode,
        weighted=True,
    )
    return Scores(
        chart,
        values,
        measure="strength",
        parameters=parameters(engine=engine, relations=rels, weight=weight, directed=p.directed, mode=mode),
    )
