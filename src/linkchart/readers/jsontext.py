"""Bounded JSON: every JSON text an importer reads, to plain data or located problems.

JSON arrives whole (node-link JSON, a STIX bundle) and inside other formats (a GraphML
``<data>``, a GEXF ``attvalue``, an Excel cell, the STIX ``x_linkchart_header``). Every
one of them goes through :func:`read_json`, which bounds the work and refuses what a
writer could not write back:

- **nesting**: at most :data:`MAX_DEPTH` levels of arrays and objects, counted from the
  top of the text (Python's parser is recursive: deeper nesting would end in a
  ``RecursionError``, at a depth that depends on the caller's stack);
- **numbers**: an integer of more than :data:`MAX_INT_DIGITS` digits (Python refuses to
  convert it, and converting it costs quadratic time), a number too large for a float
  (``1e400``), and ``NaN``/``Infinity`` (not JSON, and no JSON writer writes them);
- **text**: a lone surrogate (``"\\ud800"``), which no UTF-8 file can hold
  (:func:`linkchart.writable.unwritable`);
- **keys**: an object with the same key twice (the later value would silently win).

Each problem is located: a syntax error by line and column, anything else by its JSON
path (``nodes[3].attributes.amount``) under the place the text came from.
"""

from __future__ import annotations

import json
import re
from typing import Any, Final

from ..errors import LoadError, Problem, ProblemCode
from ..writable import unwritable

__all__ = ["MAX_DEPTH", "MAX_INT_DIGITS", "read_json"]

MAX_DEPTH: Final = 64
"""The deepest nesting of arrays and objects read (as for YAML)."""
MAX_INT_DIGITS: Final = 4300
"""The longest integer read, in digits (Python's default limit for ``int()`` of text)."""
_MAX_PROBLEMS: Final = 50
_SURROGATE_ESCAPE: Final = re.compile(r"\\u[dD][89a-fA-F]")
_NESTED: Final = re.compile(r'(?:[\[{]\s*(?:"(?:[^"\\]|\\.)*"\s*:\s*)?)' + f"{{{MAX_DEPTH + 1}}}")


class _Refused:
    """A number the parser met that is not read; the walk reports it at its path."""

    __slots__ = ("reason",)

    def __init__(self, reason: str) -> None:
        self.reason = reason


class _Repeated(dict[str, Any]):
    """An object that held a key twice (the keys in ``repeated``)."""

    repeated: list[str]


def _integer(text: str) -> Any:
    digits = len(text.lstrip("-"))
    if digits > MAX_INT_DIGITS:
        return _Refused(f"an integer of {digits:,} digits (at most {MAX_INT_DIGITS:,} are read)")
    return int(text)


def _float(text: str) -> Any:
    value = float(text)
    return value if unwritable(value) is None else _Refused(f"{text[:40]} is not a finite number")


def _constant(text: str) -> Any:
    return _Refused(f"{text} is not a finite number (JSON has no NaN or Infinity)")


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out = dict(pairs)
    if len(out) == len(pairs):
        return out
    repeated = _Repeated(out)
    seen: set[str] = set()
    repeated.repeated = []
    for key, _ in pairs:
        if key in seen:
            repeated.repeated.append(key)
        seen.add(key)
    return repeated


def _join(path: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else key


def read_json(
    text: str, file: str | None, *, path: str = "", line: int | None = None, where: str = ""
) -> Any:
    """The plain data of the JSON ``text``: dicts, lists, text, finite numbers, booleans, ``None``.

    Parameters
    ----------
    text
        The JSON text.
    file
        The file it was read from, for the problems.
    path
        Where the text sits in its document (``nodes[3].attributes``), prefixed to the
        JSON path of each problem; ``""`` for a whole file.
    line
        The line of the file that holds the text, when it is embedded in another format;
        ``None`` for a whole file (a syntax error then gives its own line).
    where
        A phrase placing the text for a reader of the message (``"sheet nodes, cell F2"``).

    Raises
    ------
    LoadError
        Every problem found (at most 50), each a ``json-syntax`` problem (malformed,
        nested deeper than :data:`MAX_DEPTH`, an integer over :data:`MAX_INT_DIGITS`
        digits, a number that is not finite, a lone surrogate) or a ``duplicate-key``.

    Examples
    --------
    >>> read_json('{"a": [1, 2.5, "x"]}', "f.json")
    {'a': [1, 2.5, 'x']}
    >>> read_json('{"a": NaN}', "f.json")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    linkchart.errors.LoadError: 1 problem found:
    f.json: a: NaN is not a finite number (JSON has no NaN or Infinity) [json-syntax]
    ...
    """
    prefix = f"{where}: " if where else ""

    def problem(code: ProblemCode, message: str, at: str, at_line: int | None, hint: str) -> Problem:
        return Problem(code, prefix + message, at, file, at_line, None, hint)

    try:
        data = json.loads(
            text, parse_int=_integer, parse_float=_float, parse_constant=_constant, object_pairs_hook=_object
        )
    except json.JSONDecodeError as err:
        at = f" (character {err.pos + 1} of the text)" if line is not None else ""
        raise LoadError(
            [
                problem(
                    "json-syntax",
                    f"malformed JSON: {err.msg}{at}",
                    path,
                    line if line is not None else err.lineno,
                    "check the JSON: quotes around every text and key, commas between items, "
                    "every [ and { closed",
                )
            ]
        ) from None
    except RecursionError:
        found = _NESTED.search(text)
        at_line = line if line is not None or found is None else text.count("\n", 0, found.start()) + 1
        raise LoadError(
            [
                problem(
                    "json-syntax",
                    f"the JSON is nested deeper than {MAX_DEPTH} levels",
                    path,
                    at_line,
                    "write the data with less nesting",
                )
            ]
        ) from None
    problems = _walk(data, path, line, problem, strings=bool(_SURROGATE_ESCAPE.search(text)))
    if problems:
        raise LoadError(problems)
    return data


def _walk(data: Any, path: str, line: int | None, problem: Any, *, strings: bool) -> list[Problem]:
    """Every refused value in ``data``, with its path (iteratively: no recursion to exhaust)."""
    out: list[Problem] = []
    stack: list[tuple[Any, str, int]] = [(data, path, 0)]
    while stack and len(out) < _MAX_PROBLEMS:
        value, at, depth = stack.pop()
        if isinstance(value, dict | list):
            if depth >= MAX_DEPTH:
                out.append(
                    problem(
                        "json-syntax",
                        f"the JSON is nested deeper than {MAX_DEPTH} levels",
                        at,
                        line,
                        "write the data with less nesting",
                    )
                )
                continue
            if isinstance(value, _Repeated):
                for key in value.repeated:
                    out.append(
                        problem(
                            "duplicate-key",
                            f"the key {key!r} is written twice in one object",
                            _join(at, key),
                            line,
                            "keep one of them: JSON readers silently keep the last",
                        )
                    )
            items = list(value.items()) if isinstance(value, dict) else list(enumerate(value))
            for key, item in reversed(items):
                if strings and isinstance(key, str) and unwritable(key):
                    out.append(problem("bad-text", f"the key {unwritable(key)}", at, line, _TEXT_HINT))
                stack.append((item, _join(at, key), depth + 1))
        elif isinstance(value, _Refused):
            out.append(problem("json-syntax", value.reason, at, line, "write the number as text, in quotes"))
        elif strings and isinstance(value, str) and unwritable(value):
            out.append(problem("bad-text", f"the text {unwritable(value)}", at, line, _TEXT_HINT))
    return out


_TEXT_HINT: Final = "write the character itself, or a pair of \\u escapes for a character beyond U+FFFF"
