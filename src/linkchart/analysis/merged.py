"""The record of a merge of charts (:class:`Merged`, what
:func:`~linkchart.analysis.merge.merge_charts` returns), the warning :func:`~linkchart.analysis.merge.merge`
gives, and the edge attributes a merge writes."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Final

from ..model import LinkChart
from .conflicts import Conflicts

__all__ = [
    "CLAIM",
    "FROM_AS_WRITTEN",
    "TO_AS_WRITTEN",
    "JoinedClaim",
    "MergeWarning",
    "Merged",
    "SameSource",
]

JoinedClaim = tuple[tuple[str, ...], tuple[str, ...]]
"""A claim of both charts joined into one edge: the first chart's edge ids (the first is
the merged edge's) and the second chart's, as each chart wrote them."""

CLAIM: Final = "claim"
"""The edge attribute that marks parallel edges of one claim in a merged chart: the id of
the claim's first edge, on every edge of it."""

FROM_AS_WRITTEN: Final = "from_as_written"
"""The edge attribute that keeps the names the ``from`` end of an edge was written with,
where a join of nodes renamed it: one name, or, where the edges joined into it wrote it
several ways, every name (sorted; the edge's own end among them where one was written so)."""

TO_AS_WRITTEN: Final = "to_as_written"
"""As :data:`FROM_AS_WRITTEN`, for the ``to`` end."""


@dataclass(frozen=True, slots=True)
class SameSource:
    """A source of the second chart that is one of the first's: its id there, the first
    chart's id, and why (``"same id"``, ``"same text"``, ``"said same"``)."""

    second: str
    first: str
    why: str


def _n(count: int, noun: str) -> str:
    """``"1 edge"``, ``"2 edges"``."""
    return f"{count} {noun}{'' if count == 1 else 's'}"


class MergeWarning(UserWarning):
    """What :func:`merge` had to choose or rename (the conflicts and renames of
    :func:`merge_charts`), said once per merge."""


@dataclass(frozen=True, slots=True)
class Merged:
    """A merged chart and what the merge did.

    Attributes
    ----------
    chart
        The merged chart.
    joined
        Each node that joins several: ``(merged id, (every id joined, the merged one first))``.
    claims
        Each claim that edges of both charts make, joined into one edge that carries every
        evidence item of each (:data:`JoinedClaim`): the first chart's edge ids (the first is
        the joined edge's id) and the second chart's, as each chart wrote them.
    duplicates
        How many of the second chart's edges were the same in every field as one of the
        first's, and were kept once.
    renamed_sources, renamed_edges, renamed_alternatives
        The second chart's source ids, edge ids and either-or claim names that were already
        taken in the first for something else: old -> new. An edge is renamed only where the
        merged chart keeps it as an edge of its own (one joined into a first chart's edge
        of its claim is in :attr:`claims`, under the id it was written with).
    conflicts
        What the two charts (or the nodes joined) say otherwise: the first chart's value is
        kept, and the conflict says what was not.
    notes
        Other things to know (a decision naming an id neither chart has).
    same_sources
        The second chart's sources that are one of the first's under another id (the same
        text, or the analyst's ``same_source=``): their edges and items take the first's
        id, so that one document never corroborates itself.
    marked
        The edge ids of each claim made by parallel edges of both charts that may not be one
        (see :func:`~linkchart.analysis.merge.merge`), each marked by the :data:`CLAIM`
        attribute, the id of the claim's first edge. One chart's own parallel edges of one
        claim are not marked: they stay as that chart wrote them.
    """

    chart: LinkChart
    joined: tuple[tuple[str, tuple[str, ...]], ...] = ()
    claims: tuple[JoinedClaim, ...] = ()
    duplicates: int = 0
    renamed_sources: Mapping[str, str] = field(default_factory=dict)
    renamed_edges: Mapping[str, str] = field(default_factory=dict)
    renamed_alternatives: Mapping[str, str] = field(default_factory=dict)
    conflicts: Conflicts = field(default_factory=lambda: Conflicts(()))
    notes: tuple[str, ...] = ()
    marked: tuple[tuple[str, ...], ...] = ()
    same_sources: tuple[SameSource, ...] = ()

    @property
    def changes(self) -> int:
        """How many things the merge chose or renamed (conflicts, renames, notes)."""
        return (
            len(self.conflicts)
            + len(self.renamed_sources)
            + len(self.renamed_edges)
            + len(self.renamed_alternatives)
            + len(self.notes)
            + len(self.same_sources)
        )

    def lines(self) -> list[str]:
        """What the merge chose or renamed, one line each (empty when nothing was)."""
        out = [f"conflict ({c.kind}): {c.message}" for c in self.conflicts]
        out += [
            f"source {x.second!r} of the second chart is {x.first!r} of the first ({x.why}): one document"
            for x in self.same_sources
        ]
        if self.renamed_edges:
            named = ", ".join(f"{o}->{n}" for o, n in list(self.renamed_edges.items())[:5])
            more = ", ..." if len(self.renamed_edges) > 5 else ""
            out.append(
                f"{_n(len(self.renamed_edges), 'edge id')} of the second chart renamed ({named}{more})"
            )
        out += [
            f"either-or claim {o!r} of the second chart renamed {n!r}"
            for o, n in self.renamed_alternatives.items()
        ]
        return out + list(self.notes)

    def text(self) -> str:
        """A summary: the merged chart's size, the nodes joined, the claims and every line of
        :meth:`lines`."""
        c = self.chart
        into = sum(len(second) for _, second in self.claims)
        head = (
            f"merged: {_n(c.number_of_nodes, 'node')}, {_n(c.number_of_edges, 'edge')}, "
            f"{_n(len(c.sources), 'source')}; "
            f"{_n(len(self.joined), 'node')} joined by matches or decisions; {_n(len(self.claims), 'claim')} "
            f"of both charts joined into one edge ({_n(into, 'edge')} of the second chart joined); "
            f"{_n(len(self.marked), 'claim')} made by several parallel edges (marked '{CLAIM}'); "
            f"{_n(self.duplicates, 'identical edge')} kept once; {_n(len(self.renamed_edges), 'edge id')} of "
            "the second chart renamed"
        )
        body = [f"  joined {m}: {', '.join(ids[1:])}" for m, ids in self.joined]
        if self.claims:
            named = [f"{first[0]} <- {', '.join(second)}" for first, second in self.claims[:5]]
            more = ", ..." if len(self.claims) > 5 else ""
            body.append(
                f"  claims joined (merged edge <- the second chart's edges): {'; '.join(named)}{more}"
            )
        body += [f"  {line}" for line in self.lines()]
        return "\n".join([head, *body]) + "\n"

    def to_dict(self) -> dict[str, Any]:
        """What the merge did, as plain data (the chart as its counts)."""
        c = self.chart
        return {
            "nodes": c.number_of_nodes,
            "edges": c.number_of_edges,
            "sources": [s.id for s in c.sources],
            "joined": [{"id": m, "ids": list(ids)} for m, ids in self.joined],
            "claims": [
                {"id": first[0], "first": list(first), "second": list(second)}
                for first, second in self.claims
            ],
            "marked": [list(x) for x in self.marked],
            "same_sources": [{"second": x.second, "first": x.first, "why": x.why} for x in self.same_sources],
            "duplicates": self.duplicates,
            "renamed": {
                "sources": dict(self.renamed_sources),
                "edges": dict(self.renamed_edges),
                "alternatives": dict(self.renamed_alternatives),
            },
            "conflicts": [x.to_dict() for x in self.conflicts],
            "notes": list(self.notes),
        }
