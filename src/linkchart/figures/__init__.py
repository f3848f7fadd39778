"""Static figures (SVG, PDF, PNG) of a chart's findings: the chart itself, a measure over
time, a disruption curve. One convention: each is drawn to the bytes of one format
(:func:`draw_chart`, :func:`plot_over_time`, :func:`plot_disruption`), and one write step
writes them (:func:`write_figure`; :func:`render_image` draws and writes the chart). No
figure switches matplotlib's backend."""

from ._mpl import *  # noqa: F403
from ._mpl import __all__ as _mpl
from .briefing import *  # noqa: F403
from .briefing import __all__ as _briefing
from .chart import *  # noqa: F403
from .chart import __all__ as _chart
from .disruption import *  # noqa: F403
from .disruption import __all__ as _disruption
from .marks import *  # noqa: F403
from .marks import __all__ as _marks
from .over_time import *  # noqa: F403
from .over_time import __all__ as _over_time
from .spec import *  # noqa: F403
from .spec import __all__ as _spec

__all__ = [*_chart, *_marks, *_briefing, *_over_time, *_disruption, *_mpl, *_spec]
