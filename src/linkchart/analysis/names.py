"""Names for one entity: the fold and skeleton that read transliterations as one, and how
alike two names are (used by :func:`~linkchart.analysis.duplicates.candidates`).

Every id, label and alias of a node is compared with every one of the other's,
after a normalisation written for the transliterations of Arabic, Persian and Central
Asian names (:func:`name_key` shows it; the rules are in ``docs/many_sources.md``):

0. *look-alikes*: Unicode NFKC; invisible format characters (category Cf: a zero-width
   space, joiner, soft hyphen, a direction mark) deleted; in a word that mixes Latin
   letters with Cyrillic or Greek ones, or whose every letter has a Latin look-alike, each
   Cyrillic or Greek letter written as the Latin letter it looks like (:data:`LOOK_ALIKES`,
   the Latin/Cyrillic/Greek rows of Unicode's ``confusables.txt``): ``\u0410lice`` with a
   Cyrillic A and ``Al\u200bice`` are read as ``Alice``, while a Cyrillic name
   (*Юлдашев*) is left in its script.
1. *fold*: Unicode NFKD without the combining marks (diacritics), case-folded; apostrophes
   and the marks of ʿayn and hamza deleted; ``"Yoldash, Tahir"`` read as ``"Tahir
   Yoldash"``; hyphens, dots and other punctuation read as spaces; the article ``al`` /
   ``el`` / ``ul`` and its assimilated forms written with a hyphen (``ash-``, ``ad-``,
   ``ar-`` ...) dropped; ``Abdul Aziz``, ``Abd al-Aziz`` and ``Abdulaziz`` read as one
   word ``abdaziz`` (*servant of*: one name); ``ibn`` and ``ben`` read as ``bin``. A
   word that begins with a glued article (``Alhazmi``) is also read without it, and a
   given name that ends in a Central Asian name suffix (``Jumaboi``: :data:`NAME_SUFFIXES`)
   is also read without it.
2. *skeleton*, per word: a Russian surname ending (``-ev``, ``-ov``, ``-eva``, ``-ova``)
   dropped; ``dzh``, ``dj``, ``zh`` → ``j``; ``kh`` and ``x`` → ``h``; ``gh`` → ``g``;
   ``dh`` → ``d``; ``th`` → ``t``; ``ph`` → ``f``; ``q`` and ``ck`` → ``k``; ``ou`` and
   ``oo`` → ``u``; ``ee`` → ``i``; ``ei`` and ``ey`` → ``ai``; then ``e``, ``y`` → ``i``
   and ``o``, ``w`` → ``u`` (three vowels, as Arabic writes them); a final ``h`` after a
   vowel dropped; doubled letters written once.

Two names are then as alike as the first rule that holds says (:data:`RULE_SCORES`):
identical (1), the same letters once look-alikes and invisible characters are folded (1),
equal once folded (1), equal skeletons — a transliteration (0.95), the
same consonants word by word — vowels written otherwise (0.9), the same words in another
order (0.9), the same letters with words joined or split, articles kept (0.9), the same
skeletons once one name's suffix is set aside (0.85); else the best of initials
(``T. Yoldash``, at most 0.85), an acronym of the other's words (``IMU``, 0.75), one name
a part of the other (0.5 to 0.8) and their
spelling: 0.9 times the Indel ratio (rapidfuzz) of their least alike pair of words, a pair
that begins with different letters counting half — a name is only as alike as its least
alike word, so brothers (*Nawaf* and *Salem al-Hazmi*) are far apart.
"""

from __future__ import annotations

import dataclasses
import functools
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Final, Literal, NamedTuple

__all__ = [
    "CONNECTORS",
    "LOOK_ALIKES",
    "NAME_SUFFIXES",
    "RULE_SCORES",
    "NameMatch",
    "NameRule",
    "name_key",
    "name_similarity",
    "visible",
]

NameRule = Literal[
    "identical",
    "look-alikes",
    "folded",
    "transliteration",
    "vowels",
    "word order",
    "joined words",
    "suffix",
    "initials",
    "acronym",
    "part",
    "spelling",
]
"""How two names matched (see :data:`RULE_SCORES`)."""

RULE_SCORES: Mapping[str, float] = MappingProxyType(
    {
        "identical": 1.0,
        "look-alikes": 1.0,
        "folded": 1.0,
        "transliteration": 0.95,
        "vowels": 0.9,
        "word order": 0.9,
        "joined words": 0.9,
        "suffix": 0.85,
        "initials": 0.85,
        "acronym": 0.75,
        "part": 0.8,
        "spelling": 0.9,
    }
)
"""The similarity each rule gives (for ``part`` and ``spelling``, the most it gives):

``identical`` the same text; ``look-alikes`` the same letters once look-alike letters of
another script and invisible characters are folded (``\u0410lice`` with a Cyrillic A,
``Al\u200bice`` with a zero-width space); ``folded`` the same once case, diacritics, punctuation,
articles and a comma's word order are set aside; ``transliteration`` the same skeleton;
``vowels`` the same consonants word by word, at least three in all (*Mohamed* /
*Muhammad*); ``word order`` the same words in another order; ``joined words`` the same
letters with words joined or split, an article kept (*Binalshibh* / *Bin al-Shibh*,
*Hizbut Tahrir* / *Hizb ut-Tahrir*); ``suffix`` the same skeletons once one name's
Central Asian name suffix is set aside (:data:`NAME_SUFFIXES`: *Jumaboi Namangany* /
*Juma Namangani*); ``initials`` a word
written as its initial (*T. Yoldash*; 0.85 times the least ratio of the other words);
``acronym`` one name an acronym (*IMU*, *I.M.U.*, *HuT*: two or more capitals, no more
small letters than capitals) of the initials of the other's words, its connecting words
(:data:`CONNECTORS`: *of*, *the*, *and*, *al*, *ut*, *e* ...) counted or not (*Islamic
Movement of Uzbekistan*; less than a transliteration: *IMU* is also the acronym of
other names, so the pair's neighbours and types decide);
``part`` the words of one name are words of the other, in order (``0.5 + 0.3 * share``,
*Atta* / *Mohamed Atta* 0.65, *Uzbekistan* / *Islamic Movement of Uzbekistan* 0.575);
``spelling`` 0.9 times the least Indel ratio of two words (halved for words that begin
differently), in order or in alphabetical order."""


LOOK_ALIKES: Mapping[str, str] = MappingProxyType(
    dict(
        zip(
            "АВЕЅІЈКМНОРСТХУҮҺԀԌавеѕіјорсхуһԁӏԛԝΑΒΕΖΗΙΚΜΝΟΡΤΥΧοικνρυχα",
            "ABESIJKMHOPCTXYYHDGabesijopcxyhdlqwABEZHIKMNOPTYXoikvpuxa",
            strict=True,
        )
    )
)
"""Cyrillic and Greek letters and the Latin letter each looks like (the Latin/Cyrillic/Greek
rows of Unicode's ``confusables.txt`` that are one letter for one letter; rule 0 of the
module's docstring)."""

NAME_SUFFIXES: tuple[str, ...] = (
    "boy", "boi", "bay", "bai", "bek", "beg", "dzhon", "djon", "jon", "jan", "xon", "khon", "khan",
)  # fmt: skip
"""The Uzbek, Tajik and Kazakh name suffixes that one source writes and another leaves out
(rule ``suffix``): *-boy* / *-bay* (*rich*, a respectful suffix: *Jumaboi* for *Juma*),
*-bek* / *-beg* (*lord*), *-jon* / *-jan* (*dear*: *Ahmadjon*) and *-xon* / *-khon* /
*-khan* (*khan*): they end given names. Set aside only from a word that keeps three
letters or more without it and is not the last of a name of two or more words (a family
name: *Kolabai* is not *Kola*), and only on one side: *Jumabek* and *Jumaboy* are not one
name by this rule. Russian patronymics (*-ovich*, *-evna*) are whole words, not suffixes;
*-ali* (*Emomali*) is a name, not a suffix."""

CONNECTORS: frozenset[str] = frozenset(
    "of the and for in on at to de du la le et al el ul ut us ur ud un uz ush wa fi li e i".split()
)
"""The words an acronym may leave out or keep (rule ``acronym``): *of*, *the*, *and* ...,
the Arabic article and its forms (*AQAP*: **a**l-**Q**aeda in the **A**rabian
**P**eninsula), *wa*, *fi*, and the Persian and Urdu izafe *e* / *i* (*LeT*:
**L**ashkar-**e**-**T**aiba, *TTP*: **T**ehrik-i-**T**aliban **P**akistan)."""

_WORD: Final = re.compile(r"[^\W\d_]+")
_ALIKE: Final = str.maketrans(dict(LOOK_ALIKES))


def _fold_word(m: re.Match[str]) -> str:
    word = m.group(0)
    alike = [ch in LOOK_ALIKES for ch in word]
    if not any(alike):
        return word
    latin = any(not a and "LATIN" in unicodedata.name(ch, "") for ch, a in zip(word, alike, strict=True))
    return word.translate(_ALIKE) if latin or all(alike) else word


@functools.lru_cache(maxsize=65_536)
def visible(name: str) -> str:
    """``name`` as it looks: NFKC, without invisible format characters, its look-alike
    letters of another script written in Latin (rule 0 of the module's docstring).

    Examples
    --------
    >>> visible("\u0410lice"), visible("Al\u200bice"), visible("\u042e\u043b\u0434\u0430\u0448\u0435\u0432")
    ('Alice', 'Alice', 'Юлдашев')
    """
    text = unicodedata.normalize("NFKC", name)
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Cf")
    return _WORD.sub(_fold_word, text)


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
_SUFFIX: Final = re.compile(r"^([^\W\d_]{3,})(?:" + "|".join(NAME_SUFFIXES) + r")$")
_DOTTED: Final = re.compile(r"^(?:[^\W\d_]\.\s?){2,}$|^(?:[^\W\d_]\.){1,}[^\W\d_]$")
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


def _fold(name: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The words of ``name`` after the look-alikes and the fold (rules 0 and 1 of the module's
    docstring), and its words before articles, *abd* and *bin* are read (for the letters of
    the ``joined words`` rule and the initials of the ``acronym`` rule)."""
    text = unicodedata.normalize("NFKD", visible(name))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold().translate(_DELETE)
    if text.count(",") == 1:
        head, tail = text.split(",")
        if head.strip() and tail.strip():
            text = f"{tail} {head}"
    raw = tuple(w for w in _SPLIT.split(text) if w)
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
    return tuple(words), raw


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
class Form:
    """One way of reading a name: its folded words and what is compared of them."""

    folded: tuple[str, ...]
    skeleton: tuple[str, ...]
    consonants: tuple[str, ...]
    spaced: str  # the skeleton's words, spaced
    joined: str  # the skeleton's words, joined
    ordered: tuple[str, ...]  # the skeleton's words, sorted
    looks: str = ""  # the name as it looks (:func:`visible`) where that differs from it as written
    letters: str = ""  # the skeleton of every word, articles kept, joined
    acronym: str = ""  # the letters of a name written as an acronym (IMU), else ""
    initials: frozenset[str] = frozenset()  # the acronyms the name's words make
    suffixed: bool = False  # read with a name suffix set aside (rule ``suffix``)

    @classmethod
    def of(cls, folded: tuple[str, ...], letters: str = "", initials: frozenset[str] = frozenset()) -> Form:
        skeleton = tuple(_skeleton(w) for w in folded)
        return cls(
            folded,
            skeleton,
            tuple(w.translate(_CONSONANTS) for w in skeleton),
            " ".join(skeleton),
            "".join(skeleton),
            tuple(sorted(skeleton)),
            letters=letters,
            initials=initials,
        )

    def keys(self) -> set[str]:
        """The blocking keys: the consonants of each word of two or more, and of the whole name."""
        found = {"w" + c for c in self.consonants if len(c) >= 2}
        whole = [c for c in self.consonants if c]
        if len(whole) > 1 or (whole and len(whole[0]) < 2):
            found.add("s" + " ".join(sorted(whole)))
            found.add("j" + "".join(whole))
        if self.acronym:
            found.add("a" + self.acronym)
        if len(self.folded) > 1:  # initials: "T. Yoldash" and "Tahir Yoldash" share "ity ldsh"
            letters = "i" + "".join(w[0] for w in self.folded) + " "
            found.update(letters + c for w, c in zip(self.folded, self.consonants, strict=True) if len(w) > 1)
        return found

    def rest(self, key: str) -> str:
        """The name without the word of ``key`` (the order of a sorted neighbourhood)."""
        word = key[1:]
        return " ".join(c for c in self.consonants if c != word) + "\0" + self.spaced


def _initials_of(raw: Sequence[str]) -> frozenset[str]:
    """The acronyms the words ``raw`` make: the initial of each word, each of its
    :data:`CONNECTORS` counted or not (at most 6 connectors are read both ways; the rest are
    left out); none for fewer than two other words."""
    significant = [w for w in raw if w not in CONNECTORS]
    if len(significant) < 2 or len(raw) > 12:
        return frozenset()
    optional = [k for k, w in enumerate(raw) if w in CONNECTORS][:6]
    found = set()
    for mask in range(1 << len(optional)):
        kept = {k for b, k in enumerate(optional) if mask >> b & 1}
        found.add("".join(w[0] for k, w in enumerate(raw) if w not in CONNECTORS or k in kept))
    return frozenset(found)


def _acronym(looks: str) -> str:
    """The letters of ``looks`` if it is written as an acronym (*IMU*, *I.M.U.*, *HuT*: one
    word of 2 to 8 letters, beginning with a capital, two or more capitals and no more small
    letters than capitals; or letters each followed by a dot), else ``""``."""
    text = looks.strip()
    if _DOTTED.match(text):
        letters = [ch for ch in text if ch.isalpha()]
    elif text.isalpha() and 2 <= len(text) <= 8 and text[0].isupper():
        upper = sum(ch.isupper() for ch in text)
        if upper < 2 or upper < len(text) - upper:
            return ""
        letters = list(text)
    else:
        return ""
    return _fold("".join(letters))[1][0] if letters else ""


def forms_of(name: str) -> tuple[Form, ...]:
    """The readings of ``name``: as folded, without glued articles when it has one, and with
    a name suffix set aside (:data:`NAME_SUFFIXES`) when it has one."""
    folded, raw = _fold(name)
    if not folded:
        return ()
    looks = visible(name)
    letters = _DOUBLE.sub(r"\1", "".join(map(_skeleton, raw))) if len(raw) > 1 else ""
    initials = _initials_of(raw)
    forms = [Form.of(folded, letters, initials)]
    unglued = tuple(m.group(1) if (m := _GLUED_ARTICLE.match(w)) else w for w in folded)
    if unglued != folded:
        forms.append(Form.of(unglued, letters, initials))
    for form in list(forms):
        last = len(form.folded) - 1 if len(form.folded) > 1 else 1  # a family name keeps its end
        bare = tuple(
            m.group(1) if k < last and (m := _SUFFIX.match(w)) else w for k, w in enumerate(form.folded)
        )
        if bare != form.folded:
            forms.append(dataclasses.replace(Form.of(bare), suffixed=True))
    if acronym := _acronym(looks):
        forms = [dataclasses.replace(f, acronym=acronym, initials=frozenset()) for f in forms]
    if looks != name:  # look-alikes or invisible characters folded: said in the match's rule
        forms = [dataclasses.replace(f, looks=looks) for f in forms]
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
    found = forms_of(name)
    return found[0].spaced if found else ""


class NameMatch(NamedTuple):
    """How alike two names are: ``similarity`` in [0, 1] and the ``rule`` that gave it."""

    similarity: float
    rule: NameRule


def _initials(x: Form, y: Form) -> float:
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


def _part(x: Form, y: Form) -> float:
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


def _spelling(x: Form, y: Form) -> float:
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


def _suffix(x: Form, y: Form) -> NameMatch:
    """The ``suffix`` rule: one of the two read with a name suffix set aside, and the same
    skeletons then, in any order; never both (*Jumabek* / *Jumaboy*)."""
    if x.suffixed and y.suffixed:
        return NameMatch(0.0, "spelling")
    if x.ordered == y.ordered:  # the same skeletons, in this order or another
        return NameMatch(RULE_SCORES["suffix"], "suffix")
    return NameMatch(0.0, "spelling")


def is_acronym(x: Form, y: Form) -> bool:
    """Whether one of the two is written as an acronym of the other's words."""
    return bool((x.acronym and x.acronym in y.initials) or (y.acronym and y.acronym in x.initials))


def compare(x: Form, y: Form) -> NameMatch:
    if x.suffixed or y.suffixed:
        return _suffix(x, y)
    if x.folded == y.folded:
        if x.looks or y.looks:  # equal only once look-alikes or invisible characters are folded
            return NameMatch(RULE_SCORES["look-alikes"], "look-alikes")
        return NameMatch(1.0, "folded")
    if x.skeleton == y.skeleton:
        return NameMatch(RULE_SCORES["transliteration"], "transliteration")
    if x.consonants == y.consonants and sum(map(len, x.consonants)) >= 3:
        return NameMatch(RULE_SCORES["vowels"], "vowels")
    if x.ordered == y.ordered:
        return NameMatch(RULE_SCORES["word order"], "word order")
    if x.joined == y.joined or (x.letters and x.letters == y.letters):
        return NameMatch(RULE_SCORES["joined words"], "joined words")
    best = NameMatch(round(RULE_SCORES["spelling"] * _spelling(x, y), 6), "spelling")
    if is_acronym(x, y) and RULE_SCORES["acronym"] > best.similarity:
        best = NameMatch(RULE_SCORES["acronym"], "acronym")
    for rule, value in (("initials", _initials(x, y)), ("part", _part(x, y))):
        if value > best.similarity:
            best = NameMatch(round(value, 6), rule)  # type: ignore[arg-type]
    return best


def _best(xs: Sequence[Form], ys: Sequence[Form]) -> NameMatch:
    best = NameMatch(0.0, "spelling")
    for x in xs:
        for y in ys:
            found = compare(x, y)
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
    >>> name_similarity("Jumaboi Namangany", "Dzhuma Namangani")
    NameMatch(similarity=0.85, rule='suffix')
    >>> name_similarity("Hizbut Tahrir", "Hizb ut-Tahrir")
    NameMatch(similarity=0.9, rule='joined words')
    >>> name_similarity("IMU", "Islamic Movement of Uzbekistan")
    NameMatch(similarity=0.75, rule='acronym')
    """
    if a == b:
        return NameMatch(1.0, "identical")
    return _best(forms_of(a), forms_of(b))
