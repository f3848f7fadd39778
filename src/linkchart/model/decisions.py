"""An analyst's decisions on candidate pairs, as data: that nodes are one entity, or are not
(read from a file's records by :func:`decisions_from_records`, applied when a chart loads
(:mod:`linkchart.loading.decisions`), honoured by :func:`~linkchart.analysis.duplicates.candidates`)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Final, Protocol

from ..errors import LoadError, Problem, ProblemCode, did_you_mean


class _Chart(Protocol):
    """What :meth:`Decisions.problems` reads of a chart (a :class:`~linkchart.LinkChart`)."""

    @property
    def node_ids(self) -> tuple[str, ...]: ...


__all__ = ["Decision", "Decisions", "decisions_from_records"]


@dataclass(frozen=True, slots=True)
class Decision:
    """An analyst's judgement on two or more nodes: that they are one entity (``same``) or
    that they are not, ``by`` whom, ``why`` and when (``date``: a year, month or day).

    ``nodes`` are node ids; across charts an id names the node of whichever chart has it
    (charts are merged by id). A decision is data: deleting it undoes it.

    Examples
    --------
    >>> d = Decision(("Namangani", "Namangany"), True, by="jd", why="one commander")
    >>> d.pairs(), d.to_record()["same_as"]
    ([('Namangani', 'Namangany')], ['Namangani', 'Namangany'])
    """

    nodes: tuple[str, ...]
    same: bool
    by: str = ""
    why: str = ""
    date: str = ""

    def pairs(self) -> list[tuple[str, str]]:
        """Every pair of the nodes, in the order written."""
        return [(a, b) for i, a in enumerate(self.nodes) for b in self.nodes[i + 1 :]]

    def to_record(self) -> dict[str, Any]:
        """The decision as a file holds it (``same_as:`` or ``not_same_as:``, then who, why, when)."""
        out: dict[str, Any] = {("same_as" if self.same else "not_same_as"): list(self.nodes)}
        out.update((k, v) for k, v in (("by", self.by), ("why", self.why), ("date", self.date)) if v)
        return out


class Decisions:
    """Decisions taken together: the groups of nodes judged one entity (a ``same_as`` chain
    joins its groups: A = B and B = C make one group) and the pairs judged different.
    ``files`` are the files they were read from: a chart made with them was read from those
    too, and a writer never writes over one.

    Examples
    --------
    >>> ds = Decisions([Decision(("A", "B"), True), Decision(("B", "C"), True), Decision(("C", "D"), False)])
    >>> ds.groups, ds.settles("A", "C"), ds.settles("A", "D"), ds.settles("A", "E")
    ((('A', 'B', 'C'),), True, False, None)
    """

    __slots__ = ("_different", "_group", "entries", "files", "groups")

    def __init__(self, entries: Iterable[Decision] = (), *, files: Iterable[str] = ()) -> None:
        self.entries: tuple[Decision, ...] = tuple(entries)
        self.files: tuple[str, ...] = tuple(dict.fromkeys(files))
        parent: dict[str, str] = {}

        def root(x: str) -> str:
            parent.setdefault(x, x)
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        for d in self.entries:
            for n in d.nodes:
                root(n)
            if d.same:
                for a, b in zip(d.nodes, d.nodes[1:], strict=False):
                    ra, rb = root(a), root(b)
                    if ra != rb:
                        parent[rb] = ra
        members: dict[str, list[str]] = {}
        for n in parent:
            members.setdefault(root(n), []).append(n)
        self._group: dict[str, str] = {n: root(n) for n in parent}
        self.groups: tuple[tuple[str, ...], ...] = tuple(tuple(m) for m in members.values() if len(m) > 1)
        self._different = {
            frozenset((self._group[a], self._group[b]))
            for d in self.entries
            if not d.same
            for a, b in d.pairs()
        }

    def __len__(self) -> int:
        return len(self.entries)

    def settles(self, a: str, b: str) -> bool | None:
        """``True`` if ``a`` and ``b`` were judged one entity, ``False`` if different, ``None``
        if no decision covers them."""
        ga, gb = self._group.get(a), self._group.get(b)
        if ga is None or gb is None:
            return None
        if ga == gb:
            return True
        return False if frozenset((ga, gb)) in self._different else None

    def apart(self) -> Decisions:
        """The ``not_same_as`` decisions, each id written as the id of the node its ``same_as``
        group makes (the group's first id, as :func:`~linkchart.load` names the joined node):
        what a chart loaded with these decisions keeps of them (:attr:`LinkChart.decisions`).

        Examples
        --------
        >>> ds = Decisions([Decision(("A", "B"), True), Decision(("B", "C"), False, why="kin")])
        >>> ds.apart().entries
        (Decision(nodes=('A', 'C'), same=False, by='', why='kin', date=''),)
        """
        first = {n: group[0] for group in self.groups for n in group}
        return Decisions(
            [
                Decision(tuple(first.get(n, n) for n in d.nodes), False, d.by, d.why, d.date)
                for d in self.entries
                if not d.same
            ],
            files=self.files,
        )

    @property
    def contradictions(self) -> tuple[tuple[Decision, tuple[str, str]], ...]:
        """Each ``not_same_as`` decision with a pair it names that ``same_as`` decisions join."""
        return tuple(
            (d, (a, b))
            for d in self.entries
            if not d.same
            for a, b in d.pairs()
            if self._group[a] == self._group[b]
        )

    def problems(self, *charts: _Chart) -> list[Problem]:
        """``unknown-node`` problems for the ids that name no node of the charts (with the
        closest names), located at ``decisions[i].same_as[j]``."""
        known: set[str] = set()
        for c in charts:
            known.update(c.node_ids)
        out = []
        for i, d in enumerate(self.entries):
            key = "same_as" if d.same else "not_same_as"
            for j, n in enumerate(d.nodes):
                if n not in known:
                    hint = did_you_mean(n, sorted(known))
                    out.append(
                        Problem(
                            "unknown-node", f"unknown node {n!r}", f"decisions[{i}].{key}[{j}]", hint=hint
                        )
                    )
        return out


_DECISION_KEYS: Final = ("same_as", "not_same_as", "by", "why", "date")
_DATE: Final = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def _line(lines: Mapping[str, int], path: str) -> int | None:
    while True:
        if path in lines:
            return lines[path]
        cut = max(path.rfind("."), path.rfind("["))
        if cut <= 0:
            return lines.get(path)
        path = path[:cut]


def _a_date(value: object) -> str | None:
    """``value`` as the text of a year, month or day, or ``None`` if it is not one."""
    if isinstance(value, dt.date):  # what a YAML 1.1 reader makes of 2024-05-02
        return value.isoformat()
    text = str(value) if isinstance(value, int) and not isinstance(value, bool) else value
    if not isinstance(text, str) or not (m := _DATE.match(text.strip())):
        return None
    year, month, day = (int(g) if g else 1 for g in m.groups())
    try:
        dt.date(year, month, day)
    except ValueError:
        return None
    return text.strip()


def decisions_from_records(
    records: object,
    *,
    file: str | None = None,
    lines: Mapping[str, int] | None = None,
    path: str = "decisions",
) -> Decisions:
    """Decisions from plain data (the ``decisions:`` list of a file, as YAML or JSON reads it).

    Each entry is ``{same_as: [ID, ID, ...], by: WHO, why: TEXT, date: DAY}`` or the same
    with ``not_same_as``; only the list is required (see ``docs/many_sources.md``).

    Parameters
    ----------
    records
        The list of entries.
    file, lines
        The file they were read from and the line of each path (``decisions[0].by``), to
        locate problems.
    path
        The path of the list in its document.

    Raises
    ------
    LoadError
        With every problem at once, each located: an entry that is not a mapping or a
        field of the wrong type (``wrong-type``), an unknown key (``unknown-field``), an
        entry with neither list (``missing-field``), an id written twice
        (``duplicate-name``), a date that is not a year, month or day (``bad-time``).

    Examples
    --------
    >>> ds = decisions_from_records([{"same_as": ["Juma", "Djuma"], "by": "jd", "date": 2024}])
    >>> ds.entries[0]
    Decision(nodes=('Juma', 'Djuma'), same=True, by='jd', why='', date='2024')
    >>> decisions_from_records([{"same_as": ["Juma"], "who": "jd"}])
    Traceback (most recent call last):
    ...
    linkchart.errors.LoadError: 2 problems found:
    <records>: decisions[0].who: unknown field 'who' [unknown-field]
        hint: did you mean 'why'?
    <records>: decisions[0].same_as: a decision names at least two nodes, not 1 [wrong-type]
        hint: same_as: [ID, ID, ...]
    """
    problems: list[Problem] = []
    where = lines or {}

    def problem(code: ProblemCode, message: str, at: str, hint: str = "") -> None:
        problems.append(Problem(code, message, at, file, _line(where, at), hint=hint))

    if not isinstance(records, list):
        problem("wrong-type", f"decisions must be a list, not {type(records).__name__}", path)
        raise LoadError(problems)
    entries: list[Decision] = []
    for i, entry in enumerate(records):
        at = f"{path}[{i}]"
        if not isinstance(entry, Mapping):
            problem(
                "wrong-type",
                f"a decision is a mapping, not {type(entry).__name__}",
                at,
                "{same_as: [A, B], by: WHO, why: TEXT}",
            )
            continue
        for key in entry:
            if key not in _DECISION_KEYS:
                problem(
                    "unknown-field",
                    f"unknown field {key!r}",
                    f"{at}.{key}",
                    did_you_mean(str(key), _DECISION_KEYS),
                )
        lists = [k for k in ("same_as", "not_same_as") if entry.get(k) is not None]
        if not lists:
            problem(
                "missing-field",
                "a decision needs same_as or not_same_as",
                at,
                "same_as: [A, B] (one entity) or not_same_as: [A, B]",
            )
            continue
        if len(lists) == 2:
            problem("wrong-type", "a decision is same_as or not_same_as, not both", at, "write two decisions")
            continue
        key = lists[0]
        nodes = entry[key]
        ok = True
        if not isinstance(nodes, list):
            problem(
                "wrong-type",
                f"{key} is a list of node ids, not {type(nodes).__name__}",
                f"{at}.{key}",
                f"{key}: [A, B]",
            )
            continue
        for j, n in enumerate(nodes):
            if not isinstance(n, str) or not n:
                hint = "quote it" if isinstance(n, int | float | bool) else ""
                problem("wrong-type", f"a node id is text, not {n!r}", f"{at}.{key}[{j}]", hint)
                ok = False
            elif n in nodes[:j]:
                problem("duplicate-name", f"{n!r} is named twice", f"{at}.{key}[{j}]")
                ok = False
        if len(nodes) < 2:
            problem(
                "wrong-type",
                f"a decision names at least two nodes, not {len(nodes)}",
                f"{at}.{key}",
                f"{key}: [ID, ID, ...]",
            )
            ok = False
        texts = {}
        for field in ("by", "why"):
            value = entry.get(field)
            if value is not None and not isinstance(value, str):
                problem("wrong-type", f"{field} is text, not {value!r}", f"{at}.{field}", "quote it")
                ok = False
            texts[field] = value or ""
        date = ""
        if entry.get("date") is not None:
            found = _a_date(entry["date"])
            if found is None:
                problem(
                    "bad-time",
                    f"date {entry['date']!r} is not a year, month or day",
                    f"{at}.date",
                    "write 2024, 2024-05 or 2024-05-31",
                )
                ok = False
            date = found or ""
        if ok:
            entries.append(Decision(tuple(nodes), key == "same_as", texts["by"], texts["why"], date))
    if problems:
        raise LoadError(problems)
    return Decisions(entries, files=[file] if file else [])
