"""The model tree: the whole process hierarchy. Selecting a process selects it
everywhere; activating it (double-click, Enter) shows it on its diagram; dragging a
process onto another makes it a sub-process there (``reparent_process``), dropping it
on empty space moves it to the top level. Items are made as their parents are opened, so
a model of 10,000 processes opens without making 10,000 items."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QInputDialog,
    QMenu,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from procmodeler.common.errors import UserError
from procmodeler.edit import composite
from procmodeler.edit import operations as ops
from procmodeler.model.events import Committed
from procmodeler.ui import icons
from procmodeler.ui.context import EditorContext

PID = Qt.ItemDataRole.UserRole
#: every item's flags, combined once (enum arithmetic per item cost a big model 0.2 s)
ITEM_FLAGS = (
    Qt.ItemFlag.ItemIsEnabled
    | Qt.ItemFlag.ItemIsSelectable
    | Qt.ItemFlag.ItemIsDragEnabled
    | Qt.ItemFlag.ItemIsDropEnabled
)
ITEM_MIME = "application/x-qabstractitemmodeldatalist"
SHOW_ARROW = QTreeWidgetItem.ChildIndicatorPolicy.ShowIndicator
#: a new document's top-level processes are shown open when they have at most this many
#: sub-processes together (a model of thousands opens with the top level closed)
FIRST_OPEN = 400


class ModelTree(QTreeWidget):
    """The process hierarchy of the open model."""

    editRefused = Signal(str)

    def __init__(self, context: EditorContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("modelTree")
        self.context = context
        #: the items made so far (see :meth:`item`)
        self.items: dict[str, QTreeWidgetItem] = {}
        self._filled: set[str] = set()  # processes whose children are made
        self._bold: str | None = None  # the process shown in bold (the current level)
        self._syncing = False
        self.setHeaderHidden(True)
        self.setUniformRowHeights(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._menu)
        self.itemSelectionChanged.connect(self._on_tree_selection)
        self.itemActivated.connect(self._activated)
        self.itemExpanded.connect(self._fill)
        context.committed.connect(self._on_committed)
        context.documentReplaced.connect(self.rebuild)
        context.selectionChanged.connect(self._select_from_context)
        context.levelChanged.connect(self._mark_level)
        self.rebuild()

    # ------------------------------------------------------------------ building
    def rebuild(self) -> None:
        """The tree again from the model, keeping which processes were open. Only the
        top level and the children of open processes are made; the rest are made when
        their parent is opened (:meth:`item` makes the way to one on demand)."""
        arch = self.context.arch
        expanded = {pid for pid, item in self.items.items() if item.isExpanded()}
        first = not self.items
        self._syncing = True
        try:
            self.clear()
            self.items = {}
            self._filled = set()
            # made apart from the view and given to it in one call: added one by one,
            # each would be announced to the view on its own
            tops = [self._make(pid) for pid in arch.children(None)]
            self.addTopLevelItems(tops)
            if first:  # the top level open (a small one), the rest closed
                if sum(len(arch.children(pid)) for pid in arch.children(None)) <= FIRST_OPEN:
                    for item in tops:
                        self._open(item)
            else:
                for pid in expanded & arch.processes.keys():
                    self._open(self.item(pid))
        finally:
            self._syncing = False
        self._select_from_context()
        self._mark_level()

    def _make(self, pid: str) -> QTreeWidgetItem:
        """One process's item, its children not yet made (an arrow shows it has some)."""
        item = QTreeWidgetItem()
        item.setData(0, PID, pid)
        item.setFlags(ITEM_FLAGS)
        self._decorate(item, pid)
        if self.context.arch.children(pid):
            item.setChildIndicatorPolicy(SHOW_ARROW)
        if pid == self.context.level:
            font = item.font(0)
            font.setBold(True)
            item.setFont(0, font)
        self.items[pid] = item
        return item

    def _fill(self, item: QTreeWidgetItem) -> None:
        """Make the children of *item* (once), selected when the context has them so."""
        pid = item.data(0, PID)
        if pid in self._filled:
            return
        self._filled.add(pid)
        children = [self._make(child) for child in self.context.arch.children(pid)]
        item.addChildren(children)
        wanted = set(self.context.selection)
        syncing, self._syncing = self._syncing, True
        try:
            for child in children:
                if child.data(0, PID) in wanted:
                    child.setSelected(True)
        finally:
            self._syncing = syncing

    def _open(self, item: QTreeWidgetItem) -> None:
        self._fill(item)
        item.setExpanded(True)

    def item(self, pid: str) -> QTreeWidgetItem:
        """The item of process *pid*, made (with the way to it) if it was not yet."""
        made = self.items.get(pid)
        if made is not None:
            return made
        for ancestor in reversed(self.context.arch.ancestors(pid)):
            self._fill(self.items[ancestor])
        return self.items[pid]

    def _decorate(self, item: QTreeWidgetItem, pid: str) -> None:
        proc = self.context.arch.processes[pid]
        item.setText(0, proc.name)
        item.setIcon(0, icons.process_icon(proc.kind))
        item.setToolTip(0, proc.name)

    def _on_committed(self, event: Committed) -> None:
        imp = self.context.impact(event)
        if imp.tree:
            self.rebuild()
            return
        for pid in imp.processes:
            item = self.items.get(pid)
            if item is not None and pid in self.context.arch.processes:
                self._decorate(item, pid)

    def _mark_level(self, *_: object) -> None:
        """The current level's process in bold (only it and the one before change)."""
        level = self.context.level
        for pid in {self._bold, level}:
            item = self.items.get(pid) if pid is not None else None
            if item is not None:
                font = item.font(0)
                if font.bold() != (pid == level):
                    font.setBold(pid == level)
                    item.setFont(0, font)
        self._bold = level

    # ------------------------------------------------------------------ selection
    def selected_processes(self) -> list[str]:
        return [item.data(0, PID) for item in self.selectedItems()]

    def _on_tree_selection(self) -> None:
        if self._syncing:
            return
        self._syncing = True
        try:
            self.context.set_selection(self.selected_processes())
        finally:
            self._syncing = False

    def _select_from_context(self) -> None:
        if self._syncing:
            return
        arch = self.context.arch
        wanted = [pid for pid in self.context.selection if pid in arch.processes]
        self._syncing = True
        try:
            chosen = set(wanted)
            for pid, item in self.items.items():
                if item.isSelected() and pid not in chosen:
                    item.setSelected(False)
            for pid in wanted:
                item = self.item(pid)
                if not item.isSelected():
                    item.setSelected(True)
            if wanted:
                current = self.items[wanted[0]]
                parent = current.parent()
                while parent is not None:
                    parent.setExpanded(True)
                    parent = parent.parent()
                self.scrollToItem(current)
        finally:
            self._syncing = False

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        self.context.reveal(item.data(0, PID))

    # ------------------------------------------------------------------ edits
    def _run(self, fn, *args, **kwargs):  # type: ignore[no-untyped-def]
        try:
            return fn(self.context.editor, *args, **kwargs)
        except UserError as exc:
            self.editRefused.emit("\n".join(exc.lines(self.context.catalogue())))
            self.rebuild()
            return None

    def move_processes(self, pids: list[str], new_parent: str | None) -> None:
        """Make *pids* sub-processes of *new_parent* (None: top level), one undo entry."""
        # a process dragged together with its parent stays under that parent
        self._run(composite.reparent_processes, pids, new_parent)

    def _ours(self, event) -> bool:  # noqa: ANN001
        source = event.source()
        return (source is None or source is self) and event.mimeData().hasFormat(ITEM_MIME)

    def dragEnterEvent(self, event) -> None:  # noqa: N802, ANN001 - Qt override
        if self._ours(event):
            super().dragEnterEvent(event)
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:  # noqa: N802, ANN001 - Qt override
        if self._ours(event):
            super().dragMoveEvent(event)
        else:
            event.ignore()

    def dropEvent(self, event) -> None:  # noqa: N802, ANN001 - Qt override
        """Dragged processes (the selected ones) become children of the item dropped on,
        siblings of the item dropped between, or top-level processes on empty space."""
        if not self._ours(event):
            event.ignore()
            return
        pids = self.selected_processes()
        pos = event.position().toPoint()
        target = self.itemAt(pos)
        indicator = self.dropIndicatorPosition()
        if target is None or indicator == QAbstractItemView.DropIndicatorPosition.OnViewport:
            new_parent = None
        elif indicator == QAbstractItemView.DropIndicatorPosition.OnItem:
            new_parent = target.data(0, PID)
        else:
            parent_item = target.parent()
            new_parent = parent_item.data(0, PID) if parent_item is not None else None
        event.setDropAction(Qt.DropAction.IgnoreAction)
        event.accept()
        self.move_processes(pids, new_parent)

    def _menu(self, pos: QPoint) -> None:
        menu = self.build_menu(self.itemAt(pos))
        menu.exec(self.viewport().mapToGlobal(pos))

    def build_menu(self, item: QTreeWidgetItem | None) -> QMenu:
        menu = QMenu(self)
        if item is None:
            return menu
        pid = item.data(0, PID)
        proc = self.context.arch.processes[pid]
        menu.addAction(self.tr("Show on Diagram"), lambda: self.context.reveal(pid))
        menu.addAction(self.tr("Open Sub-process Diagram"), lambda: self.context.open_level(pid))
        menu.addSeparator()
        menu.addAction(self.tr("Rename\u2026"), lambda: self._rename(pid))
        menu.addAction(self.tr("Add Sub-process"), lambda: self._add_child(pid))
        top = menu.addAction(self.tr("Move to Top Level"), lambda: self.move_processes([pid], None))
        top.setEnabled(proc.parent is not None)
        menu.addSeparator()
        menu.addAction(self.tr("Delete"), lambda: self._delete(pid))
        return menu

    def _delete(self, pid: str) -> None:
        from procmodeler.ui.editcommands import confirm_delete

        if confirm_delete(self, self.context, [pid], []):
            self._run(ops.delete_processes, [pid])

    def _rename(self, pid: str) -> None:
        proc = self.context.arch.processes[pid]
        text, ok = QInputDialog.getText(self, self.tr("Rename"), self.tr("Name:"), text=proc.name)
        if ok and text.strip():
            self._run(ops.rename_process, pid, text)

    def _add_child(self, pid: str) -> None:
        kind = self.context.arch.processes[pid].kind
        new = self._run(ops.create_process, self.tr("New process"), kind, pid)
        if new:
            self.context.set_selection([new])
