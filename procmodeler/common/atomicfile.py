"""Crash-safe writing: write a temporary file in the same folder, flush, fsync, rename.

A reader sees either the old file or the new one, never a half-written one, even when
the process is killed or the machine loses power in the middle of a save.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Callable, Iterable
from pathlib import Path


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    """Replace *path* with *data* atomically (the folder must exist)."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    import tempfile  # loaded on first write: a command that writes no file needs none

    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        with contextlib.suppress(OSError):
            os.chmod(tmp_name, _mode_for(target))
        os.replace(tmp_name, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
    _fsync_folder(folder)
    remove_stale_temporaries(target)


#: A temporary file this old is left over from a save that was killed, not one running.
STALE_AFTER_SECONDS = 15 * 60


def remove_stale_temporaries(target: Path, now: float | None = None) -> list[Path]:
    """Remove temporary files that a killed save of *target* left behind
    (``.NAME.XXXX.tmp`` older than :data:`STALE_AFTER_SECONDS`); returns them."""
    folder = target.parent if str(target.parent) else Path(".")
    prefix = f".{target.name}."
    limit = (time.time() if now is None else now) - STALE_AFTER_SECONDS
    removed: list[Path] = []
    try:
        candidates = [
            p for p in folder.iterdir() if p.name.startswith(prefix) and p.name.endswith(".tmp")
        ]
    except OSError:
        return removed
    for path in candidates:
        with contextlib.suppress(OSError):
            if path.is_file() and path.stat().st_mtime < limit:
                path.unlink()
                removed.append(path)
    return removed


def _mode_for(target: Path) -> int:
    """The permissions the file should have: those of the file it replaces, else what a
    plain ``open()`` would give under the current umask (mkstemp would give 0600)."""
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        return 0o666 & ~_umask()


def atomic_write_text(path: str | os.PathLike[str], text: str) -> None:
    """Write UTF-8 text with LF line ends atomically."""
    atomic_write_bytes(path, text.encode("utf-8"))


def _fsync_folder(folder: Path) -> None:
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_output_file(
    path: str | os.PathLike[str], data: bytes, inputs: Iterable[str | os.PathLike[str]] = ()
) -> None:
    """:func:`atomic_write_bytes` for a file the user asked for: a failure becomes a
    :class:`~procmodeler.common.errors.UserError` naming the file and the reason.

    The path is checked first (:func:`~procmodeler.common.outputpath.check_output_target`):
    never one of *inputs*, a special, hard-linked or read-only file; a symbolic link is
    written through to its target."""
    from procmodeler.common.errors import cannot_write
    from procmodeler.common.outputpath import check_output_target

    target = check_output_target(path, inputs)
    try:
        atomic_write_bytes(target, data)
    except OSError as exc:
        raise cannot_write(path, exc) from None


def replace_folder(folder: Path, fill: Callable[[Path], None]) -> None:
    """Replace *folder* (which may not exist yet) by a new one, all or nothing.

    *fill* writes the new content into a staging folder beside *folder*; the staging
    folder then takes the place of *folder* by rename, and the old one is removed. On an
    ``OSError`` the staging folder is removed, *folder* is as it was, and the error is
    raised again. The new folder gets the permissions a plain ``mkdir`` would give.
    """
    import shutil
    import tempfile

    folder = Path(os.path.abspath(folder))
    parent = folder.parent
    staging = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", suffix=".tmp", dir=parent))
    try:
        fill(staging)
        os.chmod(staging, 0o777 & ~_umask())
        if folder.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", suffix=".old", dir=parent))
            old.rmdir()
            os.replace(folder, old)
            try:
                os.replace(staging, folder)
            except OSError:
                os.replace(old, folder)
                raise
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(staging, folder)
    except OSError:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
