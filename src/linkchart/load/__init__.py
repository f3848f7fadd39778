"""Loading graphs: YAML and CSV files and Python records, validated with located errors."""

from .document import *  # noqa: F403
from .records import *  # noqa: F403
