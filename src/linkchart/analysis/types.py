"""The types of the analysis vocabulary that specs, measures and presenters share.

One definition per choice, so that a spec field, a measure's signature and the command
line's choices cannot drift apart (PLAN §6: the other shared types — ``Engine``,
``Weighting``, ``SignReading``, ``Layers``, ``Mode`` — move here when the measures are
rewritten; until then they live where they are defined today and are imported from
there).

This module imports no measure, so every measure module may import it.
"""

from __future__ import annotations

from typing import Annotated, Literal, get_args

from ..arguments import MAX_SEED
from ..options import Max, Min

__all__ = ["LAYOUTS", "LayoutMethod", "Seed"]

Seed = Annotated[int, Min(0), Max(MAX_SEED)]
"""A seed: a whole number from 0 to 2**32 - 1 (the same seed gives the same numbers and positions)."""

LayoutMethod = Literal["auto", "fr", "kk", "drl", "circle"]
"""How node positions are computed: ``fr`` (Fruchterman-Reingold), ``kk`` (Kamada-Kawai),
``drl`` (DrL), ``circle``; ``auto`` is ``fr`` (see :func:`linkchart.render.layout.node_positions`)."""

LAYOUTS: tuple[str, ...] = get_args(LayoutMethod)
"""Every :data:`LayoutMethod`."""
