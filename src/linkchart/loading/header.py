"""The header of a document: sources, the confidence scale, node types, relations and the analysis."""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping, Sequence
from typing import Any, Final

import numpy as np

from ..errors import Problems, did_you_mean
from ..model import Source
from ..timegrammar import TIME_HINT, period_name_problem
from ..times import Span
from ..vocabulary import (
    CLASSES,
    COMMON_LAYER,
    DEFAULT_NODE_TYPES,
    READINGS,
    RELIABILITY,
    SIGNS,
    ConfidenceScale,
    NodeClass,
    NodeType,
    Relation,
    RelationReading,
    Sign,
)
from .columns import ABSENT, absent, check_keys, quote_hint, type_name
from .nodes import read_time

__all__ = [
    "DEFAULT_KEYS",
    "MAX_WEIGHT",
    "MIN_WEIGHT",
    "TOP_KEYS",
    "WEIGHT_RANGE",
    "number",
    "parse_analysis",
    "parse_confidence",
    "parse_node_types",
    "parse_periods",
    "parse_relations",
    "parse_sources",
    "text_value",
    "weight_in_range",
]

TOP_KEYS: Final = (
    "linkchart",
    "title",
    "description",
    "sources",
    "confidence",
    "defaults",
    "node_types",
    "relations",
    "analysis",
    "periods",
    "grades",
    "decisions",
    "conflicts",
    "nodes",
    "edges",
)
_SOURCE_KEYS: Final = ("id", "title", "author", "date", "location", "reliability", "text", "unchecked")
_NODE_TYPE_KEYS: Final = ("color", "shape", "description", "class")
_RELATION_KEYS: Final = (
    "directed",
    "source_types",
    "target_types",
    "weight",
    "description",
    "sign",
    "layer",
    "reading",
)
_ANALYSIS_KEYS: Final = ("layers",)
DEFAULT_KEYS: Final = ("source", "confidence")


# --------------------------------------------------------------------------- header
_DATE_HINT: Final = "write the source's date as one text, e.g. 'date: 2005-03-01' (or a year: 'date: 2005')"


def text_value(
    v: Any, path: str, problems: Problems, *, required: bool = False, default: str = "", hint: str = ""
) -> str:
    """``v`` as text, or ``default`` with a problem: ``missing-field`` (when ``required``) or
    ``wrong-type`` (``hint``, or how to quote it, or to write one text)."""
    if v is ABSENT or v is None:
        if required:
            problems.add("missing-field", f"'{path}' is required", path)
        return default
    if not isinstance(v, str):
        problems.add(
            "wrong-type",
            f"'{path}' must be text, not {type_name(v)}",
            path,
            hint
            or quote_hint(v)
            or "write it as one text (quoted if it holds ':' or starts with '[' or '{')",
        )
        return default
    return v


def parse_sources(raw: Any, problems: Problems) -> tuple[Source, ...]:
    if absent(raw):
        return ()
    if not isinstance(raw, list | tuple):
        problems.add(
            "wrong-type",
            f"'sources' must be a list, not {type_name(raw)}",
            "sources",
            "write 'sources:' followed by '- id: ...' items",
        )
        return ()
    out: list[Source] = []
    seen: set[str] = set()
    for i, item in enumerate(raw):
        here = f"sources[{i}]"
        if isinstance(item, Source):
            item = {
                "id": item.id,
                "title": item.title,
                "author": item.author,
                "date": item.date,
                "location": item.location,
                "reliability": item.reliability,
                "text": item.text,
                "unchecked": item.unchecked,
            }
        if not isinstance(item, Mapping):
            problems.add(
                "wrong-type",
                f"a source must be a mapping, not {type_name(item)}",
                here,
                "write '- {id: ..., title: ..., location: ...}'",
            )
            continue
        check_keys(item, _SOURCE_KEYS, here, problems)
        date = item.get("date", ABSENT)
        if isinstance(date, int) and not isinstance(date, bool):
            date = str(date)  # a year, as an edge's time may be written (date: 2005)
        values = {
            k: text_value(
                date if k == "date" else item.get(k, ABSENT),
                f"{here}.{k}",
                problems,
                required=k == "id",
                hint=_DATE_HINT if k == "date" else "",
            )
            for k in _SOURCE_KEYS
        }
        sid = values["id"]
        if values["reliability"] and values["reliability"] not in RELIABILITY:
            problems.add(
                "bad-grade",
                f"reliability {values['reliability']!r} is not a grade A-F",
                f"{here}.reliability",
                "A completely reliable, B usually, C fairly, D not usually reliable, E unreliable, "
                "F cannot be judged",
            )
            values["reliability"] = ""
        if not sid:
            continue
        if sid in seen:
            problems.add(
                "duplicate-name",
                f"source {sid!r} is declared twice",
                f"{here}.id",
                "give each source its own id",
            )
            continue
        seen.add(sid)
        out.append(Source(**values))
    if len(out) > np.iinfo(np.int16).max:
        problems.add("wrong-type", f"too many sources ({len(out)}); at most 32767", "sources")
    return tuple(out)


MIN_WEIGHT: Final = 1e-12
"""The smallest weight read (a tie's or a relation's); a weight is read as the distance
``1 / strength`` by the path-based measures, so a smaller one would overflow their sums."""
MAX_WEIGHT: Final = 1e12
"""The largest weight read (a tie's or a relation's); sums of larger ones lose every
smaller weight and can overflow to infinity in the measures."""
WEIGHT_RANGE: Final = f"from {MIN_WEIGHT:g} to {MAX_WEIGHT:g}"
"""The range of weights, in words, for messages."""


def weight_in_range(w: float) -> bool:
    """Whether ``w`` is a weight linkchart reads: from :data:`MIN_WEIGHT` to :data:`MAX_WEIGHT`.

    Examples
    --------
    >>> weight_in_range(2.0), weight_in_range(0.0), weight_in_range(1e308)
    (True, False, False)
    """
    return MIN_WEIGHT <= w <= MAX_WEIGHT


def number(v: Any) -> float | None:
    """``v`` as a finite float if it is a real number (not a boolean), else ``None``."""
    if isinstance(v, bool) or not isinstance(v, int | float):
        return None
    try:
        f = float(v)
    except OverflowError:  # an integer of hundreds of digits
        return None
    return f if math.isfinite(f) else None


def parse_confidence(raw: Any, problems: Problems) -> ConfidenceScale:
    if absent(raw):
        return ConfidenceScale.default()
    if not isinstance(raw, Mapping) or not raw:
        problems.add(
            "wrong-type",
            f"'confidence' must be a mapping of level: probability, not {type_name(raw)}",
            "confidence",
            "write e.g. 'confidence: {confirmed: 0.95, alleged: 0.5}'",
        )
        return ConfidenceScale.default()
    levels: dict[str, float] = {}
    for name, p in raw.items():
        here = f"confidence.{name}"
        if not isinstance(name, str):
            problems.add(
                "wrong-type",
                f"a confidence level must be named with text, not {type_name(name)}",
                "confidence",
                "quote the level's name",
            )
            continue
        prob = number(p)
        if prob is None or not 0.0 < prob <= 1.0:
            problems.add(
                "bad-confidence",
                f"level {name!r} has probability {p!r}; it must be a number in (0, 1]",
                here,
                "write a probability such as 0.75",
            )
            continue
        if prob in levels.values():
            problems.add(
                "bad-confidence",
                f"level {name!r} has the same probability ({prob}) as another level",
                here,
                "the scale is ordinal: give every level a different probability",
            )
            continue
        levels[name] = prob
    if len(levels) > np.iinfo(np.int8).max:
        problems.add("bad-confidence", "too many confidence levels; at most 127", "confidence")
    return ConfidenceScale.from_mapping(levels) if levels else ConfidenceScale.default()


def _declared(
    raw: Mapping[Any, Any], section: str, kind: str, allowed: Sequence[str], example: str, problems: Problems
) -> Iterator[tuple[str, Mapping[Any, Any], str]]:
    """The ``name: {spec}`` entries of a declaration section, each with its path.

    A name that is not text or a spec that is not a mapping is reported and skipped; an
    empty spec (``name:``) reads as ``{}``; unknown keys of a spec are reported.
    """
    for name, spec in raw.items():
        here = f"{section}.{name}"
        if not isinstance(name, str):
            problems.add(
                "wrong-type",
                f"a {kind} must be named with text, not {type_name(name)}",
                section,
                "quote the name",
            )
            continue
        if spec is None:
            spec = {}
        if not isinstance(spec, Mapping):
            problems.add(
                "wrong-type",
                f"{kind} {name!r} must be a mapping, not {type_name(spec)}",
                here,
                f"write '{example}' or '{{}}'",
            )
            continue
        check_keys(spec, allowed, here, problems)
        yield name, spec, here


def parse_node_types(raw: Any, problems: Problems) -> tuple[NodeType, ...]:
    if absent(raw):
        return DEFAULT_NODE_TYPES
    if not isinstance(raw, Mapping) or not raw:
        problems.add(
            "wrong-type",
            "'node_types' must be a mapping of name: {color, shape, description, class}, "
            f"not {type_name(raw)}",
            "node_types",
            "write e.g. 'node_types: {person: {color: \"#f00\"}}'",
        )
        return DEFAULT_NODE_TYPES
    out: list[NodeType] = []
    for name, spec, here in _declared(
        raw,
        "node_types",
        "node type",
        _NODE_TYPE_KEYS,
        "{color: ..., shape: ..., description: ...}",
        problems,
    ):
        color = text_value(spec.get("color", ABSENT), f"{here}.color", problems) or None
        shape = text_value(spec.get("shape", ABSENT), f"{here}.shape", problems) or None
        out.append(
            NodeType(
                name,
                color,
                shape,
                text_value(spec.get("description", ABSENT), f"{here}.description", problems),
                _node_class(spec.get("class", ABSENT), f"{here}.class", problems),
            )
        )
    if len(out) > np.iinfo(np.int16).max:
        problems.add("wrong-type", "too many node types; at most 32767", "node_types")
    return tuple(out) or DEFAULT_NODE_TYPES


def _node_class(raw: Any, path: str, problems: Problems) -> NodeClass | None:
    """A node type's ``class:`` (one of :data:`~linkchart.vocabulary.CLASSES`), or ``None``."""
    if absent(raw):
        return None
    if raw in CLASSES:
        return raw  # type: ignore[no-any-return]
    problems.add(
        "wrong-type",
        f"'class' must be a class of the meta-network, not {raw!r}",
        path,
        (did_you_mean(raw, CLASSES) + " " if isinstance(raw, str) else "")
        + f"the classes are {', '.join(CLASSES)}",
    )
    return None


def _type_list(raw: Any, path: str, known: Sequence[str], problems: Problems) -> frozenset[str] | None:
    if absent(raw):
        return None
    if isinstance(raw, str):
        raw = [raw]
    if not isinstance(raw, list | tuple):
        problems.add(
            "wrong-type",
            f"'{path}' must be a list of node types, not {type_name(raw)}",
            path,
            "write e.g. '[state, organisation]'",
        )
        return None
    out: set[str] = set()
    for i, t in enumerate(raw):
        if not isinstance(t, str):
            problems.add(
                "wrong-type", f"a node type must be text, not {type_name(t)}", f"{path}[{i}]", quote_hint(t)
            )
        elif t not in known:
            problems.add(
                "unknown-node-type",
                f"unknown node type {t!r}",
                f"{path}[{i}]",
                did_you_mean(t, known) or f"the node types are {', '.join(known)}",
            )
        else:
            out.add(t)
    return frozenset(out)


def parse_relations(
    raw: Any, type_names: Sequence[str], problems: Problems
) -> tuple[tuple[Relation, ...], bool]:
    if absent(raw):
        return (), False
    if not isinstance(raw, Mapping):
        problems.add(
            "wrong-type",
            f"'relations' must be a mapping of name: {{directed, ...}}, not {type_name(raw)}",
            "relations",
            "write e.g. 'relations: {finances: {directed: true}}'",
        )
        return (), False
    out: list[Relation] = []
    for name, spec, here in _declared(
        raw,
        "relations",
        "relation",
        _RELATION_KEYS,
        "{directed: true, source_types: [...], target_types: [...]}",
        problems,
    ):
        directed = spec.get("directed", ABSENT)
        if absent(directed):
            directed = True
        elif not isinstance(directed, bool):
            problems.add(
                "wrong-type",
                f"'directed' must be true or false, not {type_name(directed)}",
                f"{here}.directed",
                "write 'directed: true' or 'directed: false'",
            )
            directed = True
        weight = spec.get("weight", ABSENT)
        w = 1.0 if absent(weight) else number(weight)
        if w is None or w <= 0:
            problems.add(
                "bad-weight",
                f"relation {name!r} has weight {weight!r}; it must be a positive number",
                f"{here}.weight",
                "write e.g. 'weight: 1'",
            )
            w = 1.0
        elif not weight_in_range(w):
            problems.add(
                "bad-weight",
                f"relation {name!r} has weight {weight!r}, outside the weights read ({WEIGHT_RANGE})",
                f"{here}.weight",
                "rescale the weights, e.g. to thousands or millions",
            )
            w = 1.0
        out.append(
            Relation(
                name,
                directed,
                _type_list(spec.get("source_types", ABSENT), f"{here}.source_types", type_names, problems),
                _type_list(spec.get("target_types", ABSENT), f"{here}.target_types", type_names, problems),
                w,
                text_value(spec.get("description", ABSENT), f"{here}.description", problems),
                _sign(spec.get("sign", ABSENT), f"{here}.sign", problems),
                text_value(spec.get("layer", ABSENT), f"{here}.layer", problems) or COMMON_LAYER,
                _relation_reading(spec.get("reading", ABSENT), f"{here}.reading", problems),
            )
        )
    return tuple(out), True


def _choice(
    raw: Any, path: str, key: str, choices: Sequence[str], default: str, hint: str, problems: Problems
) -> Any:
    """``raw`` if it is one of ``choices``, ``default`` where absent; else a located
    ``wrong-type`` problem (with the closest choice) and ``default``."""
    if absent(raw):
        return default
    if raw in choices:
        return str(raw)
    close = did_you_mean(raw, choices) if isinstance(raw, str) else ""
    problems.add(
        "wrong-type",
        f"'{key}' must be {', '.join(choices[:-1])} or {choices[-1]}, not {raw!r}",
        path,
        f"{close} {hint}" if close else hint,
    )
    return default


_SIGN_HINT: Final = (
    "write 'sign: negative' for a hostile relation, 'sign: neutral' for one that is neither "
    "cooperation nor hostility (presence, geography, a statement), 'sign: positive' (the "
    "default) for a channel"
)
_READING_HINT: Final = (
    "write 'reading: none' for an example or a category that no measure may read "
    "('movements such as the LeT'); 'reading: tie' is the default"
)


def _sign(raw: Any, path: str, problems: Problems) -> Sign:
    sign: Sign = _choice(raw, path, "sign", SIGNS, "positive", _SIGN_HINT, problems)
    return sign


def _relation_reading(raw: Any, path: str, problems: Problems) -> RelationReading:
    reading: RelationReading = _choice(raw, path, "reading", READINGS, "tie", _READING_HINT, problems)
    return reading


def _a_mapping(raw: Any, key: str, example: str, problems: Problems) -> bool:
    """Whether the top-level section ``key`` is a mapping; a ``wrong-type`` problem if not."""
    if isinstance(raw, Mapping):
        return True
    problems.add(
        "wrong-type", f"'{key}' must be a mapping, not {type_name(raw)}", key, f"write e.g. {example}"
    )
    return False


def parse_analysis(raw: Any, relations: Sequence[Relation], problems: Problems) -> tuple[str, ...] | None:
    """The ``analysis:`` section: the layers the measures read by default (``None``: all)."""
    if absent(raw) or not _a_mapping(
        raw, "analysis", "'analysis: {layers: [operational, political]}'", problems
    ):
        return None
    check_keys(raw, _ANALYSIS_KEYS, "analysis", problems)
    layers = raw.get("layers", ABSENT)
    if absent(layers) or layers == "all":
        return None
    if isinstance(layers, str):
        layers = [layers]
    if not isinstance(layers, list) or not layers:
        problems.add(
            "wrong-type",
            f"'analysis.layers' must be a list of layer names or 'all', not {type_name(layers)}",
            "analysis.layers",
            "write e.g. 'layers: [operational, political]'",
        )
        return None
    known = list(dict.fromkeys(r.layer for r in relations))
    out: list[str] = []
    for i, name in enumerate(layers):
        if not isinstance(name, str):
            problems.add(
                "wrong-type",
                f"a layer must be named with text, not {type_name(name)}",
                f"analysis.layers[{i}]",
                quote_hint(name),
            )
        elif name not in known:
            problems.add(
                "unknown-layer",
                f"no relation is in the layer {name!r}",
                f"analysis.layers[{i}]",
                did_you_mean(name, known) or f"the layers are {', '.join(known) or '(none)'}",
            )
        elif name not in out:
            out.append(name)
    return tuple(out)


# --------------------------------------------------------------------------- periods
def parse_periods(raw: Any, problems: Problems) -> dict[str, Span]:
    """The named periods: ``periods: {phase1: {from: 1994-03, to: 1994-04}, ...}``, in order.

    A period is any time value (not another period's name); its name must not read as
    a time. Bad periods are reported and left out.
    """
    out: dict[str, Span] = {}
    if absent(raw) or not _a_mapping(
        raw, "periods", "'periods: {phase1: {from: 1994-03, to: 1994-04}}'", problems
    ):
        return out
    for name, value in raw.items():
        here = f"periods.{name}"
        why = period_name_problem(name)
        if why:
            problems.add("bad-time", why, here, "name it e.g. phase1 or 'before the split'")
            continue
        span = read_time(value)
        if isinstance(span, str):
            problems.add("bad-time", span, here, TIME_HINT)
            continue
        out[name] = span
    return out
