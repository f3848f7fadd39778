"""Measures of centrality, bridging and brokerage: pure functions of a LinkChart.

Each measure projects the chart (:mod:`linkchart.analysis.projection`) and returns its
results keyed by node id.
"""

from .projection import *  # noqa: F403
