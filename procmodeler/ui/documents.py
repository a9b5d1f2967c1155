"""The main window's document: new, open, save, save as, recent files, bundled
examples, recovery of unsaved work and the unsaved-changes question, through a Qt-free
:class:`~procmodeler.app.session.Session`."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from procmodeler.app import prompts
from procmodeler.app.session import SUFFIX, Session
from procmodeler.common.errors import UserError
from procmodeler.common.gcpause import gc_paused
from procmodeler.common.paths import examples_dir
from procmodeler.ui import safety, settings

if TYPE_CHECKING:
    from procmodeler.ui.mainwindow import MainWindow


class Documents(QObject):
    """File commands of one window; the window shows the session they give it."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    # ------------------------------------------------------------------ helpers
    def error(self, title: str, exc: UserError | OSError) -> None:
        """Show a user error or a failed file operation in a dialog."""
        if isinstance(exc, UserError):
            text = "\n".join(exc.lines(self.window.context.catalogue()))
        else:
            text = exc.strerror or str(exc)
        QMessageBox.critical(self.window, title, text)

    def start_dir(self) -> str:
        """Where file dialogs start: the open file's folder, else the last one used."""
        session = self.window.session
        if session.path is not None:
            return str(session.path.parent)
        recent = settings.recent_files() if self.window.remember else []
        return str(Path(recent[0]).parent) if recent else str(Path.home())

    def base_name(self, default: str) -> str:
        """A file name stem for exports: the model file's, else the model's name."""
        session = self.window.session
        if session.path:
            return session.path.stem
        return self.window.context.arch.meta.name or default

    def _model_filter(self) -> str:
        return self.tr("procmodeler models (*.procm)") + ";;" + self.tr("All files (*)")

    def _open_filter(self) -> str:
        """File > Open: models first, then what it offers to import."""
        return ";;".join(
            [
                self.tr("Models, BPMN and registers (*.procm *.bpmn *.xml *.xlsx *.csv)"),
                self.tr("procmodeler models (*.procm)"),
                self.tr("BPMN 2.0 XML (*.bpmn *.xml)"),
                self.tr("Process registers (*.xlsx *.csv)"),
                self.tr("All files (*)"),
            ]
        )

    def _status(self, text: str, ms: int = 4000) -> None:
        self.window.statusBar().showMessage(text, ms)

    # ------------------------------------------------------------------ the session
    def maybe_save(self) -> bool:
        """Ask to save unsaved changes; False when the user cancels."""
        w = self.window
        w.canvas.flush()
        if not w.session.is_modified:
            return True
        name = w.session.display_name or w.context.arch.meta.name or self.tr("Untitled")
        answer = QMessageBox.question(
            w,
            self.tr("Unsaved Changes"),
            self.tr("Do you want to save the changes to \u201c{name}\u201d?").format(name=name),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def offer_recovery(self, choose=None) -> int:  # type: ignore[no-untyped-def]
        """Offer unsaved work of sessions that ended without saving (at start); the
        first recovered document goes into this window when it is empty, the others
        into new windows. Returns how many were recovered."""
        w = self.window
        tr = w.context.catalogue()
        sessions, notes = safety.offer_recovery(w, tr, choose=choose)
        for i, session in enumerate(sessions):
            empty = w.session.path is None and not w.session.is_modified
            target = w if i == 0 and empty else self.new_window()
            target.set_session(session)
        if notes:
            box = QMessageBox(w)
            box.setObjectName("recoveryNotes")
            box.setIcon(QMessageBox.Icon.Information)
            box.setWindowTitle(prompts.recovery_offer(len(sessions)).title.text(tr))
            box.setText("\n\n".join(notes))
            box.open()
        return len(sessions)

    def new_document(self) -> None:
        if self.maybe_save():
            lang = "sv" if self.window.context.catalogue().lang == "sv" else "en"
            self.window.set_session(Session.new(lang))

    def new_window(self) -> MainWindow:
        from procmodeler.ui.mainwindow import MainWindow

        w = self.window
        win = MainWindow(remember=w.remember)
        win.move(w.pos() + w.rect().topLeft() + w.rect().center() / 8)
        win.show()
        return win

    # ------------------------------------------------------------------ open
    def open_dialog(self) -> None:
        if not self.maybe_save():
            return
        path, _ = QFileDialog.getOpenFileName(
            self.window, self.tr("Open Model"), self.start_dir(), self._open_filter()
        )
        if path:
            self.open_path(path, ask=False)

    def _import_instead(self, path: Path) -> bool | None:
        """A BPMN file or a register is imported, when the user agrees, rather than
        opened as a model; None when *path* is a model file to open."""
        suffix = path.suffix.lower()
        if suffix in (".bpmn", ".xml"):
            what = self.tr("“{name}” is a BPMN file. Import it as a new model?")
            run = self.window.exchange.import_bpmn_path
        elif suffix in (".xlsx", ".csv") or path.is_dir():
            what = self.tr("“{name}” is a process register. Import it as a new model?")
            run = self.window.registers.import_path
        else:
            return None
        answer = QMessageBox.question(
            self.window,
            self.tr("Open"),
            what.format(name=path.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Yes,
        )
        return answer == QMessageBox.StandardButton.Yes and run(path)

    def open_path(self, path: str | Path, ask: bool = True) -> bool:
        """Open a model file in this window (a BPMN file or a register: offer to import
        it); a bad file gives a message, not a crash."""
        w = self.window
        if ask and not self.maybe_save():
            return False
        imported = self._import_instead(Path(path))
        if imported is not None:
            return imported
        try:
            session = safety.open_session(w, path, w.context.catalogue())
        except (UserError, OSError) as exc:
            self.error(self.tr("Cannot Open File"), exc)
            return False
        if session is None:  # the file is in use and the user cancelled
            return False
        with gc_paused():  # the views of a big model: many objects, no cycles
            w.set_session(session)
        if session.path is None:  # a bundled example: a copy, so nothing is locked there
            self._status(self.tr("Opened a copy of {path}").format(path=path))
            return True
        if w.remember:
            settings.add_recent_file(str(session.path))
        self._status(self.tr("Opened {path}").format(path=session.path))
        return True

    def fill_recent(self, menu: QMenu) -> None:
        menu.clear()
        files = settings.recent_files() if self.window.remember else []
        for path in files:
            act = menu.addAction(Path(path).name)
            act.setStatusTip(path)
            act.triggered.connect(lambda _=False, p=path: self.open_path(p))
        if files:
            menu.addSeparator()
            menu.addAction(self.tr("Clear Recent Files"), settings.clear_recent_files)
        else:
            menu.addAction(self.tr("No Recent Files")).setEnabled(False)

    def fill_examples(self, menu: QMenu) -> None:
        menu.clear()
        folder = examples_dir()
        files = sorted(folder.glob(f"*{SUFFIX}")) if folder.is_dir() else []
        for path in files:
            act = menu.addAction(path.stem)
            act.triggered.connect(lambda _=False, p=path: self.open_example(p))
        if not files:
            menu.addAction(self.tr("No Examples Installed")).setEnabled(False)

    def open_example(self, path: Path) -> None:
        """Open a bundled example as a new unsaved model (the bundled file stays as is)."""
        if not self.maybe_save():
            return
        try:
            opened = Session.open_copy(path)
        except UserError as exc:
            self.error(self.tr("Cannot Open File"), exc)
            return
        self.window.set_session(opened)

    # ------------------------------------------------------------------ save
    def save(self) -> bool:
        w = self.window
        w.canvas.flush()
        if w.session.path is None:
            return self.save_as()
        return self._save_to(None)

    def save_as(self) -> bool:
        w = self.window
        w.canvas.flush()
        suggestion = w.session.path or Path(self.start_dir()) / (
            (w.context.arch.meta.name or self.tr("Untitled")) + SUFFIX
        )
        path, _ = QFileDialog.getSaveFileName(
            w, self.tr("Save Model As"), str(suggestion), self._model_filter()
        )
        if not path:
            return False
        return self._save_to(Path(path))

    def _save_to(self, path: Path | None) -> bool:
        w = self.window
        try:
            saved = safety.save_session(w, w.session, path, w.context.catalogue(), self.save_as)
        except UserError as exc:
            self.error(self.tr("Cannot Save File"), exc)
            return False
        if saved is None:  # changed on disk: cancelled, or saved under another name
            return False
        if w.remember:
            settings.add_recent_file(str(saved))
        w.update_title()
        self._status(self.tr("Saved {path}").format(path=saved))
        w.shared.after_save()
        return True
