r"""Gould-Fernandez brokerage roles, counted: the groups of a partition, and every broker's
two-paths by role (see :mod:`~linkchart.analysis.brokerage` for the roles and the null model).

Two engines count the same: ``"igraph"``, a vectorised count over all two-paths with
numpy (igraph has no brokerage routine), and ``"networkx"``, the plain triple loop on a
``networkx.DiGraph``, the reference.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from typing import Literal, get_args

import numpy as np
import numpy.typing as npt

from ..errors import LinkchartError, UnknownNameError
from ..model import LinkChart
from .projection import Projection, project
from .types import Engine, Relations

__all__ = ["ROLES", "Partition", "Role", "count_roles", "groups_of"]

Role = Literal["coordinator", "itinerant", "representative", "gatekeeper", "liaison"]
ROLES: tuple[Role, ...] = get_args(Role)
"""The five roles, in the order of Gould & Fernandez's typology (and of this module's arrays)."""

Partition = str | Mapping[str, Hashable]
"""``"type"``, the name of a node attribute, or a mapping from node id to group."""

IntArray = npt.NDArray[np.int64]

_CHUNK = 1 << 22  # two-paths handled at once by the vectorised engine (bounds memory)


# ---------------------------------------------------------------------------- partition
def groups_of(chart: LinkChart, partition: Partition = "type") -> dict[str, Hashable]:
    """The group of every node under ``partition``, keyed by node id.

    Parameters
    ----------
    chart
        The chart.
    partition
        ``"type"`` (the node type), the name of a node attribute (its value is the
        group), or a mapping from node id to group (any hashable value).

    Returns
    -------
    dict
        Node id -> group, for every node of the chart, in index order.

    Raises
    ------
    UnknownNameError
        For an attribute no node has, or a mapping key that is not a node id.
    LinkchartError
        When some nodes have no group (listed by id), or a group value is unhashable.

    Examples
    --------
    >>> import linkchart
    >>> c = linkchart.from_records([{"id": "a", "type": "state"},
    ...     {"id": "b", "type": "person", "attributes": {"side": "x"}}], [])
    >>> groups_of(c)
    {'a': 'state', 'b': 'person'}
    >>> groups_of(c, {"a": 1, "b": 2})
    {'a': 1, 'b': 2}
    """
    ids = chart.node_ids
    if isinstance(partition, str):
        if partition == "type":
            names = chart.vocabulary.node_type_names
            values: list[object] = [names[t] for t in chart.nodes.type.tolist()]
        elif partition in chart.nodes.attributes:
            values = list(chart.nodes.attributes[partition].tolist())
        else:
            raise UnknownNameError("partition (node attribute)", partition, ["type", *chart.nodes.attributes])
        label = f"attribute {partition!r}" if partition != "type" else "type"
    elif isinstance(partition, Mapping):
        unknown = [k for k in partition if k not in chart]
        if unknown:
            raise UnknownNameError("node in the partition", unknown[0], ids)
        values = [partition.get(n) for n in ids]
        label = "the partition mapping"
    else:
        raise LinkchartError(
            f"partition must be 'type', a node attribute name or a mapping from node id to group, "
            f"not {type(partition).__name__}"
        )
    missing = [n for n, v in zip(ids, values, strict=True) if v is None]
    if missing:
        shown = ", ".join(repr(m) for m in missing[:10])
        more = f" and {len(missing) - 10} more" if len(missing) > 10 else ""
        raise LinkchartError(
            f"{len(missing)} {'nodes have' if len(missing) != 1 else 'node has'} no group under {label}: "
            f"{shown}{more}; give every node a group, or analyse chart.subgraph(...) of the "
            "nodes that have one"
        )
    out: dict[str, Hashable] = {}
    for n, v in zip(ids, values, strict=True):
        if isinstance(v, list):
            v = tuple(v)
        try:
            hash(v)
        except TypeError:
            raise LinkchartError(f"node {n!r}: group {v!r} under {label} is not a hashable value") from None
        out[n] = v
    return out


def _codes(chart: LinkChart, partition: Partition) -> tuple[npt.NDArray[np.int64], dict[str, Hashable]]:
    groups = groups_of(chart, partition)
    index: dict[Hashable, int] = {}
    codes = np.fromiter(
        (index.setdefault(g, len(index)) for g in groups.values()), dtype=np.int64, count=len(groups)
    )
    return codes, groups


def _arcs(chart: LinkChart, relations: Relations, directed: bool | None) -> Projection:
    """The directed reading the roles are counted on (see :func:`brokerage`)."""
    return project(chart, relations=relations, directed=directed is not False)


def _arc_arrays(p: Projection) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """Source and target of every arc, sorted by (source, target); an undirected tie is two arcs."""
    src = p.src.astype(np.int64)
    dst = p.dst.astype(np.int64)
    if not p.directed:
        src, dst = np.concatenate([src, dst]), np.concatenate([dst, src])
    order = np.lexsort((dst, src))
    return src[order], dst[order]


# ---------------------------------------------------------------------------- engines
def _role_codes(ga: IntArray, gb: IntArray, gc: IntArray) -> IntArray:
    """The role index (into :data:`ROLES`) of each path, from the groups of a, b, c."""
    role = np.full(len(gb), 4, dtype=np.int64)  # liaison unless one of the others holds
    role[(ga == gc) & (ga != gb)] = 1  # itinerant
    role[(ga == gb) & (gc != gb)] = 2  # representative
    role[(gb == gc) & (ga != gb)] = 3  # gatekeeper
    role[(ga == gb) & (gb == gc)] = 0  # coordinator
    return role


def _counts_vectorised(
    n: int, src: npt.NDArray[np.int64], dst: npt.NDArray[np.int64], group: npt.NDArray[np.int64]
) -> npt.NDArray[np.int64]:
    """Role counts (n x 5) from the sorted arcs, with numpy: every two-path at once, in chunks."""
    counts = np.zeros(n * len(ROLES), dtype=np.int64)
    m = len(src)
    if m == 0:
        return counts.reshape(n, len(ROLES))
    keys = src * n + dst  # sorted, since the arcs are
    outdeg = np.bincount(src, minlength=n)
    indptr = np.concatenate([[0], np.cumsum(outdeg)])
    per_arc = outdeg[dst]  # arc a->b extends to every arc b->c
    ends = np.cumsum(per_arc)
    start = 0
    while start < m:
        # the largest run of arcs whose two-paths fit in one chunk (at least one arc)
        base = ends[start - 1] if start else 0
        stop = max(int(np.searchsorted(ends, base + _CHUNK, side="right")), start + 1)
        stop = min(stop, m)
        k = per_arc[start:stop]
        arc = np.repeat(np.arange(start, stop), k)
        offset = np.arange(len(arc)) - np.repeat(np.cumsum(k) - k, k)
        a, b = src[arc], dst[arc]
        c = dst[indptr[b] + offset]
        keep = a != c
        a, b, c = a[keep], b[keep], c[keep]
        closing = a * n + c
        pos = np.minimum(np.searchsorted(keys, closing), m - 1)
        open_ = keys[pos] != closing
        a, b, c = a[open_], b[open_], c[open_]
        role = _role_codes(group[a], group[b], group[c])
        counts += np.bincount(b * len(ROLES) + role, minlength=n * len(ROLES))
        start = stop
    return counts.reshape(n, len(ROLES))


def _counts_networkx(p: Projection, group: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
    """Role counts (n x 5) by the plain definition, on a ``networkx.DiGraph`` (the reference)."""
    import networkx as nx

    g = nx.DiGraph(p.to_networkx()) if not p.directed else p.to_networkx()
    counts = np.zeros((p.n, len(ROLES)), dtype=np.int64)
    gr = group.tolist()
    for b in g.nodes:
        for a in g.predecessors(b):
            for c in g.successors(b):
                if a != c and not g.has_edge(a, c):
                    counts[b, _role_of(gr[a], gr[b], gr[c])] += 1
    return counts


def _role_of(ga: int, gb: int, gc: int) -> int:
    """The role index of one path a -> b -> c, read off the definition."""
    if ga == gb == gc:
        return ROLES.index("coordinator")
    if ga == gc:
        return ROLES.index("itinerant")
    if ga == gb:
        return ROLES.index("representative")
    if gb == gc:
        return ROLES.index("gatekeeper")
    return ROLES.index("liaison")


def count_roles(
    chart: LinkChart,
    partition: Partition,
    engine: Engine,
    relations: Relations,
    directed: bool | None,
) -> tuple[IntArray, IntArray, dict[str, Hashable], int]:
    """Role counts (n x 5), group codes, groups by id, and the number of arcs."""
    group, groups = _codes(chart, partition)
    p = _arcs(chart, relations, directed)
    src, dst = _arc_arrays(p)
    if engine == "igraph":
        counts = _counts_vectorised(p.n, src, dst, group)
    else:
        counts = _counts_networkx(p, group)
    return counts, group, groups, len(src)
