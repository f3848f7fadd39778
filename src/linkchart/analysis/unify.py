"""Two charts' declarations made one, for a merge (:mod:`.merge`): node types, relations, the
confidence scale, default layers and named periods. The first chart's declarations stand;
what the second declares otherwise is a ``vocabulary``
:class:`~linkchart.analysis.conflicts.Conflict`, never settled silently."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import replace
from typing import Any, Final

from ..times import Span
from ..vocabulary import DEFAULT_NODE_TYPES, ConfidenceScale, Grades, Vocabulary
from .conflicts import Conflict

__all__ = ["unified_periods", "unified_vocabulary"]

_RELATION_FIELDS: Final = (
    "directed",
    "sign",
    "layer",
    "reading",
    "weight",
    "source_types",
    "target_types",
)


def unified_vocabulary(
    a: Vocabulary,
    b: Vocabulary,
    found: list[Conflict],
    *,
    uses: tuple[Collection[str], Collection[str]] | None = None,
) -> Vocabulary:
    """One vocabulary for both charts: the first's declarations, then the second's new ones;
    what the second declares otherwise is a ``vocabulary`` conflict, added to ``found`` (the
    first kept; the node types either allows at a relation's end allowed).

    What a chart has only by default is not a declaration of it (``uses``: the node types
    and confidence levels each chart's nodes and edges use; ``None``: all): a default node
    type none of its nodes has (the other's type of that name stands; where the other has
    none, it is left out), the default
    confidence scale where it uses no level the other lacks, the default grades, no default
    layers. The relations are declared when either chart declares its own. So a chart
    merged with an empty chart, either way, is itself."""
    used_a, used_b = (set(u) for u in uses) if uses is not None else (_all(a), _all(b))
    types = {t.name: t for t in a.node_types}
    for t in b.node_types:
        mine = types.get(t.name)
        if mine is None and t.name not in used_b and t in DEFAULT_NODE_TYPES:
            continue  # a default the second chart does not use
        if mine is not None and t.name not in used_a and mine in DEFAULT_NODE_TYPES:
            types[t.name] = t  # the first's is a default it does not use
            continue
        if mine is None:
            types[t.name] = t
        elif mine.node_class is None and t.node_class is not None:
            types[t.name] = replace(mine, node_class=t.node_class)
        elif t.node_class is not None and t.node_class != mine.node_class:
            found.append(
                Conflict(
                    "vocabulary",
                    t.name,
                    f"node type {t.name!r} is of class {mine.node_class} in the first chart, "
                    f"{t.node_class} in the second (the first kept)",
                    values=(str(mine.node_class), str(t.node_class)),
                )
            )
    theirs = {t.name for t in b.node_types}
    types = {k: t for k, t in types.items() if k in used_a or k in theirs or t not in DEFAULT_NODE_TYPES}
    relations = {r.name: r for r in a.relations}
    for r in b.relations:
        mine_r = relations.get(r.name)
        if mine_r is None:
            relations[r.name] = r
            continue
        differ = [f for f in _RELATION_FIELDS if getattr(mine_r, f) != getattr(r, f)]
        if differ:
            said = ", ".join(f"{f} {getattr(mine_r, f)!r} / {getattr(r, f)!r}" for f in differ)
            found.append(
                Conflict(
                    "vocabulary",
                    r.name,
                    f"relation {r.name!r} is declared otherwise by the two charts: {said} (the first "
                    "kept; the node types either allows are allowed)",
                    values=tuple(f"{f}: {getattr(mine_r, f)!r} / {getattr(r, f)!r}" for f in differ),
                )
            )
        relations[r.name] = replace(
            mine_r,
            source_types=_either(mine_r.source_types, r.source_types),
            target_types=_either(mine_r.target_types, r.target_types),
        )
    return Vocabulary(
        node_types=tuple(types.values()),
        relations=tuple(relations.values()),
        confidence=_scale(a.confidence, b.confidence, used_a, used_b, found),
        declared_relations=a.declared_relations or b.declared_relations,
        default_layers=_layers(a.default_layers, b.default_layers, found),
        grades=_grades(a.grades, b.grades, found),
    )


def _all(v: Vocabulary) -> set[str]:
    """Every node type and confidence level ``v`` holds, as if a chart used them all."""
    return {t.name for t in v.node_types} | set(v.confidence.levels)


def _scale(
    a: ConfidenceScale, b: ConfidenceScale, used_a: set[str], used_b: set[str], found: list[Conflict]
) -> ConfidenceScale:
    """One scale: either chart's default scale yields where each level its chart uses is one
    the other has at the same probability; else :func:`_scales`."""
    default = ConfidenceScale.default()

    def covered(mine: ConfidenceScale, used: set[str], other: ConfidenceScale) -> bool:
        theirs = dict(zip(other.levels, other.probabilities, strict=True))
        return all(
            theirs.get(k) == p for k, p in zip(mine.levels, mine.probabilities, strict=True) if k in used
        )

    if b == default and covered(b, used_b, a):
        return a
    if a == default and covered(a, used_a, b):
        return b
    return _scales(a, b, found)


def _either(x: frozenset[str] | None, y: frozenset[str] | None) -> frozenset[str] | None:
    """The node types allowed at one end by either declaration (``None``: any)."""
    return None if x is None or y is None else x | y


def _scales(a: ConfidenceScale, b: ConfidenceScale, found: list[Conflict]) -> ConfidenceScale:
    if a == b:
        return a
    levels = dict(zip(a.levels, a.probabilities, strict=True))
    for name, p in zip(b.levels, b.probabilities, strict=True):
        if name not in levels:
            levels[name] = p
        elif levels[name] != p:
            found.append(
                Conflict(
                    "vocabulary",
                    name,
                    f"confidence level {name!r} is {levels[name]} in the first chart, {p} in the second "
                    "(the first kept: the second chart's ties of that level read as the first's)",
                    values=(str(levels[name]), str(p)),
                )
            )
    by_p: dict[float, list[str]] = {}
    for name, p in levels.items():
        by_p.setdefault(p, []).append(name)
    for p, names in by_p.items():
        if len(names) > 1:
            found.append(
                Conflict(
                    "vocabulary",
                    names[0],
                    f"confidence levels {', '.join(map(repr, names))} both stand for {p}: both kept",
                    values=tuple(names),
                )
            )
    return ConfidenceScale.from_mapping(levels)


def _grades(a: Grades, b: Grades, found: list[Conflict]) -> Grades:
    """The first chart's grades, or the second's where the first has the defaults; other
    grades in both are a ``vocabulary`` conflict (the first kept)."""
    if a == b or b == Grades.default():
        return a
    if a == Grades.default():
        return b
    found.append(Conflict("vocabulary", "grades", "the grades tables or corroboration differ between the "
                          "two charts (the first kept)", values=(repr(a), repr(b))))  # fmt: skip
    return a


def _layers(
    a: tuple[str, ...] | None, b: tuple[str, ...] | None, found: list[Conflict]
) -> tuple[str, ...] | None:
    """The default layers one chart declares (``None``: it declares none), the first's where
    both do and differ (a ``vocabulary`` conflict)."""
    if a is None or b is None:
        return a if b is None else b
    if a != b:
        found.append(
            Conflict(
                "vocabulary",
                "analysis.layers",
                f"the default layers are {list(a) if a else 'every layer'} in the first chart, "
                f"{list(b) if b else 'every layer'} in the second (the first kept)",
                values=(repr(a), repr(b)),
            )
        )
    return a


def unified_periods(a: Mapping[str, Span], b: Mapping[str, Span], found: list[Conflict]) -> dict[str, Any]:
    """Both charts' named periods, as records write them; a name the second gives another
    time is a conflict, added to ``found`` (the first kept)."""
    out: dict[str, Any] = {k: v.value for k, v in a.items()}
    for name, span in b.items():
        if name not in a:
            out[name] = span.value
        elif a[name] != span:
            found.append(
                Conflict(
                    "vocabulary",
                    name,
                    f"period {name!r} is {a[name].text} in the first chart, {span.text} in the second "
                    "(the first kept)",
                    values=(a[name].text, span.text),
                )
            )
    return out
