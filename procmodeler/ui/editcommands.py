"""The main window's Edit and View commands: undo and redo, the clipboard (cut, copy,
paste, duplicate), delete, select all, find, one level up, snapping and the
architecture's properties. Each edit is one operation on ``context.editor``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QMimeData, QObject
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QApplication, QCheckBox, QMessageBox, QWidget

from procmodeler.common.errors import UserError
from procmodeler.edit import clipboard, composite
from procmodeler.edit import operations as ops
from procmodeler.ui import preferences
from procmodeler.ui.context import EditorContext
from procmodeler.ui.dialogs import ArchitectureDialog
from procmodeler.ui.finddialog import FindDialog

if TYPE_CHECKING:
    from procmodeler.ui.mainwindow import MainWindow


class DeleteQuestion(QObject):
    """Asks once before deleting processes that take sub-processes, relations, roles or
    KPIs with them, saying how many; "Don't ask again" turns the question off (it comes
    back in Preferences)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.widget = parent

    def ask(self, context: EditorContext, pids: list[str], rids: list[str]) -> bool:
        """True: go ahead (nothing goes along, the user agreed, or asks no more)."""
        arch = context.arch
        scope = composite.deletion_scope(arch, pids, rids)
        if not pids or not scope or not preferences.load().ask_before_delete:
            return True
        if len(pids) == 1:
            what = self.tr("Delete \u201c{name}\u201d?").format(name=arch.processes[pids[0]].name)
        else:
            what = self.tr("Delete {n} processes?").format(n=len(pids))
        box = QMessageBox(self.widget)
        box.setObjectName("confirmDelete")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Delete"))
        box.setText(what)
        tr = context.catalogue()
        listed = ", ".join(part.text(tr) for part in scope.parts())
        box.setInformativeText(
            self.tr("Also deleted: {what}. Undo brings it all back.").format(what=listed)
        )
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Delete"))
        box.setDefaultButton(QMessageBox.StandardButton.Yes)
        again = QCheckBox(self.tr("Don't ask again"))
        box.setCheckBox(again)
        answer = box.exec()
        box.deleteLater()
        if answer != QMessageBox.StandardButton.Yes:
            return False
        if again.isChecked():
            preferences.stop_asking_before_delete()
        return True


def confirm_delete(
    parent: QWidget, context: EditorContext, pids: list[str], rids: list[str]
) -> bool:
    """:meth:`DeleteQuestion.ask`: True when the deletion may go ahead."""
    question = DeleteQuestion(parent)
    try:
        return question.ask(context, pids, rids)
    finally:
        question.deleteLater()


class EditCommands(QObject):
    """Edit commands of one window, on its selection."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.find_dialog: FindDialog | None = None

    @property
    def context(self):  # type: ignore[no-untyped-def]
        return self.window.context

    @property
    def canvas(self):  # type: ignore[no-untyped-def]
        return self.window.canvas

    # ------------------------------------------------------------------ selection
    def selected_processes(self) -> list[str]:
        arch = self.context.arch
        return [i for i in self.context.selection if i in arch.processes]

    def selected_relations(self) -> list[str]:
        arch = self.context.arch
        return [i for i in self.context.selection if i in arch.relations]

    # ------------------------------------------------------------------ undo
    def undo(self) -> None:
        self.canvas.flush()
        self.context.editor.undo()

    def redo(self) -> None:
        self.canvas.flush()
        self.context.editor.redo()

    # ------------------------------------------------------------------ clipboard
    def _fragment(self) -> clipboard.Fragment | None:
        pids = self.selected_processes()
        if not pids:
            return None
        arch = self.context.arch
        level = self.context.level
        if any(arch.processes[p].parent != level for p in pids):
            level = arch.processes[pids[0]].parent
        return clipboard.copy_fragment(arch, level, pids)

    def copy(self) -> bool:
        self.canvas.flush()
        fragment = self._fragment()
        if fragment is None:
            return False
        mime = QMimeData()
        mime.setData(clipboard.MIME_TYPE, QByteArray(clipboard.dumps(fragment).encode("utf-8")))
        mime.setText("\n".join(clipboard.fragment_names(fragment)))
        QApplication.clipboard().setMimeData(mime)
        self.window.update_actions()
        return True

    def cut(self) -> None:
        pids = self.selected_processes()
        if self.copy():
            self.canvas.run(ops.delete_processes, pids)

    def _mouse_on_diagram(self) -> tuple[float, float] | None:
        """The diagram point under the mouse, when the mouse is over the diagram."""
        view = self.canvas.view
        pos = view.viewport().mapFromGlobal(QCursor.pos())
        under = QApplication.widgetAt(QCursor.pos())  # None where the platform cannot tell
        if under not in (None, view.viewport()) or not view.viewport().rect().contains(pos):
            return None  # elsewhere, or over a menu that hangs above the diagram
        point = view.mapToScene(pos)
        return (point.x(), point.y())

    def _paste_fragment(
        self, fragment: clipboard.Fragment, at: tuple[float, float] | None = None
    ) -> None:
        level = self.context.level
        offset = clipboard.paste_offset(self.context.arch, fragment, level, at)
        new = self.canvas.run(clipboard.paste_fragment, fragment, level, offset)
        if new:
            self.context.set_selection(new)

    def paste(self) -> None:
        self.canvas.flush()
        mime = QApplication.clipboard().mimeData()
        if mime is None or not mime.hasFormat(clipboard.MIME_TYPE):
            return
        try:
            fragment = clipboard.loads(bytes(mime.data(clipboard.MIME_TYPE).data()))
        except UserError as exc:
            self.canvas._refused("\n".join(exc.lines(self.context.catalogue())))
            return
        self._paste_fragment(fragment, self._mouse_on_diagram())

    def duplicate(self) -> None:
        self.canvas.flush()
        fragment = self._fragment()
        if fragment is not None:
            self._paste_fragment(fragment)

    # ------------------------------------------------------------------ other edits
    def delete(self) -> None:
        self.canvas.flush()
        pids = self.selected_processes()
        rids = self.selected_relations()
        if (pids or rids) and confirm_delete(self.window, self.context, pids, rids):
            self.canvas.run(composite.delete_elements, pids, rids)

    def select_all(self) -> None:
        scene = self.canvas.scene
        self.context.set_selection([*scene.shapes, *scene.relations])

    def open_find(self) -> None:
        self.canvas.flush()
        if self.find_dialog is None:
            self.find_dialog = FindDialog(self.context, self.window)
        self.find_dialog.open_find()

    def level_up(self) -> None:
        level = self.context.level
        if level is not None:
            self.context.open_level(self.context.arch.processes[level].parent)
            self.context.set_selection([level])

    def set_snap(self, on: bool) -> None:
        self.canvas.scene.snap_enabled = on

    def edit_properties(self) -> None:
        dialog = ArchitectureDialog(self.context.arch.meta, self.window)
        if dialog.exec() != ArchitectureDialog.DialogCode.Accepted:
            return
        changes = dialog.changes()
        log = dialog.log_changes()
        if changes or log is not None:  # one undoable step for all of it
            self.canvas.run(ops.set_metadata, log, **changes)
