"""Edge columns: endpoints, relations, confidence, sources, times, weights, evidence, ids."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from typing import Any, Final

import numpy as np

from ..errors import Problems, did_you_mean
from ..model import EdgeTable, Source, combined, support_of
from ..spelling import Speller
from ..times import Span
from ..vocabulary import ConfidenceScale, Grades, NodeType, Relation, Vocabulary
from .alternatives import check_alternatives
from .columns import ABSENT, Section, quote_hint, type_name
from .header import WEIGHT_RANGE, number, weight_in_range
from .items import ItemReader, evidence_column
from .nodes import Names, Nodes, attribute_columns, present, text_column, time_columns, value_key
from .notes import parse_notes

__all__ = ["build_edges"]


_MAX_CLOSE_MATCHES: Final = 1_000
"""Distinct unknown node names that get a did-you-mean hint (a bound on work: 1,000 hints
among 100,000 names take well under a second, :mod:`linkchart.spelling`)."""


class _NodeNames:
    """Hints for unknown node names: aliases, labels, case, close matches (built on first need)."""

    def __init__(self, nodes: Nodes) -> None:
        self.nodes = nodes
        self.hints: dict[str, str] = {}
        self._owner: dict[str, tuple[str, str]] | None = None
        self._speller: Speller | None = None

    def owner(self) -> dict[str, tuple[str, str]]:
        """Alias, label or case-folded id -> (how it relates, node id); ids win, then aliases."""
        if self._owner is None:
            n = self.nodes
            owner: dict[str, tuple[str, str]] = {}
            for nid, label, aliases in zip(n.ids, n.labels, n.aliases, strict=True):
                for a in aliases:
                    owner.setdefault(a, ("alias", nid))
                owner.setdefault(label, ("label", nid))
                owner.setdefault(nid.casefold(), ("case", nid))
            self._owner = owner
        return self._owner

    def hint(self, name: str) -> str:
        found = self.hints.get(name)
        if found is not None:
            return found
        owner = self.owner()
        exact = owner.get(name)
        folded = owner.get(name.casefold())
        if exact is not None and exact[0] != "case":
            what = "an alias" if exact[0] == "alias" else "the label"
            hint = f"{name!r} is {what} of node {exact[1]!r}; edges name nodes by id"
        elif folded is not None:
            hint = f"did you mean {folded[1]!r}? (ids are case-sensitive)"
        elif len(self.hints) < _MAX_CLOSE_MATCHES:
            if self._speller is None:  # ids, then aliases and labels
                self._speller = Speller(
                    [*self.nodes.ids, *(k for k, (kind, _) in owner.items() if kind != "case")]
                )
            matches = [m for m, _ in self._speller.close(name, n=3)]
            # name the id behind a close alias or label
            ids = list(dict.fromkeys(m if m in self.nodes.index else owner[m][1] for m in matches))
            hint = (
                "did you mean " + " or ".join(repr(m) for m in ids) + "?"
                if ids
                else "declare the node under 'nodes', or check the spelling"
            )
        else:
            hint = "declare the node under 'nodes', or check the spelling"
        self.hints[name] = hint
        return hint


def _by_distinct(values: list[Any], judge: Callable[[Any], Any], dtype: Any) -> Any:
    """Encode a text column through its distinct values: ``judge(v)`` once per distinct value.

    Returns a numpy array, or ``None`` when ``judge`` refuses some value (returns ``None``):
    then the caller's row-by-row path finds and reports the bad rows.
    """
    table: dict[str, Any] = {}
    for v in dict.fromkeys(values):
        code = judge(v)
        if code is None:
            return None
        table[v] = code
    return np.fromiter(map(table.__getitem__, values), dtype=dtype, count=len(values))


def _endpoints(
    values: list[Any], fld: str, sec: Section, nodes: Nodes, names: _NodeNames, problems: Problems
) -> Any:
    if sec.text:
        codes = _by_distinct(values, nodes.index.get, np.int32)
        if codes is not None:
            return codes
    bad = set(text_column(values, sec, fld, problems, required=True))
    get = nodes.index.get
    out = [get(v, -1) if v.__class__ is str else -1 for v in values]
    for k, c in enumerate(out):
        if c < 0 and k not in bad:
            name = values[k]
            problems.add("unknown-node", f"unknown node {name!r}", f"{sec.name}[{k}].{fld}", names.hint(name))
    return np.asarray(out, dtype=np.int32)


def _relation_codes(values: list[Any], sec: Section, relations: Names, problems: Problems) -> Any:
    """Relation codes; rows with a missing or unknown relation get ``-1``."""

    def judge(v: str) -> int | None:
        c = relations.code(v) if v else -1
        return None if c < 0 else c

    if sec.text:
        codes = _by_distinct(values, judge, np.int16)
        if codes is not None:
            return codes
    bad = set(text_column(values, sec, "relation", problems, required=True))
    out = np.full(len(values), -1, dtype=np.int16)
    for k, v in enumerate(values):
        if k in bad:
            continue
        c = relations.code(v)
        if c < 0:
            known = list(relations.codes)
            problems.add(
                "unknown-relation",
                f"unknown relation {v!r}",
                f"{sec.name}[{k}].relation",
                did_you_mean(v, known)
                or (
                    f"declare it under 'relations'; the relations are {', '.join(known)}"
                    if known
                    else "declare it under 'relations'"
                ),
            )
        out[k] = c
    return out


def _check_allowed(
    sec: Section,
    nodes: Nodes,
    type_names: Sequence[str],
    rels: Sequence[Relation],
    src: Any,
    dst: Any,
    rel: Any,
    problems: Problems,
) -> None:
    """Report edges whose relation does not allow their pair of node types (one table lookup per edge)."""
    if not rels or not nodes.types or all(r.source_types is None and r.target_types is None for r in rels):
        return
    nt = len(type_names)
    allowed = np.ones((len(rels), nt, nt), dtype=bool)
    for ri, r in enumerate(rels):
        for a in range(nt):
            for b in range(nt):
                allowed[ri, a, b] = r.allows(type_names[a], type_names[b])
    ntype = np.asarray(nodes.types, dtype=np.intp)
    known = (src >= 0) & (dst >= 0) & (rel >= 0)
    ok = np.ones(len(src), dtype=bool)
    ok[known] = allowed[rel[known], ntype[src[known]], ntype[dst[known]]]
    for k in np.flatnonzero(~ok).tolist():
        r = rels[int(rel[k])]
        i, j = int(src[k]), int(dst[k])
        froms = " or ".join(sorted(r.source_types)) if r.source_types is not None else "any type"
        tos = " or ".join(sorted(r.target_types)) if r.target_types is not None else "any type"
        problems.add(
            "relation-not-allowed",
            f"relation {r.name!r} does not allow {type_names[ntype[i]]} {nodes.ids[i]!r} -> "
            f"{type_names[ntype[j]]} {nodes.ids[j]!r}",
            f"{sec.name}[{k}].relation",
            f"'{r.name}' goes from {froms} to {tos}; swap from/to, pick another relation, or widen its types",
        )


def _confidence_codes(
    values: list[Any], sec: Section, scale: ConfidenceScale, default: int, problems: Problems
) -> Any:
    level_codes = {lv: i for i, lv in enumerate(scale.levels)}
    if sec.text:
        codes = _by_distinct(values, lambda v: level_codes.get(v) if v else default, np.int8)
        if codes is not None:
            return codes
    out = np.full(len(values), default, dtype=np.int8)
    for k, v in enumerate(values):
        if not present(v, sec.text):
            continue
        c = level_codes.get(v, -1) if v.__class__ is str else -1
        if c < 0:
            problems.add(
                "bad-confidence",
                f"confidence {v!r} is not a level of the scale",
                f"{sec.name}[{k}].confidence",
                (did_you_mean(v, scale.levels) if isinstance(v, str) else "")
                or f"the levels are {', '.join(scale.levels)}",
            )
        else:
            out[k] = c
    return out


def _source_codes(
    values: list[Any], sec: Section, sources: Sequence[Source], default: int, problems: Problems
) -> Any:
    scodes = {s.id: i for i, s in enumerate(sources)}
    if sec.text:
        codes = _by_distinct(values, lambda v: scodes.get(v) if v else default, np.int16)
        if codes is not None:
            return codes
    out = np.full(len(values), default, dtype=np.int16)
    for k, v in enumerate(values):
        if v is ABSENT or (sec.text and v == ""):
            continue
        if v is None:
            out[k] = -1
            continue
        c = scodes.get(v, -1) if v.__class__ is str else -1
        if c < 0:
            hint = did_you_mean(str(v), scodes) or (
                f"the sources are {', '.join(scodes)}" if scodes else "declare it under 'sources'"
            )
            if isinstance(v, str):
                problems.add("unknown-source", f"unknown source {v!r}", f"{sec.name}[{k}].source", hint)
            else:
                problems.add(
                    "wrong-type",
                    f"'source' must be a source id (text), not {type_name(v)}",
                    f"{sec.name}[{k}].source",
                    quote_hint(v),
                )
        out[k] = c
    return out


def _text_number(v: str) -> float | None:
    """A CSV weight cell as a positive finite number, else ``None``."""
    try:
        w = float(v)
    except ValueError:
        return None
    return w if math.isfinite(w) and w > 0 else None


def _text_weight(v: str) -> float | None:
    """A CSV weight cell: NaN for an empty cell, ``None`` when not a weight that is read."""
    if not v:
        return math.nan
    w = _text_number(v)
    return w if w is not None and weight_in_range(w) else None


def _weights(values: list[Any], sec: Section, rels: Sequence[Relation], rel: Any, problems: Problems) -> Any:
    """Weights, with the relation's weight where none is written."""
    rel_weight = np.asarray([r.weight for r in rels] or [1.0], dtype=np.float64)
    default = rel_weight[np.maximum(rel, 0)] if len(rel) else np.zeros(0)
    if sec.text:
        written = _by_distinct(values, _text_weight, np.float64)
        if written is not None:
            return np.where(np.isnan(written), default, written)
    out = default.copy()
    cache: dict[Any, float | None] = {}
    for k, v in enumerate(values):
        if not present(v, sec.text):
            continue
        key = value_key(v)
        if key in cache:
            w = cache[key]
        else:
            w = cache[key] = _text_number(v) if sec.text else number(v)
            if w is not None and not w > 0:
                w = cache[key] = None
        if w is None:
            problems.add(
                "bad-weight",
                f"weight {v!r} is not a positive finite number",
                f"{sec.name}[{k}].weight",
                "write a number greater than 0, e.g. 'weight: 2'",
            )
        elif not weight_in_range(w):
            problems.add(
                "bad-weight",
                f"weight {v!r} is outside the weights read ({WEIGHT_RANGE})",
                f"{sec.name}[{k}].weight",
                "rescale the weights, e.g. to thousands or millions",
            )
        else:
            out[k] = w
    return out


def _edge_ids(values: list[Any], sec: Section, problems: Problems) -> dict[int, str]:
    if sec.text and all(not v for v in dict.fromkeys(values)):
        return {}
    explicit: dict[int, str] = {}
    first: dict[str, int] = {}
    for k, v in enumerate(values):
        if not present(v, sec.text):
            continue
        if not isinstance(v, str) or not v:
            problems.add(
                "wrong-type",
                f"an edge id must be text, not {type_name(v)}",
                f"{sec.name}[{k}].id",
                quote_hint(v),
            )
            continue
        if v in first:
            problems.add(
                "duplicate-edge",
                f"edge id {v!r} is used twice (first at {sec.name}[{first[v]}])",
                f"{sec.name}[{k}].id",
                "give each edge its own id",
            )
            continue
        first[v] = k
        if v != f"e{k}":
            explicit[k] = v
    # an explicit id may not take the default id of another, unnamed edge
    written = set(first.values())
    for v, k in first.items():
        if v[:1] == "e" and v[1:].isdigit() and v != f"e{k}":
            j = int(v[1:])
            if j < sec.length and j not in written and v == f"e{j}":
                problems.add(
                    "duplicate-edge",
                    f"edge id {v!r} is also the default id of {sec.name}[{j}]",
                    f"{sec.name}[{k}].id",
                    f"ids e<position> are taken by unnamed edges; rename it or give {sec.name}[{j}] an id",
                )
    return explicit


def build_edges(
    sec: Section,
    nodes: Nodes,
    vocab_types: tuple[NodeType, ...],
    relations: Names,
    relation_list: Callable[[], list[Relation]],
    scale: ConfidenceScale,
    sources: tuple[Source, ...],
    default_source: int,
    default_confidence: int,
    problems: Problems,
    periods: Mapping[str, Span] | None = None,
    grades: Grades | None = None,
) -> EdgeTable:

    names = _NodeNames(nodes)
    src = _endpoints(sec.column("from"), "from", sec, nodes, names, problems)
    dst = _endpoints(sec.column("to"), "to", sec, nodes, names, problems)
    rel = _relation_codes(sec.column("relation"), sec, relations, problems)
    rels = relation_list()
    _check_allowed(sec, nodes, [t.name for t in vocab_types], rels, src, dst, rel, problems)
    conf = _confidence_codes(sec.column("confidence"), sec, scale, default_confidence, problems)
    probs = np.asarray(scale.probabilities, dtype=np.float64)[conf.astype(np.intp)]
    source = _source_codes(sec.column("source"), sec, sources, default_source, problems)
    tfrom, tto, tprec = time_columns(sec.column("time"), sec, problems, periods or {})
    weights = _weights(sec.column("weight"), sec, rels, rel, problems)
    reader = ItemReader(sources, scale, periods or {}, problems)
    evidence, items = evidence_column(sec.column("evidence"), sec, reader)
    explicit = _edge_ids(sec.column("id"), sec, problems)
    attributes = attribute_columns(sec, problems)
    alternatives = check_alternatives(sec, (src, dst, rel), rels, conf, scale, nodes.ids, problems)
    notes = parse_notes(sec, sources, default_source, problems)
    table = EdgeTable.build(
        np.maximum(src, 0),
        np.maximum(dst, 0),
        np.maximum(rel, 0),
        conf,
        probs,
        weights,
        tfrom,
        tto,
        source,
        evidence,
        explicit_ids=explicit,
        attributes=attributes,
        time_precision=tprec,
        alternatives=alternatives,
        notes=notes,
        evidence_items=items,
    )
    table = _corroborated(table, sources, scale, grades or Grades.default())
    written = _probabilities(sec.column("probability"), sec, problems)
    if not written:
        return table
    p = table.probability.copy()
    p[list(written)] = list(written.values())
    p.flags.writeable = False
    return replace(table, probability=p)


def _probabilities(values: list[Any], sec: Section, problems: Problems) -> dict[int, float]:
    """The probabilities written (``probability:``, a one-mode projection's ties), by row."""
    out: dict[int, float] = {}
    for k, v in enumerate(values):
        if not present(v, sec.text):
            continue
        p = _text_number(v) if sec.text else number(v)
        if p is None or not 0.0 < p <= 1.0:
            problems.add(
                "bad-confidence",
                f"probability {v!r} is not a number in (0, 1]",
                f"{sec.name}[{k}].probability",
                "write the tie's probability, e.g. 0.2375, or leave it out: the confidence "
                "level, grades and evidence give it",
            )
            continue
        out[k] = p
    return out


def _corroborated(
    edges: EdgeTable, sources: Sequence[Source], scale: ConfidenceScale, grades: Grades
) -> EdgeTable:
    """``edges`` with each tie's probability from its items and sources (:mod:`~linkchart.model.support`):
    unchanged where no edge has an evidence list and no source is graded."""
    if not edges.evidence_items and not any(s.reliability for s in sources):
        return edges
    vocabulary = Vocabulary(confidence=scale, grades=grades)
    p = combined(support_of(edges, sources, vocabulary), len(edges), grades)
    p.flags.writeable = False
    return replace(edges, probability=p)
