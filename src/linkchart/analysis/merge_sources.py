"""The sources of a merge (:mod:`.merge`): each chart's local texts carried with its sources
(:func:`with_texts`), the second chart's locations rebased on the first's folder
(:func:`located`), and one list of both (:func:`merged_sources`): one document is one
source (the same id, unless the two clearly differ; the same text; or the analyst's word),
and a second-chart id that names another document is renamed."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Final

from ..errors import LinkchartError, did_you_mean
from ..loading.evidence import fold, is_remote
from ..loading.files import MAX_TEXT_BYTES, Refused, read_text, resolve_named
from ..model import LinkChart, Source
from .conflicts import Conflict
from .merged import SameSource

__all__ = ["fresh", "located", "merged_sources", "with_texts"]


def fresh(name: str, taken: set[str]) -> str:
    """``name-2``, ``name-3`` ...: the first not in ``taken`` (which it joins)."""
    k = 2
    while f"{name}-{k}" in taken:
        k += 1
    taken.add(f"{name}-{k}")
    return f"{name}-{k}"


def with_texts(c: LinkChart) -> list[Source]:
    """``c``'s sources, each with the text of the local file its load read (and checked its
    quotes against) in ``text``: the merged chart has one folder, ``a``'s, and a writer reads
    no text outside it, so each text travels with its source (and a writer can embed it)."""
    if c.path is None:
        return list(c.sources)
    base, out = Path(c.path).parent, []
    for s in c.sources:
        if not s.text and not s.unchecked and s.location and not is_remote(s.location):
            try:  # the load read it (else it would be unchecked): outside its folder only if allowed
                path = resolve_named(base, s.location, allow_outside=True)
                s = replace(s, text=read_text(path, MAX_TEXT_BYTES, encoding="utf-8"))
            except (Refused, OSError, UnicodeDecodeError):
                pass  # changed since it loaded: the writer says it is unchecked
        out.append(s)
    return out


def located(b: LinkChart, a: LinkChart) -> list[Source]:
    """``b``'s sources (:func:`with_texts`), each relative local ``location`` written relative
    to ``a``'s folder (the merged chart's), or absolute when ``a`` has none."""
    if b.path is None or a.path == b.path:
        return with_texts(b)
    origin = Path(b.path).parent
    out = []
    for s in with_texts(b):
        loc = s.location
        if loc and not is_remote(loc) and not os.path.isabs(loc):
            whole = os.path.abspath(origin / loc)
            loc = whole if a.path is None else os.path.relpath(whole, os.path.abspath(Path(a.path).parent))
        out.append(replace(s, location=loc))
    return out


_CITED: Final = ("title", "author", "date")
"""The fields that tell two documents apart: two sources of one id that give one of them
two values (each side giving one) are two documents."""

_JUDGED: Final = "ABCDE"
"""The reliability grades that judge a source, most reliable first (``F`` and ``""``: not
judged)."""


def _differ(x: Source, y: Source) -> str:
    """How two sources clearly differ, in words (``""``: they do not): a citation field
    (title, author, date) each gives a value of, and the two differ; or texts each has, of
    which neither holds the other. A field one of them leaves out, a location, a web address
    or a grade is no difference."""
    said = [f"{f} {getattr(x, f)!r} / {getattr(y, f)!r}" for f in _CITED
            if getattr(x, f) and getattr(y, f) and getattr(x, f) != getattr(y, f)]  # fmt: skip
    if x.text and y.text and not _holds(y.text, x.text) and not _holds(x.text, y.text):
        said.append("texts that differ")
    return ", ".join(said)


def _holds(outer: str, inner: str) -> bool:
    """Whether text ``outer`` holds ``inner``, read as the quote check reads them
    (:func:`~linkchart.loading.evidence.fold`: a text extracted again, with other line
    breaks, spaces or typographic quotes, is the same text)."""
    return fold(inner) in fold(outer)


def _lower(x: str, y: str) -> str:
    """The grade a source judged two ways keeps: the less reliable of two judged grades
    (A-E), the judged one of a judged and an unjudged (``F``, ``""``), else the first."""
    judged = [g for g in (x, y) if g and g in _JUDGED]
    return max(judged, key=_JUDGED.index) if judged else x


def _one(x: Source, y: Source, found: list[Conflict]) -> Source:
    """One source of ``x`` (the first chart's) and ``y`` (the second's), one document: each
    field ``x`` leaves empty taken from ``y``; the text that holds the other, with its
    location (or, for two texts neither of which holds the other, both, one after the
    other, with no local location: the text travels with the source, so that every quote
    of either is checked against it); the grade of :func:`_lower`, and a ``source``
    conflict where the two grade it otherwise."""
    filled = {f: getattr(x, f) or getattr(y, f) for f in ("title", "author", "date")}
    text, location = x.text, x.location or ("" if x.text else y.location)  # x's text: x's place
    web = next((loc for loc in (x.location, y.location) if is_remote(loc)), "")
    if y.text and (not x.text or _holds(y.text, x.text)):  # the second's text holds the first's
        text, location = y.text, web or y.location or x.location
    elif y.text and not _holds(x.text, y.text):  # two texts of one document (the analyst's word)
        text, location = f"{x.text}\n\n{y.text}", web
    grade = _lower(x.reliability, y.reliability)
    if x.reliability != y.reliability:
        found.append(
            Conflict(
                "source",
                x.id,
                f"source {x.id!r} is graded {x.reliability or 'ungraded'} by the first chart, "
                f"{y.reliability or 'ungraded'} by the second (kept: {grade or 'ungraded'}, the lower "
                "judged grade)",
                sources=(x.id, y.id),
                values=(x.reliability, y.reliability),
            )
        )
    unchecked = "" if text else (x.unchecked or y.unchecked)
    return replace(x, **filled, text=text, location=location, reliability=grade, unchecked=unchecked)


def merged_sources(
    a: Sequence[Source], b: Sequence[Source], same: Mapping[str, str], found: list[Conflict]
) -> tuple[list[Source], dict[str, str], list[SameSource]]:
    """The first chart's sources, then the second's that are other documents; with the
    second's ids renamed because they name another document in the first (old -> new), and
    the second's sources that are one of the first's (:class:`SameSource`), whose edges and
    items take the first's id.

    A second-chart source is one of the first's when ``same`` (second id -> first id, the
    analyst's word) says so; else when the first has its id and they do not clearly differ
    (:func:`_differ`); else when their texts are the same. Renamed sources are ``source``
    conflicts, added to ``found``, as a grade given two ways is.

    Raises
    ------
    LinkchartError
        For ``same`` naming a source a chart lacks.
    """
    mine = {s.id: s for s in a}
    theirs = {s.id for s in b}
    for second, first in same.items():
        for sid, ids, which in ((second, theirs, "second"), (first, set(mine), "first")):
            if sid not in ids:
                raise LinkchartError(
                    f"same_source: the {which} chart has no source {sid!r}",
                    code="unknown-name",
                    hint=did_you_mean(sid, sorted(ids)),
                )
    by_text = {fold(s.text): s.id for s in a if s.text}
    taken = set(mine) | theirs
    out, renamed, joined = dict(mine), {}, []
    for s in b:
        target, why, differ = same.get(s.id), "said same", ""
        if target is None and s.id in mine:
            differ = _differ(mine[s.id], s)
            target, why = (None, "") if differ else (s.id, "same id")
        if target is None and s.text and fold(s.text) in by_text:
            target, why = by_text[fold(s.text)], "same text"
        if target is not None:
            out[target] = _one(out[target], replace(s, id=target), found)
            if target != s.id:
                joined.append(SameSource(s.id, target, why))
        elif s.id in mine:
            renamed[s.id] = fresh(s.id, taken)
            out[renamed[s.id]] = replace(s, id=renamed[s.id])
            found.append(
                Conflict(
                    "source",
                    s.id,
                    f"source id {s.id!r} names two documents ({differ}): the second chart's renamed "
                    f"{renamed[s.id]!r}",
                    sources=(s.id, renamed[s.id]),
                )
            )
        else:
            out[s.id] = s
    return list(out.values()), renamed, joined
