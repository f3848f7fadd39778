"""Borgatti's key players: the set of *k* nodes whose removal fragments the network most
(KPP-Neg), or which reaches the most others (KPP-Pos).

A centrality ranks nodes one by one; the best *set* is not the top *k* of any ranking,
because central nodes are often redundant (they cut, or reach, the same people). Key
player analysis scores the set as a whole and searches for the best one.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from itertools import combinations
from types import MappingProxyType
from typing import Any, Literal, get_args

import numpy as np
import numpy.typing as npt

from ..errors import LinkchartError
from ..model import LinkChart
from ._common import parameters
from ._measure import check_count, measure, vocabulary
from .projection import Projection, project
from .reading import read_relations
from .types import Engine, Layers, Relations, Seed, SignReading

__all__ = [
    "CRITERIA",
    "EXHAUSTIVE_LIMIT",
    "SEARCHES",
    "STARTS",
    "Criterion",
    "KeyPlayers",
    "Search",
    "Start",
    "key_player_score",
    "key_players",
]

Criterion = Literal["fragmentation", "component_fragmentation", "reach", "distance_reach"]
Start = Literal["greedy", "random"]
Search = Literal["auto", "exhaustive", "swap"]
CRITERIA: tuple[str, ...] = get_args(Criterion)
STARTS: tuple[str, ...] = get_args(Start)
SEARCHES: tuple[str, ...] = get_args(Search)
EXHAUSTIVE_LIMIT = 2_000
"""With ``search="auto"``, every set is scored when there are at most this many."""
_REMOVAL = frozenset({"fragmentation", "component_fragmentation"})
_TOL = 1e-12  # an improvement smaller than this (relative) is no improvement

Evaluate = Callable[[tuple[int, ...]], float]


@dataclass(frozen=True, slots=True)
class KeyPlayers:
    """The key player set found by :func:`key_players`.

    Attributes
    ----------
    nodes
        The chosen node ids, the largest individual contribution first (ties by chart
        order).
    contributions
        For each node of ``nodes``, how much the set's score falls without it:
        ``score - score(set without that node)``.
    score
        The criterion's value for the set (fragmentation once the set is removed, or
        the reach of the set).
    baseline
        The criterion's value with nobody removed (fragmentation of the intact network)
        or nobody chosen (reach 0).
    criterion
        ``"fragmentation"``, ``"component_fragmentation"``, ``"reach"`` or
        ``"distance_reach"``.
    k
        The size of the set.
    converged
        ``True`` when every set was scored (the optimum) or the swap search stopped
        because no swap improved the score (a local optimum); ``False`` when it
        stopped at ``max_iter`` swaps.
    parameters
        The arguments the search ran with.
    """

    nodes: tuple[str, ...]
    contributions: tuple[float, ...]
    score: float
    baseline: float
    criterion: str
    k: int
    converged: bool
    parameters: Mapping[str, Any]

    @property
    def gain(self) -> float:
        """``score - baseline``: how much the set fragments, or reaches."""
        return self.score - self.baseline


# --------------------------------------------------------------------------- criteria
def _fragmentation(histogram: Mapping[int, int], remaining: int, weighted: bool) -> float:
    """DF (``weighted``) or F from the counts of ordered pairs at each finite distance."""
    if remaining < 2:
        return 1.0
    pairs = remaining * (remaining - 1)
    if weighted:
        cohesion = math.fsum(count / d for d, count in sorted(histogram.items()))
    else:
        cohesion = float(sum(histogram.values()))
    return 1.0 - cohesion / pairs


def _histogram_igraph(p: Projection, graph: Any, removed: tuple[int, ...]) -> Counter[int]:
    h = graph.copy()
    h.delete_vertices(list(removed))
    found = h.path_length_hist(directed=p.directed)
    twice = 1 if p.directed else 2  # igraph counts an unordered pair once
    return Counter({int(lo): twice * int(count) for lo, _, count in found.bins() if count})


def _histogram_networkx(graph: Any, removed: tuple[int, ...]) -> Counter[int]:
    import networkx as nx

    gone = set(removed)
    h = graph.subgraph(v for v in graph if v not in gone)
    out: Counter[int] = Counter()
    for _, lengths in nx.all_pairs_shortest_path_length(h):
        out.update(d for d in lengths.values() if d > 0)
    return out


def _reachable_pairs_undirected(p: Projection, graph: Any, removed: tuple[int, ...], engine: Engine) -> int:
    """Ordered pairs that can reach each other once ``removed`` is gone, from component sizes."""
    if engine == "igraph":
        h = graph.copy()
        h.delete_vertices(list(removed))
        sizes = h.connected_components().sizes()
    else:
        import networkx as nx

        gone = set(removed)
        sizes = [len(c) for c in nx.connected_components(graph.subgraph(v for v in graph if v not in gone))]
    return sum(s * (s - 1) for s in sizes)


def _distance_matrix(p: Projection, engine: Engine) -> npt.NDArray[np.float32]:
    """Distances from every node to every node (``inf`` when unreachable), as float32."""
    if engine == "igraph":
        return np.asarray(p.to_igraph().distances(mode="out"), dtype=np.float32)
    import networkx as nx

    out = np.full((p.n, p.n), np.inf, dtype=np.float32)
    for s, lengths in nx.all_pairs_shortest_path_length(p.to_networkx()):
        out[s, list(lengths)] = list(lengths.values())
    return out


def _evaluator(p: Projection, criterion: Criterion, max_distance: int, engine: Engine) -> Evaluate:
    """A memoised function from a sorted tuple of positions to the criterion's value."""
    n = p.n
    cache: dict[tuple[int, ...], float] = {}
    if criterion in _REMOVAL:
        weighted = criterion == "fragmentation"
        graph = p.to_igraph() if engine == "igraph" else p.to_networkx()

        def raw(s: tuple[int, ...]) -> float:
            if not weighted and not p.directed:
                reachable = _reachable_pairs_undirected(p, graph, s, engine)
                return _fragmentation({1: reachable}, n - len(s), weighted=False)
            hist = _histogram_igraph(p, graph, s) if engine == "igraph" else _histogram_networkx(graph, s)
            return _fragmentation(hist, n - len(s), weighted)

    else:
        distances = _distance_matrix(p, engine)
        weighted = criterion == "distance_reach"

        def raw(s: tuple[int, ...]) -> float:
            if not s:
                return 0.0
            nearest = distances[list(s)].min(axis=0).astype(np.float64)
            nearest[list(s)] = np.inf  # members are not counted as reached
            if weighted:
                return float(np.sum(1.0 / nearest)) / n
            return float(np.count_nonzero(nearest <= max_distance)) / (n - len(s))

    def evaluate(s: tuple[int, ...]) -> float:
        value = cache.get(s)
        if value is None:
            value = cache[s] = raw(s)
        return value

    return evaluate


# --------------------------------------------------------------------------- search
def _better(candidate: float, current: float) -> bool:
    return candidate > current + _TOL * max(1.0, abs(current))


def _greedy(evaluate: Evaluate, n: int, k: int) -> tuple[int, ...]:
    chosen: tuple[int, ...] = ()
    for _ in range(k):
        best, best_score = chosen, -math.inf
        for v in range(n):
            if v in chosen:
                continue
            trial = tuple(sorted((*chosen, v)))
            score = evaluate(trial)
            if best_score == -math.inf or _better(score, best_score):
                best, best_score = trial, score
        chosen = best
    return chosen


def _swap(evaluate: Evaluate, n: int, start: tuple[int, ...], max_iter: int) -> tuple[tuple[int, ...], bool]:
    """Borgatti's steepest-ascent swap search; whether it reached a local optimum."""
    current, score = start, evaluate(start)
    for _ in range(max_iter):
        best, best_score = current, score
        members = set(current)
        for u in current:
            rest = [x for x in current if x != u]
            for v in range(n):
                if v in members:
                    continue
                trial = tuple(sorted((*rest, v)))
                value = evaluate(trial)
                if _better(value, best_score):
                    best, best_score = trial, value
        if best == current:
            return current, True
        current, score = best, best_score
    return current, False


def _exhaustive(evaluate: Evaluate, n: int, k: int) -> tuple[int, ...]:
    best: tuple[int, ...] = tuple(range(k))
    best_score = evaluate(best)
    for trial in combinations(range(n), k):
        value = evaluate(trial)
        if _better(value, best_score):
            best, best_score = trial, value
    return best


# --------------------------------------------------------------------------- checks
def _projection(chart: LinkChart, relations: list[str] | None, directed: bool | None) -> Projection:
    if chart.number_of_nodes == 0:
        raise LinkchartError("key players: the chart has no nodes; load or filter a chart that has some")
    return project(chart, relations=relations, directed=directed)


# --------------------------------------------------------------------------- public
@vocabulary(weight="topological")
def key_player_score(
    chart: LinkChart,
    nodes: Iterable[str],
    *,
    criterion: Criterion = "fragmentation",
    max_distance: int = 1,
    relations: Relations = None,
    layers: Layers = None,
    signs: SignReading | None = None,
    weight: None = None,
    directed: bool | None = None,
    engine: Engine = "igraph",
) -> float:
    """The key-player criterion of a given set of nodes (see :func:`key_players`).

    Scores a set an analyst proposes ("what if these three were arrested?"); the
    arguments mean what they mean for :func:`key_players`.

    Parameters
    ----------
    chart
        The chart; it is not changed.
    nodes
        The node ids of the set (repeats count once); an empty set gives the baseline.
    criterion, max_distance, relations, layers, signs, weight, directed, engine
        As for :func:`key_players`.

    Returns
    -------
    float

    Raises
    ------
    UnknownNameError
        For an unknown node id (with a did-you-mean hint), criterion, engine or relation.
    LinkchartError
        For an empty chart, a set holding every node, or a bad ``max_distance``.

    Examples
    --------
    >>> import linkchart
    >>> chart = linkchart.from_records(
    ...     [{"id": x, "type": "person"} for x in "abc"],
    ...     [{"from": "a", "relation": "knows", "to": "b"},
    ...      {"from": "b", "relation": "knows", "to": "c"}],
    ... )
    >>> key_player_score(chart, ["b"], directed=False)
    1.0
    >>> key_player_score(chart, ["b"], criterion="reach", directed=False)
    1.0
    """
    max_distance = check_count("max_distance", max_distance, 1)
    p = _projection(chart, read_relations(chart, relations, layers, signs), directed)
    positions = tuple(sorted({chart.index_of(x) for x in ([nodes] if isinstance(nodes, str) else nodes)}))
    if len(positions) >= p.n:
        raise LinkchartError(f"key players: the set holds all {p.n} nodes; leave at least one out")
    return _evaluator(p, criterion, max_distance, engine)(positions)


@measure(
    returns="structure",
    higher_is_more=True,
    meaning="Borgatti's key player sets: who fragments, who reaches (undirected reading)",
    cost="exponential",
    weight="topological",
    in_report=True,
    options={"directed": False},
    seeded=True,
)
def key_players(
    chart: LinkChart,
    k: int = 3,
    *,
    criterion: Criterion = "fragmentation",
    max_distance: int = 1,
    relations: Relations = None,
    layers: Layers = None,
    signs: SignReading | None = None,
    weight: None = None,
    directed: bool | None = None,
    engine: Engine = "igraph",
    seed: Seed = 0,
    search: Search = "auto",
    start: Start = "greedy",
    restarts: int = 0,
    max_iter: int = 100,
) -> KeyPlayers:
    r"""Borgatti's key player set: the *k* nodes that fragment (KPP-Neg) or reach (KPP-Pos) most.

    **KPP-Neg**: remove the set :math:`S` and measure how fragmented the :math:`n`
    remaining nodes are. Distance-weighted fragmentation (``"fragmentation"``, the
    default) and the simpler component fragmentation (``"component_fragmentation"``):

    .. math::

       DF = 1 - \frac{\sum_{i \ne j} 1 / d_{ij}}{n(n-1)}, \qquad
       F = 1 - \frac{\sum_c s_c (s_c - 1)}{n(n-1)}

    over ordered pairs of remaining nodes (:math:`1/\infty = 0`), with :math:`s_c` the
    sizes of the components left. Both are 0 for a complete graph and 1 when no tie is
    left. **KPP-Pos**: the share of the :math:`n - k` other nodes within ``max_distance``
    steps :math:`m` of some member of the set (``"reach"``), or the distance-weighted
    reach (``"distance_reach"``):

    .. math::

       R = \frac{|\{j \notin S : d_{Sj} \le m\}|}{n - k}, \qquad
       DR = \frac{1}{n} \sum_{j \notin S} \frac{1}{d_{Sj}}

    with :math:`d_{Sj} = \min_{s \in S} d_{sj}` in the whole network (:math:`DR` is at
    most :math:`(n-k)/n`, reached when every other node is adjacent to the set).

    Parameters
    ----------
    chart
        The chart; it is not changed.
    k
        The size of the set: at least 1, less than the number of nodes.
    criterion
        ``"fragmentation"`` (default, :math:`DF`), ``"component_fragmentation"``
        (:math:`F`), ``"reach"`` (:math:`R`) or ``"distance_reach"`` (:math:`DR`).
    max_distance
        :math:`m` for ``"reach"`` (default 1: the set's direct contacts).
    %(reading)s
    weight
        Only ``None``: the criteria count steps along ties (topological).
    directed
        ``None`` (default) follows the vocabulary, as every measure does; ``True``
        forces a directed reading: pairs are then ordered (:math:`d_{ij}` may differ
        from :math:`d_{ji}`) and reach follows ties outwards from the set. ``False``
        reads every tie as undirected, as in the paper (the report reads it so).
    engine
        ``"igraph"`` (default) or ``"networkx"``; they compute the same distances, hence
        the same scores and the same set.
    search
        ``"auto"`` (default): score every set when there are at most
        :data:`EXHAUSTIVE_LIMIT` of them (:math:`\binom{n}{k}`), which gives the
        optimum, else the swap search; ``"exhaustive"`` or ``"swap"`` to choose.
    seed
        Seed of the swap search's random starts (``start="random"`` and ``restarts``).
        %(seed)s
    start
        ``"greedy"`` (default): add, one at a time, the node that improves the score
        most; ``"random"``: a seeded random set. The swap search then runs from it.
    restarts
        How many extra seeded random starts to run; the best set found is kept (the
        first found on a tie).
    max_iter
        The most swaps the search makes from each start (each one strictly improves
        the score, so it stops anyway at a local optimum).

    Returns
    -------
    KeyPlayers
        The set (node ids, ordered by their individual contribution), its score, the
        baseline and whether the search converged.

    Raises
    ------
    LinkchartError
        For an empty chart, a ``k`` below 1 or not below the number of nodes, or a bad
        ``max_distance``, ``restarts`` or ``max_iter``.
    UnknownNameError
        For an unknown criterion, start, engine or relation.

    Notes
    -----
    *Search.* The optimum is NP-hard to find in general. Small problems are solved
    exactly by scoring every set. Otherwise, as in the paper, a start set is improved
    by swaps: every member is tried against every non-member and the best improving
    swap is made, until none improves (steepest ascent). That is a local optimum, not
    always the best set (a 5-node graph with :math:`k = 2` can trap it);
    ``restarts`` explores further. Ties between sets are broken by the nodes' chart
    order, so the result is deterministic. Scores are compared from integer counts of pairs
    per distance, so both engines make the same choices.

    *Weight semantics.* None: ties are unweighted, as in the paper; any number of
    parallel edges is one tie. *Multigraph handling.* The chart is projected
    (:func:`~linkchart.analysis.projection.project`); self-loops are dropped.

    *Complexity.* The exhaustive search costs :math:`\binom{n}{k}` evaluations, the
    greedy start :math:`k n` evaluations and each swap round
    :math:`k (n - k)`. An evaluation of ``"fragmentation"`` runs a breadth-first search
    from every remaining node, :math:`O(n m)`; ``"component_fragmentation"`` on an
    undirected reading is :math:`O(n + m)`; the reach criteria take :math:`O(k n)`
    after one all-pairs distance matrix (:math:`O(n m)` time, :math:`4 n^2` bytes).
    Evaluated sets are memoised. On a 1,000-node chart KPP-Neg with ``"fragmentation"``
    takes minutes; ``"component_fragmentation"`` and KPP-Pos take seconds.

    References
    ----------
    .. [1] Borgatti, S. P. (2006). Identifying sets of key players in a social network.
       *Computational and Mathematical Organization Theory* 12(1), 21-34.
       https://doi.org/10.1007/s10588-006-7084-x

    Examples
    --------
    A path a - b - c - d - e read as undirected, as in the paper: removing c leaves two
    pairs, {a, b} and {d, e}.

    >>> import linkchart
    >>> chart = linkchart.from_records(
    ...     [{"id": x, "type": "person"} for x in "abcde"],
    ...     [{"from": a, "relation": "knows", "to": b} for a, b in ["ab", "bc", "cd", "de"]],
    ... )
    >>> found = key_players(chart, 1, directed=False)
    >>> found.nodes, round(found.score, 3), round(found.baseline, 3)
    (('c',), 0.667, 0.358)
    >>> found = key_players(chart, 1, criterion="reach", max_distance=2, directed=False)
    >>> found.nodes, found.score
    (('c',), 1.0)
    """
    max_distance = check_count("max_distance", max_distance, 1)
    restarts = check_count("restarts", restarts, 0)
    max_iter = check_count("max_iter", max_iter, 0)
    rels = read_relations(chart, relations, layers, signs)
    p = _projection(chart, rels, directed)
    n = p.n
    if isinstance(k, bool) or not isinstance(k, int | np.integer) or not 1 <= k < n:
        raise LinkchartError(
            f"k must be an integer from 1 to {n - 1} (the chart has {n} node{'s' if n != 1 else ''}), "
            f"not {k!r}"
        )
    k = int(k)
    evaluate = _evaluator(p, criterion, max_distance, engine)
    rng = np.random.default_rng(int(seed))

    def random_start() -> tuple[int, ...]:
        return tuple(sorted(int(x) for x in rng.choice(n, size=k, replace=False)))

    if search == "auto":
        search = "exhaustive" if math.comb(n, k) <= EXHAUSTIVE_LIMIT else "swap"
    if search == "exhaustive":
        best, converged = _exhaustive(evaluate, n, k), True
    else:
        first = _greedy(evaluate, n, k) if start == "greedy" else random_start()
        best, converged = _swap(evaluate, n, first, max_iter)
        for _ in range(restarts):
            found, done = _swap(evaluate, n, random_start(), max_iter)
            if _better(evaluate(found), evaluate(best)):
                best, converged = found, done
    score = evaluate(best)
    contributions = [score - evaluate(tuple(x for x in best if x != v)) for v in best]
    order = sorted(range(k), key=lambda i: (-contributions[i], best[i]))
    ids = chart.node_ids
    return KeyPlayers(
        nodes=tuple(ids[best[i]] for i in order),
        contributions=tuple(contributions[i] for i in order),
        score=score,
        baseline=evaluate(()),
        criterion=criterion,
        k=k,
        converged=converged,
        parameters=MappingProxyType(
            parameters(
                k=k,
                criterion=criterion,
                max_distance=max_distance,
                relations=rels,
                directed=p.directed,
                engine=engine,
                search=search,
                seed=seed,
                start=start,
                restarts=restarts,
                max_iter=max_iter,
            )
        ),
    )
