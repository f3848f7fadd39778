"""Shortest-path betweenness centrality: who lies on the paths between others."""

from __future__ import annotations

import math

import numpy as np
import numpy.typing as npt

from ..errors import LinkchartError
from ..model import LinkChart
from ._common import Relations, check_flag, parameters
from ._parallel import PARALLEL_WORK, SHARED, default_workers, fork_map, vertex_blocks
from .projection import Engine, Projection, Weighting, check_engine, project
from .reading import Layers, SignReading, read_relations
from .scores import Scores

__all__ = ["PARALLEL_WORK", "betweenness"]


def _raw_igraph(p: Projection, sources: list[int] | None = None) -> npt.NDArray[np.float64]:
    g = p.to_igraph(weights="distance")
    values = g.betweenness(directed=p.directed, weights="weight" if p.weighted else None, sources=sources)
    return np.asarray(values, dtype=np.float64)


def _block(sources: list[int]) -> npt.NDArray[np.float64]:
    """Betweenness counted from ``sources`` only (the paths that start there)."""
    p: Projection = SHARED["p"]
    if SHARED["engine"] == "igraph":
        return _raw_igraph(p, sources)
    import networkx as nx

    g = p.to_networkx(weights="distance")
    values = nx.betweenness_centrality_subset(
        g, sources, list(range(p.n)), normalized=False, weight="weight" if p.weighted else None
    )
    return p.as_array(values)


def _sources(p: Projection, engine: Engine, blocks: list[list[int]], workers: int) -> npt.NDArray[np.float64]:
    """Per block, the betweenness counted from its sources (their sum is the whole when the
    blocks cover every source)."""
    if workers > 1 and len(blocks) > 1:  # built once here, inherited by every worker
        p.to_igraph(weights="distance") if engine == "igraph" else p.to_networkx(weights="distance")
    parts = fork_map(_block, blocks, workers, {"p": p, "engine": engine})
    return np.array(parts).reshape(len(blocks), p.n)


def _raw_networkx(p: Projection) -> npt.NDArray[np.float64]:
    import networkx as nx

    g = p.to_networkx(weights="distance")
    # normalized=False counts unordered pairs once on an undirected graph, like igraph
    values = nx.betweenness_centrality(g, normalized=False, weight="weight" if p.weighted else None)
    return p.as_array(values)


def betweenness_of(
    p: Projection, engine: Engine, normalized: bool, workers: int = 1
) -> npt.NDArray[np.float64]:
    """Betweenness of every vertex of a projection, in position order (for other measures)."""
    if p.n == 0:
        return np.zeros(0, dtype=np.float64)
    if p.m == 0:
        raw = np.zeros(p.n, dtype=np.float64)
    elif workers > 1:
        raw = _sources(p, engine, vertex_blocks(p.n, workers), workers).sum(axis=0)
    else:
        raw = _raw_igraph(p) if engine == "igraph" else _raw_networkx(p)
    return _normalize(p, raw, normalized)


def _normalize(p: Projection, raw: npt.NDArray[np.float64], normalized: bool) -> npt.NDArray[np.float64]:
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
    samples: int | None = None,
    seed: int = 0,
    workers: int | None = None,
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

    samples
        ``None`` (default): exact. ``k``: estimate from ``k`` random source pivots
        (Brandes & Pich 2007), scaled by :math:`n/k`; the result is marked as an
        estimate (:attr:`~linkchart.analysis.Scores.estimate`) with a standard error
        per node (:meth:`~linkchart.analysis.Scores.error`), from the spread of the
        estimates of up to 20 disjoint batches of pivots.
    seed
        Seeds the pivots (only with ``samples``).
    workers
        Processes sharing the source vertices (exact or sampled), summed: the same
        values as one process. Default: every core when ``n * m`` exceeds
        :data:`PARALLEL_WORK`, else 1.

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
    .. [3] Brandes, U., & Pich, C. (2007). Centrality estimation in large networks.
       *International Journal of Bifurcation and Chaos* 17(7), 2303-2318.
       https://doi.org/10.1142/S0218127407018403

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
    for name, value in (("samples", samples), ("workers", workers)):
        if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 1):
            raise LinkchartError(
                f"{name} must be a positive integer or None, not {value!r}", code="bad-argument"
            )
    if isinstance(seed, bool) or not isinstance(seed, int):
        raise LinkchartError(f"seed must be an integer, not {seed!r}", code="bad-argument")
    rels = read_relations(chart, relations, layers, signs)
    p = project(chart, relations=rels, directed=directed, weight=weight)
    if workers is None:
        workers = default_workers(p.n, p.m)
    params = parameters(
        engine=engine, relations=rels, weight=weight, directed=p.directed, normalized=normalized
    )
    if samples is None or samples >= p.n or p.m == 0:
        return Scores(
            chart, betweenness_of(p, engine, normalized, workers), measure="betweenness", parameters=params
        )
    # Brandes & Pich (2007): random pivot sources, scaled by n / k; the standard error
    # from the spread of the estimates of disjoint batches of pivots
    rng = np.random.default_rng(seed)
    pivots = sorted(int(x) for x in rng.choice(p.n, size=samples, replace=False))
    batches = min(samples, 20)
    blocks = [pivots[i::batches] for i in range(batches)]
    parts = _sources(p, engine, blocks, workers)
    estimate = _normalize(p, parts.sum(axis=0) * p.n / samples, normalized)
    per_batch = np.array(
        [_normalize(p, part * p.n / len(b), normalized) for part, b in zip(parts, blocks, strict=True)]
    )
    errors = per_batch.std(axis=0, ddof=1) / math.sqrt(batches) if batches > 1 else np.full(p.n, np.nan)
    params.update(samples=samples, seed=seed, estimate="Brandes-Pich random pivots")
    return Scores(chart, estimate, measure="betweenness", parameters=params, errors=errors)
