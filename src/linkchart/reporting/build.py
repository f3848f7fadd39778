"""The report's entries from the findings of an analysis: rankings with their firm-tie notes,
bridges, cut points, brokers, claims and notes (:func:`~linkchart.reporting.compute.report`
gathers them). Nothing here runs a measure."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

import numpy as np

from ..analysis.bridges import ArticulationPoint, Bridge
from ..analysis.brokerage import ROLES, BrokerageResult
from ..analysis.findings import Findings
from ..analysis.key_players import KeyPlayers
from ..analysis.registry import Measure
from ..errors import LinkchartError
from ..model import Evidence, LinkChart
from ..model.views import at_least
from ..vocabulary import Vocabulary, admiralty
from .entries import (
    BridgeEntry,
    BrokerEntry,
    ClaimEntry,
    CutEntry,
    ItemEvidence,
    NoteEntry,
    Ranked,
    Ranking,
    TieEvidence,
)

__all__ = [
    "CLAIMS_SHOWN",
    "Firm",
    "bridges",
    "brokers",
    "claims",
    "cuts",
    "key_player_note",
    "notes",
    "ranking",
]

CLAIMS_SHOWN = 100
"""At most this many either-or claims, and this many notes, are listed in a report."""


def _label(chart: LinkChart, node_id: str) -> str:
    return str(chart.nodes.labels[chart.index_of(node_id)])


def _ranked(
    chart: LinkChart, items: Iterable[tuple[str, float]], notes: Mapping[str, str] | None = None
) -> tuple[Ranked, ...]:
    notes = notes or {}
    return tuple(
        Ranked(n, chart.node_type_of(n), float(v), _label(chart, n), notes.get(n, "")) for n, v in items
    )


@dataclass(frozen=True)
class Firm:
    """The firm confidence level, the levels below it, and the scale that says which ties are
    firm by their probability (:func:`~linkchart.model.views.at_least`)."""

    level: str
    weak: frozenset[str]
    vocabulary: Vocabulary

    def weak_note(self, ties: Sequence[TieEvidence]) -> str:
        """``"rests on 1 possible tie"`` when every tie is below the firm level (by its
        probability: its sources' grades and corroboration count), else ``""``; a tie written
        at a firm level but graded below it says so: ``"rests on 1 reported tie (p 0.30,
        graded below reported)"``."""
        p = np.array([t.probability for t in ties], dtype=np.float64)
        if not ties or np.any(at_least(p, self.vocabulary.confidence, self.level)):
            return ""
        levels = self.vocabulary.confidence.levels
        written = sorted({t.confidence for t in ties}, key=levels.index)
        n = len(ties)
        out = f"rests on {n} {'/'.join(written)} tie{'s' if n != 1 else ''}"
        if any(t.confidence not in self.weak for t in ties):
            shown = ", ".join(f"{x:.3g}" for x in sorted({float(f"{x:.3g}") for x in p.tolist()}))
            out += f" (p {shown}, graded below {self.level})"
        return out


def _order(items: Iterable[tuple[str, float]], ascending: bool) -> list[tuple[str, float]]:
    def key(kv: tuple[str, float]) -> tuple[int, float, str]:
        n, v = kv
        if math.isnan(v):
            return (1, 0.0, n)
        v = float(f"{v:.12g}")  # engines differ in the last bits: equal values tie, by id
        return (0, v if ascending else -v, n)

    return sorted(items, key=key)


def _check_scores(measure: Measure, scores: Any) -> None:
    if not isinstance(scores, Mapping):
        kind = type(scores).__name__
        raise LinkchartError(f"measure {measure.name!r} returned {kind}, not scores keyed by node id")


def _rank_spans(ordered: Sequence[tuple[str, float]]) -> dict[str, tuple[int, int]]:
    """Each node's best and worst rank in ``ordered`` (equal values share a span of ranks)."""
    keys = [(1, 0.0) if math.isnan(v) else (0, float(f"{v:.12g}")) for _, v in ordered]
    out: dict[str, tuple[int, int]] = {}
    start = 0
    for end in range(1, len(ordered) + 1):
        if end == len(ordered) or keys[end] != keys[start]:
            for n, _ in ordered[start:end]:
                out[n] = (start + 1, end)
            start = end
    return out


def _weak_notes(ordered: Sequence[tuple[str, float]], firm: Sequence[tuple[str, float]]) -> dict[str, str]:
    """Per node whose rank rests on weak ties, where it lands on the firm ties alone.

    A node's finding is its rank (a span where it ties with others). It rests on weak ties
    when on the firm ties it surely ranks lower: its best rank there is below its worst rank
    on every tie. The note depends on that finding only, not on how many rows a report
    shows. A node tied with many others (value 0 among 41) is no finding, and never falls.
    """
    rank = _rank_spans(ordered)
    firm_rank = _rank_spans(firm)
    notes = {}
    for n, _ in ordered:
        best, worst = firm_rank[n]
        if best > rank[n][1]:
            where = f"rank {best}" if best == worst else f"rank {best}-{worst} (tied)"
            notes[n] = f"{where} on firm ties"
    return notes


def ranking(
    chart: LinkChart,
    measure: Measure,
    scores: Mapping[str, float],
    top: int,
    firm_scores: Mapping[str, float] | None = None,
) -> Ranking:
    _check_scores(measure, scores)
    ascending = not measure.higher_is_more
    ordered = _order(scores.items(), ascending)
    notes: dict[str, str] = {}
    if firm_scores is not None:
        _check_scores(measure, firm_scores)
        notes = _weak_notes(ordered, _order(firm_scores.items(), ascending))
    by_type: dict[str, tuple[Ranked, ...]] = {}
    types = [chart.node_type_of(n) for n, _ in ordered]
    for t in chart.vocabulary.node_type_names:
        rows = [kv for kv, tt in zip(ordered, types, strict=True) if tt == t]
        if rows:
            by_type[t] = _ranked(chart, rows[:top])
    return Ranking(
        measure.name,
        measure.meaning,
        ascending,
        _ranked(chart, ordered[:top], notes),
        MappingProxyType(by_type),
    )


def _tie(chart: LinkChart, edge_id: str) -> TieEvidence:
    """An edge as a report quotes it, each evidence item with its source and Admiralty code."""
    e = chart.edge(edge_id)
    written = e.evidence_items or ((Evidence(e.evidence),) if e.evidence or e.source else ())
    graded = {s.id: s.reliability for s in chart.sources}
    items = []
    for it in written:
        source = it.source if it.source is not None else e.source
        grade = admiralty(graded.get(source, "") if source is not None else "", it.credibility)
        items.append(ItemEvidence(it.quote, source, grade))
    return TieEvidence(
        e.id, e.from_id, e.relation, e.to_id, e.confidence, e.evidence, tuple(items), e.probability
    )


def claims(chart: LinkChart, read: Sequence[str]) -> tuple[ClaimEntry, ...]:
    """The chart's either-or claims, each as one claim with its alternatives (the first
    :data:`CLAIMS_SHOWN`)."""
    a = chart.alternatives()
    e = chart.edges
    names = chart.vocabulary.relation_names
    out = []
    for name, rows in list(zip(a.names, a.members, strict=True))[:CLAIMS_SHOWN]:
        ties = tuple(_tie(chart, e.id_of(int(k))) for k in rows)
        count = sum(names[int(e.relation[k])] in read for k in rows)
        out.append(ClaimEntry(name, ties[0].confidence, ties, count))
    return tuple(out)


def notes(chart: LinkChart) -> tuple[NoteEntry, ...]:
    """Every note, on nodes (in node order) then on edges (in edge order); the first
    :data:`CLAIMS_SHOWN`."""
    out = [
        NoteEntry(nid, "", n.text, n.source, n.quote)
        for nid in chart.node_ids
        for n in chart.nodes.notes.get(nid, ())
    ]
    e = chart.edges
    if e.notes:
        for k, position in enumerate(e.position.tolist()):
            for n in e.notes.get(position, ()):
                t = _tie(chart, e.id_of(k))
                out.append(NoteEntry(f"{t.from_id} {t.relation} {t.to_id}", t.id, n.text, n.source, n.quote))
    return tuple(out[:CLAIMS_SHOWN])


def _ordered(chart: LinkChart, ids: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted(ids, key=chart.index_of))


def bridges(
    chart: LinkChart, found: Sequence[Bridge], top: int, firm: Firm | None
) -> tuple[BridgeEntry, ...]:
    """The ``top`` bridges, most consequential first, each with its evidence."""
    out = []
    for b in found[:top]:
        ties = tuple(_tie(chart, e) for e in b.edge_ids)
        notes = [firm.weak_note(ties) if firm else ""]
        claims = {chart.edge(e).alternative for e in b.edge_ids}
        if None not in claims:  # every tie of the bridge is an alternative: it may not hold
            notes.append(
                f"rests on an alternative of the either-or claim {', '.join(sorted(map(str, claims)))}"
            )
        out.append(
            BridgeEntry(
                b.from_id,
                b.to_id,
                (_ordered(chart, b.separated[0]), _ordered(chart, b.separated[1])),
                ties,
                (_label(chart, b.from_id), _label(chart, b.to_id)),
                "; ".join(n for n in notes if n),
            )
        )
    return tuple(out)


def _cut_note(
    chart: LinkChart, node: str, pieces: Sequence[Sequence[str]], rels: set[str], firm: Firm
) -> str:
    """Which pieces ``node`` holds to the rest only through weak ties."""
    held = []
    for piece in pieces:
        inside = set(piece)
        ties = [
            _tie(chart, e.id)
            for e in chart.edges_of(node)
            if e.relation in rels and (e.to_id if e.from_id == node else e.from_id) in inside
        ]
        note = firm.weak_note(ties)
        if note:
            held.append(
                f"{', '.join(piece[:3])}{' ...' if len(piece) > 3 else ''} {note.removeprefix('rests ')}"
            )
    return ("holds " + "; ".join(held)) if held else ""


def cuts(
    chart: LinkChart, found: Sequence[ArticulationPoint], top: int, rels: Sequence[str], firm: Firm | None
) -> tuple[CutEntry, ...]:
    """The ``top`` articulation points, most consequential first, with their pieces."""
    out = []
    for c in found[:top]:
        pieces = tuple(_ordered(chart, x) for x in c.components)
        out.append(
            CutEntry(
                c.node_id,
                chart.node_type_of(c.node_id),
                pieces,
                _label(chart, c.node_id),
                _cut_note(chart, c.node_id, pieces[1:], set(rels), firm) if firm else "",
            )
        )
    return tuple(out)


def brokers(
    chart: LinkChart, result: BrokerageResult, top: int, firm: BrokerageResult | None = None
) -> tuple[BrokerEntry, ...]:
    out: list[BrokerEntry] = []
    for role in ROLES:
        rows = [(n, c[role], result.z[n][role]) for n, c in result.counts.items() if c[role] > 0]
        rows.sort(key=lambda r: (-r[1], -(r[2] if not math.isnan(r[2]) else -math.inf), r[0]))
        for n, count, z in rows[:top]:
            firm_count = firm.counts[n][role] if firm is not None else count
            out.append(
                BrokerEntry(
                    role,
                    n,
                    chart.node_type_of(n),
                    str(result.groups[n]),
                    int(count),
                    float(result.expected[n][role]),
                    float(z),
                    _label(chart, n),
                    f"{firm_count} of {count} on firm ties" if firm_count < count else "",
                    result.flag(n, role),
                )
            )
    return tuple(out)


def key_player_note(findings: Findings, kp: KeyPlayers) -> str:
    """``""`` if the same set is found on firm ties, else the set found there."""
    again: KeyPlayers = findings.result(
        "firm",
        "key_players",
        k=kp.k,
        criterion=kp.criterion,
        max_distance=kp.parameters.get("max_distance", 1),
    )
    if set(again.nodes) == set(kp.nodes):
        return ""
    return f"on firm ties: {', '.join(again.nodes)}"
