"""Node positions for a chart, computed once in Python so that the page opens still.

A browser-side physics simulation is what makes a large pyvis chart take a minute to
settle; here the positions come from an igraph layout, seeded, scaled to pixels and
written into the page, and the page draws them as they are.
"""

from __future__ import annotations

import math
import random
from typing import TYPE_CHECKING, Literal, get_args

import numpy as np
import numpy.typing as npt

from ..convert import by_id
from ..errors import UnknownNameError

if TYPE_CHECKING:
    from ..model import LinkChart

__all__ = ["LAYOUTS", "LayoutMethod", "node_positions", "positions_array"]

LayoutMethod = Literal["auto", "fr", "kk", "drl", "circle"]
LAYOUTS: tuple[str, ...] = get_args(LayoutMethod)
"""The layout methods :func:`node_positions` knows."""

_SPACING = 110.0
"""Pixels per unit of the layout's typical edge length, before the page's own zoom."""


def node_positions(
    chart: LinkChart, *, method: str = "auto", seed: int = 0
) -> dict[str, tuple[float, float]]:
    """Pixel positions of the nodes of ``chart``, from a seeded igraph layout.

    The chart is read as a simple undirected graph (parallel edges and directions
    collapse into one tie; self-loops are dropped), laid out, centred on the origin and
    scaled so that a typical edge is about 110 px long. The same chart and seed give the
    same positions, to the last digit.

    Parameters
    ----------
    chart
        The chart to lay out.
    method
        ``"fr"``: Fruchterman-Reingold force-directed placement [1]_ (igraph switches
        to its grid variant above 1,000 nodes, which keeps it near-linear);
        ``"kk"``: Kamada-Kawai [2]_ (slow; quadratic memory); ``"drl"``: DrL, the
        distributed recursive layout (slow through igraph's Python random source);
        ``"circle"``: nodes on a circle in index order; ``"auto"`` (default): ``"fr"``.
    seed
        Seed of the random starting positions.

    Returns
    -------
    dict
        Node id -> ``(x, y)`` in pixels, ``y`` growing downwards, rounded to 0.1 px.

    Raises
    ------
    UnknownNameError
        For an unknown ``method``.

    Notes
    -----
    igraph draws its random numbers from one process-wide generator (Python's
    :mod:`random` module by default). The layout runs with a private
    :class:`random.Random` seeded with ``seed`` installed as that generator, and puts
    :mod:`random` back afterwards; the global random state is neither read nor
    changed. Two layouts running at once in different threads would share it.

    References
    ----------
    .. [1] T. M. J. Fruchterman and E. M. Reingold, "Graph drawing by force-directed
       placement", *Software: Practice and Experience* 21(11), 1129-1164 (1991).
       :doi:`10.1002/spe.4380211102`
    .. [2] T. Kamada and S. Kawai, "An algorithm for drawing general undirected graphs",
       *Information Processing Letters* 31(1), 7-15 (1989).
       :doi:`10.1016/0020-0190(89)90102-6`

    Examples
    --------
    >>> import linkchart
    >>> c = linkchart.from_records(
    ...     [{"id": "a", "type": "state"}, {"id": "b", "type": "state"}],
    ...     [{"from": "a", "relation": "borders", "to": "b"}])
    >>> pos = node_positions(c, seed=1)
    >>> sorted(pos), pos == node_positions(c, seed=1)
    (['a', 'b'], True)
    """
    xy = positions_array(chart, method=method, seed=seed)
    return by_id(chart, [(float(x), float(y)) for x, y in xy.tolist()])


def positions_array(chart: LinkChart, *, method: str = "auto", seed: int = 0) -> npt.NDArray[np.float64]:
    """The positions of :func:`node_positions` as an ``(n, 2)`` array in node-index order."""
    if method not in LAYOUTS:
        raise UnknownNameError("layout method", method, LAYOUTS)
    n = chart.number_of_nodes
    if n == 0:
        return np.zeros((0, 2))
    if n == 1:
        return np.zeros((1, 2))
    if method == "circle":
        angles = 2 * math.pi * np.arange(n) / n
        radius = _SPACING * n / (2 * math.pi)
        xy = np.column_stack([np.cos(angles), np.sin(angles)]) * max(radius, _SPACING)
        return np.round(xy, 1)
    import igraph as ig

    g = ig.Graph(n=n, edges=np.column_stack([chart.edges.src, chart.edges.dst]).tolist(), directed=False)
    g.simplify(multiple=True, loops=True)
    ig.set_random_number_generator(random.Random(seed))
    try:
        if method == "kk":
            coords = g.layout_kamada_kawai()
        elif method == "drl":
            coords = g.layout_drl()
        else:
            coords = g.layout_fruchterman_reingold()
    finally:
        ig.set_random_number_generator(random)
    xy = np.asarray(coords.coords, dtype=np.float64)
    return _to_pixels(xy, g.get_edgelist())


def _to_pixels(xy: npt.NDArray[np.float64], edges: list[tuple[int, int]]) -> npt.NDArray[np.float64]:
    """Centre ``xy`` and scale it so that the median edge is ``_SPACING`` px long."""
    xy = xy - xy.mean(axis=0)
    unit = 0.0
    if edges:
        pairs = np.asarray(edges)
        lengths = np.hypot(*(xy[pairs[:, 0]] - xy[pairs[:, 1]]).T)
        unit = float(np.median(lengths))
    if not unit > 0:
        spread = float(np.abs(xy).max())
        unit = spread / math.sqrt(len(xy)) if spread > 0 else 1.0
    out = np.round(xy * (_SPACING / unit), 1)
    out[out == 0] = 0.0  # no "-0.0" in the page
    return out
