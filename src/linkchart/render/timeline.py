"""The page's time slider: the windows, every shown tie's days in force, every actor's lifespan,
and with ``over_time`` the size measure per window (from the findings of the analysis)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from ..analysis.findings import Findings
from ..analysis.over_time import dating, natural_cut, periods_of
from ..times import NEVER, dated
from .numbers import rounded
from .spec import PageSpec

if TYPE_CHECKING:
    from ..model import LinkChart

__all__ = ["cut_of", "timeline"]


def _day(value: int) -> int | None:
    """A day of :meth:`LinkChart.tie_times` or a lifespan as the page holds it (``None`` where open)."""
    big = np.iinfo(np.int32)
    return None if value <= big.min or value >= big.max else int(value)


def cut_of(chart: LinkChart, spec: PageSpec) -> str | int | None:
    """How the page cuts ``chart``'s time (:func:`natural_cut`), or ``None`` when it has no slider."""
    n = chart.nodes
    has_time = bool(chart.tie_times(spec.undated).dated.any() or dated(n.time_from, n.time_to).any())
    if spec.timeline is False or not has_time:
        return None
    if not dating(chart, **spec.reading(), undated=spec.undated, min_dated=spec.min_dated).enough:
        return None
    return natural_cut(chart)


def timeline(found: Findings, shown: LinkChart, spec: PageSpec) -> dict[str, Any] | None:
    """The time slider's data: the windows (the chart's periods, else years or months), every
    shown tie's first and last day in force (:meth:`LinkChart.tie_times`: its own time, its
    source's date, its actors' lifespans; ``None`` where open), the ties in no time view, every
    actor's lifespan, how many of the ties read are dated, and with ``spec.over_time`` the size
    measure per window for the shown actors. Below ``spec.min_dated`` dated ties: only why the
    page has no slider."""
    whole = found.chart
    n = whole.nodes
    has_time = bool(whole.tie_times(spec.undated).dated.any() or dated(n.time_from, n.time_to).any())
    if spec.timeline is False or not has_time:
        return None
    how = dating(whole, **spec.reading(), undated=spec.undated, min_dated=spec.min_dated)
    if not how.enough:
        return {"declined": how.declined(), "dating": how.describe()}
    every = natural_cut(whole)
    windows = periods_of(whole, every)
    times = shown.tie_times(spec.undated)
    sn = shown.nodes
    out: dict[str, Any] = {
        "every": every,
        "undated": spec.undated,
        "dating": how.describe(),
        "windows": [
            {"label": w.label, "first": w.first.toordinal(), "last": w.last.toordinal()} for w in windows
        ],
        "edge_from": [_day(v) for v in times.first.tolist()],
        "edge_to": [_day(v) for v in times.last.tolist()],
        "edge_never": np.flatnonzero(times.how == NEVER).tolist(),
        "node_from": [_day(v) for v in sn.time_from.tolist()],
        "node_to": [_day(v) for v in sn.time_to.tolist()],
        "measure": None,
    }
    if spec.over_time and spec.size_by:
        result = found.over_time(spec.size_by, every=every, undated=spec.undated, min_dated=spec.min_dated)
        ids = list(shown.node_ids)
        out["measure"] = {
            "name": spec.size_by,
            "values": [[rounded(s.get(v)) for v in ids] for s in result.scores],
            "ranks": [[r.get(v) for v in ids] for r in result.ranks],
            "active": [p.nodes for p in result.periods],
        }
    return out
