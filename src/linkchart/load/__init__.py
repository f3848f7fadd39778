"""Loading graphs: YAML and CSV files and Python records, validated with located errors."""

from .records import *  # noqa: F403
