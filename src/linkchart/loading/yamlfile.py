"""Safe YAML with line marks and refusal of duplicate keys.

The text is *composed* into YAML nodes (which carry their line) by PyYAML's safe
loader, and the Python values are built here from those nodes, so that:

- only plain data comes out: text, numbers, booleans, null, lists and mappings; any
  other tag (``!!python/object``, ``!!binary``, a custom ``!tag``) is a located
  ``yaml-syntax`` problem, and nothing is ever constructed from it;
- a key written twice in one mapping is a ``duplicate-key`` problem (YAML itself would
  silently keep the last one);
- every value's line is recorded under its path (``edges[12].to``), so that later
  problems can be located;
- dates stay text (``date: 2005-03-01`` is the string ``"2005-03-01"``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any, Final

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..errors import Problem, ProblemCode

__all__ = ["YamlDocument", "line_of", "parse_yaml"]

_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_constructor: Final[Any] = yaml.constructor.SafeConstructor()


def _text(node: ScalarNode) -> Any:
    return str(node.value)


def _null(node: ScalarNode) -> Any:
    return None


_TAG: Final = "tag:yaml.org,2002:"
_SCALARS: Final[dict[str, Callable[[ScalarNode], Any]]] = {
    _TAG + "str": _text,
    _TAG + "null": _null,
    _TAG + "bool": _constructor.construct_yaml_bool,
    _TAG + "int": _constructor.construct_yaml_int,
    _TAG + "float": _constructor.construct_yaml_float,
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
            except (ValueError, yaml.YAMLError):
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
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        what = " ".join(x for x in (exc.context, exc.problem) if x) or "invalid YAML"
        return YamlDocument(
            None,
            {},
            [
                Problem(
                    "yaml-syntax",
                    what,
                    "",
                    file,
                    line,
                    None,
                    "check the indentation and quoting on that line",
                )
            ],
        )
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
