"""The results of blocks run elsewhere, in block order, and the errors of runners that fail
(private: :mod:`linkchart.executor` maps the blocks)."""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
from collections.abc import Iterator
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from ..errors import LinkchartError

__all__ = ["collect", "lost"]


def collect(futures: list[Any], where: str | None = None) -> Iterator[Any]:
    """The results of ``futures``, in order, each let go once read; the rest cancelled if
    one fails (or the reader stops early).

    ``where``: the Dask scheduler behind them (``client.get_executor()``), named when the
    cluster is lost."""
    try:
        for index, future in enumerate(futures):
            try:
                result = future.result()
            except (asyncio.CancelledError, concurrent.futures.CancelledError) as err:
                raise lost(where or "the executor", index, len(futures), err) from err
            except BrokenProcessPool as err:
                raise LinkchartError(
                    f"a worker process died before block {index} of the work was done ({err})",
                    code="worker-failed",
                    ctx={"block": index},
                    hint="the machine may be out of memory: try fewer workers, or workers=1",
                ) from err
            except Exception as err:
                if where is not None and _is_dask_failure(err, future):
                    raise lost(where, index, len(futures), err) from err
                err.add_note(f"(in block {index} of the work, run by a worker)")
                raise
            futures[index] = None  # a Dask cluster frees the result once no future holds it
            yield result
    except BaseException:
        for future in futures:
            if future is not None:
                with contextlib.suppress(Exception):  # a client that lost its scheduler
                    future.cancel()
        raise


def _is_dask_failure(err: BaseException, future: Any) -> bool:
    """Whether ``err`` is Dask's own (a worker killed too often, a closed connection, a
    client that gave up on its scheduler), not an exception a task raised: a Dask future
    whose task failed has the status ``error``."""
    if type(err).__module__.partition(".")[0] == "distributed":
        return True
    status = getattr(future, "status", None)
    return isinstance(status, str) and status != "error"


def lost(where: str, index: int, total: int, err: BaseException) -> LinkchartError:
    """The error of a cluster lost with blocks ``index..total-1`` of the work not back."""
    reason = str(err) or type(err).__name__
    return LinkchartError(
        f"the Dask cluster at {where} was lost before the work was done: blocks {index} to "
        f"{total - 1} of {total} did not come back ({reason})",
        code="cluster-failed",
        ctx={"address": where, "blocks": total, "done": index, "lost": list(range(index, total))},
        hint="check the scheduler and its workers (their logs, the dashboard) and run again; "
        "without --dask (executor=) the work runs on this machine",
    )
