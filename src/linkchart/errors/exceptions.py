"""The exception hierarchy: every error linkchart raises on purpose is a :class:`LinkchartError`.

Errors are data too, in the style of pydantic-core's error list: every error has a stable
``code`` (:data:`~linkchart.errors.codes.CODES`), a location ``loc`` (a tuple, ``()``
where it has none), the bad ``input`` (JSON-safe and bounded, :func:`.data.json_safe`),
the facts behind the message in ``ctx`` (``{"choices": [...]}``, ``{"limit": 4096}``) and
a ``hint``; :meth:`LinkchartError.to_dict` gives them as plain data.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from .codes import ERROR_CODES, ErrorCode
from .data import bounded_message, json_safe, json_safe_mapping

__all__ = ["LinkchartError", "UndefinedMeasureError", "UnknownNameError", "did_you_mean"]


class LinkchartError(Exception):
    """Base class of every error that linkchart raises for a user's mistake.

    Attributes
    ----------
    code
        A stable code from :data:`ERROR_CODES` (``"bad-argument"`` unless given).
    loc
        Where the bad item is, as a tuple (an argument's name, a flag, a path in a file);
        ``()`` for none.
    input
        The bad item (JSON-safe, at most about 200 characters: :func:`.data.json_safe`),
        or ``None``.
    ctx
        The facts behind the message (``{"choices": [...]}``, ``{"limit": 4096}``), or
        ``None``.
    hint
        What to do about it, or ``""``.

    Examples
    --------
    >>> err = LinkchartError("top must be a positive integer, not 0", loc=("top",), input=0)
    >>> err.code, err.to_dict()
    ('bad-argument', {'code': 'bad-argument', 'message': 'top must be a positive integer, not 0', \
'loc': ['top'], 'input': 0, 'ctx': None, 'hint': ''})
    """

    __module__ = "linkchart.errors"  # its public home: tracebacks and pickles name it there

    code: ErrorCode = "bad-argument"

    def __init__(
        self,
        message: str = "",
        *,
        code: ErrorCode | None = None,
        loc: tuple[str | int, ...] = (),
        input: Any = None,  # the name of pydantic-core's errors and of the JSON documents
        ctx: Mapping[str, Any] | None = None,
        hint: str = "",
    ) -> None:
        super().__init__(bounded_message(message))
        if code is not None:
            if code not in ERROR_CODES:
                raise ValueError(f"unknown error code {code!r}")
            self.code = code
        self.loc: tuple[str | int, ...] = tuple(loc)
        self.input: Any = json_safe(input)
        self.ctx: dict[str, Any] | None = None if ctx is None else json_safe_mapping(ctx)
        self.hint = bounded_message(hint)

    def to_dict(self) -> dict[str, Any]:
        """``{code, message, loc, input, ctx, hint}``: the error as plain JSON-ready data."""
        return {
            "code": self.code,
            "message": str(self),
            "loc": list(self.loc),
            "input": self.input,
            "ctx": self.ctx,
            "hint": self.hint,
        }


class UndefinedMeasureError(LinkchartError):
    """A measure that is undefined for this chart (PN centrality's matrix is singular on two
    nodes joined only by a hostile tie; an eigenvector that does not converge).

    Called directly, the measure raises it; in an analysis (:func:`linkchart.analyze`, the
    report, the page) it is not an error: the measure is left out with this reason (an
    ``"undefined"`` :class:`~linkchart.analysis.policy.Decision`) and everything else is shown.

    Examples
    --------
    >>> UndefinedMeasureError("PN centrality is undefined here").code
    'bad-argument'
    """

    __module__ = "linkchart.errors"  # its public home: tracebacks and pickles name it there


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

    __module__ = "linkchart.errors"  # its public home: tracebacks and pickles name it there

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
        self.message = msg = bounded_message(msg)
        ctx: dict[str, Any] = {"kind": kind}
        if 0 < len(choices) <= self.MAX_LISTED:
            ctx["choices"] = choices
        super().__init__(msg, input=name, ctx=ctx, hint=hint)

    def __reduce__(self) -> tuple[Any, ...]:
        # rebuilt from its own arguments (a worker process sends it back pickled)
        return type(self), (self.kind, self.name), self.__dict__

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
    from ..spelling import Speller

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
