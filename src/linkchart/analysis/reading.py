"""The reading: which ties a measure reads, by relation, layer and sign.

A link chart mixes cooperation (money, shelter, joint operations), hostility (fighting,
countering, threatening) and context (where a place lies, which event an actor took part
in). The unsigned measures treat every tie they read as a channel, so what they read
decides what they find: a state that *counters* two groups is not their broker, and a
region that *contains* three actors is not their hub.

Every measure therefore takes three keyword arguments beside ``relations``:

``layers``
    ``None`` (default): the chart's default layers (the file's
    ``analysis: {layers: [...]}``, else every layer); ``"all"``: every layer; or layer
    names.
``signs``
    ``None`` (default): ``"positive"``; ``"positive"``: only positive relations (neither
    hostile nor neutral); ``"negative"``: only hostile ones; ``"neutral"``: only neutral
    ones (presence, geography, statements: what places an actor rather than connects
    it); ``"all"``: every tie as a plain tie, whatever its sign (the reading of a chart
    without signs). The signed measures (:func:`~linkchart.analysis.signed.pn_centrality`,
    :func:`~linkchart.analysis.signed.balance`) read the signs themselves and take only
    ``layers``.
``relations``
    Relation names (default: all). Relations named here are read as they are, whatever
    their layer and sign — an analyst who names ``counters`` wants to read it — unless
    ``layers`` or ``signs`` are given too, which then narrow them.

A relation declared ``reading: none`` (an example or a category: "movements such as the
LeT") is in no reading: not with ``layers="all", signs="all"``, and naming it in
``relations`` is refused (:class:`~linkchart.errors.LinkchartError`), since reading it
would make an example a tie.

Since sign and layer belong to a relation, a reading is a set of relations, and a
measure read this way equals the same measure on
``chart.with_relations(reading.relations)``. A chart without signs or layers (every
relation positive, one layer) reads every tie, exactly as before.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from ..errors import LinkchartError, UnknownNameError
from .types import SIGN_READINGS, Layers, Relations, SignReading

if TYPE_CHECKING:
    from ..model import LinkChart
    from ..vocabulary import Relation

__all__ = ["SIGN_READINGS", "Layers", "Reading", "SignReading", "read_relations", "reading"]


@dataclass(frozen=True, slots=True)
class Reading:
    """Which ties of a chart a measure reads, and which it leaves out and why.

    Attributes
    ----------
    chart
        The chart read.
    relations
        The names of the relations read, in vocabulary order.
    layers
        The layers read.
    signs
        The signs read (``"positive"``, ``"negative"`` or ``"all"``).
    total, read
        How many edges the chart has, and how many of them are read.
    left_out
        Edges not read, by reason: ``"unread"`` (a relation declared ``reading: none``),
        ``"hostile"`` (a negative relation), ``"neutral"`` (a neutral relation),
        ``"positive"`` (a positive relation, when only negative or neutral ties are read),
        ``"layer <name>"`` (a layer not read) and ``"relation"`` (a relation not asked
        for). An edge left out for several reasons counts under the first.
    """

    chart: LinkChart
    relations: tuple[str, ...]
    layers: tuple[str, ...]
    signs: SignReading
    total: int
    read: int
    left_out: dict[str, int]

    def reasons(self) -> list[str | None]:
        """Per relation of the vocabulary, in its order: why it is left out (a key of
        :attr:`left_out`), or ``None`` where it is read.

        Examples
        --------
        >>> import linkchart
        >>> from linkchart.vocabulary import Relation, Vocabulary
        >>> v = Vocabulary(relations=(Relation("funds"), Relation("fights", sign="negative"),
        ...     Relation("lies_in", layer="geo", sign="neutral")))
        >>> reading(linkchart.from_records([{"id": "a", "type": "state"}], [], vocabulary=v)).reasons()
        [None, 'hostile', 'neutral']
        """
        read = set(self.relations)
        return [_reason(r, self.signs, self.layers, read) for r in self.chart.vocabulary.relations]

    def edges_read(self) -> npt.NDArray[np.bool_]:
        """Per edge of :attr:`chart`, in row order, whether this reading reads it.

        Examples
        --------
        >>> import linkchart
        >>> from linkchart.vocabulary import Relation, Vocabulary
        >>> v = Vocabulary(relations=(Relation("funds"), Relation("fights", sign="negative")))
        >>> c = linkchart.from_records([{"id": x, "type": "state"} for x in "ab"],
        ...     [{"from": "a", "relation": r, "to": "b"} for r in ("funds", "fights")], vocabulary=v)
        >>> reading(c).edges_read().tolist()
        [True, False]
        """
        names = set(self.relations)
        codes = [k for k, name in enumerate(self.chart.vocabulary.relation_names) if name in names]
        return np.isin(self.chart.edges.relation, codes)

    @property
    def everything(self) -> bool:
        """Whether every relation is read (the measures see the whole chart)."""
        return len(self.relations) == len(self.chart.vocabulary.relations)

    def describe(self) -> str:
        """One sentence: what is read, what is left out, and how to read it otherwise.

        Examples
        --------
        >>> import linkchart
        >>> from linkchart.vocabulary import Relation, Vocabulary
        >>> v = Vocabulary(relations=(Relation("funds", layer="operational"),
        ...     Relation("fights", sign="negative", layer="operational"),
        ...     Relation("located_in", layer="geography")), default_layers=("operational",))
        >>> c = linkchart.from_records([{"id": "a", "type": "state"}, {"id": "b", "type": "region"}],
        ...     [{"from": "a", "relation": r, "to": "b"} for r in ("funds", "fights", "located_in")],
        ...     vocabulary=v)
        >>> print(reading(c).describe())
        read on 1 of 3 ties: positive ties of the layer operational; left out: 1 hostile tie, \
1 geography tie — see --layers, --signs
        """
        vocab = self.chart.vocabulary
        every = "ties of every sign" if any(r.neutral for r in vocab.relations) else "ties of either sign"
        what = {
            "positive": "positive ties",
            "negative": "hostile ties",
            "neutral": "neutral ties",
            "all": every,
        }[self.signs]
        all_layers = self.chart.vocabulary.layers
        if len(all_layers) > 1 or self.layers != all_layers:
            s = "s" if len(self.layers) != 1 else ""
            what += f" of the layer{s} {', '.join(self.layers) or '(none)'}"
        if self.read == self.total and not self.left_out:
            return f"read on all {self.total} ties: {what}"
        out = []
        for reason, count in self.left_out.items():
            s = "" if count == 1 else "s"
            if reason.startswith("layer "):
                out.append(f"{count} {reason.removeprefix('layer ')} tie{s}")
            elif reason == "relation":
                out.append(f"{count} tie{s} of relations not asked for")
            elif reason == "unread":
                out.append(f"{count} tie{s} that no measure reads (reading: none)")
            else:
                out.append(f"{count} {reason} tie{s}")
        left = f"; left out: {', '.join(out)}" if out else ""
        return f"read on {self.read} of {self.total} ties: {what}{left} — see --layers, --signs"


def _layers(chart: LinkChart, layers: Layers) -> tuple[str, ...]:
    vocab = chart.vocabulary
    known = vocab.layers
    if layers is None:
        return vocab.default_layers if vocab.default_layers is not None else known
    if isinstance(layers, str):
        layers = known if layers == "all" else [layers]
    names = list(layers)
    for name in names:
        if not isinstance(name, str):
            raise LinkchartError(f"a layer is named with text, not {name!r}", code="bad-argument")
        if name not in known:
            raise UnknownNameError("layer", name, known)
    return tuple(dict.fromkeys(names))


def _reason(
    relation: Relation, signs: SignReading, layers: tuple[str, ...], asked: Collection[str] | None
) -> str | None:
    """Why a reading leaves ``relation`` out (a key of :attr:`Reading.left_out`), ``None`` if it reads it."""
    if not relation.read:
        return "unread"
    if signs != "all" and relation.sign != signs:
        return {"negative": "hostile", "neutral": "neutral", "positive": "positive"}[relation.sign]
    if relation.layer not in layers:
        return f"layer {relation.layer}"
    if asked is not None and relation.name not in asked:
        return "relation"
    return None


def reading(
    chart: LinkChart, *, relations: Relations = None, layers: Layers = None, signs: SignReading | None = None
) -> Reading:
    """The ties that a measure called with these arguments reads (see the module notes).

    Examples
    --------
    >>> import linkchart
    >>> from linkchart.vocabulary import Relation, Vocabulary
    >>> v = Vocabulary(relations=(Relation("funds", layer="ops"), Relation("fights", sign="negative",
    ...     layer="ops"), Relation("lies_in", layer="geo")), default_layers=("ops",))
    >>> c = linkchart.from_records([{"id": "a", "type": "state"}], [], vocabulary=v)
    >>> reading(c).relations, reading(c, signs="all").relations, reading(c, layers="all").relations
    (('funds',), ('funds', 'fights'), ('funds', 'lies_in'))
    >>> reading(c, relations=["fights", "lies_in"]).relations  # named: read as they are
    ('fights', 'lies_in')

    Raises
    ------
    UnknownNameError
        For a relation or layer the chart lacks, or an unknown ``signs``.
    LinkchartError
        For a relation named in ``relations`` that is declared ``reading: none``.

    Notes
    -----
    A chart keeps each reading it has made, one per distinct ``(relations, layers,
    signs)``: a measure's checks and its body resolve the reading once. The
    :class:`Reading` returned is shared: read it, do not change it.
    """
    if relations is not None and not isinstance(relations, str):
        relations = tuple(relations)  # read once, whatever iterable it is
    if layers is not None and not isinstance(layers, str):
        layers = tuple(layers)
    key: Any = (relations, layers, signs)
    try:
        hash(key)
    except TypeError:  # an unhashable name: refused below, never kept
        return _reading(chart, relations, layers, signs)
    cache: dict[Any, Reading] = chart.memoized("readings", dict)
    found = cache.get(key)
    if found is None:
        found = cache[key] = _reading(chart, relations, layers, signs)
    return found


def _reading(chart: LinkChart, relations: Relations, layers: Layers, signs: SignReading | None) -> Reading:
    if signs is not None and signs not in SIGN_READINGS:
        raise UnknownNameError("signs", str(signs), SIGN_READINGS)
    vocab = chart.vocabulary
    if relations is not None:  # named relations are read as they are, unless narrowed
        layers = "all" if layers is None else layers
        signs = "all" if signs is None else signs
    signs = "positive" if signs is None else signs
    chosen = _layers(chart, layers)
    asked: set[str] | None = None
    if relations is not None:
        names = [relations] if isinstance(relations, str) else list(relations)
        asked = {vocab.relation(r).name for r in names}
        unread = [r.name for r in vocab.relations if r.name in asked and not r.read]
        if unread:
            raise LinkchartError(
                f"relation {unread[0]!r} is declared 'reading: none' (an example or a category, not "
                "a tie): it stays on the chart and in the evidence, but no measure reads it",
                code="bad-argument",
            )
    reasons = [_reason(r, signs, chosen, asked) for r in vocab.relations]
    counts: list[int] = chart.memoized(
        "relation_counts",
        lambda: np.bincount(chart.edges.relation, minlength=len(vocab.relations)).tolist(),
    )
    left: Counter[str] = Counter()
    for reason, count in zip(reasons, counts, strict=True):
        if reason is not None and count:
            left[reason] += count
    kept = tuple(r.name for r, reason in zip(vocab.relations, reasons, strict=True) if reason is None)
    total = chart.number_of_edges
    # hostile, then neutral ties first (the reasons an analyst asks about), then the largest groups
    first = {"hostile": 0, "neutral": 1}
    ordered = dict(sorted(left.items(), key=lambda kv: (first.get(kv[0], 2), -kv[1], kv[0])))
    return Reading(chart, kept, chosen, signs, total, total - sum(left.values()), ordered)


def read_relations(
    chart: LinkChart, relations: Relations, layers: Layers, signs: SignReading | None
) -> list[str] | None:
    """The relations a measure reads, or ``None`` when it reads every relation.

    What a measure records as its ``relations`` parameter, and passes to
    :func:`~linkchart.analysis.projection.project`.

    Examples
    --------
    >>> import linkchart
    >>> from linkchart.vocabulary import Relation, Vocabulary
    >>> v = Vocabulary(relations=(Relation("funds"), Relation("fights", sign="negative")))
    >>> c = linkchart.from_records([{"id": "a", "type": "state"}], [], vocabulary=v)
    >>> read_relations(c, None, None, None), read_relations(c, None, None, "all")
    (['funds'], None)
    """
    r = reading(chart, relations=relations, layers=layers, signs=signs)
    if r.everything:
        return None
    return list(r.relations)
