"""The main window's Edit and View commands: undo and redo, the clipboard (cut, copy,
paste, duplicate), delete, select all, find, one level up, snapping and the
architecture's properties. Each edit is one operation on ``context.editor``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QMimeData, QObject
from PySide6.QtWidgets import QApplication

from procmodeler.common.errors import UserError
from procmodeler.edit import clipboard, composite
from procmodeler.edit import operations as ops
from procmodeler.ui.dialogs import ArchitectureDialog
from procmodeler.ui.finddialog import FindDialog

if TYPE_CHECKING:
    from procmodeler.ui.mainwindow import MainWindow


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

    def _paste_fragment(self, fragment: clipboard.Fragment) -> None:
        level = self.context.level
        offset = clipboard.paste_offset(self.context.arch, fragment, level)
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
        self._paste_fragment(fragment)

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
        if pids or rids:
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
        if changes:
            self.canvas.run(ops.set_metadata, **changes)
