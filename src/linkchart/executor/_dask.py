"""Running the blocks on a Dask cluster: a client detected, the shared data scattered once,
and :func:`connect` to a scheduler's address (private: :mod:`linkchart.executor` re-exports
what is public)."""

from __future__ import annotations

import asyncio
import concurrent.futures
import functools
import sys
import uuid
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Executor
from typing import Any, Final, TypeVar

from ..errors import ErrorCode, LinkchartError
from ._results import collect, lost

__all__ = ["CONNECT_TIMEOUT", "SCHEMES", "connect", "is_dask", "on_dask", "where"]

S = TypeVar("S")
B = TypeVar("B")
R = TypeVar("R")

CONNECT_TIMEOUT: Final = 5.0
"""Seconds :func:`connect` waits for a Dask scheduler to answer (and a client that lost
its scheduler waits for it to come back) before it gives up."""


def is_dask(executor: object) -> bool:
    """Whether ``executor`` is a ``dask.distributed.Client`` (never imports Dask: a client
    exists only once ``distributed`` is imported)."""
    distributed = sys.modules.get("distributed")
    return distributed is not None and isinstance(executor, distributed.Client)


def _address(client: Any) -> str:
    """The scheduler's address of ``client``, for messages."""
    return str(getattr(getattr(client, "scheduler", None), "address", None) or "the Dask cluster")


def where(executor: Executor) -> str | None:
    """The scheduler behind ``client.get_executor()``; ``None`` for any other executor."""
    client = getattr(executor, "_client", None)
    return _address(client) if is_dask(client) else None


def on_dask(client: Any, task: Callable[[S, B], R], shared: S, items: Sequence[B]) -> Iterator[R]:
    """``shared`` scattered once to every worker of ``client``, one task per item that
    receives it (Dask resolves the handle on the worker), the results in item order."""
    where = _address(client)
    prefix = f"linkchart-{getattr(task, '__name__', 'task')}-{uuid.uuid4().hex[:8]}"
    try:
        # in a list, so that a tuple is sent whole, not one future per element
        [handle] = client.scatter([shared], broadcast=True, hash=False)
        futures = [
            client.submit(task, handle, item, key=f"{prefix}-{index}", pure=False)
            for index, item in enumerate(items)
        ]
    except (asyncio.CancelledError, concurrent.futures.CancelledError, TimeoutError, OSError) as err:
        raise lost(where, 0, len(items), err) from err
    return collect(futures, where)


def connect(address: str, *, timeout: float | None = None) -> Any:
    """A ``dask.distributed.Client`` of the scheduler at ``address`` (``tcp://host:8786``).

    Parameters
    ----------
    address
        The scheduler's address, as ``dask scheduler`` prints it.
    timeout
        Seconds to wait for the scheduler (``None``: :data:`CONNECT_TIMEOUT`); the client
        also waits this long for a scheduler it lost to come back before it gives up (and
        :func:`map_blocks` says which blocks were lost).

    Returns
    -------
    distributed.Client
        Not the default client of the process (``set_as_default=False``); close it when done.

    Raises
    ------
    LinkchartError
        ``cluster-failed`` when no scheduler answers at ``address`` within ``timeout``;
        ``bad-argument`` for an address that is not one, or when ``dask.distributed`` is
        not installed (``pip install 'linkchart[dask]'``).
    """

    def refused(message: str, code: ErrorCode = "bad-argument", **more: Any) -> LinkchartError:
        return LinkchartError(message, code=code, loc=("dask",), input=address, **more)

    try:
        import distributed
    except ImportError as err:
        raise refused(
            "running on a Dask cluster needs dask.distributed: pip install 'linkchart[dask]'"
        ) from err
    if not isinstance(address, str) or not address.strip():
        raise refused(f"a Dask scheduler's address is text like tcp://host:8786, not {address!r}")
    _check_address(address, refused)
    timeout = CONNECT_TIMEOUT if timeout is None else timeout
    unreachable = functools.partial(
        refused,
        code="cluster-failed",
        ctx={"address": address, "timeout": timeout},
        hint="is the scheduler running (dask scheduler), and is its address and port "
        "reachable from here? The address is the one the scheduler prints (tcp://host:8786)",
    )
    try:
        # a handshake first, in a thread of its own (a notebook's loop may be running here):
        # a Client that fails half-way keeps a thread that holds the process ~10 s at exit
        with concurrent.futures.ThreadPoolExecutor(1) as thread:
            thread.submit(asyncio.run, _handshake(address, timeout)).result()
    except (OSError, TimeoutError) as err:
        raise unreachable(
            f"cannot reach the Dask scheduler at {address} within {timeout:g} s ({err})"
        ) from err
    except Exception as err:  # what answered is not a Dask scheduler: its bytes decode as anything
        raise unreachable(
            f"what answers at {address} is not a Dask scheduler ({type(err).__name__}: {str(err)[:200]})"
        ) from err
    try:
        return distributed.Client(address, timeout=timeout, set_as_default=False)  # type: ignore[no-untyped-call]
    except Exception as err:
        raise unreachable(f"cannot open a Dask client on {address} ({type(err).__name__}: {err})") from err


#: The schemes of an address that a client opens from the address alone (``tls://`` needs
#: certificates: make a ``distributed.Client`` with its ``security=`` and give that).
SCHEMES: Final = ("tcp", "ws", "wss")


def _check_address(address: str, refused: Callable[[str], LinkchartError]) -> None:
    """Refuse an address a client could not open, before any client is made."""
    from distributed.comm.addressing import parse_address, parse_host_port

    try:
        scheme, where = parse_address(address)
        host, port = parse_host_port(where)
    except ValueError as err:
        raise refused(
            f"{address!r} is not a Dask scheduler's address ({err}): write it as tcp://host:8786"
        ) from err
    if scheme not in SCHEMES:
        raise refused(
            f"{address!r}: a scheduler's address here starts with {', '.join(s + '://' for s in SCHEMES)}"
            + (
                " (a tls:// scheduler needs certificates: give executor= a Client made with them)"
                if scheme == "tls"
                else ""
            )
        )
    if not host or not 0 < int(port) < 65536:
        raise refused(f"{address!r} is not a Dask scheduler's address: it needs a host and a port (1-65535)")


async def _handshake(address: str, timeout: float) -> None:
    """Open a connection to ``address`` and exchange Dask's handshake, then close it."""
    from distributed.comm.core import connect as open_comm

    comm = await open_comm(address, timeout=timeout)  # type: ignore[no-untyped-call]
    await comm.close()
