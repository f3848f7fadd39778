"""The measures a chart page shows: looked up by name in :mod:`linkchart.analysis`.

Rendering never computes a measure itself; it calls the functions of
:mod:`linkchart.analysis` by name, so a page shows exactly what the analysis API
returns. A name that :mod:`linkchart.analysis` does not provide raises
:class:`~linkchart.errors.UnknownNameError` listing the ones it does.
"""

from __future__ import annotations

import importlib
import inspect
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from ..errors import LinkchartError, UnknownNameError

if TYPE_CHECKING:
    from ..model import LinkChart

__all__ = [
    "DEFAULT_MEASURES",
    "NODE_MEASURES",
    "available_measures",
    "compute_measures",
    "ranks",
]

NODE_MEASURES: tuple[str, ...] = (
    "degree",
    "strength",
    "betweenness",
    "closeness",
    "harmonic",
    "eigenvector",
    "pagerank",
    "bridging_centrality",
    "constraint",
    "effective_size",
    "participation",
)
"""Measures that give one number per node, in the order the page lists them."""

DEFAULT_MEASURES: tuple[str, ...] = ("degree", "strength", "betweenness", "pagerank", "constraint")
"""The measures a page shows when ``measures`` is not given (each one near-linear or,
for betweenness, :math:`O(nm)`; closeness and harmonic closeness are left to a request)."""

LOWER_IS_MORE: frozenset[str] = frozenset({"constraint"})
"""Measures where a lower value means more of the quality (Burt's constraint: less
constrained nodes are the brokers), ranked lowest first."""


def _analysis() -> Any:
    try:
        return importlib.import_module("linkchart.analysis")
    except ImportError:  # pragma: no cover - only while the package is incomplete
        return None


def available_measures() -> tuple[str, ...]:
    """The per-node measures that :mod:`linkchart.analysis` provides, in page order."""
    mod = _analysis()
    return tuple(m for m in NODE_MEASURES if mod is not None and callable(getattr(mod, m, None)))


def analysis_function(name: str, known: Iterable[str] | None = None) -> Callable[..., Any]:
    """The function ``linkchart.analysis.<name>``, or :class:`UnknownNameError`."""
    mod = _analysis()
    fn = getattr(mod, name, None) if mod is not None else None
    if not callable(fn):
        raise UnknownNameError("measure", name, available_measures() if known is None else known)
    return fn  # type: ignore[no-any-return]


def call(fn: Callable[..., Any], chart: LinkChart, seed: int) -> Any:
    """Call an analysis function with its defaults, passing ``seed`` where it takes one."""
    try:
        params = inspect.signature(fn).parameters
    except (TypeError, ValueError):  # pragma: no cover - builtins
        params = {}  # type: ignore[assignment]
    if "seed" in params:
        return fn(chart, seed=seed)
    return fn(chart)


def _number(value: Any) -> float | None:
    try:
        x = float(value)
    except (TypeError, ValueError):
        return None
    return x if math.isfinite(x) else None


def compute_measures(
    chart: LinkChart, names: Sequence[str], *, seed: int = 0
) -> dict[str, list[float | None]]:
    """Each named measure as a list of values in node-index order (``None`` where undefined).

    Raises
    ------
    UnknownNameError
        For a name that is not a per-node measure of :mod:`linkchart.analysis`.
    LinkchartError
        When a measure does not return one value per node id.
    """
    out: dict[str, list[float | None]] = {}
    for name in names:
        if name not in NODE_MEASURES:
            raise UnknownNameError("measure", name, available_measures())
        result = call(analysis_function(name), chart, seed)
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
