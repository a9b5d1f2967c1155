"""Reading an input file safely: regular files only (never a pipe, a device or a
folder, which could block or never end), and never more than a stated size."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

from procmodeler.common.errors import Problem, UserError
from procmodeler.common.i18n import N_, Message

_CHUNK = 1024 * 1024


def _refuse(name: str, msgid: str, **args: Any) -> UserError:
    return UserError(Problem(name, Message(msgid, **args)))


def open_regular(path: str | os.PathLike[str], name: str | None = None) -> int:
    """Open *path* for reading without blocking on a pipe; a descriptor of a regular
    file, or UserError (not found, a folder, a pipe, a device, a socket)."""
    shown = str(path) if name is None else name
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise _refuse(shown, N_("does not exist")) from None
    except IsADirectoryError:
        raise _refuse(shown, N_("is a folder, not a file")) from None
    except (OSError, ValueError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        raise _refuse(shown, N_("cannot be read: {reason}"), reason=reason) from None
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise _refuse(shown, N_("is a folder, not a file"))
        if not stat.S_ISREG(mode):
            raise _refuse(shown, N_("is not a regular file (a pipe, a device or a socket)"))
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
    except BaseException:
        os.close(fd)
        raise
    return fd


def read_input_bytes(path: str | os.PathLike[str], limit: int, name: str | None = None) -> bytes:
    """The bytes of the regular file *path*, refused (UserError naming the file) when it
    is not a regular file or holds more than *limit* bytes. Reads in chunks and stops
    after *limit* + 1 bytes whatever the file claims its size to be."""
    shown = str(path) if name is None else name
    fd = open_regular(path, shown)
    chunks: list[bytes] = []
    total = 0
    try:
        while total <= limit:
            chunk = os.read(fd, min(_CHUNK, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    except OSError as exc:
        raise _refuse(
            shown, N_("cannot be read: {reason}"), reason=exc.strerror or str(exc)
        ) from None
    finally:
        os.close(fd)
    if total > limit:
        raise too_large(shown, limit)
    return b"".join(chunks)


def too_large(name: str, limit: int) -> UserError:
    """The error for an input over its size limit, in MB (KB below one MB)."""
    if limit >= 1024 * 1024:
        return _refuse(
            name,
            N_("is too large (more than {limit} MB); it is not read"),
            limit=limit // (1024 * 1024),
        )
    return _refuse(
        name,
        N_("is too large (more than {limit} KB); it is not read"),
        limit=max(1, limit // 1024),
    )


def is_regular(path: Path) -> bool:
    """True for a regular file (following symbolic links)."""
    try:
        return stat.S_ISREG(path.stat().st_mode)
    except OSError:
        return False
