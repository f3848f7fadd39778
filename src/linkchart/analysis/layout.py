"""Node positions for a chart, computed once in Python so that the page opens still.

A browser-side physics simulation is what makes a large pyvis chart take a minute to
settle; here the positions come from an igraph layout, seeded, scaled to pixels and
written into the page, and the page draws them as they are.

The default, ``"community"``, draws what the measures read as groups: the communities of
the reading each laid out in an area of their own and the areas placed apart, the
context (actors with no tie read) on rings around them, and no two nodes overlapping at
the sizes they are drawn.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from .._igraph import seeded
from ..errors import LinkchartError, UnknownNameError
from ..model.convert import by_id
from .reading import reading
from .types import LAYOUTS, Layers, LayoutMethod, SignReading

if TYPE_CHECKING:
    import igraph as ig

    from ..model import LinkChart

__all__ = ["DEFAULT_SIZE", "LAYOUTS", "MIN_GAP", "LayoutMethod", "node_positions", "positions_array"]

Array = npt.NDArray[np.float64]

_SPACING = 110.0
"""Pixels per unit of the layout's typical edge length, before the page's own zoom."""

_ROOM = 170.0
"""The side, in pixels, of the square each node gets on average (the longer side of the
drawing is at least ``_ROOM * sqrt(n)``), so that labels have room around a hub."""

DEFAULT_SIZE = 15.0
"""A node's size where none is given: half the side of the square its shape is drawn in,
in pixels at zoom 1 (the page's size without a size measure; sizes run from 10 to 32)."""

MIN_GAP = 6.0
"""The least room, in pixels at zoom 1, that the community layout leaves between the
boxes of any two nodes (each box the square of side twice the node's size, which holds
every shape the page and the figure draw)."""

_GROUP_GAP = _SPACING
"""The least room, in pixels, between the areas of two communities."""


def node_positions(
    chart: LinkChart,
    *,
    method: str = "auto",
    seed: int = 0,
    sizes: Sequence[float] | None = None,
    layers: Layers = None,
    signs: SignReading | None = None,
) -> dict[str, tuple[float, float]]:
    """Pixel positions of the nodes of ``chart``, from a seeded layout.

    The chart is read as a simple undirected graph (parallel edges and directions
    collapse into one tie; self-loops are dropped). The drawing is centred on the origin
    and scaled so that a typical edge is at least 110 px long and each node has on average
    a 170 px square to itself. The same chart, sizes, reading and seed give the same
    positions, to the last digit.

    ``"community"`` (and ``"auto"``, which is it) reads the chart as the measures do: it
    finds the communities of the ties read (Leiden, as
    :func:`~linkchart.analysis.communities.communities` with the same reading and seed,
    so that a page coloured by community shows the same groups) and lays out each one
    with Fruchterman-Reingold [1]_ inside an area of its own; the areas are placed by a
    Fruchterman-Reingold layout of the graph of communities (ties between them pull
    them together), then pushed apart and drawn in again until they lie close with at
    least 110 px between any two. The context
    (the actors none of whose ties is read) goes on rings around the communities, each
    near the actors it is tied to. No two nodes overlap: the squares of side twice each
    node's size (``sizes``), which hold every shape the page and the figure draw, are at
    least :data:`MIN_GAP` px apart. Where nothing is read, every tie is.

    The other methods lay out each connected component on its own and pack the
    components in rows, largest first, so that isolated nodes do not fly off; they
    ignore ``sizes`` and the reading, and nodes may overlap.

    Parameters
    ----------
    chart
        The chart to lay out.
    method
        ``"community"`` (see above); ``"fr"``: Fruchterman-Reingold force-directed
        placement [1]_ (igraph switches to its grid variant above 1,000 nodes, which
        keeps it near-linear); ``"kk"``: Kamada-Kawai [2]_ (slow; quadratic memory);
        ``"drl"``: DrL, the distributed recursive layout (slow through igraph's Python
        random source); ``"circle"``: nodes on a circle in index order; ``"auto"``
        (default): ``"community"``.
    seed
        Seed of the random starting positions (and of the communities).
    sizes
        Per node, in node order, its size as the page draws it: half the side of the
        square its shape fits in, in pixels (default :data:`DEFAULT_SIZE` for every node).
    layers, signs
        The reading whose communities are grouped and whose context goes to the
        periphery (default: the measures' default reading, positive ties of the default
        layers), as for every measure.

    Returns
    -------
    dict
        Node id -> ``(x, y)`` in pixels, ``y`` growing downwards, rounded to 0.1 px.

    Raises
    ------
    UnknownNameError
        For an unknown ``method``, or a layer the chart lacks.
    LinkchartError
        For ``sizes`` of another length than the nodes, or a size that is negative or not
        finite.

    Notes
    -----
    igraph draws its random numbers from one process-wide generator (Python's
    :mod:`random` module by default). The layout runs with a private
    :class:`random.Random` seeded with ``seed`` installed as that generator, and puts
    :mod:`random` back afterwards; the global random state is neither read nor
    changed. Two layouts running at once in different threads would share it.

    *Complexity* of ``"community"``: community detection and Fruchterman-Reingold's
    grid variant are near-linear in the ties read; the overlap removal finds close pairs
    with a k-d tree, :math:`O(n \\log n)` a round. ``benchmarks/bench_layout.py`` times
    it at 1,000 to 50,000 nodes.

    References
    ----------
    .. [1] T. M. J. Fruchterman and E. M. Reingold, "Graph drawing by force-directed
       placement", *Software: Practice and Experience* 21(11), 1129-1164 (1991).
       :doi:`10.1002/spe.4380211102`
    .. [2] T. Kamada and S. Kawai, "An algorithm for drawing general undirected graphs",
       *Information Processing Letters* 31(1), 7-15 (1989).
       :doi:`10.1016/0020-0190(89)90102-6`
    .. [3] V. A. Traag, L. Waltman and N. J. van Eck, "From Louvain to Leiden: guaranteeing
       well-connected communities", *Scientific Reports* 9, 5233 (2019).
       :doi:`10.1038/s41598-019-41695-z`

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
    xy = positions_array(chart, method=method, seed=seed, sizes=sizes, layers=layers, signs=signs)
    return by_id(chart, [(float(x), float(y)) for x, y in xy.tolist()])


def positions_array(
    chart: LinkChart,
    *,
    method: str = "auto",
    seed: int = 0,
    sizes: Sequence[float] | None = None,
    layers: Layers = None,
    signs: SignReading | None = None,
) -> Array:
    """The positions of :func:`node_positions` as an ``(n, 2)`` array in node-index order."""
    if method not in LAYOUTS:
        raise UnknownNameError("layout method", method, LAYOUTS)
    n = chart.number_of_nodes
    half = _sizes(n, sizes)
    if n <= 1:
        return np.zeros((n, 2))
    if method in ("auto", "community"):
        xy = _community(chart, seed, half, layers, signs)
    elif method == "circle":
        angles = 2 * math.pi * np.arange(n) / n
        radius = _SPACING * n / (2 * math.pi)
        xy = np.column_stack([np.cos(angles), np.sin(angles)]) * max(radius, _SPACING)
        return np.round(xy, 1) + 0.0  # + 0.0: no "-0.0" in the page
    else:
        xy = _components(chart, method, seed)
    centred: Array = np.round(xy - (xy.min(axis=0) + xy.max(axis=0)) / 2, 1)
    return centred + 0.0  # + 0.0: no "-0.0" in the page


def _sizes(n: int, sizes: Sequence[float] | None) -> Array:
    if sizes is None:
        return np.full(n, DEFAULT_SIZE)
    half = np.asarray(sizes, dtype=np.float64).reshape(-1)
    if half.shape != (n,):
        raise LinkchartError(f"got {half.size} node sizes for a chart of {n} nodes")
    if not (np.isfinite(half).all() and (half >= 0).all()):
        raise LinkchartError("node sizes must be finite and not negative")
    return half


def _simple_graph(chart: LinkChart, keep: npt.NDArray[np.bool_] | None = None) -> ig.Graph:
    """The chart's edges (those of ``keep``) as a simple undirected igraph graph."""
    import igraph as ig

    e = chart.edges
    src, dst = e.src, e.dst
    if keep is not None:
        src, dst = src[keep], dst[keep]
    g = ig.Graph(n=chart.number_of_nodes, edges=np.column_stack([src, dst]).tolist(), directed=False)
    g.simplify(multiple=True, loops=True)
    return g


def _components(chart: LinkChart, method: str, seed: int) -> Array:
    """The layout of ``method`` of each connected component, packed in rows."""
    g = _simple_graph(chart)
    groups = sorted(
        (np.asarray(c, dtype=np.int64) for c in g.connected_components()), key=lambda c: (-len(c), int(c[0]))
    )
    parts: list[Array] = []
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
    out = np.zeros((chart.number_of_nodes, 2))
    for group, xy in zip(groups, _pack(parts), strict=True):
        out[group] = xy
    return out


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


# ---------------------------------------------------------------- the community layout


def _community(chart: LinkChart, seed: int, half: Array, layers: Layers, signs: SignReading | None) -> Array:
    """Communities of the reading in areas of their own, context on rings around them."""
    from .communities import communities

    n = chart.number_of_nodes
    e = chart.edges
    loops = e.src == e.dst
    read = reading(chart, layers=layers, signs=signs).edges_read() & ~loops
    if not read.any():  # nothing is read: the whole chart is the core
        layers, signs = "all", "all"
        read = reading(chart, layers=layers, signs=signs).edges_read() & ~loops
    core = np.zeros(n, dtype=bool)
    core[e.src[read]] = True
    core[e.dst[read]] = True
    # circles that hold each node's box with half the gap around it: circles apart, boxes apart
    radius = math.sqrt(2) * (half + MIN_GAP / 2)
    xy = np.zeros((n, 2))
    if core.any():
        found = communities(chart, layers=layers, signs=signs, seed=seed)
        membership = np.asarray([found[i] for i in chart.node_ids], dtype=np.int64)
        xy[core] = _groups(chart, read, np.flatnonzero(core), membership, radius, seed)
    if not core.all():
        xy[~core] = _rings(chart, core, xy, radius)
    return _separate(xy, radius)


def _groups(
    chart: LinkChart,
    read: npt.NDArray[np.bool_],
    rows: npt.NDArray[np.int64],
    membership: npt.NDArray[np.int64],
    radius: Array,
    seed: int,
) -> Array:
    """Positions of the core nodes ``rows``: each community laid out in a disc, discs apart."""
    import igraph as ig

    g = _simple_graph(chart, read)
    labels, group_of = np.unique(membership[rows], return_inverse=True)
    count = len(labels)
    order = np.argsort(group_of, kind="stable")
    bounds = np.flatnonzero(np.r_[True, np.diff(group_of[order]) != 0, True])
    local = np.zeros((len(rows), 2))
    extent = np.zeros(count)
    with seeded(seed):  # a private generator; the global ``random`` state is never touched
        for c in range(count):
            at = order[bounds[c] : bounds[c + 1]]
            members = rows[at]
            if len(members) == 1:
                xy = np.zeros((1, 2))
            else:
                sub = g.induced_subgraph(members.tolist())
                # fewer rounds for a large community: each costs O(k^2) below igraph's grid size
                rounds = 500 if len(members) <= 100 else 200
                coords = np.asarray(sub.layout_fruchterman_reingold(niter=rounds).coords, dtype=np.float64)
                xy = _separate(_to_pixels(coords, sub.get_edgelist()), radius[members])
                xy -= xy.mean(axis=0)
            local[at] = xy
            extent[c] = float((np.hypot(xy[:, 0], xy[:, 1]) + radius[members]).max())
        # the graph of communities: ties between two pull them together, a weak pull to a
        # hub keeps communities with no tie between them from drifting apart
        node_group = np.full(chart.number_of_nodes, -1, dtype=np.int64)
        node_group[rows] = group_of
        a = node_group[chart.edges.src[read]]
        b = node_group[chart.edges.dst[read]]
        between = a != b
        pairs, ties = np.unique(
            np.minimum(a, b)[between] * count + np.maximum(a, b)[between], return_counts=True
        )
        edges = [(int(p // count), int(p % count)) for p in pairs.tolist()]
        edges += [(c, count) for c in range(count)]
        weights = (1 + np.log(ties)).tolist() + [0.2] * count
        q = ig.Graph(n=count + 1, edges=edges)
        centres = np.asarray(q.layout_fruchterman_reingold(weights=weights).coords, dtype=np.float64)[:count]
    disc = extent + _GROUP_GAP / 2
    if count > 1:
        from scipy.spatial import cKDTree

        nearest = cKDTree(centres).query(centres, k=2)[0][:, 1]
        typical = float(np.median(nearest))
        # drawn closer than the discs allow, then pushed apart: the groups end up touching
        centres = centres * (float(np.median(disc)) / typical if typical > 0 else 1.0)
    centres = _separate(centres, disc)
    for _ in range(6):  # compact: draw the discs closer together and push them apart again
        middle = (centres.min(axis=0) + centres.max(axis=0)) / 2
        centres = _separate(middle + (centres - middle) * 0.8, disc)
    return local + centres[group_of]


def _rings(chart: LinkChart, core: npt.NDArray[np.bool_], xy: Array, radius: Array) -> Array:
    """Positions of the context (the nodes not in ``core``): on rings around the core, each
    at the angle of the core nodes it is tied to (spread evenly where it has none)."""
    rows = np.flatnonzero(~core)
    centre = (xy[core].min(axis=0) + xy[core].max(axis=0)) / 2 if core.any() else np.zeros(2)
    spread = xy - centre
    reach = float((np.hypot(spread[core, 0], spread[core, 1]) + radius[core]).max()) if core.any() else 0.0
    # the pull of each context node towards the core nodes it is tied to
    e = chart.edges
    pull = np.zeros((chart.number_of_nodes, 2))
    unit = spread / np.maximum(np.hypot(spread[:, 0], spread[:, 1]), 1e-9)[:, None]
    for a, b in ((e.src, e.dst), (e.dst, e.src)):
        toward = ~core[a] & core[b]
        np.add.at(pull, a[toward], unit[b[toward]])
    pull = pull[rows]
    loose = np.hypot(pull[:, 0], pull[:, 1]) < 1e-9
    angle = np.arctan2(pull[:, 1], pull[:, 0])
    angle[loose] = np.arange(int(loose.sum())) * math.pi * (3 - math.sqrt(5))  # golden angle
    angle = np.mod(angle, 2 * math.pi)
    # slots on rings a slot's width apart, enough for the context with room to spare
    pitch = max(2 * float(radius[rows].max()), _SPACING / 2)
    first = reach + _GROUP_GAP + pitch / 2
    slots: list[Array] = []
    total = k = 0
    while total < len(rows) * 1.25 + 8:
        r = first + k * pitch
        cap = max(1, int(math.pi / math.asin(min(1.0, pitch / (2 * r)))))
        theta = 2 * math.pi * (np.arange(cap) + 0.5 * (k % 2)) / cap
        slots.append(np.column_stack([theta, np.full(cap, r)]))
        total += cap
        k += 1
    every = np.concatenate(slots)
    every = every[np.lexsort((every[:, 1], every[:, 0]))]
    # each node takes the free slot nearest its angle, in angle order (no two share one)
    by_angle = np.argsort(angle, kind="stable")
    want = np.minimum(np.searchsorted(every[:, 0], angle[by_angle]), len(every) - 1)
    j = np.arange(len(rows))
    slot = np.minimum(j + np.maximum.accumulate(want - j), len(every) - len(rows) + j)
    out = np.zeros((len(rows), 2))
    theta, r = every[slot, 0], every[slot, 1]
    out[by_angle] = centre + np.column_stack([np.cos(theta), np.sin(theta)]) * r[:, None]
    return out


def _separate(xy: Array, radius: Array, rounds: int = 60) -> Array:
    """``xy`` moved until no two circles of ``radius`` about them overlap.

    Each round finds the overlapping pairs (a k-d tree query) and pushes each pair apart
    along the line between them, the smaller circle moving more. Pairs still overlapping
    after ``rounds`` rounds are separated by growing the whole drawing about its centre,
    which keeps every pair already apart apart: the result never has an overlap.
    """
    from scipy.spatial import cKDTree

    xy = np.array(xy, dtype=np.float64)
    n = len(xy)
    if n < 2:
        return xy
    reach = 2 * float(radius.max())
    if reach <= 0:
        return xy
    step = 0
    while True:
        pairs = cKDTree(xy).query_pairs(reach + 0.2, output_type="ndarray")
        if len(pairs) == 0:
            return xy
        i, j = pairs[:, 0], pairs[:, 1]
        d = xy[j] - xy[i]
        dist = np.hypot(d[:, 0], d[:, 1])
        need = radius[i] + radius[j] + 0.2  # + 0.2: still apart once rounded to 0.1 px
        bad = dist < need
        if not bad.any():
            return xy
        i, j, d, dist, need = i[bad], j[bad], d[bad], dist[bad], need[bad]
        same = dist < 1e-9  # coincident: apart in a direction fixed by the pair
        turn = (i[same] * 7919 + j[same]) * math.pi * (3 - math.sqrt(5))
        d[same] = np.column_stack([np.cos(turn), np.sin(turn)])
        dist[same] = 0.0
        u = d / np.hypot(d[:, 0], d[:, 1])[:, None]
        if step < rounds:
            ai, aj = radius[i] ** 2, radius[j] ** 2
            share = np.where(ai + aj > 0, aj / np.maximum(ai + aj, 1e-12), 0.5)
            gap = (need + 0.3 - dist)[:, None] * u  # a little past touching: no pair left just short
            move = np.zeros_like(xy)
            np.add.at(move, i, -gap * share[:, None])
            np.add.at(move, j, gap * (1 - share)[:, None])
            xy += move
        elif same.any():
            xy[j[same]] += u[same] * need[same][:, None]
        else:
            centre = xy.mean(axis=0)
            xy = centre + (xy - centre) * float((need / dist).max()) * 1.0001
        step += 1
