"""The names an edge's ends were written with, through a merge (:mod:`.merge`): an end a join
of nodes renamed keeps its names in the ``from_as_written`` / ``to_as_written`` attribute
(:func:`renamed_ends`), and the edges of one claim joined into one keep every name each
wrote (:func:`join_written_ends`); these names never keep the edges of one claim apart."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Final

from .merged import FROM_AS_WRITTEN, TO_AS_WRITTEN

__all__ = ["ENDS_WRITTEN", "WRITTEN", "join_written_ends", "renamed_ends"]


WRITTEN: Final = "_written_ends"
"""The key of an edge record (here only) that holds the ends it was written with, where a
decision applied when its chart loaded moved it (:attr:`~linkchart.model.Edge.written_ends`)."""


def _written_names(edge: Mapping[str, Any], end: str, key: str) -> list[str]:
    """The names the ``end`` (``"from"``, ``"to"``) of an edge record was written with: its
    ``key`` attribute's (one name, or a list), else the end itself."""
    value = edge["attributes"].get(key)
    if value is None:
        return [edge[end]]
    return [str(v) for v in value] if isinstance(value, (list, tuple)) else [str(value)]


def _set_written(attributes: dict[str, Any], key: str, names: Iterable[str], end: str) -> None:
    """``attributes[key]``: ``names`` (each once, sorted, so that any order of merges writes
    the same value; one name as itself), or none where the only name is ``end`` itself."""
    kept = sorted(set(names))
    if kept == [end]:
        attributes.pop(key, None)
    else:
        attributes[key] = kept[0] if len(kept) == 1 else kept


def renamed_ends(edge: dict[str, Any], into: Mapping[str, str]) -> dict[str, Any]:
    """``edge`` with each end a join moved onto its node's id; the name it had joins the
    names the end was written with (its ``*_as_written`` attribute)."""
    out = {**edge, "attributes": dict(edge["attributes"])}
    for end, key in (("from", FROM_AS_WRITTEN), ("to", TO_AS_WRITTEN)):
        if edge[end] in into:
            out[end] = into[edge[end]]
            _set_written(out["attributes"], key, _written_names(edge, end, key), out[end])
    return out


ENDS_WRITTEN: Final = (FROM_AS_WRITTEN, TO_AS_WRITTEN)
"""The attributes that keep the names an edge's ends were written with: they never keep
the edges of one claim apart (:func:`join_written_ends` joins them)."""


def join_written_ends(group: list[dict[str, Any]], attributes: dict[str, Any]) -> None:
    """Every name each end of ``group``'s edges (one claim) was written with, in the joined
    edge's ``attributes`` (:func:`_set_written`): each edge's ``*_as_written`` names (its end
    where it has none), and the ends a decision applied on load moved where they are not the
    first edge's (which keeps its own, its ``written_ends``). An undirected edge written the
    other way round gives its names to the other end."""
    first = group[0]
    names: dict[str, list[str]] = {"from": [], "to": []}
    for e in group:
        swapped = (e["from"], e["to"]) != (first["from"], first["to"])
        ends = ("to", "from") if swapped else ("from", "to")
        written = e.get(WRITTEN)
        for k, (end, key) in enumerate(zip(ends, ENDS_WRITTEN, strict=True)):
            names[end] += _written_names(e, ("from", "to")[k], key)
            if written is not None and written != first.get(WRITTEN):
                names[end].append(written[k])
    for end, key in zip(("from", "to"), ENDS_WRITTEN, strict=True):
        _set_written(attributes, key, names[end], first[end])
