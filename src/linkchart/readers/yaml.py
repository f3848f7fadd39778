"""YAML graph files: safe YAML with line marks and refusal of duplicate keys.

The text is *composed* into YAML nodes (which carry their line) by PyYAML's safe
loader, and the Python values are built here from those nodes, so that:

- only plain data comes out: text, numbers, booleans, null, lists and mappings; any
  other tag (``!!python/object``, ``!!binary``, a custom ``!tag``) is a located
  ``yaml-syntax`` problem, and nothing is ever constructed from it;
- a key written twice in one mapping is a ``duplicate-key`` problem (YAML itself would
  silently keep the last one);
- every value's line is recorded under its path (``edges[12].to``), so that later
  problems can be located;
- dates stay text (``date: 2005-03-01`` is the string ``"2005-03-01"``);
- plain scalars are read with YAML 1.2 core-schema rules, not PyYAML's YAML 1.1 ones:
  ``33:19`` is the text ``"33:19"`` (YAML 1.1 reads it as the base-60 number 1999),
  ``on``/``off``/``yes``/``no`` are text (only ``true``/``false`` are booleans), ``017`` is
  17 and ``1_000`` is text. A field that needs a number or a boolean then reports the
  text as a located problem instead of silently taking another value.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any, ClassVar, Final

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..errors import Problem, ProblemCode

__all__ = ["CORE_SCHEMA", "YAML_TAG", "YamlDocument", "line_of", "parse_yaml"]

YAML_TAG: Final = "tag:yaml.org,2002:"
"""The prefix of YAML's standard tags."""
_TAG: Final = YAML_TAG
_BASE: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BASE):  # type: ignore[misc]
    """PyYAML's safe loader with the YAML 1.2 core schema's implicit types for plain scalars."""

    yaml_implicit_resolvers: ClassVar[dict[str | None, list[tuple[str, re.Pattern[str]]]]] = {}


# YAML 1.2 core schema (https://yaml.org/spec/1.2.2/#1032-tag-resolution)
CORE_SCHEMA: Final = (  # (tag, pattern, first characters) of the YAML 1.2 core schema
    ("null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
    ("int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", list("-+0123456789")),
    (
        "float",
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
        list("-+.0123456789"),
    ),
)
for _name, _pattern, _first in CORE_SCHEMA:
    _Loader.add_implicit_resolver(_TAG + _name, re.compile(_pattern), _first)
_Loader.add_implicit_resolver(_TAG + "merge", re.compile(r"^<<$"), ["<"])  # refused as a key below

_constructor: Final[Any] = yaml.constructor.SafeConstructor()


def _text(node: ScalarNode) -> Any:
    return str(node.value)


_NULLS: Final = frozenset({"~", "null", "Null", "NULL", ""})


class _Dropped(ValueError):
    """A tag that would drop what was written (``!!null text``)."""


def _null(node: ScalarNode) -> Any:
    if node.value not in _NULLS:  # an explicit '!!null text' would drop the text
        raise _Dropped
    return None


def _bool(node: ScalarNode) -> Any:
    if node.value in ("true", "True", "TRUE"):
        return True
    if node.value in ("false", "False", "FALSE"):
        return False
    return _constructor.construct_yaml_bool(node)  # an explicit !!bool: YAML 1.1 words


def _int(node: ScalarNode) -> Any:
    v = str(node.value)
    if v.startswith("0o"):
        return int(v[2:], 8)
    if v.startswith("0x"):
        return int(v[2:], 16)
    if re.fullmatch(r"[-+]?[0-9]+", v):
        return int(v, 10)
    return _constructor.construct_yaml_int(node)  # an explicit !!int


def _float(node: ScalarNode) -> Any:
    v = str(node.value)
    lowered = v.lower()
    if lowered in (".inf", "+.inf"):
        return float("inf")
    if lowered == "-.inf":
        return float("-inf")
    if lowered == ".nan":
        return float("nan")
    return float(v)


_SCALARS: Final[dict[str, Callable[[ScalarNode], Any]]] = {
    _TAG + "str": _text,
    _TAG + "null": _null,
    _TAG + "bool": _bool,
    _TAG + "int": _int,
    _TAG + "float": _float,
    _TAG + "timestamp": _text,
}
_MAX_DEPTH: Final = 64
_MAX_EXPANSION: Final = 100
"""Aliases may make a document at most this many values per character of its text."""


class YamlDocument:
    """The plain data of a YAML file, with the line of every path.

    Attributes
    ----------
    data
        The document as plain Python values (``None`` when it could not be read).
    lines
        Path (``edges[12].to``, ``relations.finances``) -> 1-based line.
    problems
        ``yaml-syntax`` and ``duplicate-key`` problems found while reading.
    """

    def __init__(self, data: Any, lines: dict[str, int], problems: list[Problem]) -> None:
        self.data = data
        self.lines = lines
        self.problems = problems


_LAST: Final = re.compile(r"(\.[^.\[\]]*|\[\d+\])$")


def line_of(lines: Mapping[str, int], path: str) -> int | None:
    """The line of ``path``, or of its nearest enclosing item that has one.

    Examples
    --------
    >>> line_of({"edges": 3, "edges[0]": 4}, "edges[0].to")
    4
    """
    while path:
        line = lines.get(path)
        if line is not None:
            return line
        shorter = _LAST.sub("", path)
        if shorter == path:
            break
        path = shorter
    return lines.get("")


class _Builder:
    def __init__(self, file: str | None) -> None:
        self.file = file
        self.lines: dict[str, int] = {}
        self.problems: list[Problem] = []
        self.budget = 0

    def problem(self, code: ProblemCode, message: str, node: Node, path: str, hint: str = "") -> None:
        self.problems.append(Problem(code, message, path, self.file, node.start_mark.line + 1, None, hint))

    def value(self, node: Node, path: str, depth: int) -> Any:
        self.budget -= 1
        if self.budget < 0:
            raise _TooBig(node, path)
        self.lines.setdefault(path, node.start_mark.line + 1)
        if depth > _MAX_DEPTH:
            raise _TooDeep(node, path)
        if isinstance(node, ScalarNode):
            make = _SCALARS.get(node.tag)
            if make is None:
                self.problem(
                    "yaml-syntax",
                    f"the tag {node.tag!r} is not allowed",
                    node,
                    path,
                    "a graph file holds plain data only: text, numbers, booleans, lists, mappings",
                )
                return None
            try:
                return make(node)
            except _Dropped:
                self.problem(
                    "yaml-syntax",
                    f"the tag '!!null' would drop the text {node.value!r}",
                    node,
                    path,
                    "remove the tag to keep the text, or write null for no value",
                )
                return None
            except (ValueError, KeyError, TypeError, OverflowError, yaml.YAMLError):
                self.problem(
                    "yaml-syntax",
                    f"cannot read {node.value!r} as {node.tag.rsplit(':', 1)[-1]}",
                    node,
                    path,
                    "quote it to keep it as text",
                )
                return None
        if isinstance(node, SequenceNode):
            if node.tag != _TAG + "seq":
                self.problem(
                    "yaml-syntax",
                    f"the tag {node.tag!r} is not allowed",
                    node,
                    path,
                    "a graph file holds plain data only: write a plain list",
                )
                return None
            return [self.value(item, f"{path}[{i}]", depth + 1) for i, item in enumerate(node.value)]
        if isinstance(node, MappingNode):
            if node.tag != _TAG + "map":
                self.problem(
                    "yaml-syntax",
                    f"the tag {node.tag!r} is not allowed",
                    node,
                    path,
                    "a graph file holds plain data only: write a plain mapping",
                )
                return None
            out: dict[Any, Any] = {}
            seen: dict[Any, int] = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, ScalarNode) or key_node.tag == _TAG + "merge":
                    what = "a merge key '<<'" if key_node.tag == _TAG + "merge" else "a list or mapping"
                    self.problem(
                        "yaml-syntax",
                        f"a key must be text, not {what}",
                        key_node,
                        path,
                        "write each key out in full",
                    )
                    continue
                key = self.value(key_node, path, depth + 1)
                try:
                    kid = (key.__class__, key)
                    hash(kid)
                except TypeError:  # pragma: no cover - scalars are hashable
                    continue
                here = f"{path}.{key}" if path else str(key)
                line = key_node.start_mark.line + 1
                if kid in seen:
                    self.problem(
                        "duplicate-key",
                        f"the key {key!r} is written twice in one mapping (first on line {seen[kid]})",
                        key_node,
                        here,
                        "YAML would keep only the last one; remove or rename one",
                    )
                    continue
                seen[kid] = line
                self.lines[here] = line
                out[key] = self.value(value_node, here, depth + 1)
            return out
        raise TypeError(f"unexpected YAML node {node!r}")  # pragma: no cover


class _Stop(Exception):
    def __init__(self, node: Node, path: str) -> None:
        self.node = node
        self.path = path


class _TooBig(_Stop):
    pass


class _TooDeep(_Stop):
    pass


_OPENERS: Final = {"[": "']'", "{": "'}'", '"': "a closing '\"'", "'": 'a closing "\'"'}


def _syntax_error(exc: yaml.MarkedYAMLError, text: str) -> tuple[str, int | None, str]:
    """The message, line and hint of a YAML syntax error, naming where an unclosed construct opened.

    PyYAML fails where it notices the error, which for an unclosed ``[``, ``{`` or quote
    is often lines later; its *context mark* is where the construct began.

    Examples
    --------
    >>> p = parse_yaml("a: [1, 2\\nb: 3\\n").problems[0]
    >>> p.line, p.message
    (2, "did not find expected ',' or ']' (in the flow sequence opened at line 1, column 4)")
    >>> p.hint
    "close the '[' of line 1 with ']'"
    """
    problem, context = exc.problem_mark, exc.context_mark
    mark = problem or context
    line = mark.line + 1 if mark is not None else None
    what = exc.problem or exc.context or "invalid YAML"
    hint = "check the indentation and quoting on that line"
    if context is not None and exc.context and (problem is None or context.index != problem.index):
        thing = exc.context.removeprefix("while parsing ").removeprefix("while scanning ").removeprefix("a ")
        what = f"{what} (in the {thing} opened at line {context.line + 1}, column {context.column + 1})"
        opener = text[context.index : context.index + 1]
        if opener in _OPENERS:
            hint = f"close the {opener!r} of line {context.line + 1} with {_OPENERS[opener]}"
        else:
            hint = f"check the indentation and quoting from line {context.line + 1} to line {line}"
    return what, line, hint


def parse_yaml(text: str, file: str | None = None) -> YamlDocument:
    """Read YAML ``text`` safely into plain data, with line marks and located problems.

    Examples
    --------
    >>> doc = parse_yaml("title: a\\ntitle: b\\n", "g.yaml")
    >>> doc.data, doc.problems[0].code, doc.problems[0].line
    ({'title': 'a'}, 'duplicate-key', 2)
    >>> parse_yaml("x: !!python/object:os.system {}\\n").problems[0].code
    'yaml-syntax'
    """
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        what, line, hint = _syntax_error(exc, text)
        return YamlDocument(None, {}, [Problem("yaml-syntax", what, "", file, line, None, hint)])
    except yaml.YAMLError as exc:
        return YamlDocument(
            None,
            {},
            [
                Problem(
                    "yaml-syntax",
                    str(exc).splitlines()[0],
                    "",
                    file,
                    None,
                    None,
                    "save the file as UTF-8 text",
                )
            ],
        )
    if root is None:
        return YamlDocument(
            None,
            {},
            [
                Problem(
                    "yaml-syntax",
                    "the file is empty",
                    "",
                    file,
                    1,
                    None,
                    "start the file with 'linkchart: 1' and 'title: ...'",
                )
            ],
        )
    builder = _Builder(file)
    builder.budget = _MAX_EXPANSION * len(text) + 10_000  # a node takes at least one character
    try:
        data = builder.value(root, "", 0)
    except _TooDeep as stop:
        builder.problem(
            "yaml-syntax",
            f"the document is nested more than {_MAX_DEPTH} levels deep (a recursive alias?)",
            stop.node,
            stop.path,
            "flatten it",
        )
        data = None
    except _TooBig as stop:
        builder.problem(
            "yaml-syntax",
            "aliases expand the document too much",
            stop.node,
            stop.path,
            "write the data out instead of nesting aliases",
        )
        data = None
    return YamlDocument(data, builder.lines, builder.problems)
