"""Closeness and harmonic closeness: how near a node is to everyone else."""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt

from ..executor import Runner, blocks
from ..model import LinkChart
from ._blocks import PathGraph, run_blocks
from ._common import parameters
from ._measure import measure
from .projection import Projection, project
from .reading import read_relations
from .scores import Scores
from .types import DIRECTIONS, Direction, Engine, Layers, Relations, SignReading, Weighting

__all__ = ["DIRECTIONS", "Direction", "closeness", "harmonic"]


def _networkx_graph(p: Projection, mode: Direction):  # type: ignore[no-untyped-def]
    g = p.to_networkx(weights="distance")
    # networkx measures distances *to* a node (incoming); the reverse gives outgoing ones
    if p.directed and mode == "out":
        g = g.reverse(copy=False)
    return g


_BITSET_LIMIT = 20_000  # strongly connected parts; above, one BFS per node instead


def _reached_directed(p: Projection, g: Any, mode: Direction) -> npt.NDArray[np.float64]:
    """How many other nodes each node reaches (``out``) or is reached from (``in``).

    On the condensation (one vertex per strongly connected part, a DAG), the parts a
    part reaches are itself and those its successors reach: one pass in reverse
    topological order with bitsets, instead of a second breadth-first search per node.
    """
    import igraph as ig

    if p.n == 0:
        return np.zeros(0, dtype=np.float64)
    part = np.asarray(g.connected_components(mode="strong").membership, dtype=np.int64)
    k = int(part.max()) + 1
    if k > _BITSET_LIMIT:
        return np.asarray(g.neighborhood_size(order=p.n, mode=mode), dtype=np.float64) - 1.0
    a, b = part[p.src], part[p.dst]
    if mode == "in":
        a, b = b, a
    between = a != b
    pairs = np.unique(a[between] * k + b[between])
    heads, tails = pairs // k, pairs % k
    order = ig.Graph(n=k, edges=np.column_stack([heads, tails]), directed=True).topological_sorting()
    starts = np.searchsorted(heads, np.arange(k + 1))
    words = (k + 63) // 64
    reach = np.zeros((k, words), dtype=np.uint64)
    own = np.arange(k)
    reach[own, own // 64] = np.left_shift(np.uint64(1), (own % 64).astype(np.uint64))
    for c in reversed(order):
        lo, hi = starts[c], starts[c + 1]
        if hi > lo:
            reach[c] |= np.bitwise_or.reduce(reach[tails[lo:hi]], axis=0)
    sizes = np.bincount(part, minlength=k).astype(np.float64)
    totals = np.empty(k, dtype=np.float64)
    for lo in range(0, k, 1024):  # unpack in slices to bound memory
        chunk = reach[lo : lo + 1024].astype("<u8", copy=False).view(np.uint8)
        bits = np.unpackbits(chunk, axis=1, bitorder="little")[:, :k]
        totals[lo : lo + 1024] = bits @ sizes
    out: npt.NDArray[np.float64] = totals[part] - 1.0
    return out


def _igraph_block(shared: tuple[PathGraph, str, Direction], vertices: range) -> npt.NDArray[np.float64]:
    """igraph's closeness or harmonic centrality of ``vertices`` only (one search from each)."""
    g, what, mode = shared
    w = "weight" if g.weighted else None
    if what == "closeness":
        values = g.graph().closeness(vertices=list(vertices), mode=mode, weights=w, normalized=True)
    else:
        values = g.graph().harmonic_centrality(
            vertices=list(vertices), mode=mode, weights=w, normalized=False
        )
    return np.asarray(values, dtype=np.float64)


def _igraph_values(
    p: Projection, what: str, mode: Direction, workers: int | None, executor: Runner
) -> npt.NDArray[np.float64]:
    """``what`` of every vertex by igraph, from blocks of vertices fixed by ``n * m``, joined in order."""
    shared = (PathGraph.of(p, "igraph"), what, mode)
    parts = run_blocks(
        _igraph_block, shared, blocks(p.n, p.m), work=(p.n, p.m), workers=workers, executor=executor
    )
    return np.concatenate(parts)


def _closeness(
    p: Projection, engine: Engine, mode: Direction, workers: int | None = 1, executor: Runner = None
) -> npt.NDArray[np.float64]:
    if p.n <= 1 or p.m == 0:
        return np.zeros(p.n, dtype=np.float64)
    w = "weight" if p.weighted else None
    if engine == "networkx":
        import networkx as nx

        values = nx.closeness_centrality(_networkx_graph(p, mode), distance=w, wf_improved=True)
        return p.as_array(values)
    g = p.to_igraph(weights="distance")
    # 1 / (mean distance to the reachable nodes), NaN where none is reachable
    per_component = _igraph_values(p, "closeness", mode, workers, executor)
    if p.directed:
        reached = _reached_directed(p, g, mode)
    else:  # everyone in the component is reached: its size, found in O(n + m)
        membership = np.asarray(g.connected_components().membership)
        reached = np.bincount(membership)[membership].astype(np.float64) - 1.0
    out = per_component * reached / (p.n - 1)
    out[reached == 0] = 0.0
    return out


@measure(
    returns="node",
    higher_is_more=True,
    meaning="inverse mean distance to the nodes it reaches (Wasserman-Faust)",
    cost="O(nm)",
    weight="distance",
    in_report=True,
    parallel=True,
)
def closeness(
    chart: LinkChart,
    *,
    engine: Engine = "igraph",
    relations: Relations = None,
    layers: Layers = None,
    signs: SignReading | None = None,
    weight: Weighting | None = None,
    directed: bool | None = None,
    mode: Direction = "out",
    workers: int | None = None,
    executor: Runner = None,
) -> Scores:
    r"""Closeness centrality of every node, with the Wasserman-Faust correction.

    .. math::

       C_C(v) = \frac{r(v)}{n - 1} \cdot \frac{r(v)}{\sum_{u \in R(v)} d(v, u)}

    where :math:`R(v)` is the set of the :math:`r(v)` other nodes that :math:`v`
    reaches, :math:`d` the shortest-path distance and :math:`n` the number of nodes.
    On a connected graph this is the usual :math:`(n-1) / \sum_u d(v, u)`; on a
    disconnected one, the inverse mean distance to the reachable nodes is scaled by the
    share of nodes reached, so a node at the centre of a small fragment does not
    outrank the centre of the main component. A node that reaches nobody scores 0.

    Parameters
    ----------
    chart
        The chart; it is not changed.
    %(engine)s
    %(reading)s
    %(weight_distance)s
    %(directed)s
    mode
        On a directed reading, ``"out"`` (default): distances *from* the node along the
        direction of the ties (how fast it reaches others); ``"in"``: distances *to*
        the node. Note that networkx's own ``closeness_centrality`` uses incoming
        distances; igraph and UCINET's out-closeness use outgoing ones.
    %(workers)s

    Returns
    -------
    Scores
        Closeness per node id in :math:`[0, 1]` for unit lengths; empty for an empty
        chart, zeros without ties.

    Raises
    ------
    UnknownNameError
        For an unknown engine, relation, weighting or mode.
    LinkchartError
        For ``workers`` below 1 or an executor that is not one.

    Notes
    -----
    *Multigraph handling.* Parallel edges make one tie; with the default
    ``weight=None`` they do not shorten it. *Weight semantics.* A weighting is read as
    the distance ``1 / strength``. *Disconnected graphs.* Wasserman & Faust's
    correction (networkx's ``wf_improved=True``); igraph's per-component closeness is
    multiplied by the reached share to match. Prefer :func:`harmonic` when many
    nodes are unreachable. *Complexity.* :math:`O(nm)` unweighted,
    :math:`O(nm + n^2 \log n)` weighted.

    References
    ----------
    .. [1] Freeman, L. C. (1978). Centrality in social networks conceptual
       clarification. *Social Networks* 1(3), 215-239.
       https://doi.org/10.1016/0378-8733(78)90021-7
    .. [2] Wasserman, S., & Faust, K. (1994). *Social Network Analysis: Methods and
       Applications*, p. 201. Cambridge University Press.
       https://doi.org/10.1017/CBO9780511815478

    Examples
    --------
    >>> import linkchart
    >>> from linkchart import Relation, Vocabulary
    >>> c = linkchart.from_records(
    ...     [{"id": x, "type": "person"} for x in "abcd"],
    ...     [{"from": "a", "relation": "knows", "to": "b"},
    ...      {"from": "b", "relation": "knows", "to": "c"}],
    ...     vocabulary=Vocabulary(relations=(Relation("knows", directed=False),)),
    ... )
    >>> {k: round(v, 3) for k, v in closeness(c).items()}
    {'a': 0.444, 'b': 0.667, 'c': 0.444, 'd': 0.0}
    """
    rels = read_relations(chart, relations, layers, signs)
    p = project(chart, relations=rels, directed=directed, weight=weight)
    values = _closeness(p, engine, mode, workers, executor)
    return Scores(
        chart,
        values,
        measure="closeness",
        parameters=parameters(engine=engine, relations=rels, weight=weight, directed=p.directed, mode=mode),
    )


def _harmonic(
    p: Projection, engine: Engine, mode: Direction, workers: int | None = 1, executor: Runner = None
) -> npt.NDArray[np.float64]:
    if p.n <= 1 or p.m == 0:
        return np.zeros(p.n, dtype=np.float64)
    w = "weight" if p.weighted else None
    if engine == "networkx":
        import networkx as nx

        values = nx.harmonic_centrality(_networkx_graph(p, mode), distance=w)
        return p.as_array(values)
    return _igraph_values(p, "harmonic", mode, workers, executor)


@measure(
    returns="node",
    higher_is_more=True,
    meaning="mean inverse distance to all others (defined on disconnected graphs)",
    cost="O(nm)",
    weight="distance",
    in_report=True,
    options={"normalized": True},
    parallel=True,
)
def harmonic(
    chart: LinkChart,
    *,
    engine: Engine = "igraph",
    relations: Relations = None,
    layers: Layers = None,
    signs: SignReading | None = None,
    weight: Weighting | None = None,
    directed: bool | None = None,
    mode: Direction = "out",
    normalized: bool = False,
    workers: int | None = None,
    executor: Runner = None,
) -> Scores:
    r"""Harmonic closeness of every node: the mean inverse distance to the others.

    .. math::

       H(v) = \sum_{u \ne v} \frac{1}{d(v, u)}, \qquad
       H_{norm}(v) = \frac{H(v)}{n - 1}

    with :math:`1 / d = 0` for a node that cannot be reached, so it is well defined
    on disconnected graphs (the usual case in a partial picture of a dark network).

    Parameters
    ----------
    chart
        The chart; it is not changed.
    %(engine)s
    %(reading)s
    %(weight_distance)s
    %(directed)s
    mode
        On a directed reading, ``"out"`` (default, distances from the node) or ``"in"``
        (distances to it; networkx's own ``harmonic_centrality`` uses these).
    normalized
        ``False`` (default, as every measure): the plain sum, as networkx returns it.
        ``True``: divided by :math:`n - 1`, so 1 means adjacent to everyone (the
        report and the page show this form: ``linkchart.MEASURES["harmonic"].options``).
    %(workers)s

    Returns
    -------
    Scores
        Harmonic closeness per node id; empty for an empty chart, zeros without ties.

    Raises
    ------
    UnknownNameError
        For an unknown engine, relation, weighting or mode.
    LinkchartError
        For ``workers`` below 1 or an executor that is not one.

    Notes
    -----
    *Multigraph handling.* Parallel edges make one tie. *Weight semantics.* A
    weighting is read as the distance ``1 / strength``. *Complexity.* :math:`O(nm)`
    unweighted, :math:`O(nm + n^2 \log n)` weighted.

    References
    ----------
    .. [1] Marchiori, M., & Latora, V. (2000). Harmony in the small-world.
       *Physica A* 285(3-4), 539-546. https://doi.org/10.1016/S0378-4371(00)00311-3
    .. [2] Boldi, P., & Vigna, S. (2014). Axioms for centrality. *Internet
       Mathematics* 10(3-4), 222-262. https://doi.org/10.1080/15427951.2013.865686

    Examples
    --------
    >>> import linkchart
    >>> from linkchart import Relation, Vocabulary
    >>> c = linkchart.from_records(
    ...     [{"id": x, "type": "person"} for x in "abcd"],
    ...     [{"from": "a", "relation": "knows", "to": "b"},
    ...      {"from": "b", "relation": "knows", "to": "c"}],
    ...     vocabulary=Vocabulary(relations=(Relation("knows", directed=False),)),
    ... )
    >>> {k: round(v, 3) for k, v in harmonic(c).items()}
    {'a': 1.5, 'b': 2.0, 'c': 1.5, 'd': 0.0}
    >>> {k: round(v, 3) for k, v in harmonic(c, normalized=True).items()}
    {'a': 0.5, 'b': 0.667, 'c': 0.5, 'd': 0.0}
    """
    rels = read_relations(chart, relations, layers, signs)
    p = project(chart, relations=rels, directed=directed, weight=weight)
    values = _harmonic(p, engine, mode, workers, executor)
    if normalized and p.n > 1:
        values = values / (p.n - 1)
    return Scores(
        chart,
        values,
        measure="harmonic",
        parameters=parameters(
            engine=engine,
            relations=rels,
            weight=weight,
            directed=p.directed,
            mode=mode,
            normalized=normalized,
        ),
    )
