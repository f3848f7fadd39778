"""Writing files without ever losing one: a whole temporary file, then one ``os.replace``.

Every file linkchart writes (pages, figures, YAML, exports, CSV tables, reports) goes
through this module.

**One file** (:func:`write_atomic`): the data is written to a temporary file in the
target's own folder, flushed to disk (``fsync``), and then moved over the target with a
single ``os.replace``, which POSIX makes atomic. A reader in another process opens
either the old file or the new one, never a missing or a partial file; two writers at
once both succeed and the file is one of theirs; a write that fails half-way (a full
disk, a file-size limit, an interrupt) leaves the old file as it was, no temporary file
behind, and no folder that the write itself created.

**A folder of files** (:func:`write_folder`, a chart's ``chart.yaml`` with its CSV
tables, a report's tables): a folder cannot be swapped atomically, so the promise is:

- a folder that does not exist yet is written whole under a hidden sibling name and
  renamed into place in one step: a reader sees no folder, or every file complete;
- in a folder that exists, linkchart's writers take turns (an exclusive ``flock`` on
  the folder), each file is replaced atomically as above, and the old files are kept
  (as hard links) until every new file is in: if one replace fails, every file already
  replaced is put back. Other files in the folder are never touched. A reader that
  reads the files *while* they are replaced may see some old and some new ones; no
  file system offers more;
- a write that fails leaves nothing behind: no temporary file, no new folder.

**What is never written over**: any file that the run read (the graph file, its CSV
tables and source texts: :attr:`linkchart.LinkChart.files`), found through symbolic
links, hard links and ``..``; and anything that is not a regular file: a symbolic link
(linkchart does not write through links: a link planted in a shared folder would
otherwise redirect the write onto any file the user can write), a device, a FIFO, a
socket, or a folder (except as the target of :func:`write_folder`). Each is refused
with a ``write-failed`` error that says what the target is.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import shutil
import stat
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

from .errors import LinkchartError
from .writable import unwritable

__all__ = ["same_file", "target_problem", "write_atomic", "write_folder"]

Inputs = Iterable[str | os.PathLike[str]]


def same_file(a: str | os.PathLike[str], b: str | os.PathLike[str]) -> bool:
    """Whether ``a`` and ``b`` name one existing file (symbolic links, hard links and ``..`` followed)."""
    try:
        return os.path.samefile(a, b)
    except (OSError, ValueError):
        return False


def target_problem(mode: int, *, folder: bool = False) -> str | None:
    """Why an existing path of this ``st_mode`` (from ``os.lstat``) cannot be written over, or ``None``.

    A file write accepts only a regular file; a folder write (``folder=True``) only a
    folder. Symbolic links, devices, FIFOs and sockets are never written over.

    Examples
    --------
    >>> import stat
    >>> target_problem(stat.S_IFREG | 0o644) is None, target_problem(stat.S_IFDIR, folder=True) is None
    (True, True)
    >>> target_problem(stat.S_IFCHR | 0o666)
    'it is a device, not a regular file'
    >>> target_problem(stat.S_IFLNK | 0o777)
    'it is a symbolic link; linkchart does not write through links: name the file itself'
    """
    if stat.S_ISLNK(mode):
        return "it is a symbolic link; linkchart does not write through links: name the file itself"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "it is a device, not a regular file"
    if stat.S_ISFIFO(mode):
        return "it is a FIFO (named pipe), not a regular file"
    if stat.S_ISSOCK(mode):
        return "it is a socket, not a regular file"
    if folder:
        return None if stat.S_ISDIR(mode) else "it is a file, not a folder"
    if stat.S_ISDIR(mode):
        return "it is a folder; name a file inside it"
    return None if stat.S_ISREG(mode) else "it is not a regular file"


def _failed(target: Path, why: str) -> LinkchartError:
    return LinkchartError(f"cannot write {str(target)!r}: {why}", code="write-failed")


def _check_target(target: Path, inputs: list[str | os.PathLike[str]], *, folder: bool = False) -> None:
    """Refuse a target that is one of ``inputs`` or is not a regular file (a folder, with ``folder``)."""
    for source in inputs:
        if same_file(target, source):
            raise LinkchartError(
                f"will not write over {str(target)!r}: it is an input of this run (the graph file, one of "
                "its CSV tables or source texts, a decisions file); choose another output",
                code="write-failed",
            )
    try:
        mode = os.lstat(target).st_mode
    except FileNotFoundError:
        return
    except (OSError, ValueError) as err:
        raise _failed(target, _reason(err)) from None
    why = target_problem(mode, folder=folder)
    if why:
        raise LinkchartError(f"will not write over {str(target)!r}: {why}", code="write-failed")


def _reason(err: OSError | ValueError) -> str:
    if isinstance(err, ValueError):
        return "the name holds a NUL byte"
    return err.strerror or str(err)


def _encoded(target: Path, data: str | bytes) -> bytes:
    if isinstance(data, bytes):
        return data
    try:
        return data.encode("utf-8")
    except UnicodeEncodeError:
        raise _failed(target, f"the text {unwritable(data)}") from None


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


def _make_folders(folder: Path) -> list[Path]:
    """Create ``folder`` and its missing parents; return those created, deepest last."""
    missing: list[Path] = []
    here = folder
    while not os.path.lexists(here) and here != here.parent:
        missing.append(here)
        here = here.parent
    created: list[Path] = []
    try:
        for path in reversed(missing):
            try:
                os.mkdir(path)
            except FileExistsError:  # made meanwhile by another process: not ours to remove
                continue
            created.append(path)
    except OSError:
        _remove_folders(created)
        raise
    return created


def _remove_folders(created: list[Path]) -> None:
    """Remove the folders a failed write created (only while they are still empty)."""
    for path in reversed(created):
        with contextlib.suppress(OSError):
            os.rmdir(path)


def _sync_folder(folder: Path) -> None:
    """Flush a folder's entries (a rename) to disk, where the file system allows it."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _write_temporary(target: Path, data: bytes) -> Path:
    """``data`` in a new temporary file beside ``target``, flushed to disk, with a plain write's mode."""
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
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(name)
        raise
    return Path(name)


def write_atomic(path: str | os.PathLike[str], data: str | bytes, *, inputs: Inputs = ()) -> Path:
    """Write ``data`` (text as UTF-8, or bytes) to the file ``path`` in one atomic step; return the path.

    Missing folders are created (and removed again if the write fails). The data goes
    to a temporary file beside ``path``, is flushed to disk, and replaces ``path`` with
    one ``os.replace``: readers see the old file or the new one, never none.

    Raises
    ------
    LinkchartError
        (code ``write-failed``) when ``path`` is one of ``inputs`` (links, hard links and
        ``..`` followed), exists and is not a regular file (a symbolic link, folder,
        device, FIFO or socket), or cannot be written; the message names it.
    """
    target = Path(path)
    raw = _encoded(target, data)
    _check_target(target, list(inputs))
    created: list[Path] = []
    temporary: Path | None = None
    try:
        created = _make_folders(target.parent)
        temporary = _write_temporary(target, raw)
        os.replace(temporary, target)
        temporary = None
    except (OSError, ValueError) as err:
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
        _remove_folders(created)
        raise _failed(target, _reason(err)) from None
    except BaseException:
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
        _remove_folders(created)
        raise
    _sync_folder(target.parent)
    return target


def write_folder(
    folder: str | os.PathLike[str], files: Mapping[str, str | bytes], *, inputs: Inputs = ()
) -> list[Path]:
    """Write ``name: data`` files into ``folder``, all or nothing; return their paths.

    A new folder appears whole, in one rename; in an existing folder each file is
    replaced atomically and a failure puts back every file already replaced (see the
    module notes for exactly what a concurrent reader may see). Files of the folder that
    are not in ``files`` are left alone.

    Raises
    ------
    LinkchartError
        (code ``write-failed``) when ``folder`` is not a folder (a file, a symbolic link,
        a device ...), one of the files is one of ``inputs`` or not a regular file, or
        something cannot be written; nothing is changed then.
    """
    target = Path(folder)
    sources = list(inputs)
    names = list(files)
    for name in names:
        if not name or os.path.basename(name) != name or name in (".", ".."):
            raise LinkchartError(f"{name!r} is not a plain file name", code="write-failed")
    raw = {name: _encoded(target / name, data) for name, data in files.items()}
    _check_target(target, sources, folder=True)
    for name in names:
        _check_target(target / name, sources)
    if os.path.lexists(target):
        _write_into(target, raw)
    else:
        _write_new(target, raw)
    _sync_folder(target)
    return [target / name for name in names]


def _write_new(target: Path, raw: Mapping[str, bytes]) -> None:
    """Write a folder that does not exist yet under a hidden sibling name, then rename it into place."""
    created: list[Path] = []
    staging: Path | None = None
    try:
        created = _make_folders(target.parent)
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent))
        for name, data in raw.items():
            with open(staging / name, "xb") as f:
                f.write(data)
                f.flush()
                os.fsync(f.fileno())
        os.chmod(staging, 0o777 & ~_umask())  # mkdtemp's folder is private (0700)
        _sync_folder(staging)
        try:
            os.rename(staging, target)
            staging = None
        except OSError as err:
            if err.errno not in (errno.EEXIST, errno.ENOTEMPTY):
                raise
            # another process made the folder meanwhile: replace the files one by one
            _write_into(target, raw, staged=staging)
        _sync_folder(target.parent)
    except (OSError, ValueError) as err:
        _discard(staging)
        _remove_folders(created)
        raise _failed(target, _reason(err)) from None
    except BaseException:
        _discard(staging)
        _remove_folders(created)
        raise
    _discard(staging)


def _discard(staging: Path | None) -> None:
    if staging is not None:
        shutil.rmtree(staging, ignore_errors=True)


@contextlib.contextmanager
def _turn(folder: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``folder`` so that linkchart's writers into it take turns."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX
        yield
        return
    fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def _write_into(target: Path, raw: Mapping[str, bytes], *, staged: Path | None = None) -> None:
    """Replace files in the existing folder ``target`` one by one, putting all back on a failure."""
    written: list[tuple[Path, Path]] = []
    try:
        with _turn(target):
            for name, data in raw.items():
                path = target / name
                written.append(((staged / name) if staged else _write_temporary(path, data), path))
            _replace_all(written)
    except (OSError, ValueError) as err:
        raise _failed(target, _reason(err)) from None
    finally:
        for temporary, _ in written:
            with contextlib.suppress(OSError):
                os.unlink(temporary)


def _keep(target: Path) -> Path | None:
    """A second name for ``target``'s file (a hard link, else a copy), or ``None`` when there is none."""
    if not os.path.lexists(target):
        return None
    while True:
        backup = target.with_name(f".{target.name}.{secrets.token_hex(4)}.old")
        try:
            os.link(target, backup, follow_symlinks=False)
        except FileExistsError:
            continue
        except OSError:  # a file system without hard links
            shutil.copy2(target, backup)
        return backup


def _replace_all(written: list[tuple[Path, Path]]) -> None:
    """Move each temporary file over its target; on a failure, put every replaced target back."""
    backups: list[Path] = []
    replaced: list[tuple[Path, Path | None]] = []
    try:
        for temporary, target in written:
            backup = _keep(target)
            if backup is not None:
                backups.append(backup)
            os.replace(temporary, target)
            replaced.append((target, backup))
    except BaseException:
        for target, old in reversed(replaced):
            with contextlib.suppress(OSError):
                if old is not None:
                    os.replace(old, target)
                else:
                    os.unlink(target)
        raise
    finally:
        for backup in backups:
            with contextlib.suppress(OSError):
                os.unlink(backup)
