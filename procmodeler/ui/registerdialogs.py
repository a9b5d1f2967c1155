"""File › Import › Process register… and File › Export › Process register…: a register (a
folder of CSV files or an ``.xlsx`` workbook) to a model and back, with the command
line's messages (``warning: ...``, ``note: ...``, one line per problem) in a dialog."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMessageBox

from procmodeler.app.session import Session
from procmodeler.common.errors import UserError
from procmodeler.edit.editor import Editor

if TYPE_CHECKING:
    from procmodeler.ui.mainwindow import MainWindow


class RegisterExchange(QObject):
    """The register commands of one window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        #: the last message dialog shown (kept so that it stays open, and for tests)
        self.messages: QMessageBox | None = None

    def _show(self, title: str, text: str, lines: list[str], error: bool = False) -> None:
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Critical if error else QMessageBox.Icon.Information)
        box.setWindowTitle(title)
        box.setText(text)
        if lines:
            box.setDetailedText("\n".join(lines))
            if len(lines) <= 12:
                box.setInformativeText("\n".join(lines))
        self.messages = box
        box.open()

    def _error(self, title: str, exc: UserError | OSError) -> None:
        tr = self.window.context.catalogue()
        if isinstance(exc, UserError):
            lines = [f"{tr('error')}: {line}" for line in exc.lines(tr)]
        else:
            lines = [f"{tr('error')}: {exc.filename or ''}: {exc.strerror or exc}"]
        text = self.tr("Nothing was imported or written. Problems: {n}.").format(n=len(lines))
        self._show(title, text, lines, error=True)

    # ------------------------------------------------------------------ import
    def import_dialog(self) -> None:
        w = self.window
        if not w.documents.maybe_save():
            return
        path, _ = QFileDialog.getOpenFileName(
            w,
            self.tr("Import Process Register"),
            w.documents.start_dir(),
            ";;".join(
                [
                    self.tr("Register (*.xlsx *.csv)"),
                    self.tr("Excel workbook (*.xlsx)"),
                    self.tr("Any CSV file of a register folder (*.csv)"),
                ]
            ),
        )
        if path:
            self.import_path(path)

    def import_path(self, path: str | Path) -> bool:
        """Import the register at *path* (a workbook, or a CSV file or folder: its
        folder) into this window as a new, unsaved model."""
        source = Path(path)
        if source.suffix.lower() == ".csv":
            source = source.parent
        title = self.tr("Import Process Register")
        from procmodeler.io.register import import_register  # openpyxl: loaded when used

        try:
            result = import_register(source)
        except (UserError, OSError) as exc:
            self._error(title, exc)
            return False
        session = Session(Editor(result.arch))
        session.editor.mark_dirty()
        self.window.set_session(session)
        tr = self.window.context.catalogue()
        lines = [f"{tr('warning')}: {p.text(tr)}" for p in result.warnings]
        lines += [f"{tr('note')}: {p.text(tr)}" for p in result.notes]
        n = len(result.arch.processes)
        text = self.tr("Processes imported from {name}: {n}.").format(name=source.name, n=n)
        if result.warnings:
            text += " " + self.tr("Warnings: {n}.").format(n=len(result.warnings))
        self._show(title, text, lines)
        return True

    # ------------------------------------------------------------------ export
    def export_dialog(self) -> None:
        w = self.window
        w.canvas.flush()
        base = w.documents.base_name("register")
        workbook = self.tr("Excel workbook (*.xlsx)")
        folder = self.tr("Folder of CSV files (*)")
        path, chosen = QFileDialog.getSaveFileName(
            w,
            self.tr("Export Process Register"),
            str(Path(w.documents.start_dir()) / f"{base}.xlsx"),
            ";;".join([workbook, folder]),
        )
        if not path:
            return
        target = Path(path)
        if chosen == folder and target.suffix.lower() == ".xlsx":
            target = target.with_suffix("")
        elif chosen == workbook and target.suffix.lower() != ".xlsx":
            target = target.with_suffix(".xlsx")
        self.export_path(target)

    def export_path(self, target: Path) -> bool:
        """Write the model as a register to *target* (a workbook when it ends in
        ``.xlsx``, else a folder of CSV files that replaces *target* as a whole)."""
        title = self.tr("Export Process Register")
        if target.suffix.lower() != ".xlsx" and target.is_dir() and any(target.iterdir()):
            answer = QMessageBox.question(
                self.window,
                title,
                self.tr("The folder {path} is not empty. Replace it with the register?").format(
                    path=target
                ),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return False
        from procmodeler.io.register import export_register

        try:
            export_register(self.window.context.arch, target)
        except (UserError, OSError) as exc:
            self._error(title, exc)
            return False
        self.window.statusBar().showMessage(self.tr("Exported {path}").format(path=target), 5000)
        return True
