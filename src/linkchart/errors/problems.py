"""Problems in a graph file or in records: :class:`Problem`, every one found
(:class:`Problems`), and the error that lists them (:class:`LoadError`).

A file with problems raises one :class:`LoadError` that lists every :class:`Problem`
at once, each with the file, line, the path of the bad item, a stable code, the bad item
itself (``input``), the facts behind the message (``ctx``) and a hint.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Final

from .codes import PROBLEM_CODES, ErrorCode, ProblemCode
from .data import bounded_message, json_safe, json_safe_mapping, loc_of
from .exceptions import LinkchartError

__all__ = ["LoadError", "LoadWarning", "Locator", "Problem", "Problems"]


@dataclass(frozen=True, slots=True)
class Problem:
    """One located problem in a graph file or in records.

    Attributes
    ----------
    code
        Stable, machine-readable code from :data:`~linkchart.errors.codes.PROBLEM_CODES`
        (``unknown-node``, ``bad-time`` ...), listed in ``docs/format.md``.
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
    input
        The bad item as written in this file (never another file's content), JSON-safe
        and cut at 200 characters (:func:`~linkchart.errors.data.json_safe`), or ``None``.
    ctx
        The facts behind the message (``{"expected": [...]}``, ``{"limit": 4096}``), or
        ``None``.

    Examples
    --------
    >>> p = Problem("unknown-node", "unknown node 'X'", "edges[3].to", "g.yaml", 12, input="X")
    >>> p.loc
    ('edges', 3, 'to')
    >>> str(p)
    "g.yaml:12: edges[3].to: unknown node 'X' [unknown-node]"
    """

    __module__ = "linkchart.errors"  # its public home: tracebacks and pickles name it there

    code: ProblemCode
    message: str
    path: str = ""
    file: str | None = None
    line: int | None = None
    row: int | None = None
    hint: str = ""
    input: Any = field(default=None, hash=False)
    ctx: Mapping[str, Any] | None = field(default=None, hash=False)

    def __post_init__(self) -> None:
        if self.code not in PROBLEM_CODES:
            raise ValueError(f"unknown problem code {self.code!r}")
        object.__setattr__(self, "input", json_safe(self.input))
        object.__setattr__(self, "message", bounded_message(self.message))
        object.__setattr__(self, "hint", bounded_message(self.hint))
        if self.ctx is not None:
            object.__setattr__(self, "ctx", json_safe_mapping(self.ctx))

    @property
    def loc(self) -> tuple[str | int, ...]:
        """Where in the document, as a tuple of keys and list indices."""
        return loc_of(self.path)

    def to_dict(self) -> dict[str, Any]:
        """The problem as plain JSON-ready data: ``{code, message, loc, input, ctx, hint}`` as
        for every error (``loc`` a list), then ``path``, ``file``, ``line`` and ``row``."""
        return {
            "code": self.code,
            "message": self.message,
            "loc": list(self.loc),
            "input": self.input,
            "ctx": None if self.ctx is None else dict(self.ctx),
            "hint": self.hint,
            "path": self.path,
            "file": self.file,
            "line": self.line,
            "row": self.row,
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

    __module__ = "linkchart.errors"  # its public home: tracebacks and pickles name it there

    code: ErrorCode = "invalid-data"

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} found"
        super().__init__(head + ":\n" + "\n".join(str(p) for p in self.problems))

    def __reduce__(self) -> tuple[Any, ...]:
        return type(self), (self.problems,)

    @property
    def codes(self) -> list[str]:
        """The problems' codes, in order."""
        return [p.code for p in self.problems]

    def errors(self) -> list[dict[str, Any]]:
        """Every problem as :meth:`Problem.to_dict`, in document order."""
        return [p.to_dict() for p in self.problems]

    def to_dict(self) -> dict[str, Any]:
        """``{code: "invalid-data", message, loc, input, ctx, hint, problems: [...]}``."""
        return {**super().to_dict(), "message": str(self).partition(":")[0], "problems": self.errors()}


class LoadWarning(UserWarning):
    """Something in a graph file that is allowed but probably a slip (a tie dated outside
    an actor's lifespan); the chart is built. ``problem`` says where, as for an error.

    :func:`linkchart.load` issues these through :mod:`warnings`; ``linkchart validate``
    prints them.
    """

    __module__ = "linkchart.errors"  # its public home: tracebacks and pickles name it there

    def __init__(self, problem: Problem) -> None:
        self.problem = problem
        super().__init__(str(problem))

    def __reduce__(self) -> tuple[Any, ...]:
        return type(self), (self.problem,)


# --------------------------------------------------------------------------- problems found
Locator = Callable[[str], tuple[str | None, int | None, int | None]]
"""Maps a path (``edges[12].to``) to ``(file, line, row)``."""


def _no_location(path: str) -> tuple[str | None, int | None, int | None]:
    return None, None, None


_ROW_RE: Final = re.compile(r"^(nodes|edges)\[(\d+)\]")


class Problems:
    """The problems found so far, each located through a :class:`Locator`."""

    def __init__(self, locate: Locator = _no_location) -> None:
        self.locate = locate
        self.items: list[Problem] = []
        self.warnings: list[Problem] = []

    def add(
        self,
        code: ProblemCode,
        message: str,
        path: str = "",
        hint: str = "",
        *,
        input: Any = None,  # the name of pydantic-core's errors and of the JSON documents
        ctx: Mapping[str, Any] | None = None,
    ) -> None:
        """Record one problem at ``path`` (``input``: the bad item as written in this file)."""
        file, line, row = self.locate(path)
        self.items.append(Problem(code, message, path, file, line, row, hint, input, ctx))

    def warn(
        self,
        code: ProblemCode,
        message: str,
        path: str = "",
        hint: str = "",
        *,
        input: Any = None,
        ctx: Mapping[str, Any] | None = None,
    ) -> None:
        """Record a warning at ``path``: the chart is still built (:meth:`issue_warnings`)."""
        file, line, row = self.locate(path)
        self.warnings.append(Problem(code, message, path, file, line, row, hint, input, ctx))

    def issue_warnings(self) -> None:
        """Issue every warning as a :class:`LoadWarning`, in document order."""
        for p in self.warnings:
            warnings.warn(LoadWarning(p), stacklevel=4)

    def extend(self, problems: Iterable[Problem]) -> None:
        """Record problems that are already located."""
        self.items.extend(problems)

    def __bool__(self) -> bool:
        return bool(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def raise_if_any(self) -> None:
        """Raise one :class:`LoadError` listing every problem, in document order."""
        if not self.items:
            return
        files: dict[str | None, int] = {}
        for p in self.items:
            files.setdefault(p.file, len(files))

        def key(p: Problem) -> tuple[int, int, int, int]:
            m = _ROW_RE.match(p.path)
            section, row = (1 + (m.group(1) == "edges"), int(m.group(2))) if m else (0, 0)
            return files[p.file], p.line if p.line is not None else 0, section, row

        raise LoadError(sorted(self.items, key=key))
