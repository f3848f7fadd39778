from ..style import *  # noqa: F403  # shim: WP4 (the visual encoding is linkchart.style, under every presenter)
from ..style import __all__  # noqa: F401
