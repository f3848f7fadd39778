"""The rows a view keeps: the selections behind :meth:`LinkChart.filter
<linkchart.LinkChart.filter>`, its time views (``as_of``, ``between``) and
:meth:`~linkchart.LinkChart.ego`, as functions of a chart's tables.

Each function reads tables and returns rows (node rows, an edge mask) or a time window; the
chart's methods wrap them and build the new chart (:func:`take`). Nothing here changes a
table.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from ..errors import LinkchartError, UnknownNameError
from ..timegrammar import TIME_HINT, parse_time
from ..times import NO_TIME, Span, TieTimes, dated, in_force
from ..vocabulary import ConfidenceScale, Vocabulary
from .records import Source
from .tables import EdgeTable, NodeTable

__all__ = [
    "NodeRows",
    "at_least",
    "ego_rows",
    "in_time",
    "radius_of",
    "select",
    "source_times",
    "take",
    "time_window",
    "window",
]

NodeRows = npt.NDArray[np.intp]
"""The node rows a view keeps, in order (``None``: every node)."""


def window(time: Any, periods: Mapping[str, Span]) -> tuple[int, int]:
    """The first and last day of a time value (a year, ``"1999-03"``, an interval, a date, a
    :class:`~linkchart.times.Span` or the name of one of ``periods``), open ends as the
    earliest and latest day there is.

    Raises
    ------
    UnknownNameError
        For a name that is not one of ``periods``.
    LinkchartError
        For a value that is not a time (the message says why, with the spellings).
    """
    if isinstance(time, Span):
        span: Span | str = time
    else:
        span = parse_time(time, periods)
    if isinstance(span, str):
        if isinstance(time, str) and periods and "/" not in time and not time[:1].isdigit():
            raise UnknownNameError("period", time, list(periods))
        raise LinkchartError(f"{span}; {TIME_HINT}", code="bad-argument")
    lo = span.start if span.start != NO_TIME else int(np.iinfo(np.int32).min) + 1
    hi = span.end if span.end != NO_TIME else int(np.iinfo(np.int32).max)
    return lo, hi


def time_window(
    as_of: Any, between: tuple[Any, Any] | None, window_of: Callable[[Any], tuple[int, int]]
) -> tuple[int, int] | None:
    """The window of a time view: ``as_of`` (a time), or ``between`` (the start of one time
    to the end of another), read by ``window_of``; ``None`` for neither."""
    if as_of is not None and between is not None:
        raise LinkchartError("give as_of or between, not both", code="bad-argument")
    if as_of is not None:
        return window_of(as_of)
    if between is None:
        return None
    if not isinstance(between, tuple | list) or len(between) != 2:
        raise LinkchartError(f"between must be a pair of times, not {between!r}", code="bad-argument")
    return window_of(between[0])[0], window_of(between[1])[1]


def source_times(
    sources: Sequence[Source], periods: Mapping[str, Span]
) -> tuple[npt.NDArray[np.int32], npt.NDArray[np.int32]]:
    """The first and last day of each source's ``date`` (:data:`~linkchart.times.NO_TIME`
    where it has none, or one that is not a time)."""
    first = np.full(len(sources), NO_TIME, dtype=np.int32)
    last = first.copy()
    for i, source in enumerate(sources):
        span = parse_time(source.date, periods) if source.date.strip() else None
        if isinstance(span, Span):
            first[i], last[i] = span.start, span.end
    first.flags.writeable = last.flags.writeable = False
    return first, last


def select(
    nodes: NodeTable,
    edges: EdgeTable,
    vocabulary: Vocabulary,
    *,
    node_types: Iterable[str] | None = None,
    relations: Iterable[str] | None = None,
    min_confidence: str | float | None = None,
) -> tuple[NodeRows | None, npt.NDArray[np.bool_]]:
    """The node rows of ``node_types`` (``None``: every node) and the edges of ``relations``
    at least ``min_confidence`` certain.

    Raises
    ------
    UnknownNameError
        For a node type, relation or confidence level the vocabulary lacks.
    """
    mask = np.ones(len(edges), dtype=bool)
    node_rows = None
    if node_types is not None:
        codes = [vocabulary.node_type_names.index(vocabulary.node_type(t).name) for t in node_types]
        node_rows = np.flatnonzero(np.isin(nodes.type, codes))
    if relations is not None:
        rcodes = [vocabulary.relation_names.index(vocabulary.relation(r).name) for r in relations]
        mask &= np.isin(edges.relation, rcodes)
    if min_confidence is not None:
        mask &= at_least(edges.probability, vocabulary.confidence, min_confidence)
    return node_rows, mask


def at_least(
    probability: npt.NDArray[np.float64], scale: ConfidenceScale, minimum: str | float
) -> npt.NDArray[np.bool_]:
    """Which ties of these (combined) probabilities are at least ``minimum`` certain (a level
    of ``scale`` or a probability), allowing for the rounding of a probability combined from
    items.

    The one test of firmness: a ``reported`` tie from a source graded E is below
    ``reported``, and an ``alleged`` tie from three sources may be above it.

    Raises
    ------
    UnknownNameError
        For a level the confidence scale lacks.
    """
    return probability >= scale.threshold(minimum) - 1e-12


def in_time(
    nodes: NodeTable,
    edges: EdgeTable,
    node_rows: NodeRows | None,
    mask: npt.NDArray[np.bool_],
    span: tuple[int, int],
    ties: TieTimes,
    *,
    keep_nodes: bool = False,
) -> tuple[NodeRows | None, npt.NDArray[np.bool_]]:
    """Of a selection, the ties in force at some day of ``span`` (read by ``ties``) and, unless
    ``keep_nodes``, the actors active then: their own lifespan overlaps it, or a tie in force
    touches them."""
    first, last = span
    mask = mask & ties.in_force(first, last)
    if keep_nodes:
        return node_rows, mask
    alive = dated(nodes.time_from, nodes.time_to) & in_force(nodes.time_from, nodes.time_to, first, last)
    if node_rows is not None:
        inside = np.zeros(len(nodes), dtype=bool)
        inside[node_rows] = True
        mask &= inside[edges.src] & inside[edges.dst]
        alive &= inside
    alive[edges.src[mask]] = True
    alive[edges.dst[mask]] = True
    return np.flatnonzero(alive), mask


def radius_of(radius: object) -> int:
    """``radius`` if it is a non-negative integer, else a :class:`LinkchartError`."""
    if isinstance(radius, bool) or not isinstance(radius, int) or radius < 0:
        raise LinkchartError(
            f"radius must be a non-negative integer, not {radius!r}",
            code="bad-argument",
            loc=("radius",),
            input=radius,
        )
    return radius


def ego_rows(edges: EdgeTable, n: int, centre: int, radius: int) -> NodeRows:
    """The rows of node ``centre`` and of every node within ``radius`` ties of it (ties in
    either direction, whatever their relation), of ``n`` nodes."""
    inside = np.zeros(n, dtype=bool)
    inside[centre] = True
    src, dst = edges.src, edges.dst
    for _ in range(radius):
        touching = inside[src] | inside[dst]
        grown = inside.copy()
        grown[src[touching]] = True
        grown[dst[touching]] = True
        if np.array_equal(grown, inside):
            break
        inside = grown
    return np.flatnonzero(inside)


def take(
    nodes: NodeTable,
    edges: EdgeTable,
    node_rows: NodeRows | None,
    edge_mask: npt.NDArray[np.bool_],
    *,
    decided: bool = False,
) -> tuple[NodeTable, EdgeTable]:
    """The tables of a view: ``node_rows`` (``None``: every node) and the edges of
    ``edge_mask`` between them, renumbered. The either-or claims keep their sizes unless
    ``decided`` (:meth:`EdgeTable.take`)."""
    node_map = None
    if node_rows is not None:
        node_map = np.full(len(nodes), -1, dtype=np.int32)
        node_map[node_rows] = np.arange(len(node_rows), dtype=np.int32)
        edge_mask = edge_mask & (node_map[edges.src] >= 0) & (node_map[edges.dst] >= 0)
        nodes = nodes.take(node_rows)
    return nodes, edges.take(np.flatnonzero(edge_mask), node_map, decided=decided)
