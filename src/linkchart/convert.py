from .model.convert import *  # noqa: F403  # shim: WP4 (the conversions are linkchart.model.convert)
from .model.convert import __all__  # noqa: F401
