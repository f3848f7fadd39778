"""Validate a document's columns and turn them into a :class:`~linkchart.model.LinkChart`.

This is the one place where the graph format's rules are checked. The front ends
(:mod:`.yamlfile` with :mod:`.document`, :mod:`.csvfile`, :mod:`.records`) only turn
their input into a :class:`Document` — header values plus the nodes and edges as
*columns* (one list per field) — and say where each path lies (:class:`Locator`).
:func:`build` then checks every column at once, collects every :class:`Problem`, and
either raises one :class:`~linkchart.errors.LoadError` or returns a finished chart: a
bad document never yields a half-built chart.

The rules live in one module per part of a document: :mod:`.problems` (the located
problem list), :mod:`.columns` (field names, :class:`Section`, :class:`Document`),
:mod:`.header` (sources, confidence scale, node types, relations), :mod:`.nodes`,
:mod:`.timegrammar` (the time values) and :mod:`.edges`; this module runs them in order
and assembles the chart.

Columns are checked column-wise: each distinct value of a low-cardinality column
(relation, confidence, source, time, weight) is judged once and mapped to its code
with a dictionary lookup, so a million-edge CSV never costs a Python object per row
beyond the cells themselves.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterator, Mapping
from typing import Any

import numpy as np

from ..errors import LoadError, Problems, did_you_mean
from ..model import (
    Conflict,
    Decision,
    Decisions,
    EdgeTable,
    LinkChart,
    NodeTable,
    Note,
    Source,
    conflicts_from_records,
    decisions_from_records,
)
from ..timegrammar import TIME_HINT, parse_time
from ..times import Span, bounds, dated, in_force
from ..vocabulary import DEFAULT_NODE_TYPES, ConfidenceScale, NodeType, Relation, Vocabulary
from ..writable import find_unwritable, unwritable
from .columns import ABSENT, Document, absent, check_keys, quote_hint, type_name
from .decisions import apply_decisions
from .edges import build_edges
from .evidence import is_remote
from .grades import parse_grades
from .header import (
    DEFAULT_KEYS,
    TOP_KEYS,
    parse_analysis,
    parse_confidence,
    parse_node_types,
    parse_periods,
    parse_relations,
    parse_sources,
    text_value,
)
from .nodes import Names, Nodes, build_nodes
from .notes import parse_notes

__all__ = ["build", "top_level"]


# --------------------------------------------------------------------------- the whole document
_HEADER_FIELDS = tuple(k for k in TOP_KEYS if k not in ("linkchart", "nodes", "edges"))
_TEXT_HINT = "the text was damaged by a broken encoding: write the character itself, or remove it"


def _check_text(doc: Document, problems: Problems) -> None:
    """A ``bad-text`` problem for every text no file can hold (:mod:`linkchart.writable`).

    Such text would load and then make every writer fail, so it is refused here, once
    for every front end (YAML, CSV, records, the exchange formats). A column is checked
    in one step (its texts joined) and searched row by row only when it holds one.
    """
    for name in _HEADER_FIELDS:
        for path, why in find_unwritable(getattr(doc, name), name):
            problems.add("bad-text", f"the text {why}", path, _TEXT_HINT)
    for sec in (doc.nodes, doc.edges):
        columns = [(f".{f}", col) for f, col in sec.columns.items()]
        for attr, col in sec.attributes.items():
            bad = unwritable(attr)
            if bad:
                k = next((k for k, v in enumerate(col) if v is not ABSENT and v != ""), 0)
                problems.add(
                    "bad-text", f"the attribute name {bad}", f"{sec.name}[{k}].attributes", _TEXT_HINT
                )
            columns.append((f".attributes.{attr}", col))
        for field, col in columns:
            if not _clean(col, sec.text):
                for k, v in enumerate(col):
                    for path, why in find_unwritable(v, f"{sec.name}[{k}]{field}"):
                        problems.add("bad-text", f"the text {why}", path, _TEXT_HINT)


def _clean(col: list[Any], text: bool) -> bool:
    """Whether no text in ``col`` is unwritable, checked in one pass over the joined texts."""
    if text:
        try:
            return unwritable("".join(col)) is None
        except TypeError:  # not all text after all: the general path
            pass
    texts = [v for v in col if v.__class__ is str]
    nested = [v for v in col if isinstance(v, Mapping | list | tuple)]
    return unwritable("".join(texts)) is None and next(find_unwritable(nested), None) is None


def _defaults(
    raw: Any, sources: tuple[Source, ...], scale: ConfidenceScale, problems: Problems
) -> tuple[int, int]:
    source, confidence = -1, 0
    if absent(raw):
        return source, confidence
    if not isinstance(raw, Mapping):
        problems.add(
            "wrong-type",
            f"'defaults' must be a mapping, not {type_name(raw)}",
            "defaults",
            "write e.g. 'defaults: {source: smith, confidence: reported}'",
        )
        return source, confidence
    check_keys(raw, DEFAULT_KEYS, "defaults", problems)
    s = raw.get("source", ABSENT)
    if not absent(s):
        ids = [x.id for x in sources]
        if not isinstance(s, str):
            problems.add(
                "wrong-type",
                f"'defaults.source' must be a source id, not {type_name(s)}",
                "defaults.source",
                quote_hint(s),
            )
        elif s not in ids:
            problems.add(
                "unknown-source",
                f"unknown source {s!r}",
                "defaults.source",
                did_you_mean(s, ids) or "declare it under 'sources'",
            )
        else:
            source = ids.index(s)
    c = raw.get("confidence", ABSENT)
    if not absent(c):
        if not isinstance(c, str) or c not in scale.levels:
            problems.add(
                "bad-confidence",
                f"default confidence {c!r} is not a level of the scale",
                "defaults.confidence",
                f"the levels are {', '.join(scale.levels)}",
            )
        else:
            confidence = scale.levels.index(c)
    return source, confidence


def build(doc: Document, problems: Problems) -> LinkChart:
    """Check every part of ``doc`` and return the chart, or raise :class:`LoadError`.

    ``problems`` may already hold problems found by the front end (YAML syntax,
    unknown keys, CSV rows); they are reported together with the rest.

    Raises
    ------
    LoadError
        Listing every problem, in document order.
    """
    # long: every part of the file checked in document order, each step one call whose results
    # (the vocabulary, sources, periods, decisions) the later steps read
    _check_text(doc, problems)
    title = text_value(doc.title, "title", problems, required=doc.require_title)
    description = text_value(doc.description, "description", problems)
    sources = parse_sources(doc.sources, problems)

    if doc.vocabulary is not None:
        vocab = doc.vocabulary
        node_types = vocab.node_types
        relation_objs = vocab.relations
        declared = vocab.declared_relations
        scale = vocab.confidence
        default_layers = vocab.default_layers
        grades = vocab.grades
        open_types = False
    else:
        scale = parse_confidence(doc.confidence, problems)
        open_types = doc.open_node_types
        node_types = () if open_types else parse_node_types(doc.node_types, problems)
        relation_objs, declared = parse_relations(doc.relations, [t.name for t in node_types], problems)
        default_layers = parse_analysis(doc.analysis, relation_objs, problems)
        grades = parse_grades(doc.grades, problems)
    default_source, default_confidence = _defaults(doc.defaults, sources, scale, problems)

    types = Names([t.name for t in node_types], open_=open_types)
    defaults_by_name = {t.name: t for t in DEFAULT_NODE_TYPES}

    def type_names() -> list[str]:
        return list(types.codes)

    periods = parse_periods(doc.periods, problems)
    _check_source_dates(sources, periods, problems)
    nodes = build_nodes(doc.nodes, types, type_names, problems, periods)
    node_notes = {
        nodes.ids[k]: v for k, v in parse_notes(doc.nodes, sources, default_source, problems).items()
    }
    all_types = node_types + tuple(defaults_by_name.get(t, NodeType(t)) for t in types.added)

    relations = Names([r.name for r in relation_objs], open_=not declared)

    def relation_list() -> list[Relation]:
        return [*relation_objs, *(Relation(r, _directed(doc.directed, r)) for r in relations.added)]

    edges = build_edges(
        doc.edges,
        nodes,
        all_types,
        relations,
        relation_list,
        scale,
        sources,
        default_source,
        default_confidence,
        problems,
        periods,
        grades,
    )
    if len(relations.codes) > np.iinfo(np.int16).max:
        problems.add(
            "unknown-relation", f"too many relations ({len(relations.codes)}); at most 32767", "edges"
        )

    if doc.base is not None and sources:
        from .evidence import check_evidence

        unchecked = check_evidence(sources, _quotes(sources, edges, node_notes, nodes.index), doc.base,
                                   problems, allow_outside=doc.allow_outside)  # fmt: skip
        sources = tuple(  # the chart says which sources' quotes were not checked, and why
            dataclasses.replace(s, unchecked=unchecked[i]) if i in unchecked else s
            for i, s in enumerate(sources)
        )

    decisions, where = _decisions(doc, problems)
    noted = _noted_conflicts(doc, problems)
    problems.raise_if_any()
    _check_lifespans(nodes, edges, problems)
    problems.issue_warnings()
    vocabulary = Vocabulary(all_types, tuple(relation_list()), scale, declared, default_layers, grades)
    t0, t1, tp = nodes.times
    node_table = NodeTable.build(
        nodes.ids,
        nodes.types,
        nodes.labels,
        nodes.aliases,
        nodes.attributes,
        time_from=t0,
        time_to=t1,
        time_precision=tp,
        notes=node_notes,
    )
    if len(decisions):
        node_table, edges = apply_decisions(decisions, where, node_table, edges, all_types, problems)
        problems.raise_if_any()
    return LinkChart(
        vocabulary=vocabulary,
        nodes=node_table,
        edges=edges,
        title=title,
        description=description,
        sources=sources,
        path=doc.path,
        periods=periods,
        files=_files_read(doc, sources),
        decisions=decisions.apart(),
        noted_conflicts=noted,
    )


def _noted_conflicts(doc: Document, problems: Problems) -> tuple[Conflict, ...]:
    """The file's ``conflicts:`` (those a merge met, :attr:`LinkChart.noted_conflicts`)."""
    if absent(doc.conflicts):
        return ()
    try:
        return conflicts_from_records(doc.conflicts)
    except LoadError as err:
        for p in err.problems:
            problems.add(p.code, p.message, p.path, p.hint)
        return ()


def _decisions(doc: Document, problems: Problems) -> tuple[Decisions, list[tuple[str | None, str]]]:
    """The file's ``decisions:`` and those given beside it, with where each was written."""
    entries: list[Decision] = []
    where: list[tuple[str | None, str]] = []
    if not absent(doc.decisions):
        try:
            own = decisions_from_records(doc.decisions)
        except LoadError as err:
            for p in err.problems:
                problems.add(p.code, p.message, p.path, p.hint)
        else:
            entries += own.entries
            where += [(None, f"decisions[{i}]") for i in range(len(own))]
    if doc.more_decisions is not None:
        entries += doc.more_decisions.entries
        where += [(doc.decisions_file, f"decisions[{i}]") for i in range(len(doc.more_decisions))]
    return Decisions(entries), where


def _directed(directed: bool | Mapping[str, bool] | None, relation: str) -> bool:
    """The direction of a relation taken as it appears (see :attr:`Document.directed`)."""
    if isinstance(directed, Mapping):
        return bool(directed.get(relation, True))
    return directed is not False


def _quotes(
    sources: tuple[Source, ...],
    edges: EdgeTable,
    node_notes: Mapping[str, tuple[Note, ...]],
    node_rows: Mapping[str, int],
) -> Iterator[tuple[str, int, str]]:
    """Every quote to look up in its source's text: ``(path, source code, quote)``; an
    evidence item's in the text of its own source."""
    code_of = {s.id: i for i, s in enumerate(sources)}
    lists = edges.evidence_items
    for k, (code, quote) in enumerate(zip(edges.source.tolist(), edges.evidence.tolist(), strict=True)):
        listed = lists.get(k) if lists else None
        if listed:
            for i, it in enumerate(listed):
                own = code if it.source is None else code_of[it.source]
                yield f"edges[{k}].evidence[{i}].quote", own, it.quote
        elif quote:
            yield f"edges[{k}].evidence", code, quote
    notes = [(f"nodes[{node_rows[nid]}]", v) for nid, v in node_notes.items()]
    notes += [(f"edges[{k}]", v) for k, v in edges.notes.items()]
    for where, items in notes:
        for i, note in enumerate(items):
            if note.quote and note.source is not None:
                yield f"{where}.notes[{i}].quote", code_of[note.source], note.quote


def _check_source_dates(sources: tuple[Source, ...], periods: Mapping[str, Span], problems: Problems) -> None:
    """Warn of a source ``date`` that is not a time: the undated ties citing it then have no date."""
    for i, source in enumerate(sources):
        if source.date.strip() and not isinstance(parse_time(source.date, periods), Span):
            problems.warn(
                "undated-source",
                f"the date {source.date!r} of source {source.id!r} is not a time: the undated ties "
                "citing it are read as having no date",
                f"sources[{i}].date",
                TIME_HINT,
            )


def _files_read(doc: Document, sources: tuple[Source, ...]) -> tuple[str, ...]:
    """The graph file, its CSV tables, its sources' local texts and the decisions file given
    beside it: what a writer must spare."""
    texts = [
        os.path.join(doc.base, s.location)
        for s in sources
        if doc.base is not None and s.location and not is_remote(s.location)
    ]
    more = [doc.decisions_file] if doc.decisions_file else []  # a decisions file given to load
    return tuple(dict.fromkeys([*([doc.path] if doc.path else []), *doc.tables, *texts, *more]))


_LIFESPAN_WARNINGS = 50
"""At most this many ties outside a lifespan are warned of one by one; the rest are counted."""


def _check_lifespans(nodes: Nodes, edges: EdgeTable, problems: Problems) -> None:
    """Warn of each dated tie that lies wholly outside the lifespan of one of its ends."""
    t0, t1, tp = nodes.times
    node_dated = dated(t0, t1)
    if not node_dated.any():
        return
    edge_dated = dated(edges.time_from, edges.time_to)
    outside = []  # per end: the ties outside that end's lifespan
    for ends in (edges.src, edges.dst):
        first, last = bounds(t0[ends], t1[ends])
        in_life = in_force(edges.time_from, edges.time_to, first, last)
        outside.append(node_dated[ends] & edge_dated & ~in_life)
    rows = np.flatnonzero(outside[0] | outside[1])
    for k in rows[:_LIFESPAN_WARNINGS].tolist():
        end, side = (int(edges.src[k]), "from") if outside[0][k] else (int(edges.dst[k]), "to")
        life = Span(int(t0[end]), int(t1[end]), int(tp[end]))
        when = Span(int(edges.time_from[k]), int(edges.time_to[k]), int(edges.time_precision[k]))
        problems.warn(
            "outside-lifespan",
            f"the tie dated {when.text} lies outside the lifespan of {nodes.ids[end]!r} ({life.text})",
            f"edges[{int(edges.position[k])}].time",
            f"check the tie's date, or the 'time' of {nodes.ids[end]!r} (the tie's '{side}' end)",
        )
    if len(rows) > _LIFESPAN_WARNINGS:
        problems.warn(
            "outside-lifespan",
            f"{len(rows) - _LIFESPAN_WARNINGS} more ties lie outside a lifespan of one of their ends",
            "edges",
        )


def top_level(raw: Any, problems: Problems) -> dict[str, Any]:
    """Check the top-level keys of a file; return them (unknown keys reported)."""
    if not isinstance(raw, Mapping):
        problems.add(
            "wrong-type",
            f"the file must be a mapping of sections, not {type_name(raw)}",
            "",
            "start the file with 'linkchart: 1' and 'title: ...'",
        )
        return {}
    check_keys(raw, TOP_KEYS, "", problems)
    return {k: v for k, v in raw.items() if k in TOP_KEYS}
