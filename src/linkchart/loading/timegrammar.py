from ..timegrammar import *  # noqa: F403  # shim: WP2 (the time grammar is a utility: linkchart.timegrammar)
from ..timegrammar import __all__  # noqa: F401
