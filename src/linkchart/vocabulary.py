"""The vocabulary of a chart: node types, relation types, the confidence scale and the
grades of sources and items (:class:`Grades`).

All three are immutable values. A :class:`Vocabulary` is part of every
:class:`~linkchart.model.LinkChart`; views of a chart share its vocabulary.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Final, Literal, get_args

from .errors import UnknownNameError

__all__ = [
    "CLASSES",
    "COMMON_LAYER",
    "CREDIBILITY",
    "DEFAULT_CONFIDENCE",
    "DEFAULT_NODE_TYPES",
    "READINGS",
    "RELIABILITY",
    "RELIABILITY_WORDS",
    "SIGNS",
    "ConfidenceScale",
    "Corroboration",
    "Grades",
    "NodeClass",
    "NodeType",
    "Relation",
    "RelationReading",
    "Sign",
    "Vocabulary",
    "admiralty",
]

Sign = Literal["positive", "negative", "neutral"]
"""The sign of a relation: ``positive`` (cooperation, a channel), ``negative`` (hostile) or
``neutral`` (neither: presence, geography, statements, assessments)."""

SIGNS: tuple[str, ...] = get_args(Sign)
"""Every :data:`Sign`."""

RelationReading = Literal["tie", "none"]
"""Whether the measures may read a relation: ``tie`` (default) or ``none`` (an example, a
category, an instance-of: kept on the chart and in the evidence, never in a measure)."""

READINGS: tuple[str, ...] = get_args(RelationReading)
"""Every :data:`RelationReading`."""

COMMON_LAYER: Final = "common"
"""The layer of a relation that names none."""

NodeClass = Literal["agent", "organisation", "location", "event", "resource", "knowledge", "task"]
"""The class of a node type, in the terms of ORA's meta-network (Carley 2002): who acts
(``agent``: a person), collectives (``organisation``: a group, cell, party, state or
agency), places (``location``), things that happen (``event``: a meeting, attack,
training camp), means (``resource``: money, weapons, safe houses, vehicles), what is
known (``knowledge``: skills, expertise, a school's teaching) and what is done
(``task``). A tie between nodes of two classes is an *affiliation* (see
``docs/format.md``)."""

CLASSES: tuple[str, ...] = get_args(NodeClass)
"""Every :data:`NodeClass`, in the meta-network's order."""


@dataclass(frozen=True, slots=True)
class NodeType:
    """A kind of node, with display hints.

    Attributes
    ----------
    name
        The type's name as written in the file (``organisation``).
    color
        A CSS colour for charts, or ``None`` for an automatic one.
    shape
        A vis-network shape name (``dot``, ``square``, ``triangle``, ``diamond``,
        ``star``, ``ellipse`` ...), or ``None``.
    description
        Free text.
    node_class
        Its class in the meta-network (:data:`NodeClass`, the ``class:`` key of the
        file), or ``None`` when the file gives none.
    """

    name: str
    color: str | None = None
    shape: str | None = None
    description: str = ""
    node_class: NodeClass | None = None


@dataclass(frozen=True, slots=True)
class Relation:
    """A kind of tie.

    Attributes
    ----------
    name
        The relation's name (``finances``).
    directed
        Whether ``from -> to`` differs from ``to -> from``.
    source_types, target_types
        The node types allowed at the ``from`` and ``to`` ends; ``None`` allows any.
        For an undirected relation a pair is allowed if it fits in either order.
    weight
        The default weight of an edge of this relation.
    description
        Free text.
    sign
        ``"positive"`` (default): a tie that can carry cooperation, goods or
        information; ``"negative"``: a hostile tie (fights, counters, threatens,
        sanctions); ``"neutral"``: neither (presence, geography, a statement, an
        assessment such as "fails to control"). The unsigned measures read only positive
        ties unless asked otherwise (``signs=``), and the signed measures read a neutral
        tie as neither friendship nor enmity.
    layer
        A free name grouping relations by what they are about (``operational``,
        ``political``, ``geography``, ``event`` ...); :data:`COMMON_LAYER` when none
        is given. The measures read the chart's default layers unless told otherwise.
    reading
        ``"tie"`` (default), or ``"none"``: an example or a category ("movements such
        as the LeT"), kept on the chart, on the page and in the evidence but read by no
        measure, whatever the ``layers`` and ``signs`` asked for.
    """

    name: str
    directed: bool = True
    source_types: frozenset[str] | None = None
    target_types: frozenset[str] | None = None
    weight: float = 1.0
    description: str = ""
    sign: Sign = "positive"
    layer: str = COMMON_LAYER
    reading: RelationReading = "tie"

    @property
    def negative(self) -> bool:
        """Whether the relation is hostile (``sign == "negative"``)."""
        return self.sign == "negative"

    @property
    def neutral(self) -> bool:
        """Whether the relation is neither cooperation nor hostility (``sign == "neutral"``)."""
        return self.sign == "neutral"

    @property
    def read(self) -> bool:
        """Whether a measure may read the relation (``reading`` is not ``"none"``)."""
        return self.reading != "none"

    def allows(self, from_type: str, to_type: str) -> bool:
        """Whether an edge from a ``from_type`` node to a ``to_type`` node is allowed.

        Examples
        --------
        >>> r = Relation("finances", source_types=frozenset({"state"}))
        >>> r.allows("state", "organisation"), r.allows("person", "organisation")
        (True, False)
        """

        def fits(a: str, b: str) -> bool:
            return (self.source_types is None or a in self.source_types) and (
                self.target_types is None or b in self.target_types
            )

        return fits(from_type, to_type) or (not self.directed and fits(to_type, from_type))


DEFAULT_CONFIDENCE: Mapping[str, float] = MappingProxyType(
    {"confirmed": 0.95, "reported": 0.75, "alleged": 0.5, "possible": 0.25}
)
"""The default ordinal confidence scale: level name -> probability, highest first."""


@dataclass(frozen=True, slots=True)
class ConfidenceScale:
    """An ordinal confidence scale: level names ordered from most to least certain.

    Attributes
    ----------
    levels
        Level names, most certain first.
    probabilities
        The probability of each level, same order, strictly decreasing, in (0, 1].

    Examples
    --------
    >>> s = ConfidenceScale.default()
    >>> s.code("reported"), s.probability("alleged")
    (1, 0.5)
    """

    levels: tuple[str, ...]
    probabilities: tuple[float, ...]

    @classmethod
    def default(cls) -> ConfidenceScale:
        """The default scale: confirmed 0.95, reported 0.75, alleged 0.5, possible 0.25."""
        return cls.from_mapping(DEFAULT_CONFIDENCE)

    @classmethod
    def from_mapping(cls, mapping: Mapping[str, float]) -> ConfidenceScale:
        """Build a scale from ``{level: probability}``, ordering by probability."""
        items = sorted(mapping.items(), key=lambda kv: -kv[1])
        return cls(tuple(k for k, _ in items), tuple(float(v) for _, v in items))

    def code(self, level: str) -> int:
        """The position of ``level`` (0 = most certain)."""
        try:
            return self.levels.index(level)
        except ValueError:
            raise UnknownNameError("confidence level", level, self.levels) from None

    def probability(self, level: str) -> float:
        """The probability of ``level``."""
        return self.probabilities[self.code(level)]

    def threshold(self, minimum: str | float) -> float:
        """The probability that ``minimum`` (a level name or a probability) stands for."""
        if isinstance(minimum, str):
            return self.probability(minimum)
        return float(minimum)


RELIABILITY: Final = ("A", "B", "C", "D", "E", "F")
"""The reliability grades of a source (the Admiralty code): A completely reliable, B usually
reliable, C fairly reliable, D not usually reliable, E unreliable, F cannot be judged."""

CREDIBILITY: Final = (1, 2, 3, 4, 5, 6)
"""The credibility grades of an item (the Admiralty code): 1 confirmed by other sources,
2 probably true, 3 possibly true, 4 doubtful, 5 improbable, 6 cannot be judged."""

RELIABILITY_WORDS: Final = (
    "completely reliable",
    "usually reliable",
    "fairly reliable",
    "not usually reliable",
    "unreliable",
    "cannot be judged",
)
"""What each reliability grade A-F means, in :data:`RELIABILITY` order."""


def admiralty(reliability: str, credibility: int | None) -> str:
    """An item's Admiralty code as analysts write it: its source's reliability grade and its
    own credibility grade (``"B2"``), ``-`` for the one not graded (``"B-"``, ``"-2"``), and
    ``""`` when neither is.

    Examples
    --------
    >>> admiralty("B", 2), admiralty("B", None), admiralty("", 6), admiralty("", None)
    ('B2', 'B-', '-6', '')
    """
    if not reliability and credibility is None:
        return ""
    return (reliability or "-") + ("-" if credibility is None else str(credibility))


Corroboration = Literal["noisy-or", "max"]
"""How a tie's independent sources combine: ``noisy-or`` (each source is a separate chance
that the tie is real: ``1 - prod(1 - p_s)``) or ``max`` (no corroboration: the best source)."""


@dataclass(frozen=True, slots=True)
class Grades:
    """How graded sources and items turn into probabilities, and how sources corroborate.

    An evidence item's probability is

        p = r(reliability of its source) * (c(credibility) if graded 1-5, else P(confidence level))

    ``reliability`` (A-F) is a factor in (0, 1]: how far a source's word is to be taken;
    ``credibility`` (1-6) is the probability of the item itself and, where written, takes
    the place of its confidence level. ``None`` in a table is the scale's default, what F
    and 6 (*cannot be judged*) map to: no factor for F (the item is read at its own
    probability, as from an ungraded source), the confidence level for 6 — never the
    lowest grade. Items of one source combine by their maximum (a source repeating
    itself does not corroborate itself); the sources of a tie combine by
    :attr:`corroboration`.

    Attributes
    ----------
    reliability
        The factor of each grade A-F (:data:`RELIABILITY` order), ``None``: no factor.
    credibility
        The probability of each grade 1-6, ``None``: the item's confidence level.
    corroboration
        ``"noisy-or"`` (default) or ``"max"``.

    Examples
    --------
    >>> g = Grades.default()
    >>> g.item_probability(0.75, None, "")            # ungraded: the confidence level's
    0.75
    >>> g.item_probability(0.75, 2, "B")              # usually reliable, probably true
    0.72
    >>> g.item_probability(0.75, 6, "F")              # cannot be judged: the defaults
    0.75
    >>> round(g.combine([0.5, 0.5]), 4), Grades.default().replace_combine("max").combine([0.5, 0.5])
    (0.75, 0.5)
    """

    reliability: tuple[float | None, ...] = (1.0, 0.9, 0.75, 0.6, 0.4, None)
    credibility: tuple[float | None, ...] = (0.95, 0.8, 0.6, 0.35, 0.15, None)
    corroboration: Corroboration = "noisy-or"

    @classmethod
    def default(cls) -> Grades:
        """The default tables (A 1, B 0.9, C 0.75, D 0.6, E 0.4; 1 0.95, 2 0.8, 3 0.6,
        4 0.35, 5 0.15; F and 6 the defaults) and noisy-OR."""
        return cls()

    def replace_combine(self, corroboration: Corroboration) -> Grades:
        """These tables with another rule of corroboration."""
        return Grades(self.reliability, self.credibility, corroboration)

    def factor(self, reliability: str) -> float:
        """The factor of a source's reliability grade (``""``: ungraded, 1)."""
        if not reliability:
            return 1.0
        r = self.reliability[RELIABILITY.index(reliability)]
        return 1.0 if r is None else r

    def item_probability(self, confidence: float, credibility: int | None, reliability: str) -> float:
        """An item's probability: its credibility's (graded 1-5) or else its confidence
        level's probability ``confidence``, times its source's reliability factor."""
        c = None if credibility is None else self.credibility[credibility - 1]
        return round((confidence if c is None else c) * self.factor(reliability), 12)

    def combine(self, by_source: Iterable[float]) -> float:
        """A tie's probability from the probabilities of its sources (each the maximum of
        that source's items): noisy-OR, or the maximum."""
        ps = list(by_source)
        if not ps:
            return 0.0
        if self.corroboration == "max":
            return max(ps)
        rest = 1.0
        for p in ps:
            rest *= 1.0 - p
        return 1.0 - rest

    @property
    def value(self) -> dict[str, Any]:
        """The tables as a file's ``grades:`` holds them."""
        return {
            "reliability": dict(zip(RELIABILITY, self.reliability, strict=True)),
            "credibility": dict(zip(CREDIBILITY, self.credibility, strict=True)),
            "corroboration": self.corroboration,
        }


DEFAULT_NODE_TYPES: tuple[NodeType, ...] = (
    NodeType("organisation", "#d62728", "dot", "Armed group, party, movement or agency"),
    NodeType("state", "#1f77b4", "square", "A sovereign state or its government"),
    NodeType("region", "#2ca02c", "triangle", "A province, district, village or area"),
    NodeType("criminal_network", "#9467bd", "diamond", "Traffickers, smugglers, cartels"),
    NodeType("person", "#ff7f0e", "ellipse", "A named individual"),
    NodeType("event", "#8c564b", "star", "An incursion, treaty, war or meeting"),
)
"""The node types a file gets when it declares none."""


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """Node types, relations and the confidence scale of a chart.

    Attributes
    ----------
    node_types
        Declared node types, in declaration order.
    relations
        Declared relations, in declaration order.
    confidence
        The confidence scale.
    declared_relations
        ``False`` when relations were taken as they appeared (no ``relations:``
        section): then any relation name is accepted and is directed.
    default_layers
        The layers the measures read unless told otherwise (the file's
        ``analysis: {layers: [...]}``), or ``None`` for every layer.
    grades
        How graded sources and evidence items become probabilities, and how the sources of
        a tie corroborate it (the file's ``grades:``).
    """

    node_types: tuple[NodeType, ...] = DEFAULT_NODE_TYPES
    relations: tuple[Relation, ...] = ()
    confidence: ConfidenceScale = field(default_factory=ConfidenceScale.default)
    declared_relations: bool = True
    default_layers: tuple[str, ...] | None = None
    grades: Grades = field(default_factory=Grades.default)

    @property
    def layers(self) -> tuple[str, ...]:
        """The layers of the relations, each once, in the order relations name them.

        Examples
        --------
        >>> v = Vocabulary(relations=(Relation("funds", layer="operational"), Relation("borders",
        ...     layer="geography"), Relation("arms", layer="operational")))
        >>> v.layers
        ('operational', 'geography')
        """
        return tuple(dict.fromkeys(r.layer for r in self.relations))

    @property
    def signed(self) -> bool:
        """Whether any relation is negative (the chart has hostile ties to read)."""
        return any(r.negative for r in self.relations)

    @property
    def node_type_names(self) -> tuple[str, ...]:
        """Names of the node types, in order; the node-type codes index this tuple."""
        return tuple(t.name for t in self.node_types)

    @property
    def relation_names(self) -> tuple[str, ...]:
        """Names of the relations, in order; the relation codes index this tuple."""
        return tuple(r.name for r in self.relations)

    def node_type(self, name: str) -> NodeType:
        """The node type called ``name``."""
        for t in self.node_types:
            if t.name == name:
                return t
        raise UnknownNameError("node type", name, self.node_type_names)

    def relation(self, name: str) -> Relation:
        """The relation called ``name``."""
        for r in self.relations:
            if r.name == name:
                return r
        raise UnknownNameError("relation", name, self.relation_names)
