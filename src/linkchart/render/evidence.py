"""What the page's evidence panel shows of a chart's sources: every source with its
reliability grade, every evidence item of an edge (quote, source, credibility), each tie's
probability, and the conflicts between sources (found by the analysis) with the edge rows
they mark. The page shows all of it as text (``textContent``), never as markup."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..analysis.conflicts import Conflict
from ..model import LinkChart
from .numbers import rounded

__all__ = ["CONFLICT_SHADOW", "conflict_rows", "evidence_items", "probabilities", "sources_payload"]

CONFLICT_SHADOW = {"enabled": True, "color": "rgba(214,39,40,0.85)", "size": 9, "x": 0, "y": 0}
"""The mark on an edge in a conflict between sources: a red halo (a bridge's is black)."""


_SOURCE_FIELDS = ("id", "title", "author", "date", "location", "reliability", "unchecked")
"""What the panel shows of a source (its text stays out of the page)."""


def sources_payload(chart: LinkChart) -> list[dict[str, str]]:
    """Every source as the panel shows it, with its Admiralty reliability grade (``""``: ungraded)
    and why its quotes were not checked on load (``""`` when they were)."""
    return [{name: getattr(s, name) for name in _SOURCE_FIELDS} for s in chart.sources]


def evidence_items(chart: LinkChart) -> dict[str, list[dict[str, Any]]]:
    """The evidence items of each edge written with a list, by edge row (as text): each with its
    quote (``""``: reported unquoted), its source's code (``-1``: the edge's source, or none),
    its confidence level, credibility grade 1-6 and time (``None`` where the edge's own)."""
    e = chart.edges
    if not e.evidence_items:
        return {}
    codes = {s.id: i for i, s in enumerate(chart.sources)}
    out: dict[str, list[dict[str, Any]]] = {}
    for k, pos in enumerate(e.position.tolist()):
        items = e.evidence_items.get(pos)
        if not items:
            continue
        out[str(k)] = [
            {
                "quote": it.quote,
                "source": codes[it.source] if it.source is not None else int(e.source[k]),
                "confidence": it.confidence,
                "credibility": it.credibility,
                "time": None if it.time is None else it.time.text,
            }
            for it in items
        ]
    return out


def conflict_rows(chart: LinkChart, found: Iterable[Conflict]) -> tuple[list[dict[str, Any]], set[int]]:
    """The conflicts as the page lists them (:meth:`Conflict.to_dict`, with ``rows``: the rows of
    their edges this chart holds) and the set of those rows, which the page marks."""
    row_of = {eid: k for k, eid in enumerate(chart.edges.ids)}
    out, marked = [], set()
    for c in found:
        rows = [row_of[x] for x in c.edges if x in row_of]
        marked.update(rows)
        out.append({**c.to_dict(), "rows": rows})
    return out, marked


def probabilities(chart: LinkChart) -> list[float | None]:
    """Each edge's probability, its items and sources combined (the chart's corroboration rule)."""
    return [rounded(p) for p in chart.edges.probability.tolist()]
