"""The measures a chart page shows: read from the measure registry.

Rendering never computes a measure itself: it runs the entries of
:data:`linkchart.MEASURES` (or of the registry it is given), so a page shows exactly
what the analysis API returns, with the same options as the report. A name the
registry lacks raises :class:`~linkchart.errors.UnknownNameError` listing the
per-node measures it has.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from ..analysis.registry import MEASURES, Registry
from ..errors import LinkchartError, UnknownNameError

if TYPE_CHECKING:
    from ..model import LinkChart

__all__ = ["compute_measures", "node_measures", "page_defaults", "ranks"]


def node_measures(registry: Registry = MEASURES) -> tuple[str, ...]:
    """The per-node measures of ``registry``, in page order (any of them can size nodes)."""
    return registry.names(returns="node")


def page_defaults(registry: Registry = MEASURES) -> tuple[str, ...]:
    """The measures a page lists when none are asked for (``on_page`` in the registry)."""
    return registry.names(returns="node", on_page=True)


def run(registry: Registry, name: str, chart: LinkChart, seed: int, **kwargs: Any) -> Any:
    """Run the registered measure ``name`` with its options, passing ``seed`` where it takes one."""
    measure = registry[name]
    if measure.seeded:
        kwargs["seed"] = seed
    return measure(chart, **kwargs)


def _number(value: Any) -> float | None:
    try:
        x = float(value)
    except (TypeError, ValueError):
        return None
    return x if math.isfinite(x) else None


def compute_measures(
    chart: LinkChart,
    names: Sequence[str],
    *,
    seed: int = 0,
    registry: Registry = MEASURES,
    options: Mapping[str, Mapping[str, Any]] | None = None,
    **reading: Any,
) -> dict[str, list[float | None]]:
    """Each named measure as a list of values in node-index order (``None`` where undefined).

    ``reading`` (``layers=``, ``signs=``) is passed to every measure, ``options[name]``
    to that measure only (``{"betweenness": {"samples": 1000}}``).

    Raises
    ------
    UnknownNameError
        For a name that is not a per-node measure of ``registry``.
    LinkchartError
        When a measure does not return one value per node id.
    """
    known = node_measures(registry)
    out: dict[str, list[float | None]] = {}
    for name in names:
        if name not in known:
            raise UnknownNameError("measure", name, known)
        result = run(registry, name, chart, seed, **reading, **(options or {}).get(name, {}))
        if not isinstance(result, Mapping):
            kind = type(result).__name__
            raise LinkchartError(f"measure {name!r} returned {kind}, not a dict keyed by node id")
        out[name] = [_number(result.get(nid)) for nid in chart.node_ids]
    return out


def ranks(values: Sequence[float | None], *, lowest_first: bool = False) -> list[int | None]:
    """Competition ranks ("1224"): 1 for the largest value (smallest if ``lowest_first``).

    Equal values share the best rank; ``None`` stays unranked.

    Examples
    --------
    >>> ranks([0.5, 2.0, 0.5, None, 3.0])
    [3, 2, 3, None, 1]
    >>> ranks([0.5, 2.0, 0.5], lowest_first=True)
    [1, 3, 1]
    """
    present = sorted((v if lowest_first else -v) for v in values if v is not None)
    first: dict[float, int] = {}
    for r, key in enumerate(present, start=1):
        first.setdefault(key, r)
    return [None if v is None else first[v if lowest_first else -v] for v in values]
