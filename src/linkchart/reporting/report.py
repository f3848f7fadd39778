"""The :class:`Report` value: what :func:`linkchart.report` found, to print or export."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..analysis.affiliation import Affiliations
from ..analysis.disruption import Disruption
from ..analysis.key_players import KeyPlayers
from ..analysis.over_time import OverTime
from ..analysis.signed import BalanceResult
from ..analysis.uncertainty import RankUncertainty
from ..cells import to_cell
from ..files import write_folder
from . import text
from .entries import BridgeEntry, BrokerEntry, ClaimEntry, CutEntry, NoteEntry, Ranked, Ranking, TieEvidence
from .findings import GLOSSARY, Finding
from .sources import SourcesEntry, sources_dict
from .tables import json_value

__all__ = ["Report"]


def _balance_dict(b: BalanceResult) -> dict[str, Any]:
    camps: dict[int, list[str]] = {}
    for node, camp in b.camps.items():
        if camp is not None:
            camps.setdefault(camp, []).append(node)
    return {
        "triangles": len(b.triangles),
        "census": dict(zip(("+++", "++-", "+--", "---"), b.census, strict=True)),
        "ratio": json_value(b.ratio),
        "unbalanced": [
            {"nodes": list(t.nodes), "signs": list(t.signs), "edges": [list(x) for x in t.edges]}
            for t in b.unbalanced
        ],
        "camps": [camps[k] for k in sorted(camps)],
        "frustration": b.frustration,
        "ambivalent": [list(p) for p in b.ambivalent],
    }


@dataclass(frozen=True, slots=True, eq=False)
class Report:
    """What :func:`report` found; print it, or export it.

    Attributes
    ----------
    title
        The chart's title.
    nodes, edges
        The chart's size (edges counted one by one, parallel ones included).
    parameters
        The arguments the report ran with.
    rankings
        One :class:`Ranking` per ranking measure, in report order.
    bridges
        The ``top`` bridges that cut off the most nodes (their smaller side), most first.
    articulation_points
        The ``top`` articulation points that cut off the most nodes, most first.
    brokers
        For each role, its top brokers (count > 0), by count then z-score; each with a
        ``flag`` where its z-score cannot be read as one (expected less than once).
    brokerage_note
        ``""``, or why the partition makes every z-score doubtful (one group holds nearly
        every node).
    bridges_total, articulation_points_total
        How many there are in all (bridges as bridging ties: pairs of nodes).
    bridge_edges_total
        How many edges the bridging ties are made of (parallel reports of one tie apart):
        what a chart draws thick, so the page and the report say "44 bridging ties (84
        edges)" alike (:func:`~linkchart.analysis.bridges.bridge_count`).
    per_type_shown
        How many nodes of each type the text and Markdown tables show.
    sections
        The measures and sections computed, in report order (see
        :func:`~linkchart.reporting.report_measures`).
    key_players
        Borgatti's key player sets (undirected reading, k = 3 or fewer on a tiny chart):
        the set whose removal fragments most (distance-weighted fragmentation; component
        fragmentation above ``KEY_PLAYERS_DISTANCE_MAX_NODES`` nodes), then the set
        that reaches most others in one step; empty for a chart of fewer than 2 nodes or
        more than ``KEY_PLAYERS_MAX_NODES``.
    key_player_notes
        For each key-player set, ``""`` or the set found on firm ties alone.
    reading
        What the measures read and what they left out, in one sentence.
    weak_levels
        The confidence levels below the firm level among the ties read (empty when no
        finding can rest on weak ties); rows with a ``note`` rest on them.
    balance
        Structural balance (signed triangles, camps), on a chart with hostile relations.
    how_sure
        For the main measures, how their top nodes hold up over Monte Carlo draws of the
        ties (:func:`linkchart.rank_uncertainty`).
    disruption
        With the key players: the network as its top brokers are removed one at a time
        (:func:`linkchart.disruption`, betweenness, recomputed, 5 steps).
    scale
        Empty, or what a large chart's report estimated or left out (``exact=``).
    over_time
        On a chart with dated ties: normalised betweenness per period (the declared
        periods, else years or months) on the ties in force and the actors active then
                       [--layers L ... | all] [--signs positive|negative|neutral|all] [--firm LEVEL|none]
                       [--undated source|always|never] [--min-dated F]
    sources
        What the sources say: their conflicts, and the actors whose every tie read rests on
        one of them (:class:`~linkchart.reporting.sources.SourcesEntry`).
    files
        The files the chart was read from (:attr:`linkchart.LinkChart.files`), which
        :meth:`to_csv` never writes over.
    """

    title: str
    nodes: int
    edges: int
    parameters: Mapping[str, Any]
    rankings: tuple[Ranking, ...]
    bridges: tuple[BridgeEntry, ...]
    articulation_points: tuple[CutEntry, ...]
    brokers: tuple[BrokerEntry, ...]
    brokerage_note: str = ""
    bridges_total: int = 0
    bridge_edges_total: int = 0
    articulation_points_total: int = 0
    per_type_shown: int = 3
    sections: tuple[str, ...] = ()
    key_players: tuple[KeyPlayers, ...] = ()
    key_player_notes: tuple[str, ...] = ()
    reading: str = ""
    weak_levels: tuple[str, ...] = ()
    balance: BalanceResult | None = None
    how_sure: tuple[RankUncertainty, ...] = ()
    disruption: Disruption | None = None
    scale: str = ""
    over_time: OverTime | None = None
    affiliations: Affiliations | None = None
    claims: tuple[ClaimEntry, ...] = ()
    claims_total: int = 0
    notes: tuple[NoteEntry, ...] = ()
    notes_total: int = 0
    findings: tuple[Finding, ...] = ()
    limits: tuple[str, ...] = ()
    files: tuple[str, ...] = ()
    sources: SourcesEntry = field(default_factory=SourcesEntry)

    def __str__(self) -> str:
        return self.to_text()

    # ------------------------------------------------------------------ data
    def to_dict(self) -> dict[str, Any]:
        """Everything as plain JSON-ready values (NaN as ``None``)."""
        return {
            "title": self.title,
            "nodes": self.nodes,
            "edges": self.edges,
            "key_findings": [f.to_dict() for f in self.findings],
            "limits": list(self.limits),
            "glossary": dict(GLOSSARY),
            "parameters": dict(self.parameters),
            "reading": self.reading,
            "scale": self.scale,
            "weak_levels": list(self.weak_levels),
            "rankings": [
                {
                    "measure": r.measure,
                    "description": r.description,
                    "order": "ascending" if r.ascending else "descending",
                    "overall": _ranked_dicts(r.overall),
                    "by_type": {t: _ranked_dicts(rows) for t, rows in r.by_type.items()},
                }
                for r in self.rankings
            ],
            "bridges": [
                {
                    "a": b.a,
                    "b": b.b,
                    "labels": list(b.labels),
                    "sides": [list(s) for s in b.sides],
                    "ties": [_tie_dict(t) for t in b.ties],
                    "note": b.note,
                }
                for b in self.bridges
            ],
            "articulation_points": [
                {
                    "node": c.node,
                    "label": c.label,
                    "type": c.type,
                    "components": [list(x) for x in c.components],
                    "note": c.note,
                }
                for c in self.articulation_points
            ],
            "brokers": [
                {
                    "role": b.role,
                    "node": b.node,
                    "label": b.label,
                    "type": b.type,
                    "group": b.group,
                    "count": b.count,
                    "expected": json_value(b.expected),
                    "z": json_value(b.z),
                    "note": b.note,
                    "flag": b.flag,
                }
                for b in self.brokers
            ],
            "brokerage_note": self.brokerage_note,
            "bridges_total": self.bridges_total,
            "bridge_edges_total": self.bridge_edges_total,
            "articulation_points_total": self.articulation_points_total,
            "key_players": [
                _key_player_dict(kp, note)
                for kp, note in zip(
                    self.key_players, self.key_player_notes or [""] * len(self.key_players), strict=True
                )
            ],
            "balance": None if self.balance is None else _balance_dict(self.balance),
            "how_sure": [u.to_dict() for u in self.how_sure],
            "disruption": None if self.disruption is None else self.disruption.to_dict(),
            "over_time": None if self.over_time is None else self.over_time.to_dict(),
            "affiliations": None if self.affiliations is None else self.affiliations.to_dict(),
            "claims": [
                {
                    "name": c.name,
                    "confidence": c.confidence,
                    "text": c.text,
                    "read": c.read,
                    "ties": [_tie_dict(t) for t in c.ties],
                }
                for c in self.claims
            ],
            "claims_total": self.claims_total,
            "notes": [
                {
                    "about": n.about,
                    "edge": n.edge or None,
                    "text": n.text,
                    "source": n.source,
                    "quote": n.quote,
                }
                for n in self.notes
            ],
            "notes_total": self.notes_total,
            "sources": sources_dict(self.sources),
        }

    def to_text(self) -> str:
        """Aligned tables for a terminal."""
        return text.text(self)

    def to_markdown(self) -> str:
        """The same tables as Markdown (GitHub pipe tables)."""
        return text.markdown(self)

    def to_json(self, *, indent: int | None = 2) -> str:
        """The report as JSON text (NaN written as ``null``)."""
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    # ------------------------------------------------------------------ tables
    def to_csv(self, folder: str | Path) -> list[Path]:
        """Write one CSV per table into ``folder`` (created if needed); return the paths.

        The four files are written all or nothing (:func:`linkchart.files.write_folder`),
        never over a file the chart was read from.

        ``rankings.csv`` (measure, scope ``overall`` or a node type, rank, node, label,
        type, value, note), ``bridges.csv`` (one row per tie of each bridge, with its
        evidence, and its items' sources with their Admiralty codes: ``icg, B2; court``),
        ``articulation_points.csv`` and ``brokers.csv``; ``note`` says what
        weak ties a finding rests on.
        """
        tables: dict[str, tuple[list[str], list[list[Any]]]] = {
            "rankings.csv": (
                ["measure", "scope", "rank", "node", "label", "type", "value", "note"],
                [
                    [r.measure, "overall", i, x.node, x.label, x.type, json_value(x.value), x.note]
                    for r in self.rankings
                    for i, x in enumerate(r.overall, start=1)
                ]
                + [
                    [r.measure, t, i, x.node, x.label, x.type, json_value(x.value), x.note]
                    for r in self.rankings
                    for t, rows in r.by_type.items()
                    for i, x in enumerate(rows, start=1)
                ],
            ),
            "bridges.csv": (
                [
                    "a",
                    "b",
                    "side_a",
                    "side_b",
                    "edge",
                    "from",
                    "relation",
                    "to",
                    "confidence",
                    "evidence",
                    "sources",
                    "note",
                ],
                [
                    [
                        b.a,
                        b.b,
                        len(b.sides[0]),
                        len(b.sides[1]),
                        t.id,
                        t.from_id,
                        t.relation,
                        t.to_id,
                        t.confidence,
                        t.evidence,
                        "; ".join(it.cited() for it in t.items if it.cited()),
                        b.note,
                    ]
                    for b in self.bridges
                    for t in b.ties
                ],
            ),
            "articulation_points.csv": (
                ["node", "label", "type", "parts", "sizes", "members", "note"],
                [
                    [
                        c.node,
                        c.label,
                        c.type,
                        len(c.components),
                        " ".join(str(len(x)) for x in c.components),
                        " | ".join("; ".join(x) for x in c.components),
                        c.note,
                    ]
                    for c in self.articulation_points
                ],
            ),
            "brokers.csv": (
                ["role", "node", "label", "type", "group", "count", "expected", "z", "note", "flag"],
                [
                    [
                        b.role,
                        b.node,
                        b.label,
                        b.type,
                        b.group,
                        b.count,
                        json_value(b.expected),
                        json_value(b.z),
                        b.note,
                        b.flag,
                    ]
                    for b in self.brokers
                ],
            ),
        }
        texts: dict[str, str] = {}
        for name, (headers, rows) in tables.items():
            buffer = io.StringIO()
            writer = csv.writer(buffer)
            writer.writerow(headers)
            writer.writerows(
                ["" if v is None else to_cell(v) if isinstance(v, str) else v for v in row] for row in rows
            )
            texts[name] = buffer.getvalue()
        return write_folder(folder, texts, inputs=self.files)  # all four tables or none


def _ranked_dicts(rows: Iterable[Ranked]) -> list[dict[str, Any]]:
    """Ranked rows as JSON-ready values."""
    return [
        {
            "node": r.node,
            "label": r.label,
            "type": r.type,
            "value": json_value(r.value),
            "note": r.note,
        }
        for r in rows
    ]


def _tie_dict(t: TieEvidence) -> dict[str, Any]:
    """A tie and its evidence as JSON-ready values."""
    return {
        "id": t.id,
        "from": t.from_id,
        "relation": t.relation,
        "to": t.to_id,
        "confidence": t.confidence,
        "evidence": t.evidence,
        "items": [{"quote": it.quote, "source": it.source, "grade": it.grade} for it in t.items],
    }


def _key_player_dict(kp: KeyPlayers, note: str) -> dict[str, Any]:
    """A key-player set as JSON-ready values."""
    return {
        "criterion": kp.criterion,
        "k": kp.k,
        "nodes": list(kp.nodes),
        "contributions": list(kp.contributions),
        "score": kp.score,
        "baseline": kp.baseline,
        "search": kp.parameters.get("search"),
        "note": note,
    }
