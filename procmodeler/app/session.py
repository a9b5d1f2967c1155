"""One open document without Qt: the model's editor, the file it came from and whether
it has unsaved changes.

``Session.new()`` starts an empty model, ``Session.open(path)`` reads a native file
(raising :class:`~procmodeler.common.errors.UserError` for a bad one), ``save()`` and
``save(path)`` (save as) write it atomically and mark the editor clean. The modified flag
is the editor's: undoing back to the saved state makes the document unmodified again.

Safety (docs/reliability.md): a session keeps a recovery journal of every committed edit
(:mod:`procmodeler.app.journal`; the app calls :meth:`Session.tick` from a timer and
:meth:`Session.close` when the document is closed), holds a lock on its file so that a
second instance is warned (:class:`~procmodeler.app.locking.LockedByOther`), and refuses
to overwrite a file that changed on disk since it was opened or saved
(:class:`~procmodeler.app.locking.SaveConflict`; ``save(overwrite=True)`` after asking).
:meth:`Session.recover` turns unsaved work found at start into a session.
"""

from __future__ import annotations

import os
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from procmodeler.app.journal import Journal
from procmodeler.app.locking import DiskState, FileLock, LockedByOther, SaveConflict
from procmodeler.common.errors import Problem, UserError
from procmodeler.common.gcpause import gc_paused
from procmodeler.common.i18n import N_, Message
from procmodeler.common.paths import examples_dir
from procmodeler.edit.editor import Editor
from procmodeler.model.architecture import Architecture
from procmodeler.model.elements import Metadata

if TYPE_CHECKING:
    from collections.abc import Callable

    from procmodeler.app.recovery import RecoverableSession
    from procmodeler.model.events import Committed

#: The file name suffix of native model files.
SUFFIX = ".procm"


def is_bundled(path: Path) -> bool:
    """Whether *path* is one of the bundled examples (opened as a copy, never locked)."""
    folder = examples_dir().resolve()
    return path.resolve().parent == folder


def _native() -> ModuleType:
    try:
        from procmodeler.io import native
    except ImportError:
        raise UserError(Message(N_("The native file format is not available."))) from None
    return native


class Session:
    """An open document: an editor on a model and the path it is saved at (if any)."""

    def __init__(
        self,
        editor: Editor | None = None,
        path: str | os.PathLike[str] | None = None,
        *,
        disk: DiskState | None = None,
        lock: FileLock | None = None,
        read_only: bool = False,
        journal: bool = True,
        base_text: str | None = None,
        journal_later: bool = False,
    ):
        self.editor = editor if editor is not None else Editor()
        self.path: Path | None = Path(path) if path is not None else None
        #: The file's content as this session read or last wrote it (None: unknown).
        self.disk = disk
        #: This session's lock on its file (None: not locked, e.g. read-only).
        self.lock = lock
        #: Opened read-only: saving to its own path is refused (save as is allowed).
        self.read_only = read_only
        #: The recovery journal (None when off, or when it could not be started).
        self.journal: Journal | None = None
        #: Why the journal is not running, if it failed (the app should say so).
        self.journal_error: OSError | None = None
        #: Notes for the user about a recovered session (see :meth:`recover`).
        self.recovery_notes: list[Message] = []
        #: With *journal_later*: the journal's base, kept until the second :meth:`tick`
        #: or the first edit starts the journal (a big model's first paint does not wait
        #: for writing it); None when no start is pending.
        self._later_base: str | None = None
        self._later_hook: Callable[[], None] | None = None
        self._later_ticks = 0
        if journal and journal_later and base_text is not None:
            self._later_base = base_text
            self._later_hook = self.editor.subscribe(self._start_at_first_edit)
        elif journal:
            self.start_journal(base_text)

    # ------------------------------------------------------------------ create
    @classmethod
    def new(cls, language: str = "en") -> Session:
        """An empty, unmodified, unsaved model."""
        arch = Architecture(Metadata(language=language))
        return cls(Editor(arch))

    @classmethod
    def open(
        cls,
        path: str | os.PathLike[str],
        *,
        read_only: bool = False,
        force: bool = False,
        journal: bool = True,
        journal_later: bool = False,
    ) -> Session:
        """Read a native model file; raises UserError when it cannot be read.

        *journal_later*: the recovery journal (a copy of the whole file) is written at the
        second :meth:`tick` or the first edit, whichever comes first, instead of now.

        Unless *read_only*, the file is locked for this session; when another instance
        has it open this raises :class:`LockedByOther` (a UserError naming who has it):
        ask, then open again with ``read_only=True`` or ``force=True``.
        """
        target = Path(path)
        if not target.is_file():
            raise UserError(Message(N_("There is no file '{path}'."), path=str(target)))
        native = _native()
        resolved = target.resolve()
        if is_bundled(resolved):
            return cls.open_copy(resolved)  # no lock file among the package's resources
        lock = None if read_only else FileLock.acquire(resolved, force=force)
        try:
            if target.stat().st_size > native.MAX_FILE_SIZE:
                native.load(target)  # refuses it with the size message
            data = target.read_bytes()
            # hundreds of thousands of objects and no cycles: the collector, paused, does
            # not walk them again and again (10,000 processes open ~0.2 s sooner)
            with gc_paused():
                arch = native.loadb(data, str(target))
        except OSError as exc:
            if lock is not None:
                lock.release()
            raise UserError(
                Problem(
                    str(target),
                    Message(N_("cannot be read: {reason}"), reason=exc.strerror or str(exc)),
                )
            ) from None
        except BaseException:
            if lock is not None:
                lock.release()
            raise
        editor = Editor(arch)
        editor.mark_clean()
        return cls(
            editor,
            resolved,
            disk=DiskState.of_bytes(resolved, data),
            lock=lock,
            read_only=read_only,
            journal=journal,
            base_text=data.decode("utf-8-sig"),
            journal_later=journal_later,
        )

    @classmethod
    def open_copy(cls, path: str | os.PathLike[str]) -> Session:
        """A new, untitled document with the content of a file (a bundled example, a
        template): the file is not locked, and saving asks for a name. Like a new
        document it has no unsaved changes until the first edit, so closing it or
        opening another file asks nothing (the file it came from is still there)."""
        return cls(Editor(_native().load(path)))

    @classmethod
    def recover(cls, entry: RecoverableSession) -> Session:
        """A session with the unsaved work of a session that ended without saving
        (found by :func:`procmodeler.app.recovery.find_recoverable`).

        It belongs to its old file only when that file is unchanged and not open
        elsewhere; otherwise it is a new, unsaved document, and ``recovery_notes`` say
        why. The old journal is removed once the new session has its own.
        """
        from procmodeler.app import recovery

        result = recovery.recover(entry)
        path, disk, lock = result.path, result.disk, None
        notes = list(result.notes)
        if path is not None:
            try:
                lock = FileLock.acquire(path)
            except LockedByOther as exc:
                notes.append(
                    Message(
                        N_(
                            "'{path}' is open in another procmodeler ({who}), so this work is "
                            "recovered into a new, unsaved document."
                        ),
                        path=str(path),
                        who=exc.info.describe(),
                    )
                )
                path, disk = None, None
                result.editor.mark_dirty()
        session = cls(result.editor, path, disk=disk, lock=lock)
        session.recovery_notes = notes
        if session.journal is not None:
            recovery.discard(entry)
        else:
            entry.release()  # keep the old journal: it is still the only copy
        return session

    # ------------------------------------------------------------------ state
    @property
    def arch(self) -> Architecture:
        return self.editor.arch

    @property
    def is_modified(self) -> bool:
        return self.editor.is_modified

    @property
    def display_name(self) -> str | None:
        """The file name without folder, or None for a document never saved."""
        return self.path.name if self.path is not None else None

    # ------------------------------------------------------------------ save
    def save(self, path: str | os.PathLike[str] | None = None, *, overwrite: bool = False) -> Path:
        """Write the model to *path* (save as) or to its own path; returns the path.

        A path without a suffix gets ``.procm``. The write is atomic; on failure the
        old file is untouched and the session keeps its path and modified state.

        Saving to its own path raises :class:`SaveConflict` when the file changed or
        was deleted since this session opened or last saved it, and a UserError when
        the session is read-only; ``overwrite=True`` (after asking the user) saves
        anyway. Saving to another path takes that file's lock first
        (:class:`LockedByOther` when another instance has it open).
        """
        if path is None and self.path is None:
            raise ValueError("a document that was never saved needs a path")
        target = Path(path) if path is not None else self.path
        assert target is not None
        if not target.suffix:
            target = target.with_suffix(SUFFIX)
        resolved = target.resolve()
        native = _native()
        new_lock: FileLock | None = None
        if resolved == self.path:
            if self.read_only and not overwrite:
                raise UserError(
                    Problem(
                        str(target),
                        Message(N_("was opened read-only; save it under another name")),
                    )
                )
            if self.disk is not None and not overwrite:
                reason = self.disk.compare(resolved)
                if reason is not None:
                    raise SaveConflict(resolved, reason)
        else:
            new_lock = FileLock.acquire(resolved, force=overwrite)
        text = native.dumps(self.arch)
        try:
            native.save(self.arch, target)
        except OSError as exc:
            if new_lock is not None:
                new_lock.release()
            raise UserError(
                Message(
                    N_("Cannot save '{path}': {reason}"),
                    path=str(target),
                    reason=exc.strerror or str(exc),
                )
            ) from None
        except BaseException:
            if new_lock is not None:
                new_lock.release()
            raise
        if new_lock is not None:
            if self.lock is not None:
                self.lock.release()
            self.lock = new_lock
            self.read_only = False
        self.path = resolved
        self.disk = DiskState.of_bytes(resolved, text.encode("utf-8"))
        self.editor.mark_clean()
        if self._later_base is not None:
            self._later_base = text  # the journal, when it starts, starts from this
        if self.journal is not None:
            self.journal.rebase(text, path=resolved, disk=self.disk, base_is_file=True)
        return self.path

    # ------------------------------------------------------------------ safety
    def start_journal(self, base_text: str | None = None) -> None:
        """Start the recovery journal from the current model (*base_text*: the model as
        native text when the caller has it, e.g. the bytes just read)."""
        if self.journal is not None:
            return
        try:
            text = base_text if base_text is not None else _native().dumps(self.arch)
            self.journal = Journal.start(
                self.editor,
                base_text=text,
                path=self.path,
                disk=self.disk,
                base_is_file=base_text is not None and self.disk is not None,
            )
        except Exception as exc:  # never let the safety net stop the user from working
            self.journal_error = exc if isinstance(exc, OSError) else OSError(0, str(exc))
            return
        self.journal.on_error = self._journal_failed

    def _journal_failed(self, exc: OSError) -> None:
        self.journal_error = exc

    def _start_later_journal(self) -> None:
        """Start the journal put off by *journal_later* (nothing when none is pending)."""
        base = self._drop_later()
        if base is not None:
            self.start_journal(base)

    def _drop_later(self) -> str | None:
        base, self._later_base = self._later_base, None
        if self._later_hook is not None:
            self._later_hook()
            self._later_hook = None
        return base

    def _start_at_first_edit(self, event: Committed) -> None:
        """The first edit before the journal started: the journal starts from the model as it
        was (the base kept) and records this edit as its first record."""
        self._start_later_journal()
        if self.journal is not None:
            self.journal.record(event)

    def tick(self) -> None:
        """Sync the recovery journal when due (and start it, the first time, when it was
        put off); the app calls this from a timer (0.1 s)."""
        if self._later_base is not None:
            # not at the first tick: after a big model was read and built that one is
            # overdue and would come before the window's first paint
            self._later_ticks += 1
            if self._later_ticks >= 2:
                self._start_later_journal()
        if self.journal is not None:
            self.journal.tick()

    def close(self) -> None:
        """The document is closed on purpose (saved, or changes discarded by the user):
        remove its recovery journal and give its file free."""
        self._drop_later()
        if self.journal is not None:
            self.journal.discard()
            self.journal = None
        if self.lock is not None:
            self.lock.release()
            self.lock = None

    def shutdown(self) -> None:
        """The app is stopped from outside (SIGTERM, SIGINT, logging out) without asking:
        keep the recovery journal, so unsaved work is offered at the next start, and give
        the file free."""
        self._drop_later()
        if self.journal is not None:
            self.journal.close()
            self.journal = None
        if self.lock is not None:
            self.lock.release()
            self.lock = None

    def file_changed_on_disk(self) -> str | None:
        """ "changed" or "deleted" when the file is no longer what this session read or
        last saved, else None (for a check when the window gets focus)."""
        if self.path is None or self.disk is None:
            return None
        return self.disk.compare(self.path)
