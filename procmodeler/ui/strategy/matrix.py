"""The strategy matrix: processes (rows, following the hierarchy) × objectives
(columns, following the objective tree, with the participation matrix's grouped
header). A marked cell says that the process contributes to the objective; a corner
mark says the contribution has a note.

Edited like the participation matrix: a click selects a cell and never changes it; on
the current cell Space or X sets or removes the contribution, Delete or Backspace
removes it, Enter or F2 edits its note; a right-click or a double-click opens a small
menu. Every change is one ``set_contribution`` operation (one undo entry). The model,
header, row delegate and cursor keys are the participation matrix's."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QPointF,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QKeyEvent, QMouseEvent, QPainter, QPolygonF
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QMenu,
    QStyle,
    QStyleOptionViewItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from procmodeler.edit import operations as ops
from procmodeler.model.events import Committed
from procmodeler.notation.matrix import UnitColumn, objective_columns
from procmodeler.ui.context import EditorContext
from procmodeler.ui.panels._common import dialogs, run_op
from procmodeler.ui.panels.filling import FilledWhenShown
from procmodeler.ui.panels.findings import LiveFindings
from procmodeler.ui.panels.matrix import MatrixDelegate, MatrixView
from procmodeler.ui.panels.matrixmodel import ID_ROLE, Index, MatrixModel
from procmodeler.ui.panels.matrixpaint import GRID, MIN_CELL, NAME_WIDTH, column_widths, paint_cell

NOTE_ROLE = Qt.ItemDataRole.UserRole + 30  # None: no contribution; str: its note
MARK = "#1a7f37"


class StrategyModel(MatrixModel):
    """Processes as a tree of rows; column 0 the process, then one column per objective."""

    def columns(self) -> list[UnitColumn]:
        return objective_columns(self.context.arch)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and section > 0:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                return self.cols[section - 1].name
            return None
        return super().headerData(section, orientation, role)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.column() == 0:
            return super().data(index, role)
        arch = self.context.arch
        pid = self.pid(index)
        oid = self.cols[index.column() - 1].uid
        if pid not in arch.processes or oid not in arch.objectives:
            return None
        note = arch.contributions.get((oid, pid))
        if role == NOTE_ROLE:
            return note
        if role == ID_ROLE:
            return oid
        if role == Qt.ItemDataRole.DisplayRole:
            return "✓" if note is not None else ""
        if role == Qt.ItemDataRole.ToolTipRole:
            tr = self.context.catalogue()
            text = f"{arch.processes[pid].name} × {arch.objectives[oid].name}"
            if note is None:
                return text + "\n" + tr("Does not contribute (Space: contributes)")
            return text + "\n" + (note or tr("Contributes (no note)"))
        return None


class StrategyDelegate(MatrixDelegate):
    """Paints a contribution as a check badge, with a corner mark when it has a note."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        if index.column() == 0:
            super().paint(painter, option, index)
            return
        rect = QRectF(option.rect)  # type: ignore[attr-defined]
        state = option.state  # type: ignore[attr-defined]
        selected = bool(state & QStyle.StateFlag.State_HasFocus) or bool(
            state & QStyle.StateFlag.State_Selected
        )
        paint_cell(painter, rect, None, False, selected)
        note = index.data(NOTE_ROLE)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if note is not None:
            c = rect.center()
            box = QRectF(c.x() - 8, c.y() - 8, 16, 16)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(MARK))
            painter.drawRoundedRect(box, 3, 3)
            painter.setPen(QColor("white"))
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, "✓")
            if note:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QColor("#6e7781"))
                r = rect.topRight()
                painter.drawPolygon(
                    QPolygonF([r, QPointF(r.x() - 8, r.y()), QPointF(r.x(), r.y() + 8)])
                )
        painter.setPen(QColor(GRID))
        painter.drawLine(rect.topRight(), rect.bottomRight())
        painter.restore()


class StrategyView(MatrixView):
    """The participation matrix's view with the strategy matrix's keys and clicks."""

    #: a double-click on a cell asks for the cell menu at this viewport point
    menuRequested = Signal(QPoint)

    def __init__(
        self, context: EditorContext, model: StrategyModel, parent: QWidget | None = None
    ) -> None:
        super().__init__(context, model, parent)
        self.setItemDelegate(StrategyDelegate(self))

    def set_contribution(self, index: Index, note: str | None) -> bool:
        """Set (a note, "" for none) or remove (None) the contribution of a cell."""
        pid, oid = self.matrix.pid(index), self.matrix.uid(index)
        if pid is None or oid is None:
            return False
        if self.context.arch.contributions.get((oid, pid)) == note:
            return False
        return run_op(self, self.context, ops.set_contribution, oid, pid, note)

    def toggle_contribution(self, index: Index) -> bool:
        return self.set_contribution(index, "" if index.data(NOTE_ROLE) is None else None)

    def edit_note(self, index: Index) -> bool:
        if self.matrix.uid(index) is None:
            return False
        tr = self.context.catalogue()
        old = index.data(NOTE_ROLE)
        note = dialogs.get_text(
            self, tr("Contribution"), tr("How the process contributes:"), old or ""
        )
        if note is None:
            return False
        return self.set_contribution(index, note)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - a click selects
        QTreeView.mouseReleaseEvent(self, event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        index = self.indexAt(event.position().toPoint())
        if index.isValid() and index.column() > 0:
            self.setCurrentIndex(index)
            self.menuRequested.emit(event.position().toPoint())
            return
        super().mouseDoubleClickEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        index = self.currentIndex()
        plain = not (
            event.modifiers()
            & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
        )
        if index.isValid() and index.column() > 0 and plain:
            key = event.key()
            if key in (Qt.Key.Key_Space, Qt.Key.Key_X):
                self.toggle_contribution(index)
                return
            if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                self.set_contribution(index, None)
                return
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F2):
                self.edit_note(index)
                return
            if Qt.Key.Key_A <= key <= Qt.Key.Key_Z:
                return  # no letters here: the participation matrix's keys do nothing
        QTreeView.keyPressEvent(self, event)


class StrategyMatrix(FilledWhenShown, QWidget):
    """The strategy matrix with a hint line; filled when its tab is in front."""

    def __init__(self, context: EditorContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("strategyMatrix")
        self.context = context
        self.live = LiveFindings.for_context(context)
        tr = context.catalogue()
        self.matrix = StrategyModel(context, self)
        self._syncing = False
        self.view = StrategyView(context, self.matrix, self)
        self.view.setObjectName("strategyMatrixView")
        self.view.menuRequested.connect(self._context_menu)
        self.hint = QLabel(
            tr(
                "A mark: the process contributes to the objective. Click a cell to select "
                "it; Space or X sets or removes the mark, Enter writes a note, Delete "
                "removes it; right-click or double-click for a menu."
            ),
            self,
        )
        self.hint.setObjectName("strategyHint")
        self.hint.setWordWrap(True)
        self.hint.setContentsMargins(4, 2, 4, 0)
        self.hint.setStyleSheet("color: palette(placeholder-text);")
        self.empty = QLabel(tr("No objectives yet: add them in the Objectives panel."), self)
        self.empty.setContentsMargins(4, 0, 4, 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.hint)
        layout.addWidget(self.empty)
        layout.addWidget(self.view, 1)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.view.header_view.sectionClicked.connect(self._header_clicked)
        context.selectionChanged.connect(self._selection_from_context)
        self.view.selectionModel().currentChanged.connect(self._current_changed)
        self.setMinimumSize(self.minimumSizeHint())  # its layout must not widen the window
        context.committed.connect(self._on_committed)
        context.documentReplaced.connect(self.changed)
        self.live.findingsChanged.connect(self._findings_changed)
        self.refresh()
        self._selection_from_context()  # made late (a tab first shown): what is chosen

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(600, 220)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(160, 100)

    def refresh(self) -> None:
        """Rebuild rows and columns from the model, keeping the current cell."""
        self._stale = False
        current = self.view.currentIndex()
        pid, oid = self.matrix.pid(current), self.matrix.uid(current)
        self.matrix.rebuild()
        self.view.expandAll()
        header = self.view.header_view
        header.setMinimumSectionSize(MIN_CELL)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        if header.sectionSize(0) < 120:
            header.resizeSection(0, NAME_WIDTH)
        for i, width in enumerate(column_widths(self.matrix.cols)):
            header.setSectionResizeMode(i + 1, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(i + 1, width)
        header.setFixedHeight(header.sizeHint().height())
        self.empty.setVisible(not self.matrix.cols)
        if pid is not None and pid in self.context.arch.processes:
            col = self.matrix.column_of(oid) if oid else 0
            self._syncing = True  # the same cell again: no new selection
            self.view.setCurrentIndex(self.matrix.index_of(pid, max(0, col)))
            self._syncing = False
        self._findings_changed()

    def _on_committed(self, event: Committed) -> None:
        imp = self.context.impact(event)
        if imp.tree or imp.objective_tree or imp.objectives or imp.processes:
            self.changed()
        elif imp.contributions and not self._stale:
            self.view.viewport().update()

    def _findings_changed(self) -> None:
        arch = self.context.arch
        self.matrix.row_severity = dict(self.live.severity_by_process())
        self.matrix.unit_severity = {
            oid: sev for oid in arch.objectives if (sev := self.live.severity_of(oid)) is not None
        }
        self.view.viewport().update()
        self.view.header_view.viewport().update()

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._syncing:
            return
        pid = self.matrix.pid(current)
        if pid and self.context.selection != (pid,):
            self.context.set_selection([pid])

    def _selection_from_context(self) -> None:
        """A process or objective selected elsewhere becomes the current row or column."""
        selection = self.context.selection
        if self._stale or len(selection) != 1:
            return
        ident, current = selection[0], self.view.currentIndex()
        if ident in self.context.arch.processes and self.matrix.pid(current) != ident:
            index = self.matrix.index_of(ident, max(0, current.column()))
        elif ident in self.context.arch.objectives and current.isValid():
            index = current.siblingAtColumn(self.matrix.column_of(ident))
        else:
            return
        if index.isValid():
            self._syncing = True  # not a selection of the row's process
            self.view.setCurrentIndex(index)
            self.view.scrollTo(index)
            self._syncing = False

    def _header_clicked(self, section: int) -> None:
        """A click on an objective's column header selects the objective (the
        objectives panel follows)."""
        if 0 < section <= len(self.matrix.cols):
            self.context.set_selection([self.matrix.cols[section - 1].uid])

    def cell(self, pid: str, oid: str) -> QModelIndex:
        """The index of a cell (for keys and tests)."""
        return self.matrix.index_of(pid, self.matrix.column_of(oid))

    def _context_menu(self, pos: QPoint) -> None:
        tr = self.context.catalogue()
        index = self.view.indexAt(pos)
        menu = QMenu(self)
        if index.isValid() and index.column() > 0:
            cell = QPersistentModelIndex(index)
            note = index.data(NOTE_ROLE)
            mark = menu.addAction(tr("Contributes"))
            mark.setCheckable(True)
            mark.setChecked(note is not None)
            mark.triggered.connect(lambda: self.view.toggle_contribution(cell))
            menu.addAction(tr("Note…"), lambda: self.view.edit_note(cell))
            menu.addSeparator()
        pid = self.matrix.pid(index)
        if pid:
            menu.addAction(tr("Show process"), lambda: self.context.reveal(pid))
        if not menu.isEmpty():
            menu.exec(self.view.viewport().mapToGlobal(pos))
