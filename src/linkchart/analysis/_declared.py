"""What :func:`~linkchart.analysis.diff.diff` says of two charts' declarations: the sources
they cite, their vocabularies and the grades of their ``grades:``, in words."""

from __future__ import annotations

from ..model import LinkChart
from ..vocabulary import CREDIBILITY, RELIABILITY, Grades

__all__ = ["source_diff", "vocabulary_diff"]


def source_diff(a: LinkChart, b: LinkChart) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """Source ids only ``b`` cites, only ``a``, and those whose citation (title, author,
    date, location, reliability grade) differs."""
    sa = {s.id: s for s in a.sources}
    sb = {s.id: s for s in b.sources}
    return (
        tuple(s for s in sb if s not in sa),
        tuple(s for s in sa if s not in sb),
        tuple(s for s in sa if s in sb and sa[s] != sb[s]),
    )


def vocabulary_diff(a: LinkChart, b: LinkChart) -> tuple[str, ...]:
    """The declarations that differ, in words: relations, node types, periods, the
    confidence scale, the default layers, and the grades of the file's ``grades:``."""
    va, vb = a.vocabulary, b.vocabulary
    out = []
    for what, xs, ys in (
        ("relation", {r.name: r for r in va.relations}, {r.name: r for r in vb.relations}),
        ("node type", {t.name: t for t in va.node_types}, {t.name: t for t in vb.node_types}),
        ("period", dict(a.periods), dict(b.periods)),
    ):
        out += [f"{what} {n!r} added" for n in ys if n not in xs]
        out += [f"{what} {n!r} removed" for n in xs if n not in ys]
        out += [f"{what} {n!r} declared otherwise" for n in xs if n in ys and xs[n] != ys[n]]
    if va.confidence != vb.confidence:
        scale = ", ".join(
            f"{k} {p}" for k, p in zip(vb.confidence.levels, vb.confidence.probabilities, strict=True)
        )
        out.append(f"confidence scale now {scale}")
    if va.default_layers != vb.default_layers:
        out.append(f"default layers {va.default_layers} -> {vb.default_layers}")
    return (*out, *_grades_diff(va.grades, vb.grades))


def _grades_diff(ga: Grades, gb: Grades) -> list[str]:
    """The grades (``grades:``) and rule of corroboration that differ, in words."""
    out = []
    for what, grades, xs, ys in (
        ("reliability", RELIABILITY, ga.reliability, gb.reliability),
        ("credibility", CREDIBILITY, ga.credibility, gb.credibility),
    ):
        out += [
            f"{what} grade {g} {_grade(x)} -> {_grade(y)}"
            for g, x, y in zip(grades, xs, ys, strict=True)
            if x != y
        ]
    if ga.corroboration != gb.corroboration:
        out.append(f"corroboration {ga.corroboration} -> {gb.corroboration}")
    return out


def _grade(p: float | None) -> str:
    return "default" if p is None else f"{p:g}"
