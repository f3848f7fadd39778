"""The values a chart hands out: a cited document (:class:`Source`), a note (:class:`Note`),
a node (:class:`Node`) and an edge (:class:`Edge`), each made on request from the columns
of a chart's tables (:mod:`.tables`)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from ..times import Span

__all__ = ["Edge", "Evidence", "Node", "Note", "Source"]


@dataclass(frozen=True, slots=True, eq=False)
class Source:
    """A document that edges cite.

    ``location`` is a local path (resolved against the graph file's folder) or an
    address that linkchart records but never fetches. ``reliability`` is its Admiralty
    grade, ``A`` (completely reliable) to ``F`` (cannot be judged), or ``""`` (ungraded);
    see :class:`~linkchart.vocabulary.Grades`. ``text`` is the document's text when the
    file the chart was read from carries it (an export embeds it, see
    ``docs/exchange.md``; a graph file may write it inline), else ``""``; ``unchecked``
    says why a text the chart once had did not come with its file (the evidence citing
    it was not checked on load), else ``""``.

    Two sources are equal when they say the same: the same :attr:`citation` (id, title,
    author, date, a web address and the reliability grade). A local ``location``, the
    ``text`` and ``unchecked`` are where its text was read from, not what the source is:
    a chart exported to another folder, with or without its texts, loads back equal.

    Examples
    --------
    >>> Source("s", "A report", location="sources/a.txt") == Source("s", "A report", text="...")
    True
    >>> Source("s", location="https://example.org/a") == Source("s", location="https://example.org/b")
    False
    """

    id: str
    title: str = ""
    author: str = ""
    date: str = ""
    location: str = ""
    reliability: str = ""
    text: str = field(default="", repr=False)
    unchecked: str = ""

    @property
    def citation(self) -> tuple[str, str, str, str, str, str]:
        """What the source says it is: id, title, author, date, its web address (or ``""``)
        and its reliability grade."""
        web = self.location if self.location.lower().startswith(("http://", "https://")) else ""
        return (self.id, self.title, self.author, self.date, web, self.reliability)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Source):
            return NotImplemented
        return self.citation == other.citation

    def __hash__(self) -> int:
        return hash(self.citation)


@dataclass(frozen=True, slots=True)
class Evidence:
    """One item of an edge's evidence: a passage of one source that asserts the tie.

    An edge written with ``evidence: [...]`` holds one item per passage (several sources,
    or one source several times); an item whose ``quote`` is ``""`` is a source's unquoted
    report of the tie (as an edge without ``evidence`` is). A field left ``None`` is the
    edge's own (its source, confidence, time); ``credibility`` is the item's Admiralty
    grade 1-6, ``None`` where not graded.

    Examples
    --------
    >>> Evidence("IMT guerrillas are reportedly operating", "smith", credibility=2).value
    {'quote': 'IMT guerrillas are reportedly operating', 'source': 'smith', 'credibility': 2}
    """

    quote: str
    source: str | None = None
    confidence: str | None = None
    credibility: int | None = None
    time: Span | None = None

    @property
    def value(self) -> dict[str, Any]:
        """The item as a file holds it: ``quote`` (unless empty) and the fields written."""
        out: dict[str, Any] = {"quote": self.quote} if self.quote else {}
        if self.source is not None:
            out["source"] = self.source
        if self.confidence is not None:
            out["confidence"] = self.confidence
        if self.credibility is not None:
            out["credibility"] = self.credibility
        if self.time is not None:
            out["time"] = self.time.value
        return out


@dataclass(frozen=True, slots=True)
class Note:
    """A note on a node or an edge: a scenario, a condition, a caveat — what the text says
    that is not a tie ("especially if the IMT follows the path of Al Qaeda ...").

    Attributes
    ----------
    text
        The note, in the analyst's words.
    source
        The id of the document it rests on, or ``None`` (the analyst's own note).
    quote
        The passage it rests on (checked against the source's local text on load, as an
        edge's evidence is), or ``""``.

    Examples
    --------
    >>> Note("a scenario").value, Note("a scenario", "smith", "if the IMT ...").value
    ('a scenario', {'text': 'a scenario', 'source': 'smith', 'quote': 'if the IMT ...'})
    """

    text: str
    source: str | None = None
    quote: str = ""

    @property
    def value(self) -> str | dict[str, str]:
        """The note as a file holds it: its text alone, or ``{text, source, quote}``."""
        if self.source is None and not self.quote:
            return self.text
        out = {"text": self.text}
        if self.source is not None:
            out["source"] = self.source
        if self.quote:
            out["quote"] = self.quote
        return out


@dataclass(frozen=True, slots=True)
class Node:
    """One node, as a value (made on request from the chart's columns).

    ``time`` is when the actor was active (founded, arrested, dissolved), or ``None``;
    ``notes`` are what the text says about it that is not a tie.
    """

    id: str
    type: str
    label: str
    aliases: tuple[str, ...] = ()
    attributes: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    time: Span | None = None
    notes: tuple[Note, ...] = ()


@dataclass(frozen=True, slots=True)
class Edge:
    """One edge, as a value (made on request from the chart's columns).

    ``from_id`` and ``to_id`` are the endpoints as written; ``source`` is the id of the
    cited document; ``time`` is when the tie held (``None`` when undated; its ``first``
    and ``last`` days are ``None`` where open); ``alternative`` names the either-or claim
    the edge is one alternative of (``None`` for a plain tie); ``notes`` are what the text
    says about the tie that is not a tie. ``evidence_items`` are the items of an edge
    written with an evidence list (``()`` for one quote, ``evidence``); ``evidence`` is
    then the first item's quote, and ``probability`` the tie's, its items and sources
    combined (:class:`~linkchart.vocabulary.Grades`). ``written_ends`` are the ``from`` and
    ``to`` names the edge was written with, where a ``same_as`` decision moved it onto a
    merged node (``None`` otherwise).
    """

    id: str
    from_id: str
    relation: str
    to_id: str
    directed: bool
    confidence: str
    probability: float
    weight: float
    evidence: str = ""
    source: str | None = None
    time: Span | None = None
    attributes: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    alternative: str | None = None
    notes: tuple[Note, ...] = ()
    evidence_items: tuple[Evidence, ...] = ()
    written_ends: tuple[str, str] | None = None
