"""Merging two charts into one (:func:`merge`, and :func:`merge_charts` for the record of what
the merge did): vocabularies unified, nodes joined by id, by ``matches=`` and by recorded
``same_as`` decisions, the same claim from two charts joined into one edge, sources kept distinct.

Nothing is silently guessed. Two nodes are one only when they have the same id or a match
or a decision says so; an equal label or alias is a candidate
(:func:`~linkchart.analysis.duplicates.candidates`), never a merge. Whatever the merge must
choose between (a relation declared two ways, a node given two types, one source id naming
two documents) is a :class:`~linkchart.analysis.conflicts.Conflict` or a rename in the
record, and :func:`merge` warns of it.
"""

from __future__ import annotations

import warnings
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import replace
from types import MappingProxyType
from typing import Any, Final

from ..errors import LinkchartError, LoadError
from ..loading import from_records
from ..model import EdgeTable, LinkChart
from ..model.decisions import Decision, Decisions
from ..vocabulary import Vocabulary
from .conflicts import Conflict, Conflicts, incompatible_types, type_class
from .merge_decisions import Matches, joined_ids, joins_within, kept_apart, named, settle
from .merge_ends import ENDS_WRITTEN, WRITTEN, join_written_ends, renamed_ends
from .merge_sources import fresh, located, merged_sources, with_texts
from .merged import CLAIM, JoinedClaim, Merged, MergeWarning
from .unify import unified_periods, unified_vocabulary

__all__ = ["Matches", "claim_key", "merge", "merge_charts"]


def _join_nodes(
    target: str, records: list[dict[str, Any]], vocabulary: Vocabulary, found: list[Conflict]
) -> dict[str, Any]:
    """One node record of ``records`` (the first's fields kept, every other name an alias)."""
    first = records[0]
    out = {**first, "id": target, "attributes": dict(first["attributes"])}
    names = [first["id"]] + [n for r in records[1:] for n in (r["id"], r["label"], *r["aliases"])]
    others = [n for n in dict.fromkeys(names) if n not in (target, out["label"], *first["aliases"])]
    out["aliases"] = [*first["aliases"], *others]  # the first's as written, then every other name
    notes = [n for r in records for n in r["notes"]]
    out["notes"] = [n for i, n in enumerate(notes) if n not in notes[:i]]
    ids = tuple(r["id"] for r in records)
    for r in records[1:]:
        if r["type"] != first["type"]:
            kinds = (type_class(vocabulary, first["type"]), type_class(vocabulary, r["type"]))
            verdict = (
                "of different classes" if incompatible_types(vocabulary, first["type"], r["type"]) else ""
            )
            found.append(
                Conflict(
                    "type",
                    target,
                    f"{target!r} is a {first['type']} ({kinds[0] or 'no class'}) as {first['id']!r}, "
                    f"a {r['type']} ({kinds[1] or 'no class'}) as {r['id']!r}"
                    + (f", {verdict}" if verdict else "")
                    + f" (kept: {first['type']})",
                    nodes=ids,
                    values=(first["type"], r["type"]),
                )
            )
        if r["time"] is not None and out["time"] is None:
            out["time"] = r["time"]
        elif r["time"] is not None and r["time"] != out["time"]:
            found.append(
                Conflict(
                    "node",
                    target,
                    f"{target!r} was active {out['time']!r} as one node, {r['time']!r} as {r['id']!r} "
                    "(the first kept)",
                    nodes=ids,
                    values=(str(out["time"]), str(r["time"])),
                )
            )
        for key, value in r["attributes"].items():
            if key not in out["attributes"]:
                out["attributes"][key] = value
            elif out["attributes"][key] != value:
                found.append(
                    Conflict(
                        "node",
                        target,
                        f"{target!r} has {key} {out['attributes'][key]!r} as one node, {value!r} as "
                        f"{r['id']!r} (the first kept)",
                        nodes=ids,
                        values=(str(out["attributes"][key]), str(value)),
                    )
                )
    return out


_TWINS: Final = "_twins"
"""The key of a first-chart edge record (here only) that holds the second chart's edges the
same as it in every field, kept once: the items they matched match no other item."""


def _records(c: LinkChart) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """``c``'s node and edge records, each edge's written ends (where a decision moved it)
    under :data:`WRITTEN`."""
    nodes, edges = c.to_records()
    ends = {e.id: e.written_ends for e in c.iter_edges() if e.written_ends is not None}
    for e in edges:
        if e["id"] in ends:
            e[WRITTEN] = ends[e["id"]]
    return nodes, edges


def _heading(a: LinkChart, b: LinkChart) -> tuple[str, str]:
    """The merged chart's title and description: both charts', but for an empty chart's (no
    nodes, edges or sources), which adds nothing."""
    empty = [not (c.number_of_nodes or c.number_of_edges or c.sources) for c in (a, b)]
    if empty[0] != empty[1]:
        kept = b if empty[0] else a
        return kept.title, kept.description
    title = a.title if a.title == b.title or not b.title else f"{a.title or 'untitled'} + {b.title}"
    return title, "\n\n".join(dict.fromkeys(d for d in (a.description, b.description) if d))


def _uses(nodes: list[dict[str, Any]], edges: list[dict[str, Any]]) -> set[str]:
    """The node types and confidence levels the records use (an evidence item's level too)."""
    items = [it for e in edges if isinstance(e["evidence"], list) for it in e["evidence"]]
    return {
        *(r["type"] for r in nodes),
        *(e["confidence"] for e in edges),
        *(it["confidence"] for it in items if it.get("confidence")),
    }


def _with_written_ends(table: EdgeTable, written: Mapping[str, tuple[str, str]]) -> EdgeTable:
    """``table`` with the written ends of its edges (by edge id)."""
    if not written:
        return table
    ends = {int(table.position[k]): written.get(table.id_of(k)) for k in range(len(table))}
    return replace(table, written_ends=MappingProxyType({p: w for p, w in ends.items() if w is not None}))


def claim_key(edge: Mapping[str, Any], directed: bool) -> tuple[Any, ...]:
    """What makes two edge records one claim: their ends (in either order for an undirected
    relation), their relation and their time."""
    ends = (edge["from"], edge["to"]) if directed else tuple(sorted((edge["from"], edge["to"])))
    return (*ends, edge["relation"], repr(edge["time"]))


def _content_key(edge: Mapping[str, Any], directed: bool) -> tuple[Any, ...]:
    """What makes two edge records the same in every field (ids, claim marks and the names
    their ends were written with aside: the edge kept takes the other's names)."""
    attributes = {k: v for k, v in edge["attributes"].items() if k not in (CLAIM, *ENDS_WRITTEN)}
    return (
        *claim_key(edge, directed),
        edge["source"],
        repr(edge["evidence"]),
        edge["confidence"],
        edge["weight"],
        edge["alternative"],
        repr(edge["notes"]),
        repr(sorted(attributes.items())),
        repr(edge.get(WRITTEN)),
    )


def _nodes(
    records: list[dict[str, Any]], into: Mapping[str, str], vocabulary: Vocabulary, found: list[Conflict]
) -> tuple[list[dict[str, Any]], list[tuple[str, tuple[str, ...]]]]:
    """One record per node of the merged chart, in order of first appearance, and the joins."""
    by_target: dict[str, list[dict[str, Any]]] = {}
    for r in records:
        by_target.setdefault(into.get(r["id"], r["id"]), []).append(r)
    out, joined = [], []
    for target, group in by_target.items():
        group.sort(key=lambda r: r["id"] != target)  # stable: the target's own records first
        out.append(_join_nodes(target, group, vocabulary, found))
        ids = tuple(dict.fromkeys(r["id"] for r in group))
        if len(ids) > 1:
            joined.append((target, ids))
    return out, joined


def _edges(
    ea: list[dict[str, Any]], eb: list[dict[str, Any]], directed: Mapping[str, bool]
) -> tuple[
    list[dict[str, Any]], int, dict[str, str], dict[str, str], list[JoinedClaim], list[tuple[str, ...]]
]:
    """The edge records of the merged chart: the first chart's, then those of the second
    that are not the same in every field as one of the first's; the second's edge ids and
    either-or names taken in the first renamed; the edges of one claim from both charts
    joined into one (with every evidence item), or marked as one claim where they may not
    be joined (one chart's own parallel edges of one claim keep the marks it wrote, or none:
    the chart's author kept them apart). The renames returned are
    those of edges the merged chart keeps (a renamed edge joined into another is not one);
    each joined claim is its first chart's edge ids and its second's, as each chart wrote them."""

    def is_directed(e: Mapping[str, Any]) -> bool:
        return directed.get(e["relation"], True)

    unmatched: dict[tuple[Any, ...], list[dict[str, Any]]] = {}
    for e in ea:
        unmatched.setdefault(_content_key(e, is_directed(e)), []).append(e)
    kept, duplicates = [], 0
    for e in eb:
        same = unmatched.get(_content_key(e, is_directed(e)))
        if same:
            first = same.pop(0)
            first["attributes"] = dict(first["attributes"])
            join_written_ends([first, e], first["attributes"])  # its names kept with the first's
            first.setdefault(_TWINS, []).append(e)
            duplicates += 1
        else:
            kept.append(e)
    a_ids = {e["id"] for e in ea}
    taken = a_ids | {e["id"] for e in kept}
    a_alternatives = {e["alternative"] for e in ea if e["alternative"] is not None}
    alt_taken = a_alternatives | {e["alternative"] for e in kept if e["alternative"] is not None}
    renamed: dict[str, str] = {}
    renamed_alt: dict[str, str] = {}
    written = {id(e): e["id"] for e in kept}  # the second chart's ids as it wrote them
    for e in kept:
        if e["id"] in a_ids:
            renamed[e["id"]] = e["id"] = fresh(e["id"], taken)
        alt = e["alternative"]
        if alt is not None and alt in a_alternatives:
            if alt not in renamed_alt:
                renamed_alt[alt] = fresh(alt, alt_taken)
            e["alternative"] = renamed_alt[alt]
    for e in kept:  # a mark of the second chart's names its edge as the merged chart does
        if CLAIM in e["attributes"]:
            e["attributes"][CLAIM] = renamed.get(e["attributes"][CLAIM], e["attributes"][CLAIM])
    claims: dict[tuple[Any, ...], list[dict[str, Any]]] = {}
    for e in [*ea, *kept]:
        claims.setdefault(claim_key(e, is_directed(e)), []).append(e)
    from_a = {id(e) for e in ea}
    edges, joined, marked = [], [], []
    for group in claims.values():
        both = len({id(e) in from_a for e in group}) == 2  # one chart's own: as it wrote them
        for e in group if both else ():
            e["attributes"].pop(CLAIM, None)
        one = _joined_claim(group, from_a) if both else None
        if one is not None:
            edges.append((group[0], one))
            joined.append(
                (
                    tuple(e["id"] for e in group if id(e) in from_a),
                    tuple(written[id(e)] for e in group if id(e) not in from_a),
                )
            )
            continue
        if both:
            for e in group:
                e["attributes"][CLAIM] = group[0]["id"]
            marked.append(tuple(e["id"] for e in group))
        edges += [(e, e) for e in group]
    order = {id(e): k for k, e in enumerate([*ea, *kept])}  # each edge where its first was
    edges.sort(key=lambda pair: order[id(pair[0])])
    kept_ids = {e["id"] for _, e in edges}
    renamed = {old: new for old, new in renamed.items() if new in kept_ids}
    return [e for _, e in edges], duplicates, renamed, renamed_alt, joined, marked


def _items(edge: Mapping[str, Any], confidence: str) -> list[dict[str, Any]] | None:
    """An edge's evidence as items, each naming its source (and its confidence where it is
    not ``confidence``, the joined edge's); ``None`` for an edge with neither a quote nor a
    source, which no item can stand for."""
    written = edge["evidence"]
    if isinstance(written, str):
        if not written and edge["source"] is None:
            return None
        written = [{"quote": written} if written else {}]
    out = []
    for item in written:
        item = dict(item)
        if edge["source"] is not None:
            item.setdefault("source", edge["source"])
        if edge["confidence"] != confidence:
            item.setdefault("confidence", edge["confidence"])
        out.append(item)
    return out


def _joined_claim(group: list[dict[str, Any]], from_a: set[int]) -> dict[str, Any] | None:
    """The edges of one claim from both charts as one edge, with every evidence item of
    each (each item naming its source), or ``None`` where they may not be one: an either-or
    alternative among them, other weights, an attribute given two values, fewer than two
    sources, or an edge no evidence item can stand for (no quote, no source). An item of the
    second chart the same as one of the first's (``from_a``: its edges) is kept once, as a
    whole edge is."""
    first = group[0]
    if any(e["alternative"] is not None or e["weight"] != first["weight"] for e in group):
        return None
    attributes: dict[str, Any] = {}
    for e in group:
        for key, value in e["attributes"].items():
            if key not in ENDS_WRITTEN and attributes.setdefault(key, value) != value:
                return None
    join_written_ends(group, attributes)
    items: list[dict[str, Any]] = []
    seen: Counter[str] = Counter()  # the first chart's items: the second's same item is kept once
    for twin in (t for e in group for t in e.get(_TWINS, ())):  # items a whole twin edge matched
        seen.subtract(repr(sorted(it.items())) for it in _items(twin, first["confidence"]) or ())
    for e in group:
        more = _items(e, first["confidence"])
        if more is None:
            return None
        for item in more:
            key = repr(sorted(item.items()))
            if id(e) in from_a:
                seen[key] += 1
            elif seen[key] > 0:
                seen[key] -= 1
                continue
            items.append(item)
    if len({repr(it.get("source")) for it in items}) < 2:
        return None
    notes = list({repr(n): n for e in group for n in e["notes"]}.values())
    return {**first, "evidence": items, "notes": notes, "attributes": attributes}


def merge_charts(
    a: LinkChart,
    b: LinkChart,
    *,
    matches: Matches | None = None,
    decisions: Decisions | Iterable[Decision] | None = None,
    same_source: Mapping[str, str] | None = None,
) -> Merged:
    """Merge chart ``b`` into chart ``a``, and say what the merge did (:class:`Merged`).

    See :func:`merge` for the rules; this function returns the merged chart with the
    record of every join, claim, rename, conflict and note, and warns of nothing.

    Examples
    --------
    >>> import linkchart
    >>> a = linkchart.from_records([{"id": "Juma Namangani", "type": "person"}, {"id": "IMU",
    ...     "type": "organisation"}], [{"from": "Juma Namangani", "relation": "leads", "to": "IMU",
    ...     "source": "s", "evidence": "Namangani led the IMU"}], sources=[{"id": "s", "title": "ICG"}])
    >>> b = linkchart.from_records([{"id": "Djuma Namangany", "type": "person"}, {"id": "IMU",
    ...     "type": "organisation"}], [{"from": "Djuma Namangany", "relation": "leads", "to": "IMU",
    ...     "source": "s", "evidence": "Namangany, the IMU's commander"}],
    ...     sources=[{"id": "s", "title": "Press"}])
    >>> done = merge_charts(a, b, matches={"Djuma Namangany": "Juma Namangani"})
    >>> done.chart.node_ids, done.chart.node("Juma Namangani").aliases
    (('Juma Namangani', 'IMU'), ('Djuma Namangany',))
    >>> done.joined, done.claims, dict(done.renamed_sources), dict(done.renamed_edges)
    ((('Juma Namangani', ('Juma Namangani', 'Djuma Namangany')),), ((('e0',), ('e0',)),), {'s': 's-2'}, {})
    >>> [(it.source, it.quote) for it in done.chart.edge("e0").evidence_items]
    [('s', 'Namangani led the IMU'), ('s-2', "Namangany, the IMU's commander")]
    >>> done.chart.edge("e0").attributes["from_as_written"]  # every name its items wrote
    ('Djuma Namangany', 'Juma Namangani')
    """
    for c in (a, b):
        if not isinstance(c, LinkChart):
            raise LinkchartError(f"merge joins charts, not {type(c).__name__}")
    found: list[Conflict] = []
    notes: list[str] = []
    na, ea = _records(a)
    nb, eb = _records(b)
    vocabulary = unified_vocabulary(a.vocabulary, b.vocabulary, found, uses=(_uses(na, ea), _uses(nb, eb)))
    periods = unified_periods(a.periods, b.periods, found)
    sources, renamed_sources, same_sources = merged_sources(
        with_texts(a), located(b, a), dict(same_source or {}), found
    )
    source_of = {**renamed_sources, **{x.second: x.first for x in same_sources}}
    settled, where = settle(a, b, matches, decisions)
    present = dict.fromkeys([*a.node_ids, *b.node_ids])
    into = joined_ids(settled, present, notes)
    refused = [
        *joins_within(named("the first chart", a), na, ea, into, settled, where),
        *joins_within(named("the second chart", b), nb, eb, into, settled, where),
    ]
    if refused:
        raise LoadError(refused)
    nodes, joined = _nodes([*na, *nb], into, vocabulary, found)
    ea = [renamed_ends(e, into) for e in ea]
    eb = [renamed_ends(e, into) for e in eb]
    for e in eb:  # the renamed sources' edges and evidence items with them
        e["source"] = source_of.get(e["source"], e["source"])
        if isinstance(e["evidence"], list):
            e["evidence"] = [
                {**it, "source": source_of[it["source"]]} if it.get("source") in source_of else it
                for it in e["evidence"]
            ]
    directed = {r.name: r.directed for r in vocabulary.relations}
    edges, duplicates, renamed_edges, renamed_alt, claims, marked = _edges(ea, eb, directed)
    title, description = _heading(a, b)
    written = {e["id"]: w for e in edges if (w := e.pop(WRITTEN, None)) is not None}
    for e in edges:
        e.pop(_TWINS, None)
    built = from_records(
        nodes, edges, vocabulary, title=title, description=description, sources=sources, periods=periods
    )
    chart = LinkChart(  # in a's folder, so that its sources' locations read as written
        vocabulary=built.vocabulary,
        nodes=built.nodes,
        edges=_with_written_ends(built.edges, written),
        title=title,
        description=description,
        sources=built.sources,
        path=a.path,
        periods=built.periods,
        files=tuple(dict.fromkeys((*a.files, *b.files, *settled.files))),
        decisions=kept_apart(settled, into, present),
        noted_conflicts=tuple(dict.fromkeys((*a.noted_conflicts, *b.noted_conflicts, *found))),
    )
    return Merged(
        chart,
        tuple(joined),
        tuple(claims),
        duplicates,
        renamed_sources,
        renamed_edges,
        renamed_alt,
        Conflicts(found, title=title),
        tuple(notes),
        tuple(marked),
        tuple(same_sources),
    )


def merge(
    a: LinkChart,
    b: LinkChart,
    *,
    matches: Matches | None = None,
    decisions: Decisions | Iterable[Decision] | None = None,
    same_source: Mapping[str, str] | None = None,
) -> LinkChart:
    """One chart of two: ``b``'s nodes, edges and sources added to ``a``'s.

    - **Vocabularies** are unified: ``a``'s node types, relations, confidence levels and
      periods, then ``b``'s new ones. One declared otherwise by ``b`` (a relation
      directed in one and not the other, a level at another probability) is a
      ``vocabulary`` conflict: ``a``'s declaration is kept, and the conflict says which.
    - **Nodes** are one node when they have the same id, when ``matches`` pairs them, or
      when a ``same_as`` decision (``decisions``) groups them; nothing else joins two nodes
      (an equal label or alias is a candidate: :func:`~linkchart.analysis.duplicates.candidates`).
      A joined node takes the id its match or decision names first, the first record's
      type, label, time and attributes (a type, time or attribute given otherwise is a
      ``type`` or ``node`` conflict), and every other id, label and alias as an alias.
      Every edge keeps the names its ends were written with, in its ``from_as_written``
      or ``to_as_written`` attribute where a join renamed one: the name, or, for an edge
      that joins edges which wrote it several ways, every name (a sorted list). These
      names never keep the edges of one claim apart.
    - **Edges** of ``b`` the same as one of ``a``'s in every field (ends, relation, time,
      source, evidence, confidence, weight, notes, attributes) are kept once. Edges of
      both charts that are one claim (the same ends — in either order for an undirected
      relation —, relation and time) are joined into one edge, ``a``'s first, that carries
      every evidence item of each, each item naming its source (so the tie's sources
      corroborate it). Where they may not be one (an either-or alternative among them,
      other weights, an attribute other than the written names given two values, one
      source only, an edge with neither quote nor source) they stay parallel, each marked
      by the ``claim`` attribute, the id
      of the claim's first edge; one chart's own parallel edges of one claim stay as that
      chart wrote them (its author kept them apart; a mark a merge wrote is kept). No
      evidence is lost or averaged. A ``b`` edge id or either-or claim name that ``a``
      uses is renamed (``e0`` -> ``e0-2``) where the edge is kept as an edge of its own.
    - **Sources**: one document is one source, so that it never corroborates itself. A
      ``b`` source is ``a``'s source of its id unless the two clearly differ: a title,
      author or date each gives and the two differ, or texts each holds of which neither
      holds the other (a field one leaves out, a location or web address, a grade is no
      difference; a grade given two ways is a ``source`` conflict, and the lower judged
      grade, A best to E, is kept). A ``b`` source whose text is the same as one of
      ``a``'s is that source whatever its id, and so is one ``same_source`` names; both
      are said (:attr:`Merged.same_sources`). A ``b`` source id that names another
      document is renamed (``s`` -> ``s-2``), its edges with it, and is a ``source``
      conflict.

    The conflicts the merge meets are kept in the merged chart
    (:attr:`~linkchart.LinkChart.noted_conflicts`, written by every format as
    ``conflicts:``), so that :func:`~linkchart.analysis.conflicts.conflicts`, the report
    and the page list them.

    Each conflict and rename is warned of (one :class:`MergeWarning`); call
    :func:`merge_charts` for them as data.

    Parameters
    ----------
    a, b
        The charts.
    matches
        Nodes to join: a mapping ``{b's id: a's id}`` (as ``--matches B_ID=A_ID``
        writes them), or pairs ``(a's id, b's id)`` (in the order of the charts), or
        ``same_as`` decisions. An id its chart lacks raises.
    same_source
        Sources that are one document: ``{b's source id: a's source id}`` (as
        ``--same-source B_ID=A_ID``). ``b``'s edges and items take ``a``'s id. An id its
        chart lacks raises.
    decisions
        Recorded decisions (:class:`~linkchart.model.decisions.Decisions`, as a
        decisions file holds them): their ``same_as`` groups join nodes; an id neither
        chart has is noted (a decisions file may cover more charts).

    Returns
    -------
    LinkChart
        The merged chart; ``a`` and ``b`` are unchanged. Its ``path`` is ``a``'s (the
        folder its sources' local locations are relative to: ``b``'s are rewritten
        relative to it) and its ``files`` both charts' and the decisions' files (a writer
        never writes over them).

    Raises
    ------
    LinkchartError
        For something that is not a chart, a match naming a node (a ``same_source`` a
        source) its chart lacks, or decisions that contradict each other.
    LoadError
        For a match or decision that joins two nodes of one chart where :func:`~linkchart.load`
        would refuse the join (``bad-decision``: other types, an attribute given two values,
        other lifespans, or an edge between them, which the join would make a self-loop),
        located at the match or decision; and when the merged records do not make a valid
        chart (a join that puts an edge on a node of a type its relation does not allow),
        with every problem.

    Notes
    -----
    Merging is associative on the sets of nodes (by id) and edges (by their fields, a
    source by its document), and a chart merged with itself, or with an empty chart, is
    itself (edges moved by its decisions keep their written ends). Evidence is not checked against the
    sources' texts here; each local text the charts' loads read travels with its source
    (``Source.text``): export the merged chart with ``embed_sources=True`` and load it to
    check every quote again, wherever the charts' folders were.

    Examples
    --------
    >>> import linkchart, warnings
    >>> a = linkchart.from_records([{"id": "A", "type": "person"}, {"id": "B", "type": "person"}],
    ...     [{"from": "A", "relation": "knows", "to": "B"}])
    >>> b = linkchart.from_records([{"id": "B", "type": "person"}, {"id": "C", "type": "person"}],
    ...     [{"from": "B", "relation": "knows", "to": "C"}])
    >>> with warnings.catch_warnings(record=True) as said:
    ...     warnings.simplefilter("always")
    ...     m = merge(a, b)
    >>> m.node_ids, [(e.id, e.from_id, e.to_id) for e in m.iter_edges()]
    (('A', 'B', 'C'), [('e0', 'A', 'B'), ('e0-2', 'B', 'C')])
    >>> print(said[0].message)
    merge: 1 thing chosen or renamed:
      1 edge id of the second chart renamed (e0->e0-2)
    """
    done = merge_charts(a, b, matches=matches, decisions=decisions, same_source=same_source)
    lines = done.lines()
    if lines:
        noun = "thing" if len(lines) == 1 else "things"
        warnings.warn(
            MergeWarning(f"merge: {len(lines)} {noun} chosen or renamed:\n  " + "\n  ".join(lines)),
            stacklevel=2,
        )
    return done.chart
