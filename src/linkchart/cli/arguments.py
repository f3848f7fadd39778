"""The command line's arguments, generated from the option declarations.

Every option of a verb is a field of a spec (:class:`~linkchart.analysis.spec.AnalysisSpec`,
:class:`~linkchart.render.spec.PageSpec`, ... and the command line's own specs in
:mod:`linkchart.cli.specs`), declared once with :func:`linkchart.options.option`.
:func:`add_options` turns the fields a verb offers into argparse arguments, reading
everything from the declaration:

==============================================  ===================================================
annotation (and declaration)                    argument
==============================================  ===================================================
``bool``, default ``False``                     a switch (``--physics``)
``bool | None`` with ``const``                  a switch that sets ``const`` (``--undirected``)
``bool | None``, or ``bool`` default ``True``   ``--x`` / ``--no-x``
``Literal[a, b]``                               one of the choices (and ``none_word``)
``tuple[X, ...]``                               one or more values, each an ``X`` (and ``all_word``)
``Literal[...] | Annotated[int, ...]``          a choice or a number (``--every year``, ``--every 4``)
``Annotated[int | float, Min(a), Max(b)]``      a number checked against its bounds
``str`` with ``choices_from``                   a name of the registry, with a did-you-mean
``str``                                         text
==============================================  ===================================================

The help is the declaration's help, with the default and the registry's choices added.
Every value is checked while the command line is read, so a bad one is a usage error
(exit 2) before any file is opened: :class:`Parser` raises :class:`UsageError` (with the
flag, the value and the choices, for ``--json``) where argparse would exit.
:func:`values` reads the parsed options back as the library's keywords.
"""

from __future__ import annotations

import argparse
import math
import re
import types
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated, Any, Final, Literal, NoReturn, Union, get_args, get_origin

from ..arguments import MAX_DIGITS, bounded_int
from ..errors import LinkchartError, UnknownNameError
from ..options import Max, Min, Option, declared, in_bounds

if TYPE_CHECKING:
    from ..analysis.registry import Registry

__all__ = [
    "SHORT_FLAGS",
    "BadValue",
    "Names",
    "Parser",
    "UsageError",
    "add_options",
    "values",
]

SHORT_FLAGS: Final[Mapping[str, str]] = {"--output": "-o"}
"""The one-letter flags, beside their long ones."""

_NONE: Final = type(None)


class UsageError(LinkchartError):
    """A command line that no file could make right: a flag that does not exist, a value
    out of range or not among the choices, a measure the registry lacks (exit status 2).

    Attributes
    ----------
    parser
        The parser whose usage line is printed with the message (``None``: none).
    loc
        Where: the flag (``("--layout",)``), or empty.
    input
        The value as written on the command line, or ``None``.
    ctx
        The facts behind the message (``{"choices": [...]}``).
    """

    def __init__(
        self,
        message: str,
        *,
        parser: argparse.ArgumentParser | None = None,
        loc: Sequence[str] = (),
        input: Any = None,
        ctx: Mapping[str, Any] | None = None,
    ) -> None:
        super().__init__(message, code="bad-argument")
        self.parser = parser
        self.loc = tuple(loc)
        self.input = input
        self.ctx = dict(ctx or {})

    def to_dict(self) -> dict[str, Any]:
        """``{"code": "bad-argument", "message": ..., "loc": [flag], "input": ..., "ctx": {...}}``."""
        return {**super().to_dict(), "loc": list(self.loc), "input": self.input, "ctx": self.ctx}

    def text(self) -> str:
        """The message as argparse prints it: the usage line, then ``prog: error: message``."""
        if self.parser is None:
            return f"{self}\n"
        return self.parser.format_usage() + f"{self.parser.prog}: error: {self}\n"


class BadValue(argparse.ArgumentTypeError):
    """A value that an argument's type refused, with the value and the allowed choices."""

    def __init__(self, message: str, value: str, choices: Sequence[str] | None = None) -> None:
        super().__init__(message)
        self.value = value
        self.choices = None if choices is None else list(choices)


def _flag(argument_name: str | None) -> tuple[str, ...]:
    """The flag argparse names in an error (``-o/--output``: ``--output``)."""
    return (argument_name.split("/")[-1],) if argument_name else ()


class Parser(argparse.ArgumentParser):
    """An argument parser that raises :class:`UsageError` instead of printing and exiting
    (``--help`` and ``--version`` still print and exit with status 0)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs["exit_on_error"] = False
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        """Raise :class:`UsageError` (argparse prints the usage and exits here)."""
        missing = re.fullmatch(r"the following arguments are required: (.*)", message)
        raise UsageError(message, parser=self, loc=missing.group(1).split(", ") if missing else ())

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        try:
            return super().parse_known_args(args, namespace)
        except argparse.ArgumentError as err:
            bad = err.__context__ if isinstance(err.__context__, BadValue) else None
            raise UsageError(
                str(err),
                parser=self,
                loc=_flag(err.argument_name),
                input=bad.value if bad else None,
                ctx={"choices": bad.choices} if bad and bad.choices is not None else None,
            ) from None

    def parse_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> argparse.Namespace:
        parsed, extra = self.parse_known_args(args, namespace)
        if extra:
            raise UsageError(
                f"unrecognized arguments: {' '.join(extra)}", parser=self, loc=extra[:1], input=extra
            )
        return parsed


@dataclass(frozen=True)
class Names:
    """The names a registry offers as choices (the ``choices_from`` of a declaration).

    The spec methods that list a registry's names (``AnalysisSpec.node_measure_names``
    ...) have the same names here, so one declaration serves the library and the command
    line.
    """

    registry: Registry

    def node_measure_names(self) -> tuple[str, ...]:
        """The per-node measures (``--size-by``, ``--measure``, the page's ``--measures``)."""
        return self.registry.names(returns="node")

    def report_measure_names(self) -> tuple[str, ...]:
        """What the report can show: the per-node measures and the structures (``analyze --measures``)."""
        from ..reporting import report_measures

        return report_measures(self.registry)


# -- reading a declaration ----------------------------------------------------------------------


def _unwrap(tp: Any) -> tuple[Any, tuple[Any, ...]]:
    if get_origin(tp) is Annotated:
        base, *marks = get_args(tp)
        return base, tuple(marks)
    return tp, ()


def _members(tp: Any) -> list[Any]:
    """The members of a union other than ``None`` (``[tp]`` for a plain type)."""
    base, _ = _unwrap(tp)
    if get_origin(base) in (Union, types.UnionType):
        return [m for m in get_args(base) if m is not _NONE]
    return [tp]


def _literals(members: Sequence[Any]) -> tuple[str, ...]:
    found = [str(c) for m in members if get_origin(_unwrap(m)[0]) is Literal for c in get_args(_unwrap(m)[0])]
    return tuple(dict.fromkeys(found))


def _number_member(members: Sequence[Any]) -> Any | None:
    for m in members:
        if _unwrap(m)[0] in (int, float):
            return m
    return None


def _bound(marks: Sequence[Any], kind: type) -> Any:
    return next((m for m in marks if isinstance(m, kind)), None)


def _number_words(low: Min | None, high: Max | None) -> str:
    """What a number within these bounds is, in words (``a number from 0 to 1``)."""
    if low is not None and high is not None:
        upper = f"up to (not including) {high.value:g}" if high.strict else f"to {high.value:g}"
        lower = f"above {low.value:g}" if low.strict else f"from {low.value:g}"
        return f"a number {lower} {upper}"
    if low is not None:
        if low.strict:
            return "a positive number" if low.value == 0 else f"a number greater than {low.value:g}"
        return f"a finite number of at least {low.value:g}"
    if high is not None:
        return f"a number {'below' if high.strict else 'of at most'} {high.value:g}"
    return "a finite number"


def _number(tp: Any) -> Callable[[str], Any]:
    """The argparse type of a bounded number: a whole number for ``int``, a finite one for ``float``."""
    base, marks = _unwrap(tp)
    low, high = _bound(marks, Min), _bound(marks, Max)
    if base is int and not (low and low.strict) and not (high and high.strict):
        whole = bounded_int(
            None if low is None else int(low.value), None if high is None else int(high.value)
        )

        def parse_int(text: str) -> int:
            try:
                return whole(text)
            except argparse.ArgumentTypeError as err:
                raise BadValue(str(err), text) from None

        parse_int.__name__ = "int"
        return parse_int
    allowed = _number_words(low, high)

    def parse(text: str) -> float:
        try:
            value = float(text) if len(text.strip()) <= MAX_DIGITS else math.nan
        except ValueError:
            value = math.nan
        if not math.isfinite(value) or not in_bounds(value, marks):
            raise BadValue(f"must be {allowed}, not {text[:MAX_DIGITS]!r}", text)
        return value

    parse.__name__ = "number"
    return parse


def _choice(choices: Sequence[str], extra: Sequence[str] = ()) -> Callable[[str], str]:
    """The argparse type of a choice among ``choices`` (and the words of ``extra``)."""
    allowed = tuple(dict.fromkeys([*choices, *extra]))

    def parse(text: str) -> str:
        if text not in allowed:
            shown = ", ".join(map(repr, allowed))
            raise BadValue(f"invalid choice: {text!r} (choose from {shown})", text, allowed)
        return text

    parse.__name__ = "choice"
    return parse


def _named(kind: str, known: Sequence[str], extra: Sequence[str] = ()) -> Callable[[str], str]:
    """The argparse type of a name of the registry: an unknown one gets a did-you-mean."""
    allowed = (*known, *extra)

    def parse(text: str) -> str:
        if text not in allowed:
            raise BadValue(str(UnknownNameError(kind, text, allowed)), text, allowed)
        return text

    parse.__name__ = kind
    return parse


def _choice_or_number(choices: Sequence[str], number: Any) -> Callable[[str], Any]:
    """The argparse type of a choice or a number (``--every year``, ``--every 4``)."""
    read_number = _number(number)
    words = ", ".join(choices)

    def parse(text: str) -> Any:
        if text in choices:
            return text
        if text.strip().lstrip("+-").isdigit():
            return read_number(text)
        raise BadValue(f"choose {words} or a number, not {text!r}", text, list(choices))

    parse.__name__ = "choice"
    return parse


def _default_text(value: Any) -> str | None:
    if value is None or value is False or value == ():
        return None
    if isinstance(value, tuple):
        return " ".join(map(str, value))
    return str(value)


def _help(opt: Option, known: Sequence[str] | None) -> str:
    text = opt.help
    default = _default_text(opt.default)
    if default is not None and "default" not in text:
        text += f" (default: {default})"
    if known is not None:
        text += "; one of: " + ", ".join(known)
    return text.replace("%", "%%")  # argparse %-formats help


def _switch(opt: Option, members: Sequence[Any]) -> dict[str, Any] | None:
    """The argparse keywords of a ``bool`` option, or ``None`` for another type."""
    if not members or any(_unwrap(m)[0] is not bool for m in members):
        return None
    if opt.const is not None:
        return {"action": "store_const", "const": opt.const, "default": opt.default}
    if opt.default is False:
        return {"action": "store_true", "default": False}
    return {"action": argparse.BooleanOptionalAction, "default": opt.default}


def _value_type(
    opt: Option, tp: Any, names: Names
) -> tuple[Callable[[str], Any] | None, Sequence[str] | None]:
    """The argparse type of one value of ``tp``, and the registry names it offers (for the help)."""
    members = _members(tp)
    words = [w for w in (opt.none_word, opt.all_word) if w]
    choices = _literals(members)
    number = _number_member(members)
    if choices and number is not None:
        return _choice_or_number(choices, number), None
    if choices:
        return _choice(choices, words), None
    if number is not None:
        return _number(number), None
    if opt.choices_from is not None:
        known = tuple(getattr(names, opt.choices_from)())
        return _named(opt.noun, known, words), known
    return None, None


class _Gathered(argparse.Action):
    """A list option given more than once keeps every value, in order: ``--matches a=b
    --matches c=d`` is both matches, never only the last list."""

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: str | Sequence[Any] | None,
        option_string: str | None = None,
    ) -> None:
        before = getattr(namespace, self.dest, None)
        given = list(values) if isinstance(values, list | tuple) else [values]
        setattr(
            namespace, self.dest, given if before is self.default or before is None else [*before, *given]
        )


def _arguments(opt: Option, names: Names) -> dict[str, Any]:
    """The keywords of ``add_argument`` for ``opt``."""
    members = _members(opt.type)
    switch = _switch(opt, members)
    if switch is not None:
        return {**switch, "help": _help(opt, None)}
    kwargs: dict[str, Any] = {"default": opt.default}
    sequence = next((m for m in members if get_origin(_unwrap(m)[0]) is tuple), None)
    if sequence is not None:
        kwargs["nargs"] = "+"
        kwargs["action"] = _Gathered
        item = get_args(_unwrap(sequence)[0])[0]
        kind, known = _value_type(opt, item, names)
    else:
        kind, known = _value_type(opt, opt.type, names)
    if kind is not None:
        kwargs["type"] = kind
    metavar = opt.metavar
    choices = _literals(members) if sequence is None else _literals([get_args(_unwrap(sequence)[0])[0]])
    if metavar is None and choices and _number_member(members) is None:
        words = [w for w in (opt.none_word, opt.all_word) if w]
        metavar = "{" + ",".join((*choices, *words)) + "}"
    if metavar is not None:
        kwargs["metavar"] = metavar
    kwargs["help"] = _help(opt, known)
    return kwargs


def add_options(
    target: argparse.ArgumentParser | argparse._ArgumentGroup,
    spec_type: type,
    names: Names,
    only: Sequence[str],
    *,
    required: Collection[str] = (),
) -> None:
    """Add the options ``only`` of ``spec_type`` to ``target`` (a parser or a group), in that order.

    Parameters
    ----------
    target
        The verb's parser, or a group of it (mutually exclusive options).
    spec_type
        The spec that declares the options.
    names
        Where a declaration's ``choices_from`` finds its names (the registry).
    only
        The options the verb offers (each must be declared, and offered on the command line).
    required
        Options the verb cannot do without (``one-mode --onto``).

    Raises
    ------
    TypeError
        For a name ``spec_type`` does not declare, or declares as a library-only option.
    """
    known = declared(spec_type)
    for name in only:
        opt = known.get(name)
        if opt is None or not opt.cli:
            raise TypeError(f"{spec_type.__name__} offers no command-line option {name!r}")
        flags = [opt.cli_flag]
        if opt.cli_flag in SHORT_FLAGS:
            flags.insert(0, SHORT_FLAGS[opt.cli_flag])
        kwargs = _arguments(opt, names)
        if name in required:
            kwargs["required"] = True
            kwargs.pop("default", None)
        target.add_argument(*flags, dest=name, **kwargs)


def _read(opt: Option, value: Any) -> Any:
    """One parsed value as the library's keyword takes it (the words ``none`` and ``all`` read)."""
    if opt.none_word is not None and value == opt.none_word:
        return None
    if opt.all_word is not None and isinstance(value, list) and opt.all_word in value:
        every = _literals(
            [get_args(_unwrap(m)[0])[0] for m in _members(opt.type) if get_origin(_unwrap(m)[0]) is tuple]
        )
        return every or opt.all_word  # a fixed set of choices: all of them; else the word itself
    return value


def values(args: argparse.Namespace, spec_type: type, only: Sequence[str]) -> dict[str, Any]:
    """The options ``only`` of ``spec_type`` as parsed, as keywords of the library's functions.

    ``none`` (``--size-by none``, ``--firm none``) becomes ``None``; ``all`` among the
    values of an option that takes several (``--highlight all``, ``--layers all``)
    becomes every choice, or the word ``"all"`` where the choices depend on the file.
    """
    known = declared(spec_type)
    return {name: _read(known[name], getattr(args, name)) for name in only}
