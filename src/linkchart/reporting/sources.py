"""The report's section on its sources: the sources the ties read cite, with their
Admiralty reliability grades, the conflicts between them
(:func:`~linkchart.analysis.conflicts.conflicts`) and the actors whose every tie read
rests on one source (:func:`~linkchart.analysis.corroboration.one_source`), as text,
Markdown and plain data. The analysis computes them; this module presents them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ..analysis.conflicts import Conflicts
from ..model import Source
from ..vocabulary import RELIABILITY, RELIABILITY_WORDS

__all__ = ["SHOWN", "SOURCES_SHOWN", "CitedSource", "SourcesEntry", "graded", "sources_dict", "sources_lines"]

SHOWN = 12
"""How many actors of one source the text and Markdown name (the data names all)."""

SOURCES_SHOWN = 30
"""How many sources the text and Markdown list, those the most ties read cite (the data lists all)."""


def graded(source: Source | CitedSource) -> str:
    """A source's id with its reliability grade, as the report names it: ``"icg [B]"``, or
    ``"icg"`` when ungraded."""
    return f"{source.id} [{source.reliability}]" if source.reliability else source.id


@dataclass(frozen=True, slots=True)
class CitedSource:
    """A source the ties read cite: its id, title, Admiralty reliability grade (``""``:
    ungraded) and how many of the ties read it supports."""

    id: str
    title: str = ""
    reliability: str = ""
    ties: int = 0

    @property
    def reliability_words(self) -> str:
        """``"B usually reliable"``, or ``"ungraded"``."""
        if not self.reliability:
            return "ungraded"
        return f"{self.reliability} {RELIABILITY_WORDS[RELIABILITY.index(self.reliability)]}"


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
    listed
        The sources the ties read cite, each with its reliability grade and ties. Listed when
        they are two or more, or one of them is graded.
    """

    cited: int = 0
    conflicts: Conflicts = field(default_factory=lambda: Conflicts(()))
    one_source: Mapping[str, str | None] = field(default_factory=dict)
    listed: tuple[CitedSource, ...] = ()

    @property
    def shown(self) -> bool:
        """Whether the report has the section: sources to list, conflicts, or actors on one of
        several sources."""
        return bool(self.conflicts) or bool(self.resting) or self.lists

    @property
    def lists(self) -> bool:
        """Whether the section lists the sources: two or more, or one graded."""
        return len(self.listed) > 1 or any(s.reliability for s in self.listed)

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
    out = _listed_lines(entry, markdown)
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
        grade = {s.id: graded(s) for s in entry.listed}
        if markdown:
            out += ["", "## Resting on one source", "", head.capitalize() + ":", ""]
            out += [
                f"- {_md(grade.get(src, src))} ({len(nodes)}): {_named(nodes, True)}"
                for src, nodes in resting.items()
            ]
        else:
            out += ["", f"== resting on one source: {head}"]
            out += [
                f"  {grade.get(src, src)} ({len(nodes)}): {_named(nodes, False)}"
                for src, nodes in resting.items()
            ]
    return out


def _listed_lines(entry: SourcesEntry, markdown: bool) -> list[str]:
    """The sources the ties read cite, with their reliability grades (none when not listed)."""
    if not entry.lists:
        return []
    n = len(entry.listed)
    shown = entry.listed
    if n > SOURCES_SHOWN:  # the most cited, in the chart's order
        kept = set(sorted(range(n), key=lambda k: -entry.listed[k].ties)[:SOURCES_SHOWN])
        shown = tuple(s for k, s in enumerate(entry.listed) if k in kept)
    more = (
        [f"... and {n - len(shown)} more, each cited by fewer ties (the data lists all)"]
        if n > len(shown)
        else []
    )
    head = (
        f"{n} cited by the ties read, each with its reliability (Admiralty A-F; an evidence "
        "item's code, as B2, adds its own credibility 1-6)"
    )
    if markdown:
        out = ["", "## Sources", "", head[0].upper() + head[1:] + ":", ""]
        out += ["| source | reliability | ties read | title |", "|---|---|--:|---|"]
        out += [f"| {_md(s.id)} | {s.reliability_words} | {s.ties} | {_md(s.title)} |" for s in shown]
        return out + (["", *more] if more else [])
    width = max(len(s.id) for s in shown)
    grades = max(len(s.reliability_words) for s in shown)
    out = ["", f"== sources: {head}"]
    for s in shown:
        ties = f"{s.ties:>4} tie{'s' if s.ties != 1 else ' '}"
        line = f"  {s.id:<{width}}  {s.reliability_words:<{grades}}  {ties}  {s.title}"
        out.append(line.rstrip())
    return out + [f"  {line}" for line in more]


def sources_dict(entry: SourcesEntry) -> dict[str, Any]:
    """The section as plain data: ``{cited, listed, conflicts: {counts, conflicts}, one_source}``
    (``listed``: every source the ties read cite, ``{id, title, reliability, ties}``)."""
    return {
        "cited": entry.cited,
        "listed": [
            {"id": s.id, "title": s.title, "reliability": s.reliability, "ties": s.ties} for s in entry.listed
        ],
        "conflicts": entry.conflicts.to_dict(),
        "one_source": dict(entry.one_source),
    }
