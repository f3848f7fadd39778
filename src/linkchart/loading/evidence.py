"""Evidence integrity: every quote that cites a source's text must occur in that text.

Provenance an analyst can trust and a reviewer can check: when a source's text is
carried in the file (an export's embedded ``text``) or its ``location`` is a local file,
each edge citing that source with an ``evidence`` quote is looked up in that text; a
source whose text is neither is said, per source, not to be checked (a warning). Both
sides are *folded* first — runs of whitespace become one space, typographic quotes and
dashes become plain ones — and an ellipsis
(``...`` or ``…``) in a quote stands for omitted words: the parts around it must occur
in order. ``http(s)`` locations are recorded and never fetched, so never checked.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Final

from .files import MAX_TEXT_BYTES, Refused, inside, read_text, resolve_named

if TYPE_CHECKING:
    from ..errors import Problems
    from ..model import Source

__all__ = ["check_evidence", "fold", "has_words", "is_remote", "quote_occurs"]

_FOLD: Final = str.maketrans(
    {"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"}
)
_SPACE: Final = re.compile(r"\s+")
_ELLIPSIS: Final = re.compile("\\.\\.\\.|\u2026")
_WORD: Final = re.compile(r"[^\W_]")
_EMBED_HINT: Final = (
    "ask for the file again with the texts embedded (linkchart export --embed-sources), or "
    "put the text beside the file and name it in the source's 'location'"
)


def fold(text: str) -> str:
    """Fold whitespace runs to one space and typographic quotes and dashes to plain ones.

    Examples
    --------
    >>> fold("Tajikistan\\u2019s  territory \\u2013\\n or")
    "Tajikistan's territory - or"
    """
    return _SPACE.sub(" ", text.translate(_FOLD)).strip()


def has_words(quote: str) -> bool:
    """Whether ``quote`` has a letter or digit besides its ellipses (``"..."`` alone quotes nothing).

    Examples
    --------
    >>> has_words("... IMT ..."), has_words(" … ... ")
    (True, False)
    """
    return _WORD.search(quote) is not None


def is_remote(location: str) -> bool:
    """Whether ``location`` is a web address (recorded, never fetched)."""
    return location.lower().startswith(("http://", "https://"))


def quote_occurs(quote: str, folded_text: str) -> str | None:
    """``None`` if ``quote`` occurs in ``folded_text`` (already :func:`fold`-ed), else the missing part.

    An ellipsis in the quote stands for omitted words: its parts must occur in order.

    Examples
    --------
    >>> text = fold("IMT fighters have retained strong connections with traffickers.")
    >>> quote_occurs("IMT fighters … with traffickers", text) is None
    True
    >>> quote_occurs("with traffickers ... IMT fighters", text)
    'IMT fighters'
    """
    start = 0
    for part in _ELLIPSIS.split(quote):
        part = fold(part)
        if not part:
            continue
        found = folded_text.find(part, start)
        if found < 0:
            return part
        start = found + len(part)
    return None


def _matched_prefix(part: str, text: str) -> str:
    """The longest prefix of ``part`` that occurs in ``text`` (a hint for the reader)."""
    lo, hi = 0, len(part)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if part[:mid] in text:
            lo = mid
        else:
            hi = mid - 1
    return part[:lo]


def check_evidence(
    sources: Sequence[Source],
    quotes: Iterable[tuple[str, int, str]],
    base: Path,
    problems: Problems,
    *,
    allow_outside: bool = False,
) -> dict[int, str]:
    """Report every quote that does not occur in its source's text; return the sources not
    checked (their index -> why, as :attr:`~linkchart.model.Source.unchecked` holds it).

    ``quotes`` are ``(path, source code, quote)``: each edge's evidence (at
    ``edges[k].evidence``) and each note's quote (at ``...notes[i].quote``). A source's
    text is the one its file carries (``text``, an export's embedded text), else the
    local file its ``location`` names. A local location that cannot be read, or that is
    refused (outside the graph's folder unless ``allow_outside``, not a regular file,
    larger than :data:`~.files.MAX_TEXT_BYTES`), and a source that an export left
    without its text (``unchecked``), is an ``evidence-unchecked`` warning at
    ``sources[i]``: the chart loads, and the quotes citing it are not checked. A quote
    that is not found is ``evidence-not-found`` at its path. The hint quotes how far a
    quote matches only for a text carried in the file or inside the graph's folder: a
    file outside it is never echoed.
    """
    quotes = list(quotes)
    cited = Counter(code for _, code, quote in quotes if quote)
    texts: dict[int, str] = {}
    echo: set[int] = set()

    reasons: dict[int, str] = {}

    def unchecked(i: int, why: str, hint: str, where: str) -> None:
        n = cited[i]
        reasons[i] = why
        count = f"{n} quote{'s cite' if n != 1 else ' cites'} it" if n else "no quote cites it"
        problems.warn(
            "evidence-unchecked",
            f"source {sources[i].id!r}: its quotes were not checked ({why}); {count}",
            where,
            hint,
        )

    for i, s in enumerate(sources):
        if s.text:
            texts[i] = fold(s.text)
            echo.add(i)
            continue
        if not s.location or is_remote(s.location):
            if s.unchecked:
                unchecked(i, s.unchecked, _EMBED_HINT, f"sources[{i}]")
            continue
        try:
            path = resolve_named(base, s.location, allow_outside=allow_outside)
            texts[i] = fold(read_text(path, MAX_TEXT_BYTES, encoding="utf-8"))
        except Refused as refused:
            unchecked(
                i, f"{s.location} is not read: {refused.reason}", refused.hint, f"sources[{i}].location"
            )
            continue
        except (OSError, UnicodeDecodeError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            unchecked(
                i,
                f"{s.location} cannot be read: {reason}",
                "the location is relative to the graph file; fix it, or remove 'location'",
                f"sources[{i}].location",
            )
            continue
        if inside(base, path):
            echo.add(i)
    if not texts:
        return reasons
    for where, code, quote in quotes:
        text = texts.get(code)
        if text is None or not quote:
            continue
        missing = quote_occurs(quote, text)
        if missing is None:
            continue
        prefix = _matched_prefix(missing, text) if code in echo else ""
        hint = (
            f"the text matches up to {prefix!r} and then differs"
            if len(prefix) >= 8
            else "copy the passage verbatim (whitespace, quotes and dashes are forgiven; "
            "'...' marks omitted words)"
        )
        what = "evidence" if where.endswith(".evidence") else "quote"
        problems.add(
            "evidence-not-found",
            f"{what} {missing!r} does not occur in the text of source {sources[code].id!r}",
            where,
            hint,
        )
    return reasons
