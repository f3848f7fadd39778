"""The exception hierarchy: every error linkchart raises on purpose is a ``LinkchartError``.

A file with problems raises one :class:`LoadError` that lists every :class:`Problem`
at once, each with the file, line, the path of the bad item, a stable code and a hint.

Errors are data too, in the style of pydantic-core's error list: every
:class:`Problem` has a code from the closed set :data:`PROBLEM_CODES`, a location
``loc`` as a tuple (``("edges", 12, "to")``) beside its dotted text (``edges[12].to``)
and :meth:`Problem.to_dict`; :meth:`LoadError.errors` lists them as dicts. Errors
raised outside loading (an unknown measure, a bad argument, a file that cannot be
written) carry a code from :data:`ERROR_CODES`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Literal, get_args

__all__ = [
    "ERROR_CODES",
    "PROBLEM_CODES",
    "ErrorCode",
    "LinkchartError",
    "LoadError",
    "LoadWarning",
    "Problem",
    "ProblemCode",
    "UnknownNameError",
]

ProblemCode = Literal[
    "yaml-syntax",
    "duplicate-key",
    "unsupported-version",
    "missing-field",
    "wrong-type",
    "unknown-field",
    "duplicate-node",
    "duplicate-edge",
    "duplicate-name",
    "unknown-node",
    "unknown-node-type",
    "unknown-relation",
    "relation-not-allowed",
    "unknown-layer",
    "bad-confidence",
    "bad-time",
    "unknown-period",
    "outside-lifespan",
    "bad-alternative",
    "undated-source",
    "bad-weight",
    "unknown-source",
    "evidence-not-found",
    "source-unreadable",
    "csv-syntax",
    "bad-text",
    "json-syntax",
    "xml-syntax",
    "xlsx-syntax",
    "xlsx-cell",
    "xlsx-sheet",
    "stix-invalid",
]
"""The code of a :class:`Problem` in a graph file or records (see ``docs/format.md``)."""

PROBLEM_CODES: tuple[str, ...] = get_args(ProblemCode)
"""Every :data:`ProblemCode`, in the order of the table in ``docs/format.md``."""

ErrorCode = Literal[
    "invalid-data",
    "unknown-name",
    "bad-argument",
    "write-failed",
    "asset-missing",
]
"""The code of a :class:`LinkchartError` raised outside a file's problems.

``invalid-data``: a :class:`LoadError` (its problems carry their own codes);
``unknown-name``: a node, measure, relation, engine ... that does not exist;
``bad-argument``: an argument of the wrong type or out of range; ``write-failed``:
a file or folder that cannot be written; ``asset-missing``: a file linkchart needs
from an installed package is missing or not the one it was checked against.
"""

ERROR_CODES: tuple[str, ...] = get_args(ErrorCode)
"""Every :data:`ErrorCode`."""


class LinkchartError(Exception):
    """Base class of every error that linkchart raises for a user's mistake.

    Attributes
    ----------
    code
        A stable code from :data:`ERROR_CODES` (``"bad-argument"`` unless given).

    Examples
    --------
    >>> err = LinkchartError("top must be a positive integer, not 0")
    >>> err.code, err.to_dict()["message"]
    ('bad-argument', 'top must be a positive integer, not 0')
    """

    code: ErrorCode = "bad-argument"

    def __init__(self, message: str = "", *, code: ErrorCode | None = None) -> None:
        super().__init__(message)
        if code is not None:
            if code not in ERROR_CODES:
                raise ValueError(f"unknown error code {code!r}")
            self.code = code

    def to_dict(self) -> dict[str, Any]:
        """``{"code": ..., "message": ...}``: the error as plain JSON-ready data."""
        return {"code": self.code, "message": str(self)}


_LOC_PART = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def loc_of(path: str) -> tuple[str | int, ...]:
    """The dotted path ``edges[12].to`` as a tuple ``("edges", 12, "to")``.

    Examples
    --------
    >>> loc_of("edges[12].to"), loc_of("relations.funds.weight"), loc_of("")
    (('edges', 12, 'to'), ('relations', 'funds', 'weight'), ())
    """
    return tuple(int(index) if index else name for name, index in _LOC_PART.findall(path))


@dataclass(frozen=True, slots=True)
class Problem:
    """One located problem in a graph file or in records.

    Attributes
    ----------
    code
        Stable, machine-readable code from :data:`PROBLEM_CODES` (``unknown-node``,
        ``bad-time`` ...), listed in ``docs/format.md``.
    message
        What is wrong, in words, naming the bad item.
    path
        Where in the document, as text: ``edges[12].to``; ``""`` for the whole document.
    file
        The file it was found in (the YAML file, or a CSV file it names), or ``None``
        for records passed from Python.
    line
        1-based line in ``file`` (for CSV: the physical line where the row starts), or ``None``.
    row
        1-based data row for CSV files (the header is row 0), else ``None``.
    hint
        What to do about it, or ``""``.

    Examples
    --------
    >>> p = Problem("unknown-node", "unknown node 'X'", "edges[3].to", "g.yaml", 12)
    >>> p.loc
    ('edges', 3, 'to')
    >>> str(p)
    "g.yaml:12: edges[3].to: unknown node 'X' [unknown-node]"
    """

    code: ProblemCode
    message: str
    path: str = ""
    file: str | None = None
    line: int | None = None
    row: int | None = None
    hint: str = ""

    def __post_init__(self) -> None:
        if self.code not in PROBLEM_CODES:
            raise ValueError(f"unknown problem code {self.code!r}")

    @property
    def loc(self) -> tuple[str | int, ...]:
        """Where in the document, as a tuple of keys and list indices."""
        return loc_of(self.path)

    def to_dict(self) -> dict[str, Any]:
        """The problem as plain JSON-ready data (``loc`` as a list)."""
        return {
            "code": self.code,
            "message": self.message,
            "loc": list(self.loc),
            "path": self.path,
            "file": self.file,
            "line": self.line,
            "row": self.row,
            "hint": self.hint,
        }

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

    code: ErrorCode = "invalid-data"

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} found"
        super().__init__(head + ":\n" + "\n".join(str(p) for p in self.problems))

    @property
    def codes(self) -> list[str]:
        """The problems' codes, in order."""
        return [p.code for p in self.problems]

    def errors(self) -> list[dict[str, Any]]:
        """Every problem as :meth:`Problem.to_dict`, in document order."""
        return [p.to_dict() for p in self.problems]

    def to_dict(self) -> dict[str, Any]:
        """``{"code": "invalid-data", "message": ..., "problems": [...]}``."""
        return {"code": self.code, "message": str(self).partition(":")[0], "problems": self.errors()}


class LoadWarning(UserWarning):
    """Something in a graph file that is allowed but probably a slip (a tie dated outside
    an actor's lifespan); the chart is built. ``problem`` says where, as for an error.

    :func:`linkchart.load` issues these through :mod:`warnings`; ``linkchart validate``
    prints them.
    """

    def __init__(self, problem: Problem) -> None:
        self.problem = problem
        super().__init__(str(problem))


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
    >>> UnknownNameError("engine", "igraf", ["igraph"]).code
    'unknown-name'
    """

    code: ErrorCode = "unknown-name"
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

    The names offered are the (at most ``n``) most similar ones, at 0.6 or more and
    within 0.05 of the best (:mod:`linkchart.spelling`), else the one that differs
    only in case.

    Examples
    --------
    >>> did_you_mean("Tajikstan", ["Tajikistan", "Pakistan", "Kyrgyzstan"])
    "did you mean 'Tajikistan'?"
    """
    from .spelling import Speller

    speller = Speller(known)
    close = speller.close(name, n=n)
    # keep only the suggestions about as close as the best one
    matches = [m for m, ratio in close if ratio >= close[0][1] - 0.05]
    if not matches:
        lowered = {k.casefold(): k for k in speller.known}
        if name.casefold() in lowered:
            matches = [lowered[name.casefold()]]
    if not matches:
        return ""
    return "did you mean " + " or ".join(repr(m) for m in matches) + "?"
