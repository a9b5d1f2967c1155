"""The recovery journal: every committed edit of an open document, on disk at once, so
that a crash, a kill or a power cut loses (almost) nothing.

One journal per open document lives in ``user_data_dir()/recovery/``: ``ID.journal``
and ``ID.owner``. The owner file names the process and is held with an OS lock for the
journal's whole life; the OS drops that lock when the process dies in any way, which is
how the next start tells a dead session from a live one (:mod:`procmodeler.app.recovery`).

``ID.journal`` is UTF-8 text, one record per line, each line ``CRC32 JSON`` (eight hex
digits of the JSON text's CRC-32, a space, the JSON object, a line feed):

* line 1, the header: ``format`` "procmodeler-journal", ``version`` 1, who wrote it
  (pid, host, time, app), the file the document belongs to (``path``, or null for a
  model never saved), that file's :class:`~procmodeler.app.locking.DiskState` when the
  base was read from or written to it (``disk``), ``base_is_file``, and ``base``: the
  complete starting model as the text of a native ``.procm`` file, so that recovery
  never depends on the file still being there or unchanged;
* every further line, one committed transaction, undo or redo, in order: ``n`` (1, 2,
  ...), ``how`` ("do", "undo", "redo"), ``label`` (the undo text) and ``changes``: the
  transaction's :class:`~procmodeler.model.changes.Put` records as
  ``[collection, key, old, new, index]``.

Values are encoded generically and exactly (:func:`encode_value`): JSON scalars stay as
they are; a tuple is ``{"t": [...]}``; an element record (``Process``, ``Bounds``, ...)
is ``{"d": type name, "f": {field: value}}`` with every field; a non-finite float is
``{"x": "nan"}``. So keys like ``("p1", "u2")`` or ``(None, "p1")`` come back as the
same tuples, and a record type gaining a field with a default still reads old journals.

Durability: each record is handed to the operating system with one ``write`` before the
commit returns to the code that made the edit, so a crash or kill of procmodeler loses
no committed edit. ``fsync`` (which survives a power cut) is grouped: right away when
the last one is older than ``sync_interval`` (0.2 s), otherwise at the next
:meth:`Journal.tick` (the app calls it from a timer, every 0.1 s), the next commit or
:meth:`Journal.flush`. A power cut loses at most the edits of the last
``sync_interval`` + one timer period. A crash in the middle of a write leaves a torn
last line, which reading skips (its CRC or its JSON does not match).

On save the journal is rebased: a fresh journal whose base is the model just saved
replaces the old one atomically (the edits are now in the file). On close the journal
is discarded.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import math
import os
import secrets
import sys
import time
import weakref
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from procmodeler import __version__
from procmodeler.app.locking import DiskState, now_text, this_host, try_lock, unlock
from procmodeler.common.i18n import Message
from procmodeler.common.paths import user_data_dir
from procmodeler.edit.editor import Editor
from procmodeler.model.changes import COLLECTIONS, Put
from procmodeler.model.elements import (
    Bounds,
    DiagramOptions,
    Kpi,
    Metadata,
    Person,
    Process,
    Relation,
    Unit,
)
from procmodeler.model.events import Committed

FORMAT = "procmodeler-journal"
VERSION = 1
SUFFIX = ".journal"
#: Longest line read: the header holds a whole model (at most 200 MB as a .procm file,
#: escaped once more as a JSON string); a longer line is damage, not read on.
MAX_LINE = 2 * 200 * 1024 * 1024 + 65536
#: Most of a journal replayed (about two million edits); later records are not read.
MAX_JOURNAL_BYTES = 1024 * 1024 * 1024
OWNER_SUFFIX = ".owner"

#: Seconds between fsyncs while edits come in quickly (see the module docstring).
SYNC_INTERVAL = 0.2

#: Element records a journal may hold, by type name.
RECORD_TYPES: dict[str, type] = {
    cls.__name__: cls
    for cls in (Metadata, Process, Unit, Person, Relation, Kpi, Bounds, DiagramOptions)
}


class JournalError(Exception):
    """A journal line or value that cannot be read (damaged or from a newer version)."""


class JournalTooNew(JournalError):
    """A journal written by a newer procmodeler: left alone for that version."""


def recovery_dir() -> Path:
    """The folder of the recovery journals (inside the per-user data folder)."""
    return user_data_dir() / "recovery"


# ====================================================================== encoding
def encode_value(value: Any) -> Any:
    """A JSON-ready form of a model value that :func:`decode_value` turns back into an
    equal value of the same types."""
    if value is None or isinstance(value, (str, bool, int)):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else {"x": repr(value)}
    if isinstance(value, tuple):
        return {"t": [encode_value(item) for item in value]}
    if isinstance(value, list):
        return [encode_value(item) for item in value]
    name = type(value).__name__
    if RECORD_TYPES.get(name) is type(value) and dataclasses.is_dataclass(value):
        return {
            "d": name,
            "f": {f.name: encode_value(getattr(value, f.name)) for f in dataclasses.fields(value)},
        }
    raise TypeError(f"a {name} cannot be written to the recovery journal")


def decode_value(raw: Any) -> Any:
    """The inverse of :func:`encode_value`; raises JournalError for anything else."""
    if raw is None or isinstance(raw, (str, bool, int, float)):
        return raw
    if isinstance(raw, list):
        return [decode_value(item) for item in raw]
    if isinstance(raw, dict):
        if set(raw) == {"t"} and isinstance(raw["t"], list):
            return tuple(decode_value(item) for item in raw["t"])
        if set(raw) == {"x"} and raw["x"] in ("nan", "inf", "-inf"):
            return float(raw["x"])
        if set(raw) == {"d", "f"} and isinstance(raw["f"], dict):
            cls = RECORD_TYPES.get(raw["d"])
            if cls is None:
                raise JournalError(f"unknown record type {raw['d']!r}")
            known = {f.name for f in dataclasses.fields(cls)}
            fields = raw["f"]
            if not set(fields) <= known:
                raise JournalError(f"unknown fields of {raw['d']}: {sorted(set(fields) - known)}")
            try:
                return cls(**{k: decode_value(v) for k, v in fields.items()})
            except TypeError as exc:
                raise JournalError(str(exc)) from None
    raise JournalError(f"not a journal value: {raw!r}"[:200])


def encode_put(put: Put) -> list[Any]:
    return [
        put.collection,
        encode_value(put.key),
        encode_value(put.old),
        encode_value(put.new),
        put.index,
    ]


def decode_put(raw: Any) -> Put:
    if not isinstance(raw, list) or len(raw) != 5:
        raise JournalError("a change should be [collection, key, old, new, index]")
    collection, key, old, new, index = raw
    if collection not in COLLECTIONS:
        raise JournalError(f"unknown collection {collection!r}")
    if index is not None and (isinstance(index, bool) or not isinstance(index, int)):
        raise JournalError("a change's index should be a whole number or null")
    return Put(collection, decode_value(key), decode_value(old), decode_value(new), index)


def encode_label(label: Any) -> Any:
    if isinstance(label, Message):
        args = {}
        for key, value in label.args.items():
            try:
                args[key] = encode_value(value)
            except TypeError:
                args[key] = str(value)
        return {"msgid": label.msgid, "plural": label.plural, "count": label.count, "args": args}
    return str(label)


def decode_label(raw: Any) -> Message:
    if isinstance(raw, dict) and isinstance(raw.get("msgid"), str):
        args = raw.get("args") or {}
        try:
            decoded = {str(k): decode_value(v) for k, v in args.items()}
        except (JournalError, AttributeError):
            decoded = {}
        count = raw.get("count", 1)
        return Message(
            raw["msgid"],
            raw.get("plural") if isinstance(raw.get("plural"), str) else None,
            count if isinstance(count, int) else 1,
            **decoded,
        )
    return Message(str(raw))


def frame(obj: dict[str, Any]) -> bytes:
    """One journal line: CRC-32 of the JSON text, a space, the JSON text, a line feed."""
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    data = text.encode("utf-8")
    return b"%08x " % zlib.crc32(data) + data + b"\n"


def unframe(line: bytes) -> dict[str, Any]:
    """The JSON object of one complete journal line; JournalError when it is torn."""
    if not line.endswith(b"\n") or len(line) < 11 or line[8:9] != b" ":
        raise JournalError("torn or damaged line")
    body = line[9:-1]
    try:
        crc = int(line[:8], 16)
    except ValueError:
        raise JournalError("damaged line (no checksum)") from None
    if zlib.crc32(body) != crc:
        raise JournalError("damaged line (checksum does not match)")
    try:
        obj = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise JournalError("damaged line (not JSON)") from None
    if not isinstance(obj, dict):
        raise JournalError("damaged line (not an object)")
    return obj


# ====================================================================== reading
@dataclass(frozen=True)
class Header:
    """What a journal starts from."""

    path: Path | None  # the document's file; None: never saved
    disk: DiskState | None  # that file as the base was read from / written to it
    base: str  # the starting model, as native .procm text
    base_is_file: bool  # True when base is the file's content at ``disk``
    pid: int
    host: str
    created: str

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "version": VERSION,
            "app": f"procmodeler {__version__}",
            "pid": self.pid,
            "host": self.host,
            "created": self.created,
            "path": str(self.path) if self.path is not None else None,
            "disk": self.disk.to_json() if self.disk is not None else None,
            "base_is_file": self.base_is_file,
            "base": self.base,
        }

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> Header:
        if raw.get("format") != FORMAT:
            raise JournalError("not a procmodeler journal")
        version = raw.get("version")
        if not isinstance(version, int) or isinstance(version, bool) or version < 1:
            raise JournalError(f"bad journal version {version!r}")
        if version > VERSION:
            raise JournalTooNew(f"journal version {version} is newer than this program's")
        base = raw.get("base")
        if not isinstance(base, str):
            raise JournalError("the journal has no base model")
        path = raw.get("path")
        pid = raw.get("pid")
        return cls(
            path=Path(path) if isinstance(path, str) else None,
            disk=DiskState.from_json(raw.get("disk")) if raw.get("disk") else None,
            base=base,
            base_is_file=bool(raw.get("base_is_file")),
            pid=pid if isinstance(pid, int) else 0,
            host=str(raw.get("host", "")),
            created=str(raw.get("created", "")),
        )


@dataclass(frozen=True)
class Entry:
    """One committed transaction, undo or redo as recorded."""

    n: int
    how: str
    label: Message
    changes: tuple[Put, ...]


@dataclass
class JournalContents:
    """A journal as read: its header, the intact records, and what was cut off."""

    header: Header
    entries: list[Entry]
    torn_tail: bool = False  # the last line was incomplete (a crash during a write)
    damaged_after: int | None = None  # records after this one were unreadable


def _entry(raw: dict[str, Any], expected: int) -> Entry:
    if raw.get("n") != expected:
        raise JournalError(f"record {raw.get('n')!r} where {expected} was expected")
    how = raw.get("how")
    if how not in ("do", "undo", "redo"):
        raise JournalError(f"unknown record kind {how!r}")
    changes = raw.get("changes")
    if not isinstance(changes, list):
        raise JournalError("a record without changes")
    return Entry(expected, how, decode_label(raw.get("label")), tuple(map(decode_put, changes)))


def read_journal(path: Path) -> JournalContents:
    """Read a journal file; raises JournalError when even its header is unreadable.

    Records are read up to the first line that is torn or damaged: a torn last line is
    normal after a crash and is ignored; anything unreadable before the end is reported
    in ``damaged_after`` (later records cannot be applied without it).
    """
    with open(path, "rb") as handle:
        header = Header.from_json(unframe(handle.readline(MAX_LINE + 1)))
        contents = JournalContents(header, [])
        expected, total = 1, handle.tell()
        line = handle.readline(MAX_LINE + 1)
        while line:
            following = handle.readline(MAX_LINE + 1)  # to tell a torn last line
            total += len(line)
            try:
                entry = _entry(unframe(line), expected)
            except JournalError:
                if following:
                    contents.damaged_after = expected - 1
                else:
                    contents.torn_tail = True
                break
            contents.entries.append(entry)
            if total > MAX_JOURNAL_BYTES and following:
                contents.damaged_after = expected  # bounded: the rest is not read
                break
            expected += 1
            line = following
    return contents


# ====================================================================== writing
def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)


def _close_fds(fds: list[int | None]) -> None:
    for i, fd in enumerate(fds):
        if fd is not None:
            if i == 1:
                unlock(fd)
            with contextlib.suppress(OSError):
                os.close(fd)
            fds[i] = None


def new_journal_id() -> str:
    stamp = time.strftime("%Y%m%d-%H%M%S", time.gmtime())
    return f"{stamp}-{os.getpid()}-{secrets.token_hex(4)}"


class Journal:
    """The recovery journal of one open document (see the module docstring).

    ``Journal.start(editor, base_text=..., path=..., disk=...)`` creates it and
    subscribes it to the editor; ``rebase`` after a save, ``discard`` on close.
    Problems writing it (a full disk, a folder that went away) never disturb editing:
    the journal stops, keeps the reason in ``error`` and calls ``on_error`` once.
    """

    def __init__(
        self,
        folder: Path,
        journal_id: str,
        header: Header,
        *,
        sync_interval: float = SYNC_INTERVAL,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.folder = folder
        self.id = journal_id
        self.header = header
        self.sync_interval = sync_interval
        self.clock = clock
        self.error: OSError | None = None
        self.on_error: Callable[[OSError], None] | None = None
        self.records = 0  # records written since the base
        self._fds: list[int | None] = [None, None]  # journal, owner
        self._finalizer = weakref.finalize(self, _close_fds, self._fds)
        self._pending = False  # written but not yet fsynced
        self._last_sync = clock()
        self._unsubscribe: Callable[[], None] | None = None

    # .................................................................. paths
    @property
    def path(self) -> Path:
        return self.folder / (self.id + SUFFIX)

    @property
    def owner_path(self) -> Path:
        return self.folder / (self.id + OWNER_SUFFIX)

    @property
    def active(self) -> bool:
        return self._fds[0] is not None

    # .................................................................. life cycle
    @classmethod
    def start(
        cls,
        editor: Editor | None,
        *,
        base_text: str,
        path: str | os.PathLike[str] | None = None,
        disk: DiskState | None = None,
        base_is_file: bool = False,
        folder: Path | None = None,
        sync_interval: float = SYNC_INTERVAL,
        clock: Callable[[], float] = time.monotonic,
    ) -> Journal:
        """Create a journal whose base is *base_text* (the model as native text) and
        attach it to *editor*. Raises OSError when the recovery folder is unusable."""
        folder = folder if folder is not None else recovery_dir()
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        header = Header(
            Path(path) if path is not None else None,
            disk,
            base_text,
            base_is_file,
            os.getpid(),
            this_host(),
            now_text(),
        )
        journal = cls(folder, new_journal_id(), header, sync_interval=sync_interval, clock=clock)
        journal._create_owner()
        try:
            journal._write_new_file(journal.path)
            journal._open_for_append()
        except BaseException:
            journal._remove_files()
            raise
        if editor is not None:
            journal.attach(editor)
        return journal

    def _create_owner(self) -> None:
        fd = os.open(self.owner_path, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600)
        self._fds[1] = fd
        if try_lock(fd) is False:  # cannot happen for a new file; be safe anyway
            raise OSError(f"cannot lock {self.owner_path}")
        info = {"pid": os.getpid(), "host": this_host(), "started": self.header.created}
        _write_all(fd, (json.dumps(info) + "\n").encode())

    def _write_new_file(self, target: Path) -> None:
        """Write a journal file holding only the header, durably."""
        tmp = target.with_name(target.name + ".new")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            _write_all(fd, frame(self.header.to_json()))
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, target)
        _fsync_dir(self.folder)

    def _open_for_append(self) -> None:
        flags = os.O_WRONLY | os.O_APPEND | getattr(os, "O_BINARY", 0)
        self._fds[0] = os.open(self.path, flags)
        self._last_sync = self.clock()
        self._pending = False

    def attach(self, editor: Editor) -> None:
        """Record every commit, undo and redo of *editor* from now on."""
        self.detach()
        self._unsubscribe = editor.subscribe(self._on_commit)

    def detach(self) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None

    def rebase(
        self,
        base_text: str,
        *,
        path: str | os.PathLike[str] | None,
        disk: DiskState | None,
        base_is_file: bool = True,
    ) -> None:
        """Start over from a new base (after a save): the old records are dropped.

        The new journal file is complete and synced before it replaces the old one, so
        a crash in between leaves one or the other, never neither."""
        if not self.active:
            return
        self.header = dataclasses.replace(
            self.header,
            path=Path(path) if path is not None else None,
            disk=disk,
            base=base_text,
            base_is_file=base_is_file,
            created=now_text(),
        )
        fd, self._fds[0] = self._fds[0], None
        try:
            if fd is not None:
                os.close(fd)  # first: Windows cannot replace a file that is open
            self._write_new_file(self.path)
            self._open_for_append()
            self.records = 0
        except OSError as exc:
            self._fail(exc)

    def discard(self) -> None:
        """Stop and remove the journal (the document was saved or closed on purpose)."""
        self.detach()
        fd = self._fds[0]
        self._fds[0] = None
        if fd is not None:
            with contextlib.suppress(OSError):
                os.close(fd)
        self._remove_files()

    def close(self) -> None:
        """Stop writing but leave the journal for recovery (as a crash would)."""
        self.detach()
        if self._pending:
            self.flush()
        self._finalizer()

    def _remove_files(self) -> None:
        with contextlib.suppress(OSError):
            self.path.unlink()
        with contextlib.suppress(OSError):
            self.path.with_name(self.path.name + ".new").unlink()
        _fsync_dir(self.folder)
        # The owner file goes last, while still locked (on POSIX), so nobody sees a
        # journal without its owner's lock. Windows cannot remove an open file.
        if sys.platform == "win32":  # pragma: no cover - Windows only
            self._finalizer()
        with contextlib.suppress(OSError):
            self.owner_path.unlink()
        self._finalizer()

    # .................................................................. recording
    def _on_commit(self, event: Committed) -> None:
        fd = self._fds[0]
        if fd is None:
            return
        try:
            line = frame(
                {
                    "n": self.records + 1,
                    "how": event.how,
                    "label": encode_label(event.label),
                    "changes": [encode_put(put) for put in event.changes],
                }
            )
        except (TypeError, ValueError) as exc:
            self._fail(OSError(0, f"cannot record this edit: {exc}"))
            return
        try:
            _write_all(fd, line)
        except OSError as exc:
            self._fail(exc)
            return
        self.records += 1
        self._pending = True
        if self.clock() - self._last_sync >= self.sync_interval:
            self.flush()

    def tick(self) -> bool:
        """Sync pending records when ``sync_interval`` has passed (call it from a
        timer); True when it synced."""
        if self._pending and self.clock() - self._last_sync >= self.sync_interval:
            self.flush()
            return True
        return False

    def flush(self) -> None:
        """Sync every record written so far to the disk now."""
        fd = self._fds[0]
        if fd is None or not self._pending:
            return
        try:
            os.fsync(fd)
        except OSError as exc:
            self._fail(exc)
            return
        self._pending = False
        self._last_sync = self.clock()

    @property
    def pending(self) -> bool:
        """Records written to the OS but not yet synced to the disk."""
        return self._pending

    def _fail(self, exc: OSError) -> None:
        if self.error is None:
            self.error = exc
            self.detach()
            fd = self._fds[0]
            self._fds[0] = None
            if fd is not None:
                with contextlib.suppress(OSError):
                    os.close(fd)
            if self.on_error is not None:
                self.on_error(exc)


def journal_files(folder: Path | None = None) -> Iterator[Path]:
    """The journal files in the recovery folder, oldest first."""
    folder = folder if folder is not None else recovery_dir()
    try:
        found = sorted(folder.glob("*" + SUFFIX))
    except OSError:
        return iter(())
    return iter(found)
