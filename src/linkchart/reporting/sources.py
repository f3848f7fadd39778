"""The report's section on its sources: the conflicts between them
(:func:`~linkchart.analysis.conflicts.conflicts`) and the actors whose every tie read
rests on one source (:func:`~linkchart.analysis.corroboration.one_source`), as text,
Markdown and plain data. Both are computed by the analysis; this module presents them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ..analysis.conflicts import Conflicts

__all__ = ["SHOWN", "SourcesEntry", "sources_dict", "sources_lines"]

SHOWN = 12
"""How many actors of one source the text and Markdown name (the data names all)."""


@dataclass(frozen=True, slots=True)
class SourcesEntry:
    """What the report says about its sources.

    Attributes
    ----------
    cited
        How many sources the ties read cite.
    conflicts
        Where the sources contradict each other (never averaged away).
    one_source
        The actors whose every tie read rests on one and the same source: node id -> that
        source's id (``None``: the analyst's own, no source). Shown when the ties read cite
        two sources or more (with one, every actor rests on it, and the report's limits say so).
    """

    cited: int = 0
    conflicts: Conflicts = field(default_factory=lambda: Conflicts(()))
    one_source: Mapping[str, str | None] = field(default_factory=dict)

    @property
    def shown(self) -> bool:
        """Whether the report has the section: conflicts, or actors on one of several sources."""
        return bool(self.conflicts) or bool(self.resting)

    @property
    def resting(self) -> dict[str, list[str]]:
        """The one-source actors by source (``"(no source)"`` for ``None``), in source order
        of first appearance; empty when the ties read cite fewer than two sources."""
        if self.cited < 2:
            return {}
        out: dict[str, list[str]] = {}
        for node, source in self.one_source.items():
            out.setdefault(source if source is not None else "(no source)", []).append(node)
        return out


_MARKUP = str.maketrans({c: "\\" + c for c in "\\`*_[]<>#|"})


def _md(text: str) -> str:
    """Data as Markdown text: its markup characters escaped, its lines joined (never markup or HTML)."""
    return " ".join(text.split("\n")).translate(_MARKUP)


def _named(nodes: list[str], markdown: bool) -> str:
    more = f", ... and {len(nodes) - SHOWN} more" if len(nodes) > SHOWN else ""
    return ", ".join(_md(n) if markdown else n for n in nodes[:SHOWN]) + more


def sources_lines(entry: SourcesEntry, *, markdown: bool = False) -> list[str]:
    """The section's lines (none when it is not shown): a heading, each conflict with its edges
    and sources, and the actors that rest on one source, by source."""
    if not entry.shown:
        return []
    out: list[str] = []
    if entry.conflicts:
        counts = ", ".join(f"{n} {k}" for k, n in entry.conflicts.counts().items())
        n = len(entry.conflicts)
        head = f"{n} ({counts}), listed, never averaged away"
        if markdown:
            out += ["", "## Conflicts between sources", "", head.capitalize() + ":", ""]
            for c in entry.conflicts:
                said = _md(", ".join(s or "no source" for s in c.sources))
                edges = _md(", ".join(c.edges))
                out.append(f"- **{c.kind}**: {_md(c.message)} (edges {edges}; sources {said})")
        else:
            out += ["", f"== conflicts between sources: {head}"]
            for c in entry.conflicts:
                out.append(f"  {c.kind}: {c.message}")
                if c.edges:
                    out.append(f"      edges: {', '.join(c.edges)}")
    resting = entry.resting
    if resting:
        total = sum(len(v) for v in resting.values())
        head = (
            f"{total} actor{'s' if total != 1 else ''} whose every tie read rests on one source "
            "(a finding about them does not survive losing it)"
        )
        if markdown:
            out += ["", "## Resting on one source", "", head.capitalize() + ":", ""]
            out += [f"- {_md(src)} ({len(nodes)}): {_named(nodes, True)}" for src, nodes in resting.items()]
        else:
            out += ["", f"== resting on one source: {head}"]
            out += [f"  {src} ({len(nodes)}): {_named(nodes, False)}" for src, nodes in resting.items()]
    return out


def sources_dict(entry: SourcesEntry) -> dict[str, Any]:
    """The section as plain data: ``{cited, conflicts: {counts, conflicts}, one_source}``."""
    return {
        "cited": entry.cited,
        "conflicts": entry.conflicts.to_dict(),
        "one_source": dict(entry.one_source),
    }
