from ..cells import *  # noqa: F403  # shim: WP4 (spreadsheet-safe cells are a utility: linkchart.cells)
from ..cells import __all__  # noqa: F401
