"""Measures that read the sign of a tie: PN centrality and structural balance.

The unsigned measures leave hostile ties out (see :mod:`~linkchart.analysis.reading`).
These two read them: a tie to an enemy *lowers* PN centrality, and a triangle of two
allies and a common enemy is balanced while one of an ally who fights an ally is not.

Both read the chart as a simple undirected signed graph (PN centrality also its directed
in/out form): between two nodes there is a positive tie if any positive relation joins
them and a negative tie if any negative relation does. A pair joined both ways is
*ambivalent*: PN centrality counts both (:math:`P_{ij} - 2N_{ij} = -1`), balance counts
it as negative (a hostile tie is the one an analyst cannot ignore) and lists it. A
*neutral* relation (``sign: neutral``: presence, geography, a statement, an assessment)
is neither friendship nor enmity: neither measure reads it, even when ``relations``
names it, and a node whose only ties are neutral has no camp.
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

import numpy as np
import numpy.typing as npt

from ..errors import LinkchartError, UndefinedMeasureError
from ..model import LinkChart
from ._common import NodeMapping
from ._measure import measure, undirected_only
from .projection import project
from .reading import reading
from .scores import Scores
from .types import Engine, Layers, Mode, Relations, Seed

__all__ = [
    "BalanceResult",
    "SignedTriangle",
    "balance",
    "pn_centrality",
    "signed_pairs",
]

IntArray = npt.NDArray[np.int64]


def signed_pairs(
    chart: LinkChart, *, relations: Relations = None, layers: Layers = None, directed: bool = False
) -> tuple[IntArray, IntArray, IntArray, IntArray]:
    """The signed simple graph of a chart: for each tie, its two ends, ``P`` and ``N``.

    Returns ``(src, dst, positive, negative)``: endpoint positions and 0/1 flags of a
    positive and of a negative tie between them (both may be 1). Undirected
    (``directed=False``): one row per unordered pair, ``src < dst``; directed: one row per
    ordered pair, an undirected relation counting both ways. Self-loops are dropped.

    Examples
    --------
    >>> import linkchart
    >>> from linkchart.vocabulary import Relation, Vocabulary
    >>> v = Vocabulary(relations=(Relation("ally", directed=False),
    ...     Relation("fights", directed=False, sign="negative")))
    >>> c = linkchart.from_records([{"id": x, "type": "state"} for x in "abc"],
    ...     [{"from": "a", "relation": "ally", "to": "b"}, {"from": "b", "relation": "fights", "to": "c"},
    ...      {"from": "a", "relation": "fights", "to": "b"}], vocabulary=v)
    >>> [x.tolist() for x in signed_pairs(c)]
    [[0, 1], [1, 2], [1, 0], [1, 1]]
    """
    r = reading(chart, relations=relations, layers=layers, signs="all")
    sign = {x.name: x.sign for x in chart.vocabulary.relations}
    n = chart.number_of_nodes
    parts = []
    for sign_rels, flag in (
        ([x for x in r.relations if sign[x] == "positive"], 0),
        ([x for x in r.relations if sign[x] == "negative"], 1),
    ):
        if not sign_rels:
            continue
        p = project(chart, relations=sign_rels, directed=directed)
        src, dst = p.src.astype(np.int64), p.dst.astype(np.int64)
        parts.append((src * n + dst, flag))
    if not parts:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, empty, empty
    keys = np.unique(np.concatenate([k for k, _ in parts]))
    pos = np.zeros(len(keys), dtype=np.int64)
    neg = np.zeros(len(keys), dtype=np.int64)
    for k, flag in parts:
        (neg if flag else pos)[np.searchsorted(keys, k)] = 1
    return keys // n, keys % n, pos, neg


@measure(
    returns="node",
    higher_is_more=True,
    meaning="PN (positive-negative) centrality: ties to friends raise it, ties to enemies lower it "
    "(Everett & Borgatti 2014)",
    cost="solve",
    weight="topological",
    in_report=True,
    on_page=True,
    signed=True,
    nouns={"mode": "PN mode"},
)
def pn_centrality(
    chart: LinkChart,
    *,
    mode: Mode = "all",
    relations: Relations = None,
    layers: Layers = None,
    weight: None = None,
    directed: bool | None = None,
    engine: Engine = "igraph",
) -> Scores:
    r"""PN centrality of Everett & Borgatti: centrality that positive ties raise and negative ties lower.

    With :math:`P` and :math:`N` the 0/1 adjacency matrices of positive and negative
    ties and :math:`A = P - 2N`, on the undirected reading (``mode="all"``):

    .. math::

       PN = \left(I - \frac{1}{2n-2} A\right)^{-1} \mathbf{1}

    and on the directed reading, after the hubs-and-authorities form of the paper,

    .. math::

       PN^{out} = \left(I - \frac{A A^\top}{4(n-1)^2}\right)^{-1}
                  \left(I + \frac{A}{2n-2}\right) \mathbf{1}, \qquad
       PN^{in}  = \left(I - \frac{A^\top A}{4(n-1)^2}\right)^{-1}
                  \left(I + \frac{A^\top}{2n-2}\right) \mathbf{1}.

    A node with only positive ties to well-tied nodes scores above 1; ties to enemies
    (and to enemies' friends) pull it below. Negative ties weigh twice, as in the paper.

    Parameters
    ----------
    chart
        The chart; it is not changed.
    mode
        ``"all"`` (default, undirected), ``"out"`` or ``"in"`` (directed: an undirected
        relation counts both ways).
    %(reading_signed)s
    weight
        Must be ``None``: the index counts ties (one per pair and sign).
    directed
        ``None`` or a value that agrees with ``mode`` (``False`` for ``"all"``,
        ``True`` for ``"in"``/``"out"``); accepted so that the common arguments of a
        report pass through.
    engine
        Accepted for symmetry with the other measures; the index is a sparse linear
        solve (:func:`scipy.sparse.linalg.spsolve`), which neither igraph nor networkx
        offers, so both engines give the same numbers.

    Returns
    -------
    Scores
        PN per node id; 1 for a node without ties.

    Raises
    ------
    UnknownNameError
        For an unknown mode, engine, relation or layer.
    LinkchartError
        For a weight or a ``directed`` that contradicts ``mode``.
    UndefinedMeasureError
        For a chart where the matrix is singular (the index is undefined: two nodes joined
        only by a hostile tie is the one case, since negative ties weigh two); an analysis,
        the report and the page leave the measure out with this reason.

    Notes
    -----
    *Multigraph handling.* Parallel edges of one sign between a pair are one tie; a
    pair with ties of both signs has :math:`A_{ij} = 1 - 2 = -1`. *Complexity.* One
    sparse LU factorisation of an :math:`n \times n` matrix with :math:`O(m)` non-zeros
    (``in``/``out``: :math:`O(\sum_v d_v^2)`).

    References
    ----------
    .. [1] Everett, M. G., & Borgatti, S. P. (2014). Networks containing negative ties.
       *Social Networks* 38, 111-120. https://doi.org/10.1016/j.socnet.2014.03.005

    Examples
    --------
    >>> import linkchart
    >>> from linkchart.vocabulary import Relation, Vocabulary
    >>> v = Vocabulary(relations=(Relation("ally", directed=False),
    ...     Relation("fights", directed=False, sign="negative")))
    >>> c = linkchart.from_records([{"id": x, "type": "state"} for x in "abc"],
    ...     [{"from": "a", "relation": "ally", "to": "b"}, {"from": "b", "relation": "fights", "to": "c"}],
    ...     vocabulary=v)
    >>> {k: round(v, 4) for k, v in pn_centrality(c).items()}  # 14/11, 12/11, 5/11
    {'a': 1.2727, 'b': 1.0909, 'c': 0.4545}
    """
    from scipy.sparse import csr_matrix, identity
    from scipy.sparse.linalg import spsolve

    if mode == "all":
        undirected_only("pn_centrality with mode='all'", directed)
    elif directed is False:
        raise LinkchartError(
            f"pn_centrality with mode={mode!r} reads ties as directed: directed must be None or True"
        )
    n = chart.number_of_nodes
    if n == 0:
        return Scores(chart, np.zeros(0), measure="pn_centrality", parameters={"mode": mode})
    src, dst, pos, neg = signed_pairs(chart, relations=relations, layers=layers, directed=mode != "all")
    values = (pos - 2 * neg).astype(np.float64)
    if mode == "all":
        rows, cols, vals = (
            np.concatenate([src, dst]),
            np.concatenate([dst, src]),
            np.concatenate([values, values]),
        )
    else:
        rows, cols, vals = src, dst, values
    a = csr_matrix((vals, (rows, cols)), shape=(n, n))
    eye = identity(n, format="csc")
    ones = np.ones(n)
    c = 1.0 / (2 * n - 2) if n > 1 else 0.0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # a singular matrix is reported below, in our words
        if mode == "all":
            pn = spsolve((eye - c * a).tocsc(), ones) if n > 1 else ones
        else:
            m = a if mode == "out" else a.T.tocsr()
            rhs = ones + c * (m @ ones)
            pn = spsolve((eye - (c * c) * (m @ m.T)).tocsc(), rhs) if n > 1 else ones
    if not np.all(np.isfinite(pn)):
        raise UndefinedMeasureError(
            "PN centrality is undefined here: I - A/(2n-2) is singular (as for two nodes joined "
            "only by a hostile tie); read more nodes, or use degree by sign",
            code="bad-argument",
        )
    r = reading(chart, relations=relations, layers=layers, signs="all")
    return Scores(
        chart,
        np.atleast_1d(np.asarray(pn, dtype=np.float64)),
        measure="pn_centrality",
        parameters={
            "mode": mode,
            "relations": None if r.everything else list(r.relations),
            "layers": list(r.layers),
        },
    )


# --------------------------------------------------------------------------- balance
@dataclass(frozen=True, slots=True)
class SignedTriangle:
    """Three nodes tied pairwise, with the sign of each of their three ties.

    Attributes
    ----------
    nodes
        The three node ids, in chart order.
    signs
        The signs of the ties ``nodes[0]-nodes[1]``, ``nodes[0]-nodes[2]``,
        ``nodes[1]-nodes[2]``: ``+1`` or ``-1`` (an ambivalent pair is ``-1``).
    edges
        The ids of the chart's edges behind each of the three ties, same order (every
        edge read between the pair, either direction), so each tie's evidence is a
        lookup away (``chart.edge(id).evidence``).
    """

    nodes: tuple[str, str, str]
    signs: tuple[int, int, int]
    edges: tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]] = ((), (), ())

    @property
    def balanced(self) -> bool:
        """Whether the product of the signs is positive (Cartwright & Harary)."""
        return self.signs[0] * self.signs[1] * self.signs[2] > 0

    def __str__(self) -> str:
        a, b, c = self.nodes
        s = ["+" if x > 0 else "-" for x in self.signs]
        return f"{a} {s[0]} {b}, {a} {s[1]} {c}, {b} {s[2]} {c}"


class Camps(NodeMapping[int | None]):
    """Node id -> camp number (0, 1, ...), ``None`` for a node without a signed tie."""

    __slots__ = ()

    def __init__(self, chart: LinkChart, camps: Sequence[int | None]) -> None:
        object.__setattr__(self, "chart", chart)
        object.__setattr__(self, "_data", MappingProxyType(dict(zip(chart.node_ids, camps, strict=True))))

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"Camps are immutable; cannot set {name!r}")


@dataclass(frozen=True)
class BalanceResult:
    """Structural balance of a signed chart: triangles, the balance ratio and the camps.

    Attributes
    ----------
    triangles
        Every triangle of the signed graph.
    census
        How many triangles have 0, 1, 2 and 3 negative ties (``+++``, ``++-``, ``+--``,
        ``---``); those with 0 or 2 are balanced.
    camps
        Node id -> camp, the partition that minimises :attr:`frustration`.
    frustration
        Ties that the camps leave unexplained: negative ties inside a camp plus positive
        ties between camps (0 for a perfectly balanced, clusterable graph).
    ambivalent
        Pairs joined by both a positive and a negative tie (read as negative here).
    parameters
        The arguments it ran with.
    """

    triangles: tuple[SignedTriangle, ...]
    census: tuple[int, int, int, int]
    camps: Camps
    frustration: int
    ambivalent: tuple[tuple[str, str], ...]
    parameters: Mapping[str, Any] = field(default_factory=dict)

    @property
    def balanced(self) -> int:
        """How many triangles are balanced."""
        return self.census[0] + self.census[2]

    @property
    def ratio(self) -> float:
        """Balanced triangles over all triangles; ``NaN`` without triangles."""
        total = sum(self.census)
        return self.balanced / total if total else float("nan")

    @property
    def unbalanced(self) -> tuple[SignedTriangle, ...]:
        """The triangles whose sign product is negative."""
        return tuple(t for t in self.triangles if not t.balanced)


def _triangles(n: int, src: IntArray, dst: IntArray, engine: Engine) -> list[tuple[int, int, int]]:
    if engine == "igraph":
        import igraph as ig

        g = ig.Graph(n=n, edges=np.column_stack([src, dst]).tolist(), directed=False)
        return [tuple(sorted(t)) for t in g.list_triangles()]
    import networkx as nx

    g = nx.Graph()
    g.add_nodes_from(range(n))
    g.add_edges_from(zip(src.tolist(), dst.tolist(), strict=True))
    out = []
    for u, v in g.edges():
        a, b = (u, v) if u < v else (v, u)
        for w in nx.common_neighbors(g, a, b):
            if w > b:
                out.append((a, b, w))
    return out


def _edges_behind(
    chart: LinkChart, pairs: set[tuple[int, int]], relations: Relations, layers: Layers
) -> dict[tuple[int, int], tuple[str, ...]]:
    """The ids of the edges read between each pair of node positions (``a < b``)."""
    out: dict[tuple[int, int], list[str]] = {p: [] for p in pairs}
    if not pairs:
        return {}
    r = reading(chart, relations=relations, layers=layers, signs="all")
    names = chart.vocabulary.relation_names
    codes = {names.index(x) for x in r.relations}
    e = chart.edges
    for k, (a, b, rel) in enumerate(zip(e.src.tolist(), e.dst.tolist(), e.relation.tolist(), strict=True)):
        key = (a, b) if a < b else (b, a)
        if rel in codes and key in out:
            out[key].append(e.id_of(k))
    return {p: tuple(v) for p, v in out.items()}


def _frustration(camp: IntArray, src: IntArray, dst: IntArray, sign: IntArray) -> int:
    same = camp[src] == camp[dst]
    return int(np.sum(same & (sign < 0)) + np.sum(~same & (sign > 0)))


def _camps(
    n: int, src: IntArray, dst: IntArray, sign: IntArray, k: int, restarts: int, seed: int
) -> tuple[IntArray, int]:
    """Local search for the k-partition of least frustration (Doreian & Mrvar), best of restarts."""
    neighbours: list[list[tuple[int, int]]] = [[] for _ in range(n)]
    for a, b, s in zip(src.tolist(), dst.tolist(), sign.tolist(), strict=True):
        neighbours[a].append((b, s))
        neighbours[b].append((a, s))
    active = [v for v in range(n) if neighbours[v]]
    rng = np.random.default_rng(seed)
    best: IntArray | None = None
    best_f = -1
    for _ in range(max(1, restarts)):
        camp = rng.integers(0, k, size=n).astype(np.int64)
        improved = True
        while improved:
            improved = False
            for v in rng.permutation(active).tolist():
                cost = [0] * k
                for u, s in neighbours[v]:
                    cu = int(camp[u])
                    if s > 0:  # a positive tie costs in every camp but u's
                        for c in range(k):
                            cost[c] += c != cu
                    else:  # a negative tie costs in u's camp
                        cost[cu] += 1
                here = int(camp[v])
                target = min(range(k), key=lambda c: (cost[c], c != here))
                if cost[target] < cost[here]:
                    camp[v] = target
                    improved = True
        f = _frustration(camp, src, dst, sign)
        if best is None or f < best_f:
            best, best_f = camp.copy(), f
            if f == 0:
                break
    assert best is not None
    return best, best_f


@measure(
    returns="structure",
    higher_is_more=True,
    meaning="structural balance: signed triangles, unbalanced ones, and the camps of friends against "
    "enemies that fit the signs best (least frustration; seeded)",
    cost="local",
    weight="topological",
    undirected=True,
    in_report=True,
    seeded=True,
    signed=True,
)
def balance(
    chart: LinkChart,
    *,
    camps: int = 2,
    restarts: int = 50,
    seed: Seed = 0,
    relations: Relations = None,
    layers: Layers = None,
    weight: None = None,
    directed: bool | None = None,
    engine: Engine = "igraph",
) -> BalanceResult:
    r"""Structural balance: signed triangles, the balance ratio, and the camps of least frustration.

    A triangle is *balanced* when the product of its three signs is positive (Cartwright
    & Harary 1956): three allies, or two allies and a common enemy. The balance ratio is
    the share of balanced triangles. The *camps* are a partition of the nodes into
    ``camps`` groups that minimises the frustration — negative ties inside a camp plus
    positive ties between camps — found by a seeded local search (each node moves to the
    camp where it frustrates least, until none moves) from ``restarts`` random starts, the
    criterion of Doreian & Mrvar's signed blockmodel with equal weight on both errors.

    Parameters
    ----------
    chart
        The chart; it is not changed.
    camps
        How many camps (at least 2; default 2).
    restarts
        Random starts of the local search (default 50); the best is kept.
    seed
        Seeds the search. %(seed)s
    %(reading_signed)s
    weight
        Must be ``None``: ties are counted.
    %(undirected)s
    engine
        ``"igraph"`` (default) or ``"networkx"``: the triangle enumeration; the camps'
        local search is the same code for both, so both give the same result.

    Returns
    -------
    BalanceResult

    Raises
    ------
    UnknownNameError
        For an unknown engine, relation or layer.
    LinkchartError
        For fewer than 2 camps, a negative ``restarts``, a weight, or ``directed=True``.

    Notes
    -----
    *Multigraph handling.* A pair joined by positive and negative ties is negative (and
    listed in :attr:`BalanceResult.ambivalent`). Nodes without a signed tie have no camp
    (``None``). *Complexity.* Triangles :math:`O(m^{3/2})`; each local-search pass
    :math:`O(k m)`. The search is a heuristic: its frustration is an upper bound on the
    optimum, exact when it is 0.

    References
    ----------
    .. [1] Cartwright, D., & Harary, F. (1956). Structural balance: a generalization of
       Heider's theory. *Psychological Review* 63(5), 277-293.
       https://doi.org/10.1037/h0046049
    .. [2] Doreian, P., & Mrvar, A. (1996). A partitioning approach to structural balance.
       *Social Networks* 18(2), 149-168. https://doi.org/10.1016/0378-8733(95)00259-6

    Examples
    --------
    >>> import linkchart
    >>> from linkchart.vocabulary import Relation, Vocabulary
    >>> v = Vocabulary(relations=(Relation("ally", directed=False),
    ...     Relation("fights", directed=False, sign="negative")))
    >>> c = linkchart.from_records([{"id": x, "type": "state"} for x in "abcd"],
    ...     [{"from": "a", "relation": "ally", "to": "b"}, {"from": "a", "relation": "fights", "to": "c"},
    ...      {"from": "b", "relation": "fights", "to": "c"}, {"from": "c", "relation": "ally", "to": "d"}],
    ...     vocabulary=v)
    >>> b = balance(c)
    >>> b.census, b.ratio, b.frustration, b.camps["a"] == b.camps["b"] != b.camps["c"] == b.camps["d"]
    ((0, 0, 1, 0), 1.0, 0, True)
    """
    if isinstance(camps, bool) or not isinstance(camps, int) or camps < 2:
        raise LinkchartError(f"camps must be an integer of at least 2, not {camps!r}", code="bad-argument")
    if isinstance(restarts, bool) or not isinstance(restarts, int) or restarts < 1:
        raise LinkchartError(f"restarts must be a positive integer, not {restarts!r}", code="bad-argument")
    n = chart.number_of_nodes
    src, dst, pos, neg = signed_pairs(chart, relations=relations, layers=layers)
    sign = np.where(neg > 0, -1, 1).astype(np.int64)
    ids = chart.node_ids
    pair_sign = {(a, b): s for a, b, s in zip(src.tolist(), dst.tolist(), sign.tolist(), strict=True)}
    triangles = []
    census = [0, 0, 0, 0]
    found = sorted(_triangles(n, src, dst, engine))
    behind = _edges_behind(
        chart, {p for a, b, c in found for p in ((a, b), (a, c), (b, c))}, relations, layers
    )
    for a, b, c in found:
        signs = (pair_sign[(a, b)], pair_sign[(a, c)], pair_sign[(b, c)])
        census[sum(s < 0 for s in signs)] += 1
        edges = (behind[(a, b)], behind[(a, c)], behind[(b, c)])
        triangles.append(SignedTriangle((ids[a], ids[b], ids[c]), signs, edges))
    camp, frustration = _camps(n, src, dst, sign, camps, restarts, seed)
    touched = np.zeros(n, dtype=bool)
    touched[src] = touched[dst] = True
    # number camps in order of their first node, so equal partitions read the same
    order: dict[int, int] = {}
    for v in range(n):
        if touched[v]:
            order.setdefault(int(camp[v]), len(order))
    labels = [order[int(camp[v])] if touched[v] else None for v in range(n)]
    both = (pos > 0) & (neg > 0)
    r = reading(chart, relations=relations, layers=layers, signs="all")
    return BalanceResult(
        tuple(triangles),
        (census[0], census[1], census[2], census[3]),
        Camps(chart, labels),
        frustration,
        tuple((ids[a], ids[b]) for a, b in zip(src[both].tolist(), dst[both].tolist(), strict=True)),
        MappingProxyType(
            {
                "camps": camps,
                "restarts": restarts,
                "seed": seed,
                "engine": engine,
                "relations": None if r.everything else list(r.relations),
                "layers": list(r.layers),
            }
        ),
    )
