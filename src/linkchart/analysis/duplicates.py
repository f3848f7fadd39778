"""Which nodes may be one entity: candidate pairs, ranked, each with the reasons for it.

An analyst who reads a dozen reports meets the same actor spelled five ways: *Namangani*
and *Namangany*, *Juma* and *Djuma*, *Yuldashev* and *Yoldash*, *al-Hazmi* and
*Alhazmi*, *T. Yoldash* and *Yoldash, Tahir*. :func:`candidates` lists the pairs of nodes
that may be one entity — within one chart, or across two or more — ranked by a score in
[0, 1], each with its reasons: which two names matched and by which rule, which neighbours
the two share, whether their types are compatible, and whether they are already tied to
each other. A candidate is a question for the analyst, never an answer: nothing here joins
two nodes, and an equal label or alias makes a candidate, not a merge. The analyst's
answer is recorded as data (:class:`Decision`; ``docs/many_sources.md``).

**Names.** Every id, label and alias of a node is compared with every one of the other's,
after a normalisation written for the transliterations of Arabic, Persian and Central
Asian names (:func:`name_key` shows it; the rules are in ``docs/many_sources.md``):

1. *fold*: Unicode NFKD without the combining marks (diacritics), case-folded; apostrophes
   and the marks of ʿayn and hamza deleted; ``"Yoldash, Tahir"`` read as ``"Tahir
   Yoldash"``; hyphens, dots and other punctuation read as spaces; the article ``al`` /
   ``el`` / ``ul`` and its assimilated forms written with a hyphen (``ash-``, ``ad-``,
   ``ar-`` ...) dropped; ``Abdul Aziz``, ``Abd al-Aziz`` and ``Abdulaziz`` read as one
   word ``abdaziz`` (*servant of*: one name); ``ibn`` and ``ben`` read as ``bin``. A
   word that begins with a glued article (``Alhazmi``) is also read without it.
2. *skeleton*, per word: a Russian surname ending (``-ev``, ``-ov``, ``-eva``, ``-ova``)
   dropped; ``dzh``, ``dj``, ``zh`` → ``j``; ``kh`` and ``x`` → ``h``; ``gh`` → ``g``;
   ``dh`` → ``d``; ``th`` → ``t``; ``ph`` → ``f``; ``q`` and ``ck`` → ``k``; ``ou`` and
   ``oo`` → ``u``; ``ee`` → ``i``; ``ei`` and ``ey`` → ``ai``; then ``e``, ``y`` → ``i``
   and ``o``, ``w`` → ``u`` (three vowels, as Arabic writes them); a final ``h`` after a
   vowel dropped; doubled letters written once.

Two names are then as alike as the first rule that holds says (:data:`RULE_SCORES`):
identical (1), equal once folded (1), equal skeletons — a transliteration (0.95), the
same consonants word by word — vowels written otherwise (0.9), the same words in another
order (0.9), the same letters with words joined or split (0.9); else the best of initials
(``T. Yoldash``, at most 0.85), one name a part of the other (0.5 to 0.8) and their
spelling: 0.9 times the Indel ratio (rapidfuzz) of their least alike pair of words, a pair
that begins with different letters counting half — a name is only as alike as its least
alike word, so brothers (*Nawaf* and *Salem al-Hazmi*) are far apart.

**The score** of a pair is

.. math::

    s = t \\,\\bigl(n + (1 - n)\\, \\beta\\, c\\bigr)

where :math:`n` is the best name similarity, :math:`c \\in [0, 1]` the support of shared
neighbours, :math:`\\beta` = :data:`NEIGHBOUR_SHARE` and :math:`t` the type factor
(:data:`TYPE_FACTORS`). Shared neighbours only ever raise a score (two sources rarely
report the same ties of an actor, so ties one reports and the other does not are no
evidence of two actors); a neighbour counts by its rarity, as in the resource-allocation
index (Zhou, Lü & Zhang 2009): :math:`c = 1 - \\prod_x (1 - 1/\\max(2, d_x))` over the
shared neighbours :math:`x` of degree :math:`d_x`, so that two members of one hub share
little. Each reason carries its contribution; the contributions add up to the score.

**Scale.** Comparing every pair of 10,000 nodes is fifty million comparisons. Names are
therefore *blocked* (Christen 2012): each name is filed under the consonants of each of
its words, of the whole name, and of each word beside the name's initials (so that
*T. Yoldash* meets *Tahir Yoldash*); only names filed together are compared, and a key that
more than :data:`MAX_BLOCK` names share (*Mohammed*) is read as a sorted neighbourhood
(Hernández & Stolfo 1995): each name is compared with the :data:`WINDOW` next to it in the
order of the rest of its name. A quick comparison in rapidfuzz's C++ then keeps the pairs
worth scoring in full. :attr:`Candidates.examined` says how many pairs were compared, of
:attr:`Candidates.possible`.

References
----------
.. [1] P. Christen, *Data Matching: Concepts and Techniques for Record Linkage, Entity
   Resolution, and Duplicate Detection*, Springer, 2012. doi:10.1007/978-3-642-31164-2
.. [2] M. A. Hernández and S. J. Stolfo, "The merge/purge problem for large databases",
   *SIGMOD Record* 24(2), 127-138, 1995. doi:10.1145/568271.223807
.. [3] T. Zhou, L. Lü and Y.-C. Zhang, "Predicting missing links via local information",
   *Eur. Phys. J. B* 71, 623-630, 2009. doi:10.1140/epjb/e2009-00335-8
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import PurePath
from types import MappingProxyType
from typing import Any, Final, Literal, NamedTuple, get_args, overload

import numpy as np
import numpy.typing as npt

from ..errors import LinkchartError, LoadError, Problem, ProblemCode, UnknownNameError, did_you_mean
from ..model import LinkChart
from ._measure import check_count

__all__ = [
    "MAX_BLOCK",
    "MIN_SCORE",
    "NAME_FLOOR",
    "NEIGHBOUR_SHARE",
    "RULE_SCORES",
    "TYPE_CLASSES",
    "TYPE_FACTORS",
    "TYPE_READINGS",
    "WINDOW",
    "Candidate",
    "Candidates",
    "Decision",
    "Decisions",
    "NameMatch",
    "NameReason",
    "NameRule",
    "NeighbourReason",
    "NodeRef",
    "Reason",
    "TieReason",
    "TypeReading",
    "TypeReason",
    "TypeVerdict",
    "candidates",
    "decisions_from_records",
    "name_key",
    "name_similarity",
]

NameRule = Literal[
    "identical",
    "folded",
    "transliteration",
    "vowels",
    "word order",
    "joined words",
    "initials",
    "part",
    "spelling",
]
"""How two names matched (see :data:`RULE_SCORES`)."""

RULE_SCORES: Mapping[str, float] = MappingProxyType(
    {
        "identical": 1.0,
        "folded": 1.0,
        "transliteration": 0.95,
        "vowels": 0.9,
        "word order": 0.9,
        "joined words": 0.9,
        "initials": 0.85,
        "part": 0.8,
        "spelling": 0.9,
    }
)
"""The similarity each rule gives (for ``part`` and ``spelling``, the most it gives):

``identical`` the same text; ``folded`` the same once case, diacritics, punctuation,
articles and a comma's word order are set aside; ``transliteration`` the same skeleton;
``vowels`` the same consonants word by word, at least three in all (*Mohamed* /
*Muhammad*); ``word order`` the same words in another order; ``joined words`` the same
letters with words joined or split (*Binalshibh* / *Bin al-Shibh*); ``initials`` a word
written as its initial (*T. Yoldash*; 0.85 times the least ratio of the other words);
``part`` the words of one name are words of the other, in order (``0.5 + 0.3 * share``,
*Atta* / *Mohamed Atta* 0.65, *Uzbekistan* / *Islamic Movement of Uzbekistan* 0.575);
``spelling`` 0.9 times the least Indel ratio of two words (halved for words that begin
differently), in order or in alphabetical order."""

TypeVerdict = Literal["same", "compatible", "unknown", "incompatible"]
"""How the types of a pair compare (see :data:`TYPE_FACTORS`)."""

TYPE_FACTORS: Mapping[str, float] = MappingProxyType(
    {"same": 1.0, "compatible": 1.0, "unknown": 0.9, "incompatible": 0.5}
)
"""What a pair's types multiply its score by: ``same`` the same type name; ``compatible``
two types of the same class (:data:`TYPE_CLASSES`, or the ``class:`` a file declares);
``unknown`` different types of which one has no known class; ``incompatible`` types of
different classes (a person and a state)."""

TYPE_CLASSES: Mapping[str, str] = MappingProxyType(
    {
        "person": "agent",
        "organisation": "organisation",
        "organization": "organisation",
        "state": "organisation",
        "criminal_network": "organisation",
        "region": "location",
        "event": "event",
    }
)
"""The class of the default node types (``linkchart.DEFAULT_NODE_TYPES``) where a file
declares none: a state is a collective, not a place, so *Afghanistan* the state and
*Afghanistan* the region are incompatible: scored at half, listed from ``min_score`` 0.5
down, and left out by ``types="compatible"``."""

TypeReading = Literal["any", "compatible", "same"]
"""Which pairs :func:`candidates` lists: every pair (``any``, incompatible types lower the
score), only pairs of compatible types (``compatible``) or only of the same type (``same``)."""

TYPE_READINGS: tuple[str, ...] = get_args(TypeReading)
"""Every :data:`TypeReading`."""

MIN_SCORE: Final = 0.7
"""The least score :func:`candidates` lists by default."""
NAME_FLOOR: Final = 0.5
"""A pair is a candidate only if two of its names are at least this alike: shared
neighbours support a name match, they never make one."""
NEIGHBOUR_SHARE: Final = 0.5
"""The most of the distance from the name similarity to 1 that shared neighbours can add."""
MAX_BLOCK: Final = 100
"""A blocking key shared by more names than this is read as a sorted neighbourhood."""
WINDOW: Final = 20
"""In a sorted neighbourhood, how many names each name is compared with."""

# ---------------------------------------------------------------------------- names

_DELETE: Final = dict.fromkeys(map(ord, "'\u2019\u2018`\u00b4\u02bf\u02be\u02bc\u02bb"), None)
_ARTICLE: Final = re.compile(
    r"\b(?:al|el|ul|u[dnrstz]|ush)[\s\-]+(?=\w)|\b(?:a[dnrstz]|ash|ath|adh|e[dnrstz]|esh)-(?=\w)"
)
_SPLIT: Final = re.compile(r"[\W_]+")
_ABD_WORDS: Final = frozenset({"abd", "abdul", "abdel", "abdal", "abdol", "abdu", "abdur", "abdus", "abdoul"})
_ABD_GLUED: Final = re.compile(r"^abd[aeiou](?:sh|[lrsztnd])([^\W\d_]{2,})$")
_BIN_GLUED: Final = re.compile(r"^(?:bin|ibn|ben)(?:al|el)([^\W\d_]{3,})$")
_BIN_WORDS: Final = frozenset({"ibn", "ben"})
_GLUED_ARTICLE: Final = re.compile(r"^(?:al|el)([^\W\d_]{4,})$")
_RUSSIAN: Final = re.compile(r"^([^\W\d_]{4,}?)(?:[iy]?eva?|ova?)$")
_DIGRAPHS: Final = (
    ("dzh", "j"),
    ("dj", "j"),
    ("zh", "j"),
    ("kh", "h"),
    ("x", "h"),
    ("gh", "g"),
    ("dh", "d"),
    ("th", "t"),
    ("ph", "f"),
    ("ck", "k"),
    ("q", "k"),
    ("ou", "u"),
    ("oo", "u"),
    ("ee", "i"),
    ("ei", "ai"),
    ("ey", "ai"),
)
_VOWELS: Final = str.maketrans({"e": "i", "y": "i", "o": "u", "w": "u"})
_FINAL_H: Final = re.compile(r"(?<=[aiu])h$")
_DOUBLE: Final = re.compile(r"(.)\1+")
_CONSONANTS: Final = str.maketrans(dict.fromkeys("aiu", None))


def _fold(name: str) -> tuple[str, ...]:
    """The words of ``name`` after the fold (rule 1 of the module's docstring)."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold().translate(_DELETE)
    if text.count(",") == 1:
        head, tail = text.split(",")
        if head.strip() and tail.strip():
            text = f"{tail} {head}"
    text = _ARTICLE.sub(" ", text)
    words: list[str] = []
    pending = False  # an "abd" waiting for the word it belongs to
    for word in _SPLIT.split(text):
        if not word:
            continue
        if pending:
            words[-1] += word
            pending = False
        elif word in _ABD_WORDS:
            words.append("abd")
            pending = True
        elif m := _ABD_GLUED.match(word):
            words.append("abd" + m.group(1))
        elif m := _BIN_GLUED.match(word):
            words.extend(("bin", m.group(1)))
        else:
            words.append("bin" if word in _BIN_WORDS else word)
    return tuple(words)


@functools.lru_cache(maxsize=65_536)
def _skeleton(word: str) -> str:
    """One folded word's skeleton (rule 2 of the module's docstring)."""
    if m := _RUSSIAN.match(word):
        word = m.group(1)
    for a, b in _DIGRAPHS:
        word = word.replace(a, b)
    word = _FINAL_H.sub("", word.translate(_VOWELS))
    return _DOUBLE.sub(r"\1", word)


@dataclass(frozen=True, slots=True)
class _Form:
    """One way of reading a name: its folded words and what is compared of them."""

    folded: tuple[str, ...]
    skeleton: tuple[str, ...]
    consonants: tuple[str, ...]
    spaced: str  # the skeleton's words, spaced
    joined: str  # the skeleton's words, joined
    ordered: tuple[str, ...]  # the skeleton's words, sorted

    @classmethod
    def of(cls, folded: tuple[str, ...]) -> _Form:
        skeleton = tuple(_skeleton(w) for w in folded)
        return cls(
            folded,
            skeleton,
            tuple(w.translate(_CONSONANTS) for w in skeleton),
            " ".join(skeleton),
            "".join(skeleton),
            tuple(sorted(skeleton)),
        )

    def keys(self) -> set[str]:
        """The blocking keys: the consonants of each word of two or more, and of the whole name."""
        found = {"w" + c for c in self.consonants if len(c) >= 2}
        whole = [c for c in self.consonants if c]
        if len(whole) > 1 or (whole and len(whole[0]) < 2):
            found.add("s" + " ".join(sorted(whole)))
            found.add("j" + "".join(whole))
        if len(self.folded) > 1:  # initials: "T. Yoldash" and "Tahir Yoldash" share "ity ldsh"
            letters = "i" + "".join(w[0] for w in self.folded) + " "
            found.update(letters + c for w, c in zip(self.folded, self.consonants, strict=True) if len(w) > 1)
        return found

    def rest(self, key: str) -> str:
        """The name without the word of ``key`` (the order of a sorted neighbourhood)."""
        word = key[1:]
        return " ".join(c for c in self.consonants if c != word) + "\0" + self.spaced


def _forms(name: str) -> tuple[_Form, ...]:
    """The readings of ``name``: as folded, and without glued articles when it has one."""
    folded = _fold(name)
    if not folded:
        return ()
    forms = [_Form.of(folded)]
    unglued = tuple(m.group(1) if (m := _GLUED_ARTICLE.match(w)) else w for w in folded)
    if unglued != folded:
        forms.append(_Form.of(unglued))
    return tuple(forms)


def name_key(name: str) -> str:
    """The skeleton of ``name`` that linkchart compares: what two spellings of one name share.

    Examples
    --------
    >>> name_key("Yoldash, Tahir"), name_key("Tahir Yuldashev")
    ('tahir iuldash', 'tahir iuldash')
    >>> name_key("Djuma Namangany"), name_key("Juma al-Namangani")
    ('juma namangani', 'juma namangani')
    >>> name_key("Muḥammad ʿAṭṭā")
    'muhamad ata'
    """
    forms = _forms(name)
    return forms[0].spaced if forms else ""


class NameMatch(NamedTuple):
    """How alike two names are: ``similarity`` in [0, 1] and the ``rule`` that gave it."""

    similarity: float
    rule: NameRule


def _initials(x: _Form, y: _Form) -> float:
    """The ``initials`` rule: word for word, an initial and a word it begins, or two words,
    with at least one of each; :data:`RULE_SCORES` times the least :func:`_word_ratio` of
    the words (0 when the rule does not hold)."""
    if len(x.folded) != len(y.folded) or len(x.folded) < 2:
        return 0.0
    least, initials = 100.0, 0
    for fa, sa, fb, sb in zip(x.folded, x.skeleton, y.folded, y.skeleton, strict=True):
        if len(fa) > 1 and len(fb) > 1:
            least = min(least, _word_ratio(sa, sb))
        elif (len(fa) == 1 and len(fb) > 1 and fb.startswith(fa)) or (
            len(fb) == 1 and len(fa) > 1 and fa.startswith(fb)
        ):
            initials += 1
        else:
            return 0.0
    if not initials or initials == len(x.folded):
        return 0.0
    return RULE_SCORES["initials"] * least / 100


def _part(x: _Form, y: _Form) -> float:
    """``0.5 + 0.3 * share`` when the shorter name's words are words of the longer, in order."""
    short, long = (x.skeleton, y.skeleton) if len(x.skeleton) < len(y.skeleton) else (y.skeleton, x.skeleton)
    if len(short) == len(long) or len("".join(short)) < 3:
        return 0.0
    it = iter(long)
    if all(any(w == v for v in it) for w in short):
        return 0.5 + 0.3 * len(short) / len(long)
    return 0.0


def _word_ratio(a: str, b: str) -> float:
    """The Indel ratio of two words (0-100), halved when they begin with different letters: a
    transliteration rarely changes a word's first sound once the skeleton is taken (Soundex
    keeps the first letter for the same reason), while *Tajikistan* and *Pakistan* differ
    there."""
    from rapidfuzz import fuzz

    ratio = fuzz.ratio(a, b)
    return ratio if a[:1] == b[:1] else ratio / 2


def _spelling(x: _Form, y: _Form) -> float:
    """How alike the words are (0-1): a name is only as alike as its least alike word.

    With as many words on both sides, the least :func:`_word_ratio` of two words aligned in
    order (or in alphabetical order, if that is better); otherwise each word of the shorter
    name with its closest word of the longer, times the share of the longer's words."""
    if len(x.skeleton) == len(y.skeleton):
        in_order = min(_word_ratio(a, b) for a, b in zip(x.skeleton, y.skeleton, strict=True))
        if x.ordered == x.skeleton and y.ordered == y.skeleton:
            return in_order / 100
        by_letter = min(_word_ratio(a, b) for a, b in zip(x.ordered, y.ordered, strict=True))
        return max(in_order, by_letter) / 100
    short, long = (x.skeleton, y.skeleton) if len(x.skeleton) < len(y.skeleton) else (y.skeleton, x.skeleton)
    closest = min(max(_word_ratio(a, b) for b in long) for a in short)
    return closest / 100 * len(short) / len(long)


def _compare(x: _Form, y: _Form) -> NameMatch:
    if x.folded == y.folded:
        return NameMatch(1.0, "folded")
    if x.skeleton == y.skeleton:
        return NameMatch(RULE_SCORES["transliteration"], "transliteration")
    if x.consonants == y.consonants and sum(map(len, x.consonants)) >= 3:
        return NameMatch(RULE_SCORES["vowels"], "vowels")
    if x.ordered == y.ordered:
        return NameMatch(RULE_SCORES["word order"], "word order")
    if x.joined == y.joined:
        return NameMatch(RULE_SCORES["joined words"], "joined words")
    best = NameMatch(round(RULE_SCORES["spelling"] * _spelling(x, y), 6), "spelling")
    for rule, value in (("initials", _initials(x, y)), ("part", _part(x, y))):
        if value > best.similarity:
            best = NameMatch(round(value, 6), rule)  # type: ignore[arg-type]
    return best


def _best(xs: Sequence[_Form], ys: Sequence[_Form]) -> NameMatch:
    best = NameMatch(0.0, "spelling")
    for x in xs:
        for y in ys:
            found = _compare(x, y)
            if found.similarity > best.similarity:
                best = found
                if found.similarity >= 1.0:
                    return best
    return best


def name_similarity(a: str, b: str) -> NameMatch:
    """How alike two names are, and by which rule (:data:`RULE_SCORES`); symmetric.

    Examples
    --------
    >>> name_similarity("Namangani", "Namangany")
    NameMatch(similarity=0.95, rule='transliteration')
    >>> name_similarity("T. Yoldash", "Tahir Yoldash")
    NameMatch(similarity=0.85, rule='initials')
    >>> name_similarity("Nawaf al-Hazmi", "Nawaf Alhazmi").rule
    'folded'
    >>> round(name_similarity("Nawaf al-Hazmi", "Salem al-Hazmi").similarity, 2)  # brothers
    0.09
    """
    if a == b:
        return NameMatch(1.0, "identical")
    return _best(_forms(a), _forms(b))


# ---------------------------------------------------------------------------- results


class NodeRef(NamedTuple):
    """A node of one of the charts given to :func:`candidates`: its ``chart`` (0 for the
    first) and its ``id``."""

    chart: int
    id: str


@dataclass(frozen=True, slots=True)
class NameReason:
    """The two names that matched best (as written: an id, label or alias of each), how alike
    they are and by which rule; ``contribution`` is its part of the score."""

    a_name: str
    b_name: str
    similarity: float
    rule: NameRule
    contribution: float
    kind: Literal["name"] = "name"

    def text(self) -> str:
        """One line in words."""
        return f"names {self.a_name!r} ~ {self.b_name!r}: {self.rule} {self.similarity:.2f}"


@dataclass(frozen=True, slots=True)
class NeighbourReason:
    """The neighbours the two share, as ``(a's neighbour, b's neighbour)`` id pairs (the same
    node within a chart; across charts, nodes with the same id or name key), and their
    ``support`` in [0, 1] (rare neighbours count most)."""

    shared: tuple[tuple[str, str], ...]
    support: float
    contribution: float
    kind: Literal["neighbours"] = "neighbours"

    def text(self) -> str:
        """One line in words."""
        names = [a if a == b else f"{a} / {b}" for a, b in self.shared]
        shown = "; ".join(names[:5]) + (f"; ... ({len(names) - 5} more)" if len(names) > 5 else "")
        plural = "s" if len(names) != 1 else ""
        return f"{len(names)} shared neighbour{plural} ({shown}): support {self.support:.2f}"


@dataclass(frozen=True, slots=True)
class TypeReason:
    """The two nodes' types and how they compare (:data:`TYPE_FACTORS`); ``contribution`` is
    what the type factor takes off the score (0 or negative)."""

    a_type: str
    b_type: str
    verdict: TypeVerdict
    contribution: float
    kind: Literal["types"] = "types"

    def text(self) -> str:
        """One line in words."""
        both = self.a_type if self.a_type == self.b_type else f"{self.a_type} / {self.b_type}"
        return f"types {both}: {self.verdict}"


@dataclass(frozen=True, slots=True)
class TieReason:
    """The two nodes are already tied to each other (in one chart) by these ``edges`` of these
    ``relations``: two names of one actor are rarely tied, so look twice. It does not change
    the score (``contribution`` is 0)."""

    edges: tuple[str, ...]
    relations: tuple[str, ...]
    contribution: float = 0.0
    kind: Literal["tied"] = "tied"

    def text(self) -> str:
        """One line in words."""
        relations = ", ".join(dict.fromkeys(self.relations))
        return f"already tied to each other: {', '.join(self.edges)} ({relations})"


Reason = NameReason | NeighbourReason | TypeReason | TieReason
"""A reason of a :class:`Candidate`; its ``kind`` says which."""


@dataclass(frozen=True, slots=True)
class Candidate:
    """Two nodes that may be one entity: ``a`` and ``b`` (``a`` first in chart order), the
    ``score`` in [0, 1] and the ``reasons``, whose contributions add up to the score."""

    a: NodeRef
    b: NodeRef
    score: float
    reasons: tuple[Reason, ...]

    @property
    def name(self) -> NameReason:
        """The name reason (every candidate has one)."""
        return next(r for r in self.reasons if isinstance(r, NameReason))

    @property
    def tied(self) -> bool:
        """Whether the two are already tied to each other by an edge."""
        return any(isinstance(r, TieReason) for r in self.reasons)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready values."""
        return {
            "a": {"chart": self.a.chart, "id": self.a.id},
            "b": {"chart": self.b.chart, "id": self.b.id},
            "score": self.score,
            "reasons": [_reason_dict(r) for r in self.reasons],
        }


def _reason_dict(r: Reason) -> dict[str, Any]:
    out: dict[str, Any] = {"kind": r.kind, "contribution": r.contribution}
    if isinstance(r, NameReason):
        out.update(a_name=r.a_name, b_name=r.b_name, similarity=r.similarity, rule=r.rule)
    elif isinstance(r, NeighbourReason):
        out.update(shared=[list(p) for p in r.shared], support=r.support)
    elif isinstance(r, TypeReason):
        out.update(a_type=r.a_type, b_type=r.b_type, verdict=r.verdict)
    else:
        out.update(edges=list(r.edges), relations=list(r.relations))
    out["text"] = r.text()
    return out


class Candidates(Sequence[Candidate]):
    """The candidate pairs :func:`candidates` found, best first, and how they were found.

    Attributes
    ----------
    charts
        A name for each chart given (its file name, else its title, else ``chart N``).
    examined
        How many pairs of nodes the blocking let through to be compared by name.
    possible
        How many pairs there are: ``n (n - 1) / 2`` in one chart, the product of the sizes
        (summed over pairs of charts) across charts.
    scored
        How many pairs were scored in full (names alike enough to be worth it).
    decided
        How many pairs reaching the least score were left out because a :class:`Decision`
        settles them.
    same_id
        Across charts: how many nodes share their id with a node of another chart. Those
        pairs are not listed: merging charts joins nodes by id.
    parameters
        The arguments, as given.
    """

    __slots__ = ("_items", "charts", "decided", "examined", "parameters", "possible", "same_id", "scored")

    def __init__(
        self,
        items: Sequence[Candidate],
        *,
        charts: Sequence[str],
        examined: int,
        possible: int,
        scored: int,
        decided: int,
        same_id: int,
        parameters: Mapping[str, Any],
    ) -> None:
        self._items = tuple(items)
        self.charts = tuple(charts)
        self.examined = examined
        self.possible = possible
        self.scored = scored
        self.decided = decided
        self.same_id = same_id
        self.parameters = dict(parameters)

    @overload
    def __getitem__(self, index: int) -> Candidate: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Candidate]: ...
    def __getitem__(self, index: int | slice) -> Candidate | Sequence[Candidate]:
        return self._items[index]

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[Candidate]:
        return iter(self._items)

    def __repr__(self) -> str:
        return f"<Candidates: {len(self)} pairs, {self.examined} of {self.possible} compared>"

    def pairs(self) -> list[tuple[str, str]]:
        """The candidates as ``(a id, b id)`` pairs, best first (across two charts: an id of the
        first and one of the second, what a merge's ``matches`` takes once the analyst agrees)."""
        return [(c.a.id, c.b.id) for c in self._items]

    def label(self, ref: NodeRef) -> str:
        """A node as shown: its id, qualified by its chart's name across charts."""
        return ref.id if len(self.charts) == 1 else f"{self.charts[ref.chart]}:{ref.id}"

    def summary(self) -> str:
        """One line: how many pairs, at what score, of how many compared."""
        share = self.examined / self.possible if self.possible else 0.0
        where = "in " + self.charts[0] if len(self.charts) == 1 else "across " + ", ".join(self.charts)
        out = (
            f"{len(self)} candidate pair{'s' if len(self) != 1 else ''} for one entity {where} "
            f"(score >= {self.parameters['min_score']:g}); {self.examined:,} of {self.possible:,} "
            f"pairs compared ({share:.1%})"
        )
        if self.decided:
            out += f"; {self.decided} already decided, left out"
        if self.same_id:
            plural = "s" if self.same_id != 1 else ""
            out += f"; {self.same_id} node{plural} with the same id in another chart (a merge joins those)"
        return out

    def text(self) -> str:
        """The candidates as lines to read, best first, each with its reasons."""
        out = [self.summary()]
        for i, c in enumerate(self._items, start=1):
            out.append(f"{i:>3}. {c.score:.3f}  {self.label(c.a)}  ~  {self.label(c.b)}")
            out.extend(f"       {r.text()} ({r.contribution:+.3f})" for r in c.reasons)
        return "\n".join(out) + "\n"

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready values."""
        return {
            "charts": list(self.charts),
            "parameters": dict(self.parameters),
            "examined": self.examined,
            "possible": self.possible,
            "scored": self.scored,
            "decided": self.decided,
            "same_id": self.same_id,
            "candidates": [c.to_dict() for c in self._items],
        }


# ---------------------------------------------------------------------------- decisions


@dataclass(frozen=True, slots=True)
class Decision:
    """An analyst's judgement on two or more nodes: that they are one entity (``same``) or
    that they are not, ``by`` whom, ``why`` and when (``date``: a year, month or day).

    ``nodes`` are node ids; across charts an id names the node of whichever chart has it
    (charts are merged by id). A decision is data: deleting it undoes it.

    Examples
    --------
    >>> d = Decision(("Namangani", "Namangany"), True, by="jd", why="one commander")
    >>> d.pairs(), d.to_record()["same_as"]
    ([('Namangani', 'Namangany')], ['Namangani', 'Namangany'])
    """

    nodes: tuple[str, ...]
    same: bool
    by: str = ""
    why: str = ""
    date: str = ""

    def pairs(self) -> list[tuple[str, str]]:
        """Every pair of the nodes, in the order written."""
        return [(a, b) for i, a in enumerate(self.nodes) for b in self.nodes[i + 1 :]]

    def to_record(self) -> dict[str, Any]:
        """The decision as a file holds it (``same_as:`` or ``not_same_as:``, then who, why, when)."""
        out: dict[str, Any] = {("same_as" if self.same else "not_same_as"): list(self.nodes)}
        out.update((k, v) for k, v in (("by", self.by), ("why", self.why), ("date", self.date)) if v)
        return out


class Decisions:
    """Decisions taken together: the groups of nodes judged one entity (a ``same_as`` chain
    joins its groups: A = B and B = C make one group) and the pairs judged different.

    Examples
    --------
    >>> ds = Decisions([Decision(("A", "B"), True), Decision(("B", "C"), True), Decision(("C", "D"), False)])
    >>> ds.groups, ds.settles("A", "C"), ds.settles("A", "D"), ds.settles("A", "E")
    ((('A', 'B', 'C'),), True, False, None)
    """

    __slots__ = ("_different", "_group", "entries", "groups")

    def __init__(self, entries: Iterable[Decision] = ()) -> None:
        self.entries: tuple[Decision, ...] = tuple(entries)
        parent: dict[str, str] = {}

        def root(x: str) -> str:
            parent.setdefault(x, x)
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        for d in self.entries:
            for n in d.nodes:
                root(n)
            if d.same:
                for a, b in zip(d.nodes, d.nodes[1:], strict=False):
                    ra, rb = root(a), root(b)
                    if ra != rb:
                        parent[rb] = ra
        members: dict[str, list[str]] = {}
        for n in parent:
            members.setdefault(root(n), []).append(n)
        self._group: dict[str, str] = {n: root(n) for n in parent}
        self.groups: tuple[tuple[str, ...], ...] = tuple(tuple(m) for m in members.values() if len(m) > 1)
        self._different = {
            frozenset((self._group[a], self._group[b]))
            for d in self.entries
            if not d.same
            for a, b in d.pairs()
        }

    def __len__(self) -> int:
        return len(self.entries)

    def settles(self, a: str, b: str) -> bool | None:
        """``True`` if ``a`` and ``b`` were judged one entity, ``False`` if different, ``None``
        if no decision covers them."""
        ga, gb = self._group.get(a), self._group.get(b)
        if ga is None or gb is None:
            return None
        if ga == gb:
            return True
        return False if frozenset((ga, gb)) in self._different else None

    @property
    def contradictions(self) -> tuple[tuple[Decision, tuple[str, str]], ...]:
        """Each ``not_same_as`` decision with a pair it names that ``same_as`` decisions join."""
        return tuple(
            (d, (a, b))
            for d in self.entries
            if not d.same
            for a, b in d.pairs()
            if self._group[a] == self._group[b]
        )

    def problems(self, *charts: LinkChart) -> list[Problem]:
        """``unknown-node`` problems for the ids that name no node of the charts (with the
        closest names), located at ``decisions[i].same_as[j]``."""
        known: set[str] = set()
        for c in charts:
            known.update(c.node_ids)
        out = []
        for i, d in enumerate(self.entries):
            key = "same_as" if d.same else "not_same_as"
            for j, n in enumerate(d.nodes):
                if n not in known:
                    hint = did_you_mean(n, sorted(known))
                    out.append(
                        Problem(
                            "unknown-node", f"unknown node {n!r}", f"decisions[{i}].{key}[{j}]", hint=hint
                        )
                    )
        return out


_DECISION_KEYS: Final = ("same_as", "not_same_as", "by", "why", "date")
_DATE: Final = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def _line(lines: Mapping[str, int], path: str) -> int | None:
    while True:
        if path in lines:
            return lines[path]
        cut = max(path.rfind("."), path.rfind("["))
        if cut <= 0:
            return lines.get(path)
        path = path[:cut]


def _a_date(value: object) -> str | None:
    """``value`` as the text of a year, month or day, or ``None`` if it is not one."""
    if isinstance(value, dt.date):  # what a YAML 1.1 reader makes of 2024-05-02
        return value.isoformat()
    text = str(value) if isinstance(value, int) and not isinstance(value, bool) else value
    if not isinstance(text, str) or not (m := _DATE.match(text.strip())):
        return None
    year, month, day = (int(g) if g else 1 for g in m.groups())
    try:
        dt.date(year, month, day)
    except ValueError:
        return None
    return text.strip()


def decisions_from_records(
    records: object,
    *,
    file: str | None = None,
    lines: Mapping[str, int] | None = None,
    path: str = "decisions",
) -> Decisions:
    """Decisions from plain data (the ``decisions:`` list of a file, as YAML or JSON reads it).

    Each entry is ``{same_as: [ID, ID, ...], by: WHO, why: TEXT, date: DAY}`` or the same
    with ``not_same_as``; only the list is required (see ``docs/many_sources.md``).

    Parameters
    ----------
    records
        The list of entries.
    file, lines
        The file they were read from and the line of each path (``decisions[0].by``), to
        locate problems.
    path
        The path of the list in its document.

    Raises
    ------
    LoadError
        With every problem at once, each located: an entry that is not a mapping or a
        field of the wrong type (``wrong-type``), an unknown key (``unknown-field``), an
        entry with neither list (``missing-field``), an id written twice
        (``duplicate-name``), a date that is not a year, month or day (``bad-time``).

    Examples
    --------
    >>> ds = decisions_from_records([{"same_as": ["Juma", "Djuma"], "by": "jd", "date": 2024}])
    >>> ds.entries[0]
    Decision(nodes=('Juma', 'Djuma'), same=True, by='jd', why='', date='2024')
    >>> decisions_from_records([{"same_as": ["Juma"], "who": "jd"}])
    Traceback (most recent call last):
    ...
    linkchart.errors.LoadError: 2 problems found:
    <records>: decisions[0].who: unknown field 'who' [unknown-field]
        hint: did you mean 'why'?
    <records>: decisions[0].same_as: a decision names at least two nodes, not 1 [wrong-type]
        hint: same_as: [ID, ID, ...]
    """
    problems: list[Problem] = []
    where = lines or {}

    def problem(code: ProblemCode, message: str, at: str, hint: str = "") -> None:
        problems.append(Problem(code, message, at, file, _line(where, at), hint=hint))

    if not isinstance(records, list):
        problem("wrong-type", f"decisions must be a list, not {type(records).__name__}", path)
        raise LoadError(problems)
    entries: list[Decision] = []
    for i, entry in enumerate(records):
        at = f"{path}[{i}]"
        if not isinstance(entry, Mapping):
            problem(
                "wrong-type",
                f"a decision is a mapping, not {type(entry).__name__}",
                at,
                "{same_as: [A, B], by: WHO, why: TEXT}",
            )
            continue
        for key in entry:
            if key not in _DECISION_KEYS:
                problem(
                    "unknown-field",
                    f"unknown field {key!r}",
                    f"{at}.{key}",
                    did_you_mean(str(key), _DECISION_KEYS),
                )
        lists = [k for k in ("same_as", "not_same_as") if entry.get(k) is not None]
        if not lists:
            problem(
                "missing-field",
                "a decision needs same_as or not_same_as",
                at,
                "same_as: [A, B] (one entity) or not_same_as: [A, B]",
            )
            continue
        if len(lists) == 2:
            problem("wrong-type", "a decision is same_as or not_same_as, not both", at, "write two decisions")
            continue
        key = lists[0]
        nodes = entry[key]
        ok = True
        if not isinstance(nodes, list):
            problem(
                "wrong-type",
                f"{key} is a list of node ids, not {type(nodes).__name__}",
                f"{at}.{key}",
                f"{key}: [A, B]",
            )
            continue
        for j, n in enumerate(nodes):
            if not isinstance(n, str) or not n:
                hint = "quote it" if isinstance(n, int | float | bool) else ""
                problem("wrong-type", f"a node id is text, not {n!r}", f"{at}.{key}[{j}]", hint)
                ok = False
            elif n in nodes[:j]:
                problem("duplicate-name", f"{n!r} is named twice", f"{at}.{key}[{j}]")
                ok = False
        if len(nodes) < 2:
            problem(
                "wrong-type",
                f"a decision names at least two nodes, not {len(nodes)}",
                f"{at}.{key}",
                f"{key}: [ID, ID, ...]",
            )
            ok = False
        texts = {}
        for field in ("by", "why"):
            value = entry.get(field)
            if value is not None and not isinstance(value, str):
                problem("wrong-type", f"{field} is text, not {value!r}", f"{at}.{field}", "quote it")
                ok = False
            texts[field] = value or ""
        date = ""
        if entry.get("date") is not None:
            found = _a_date(entry["date"])
            if found is None:
                problem(
                    "bad-time",
                    f"date {entry['date']!r} is not a year, month or day",
                    f"{at}.date",
                    "write 2024, 2024-05 or 2024-05-31",
                )
                ok = False
            date = found or ""
        if ok:
            entries.append(Decision(tuple(nodes), key == "same_as", texts["by"], texts["why"], date))
    if problems:
        raise LoadError(problems)
    return Decisions(entries)


# ---------------------------------------------------------------------------- candidates


@dataclass(frozen=True, slots=True)
class _Node:
    chart: int
    row: int
    id: str
    type: str
    type_class: str | None
    names: tuple[str, ...]
    forms: tuple[tuple[int, _Form], ...]  # (name index, form)


def _chart_names(charts: Sequence[LinkChart]) -> list[str]:
    names = []
    for i, c in enumerate(charts):
        names.append(PurePath(c.path).name if c.path else c.title or f"chart {i + 1}")
    if len(set(names)) < len(names):  # two files of one name: their paths, else numbers
        names = [c.path or f"chart {i + 1}" for i, c in enumerate(charts)]
        if len(set(names)) < len(names):
            names = [f"chart {i + 1}" for i in range(len(charts))]
    return names


def _nodes(charts: Sequence[LinkChart]) -> list[_Node]:
    cache: dict[str, tuple[_Form, ...]] = {}
    out = []
    for ci, chart in enumerate(charts):
        vocab = chart.vocabulary
        declared = {t.name: t.node_class for t in vocab.node_types}
        n = chart.nodes
        for row, (nid, code, label, aliases) in enumerate(
            zip(n.ids, n.type, n.labels, n.aliases, strict=True)
        ):
            type_name = vocab.node_types[int(code)].name
            names = tuple(dict.fromkeys((str(nid), str(label), *aliases)))
            forms: list[tuple[int, _Form]] = []
            for k, name in enumerate(names):
                found = cache.get(name)
                if found is None:
                    found = cache[name] = _forms(name)
                forms.extend((k, f) for f in found)
            klass = declared.get(type_name) or TYPE_CLASSES.get(type_name.casefold())
            out.append(_Node(ci, row, str(nid), type_name, klass, names, tuple(forms)))
    return out


def _type_verdict(a: _Node, b: _Node) -> TypeVerdict:
    if a.type.casefold() == b.type.casefold():
        return "same"
    if a.type_class is None or b.type_class is None:
        return "unknown"
    return "compatible" if a.type_class == b.type_class else "incompatible"


def _blocked_pairs(
    forms: Sequence[_Form], owner: npt.NDArray[np.int64]
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """The pairs of form indices that share a blocking key (a large block read as a sorted
    neighbourhood), each once, owned by different nodes."""
    blocks: dict[str, list[int]] = {}
    for i, f in enumerate(forms):
        for key in f.keys():
            blocks.setdefault(key, []).append(i)
    left: list[npt.NDArray[np.int64]] = []
    right: list[npt.NDArray[np.int64]] = []
    for key, members in blocks.items():
        m = len(members)
        if m < 2:
            continue
        idx = np.asarray(members, dtype=np.int64)
        if m <= MAX_BLOCK:
            upper, lower = np.triu_indices(m, 1)
            left.append(idx[upper])
            right.append(idx[lower])
        else:
            idx = idx[np.argsort([forms[k].rest(key) for k in members], kind="stable")]
            for off in range(1, WINDOW + 1):
                left.append(idx[:-off])
                right.append(idx[off:])
    if not left:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty
    fa, fb = np.concatenate(left), np.concatenate(right)
    lo, hi = np.minimum(fa, fb), np.maximum(fa, fb)
    keep = owner[lo] != owner[hi]
    packed = np.unique(lo[keep] * len(forms) + hi[keep])
    return packed // len(forms), packed % len(forms)


def _quick(
    forms: Sequence[_Form], fa: npt.NDArray[np.int64], fb: npt.NDArray[np.int64], needed: float
) -> npt.NDArray[np.bool_]:
    """Which form pairs may be ``needed`` alike, told in bulk (rapidfuzz's C++ and numpy).

    A pair passes when one of the exact rules could hold (an equal folded form, skeleton,
    set of consonants, set of words or joined letters; an initial on either side), or when
    the ``spelling`` or ``part`` rule could give ``needed``: the same word-by-word ratios
    as :func:`_compare`, computed for all pairs at once. Only the pairs that pass are
    compared one by one, and that comparison decides."""
    from rapidfuzz import fuzz, process

    m = len(fa)
    if not m:
        return np.zeros(0, dtype=bool)
    passed = np.zeros(m, dtype=bool)
    for attr in ("folded", "skeleton", "consonants", "ordered", "joined"):
        codes: dict[object, int] = {}
        code = np.fromiter(
            (codes.setdefault(getattr(f, attr), len(codes)) for f in forms), np.int64, len(forms)
        )
        passed |= code[fa] == code[fb]
    initial = np.fromiter((min(map(len, f.folded)) == 1 for f in forms), bool, len(forms))
    passed |= initial[fa] | initial[fb]
    words = np.fromiter((len(f.skeleton) for f in forms), np.int64, len(forms))
    short = np.minimum(words[fa], words[fb])
    long = np.maximum(words[fa], words[fb])
    spelling = RULE_SCORES["spelling"]
    for cs, cl in sorted(set(zip(short[~passed].tolist(), long[~passed].tolist(), strict=True))):
        rows = np.flatnonzero(~passed & (short == cs) & (long == cl))
        swap = words[fa[rows]] > words[fb[rows]]
        left = np.where(swap, fb[rows], fa[rows]).tolist()  # the shorter name
        right = np.where(swap, fa[rows], fb[rows]).tolist()

        def ratios(
            attr_a: str, attr_b: str, i: int, j: int, left: list[int] = left, right: list[int] = right
        ) -> npt.NDArray[np.float64]:
            a = [getattr(forms[k], attr_a)[i] for k in left]
            b = [getattr(forms[k], attr_b)[j] for k in right]
            first = np.fromiter((x[:1] == y[:1] for x, y in zip(a, b, strict=True)), bool, len(a))
            ratio = np.asarray(process.cpdist(a, b, scorer=fuzz.ratio), dtype=np.float64) / 100
            return np.where(first, ratio, ratio / 2)  # as _word_ratio

        if cs == cl:
            in_order = np.min([ratios("skeleton", "skeleton", k, k) for k in range(cs)], axis=0)
            by_letter = np.min([ratios("ordered", "ordered", k, k) for k in range(cs)], axis=0)
            value = spelling * np.maximum(in_order, by_letter)
        else:
            closest = np.min(
                [
                    np.max([ratios("skeleton", "skeleton", i, j) for j in range(cl)], axis=0)
                    for i in range(cs)
                ],
                axis=0,
            )
            value = np.maximum(
                spelling * closest * cs / cl, np.where(closest >= 1.0, 0.5 + 0.3 * cs / cl, 0.0)
            )
        passed[rows[value >= needed - 1e-9]] = True
    return passed


class _Neighbours:
    """Each node's neighbours (any tie, either direction), degrees and identity keys."""

    def __init__(self, charts: Sequence[LinkChart], nodes: Sequence[_Node], offsets: Sequence[int]) -> None:
        self.nodes = nodes
        self.of: list[frozenset[int]] = []
        for chart, offset in zip(charts, offsets, strict=False):
            e = chart.edges
            src, dst = e.src.astype(np.int64), e.dst.astype(np.int64)
            loop = src != dst
            both = np.concatenate([src[loop], dst[loop]])
            other = np.concatenate([dst[loop], src[loop]])
            order = np.lexsort((other, both))
            both, other = both[order], other[order]
            cuts = np.searchsorted(both, np.arange(chart.number_of_nodes + 1))
            for i in range(chart.number_of_nodes):
                self.of.append(frozenset((other[cuts[i] : cuts[i + 1]] + offset).tolist()))
        self._keys: dict[int, frozenset[str]] = {}

    def keys(self, g: int) -> frozenset[str]:
        """What identifies node ``g`` across charts: its id and the skeleton of each name."""
        found = self._keys.get(g)
        if found is None:
            node = self.nodes[g]
            found = frozenset(
                {"id " + node.id.casefold()}
                | {"name " + f.joined for _, f in node.forms if len(f.joined) >= 3}
            )
            self._keys[g] = found
        return found

    def shared(self, a: int, b: int) -> tuple[tuple[tuple[int, int], ...], float]:
        """The neighbour pairs of ``a`` and ``b`` that are one node (or share a key), and their
        support: ``min`` over the two sides of ``1 - prod(1 - 1 / max(2, degree))``."""
        ka, kb = self.keys(a), self.keys(b)
        na = [x for x in self.of[a] if x != b and not (self.keys(x) & kb)]
        nb = [y for y in self.of[b] if y != a and not (self.keys(y) & ka)]
        if not na or not nb:
            return (), 0.0
        index: dict[str, list[int]] = {}
        for y in nb:
            for k in self.keys(y):
                index.setdefault(k, []).append(y)
        pairs = sorted({(x, y) for x in na for k in self.keys(x) for y in index.get(k, ())})
        if not pairs:
            return (), 0.0

        def support(side: Iterable[int]) -> float:
            return 1.0 - math.prod(1.0 - 1.0 / max(2, len(self.of[x])) for x in set(side))

        return tuple(pairs), min(support(x for x, _ in pairs), support(y for _, y in pairs))


def candidates(
    *charts: LinkChart,
    top: int | None = None,
    min_score: float = MIN_SCORE,
    types: TypeReading = "any",
    decisions: Decisions | Iterable[Decision] | None = None,
) -> Candidates:
    """Pairs of nodes that may be one entity, best first, each with its score and reasons.

    Given one chart, the pairs within it; given two or more, the pairs across them (never
    two nodes of one chart), each node named by its chart's position and id
    (:class:`NodeRef`). The score and its reasons are defined in the module's docstring
    and ``docs/many_sources.md``; a candidate is a question for the analyst, never a merge.

    Parameters
    ----------
    *charts
        One chart, or two or more.
    top
        At most this many pairs (the best), or ``None`` for every pair of at least
        ``min_score``.
    min_score
        The least score listed, in [0, 1] (default :data:`MIN_SCORE`).
    types
        ``"any"`` (default): every pair, incompatible types at half the score;
        ``"compatible"``: no pair of incompatible types; ``"same"``: only pairs of one
        type (:data:`TYPE_FACTORS`).
    decisions
        Recorded decisions (:class:`Decisions`, or :class:`Decision` values): a pair they
        settle, one way or the other, is left out and counted in
        :attr:`Candidates.decided`.

    Returns
    -------
    Candidates
        The pairs, with how many were compared (:attr:`~Candidates.examined`) of how many
        there are (:attr:`~Candidates.possible`).

    Raises
    ------
    LinkchartError
        For no chart, something that is not a chart, ``top`` below 1, ``min_score``
        outside [0, 1], or decisions that contradict each other.
    UnknownNameError
        For a ``types`` that is not one of :data:`TYPE_READINGS`.

    Notes
    -----
    Across charts, two nodes with the same id are not a candidate: a merge joins them by
    id (:attr:`Candidates.same_id` counts them). Within one chart, two nodes already tied
    to each other stay candidates, with a :class:`TieReason`. Neighbours are read over
    every edge, whatever its relation, sign or layer: identity, not channels. Names in
    different scripts (Arabic and Latin letters) are not transliterated into one another.
    The cost is that of the pairs blocking lets through, not of all pairs: 10,000 nodes
    take seconds (``benchmarks/bench_dedupe.py``).

    Examples
    --------
    >>> import linkchart
    >>> a = linkchart.from_records([{"id": "Juma Namangani", "type": "person"},
    ...     {"id": "Tahir Yoldash", "type": "person"}, {"id": "IMU", "type": "organisation"}],
    ...     [{"from": "Juma Namangani", "relation": "leads", "to": "IMU"}])
    >>> b = linkchart.from_records([{"id": "Djuma Namangany", "type": "person"},
    ...     {"id": "Yoldash, T.", "type": "person"}, {"id": "IMU", "type": "organisation"}],
    ...     [{"from": "Djuma Namangany", "relation": "leads", "to": "IMU"}])
    >>> found = candidates(a, b)
    >>> [(c.a.id, c.b.id, round(c.score, 3)) for c in found]
    [('Juma Namangani', 'Djuma Namangany', 0.962), ('Tahir Yoldash', 'Yoldash, T.', 0.85)]
    >>> [r.kind for r in found[0].reasons], found[0].name.rule
    (['name', 'neighbours', 'types'], 'transliteration')
    """
    if not charts:
        raise LinkchartError("candidates needs one chart, or two or more")
    for c in charts:
        if not isinstance(c, LinkChart):
            raise LinkchartError(f"candidates compares charts, not {type(c).__name__}")
    if top is not None:
        top = check_count("top", top, 1)
    if isinstance(min_score, bool) or not isinstance(min_score, int | float) or not 0 <= min_score <= 1:
        raise LinkchartError(f"min_score must be a number from 0 to 1, not {min_score!r}")
    if types not in TYPE_READINGS:
        raise UnknownNameError("type reading", types, TYPE_READINGS)
    settled = decisions if isinstance(decisions, Decisions) else Decisions(decisions or ())
    if settled.contradictions:
        d, (x, y) = settled.contradictions[0]
        raise LinkchartError(
            f"the decisions contradict each other: {x!r} and {y!r} are judged one entity and not "
            f"(not_same_as {list(d.nodes)}); delete one of them"
        )
    nodes = _nodes(charts)
    sizes = [c.number_of_nodes for c in charts]
    if len(charts) > 1:
        possible = sum(sizes[i] * sizes[j] for i in range(len(sizes)) for j in range(i + 1, len(sizes)))
        in_charts: dict[str, set[int]] = {}
        for node in nodes:
            in_charts.setdefault(node.id, set()).add(node.chart)
        same_id = sum(1 for node in nodes if len(in_charts[node.id]) > 1)
    else:
        possible, same_id = sizes[0] * (sizes[0] - 1) // 2, 0
    examined, worth = _compared(nodes, across=len(charts) > 1, needed=max(NAME_FLOOR, 2 * min_score - 1))
    scorer = _Scorer(charts, nodes)
    found: list[Candidate] = []
    decided = 0
    for a, b in worth:
        candidate = scorer.candidate(a, b, min_score=min_score, types=types)
        if candidate is None:
            continue
        if settled.settles(candidate.a.id, candidate.b.id) is not None:
            decided += 1
        else:
            found.append(candidate)
    found.sort(key=lambda c: (-c.score, c.a.chart, c.a.id, c.b.chart, c.b.id))
    return Candidates(
        found[:top] if top is not None else found,
        charts=_chart_names(charts),
        examined=examined,
        possible=possible,
        scored=len(worth),
        decided=decided,
        same_id=same_id,
        parameters={"top": top, "min_score": min_score, "types": types, "decisions": len(settled)},
    )


def _compared(nodes: Sequence[_Node], *, across: bool, needed: float) -> tuple[int, list[tuple[int, int]]]:
    """How many node pairs blocking lets through, and which of them may be ``needed`` alike
    (:func:`_quick`), as ``(a, b)`` with ``a < b``. Across charts, never two nodes of one
    chart, nor two with one id."""
    forms = [f for node in nodes for _, f in node.forms]
    owner = np.fromiter((g for g, node in enumerate(nodes) for _ in node.forms), np.int64, len(forms))
    fa, fb = _blocked_pairs(forms, owner)
    ga, gb = owner[fa], owner[fb]
    if across:
        chart = np.fromiter((node.chart for node in nodes), np.int64, len(nodes))
        ids = np.array([node.id for node in nodes], dtype=object)
        keep = (chart[ga] != chart[gb]) & (ids[ga] != ids[gb])
        fa, fb, ga, gb = fa[keep], fb[keep], ga[keep], gb[keep]
    pairs = ga * len(nodes) + gb
    worth = np.unique(pairs[_quick(forms, fa, fb, needed)])
    return len(np.unique(pairs)), [divmod(int(p), len(nodes)) for p in worth.tolist()]


class _Scorer:
    """Scores node pairs of the charts in full, with their reasons."""

    def __init__(self, charts: Sequence[LinkChart], nodes: Sequence[_Node]) -> None:
        self.charts = charts
        self.nodes = nodes
        offsets = np.concatenate([[0], np.cumsum([c.number_of_nodes for c in charts])]).astype(np.int64)
        self.neighbours = _Neighbours(charts, nodes, offsets.tolist())
        self._ties: dict[tuple[int, int], list[int]] | None = None

    def names(self, na: _Node, nb: _Node) -> tuple[NameMatch, str, str]:
        """The best name match of two nodes and the two names (as written) that gave it."""
        for name in na.names:
            if name in nb.names:
                return NameMatch(1.0, "identical"), name, name
        match, ka, kb = NameMatch(0.0, "spelling"), 0, 0
        for i, x in na.forms:
            for j, y in nb.forms:
                found = _compare(x, y)
                if found.similarity > match.similarity:
                    match, ka, kb = found, i, j
        return match, na.names[ka], nb.names[kb]

    def tie(self, na: _Node, nb: _Node) -> TieReason | None:
        """The edges that already tie two nodes of one chart, or ``None``."""
        if na.chart != nb.chart:
            return None
        chart = self.charts[na.chart]
        if self._ties is None:
            self._ties = {}
            for k, (s, d) in enumerate(zip(chart.edges.src.tolist(), chart.edges.dst.tolist(), strict=True)):
                self._ties.setdefault((min(s, d), max(s, d)), []).append(k)
        rows = self._ties.get((min(na.row, nb.row), max(na.row, nb.row)))
        if not rows:
            return None
        relation = chart.vocabulary.relation_names
        return TieReason(
            tuple(chart.edges.id_of(k) for k in rows),
            tuple(relation[int(chart.edges.relation[k])] for k in rows),
        )

    def candidate(self, a: int, b: int, *, min_score: float, types: TypeReading) -> Candidate | None:
        """The pair ``(a, b)`` as a candidate, or ``None`` if its score stays below ``min_score``
        or ``types`` leaves it out."""
        na, nb = self.nodes[a], self.nodes[b]
        verdict = _type_verdict(na, nb)
        if (types == "same" and verdict != "same") or (types == "compatible" and verdict == "incompatible"):
            return None
        factor = TYPE_FACTORS[verdict]
        match, a_name, b_name = self.names(na, nb)
        alike = match.similarity
        if alike < NAME_FLOOR or factor * (1 + alike) / 2 < min_score - 1e-12:
            return None  # even every neighbour shared could not lift it
        shared, support = self.neighbours.shared(a, b)
        raw = alike + (1 - alike) * NEIGHBOUR_SHARE * support
        if factor * raw < min_score - 1e-12:
            return None
        reasons: list[Reason] = [NameReason(a_name, b_name, alike, match.rule, alike)]
        if shared:
            ids = tuple((self.nodes[x].id, self.nodes[y].id) for x, y in shared)
            reasons.append(NeighbourReason(ids, support, raw - alike))
        reasons.append(TypeReason(na.type, nb.type, verdict, (factor - 1) * raw))
        tie = self.tie(na, nb)
        if tie is not None:
            reasons.append(tie)
        return Candidate(NodeRef(na.chart, na.id), NodeRef(nb.chart, nb.id), factor * raw, tuple(reasons))
