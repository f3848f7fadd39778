"""Static figures (SVG, PDF, PNG) of a chart's findings: the chart itself, a measure over
time, a disruption curve. Each is drawn to bytes of one format, with one write step."""

from .spec import *  # noqa: F403
from .spec import __all__ as _spec

__all__ = [*_spec]
