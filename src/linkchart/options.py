"""Options declared once: typed fields that the library checks and the command line is built from.

A *spec* is a frozen dataclass whose every field is declared with :func:`option`: the
field's annotation is its type (a ``Literal`` of choices, a tuple of them, ``bool``,
``Annotated[int, Min(1)]``, ``X | None`` ...), and :func:`option` adds what a person
reads (help) and what the command line needs (flag, metavar, the word that means
``None`` or "all"). Everything else is derived from that one declaration:

- :func:`declared` lists a spec type's options, with their types resolved;
- :func:`check` checks a spec's values against their types (choices with a
  did-you-mean hint, bounds, types), so a wrong choice fails before any work is done;
- :func:`build` and :func:`replace` make a spec from keyword options, refusing a
  keyword no field declares; :func:`split` routes keywords among several spec types;
- :func:`describe` writes the numpydoc ``Parameters`` entries of a spec type and
  :func:`signature` the keyword-only signature of a function that takes its options,
  so ``help()`` and the docs show the same names, types and defaults as the spec;
- :func:`choices` gives an option's allowed names, static (from a ``Literal``) or taken
  from the spec (``choices_from``: a method of the spec, such as the per-node measures
  of its registry).

This module knows nothing of charts or measures (it is a utility: it imports
:mod:`linkchart.errors` only), so every layer may declare its specs with it.

Examples
--------
>>> from dataclasses import dataclass
>>> from typing import Literal
>>> @dataclass(frozen=True)
... class Demo:
...     color_by: Literal["type", "community"] = option("type", help="node colour")
...     top: Annotated[int, Min(1)] = option(5, help="how many")
>>> build(Demo, top=3)
Demo(color_by='type', top=3)
>>> build(Demo, color_by="comunity")
Traceback (most recent call last):
...
linkchart.errors.UnknownNameError: unknown color_by 'comunity' — did you mean 'community'?
>>> build(Demo, top=0)
Traceback (most recent call last):
...
linkchart.errors.LinkchartError: top must be a positive integer, not 0
>>> print(describe(Demo))
color_by : {'type', 'community'}, default 'type'
    node colour
top : int (at least 1), default 5
    how many
"""

from __future__ import annotations

import dataclasses
import functools
import inspect
import math
import types
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Annotated, Any, Final, Literal, Union, get_args, get_origin, get_type_hints

from .errors import LinkchartError, UnknownNameError

__all__ = [
    "METADATA_KEY",
    "Max",
    "Min",
    "Option",
    "build",
    "check",
    "choices",
    "declared",
    "describe",
    "in_bounds",
    "option",
    "replace",
    "selection",
    "signature",
    "split",
]

METADATA_KEY: Final = "linkchart.option"
"""The key under which :func:`option` stores its :class:`Option` in a field's metadata."""

_NONE: Final = type(None)


@dataclass(frozen=True, slots=True)
class Min:
    """The least value of a number option: ``Annotated[int, Min(1)]``; with ``strict``, the value
    itself is excluded (``Annotated[float, Min(0, strict=True)]``: a number greater than 0)."""

    value: int | float
    strict: bool = False


@dataclass(frozen=True, slots=True)
class Max:
    """The greatest value of a number option: ``Annotated[float, Min(0), Max(1)]``; with
    ``strict``, the value itself is excluded (``Max(1, strict=True)``: below 1)."""

    value: int | float
    strict: bool = False


@dataclass(frozen=True, slots=True)
class Option:
    """One declared option: what :func:`option` stores, completed by :func:`declared`.

    Attributes
    ----------
    help
        One line for a person: what the option chooses (the command line adds the
        default and the choices).
    flag
        The command-line flag (default ``--`` and the name with ``-`` for ``_``).
    metavar
        The command line's placeholder for the value (``N``, ``MEASURE``).
    choices_from
        The name of a method of the spec that returns the allowed names (for choices
        that depend on the spec, such as the measures of its registry), or ``None``.
    none_word
        The command-line word that means ``None`` (``--size-by none``), or ``None``.
    all_word
        The word that means every choice (``--highlight all``), or ``None``.
    const
        The value a bare :attr:`flag` sets (``--undirected`` sets ``directed=False``),
        or ``None`` for a flag that takes a value (or a ``bool`` option's own switch).
    cli
        Whether the command line offers it (``False``: a library-only option, such as
        a registry or a policy object).
    kind
        The noun that names the option in messages (``"layout method"``; default the
        option's name).
    convert
        Turns what a caller may pass into the field's type (``["a", "b"]`` into a
        tuple, ``True`` into every choice), applied by :func:`build` and
        :func:`replace` before :func:`check`; ``None``: the value is kept as given.
    name, type, default
        Filled by :func:`declared`: the field's name, its resolved annotation and its
        default value (every option has one).
    """

    help: str
    flag: str | None = None
    metavar: str | None = None
    choices_from: str | None = None
    none_word: str | None = None
    all_word: str | None = None
    const: Any = None
    cli: bool = True
    kind: str | None = None
    convert: Callable[[Any], Any] | None = None
    name: str = ""
    type: Any = None
    default: Any = None

    @property
    def cli_flag(self) -> str:
        """The command-line flag: :attr:`flag`, or ``--`` and the name with dashes."""
        return self.flag or "--" + self.name.replace("_", "-")

    @property
    def noun(self) -> str:
        """How messages name the option: :attr:`kind`, or its name."""
        return self.kind or self.name


def option(
    default: Any = dataclasses.MISSING,
    *,
    help: str,
    default_factory: Callable[[], Any] | None = None,
    flag: str | None = None,
    metavar: str | None = None,
    choices_from: str | None = None,
    none_word: str | None = None,
    all_word: str | None = None,
    const: Any = None,
    cli: bool = True,
    kind: str | None = None,
    convert: Callable[[Any], Any] | None = None,
) -> Any:
    """A dataclass field that declares an option (its type is the field's annotation).

    Parameters
    ----------
    default, default_factory
        The default value, or a function that makes it (for a mutable or shared
        object, such as a registry); one of them is required.
    help, flag, metavar, choices_from, none_word, all_word, const, cli, kind, convert
        See :class:`Option`.

    Returns
    -------
    dataclasses.Field
        Typed ``Any`` so that ``size_by: str | None = option("betweenness", help=...)``
        type-checks as a field with a default.
    """
    if (default is dataclasses.MISSING) == (default_factory is None):
        raise TypeError("option() needs exactly one of default and default_factory")
    declared_option = Option(
        help=help,
        flag=flag,
        metavar=metavar,
        choices_from=choices_from,
        none_word=none_word,
        all_word=all_word,
        const=const,
        cli=cli,
        kind=kind,
        convert=convert,
    )
    metadata = {METADATA_KEY: declared_option}
    if default_factory is not None:
        return dataclasses.field(default_factory=default_factory, metadata=metadata)
    return dataclasses.field(default=default, metadata=metadata)


def declared(spec_type: type) -> Mapping[str, Option]:
    """The options of a spec type, in field order, with names, types and defaults filled in.

    Raises
    ------
    TypeError
        For a type that is not a dataclass, or a field not declared with :func:`option`
        (every field of a spec is an option: declared once, in one place).
    """
    if not (isinstance(spec_type, type) and dataclasses.is_dataclass(spec_type)):
        raise TypeError(f"{spec_type!r} is not a dataclass")
    return _declared(spec_type)


@functools.cache
def _declared(spec_type: Any) -> Mapping[str, Option]:
    fields = dataclasses.fields(spec_type)
    for f in fields:
        if not isinstance(f.metadata.get(METADATA_KEY), Option):
            raise TypeError(f"{spec_type.__name__}.{f.name} is not declared with option()")
    hints = get_type_hints(spec_type, include_extras=True)  # the types are resolved once declared
    out: dict[str, Option] = {}
    for f in fields:
        found = f.metadata[METADATA_KEY]
        factory = f.default_factory
        default = f.default if factory is dataclasses.MISSING else factory()
        out[f.name] = dataclasses.replace(found, name=f.name, type=hints[f.name], default=default)
    return types.MappingProxyType(out)


def selection(every: Sequence[str], all_word: str = "all") -> Callable[[Any], tuple[str, ...]]:
    """A :attr:`Option.convert` for a tuple of choices: ``True`` or ``all_word`` mean ``every``
    choice, ``False`` and ``None`` none, one name a 1-tuple, a sequence a tuple.

    Examples
    --------
    >>> marks = selection(("bridges", "brokers"))
    >>> marks(True), marks("all"), marks("brokers"), marks(["bridges"]), marks(None)
    (('bridges', 'brokers'), ('bridges', 'brokers'), ('brokers',), ('bridges',), ())
    """
    choices = tuple(every)

    def convert(value: Any) -> tuple[str, ...]:
        if value is True or value == all_word:
            return choices
        if value is False or value is None:
            return ()
        if isinstance(value, str):
            return (value,)
        return tuple(value)

    return convert


# -- reading an annotation ------------------------------------------------------------------


def _unwrap(tp: Any) -> tuple[Any, tuple[Any, ...]]:
    """``Annotated[X, a, b]`` as ``(X, (a, b))``; any other type as ``(tp, ())``."""
    if get_origin(tp) is Annotated:
        base, *marks = get_args(tp)
        return base, tuple(marks)
    return tp, ()


def _members(tp: Any) -> tuple[Any, ...]:
    """The members of a union (``X | None``), or ``(tp,)``."""
    base, _ = _unwrap(tp)
    if get_origin(base) in (Union, types.UnionType):
        return get_args(base)
    return (tp,)


def _items(base: Any) -> tuple[tuple[Any, ...], bool]:
    """The item types of a tuple type and whether it is homogeneous (``tuple[X, ...]``)."""
    args = get_args(base)
    if len(args) == 2 and args[1] is Ellipsis:
        return (args[0],), True
    return args, False


def _bounds(marks: Iterable[Any]) -> tuple[float | None, float | None, bool, bool]:
    """The least and greatest values of ``marks``, and whether each is itself excluded."""
    low = next((m for m in marks if isinstance(m, Min)), None)
    high = next((m for m in marks if isinstance(m, Max)), None)
    lo, hi = (
        (None, False) if low is None else (low.value, low.strict),
        (None, False) if high is None else (high.value, high.strict),
    )
    return lo[0], hi[0], lo[1], hi[1]


def in_bounds(value: float, marks: Iterable[Any]) -> bool:
    """Whether ``value`` lies within the :class:`Min` and :class:`Max` of ``marks``.

    >>> in_bounds(0, [Min(0)]), in_bounds(0, [Min(0, strict=True)]), in_bounds(1, [Max(1, strict=True)])
    (True, False, False)
    """
    low, high, low_strict, high_strict = _bounds(tuple(marks))
    above = low is None or value > low or (value == low and not low_strict)
    return above and (high is None or value < high or (value == high and not high_strict))


def _literal_choices(tp: Any) -> tuple[Any, ...] | None:
    """The choices of a ``Literal`` (found inside a union or a tuple too), or ``None``."""
    found: list[Any] = []
    for member in _members(tp):
        base, _ = _unwrap(member)
        if get_origin(base) is Literal:
            found.extend(get_args(base))
        elif get_origin(base) is tuple and _items(base)[1]:
            found.extend(_literal_choices(_items(base)[0][0]) or ())
    return tuple(dict.fromkeys(found)) or None


def _number_text(noun: str, marks: Iterable[Any]) -> str:
    article = "an" if noun == "integer" else "a"
    low, high, low_strict, high_strict = _bounds(marks)
    if low is not None and high is not None:
        lower, upper = "above" if low_strict else "from", "up to (not including)" if high_strict else "to"
        return f"{article} {noun} {lower} {low} {upper} {high}"
    if low_strict:
        return f"a positive {noun}" if low == 0 else f"{article} {noun} greater than {low}"
    if low == 0:
        return f"a non-negative {noun}"
    if low == 1 and noun == "integer":
        return "a positive integer"
    if low is not None:
        return f"{article} {noun} of at least {low}"
    if high is not None:
        return f"{article} {noun} {'below' if high_strict else 'of at most'} {high}"
    return f"{article} {noun}"


def _expected(tp: Any) -> str:
    """What a value of type ``tp`` is, in words, for a message."""
    texts: list[str] = []
    for member in _members(tp):
        base, marks = _unwrap(member)
        if base is _NONE:
            texts.append("None")
        elif base is bool:
            texts.append("True or False")
        elif base is int:
            texts.append(_number_text("integer", marks))
        elif base is float:
            texts.append(_number_text("number", marks))
        elif base is str:
            texts.append("a text")
        elif get_origin(base) is Literal:
            texts.append("one of " + ", ".join(repr(c) for c in get_args(base)))
        elif get_origin(base) is tuple:
            items, same = _items(base)
            if same:
                texts.append("a sequence of " + _expected(items[0]).replace(" or ", " and "))
            else:
                texts.append("a tuple of " + ", ".join(_expected(i) for i in items))
        else:
            texts.append(f"a {getattr(get_origin(base) or base, '__name__', str(base))}")
    return " or ".join(dict.fromkeys(texts))


def _type_name(tp: Any) -> str:
    """The numpydoc type of ``tp``: ``{'a', 'b'}``, ``int (at least 1)``, ``str or None``."""
    names: list[str] = []
    for member in _members(tp):
        base, marks = _unwrap(member)
        if base is _NONE:
            names.append("None")
        elif get_origin(base) is Literal:
            names.append("{" + ", ".join(repr(c) for c in get_args(base)) + "}")
        elif get_origin(base) is tuple:
            items, same = _items(base)
            inner = _type_name(items[0]) if same else ", ".join(_type_name(i) for i in items)
            names.append(f"tuple of {inner}" if same else f"tuple ({inner})")
        elif base is Any:
            names.append("object")
        else:
            name = getattr(get_origin(base) or base, "__name__", str(base))
            low, high, low_strict, high_strict = _bounds(marks)
            if low is not None and high is not None:
                name += f" ({'above ' * low_strict}{low} to {'below ' * high_strict}{high})"
            elif low is not None:
                name += f" ({'above' if low_strict else 'at least'} {low})"
            elif high is not None:
                name += f" ({'below' if high_strict else 'at most'} {high})"
            names.append(name)
    return " or ".join(dict.fromkeys(names))


# -- checking values ------------------------------------------------------------------------


def _fits(tp: Any, value: Any) -> bool:
    """Whether ``value`` has the *type* of ``tp`` (choices and bounds aside)."""
    base, _ = _unwrap(tp)
    origin = get_origin(base)
    if base is Any:
        return True
    if base is _NONE:
        return value is None
    if base is bool:
        return isinstance(value, bool)
    if base is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if base is float:
        return isinstance(value, int | float) and not isinstance(value, bool)
    if origin is Literal:
        return isinstance(value, str) if all(isinstance(c, str) for c in get_args(base)) else True
    if origin is tuple:
        items, same = _items(base)
        return isinstance(value, tuple) and (same or len(value) == len(items))
    if origin in (Union, types.UnionType):
        return any(_fits(m, value) for m in get_args(base))
    cls = origin or base
    return not isinstance(cls, type) or isinstance(value, cls)


def _check_value(opt: Option, tp: Any, value: Any, spec: object, shown: Any) -> None:
    fitting = [m for m in _members(tp) if _fits(m, value)]
    if not fitting:
        raise LinkchartError(f"{opt.name} must be {_expected(opt.type)}, not {shown!r}", code="bad-argument")
    base, marks = _unwrap(fitting[0])
    origin = get_origin(base)
    if origin is Literal:
        if value not in get_args(base):
            raise UnknownNameError(opt.noun, value, [str(c) for c in get_args(base)])
    elif origin is tuple:
        items, same = _items(base)
        for element, item in zip(value, items * len(value) if same else items, strict=False):
            _check_value(opt, item, element, spec, shown)
    elif base is int or base is float:
        bad = (base is float and not math.isfinite(value)) or not in_bounds(value, marks)
        if bad:
            raise LinkchartError(
                f"{opt.name} must be {_expected(fitting[0])}, not {shown!r}", code="bad-argument"
            )
    elif base is str and opt.choices_from is not None:
        known = choices(opt, spec)
        if known is not None and value not in known:
            raise UnknownNameError(opt.noun, value, known)


def choices(opt: Option, spec: object = None) -> tuple[str, ...] | None:
    """The names ``opt`` allows: its ``Literal``'s, or those of ``spec``'s ``choices_from`` method.

    ``None`` for an option without a fixed set of names (a number, a free text), or
    when the choices come from a spec and none is given.
    """
    if opt.choices_from is not None:
        if spec is None:
            return None
        method = getattr(spec, opt.choices_from)
        return tuple(method())
    found = _literal_choices(opt.type)
    return None if found is None else tuple(str(c) for c in found)


def check(spec: object) -> None:
    """Check every option of ``spec`` against its declaration; raise for the first that fails.

    Raises
    ------
    UnknownNameError
        For a name that is not among the option's choices (with a did-you-mean hint).
    LinkchartError
        (``bad-argument``) For a value of the wrong type or out of its bounds.
    """
    known = declared(type(spec)).values()
    # choices read from the spec (its registry's measures) are checked once the rest is sound
    for opt in [o for o in known if o.choices_from is None] + [o for o in known if o.choices_from]:
        value = getattr(spec, opt.name)
        _check_value(opt, opt.type, value, spec, value)


# -- making specs from keywords -------------------------------------------------------------


def _converted(spec_type: type, options: Mapping[str, Any]) -> dict[str, Any]:
    known = declared(spec_type)
    out: dict[str, Any] = {}
    for name, value in options.items():
        if name not in known:
            raise UnknownNameError("option", name, known)
        convert = known[name].convert
        out[name] = convert(value) if convert is not None else value
    return out


def build(spec_type: type[Any], /, **options: Any) -> Any:
    """A checked ``spec_type`` with ``options`` (converted, see :attr:`Option.convert`).

    Raises
    ------
    UnknownNameError
        For a keyword no option of ``spec_type`` declares, or a bad choice.
    LinkchartError
        For a value of the wrong type or out of bounds.
    """
    spec = spec_type(**_converted(spec_type, options))
    check(spec)
    return spec


def replace(spec: Any, /, **options: Any) -> Any:
    """``spec`` with some options changed (converted and checked, as by :func:`build`)."""
    changed = dataclasses.replace(spec, **_converted(type(spec), options))
    check(changed)
    return changed


def split(options: Mapping[str, Any], *spec_types: type) -> tuple[dict[str, Any], ...]:
    """Route keyword ``options`` to the spec types that declare them: one dict per type.

    An option that several types declare (``seed`` for the analysis and the page) goes
    to each of them.

    Raises
    ------
    UnknownNameError
        For a keyword that none of ``spec_types`` declares (with a did-you-mean hint).

    Examples
    --------
    >>> from dataclasses import dataclass
    >>> @dataclass(frozen=True)
    ... class A:
    ...     seed: int = option(0, help="seed")
    >>> @dataclass(frozen=True)
    ... class B:
    ...     seed: int = option(0, help="seed")
    ...     title: str = option("", help="title")
    >>> split({"seed": 3, "title": "T"}, A, B)
    ({'seed': 3}, {'seed': 3, 'title': 'T'})
    """
    known = [declared(t) for t in spec_types]
    for name in options:
        if not any(name in k for k in known):
            raise UnknownNameError("option", name, [n for k in known for n in k])
    return tuple({n: v for n, v in options.items() if n in k} for k in known)


# -- documenting --------------------------------------------------------------------------


def _default_text(value: Any) -> str | None:
    if value is None or isinstance(value, bool | int | float | str):
        return repr(value)
    if isinstance(value, tuple) and all(isinstance(v, str | int | float) for v in value):
        return repr(value)
    return None


def describe(spec_type: type, *, only: Iterable[str] | None = None) -> str:
    """The numpydoc ``Parameters`` entries of ``spec_type``'s options (``only``: these, in this order).

    Each entry is ``name : type, default value`` and the option's help, indented.
    """
    known = declared(spec_type)
    names = list(known) if only is None else list(only)
    lines: list[str] = []
    for name in names:
        opt = known[name]
        head = f"{name} : {_type_name(opt.type)}"
        default = _default_text(opt.default)
        if default is not None:
            head += f", default {default}"
        lines += [head, f"    {opt.help}"]
    return "\n".join(lines)


def signature(spec_type: type, *leading: inspect.Parameter) -> inspect.Signature:
    """The signature of a function that takes ``leading`` parameters and then ``spec_type``'s
    options as keywords: set it as the function's ``__signature__`` so that ``help()`` and
    IDEs show every option with its type and default.
    """
    params = list(leading) + [
        inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=opt.default, annotation=opt.type)
        for name, opt in declared(spec_type).items()
    ]
    return inspect.Signature(params)
