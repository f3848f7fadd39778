"""Interactive HTML link charts: self-contained, offline, safe with any text in the data.

:func:`render_html` turns a chart into one HTML page (vis-network, inlined, with
positions computed in Python); :func:`write_html` writes it; :func:`show` wraps it for
Jupyter. The page presents the findings of one analysis (:func:`linkchart.analyze`: the
measures and the positions, :mod:`linkchart.analysis.layout`); :mod:`.style` gives the
colours and strokes, :mod:`.payload` builds the page's data
(:func:`linkchart.render_image`, in :mod:`linkchart.figures`, draws the same chart as a
static SVG, PDF or PNG figure).
"""

from ..analysis.layout import *  # noqa: F403
from ..analysis.layout import __all__ as _layout
from ..style import *  # noqa: F403
from ..style import __all__ as _style
from .html import *  # noqa: F403
from .html import __all__ as _html

__all__ = [*_html, *_layout, *_style]
