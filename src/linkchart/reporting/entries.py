"""The rows of a report: ranked nodes, bridges with their evidence, cut points, brokers."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

__all__ = [
    "BridgeEntry",
    "BrokerEntry",
    "ClaimEntry",
    "CutEntry",
    "ItemEvidence",
    "NoteEntry",
    "Ranked",
    "Ranking",
    "TieEvidence",
]


@dataclass(frozen=True, slots=True)
class Ranked:
    """One node in a ranking: its id, type, value, label, and a note if it rests on weak ties.

    ``note`` is empty unless the finding needs ties below the report's firm confidence
    level (``"rank 14 on firm ties"``: without those ties the node leaves the top).
    """

    node: str
    type: str
    value: float
    label: str = ""
    note: str = ""


@dataclass(frozen=True, slots=True)
class Ranking:
    """The top nodes of one measure, overall and within each node type.

    Attributes
    ----------
    measure
        The measure's name.
    description
        What it measures, in one line (with its weight reading).
    ascending
        ``True`` when low values come first (constraint: the least constrained broker).
    overall
        The top nodes overall, best first; ties broken by node id, NaN last.
    by_type
        Node type -> its top nodes, for the types present in the chart.
    """

    measure: str
    description: str
    ascending: bool
    overall: tuple[Ranked, ...]
    by_type: Mapping[str, tuple[Ranked, ...]]


@dataclass(frozen=True, slots=True)
class ItemEvidence:
    """One evidence item of a tie, as a report quotes it: the passage, its source's id
    (``None``: none) and the item's Admiralty code (``"B2"``: its source's reliability and
    its own credibility, :func:`~linkchart.vocabulary.admiralty`; ``""`` ungraded)."""

    quote: str
    source: str | None
    grade: str = ""

    def cited(self) -> str:
        """Its source and grade in words for a line of text: ``"icg, B2"``, ``"icg"``, ``""``."""
        return ", ".join(x for x in (self.source or "", self.grade) if x)


@dataclass(frozen=True, slots=True)
class TieEvidence:
    """One edge of the chart, as quoted in a report: ``evidence`` is its (first) quote,
    ``items`` every evidence item with its source and grade (one for an edge with one
    quote or a source; none for an edge with neither), ``probability`` the tie's, its
    items and sources combined (what every measure reads)."""

    id: str
    from_id: str
    relation: str
    to_id: str
    confidence: str
    evidence: str
    items: tuple[ItemEvidence, ...] = ()
    probability: float = 1.0


@dataclass(frozen=True, slots=True)
class BridgeEntry:
    """A tie whose removal disconnects its component.

    Attributes
    ----------
    a, b
        Its two ends.
    sides
        The node ids on ``a``'s side and on ``b``'s side once it is cut.
    ties
        Every edge of the chart between ``a`` and ``b`` among the counted relations,
        with its evidence.
    labels
        The labels of ``a`` and ``b``.
    note
        Empty, or what weak ties the bridge rests on (``"rests on 1 possible tie"``).
    """

    a: str
    b: str
    sides: tuple[tuple[str, ...], tuple[str, ...]]
    ties: tuple[TieEvidence, ...]
    labels: tuple[str, str] = ("", "")
    note: str = ""

    @property
    def smaller_side(self) -> tuple[str, ...]:
        """The side the tie alone holds to the rest (``b``'s side on a tie)."""
        return self.sides[0] if len(self.sides[0]) < len(self.sides[1]) else self.sides[1]

    @property
    def cut_off_from(self) -> int:
        """The size of the larger side."""
        return max(len(self.sides[0]), len(self.sides[1]))


@dataclass(frozen=True, slots=True)
class CutEntry:
    """An articulation point: a node whose removal splits its component.

    Attributes
    ----------
    node, type
        The node and its type.
    components
        The node ids of each part its removal leaves, largest first.
    label
        The node's label.
    note
        Empty, or which parts it holds only through weak ties.
    """

    node: str
    type: str
    components: tuple[tuple[str, ...], ...]
    label: str = ""
    note: str = ""

    @property
    def cut_off(self) -> int:
        """How many nodes end up outside the largest remaining part."""
        return sum(len(c) for c in self.components[1:])


@dataclass(frozen=True, slots=True)
class BrokerEntry:
    """A node's brokerage in one Gould-Fernandez role, with its null-model statistics.

    ``note`` is empty unless some of the brokered paths use a weak tie (``"2 of 5 on
    firm ties"``); ``flag`` is empty unless the z-score cannot be read as one (the role
    was expected less than once: :meth:`~linkchart.analysis.BrokerageResult.flag`).
    """

    role: str
    node: str
    type: str
    group: str
    count: int
    expected: float
    z: float
    label: str = ""
    note: str = ""
    flag: str = ""


@dataclass(frozen=True, slots=True)
class ClaimEntry:
    """An either-or claim, shown as one claim: its alternatives, of which exactly one holds.

    ``confidence`` is the claim's (every alternative shares it); ``read`` is how many of
    its alternatives the report's reading reads (each as a tie of ``1/len(ties)`` weight).
    """

    name: str
    confidence: str
    ties: tuple[TieEvidence, ...]
    read: int

    @property
    def text(self) -> str:
        """``one of: IMT operates_with Al-Qaeda, IMT operates_with Taliban``."""
        return "one of: " + ", ".join(f"{t.from_id} {t.relation} {t.to_id}" for t in self.ties)


@dataclass(frozen=True, slots=True)
class NoteEntry:
    """A note on a node (``about`` its id, ``edge`` empty) or on an edge (``edge`` its id and
    ``about`` the tie as ``from relation to``)."""

    about: str
    edge: str
    text: str
    source: str | None
    quote: str
