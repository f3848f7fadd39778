"""A report as aligned text tables for a terminal, or as Markdown."""

from __future__ import annotations

import math
import re
import textwrap
from collections.abc import Sequence
from typing import TYPE_CHECKING, Final

from ..analysis.bridges import bridge_count
from ..analysis.uncertainty import rank_range
from .entries import Ranking, TieEvidence
from .findings import GLOSSARY
from .sources import sources_lines
from .tables import _headers, _md_escape, _md_table, _names, _num, _pieces, _shown, _table, json_value, who

if TYPE_CHECKING:
    from ..analysis.disruption import Disruption
    from ..analysis.uncertainty import RankUncertainty
    from .report import Report

__all__ = ["json_value", "markdown", "text", "who"]


BROKERAGE = "brokerage"
KEY_PLAYERS = "key_players"
KEY_PLAYERS_MAX_NODES = 2000
"""Above this many nodes the report leaves key players out (call linkchart.key_players)."""


def _noted(report: Report, rows: list[list[str]], notes: Sequence[str]) -> list[list[str]]:
    """Rows with a last ``note`` column when any row rests on weak ties."""
    if not any(notes):
        return rows
    return [[*row, f"* {n}" if n else ""] for row, n in zip(rows, notes, strict=True)]


def _ranking_rows(report: Report, r: Ranking) -> list[list[str]]:
    rows = [[str(i), who(x.node, x.label), x.type, _num(x.value)] for i, x in enumerate(r.overall, start=1)]
    return _noted(report, rows, [x.note for x in r.overall])


def _type_rows(report: Report, r: Ranking) -> list[list[str]]:
    return [
        [t, ", ".join(f"{x.label or x.node} ({_num(x.value)})" for x in rows[: report.per_type_shown])]
        for t, rows in r.by_type.items()
        if rows
    ]


def _cut_rows(report: Report) -> list[list[str]]:
    rows = [
        [who(c.node, c.label), c.type, str(c.cut_off), str(len(c.components[0])), _pieces(c.components)]
        for c in report.articulation_points
    ]
    return _noted(report, rows, [c.note for c in report.articulation_points])


def _broker_rows(report: Report) -> list[list[str]]:
    rows = [
        [
            b.role,
            who(b.node, b.label),
            b.group,
            str(b.count),
            _num(b.expected),
            _num(b.z) + (" !" if b.flag else ""),
        ]
        for b in report.brokers
    ]
    return _noted(report, rows, [b.note for b in report.brokers])


def _broker_flags(report: Report) -> list[str]:
    """The lines under the brokerage table: what a ``!`` means, and a partition that skews every z."""
    out = []
    if any(b.flag for b in report.brokers):
        out.append(
            "! expected less than once under the null model: the z-score of so rare a role is not a "
            "normal one and runs high; read the count"
        )
    if report.brokerage_note:
        out.append(f"! {report.brokerage_note}")
    return out


def _balance_lines(report: Report) -> list[str]:
    b = report.balance
    if b is None:
        return []
    total = len(b.triangles)
    out = [
        f"{total} signed triangle{'s' if total != 1 else ''}: "
        + ", ".join(f"{k} {v}" for k, v in zip(("+++", "++-", "+--", "---"), b.census, strict=True))
        + (f"; balanced {b.balanced} of {total} ({b.ratio:.0%})" if total else ""),
    ]
    out += [f"unbalanced: {t}  [{', '.join(k for ks in t.edges for k in ks)}]" for t in b.unbalanced[:10]]
    if len(b.unbalanced) > 10:
        out.append(f"... and {len(b.unbalanced) - 10} more unbalanced")
    camps: dict[int, list[str]] = {}
    for node, camp in b.camps.items():
        if camp is not None:
            camps.setdefault(camp, []).append(node)
    for k in sorted(camps):
        out.append(f"camp {k + 1} ({len(camps[k])}): {_names(camps[k], 12)}")
    out.append(
        f"{b.frustration} tie{'s' if b.frustration != 1 else ''} do not fit these camps (the frustration: "
        f"hostile inside a camp, or friendly across camps; seeded local search, "
        f"{b.parameters.get('restarts')} starts)"
    )
    if b.ambivalent:
        out.append(
            "ambivalent pairs (positive and hostile ties, read as hostile): "
            + "; ".join(f"{x} / {y}" for x, y in b.ambivalent)
        )
    return out


def _key_player_lines(report: Report) -> list[str]:
    out = []
    notes = report.key_player_notes or ("",) * len(report.key_players)
    for kp, note in zip(report.key_players, notes, strict=True):
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
        if note:
            out[-1] += f"  * rests on weak ties: {note}"
    if not out and report.nodes > KEY_PLAYERS_MAX_NODES:
        return [
            f"not computed for charts of over {KEY_PLAYERS_MAX_NODES:,} nodes; call linkchart.key_players"
        ]
    return out or ["none (fewer than 2 nodes)"]


def _bridges_shown(report: Report) -> str:
    """``44 bridging ties (84 edges); the 5 that cut off most`` (counted as the page counts them)."""
    shown, total = len(report.bridges), report.bridges_total
    count = bridge_count(total, report.bridge_edges_total)
    return count if shown == total else f"{count}; the {shown} that cut off most"


def _header(report: Report) -> list[str]:
    p = report.parameters
    out = [
        report.title or "(untitled chart)",
        f"{report.nodes} nodes, {report.edges} edges; engine: {p.get('engine')}; top {p.get('top')}",
    ]
    if report.reading:
        out.append(f"Reading: {report.reading}.")
    if report.scale:
        out.append(f"Scale: {report.scale}.")
    if report.weak_levels:
        out.append(
            f"Confidence: a finding marked * rests on ties below {p.get('firm')} "
            f"({', '.join(report.weak_levels)}, or a higher level whose sources' grades put it below: "
            "a tie is read at its probability); without them it does not hold as shown. "
            '"* rank 4-9 (tied) on firm ties" means: on the firm ties alone the actor would rank 4th to '
            "9th, sharing one value with the others in that span."
        )
    return out


def _findings(report: Report, *, markdown: bool = False) -> list[str]:
    """The Key findings block and what the graph cannot show, in plain words."""
    if not report.findings and not report.limits:
        return []
    out: list[str] = []
    if report.findings:
        out.append(
            "## Key findings" if markdown else "== Key findings (in plain words; each says what it rests on)"
        )
        out += [""] if markdown else []
        for i, f in enumerate(report.findings, start=1):
            if markdown:
                out.append(f"{i}. {f.text}  \n   *{f.caveat}*" if f.caveat else f"{i}. {f.text}")
            else:
                out += textwrap.wrap(f.text, 100, initial_indent=f"  {i}. ", subsequent_indent="     ")
                out += textwrap.wrap(f.caveat, 100, initial_indent="     ", subsequent_indent="     ")
    if report.limits:
        out += (
            ["", "### What this graph cannot show", ""]
            if markdown
            else ["", "== What this graph cannot show"]
        )
        for line in report.limits:
            if markdown:
                out.append(f"- {line}")
            else:
                out += textwrap.wrap(line, 100, initial_indent="  - ", subsequent_indent="    ")
    return out


def _role_glosses() -> str:
    return "; ".join(
        f"{r}: {GLOSSARY[r]}" for r in ("coordinator", "itinerant", "representative", "gatekeeper", "liaison")
    )


def _bridge_lines(report: Report) -> list[str]:
    """The text section's bridges: each with what it cuts off, its ties and their evidence."""
    out = [] if report.bridges else ["  none"]
    for b in report.bridges:
        small = b.smaller_side
        out.append(
            f"  {who(b.a, b.labels[0])} -- {who(b.b, b.labels[1])}: cuts off {len(small)} "
            f"node{'s' if len(small) != 1 else ''} ({_names(small)}) from the other {b.cut_off_from}"
            + (f"  * {b.note}" if b.note else "")
        )
        for t in b.ties:
            out.append(f"    [{t.id}] {t.from_id} {t.relation} {t.to_id} ({t.confidence})")
            for line in _item_words(t):
                out += textwrap.wrap(line, 100, initial_indent="      ", subsequent_indent="       ")
    return out


def _item_words(t: TieEvidence) -> list[str]:
    """Each evidence item of a tie in words: its quote, its source and Admiralty code
    (``"quote" (icg, B2)``; ``(icg, B2: no quote)`` for a source's unquoted report)."""
    out = []
    for it in t.items:
        cited = it.cited()
        if it.quote:
            out.append(f'"{it.quote}"' + (f" ({cited})" if cited else ""))
        elif cited:
            out.append(f"({cited}: no quote)")
    return out


def text(report: Report) -> str:
    """Aligned tables for a terminal, after the Key findings in plain words."""
    head = _header(report)
    found = _findings(report)
    out = head[:2] + (["", *found, ""] if found else []) + head[2:]
    out += sources_lines(report.sources)
    for r in report.rankings:
        out += ["", f"== {r.measure}: {r.description}"]
        ranked = _ranking_rows(report, r)
        out += [
            "  " + line
            for line in _table(_headers(["#", "node", "type", r.measure], ranked), ranked, right=[0, 3])
        ]
        rows = _type_rows(report, r)
        if rows:
            out += [f"  top {report.per_type_shown} of each type:"]
            out += ["    " + line for line in _table(["type", "nodes"], rows)]
    if "bridges" in report.sections:
        out += [
            "",
            f"== bridges: ties whose removal disconnects (undirected reading); {_bridges_shown(report)}",
        ]
        out += _bridge_lines(report)
    if "articulation_points" in report.sections:
        out += [
            "",
            f"== articulation points: nodes whose removal splits the network; "
            f"{_shown(len(report.articulation_points), report.articulation_points_total)}",
        ]
        if not report.articulation_points:
            out.append("  none")
        for c in report.articulation_points:
            out.append(
                f"  {who(c.node, c.label)} ({c.type}): cuts off {c.cut_off} "
                f"node{'s' if c.cut_off != 1 else ''} "
                f"in {len(c.components) - 1} piece{'s' if len(c.components) != 2 else ''} "
                f"from the other {len(c.components[0])}" + (f"  * {c.note}" if c.note else "")
            )
            out += [f"      {len(x)}: {_names(x)}" for x in c.components[1:]]
    if BROKERAGE in report.sections:
        part = report.parameters.get("partition", "type")
        out += ["", f"== brokerage (Gould-Fernandez, groups: {part}): top brokers per role"]
        rows = _broker_rows(report)
        out += (
            [
                "  " + line
                for line in _table(
                    _headers(["role", "broker", "group", "count", "expected", "z"], rows),
                    rows,
                    right=[3, 4, 5],
                )
            ]
            if rows
            else ["  none"]
        )
        out += ["  " + line for line in _broker_flags(report)]
        if rows:
            out += textwrap.wrap(
                "roles: " + _role_glosses() + "; z: " + GLOSSARY["z"],
                100,
                initial_indent="  ",
                subsequent_indent="  ",
            )
    if KEY_PLAYERS in report.sections:
        out += ["", "== key players (Borgatti 2006; undirected reading)"]
        out += ["  " + line for line in _key_player_lines(report)]
    if report.balance is not None:
        out += ["", "== structural balance (Cartwright & Harary; signed, undirected reading)"]
        out += ["  " + line for line in _balance_lines(report)]
    if report.disruption is not None:
        out += ["", "== disruption: the top broker removed, one at a time (betweenness, recomputed)"]
        out += ["  " + line for line in report.disruption.text().splitlines()[1:]]
    if report.how_sure:
        out += ["", "== how sure: the top nodes over random versions of the chart (Monte Carlo)"]
        for u in report.how_sure:
            out += ["  " + line for line in u.text().splitlines()]
    if report.claims:
        out += ["", "== either-or claims: one claim each, of which exactly one alternative holds"]
        for line in _claim_lines(report):
            out += textwrap.wrap(line, 100, initial_indent="  ", subsequent_indent="      ")
    if report.notes:
        out += ["", "== notes: what the text says that is not a tie (scenarios, conditions)"]
        for line in _note_lines(report):
            out += textwrap.wrap(line, 100, initial_indent="  ", subsequent_indent="      ")
    if report.over_time is not None:
        out += ["", f"== over time: {_over_time_heading(report)}"]
        out += ["  " + line for line in _over_time_rows(report, text=True)]
    if report.affiliations is not None:
        out += ["", "== affiliations: who shares most, which shared nodes tie the groups (every layer)"]
        out += ["  " + line for line in report.affiliations.text().splitlines()]
    return "\n".join(out) + "\n"


def _claim_lines(report: Report) -> list[str]:
    """Each either-or claim as one claim: its alternatives, how the measures read them, a quote."""
    out = []
    for c in report.claims:
        n = len(c.ties)
        read = (
            f"the measures read {'each' if c.read == n else f'{c.read} of them'} as a tie, "
            f"a weighted measure at 1/{n} of its weight"
            if c.read
            else "the measures read none of them"
        )
        out.append(f"{c.name} ({c.confidence}): {c.text}; exactly one holds, {read}")
        quotes = list(dict.fromkeys(t.evidence for t in c.ties if t.evidence))
        out += [f'  "{q}"' for q in quotes]
    if report.claims_total > len(report.claims):
        out.append(f"... and {report.claims_total - len(report.claims)} more")
    return out


def _note_lines(report: Report) -> list[str]:
    """Each note: what it is about, its text, and its quote and source where it has them."""
    out = []
    for n in report.notes:
        about = f"[{n.edge}] {n.about}" if n.edge else n.about
        out.append(f"{about}: {n.text}")
        if n.quote:
            out.append(f'  "{n.quote}"' + (f" ({n.source})" if n.source else ""))
        elif n.source:
            out.append(f"  ({n.source})")
    if report.notes_total > len(report.notes):
        out.append(f"... and {report.notes_total - len(report.notes)} more")
    return out


_UNDATED_WORDS = {
    "source": "an undated tie at its source's date, else throughout its actors' lifespans",
    "always": "an undated tie in force throughout its actors' lifespans",
    "never": "undated ties left out",
}


def _over_time_heading(report: Report) -> str:
    t = report.over_time
    assert t is not None
    cut = t.options.get("every")
    by = {"periods": "the declared periods", "year": "year", "month": "month"}.get(str(cut), f"{cut} windows")
    undated = _UNDATED_WORDS.get(str(t.options.get("undated", "source")), "")
    dated = f"; {t.dating.describe()}" if t.dating is not None else ""
    if t.declined:
        return f"normalised betweenness by period: not shown{dated}"
    return (
        f"normalised betweenness by {by}, on the ties in force and the actors active then ({undated}{dated})"
    )


def _over_time_rows(report: Report, *, text: bool) -> list[str]:
    t = report.over_time
    assert t is not None
    if t.declined:
        reason = t.declined[0].upper() + t.declined[1:] + "."
        return textwrap.wrap(reason, 100) if text else [reason]
    k = min(3, report.per_type_shown)
    rows = []
    for i, p in enumerate(t.periods):
        top = "; ".join(f"{t.ranks[i][v]}. {v} {s:.3g}" for v, s in t.top(i, k))
        rows.append([p.label, str(p.nodes), f"{p.ties} ({p.dated} dated)", top or "-"])
    headers = ["period", "actors", "ties read", f"top {k}"]
    if text:
        return _table(headers, rows, right=[1])
    return _md_table(headers, rows, right=[1])


def _md_bridges(report: Report) -> list[str]:
    """The Markdown table of bridges: each tie, what it cuts off, and its evidence."""
    if not report.bridges:
        return ["None."]
    rows = [
        [
            f"{who(b.a, b.labels[0])} -- {who(b.b, b.labels[1])}" + (f" (* {b.note})" if b.note else ""),
            f"{len(b.smaller_side)}: {_names(b.smaller_side)}",
            str(b.cut_off_from),
            "; ".join(
                f"[{t.id}] {t.from_id} {t.relation} {t.to_id} ({t.confidence}): " + " ".join(_item_words(t))
                for t in b.ties
            ),
        ]
        for b in report.bridges
    ]
    return _md_table(["tie", "cuts off", "from", "evidence"], rows, right=[2])


def _md_brokers(report: Report) -> list[str]:
    """The Markdown table of the top brokers per role, their flags and the roles' glosses."""
    rows = _broker_rows(report)
    if not rows:
        out = ["None."]
    else:
        headers = _headers(["role", "broker", "group", "count", "expected", "z"], rows)
        out = _md_table(headers, rows, right=[3, 4, 5])
    flags = _broker_flags(report)
    if flags:
        out += ["", *(f"- {line}" for line in flags)]
    if rows:
        out += ["", f"Roles: {_role_glosses()}. z: {GLOSSARY['z']}."]
    return out


def _md_disruption(disruption: Disruption) -> list[str]:
    """The Markdown table of a disruption curve, one row per step."""
    rows = [
        [str(r["step"]), r["removed"] or "(intact)", f"{r['fragmentation']:.3f}", f"{r['largest']:.3f}",
         f"{r['efficiency']:.3f}"]
        for r in disruption.table()
    ]  # fmt: skip
    return _md_table(["step", "removed", "fragmentation", "largest", "efficiency"], rows, right=[0, 2, 3, 4])


def _md_how_sure(u: RankUncertainty) -> list[str]:
    """One measure's How sure: what was drawn, and its table."""
    p = u.parameters
    out = [f"{u.measure}, {u.draws} draws ({p['model']} model, seed {p['seed']}). {u.explain()}", ""]
    rows = [
        [
            who(r["node"], r["label"]),
            _num(r["value"]),
            "-" if math.isnan(r["percentile"]) else f"{r['percentile']:.0f}",
            _num(r["median"]),
            f"{_num(r['interval'][0])} to {_num(r['interval'][1])}",
            rank_range(r),
            f"{r['p_top']:.2f}",
        ]
        for r in u.table()
    ]
    out += _md_table(
        ["node", "value", "value pct", "median", "90% interval", "rank 90%", f"P(top {u.top})"],
        rows,
        right=[1, 2, 3, 6],
    )
    return [*out, ""]


_UNESCAPED: Final = re.compile(r"(?<!\\)((?:\\\\)*)([<&]|\][(\[:])")
"""A ``<``, ``&`` or a link's ``](``, ``][`` or ``]:`` after an even number of backslashes
(none escapes it)."""


def _escaped(m: re.Match[str]) -> str:
    c = m.group(2)
    return m.group(1) + ("&lt;" if c == "<" else "&amp;" if c == "&" else "\\" + c)


def _no_html(text: str) -> str:
    """Markdown with no HTML and no links in it: every ``<`` (a tag's start), ``&`` (an
    entity's) and link bracket (``](``, ``][``, ``]:``) that no backslash escapes, escaped.
    The report's own markup uses none of them, so this reaches the data it quotes (labels,
    titles, quotes, source ids) wherever it stands, prose or table.

    >>> print(_no_html("<script>x</script> & [a](javascript:x) [IMT]"))
    &lt;script>x&lt;/script> &amp; [a\\](javascript:x) [IMT]
    """
    return _UNESCAPED.sub(_escaped, text)


def markdown(report: Report) -> str:
    """The same tables as Markdown (GitHub pipe tables), after the Key findings; no data
    text in it is read as HTML or a link (:func:`_no_html`)."""
    head = _header(report)
    found = _findings(report, markdown=True)
    out = [f"# {report.title or 'Untitled chart'}", "", head[1]]
    out += ["", *found] if found else []
    if head[2:]:
        out += ["", "  \n".join(head[2:])]
    out += sources_lines(report.sources, markdown=True)
    for r in report.rankings:
        out += ["", f"## {r.measure}", "", r.description, ""]
        rows = _ranking_rows(report, r)
        out += _md_table(_headers(["#", "node", "type", r.measure], rows), rows, right=[0, 3])
        rows = _type_rows(report, r)
        if rows:
            out += ["", f"Top {report.per_type_shown} of each type:", ""]
            out += _md_table(["type", "nodes"], rows)
    if "bridges" in report.sections:
        out += [
            "",
            "## Bridges",
            "",
            "Ties whose removal disconnects the network (undirected reading); "
            + _bridges_shown(report)
            + ".",
            "",
        ]
        out += _md_bridges(report)
    if "articulation_points" in report.sections:
        out += [
            "",
            "## Articulation points",
            "",
            "Nodes whose removal splits the network; "
            + _shown(len(report.articulation_points), report.articulation_points_total)
            + ".",
            "",
        ]
        rows = _cut_rows(report)
        out += (
            _md_table(
                _headers(["node", "type", "cuts off", "from", "pieces cut off"], rows), rows, right=[2, 3]
            )
            if rows
            else ["None."]
        )
    if BROKERAGE in report.sections:
        out += [
            "",
            "## Brokerage",
            "",
            f"Gould-Fernandez roles, groups: {report.parameters.get('partition', 'type')}.",
            "",
        ]
        out += _md_brokers(report)
    if KEY_PLAYERS in report.sections:
        out += ["", "## Key players", "", "Borgatti (2006), undirected reading.", ""]
        out += [f"- {line}" for line in _key_player_lines(report)]
    if report.balance is not None:
        out += ["", "## Structural balance", "", "Cartwright & Harary; signed, undirected reading.", ""]
        out += [f"- {line}" for line in _balance_lines(report)]
    if report.disruption is not None:
        out += [
            "",
            "## Disruption",
            "",
            "The top broker removed, one at a time (betweenness, recomputed).",
            "",
        ]
        out += _md_disruption(report.disruption)
    if report.how_sure:
        out += ["", "## How sure", ""]
        for u in report.how_sure:
            out += _md_how_sure(u)
    if report.claims:
        out += ["", "## Either-or claims", "", "One claim each, of which exactly one alternative holds.", ""]
        out += [f"- {line.strip()}" if not line.startswith("  ") else f"  > {line.strip()}"
                for line in _claim_lines(report)]  # fmt: skip
    if report.notes:
        out += ["", "## Notes", "", "What the text says that is not a tie (scenarios, conditions).", ""]
        out += [f"- {line.strip()}" if not line.startswith("  ") else f"  > {line.strip()}"
                for line in _note_lines(report)]  # fmt: skip
    if report.over_time is not None:
        out += ["", "## Over time", "", _over_time_heading(report).capitalize() + ".", ""]
        out += _over_time_rows(report, text=False)
    if report.affiliations is not None:
        out += [
            "",
            "## Affiliations",
            "",
            "Who shares most, which shared nodes tie the groups (every layer).",
            "",
        ]
        out += [f"- {_md_escape(line.strip())}" for line in report.affiliations.text().splitlines()]
    return _no_html("\n".join(out)) + "\n"
