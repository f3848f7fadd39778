"""The page's projection view: the actors of a meta-network tied through what they share.

A chart with nodes of two classes or more (:func:`~linkchart.analysis.classes.classes`)
gets a toggle on its page that shows the one-mode projection — actor x actor through
shared events, organisations, places — instead of the affiliation ties. The projection
is :func:`~linkchart.analysis.one_mode.one_mode`, computed here when the page is built
(never in the browser); the page carries it as one view: per projected pair its two
ends, weight (the number of shared affiliations), probability, and each shared node
with the page's edge rows of the affiliation ties it rests on, so that the tie panel
shows their evidence. A chart of one class (or none) carries no view: its page is the
page it always was.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

import numpy as np

from ..analysis.classes import classes, side_codes
from ..analysis.one_mode import one_mode
from ..vocabulary import CLASSES
from .numbers import rounded

if TYPE_CHECKING:
    from ..model import LinkChart

__all__ = ["MAX_PROJECTED_EDGES", "MAX_PROJECTED_PAIRS", "projection_view"]

MAX_PROJECTED_PAIRS: Final = 20_000
"""Above this many projected pairs the page carries no projection, only the reason
(:func:`linkchart.one_mode` makes it in Python, with no such limit)."""

MAX_PROJECTED_EDGES: Final = 500_000
"""Above this many projected edges (pairs times shared nodes, counted before projecting: one
meeting of 1,000 makes 499,500) the page does not project at all, and says so."""


def _edges_bound(chart: LinkChart, onto: str, via: tuple[str, ...]) -> int:
    """How many edges the projection would have at most: :math:`\\sum_v k_v (k_v - 1) / 2` over the
    ``via`` nodes, :math:`k_v` the distinct ``onto`` nodes tied to ``v`` (any relation, any time)."""
    n_types = len(chart.vocabulary.node_types)
    is_onto = np.zeros(n_types, dtype=bool)
    is_onto[list(side_codes(chart, onto, "onto"))] = True
    is_via = np.zeros(n_types, dtype=bool)
    is_via[list(side_codes(chart, via, "via"))] = True
    e = chart.edges
    t_src, t_dst = chart.nodes.type[e.src], chart.nodes.type[e.dst]
    forward = is_onto[t_src] & is_via[t_dst]
    backward = is_via[t_src] & is_onto[t_dst]
    member = np.where(forward, e.src, e.dst)[forward | backward].astype(np.int64)
    shared = np.where(forward, e.dst, e.src)[forward | backward].astype(np.int64)
    pairs = np.unique(shared * max(chart.number_of_nodes, 1) + member)
    k = np.bincount(pairs // max(chart.number_of_nodes, 1))
    return int((k * (k - 1) // 2).sum())


def _sides(chart: LinkChart) -> tuple[str, tuple[str, ...]] | None:
    """The class projected (agents where there are any, else the first class of
    :data:`~linkchart.vocabulary.CLASSES` present) and the classes it is projected through
    (every other class present); ``None`` for a chart of fewer than two classes."""
    present = classes(chart).nodes
    if len(present) < 2:
        return None
    onto = next(c for c in CLASSES if c in present)
    return onto, tuple(c for c in present if c != onto)


def _declined(onto: str, via: tuple[str, ...], why: str) -> dict[str, Any]:
    """A view without ties, and why."""
    return {
        "onto": onto,
        "via": list(via),
        "relation": "",
        "weighting": "shared",
        "nodes": [],
        "ties": [],
        "declined": f"{why}; linkchart one-mode FILE --onto {onto} --via {' '.join(via)} makes it as a chart",
    }


def projection_view(chart: LinkChart) -> dict[str, Any] | None:
    """The projection the page's toggle shows, as JSON-ready data; ``None`` for a chart of
    fewer than two classes.

    Returns
    -------
    dict or None
        ``onto`` (the class projected), ``via`` (the classes shared), ``relation`` (the
        projected relation's name), ``weighting`` (``"shared"``), ``nodes`` (the page rows
        of the projected actors), and ``ties``: per pair ``{"from", "to"`` (page rows),
        ``"weight"`` (shared affiliations), ``"probability"`` (that they share at least one,
        :class:`~linkchart.analysis.affiliation.ProjectedTie`), ``"via": [[row, [edge rows]],
        ...]}`` (each shared node and the affiliation ties of both ends), heaviest first; or,
        above :data:`MAX_PROJECTED_EDGES` edges (counted before projecting) or
        :data:`MAX_PROJECTED_PAIRS` pairs, ``"declined"`` with the reason and no ties.

    Examples
    --------
    >>> import linkchart
    >>> v = linkchart.Vocabulary(node_types=(linkchart.NodeType("person", node_class="agent"),
    ...     linkchart.NodeType("meeting", node_class="event")), relations=(linkchart.Relation("attended"),))
    >>> c = linkchart.from_records(
    ...     [{"id": x, "type": "person"} for x in "ab"] + [{"id": "m", "type": "meeting"}],
    ...     [{"from": x, "relation": "attended", "to": "m"} for x in "ab"], vocabulary=v)
    >>> view = projection_view(c)
    >>> view["onto"], view["via"], view["ties"]
    ('agent', ['event'], [{'from': 0, 'to': 1, 'weight': 1.0, 'probability': 0.9025, 'via': [[2, [0, 1]]]}])
    """
    sides = _sides(chart)
    if sides is None:
        return None
    onto, via = sides
    bound = _edges_bound(chart, onto, via)
    if bound > MAX_PROJECTED_EDGES:
        return _declined(
            onto,
            via,
            f"up to {bound:,} projected edges, more than the page projects ({MAX_PROJECTED_EDGES:,})",
        )
    projected = one_mode(chart, onto, via)
    row = {nid: i for i, nid in enumerate(chart.node_ids)}
    edge_row = {eid: k for k, eid in enumerate(chart.edges.ids)}
    ids = projected.nodes.ids.tolist()
    e = projected.edges
    view: dict[str, Any] = {
        "onto": onto,
        "via": list(via),
        "relation": projected.vocabulary.relation_names[0],
        "weighting": "shared",
        "nodes": [row[x] for x in ids],
    }
    lo = np.minimum(e.src, e.dst).astype(np.int64)
    hi = np.maximum(e.src, e.dst).astype(np.int64)
    pair = lo * max(len(ids), 1) + hi
    keys, first = np.unique(pair, return_index=True)
    if len(keys) > MAX_PROJECTED_PAIRS:
        return {
            **view,
            **_declined(
                onto,
                via,
                f"{len(keys):,} projected pairs, more than the page draws ({MAX_PROJECTED_PAIRS:,})",
            ),
        }
    via_col = e.attributes["via"].tolist()
    via_edges = e.attributes["via_edges"].tolist()
    by_pair: dict[int, list[int]] = {}
    for k, key in enumerate(pair.tolist()):
        by_pair.setdefault(key, []).append(k)
    ties: list[tuple[float, dict[str, Any]]] = []
    for key, k0 in zip(keys.tolist(), first.tolist(), strict=True):
        rows = by_pair[key]
        miss = float(np.prod(1.0 - e.probability[rows]))
        weight = float(e.weight[rows].sum())
        tie = {
            "from": row[ids[int(lo[k0])]],
            "to": row[ids[int(hi[k0])]],
            "weight": rounded(weight),
            "probability": rounded(1.0 - miss),
            "via": [[row[via_col[k]], sorted(edge_row[x] for x in via_edges[k])] for k in rows],
        }
        ties.append((-weight, tie))
    ties.sort(key=lambda t: (t[0], t[1]["from"], t[1]["to"]))
    view["ties"] = [t for _, t in ties]
    return view
