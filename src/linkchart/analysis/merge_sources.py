"""The sources of a merge (:mod:`.merge`): each chart's local texts carried with its sources
(:func:`with_texts`), the second chart's locations rebased on the first's folder
(:func:`located`), and one list of both, a second-chart id that names another document
renamed (:func:`merged_sources`)."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from ..loading.evidence import is_remote
from ..loading.files import MAX_TEXT_BYTES, Refused, read_text, resolve_named
from ..model import LinkChart, Source

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


def _same_document(x: Source, y: Source) -> bool:
    """Whether two sources of one id are one document: the same citation, and the same text
    or local file (``Source`` equality compares the citation only, so that an export loads
    back equal wherever its texts were read from; a merge must not join two files)."""
    return x == y and (x.location, x.text) == (y.location, y.text)


def merged_sources(a: Sequence[Source], b: Sequence[Source]) -> tuple[list[Source], dict[str, str]]:
    """The first chart's sources, then the second's; a second-chart id that names another
    document in the first is renamed (old -> new)."""
    mine = {s.id: s for s in a}
    taken = {s.id for s in a} | {s.id for s in b}
    out, renamed = list(a), {}
    for s in b:
        if s.id not in mine:
            out.append(s)
        elif not _same_document(mine[s.id], s):
            renamed[s.id] = fresh(s.id, taken)
            out.append(replace(s, id=renamed[s.id]))
    return out, renamed
