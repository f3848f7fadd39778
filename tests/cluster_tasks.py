"""A Dask worker plugin for the cluster tests of linkchart.executor: module-level, so that
the workers find it by name."""

from __future__ import annotations

import os
from typing import Any

from distributed import WorkerPlugin


class KillOnce(WorkerPlugin):  # type: ignore[misc]
    """The first worker to start a linkchart task dies there (``os._exit``: no goodbye to
    the scheduler), once; ``marker``, created exclusively, says it happened, so that the
    worker started in its place, which receives the plugin again, lives."""

    def __init__(self, marker: str) -> None:
        self.marker = marker

    def transition(self, key: Any, start: str, finish: str, **kwargs: Any) -> None:
        if finish != "executing" or not str(key).startswith("linkchart-"):
            return
        try:
            with open(self.marker, "x"):
                pass
        except FileExistsError:
            return
        os._exit(1)
