"""Eigenvector centrality: a node is central if it is tied to central nodes."""

from __future__ import annotations

import warnings
from typing import Any

import numpy as np
import numpy.typing as npt

from .._igraph import seeded
from ..errors import UndefinedMeasureError
from ..model import LinkChart
from ._common import parameters
from ._measure import measure
from .projection import Projection, project
from .reading import read_relations
from .scores import Scores
from .types import Engine, Layers, Relations, SignReading, Weighting

__all__ = ["eigenvector"]

_TIE = 1e-9  # relative tolerance when comparing components' leading eigenvalues
_ATTEMPTS = 4  # seeded ARPACK starts tried by the igraph engine


Solved = tuple[npt.NDArray[np.float64], float]


def _igraph_solver(p: Projection, whole: Any) -> Any:
    import igraph as ig

    w = "weight" if p.weighted else None

    def solve(members: npt.NDArray[np.intp] | None) -> Solved:
        # members None: the whole graph, when its ties form a single component
        g = (
            whole
            if members is None
            else whole.induced_subgraph(members.tolist(), implementation="create_from_scratch")
        )
        # ARPACK starts from a random vector and, now and then, fails in LAPACK from one:
        # draw it from seeded generators (the same graph always gets the same tries) and
        # try a few before giving up
        failure: Exception | None = None
        for attempt in range(_ATTEMPTS):
            try:
                with seeded(attempt), warnings.catch_warnings():
                    warnings.simplefilter("ignore", RuntimeWarning)  # "not connected": handled here
                    values, value = g.eigenvector_centrality(directed=True, weights=w, return_eigenvalue=True)
            except ig.InternalError as err:
                failure = err
                continue
            return np.asarray(values, dtype=np.float64), float(value)
        assert failure is not None
        raise failure

    return solve


def _component_networkx(p: Projection, members: npt.NDArray[np.intp]) -> Solved:
    import networkx as nx

    g = p.to_networkx(weights="strength").subgraph(members.tolist())
    w = "weight" if p.weighted else None
    order = members.tolist()
    a: Any = nx.to_scipy_sparse_array(g, nodelist=order, weight=w, dtype=float)
    if p.directed:
        # networkx's ARPACK route refuses graphs that are not strongly connected;
        # its power iteration (on A + I, so periodic graphs converge) does not
        try:
            values = nx.eigenvector_centrality(g, weight=w, max_iter=100_000, tol=1e-13)
            x = np.array([values[i] for i in order], dtype=np.float64)
        except nx.PowerIterationFailedConvergence:
            # several sink components with the same leading eigenvalue: the iteration
            # oscillates between them; take the leading eigenvector of the dense matrix
            vals, vecs = np.linalg.eig(np.asarray(a.toarray()).T)
            x = np.abs(np.real(vecs[:, int(np.argmax(np.real(vals)))]))
    elif len(order) <= 3:
        # networkx's ARPACK route needs more than three nodes; solve the small case exactly
        vals, vecs = np.linalg.eigh(np.asarray(a.toarray()))
        x = np.abs(vecs[:, int(np.argmax(vals))])
    else:
        values = nx.eigenvector_centrality_numpy(g, weight=w, max_iter=10_000)
        x = np.array([values[i] for i in order], dtype=np.float64)
    x = np.abs(x) / np.abs(x).max()
    value = float(x @ (a.T @ x) / (x @ x))
    return x, value


def _eigenvector(p: Projection, engine: Engine) -> npt.NDArray[np.float64]:
    out = np.zeros(p.n, dtype=np.float64)
    if p.m == 0:
        return out
    parts: list[tuple[npt.NDArray[np.intp], npt.NDArray[np.float64], float]] = []
    if engine == "igraph":
        whole = p.to_igraph(weights="strength")
        if p.directed and whole.is_dag():
            return out  # no cycle: the largest eigenvalue is 0, nobody is central
        found = [np.array(c, dtype=np.intp) for c in whole.connected_components(mode="weak") if len(c) > 1]
        solve = _igraph_solver(p, whole)
        if len(found) == 1:  # isolated nodes score 0 anyway: no subgraph needed
            parts.append((np.arange(p.n), *solve(None)))
        else:
            parts.extend((members, *solve(members)) for members in found)
    else:
        import networkx as nx

        g = p.to_networkx()
        if p.directed and nx.is_directed_acyclic_graph(g):
            return out
        split = nx.weakly_connected_components(g) if p.directed else nx.connected_components(g)
        found = [np.array(sorted(c), dtype=np.intp) for c in split if len(c) > 1]
        parts.extend((members, *_component_networkx(p, members)) for members in found)
    top = max(value for _, _, value in parts)
    if top <= 0:
        return out
    for members, x, value in parts:
        if value >= top * (1 - _TIE):
            out[members] = np.clip(x, 0.0, None)
    return out


@measure(
    returns="node",
    higher_is_more=True,
    meaning="tied to well-tied nodes (weights as strengths; top = 1)",
    cost="linear",
    weight="strength",
    in_report=True,
)
def eigenvector(
    chart: LinkChart,
    *,
    engine: Engine = "igraph",
    relations: Relations = None,
    layers: Layers = None,
    signs: SignReading | None = None,
    weight: Weighting | None = "weight",
    directed: bool | None = None,
) -> Scores:
    r"""Eigenvector centrality of every node, scaled so that the most central scores 1.

    .. math::

       \lambda x_v = \sum_u w_{uv} x_u

    :math:`x` is the eigenvector of the largest eigenvalue :math:`\lambda` of the
    (transposed) adjacency matrix: a node is central when central nodes tie *to* it.
    On a directed reading this is the left eigenvector (centrality flows along the
    direction of the ties, from ``from`` to ``to``), as in igraph and networkx.

    Parameters
    ----------
    chart
        The chart; it is not changed.
    engine
        ``"igraph"`` (default) or ``"networkx"``; they agree wherever the eigenvector is
        unique (see Notes).
    %(reading)s
    %(weight_strength)s
    %(directed)s

    Returns
    -------
    Scores
        Centrality per node id in :math:`[0, 1]`; empty for an empty chart; zeros for a
        chart without ties or, on a directed reading, without a cycle.

    Raises
    ------
    UnknownNameError
        For an unknown engine, relation, layer or weighting.

    Notes
    -----
    *Disconnected graphs.* The leading eigenvector lives on the component(s) whose own
    largest eigenvalue is the graph's; every other node scores 0 (an isolated pair
    or a small fragment is not "central"). Components are computed separately, as
    igraph's documentation advises, and where several tie for the largest eigenvalue
    each is scaled to a maximum of 1, so the result is unique for undirected
    readings. On a directed reading the eigenvector is unique when the graph's
    largest eigenvalue is simple (for instance, when it is strongly connected); when
    several strongly connected parts share it the engines may pick different
    eigenvectors: use :func:`pagerank` for directed charts. A directed graph
    without a cycle has eigenvalue 0 and every node scores 0.

    *Multigraph handling and weights.* Parallel edges combine into one tie whose
    strength is the chosen weighting; strengths are read as strengths.
    *Complexity.* Iterative (ARPACK), about :math:`O(m)` per iteration. ARPACK starts
    from a random vector; the igraph engine draws it from seeded generators (never the
    global :mod:`random` state), so the same chart always gives the same result.

    References
    ----------
    .. [1] Bonacich, P. (1987). Power and centrality: a family of measures.
       *American Journal of Sociology* 92(5), 1170-1182. https://doi.org/10.1086/228631
    .. [2] Bonacich, P. (2007). Some unique properties of eigenvector centrality.
       *Social Networks* 29(4), 555-564. https://doi.org/10.1016/j.socnet.2007.04.002

    Examples
    --------
    A star: the hub scores 1, each leaf :math:`1/\sqrt{3}`.

    >>> import linkchart
    >>> from linkchart import Relation, Vocabulary
    >>> c = linkchart.from_records(
    ...     [{"id": x, "type": "person"} for x in "habc"],
    ...     [{"from": "h", "relation": "knows", "to": x} for x in "abc"],
    ...     vocabulary=Vocabulary(relations=(Relation("knows", directed=False),)),
    ... )
    >>> {k: round(v, 3) for k, v in eigenvector(c).items()}
    {'h': 1.0, 'a': 0.577, 'b': 0.577, 'c': 0.577}
    """
    rels = read_relations(chart, relations, layers, signs)
    p = project(chart, relations=rels, directed=directed, weight=weight)
    try:
        values = _eigenvector(p, engine)
    except Exception as exc:  # a solver that failed to converge
        if type(exc).__module__.split(".")[0] not in ("networkx", "igraph", "scipy"):
            raise
        raise UndefinedMeasureError(f"eigenvector centrality did not converge: {exc}") from exc
    return Scores(
        chart,
        values,
        measure="eigenvector",
        parameters=parameters(engine=engine, relations=rels, weight=weight, directed=p.directed),
    )
