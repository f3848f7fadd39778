"""The types of the analysis vocabulary that specs, measures and presenters share.

One definition per choice, so that a spec field, a measure's signature and the command
line's choices cannot drift apart (PLAN §6). Every measure speaks the same keywords with
the same types and defaults: ``relations: Relations = None``, ``layers: Layers = None``,
``signs: SignReading | None = None``, ``directed: bool | None = None``, ``weight``
(``Weighting | None``, or ``None`` alone for a topological measure), ``engine: Engine =
"igraph"``, ``normalized: bool = False``, ``seed: Seed = 0``, and for work that splits
``workers: int | None = None`` and ``executor: Runner = None``
(:mod:`linkchart.analysis._measure` checks them all, once).

This module imports no measure, so every measure module may import it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Annotated, Literal, get_args

from ..arguments import MAX_SEED
from ..options import Max, Min

__all__ = [
    "CONTEXT",
    "DIRECTIONS",
    "ENGINES",
    "LAYOUTS",
    "MODES",
    "SIGN_READINGS",
    "WEIGHTINGS",
    "Context",
    "Direction",
    "Engine",
    "Layers",
    "LayoutMethod",
    "Mode",
    "Relations",
    "Seed",
    "SignReading",
    "Weighting",
]

Relations = Iterable[str] | str | None
"""The ``relations`` argument of every measure: names, one name, or ``None`` for all."""

Layers = Iterable[str] | str | None
"""The ``layers`` argument: layer names, one name, ``"all"``, or ``None`` for the chart's
default layers."""

SignReading = Literal["positive", "negative", "neutral", "all"]
"""The ``signs`` argument: which signs of tie a measure reads."""

SIGN_READINGS: tuple[str, ...] = get_args(SignReading)
"""Every :data:`SignReading`."""

Engine = Literal["igraph", "networkx"]
"""The ``engine`` argument: ``"igraph"`` (fast) or ``"networkx"`` (the reference)."""

ENGINES: tuple[str, ...] = get_args(Engine)
"""Every :data:`Engine`."""

Weighting = Literal["count", "weight", "confidence_sum", "confidence_max"]
"""How parallel edges combine into one tie's strength (see :mod:`~linkchart.analysis.projection`)."""

WEIGHTINGS: tuple[str, ...] = get_args(Weighting)
"""Every :data:`Weighting`."""

Mode = Literal["all", "in", "out"]
"""Which ties of a node count on a directed reading: all, incoming, outgoing (degree,
strength, PN centrality)."""

MODES: tuple[str, ...] = get_args(Mode)
"""Every :data:`Mode`."""

Direction = Literal["out", "in"]
"""Which way distances run on a directed reading (closeness, harmonic closeness)."""

DIRECTIONS: tuple[str, ...] = get_args(Direction)
"""Every :data:`Direction`."""

Seed = Annotated[int, Min(0), Max(MAX_SEED)]
"""A seed: a whole number from 0 to 2**32 - 1 (the same seed gives the same numbers and
positions); 0 by default everywhere."""

LayoutMethod = Literal["auto", "community", "fr", "kk", "drl", "circle"]
"""How node positions are computed: ``community`` (the communities of the reading in areas
of their own, context around them, no two nodes overlapping), ``fr`` (Fruchterman-Reingold),
``kk`` (Kamada-Kawai), ``drl`` (DrL), ``circle``; ``auto`` is ``community`` (see
:func:`linkchart.analysis.layout.node_positions`)."""

LAYOUTS: tuple[str, ...] = get_args(LayoutMethod)
"""Every :data:`LayoutMethod`."""

Context = Literal["recessive", "equal", "hidden"]
"""How a page or a figure draws the context, every tie its reading leaves out and the actors
with no tie read: light, small and unlabelled (on a page until zoomed or hovered;
``"recessive"``, default), like the rest (``"equal"``), or not at all (``"hidden"``)."""

CONTEXT: tuple[str, ...] = get_args(Context)
"""Every :data:`Context`."""
