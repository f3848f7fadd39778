"""Shared test set-up: the folder of this file on ``sys.path`` (for ``strategies``), and the
hypothesis profile of CI."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from hypothesis import settings

sys.path.insert(0, str(Path(__file__).resolve().parent))

# CI (.ci/run sets CI=true) draws the same hypothesis examples on every run, with no example
# database, so that a red CI always means a defect that the same commit reproduces; a
# developer's `make test` draws new examples each run and so keeps exploring.
settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")
