"""Parallel ties fanned out as curves, so that neither the lines nor their labels overlap."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from ..model import LinkChart

__all__ = ["curves_of"]


def curves_of(chart: LinkChart) -> list[dict[str, Any] | None]:
    """Per edge, the vis-network ``smooth`` of a curve fanning out parallel edges, or ``None``.

    The edges joining one pair of nodes, in either direction, get roundness 0.2,
    -0.2, 0.4, -0.4 ... (one of an odd number stays straight), so that neither the lines
    nor their labels overlap. Self-loops are left to ``selfReference`` sizes.
    """
    e = chart.edges
    m = len(e)
    out: list[dict[str, Any] | None] = [None] * m
    if m == 0:
        return out
    lo = np.minimum(e.src, e.dst).astype(np.int64)
    hi = np.maximum(e.src, e.dst).astype(np.int64)
    key = lo * max(chart.number_of_nodes, 1) + hi
    order = np.argsort(key, kind="stable")
    sorted_keys = key[order]
    starts = np.flatnonzero(np.r_[True, sorted_keys[1:] != sorted_keys[:-1]])
    ends = np.r_[starts[1:], m]
    src = e.src.tolist()
    dst = e.dst.tolist()
    for a, b in zip(starts.tolist(), ends.tolist(), strict=True):
        count = b - a
        if count == 1:
            continue
        rows = order[a:b].tolist()
        if src[rows[0]] == dst[rows[0]]:
            for j, k in enumerate(rows):
                out[k] = {"selfReference": 20 + 12 * j}
            continue
        offset = 0 if count % 2 else 1
        for j, k in enumerate(rows):
            step = (j + offset + 1) // 2
            sign = 1 if (j + offset) % 2 else -1
            r = 0.2 * step * sign
            if r == 0:
                continue
            if src[k] > dst[k]:
                r = -r  # the same side of the line, whichever way the edge points
            kind = "curvedCW" if r > 0 else "curvedCCW"
            out[k] = {"enabled": True, "roundness": round(abs(r), 2), "type": kind}
    return out
