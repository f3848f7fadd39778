"""Hypothesis strategies shared by the tests: random charts that exercise every field.

``tests/conftest.py`` puts this folder on ``sys.path``, so a test module imports them
with ``from strategies import charts``.
"""

from __future__ import annotations

import copy
import math
from datetime import date
from typing import Any

from hypothesis import strategies as st

import linkchart
from linkchart import from_records
from linkchart.loading.columns import RESERVED_EDGE_NAMES, RESERVED_NODE_NAMES
from linkchart.loading.evidence import has_words
from linkchart.vocabulary import ConfidenceScale, NodeType, Relation, Vocabulary

__all__ = ["ALIAS", "COLUMN", "HOSTILE_PLAIN", "TEXT", "WORD", "charts", "paths_of", "replaced"]

# Any text but surrogates and NUL: unicode, quotes, newlines, YAML-looking words.
TEXT = st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x00"), max_size=12)
TRICKY = st.sampled_from(
    [
        "yes",
        "no",
        "null",
        "~",
        "1999",
        "0x1F",
        "1:30",
        "- a",
        "a: b",
        "#x",
        '"q"',
        "\u2019curly\u2019",
        "line\nbreak",
        " padded ",
        "\r\n",
        "…",
        "2005-03-01",
        ".inf",
    ]
)
WORD = st.one_of(TEXT.filter(bool), TRICKY)
# What CSV can hold: an alias without '|' and not padded; a non-empty, unpadded column name.
ALIAS = WORD.filter(lambda s: "|" not in s and s == s.strip() and s != "")
COLUMN = WORD.filter(lambda s: s == s.strip() and s not in ("", "attributes"))
SCALAR = st.one_of(
    WORD, st.integers(-(10**12), 10**12), st.booleans(), st.floats(allow_nan=False, allow_infinity=False)
)
_DAYS = st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31))
_POINT = st.one_of(
    st.integers(1, 9999),
    _DAYS.map(lambda d: f"{d.year:04d}-{d.month:02d}"),
    _DAYS.map(lambda d: d.isoformat()),
)
TIME = st.one_of(
    st.none(),
    _POINT,
    st.tuples(st.integers(1, 9949), st.integers(0, 50)).map(lambda t: {"from": t[0], "to": t[0] + t[1]}),
    st.tuples(_DAYS, _DAYS).map(lambda t: f"{min(t).year:04d}-{min(t).month:02d}/{max(t).isoformat()}"),
    _POINT.map(lambda y: {"from": y, "to": None}),
    _POINT.map(lambda y: {"from": None, "to": y}),
)
"""Every form of a time: years, months, days, intervals of years and of days, open ends."""


@st.composite
def charts(draw: st.DrawFn, *, csv: bool = False, declared: bool = False) -> linkchart.LinkChart:
    """Random valid charts: unicode everywhere, parallel edges, open or declared vocabularies."""
    reserved_node, reserved_edge = RESERVED_NODE_NAMES, RESERVED_EDGE_NAMES
    attr_value = st.one_of(SCALAR, st.lists(SCALAR, max_size=3))  # CSV too: JSON columns (issue 22)
    ids = draw(st.lists(WORD, min_size=1, max_size=8, unique=True))
    type_names = draw(
        st.lists(
            st.one_of(st.sampled_from(["state", "organisation", "person"]), WORD),
            min_size=1,
            max_size=3,
            unique=True,
        )
    )
    rel_names = draw(st.lists(WORD, min_size=1, max_size=3, unique=True))
    sources = draw(
        st.lists(
            st.builds(
                lambda i, t, a, d: linkchart.Source(i, t, a, d, "https://example.org/x"),
                WORD,
                TEXT,
                TEXT,
                TEXT,
            ),
            max_size=2,
            unique_by=lambda s: s.id,
        )
    )
    nodes = []
    taken = {i.casefold() for i in ids}  # an alias names one node only
    for nid in ids:
        rec: dict[str, Any] = {"id": nid, "type": draw(st.sampled_from(type_names))}
        if draw(st.booleans()):
            rec["label"] = draw(WORD)
        aliases = draw(st.lists(ALIAS if csv else WORD, max_size=2))
        rec["aliases"] = [a for a in aliases if a.casefold() == nid.casefold() or a.casefold() not in taken]
        taken.update(a.casefold() for a in rec["aliases"])
        names = st.one_of(COLUMN if csv else WORD).filter(lambda s: s not in reserved_node)
        rec["attributes"] = draw(st.dictionaries(names, attr_value, max_size=2))
        rec["time"] = draw(TIME)
        nodes.append(rec)
    edges = []
    for k in range(draw(st.integers(0, 12))):
        rec = {
            "from": draw(st.sampled_from(ids)),
            "relation": draw(st.sampled_from(rel_names)),
            "to": draw(st.sampled_from(ids)),
            "confidence": draw(st.sampled_from(["confirmed", "reported", "alleged", "possible"])),
            "evidence": draw(TEXT.filter(lambda t: not t or has_words(t))),  # a quote quotes words
            "time": draw(TIME),
        }
        if sources and draw(st.booleans()):
            rec["source"] = draw(st.sampled_from(sources)).id
        if draw(st.booleans()):
            rec["weight"] = draw(st.floats(1e-6, 1e6))
        if draw(st.booleans()):
            rec["id"] = f"id-{k}-" + draw(TEXT)
        names = st.one_of(COLUMN if csv else WORD).filter(lambda s: s not in reserved_edge)
        rec["attributes"] = draw(st.dictionaries(names, attr_value, max_size=2))
        edges.append(rec)
    vocabulary = None
    if declared:
        vocabulary = Vocabulary(
            node_types=tuple(
                NodeType(t, draw(st.one_of(st.none(), WORD)), None, draw(TEXT)) for t in type_names
            ),
            relations=tuple(
                Relation(
                    r,
                    draw(st.booleans()),
                    None,
                    None,
                    draw(st.floats(0.5, 3)),
                    draw(TEXT),
                    draw(st.sampled_from(["positive", "negative"])),
                    draw(st.sampled_from(["common", "operational", "geography"])),
                )
                for r in rel_names
            ),
            confidence=ConfidenceScale.from_mapping(
                {"confirmed": 0.9, "reported": 0.7, "alleged": 0.4, "possible": 0.1}
            ),
        )
    return from_records(nodes, edges, vocabulary, title=draw(TEXT), description=draw(TEXT), sources=sources)


# ---------------------------------------------------------------------------- fuzzing documents
HOSTILE_PLAIN = st.one_of(  # what a colleague's file may hold where a value goes
    st.text(max_size=30),
    st.integers(min_value=-(10**400), max_value=10**400),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.none(),
    st.lists(st.one_of(st.text(max_size=5), st.integers(), st.none()), max_size=3),
    st.dictionaries(
        st.text(max_size=5), st.one_of(st.text(max_size=5), st.integers(), st.none()), max_size=3
    ),
    st.just(10**401),
    st.just(float("nan")),
    st.just(-math.inf),
    st.just("\x00"),
    st.just("../../../etc/passwd"),
)
"""Plain values a hostile file may hold anywhere: every JSON/YAML type, huge and non-finite numbers."""


def paths_of(doc: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path (keys and indices) to a value in the nested document ``doc``."""
    out = [prefix] if prefix else []
    if isinstance(doc, dict):
        for k, v in doc.items():
            out += paths_of(v, (*prefix, k))
    elif isinstance(doc, list):
        for i, v in enumerate(doc):
            out += paths_of(v, (*prefix, i))
    return out


def replaced(doc: Any, path: tuple[Any, ...], value: Any) -> Any:
    """A deep copy of ``doc`` with the value at ``path`` replaced by ``value``."""
    out = copy.deepcopy(doc)
    target = out
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return out
