"""Node classes: which kinds of thing a chart holds, and which relations join them.

A node type may declare its class in the terms of ORA's meta-network (``class: agent |
organisation | location | event | resource | knowledge | task``,
:data:`~linkchart.vocabulary.CLASSES`); :func:`classes` says which classes a chart holds
and which relations join them, and :func:`side_codes` reads the node types (or classes)
that name one side of an affiliation network (:func:`~linkchart.analysis.one_mode.one_mode`,
:func:`~linkchart.analysis.two_mode.two_mode`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

import numpy as np

from ..errors import LinkchartError, UnknownNameError
from ..model import LinkChart
from ..vocabulary import CLASSES

__all__ = ["ClassTie", "Classes", "classes", "side_codes"]


@dataclass(frozen=True, slots=True)
class ClassTie:
    """A relation as it joins two classes in a chart: an affiliation.

    Attributes
    ----------
    relation
        The relation's name.
    node_types
        The node types at its two ends (``from``, ``to``; sorted for an undirected relation).
    classes
        Their classes.
    edges
        How many edges of the chart join them so.
    """

    relation: str
    node_types: tuple[str, str]
    classes: tuple[str, str]
    edges: int


@dataclass(frozen=True, slots=True)
class Classes:
    """What classes of the meta-network a chart holds (:func:`classes`).

    Attributes
    ----------
    of_type
        Every node type of the vocabulary -> its class (``None`` when it declares none).
    nodes
        Class -> how many nodes of the chart are of it, for the classes with nodes, in
        the order of :data:`~linkchart.vocabulary.CLASSES`.
    unclassed
        How many nodes are of a type without a class.
    affiliations
        Every relation, by pair of node types, whose edges join nodes of two different
        classes, with the number of such edges, most edges first.
    """

    of_type: Mapping[str, str | None]
    nodes: Mapping[str, int]
    unclassed: int
    affiliations: tuple[ClassTie, ...]

    @property
    def multimode(self) -> bool:
        """Whether nodes of two classes or more are present (a meta-network)."""
        return len(self.nodes) >= 2

    def types(self, node_class: str) -> tuple[str, ...]:
        """The node types of ``node_class``, in vocabulary order.

        Raises
        ------
        UnknownNameError
            For a name that is not a class.
        """
        if node_class not in CLASSES:
            raise UnknownNameError("class", node_class, CLASSES)
        return tuple(t for t, c in self.of_type.items() if c == node_class)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready values."""
        return {
            "of_type": dict(self.of_type),
            "nodes": dict(self.nodes),
            "unclassed": self.unclassed,
            "affiliations": [dataclasses.asdict(a) for a in self.affiliations],
        }

    def text(self) -> str:
        """A few lines: the classes with their types and counts, then the affiliations."""
        lines = []
        for c, count in self.nodes.items():
            lines.append(f"{c}: {count} nodes ({', '.join(self.types(c))})")
        if self.unclassed:
            lines.append(f"no class: {self.unclassed} nodes")
        for a in self.affiliations:
            lines.append(
                f"affiliation {a.relation}: {a.node_types[0]} ({a.classes[0]}) - "
                f"{a.node_types[1]} ({a.classes[1]}), {a.edges} edges"
            )
        return "\n".join(lines) + "\n"


def classes(chart: LinkChart) -> Classes:
    """The classes of the meta-network a chart holds, and the affiliations between them.

    A node type declares its class with ``class:`` in the file (``node_types: {person:
    {class: agent}, meeting: {class: event}}``); a relation whose edges join nodes of two
    different classes is an affiliation.

    Examples
    --------
    >>> import linkchart
    >>> from linkchart import NodeType, Relation, Vocabulary
    >>> v = Vocabulary(node_types=(NodeType("person", node_class="agent"),
    ...     NodeType("meeting", node_class="event")), relations=(Relation("attended"),))
    >>> c = linkchart.from_records([{"id": "a", "type": "person"}, {"id": "m", "type": "meeting"}],
    ...     [{"from": "a", "relation": "attended", "to": "m"}], vocabulary=v)
    >>> k = classes(c)
    >>> dict(k.nodes), k.multimode, k.affiliations[0].classes
    ({'agent': 1, 'event': 1}, True, ('agent', 'event'))
    """
    vocab = chart.vocabulary
    type_class = [t.node_class for t in vocab.node_types]
    counts = np.bincount(chart.nodes.type, minlength=len(vocab.node_types))
    per_class: dict[str, int] = {}
    unclassed = 0
    for code, count in enumerate(counts.tolist()):
        c = type_class[code]
        if not count:
            continue
        if c is None:
            unclassed += count
        else:
            per_class[c] = per_class.get(c, 0) + count
    nodes = {c: per_class[c] for c in CLASSES if c in per_class}
    e = chart.edges
    ties: list[ClassTie] = []
    if len(e) and nodes:
        t_src = chart.nodes.type[e.src].astype(np.int64)
        t_dst = chart.nodes.type[e.dst].astype(np.int64)
        k = len(vocab.node_types)
        undirected = np.array([not r.directed for r in vocab.relations] or [False], dtype=bool)[e.relation]
        a = np.where(undirected, np.minimum(t_src, t_dst), t_src)
        b = np.where(undirected, np.maximum(t_src, t_dst), t_dst)
        key = (e.relation.astype(np.int64) * k + a) * k + b
        uniq, count = np.unique(key, return_counts=True)
        for value, n in zip(uniq.tolist(), count.tolist(), strict=True):
            rel, rest = divmod(value, k * k)
            ta, tb = divmod(rest, k)
            ca, cb = type_class[ta], type_class[tb]
            if ca is not None and cb is not None and ca != cb:
                names = (vocab.node_types[ta].name, vocab.node_types[tb].name)
                ties.append(ClassTie(vocab.relations[rel].name, names, (ca, cb), n))
    ties.sort(key=lambda t: (-t.edges, t.relation, t.node_types))
    return Classes(
        MappingProxyType({t.name: t.node_class for t in vocab.node_types}),
        MappingProxyType(nodes),
        unclassed,
        tuple(ties),
    )


def side_codes(chart: LinkChart, names: Iterable[str] | str, what: str) -> tuple[int, ...]:
    """The node-type codes that ``names`` stand for: each a node type, or a class (every node
    type of that class), in vocabulary order.

    Raises
    ------
    UnknownNameError
        For a name that is neither a node type nor a class of the chart.
    LinkchartError
        For no name at all, or one that is not text.
    """
    vocab = chart.vocabulary
    type_names = vocab.node_type_names
    if isinstance(names, str):
        names = [names]
    codes: set[int] = set()
    for name in names:
        if not isinstance(name, str):
            raise LinkchartError(f"{what}: a node type is named with text, not {name!r}", code="bad-argument")
        if name in type_names:
            codes.add(type_names.index(name))
            continue
        of_class = [i for i, t in enumerate(vocab.node_types) if t.node_class == name]
        if not of_class:
            known = [*type_names, *dict.fromkeys(t.node_class for t in vocab.node_types if t.node_class)]
            raise UnknownNameError(f"node type or class ({what})", name, known)
        codes.update(of_class)
    if not codes:
        raise LinkchartError(f"{what}: name at least one node type", code="bad-argument")
    return tuple(sorted(codes))
