"""linkchart: link analysis of dark networks.

Build a typed multigraph from a declarative edge list (:func:`load`,
:func:`from_records`), analyse it for centrality, bridging and brokerage, and render
it as a self-contained interactive HTML chart.
"""

from .convert import *  # noqa: F403
from .errors import *  # noqa: F403
from .model import *  # noqa: F403
from .vocabulary import *  # noqa: F403

# -- loading (linkchart.load, in linkchart.loading) --
# isort: split
from .loading import *  # noqa: F403

# -- analysis (linkchart.analysis) --
# isort: split
from .analysis import *  # noqa: F403

# -- report (linkchart.report, in linkchart.reporting) --
# isort: split
from .reporting import *  # noqa: F403

# -- rendering (linkchart.render) --
# isort: split
from .render.html import *  # noqa: F403

__version__ = "0.1.0"
