"""Writing files without ever losing one: temporary file in the same folder, then ``os.replace``.

Every file linkchart writes (pages, YAML, CSV, reports) goes through :func:`write_atomic`:
the text is written to a temporary file beside the target, flushed to disk, and only
then moved over the target in one step. A write that fails half-way (a full disk, a
file-size limit, an interrupt) leaves the old file as it was and no partial file behind.
:func:`write_all` does the same for several files that belong together (a chart's YAML
and its two CSV tables): every file is written to its temporary first, and they replace
their targets only when all were written. A target that is the input of the same run
(``linkchart render g.yaml -o g.yaml``) is refused.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path

from .errors import LinkchartError

__all__ = ["same_file", "write_all", "write_atomic"]


def same_file(a: str | os.PathLike[str], b: str | os.PathLike[str]) -> bool:
    """Whether ``a`` and ``b`` name one existing file (links and ``..`` followed)."""
    try:
        return os.path.samefile(a, b)
    except (OSError, ValueError):
        return False


def _check_target(target: Path, inputs: Iterable[str | os.PathLike[str]]) -> None:
    for source in inputs:
        if same_file(target, source):
            raise LinkchartError(
                f"will not write over {str(target)!r}: it is an input of this run; choose another output",
                code="write-failed",
            )


def _umask() -> int:
    """The process's umask, read without changing it where Linux says it (``/proc``)."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _write_temporary(target: Path, text: str | bytes) -> Path:
    """``text`` (UTF-8) or bytes in a new temporary file beside ``target``, flushed to disk."""
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        # mkstemp makes the file private (0600); give it the mode a plain write would: the
        # old file's, else what the umask allows
        try:
            mode = os.stat(target).st_mode & 0o7777
        except OSError:
            mode = 0o666 & ~_umask()
        os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as f:
            f.write(text.encode("utf-8") if isinstance(text, str) else text)
            f.flush()
            os.fsync(f.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(name)
        raise
    return Path(name)


def write_all(
    files: Mapping[str | os.PathLike[str], str | bytes], *, inputs: Iterable[str | os.PathLike[str]] = ()
) -> list[Path]:
    """Write every ``path: text`` of ``files`` (text as UTF-8, or bytes), all or nothing; return the paths.

    Missing folders are created. Each text goes to a temporary file beside its target
    first; the targets are replaced only when every temporary file is written, so a
    failure leaves every target as it was.

    Raises
    ------
    LinkchartError
        (code ``write-failed``) when a folder or file cannot be written, or a target is
        one of ``inputs``; the message names it.
    """
    targets = [Path(p) for p in files]
    inputs = list(inputs)
    for target in targets:
        _check_target(target, inputs)
    written: list[tuple[Path, Path]] = []
    try:
        for target, text in zip(targets, files.values(), strict=True):
            try:
                target.parent.mkdir(parents=True, exist_ok=True)
                written.append((_write_temporary(target, text), target))
            except OSError as err:
                raise LinkchartError(
                    f"cannot write {str(target)!r}: {err.strerror or err}", code="write-failed"
                ) from None
        _replace_all(written)
    finally:
        for temporary, _ in written:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
    return targets


def _replace_all(written: list[tuple[Path, Path]]) -> None:
    """Move each temporary file over its target; on a failure, put every old target back."""
    backups: list[tuple[Path, Path | None]] = []
    current = written[0][1] if written else Path()
    try:
        for temporary, target in written:
            current = target
            if target.is_dir():
                raise IsADirectoryError(21, "Is a directory")
            backup: Path | None = None
            if target.exists():
                fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".old", dir=target.parent)
                os.close(fd)
                backup = Path(name)
                os.replace(target, backup)
            backups.append((target, backup))
            os.replace(temporary, target)
    except OSError as err:
        for target, backup in reversed(backups):
            with contextlib.suppress(OSError):
                if backup is not None:
                    os.replace(backup, target)
                else:
                    os.unlink(target)
        message = f"cannot write {str(current)!r}: {err.strerror or err}"
        raise LinkchartError(message, code="write-failed") from None
    for _, backup in backups:
        if backup is not None:
            with contextlib.suppress(OSError):
                os.unlink(backup)


def write_atomic(
    path: str | os.PathLike[str], text: str | bytes, *, inputs: Iterable[str | os.PathLike[str]] = ()
) -> Path:
    """Write ``text`` (UTF-8) or bytes to ``path`` atomically; see :func:`write_all`."""
    return write_all({path: text}, inputs=inputs)[0]
