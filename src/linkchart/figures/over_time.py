"""A measure over time as a line plot: the leading actors' scores per period, each line
named at its end, with how many of the ties read are dated."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import numpy as np

from ..errors import LinkchartError
from ._mpl import figure_bytes

if TYPE_CHECKING:
    from ..analysis.over_time import OverTime
    from .spec import FigureFormat

__all__ = ["end_labels", "plot_over_time"]

_GAP = 11.0  # points between two end labels


def end_labels(ends: list[float], lo: float, hi: float, height: float, gap: float = _GAP) -> list[float]:
    """The heights (axes fraction) of labels at line ends ``ends`` (data, ``lo``..``hi``) on
    an axes ``height`` points tall: each as near its line's end as it can be with ``gap``
    points between neighbours, the order kept, none below the axes.

    Examples
    --------
    >>> [round(y, 3) for y in end_labels([1.0, 1.0, 0.0], 0.0, 1.0, 110.0)]
    [1.0, 0.9, 0.0]
    >>> [round(y, 3) for y in end_labels([1.0, 0.0, 0.0], 0.0, 1.0, 110.0)]  # none below 0
    [1.0, 0.1, 0.0]
    """
    span = hi - lo or 1.0
    step = gap / max(height, 1.0)
    wanted = [(y - lo) / span for y in ends]
    order = sorted(range(len(ends)), key=lambda i: (-wanted[i], i))
    out = [0.0] * len(ends)
    prev = None
    for i in order:  # from the top down, each at least a step below the one above
        y = wanted[i] if prev is None else min(wanted[i], prev - step)
        out[i] = prev = y
    prev = None
    for i in reversed(order):  # then from the bottom up, none below the axes
        y = max(out[i], 0.0) if prev is None else max(out[i], prev + step)
        out[i] = prev = y
    return out


def plot_over_time(
    result: OverTime,
    *,
    top: int = 5,
    title: str = "",
    format: FigureFormat = "svg",
    labels: Mapping[str, str] | None = None,
) -> bytes:
    """The scores of the leading actors (:meth:`OverTime.leaders`) per period as a line plot.

    One line per actor, named at its end (by ``labels``, else by id: no legend to look
    up), a gap where it was not active; under the plot, how many of the ties read are dated
    (:class:`~linkchart.analysis.over_time.Dating`). The bytes of ``format``, ``"svg"``,
    ``"png"`` or ``"pdf"`` (write them with :func:`~linkchart.figures.write_figure`). Drawn
    on a figure of its own (matplotlib's backend is left as it is; no window, no network);
    the same result gives the same bytes.

    Raises
    ------
    LinkchartError
        For a result that declined to cut the ties into periods (too few dated,
        :attr:`OverTime.declined`): the error gives the reason, and nothing is drawn.
    """
    from matplotlib.figure import Figure
    from matplotlib.transforms import blended_transform_factory, offset_copy

    if result.declined:
        raise LinkchartError(f"nothing to plot over time: {result.declined}", code="bad-argument")
    ticks = [p.label for p in result.periods]
    names = labels or {}
    height = 4.2
    fig = Figure(figsize=(max(6.0, 0.45 * len(ticks) + 4), height), layout="constrained")
    ax = fig.add_subplot()
    x = np.arange(len(ticks))
    lines: list[tuple[str, float, float, Any]] = []  # name, last x, last y, colour
    for node_id in result.leaders(top)[: max(top, 1) * 2]:
        y = np.array([np.nan if v is None else v for v in result.series(node_id)], dtype=np.float64)
        (line,) = ax.plot(x, y, marker="o", markersize=3)
        last = np.flatnonzero(~np.isnan(y))
        if last.size:
            k = int(last[-1])
            lines.append((names.get(node_id, node_id), float(x[k]), float(y[k]), line.get_color()))
    many = len(ticks) > 8
    ax.set_xticks(x, ticks, rotation=45 if many else 0, ha="right" if many else "center")
    ax.set_ylabel(result.measure.replace("_", " "))
    ax.grid(alpha=0.3)
    lo, hi = ax.get_ylim()
    ax.set_ylim(lo, hi)
    heights = end_labels([y for _, _, y, _ in lines], lo, hi, 0.7 * height * 72)
    along = blended_transform_factory(ax.transData, ax.transAxes)
    for (name, last_x, _, color), h in zip(lines, heights, strict=True):
        ax.text(last_x, h, name, transform=offset_copy(along, fig=fig, x=6, y=0, units="points"),
                fontsize=8, color=color, va="center", ha="left", clip_on=False)  # fmt: skip
    ax.set_title(title or f"{result.measure.replace('_', ' ')} over time", fontsize=11)
    if result.dating is not None:
        ax.set_xlabel(result.dating.describe(), fontsize=8, color="#444444")
    return figure_bytes(fig, format)
