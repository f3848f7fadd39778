"""The choices of one report (:class:`ReportSpec`), declared once.

What the report *computes* (the measures and sections, the reading, the firm level,
the draws of "How sure", over time) is an :class:`~linkchart.analysis.spec.AnalysisSpec`;
a ``ReportSpec`` holds what only the report's presentation chooses. Each field is
declared with :func:`~linkchart.options.option`, so :func:`linkchart.report`'s keywords
and the ``analyze`` command's arguments are read from the same declaration.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any

from ..options import Min, option, replace

__all__ = ["ReportSpec"]


@dataclass(frozen=True, slots=True)
class ReportSpec:
    """The report's own choices (see :func:`linkchart.report`)."""

    top: Annotated[int, Min(1)] = option(
        10, help="nodes per ranking and per role, overall and per node type (default 10)", metavar="N"
    )

    def replace(self, **options: Any) -> ReportSpec:
        """This spec with some options changed, converted and checked (:func:`linkchart.options.replace`)."""
        changed: ReportSpec = replace(self, **options)
        return changed
