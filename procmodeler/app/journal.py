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
import os
import secrets
import sys
import time
import weakref
from collections.abc import Callable, Iterator
from pathlib import Path

from procmodeler.app.journalfile import (
    FORMAT as FORMAT,
)
from procmodeler.app.journalfile import (
    MAX_JOURNAL_BYTES as MAX_JOURNAL_BYTES,
)
from procmodeler.app.journalfile import (
    MAX_LINE as MAX_LINE,
)
from procmodeler.app.journalfile import (
    OWNER_SUFFIX as OWNER_SUFFIX,
)
from procmodeler.app.journalfile import (
    RECORD_TYPES as RECORD_TYPES,
)
from procmodeler.app.journalfile import (
    SUFFIX as SUFFIX,
)
from procmodeler.app.journalfile import (
    SYNC_INTERVAL as SYNC_INTERVAL,
)
from procmodeler.app.journalfile import (
    VERSION as VERSION,
)
from procmodeler.app.journalfile import (
    Entry as Entry,
)
from procmodeler.app.journalfile import (
    Header as Header,
)
from procmodeler.app.journalfile import (
    JournalContents as JournalContents,
)
from procmodeler.app.journalfile import (
    JournalError as JournalError,
)
from procmodeler.app.journalfile import (
    JournalTooNew as JournalTooNew,
)
from procmodeler.app.journalfile import (
    decode_label as decode_label,
)
from procmodeler.app.journalfile import (
    decode_put as decode_put,
)
from procmodeler.app.journalfile import (
    decode_value as decode_value,
)
from procmodeler.app.journalfile import (
    encode_label as encode_label,
)
from procmodeler.app.journalfile import (
    encode_put as encode_put,
)
from procmodeler.app.journalfile import (
    encode_value as encode_value,
)
from procmodeler.app.journalfile import (
    frame as frame,
)
from procmodeler.app.journalfile import (
    read_journal as read_journal,
)
from procmodeler.app.journalfile import (
    recovery_dir as recovery_dir,
)
from procmodeler.app.journalfile import (
    unframe as unframe,
)
from procmodeler.app.locking import DiskState, now_text, this_host, try_lock, unlock
from procmodeler.edit.editor import Editor
from procmodeler.model.events import Committed


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
    def record(self, event: Committed) -> None:
        """Record one commit, undo or redo (what the editor's subscription does; for
        the edit that started a journal put off until then)."""
        self._on_commit(event)

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
