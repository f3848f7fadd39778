"""The analyst's report: every measure's top nodes, the single points of failure, the brokers.

:func:`report` runs the measures of :data:`linkchart.MEASURES` that the report shows and
keeps what an analyst reads first: for each centrality measure the top nodes overall and
within each node type; the bridges and articulation points with what their removal
separates and the evidence of each bridging tie; the Gould-Fernandez brokers of each role
with their z-scores; Borgatti's key players. A :class:`Report` is a frozen value; it prints
as aligned text tables (:meth:`Report.to_text`) and exports to JSON, Markdown and CSV.
"""

from .compute import *  # noqa: F403
from .compute import __all__ as _compute
from .entries import *  # noqa: F403
from .entries import __all__ as _entries
from .report import *  # noqa: F403
from .report import __all__ as _report

__all__ = [*_compute, *_entries, *_report]
