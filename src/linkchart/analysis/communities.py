"""Communities (Leiden, Louvain) and the participation coefficient of Guimerà & Amaral.

Communities are groups of nodes more densely tied among themselves than to the rest;
the participation coefficient then says which nodes spread their ties across
communities, the connectors an analyst looks for between cells, factions or regions.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from types import MappingProxyType
from typing import Any, Literal, get_args

import numpy as np
import numpy.typing as npt

from .._igraph import seeded
from ..errors import LinkchartError, UnknownNameError
from ..model import LinkChart
from ._common import NodeMapping, parameters
from ._measure import measure
from .projection import Projection, project
from .reading import read_relations
from .scores import Scores
from .types import Engine, Layers, Relations, Seed, SignReading, Weighting

__all__ = [
    "LEIDEN_CONVERGE_MAX_TIES",
    "LEIDEN_ROUNDS",
    "METHODS",
    "Communities",
    "Method",
    "communities",
    "participation",
]

Method = Literal["leiden", "louvain"]
METHODS: tuple[str, ...] = get_args(Method)


class Communities(NodeMapping[int]):
    """A partition of a chart's nodes into communities: node id -> community number.

    Communities are numbered 0, 1, ... from the largest; equal sizes are ordered by
    their first node in chart order. Immutable.

    Attributes
    ----------
    chart
        The chart.
    groups
        The communities as node-id sets, in number order.
    modularity
        The modularity of the partition on the projection it was found on (with the
        resolution used), ``NaN`` when undefined (no ties).
    parameters
        The arguments it was found with.
    """

    __slots__ = ("groups", "modularity", "parameters")

    groups: tuple[frozenset[str], ...]
    modularity: float
    parameters: Mapping[str, Any]

    def __init__(
        self,
        chart: LinkChart,
        membership: Iterable[int],
        *,
        modularity: float,
        parameters: Mapping[str, Any] | None = None,
    ) -> None:
        raw = np.asarray(list(membership), dtype=np.int64)
        if raw.shape != (chart.number_of_nodes,):
            raise LinkchartError(f"got {raw.size} memberships for a chart of {chart.number_of_nodes} nodes")
        labels, first, inverse, sizes = np.unique(
            raw, return_index=True, return_inverse=True, return_counts=True
        )
        order = sorted(range(len(labels)), key=lambda k: (-int(sizes[k]), int(first[k])))
        renumber = np.empty(len(labels), dtype=np.int64)
        renumber[order] = np.arange(len(labels))
        numbers = renumber[inverse.reshape(-1)] if len(labels) else raw
        ids = chart.node_ids
        groups: list[set[str]] = [set() for _ in labels]
        for i, c in enumerate(numbers.tolist()):
            groups[c].add(ids[i])
        object.__setattr__(self, "chart", chart)
        object.__setattr__(self, "groups", tuple(frozenset(g) for g in groups))
        object.__setattr__(self, "modularity", float(modularity))
        object.__setattr__(self, "parameters", MappingProxyType(dict(parameters or {})))
        object.__setattr__(self, "_data", MappingProxyType(dict(zip(ids, numbers.tolist(), strict=True))))

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"Communities are immutable; cannot set {name!r}")

    def __repr__(self) -> str:
        sizes = ", ".join(str(len(g)) for g in self.groups[:8])
        more = ", ..." if len(self.groups) > 8 else ""
        return f"<Communities: {len(self.groups)} of sizes [{sizes}{more}], modularity {self.modularity:.3f}>"

    def to_dict(self) -> dict[str, int]:
        """A plain, new ``dict`` from node id to community number."""
        return dict(self._data)


LEIDEN_CONVERGE_MAX_TIES = 200_000
"""Up to this many ties Leiden iterates until no node moves; above, :data:`LEIDEN_ROUNDS` passes."""

LEIDEN_ROUNDS = 10


def _seeded_igraph(p: Projection, method: Method, resolution: float, seed: int) -> list[int]:
    g = p.to_igraph(weights="strength")
    w = "weight" if p.weighted else None
    with seeded(seed):  # a private generator; the global ``random`` state is never touched
        if method == "leiden":
            # until nothing moves on a chart of ordinary size; a bounded number of passes on a
            # very large one, where convergence can take hours on a graph without communities
            rounds = -1 if p.m <= LEIDEN_CONVERGE_MAX_TIES else LEIDEN_ROUNDS
            found = g.community_leiden(
                objective_function="modularity", weights=w, resolution=resolution, n_iterations=rounds
            )
        else:
            found = g.community_multilevel(weights=w, resolution=resolution)
    return list(found.membership)


def _networkx(p: Projection, method: Method, resolution: float, seed: int) -> list[int]:
    import networkx as nx

    if method == "leiden":
        raise LinkchartError(
            "networkx has no Leiden implementation of its own; use engine='igraph' or method='louvain'"
        )
    g = p.to_networkx(weights="strength")
    found = nx.community.louvain_communities(
        g, weight="weight" if p.weighted else None, resolution=resolution, seed=seed
    )
    membership = [0] * p.n
    for k, group in enumerate(found):
        for v in group:
            membership[v] = k
    return membership


def _modularity(p: Projection, membership: npt.NDArray[np.int64], resolution: float) -> float:
    """Newman's modularity with resolution, computed with numpy on the projection."""
    if p.m == 0:
        return float("nan")
    w = p.strength if p.weighted else np.ones(p.m)
    total = float(w.sum())
    k = np.bincount(p.src, weights=w, minlength=p.n) + np.bincount(p.dst, weights=w, minlength=p.n)
    inside = float(w[membership[p.src] == membership[p.dst]].sum())
    per_group = np.bincount(membership, weights=k)
    return inside / total - resolution * float((per_group**2).sum()) / (4 * total * total)


@measure(
    returns="structure",
    higher_is_more=True,
    meaning="Leiden communities (seeded; weights as strengths)",
    cost="linear",
    weight="strength",
    undirected=True,
    seeded=True,
    nouns={"method": "community method"},
)
def communities(
    chart: LinkChart,
    *,
    engine: Engine = "igraph",
    relations: Relations = None,
    layers: Layers = None,
    signs: SignReading | None = None,
    weight: Weighting | None = "weight",
    directed: bool | None = None,
    method: Method = "leiden",
    resolution: float = 1.0,
    seed: Seed = 0,
) -> Communities:
    r"""Communities found by maximising modularity (Leiden by default, or Louvain).

    .. math::

       Q = \frac{1}{2W} \sum_{ij} \left( A_{ij} - \gamma \frac{k_i k_j}{2W} \right)
           \delta(c_i, c_j)

    with tie strengths :math:`A_{ij}`, node strengths :math:`k_i`, total strength
    :math:`W` and resolution :math:`\gamma`.

    Parameters
    ----------
    chart
        The chart; it is not changed.
    engine
        ``"igraph"`` (default; Leiden and Louvain) or ``"networkx"`` (Louvain only).
        Both are randomised heuristics: the engines give partitions of similar
        modularity, not identical ones.
    %(reading)s
    weight
        How parallel edges combine into a tie's strength, read as a **strength**:
        ``"weight"`` (default, repeated reports strengthen a tie), ``"count"``,
        ``"confidence_sum"``, ``"confidence_max"``, or ``None``. The default is
        ``"weight"``, unlike the path measures' ``None``: modularity compares tie
        strengths with their expectation, and a tie reported three times is stronger
        evidence of a group than one reported once.
    directed
        ``None`` or ``False``: the undirected reading (modularity is defined on it here;
        ``True`` is refused).
    method
        ``"leiden"`` (default; guarantees connected communities, run until stable) or
        ``"louvain"``.
    resolution
        :math:`\gamma`: above 1 gives more, smaller communities.
    seed
        Seed of the random order in which nodes are visited. %(seed)s

    Returns
    -------
    Communities
        Node id -> community number (0 the largest), with ``groups`` and
        ``modularity``. An isolated node is a community of its own; an empty chart
        gives an empty partition.

    Raises
    ------
    UnknownNameError
        For an unknown engine, relation, weighting or method.
    LinkchartError
        For Leiden with the networkx engine.

    Notes
    -----
    *Undirected reading, always* (``directed=False`` is forced): modularity is
    defined here on undirected ties. *Multigraph handling.* Parallel edges combine
    into one tie of the chosen strength. *Randomness.* igraph draws from a
    ``random.Random(seed)`` of its own for the call, never from the global state;
    afterwards igraph is set back to its default generator (the ``random`` module),
    so a generator a caller had installed with ``igraph.set_random_number_generator``
    is replaced by the default. *Complexity.* About :math:`O(m)` per pass.

    References
    ----------
    .. [1] Traag, V. A., Waltman, L., & van Eck, N. J. (2019). From Louvain to Leiden:
       guaranteeing well-connected communities. *Scientific Reports* 9, 5233.
       https://doi.org/10.1038/s41598-019-41695-z
    .. [2] Blondel, V. D., Guillaume, J.-L., Lambiotte, R., & Lefebvre, E. (2008). Fast
       unfolding of communities in large networks. *J. Stat. Mech.* P10008.
       https://doi.org/10.1088/1742-5468/2008/10/P10008
    .. [3] Newman, M. E. J. (2006). Modularity and community structure in networks.
       *PNAS* 103(23), 8577-8582. https://doi.org/10.1073/pnas.0601602103

    Examples
    --------
    Two triangles joined by one tie:

    >>> import linkchart
    >>> edges = [("a", "b"), ("b", "c"), ("c", "a"), ("c", "d"), ("d", "e"), ("e", "f"), ("f", "d")]
    >>> chart = linkchart.from_records(
    ...     [{"id": x, "type": "person"} for x in "abcdef"],
    ...     [{"from": a, "relation": "knows", "to": b} for a, b in edges],
    ... )
    >>> found = communities(chart, seed=1)
    >>> [sorted(g) for g in found.groups], round(found.modularity, 3)
    ([['a', 'b', 'c'], ['d', 'e', 'f']], 0.357)
    >>> found["e"]
    1
    """
    if isinstance(resolution, bool) or not isinstance(resolution, int | float) or resolution <= 0:
        raise LinkchartError(f"resolution must be a positive number, not {resolution!r}")
    rels = read_relations(chart, relations, layers, signs)
    p = project(chart, relations=rels, directed=False, weight=weight)
    if engine == "networkx":
        membership = _networkx(p, method, float(resolution), int(seed))
    elif p.n == 0:
        membership = []
    else:
        membership = _seeded_igraph(p, method, float(resolution), int(seed))
    array = np.asarray(membership, dtype=np.int64)
    return Communities(
        chart,
        array,
        modularity=_modularity(p, array, float(resolution)) if p.n else float("nan"),
        parameters=parameters(
            engine=engine,
            relations=rels,
            weight=weight,
            method=method,
            resolution=float(resolution),
            seed=seed,
        ),
    )


def _groups(chart: LinkChart, partition: str | Mapping[str, Hashable]) -> npt.NDArray[np.int64]:
    """Group codes per node position for ``"type"`` or a mapping node id -> group."""
    if isinstance(partition, str):
        if partition != "type":
            raise UnknownNameError("partition", partition, ["type"])
        return chart.nodes.type.astype(np.int64)
    codes: dict[Hashable, int] = {}
    out = np.full(chart.number_of_nodes, -1, dtype=np.int64)
    for node_id, group in partition.items():
        out[chart.index_of(node_id)] = codes.setdefault(group, len(codes))
    missing = [chart.node_ids[i] for i in np.flatnonzero(out < 0).tolist()]
    if missing:
        shown = ", ".join(repr(m) for m in missing[:5]) + (" ..." if len(missing) > 5 else "")
        raise LinkchartError(
            f"the partition leaves {len(missing)} node{'s' if len(missing) != 1 else ''} without a group: "
            f"{shown}; give every node a group"
        )
    return out


@measure(
    returns="node",
    higher_is_more=True,
    meaning="participation coefficient over Leiden communities (seed 0): a connector",
    cost="linear",
    weight="strength",
    undirected=True,
    in_report=True,
    seeded=True,
)
def participation(
    chart: LinkChart,
    *,
    partition: str | Mapping[str, Hashable] | None = None,
    engine: Engine = "igraph",
    relations: Relations = None,
    layers: Layers = None,
    signs: SignReading | None = None,
    weight: Weighting | None = None,
    directed: bool | None = None,
    seed: Seed = 0,
) -> Scores:
    r"""Participation coefficient of every node: how evenly its ties spread over groups.

    .. math::

       P_i = 1 - \sum_{s} \left( \frac{k_{is}}{k_i} \right)^2

    where :math:`k_i` is the degree of node :math:`i` and :math:`k_{is}` the number of
    its ties to nodes of group :math:`s` (its own group included). 0 means every tie
    stays in one group; values near 1 mean ties spread over many groups: a connector.

    Parameters
    ----------
    chart
        The chart; it is not changed.
    partition
        The groups: ``None`` (default) for the :func:`communities` found on the same
        projection with ``seed``; ``"type"`` for the node types; or a mapping from
        every node id to its group (a :class:`Communities` is one).
    engine
        The engine that finds the communities when ``partition`` is ``None``: Leiden
        with ``"igraph"`` (default), Louvain with ``"networkx"`` (it has no Leiden). The
        coefficient itself is one numpy computation.
    %(reading)s
    weight
        ``None`` (default): ties are counted, as in the paper. A weighting uses tie
        strengths for :math:`k_i` and :math:`k_{is}` (and for finding communities).
    %(undirected)s
    seed
        Seed for the community detection when ``partition`` is ``None``. %(seed)s

    Returns
    -------
    Scores
        The coefficient per node id, in :math:`[0, 1)`; 0 for a node without ties.

    Raises
    ------
    LinkchartError
        For a partition that leaves nodes without a group (naming them).
    UnknownNameError
        For an unknown node id in the partition, relation or weighting.

    Notes
    -----
    *Undirected reading, always* (``directed=False`` is forced). *Multigraph
    handling.* Parallel edges make one tie (with ``weight=None``). Computed with
    numpy in :math:`O(n + m)` once the groups are known.

    References
    ----------
    .. [1] Guimerà, R., & Amaral, L. A. N. (2005). Functional cartography of complex
       metabolic networks. *Nature* 433, 895-900. https://doi.org/10.1038/nature03288

    Examples
    --------
    >>> import linkchart
    >>> chart = linkchart.from_records(
    ...     [{"id": "imt", "type": "organisation"}, {"id": "af", "type": "state"},
    ...      {"id": "pk", "type": "state"}, {"id": "jui", "type": "organisation"}],
    ...     [{"from": "imt", "relation": "tie", "to": x} for x in ("af", "pk", "jui")],
    ... )
    >>> {k: round(v, 3) for k, v in participation(chart, partition="type").items()}
    {'imt': 0.444, 'af': 0.0, 'pk': 0.0, 'jui': 0.0}
    """
    rels = read_relations(chart, relations, layers, signs)
    p = project(chart, relations=rels, directed=False, weight=weight)
    if partition is None:
        method: Method = "leiden" if engine == "igraph" else "louvain"
        partition = communities(chart, engine=engine, relations=rels, weight=weight, method=method, seed=seed)
        label: object = "communities"
    else:
        label = partition if isinstance(partition, str) else "mapping"
    groups = _groups(chart, partition)
    values = np.zeros(chart.number_of_nodes, dtype=np.float64)
    if p.m:
        w = p.strength
        k = np.bincount(p.src, weights=w, minlength=p.n) + np.bincount(p.dst, weights=w, minlength=p.n)
        count = int(groups.max()) + 1
        # k_is: strength from each node into each group, summed per (node, group) key
        src, dst = p.src.astype(np.int64), p.dst.astype(np.int64)
        keys = np.concatenate([src * count + groups[dst], dst * count + groups[src]])
        sums = np.concatenate([w, w])
        unique, inverse = np.unique(keys, return_inverse=True)
        k_is = np.bincount(inverse.reshape(-1), weights=sums, minlength=len(unique))
        node = unique // count
        squares = np.bincount(node, weights=(k_is / k[node]) ** 2, minlength=p.n)
        values = np.where(k > 0, 1.0 - squares, 0.0)
    return Scores(
        chart,
        values,
        measure="participation",
        parameters=parameters(
            partition=label, engine=engine, relations=rels, weight=weight, directed=False, seed=seed
        ),
    )
