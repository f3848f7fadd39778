"""Notes on nodes and edges: what the text says that is not a tie (scenarios, conditions, caveats).

``notes:`` is a list; each note is a text, or a mapping with ``text`` (required),
``source`` and ``quote``::

    notes:
      - The article's only hypothetical about the IMT's tactics.
      - text: The IMT may adopt hit-and-run operations on soft targets.
        quote: "especially if the IMT follows the path of Al Qaeda, the Taliban and Iraqi resistance groups"

A note with a ``quote`` rests on a source (its ``source``, else ``defaults.source``) and
the quote is checked against that source's local text, as an edge's evidence is. In a
CSV file the ``notes`` cell is one note as plain text, or a JSON list of notes in the
form above (what :func:`~linkchart.write_csv` writes).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Final

from ..errors import LoadError, Problems, did_you_mean
from ..model import Note, Source
from ..readers.jsontext import read_json
from .columns import ABSENT, Section, absent, check_keys, quote_hint, type_name
from .evidence import has_words

__all__ = ["NOTE_KEYS", "parse_notes"]

NOTE_KEYS: Final = ("text", "source", "quote")
"""The keys of a note written as a mapping."""

_EXAMPLE: Final = "write 'notes: [\"a text\"]' or 'notes: [{text: ..., quote: ...}]'"
_JSON_CELL: Final = "a notes cell that starts with '[' is read as a JSON list of notes"
_CELL_HINT: Final = 'write \'["first note", {"text": "second", "quote": "..."}]\', or plain text for one note'


def _from_cell(cell: str, here: str, problems: Problems) -> Any:
    """A CSV cell as the notes it holds: a JSON list (read by the bounded
    :func:`~linkchart.readers.jsontext.read_json`), or one note as plain text."""
    if not cell.lstrip().startswith("["):
        return [cell]
    try:
        return read_json(cell, None, path=here, where=_JSON_CELL)
    except LoadError as err:
        for p in err.problems:
            malformed = p.message.startswith(f"{_JSON_CELL}: malformed JSON")
            problems.add(p.code, p.message, p.path, _CELL_HINT if malformed else p.hint)
        return ABSENT


def _one(
    item: Any,
    here: str,
    sources: Sequence[Source],
    default_source: int,
    problems: Problems,
) -> Note | None:
    if isinstance(item, Note):
        item = item.value
    if isinstance(item, str):
        if not item.strip():
            problems.add("missing-field", "a note is empty", here, "write the note's text, or remove it")
            return None
        return Note(item)
    if not isinstance(item, Mapping):
        problems.add("wrong-type", f"a note must be text or a mapping, not {type_name(item)}", here, _EXAMPLE)
        return None
    check_keys(item, NOTE_KEYS, here, problems)
    text = item.get("text", ABSENT)
    if absent(text) or (isinstance(text, str) and not text.strip()):
        problems.add(
            "missing-field", "a note needs a 'text'", f"{here}.text", "write 'text: ...' (the note itself)"
        )
        return None
    if not isinstance(text, str):
        problems.add(
            "wrong-type",
            f"a note's text must be text, not {type_name(text)}",
            f"{here}.text",
            quote_hint(text),
        )
        return None
    quote = item.get("quote", ABSENT)
    if absent(quote):
        quote = ""
    elif not isinstance(quote, str):
        problems.add(
            "wrong-type",
            f"a note's quote must be text, not {type_name(quote)}",
            f"{here}.quote",
            quote_hint(quote),
        )
        return None
    elif not has_words(quote):
        problems.add(
            "evidence-not-found",
            f"quote {quote!r} quotes no words",
            f"{here}.quote",
            "quote the passage the note rests on ('...' marks words left out)",
        )
        return None
    ids = [s.id for s in sources]
    source = item.get("source", ABSENT)
    if absent(source):
        source = ids[default_source] if quote and default_source >= 0 else None
        if quote and source is None:
            problems.add(
                "missing-field",
                "a note with a quote needs a source",
                f"{here}.source",
                "write 'source: ...' on the note, or set 'defaults: {source: ...}'",
            )
            return None
    elif not isinstance(source, str):
        problems.add(
            "wrong-type", f"a note's source must be a source id, not {type_name(source)}", f"{here}.source",
            quote_hint(source),
        )  # fmt: skip
        return None
    elif source not in ids:
        problems.add(
            "unknown-source",
            f"unknown source {source!r}",
            f"{here}.source",
            did_you_mean(source, ids)
            or (f"the sources are {', '.join(ids)}" if ids else "declare it under 'sources'"),
        )
        return None
    return Note(text, source, quote)


def parse_notes(
    sec: Section, sources: Sequence[Source], default_source: int, problems: Problems
) -> dict[int, tuple[Note, ...]]:
    """The ``notes`` column of a section: row -> its notes (rows without notes left out).

    Bad notes are reported (``wrong-type``, ``missing-field``, ``unknown-source``,
    ``unknown-field``) and left out.
    """
    out: dict[int, tuple[Note, ...]] = {}
    for k, raw in enumerate(sec.column("notes")):
        if raw is ABSENT or raw is None or (sec.text and raw == ""):
            continue
        here = f"{sec.name}[{k}].notes"
        value = _from_cell(raw, here, problems) if sec.text else raw
        if value is ABSENT:
            continue
        if isinstance(value, str | Note | Mapping):
            value = [value]
        if not isinstance(value, list | tuple):
            problems.add(
                "wrong-type", f"'notes' must be a list of notes, not {type_name(value)}", here, _EXAMPLE
            )
            continue
        notes = [
            _one(item, f"{here}[{i}]", sources, default_source, problems) for i, item in enumerate(value)
        ]
        kept = tuple(n for n in notes if n is not None)
        if kept:
            out[k] = kept
    return out
