"""The main window's part in working as a team: *File → Compare with…* (another file,
or a git revision of the open file) and the docks of the changes and of the recorded
merge conflicts (``procmodeler.ui.compare``)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from procmodeler.app.compare import Revision, compare, git_revisions, load_revision
from procmodeler.common.errors import UserError
from procmodeler.io import native
from procmodeler.model.architecture import Architecture
from procmodeler.ui.compare import ChangesPanel, CompareMarks, ConflictsPanel, Legend
from procmodeler.ui.panels import PROBLEMS_DOCK, make_dock

if TYPE_CHECKING:
    from procmodeler.ui.mainwindow import MainWindow

CHANGES_DOCK = "changesDock"
CONFLICTS_DOCK = "conflictsDock"
OTHER_FILE = "file"


class RevisionDialog(QDialog):
    """Choose a git revision of the open file, or another file."""

    def __init__(self, revisions: list[Revision], tr, parent: QWidget | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.setObjectName("compareDialog")
        self.setWindowTitle(tr("Compare with"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("Compare the open model with an earlier version in git:")))
        self.list = QListWidget()
        for revision in revisions:
            item = QListWidgetItem(
                f"{revision.date}  {revision.subject}  ({revision.author}, {revision.sha[:8]})"
            )
            item.setData(Qt.ItemDataRole.UserRole, revision.sha)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        layout.addWidget(self.list, 1)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.file_button = buttons.addButton(
            tr("Other file…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.file_button.clicked.connect(self._other_file)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.choice: str | None = None

    def _other_file(self) -> None:
        self.choice = OTHER_FILE
        self.accept()

    def chosen(self) -> str | None:
        """A revision's sha, OTHER_FILE, or None."""
        if self.choice is not None:
            return self.choice
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None


class Teamwork(QObject):
    """Compare with… and the merge conflicts of one window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        context = window.context
        tr = context.catalogue()
        self.marks = CompareMarks(context, window.canvas.scene)
        self.legend = Legend(context, window.canvas.view.viewport())
        self.changes_panel = ChangesPanel(context)
        self.changes_panel.close_button.clicked.connect(self.end)
        self.conflicts = ConflictsPanel(context)
        self.changes_dock = make_dock(tr("Changes"), CHANGES_DOCK, self.changes_panel, window)
        self.conflicts_dock = make_dock(
            tr("Merge conflicts"), CONFLICTS_DOCK, self.conflicts, window
        )
        bottom = Qt.DockWidgetArea.BottomDockWidgetArea
        beside = next(
            (d for d in window.docking.panel_docks if d.objectName() == PROBLEMS_DOCK), None
        )
        for dock in (self.changes_dock, self.conflicts_dock):
            window.addDockWidget(bottom, dock)
            if beside is not None:
                window.tabifyDockWidget(beside, dock)
            dock.hide()
        if beside is not None:  # in front again (a tab added is put in front)
            beside.raise_()
        self.action = QAction(tr("Co&mpare With…"), window)
        self.action.setObjectName("compareWithAction")
        self.action.triggered.connect(self.choose)
        self.name: str | None = None
        context.documentReplaced.connect(self._document_replaced)
        self._document_replaced()

    def docks(self) -> list:  # type: ignore[type-arg]
        return [self.changes_dock, self.conflicts_dock]

    # ------------------------------------------------------------------ comparing
    def choose(self) -> None:
        """Ask what to compare with: a git revision of the open file, or a file."""
        tr = self.window.context.catalogue()
        path = self.window.session.path
        revisions = git_revisions(path) if path is not None else []
        if revisions:
            dialog = RevisionDialog(revisions, tr, self.window)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            chosen = dialog.chosen()
            if chosen is None:
                return
            if chosen != OTHER_FILE:
                self.compare_with_revision(chosen)
                return
        start = str(path.parent) if path is not None else ""
        name, _ = QFileDialog.getOpenFileName(
            self.window, tr("Compare with"), start, tr("Models (*.procm)")
        )
        if name:
            self.compare_with_file(name)

    def compare_with_file(self, path: str | Path) -> bool:
        try:
            other = native.load(path)
        except UserError as exc:
            self._error(exc)
            return False
        self.compare_with(other, Path(path).name)
        return True

    def compare_with_revision(self, sha: str) -> bool:
        path = self.window.session.path
        if path is None:
            return False
        try:
            other = load_revision(path, sha)
        except UserError as exc:
            self._error(exc)
            return False
        self.compare_with(other, f"{path.name} @ {sha[:8]}")
        return True

    def compare_with(self, other: Architecture, name: str) -> None:
        """Show what changed from *other* to the open model."""
        comparison = compare(other, self.window.context.arch)
        self.name = name
        self.marks.show(comparison)
        self.legend.show_for(name)
        self.changes_panel.show_comparison(comparison, name)
        self.changes_dock.show()
        self.changes_dock.raise_()

    def end(self) -> None:
        self.name = None
        self.marks.show(None)
        self.legend.show_for(None)
        self.changes_panel.show_comparison(None)
        self.changes_dock.hide()

    def _document_replaced(self) -> None:
        self.end()
        if self.window.context.arch.conflicts:
            self.conflicts_dock.show()
            self.conflicts_dock.raise_()

    def _error(self, exc: UserError) -> None:
        tr = self.window.context.catalogue()
        QMessageBox.warning(self.window, tr("Compare with"), "\n".join(exc.lines(tr)))
