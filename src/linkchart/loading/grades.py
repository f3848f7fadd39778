"""The grades of a document: the file's ``grades:`` (the Admiralty tables and the rule of
corroboration, :class:`~linkchart.vocabulary.Grades`), over the default tables."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final, get_args

from ..errors import Problems
from ..vocabulary import CREDIBILITY, RELIABILITY, Corroboration, Grades
from .columns import ABSENT, absent, check_keys, type_name
from .header import number
from .items import credibility_grade

__all__ = ["parse_grades"]

_GRADES_KEYS: Final = ("reliability", "credibility", "corroboration")
_GRADES_HINT: Final = (
    "write e.g. 'grades: {reliability: {A: 1, B: 0.9}, credibility: {1: 0.95}, corroboration: noisy-or}'"
)


def _grade_table(
    raw: Any, name: str, grades: tuple[Any, ...], default: tuple[float | None, ...], problems: Problems
) -> tuple[float | None, ...]:
    """One table of ``grades:`` (``grade: probability`` or ``null``), over ``default``."""
    if absent(raw):
        return default
    if not isinstance(raw, Mapping):
        problems.add(
            "wrong-type",
            f"'grades.{name}' must be a mapping, not {type_name(raw)}",
            f"grades.{name}",
            _GRADES_HINT,
        )
        return default
    out = list(default)
    for key, value in raw.items():
        here = f"grades.{name}.{key}"
        grade = credibility_grade(key) if name == "credibility" else key
        if isinstance(grade, bool) or grade not in grades:
            problems.add(
                "bad-grade",
                f"{key!r} is not a {name} grade",
                here,
                f"the grades are {', '.join(map(str, grades))}",
            )
            continue
        if value is None:
            out[grades.index(grade)] = None
            continue
        p = number(value)
        if p is None or not 0.0 < p <= 1.0:
            problems.add(
                "bad-grade",
                f"{name} {key!r} maps to {value!r}; it must be a number in (0, 1] "
                "or null (the scale's default)",
                here,
                "write e.g. 0.8",
            )
            continue
        out[grades.index(grade)] = p
    return tuple(out)


def parse_grades(raw: Any, problems: Problems) -> Grades:
    """The file's ``grades:`` over the default tables (:class:`~linkchart.vocabulary.Grades`)."""
    default = Grades.default()
    if absent(raw):
        return default
    if not isinstance(raw, Mapping):
        problems.add(
            "wrong-type", f"'grades' must be a mapping, not {type_name(raw)}", "grades", _GRADES_HINT
        )
        return default
    check_keys(raw, _GRADES_KEYS, "grades", problems)
    rule = raw.get("corroboration", ABSENT)
    if absent(rule):
        rule = default.corroboration
    elif rule not in get_args(Corroboration):
        problems.add(
            "bad-grade",
            f"corroboration {rule!r} is not a rule",
            "grades.corroboration",
            "write 'noisy-or' (independent sources corroborate) or 'max' (they do not)",
        )
        rule = default.corroboration
    return Grades(
        _grade_table(raw.get("reliability"), "reliability", RELIABILITY, default.reliability, problems),
        _grade_table(raw.get("credibility"), "credibility", CREDIBILITY, default.credibility, problems),
        rule,
    )
