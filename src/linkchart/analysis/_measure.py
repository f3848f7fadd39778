"""One vocabulary, one check: the decorators every measure wears (private: not re-exported).

:func:`measure` (like networkx's ``_dispatchable`` and ``py_random_state``) does, for
every measure, what each used to do for itself:

- **when the module is imported**, it checks the function's signature against the
  shared vocabulary (:mod:`~linkchart.analysis.types`): ``relations``, ``layers``,
  ``signs`` (not for a signed measure), ``directed``, ``weight``, ``engine``,
  ``seed`` (a seeded one), ``workers`` and ``executor`` (a parallel one), keyword-only,
  with the standard annotations and defaults — else ``TypeError`` naming the
  parameter; it fills the shared docstring paragraphs (:mod:`~linkchart.analysis._docs`)
  and attaches what the registry needs (:class:`MeasureInfo`, as ``__measure__``);
- **at every call**, before any work: an unknown keyword is a
  :class:`~linkchart.errors.LinkchartError` with a did-you-mean hint; the engine, every
  ``Literal``-typed option (``mode``, ``method`` ...), every ``bool`` flag, the seed, the
  number of workers and the executor are checked; ``directed`` is refused where the
  measure is defined on the undirected reading, and a weight where it is topological;
  the reading (relations, layers, signs) is resolved against the chart — and memoized
  on it, so the body's own call is a look-up. Then the body runs with the arguments it
  was given.

:func:`vocabulary` does the same checks without registering (explain_path,
rank_uncertainty, over_time, disruption, one_mode, two_mode ...).

:class:`MeasureCall` is a measure with its options, picklable (the function travels by
name), so that work on another process can call it; :func:`bound` gives the arguments
a call runs with, defaults applied — the identity of a result.
"""

from __future__ import annotations

import functools
import inspect
import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Final, Literal, ParamSpec, TypeVar, get_args, get_origin

import numpy as np

from ..arguments import MAX_SEED
from ..errors import LinkchartError, UnknownNameError, did_you_mean
from ..model import LinkChart
from ._docs import fill
from .reading import reading
from .types import ENGINES

__all__ = [
    "COSTS",
    "PARALLEL_WORK",
    "RETURNS",
    "RUN_KEYWORDS",
    "Cost",
    "MeasureCall",
    "MeasureInfo",
    "Returns",
    "WeightReading",
    "bound",
    "check_count",
    "check_engine",
    "check_executor",
    "check_flag",
    "check_seed",
    "check_workers",
    "default_workers",
    "measure",
    "topological",
    "undirected_only",
    "vocabulary",
]

P = ParamSpec("P")
R = TypeVar("R")

Returns = Literal["node", "edge", "structure"]
"""What a measure returns: one value per node (a :class:`~linkchart.analysis.Scores`),
a list of ties (bridges), or a structure (articulation points with their pieces,
brokerage tables, communities, a key-player set)."""
RETURNS: tuple[str, ...] = get_args(Returns)

Cost = Literal["linear", "local", "solve", "O(nm)", "exponential"]
"""How a measure's time grows: ``linear`` in nodes and ties (near-linear for a sort or
an eigen-solver); ``local``, with the sum over nodes of the squared degree (every pair of
a node's contacts: structural holes, brokerage, triangles); ``solve``, a sparse linear
solve (near-linear on a sparse chart, up to :math:`O(n^3)` as the factor fills in);
``O(nm)``, a shortest-path search from every node (betweenness, closeness);
``exponential``, a combinatorial search (key players, exact only on small charts)."""
COSTS: tuple[str, ...] = get_args(Cost)

WeightReading = Literal["strength", "distance", "topological"]
"""How a measure reads a tie's weight: as a strength (degree's sum, eigenvector,
PageRank), as a distance ``1 / strength`` (betweenness, closeness), or not at all
(``topological``: it counts ties, and refuses a weight)."""
WEIGHT_READINGS: tuple[str, ...] = get_args(WeightReading)

RUN_KEYWORDS: Final = frozenset({"workers", "executor", "progress"})
"""Keywords that say how work runs, never what it computes: not part of a result's identity."""

PARALLEL_WORK: Final = 100_000_000
"""Above this many ``n * m`` (vertices times ties), a shortest-path measure uses every core
by default (up to 8): below it, starting processes costs more than they save (PLAN §5.2)."""

# The standard annotation and default of each vocabulary keyword (annotations are read as
# written, ``from __future__ import annotations`` style).
_STANDARD: Final[Mapping[str, tuple[tuple[str, ...], object]]] = MappingProxyType(
    {
        "relations": (("Relations",), None),
        "layers": (("Layers",), None),
        "signs": (("SignReading | None",), None),
        "directed": (("bool | None",), None),
        "engine": (("Engine",), "igraph"),
        "seed": (("Seed",), 0),
        "workers": (("int | None",), None),
        "executor": (("Runner",), None),
        "normalized": (("bool",), False),
    }
)
_NOUNS: Final[Mapping[str, str]] = MappingProxyType({"weight": "weighting"})
_MISSING: Final = object()


# ----------------------------------------------------------------------------- checks
def check_flag(name: str, value: object) -> bool:
    """Return ``value`` if it is a ``bool``, else raise a :class:`LinkchartError`."""
    if not isinstance(value, bool):
        raise LinkchartError(f"{name} must be True or False, not {value!r}")
    return value


def check_count(name: str, value: object, minimum: int) -> int:
    """Return ``value`` as an ``int`` if it is an integer of at least ``minimum``, else raise."""
    if isinstance(value, bool) or not isinstance(value, int | np.integer) or value < minimum:
        raise LinkchartError(f"{name} must be an integer of at least {minimum}, not {value!r}")
    return int(value)


def check_engine(engine: object) -> Literal["igraph", "networkx"]:
    """Return ``engine`` if it names an engine, else raise :class:`UnknownNameError`.

    Examples
    --------
    >>> check_engine("igraph")
    'igraph'
    """
    if engine not in ENGINES:
        raise UnknownNameError("engine", engine, ENGINES)
    return engine  # type: ignore[return-value]


def check_seed(seed: object) -> int:
    """Return ``seed`` as an ``int`` if it is a seed (a whole number from 0 to 2**32 - 1), else raise.

    Examples
    --------
    >>> check_seed(7)
    7
    >>> check_seed(-1)
    Traceback (most recent call last):
    ...
    linkchart.errors.LinkchartError: seed must be an integer from 0 to 4294967295, not -1
    """
    if isinstance(seed, bool) or not isinstance(seed, int | np.integer) or not 0 <= seed <= MAX_SEED:
        raise LinkchartError(
            f"seed must be an integer from 0 to {MAX_SEED}, not {seed!r}", code="bad-argument"
        )
    return int(seed)


def check_workers(workers: object) -> int | None:
    """Return ``workers`` if it is ``None`` or a positive integer, else raise."""
    if workers is None:
        return None
    if isinstance(workers, bool) or not isinstance(workers, int | np.integer) or workers < 1:
        raise LinkchartError(
            f"workers must be a positive integer or None, not {workers!r}", code="bad-argument"
        )
    return int(workers)


def check_executor(executor: object) -> None:
    """Accept ``None`` or an executor (anything with ``submit``, as ``concurrent.futures.Executor``)."""
    if executor is not None and not callable(getattr(executor, "submit", None)):
        raise LinkchartError(
            f"executor must be a concurrent.futures.Executor, a dask.distributed.Client or None, "
            f"not {executor!r}",
            code="bad-argument",
        )


def undirected_only(measure: str, directed: object) -> None:
    """Accept ``directed`` of ``None`` or ``False``; a measure defined on the undirected reading
    refuses ``True`` rather than silently reading the ties another way."""
    if directed is True:
        raise LinkchartError(
            f"{measure} is defined on the undirected reading: directed must be None or False, not True"
        )
    if directed is not None and directed is not False:
        raise LinkchartError(f"directed must be True, False or None, not {directed!r}")


def topological(measure: str, weight: object) -> None:
    """Accept only ``weight=None`` for a measure that counts ties and never weighs them."""
    if weight is not None:
        raise LinkchartError(
            f"{measure} is topological (it counts ties): weight must be None, not {weight!r}"
        )


def default_workers(n: int, m: int) -> int:
    """Processes for a shortest-path measure on ``n`` vertices and ``m`` ties (see :data:`PARALLEL_WORK`)."""
    return min(os.cpu_count() or 1, 8) if n * m > PARALLEL_WORK else 1


# ----------------------------------------------------------------------------- contract
@dataclass(frozen=True, slots=True)
class MeasureInfo:
    """What :func:`measure` declares about a measure (the registry's :class:`~linkchart.Measure`
    is made from it: see :meth:`linkchart.analysis.registry.Measure.of`)."""

    returns: Returns
    higher_is_more: bool
    meaning: str
    cost: Cost
    weight: WeightReading
    undirected: bool = False
    in_report: bool = False
    on_page: bool = False
    seeded: bool = False
    signed: bool = False
    parallel: bool = False
    options: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))


@dataclass(frozen=True, slots=True)
class _Contract:
    """What a decorated function's calls are checked against (made once, at import)."""

    name: str
    keywords: frozenset[str]  # every name it can be passed by keyword
    open: bool  # it takes **options of its own (passed on to another measure)
    defaults: Mapping[str, Any]
    choices: Mapping[str, tuple[Any, ...]]  # Literal-typed keywords
    flags: frozenset[str]  # bool-typed keywords
    weight: WeightReading | None
    undirected: bool
    signed: bool
    nouns: Mapping[str, str]


def _annotation_text(annotation: object) -> str:
    return annotation if isinstance(annotation, str) else getattr(annotation, "__name__", repr(annotation))


def _literal(annotation: object, namespace: Mapping[str, Any]) -> tuple[Any, ...] | None:
    """The values of a ``Literal`` (or ``Literal | None``) annotation, or ``None``."""
    try:
        tp = eval(annotation, dict(namespace)) if isinstance(annotation, str) else annotation
    except Exception:
        return None
    members = get_args(tp) if get_origin(tp) is not Literal else (tp,)
    values: list[Any] = []
    for member in members or (tp,):
        if get_origin(member) is Literal:
            values.extend(get_args(member))
        elif member is not type(None):
            return None
    return tuple(values) or None


def _contract(
    fn: Callable[..., Any],
    *,
    weight: WeightReading | None,
    undirected: bool,
    seeded: bool,
    signed: bool,
    parallel: bool,
    registered: bool,
    nouns: Mapping[str, str],
) -> _Contract:
    """Check ``fn``'s signature against the vocabulary and return its contract (``TypeError`` else)."""
    name = fn.__name__
    params = inspect.signature(fn).parameters  # read once, at import: the contract, never a call
    keyword = {p.name: p for p in params.values() if p.kind is inspect.Parameter.KEYWORD_ONLY}
    named = {p.name for p in params.values() if p.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD}
    required: set[str] = set()
    if registered:
        required = {"relations", "layers", "directed", "weight", "engine"}
        required |= set() if signed else {"signs"}
        required |= {"seed"} if seeded else set()
        required |= {"workers", "executor"} if parallel else set()
    for word in sorted(required):
        if word not in keyword:
            raise TypeError(f"measure {name}: the keyword-only parameter {word!r} is missing")
    if signed and "signs" in keyword:
        raise TypeError(f"measure {name}: a signed measure reads signs itself and takes no 'signs'")
    for word, p in keyword.items():
        text = _annotation_text(p.annotation)
        if word in _STANDARD:
            annotations, default = _STANDARD[word]
            if word == "directed" and not registered and text == "bool":
                continue  # explain_path: a walk either way by default, not a projection's reading
            if text not in annotations:
                raise TypeError(f"{name}: {word} must be annotated {annotations[0]!r}, not {text!r}")
            if word != "layers" or registered:  # one_mode and two_mode read every layer by default
                if p.default != default and not (word == "normalized" and not registered):
                    raise TypeError(f"{name}: {word} must default to {default!r}, not {p.default!r}")
        elif word == "weight" and registered:
            expected = "None" if weight == "topological" else "Weighting | None"
            if text != expected:
                raise TypeError(f"{name}: weight must be annotated {expected!r} ({weight}), not {text!r}")
    namespace = getattr(fn, "__globals__", {})
    choices = {}
    for word, p in keyword.items():
        if word in ("signs", "relations", "layers"):
            continue  # checked by the reading, against the chart
        found = _literal(p.annotation, namespace)
        if found is not None:
            choices[word] = found
    flags = frozenset(w for w, p in keyword.items() if _annotation_text(p.annotation) == "bool")
    defaults = {w: p.default for w, p in keyword.items() if p.default is not inspect.Parameter.empty}
    return _Contract(
        name=name,
        keywords=frozenset(keyword) | named,
        open=any(p.kind is inspect.Parameter.VAR_KEYWORD for p in params.values()),
        defaults=MappingProxyType(defaults),
        choices=MappingProxyType(choices),
        flags=flags,
        weight=weight,
        undirected=undirected,
        signed=signed,
        nouns=MappingProxyType({**_NOUNS, **nouns}),
    )


def _listed(value: object) -> object:
    """A one-shot iterable (a generator, a set, a view) made a list, so that checking it
    leaves the body something to read; text, lists, tuples and ``None`` as they are."""
    if value is None or isinstance(value, str | list | tuple):
        return value
    if isinstance(value, Iterable) and not isinstance(value, Mapping):
        return list(value)
    return value


def _check(c: _Contract, chart: object, kwargs: dict[str, Any]) -> None:
    """Check one call's arguments (see the module notes); ``kwargs`` may be normalised in place."""
    if not c.open:
        unknown = [k for k in kwargs if k not in c.keywords]
        if unknown:
            hint = did_you_mean(unknown[0], sorted(c.keywords))
            raise LinkchartError(
                f"{c.name}() takes no argument {unknown[0]!r}" + (f" — {hint}" if hint else ""),
                code="bad-argument",
            )
    if not isinstance(chart, LinkChart):
        raise LinkchartError(f"{c.name}() reads a LinkChart, not {type(chart).__name__}", code="bad-argument")

    def value(word: str) -> Any:
        return kwargs[word] if word in kwargs else c.defaults.get(word, _MISSING)

    if "engine" in c.keywords:
        check_engine(value("engine"))
    for word, allowed in c.choices.items():
        if word in ("engine", "weight"):
            continue
        v = value(word)
        if v is not _MISSING and v not in allowed:
            raise UnknownNameError(c.nouns.get(word, word), v, [str(a) for a in allowed])
    for word in c.flags:
        v = value(word)
        if v is not _MISSING:
            check_flag(word, v)
    if "seed" in c.keywords:
        check_seed(value("seed"))
    if "workers" in c.keywords:
        check_workers(value("workers"))
    if "executor" in c.keywords:
        check_executor(value("executor"))
    if "directed" in c.keywords:
        directed = value("directed")
        if c.undirected:
            undirected_only(c.name, directed)
        elif directed is not None and not isinstance(directed, bool):
            raise LinkchartError(f"directed must be True, False or None, not {directed!r}")
    if "weight" in c.keywords and c.weight is not None:
        weight = value("weight")
        if c.weight == "topological":
            topological(c.name, weight)
        elif weight is not None and weight not in c.choices.get("weight", (weight,)):
            raise UnknownNameError("weighting", weight, [str(a) for a in c.choices["weight"]])
    if "relations" in c.keywords and "layers" in c.keywords:
        for word in ("relations", "layers"):
            if word in kwargs:
                kwargs[word] = _listed(kwargs[word])
        signs: Any = "all" if c.signed else value("signs")
        reading(
            chart,
            relations=value("relations"),
            layers=value("layers"),
            signs=None if signs is _MISSING else signs,
        )


def _decorate(fn: Callable[P, R], contract: _Contract) -> Callable[P, R]:
    @functools.wraps(fn)
    def checked(*args: P.args, **kwargs: P.kwargs) -> R:
        _check(contract, args[0] if args else kwargs.get("chart"), kwargs)
        return fn(*args, **kwargs)

    checked.__doc__ = fill(fn.__doc__, contract.name)
    checked.__contract__ = contract  # type: ignore[attr-defined]
    return checked


def measure(
    *,
    returns: Returns,
    higher_is_more: bool,
    meaning: str,
    cost: Cost,
    weight: WeightReading,
    undirected: bool = False,
    in_report: bool = False,
    on_page: bool = False,
    seeded: bool = False,
    signed: bool = False,
    parallel: bool = False,
    options: Mapping[str, Any] | None = None,
    nouns: Mapping[str, str] | None = None,
) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Declare a measure: check its vocabulary once, its arguments at every call, and say
    what the registry needs to know (see the module notes).

    Parameters
    ----------
    returns, higher_is_more, meaning, cost, in_report, on_page, seeded, signed, parallel, options
        As the attributes of :class:`~linkchart.analysis.registry.Measure`.
    weight
        How it reads a weight (:data:`WeightReading`); ``"topological"`` refuses one.
    undirected
        Whether it is defined on the undirected reading only (``directed=True`` is refused).
    nouns
        How an error names a keyword, where not by its name (``{"method": "community method"}``).

    Raises
    ------
    TypeError
        When the module is imported, for a function whose signature breaks the vocabulary.
    """
    if returns not in RETURNS:
        raise UnknownNameError("measure result kind", returns, RETURNS)
    if cost not in COSTS:
        raise UnknownNameError("cost class", cost, COSTS)
    if weight not in WEIGHT_READINGS:
        raise UnknownNameError("weight reading", weight, WEIGHT_READINGS)
    info = MeasureInfo(
        returns,
        higher_is_more,
        meaning,
        cost,
        weight,
        undirected,
        in_report,
        on_page,
        seeded,
        signed,
        parallel,
        MappingProxyType(dict(options or {})),
    )

    def wrap(fn: Callable[P, R]) -> Callable[P, R]:
        contract = _contract(
            fn,
            weight=weight,
            undirected=undirected,
            seeded=seeded,
            signed=signed,
            parallel=parallel,
            registered=True,
            nouns=nouns or {},
        )
        for option in info.options:
            if option not in contract.keywords:
                raise TypeError(f"measure {fn.__name__}: option {option!r} is not one of its parameters")
        checked = _decorate(fn, contract)
        checked.__measure__ = info  # type: ignore[attr-defined]
        return checked

    return wrap


def vocabulary(
    *, weight: WeightReading | None = None, undirected: bool = False, nouns: Mapping[str, str] | None = None
) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """The checks of :func:`measure` for a function that is not a registered measure (its
    vocabulary keywords, where it has them, typed and defaulted as every measure's)."""

    def wrap(fn: Callable[P, R]) -> Callable[P, R]:
        contract = _contract(
            fn,
            weight=weight,
            undirected=undirected,
            seeded=False,
            signed=False,
            parallel=False,
            registered=False,
            nouns=nouns or {},
        )
        return _decorate(fn, contract)

    return wrap


# ----------------------------------------------------------------------------- calls
def _frozen(value: object) -> object:
    """``value`` made hashable for a key: lists and tuples as tuples, mappings as sorted pairs."""
    if isinstance(value, list | tuple):
        return tuple(_frozen(v) for v in value)
    if isinstance(value, Mapping):
        return tuple(sorted((str(k), _frozen(v)) for k, v in value.items()))
    if isinstance(value, set | frozenset):
        return tuple(sorted(_frozen(v) for v in value))  # type: ignore[type-var]
    return value


def bound(function: Callable[..., Any], options: Mapping[str, Any]) -> dict[str, Any]:
    """The keyword arguments a call of ``function`` with ``options`` runs with: its defaults,
    then ``options``, less the keywords that only say how it runs (:data:`RUN_KEYWORDS`),
    each value made hashable (lists as tuples). Two calls with equal ``bound`` compute the
    same result: this is a result's identity (its key in a
    :class:`~linkchart.analysis.findings.Findings`).

    Examples
    --------
    >>> import linkchart
    >>> b = bound(linkchart.harmonic, {"normalized": True, "workers": 2, "relations": ["a"]})
    >>> b["normalized"], b["relations"], b["engine"], "workers" in b
    (True, ('a',), 'igraph', False)
    """
    contract: _Contract | None = getattr(function, "__contract__", None)
    defaults = (
        dict(contract.defaults)
        if contract is not None
        else dict(getattr(function, "__kwdefaults__", None) or {})
    )
    merged = {**defaults, **options}
    return {k: _frozen(v) for k, v in merged.items() if k not in RUN_KEYWORDS}


@dataclass(frozen=True, slots=True)
class MeasureCall:
    """A measure with the options it runs with, called on chart after chart (the draws of
    :func:`~linkchart.analysis.uncertainty.rank_uncertainty`).

    Picklable when its function is a module-level function (sent by name), so another
    process can run it; a measure defined in a notebook cell is not.

    Attributes
    ----------
    name
        The measure's name (as the registry knows it).
    function
        The function (a registry :class:`~linkchart.analysis.registry.Measure` or a measure).
    options
        Its keyword arguments.

    Examples
    --------
    >>> import pickle, linkchart
    >>> call = MeasureCall("harmonic", linkchart.harmonic, {"normalized": True})
    >>> pickle.loads(pickle.dumps(call)) == call, call.key[0]
    (True, 'harmonic')
    """

    name: str
    function: Callable[..., Any]
    options: Mapping[str, Any] = field(default_factory=dict)

    def __call__(self, chart: LinkChart) -> Any:
        """The measure on ``chart``."""
        return self.function(chart, **self.options)

    @property
    def key(self) -> tuple[str, tuple[tuple[str, Any], ...]]:
        """``(name, sorted bound arguments)``: equal for two calls that compute the same result."""
        of = getattr(self.function, "bound", None)  # a registry Measure applies its options first
        b = of(**self.options) if callable(of) else bound(self.function, self.options)
        return (self.name, tuple(sorted(b.items())))

    def __reduce__(self) -> tuple[Any, ...]:
        return (MeasureCall, (self.name, self.function, dict(self.options)))
