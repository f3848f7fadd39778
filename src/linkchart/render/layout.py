from ..analysis.layout import *  # noqa: F403  # shim: WP4 (the layout is linkchart.analysis.layout)
from ..analysis.layout import __all__  # noqa: F401
