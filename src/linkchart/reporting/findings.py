"""Key findings: what a report found, in plain words, each with what it rests on.

An analyst hands a report to a reader who is not a network scientist. The tables answer
"who ranks where on which measure"; the reader asks "what does this say, and how far can
I trust it?". :func:`key_findings` turns the values a report has already computed (never
a measure of its own) into a few sentences, each with its caveat: how many ties it rests
on, at which confidence, from how many sources, and whether it holds on the firm ties
alone. :func:`limits` says what the graph cannot show at all.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from ..analysis.corroboration import sources_behind
from ..analysis.glossary import GLOSSARY
from ..analysis.key_players import KeyPlayers
from ..analysis.over_time import OverTime
from ..analysis.reading import Reading
from ..analysis.signed import BalanceResult
from ..analysis.uncertainty import RankUncertainty
from ..model import LinkChart
from ..model.views import at_least
from .entries import BridgeEntry, CutEntry, Ranked, Ranking
from .sources import CitedSource, graded

__all__ = [
    "GLOSSARY",
    "KEY_PLAYER_GAIN",
    "Finding",
    "cited_sources",
    "key_findings",
    "limits",
    "nothing_read",
]


KEY_PLAYER_GAIN = 0.1
"""The least rise in fragmentation (0 to 1) for which the key-player set is a key finding:
where the network is already in pieces, removing three more actors changes little."""


@dataclass(frozen=True, slots=True)
class Finding:
    """One key finding.

    Attributes
    ----------
    kind
        What it is about: ``"broker"``, ``"hub"``, ``"bridge"``, ``"cut"``,
        ``"key_players"`` or ``"camps"``.
    text
        The finding in plain words.
    caveat
        What it rests on: how many ties, at which confidence, from how many sources, and
        whether it holds on the firm ties alone.
    nodes
        The actors it is about.
    ties
        The ids of the edges it rests on (a bridge's), or ``()`` when it rests on every tie
        of its actors.
    """

    kind: str
    text: str
    caveat: str
    nodes: tuple[str, ...] = ()
    ties: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, object]:
        """Plain JSON-ready values."""
        return {
            "kind": self.kind,
            "finding": self.text,
            "caveat": self.caveat,
            "nodes": list(self.nodes),
            "ties": list(self.ties),
        }


def _label(chart: LinkChart, node: str) -> str:
    return str(chart.nodes.labels[chart.index_of(node)])


def _names(chart: LinkChart, nodes: Sequence[str], shown: int = 3) -> str:
    names = [_label(chart, n) for n in nodes[:shown]]
    more = len(nodes) - shown
    if more > 0:
        names.append(f"{more} more")
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _read_mask(chart: LinkChart, relations: Iterable[str]) -> npt.NDArray[np.bool_]:
    """Which edges the reading reads (its relations)."""
    names = chart.vocabulary.relation_names
    return np.isin(chart.edges.relation, [names.index(r) for r in relations])


class _Evidence:
    """What a set of edges rests on: their confidence levels and sources, in words; a tie is
    below the firm level by its probability (its sources' grades and corroboration count)."""

    def __init__(self, chart: LinkChart, relations: Iterable[str], firm: str | None) -> None:
        self.chart = chart
        self.mask = _read_mask(chart, relations)
        e = chart.edges
        self.weak = (
            ~at_least(e.probability, chart.vocabulary.confidence, firm)
            if firm
            else np.zeros(len(e), dtype=bool)
        )

    def ties_of(self, nodes: Iterable[str]) -> list[int]:
        """The rows of the edges read that touch any of ``nodes``."""
        e = self.chart.edges
        rows = [self.chart.index_of(n) for n in nodes]
        touch = np.isin(e.src, rows) | np.isin(e.dst, rows)
        return np.flatnonzero(self.mask & touch).tolist()

    def between(self, a: str, b: str) -> list[int]:
        """The rows of the edges read between ``a`` and ``b``, either way (a bridge's ties)."""
        e = self.chart.edges
        i, j = self.chart.index_of(a), self.chart.index_of(b)
        pair = ((e.src == i) & (e.dst == j)) | ((e.src == j) & (e.dst == i))
        return np.flatnonzero(self.mask & pair).tolist()

    def _probability(self, k: int) -> str:
        """``", p 0.97"`` when the tie's probability is not its level's (grades,
        corroboration), else ``""``."""
        e, scale = self.chart.edges, self.chart.vocabulary.confidence
        p = float(e.probability[k])
        return "" if abs(p - scale.probabilities[int(e.confidence[k])]) < 1e-9 else f", p {p:.3g}"

    def describe(self, rows: Sequence[int], whose: str = "") -> str:
        """``"its 9 ties read (6 reported, 2 alleged, 1 possible), all from one source (smith)"``,
        or for one edge ``"1 possible tie (e77) from smith, mentioned once"`` (``"(e77, p 0.97)"``
        when its sources put it elsewhere than its level)."""
        chart, e = self.chart, self.chart.edges
        levels = chart.vocabulary.confidence.levels
        if not rows:
            return f"{whose}no tie read".strip()
        count = Counter(levels[int(e.confidence[k])] for k in rows)
        sources = sources_behind(chart, rows)  # an evidence list's sources too (issue 23)
        cited = [s for s in sources if s >= 0]
        weak = bool(np.all(self.weak[list(rows)]))
        if len(rows) == 1:
            k = rows[0]
            where = f"from {self._source_words(cited[0])}" if cited else "with no source"
            once = ", mentioned once" if len(sources) == 1 else ""
            if len(cited) > 1:
                where = f"from {len(cited)} sources ({', '.join(self._source_words(c) for c in cited)})"
            out = f"1 {levels[int(e.confidence[k])]} tie ({e.id_of(k)}{self._probability(k)}) {where}{once}"
            return out + (", below the firm level" if weak else "")
        shown = ", ".join(f"{count[lv]} {lv}" for lv in levels if count[lv])
        moved = [k for k in rows if self._probability(k)]
        if moved:  # its sources' grades or corroboration put some ties at other probabilities
            at = sorted({float(f"{e.probability[k]:.3g}") for k in moved})
            said = ", ".join(f"{p:.3g}" for p in at[:3]) + (", ..." if len(at) > 3 else "")
            shown += f"; {len(moved)} of them at p {said} by their sources"
        out = f"{whose}{len(rows)} ties read ({shown})"
        if len(cited) == 1 and not sources.get(-1):
            out += f", all from one source ({self._source_words(cited[0])})"
        elif cited:
            out += f", from {_plural(len(cited), 'source')}"
        return out + ("; every one below the firm level" if weak else "")

    def weak_words(self, rows: Sequence[int]) -> str:
        """The ties of ``rows`` below the firm level: ``"1 alleged tie (e1)"``, or ``""``."""
        e, levels = self.chart.edges, self.chart.vocabulary.confidence.levels
        weak = [k for k in rows if self.weak[k]]
        if not weak:
            return ""
        count = Counter(levels[int(e.confidence[k])] for k in weak)
        kinds = " and ".join(f"{count[lv]} {lv}" for lv in levels if count[lv])
        ids = ", ".join(e.id_of(k) + self._probability(k) for k in weak[:3]) + (
            ", ..." if len(weak) > 3 else ""
        )
        return f"{kinds} tie{'s' if len(weak) != 1 else ''} ({ids})"

    def _source_words(self, code: int) -> str:
        return graded(self.chart.sources[code])


def _reports(bridge: BridgeEntry) -> int:
    """How many reports a bridge rests on: its edges, each counted once per source its items
    cite (an edge with no source, once).

    >>> from linkchart.reporting.entries import ItemEvidence, TieEvidence
    >>> tie = TieEvidence("e0", "a", "knows", "b", "reported", "x",
    ...                   (ItemEvidence("x", "s"), ItemEvidence("y", "s"), ItemEvidence("z", "t")))
    >>> _reports(BridgeEntry("a", "b", ((), ()), (tie,), ("a", "b")))
    2
    """
    return sum(len({it.source for it in t.items}) or 1 for t in bridge.ties)


def _how_sure(how_sure: Sequence[RankUncertainty], measure: str, node: str) -> str:
    for u in how_sure:
        if u.chart.number_of_nodes <= u.top:
            return ""  # every actor is in the top k of every draw: it says nothing
        if u.measure == measure and node in u.chart.node_ids:
            p = u.p_top(node)
            return (
                f"In {p:.0%} of {u.draws} random versions of the chart (each tie kept with the "
                f"probability its confidence gives) it stays in the top {u.top}."
            )
    return ""


def _firm(note: str, weak: str = "") -> str:
    """Where a node lands on the firm ties alone (a ranking's note), and without which ties."""
    if not note:
        return ""
    where = note.removesuffix(" on firm ties")
    if weak:
        return f"Without its {weak} it falls to {where}, on the firm ties alone."
    return f"On the firm ties alone it falls to {where}."


def _fragmentation(criterion: str) -> str:
    """The words for a KPP-Neg criterion: distance-weighted fragmentation is not 0 on a connected
    chart (actors far apart count as partly cut off), component fragmentation is."""
    return "distance-weighted fragmentation" if criterion == "fragmentation" else "fragmentation"


def _sentence(*parts: str) -> str:
    text = " ".join(p.strip() for p in parts if p.strip())
    return text[0].upper() + text[1:] if text else ""


def _tied_top(ranking: Ranking) -> list[Ranked]:
    """The nodes that share the top value of ``ranking`` (equal to 12 significant digits), of those shown."""
    top = float(f"{ranking.overall[0].value:.12g}")
    return [r for r in ranking.overall if float(f"{r.value:.12g}") == top]


def _claims_counted(chart: LinkChart, rows: Sequence[int]) -> str:
    """``"It counts both alternatives of the either-or claim c."`` when ``rows`` hold two or
    more alternatives of one claim (only one of them is true), else ``""``."""
    group = chart.alternatives().group
    names = chart.alternatives().names
    seen: dict[int, int] = {}
    for k in rows:
        g = int(group[k])
        if g >= 0:
            seen[g] = seen.get(g, 0) + 1
    both = sorted(names[g] for g, count in seen.items() if count > 1)
    if not both:
        return ""
    return (
        f"It counts every alternative of the either-or claim {', '.join(both)}, of which only one "
        "can hold: the count is an upper bound."
    )


def _of_node(kind: str, text: str, ranked: Ranked, evidence: _Evidence, *more: str) -> Finding:
    """A finding about one ranked node: it rests on its ties read, and where it lands without
    the weak ones."""
    rows = evidence.ties_of([ranked.node])
    caveat = _sentence(
        "rests on " + evidence.describe(rows, "its ") + ".",
        _firm(ranked.note, evidence.weak_words(rows)),
        *more,
    )
    return Finding(kind, text, caveat, (ranked.node,))


def key_findings(
    chart: LinkChart,
    relations: Sequence[str],
    rankings: Sequence[Ranking],
    *,
    bridges: Sequence[BridgeEntry] = (),
    cuts: Sequence[CutEntry] = (),
    key_players: Sequence[KeyPlayers] = (),
    key_player_notes: Sequence[str] = (),
    balance: BalanceResult | None = None,
    how_sure: Sequence[RankUncertainty] = (),
    firm: str | None = None,
) -> tuple[Finding, ...]:
    """The headline findings of a report, in plain words, each with what it rests on.

    Read off what the report computed: the top of betweenness (the main go-between) and
    of degree (the most partners), the bridge and the cut point that cut off the most
    actors, the key-player set and the camps of a signed chart. Each caveat counts the
    ties read that the finding rests on by confidence and by source, says where a node
    lands on the firm ties alone (the rankings' notes), and how often it stays in the top
    over random versions of the chart (``how_sure``).
    """
    evidence = _Evidence(chart, relations, firm)
    by_name: Mapping[str, Ranking] = {r.measure: r for r in rankings}
    out: list[Finding] = []
    broker = by_name.get("betweenness")
    top_broker = ""
    if broker and broker.overall and broker.overall[0].value > 0:
        first = broker.overall[0]
        tied = _tied_top(broker)
        if len(tied) == 1:
            top_broker = first.node
            after = broker.overall[1] if len(broker.overall) > 1 else None
            nxt = f"; next, {after.label or after.node} with {after.value:.3g}" if after else ""
            text = (
                f"{first.label or first.node} is the main go-between: it lies on more of the shortest "
                f"chains between other actors than anyone else (betweenness {first.value:.3g}{nxt})."
            )
            out.append(
                _of_node("broker", text, first, evidence, _how_sure(how_sure, "betweenness", first.node))
            )
        elif len(tied) < len(broker.overall):  # a tie that ends among the nodes shown
            names = _names(chart, [r.node for r in tied], len(tied))
            text = (
                f"{names} tie as the main go-betweens (betweenness {first.value:.3g} each): none lies "
                "on more of the shortest chains between other actors than the others."
            )
            out.append(Finding("broker", text, "", tuple(r.node for r in tied)))
    hub = by_name.get("degree")
    hubs = _tied_top(hub) if hub and hub.overall and hub.overall[0].value > 0 else []
    if hub and 1 < len(hubs) < len(hub.overall):  # a tie that ends among the nodes shown
        names = _names(chart, [r.node for r in hubs], len(hubs))
        text = (
            f"{names} tie for the most partners: {hubs[0].value:.0f} each of the "
            f"{chart.number_of_nodes - 1} other actors."
        )
        out.append(Finding("hub", text, "", tuple(r.node for r in hubs)))
    if hub and len(hubs) == 1:
        first = hub.overall[0]
        also = "also has" if first.node == top_broker else "has"
        text = (
            f"{first.label or first.node} {also} the most partners: {first.value:.0f} of the "
            f"{chart.number_of_nodes - 1} other actors."
        )
        claims = _claims_counted(chart, evidence.ties_of([first.node]))
        out.append(_of_node("hub", text, first, evidence, claims))
    if bridges:
        b = bridges[0]
        small = b.smaller_side
        ties = [t.id for t in b.ties]
        out.append(
            Finding(
                "bridge",
                f"Only the tie between {b.labels[0] or b.a} and {b.labels[1] or b.b} holds "
                f"{_plural(len(small), 'actor')} ({_names(chart, small)}) to the other {b.cut_off_from}.",
                _sentence("rests on " + evidence.describe(evidence.between(b.a, b.b)) + "."),
                (b.a, b.b),
                tuple(ties),
            )
        )
    if cuts:
        c = cuts[0]
        cut_off = [n for piece in c.components[1:] for n in piece]
        out.append(
            Finding(
                "cut",
                f"Without {c.label or c.node}, {_plural(len(cut_off), 'actor')} ({_names(chart, cut_off)}) "
                "would lose every link to the rest.",
                _sentence(
                    "rests on " + evidence.describe(evidence.ties_of([c.node]), "its ") + ".",
                    f"It holds {c.note.removeprefix('holds ')}." if c.note else "",
                ),
                (c.node,),
            )
        )
    out.extend(_key_players(chart, evidence, key_players, key_player_notes))
    if balance is not None:
        out.extend(_camps(chart, balance))
    return tuple(out)


def _key_players(
    chart: LinkChart, evidence: _Evidence, key_players: Sequence[KeyPlayers], notes: Sequence[str]
) -> tuple[Finding, ...]:
    """The KPP-Neg set as one finding, when removing it fragments the network enough."""
    for kp, note in zip(key_players, notes or [""] * len(key_players), strict=True):
        if kp.criterion not in ("fragmentation", "component_fragmentation"):
            continue
        if kp.score - kp.baseline < KEY_PLAYER_GAIN:
            break  # the network is already in pieces, or the set changes little: no headline
        return (
            Finding(
                "key_players",
                f"Removing {_names(chart, kp.nodes, len(kp.nodes))} together would break the network "
                f"apart most ({_fragmentation(kp.criterion)} from {kp.baseline:.2f} to {kp.score:.2f}, "
                "where 1 is every actor cut off from every other).",
                _sentence(
                    "rests on " + evidence.describe(evidence.ties_of(kp.nodes), "their ") + ".",
                    f"On the firm ties alone the set is {note.removeprefix('on firm ties: ')}."
                    if note
                    else "",
                ),
                tuple(kp.nodes),
            ),
        )
    return ()


def _camps(chart: LinkChart, balance: BalanceResult) -> tuple[Finding, ...]:
    """The camps of a signed chart, as one finding (none when there is one camp)."""
    camps: dict[int, list[str]] = {}
    for node, camp in balance.camps.items():
        if camp is not None:
            camps.setdefault(camp, []).append(node)
    if len(camps) > 1:
        sides = [camps[k] for k in sorted(camps, key=lambda k: -len(camps[k]))]
        signed = [chart.index_of(n) for side in sides for n in side]
        hostile = [i for i, r in enumerate(chart.vocabulary.relations) if r.negative]
        e = chart.edges
        rows = np.flatnonzero(
            np.isin(e.relation, hostile) & np.isin(e.src, signed) & np.isin(e.dst, signed)
        ).tolist()
        unfit = balance.frustration
        return (
            Finding(
                "camps",
                f"Friends and enemies fall into {len(sides)} camps: "
                + "; ".join(f"one with {_names(chart, side, 2)}" for side in sides[:3])
                + (
                    " (a camp: actors friendly among themselves and hostile to the other camps)."
                    if not unfit
                    else " (camps of least frustration: as friendly within and as hostile across as "
                    "the ties allow)."
                ),
                _sentence(
                    f"rests on {_plural(len(rows), 'hostile tie')} among them;",
                    f"{_plural(unfit, 'tie')} {'does' if unfit == 1 else 'do'} not fit the camps "
                    "(hostile inside a camp, or friendly across camps).",
                ),
                tuple(n for side in sides for n in side[:2]),
            ),
        )
    return ()


def nothing_read(reading: Reading) -> Finding:
    """The one finding of a reading that reads none of a chart's ties: it says so plainly, and how
    to read some."""
    return Finding(
        "nothing_read",
        "No tie is read, so no actor can be ranked: the reading leaves out "
        + (f"all {reading.total} ties" if reading.total > 1 else "the chart's one tie")
        + f" ({reading.describe().split('left out: ')[-1].split(' — ')[0]}).",
        "Read them with signs='all' (--signs all) or other layers (--layers); the rankings, "
        "structures and how-sure sections are left out.",
    )


def cited_sources(chart: LinkChart, relations: Sequence[str]) -> tuple[CitedSource, ...]:
    """The sources the ties read (of ``relations``) cite, in the chart's order, each with its
    reliability grade and how many of those ties it supports (an evidence list's every
    source counted)."""
    rows = np.flatnonzero(_read_mask(chart, relations))
    behind = sources_behind(chart, rows.tolist())
    return tuple(
        CitedSource(s.id, s.title, s.reliability, behind[k])
        for k, s in enumerate(chart.sources)
        if behind.get(k)
    )


def limits(
    chart: LinkChart,
    relations: Sequence[str],
    *,
    bridges: Sequence[BridgeEntry] = (),
    bridges_total: int = 0,
    over_time: OverTime | None = None,
) -> tuple[str, ...]:
    """What the graph cannot show, in plain words, from what it holds: how many sources the
    ties read come from, how many bridges rest on one report, what is dated."""
    rows = np.flatnonzero(_read_mask(chart, relations))
    out: list[str] = []
    behind = sources_behind(chart, rows.tolist())
    cited = Counter({c: n for c, n in behind.items() if c >= 0})
    if len(rows) and len(cited) == 1 and not behind.get(-1):
        source = chart.sources[next(iter(cited))]
        title = (source.title or source.id) + (
            f", reliability {source.reliability}" if source.reliability else ""
        )
        out.append(
            f"Every tie read comes from one source ({title}): the graph is centred on what that source "
            "writes about, so an actor at its centre may be the text's subject rather than the network's hub."
        )
    elif len(rows) and not cited:
        out.append("No tie read cites a source: nothing here can be checked against a text.")
    elif len(rows):
        top, count = cited.most_common(1)[0]
        most = chart.sources[top]
        out.append(
            f"The ties read come from {_plural(len(cited), 'source')}; {count} of {len(rows)} from "
            f"{most.title or most.id}" + (f" (reliability {most.reliability})." if most.reliability else ".")
        )
    out.extend(  # a source whose text did not come with the file (issue 22)
        f"The quotes citing {s.title or s.id} were not checked against its text ({s.unchecked})."
        for s in chart.sources
        if s.unchecked
    )
    if bridges_total and bridges:
        once = sum(1 for b in bridges if _reports(b) == 1)
        listed = "" if len(bridges) == bridges_total else " listed"
        out.append(
            f"A bridge is often a tie mentioned once: {once} of the {len(bridges)} bridges{listed} rest on "
            "a single report (one edge, one source), and one more report of another tie would make it "
            "no bridge."
        )
    out.append(
        "A tie the sources do not mention is not in the graph: an actor with few ties may be little "
        "written about rather than little connected."
    )
    if over_time is not None and over_time.declined and over_time.dating is not None:
        out.append(f"It cannot show how the network changed: {over_time.dating.describe()}.")
    elif not chart.tie_times().dated.any():
        out.append("No tie is dated: the graph is one picture of all times, not a sequence.")
    return tuple(out)
