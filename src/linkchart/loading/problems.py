"""The problems found in a document, each located in its file (line, CSV row)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Final

from ..errors import LoadError, LoadWarning, Problem, ProblemCode

__all__ = ["Locator", "Problems"]

# --------------------------------------------------------------------------- problems
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

    def add(self, code: ProblemCode, message: str, path: str = "", hint: str = "") -> None:
        """Record one problem at ``path``."""
        file, line, row = self.locate(path)
        self.items.append(Problem(code, message, path, file, line, row, hint))

    def warn(self, code: ProblemCode, message: str, path: str = "", hint: str = "") -> None:
        """Record a warning at ``path``: the chart is still built (:meth:`issue_warnings`)."""
        file, line, row = self.locate(path)
        self.warnings.append(Problem(code, message, path, file, line, row, hint))

    def issue_warnings(self) -> None:
        """Issue every warning as a :class:`~linkchart.errors.LoadWarning`, in document order."""
        import warnings

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
