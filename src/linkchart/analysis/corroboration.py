"""Corroboration: which sources each tie, actor and finding rests on, and which parallel edges
look like one claim reported by several sources.

A tie's probability already combines its sources (:mod:`linkchart.model.support`: items
of one source by their maximum, sources by noisy-OR). This module answers the questions
an analyst asks of the result: *does this finding rest on one source?*
(:func:`sources_behind`, :func:`one_source`) and *which of my parallel edges are one
claim that I could write as one edge with an evidence list?* (:func:`same_claims`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from ..model import LinkChart

__all__ = ["SameClaim", "one_source", "same_claims", "sources_behind"]


def sources_behind(chart: LinkChart, rows: Iterable[int]) -> Counter[int]:
    """The sources the edges ``rows`` rest on: source code -> how many of them it supports
    (``-1``: ties with no source). An edge with an evidence list counts under each of its
    items' sources, once per source.

    Examples
    --------
    >>> import linkchart
    >>> c = linkchart.from_records([{"id": x, "type": "person"} for x in "abc"],
    ...     [{"from": "a", "relation": "knows", "to": "b", "evidence": [
    ...         {"quote": "x", "source": "s1"}, {"quote": "y", "source": "s2"}]},
    ...      {"from": "b", "relation": "knows", "to": "c", "source": "s1"}],
    ...     sources=[{"id": "s1"}, {"id": "s2"}])
    >>> sorted(sources_behind(c, [0, 1]).items())
    [(0, 2), (1, 1)]
    """
    support = chart.support()
    wanted = np.zeros(chart.number_of_edges, dtype=bool)
    wanted[list(rows)] = True
    return Counter(support.source[wanted[support.row]].tolist())


def one_source(chart: LinkChart, *, relations: Sequence[str] | None = None) -> dict[str, str | None]:
    """The actors whose every tie rests on one and the same source: node id -> that source's id
    (``None``: every tie of the node cites no source). Actors with ties from two sources or
    more, and actors with no tie, are left out.

    ``relations`` (default: every relation) are the ties looked at — the ties a measure
    reads, for a report. A finding about such an actor rests on one source: losing it
    (``rank_uncertainty(model="sources")``) loses every tie the finding counts.

    Examples
    --------
    >>> import linkchart
    >>> c = linkchart.from_records([{"id": x, "type": "person"} for x in "abc"],
    ...     [{"from": "a", "relation": "knows", "to": "b", "source": "s1"},
    ...      {"from": "b", "relation": "knows", "to": "c", "source": "s2"}],
    ...     sources=[{"id": "s1"}, {"id": "s2"}])
    >>> one_source(c)
    {'a': 's1', 'c': 's2'}
    """
    e = chart.edges
    support = chart.support()
    if relations is None:
        read = np.ones(len(e), dtype=bool)
    else:
        names = chart.vocabulary.relation_names
        read = np.isin(e.relation, [names.index(r) for r in relations if r in names])
    mine = read[support.row]
    row, code = support.row[mine], support.source[mine]
    seen: dict[int, set[int]] = {}
    for ends in (e.src, e.dst):
        for node, c in zip(ends[row].tolist(), code.tolist(), strict=True):
            seen.setdefault(node, set()).add(c)
    ids = chart.node_ids
    out: dict[str, str | None] = {}
    for node in sorted(seen):
        codes = seen[node]
        if len(codes) == 1:
            c = next(iter(codes))
            out[ids[node]] = chart.sources[c].id if c >= 0 else None
    return out


@dataclass(frozen=True, slots=True)
class SameClaim:
    """Parallel edges that look like one claim from several sources: the same relation
    between the same two actors (either way, for an undirected relation), none of them an
    alternative of an either-or claim, citing different sources. They can be written as one
    edge with an evidence list, so that their sources corroborate one tie.

    Attributes
    ----------
    edges
        Their edge ids, in file order.
    sources
        The sources they cite, in the order first cited (``None``: no source).
    """

    edges: tuple[str, ...]
    sources: tuple[str | None, ...]


def same_claims(chart: LinkChart) -> list[SameClaim]:
    """Groups of parallel edges that look like one claim reported by several sources.

    Edges are grouped by relation and ends (unordered for an undirected relation); a group
    is listed when it has two edges or more and they cite at least two different sources
    (counting an evidence list's sources). Edges of an either-or claim are left out: an
    alternative is not a report of a tie. Nothing is changed: writing a group as one edge
    with an evidence list is the analyst's decision.

    Examples
    --------
    >>> import linkchart
    >>> c = linkchart.from_records([{"id": x, "type": "person"} for x in "ab"],
    ...     [{"from": "a", "relation": "knows", "to": "b", "source": "icg"},
    ...      {"from": "b", "relation": "knows", "to": "a", "source": "court"}],
    ...     sources=[{"id": "icg"}, {"id": "court"}],
    ...     vocabulary=linkchart.Vocabulary(relations=(linkchart.Relation("knows", directed=False),)))
    >>> same_claims(c)
    [SameClaim(edges=('e0', 'e1'), sources=('icg', 'court'))]
    """
    e = chart.edges
    directed = np.asarray([r.directed for r in chart.vocabulary.relations], dtype=bool)
    src, dst = e.src.astype(np.int64), e.dst.astype(np.int64)
    undirected = ~directed[e.relation] if len(directed) else np.zeros(len(e), dtype=bool)
    lo = np.where(undirected, np.minimum(src, dst), src)
    hi = np.where(undirected, np.maximum(src, dst), dst)
    plain = chart.alternatives().group < 0
    groups: dict[tuple[int, int, int], list[int]] = {}
    for k in np.flatnonzero(plain).tolist():
        groups.setdefault((int(e.relation[k]), int(lo[k]), int(hi[k])), []).append(k)
    support = chart.support()
    by_row: dict[int, list[int]] = {}
    for r, c in zip(support.row.tolist(), support.source.tolist(), strict=True):
        by_row.setdefault(r, []).append(c)
    out: list[SameClaim] = []
    for rows in groups.values():
        if len(rows) < 2:
            continue
        codes = list(dict.fromkeys(c for r in rows for c in by_row.get(r, [])))
        if len(codes) < 2:
            continue
        out.append(
            SameClaim(
                tuple(e.id_of(r) for r in rows),
                tuple(chart.sources[c].id if c >= 0 else None for c in codes),
            )
        )
    return out  # in the order of each group's first edge
