"""The analyst's report: every measure's top nodes, the single points of failure, the brokers.

:func:`report` runs the measures of :mod:`linkchart.analysis` on a chart and keeps what
an analyst reads first: for each centrality measure the top nodes overall and within each
node type; the bridges and articulation points with what their removal separates and the
evidence of each bridging tie; the Gould-Fernandez brokers of each role with their
z-scores. A :class:`Report` is a frozen value; it prints as aligned text tables
(:meth:`Report.to_text`) and exports to JSON, Markdown and CSV.
"""

from __future__ import annotations

import csv
import inspect
import json
import math
import textwrap
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

from .analysis._common import relation_list
from .analysis.key_players import Criterion, KeyPlayers
from .analysis.projection import Engine, check_engine
from .errors import LinkchartError, UnknownNameError
from .model import LinkChart

__all__ = [
    "RANKINGS",
    "REPORT_MEASURES",
    "BridgeEntry",
    "BrokerEntry",
    "CutEntry",
    "Ranked",
    "Ranking",
    "Report",
    "TieEvidence",
    "report",
]


# ---------------------------------------------------------------------------- measures
RANKINGS: Mapping[str, str] = MappingProxyType(
    {
        "degree": "number of distinct partners (in + out on a directed reading)",
        "strength": "sum of edge weights: repeated reports strengthen a tie",
        "betweenness": "shortest paths through the node (raw; every tie length 1)",
        "bridging_centrality": "betweenness x bridging coefficient (Hwang et al. 2006; undirected)",
        "closeness": "inverse mean distance to the nodes it reaches (Wasserman-Faust)",
        "harmonic": "mean inverse distance to all others (defined on disconnected graphs)",
        "eigenvector": "tied to well-tied nodes (weights as strengths; top = 1)",
        "pagerank": "random-walk share (damping 0.85; weights as strengths)",
        "constraint": "Burt's constraint, lowest first: contacts not tied to each other (a broker)",
        "effective_size": "Burt's effective size: non-redundant contacts",
        "participation": "participation coefficient over Leiden communities (seed 0): a connector",
    }
)
"""The ranking measures a report can hold, with the line that describes each."""

_CUTS: tuple[str, ...] = ("bridges", "articulation_points")
BROKERAGE = "brokerage"
KEY_PLAYERS = "key_players"
KEY_PLAYERS_DISTANCE_MAX_NODES = 300
"""Above this many nodes the report's KPP-Neg uses component fragmentation (F), not DF."""
KEY_PLAYERS_MAX_NODES = 2000
"""Above this many nodes the report leaves key players out (call linkchart.key_players)."""
REPORT_MEASURES: tuple[str, ...] = (*RANKINGS, *_CUTS, BROKERAGE, KEY_PLAYERS)
"""Every name ``report(measures=...)`` accepts, in report order."""

_ASCENDING = frozenset({"constraint"})


def _run(name: str, chart: LinkChart, **kwargs: Any) -> Mapping[str, float]:
    """Run the ranking measure ``name`` with those of ``kwargs`` it takes."""
    from . import analysis

    fn: Callable[..., Mapping[str, float]] = getattr(analysis, name)
    accepted = inspect.signature(fn).parameters
    return fn(chart, **{k: v for k, v in kwargs.items() if k in accepted})


# ---------------------------------------------------------------------------- rows
@dataclass(frozen=True, slots=True)
class Ranked:
    """One node in a ranking: its id, type and value."""

    node: str
    type: str
    value: float


@dataclass(frozen=True, slots=True)
class Ranking:
    """The top nodes of one measure, overall and within each node type.

    Attributes
    ----------
    measure
        The measure's name.
    description
        What it measures, in one line (with its weight reading).
    ascending
        ``True`` when low values come first (constraint: the least constrained broker).
    overall
        The top nodes overall, best first; ties broken by node id, NaN last.
    by_type
        Node type -> its top nodes, for the types present in the chart.
    """

    measure: str
    description: str
    ascending: bool
    overall: tuple[Ranked, ...]
    by_type: Mapping[str, tuple[Ranked, ...]]


@dataclass(frozen=True, slots=True)
class TieEvidence:
    """One edge of the chart, as quoted in a report."""

    id: str
    from_id: str
    relation: str
    to_id: str
    confidence: str
    evidence: str


@dataclass(frozen=True, slots=True)
class BridgeEntry:
    """A tie whose removal disconnects its component.

    Attributes
    ----------
    a, b
        Its two ends.
    sides
        The node ids on ``a``'s side and on ``b``'s side once it is cut.
    ties
        Every edge of the chart between ``a`` and ``b`` among the counted relations,
        with its evidence.
    """

    a: str
    b: str
    sides: tuple[tuple[str, ...], tuple[str, ...]]
    ties: tuple[TieEvidence, ...]

    @property
    def smaller_side(self) -> tuple[str, ...]:
        """The side the tie alone holds to the rest (``b``'s side on a tie)."""
        return self.sides[0] if len(self.sides[0]) < len(self.sides[1]) else self.sides[1]

    @property
    def cut_off_from(self) -> int:
        """The size of the larger side."""
        return max(len(self.sides[0]), len(self.sides[1]))


@dataclass(frozen=True, slots=True)
class CutEntry:
    """An articulation point: a node whose removal splits its component.

    Attributes
    ----------
    node, type
        The node and its type.
    components
        The node ids of each part its removal leaves, largest first.
    """

    node: str
    type: str
    components: tuple[tuple[str, ...], ...]

    @property
    def cut_off(self) -> int:
        """How many nodes end up outside the largest remaining part."""
        return sum(len(c) for c in self.components[1:])


@dataclass(frozen=True, slots=True)
class BrokerEntry:
    """A node's brokerage in one Gould-Fernandez role, with its null-model statistics."""

    role: str
    node: str
    type: str
    group: str
    count: int
    expected: float
    z: float


# ---------------------------------------------------------------------------- formatting
def _num(value: float) -> str:
    if isinstance(value, int) or (isinstance(value, float) and value.is_integer() and abs(value) < 1e15):
        return str(int(value))
    if math.isnan(value):
        return "NaN"
    return f"{value:.4g}"


def _table(headers: Sequence[str], rows: Sequence[Sequence[str]], right: Iterable[int] = ()) -> list[str]:
    """Aligned columns; ``right`` lists the columns to right-align (numbers)."""
    right = set(right)
    widths = [len(h) for h in headers]
    for row in rows:
        widths = [max(w, len(c)) for w, c in zip(widths, row, strict=True)]

    def line(cells: Sequence[str]) -> str:
        parts = [
            c.rjust(w) if i in right else c.ljust(w)
            for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        ]
        return "  ".join(parts).rstrip()

    return [line(headers), line(["-" * w for w in widths]), *(line(r) for r in rows)]


def _md_escape(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _md_table(headers: Sequence[str], rows: Sequence[Sequence[str]], right: Iterable[int] = ()) -> list[str]:
    right = set(right)
    head = "| " + " | ".join(_md_escape(h) for h in headers) + " |"
    rule = "|" + "|".join("---:" if i in right else "---" for i in range(len(headers))) + "|"
    return [head, rule, *("| " + " | ".join(_md_escape(c) for c in r) + " |" for r in rows)]


def _names(ids: Sequence[str], shown: int = 6) -> str:
    return ", ".join(ids[:shown]) + (f", ... ({len(ids) - shown} more)" if len(ids) > shown else "")


def _pieces(components: Sequence[Sequence[str]]) -> str:
    """The pieces cut off (all but the largest), with their members."""
    return "; ".join(f"{len(c)}: {_names(c)}" for c in components[1:])


def _json_value(value: float) -> float | None:
    return None if isinstance(value, float) and math.isnan(value) else value


# ---------------------------------------------------------------------------- report
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
        For each role, its top brokers (count > 0), by count then z-score.
    bridges_total, articulation_points_total
        How many there are in all.
    per_type_shown
        How many nodes of each type the text and Markdown tables show.
    sections
        The measures and sections computed, in report order (see :data:`REPORT_MEASURES`).
    key_players
        Borgatti's key player sets (undirected reading, k = 3 or fewer on a tiny chart):
        the set whose removal fragments most (distance-weighted fragmentation; component
        fragmentation above :data:`KEY_PLAYERS_DISTANCE_MAX_NODES` nodes), then the set
        that reaches most others in one step; empty for a chart of fewer than 2 nodes or
        more than :data:`KEY_PLAYERS_MAX_NODES`.
    """

    title: str
    nodes: int
    edges: int
    parameters: Mapping[str, Any]
    rankings: tuple[Ranking, ...]
    bridges: tuple[BridgeEntry, ...]
    articulation_points: tuple[CutEntry, ...]
    brokers: tuple[BrokerEntry, ...]
    bridges_total: int = 0
    articulation_points_total: int = 0
    per_type_shown: int = 3
    sections: tuple[str, ...] = REPORT_MEASURES
    key_players: tuple[KeyPlayers, ...] = ()

    def __str__(self) -> str:
        return self.to_text()

    # ------------------------------------------------------------------ data
    def to_dict(self) -> dict[str, Any]:
        """Everything as plain JSON-ready values (NaN as ``None``)."""

        def ranked(rows: Iterable[Ranked]) -> list[dict[str, Any]]:
            return [{"node": r.node, "type": r.type, "value": _json_value(r.value)} for r in rows]

        def tie(t: TieEvidence) -> dict[str, Any]:
            return {
                "id": t.id,
                "from": t.from_id,
                "relation": t.relation,
                "to": t.to_id,
                "confidence": t.confidence,
                "evidence": t.evidence,
            }

        return {
            "title": self.title,
            "nodes": self.nodes,
            "edges": self.edges,
            "parameters": dict(self.parameters),
            "rankings": [
                {
                    "measure": r.measure,
                    "description": r.description,
                    "order": "ascending" if r.ascending else "descending",
                    "overall": ranked(r.overall),
                    "by_type": {t: ranked(rows) for t, rows in r.by_type.items()},
                }
                for r in self.rankings
            ],
            "bridges": [
                {"a": b.a, "b": b.b, "sides": [list(s) for s in b.sides], "ties": [tie(t) for t in b.ties]}
                for b in self.bridges
            ],
            "articulation_points": [
                {"node": c.node, "type": c.type, "components": [list(x) for x in c.components]}
                for c in self.articulation_points
            ],
            "brokers": [
                {
                    "role": b.role,
                    "node": b.node,
                    "type": b.type,
                    "group": b.group,
                    "count": b.count,
                    "expected": _json_value(b.expected),
                    "z": _json_value(b.z),
                }
                for b in self.brokers
            ],
            "key_players": [
                {
                    "criterion": kp.criterion,
                    "k": kp.k,
                    "nodes": list(kp.nodes),
                    "contributions": list(kp.contributions),
                    "score": kp.score,
                    "baseline": kp.baseline,
                    "search": kp.parameters.get("search"),
                }
                for kp in self.key_players
            ],
        }

    def to_json(self, *, indent: int | None = 2) -> str:
        """The report as JSON text (NaN written as ``null``)."""
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    # ------------------------------------------------------------------ tables
    def _ranking_rows(self, r: Ranking) -> list[list[str]]:
        return [[str(i), x.node, x.type, _num(x.value)] for i, x in enumerate(r.overall, start=1)]

    def _type_rows(self, r: Ranking) -> list[list[str]]:
        return [
            [t, ", ".join(f"{x.node} ({_num(x.value)})" for x in rows[: self.per_type_shown])]
            for t, rows in r.by_type.items()
            if rows
        ]

    def _cut_rows(self) -> list[list[str]]:
        return [
            [c.node, c.type, str(c.cut_off), str(len(c.components[0])), _pieces(c.components)]
            for c in self.articulation_points
        ]

    def _broker_rows(self) -> list[list[str]]:
        return [[b.role, b.node, b.group, str(b.count), _num(b.expected), _num(b.z)] for b in self.brokers]

    def _key_player_lines(self) -> list[str]:
        out = []
        for kp in self.key_players:
            how = "exact" if kp.parameters.get("search") == "exhaustive" else "swap search, local optimum"
            if kp.criterion in ("fragmentation", "component_fragmentation"):
                which = "distance-weighted" if kp.criterion == "fragmentation" else "component"
                out.append(
                    f"KPP-Neg (k={kp.k}, {how}): removing {', '.join(kp.nodes)} raises the "
                    f"{which} fragmentation from {kp.baseline:.3f} to {kp.score:.3f}"
                )
            else:
                out.append(
                    f"KPP-Pos (k={kp.k}, m={kp.parameters.get('max_distance')}, {how}): "
                    f"{', '.join(kp.nodes)} reach {kp.score:.1%} of the other nodes"
                )
        if not out and self.nodes > KEY_PLAYERS_MAX_NODES:
            return [f"not computed for charts of over {KEY_PLAYERS_MAX_NODES:,} nodes; "
                    "call linkchart.key_players"]
        return out or ["none (fewer than 2 nodes)"]

    @staticmethod
    def _shown(shown: int, total: int) -> str:
        return f"all {total}" if shown == total else f"the {shown} that cut off most, of {total}"

    def _header(self) -> list[str]:
        p = self.parameters
        rels = ", ".join(p.get("relations") or []) or "all"
        return [
            self.title or "(untitled chart)",
            f"{self.nodes} nodes, {self.edges} edges; relations: {rels}; engine: {p.get('engine')}; "
            f"top {p.get('top')}",
        ]

    def to_text(self) -> str:
        """Aligned tables for a terminal."""
        out = self._header()
        for r in self.rankings:
            out += ["", f"== {r.measure}: {r.description}"]
            out += [
                "  " + line
                for line in _table(["#", "node", "type", r.measure], self._ranking_rows(r), right=[0, 3])
            ]
            rows = self._type_rows(r)
            if rows:
                out += [f"  top {self.per_type_shown} of each type:"]
                out += ["    " + line for line in _table(["type", "nodes"], rows)]
        if "bridges" in self.sections:
            out += [
                "",
                f"== bridges: ties whose removal disconnects (undirected reading); "
                f"{self._shown(len(self.bridges), self.bridges_total)}",
            ]
            if not self.bridges:
                out.append("  none")
            for b in self.bridges:
                small = b.smaller_side
                out.append(
                    f"  {b.a} -- {b.b}: cuts off {len(small)} node{'s' if len(small) != 1 else ''} "
                    f"({_names(small)}) from the other {b.cut_off_from}"
                )
                for t in b.ties:
                    out.append(f"    [{t.id}] {t.from_id} {t.relation} {t.to_id} ({t.confidence})")
                    if t.evidence:
                        out += textwrap.wrap(
                            f'"{t.evidence}"', 100, initial_indent="      ", subsequent_indent="       "
                        )
        if "articulation_points" in self.sections:
            out += [
                "",
                f"== articulation points: nodes whose removal splits the network; "
                f"{self._shown(len(self.articulation_points), self.articulation_points_total)}",
            ]
            if not self.articulation_points:
                out.append("  none")
            for c in self.articulation_points:
                out.append(
                    f"  {c.node} ({c.type}): cuts off {c.cut_off} node{'s' if c.cut_off != 1 else ''} "
                    f"in {len(c.components) - 1} piece{'s' if len(c.components) != 2 else ''} "
                    f"from the other {len(c.components[0])}"
                )
                out += [f"      {len(x)}: {_names(x)}" for x in c.components[1:]]
        if BROKERAGE in self.sections:
            part = self.parameters.get("partition", "type")
            out += ["", f"== brokerage (Gould-Fernandez, groups: {part}): top brokers per role"]
            rows = self._broker_rows()
            out += (
                [
                    "  " + line
                    for line in _table(
                        ["role", "broker", "group", "count", "expected", "z"], rows, right=[3, 4, 5]
                    )
                ]
                if rows
                else ["  none"]
            )
        if KEY_PLAYERS in self.sections:
            out += ["", "== key players (Borgatti 2006; undirected reading)"]
            out += ["  " + line for line in self._key_player_lines()]
        return "\n".join(out) + "\n"

    def to_markdown(self) -> str:
        """The same tables as Markdown (GitHub pipe tables)."""
        out = [f"# {self.title or 'Untitled chart'}", "", self._header()[1]]
        for r in self.rankings:
            out += ["", f"## {r.measure}", "", r.description, ""]
            out += _md_table(["#", "node", "type", r.measure], self._ranking_rows(r), right=[0, 3])
            rows = self._type_rows(r)
            if rows:
                out += ["", f"Top {self.per_type_shown} of each type:", ""]
                out += _md_table(["type", "nodes"], rows)
        if "bridges" in self.sections:
            out += [
                "",
                "## Bridges",
                "",
                "Ties whose removal disconnects the network (undirected reading); "
                + self._shown(len(self.bridges), self.bridges_total)
                + ".",
                "",
            ]
            if self.bridges:
                rows = [
                    [
                        f"{b.a} -- {b.b}",
                        f"{len(b.smaller_side)}: {_names(b.smaller_side)}",
                        str(b.cut_off_from),
                        "; ".join(
                            f'[{t.id}] {t.from_id} {t.relation} {t.to_id} ({t.confidence}): "{t.evidence}"'
                            for t in b.ties
                        ),
                    ]
                    for b in self.bridges
                ]
                out += _md_table(["tie", "cuts off", "from", "evidence"], rows, right=[2])
            else:
                out.append("None.")
        if "articulation_points" in self.sections:
            out += [
                "",
                "## Articulation points",
                "",
                "Nodes whose removal splits the network; "
                + self._shown(len(self.articulation_points), self.articulation_points_total)
                + ".",
                "",
            ]
            rows = self._cut_rows()
            out += (
                _md_table(["node", "type", "cuts off", "from", "pieces cut off"], rows, right=[2, 3])
                if rows
                else ["None."]
            )
        if BROKERAGE in self.sections:
            out += [
                "",
                "## Brokerage",
                "",
                f"Gould-Fernandez roles, groups: {self.parameters.get('partition', 'type')}.",
                "",
            ]
            rows = self._broker_rows()
            out += (
                _md_table(["role", "broker", "group", "count", "expected", "z"], rows, right=[3, 4, 5])
                if rows
                else ["None."]
            )
        if KEY_PLAYERS in self.sections:
            out += ["", "## Key players", "", "Borgatti (2006), undirected reading.", ""]
            out += [f"- {line}" for line in self._key_player_lines()]
        return "\n".join(out) + "\n"

    def to_csv(self, folder: str | Path) -> list[Path]:
        """Write one CSV per table into ``folder`` (created if needed); return the paths.

        ``rankings.csv`` (measure, scope ``overall`` or a node type, rank, node, type,
        value), ``bridges.csv`` (one row per tie of each bridge, with its evidence),
        ``articulation_points.csv`` and ``brokers.csv``.
        """
        folder = Path(folder)
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise LinkchartError(f"cannot create the CSV folder {str(folder)!r}: {err.strerror}") from None
        tables: dict[str, tuple[list[str], list[list[Any]]]] = {
            "rankings.csv": (
                ["measure", "scope", "rank", "node", "type", "value"],
                [
                    [r.measure, "overall", i, x.node, x.type, _json_value(x.value)]
                    for r in self.rankings
                    for i, x in enumerate(r.overall, start=1)
                ]
                + [
                    [r.measure, t, i, x.node, x.type, _json_value(x.value)]
                    for r in self.rankings
                    for t, rows in r.by_type.items()
                    for i, x in enumerate(rows, start=1)
                ],
            ),
            "bridges.csv": (
                ["a", "b", "side_a", "side_b", "edge", "from", "relation", "to", "confidence", "evidence"],
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
                    ]
                    for b in self.bridges
                    for t in b.ties
                ],
            ),
            "articulation_points.csv": (
                ["node", "type", "parts", "sizes", "members"],
                [
                    [
                        c.node,
                        c.type,
                        len(c.components),
                        " ".join(str(len(x)) for x in c.components),
                        " | ".join("; ".join(x) for x in c.components),
                    ]
                    for c in self.articulation_points
                ],
            ),
            "brokers.csv": (
                ["role", "node", "type", "group", "count", "expected", "z"],
                [
                    [b.role, b.node, b.type, b.group, b.count, _json_value(b.expected), _json_value(b.z)]
                    for b in self.brokers
                ],
            ),
        }
        paths = []
        for name, (headers, rows) in tables.items():
            path = folder / name
            try:
                with path.open("w", newline="", encoding="utf-8") as f:
                    writer = csv.writer(f)
                    writer.writerow(headers)
                    writer.writerows(["" if v is None else v for v in row] for row in rows)
            except OSError as err:
                raise LinkchartError(f"cannot write {str(path)!r}: {err.strerror}") from None
            paths.append(path)
        return paths


# ---------------------------------------------------------------------------- building
def _ranked(chart: LinkChart, items: Iterable[tuple[str, float]]) -> tuple[Ranked, ...]:
    return tuple(Ranked(n, chart.node_type_of(n), float(v)) for n, v in items)


def _order(items: Iterable[tuple[str, float]], ascending: bool) -> list[tuple[str, float]]:
    def key(kv: tuple[str, float]) -> tuple[int, float, str]:
        n, v = kv
        if math.isnan(v):
            return (1, 0.0, n)
        return (0, v if ascending else -v, n)

    return sorted(items, key=key)


def _ranking(chart: LinkChart, name: str, scores: Mapping[str, float], top: int) -> Ranking:
    ascending = name in _ASCENDING
    ordered = _order(scores.items(), ascending)
    by_type: dict[str, tuple[Ranked, ...]] = {}
    types = [chart.node_type_of(n) for n, _ in ordered]
    for t in chart.vocabulary.node_type_names:
        rows = [kv for kv, tt in zip(ordered, types, strict=True) if tt == t]
        if rows:
            by_type[t] = _ranked(chart, rows[:top])
    return Ranking(name, RANKINGS[name], ascending, _ranked(chart, ordered[:top]), MappingProxyType(by_type))


def _tie(chart: LinkChart, edge_id: str) -> TieEvidence:
    e = chart.edge(edge_id)
    return TieEvidence(e.id, e.from_id, e.relation, e.to_id, e.confidence, e.evidence)


def _split(
    chart: LinkChart, relations: Sequence[str] | None, engine: Engine, top: int, sections: Sequence[str]
) -> tuple[tuple[BridgeEntry, ...], int, tuple[CutEntry, ...], int]:
    """The ``top`` bridges and articulation points (most consequential first) and their totals.

    Only the kinds named in ``sections`` are computed; the other comes back empty.
    """
    from .analysis.bridges import articulation_points, bridges

    found = bridges(chart, engine=engine, relations=relations) if "bridges" in sections else []
    cut = (
        articulation_points(chart, engine=engine, relations=relations)
        if "articulation_points" in sections
        else []
    )
    index = chart.index_of

    def ordered(ids: Iterable[str]) -> tuple[str, ...]:
        return tuple(sorted(ids, key=index))

    entries = tuple(
        BridgeEntry(
            b.from_id,
            b.to_id,
            (ordered(b.separated[0]), ordered(b.separated[1])),
            tuple(_tie(chart, e) for e in b.edge_ids),
        )
        for b in found[:top]
    )
    cuts = tuple(
        CutEntry(c.node_id, chart.node_type_of(c.node_id), tuple(ordered(x) for x in c.components))
        for c in cut[:top]
    )
    return entries, len(found), cuts, len(cut)


def _brokers(
    chart: LinkChart,
    partition: Any,
    relations: Sequence[str] | None,
    engine: Engine,
    directed: bool | None,
    top: int,
) -> tuple[BrokerEntry, ...]:
    from .analysis.brokerage import ROLES, brokerage_scores

    result = brokerage_scores(
        chart, partition=partition, relations=relations, engine=engine, directed=directed
    )
    out: list[BrokerEntry] = []
    for role in ROLES:
        rows = [(n, c[role], result.z[n][role]) for n, c in result.counts.items() if c[role] > 0]
        rows.sort(key=lambda r: (-r[1], -(r[2] if not math.isnan(r[2]) else -math.inf), r[0]))
        out += [
            BrokerEntry(
                role,
                n,
                chart.node_type_of(n),
                str(result.groups[n]),
                int(count),
                float(result.expected[n][role]),
                float(z),
            )
            for n, count, z in rows[:top]
        ]
    return tuple(out)


def _key_players(chart: LinkChart, relations: Sequence[str] | None, engine: Engine) -> tuple[KeyPlayers, ...]:
    """KPP-Neg (fragmentation) and KPP-Pos (reach in one step) sets of 3, on an undirected reading."""
    from .analysis.key_players import key_players

    n = chart.number_of_nodes
    if n < 2 or n > KEY_PLAYERS_MAX_NODES:
        return ()
    k = min(3, n - 1)
    # distance-weighted fragmentation costs all-pairs distances per candidate set: on
    # larger charts the report uses the component-size form (Borgatti's F) instead
    negative: Criterion = (
        "fragmentation" if n <= KEY_PLAYERS_DISTANCE_MAX_NODES else "component_fragmentation"
    )
    criteria: tuple[Criterion, Criterion] = (negative, "reach")
    return tuple(key_players(chart, k, criterion=c, relations=relations, engine=engine) for c in criteria)


def report(
    chart: LinkChart,
    *,
    top: int = 10,
    relations: Iterable[str] | str | None = None,
    measures: Iterable[str] | None = None,
    engine: Engine = "igraph",
    partition: str | Mapping[str, Any] = "type",
    directed: bool | None = None,
) -> Report:
    """Run the measures an analyst reads first and gather their top results.

    Parameters
    ----------
    chart
        The chart; it is not changed.
    top
        How many nodes each ranking and each role lists (overall and per node type).
    relations
        Relations whose edges count, for every measure (default: all).
    measures
        Which sections to compute, by name (default: all of :data:`REPORT_MEASURES`):
        the ranking measures of :data:`RANKINGS`, ``"bridges"``,
        ``"articulation_points"``, ``"brokerage"`` and ``"key_players"``.
    engine
        ``"igraph"`` (default) or ``"networkx"``, for every measure.
    partition
        The groups for brokerage (see :func:`linkchart.brokerage`): ``"type"``, a node
        attribute or a mapping from node id to group.
    directed
        Passed to every ranking measure and to brokerage: ``None`` follows the
        vocabulary, ``False`` reads every tie as undirected. Bridges and articulation
        points always read ties as undirected.

    Returns
    -------
    Report

    Raises
    ------
    UnknownNameError
        For an unknown measure, relation or engine (with a did-you-mean hint).
    LinkchartError
        For a ``top`` that is not a positive integer, or a partition that leaves nodes
        without a group.

    Notes
    -----
    Every measure runs with its documented defaults (topological measures unweighted;
    strength, eigenvector and PageRank read edge weights as strengths). Constraint is
    ranked lowest first, since a low constraint marks a broker; ``NaN`` values (isolated
    nodes) come last in every ranking.

    Examples
    --------
    >>> import linkchart
    >>> c = linkchart.from_records(
    ...     [{"id": "hub", "type": "organisation"}, {"id": "a", "type": "state"},
    ...      {"id": "b", "type": "state"}],
    ...     [{"from": "a", "relation": "funds", "to": "hub"},
    ...      {"from": "hub", "relation": "funds", "to": "b"}],
    ... )
    >>> r = report(c, top=1, measures=["betweenness", "brokerage"])
    >>> r.rankings[0].overall[0]
    Ranked(node='hub', type='organisation', value=1.0)
    >>> r.brokers[0].role, r.brokers[0].node
    ('itinerant', 'hub')
    """
    if isinstance(top, bool) or not isinstance(top, int) or top < 1:
        raise LinkchartError(f"top must be a positive integer, not {top!r}")
    engine = check_engine(engine)
    rels = relation_list(relations)
    if rels is not None:
        for r in rels:
            chart.vocabulary.relation(r)  # UnknownNameError with a hint
    chosen = (
        list(REPORT_MEASURES)
        if measures is None
        else list([measures] if isinstance(measures, str) else measures)
    )
    for name in chosen:
        if name not in REPORT_MEASURES:
            raise UnknownNameError("measure", name, REPORT_MEASURES)
    ordered = tuple(m for m in REPORT_MEASURES if m in chosen)
    rankings = tuple(
        _ranking(chart, name, _run(name, chart, engine=engine, relations=rels, directed=directed), top)
        for name in ordered
        if name in RANKINGS
    )
    bridges_found: tuple[BridgeEntry, ...] = ()
    cuts: tuple[CutEntry, ...] = ()
    n_bridges = n_cuts = 0
    if "bridges" in ordered or "articulation_points" in ordered:
        bridges_found, n_bridges, cuts, n_cuts = _split(chart, rels, engine, top, ordered)
    brokers = _brokers(chart, partition, rels, engine, directed, top) if BROKERAGE in ordered else ()
    players = _key_players(chart, rels, engine) if KEY_PLAYERS in ordered else ()
    shown_partition = partition if isinstance(partition, str) else "custom mapping"
    return Report(
        title=chart.title,
        nodes=chart.number_of_nodes,
        edges=chart.number_of_edges,
        parameters=MappingProxyType(
            {
                "top": top,
                "relations": rels,
                "measures": list(ordered),
                "engine": engine,
                "partition": shown_partition,
                "directed": directed,
            }
        ),
        rankings=rankings,
        bridges=bridges_found,
        articulation_points=cuts,
        brokers=brokers,
        bridges_total=n_bridges,
        articulation_points_total=n_cuts,
        per_type_shown=min(3, top),
        sections=ordered,
        key_players=players,
    )
