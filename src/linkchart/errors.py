"""The exception hierarchy: every error linkchart raises on purpose is a ``LinkchartError``.

A file with problems raises one :class:`LoadError` that lists every :class:`Problem`
at once, each with the file, line, the path of the bad item, a stable code and a hint.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

__all__ = [
    "LinkchartError",
    "LoadError",
    "Problem",
    "UnknownNameError",
    "did_you_mean",
]


class LinkchartError(Exception):
    """Base class of every error that linkchart raises for a user's mistake."""


@dataclass(frozen=True, slots=True)
class Problem:
    """One located problem in a graph file or in records.

    Attributes
    ----------
    code
        Stable, machine-readable code (``unknown-node``, ``bad-year`` ...), listed in
        ``docs/format.md``.
    message
        What is wrong, in words, naming the bad item.
    path
        Where in the document: ``edges[12].to``; ``""`` for the whole document.
    file
        The file it was found in (the YAML file, or a CSV file it names), or ``None``
        for records passed from Python.
    line
        1-based line in ``file`` (for CSV: the physical line where the row starts), or ``None``.
    row
        1-based data row for CSV files (the header is row 0), else ``None``.
    hint
        What to do about it, or ``""``.
    """

    code: str
    message: str
    path: str = ""
    file: str | None = None
    line: int | None = None
    row: int | None = None
    hint: str = ""

    def __str__(self) -> str:
        where = self.file or "<records>"
        if self.line is not None:
            where += f":{self.line}"
        if self.row is not None:
            where += f" (row {self.row})"
        text = f"{where}: {self.path + ': ' if self.path else ''}{self.message} [{self.code}]"
        if self.hint:
            text += f"\n    hint: {self.hint}"
        return text


class LoadError(LinkchartError):
    """A graph file or a set of records is invalid; nothing was built.

    Attributes
    ----------
    problems
        Every problem found, in document order.
    """

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} found"
        super().__init__(head + ":\n" + "\n".join(str(p) for p in self.problems))

    @property
    def codes(self) -> list[str]:
        """The problems' codes, in order."""
        return [p.code for p in self.problems]


class UnknownNameError(LinkchartError, KeyError):
    """A name (node id, node type, relation, measure, engine ...) that does not exist.

    The message suggests the closest known names, or, where none is close and there are
    few choices, lists them all.

    Examples
    --------
    >>> str(UnknownNameError("engine", "nx", ["igraph", "networkx"]))
    "unknown engine 'nx' — choose from 'igraph', 'networkx'"
    >>> str(UnknownNameError("engine", "igraf", ["igraph", "networkx"]))
    "unknown engine 'igraf' — did you mean 'igraph'?"
    """

    MAX_LISTED = 20

    def __init__(self, kind: str, name: object, known: Iterable[str] = ()) -> None:
        self.kind = kind
        self.name = name
        choices = list(dict.fromkeys(known))
        hint = did_you_mean(str(name), choices)
        if not hint and 0 < len(choices) <= self.MAX_LISTED:
            hint = "choose from " + ", ".join(repr(c) for c in choices)
        msg = f"unknown {kind} {name!r}"
        if hint:
            msg += f" — {hint}"
        self.message = msg
        super().__init__(msg)

    def __str__(self) -> str:
        return self.message


def did_you_mean(name: str, known: Iterable[str], *, n: int = 3) -> str:
    """Return ``"did you mean 'x'?"`` for the closest names in ``known``, or ``""``.

    Examples
    --------
    >>> did_you_mean("Tajikstan", ["Tajikistan", "Pakistan", "Kyrgyzstan"])
    "did you mean 'Tajikistan'?"
    """
    pool = list(dict.fromkeys(known))
    matches = difflib.get_close_matches(name, pool, n=n, cutoff=0.6)
    if matches:
        # keep only the suggestions about as close as the best one
        ratio = {m: difflib.SequenceMatcher(None, name, m).ratio() for m in matches}
        best = max(ratio.values())
        matches = [m for m in matches if ratio[m] >= best - 0.05]
    if not matches:
        lowered = {k.casefold(): k for k in pool}
        if name.casefold() in lowered:
            matches = [lowered[name.casefold()]]
    if not matches:
        return ""
    return "did you mean " + " or ".join(repr(m) for m in matches) + "?"
