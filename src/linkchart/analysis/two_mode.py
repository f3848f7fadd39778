"""Two-mode centrality: degree, closeness and betweenness of an affiliation network, with
Borgatti & Everett's (1997) normalisations.

An affiliation network (people x events) read as one graph has a shape the one-mode
normalisations do not expect: a person can only be tied to events, and at best is 1 step
from every event and 2 from every other person. Borgatti & Everett normalise each node by
the best score a node *of its own side* can have in a two-mode network of the same size,
so that the scores of people and of events are comparable with each other and across
networks. :func:`two_mode` reads only the ties between the two sides.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal, get_args

import numpy as np
import numpy.typing as npt

from ..errors import LinkchartError, UnknownNameError
from ..model import LinkChart
from ._common import parameters
from ._measure import vocabulary
from .betweenness import betweenness_of
from .classes import side_codes
from .projection import Projection, project
from .reading import read_relations
from .scores import Scores
from .types import Engine, Layers, Relations, SignReading

__all__ = ["TWO_MODE_MEASURES", "TwoModeMeasure", "two_mode"]

TwoModeMeasure = Literal["degree", "closeness", "betweenness"]
"""The measures :func:`two_mode` computes."""

TWO_MODE_MEASURES: tuple[str, ...] = get_args(TwoModeMeasure)
"""Every :data:`TwoModeMeasure`."""

FloatArray = npt.NDArray[np.float64]


def _distances(p: Projection, engine: Engine) -> tuple[FloatArray, FloatArray]:
    """Per vertex: the sum of the distances to the vertices it reaches, and how many it reaches."""
    if engine == "networkx":
        import networkx as nx

        g = p.to_networkx()
        total = np.zeros(p.n)
        reached = np.zeros(p.n)
        for v in range(p.n):
            lengths = nx.single_source_shortest_path_length(g, v)
            total[v] = sum(lengths.values())
            reached[v] = len(lengths) - 1
        return total, reached
    g = p.to_igraph()
    with np.errstate(divide="ignore"):
        inverse = np.asarray(g.closeness(normalized=False), dtype=np.float64)  # 1 / sum, NaN alone
        total = np.where(np.isnan(inverse), 0.0, 1.0 / inverse)
    membership = np.asarray(g.connected_components().membership)
    reached = np.bincount(membership)[membership].astype(np.float64) - 1.0
    return total, reached


def _betweenness_max(n: int, m: int) -> float:
    """The largest betweenness a node of a side of ``n`` nodes can have, the other side
    having ``m`` (Borgatti & Everett 1997, as networkx's ``bipartite`` writes it)."""
    if m == 0:
        return 0.0
    s, t = divmod(n - 1, m)
    return ((m**2) * ((s + 1) ** 2) + m * (s + 1) * (2 * t - s - 1) - t * (2 * s - t + 3)) / 2.0


@vocabulary()
def two_mode(
    chart: LinkChart,
    measure: TwoModeMeasure,
    *,
    first: Iterable[str] | str,
    second: Iterable[str] | str | None = None,
    relations: Relations = None,
    layers: Layers = "all",
    signs: SignReading | None = None,
    normalized: bool = True,
    engine: Engine = "igraph",
) -> Scores:
    r"""Degree, closeness or betweenness of a two-mode network, normalised by side.

    For a node :math:`v` of a side of :math:`n` nodes, the other side having :math:`m`:

    .. math::

       C_D(v) = \frac{\deg(v)}{m}, \qquad
       C_C(v) = \frac{m + 2(n - 1)}{\sum_u d(v, u)}, \qquad
       C_B(v) = \frac{b(v)}{b_{\max}(n, m)}

    with :math:`b_{\max}(n, m) = \tfrac{1}{2}\,[m^2 (s + 1)^2 + m (s + 1)(2t - s - 1) -
    t (2s - t + 3)]`, :math:`s = \lfloor (n - 1)/m \rfloor`, :math:`t = (n - 1) \bmod m`:
    each the best a node of its side can score in a two-mode network of that size.

    Parameters
    ----------
    chart
        The chart; it is not changed.
    measure
        ``"degree"``, ``"closeness"`` or ``"betweenness"``.
    first
        The node types (or classes) of one side (``"person"``).
    second
        The node types (or classes) of the other (default: every other node type).
    relations, layers, signs
        Which ties count: only ties between the two sides are read, of any layer and of
        positive sign by default (affiliations usually sit in a layer the one-mode
        measures' default reading leaves out); see :mod:`~linkchart.analysis.reading`.
    normalized
        ``True`` (default): Borgatti & Everett's normalisation; on a disconnected network
        closeness is also scaled by the share of the other nodes a node reaches, as
        networkx does. ``False``: the raw values — the number of partners, the
        reciprocal of the distance sum (0 for an isolate), the betweenness count.
    %(engine)s

    Returns
    -------
    Scores
        Keyed by the nodes of the two sides (``scores.chart`` is the view of those nodes
        and the ties between the sides); ``measure`` is ``"two_mode_<measure>"``.

    Raises
    ------
    UnknownNameError
        For an unknown measure, node type, class, relation, layer or engine.
    LinkchartError
        For sides that overlap, or an empty side.

    Notes
    -----
    The ties are read undirected and unweighted: parallel edges make one tie and their
    direction does not matter (the measures are defined for binary affiliation data). A
    tie within one side (a person-person contact) is not read. Complexity:
    :math:`O(nm)` for closeness and betweenness, linear for degree. The values agree with
    networkx's ``bipartite.degree_centrality``, ``closeness_centrality`` and
    ``betweenness_centrality``, and on Davis's Southern Women with the published table
    (Evelyn: degree 0.57, closeness 0.80, betweenness 0.10; E8: 0.78, 0.85, 0.24).

    References
    ----------
    .. [1] Borgatti, S. P., & Everett, M. G. (1997). Network analysis of 2-mode data.
       *Social Networks* 19(3), 243-269. https://doi.org/10.1016/S0378-8733(96)00301-2
    .. [2] Borgatti, S. P., & Halgin, D. S. (2011). Analyzing affiliation networks. In
       Carrington & Scott (eds), *The SAGE Handbook of Social Network Analysis*, 417-433.
       https://doi.org/10.4135/9781446294413.n28

    Examples
    --------
    Two people at one meeting, one of them at a second:

    >>> import linkchart
    >>> c = linkchart.from_records(
    ...     [{"id": x, "type": "person"} for x in "ab"] + [{"id": m, "type": "event"} for m in ("m1", "m2")],
    ...     [{"from": x, "relation": "at", "to": m} for x, m in map(str.split, ("a m1", "b m1", "b m2"))])
    >>> two_mode(c, "degree", first="person").to_dict()
    {'a': 0.5, 'b': 1.0, 'm1': 1.0, 'm2': 0.5}
    >>> two_mode(c, "betweenness", first="person")["b"]
    1.0
    """
    if measure not in TWO_MODE_MEASURES:
        raise UnknownNameError("two-mode measure", str(measure), TWO_MODE_MEASURES)
    vocab = chart.vocabulary
    one = side_codes(chart, first, "first")
    if second is None:
        other = tuple(c for c in range(len(vocab.node_types)) if c not in one)
        if not other:
            raise LinkchartError("first names every node type: no second side is left", code="bad-argument")
    else:
        other = side_codes(chart, second, "second")
    both = set(one) & set(other)
    if both:
        names = ", ".join(vocab.node_types[c].name for c in sorted(both))
        raise LinkchartError(
            f"first and second share the node types {names}; they must differ", code="bad-argument"
        )
    side = np.full(len(vocab.node_types), -1, dtype=np.int8)
    side[list(one)] = 0
    side[list(other)] = 1
    node_side = side[chart.nodes.type]
    e = chart.edges
    mask = (node_side[e.src] >= 0) & (node_side[e.dst] >= 0) & (node_side[e.src] != node_side[e.dst])
    rels = read_relations(chart, relations, layers, signs)
    if rels is not None:
        mask &= np.isin(e.relation, [vocab.relation_names.index(r) for r in rels])
    view = chart._view(np.flatnonzero(node_side >= 0), mask)
    p = project(view, directed=False)
    on_first = side[view.nodes.type] == 0
    n1 = int(on_first.sum())
    n2 = view.number_of_nodes - n1
    same = np.where(on_first, n1, n2).astype(np.float64)  # n: the node's side
    opposite = np.where(on_first, n2, n1).astype(np.float64)  # m: the other side
    if measure == "degree":
        raw = np.bincount(np.concatenate([p.src, p.dst]), minlength=p.n).astype(np.float64)
        with np.errstate(divide="ignore", invalid="ignore"):
            values = np.where(opposite > 0, raw / opposite, 0.0) if normalized else raw
    elif measure == "closeness":
        total, reached = _distances(p, engine)
        with np.errstate(divide="ignore", invalid="ignore"):
            if normalized:
                share = reached / max(p.n - 1, 1)
                values = np.where(total > 0, (opposite + 2.0 * (same - 1.0)) / total * share, 0.0)
            else:
                values = np.where(total > 0, 1.0 / total, 0.0)
    else:
        raw = betweenness_of(p, engine, normalized=False)
        if normalized:
            best = {True: _betweenness_max(n1, n2), False: _betweenness_max(n2, n1)}
            scale = np.where(on_first, best[True], best[False])
            with np.errstate(divide="ignore", invalid="ignore"):
                values = np.where(scale > 0, raw / scale, 0.0)
        else:
            values = raw
    params = parameters(
        engine=engine,
        relations=rels,
        first=[vocab.node_types[c].name for c in one],
        second=[vocab.node_types[c].name for c in other],
        normalized=normalized,
    )
    return Scores(
        view, np.asarray(values, dtype=np.float64), measure=f"two_mode_{measure}", parameters=params
    )
