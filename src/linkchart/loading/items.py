"""An edge's evidence column: a quote, or a list of evidence items, each ``{quote, source,
confidence, credibility, time}`` (a ``quote``, or a ``source`` alone for a tie the source
reports unquoted; the rest default to the edge's own fields), checked and located
(``edges[3].evidence[1].source``). See ``docs/format.md``, *Evidence from several sources*.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Mapping, Sequence
from typing import Any, Final

from ..errors import Problems, did_you_mean
from ..model import Evidence, Source
from ..readers.convention import evidence_value
from ..timegrammar import TIME_HINT
from ..times import Span
from ..vocabulary import CREDIBILITY, ConfidenceScale
from .columns import ABSENT, Section, absent, check_keys, quote_hint, type_name
from .evidence import has_words
from .nodes import read_time

__all__ = ["ItemReader", "credibility_grade", "evidence_column"]


_ITEM_KEYS: Final = ("quote", "source", "confidence", "credibility", "time")
_ITEM_EXAMPLE: Final = "write 'evidence: [{quote: ..., source: ...}, ...]' (each item a quote and its source)"


def credibility_grade(value: Any) -> int | None:
    """The credibility grade 1-6 ``value`` is written as, or ``None`` where it is not one.

    A spreadsheet, pandas or a JSON cell may hold a whole number as a float (``2.0``,
    ``numpy.float64(2.0)``) or as text (``"2"``, ``"2.0"``): each is the grade. A truth value,
    a fraction (``2.5``) or a number out of range is not.

    >>> credibility_grade(2.0), credibility_grade(" 3 "), credibility_grade(2.5), credibility_grade(True)
    (2, 3, None, None)
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, str):
        try:
            value = float(value.strip())
        except ValueError:
            return None
    if isinstance(value, numbers.Integral):
        grade = int(value)
    elif isinstance(value, numbers.Real) and math.isfinite(value) and float(value).is_integer():
        grade = int(float(value))
    else:
        return None
    return grade if grade in CREDIBILITY else None


class ItemReader:
    """Reads the items of an evidence list, each checked and located (``edges[3].evidence[1].source``)."""

    def __init__(
        self,
        sources: Sequence[Source],
        scale: ConfidenceScale,
        periods: Mapping[str, Span],
        problems: Problems,
    ) -> None:
        self.sources = [s.id for s in sources]
        self.scale = scale
        self.periods = periods
        self.problems = problems

    def text(self, v: Any, here: str, what: str) -> str | None:
        if isinstance(v, str):
            return v
        self.problems.add("wrong-type", f"{what} must be text, not {type_name(v)}", here, quote_hint(v))
        return None

    def item(self, raw: Any, here: str) -> Evidence | None:
        if isinstance(raw, Evidence):
            raw = raw.value
        if isinstance(raw, str):
            raw = {"quote": raw}
        if not isinstance(raw, Mapping):
            self.problems.add(
                "wrong-type",
                f"an evidence item must be a mapping or a quote, not {type_name(raw)}",
                here,
                _ITEM_EXAMPLE,
            )
            return None
        check_keys(raw, _ITEM_KEYS, here, self.problems)
        quote = raw.get("quote", ABSENT)
        if absent(quote) and absent(raw.get("source", ABSENT)):
            self.problems.add(
                "missing-field",
                "an evidence item needs a 'quote' (or a 'source', for a tie it reports unquoted)",
                f"{here}.quote",
                "quote the passage that asserts the tie",
            )
            return None
        unquoted = absent(quote)
        quote = "" if unquoted else self.text(quote, f"{here}.quote", "a quote")
        if quote is None:
            return None
        if not unquoted and not has_words(quote):
            self.problems.add(
                "evidence-not-found",
                f"evidence {quote!r} quotes no words",
                f"{here}.quote",
                "quote the passage that asserts the tie ('...' marks words left out)",
            )
            return None
        fields: dict[str, Any] = {}
        ok = True
        source = raw.get("source", ABSENT)
        if not absent(source):
            sid = self.text(source, f"{here}.source", "an item's source")
            if sid is not None and sid not in self.sources:
                self.problems.add(
                    "unknown-source",
                    f"unknown source {sid!r}",
                    f"{here}.source",
                    did_you_mean(sid, self.sources) or "declare it under 'sources'",
                )
                sid = None
            ok = ok and sid is not None
            fields["source"] = sid
        level = raw.get("confidence", ABSENT)
        if not absent(level):
            if level not in self.scale.levels:
                self.problems.add(
                    "bad-confidence",
                    f"confidence {level!r} is not a level of the scale",
                    f"{here}.confidence",
                    f"the levels are {', '.join(self.scale.levels)}",
                )
                ok = False
            fields["confidence"] = level
        written = raw.get("credibility", ABSENT)
        if not absent(written):
            grade = credibility_grade(written)
            if grade is None:
                self.problems.add(
                    "bad-grade",
                    f"credibility {written!r} is not a grade 1-6",
                    f"{here}.credibility",
                    "1 confirmed, 2 probably true, 3 possibly true, 4 doubtful, 5 improbable, "
                    "6 cannot be judged",
                )
                ok = False
            fields["credibility"] = grade
        when = raw.get("time", ABSENT)
        if not absent(when):
            span = read_time(when, self.periods)
            if isinstance(span, str):
                self.problems.add("bad-time", f"the time of the item: {span}", f"{here}.time", TIME_HINT)
                ok = False
            fields["time"] = span
        return Evidence(quote, **fields) if ok else None


def evidence_column(
    values: list[Any], sec: Section, reader: ItemReader
) -> tuple[list[str], dict[int, tuple[Evidence, ...]]]:
    """The evidence column: each edge's quote (the first item's, for a list) and the items
    of the edges written with an evidence list, by row."""
    problems = reader.problems
    listed = [k for k, v in enumerate(values) if v.__class__ is not str or (sec.text and v[:1] == "[")]
    if sec.text:
        decoded = {k: evidence_value(values[k]) for k in listed}
        listed = [k for k in listed if not isinstance(decoded[k], str)]
    texts = values if sec.text else [v for v in values if v.__class__ is str]
    wordless = {v for v in dict.fromkeys(texts) if v and not has_words(v)}
    if sec.text and not wordless and not listed:
        return values, {}
    out: list[str] = []
    items: dict[int, tuple[Evidence, ...]] = {}
    for k, v in enumerate(values):
        if sec.text and k in listed:
            v = decoded[k]
        if v.__class__ is str:
            if v in wordless:
                problems.add(
                    "evidence-not-found",
                    f"evidence {v!r} quotes no words",
                    f"{sec.name}[{k}].evidence",
                    "quote the passage that asserts the tie ('...' marks words left out between parts)",
                )
            out.append(v)
            continue
        if isinstance(v, list | tuple) and not v:  # an empty list: no evidence, as an absent key
            out.append("")
            continue
        if isinstance(v, list | tuple):
            here = f"{sec.name}[{k}].evidence"
            found = [reader.item(x, f"{here}[{i}]") for i, x in enumerate(v)]
            kept = tuple(x for x in found if x is not None)
            if len(kept) == len(found):
                items[k] = kept
            out.append(kept[0].quote if kept else "")
            continue
        if not absent(v):
            problems.add(
                "wrong-type",
                f"'evidence' must be a quote or a list of evidence items, not {type_name(v)}",
                f"{sec.name}[{k}].evidence",
                "quote the passage, or " + _ITEM_EXAMPLE,
            )
        out.append("")
    return out, items
