"""Helpers shared by the measure modules (private: not re-exported)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from ..errors import LinkchartError

if TYPE_CHECKING:
    from ..model import LinkChart

__all__ = [
    "NodeMapping",
    "Relations",
    "check_count",
    "check_flag",
    "parameters",
    "relation_list",
    "topological",
    "undirected_only",
]

V = TypeVar("V")

Relations = Iterable[str] | str | None
"""The ``relations`` argument of every measure: names, one name, or ``None`` for all."""


def check_flag(name: str, value: object) -> bool:
    """Return ``value`` if it is a ``bool``, else raise a :class:`LinkchartError`."""
    if not isinstance(value, bool):
        raise LinkchartError(f"{name} must be True or False, not {value!r}")
    return value


def check_count(name: str, value: object, minimum: int) -> int:
    """Return ``value`` as an ``int`` if it is an integer of at least ``minimum``, else raise."""
    import numpy as np

    if isinstance(value, bool) or not isinstance(value, int | np.integer) or value < minimum:
        raise LinkchartError(f"{name} must be an integer of at least {minimum}, not {value!r}")
    return int(value)


def undirected_only(measure: str, directed: object) -> None:
    """Accept ``directed`` of ``None`` or ``False``; a measure defined on the undirected reading
    refuses ``True`` rather than silently reading the ties another way."""
    if directed is True:
        raise LinkchartError(
            f"{measure} is defined on the undirected reading: directed must be None or False, not True"
        )
    if directed is not None and directed is not False:
        raise LinkchartError(f"directed must be True, False or None, not {directed!r}")


def topological(measure: str, weight: object) -> None:
    """Accept only ``weight=None`` for a measure that counts ties and never weighs them."""
    if weight is not None:
        raise LinkchartError(
            f"{measure} is topological (it counts ties): weight must be None, not {weight!r}"
        )


def relation_list(relations: Relations) -> list[str] | None:
    """The relations argument as recorded in a result's parameters."""
    if relations is None:
        return None
    if isinstance(relations, str):
        return [relations]
    return list(relations)


def parameters(**kwargs: Any) -> dict[str, Any]:
    """The parameters a measure ran with, with ``relations`` made a list."""
    if "relations" in kwargs:
        kwargs["relations"] = relation_list(kwargs["relations"])
    return kwargs


class NodeMapping(Mapping[str, V]):
    """A read-only mapping from node id to a value of one chart (base of the results).

    Subclasses set ``chart`` and ``_data`` (node id -> value, in chart order). Looking up
    an id the chart lacks raises :class:`~linkchart.errors.UnknownNameError` with a
    did-you-mean hint (a ``KeyError`` too), rather than a bare ``KeyError``.
    """

    __slots__ = ("_data", "chart")

    chart: LinkChart
    _data: Mapping[str, V]

    def __getitem__(self, node_id: str) -> V:
        try:
            return self._data[node_id]
        except KeyError:
            self.chart.index_of(node_id)  # UnknownNameError with a did-you-mean hint
            raise

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)
