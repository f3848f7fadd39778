"""The page's diff view: chart ``b`` drawn with what changed since an earlier chart ``a``.

:func:`linkchart.diff` computes the changes once (:class:`~linkchart.analysis.diff.Diff`);
this module only presents them on the page of ``b`` (:func:`mark_diff`). The page draws
``b`` as it always does, and:

- a node or tie only ``b`` has is *added*: a thick bluish-green border (a tie: bluish green
  and wider) and a ``+`` badge;
- one in both whose fields differ is *changed*: a thick orange, dashed border (a tie:
  orange) and a ``~`` badge;
- what ``a`` had and ``b`` lost is drawn as a ghost, *removed*: grey, faded, dotted, with a
  ``-`` badge; a removed node stands near the nodes it was tied to, with its label, type
  and every tie it had in ``a``.

Colour is never the only cue: the badges, widths and dash patterns tell the kinds apart
(the colours are Okabe and Ito's, told apart in the common colour-vision deficiencies),
and the legend and the panels say ``+``, ``~``, ``-`` in words. Every string from either
chart travels as JSON text and is shown as text.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final

from ..analysis.diff import Change, Diff, diff
from ..analysis.findings import Findings
from ..errors import LinkchartError
from .numbers import rounded

if TYPE_CHECKING:
    from ..model import LinkChart

__all__ = [
    "ADDED_COLOR",
    "CHANGED_COLOR",
    "REMOVED_COLOR",
    "Compared",
    "compared",
    "mark_diff",
]

ADDED_COLOR: Final = "#009E73"
"""An added node's border and an added tie (Okabe-Ito bluish green)."""
CHANGED_COLOR: Final = "#E69F00"
"""A changed node's border and a changed tie (Okabe-Ito orange)."""
REMOVED_COLOR: Final = "#8C8C8C"
"""What the earlier chart had and this one lost, drawn as a ghost (grey)."""

_REMOVED_FILL: Final = "#EDEDED"
_MARK_BORDER: Final = 5
_CHANGED_DASHES: Final = [6, 4]
_REMOVED_DASHES: Final = [2, 5]
_GHOST_SHAPES: Final = frozenset({"dot", "square", "triangle", "triangleDown", "diamond", "star", "hexagon"})
_GOLDEN: Final = math.pi * (3 - math.sqrt(5))


@dataclass(frozen=True, slots=True)
class Compared:
    """An earlier chart and what changed from it to the chart a page draws.

    Attributes
    ----------
    before
        The earlier chart (``a`` of :func:`linkchart.diff`).
    diff
        ``linkchart.diff(before, after)``, computed once.
    """

    before: LinkChart
    diff: Diff


def compared(before: LinkChart, after: LinkChart | Findings, found: Diff | None = None) -> Compared:
    """``before`` with the changes from it to ``after`` (a chart, or the findings of the page's
    analysis of it, whose scores the ranks reuse): ``found`` when given (computed once, e.g. by
    ``linkchart diff``), else :func:`linkchart.diff` ``(before, after)``.

    Raises
    ------
    LinkchartError
        When ``before`` is not a chart, or ``found`` is not a :class:`~linkchart.analysis.diff.Diff`.
    """
    from ..model import LinkChart

    if not isinstance(before, LinkChart):
        raise LinkchartError(f"diff_against takes the earlier chart, not {type(before).__name__}")
    if found is None:  # on findings, the ranks compare the scores they hold, by their registry
        found = (
            diff(before, after, registry=after.spec.registry)
            if isinstance(after, Findings)
            else diff(before, after)
        )
    elif not isinstance(found, Diff):
        raise LinkchartError(f"diff takes what linkchart.diff returns, not {type(found).__name__}")
    return Compared(before, found)


def _text(value: Any) -> str:
    """A field's value, as records hold it, in words (``""`` for none)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, Mapping):
        return "; ".join(f"{k}: {_text(v)}" for k, v in value.items())
    if isinstance(value, list | tuple):
        return ", ".join(_text(v) for v in value)
    return str(value)


def _items(evidence: Any) -> list[dict[str, Any]]:
    """An edge's evidence as items: a string is one item with the edge's source."""
    if isinstance(evidence, list):
        return [dict(it) for it in evidence]
    return [{"quote": evidence}] if evidence else []


def _item_text(item: Mapping[str, Any]) -> list[str]:
    """``[quote, what else the item says]``."""
    more = [f"{k} {_text(item[k])}" for k in ("source", "confidence", "credibility", "time") if item.get(k)]
    return [str(item.get("quote") or ""), ", ".join(more)]


def _count(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def _rows(changes: Sequence[Change]) -> list[list[str]]:
    """The changes as ``[field, before, after]`` texts (evidence: how many items, before and
    after; :attr:`~linkchart.analysis.diff.EdgeChange.items_added` says which)."""
    return [
        ["evidence", _count(len(c.a), "item"), _count(len(c.b), "item")]
        if c.field == "evidence"
        else [c.field, _text(c.a), _text(c.b)]
        for c in changes
    ]


class _Taken:
    """Points on a grid of cells ``step`` wide, to find quickly whether a spot is free."""

    def __init__(self, step: float) -> None:
        self.step = step
        self.cells: dict[tuple[int, int], list[tuple[float, float]]] = {}

    def add(self, p: tuple[float, float]) -> None:
        self.cells.setdefault((int(p[0] // self.step), int(p[1] // self.step)), []).append(p)

    def free(self, x: float, y: float) -> bool:
        cx, cy, d2 = int(x // self.step), int(y // self.step), self.step * self.step
        return all(
            (x - qx) ** 2 + (y - qy) ** 2 >= d2
            for dx in (-1, 0, 1)
            for dy in (-1, 0, 1)
            for qx, qy in self.cells.get((cx + dx, cy + dy), ())
        )

    def spot(self, centre: tuple[float, float]) -> tuple[float, float]:
        """The first point of a golden-angle spiral around ``centre`` at least ``step`` from every
        point taken (its 200th point when none is), taken in turn."""
        for t in range(1, 201):
            r = self.step * math.sqrt(t)
            x, y = centre[0] + r * math.cos(_GOLDEN * t), centre[1] + r * math.sin(_GOLDEN * t)
            if self.free(x, y):
                break
        p = (round(x, 1), round(y, 1))
        self.add(p)
        return p


def _ghost_positions(
    removed: Sequence[str], ties: Mapping[str, list[str]], at: Mapping[str, tuple[float, float]], size: float
) -> dict[str, tuple[float, float]]:
    """Where each removed node is drawn (``size``: the room a node takes): at the free spot
    nearest the mean of the nodes it was tied to, placed in rounds so that a chain of removed
    nodes follows its drawn end; a removed node tied to nothing drawn goes on a row under the chart."""
    placed = dict(at)
    step = 3.0 * size
    taken = _Taken(step)
    for p in at.values():
        taken.add(p)
    out: dict[str, tuple[float, float]] = {}
    waiting = list(removed)
    while waiting:
        left = []
        for nid in waiting:
            near = [placed[x] for x in ties.get(nid, ()) if x in placed]
            if not near:
                left.append(nid)
                continue
            centre = (sum(p[0] for p in near) / len(near), sum(p[1] for p in near) / len(near))
            out[nid] = placed[nid] = taken.spot(centre)
        if len(left) == len(waiting):
            break
        waiting = left
    xs = [p[0] for p in at.values()] or [0.0]
    ys = [p[1] for p in at.values()] or [0.0]
    for j, nid in enumerate(waiting):
        out[nid] = (round(min(xs) + j * step, 1), round(max(ys) + 2 * step, 1))
    return out


def _source_name(chart: LinkChart, source: str | None) -> str:
    """A source's title (else its id) in ``chart``, ``""`` for none."""
    if source is None:
        return ""
    found = next((s for s in chart.sources if s.id == source), None)
    return found.title or source if found is not None else source


def _mark_node(item: dict[str, Any], fill: str, color: str, dashes: list[int] | None) -> None:
    chosen = {"background": fill, "border": "#111111"}
    item["color"] = {"background": fill, "border": color, "highlight": chosen, "hover": chosen}
    item["borderWidth"] = _MARK_BORDER
    if dashes is not None:
        item["shapeProperties"] = {"borderDashes": dashes}


def _mark_edge(item: dict[str, Any], color: str, width: float) -> None:
    item["color"] = {**item["color"], "color": color}
    item["width"] = max(float(item["width"]), width)


def _rank_moves(found: Diff) -> list[dict[str, Any]]:
    return [
        {
            "measure": r.measure,
            "moves": [[m.node, m.rank_a, m.rank_b, rounded(m.value_a), rounded(m.value_b)] for m in r.moves],
        }
        for r in found.ranks
    ]


def _vocabulary_row(vocab: Mapping[str, Any], key: str, name: str, extra: Mapping[str, Any]) -> int:
    """The code of ``name`` in the page's vocabulary list ``key``, appended when the page lacks it."""
    names = [x["name"] for x in vocab[key]]
    if name in names:
        return names.index(name)
    vocab[key].append({"name": name, **extra})
    return len(vocab[key]) - 1


def mark_diff(payload: dict[str, Any], changes: Compared) -> None:
    """Mark ``payload`` (a chart's page, :func:`~linkchart.render.payload.page_payload`)
    with what changed since ``changes.before``, and add the ``"diff"`` view the page script draws.

    Added and changed nodes and ties of the chart get their look in the payload's vis-network
    items; the removed ones (of ``before``) travel in ``payload["diff"]``: each removed node
    with its label, type, aliases and position (page row ``N + j``), each removed tie with its
    ends (page rows), relation, confidence, time, source and evidence. A summary view draws a
    part of the chart: what changed outside it is counted (``"left_out"``), not drawn.

    Examples
    --------
    >>> import linkchart
    >>> from linkchart.render.payload import page_payload
    >>> people = [{"id": x, "type": "person"} for x in "abcd"]
    >>> a = linkchart.from_records(people[:3], [{"from": "a", "relation": "knows", "to": "b"}])
    >>> b = linkchart.from_records(people[:2] + people[3:], [{"from": "a", "relation": "knows", "to": "d"}])
    >>> page = page_payload(b, linkchart.page_spec(draws=None))
    >>> mark_diff(page, compared(a, b, linkchart.diff(a, b, measures=())))
    >>> d = page["diff"]  # page rows: node 2 (d) and edge 0 (a-d) added
    >>> d["nodes"], d["edges"], [g["id"] for g in d["removed_nodes"]]
    ({'2': '+'}, {'0': '+'}, ['c'])
    >>> [r["claim"] for r in d["removed_edges"]]
    ['a ->knows-> b']
    """
    # long: one pass over each kind of change, each a few lines
    found, before = changes.diff, changes.before
    row = {nid: i for i, nid in enumerate(payload["node"]["ids"])}
    edge_row = {eid: k for k, eid in enumerate(payload["edge"]["ids"])}
    nodes, edges, vocab = payload["nodes"], payload["edges"], payload["vocabulary"]
    n = len(nodes)
    left_out = 0

    def fill(i: int) -> str:
        item = nodes[i]
        if "color" in item:
            return str(item["color"]["background"])
        return str(vocab["node_types"][int(item["group"][1:])]["color"])

    node_marks: dict[str, str] = {}
    for nid in found.nodes_added:
        if nid in row:
            _mark_node(nodes[row[nid]], fill(row[nid]), ADDED_COLOR, None)
            node_marks[str(row[nid])] = "+"
        else:
            left_out += 1
    node_changes: dict[str, list[list[str]]] = {}
    for nc in found.nodes_changed:
        if nc.id in row:
            _mark_node(nodes[row[nc.id]], fill(row[nc.id]), CHANGED_COLOR, _CHANGED_DASHES)
            node_marks[str(row[nc.id])] = "~"
            node_changes[str(row[nc.id])] = _rows(nc.changes)
        else:
            left_out += 1
    edge_marks: dict[str, str] = {}
    for eid in found.edges_added:
        if eid in edge_row:
            _mark_edge(edges[edge_row[eid]], ADDED_COLOR, 4.0)
            edge_marks[str(edge_row[eid])] = "+"
        else:
            left_out += 1
    a_edges = before.edges
    a_edge_row = {eid: k for k, eid in enumerate(a_edges.ids)}
    probability_b = payload["edge"]["probability"]
    edge_changes: dict[str, dict[str, Any]] = {}
    for ec in found.edges_changed:
        if ec.b not in edge_row:
            left_out += 1
            continue
        k = edge_row[ec.b]
        _mark_edge(edges[k], CHANGED_COLOR, 3.5)
        edge_marks[str(k)] = "~"
        rows = [r for r in _rows(ec.changes) if r[0] != "probability"]  # shown as the page rounds it
        p_a = rounded(float(a_edges.probability[a_edge_row[ec.a]]))
        if p_a != probability_b[k]:
            rows.append(["probability", _text(p_a), _text(probability_b[k])])
        edge_changes[str(k)] = {
            "a": ec.a,
            "changes": rows,
            "items_added": [_item_text(x) for x in ec.items_added],
            "items_removed": [_item_text(x) for x in ec.items_removed],
        }

    # the ghosts: what a had and b lost
    a_nodes, a_ties = before.to_records()
    a_node = {r["id"]: r for r in a_nodes}
    removed_edges = [a_ties[a_edge_row[eid]] for eid in found.edges_removed]
    ties: dict[str, list[str]] = {}
    for r in removed_edges:
        ties.setdefault(r["from"], []).append(r["to"])
        ties.setdefault(r["to"], []).append(r["from"])
    at = {nid: (float(nodes[i]["x"]), float(nodes[i]["y"])) for nid, i in row.items()}
    size = min((float(x["size"]) for x in nodes), default=10.0)
    spacing = min(max((float(x["size"]) for x in nodes), default=10.0), 40.0)
    where = _ghost_positions(found.nodes_removed, ties, at, max(size, spacing, 10.0))
    relations = {r.name: r for r in before.vocabulary.relations}
    from ..style import node_styles

    a_styles = node_styles(before.vocabulary)
    ghost_row: dict[str, int] = {}
    ghost_nodes = []
    for j, nid in enumerate(found.nodes_removed):
        r = a_node[nid]
        ghost_row[nid] = n + j
        shape = a_styles[r["type"]].shape
        ghost_nodes.append(
            {
                "id": nid,
                "label": r["label"] or nid,
                "type": _vocabulary_row(vocab, "node_types", r["type"], {
                    "description": "", "color": a_styles[r["type"]].color, "shape": shape, "class": None}),
                "aliases": list(r["aliases"] or ()),
                "attributes": [[str(k), _text(v)] for k, v in sorted((r["attributes"] or {}).items())],
                "item": {
                    "id": n + j, "x": where[nid][0], "y": where[nid][1], "size": max(size, 10.0),
                    "shape": shape if shape in _GHOST_SHAPES else "dot", "opacity": 0.55, "borderWidth": 2,
                    "shapeProperties": {"borderDashes": _REMOVED_DASHES},
                    "color": {"background": _REMOVED_FILL, "border": REMOVED_COLOR,
                              "highlight": {"background": _REMOVED_FILL, "border": "#111111"},
                              "hover": {"background": _REMOVED_FILL, "border": "#111111"}},
                },
            }
        )  # fmt: skip
    levels = {name: code for code, name in enumerate(x["name"] for x in vocab["confidence"])}
    ghost_edges = []
    for r in removed_edges:
        ends = [row.get(r["from"], ghost_row.get(r["from"])), row.get(r["to"], ghost_row.get(r["to"]))]
        if ends[0] is None or ends[1] is None:
            left_out += 1
            continue
        rel = relations[r["relation"]]
        ghost_edges.append(
            {
                "id": r["id"],
                "from": ends[0],
                "to": ends[1],
                "relation": _vocabulary_row(vocab, "relations", r["relation"], {
                    "description": rel.description, "color": REMOVED_COLOR, "directed": rel.directed,
                    "negative": rel.negative, "neutral": rel.neutral, "read": rel.read, "layer": 0}),
                "confidence": levels.get(r["confidence"], len(levels) - 1),
                "confidence_name": r["confidence"],
                "probability": rounded(float(a_edges.probability[a_edge_row[r["id"]]])),
                "time": _text(r["time"]),
                "source": _source_name(before, r["source"]),
                "evidence": [_item_text(it) for it in _items(r["evidence"])],
                "claim": found.claims.get("-" + r["id"], ""),
                "arrows": "to" if rel.directed and not rel.negative else None,
            }
        )  # fmt: skip
    payload["diff"] = {
        "before": before.title,
        "counts": found.counts(),
        "nodes": node_marks,
        "edges": edge_marks,
        "node_changes": node_changes,
        "edge_changes": edge_changes,
        "removed_nodes": ghost_nodes,
        "removed_edges": ghost_edges,
        "left_out": left_out,
        "ranks": _rank_moves(found),
        "top": found.top,
        "notes": [
            *(f"source {s} added" for s in found.sources_added),
            *(f"source {s} removed" for s in found.sources_removed),
            *(f"source {s} changed" for s in found.sources_changed),
            *found.vocabulary,
        ],
        "colors": {"added": ADDED_COLOR, "changed": CHANGED_COLOR, "removed": REMOVED_COLOR},
        "dashes": {"changed": _CHANGED_DASHES, "removed": _REMOVED_DASHES},
    }
