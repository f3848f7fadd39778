"""Helpers shared by the result types of the measures (private: not re-exported).

The checks every measure shares are in :mod:`~linkchart.analysis._measure`."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from .types import Relations

if TYPE_CHECKING:
    from ..model import LinkChart

__all__ = ["NodeMapping", "Relations", "parameters", "relation_list"]

V = TypeVar("V")


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
