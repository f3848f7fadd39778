from ..errors.problems import *  # noqa: F403  # shim: WP2 (Problems moved to linkchart.errors)
from ..errors.problems import __all__  # noqa: F401
