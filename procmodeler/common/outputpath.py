"""Where an output may be written: never over an input, a special file, a read-only or
hard-linked file, and a symbolic link is written through to the file it points to."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from procmodeler.common.errors import Problem, UserError
from procmodeler.common.i18n import N_, Message


def _refuse(path: object, msgid: str, **args: Any) -> UserError:
    return UserError(Problem(str(path), Message(msgid, **args)))


def _too_long(path: Path) -> bool:
    folder = path.parent if str(path.parent) else Path(".")
    try:
        name_max = os.pathconf(folder, "PC_NAME_MAX")
        path_max = os.pathconf(folder, "PC_PATH_MAX")
    except (OSError, ValueError, AttributeError):
        name_max, path_max = 255, 4096
    longest = max((len(os.fsencode(part)) for part in path.parts), default=0)
    return longest > name_max or len(os.fsencode(os.path.abspath(path))) >= path_max


def _identity(path: str | os.PathLike[str]) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None
    return (st.st_dev, st.st_ino)


def resolve_output(path: str | os.PathLike[str]) -> Path:
    """The file an output to *path* really writes: a symbolic link (or a chain of them)
    is followed to its target, so the link stays a link and its target gets the data."""
    out = Path(path)
    try:
        if out.is_symlink():
            return Path(os.path.realpath(out))
    except OSError:
        pass
    return out


def check_output_target(
    path: str | os.PathLike[str],
    inputs: Iterable[str | os.PathLike[str]] = (),
    *,
    folder_ok: bool = False,
) -> Path:
    """Refuse an output path that would destroy what the user did not name; return the
    path to write (a symbolic link resolved to its target).

    Refused, each with one line naming the path: a path longer than the file system
    allows; a folder that does not exist; one of *inputs* (compared by resolved path and
    by device and inode); a folder (unless *folder_ok*), a pipe, a device or a socket;
    a file with other hard links (replacing it would cut them off); a read-only file.
    """
    out = Path(path)
    if not str(path) or "\0" in str(path):
        raise _refuse(path, N_("is not a valid file name"))
    if out.name.startswith("~$") and out.name.endswith(".lock"):
        raise _refuse(path, N_("is the lock file of an open model; it is not written over"))
    if _too_long(out):
        raise _refuse(path, N_("the path is longer than the file system allows"))
    try:
        target = resolve_output(out)
        folder = target.parent if str(target.parent) else Path(".")
        if not folder.is_dir():
            raise _refuse(path, N_("the folder '{folder}' does not exist"), folder=str(folder))
        try:
            st = os.stat(target)
        except FileNotFoundError:
            st = None
        for given in inputs:
            same_inode = st is not None and _identity(given) == (st.st_dev, st.st_ino)
            if same_inode or os.path.realpath(given) == os.path.realpath(target):
                raise _refuse(
                    path,
                    N_("is the input of this command; it is not written over, choose another name"),
                )
        if st is None:
            return target
        if stat.S_ISDIR(st.st_mode):
            if folder_ok:
                return target
            raise _refuse(path, N_("is a folder, not a file"))
        if not stat.S_ISREG(st.st_mode):
            raise _refuse(
                path, N_("is not a regular file (a pipe, a device or a socket); it is not replaced")
            )
        if st.st_nlink > 1:
            raise _refuse(
                path,
                N_(
                    "has other names (hard links) that replacing it would cut off; "
                    "it is not replaced, choose another name"
                ),
            )
        if not (st.st_mode & 0o222) or not os.access(target, os.W_OK):
            raise _refuse(path, N_("is read-only; it is not replaced"))
    except OSError as exc:
        if exc.errno == errno.ENAMETOOLONG:
            raise _refuse(path, N_("the path is longer than the file system allows")) from None
        raise _refuse(
            path, N_("cannot be written: {reason}"), reason=exc.strerror or str(exc)
        ) from None
    return target
