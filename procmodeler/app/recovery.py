"""Finding and restoring the unsaved work of sessions that ended without saving.

At start the app calls :func:`find_recoverable`: every journal in the recovery folder
whose owner process is gone (its OS lock on ``ID.owner`` can be taken) and that holds
work not already in a file. Each :class:`RecoverableSession` is *claimed* by the caller
(it holds the owner lock), so two instances starting at once never offer the same work
twice. For each, the app offers to recover (:func:`recover`), to discard
(:func:`discard`) or to decide later (:meth:`RecoverableSession.release`).

Recovery replays the journal on its base model. If the document's file is still exactly
as the journal's base was read from it, the recovered document belongs to that file
(modified, with the recovered edits on the undo stack). If the file changed on disk or
is gone, the recovered work goes into a new, unsaved document and the note says why.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from procmodeler.app.journal import (
    OWNER_SUFFIX,
    SUFFIX,
    Entry,
    JournalContents,
    JournalError,
    JournalTooNew,
    journal_files,
    read_journal,
    recovery_dir,
)
from procmodeler.app.locking import DiskState, try_lock, unlock
from procmodeler.common.errors import UserError
from procmodeler.common.i18n import N_, Message
from procmodeler.edit.editor import Editor
from procmodeler.io import native
from procmodeler.model.architecture import Architecture, ModelError
from procmodeler.model.events import Committed

#: What became of the document's file since the journal's base was read from it.
FILE_NEW = "new"  # never saved
FILE_UNCHANGED = "unchanged"
FILE_CHANGED = "changed"
FILE_MISSING = "missing"


@dataclass
class Replayed:
    """A journal replayed on its base."""

    editor: Editor
    faithful: bool  # the undo history was rebuilt too (else only the model)
    base: Architecture


@dataclass
class RecoverableSession:
    """Unsaved work of a session that ended without saving (see the module docstring)."""

    journal: Path
    path: Path | None  # the file the document belonged to; None: never saved
    file_state: str  # FILE_NEW, FILE_UNCHANGED, FILE_CHANGED or FILE_MISSING
    edits: int  # recorded commits, undos and redos
    name: str  # the model's name after the recovered edits
    last_edit: datetime  # when the journal was last written
    torn_tail: bool
    damaged_after: int | None
    contents: JournalContents = field(repr=False)
    replayed: Replayed = field(repr=False)
    _owner_fd: int | None = field(default=None, repr=False)

    @property
    def title(self) -> str:
        """The file name, or the model's name for a model never saved."""
        if self.path is not None:
            return self.path.name
        return self.name

    @property
    def claimed(self) -> bool:
        return self._owner_fd is not None

    def release(self) -> None:
        """Leave this work for later (another instance or the next start may offer it)."""
        fd, self._owner_fd = self._owner_fd, None
        if fd is not None:
            unlock(fd)
            with contextlib.suppress(OSError):
                os.close(fd)

    def notes(self) -> list[Message]:
        """What the user should know about this recovery, for the offer and afterwards."""
        out: list[Message] = []
        if self.file_state == FILE_CHANGED:
            out.append(
                Message(
                    N_(
                        "'{path}' was changed on disk after this work began, so it is "
                        "recovered into a new, unsaved document. Compare the two before you "
                        "save."
                    ),
                    path=str(self.path),
                )
            )
        elif self.file_state == FILE_MISSING:
            out.append(
                Message(
                    N_(
                        "'{path}' no longer exists, so this work is recovered into a new, "
                        "unsaved document."
                    ),
                    path=str(self.path),
                )
            )
        if self.damaged_after is not None:
            out.append(
                Message(
                    N_(
                        "The recovery journal is damaged after edit {edit}; later edits could "
                        "not be recovered."
                    ),
                    edit=self.damaged_after,
                )
            )
        return out


@dataclass
class Recovered:
    """The result of :func:`recover`: an editor on the recovered model, the file it
    belongs to (None: a new, unsaved document), that file's state, and notes."""

    editor: Editor
    path: Path | None
    disk: DiskState | None
    notes: list[Message]


# ====================================================================== replay
def replay(contents: JournalContents, name: str = "<journal>") -> Replayed:
    """Apply a journal's records to its base model.

    First as the user did them (commits as transactions, undo and redo on the editor),
    which rebuilds the undo history; if that does not reproduce every recorded change
    exactly (the journal began after edits that were later undone), the records are
    applied directly to the model instead, which gives the same model without history.
    Raises JournalError when the records do not fit the base at all.
    """
    try:
        base = native.loadb(contents.header.base.encode("utf-8"), name)
    except UserError as exc:
        raise JournalError(f"the journal's base model cannot be read: {exc}") from None
    try:
        editor = _replay_faithfully(base.copy(), contents.entries)
        return Replayed(editor, True, base)
    except (_Mismatch, ModelError, KeyError, ValueError, TypeError):
        pass
    arch = base.copy()
    try:
        for entry in contents.entries:
            arch.apply_all(entry.changes)
    except (ModelError, KeyError, ValueError, TypeError) as exc:
        raise JournalError(f"the journal does not fit its base model: {exc}") from None
    editor = Editor(arch)
    editor.mark_dirty()
    return Replayed(editor, False, base)


class _Mismatch(Exception):
    pass


def _replay_faithfully(arch: Architecture, entries: list[Entry]) -> Editor:
    editor = Editor(arch)
    editor.mark_clean()  # the base; callers decide whether it is what is on disk
    published: list[Committed] = []
    editor.subscribe(published.append)
    for entry in entries:
        published.clear()
        if entry.how in ("do", "setting"):
            opened = editor.transaction if entry.how == "do" else editor.setting
            with opened(entry.label):
                for change in entry.changes:
                    if change.collection == "meta":
                        made = editor.put("meta", "meta", change.new)
                    else:
                        made = editor.put(change.collection, change.key, change.new)
                    if made != change:
                        raise _Mismatch()
        elif entry.how == "undo":
            if not editor.undo():
                raise _Mismatch()
        elif not editor.redo():
            raise _Mismatch()
        if len(published) != 1 or published[0].changes != entry.changes:
            raise _Mismatch()
    return editor


# ====================================================================== finding
def _claim(owner: Path) -> int | None:
    """Take the owner lock of a journal whose process is gone; None when it is alive."""
    try:
        fd = os.open(owner, os.O_RDWR | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        # The owner file goes last when a journal is removed; a journal without one
        # belongs to a session that died while creating or removing it.
        try:
            fd = os.open(owner, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600)
        except OSError:
            return None
    except OSError:
        return None
    locked = try_lock(fd)
    if locked is False:
        os.close(fd)
        return None
    if locked is None and _owner_alive(fd):
        os.close(fd)
        return None
    return fd


def _owner_alive(fd: int) -> bool:
    """Without OS locks: whether the owner's process still runs (same host only)."""
    from procmodeler.app.locking import pid_alive, this_host

    try:
        os.lseek(fd, 0, os.SEEK_SET)
        info = json.loads(os.read(fd, 4096).decode("utf-8"))
        return bool(info.get("host") == this_host() and pid_alive(int(info["pid"])))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return False


def _remove(journal: Path, fd: int | None) -> None:
    with contextlib.suppress(OSError):
        journal.unlink()
    with contextlib.suppress(OSError):
        journal.with_name(journal.name + ".new").unlink()
    owner = journal.with_suffix(OWNER_SUFFIX)
    if fd is not None and sys.platform == "win32":  # pragma: no cover - Windows only
        unlock(fd)  # Windows cannot remove an open file
        with contextlib.suppress(OSError):
            os.close(fd)
        fd = None
    with contextlib.suppress(OSError):
        owner.unlink()
    if fd is not None:
        unlock(fd)
        with contextlib.suppress(OSError):
            os.close(fd)


def _file_state(contents: JournalContents) -> str:
    header = contents.header
    if header.path is None:
        return FILE_NEW
    if header.disk is None:
        return FILE_CHANGED if header.path.exists() else FILE_MISSING
    reason = header.disk.compare(header.path)
    if reason is None:
        return FILE_UNCHANGED
    return FILE_MISSING if reason == "deleted" else FILE_CHANGED


def find_recoverable(folder: Path | None = None) -> list[RecoverableSession]:
    """Unsaved work of sessions that ended without saving, oldest first, each claimed.

    Journals of live sessions are left alone. Journals with nothing to recover (no
    edits, or edits that end where the file on disk already is) are removed quietly;
    so are journals that cannot be read at all (they are moved aside as
    ``ID.journal.damaged`` rather than deleted, for a bug report).
    """
    folder = folder if folder is not None else recovery_dir()
    found: list[RecoverableSession] = []
    for journal in journal_files(folder):
        owner = journal.with_suffix(OWNER_SUFFIX)
        fd = _claim(owner)
        if fd is None:
            continue
        if not journal.exists():  # removed by its owner in between
            _remove(journal, fd)
            continue
        try:
            contents = read_journal(journal)
            replayed = replay(contents, str(journal))
        except JournalTooNew:
            unlock(fd)
            os.close(fd)
            continue  # for the newer procmodeler that wrote it
        except (OSError, JournalError, MemoryError, RecursionError):
            with contextlib.suppress(OSError):  # unreadable, or too large for memory
                os.replace(journal, journal.with_name(journal.name + ".damaged"))
            _remove(journal, fd)
            continue
        state = _file_state(contents)
        arch = replayed.editor.arch
        if not contents.entries or _nothing_to_recover(contents, state, replayed):
            _remove(journal, fd)
            continue
        try:
            mtime = datetime.fromtimestamp(journal.stat().st_mtime, UTC)
        except OSError:
            mtime = datetime.now(UTC)
        found.append(
            RecoverableSession(
                journal=journal,
                path=contents.header.path,
                file_state=state,
                edits=len(contents.entries),
                name=arch.meta.name,
                last_edit=mtime,
                torn_tail=contents.torn_tail,
                damaged_after=contents.damaged_after,
                contents=contents,
                replayed=replayed,
                _owner_fd=fd,
            )
        )
    # Stray owner files whose journal is gone (a crash between creating the two).
    for owner in sorted(folder.glob("*" + OWNER_SUFFIX)) if folder.is_dir() else []:
        journal = owner.with_suffix(SUFFIX)
        if journal.exists() or _age(owner) < STRAY_AGE:
            continue  # a young one may belong to a journal being created right now
        fd = _claim(owner)
        if fd is not None and not journal.exists():
            _remove(journal, fd)
        elif fd is not None:
            unlock(fd)
            os.close(fd)
    return found


#: Seconds after which an owner file without a journal counts as left behind.
STRAY_AGE = 60.0


def _age(path: Path) -> float:
    try:
        return time.time() - path.stat().st_mtime
    except OSError:
        return 0.0


def _nothing_to_recover(contents: JournalContents, state: str, replayed: Replayed) -> bool:
    arch = replayed.editor.arch
    header = contents.header
    if state == FILE_NEW or not header.base_is_file:
        return bool(arch == replayed.base and state in (FILE_NEW, FILE_UNCHANGED))
    if state == FILE_UNCHANGED:
        return bool(arch == replayed.base)
    if state == FILE_CHANGED and header.path is not None:
        # Saved, and the journal not yet rebased when the session died: the file holds
        # exactly the recovered model already.
        try:
            return bool(native.load(header.path) == arch)
        except UserError:
            return False
    return False


# ====================================================================== acting
def recover(entry: RecoverableSession) -> Recovered:
    """The recovered document. The journal stays (claimed) until :func:`discard`, which
    the caller does once the recovered document has a journal of its own."""
    editor = entry.replayed.editor
    header = entry.contents.header
    if entry.file_state == FILE_UNCHANGED:
        if not (header.base_is_file and entry.replayed.faithful):
            editor.mark_dirty()
        return Recovered(editor, header.path, header.disk, entry.notes())
    editor.mark_dirty()
    return Recovered(editor, None, None, entry.notes())


def discard(entry: RecoverableSession) -> None:
    """Remove the journal of this work for good."""
    fd, entry._owner_fd = entry._owner_fd, None
    _remove(entry.journal, fd)


def release_all(entries: list[RecoverableSession]) -> None:
    for entry in entries:
        entry.release()
