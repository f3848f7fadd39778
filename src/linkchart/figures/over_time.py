"""A measure over time as a line plot: the leading actors' scores per period."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

import numpy as np

from ._mpl import figure_bytes

if TYPE_CHECKING:
    from ..analysis.over_time import OverTime
    from .spec import FigureFormat

__all__ = ["plot_over_time"]


def plot_over_time(
    result: OverTime,
    *,
    top: int = 5,
    title: str = "",
    format: FigureFormat = "svg",
    labels: Mapping[str, str] | None = None,
) -> bytes:
    """The scores of the leading actors (:meth:`OverTime.leaders`) per period as a line plot.

    One line per actor (named by ``labels``, else by id), a gap where it was not active;
    the bytes of ``format``, ``"svg"``, ``"png"`` or ``"pdf"`` (write them with
    :func:`~linkchart.figures.write_figure`). Drawn on a figure of its own (matplotlib's
    backend is left as it is; no window, no network); the same result gives the same bytes.
    """
    from matplotlib.figure import Figure

    ticks = [p.label for p in result.periods]
    names = labels or {}
    fig = Figure(figsize=(max(6.0, 0.45 * len(ticks) + 3), 4.2), layout="constrained")
    ax = fig.add_subplot()
    x = np.arange(len(ticks))
    for node_id in result.leaders(top)[: max(top, 1) * 2]:
        y = np.array([np.nan if v is None else v for v in result.series(node_id)], dtype=np.float64)
        ax.plot(x, y, marker="o", markersize=3, label=names.get(node_id, node_id))
    many = len(ticks) > 8
    ax.set_xticks(x, ticks, rotation=45 if many else 0, ha="right" if many else "center")
    ax.set_ylabel(result.measure.replace("_", " "))
    ax.grid(alpha=0.3)
    ax.legend(fontsize=8, loc="best")
    ax.set_title(title or f"{result.measure.replace('_', ' ')} over time", fontsize=11)
    return figure_bytes(fig, format)
