"""A summary view of a large chart: the top actors by the size measure (or by degree) and the
ties among them, and the sentence that says what is left out."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from ..analysis.findings import Findings
from .spec import PageSpec

if TYPE_CHECKING:
    from ..model import LinkChart

__all__ = ["summary_note", "top_rows"]


def top_rows(
    found: Findings, spec: PageSpec, values: Mapping[str, Sequence[float | None]], count: int
) -> tuple[np.ndarray, np.ndarray]:
    """The node rows of the ``count`` top actors by the size measure (without one, by degree:
    distinct partners on the page's reading), ties broken by row, in row order; and the rows
    of the edges among them."""
    chart = found.chart
    n = chart.number_of_nodes
    e = chart.edges
    if spec.size_by:
        low = spec.lowest_first(spec.size_by)
        raw = values[spec.size_by]
        key = np.array([np.inf if v is None else (v if low else -v) for v in raw], dtype=np.float64)
    else:  # distinct partners on the page's reading, as the degree the panel shows
        key = -np.array(list(found.scores("degree").values()), dtype=np.float64)
    order = np.lexsort((np.arange(n), key))
    rows = np.sort(order[:count])
    keep = np.zeros(n, dtype=bool)
    keep[rows] = True
    return rows, np.flatnonzero(keep[e.src] & keep[e.dst])


def summary_note(chart: LinkChart, spec: PageSpec, nodes: int, edges: int) -> dict[str, Any]:
    """What a summary view shows and leaves out, as numbers and as the sentence the page shows."""
    by = spec.size_by.replace("_", " ") if spec.size_by else "degree"
    most = "lowest" if spec.size_by and spec.lowest_first(spec.size_by) else "highest"
    n, m = chart.number_of_nodes, chart.number_of_edges
    text = (
        f"Summary view: the {nodes:,} actors with the {most} {by} of {n:,}, and the {edges:,} ties "
        f"among them of {m:,}; {n - nodes:,} actors and {m - edges:,} ties are left out. Measures and "
        "ranks are of the whole chart. Every actor and tie is in the exports (linkchart export); "
        "render with summary=False / --full to draw them all."
    )
    return {"nodes": nodes, "edges": edges, "total_nodes": n, "total_edges": m, "by": by, "text": text}
