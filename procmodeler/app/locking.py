"""Two people, one file: who has a model file open, and whether it changed on disk.

Opening a file takes a :class:`FileLock`: a small sidecar file ``~$NAME.lock`` next to
the model (``~$plan.procm.lock`` for ``plan.procm``) that says who has it open (user,
host, process id, since when). A sidecar works on a shared network folder, where OS
file locks are not reliable across machines; on the same machine we also hold an OS lock
on the sidecar and check the owner's process id, so a sidecar left behind by a crashed
or killed instance is taken over silently. A second instance (or person) that opens the
file gets :class:`LockedByOther` with the owner's :class:`LockInfo`; the UI then offers
to open the file read-only, to open it anyway (``force=True``) or to cancel.

:class:`DiskState` records a file's size, modification time and SHA-256 at open and at
save. Saving over a file whose content has changed since (someone else saved it, or it
was deleted) raises :class:`SaveConflict` instead of overwriting silently; the UI asks
to overwrite, to save under another name or to cancel.

The OS lock helpers :func:`try_lock` / :func:`unlock` (``flock`` on POSIX, ``msvcrt``
on Windows) are also used by the recovery journal to tell a live session from a dead
one: an OS lock is released by the OS when its process dies, however it dies.
"""

from __future__ import annotations

import contextlib
import getpass
import hashlib
import json
import os
import socket
import sys
import time
import weakref
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from procmodeler import __version__
from procmodeler.common.errors import Problem, UserError
from procmodeler.common.i18n import N_, Message

# ====================================================================== OS locks
if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    # Lock one byte far beyond any content: Windows locks are mandatory, so a lock on
    # the content would stop others from reading who holds the file.
    _LOCK_OFFSET = 0x7FFFFFFF

    def try_lock(fd: int) -> bool | None:
        """Take an exclusive OS lock on *fd* without waiting: True when taken, False
        when another process (or another open of the file) holds it, None when this
        file system does not support locks."""
        pos = os.lseek(fd, 0, os.SEEK_CUR)
        try:
            os.lseek(fd, _LOCK_OFFSET, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except PermissionError:
            return False
        except OSError as exc:
            if exc.errno in (13, 33, 36):  # EACCES, lock violation, EDEADLOCK
                return False
            return None
        finally:
            os.lseek(fd, pos, os.SEEK_SET)

    def unlock(fd: int) -> None:
        pos = os.lseek(fd, 0, os.SEEK_CUR)
        try:
            os.lseek(fd, _LOCK_OFFSET, os.SEEK_SET)
            with contextlib.suppress(OSError):
                msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        finally:
            os.lseek(fd, pos, os.SEEK_SET)

else:
    import errno
    import fcntl

    def try_lock(fd: int) -> bool | None:
        """Take an exclusive OS lock on *fd* without waiting: True when taken, False
        when another process (or another open of the file) holds it, None when this
        file system does not support locks.

        ``flock`` locks belong to the open file, not to the process, so two opens in
        the same process exclude each other too (a process never "recovers" its own
        live journal)."""
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            return False
        except OSError as exc:
            if exc.errno in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
                return False
            return None  # ENOLCK, EINVAL, EOPNOTSUPP: no locks on this file system

    def unlock(fd: int) -> None:
        with contextlib.suppress(OSError):
            fcntl.flock(fd, fcntl.LOCK_UN)


def pid_alive(pid: int) -> bool:
    """True when a process with this id runs on this machine (or we cannot tell)."""
    if pid <= 0:
        return False
    if pid == os.getpid():
        return True
    if sys.platform == "win32":  # pragma: no cover - Windows only
        import ctypes

        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return kernel32.GetLastError() == 5  # access denied: it exists
        try:
            code = ctypes.c_ulong()
            if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
                return True
            return code.value == 259  # STILL_ACTIVE
        finally:
            kernel32.CloseHandle(handle)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    except OSError:
        return True
    return True


def this_host() -> str:
    return socket.gethostname() or "localhost"


def this_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name (some containers, services)
        return os.environ.get("USERNAME") or os.environ.get("USER") or "?"


def now_text() -> str:
    """The current time as ISO 8601 in UTC, to the second."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()


# ====================================================================== sidecar locks
@dataclass(frozen=True)
class LockInfo:
    """Who holds a file open: the content of its sidecar lock file."""

    user: str
    host: str
    pid: int
    since: str  # ISO 8601, UTC
    app: str = f"procmodeler {__version__}"

    @classmethod
    def mine(cls) -> LockInfo:
        return cls(this_user(), this_host(), os.getpid(), now_text())

    @classmethod
    def unknown(cls) -> LockInfo:
        """A sidecar whose content could not be read (being written, or damaged)."""
        return cls("?", "?", 0, "", "")

    @property
    def is_unknown(self) -> bool:
        return self.host == "?"

    @property
    def on_this_host(self) -> bool:
        return self.host == this_host()

    @property
    def is_this_process(self) -> bool:
        return self.on_this_host and self.pid == os.getpid()

    def to_bytes(self) -> bytes:
        return (json.dumps(asdict(self), ensure_ascii=False, sort_keys=True) + "\n").encode()

    @classmethod
    def from_bytes(cls, data: bytes) -> LockInfo | None:
        try:
            raw = json.loads(data.decode("utf-8"))
            return cls(
                str(raw["user"]), str(raw["host"]), int(raw["pid"]), str(raw["since"]),
                str(raw.get("app", "")),
            )  # fmt: skip
        except (ValueError, KeyError, TypeError, AttributeError):
            return None

    def describe(self) -> str:
        """Who and since when, in words that need no translation:
        ``kim @ laptop-7, 2025-03-01 09:12 UTC``."""
        if self.is_unknown:
            return "?"
        return f"{self.user} @ {self.host}, {self.since.replace('T', ' ')[:16]} UTC"


class LockedByOther(UserError):
    """The file is open in another instance of procmodeler (perhaps on another machine).

    A :class:`UserError`, so that an app that does not ask shows it as an error; the app
    should offer: open read-only, open anyway (``force=True``), cancel.
    """

    def __init__(self, path: Path, info: LockInfo) -> None:
        self.path = path
        self.info = info
        msg = Message(N_("is open in another procmodeler ({who})"), who=info.describe())
        super().__init__(Problem(str(path), msg))


def sidecar_path(path: str | os.PathLike[str]) -> Path:
    """The lock file of a model file: ``~$plan.procm.lock`` next to ``plan.procm``."""
    target = Path(path)
    return target.with_name(f"~${target.name}.lock")


def _same_file(fd: int, path: Path) -> bool:
    try:
        mine, there = os.fstat(fd), os.stat(path)
    except OSError:
        return False
    return (mine.st_dev, mine.st_ino) == (there.st_dev, there.st_ino)


def _read_fd(fd: int, limit: int = 4096) -> bytes:
    os.lseek(fd, 0, os.SEEK_SET)
    return os.read(fd, limit)


def _rewrite_fd(fd: int, data: bytes) -> None:
    os.lseek(fd, 0, os.SEEK_SET)
    os.ftruncate(fd, 0)
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]
    with contextlib.suppress(OSError):
        os.fsync(fd)


def _close_sidecar(fd: int, sidecar: Path, info: LockInfo) -> None:
    """Release a sidecar lock: remove the file when it still says it is ours."""
    try:
        ours = LockInfo.from_bytes(_read_fd(fd)) == info and _same_file(fd, sidecar)
    except OSError:
        ours = False
    if ours and sys.platform != "win32":
        with contextlib.suppress(OSError):
            sidecar.unlink()  # still holding the OS lock: nobody takes it in between
    unlock(fd)
    with contextlib.suppress(OSError):
        os.close(fd)
    if ours and sys.platform == "win32":  # pragma: no cover - an open file cannot be removed
        with contextlib.suppress(OSError):
            sidecar.unlink()


class FileLock:
    """This instance has a model file open for editing (see the module docstring).

    ``FileLock.acquire(path)`` returns the lock or raises :class:`LockedByOther`. When
    no sidecar can be written (a read-only folder or medium), it returns a lock with
    ``held`` False: nobody can save there either, so there is nothing to protect.
    """

    def __init__(self, path: Path, sidecar: Path, held: _Held | None, info: LockInfo) -> None:
        self.path = path
        self.sidecar = sidecar
        self.info = info
        self.took_over: LockInfo | None = None  # the stale (or forced) owner replaced
        self.took_over_stale = False  # ... and it was stale (its process is gone)
        self._held = held
        if held is not None:
            held.count += 1
        self._finalizer = weakref.finalize(self, _unshare, sidecar, held)

    @property
    def held(self) -> bool:
        """True while this lock's sidecar is written and held."""
        return self._held is not None and self._finalizer.alive

    @classmethod
    def acquire(cls, path: str | os.PathLike[str], *, force: bool = False) -> FileLock:
        """Mark *path* as open by this process; raise :class:`LockedByOther` when another
        live instance has it open (``force=True`` takes the lock over anyway).

        A sidecar is stale, and taken over silently, when its owner ran on this machine
        and no longer holds the OS lock on it (the process is gone) or, where the file
        system has no locks, when no process with its id runs any more. A sidecar of
        another machine is never judged stale: only the user can say it is (``force``).
        """
        target = Path(path).absolute()
        sidecar = sidecar_path(target)
        shared = _HELD.get(sidecar)
        if shared is not None and _still_ours(shared, sidecar):
            return cls(target, sidecar, shared, shared.info)  # another window, same file
        mine = LockInfo.mine()
        for _attempt in range(20):
            created = True
            try:
                fd = os.open(sidecar, os.O_RDWR | os.O_CREAT | os.O_EXCL | _BINARY, 0o644)
            except FileExistsError:
                created = False
                try:
                    fd = os.open(sidecar, os.O_RDWR | _BINARY)
                except FileNotFoundError:
                    continue  # released in between: try again
                except OSError:
                    return cls(target, sidecar, None, mine)  # cannot write here at all
            except OSError:
                return cls(target, sidecar, None, mine)
            try:
                locked = try_lock(fd)
                if not _same_file(fd, sidecar):  # removed or replaced in between
                    _drop(fd, locked)
                    continue
                if created:
                    _rewrite_fd(fd, mine.to_bytes())
                    return cls(target, sidecar, _hold(sidecar, fd, mine), mine)
                owner = cls._read_owner(fd)
                if owner is None:  # being written right now, or damaged
                    time.sleep(0.05)
                    owner = cls._read_owner(fd)
                if not force and not _is_stale(owner, locked, sidecar):
                    _drop(fd, locked)
                    raise LockedByOther(target, owner or LockInfo.unknown())
                stale = not force or _is_stale(owner, locked, sidecar)
                _rewrite_fd(fd, mine.to_bytes())
                lock = cls(target, sidecar, _hold(sidecar, fd, mine), mine)
                lock.took_over = owner
                lock.took_over_stale = stale
                return lock
            except LockedByOther:
                raise
            except OSError:
                _drop(fd, None)
                return cls(target, sidecar, None, mine)
        raise LockedByOther(target, LockInfo.unknown())

    @staticmethod
    def _read_owner(fd: int) -> LockInfo | None:
        try:
            return LockInfo.from_bytes(_read_fd(fd))
        except OSError:
            return None

    @staticmethod
    def holder(path: str | os.PathLike[str]) -> LockInfo | None:
        """Who has *path* open according to its sidecar (None: nobody, or a stale
        sidecar of a process on this machine that is gone)."""
        sidecar = sidecar_path(path)
        try:
            data = sidecar.read_bytes()
        except OSError:
            return None
        info = LockInfo.from_bytes(data) or LockInfo.unknown()
        if info.on_this_host and not pid_alive(info.pid):
            return None
        return info

    def note(self) -> Message | None:
        """What to tell the user when this lock replaced a stale one: whose it was (the
        process on this machine is gone), so nobody wonders about a crash they missed."""
        if self.took_over is None or not self.took_over_stale:
            return None
        return Message(
            N_(
                "'{name}' was marked as open by a procmodeler that is no longer running "
                "({who}); that mark was left behind and is now yours"
            ),
            name=self.path.name,
            who=self.took_over.describe(),
        )

    def release(self) -> None:
        """Give the file free (removes the sidecar if it is still ours and no other
        session of this process has the file open)."""
        self._finalizer()
        self._held = None

    def __enter__(self) -> FileLock:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


_BINARY = getattr(os, "O_BINARY", 0)


@dataclass
class _Held:
    """A sidecar this process holds, shared by its sessions of the same file."""

    fd: int
    info: LockInfo
    count: int = 0


#: The sidecars this process holds. Two sessions (windows) of one instance may have the
#: same file open; the disk-state check on save still catches their conflicting saves.
_HELD: dict[Path, _Held] = {}


def _hold(sidecar: Path, fd: int, info: LockInfo) -> _Held:
    held = _Held(fd, info)
    _HELD[sidecar] = held
    return held


def _unshare(sidecar: Path, held: _Held | None) -> None:
    if held is None:
        return
    held.count -= 1
    if held.count <= 0:
        if _HELD.get(sidecar) is held:
            del _HELD[sidecar]
        _close_sidecar(held.fd, sidecar, held.info)


def _still_ours(held: _Held, sidecar: Path) -> bool:
    try:
        return _same_file(held.fd, sidecar) and LockInfo.from_bytes(_read_fd(held.fd)) == held.info
    except OSError:
        return False


def _drop(fd: int, locked: bool | None) -> None:
    if locked:
        unlock(fd)
    with contextlib.suppress(OSError):
        os.close(fd)


def _is_stale(owner: LockInfo | None, locked: bool | None, sidecar: Path) -> bool:
    """Whether an existing sidecar belongs to nobody any more (see FileLock.acquire)."""
    if locked is False:
        return False  # a live process holds its OS lock
    if owner is None:
        # Unreadable even after a moment: stale when older than a few seconds.
        try:
            return time.time() - os.stat(sidecar).st_mtime > 5
        except OSError:
            return True
    if not owner.on_this_host:
        return False
    if locked is True:
        return True  # its owner would hold the OS lock: the process is gone
    if owner.is_this_process:
        return sidecar not in _HELD
    return not pid_alive(owner.pid)


# ====================================================================== disk state
@dataclass(frozen=True)
class DiskState:
    """A file's content as this instance last read or wrote it."""

    size: int
    mtime_ns: int
    sha256: str

    @classmethod
    def of_bytes(cls, path: str | os.PathLike[str], data: bytes) -> DiskState:
        """The state of *path* whose content is *data* (just read or just written)."""
        try:
            mtime = os.stat(path).st_mtime_ns
        except OSError:
            mtime = 0
        return cls(len(data), mtime, hashlib.sha256(data).hexdigest())

    @classmethod
    def read(cls, path: str | os.PathLike[str]) -> DiskState | None:
        """The current state of *path*, or None when there is no such file."""
        try:
            with open(path, "rb") as handle:
                st = os.fstat(handle.fileno())
                digest = hashlib.file_digest(handle, "sha256").hexdigest()
        except (FileNotFoundError, NotADirectoryError):
            return None
        return cls(st.st_size, st.st_mtime_ns, digest)

    def compare(self, path: str | os.PathLike[str]) -> str | None:
        """None when *path* still has this content, else "changed" or "deleted".

        The content hash decides: a file only touched (same bytes, new time) is
        unchanged, and a file changed within the time stamp's resolution is changed."""
        try:
            st = os.stat(path)
        except (FileNotFoundError, NotADirectoryError):
            return "deleted"
        if st.st_size != self.size:
            return "changed"
        current = DiskState.read(path)
        if current is None:
            return "deleted"
        return None if current.sha256 == self.sha256 else "changed"

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, raw: Any) -> DiskState | None:
        try:
            return cls(int(raw["size"]), int(raw["mtime_ns"]), str(raw["sha256"]))
        except (KeyError, TypeError, ValueError):
            return None


class SaveConflict(UserError):
    """The file on disk is not what this instance opened or last saved.

    ``reason`` is "changed" (someone else saved it) or "deleted". A :class:`UserError`,
    so an app that does not ask shows it as an error; the app should offer: overwrite
    (``Session.save(overwrite=True)``), save under another name, cancel.
    """

    def __init__(self, path: Path, reason: str) -> None:
        self.path = path
        self.reason = reason
        if reason == "deleted":
            msg = Message(
                N_(
                    "was deleted or moved after you opened it; save it again here only if you mean to"
                )
            )
        else:
            msg = Message(
                N_(
                    "was changed by someone else after you opened or last saved it; saving "
                    "would overwrite their changes"
                )
            )
        super().__init__(Problem(str(path), msg))
