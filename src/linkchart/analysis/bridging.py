"""Bridging centrality (Hwang et al.): betweenness times the bridging coefficient."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from ..executor import Runner
from ..model import LinkChart
from ._common import parameters
from ._measure import measure
from .betweenness import betweenness_of
from .projection import Projection, project
from .reading import read_relations
from .scores import Scores
from .types import Engine, Layers, Relations, SignReading, Weighting

__all__ = ["bridging_centrality", "bridging_coefficient"]


def _coefficient(p: Projection) -> npt.NDArray[np.float64]:
    degree = np.bincount(np.concatenate([p.src, p.dst]), minlength=p.n).astype(np.float64)
    inverse = np.divide(1.0, degree, out=np.zeros(p.n), where=degree > 0)
    # sum over each node's neighbours of 1 / d(neighbour)
    around = np.bincount(p.src, weights=inverse[p.dst], minlength=p.n) + np.bincount(
        p.dst, weights=inverse[p.src], minlength=p.n
    )
    out: npt.NDArray[np.float64] = np.divide(inverse, around, out=np.zeros(p.n), where=around > 0)
    return out


@measure(
    returns="node",
    higher_is_more=True,
    meaning="bridging coefficient: low degree between high-degree neighbours (Hwang et al.)",
    cost="linear",
    weight="topological",
    undirected=True,
)
def bridging_coefficient(
    chart: LinkChart,
    *,
    engine: Engine = "igraph",
    relations: Relations = None,
    layers: Layers = None,
    signs: SignReading | None = None,
    weight: None = None,
    directed: bool | None = None,
) -> Scores:
    r"""The bridging coefficient of every node (Hwang et al.).

    .. math::

       BC(v) = \frac{1 / d(v)}{\sum_{i \in N(v)} 1 / d(i)}

    where :math:`d` is the degree and :math:`N(v)` the neighbours of :math:`v`. It is
    high for a node of low degree between nodes of high degree: a thin link between
    dense parts. An isolated node scores 0.

    Parameters
    ----------
    chart
        The chart; it is not changed.
    engine
        Checked like every measure's; one numpy implementation serves both engines.
    %(reading)s
    weight
        Only ``None``: the coefficient is made of degrees (ties counted).
    %(undirected)s

    Returns
    -------
    Scores
        The coefficient per node id.

    Notes
    -----
    Computed on the undirected reading (``directed=False`` is forced, as in the
    paper), with degree counted in ties: parallel edges make one tie. No weights.
    :math:`O(n + m)`; the same numpy code serves both engines.

    References
    ----------
    .. [1] Hwang, W., Cho, Y., Zhang, A., & Ramanathan, M. (2006). Bridging
       centrality: identifying bridging nodes in scale-free networks. Technical
       report 2006-05, Department of Computer Science and Engineering, University at
       Buffalo.
    .. [2] Hwang, W., Kim, T., Ramanathan, M., & Zhang, A. (2008). Bridging
       centrality: graph mining from element level to group level. *KDD '08*,
       336-344. https://doi.org/10.1145/1401890.1401934

    Examples
    --------
    >>> import linkchart
    >>> c = linkchart.from_records(
    ...     [{"id": x, "type": "person"} for x in "abc"],
    ...     [{"from": "a", "relation": "knows", "to": "b"},
    ...      {"from": "b", "relation": "knows", "to": "c"}],
    ... )
    >>> bridging_coefficient(c).to_dict()
    {'a': 2.0, 'b': 0.25, 'c': 2.0}
    """
    rels = read_relations(chart, relations, layers, signs)
    p = project(chart, relations=rels, directed=False)
    return Scores(
        chart,
        _coefficient(p),
        measure="bridging_coefficient",
        parameters=parameters(engine=engine, relations=rels, directed=False),
    )


@measure(
    returns="node",
    higher_is_more=True,
    meaning="betweenness x bridging coefficient (Hwang et al. 2006; undirected)",
    cost="O(nm)",
    weight="distance",
    undirected=True,
    in_report=True,
    parallel=True,
)
def bridging_centrality(
    chart: LinkChart,
    *,
    engine: Engine = "igraph",
    relations: Relations = None,
    layers: Layers = None,
    signs: SignReading | None = None,
    weight: Weighting | None = None,
    directed: bool | None = None,
    normalized: bool = False,
    workers: int | None = None,
    executor: Runner = None,
) -> Scores:
    r"""Bridging centrality of every node: betweenness times the bridging coefficient.

    .. math::

       C_R(v) = C_B(v) \cdot BC(v), \qquad
       BC(v) = \frac{1 / d(v)}{\sum_{i \in N(v)} 1 / d(i)}

    with :math:`C_B` the betweenness (:func:`~linkchart.analysis.betweenness.betweenness`)
    and :math:`BC` the bridging coefficient (:func:`bridging_coefficient`). It ranks
    highest the nodes that lie on many shortest paths *and* sit between denser
    parts, rather than at the centre of one dense part.

    Parameters
    ----------
    chart
        The chart; it is not changed.
    engine
        ``"igraph"`` (default) or ``"networkx"``, for the betweenness; they agree.
    %(reading)s
    weight
        For the betweenness only: ``None`` (default, every tie length 1) or a weighting
        whose strength is read as the distance ``1 / strength``. The coefficient always
        uses the unweighted degree, as in the paper.
    %(undirected)s
    normalized
        Whether the betweenness is normalised (by :math:`(n-1)(n-2)/2`); default
        ``False``, the raw pair count.
    %(workers)s

    Returns
    -------
    Scores
        Bridging centrality per node id; zeros without ties.

    Raises
    ------
    UnknownNameError
        For an unknown engine, relation or weighting.
    LinkchartError
        For ``workers`` below 1.

    Notes
    -----
    The definition is the one of Hwang et al. (2006), the product of the two values;
    networkx's unmerged pull request #5310 computes something else. The paper works
    on undirected graphs, so ``directed=False`` is forced: a tie of any direction
    counts. *Multigraph handling.* Parallel edges make one tie, both for the degree
    and, with ``weight=None``, for the paths. *Complexity.* That of betweenness.

    References
    ----------
    .. [1] Hwang, W., Cho, Y., Zhang, A., & Ramanathan, M. (2006). Bridging
       centrality: identifying bridging nodes in scale-free networks. Technical
       report 2006-05, Department of Computer Science and Engineering, University at
       Buffalo.
    .. [2] Hwang, W., Kim, T., Ramanathan, M., & Zhang, A. (2008). Bridging
       centrality: graph mining from element level to group level. *KDD '08*,
       336-344. https://doi.org/10.1145/1401890.1401934

    Examples
    --------
    Two triangles joined through c - d: c and d bridge them.

    >>> import linkchart
    >>> edges = [("a", "b"), ("b", "c"), ("c", "a"), ("c", "d"), ("d", "e"), ("e", "f"), ("f", "d")]
    >>> chart = linkchart.from_records(
    ...     [{"id": x, "type": "person"} for x in "abcdef"],
    ...     [{"from": a, "relation": "knows", "to": b} for a, b in edges],
    ... )
    >>> {k: round(v, 3) for k, v in bridging_centrality(chart).items()}
    {'a': 0.0, 'b': 0.0, 'c': 1.5, 'd': 1.5, 'e': 0.0, 'f': 0.0}
    """
    rels = read_relations(chart, relations, layers, signs)
    p = project(chart, relations=rels, directed=False, weight=weight)
    values = betweenness_of(p, engine, normalized, workers, executor) * _coefficient(p)
    return Scores(
        chart,
        values,
        measure="bridging_centrality",
        parameters=parameters(
            engine=engine, relations=rels, weight=weight, directed=False, normalized=normalized
        ),
    )
