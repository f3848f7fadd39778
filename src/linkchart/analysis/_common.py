"""Helpers shared by the measure modules (private: not re-exported)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..errors import LinkchartError

__all__ = ["check_flag", "parameters", "relation_list"]


def check_flag(name: str, value: object) -> bool:
    """Return ``value`` if it is a ``bool``, else raise a :class:`LinkchartError`."""
    if not isinstance(value, bool):
        raise LinkchartError(f"{name} must be True or False, not {value!r}")
    return value


def relation_list(relations: Iterable[str] | str | None) -> list[str] | None:
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
