"""The desktop side of the safety net (docs/reliability.md): the offer to recover unsaved
work at start, the questions when a file is open elsewhere or changed on disk, and the
timer that keeps the recovery journal synced.

The words come from the Qt-free :mod:`procmodeler.app.prompts` (translated with the
app's catalogue), so the command line and the app ask the same questions.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from procmodeler.app import prompts, recovery
from procmodeler.app.locking import LockedByOther, SaveConflict
from procmodeler.app.recovery import RecoverableSession
from procmodeler.app.session import Session
from procmodeler.common.i18n import Translator, translator

#: How often the journal's pending records are synced to the disk (ms).
SYNC_PERIOD_MS = 100


def ask(parent: QWidget | None, prompt: prompts.Prompt, tr: Translator) -> str:
    """Ask a prompt in a message box; returns the key of the chosen answer."""
    box = QMessageBox(parent)
    box.setObjectName("safetyPrompt")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(prompt.title.text(tr))
    box.setText(prompt.text.text(tr))
    buttons: dict[QAbstractButton, str] = {}
    for key, label in prompt.choices:
        role = (
            QMessageBox.ButtonRole.RejectRole
            if key == prompt.cancel
            else QMessageBox.ButtonRole.AcceptRole
        )
        buttons[box.addButton(label.text(tr), role)] = key
    first = next(iter(buttons))
    if isinstance(first, QPushButton):
        box.setDefaultButton(first)
    box.exec()
    clicked = box.clickedButton()
    return buttons.get(clicked, prompt.cancel) if clicked is not None else prompt.cancel


class RecoveryDialog(QDialog):
    """Lists unsaved work of sessions that ended without saving; the user recovers,
    discards or postpones each (``decisions`` after the dialog closes)."""

    def __init__(
        self, entries: list[RecoverableSession], tr: Translator, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("recoveryDialog")
        self.entries = entries
        self.decisions: dict[int, str] = {}
        prompt = prompts.recovery_offer(len(entries))
        self.setWindowTitle(prompt.title.text(tr))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        intro = QLabel(prompt.text.text(tr))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.list = QListWidget()
        self.list.setObjectName("recoveryList")
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        for i, entry in enumerate(entries):
            lines = [prompts.describe_session(entry).text(tr)]
            lines.extend("   " + note.text(tr) for note in entry.notes())
            item = QListWidgetItem("\n".join(lines))
            item.setData(Qt.ItemDataRole.UserRole, i)
            item.setToolTip(str(entry.path) if entry.path else entry.title)
            self.list.addItem(item)
        self.list.selectAll()
        layout.addWidget(self.list)
        row = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for key, label in prompt.choices:
            button = QPushButton(label.text(tr))
            button.setObjectName(f"recovery-{key}")
            button.clicked.connect(lambda _=False, k=key: self._decide(k))
            self.buttons[key] = button
            row.addWidget(button)
        row.insertStretch(2)
        self.buttons[prompts.RECOVER].setDefault(True)
        layout.addLayout(row)

    def _decide(self, key: str) -> None:
        chosen = [item.data(Qt.ItemDataRole.UserRole) for item in self.list.selectedItems()]
        if key == prompts.LATER or not chosen:
            chosen = [
                self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())
            ]
        for index in chosen:
            self.decisions[index] = key
        for row in sorted((self.list.row(self.list.item(i)) for i in range(self.list.count())),
                          reverse=True):  # fmt: skip
            if self.list.item(row).data(Qt.ItemDataRole.UserRole) in self.decisions:
                self.list.takeItem(row)
        if self.list.count() == 0:
            self.accept()
        else:
            self.list.selectAll()


def offer_recovery(
    parent: QWidget | None = None,
    tr: Translator | None = None,
    folder: Path | None = None,
    choose: Callable[[RecoveryDialog], None] | None = None,
) -> tuple[list[Session], list[str]]:
    """Offer the unsaved work found at start; returns the recovered sessions and the
    notes to show (translated). Work the user postpones stays for the next start.

    *choose* replaces ``dialog.exec()`` (tests)."""
    tr = tr or translator("en")
    entries = recovery.find_recoverable(folder)
    if not entries:
        return [], []
    dialog = RecoveryDialog(entries, tr, parent)
    if choose is not None:
        choose(dialog)
    else:
        dialog.exec()
    sessions: list[Session] = []
    notes: list[str] = []
    for i, entry in enumerate(entries):
        decision = dialog.decisions.get(i, prompts.LATER)
        if decision == prompts.RECOVER:
            session = Session.recover(entry)
            sessions.append(session)
            notes.extend(note.text(tr) for note in session.recovery_notes)
        elif decision == prompts.DISCARD:
            recovery.discard(entry)
        else:
            entry.release()
    return sessions, notes


def open_session(parent: QWidget | None, path: str | Path, tr: Translator) -> Session | None:
    """``Session.open`` that asks when another procmodeler has the file open; None when
    the user cancels. Other errors (UserError, OSError) propagate. The recovery journal
    starts at the window's second journal tick or first edit (``journal_later``)."""
    try:
        session = Session.open(path, journal_later=True)  # the window paints first
    except LockedByOther as exc:
        answer = ask(parent, prompts.file_in_use(exc), tr)
    else:
        _note_stale_lock(parent, session, tr)
        return session
    if answer == prompts.READ_ONLY:
        return Session.open(path, read_only=True, journal_later=True)
    if answer == prompts.OPEN_ANYWAY:
        return Session.open(path, force=True, journal_later=True)
    return None


def _note_stale_lock(parent: QWidget | None, session: Session, tr: Translator) -> None:
    """Say in the status bar whose left-behind lock this session took over."""
    note = session.lock.note() if session.lock is not None else None
    bar = getattr(parent, "statusBar", None)
    if note is None or bar is None:
        return
    text = note.text(tr)
    QTimer.singleShot(0, lambda: bar().showMessage(text, 20000))  # after "opened ..."


def save_session(
    parent: QWidget | None,
    session: Session,
    path: str | Path | None,
    tr: Translator,
    save_as: Callable[[], bool],
) -> Path | None:
    """``Session.save`` that asks when the file changed on disk since it was opened (or
    is open elsewhere, for save as); None when the user cancelled or chose save as
    (which *save_as* then did). Other errors propagate."""
    try:
        return session.save(path)
    except SaveConflict as exc:
        answer = ask(parent, prompts.changed_on_disk(exc), tr)
    if answer == prompts.OVERWRITE:
        return session.save(path, overwrite=True)
    if answer == prompts.SAVE_AS:
        save_as()
    return None


class JournalSync(QObject):
    """Calls ``session().tick()`` every :data:`SYNC_PERIOD_MS`, so the journal's pending
    records reach the disk within the journal's sync interval even when no further
    edit comes (the durability promise of docs/reliability.md)."""

    def __init__(self, session: Callable[[], Session], parent: QObject) -> None:
        super().__init__(parent)
        self._session = session
        self.timer = QTimer(self)
        self.timer.setInterval(SYNC_PERIOD_MS)
        self.timer.timeout.connect(lambda: self._session().tick())
        self.timer.start()
