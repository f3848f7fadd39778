"""Shortest-path betweenness centrality: who lies on the paths between others."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from ..model import LinkChart
from ._common import Relations, check_flag, parameters
from .projection import Engine, Projection, Weighting, check_engine, project
from .reading import Layers, SignReading, read_relations
from .scores import Scores

__all__ = ["betweenness"]


def _raw_igraph(p: Projection) -> npt.NDArray[np.float64]:
    g = p.to_igraph(weights="distance")
    values = g.betweenness(directed=p.directed, weights="weight" if p.weighted else None)
    return np.asarray(values, dtype=np.float64)


def _raw_networkx(p: Projection) -> npt.NDArray[np.float64]:
    import networkx as nx

    g = p.to_networkx(weights="distance")
    # normalized=False counts unordered pairs once on an undirected graph, like igraph
    values = nx.betweenness_centrality(g, normalized=False, weight="weight" if p.weighted else None)
    return p.as_array(values)


def betweenness_of(p: Projection, engine: Engine, normalized: bool) -> npt.NDArray[np.float64]:
    """Betweenness of every vertex of a projection, in position order (for other measures)."""
    if p.n == 0:
        return np.zeros(0, dtype=np.float64)
    raw = (
        np.zeros(p.n, dtype=np.float64)
        if p.m == 0
        else (_raw_igraph(p) if engine == "igraph" else _raw_networkx(p))
    )
    if normalized:
        pairs = (p.n - 1) * (p.n - 2)
        if not p.directed:
            pairs //= 2
        if pairs > 0:
            raw = raw / pairs
    return raw


def betweenness(
    chart: LinkChart,
    *,
    engine: Engine = "igraph",
    relations: Relations = None,
    layers: Layers = None,
    signs: SignReading | None = None,
    weight: Weighting | None = None,
    directed: bool | None = None,
    normalized: bool = False,
) -> Scores:
    r"""Shortest-path betweenness centrality of every node.

    .. math::

       C_B(v) = \sum_{s \ne v \ne t} \frac{\sigma_{st}(v)}{\sigma_{st}}

    where :math:`\sigma_{st}` is the number of shortest paths from :math:`s` to
    :math:`t` and :math:`\sigma_{st}(v)` the number of those through :math:`v`. On an
    undirected reading each unordered pair :math:`\{s, t\}` counts once.

    Parameters
    ----------
    chart
        The chart; it is not changed.
    engine
        ``"igraph"`` (default, fast) or ``"networkx"`` (the reference); they agree.
    relations
        Relations whose edges count (default: all).
    layers, signs
        The reading: which layers and signs count (default: the positive ties of the
        chart's default layers; the relations given, as they are, when ``relations``
        is given); see :mod:`~linkchart.analysis.reading`.
    weight
        ``None`` (default): every tie has length 1, however many edges report it.
        Otherwise the weighting (``"count"``, ``"weight"``, ``"confidence_sum"``,
        ``"confidence_max"``) that combines parallel edges into a strength, read here
        as a **distance** of ``1 / strength``: a better-attested tie is a shorter path.
    directed
        ``None`` follows the vocabulary (directed as soon as one counted relation is;
        undirected ties then count both ways); ``False`` reads every tie as undirected.
    normalized
        ``False`` (default): the raw count of pairs (fractions of shortest paths), as in
        UCINET and igraph. ``True`` divides by the number of pairs that could route
        through a node: :math:`(n-1)(n-2)/2` undirected, :math:`(n-1)(n-2)` directed,
        with :math:`n` the number of nodes of the chart (isolated ones included).

    Returns
    -------
    Scores
        Betweenness per node id; an empty chart gives empty scores, a chart without
        ties of the chosen relations gives zeros.

    Raises
    ------
    UnknownNameError
        For an unknown engine, relation or weighting.

    Notes
    -----
    *Multigraph handling.* The chart is first projected
    (:func:`~linkchart.analysis.projection.project`): parallel edges between a pair
    become one tie, so with the default ``weight=None`` repeated reports of one tie
    neither add paths nor shorten them. This is where networkx and igraph disagree
    when handed a multigraph directly; here both engines see the identical simple
    graph.

    *Weight semantics.* A weight is a strength; betweenness reads it as the distance
    ``1 / strength``. Passing strengths as distances (the classic mistake) would make
    the best-attested brokers look *less* central. With real-valued distances, paths
    whose lengths differ only by rounding may be counted as equal by igraph (which
    compares with a tolerance) and as different by networkx.

    *Complexity.* Brandes' algorithm: :math:`O(nm)` unweighted,
    :math:`O(nm + n^2 \log n)` weighted, for :math:`n` nodes and :math:`m` ties.

    References
    ----------
    .. [1] Freeman, L. C. (1977). A set of measures of centrality based on
       betweenness. *Sociometry* 40(1), 35-41. https://doi.org/10.2307/3033543
    .. [2] Brandes, U. (2001). A faster algorithm for betweenness centrality.
       *Journal of Mathematical Sociology* 25(2), 163-177.
       https://doi.org/10.1080/0022250X.2001.9990249

    Examples
    --------
    A path a - b - c: b lies on the one path between a and c.

    >>> import linkchart
    >>> from linkchart import Relation, Vocabulary
    >>> vocab = Vocabulary(relations=(Relation("knows", directed=False),))
    >>> c = linkchart.from_records(
    ...     [{"id": x, "type": "person"} for x in "abc"],
    ...     [{"from": "a", "relation": "knows", "to": "b"},
    ...      {"from": "b", "relation": "knows", "to": "c"}],
    ...     vocabulary=vocab,
    ... )
    >>> betweenness(c).to_dict()
    {'a': 0.0, 'b': 1.0, 'c': 0.0}
    >>> betweenness(c, normalized=True, engine="networkx")["b"]
    1.0
    """
    engine = check_engine(engine)
    check_flag("normalized", normalized)
    rels = read_relations(chart, relations, layers, signs)
    p = project(chart, relations=rels, directed=directed, weight=weight)
    values = betweenness_of(p, engine, normalized)
    return Scores(
        chart,
        values,
        measure="betweenness",
        parameters=parameters(
            engine=engine, relations=rels, weight=weight, directed=p.directed, normalized=normalized
        ),
    )
