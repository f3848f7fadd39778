"""Affiliation networks read back: what a projected tie rests on, and the meta-network at a glance.

A one-mode projection (:func:`~linkchart.analysis.one_mode.one_mode`) keeps, for every
projected tie, the affiliation ties it rests on: :func:`shared_affiliations` gives them
back with their evidence, :func:`projected_ties` lists the pairs with the probability
that they are tied at all. :func:`affiliations` shows a chart's classes (node classes,
:mod:`~linkchart.analysis.classes`) and, for each affiliation, who bridges it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..errors import LinkchartError
from ..model import Edge, LinkChart
from ..times import Span
from ..vocabulary import CLASSES
from .bridges import articulation_points
from .classes import Classes, classes
from .one_mode import _OneModeOrigin, one_mode
from .two_mode import two_mode

__all__ = [
    "AffiliationView",
    "Affiliations",
    "ProjectedTie",
    "SharedAffiliation",
    "affiliations",
    "projected_ties",
    "shared_affiliations",
]


# ---------------------------------------------------------------------------- reading it back
@dataclass(frozen=True, slots=True)
class SharedAffiliation:
    """One affiliation that two nodes of a projection share, with the ties it rests on.

    Attributes
    ----------
    via
        The id of the shared node (the meeting).
    edge
        The id of the projected edge that stands for it.
    first, second
        The original affiliation ties of the pair's two nodes (as asked for) to ``via``,
        with their evidence, confidence, time and source.
    time
        When the two shared it (``None``: undated).
    probability
        The probability that both affiliations hold.
    """

    via: str
    edge: str
    first: tuple[Edge, ...]
    second: tuple[Edge, ...]
    time: Span | None
    probability: float


def _origin(chart: LinkChart) -> _OneModeOrigin:
    origin = chart.derived_from
    if not isinstance(origin, _OneModeOrigin):
        raise LinkchartError(
            "this chart is not a one-mode projection made by linkchart.one_mode (a projection read "
            "back from a file keeps the ids of its ties in the edges' 'via_edges', not the ties)",
            code="bad-argument",
        )
    return origin


def shared_affiliations(chart: LinkChart, a: str, b: str) -> list[SharedAffiliation]:
    """What ``a`` and ``b`` share in a one-mode projection, each with its original ties.

    ``a`` and ``b`` may be ids, labels or aliases.

    Raises
    ------
    LinkchartError
        When ``chart`` was not made by :func:`one_mode` (or is not a view of such a chart).

    Examples
    --------
    >>> import linkchart
    >>> c = linkchart.from_records(
    ...     [{"id": x, "type": "person"} for x in "ab"] + [{"id": "m", "type": "event"}],
    ...     [{"from": "a", "relation": "attended", "to": "m", "evidence": "A came."},
    ...      {"from": "b", "relation": "attended", "to": "m", "evidence": "So did B."}])
    >>> [s] = shared_affiliations(one_mode(c, "person", "event"), "b", "a")
    >>> s.via, s.first[0].evidence, s.second[0].evidence
    ('m', 'So did B.', 'A came.')
    """
    origin = _origin(chart)
    parent = origin.chart
    a, b = chart.resolve(a), chart.resolve(b)
    out = []
    for e in chart.edges_between(a, b):
        ties = [parent.edge(k) for k in e.attributes.get("via_edges", ())]
        out.append(
            SharedAffiliation(
                str(e.attributes["via"]),
                e.id,
                tuple(t for t in ties if a in (t.from_id, t.to_id)),
                tuple(t for t in ties if b in (t.from_id, t.to_id)),
                e.time,
                e.probability,
            )
        )
    return out


@dataclass(frozen=True, slots=True)
class ProjectedTie:
    """A pair of a one-mode projection, its parallel edges taken together.

    Attributes
    ----------
    a, b
        The two node ids (in the projection's order).
    weight
        The pair's weight: the sum over its edges (the weighting asked for).
    via
        The shared nodes, in the order of the edges.
    probability
        The probability that the pair shares at least one of them,
        :math:`1 - \\prod_v (1 - p_{av} p_{bv})`.
    """

    a: str
    b: str
    weight: float
    via: tuple[str, ...]
    probability: float


def projected_ties(chart: LinkChart, top: int | None = None) -> list[ProjectedTie]:
    """The pairs of a one-mode projection, heaviest first (ties broken by the two ids).

    Reads the edges' ``via`` attribute, so it works on a projection read back from a file.

    Examples
    --------
    >>> import linkchart
    >>> c = linkchart.from_records(
    ...     [{"id": x, "type": "person"} for x in "abc"] + [{"id": m, "type": "event"} for m in ("m1", "m2")],
    ...     [{"from": x, "relation": "attended", "to": m} for x, m in
    ...      (("a", "m1"), ("b", "m1"), ("a", "m2"), ("b", "m2"), ("c", "m2"))])
    >>> [(t.a, t.b, t.weight, t.via) for t in projected_ties(one_mode(c, "person", "event"))]
    [('a', 'b', 2.0, ('m1', 'm2')), ('a', 'c', 1.0, ('m2',)), ('b', 'c', 1.0, ('m2',))]
    """
    if top is not None and (isinstance(top, bool) or not isinstance(top, int) or top < 0):
        raise LinkchartError(f"top must be a non-negative integer or None, not {top!r}", code="bad-argument")
    e = chart.edges
    via = e.attributes.get("via")
    if via is None:
        raise LinkchartError("this chart's edges carry no 'via': it is not a one-mode projection")
    ids = chart.nodes.ids
    pairs: dict[tuple[int, int], list[int]] = {}
    for k, (s, t) in enumerate(zip(e.src.tolist(), e.dst.tolist(), strict=True)):
        pairs.setdefault((min(s, t), max(s, t)), []).append(k)
    out = []
    for (s, t), rows in pairs.items():
        miss = float(np.prod(1.0 - e.probability[rows]))
        out.append(
            ProjectedTie(
                str(ids[s]),
                str(ids[t]),
                float(e.weight[rows].sum()),
                tuple(str(via[k]) for k in rows),
                1.0 - miss,
            )
        )
    out.sort(key=lambda x: (-round(x.weight, 12), x.a, x.b))
    return out if top is None else out[:top]


# ---------------------------------------------------------------------------- the meta-network at a glance
@dataclass(frozen=True, slots=True)
class AffiliationView:
    """The agents of a chart through one class of what they share (:func:`affiliations`).

    Attributes
    ----------
    onto, via
        The node types projected and shared (``("person",)``, ``("meeting",)``).
    relations
        The relations read as affiliations between them.
    ties
        How many affiliation ties there are.
    pairs
        The pairs that share the most (:class:`ProjectedTie`, ``weight`` = how many they share).
    bridges
        The shared nodes with the highest two-mode betweenness (Borgatti & Everett's
        normalisation): the meetings that tie otherwise separate groups, ``(id, value)``.
    cut
        Of those, the ones whose removal splits the two-mode network (``(id, agents cut
        off)``): without that meeting, some members share nothing with the rest.
    """

    onto: tuple[str, ...]
    via: tuple[str, ...]
    relations: tuple[str, ...]
    ties: int
    pairs: tuple[ProjectedTie, ...]
    bridges: tuple[tuple[str, float], ...]
    cut: tuple[tuple[str, int], ...]

    def text(self, labels: Mapping[str, str] | None = None) -> str:
        """Two or three lines: who shares most, which shared nodes bridge."""
        name = (labels or {}).get
        head = f"{' and '.join(self.onto)} through {' or '.join(self.via)}"
        head += f" ({', '.join(self.relations)}, {self.ties} ties)"

        def shared(t: ProjectedTie) -> str:
            more = ", ..." if len(t.via) > 4 else ""
            return f"{name(t.a, t.a)} - {name(t.b, t.b)} ({t.weight:g}: {', '.join(t.via[:4])}{more})"

        pairs = "; ".join(shared(t) for t in self.pairs)
        lines = [head, f"  share most: {pairs or 'no two share one'}"]
        if self.bridges:
            lines.append(
                "  tie the groups (two-mode betweenness): "
                + ", ".join(f"{name(v, v)} {value:.2f}" for v, value in self.bridges)
            )
        if self.cut:
            lines.append(
                "  without it, some share nothing with the rest: "
                + ", ".join(f"{name(v, v)} ({k} cut off)" for v, k in self.cut)
            )
        return "\n".join(lines) + "\n"


@dataclass(frozen=True, slots=True)
class Affiliations:
    """A meta-network at a glance (:func:`affiliations`): its classes, and the agents through
    each class they are affiliated with."""

    classes: Classes
    views: tuple[AffiliationView, ...]

    def text(self, labels: Mapping[str, str] | None = None) -> str:
        """The classes, then each view."""
        counts = ", ".join(f"{c} {n}" for c, n in self.classes.nodes.items())
        return f"classes: {counts}\n" + "".join(v.text(labels) for v in self.views)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready values."""
        return {
            "classes": self.classes.to_dict(),
            "views": [dataclasses.asdict(v) for v in self.views],
        }


def affiliations(chart: LinkChart, *, top: int = 3) -> Affiliations:
    """The agents of a meta-network through each other class they are affiliated with.

    For each class that agents are tied to (events, organisations, locations ...): the
    pairs of agents that share the most of it, the shared nodes that tie otherwise separate
    groups (two-mode betweenness, :func:`~linkchart.analysis.two_mode.two_mode`) and those
    without which some agents would share nothing with the rest. Affiliations are read on
    every layer, positive ties only, as :func:`one_mode` reads them.

    Examples
    --------
    >>> import linkchart
    >>> from linkchart import NodeType, Relation, Vocabulary
    >>> v = Vocabulary(node_types=(NodeType("person", node_class="agent"),
    ...     NodeType("meeting", node_class="event")), relations=(Relation("attended"),))
    >>> c = linkchart.from_records([{"id": x, "type": "person"} for x in "abc"]
    ...     + [{"id": m, "type": "meeting"} for m in ("m1", "m2")],
    ...     [{"from": x, "relation": "attended", "to": m} for x, m in
    ...      (("a", "m1"), ("b", "m1"), ("b", "m2"), ("c", "m2"))], vocabulary=v)
    >>> print(affiliations(c).text(), end="")
    classes: agent 3, event 2
    person through meeting (attended, 4 ties)
      share most: a - b (1: m1); b - c (1: m2)
      tie the groups (two-mode betweenness): m1 0.60, m2 0.60
      without it, some share nothing with the rest: m1 (1 cut off), m2 (1 cut off)
    """
    k = classes(chart)
    agents = k.types("agent")
    views: list[AffiliationView] = []
    if not agents:
        return Affiliations(k, ())
    agent_set = set(agents)
    others: dict[str, set[str]] = {}  # class -> its node types tied to agents
    relations: dict[str, set[str]] = {}
    counts: dict[str, int] = {}
    for tie in k.affiliations:
        a, b = tie.classes
        if "agent" not in (a, b):
            continue
        other_class = b if a == "agent" else a
        other_type = tie.node_types[1] if tie.node_types[0] in agent_set else tie.node_types[0]
        counts.setdefault(other_class, 0)
        others.setdefault(other_class, set()).add(other_type)
        relations.setdefault(other_class, set()).add(tie.relation)
        counts[other_class] += tie.edges
    order = chart.vocabulary.node_type_names
    for c in CLASSES:
        if c not in others:
            continue
        via = tuple(t for t in order if t in others[c])
        rels = tuple(r for r in chart.vocabulary.relation_names if r in relations[c])
        projection = one_mode(chart, agents, via, relations=rels)
        pairs = tuple(projected_ties(projection, top))
        scores = two_mode(chart, "betweenness", first=agents, second=via, relations=rels)
        ranked = [(n, v) for n, v in scores.top(None) if scores.chart.node_type_of(n) in via and v > 0]
        view = scores.chart
        cuts = []
        for point in articulation_points(view, layers="all", directed=False):
            if view.node_type_of(point.node_id) in via:
                smaller = point.components[1:]  # largest first: the rest is what it cuts off
                cut_off = sum(1 for part in smaller for n in part if view.node_type_of(n) in agent_set)
                if cut_off:
                    cuts.append((point.node_id, cut_off))
        cuts.sort(key=lambda x: (-x[1], x[0]))
        views.append(
            AffiliationView(agents, via, rels, counts[c], pairs, tuple(ranked[:top]), tuple(cuts[:top]))
        )
    return Affiliations(k, tuple(views))
