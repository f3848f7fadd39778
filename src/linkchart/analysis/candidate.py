"""Candidate pairs for one entity: the two nodes, the score and the reasons for it, and the
list :func:`~linkchart.analysis.duplicates.candidates` returns."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final, Literal, NamedTuple, overload

from .names import NameRule

__all__ = [
    "Candidate",
    "Candidates",
    "NameReason",
    "NeighbourReason",
    "NodeRef",
    "Reason",
    "TieReason",
    "TypeReason",
    "TypeVerdict",
]

TypeVerdict = Literal["same", "compatible", "unknown", "incompatible"]
"""How the types of a pair compare (see :data:`~linkchart.analysis.duplicates.TYPE_FACTORS`)."""


class NodeRef(NamedTuple):
    """A node of one of the charts given to :func:`candidates`: its ``chart`` (0 for the
    first) and its ``id``."""

    chart: int
    id: str


_RULE_WORDS: Final = {
    "look-alikes": "same letters after folding look-alikes",
    "suffix": "the same once a name suffix (-boy, -bek, -jon, -xon) is set aside",
}


@dataclass(frozen=True, slots=True)
class NameReason:
    """The two names that matched best (as written: an id, label or alias of each), how alike
    they are and by which rule; ``contribution`` is its part of the score."""

    a_name: str
    b_name: str
    similarity: float
    rule: NameRule
    contribution: float
    kind: Literal["name"] = "name"

    def text(self) -> str:
        """One line in words."""
        if self.rule == "acronym":  # the acronym is the name of one word
            short, long = sorted((self.a_name, self.b_name), key=lambda n: len(n.split()))
            return f"names {short!r} acronym of {long!r} {self.similarity:.2f}"
        rule = _RULE_WORDS.get(self.rule, self.rule)
        return f"names {self.a_name!r} ~ {self.b_name!r}: {rule} {self.similarity:.2f}"


@dataclass(frozen=True, slots=True)
class NeighbourReason:
    """The neighbours the two share, as ``(a's neighbour, b's neighbour)`` id pairs (the same
    node within a chart; across charts, nodes with the same id or name key), and their
    ``support`` in [0, 1] (rare neighbours count most)."""

    shared: tuple[tuple[str, str], ...]
    support: float
    contribution: float
    kind: Literal["neighbours"] = "neighbours"

    def text(self) -> str:
        """One line in words."""
        names = [a if a == b else f"{a} / {b}" for a, b in self.shared]
        shown = "; ".join(names[:5]) + (f"; ... ({len(names) - 5} more)" if len(names) > 5 else "")
        plural = "s" if len(names) != 1 else ""
        return f"{len(names)} shared neighbour{plural} ({shown}): support {self.support:.2f}"


@dataclass(frozen=True, slots=True)
class TypeReason:
    """The two nodes' types and how they compare (:data:`TYPE_FACTORS`); ``contribution`` is
    what the type factor takes off the score (0 or negative)."""

    a_type: str
    b_type: str
    verdict: TypeVerdict
    contribution: float
    kind: Literal["types"] = "types"

    def text(self) -> str:
        """One line in words."""
        both = self.a_type if self.a_type == self.b_type else f"{self.a_type} / {self.b_type}"
        return f"types {both}: {self.verdict}"


@dataclass(frozen=True, slots=True)
class TieReason:
    """The two nodes are already tied to each other (in one chart) by these ``edges`` of these
    ``relations``: two names of one actor are rarely tied, so look twice. It does not change
    the score (``contribution`` is 0)."""

    edges: tuple[str, ...]
    relations: tuple[str, ...]
    contribution: float = 0.0
    kind: Literal["tied"] = "tied"

    def text(self) -> str:
        """One line in words."""
        relations = ", ".join(dict.fromkeys(self.relations))
        return f"already tied to each other: {', '.join(self.edges)} ({relations})"


Reason = NameReason | NeighbourReason | TypeReason | TieReason
"""A reason of a :class:`Candidate`; its ``kind`` says which."""


@dataclass(frozen=True, slots=True)
class Candidate:
    """Two nodes that may be one entity: ``a`` and ``b`` (``a`` first in chart order), the
    ``score`` in [0, 1] and the ``reasons``, whose contributions add up to the score."""

    a: NodeRef
    b: NodeRef
    score: float
    reasons: tuple[Reason, ...]

    @property
    def name(self) -> NameReason:
        """The name reason (every candidate has one)."""
        return next(r for r in self.reasons if isinstance(r, NameReason))

    @property
    def tied(self) -> bool:
        """Whether the two are already tied to each other by an edge."""
        return any(isinstance(r, TieReason) for r in self.reasons)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready values."""
        return {
            "a": {"chart": self.a.chart, "id": self.a.id},
            "b": {"chart": self.b.chart, "id": self.b.id},
            "score": self.score,
            "reasons": [_reason_dict(r) for r in self.reasons],
        }


def _reason_dict(r: Reason) -> dict[str, Any]:
    out: dict[str, Any] = {"kind": r.kind, "contribution": r.contribution}
    if isinstance(r, NameReason):
        out.update(a_name=r.a_name, b_name=r.b_name, similarity=r.similarity, rule=r.rule)
    elif isinstance(r, NeighbourReason):
        out.update(shared=[list(p) for p in r.shared], support=r.support)
    elif isinstance(r, TypeReason):
        out.update(a_type=r.a_type, b_type=r.b_type, verdict=r.verdict)
    else:
        out.update(edges=list(r.edges), relations=list(r.relations))
    out["text"] = r.text()
    return out


class Candidates(Sequence[Candidate]):
    """The candidate pairs :func:`candidates` found, best first, and how they were found.

    Attributes
    ----------
    charts
        A name for each chart given (its file name, else its title, else ``chart N``).
    examined
        How many pairs of nodes the blocking let through to be compared by name.
    possible
        How many pairs there are: ``n (n - 1) / 2`` in one chart, the product of the sizes
        (summed over pairs of charts) across charts.
    scored
        How many pairs were scored in full (names alike enough to be worth it).
    decided
        How many pairs reaching the least score were left out because a :class:`Decision`
        settles them.
    same_id
        Across charts: how many nodes share their id with a node of another chart. Those
        pairs are not listed: merging charts joins nodes by id.
    parameters
        The arguments, as given.
    """

    __slots__ = ("_items", "charts", "decided", "examined", "parameters", "possible", "same_id", "scored")

    def __init__(
        self,
        items: Sequence[Candidate],
        *,
        charts: Sequence[str],
        examined: int,
        possible: int,
        scored: int,
        decided: int,
        same_id: int,
        parameters: Mapping[str, Any],
    ) -> None:
        self._items = tuple(items)
        self.charts = tuple(charts)
        self.examined = examined
        self.possible = possible
        self.scored = scored
        self.decided = decided
        self.same_id = same_id
        self.parameters = dict(parameters)

    @overload
    def __getitem__(self, index: int) -> Candidate: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Candidate]: ...
    def __getitem__(self, index: int | slice) -> Candidate | Sequence[Candidate]:
        return self._items[index]

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[Candidate]:
        return iter(self._items)

    def __repr__(self) -> str:
        return f"<Candidates: {len(self)} pairs, {self.examined} of {self.possible} compared>"

    def pairs(self) -> list[tuple[str, str]]:
        """The candidates as ``(a id, b id)`` pairs, best first (across two charts: an id of the
        first and one of the second, what a merge's ``matches`` takes once the analyst agrees)."""
        return [(c.a.id, c.b.id) for c in self._items]

    def label(self, ref: NodeRef) -> str:
        """A node as shown: its id, qualified by its chart's name across charts."""
        return ref.id if len(self.charts) == 1 else f"{self.charts[ref.chart]}:{ref.id}"

    def summary(self) -> str:
        """One line: how many pairs, at what score, of how many compared."""
        share = self.examined / self.possible if self.possible else 0.0
        where = "in " + self.charts[0] if len(self.charts) == 1 else "across " + ", ".join(self.charts)
        out = (
            f"{len(self)} candidate pair{'s' if len(self) != 1 else ''} for one entity {where} "
            f"(score >= {self.parameters['min_score']:g}); {self.examined:,} of {self.possible:,} "
            f"pairs compared ({share:.1%})"
        )
        if self.decided:
            out += f"; {self.decided} already decided, left out"
        if self.same_id:
            plural = "s" if self.same_id != 1 else ""
            out += f"; {self.same_id} node{plural} with the same id in another chart (a merge joins those)"
        return out

    def text(self) -> str:
        """The candidates as lines to read, best first, each with its reasons."""
        out = [self.summary()]
        for i, c in enumerate(self._items, start=1):
            out.append(f"{i:>3}. {c.score:.3f}  {self.label(c.a)}  ~  {self.label(c.b)}")
            out.extend(f"       {r.text()} ({r.contribution:+.3f})" for r in c.reasons)
        return "\n".join(out) + "\n"

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready values."""
        return {
            "charts": list(self.charts),
            "parameters": dict(self.parameters),
            "examined": self.examined,
            "possible": self.possible,
            "scored": self.scored,
            "decided": self.decided,
            "same_id": self.same_id,
            "candidates": [c.to_dict() for c in self._items],
        }
