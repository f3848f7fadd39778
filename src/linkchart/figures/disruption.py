"""Disruption curves as one figure: fragmentation, largest component and efficiency per
strategy, with the actors each targeted strategy removes, step by step."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

import numpy as np

from ..errors import LinkchartError
from ._mpl import figure_bytes

if TYPE_CHECKING:
    from ..analysis.disruption import Disruption
    from .spec import FigureFormat

__all__ = ["plot_disruption", "removal_lines"]


def removal_lines(results: Sequence[Disruption], labels: Mapping[str, str] | None = None) -> list[str]:
    """One line per strategy: the actors it removes, numbered by step (the x axis).

    Examples
    --------
    >>> import linkchart
    >>> c = linkchart.from_records([{"id": x, "type": "person"} for x in "abc"],
    ...     [{"from": "a", "relation": "knows", "to": "b"}, {"from": "b", "relation": "knows", "to": "c"}])
    >>> removal_lines([linkchart.disruption(c, steps=2)], {"b": "Bea"})
    ['betweenness removes: 1 Bea, 2 a']
    """
    names = labels or {}
    out = []
    for r in results:
        if r.removed:
            steps = ", ".join(f"{k} {names.get(n, n)}" for k, n in enumerate(r.removed, start=1))
            out.append(f"{r.strategy} removes: {steps}")
        else:
            out.append(f"{r.strategy}: other actors in each run (the mean, and the 5-95 % band)")
    return out


def plot_disruption(
    results: Sequence[Disruption],
    *,
    title: str = "",
    format: FigureFormat = "svg",
    labels: Mapping[str, str] | None = None,
) -> bytes:
    """The curves of several strategies as one figure, the bytes of ``format`` (svg, png or pdf).

    Three panels (fragmentation, largest component, efficiency) against the number of
    nodes removed, one line per strategy, the random strategy with its 5-95 % band; under
    them, the actors each strategy removes at each step (named by ``labels``, else by id,
    :func:`removal_lines`). Drawn on a figure of its own (matplotlib's backend is left as it
    is): no window, no network, no font download. Write the bytes with
    :func:`~linkchart.figures.write_figure`.

    Raises
    ------
    LinkchartError
        For no result to plot.
    """
    from matplotlib.figure import Figure

    if not results:
        raise LinkchartError("nothing to plot: give at least one disruption result", code="bad-argument")
    notes = removal_lines(results, labels)
    fig = Figure(figsize=(11, 3.6 + 0.2 * len(notes)), layout="constrained")
    axes = fig.subplots(1, 3)
    panels = (("fragmentation", "fragmentation (F)"), ("largest", "largest component share"),
              ("efficiency", "global efficiency"))  # fmt: skip
    for ax, (key, label) in zip(axes, panels, strict=True):
        for r in results:
            y = getattr(r, key)
            x = np.arange(len(y))
            (line,) = ax.plot(x, y, marker="o", markersize=3, label=r.strategy)
            if key in r.bands:
                lo, hi = r.bands[key]
                ax.fill_between(x, lo, hi, alpha=0.2, color=line.get_color(), linewidth=0)
        ax.set_xlabel("nodes removed")
        ax.set_title(label, fontsize=10)
        ax.set_ylim(-0.02, 1.02)
        ax.grid(alpha=0.3)
    axes[0].legend(fontsize=8)
    if title:
        fig.suptitle(title, fontsize=11)
    fig.supxlabel("\n".join(notes), fontsize=7.5, color="#444444", ha="left", x=0.01, wrap=True)
    return figure_bytes(fig, format)
