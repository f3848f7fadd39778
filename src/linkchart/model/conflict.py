"""A contradiction between sources, as a value (:class:`Conflict`), and the conflicts a chart
keeps because its nodes and edges cannot show them (read from a file's ``conflicts:`` list
by :func:`conflicts_from_records`): those a merge of charts met (a relation declared two
ways, a node given two types, one source graded two ways), which
:func:`~linkchart.analysis.conflicts.conflicts` lists with those it finds in the edges."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Final, Literal, get_args

from ..errors import LoadError, Problem, did_you_mean

__all__ = ["CONFLICT_KINDS", "Conflict", "ConflictKind", "conflicts_from_records"]

ConflictKind = Literal["sign", "time", "type", "vocabulary", "node", "source"]
"""What a conflict is about: ``sign`` (one pair friendly by one source, hostile by another),
``time`` (one tie dated by two sources at times that do not overlap), ``type`` (one entity
given types of different classes), and, met by a merge, ``vocabulary`` (a relation, node
type, confidence level or period declared otherwise), ``node`` (one node's label, time or
attribute given otherwise) and ``source`` (one source id naming two documents, or one
document graded two ways)."""

CONFLICT_KINDS: Final[tuple[str, ...]] = get_args(ConflictKind)
"""Every :data:`ConflictKind`, in the order :func:`~linkchart.analysis.conflicts.conflicts`
lists them."""

_LISTS: Final = ("edges", "sources", "nodes", "values")


@dataclass(frozen=True, slots=True)
class Conflict:
    """One contradiction, with what stands on each side.

    Attributes
    ----------
    kind
        What it is about (:data:`ConflictKind`).
    subject
        What it is about, in words: a pair of node ids (``"A -- B"``), a node id, a
        relation or a source id.
    message
        One line that says what contradicts what.
    edges
        The ids of the edges on either side (``sign``, ``time``), in chart order.
    sources
        The sources on either side (a source id; ``None`` for the analyst's own edges).
    nodes
        The node ids it concerns.
    values
        The contradicting values, one per side, as text (the relations and their signs,
        the times, the types).
    """

    kind: ConflictKind
    subject: str
    message: str
    edges: tuple[str, ...] = ()
    sources: tuple[str | None, ...] = ()
    nodes: tuple[str, ...] = ()
    values: tuple[str, ...] = field(default=())

    def to_dict(self) -> dict[str, Any]:
        """The conflict as plain data (its fields)."""
        return {
            "kind": self.kind,
            "subject": self.subject,
            "message": self.message,
            "edges": list(self.edges),
            "sources": list(self.sources),
            "nodes": list(self.nodes),
            "values": list(self.values),
        }

    def to_record(self) -> dict[str, Any]:
        """The conflict as a file's ``conflicts:`` list holds it: its fields, empty lists
        left out."""
        return {k: v for k, v in self.to_dict().items() if v or k not in _LISTS}


def conflicts_from_records(records: object, *, file: str | None = None) -> tuple[Conflict, ...]:
    """The conflicts of a file's ``conflicts:`` list (each ``{kind, subject, message,
    edges, sources, nodes, values}``, the lists optional; see ``docs/format.md``).

    Raises
    ------
    LoadError
        With every problem at once: an entry that is not a mapping, a field of the wrong
        type or an unknown kind (``wrong-type``), an unknown key (``unknown-field``), a
        missing ``kind``, ``subject`` or ``message`` (``missing-field``).

    Examples
    --------
    >>> (c,) = conflicts_from_records([{"kind": "type", "subject": "Pakistan", "message": "state / region"}])
    >>> c.kind, c.subject, c.to_record()
    ('type', 'Pakistan', {'kind': 'type', 'subject': 'Pakistan', 'message': 'state / region'})
    """
    problems: list[Problem] = []

    def problem(code: Any, message: str, at: str, hint: str = "") -> None:
        problems.append(Problem(code, message, at, file, hint=hint))

    if not isinstance(records, list):
        problem(
            "wrong-type",
            "conflicts is a list of conflicts",
            "conflicts",
            "conflicts: [{kind, subject, message}]",
        )
        raise LoadError(problems)
    out = []
    keys = ("kind", "subject", "message", *_LISTS)
    for i, r in enumerate(records):
        at = f"conflicts[{i}]"
        if not isinstance(r, dict):
            problem("wrong-type", "a conflict is a mapping", at, "{kind: type, subject: ID, message: TEXT}")
            continue
        for k in r:
            if k not in keys:
                problem("unknown-field", f"unknown field {k!r}", f"{at}.{k}", did_you_mean(str(k), keys))
        bad = False
        for k in ("kind", "subject", "message"):
            if k not in r:
                problem("missing-field", f"a conflict has a {k}", at)
                bad = True
            elif not isinstance(r[k], str):
                problem("wrong-type", f"{k} is text", f"{at}.{k}")
                bad = True
        if not bad and r["kind"] not in CONFLICT_KINDS:
            hint = did_you_mean(r["kind"], CONFLICT_KINDS) or f"one of {', '.join(CONFLICT_KINDS)}"
            problem("wrong-type", f"unknown conflict kind {r['kind']!r}", f"{at}.kind", hint)
            bad = True
        lists = {}
        for k in _LISTS:
            value = r.get(k, [])
            if not isinstance(value, list) or not all(x is None or isinstance(x, str) for x in value):
                problem("wrong-type", f"{k} is a list of text", f"{at}.{k}")
                bad = True
            else:
                lists[k] = tuple(value)
        if not bad:
            out.append(Conflict(r["kind"], r["subject"], r["message"], **lists))
    if problems:
        raise LoadError(problems)
    return tuple(out)
