"""Tasks for the tests of linkchart.executor: module-level, so worker processes find them by name."""

from __future__ import annotations

import os
from typing import Any

import numpy as np
import numpy.typing as npt


def partial_sum(values: npt.NDArray[np.float64], block: range) -> npt.NDArray[np.float64]:
    """A partial sum whose float rounding depends on the order blocks are added in."""
    out = np.zeros(2)
    for i in block:
        out += values[i] * np.array([1.0, 1e-3])
    return out


def where(shared: Any, item: int) -> tuple[int, int, int]:
    """Who ran ``item``: the worker's pid, its parent's, and the identity of its ``shared``."""
    return os.getpid(), os.getppid(), id(shared)


def fail_on_two(shared: object, item: int) -> int:
    if item == 2:
        raise ValueError(f"block {item} failed")
    return item


def die_on_one(shared: object, item: int) -> int:
    if item == 1:
        os._exit(3)  # a worker killed (out of memory, a signal): no exception to send back
    return item


def scaled(factor: float, item: int) -> float:
    return factor * item


def thread_of(shared: object, item: int) -> int:
    """Which thread ran ``item``."""
    import threading

    return threading.get_ident()
