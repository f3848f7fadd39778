r"""Burt's structural holes: constraint and effective size of each node's ego network.

Both measures read the chart as *who invests in whom*: the proportional tie strength

.. math::

    p_{ij} = \frac{a_{ij} + a_{ji}}{\sum_{k \ne i} (a_{ik} + a_{ki})}

is the share of :math:`i`'s ties that go to (or come from) :math:`j`, where
:math:`a_{ij}` is the strength of the projected tie :math:`i \to j` (1 when unweighted).
A node with many contacts that are not tied to each other spans *structural holes*: its
constraint is low and its effective size close to its number of contacts. Such a node
is a broker in Burt's sense.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from ..model import LinkChart
from ._common import parameters
from ._measure import measure
from .projection import Projection, project
from .reading import read_relations
from .scores import Scores
from .types import Engine, Layers, Relations, SignReading, Weighting

if TYPE_CHECKING:
    import networkx

__all__ = ["constraint", "effective_size"]

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]


def _mutual(p: Projection) -> tuple[IntArray, IntArray, FloatArray]:
    """The symmetrised ties ``i < j`` with mutual strength ``z_ij = a_ij + a_ji``."""
    src = p.src.astype(np.int64)
    dst = p.dst.astype(np.int64)
    lo, hi = np.minimum(src, dst), np.maximum(src, dst)
    n = max(p.n, 1)
    keys, inverse = np.unique(lo * n + hi, return_inverse=True)
    z = np.bincount(inverse, weights=p.strength, minlength=len(keys)).astype(np.float64)
    return keys // n, keys % n, z


def _networkx_mutual(p: Projection) -> networkx.Graph:
    """An undirected ``networkx.Graph`` whose ``weight`` is the mutual strength ``a_ij + a_ji``.

    networkx's structural-hole functions read a ``DiGraph`` through mutual weights only,
    but treat a node without out-arcs as isolated (NaN); the symmetrised graph is read
    identically by their formulas, without that defect. The callers pass
    ``nodes=list(g)``, which selects networkx's per-node implementation of the
    definition: in networkx 3.6 the sparse-matrix shortcut taken without ``nodes``
    gives wrong effective sizes (1.333 instead of UCINET's 1.167 on networkx's own
    directed test graph) and fails on an empty graph.
    """
    import networkx as nx

    i, j, z = _mutual(p)
    g = nx.Graph()
    g.add_nodes_from(range(p.n))
    g.add_weighted_edges_from(zip(i.tolist(), j.tolist(), z.tolist(), strict=True))
    return g


# ---------------------------------------------------------------------------- constraint
@measure(
    returns="node",
    higher_is_more=False,
    meaning="Burt's constraint, lowest first: contacts not tied to each other (a broker)",
    cost="local",
    weight="strength",
    in_report=True,
    on_page=True,
)
def constraint(
    chart: LinkChart,
    *,
    engine: Engine = "igraph",
    relations: Relations = None,
    layers: Layers = None,
    signs: SignReading | None = None,
    weight: Weighting | None = None,
    directed: bool | None = None,
) -> Scores:
    r"""Burt's constraint: how much a node's contacts are tied to each other.

    .. math::

        C_i = \sum_{j \in N(i)} \Bigl(p_{ij} + \sum_{q \ne i, j} p_{iq}\, p_{qj}\Bigr)^2

    where :math:`N(i)` are the nodes tied to :math:`i` in either direction and
    :math:`p` is the proportional tie strength of the module notes. Constraint ranges
    from about :math:`1/|N(i)|` (contacts unconnected: many structural holes) to above 1
    (a few contacts, tied to each other); low constraint marks a broker.

    Parameters
    ----------
    chart
        The chart; it is not changed.
    engine
        ``"igraph"`` (default: ``igraph.Graph.constraint``) or ``"networkx"``
        (``networkx.constraint``).
    %(reading)s
    weight
        ``None`` (default): every tie counts 1, however many edges report it. Or a
        weighting of :func:`~linkchart.analysis.projection.project` (``"weight"``,
        ``"count"``, ...) read as a **strength**: repeated or heavier ties take a larger
        share :math:`p_{ij}` of the node's investment.
    %(directed)s

    Returns
    -------
    Scores
        Node id -> constraint; NaN for a node without ties.

    Raises
    ------
    UnknownNameError
        For an unknown engine, relation or weighting.

    Notes
    -----
    *Weight semantics*: strength (proportions of a node's ties). *Multigraph handling*:
    parallel edges are merged by the projection (with ``weight=None`` a tie is 1);
    self-loops are dropped. In a directed projection the tie between :math:`i` and
    :math:`j` counts :math:`a_{ij} + a_{ji}`, so a reciprocated tie (and a tie of an
    undirected relation, which is two arcs) weighs twice a one-way arc. Both engines
    compute Burt's definition: igraph on the projection itself, networkx on its
    symmetrised form with its per-node implementation (see ``_networkx_mutual``:
    networkx 3.6 would otherwise give NaN to nodes that only receive arcs).
    *Complexity*: :math:`O(n \bar d^2)` for mean degree :math:`\bar d`.

    References
    ----------
    .. [1] Burt, R. S. (1992). *Structural Holes: The Social Structure of Competition.*
       Harvard University Press. https://doi.org/10.4159/9780674029095
    .. [2] Burt, R. S. (2004). Structural holes and good ideas. *American Journal of
       Sociology* 110(2), 349-399. https://doi.org/10.1086/421787

    Examples
    --------
    A star: the hub's four contacts share nothing, each leaf depends on the hub alone.

    >>> import linkchart
    >>> c = linkchart.from_records(
    ...     [{"id": x, "type": "person"} for x in "habcd"],
    ...     [{"from": "h", "relation": "knows", "to": x} for x in "abcd"],
    ... )
    >>> s = constraint(c)
    >>> round(s["h"], 3), round(s["a"], 3)
    (0.25, 1.0)
    """
    rels = read_relations(chart, relations, layers, signs)
    p = project(chart, relations=rels, directed=directed, weight=weight)
    if p.n == 0:
        values = np.zeros(0, dtype=np.float64)
    elif engine == "igraph":
        g = p.to_igraph(weights="strength")
        values = np.asarray(g.constraint(weights="weight" if p.weighted else None), dtype=np.float64)
    else:
        import networkx as nx

        g = _networkx_mutual(p)
        result = nx.constraint(g, nodes=list(g), weight="weight")
        values = p.as_array(result)
    return Scores(
        chart,
        values,
        measure="constraint",
        parameters=parameters(engine=engine, relations=rels, weight=weight, directed=p.directed),
    )


# ---------------------------------------------------------------------------- effective size
def _effective_size_numpy(p: Projection) -> tuple[FloatArray, FloatArray]:
    """Effective size and number of contacts from the triangles of the symmetrised graph."""
    import igraph as ig

    i, j, z = _mutual(p)
    n = p.n
    contacts = np.bincount(np.concatenate([i, j]), minlength=n).astype(np.float64)
    total = np.bincount(np.concatenate([i, j]), weights=np.concatenate([z, z]), minlength=n)
    top = np.zeros(n)
    np.maximum.at(top, i, z)
    np.maximum.at(top, j, z)
    redundancy = np.zeros(n)
    if len(z):
        g = ig.Graph(n=n, edges=np.column_stack([i, j]), directed=False)
        tri = np.array(g.list_triangles(), dtype=np.int64).reshape(-1, 3)
        keys = i * n + j

        def tie(x: IntArray, y: IntArray) -> FloatArray:
            k = np.minimum(x, y) * n + np.maximum(x, y)
            return z[np.searchsorted(keys, k)]

        # For ego x with contacts j, q tied to each other: redundancy p_xq * m_jq, where
        # m_jq = z_jq / max_k z_jk; each triangle gives every corner two ordered pairs.
        for x, y, w in ((0, 1, 2), (1, 2, 0), (2, 0, 1)):
            ego, a, b = tri[:, x], tri[:, y], tri[:, w]
            z_ea, z_eb, z_ab = tie(ego, a), tie(ego, b), tie(a, b)
            part = z_eb / total[ego] * z_ab / top[a] + z_ea / total[ego] * z_ab / top[b]
            redundancy += np.bincount(ego, weights=part, minlength=n)
    with np.errstate(invalid="ignore"):
        size = np.where(contacts > 0, contacts - redundancy, np.nan)
    return size, contacts


@measure(
    returns="node",
    higher_is_more=True,
    meaning="Burt's effective size: non-redundant contacts",
    cost="local",
    weight="strength",
    in_report=True,
)
def effective_size(
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
    r"""Burt's effective size: a node's number of contacts less their redundancy.

    .. math::

        E_i = \sum_{j \in N(i)} \Bigl(1 - \sum_{q \ne i, j} p_{iq}\, m_{jq}\Bigr),
        \qquad m_{jq} = \frac{a_{jq} + a_{qj}}{\max_k (a_{jk} + a_{kj})}

    with :math:`p` the proportional tie strength of the module notes. Unweighted and
    undirected this is Borgatti's :math:`|N(i)| - 2t/|N(i)|` for :math:`t` ties among the
    contacts. With ``normalized=True`` the result is Burt's *efficiency*
    :math:`E_i / |N(i)|`, between 0 and 1.

    Parameters
    ----------
    chart
        The chart; it is not changed.
    engine
        ``"igraph"`` (default): numpy over the triangles that igraph lists (igraph has
        no effective size). ``"networkx"``: ``networkx.effective_size``.
    %(reading)s
    weight
        ``None`` (default): every tie counts 1. Or a weighting read as a **strength**
        (see :func:`constraint`).
    %(directed)s
    normalized
        Divide by the number of contacts (efficiency).

    Returns
    -------
    Scores
        Node id -> effective size (or efficiency); NaN for a node without ties.

    Raises
    ------
    UnknownNameError
        For an unknown engine, relation or weighting.

    Notes
    -----
    *Weight semantics*: strength. *Multigraph handling*: as for :func:`constraint`: ties
    are merged by the projection, self-loops dropped, and in a directed projection
    :math:`a_{ij} + a_{ji}` counts a reciprocated tie twice. The networkx engine runs
    ``networkx.effective_size`` node by node on the symmetrised projection: its
    sparse-matrix shortcut (taken for all nodes at once) disagrees with Burt's formula
    and UCINET in networkx 3.6. *Complexity*: :math:`O(m^{3/2})` for listing the
    triangles.

    References
    ----------
    .. [1] Burt, R. S. (1992). *Structural Holes: The Social Structure of Competition.*
       Harvard University Press. https://doi.org/10.4159/9780674029095
    .. [2] Borgatti, S. P. (1997). Structural holes: unpacking Burt's redundancy
       measures. *Connections* 20(1), 35-38.

    Examples
    --------
    A hub tied to three contacts, two of which are tied to each other:

    >>> import linkchart
    >>> c = linkchart.from_records(
    ...     [{"id": x, "type": "person"} for x in "habc"],
    ...     [{"from": "h", "relation": "knows", "to": x} for x in "abc"]
    ...     + [{"from": "a", "relation": "knows", "to": "b"}],
    ...     vocabulary=linkchart.Vocabulary(relations=(linkchart.Relation("knows", directed=False),)),
    ... )
    >>> round(effective_size(c)["h"], 3), round(effective_size(c, normalized=True)["h"], 3)
    (2.333, 0.778)
    """
    rels = read_relations(chart, relations, layers, signs)
    p = project(chart, relations=rels, directed=directed, weight=weight)
    if engine == "igraph":
        size, contacts = _effective_size_numpy(p)
    else:
        import networkx as nx

        g = _networkx_mutual(p)
        result = nx.effective_size(g, nodes=list(g), weight="weight")
        size = p.as_array(result)
        contacts = np.array([g.degree(i) for i in range(p.n)], dtype=np.float64)
    if normalized:
        with np.errstate(invalid="ignore", divide="ignore"):
            size = np.where(contacts > 0, size / np.where(contacts > 0, contacts, 1.0), np.nan)
    return Scores(
        chart,
        size,
        measure="efficiency" if normalized else "effective_size",
        parameters=parameters(
            engine=engine, relations=rels, weight=weight, directed=p.directed, normalized=normalized
        ),
    )
