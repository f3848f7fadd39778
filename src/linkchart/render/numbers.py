"""Numbers as a page holds them: six significant digits, ``None`` where not finite."""

from __future__ import annotations

import math
from typing import Any

__all__ = ["finite", "rounded"]


def finite(value: Any) -> float | None:
    """A number as the page holds it: rounded, ``None`` where it is not finite (a NaN z-score)."""
    x = float(value)
    return rounded(x) if math.isfinite(x) else None


def rounded(value: float | None) -> float | None:
    """``value`` to six significant digits (``-0.0`` as ``0.0``), ``None`` kept."""
    if value is None:
        return None
    out = float(f"{value:.6g}")
    return 0.0 if out == 0 else out
