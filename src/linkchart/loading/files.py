"""Reading the files a graph names: contained in its folder, regular, bounded.

A graph file comes from someone else. The files it names (CSV tables, the local texts
of its sources) are read only when they are regular files **inside the graph file's
folder** (after following symbolic links), and only up to a size cap, unless the
caller opts in with ``allow_outside=True`` (``--allow-outside``). So a file that names
``/etc/passwd``, ``../../secret.txt``, a link out of the folder, ``/dev/zero`` or a FIFO
gets a clear, located problem instead of being read, hanging or exhausting memory. The
content of a file outside the folder is never quoted in a message (see
``docs/security.md``).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import IO, Final

__all__ = [
    "MAX_GRAPH_BYTES",
    "MAX_TABLE_BYTES",
    "MAX_TEXT_BYTES",
    "Refused",
    "inside",
    "open_binary",
    "open_text",
    "read_bytes",
    "read_text",
    "resolve_named",
]

MAX_GRAPH_BYTES: Final = 512 * 2**20
"""The largest YAML graph file read (512 MiB)."""
MAX_TABLE_BYTES: Final = 4 * 2**30
"""The largest CSV table read (4 GiB: tens of millions of edges)."""
MAX_TEXT_BYTES: Final = 64 * 2**20
"""The largest source text read for the evidence check (64 MiB)."""


class Refused(Exception):
    """A file that is not read; ``reason`` says why, ``hint`` what to do."""

    def __init__(self, reason: str, hint: str) -> None:
        super().__init__(reason)
        self.reason = reason
        self.hint = hint


def inside(base: Path, path: Path) -> bool:
    """Whether ``path`` (links followed) lies inside the folder ``base`` (links followed)."""
    try:
        return path.resolve().is_relative_to(base.resolve())
    except (OSError, RuntimeError, ValueError):
        return False


def resolve_named(base: Path, name: str, *, allow_outside: bool) -> Path:
    """The file that ``name``, written in a graph file in folder ``base``, stands for.

    Raises
    ------
    Refused
        For a name with a NUL byte, or (unless ``allow_outside``) an absolute name or
        one that leads outside ``base`` (``..``, or a symbolic link out of it).
    """
    if "\x00" in name:
        raise Refused("the name holds a NUL byte", "write a plain file name")
    path = base / name
    if not allow_outside and (Path(name).is_absolute() or not inside(base, path)):
        raise Refused(
            "it lies outside the graph file's folder",
            "keep the file in the graph's folder (or a folder below it), or allow files "
            "outside with load(path, allow_outside=True) / --allow-outside",
        )
    return path


def _open_regular(path: Path, limit: int) -> int:
    """A read-only descriptor of ``path`` if it is a regular file of at most ``limit`` bytes."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)  # a FIFO opens without waiting for a writer
    except ValueError:
        raise Refused("the name holds a NUL byte", "write a plain file name") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise Refused("it is not a regular file (a device, FIFO or folder)", "name a regular file")
        if info.st_size > limit:
            raise Refused(
                f"it is {info.st_size:,} bytes, more than the {limit:,} read",
                "split the data, or check that the right file is named",
            )
        os.set_blocking(fd, True)
    except BaseException:
        os.close(fd)
        raise
    return fd


def open_text(path: Path, limit: int, *, encoding: str = "utf-8-sig", newline: str | None = None) -> IO[str]:
    """Open a regular file of at most ``limit`` bytes as text.

    Raises
    ------
    Refused
        For a file that is not regular or is too large.
    OSError
        When it cannot be opened.
    """
    fd = _open_regular(path, limit)
    return open(fd, encoding=encoding, newline=newline)


def open_binary(path: Path, limit: int) -> IO[bytes]:
    """Open a regular file of at most ``limit`` bytes for binary reading (see :func:`open_text`)."""
    return open(_open_regular(path, limit), "rb")


def read_bytes(path: Path, limit: int) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes (see :func:`open_text`)."""
    with open(_open_regular(path, limit), "rb") as f:
        data = f.read(limit + 1)
    if len(data) > limit:  # pragma: no cover - the file grew while it was read
        raise Refused(f"it is more than the {limit:,} bytes read", "check that the right file is named")
    return data


def read_text(path: Path, limit: int, *, encoding: str = "utf-8-sig") -> str:
    """The text of a regular file of at most ``limit`` bytes (see :func:`open_text`)."""
    with open_text(path, limit, encoding=encoding) as f:
        text = f.read(limit + 1)
    if len(text) > limit:  # pragma: no cover - the file grew while it was read
        raise Refused(f"it is more than the {limit:,} bytes read", "check that the right file is named")
    return text
