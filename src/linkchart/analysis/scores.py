"""The result of a node measure: :class:`Scores`, a read-only mapping from node id to value.

Every centrality measure returns a :class:`Scores`. It remembers the chart it was
computed on (so it can rank within each node type), the measure's name and the
parameters it ran with (so a report can say what was computed), and it ranks
deterministically: descending values, ties broken by node id, ``NaN`` last.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Any

import numpy as np
import numpy.typing as npt

from ..errors import LinkchartError
from ..model import LinkChart
from ..model.convert import by_id
from ._common import NodeMapping

__all__ = ["Scores"]


def _order_key(item: tuple[str, float]) -> tuple[int, float, str]:
    node_id, value = item
    if math.isnan(value):
        return (1, 0.0, node_id)
    return (0, -value, node_id)


class Scores(NodeMapping[float]):
    """Per-node values of one measure, keyed by node id in chart order; immutable.

    Parameters
    ----------
    chart
        The chart the values were computed on.
    values
        One value per node, in node-position order (``chart.node_ids``).
    measure
        The measure's name (``"betweenness"``).
    parameters
        The arguments it ran with (``{"weight": None, "normalized": False, ...}``).
    errors
        For an estimate (sampled betweenness), the standard error of each value, in
        node-position order; ``None`` for an exact measure.

    Attributes
    ----------
    chart
        The chart (used for node types when ranking within a type).
    measure
        The measure's name.
    parameters
        A read-only mapping of the arguments the measure ran with.

    Raises
    ------
    LinkchartError
        If the number of values differs from the number of nodes.

    Examples
    --------
    >>> import linkchart
    >>> c = linkchart.from_records(
    ...     [{"id": "a", "type": "state"}, {"id": "b", "type": "organisation"},
    ...      {"id": "c", "type": "organisation"}], [])
    >>> s = Scores(c, [1.0, 3.0, 3.0], measure="example")
    >>> s["b"], len(s)
    (3.0, 3)
    >>> s.top(2)
    [('b', 3.0), ('c', 3.0)]
    >>> s.rank()
    {'b': 1, 'c': 1, 'a': 3}
    >>> s.by_type()["organisation"]
    [('b', 3.0), ('c', 3.0)]
    """

    __slots__ = ("_array", "_errors", "measure", "parameters")

    measure: str
    parameters: Mapping[str, Any]
    _array: npt.NDArray[np.float64]
    _errors: npt.NDArray[np.float64] | None

    def __init__(
        self,
        chart: LinkChart,
        values: Iterable[float] | npt.NDArray[np.floating[Any]],
        *,
        measure: str,
        parameters: Mapping[str, Any] | None = None,
        errors: npt.NDArray[np.float64] | None = None,
    ) -> None:
        array = np.array(values if isinstance(values, np.ndarray) else list(values), dtype=np.float64)
        if array.shape != (chart.number_of_nodes,):
            raise LinkchartError(
                f"{measure}: got {array.size} values for a chart of {chart.number_of_nodes} nodes"
            )
        array.flags.writeable = False
        object.__setattr__(self, "chart", chart)
        object.__setattr__(self, "measure", measure)
        object.__setattr__(self, "parameters", MappingProxyType(dict(parameters or {})))
        object.__setattr__(self, "_array", array)
        object.__setattr__(self, "_data", MappingProxyType(by_id(chart, array)))
        if errors is not None:
            errors = np.array(errors, dtype=np.float64)
            errors.flags.writeable = False
        object.__setattr__(self, "_errors", errors)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"Scores are immutable; cannot set {name!r}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"Scores are immutable; cannot delete {name!r}")

    # ------------------------------------------------------------------ Mapping
    def __repr__(self) -> str:
        head = ", ".join(f"{k!r}: {v:.4g}" for k, v in self.top(3))
        more = ", ..." if len(self) > 3 else ""
        return f"<Scores {self.measure} of {len(self)} nodes: {{{head}{more}}}>"

    # ------------------------------------------------------------------ values
    @property
    def values_array(self) -> npt.NDArray[np.float64]:
        """The values as a read-only ``float64`` array in node-position order."""
        return self._array

    @property
    def estimate(self) -> bool:
        """Whether the values are estimates (a sampled measure) with standard errors."""
        return self._errors is not None

    def error(self, node_id: str) -> float:
        """The standard error of an estimated value (0 for an exact measure)."""
        return 0.0 if self._errors is None else float(self._errors[self.chart.index_of(node_id)])

    def to_dict(self) -> dict[str, float]:
        """A plain, new ``dict`` from node id to value, in chart order."""
        return dict(self._data)

    # ------------------------------------------------------------------ ranking
    def _ranked(self, node_type: str | None = None) -> list[tuple[str, float]]:
        items: Iterable[tuple[str, float]] = self._data.items()
        if node_type is not None:
            wanted = set(self.chart.nodes_of_type(node_type))
            items = ((k, v) for k, v in items if k in wanted)
        return sorted(items, key=_order_key)

    def top(self, n: int | None = 10, *, node_type: str | None = None) -> list[tuple[str, float]]:
        """The ``n`` highest ``(node id, value)`` pairs, optionally within one node type.

        Descending by value; ties broken by node id; ``NaN`` values last. ``n=None``
        gives every node.

        Raises
        ------
        UnknownNameError
            For a node type the chart's vocabulary lacks.
        LinkchartError
            For a negative ``n``.
        """
        if n is not None and (isinstance(n, bool) or not isinstance(n, int) or n < 0):
            raise LinkchartError(f"n must be a non-negative integer or None, not {n!r}")
        ranked = self._ranked(node_type)
        return ranked if n is None else ranked[:n]

    def rank(self) -> dict[str, int]:
        """Each node's rank, 1 for the highest value, in ranking order.

        Ties share a rank and the next rank skips ("1224" competition ranking); ``NaN``
        values rank last, tied with each other.
        """
        out: dict[str, int] = {}
        previous: tuple[int, float] | None = None
        rank = 0
        for position, item in enumerate(self._ranked(), start=1):
            key = _order_key(item)[:2]
            if key != previous:
                rank, previous = position, key
            out[item[0]] = rank
        return out

    def by_type(self, n: int | None = None) -> dict[str, list[tuple[str, float]]]:
        """The ranking within each node type (the top state, the top organisation ...).

        Keys are the node types that have nodes in the chart, in vocabulary order; each
        list is ranked like :meth:`top` and holds at most ``n`` entries (all if ``None``).
        """
        out: dict[str, list[tuple[str, float]]] = {}
        names = self.chart.vocabulary.node_type_names
        present = set(np.unique(self.chart.nodes.type).tolist())
        for code, name in enumerate(names):
            if code in present:
                out[name] = self.top(n, node_type=name)
        return out
