"""Degree and strength: how many ties a node has, and how strong they are together."""

from __future__ import annotations

from typing import Literal, get_args

import numpy as np
import numpy.typing as npt

from ..errors import UnknownNameError
from ..model import LinkChart
from ._common import Relations, check_flag, parameters, topological
from .projection import Engine, Projection, Weighting, check_engine, project
from .reading import Layers, SignReading, read_relations
from .scores import Scores

__all__ = ["MODES", "Mode", "degree", "strength"]

Mode = Literal["all", "in", "out"]
MODES: tuple[str, ...] = get_args(Mode)


def _check_mode(mode: str) -> Mode:
    if mode not in MODES:
        raise UnknownNameError("mode", mode, MODES)
    return mode  # type: ignore[return-value]


def _sum_of_ties(p: Projection, engine: Engine, mode: Mode, weighted: bool) -> npt.NDArray[np.float64]:
    """Per vertex, the number (or total strength) of its ties in ``mode``.

    The ``"igraph"`` engine counts straight from the projection's arrays with numpy (no
    graph is built); ``"networkx"`` asks a networkx graph, as the reference.
    """
    if p.n == 0:
        return np.zeros(0, dtype=np.float64)
    if engine == "igraph":
        w = p.strength if weighted else None
        out = np.bincount(p.src, weights=w, minlength=p.n).astype(np.float64)
        into = np.bincount(p.dst, weights=w, minlength=p.n).astype(np.float64)
        if p.directed and mode == "out":
            return out
        if p.directed and mode == "in":
            return into
        return out + into
    g = p.to_networkx(weights="strength" if weighted else None)
    w_name = "weight" if weighted and p.weighted else None
    if p.directed and mode == "in":
        view = g.in_degree(weight=w_name)
    elif p.directed and mode == "out":
        view = g.out_degree(weight=w_name)
    else:
        view = g.degree(weight=w_name)
    return p.as_array(dict(view))


def degree(
    chart: LinkChart,
    *,
    engine: Engine = "igraph",
    relations: Relations = None,
    layers: Layers = None,
    signs: SignReading | None = None,
    directed: bool | None = None,
    weight: None = None,
    mode: Mode = "all",
    normalized: bool = False,
) -> Scores:
    r"""Degree of every node: the number of ties it has (its distinct partners).

    .. math::

       C_D(v) = |\{u : u \text{ tied to } v\}|

    Parameters
    ----------
    chart
        The chart; it is not changed.
    engine
        ``"igraph"`` (default) or ``"networkx"``; they agree.
    relations
        Relations whose edges count (default: all).
    layers, signs
        The reading: which layers and signs count (default: the positive ties of the
        chart's default layers; the relations given, as they are, when ``relations``
        is given); see :mod:`~linkchart.analysis.reading`.
    directed
        ``None`` follows the vocabulary; ``False`` reads every tie as undirected.
    weight
        Only ``None``: degree counts ties. For weighted ties use :func:`strength`.
    mode
        On a directed reading: ``"in"`` (ties received), ``"out"`` (ties sent) or
        ``"all"`` (default: in + out, so a mutual tie counts twice, as in networkx and
        igraph). Ignored on an undirected reading.
    normalized
        ``False`` (default): counts. ``True``: divided by :math:`n - 1`, the most
        partners a node could have (networkx's ``degree_centrality``; with
        ``mode="all"`` on a directed reading it can exceed 1).

    Returns
    -------
    Scores
        Degree per node id; empty for an empty chart, zeros without ties.

    Raises
    ------
    UnknownNameError
        For an unknown engine, relation or mode.

    Notes
    -----
    *Multigraph handling.* Degree counts **ties, not reports**: the chart is projected
    first, so five edges between the same pair (of the counted relations, in one
    direction) make one tie. Use :func:`strength` to let repeated reports add up.
    *Weight semantics.* None: degree is topological. *Complexity.* :math:`O(n + m)`,
    counted from the projection's arrays (no graph is built).

    References
    ----------
    .. [1] Freeman, L. C. (1978). Centrality in social networks conceptual
       clarification. *Social Networks* 1(3), 215-239.
       https://doi.org/10.1016/0378-8733(78)90021-7

    Examples
    --------
    >>> import linkchart
    >>> c = linkchart.from_records(
    ...     [{"id": x, "type": "person"} for x in "abc"],
    ...     [{"from": "a", "relation": "pays", "to": "b"},
    ...      {"from": "a", "relation": "pays", "to": "b"},
    ...      {"from": "a", "relation": "pays", "to": "c"}],
    ... )
    >>> degree(c).to_dict()
    {'a': 2.0, 'b': 1.0, 'c': 1.0}
    >>> degree(c, mode="in").to_dict()
    {'a': 0.0, 'b': 1.0, 'c': 1.0}
    """
    engine = check_engine(engine)
    mode = _check_mode(mode)
    check_flag("normalized", normalized)
    topological("degree", weight)
    rels = read_relations(chart, relations, layers, signs)
    p = project(chart, relations=rels, directed=directed, weight=None)
    values = _sum_of_ties(p, engine, mode, weighted=False)
    if normalized and p.n > 1:
        values = values / (p.n - 1)
    return Scores(
        chart,
        values,
        measure="degree",
        parameters=parameters(
            engine=engine, relations=rels, directed=p.directed, mode=mode, normalized=normalized
        ),
    )


def strength(
    chart: LinkChart,
    *,
    engine: Engine = "igraph",
    relations: Relations = None,
    layers: Layers = None,
    signs: SignReading | None = None,
    weight: Weighting | None = "weight",
    directed: bool | None = None,
    mode: Mode = "all",
) -> Scores:
    r"""Strength of every node: the sum of the strengths of its ties.

    .. math::

       s(v) = \sum_{u} w_{uv}

    where :math:`w_{uv}` is the strength of the tie between :math:`u` and :math:`v`.

    Parameters
    ----------
    chart
        The chart; it is not changed.
    engine
        ``"igraph"`` (default) or ``"networkx"``; they agree.
    relations
        Relations whose edges count (default: all).
    layers, signs
        The reading: which layers and signs count (default: the positive ties of the
        chart's default layers; the relations given, as they are, when ``relations``
        is given); see :mod:`~linkchart.analysis.reading`.
    weight
        How parallel edges combine into a tie's strength: ``"weight"`` (default: the
        sum of the edges' weights, so every report adds), ``"count"``,
        ``"confidence_sum"``, ``"confidence_max"``, or ``None`` (every tie 1: the
        degree).
    directed
        ``None`` follows the vocabulary; ``False`` reads every tie as undirected.
    mode
        On a directed reading: ``"in"``, ``"out"`` or ``"all"`` (default: in + out).

    Returns
    -------
    Scores
        Strength per node id; empty for an empty chart, zeros without ties.

    Raises
    ------
    UnknownNameError
        For an unknown engine, relation, weighting or mode.

    Notes
    -----
    *Weight semantics.* The weight is read as a strength (larger is stronger). The
    default is ``"weight"``, unlike the path measures' ``None``: a strength without a
    weighting is just the degree. *Complexity.* :math:`O(n + m)`, from the
    projection's arrays.
    *Multigraph handling.* With the default ``weight="weight"`` each edge adds its
    weight, so a tie reported three times counts three times.

    References
    ----------
    .. [1] Barrat, A., Barthélemy, M., Pastor-Satorras, R., & Vespignani, A. (2004).
       The architecture of complex weighted networks. *PNAS* 101(11), 3747-3752.
       https://doi.org/10.1073/pnas.0400087101

    Examples
    --------
    >>> import linkchart
    >>> c = linkchart.from_records(
    ...     [{"id": x, "type": "person"} for x in "abc"],
    ...     [{"from": "a", "relation": "pays", "to": "b"},
    ...      {"from": "a", "relation": "pays", "to": "b"},
    ...      {"from": "a", "relation": "pays", "to": "c", "weight": 0.5}],
    ... )
    >>> strength(c).to_dict()
    {'a': 2.5, 'b': 2.0, 'c': 0.5}
    >>> strength(c, weight="count", mode="out").to_dict()
    {'a': 3.0, 'b': 0.0, 'c': 0.0}
    """
    engine = check_engine(engine)
    mode = _check_mode(mode)
    rels = read_relations(chart, relations, layers, signs)
    p = project(chart, relations=rels, directed=directed, weight=weight)
    values = _sum_of_ties(p, engine, mode, weighted=True)
    return Scores(
        chart,
        values,
        measure="strength",
        parameters=parameters(engine=engine, relations=rels, weight=weight, directed=p.directed, mode=mode),
    )
