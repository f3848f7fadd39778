"""Node positions for a chart, computed once in Python so that the page opens still.

A browser-side physics simulation is what makes a large pyvis chart take a minute to
settle; here the positions come from an igraph layout, seeded, scaled to pixels and
written into the page, and the page draws them as they are.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from .._igraph import seeded
from ..errors import UnknownNameError
from ..model.convert import by_id
from .types import LAYOUTS, LayoutMethod

if TYPE_CHECKING:
    from ..model import LinkChart

__all__ = ["LAYOUTS", "LayoutMethod", "node_positions", "positions_array"]

_SPACING = 110.0
"""Pixels per unit of the layout's typical edge length, before the page's own zoom."""

_ROOM = 170.0
"""The side, in pixels, of the square each node gets on average (the longer side of the
drawing is at least ``_ROOM * sqrt(n)``), so that labels have room around a hub."""


def node_positions(
    chart: LinkChart, *, method: str = "auto", seed: int = 0
) -> dict[str, tuple[float, float]]:
    """Pixel positions of the nodes of ``chart``, from a seeded igraph layout.

    The chart is read as a simple undirected graph (parallel edges and directions
    collapse into one tie; self-loops are dropped). Each connected component is laid
    out on its own and the components are packed in rows, largest first, so that
    isolated nodes do not fly off; the drawing is centred on the origin and
    scaled so that a typical edge is at least 110 px long and each node has on average a
    170 px square to itself. The same chart and seed give the
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
        return np.round(xy, 1) + 0.0  # + 0.0: no "-0.0" in the page
    import igraph as ig

    g = ig.Graph(n=n, edges=np.column_stack([chart.edges.src, chart.edges.dst]).tolist(), directed=False)
    g.simplify(multiple=True, loops=True)
    groups = sorted(
        (np.asarray(c, dtype=np.int64) for c in g.connected_components()), key=lambda c: (-len(c), int(c[0]))
    )
    parts: list[npt.NDArray[np.float64]] = []
    with seeded(seed):  # a private generator; the global ``random`` state is never touched
        for group in groups:
            if len(group) == 1:
                parts.append(np.zeros((1, 2)))
                continue
            sub = g.induced_subgraph(group.tolist())
            if method == "kk":
                coords = sub.layout_kamada_kawai()
            elif method == "drl":
                coords = sub.layout_drl()
            else:
                coords = sub.layout_fruchterman_reingold()
            parts.append(_to_pixels(np.asarray(coords.coords, dtype=np.float64), sub.get_edgelist()))
    out = np.zeros((n, 2))
    for group, xy in zip(groups, _pack(parts), strict=True):
        out[group] = xy
    centred: npt.NDArray[np.float64] = np.round(out - (out.min(axis=0) + out.max(axis=0)) / 2, 1)
    return centred + 0.0  # + 0.0: no "-0.0" in the page


def _pack(parts: list[npt.NDArray[np.float64]]) -> list[npt.NDArray[np.float64]]:
    """Place the components' drawings side by side in rows (largest first), a gap apart."""
    gap = _SPACING
    boxes = [(np.ptp(p, axis=0) if len(p) else np.zeros(2)) + gap for p in parts]
    width = max(max(float(b[0]) for b in boxes), math.sqrt(sum(float(b[0] * b[1]) for b in boxes)) * 1.1)
    out = []
    x = y = row_height = 0.0
    for p, box in zip(parts, boxes, strict=True):
        if x > 0 and x + box[0] > width:
            x, y, row_height = 0.0, y + row_height, 0.0
        out.append(p - p.min(axis=0) + np.array([x, y]))
        x += float(box[0])
        row_height = max(row_height, float(box[1]))
    return out


def _to_pixels(xy: npt.NDArray[np.float64], edges: list[tuple[int, int]]) -> npt.NDArray[np.float64]:
    """Centre ``xy`` and scale it to pixels: edges of ``_SPACING`` px, nodes ``_ROOM`` px apart."""
    xy = xy - xy.mean(axis=0)
    scale = 1.0
    if edges:
        pairs = np.asarray(edges)
        median = float(np.median(np.hypot(*(xy[pairs[:, 0]] - xy[pairs[:, 1]]).T)))
        if median > 0:
            scale = _SPACING / median
    side = float(np.ptp(xy, axis=0).max())
    if side > 1e-9:
        scale = max(scale, _ROOM * math.sqrt(len(xy)) / side)
    return xy * scale
