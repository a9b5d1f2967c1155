"""The participation matrix: processes (rows, following the hierarchy, collapsible) ×
units (columns, following the unit tree, with a grouped header that shows the tree).
A cell shows the unit's RACI letters in the process; the owner's unit is marked on
each row; rows and columns of elements with findings carry the finding's colour.

Editing: a click selects a cell and never changes it; on the current cell the keys R,
A, C and I toggle a letter, Space cycles (none → R → A → C → I → none), Delete clears
the letters (the unit still takes part) and Backspace removes the unit from the
process; a right-click or a double-click opens a small menu of the letters. A hint line
says so. A second accountable unit in a process is marked in its cells. Every change is
one ``set_participation`` operation (one undo entry). The whole matrix (as expanded) can be
exported as PNG, SVG or PDF, drawn by the same painting code as the widget.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QKeyEvent, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from procmodeler.edit import operations as ops
from procmodeler.edit.raci import next_in_cycle, toggled
from procmodeler.model.elements import RACI
from procmodeler.model.events import Committed
from procmodeler.notation.matrix import header_bands
from procmodeler.notation.style import FINDING_COLOURS
from procmodeler.ui.context import EditorContext
from procmodeler.ui.panels._common import _t, dialogs, run_op
from procmodeler.ui.panels.filling import FilledWhenShown
from procmodeler.ui.panels.findings import LiveFindings
from procmodeler.ui.panels.fitting import (
    CurrentInSight,
    bring_into_sight,
    fit_when_small,
    in_sight,
)
from procmodeler.ui.panels.matrixmodel import (
    CONFLICT_ROLE,
    ID_ROLE,
    LETTERS_ROLE,
    OWNER_ROLE,
    SEVERITY_ROLE,
    Index,
    MatrixModel,
)
from procmodeler.ui.panels.matrixpaint import (
    BAND,
    GRID,
    HEADER_FILL,
    LETTER_COLOURS,
    MIN_CELL,
    NAME_WIDTH,
    OWNER_FILL,
    OWNER_MARK,
    ROW,
    column_widths,
    header_labels,
    matrix_font,
    paint_cell,
    paint_header,
)
from procmodeler.ui.panels.matrixpicture import export_matrix
from procmodeler.ui.words import raci_labels


# ---------------------------------------------------------------------- header
class MatrixHeader(QHeaderView):
    """A horizontal header painted as the unit tree (grouped bands)."""

    def __init__(self, model: MatrixModel, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.matrix = model
        self.setSectionsClickable(True)
        self.setHighlightSections(False)
        self.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)

    def sizeHint(self) -> QSize:  # noqa: N802
        hint = super().sizeHint()
        cols = self.matrix.cols
        if getattr(self, "_bands_of", None) is not cols:  # once per set of columns
            self._bands_of, self._bands = cols, header_bands(cols)
        return QSize(hint.width(), self._bands * BAND + 6)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self.viewport())
        painter.fillRect(self.viewport().rect(), QColor(HEADER_FILL))
        cols = self.matrix.cols
        xs = [float(self.sectionViewportPosition(i + 1)) for i in range(len(cols))]
        widths = [float(self.sectionSize(i + 1)) for i in range(len(cols))]
        band = (self.height() - 1) / max(1, header_bands(cols))
        painter.setClipRect(
            QRect(
                self.sectionViewportPosition(0) + self.sectionSize(0),
                0,
                self.viewport().width(),
                self.height(),
            )
        )
        paint_header(painter, cols, xs, widths, 0.0, band, None, self.matrix.unit_severity)
        painter.setClipping(False)
        name = QRectF(
            self.sectionViewportPosition(0), 0, self.sectionSize(0) - 1, self.height() - 1
        )
        paint_header(painter, [], [], [], 0.0, band, name, None, _t("Process"))
        painter.end()


# ---------------------------------------------------------------------- delegate
class MatrixDelegate(QStyledItemDelegate):
    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        if index.column() == 0:
            opt = QStyleOptionViewItem(option)
            self.initStyleOption(opt, index)
            severity = index.data(SEVERITY_ROLE)
            if severity in ("error", "warning") and not (
                option.state & QStyle.StateFlag.State_Selected
            ):
                wash = QColor(FINDING_COLOURS[severity])
                wash.setAlpha(30)
                painter.fillRect(option.rect, wash)
            if severity is not None:
                opt.rect = opt.rect.adjusted(0, 0, -16, 0)  # room for the finding dot
            super().paint(painter, opt, index)
            if severity is not None:
                painter.save()
                painter.setRenderHint(QPainter.RenderHint.Antialiasing)
                colour = QColor(FINDING_COLOURS[severity])
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(colour)
                r = option.rect
                painter.drawEllipse(QPointF(r.right() - 9, r.center().y() + 0.5), 4, 4)
                painter.restore()
            return
        rect = QRectF(option.rect)
        selected = bool(option.state & QStyle.StateFlag.State_HasFocus) or bool(
            option.state & QStyle.StateFlag.State_Selected
        )
        tint = None
        view = self.parent()
        if isinstance(view, MatrixView):
            # a unit with an error or warning: its column carries a light wash of the colour
            severity = view.matrix.unit_severity.get(index.data(ID_ROLE))
            if severity in ("error", "warning"):
                tint = FINDING_COLOURS[severity]
        paint_cell(
            painter,
            rect,
            index.data(LETTERS_ROLE),
            bool(index.data(OWNER_ROLE)),
            selected,
            tint,
            bool(index.data(CONFLICT_ROLE)),
        )
        painter.save()
        painter.setPen(QColor(GRID))
        painter.drawLine(rect.topRight(), rect.bottomRight())
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802
        hint = super().sizeHint(option, index)
        return QSize(hint.width(), ROW)


# ---------------------------------------------------------------------- view
class MatrixView(QTreeView):
    """The matrix tree view: keys and menus change RACI letters through operations."""

    #: a double-click on a cell asks for the letters menu at this viewport point
    letterMenuRequested = Signal(QPoint)

    def __init__(
        self, context: EditorContext, model: MatrixModel, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.matrix = model
        self.setModel(model)
        self.header_view = MatrixHeader(model, self)
        self.setHeader(self.header_view)
        self.setItemDelegate(MatrixDelegate(self))
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setAllColumnsShowFocus(False)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.setMouseTracking(True)
        self.setIndentation(16)

    # ------------------------------------------------------------------ edits
    def set_letters(self, index: Index, letters: str | None) -> bool:
        pid, uid = self.matrix.pid(index), self.matrix.uid(index)
        if pid is None or uid is None:
            return False
        if self.context.arch.participation.get((pid, uid)) == letters:
            return False
        return run_op(self, self.context, ops.set_participation, pid, uid, letters)

    def cycle(self, index: Index) -> bool:
        return self.set_letters(index, next_in_cycle(index.data(LETTERS_ROLE)))

    def toggle(self, index: Index, letter: str) -> bool:
        return self.set_letters(index, toggled(index.data(LETTERS_ROLE), letter))

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        index = self.indexAt(event.position().toPoint())
        if index.isValid() and index.column() == 0:
            pid = self.matrix.pid(index)
            if pid:
                self.context.reveal(pid)
            return
        if index.isValid() and index.column() > 0:
            self.setCurrentIndex(index)
            self.letterMenuRequested.emit(event.position().toPoint())
            return
        super().mouseDoubleClickEvent(event)

    def moveCursor(  # noqa: N802
        self, action: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier
    ) -> QModelIndex:
        # Left and Right move between cells; on the name column they expand/collapse.
        current = self.currentIndex()
        if current.isValid():
            col = current.column()
            last = self.matrix.columnCount() - 1
            if action == QAbstractItemView.CursorAction.MoveLeft and col > 0:
                return current.siblingAtColumn(col - 1)
            if action == QAbstractItemView.CursorAction.MoveRight and col < last:
                expandable = self.matrix.rowCount(current.siblingAtColumn(0)) > 0
                if col > 0 or not expandable or self.isExpanded(current.siblingAtColumn(0)):
                    return current.siblingAtColumn(col + 1)
        return super().moveCursor(action, modifiers)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        index = self.currentIndex()
        if (
            index.isValid()
            and index.column() > 0
            and not (
                event.modifiers()
                & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
            )
        ):
            key = event.key()
            letter = {
                Qt.Key.Key_R: "R",
                Qt.Key.Key_A: "A",
                Qt.Key.Key_C: "C",
                Qt.Key.Key_I: "I",
            }.get(Qt.Key(key))
            if letter is not None:
                self.toggle(index, letter)
                return
            if key == Qt.Key.Key_Space:
                self.cycle(index)
                return
            if key == Qt.Key.Key_Delete:
                if index.data(LETTERS_ROLE) is not None:
                    self.set_letters(index, "")
                return
            if key == Qt.Key.Key_Backspace:
                self.set_letters(index, None)
                return
        super().keyPressEvent(event)


class ParticipationMatrix(FilledWhenShown, QWidget):
    """The matrix with its toolbar (expand, collapse, export) and a legend."""

    def __init__(self, context: EditorContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("participationMatrix")
        self.context = context
        self.live = LiveFindings.for_context(context)
        self.matrix = MatrixModel(context, self)
        self._syncing = False
        self._known: set[str] = set()
        self._stale = False  # the document changed while the matrix was hidden

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        bar = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        bar.setContentsMargins(4, 2, 4, 0)
        legend = QLabel(self._legend_html())
        legend.setTextFormat(Qt.TextFormat.RichText)
        legend.setObjectName("matrixLegend")
        legend.setWordWrap(True)  # a narrow window wraps it instead of widening the dock
        bar.addWidget(legend, 1)
        self.legend = legend
        self.expand_button = QToolButton()
        self.expand_button.setText(_t("Expand all"))
        self.collapse_button = QToolButton()
        self.collapse_button.setText(_t("Collapse all"))
        self.export_button = QToolButton()
        self.export_button.setObjectName("exportMatrix")
        self.export_button.setText(_t("Export image…"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)  # to the right also when below the legend
        for button in (self.expand_button, self.collapse_button, self.export_button):
            button.setAutoRaise(True)
            buttons.addWidget(button)
        bar.addLayout(buttons)
        layout.addLayout(bar)
        self.hint = QLabel(
            _t(
                "Click a cell to select it; type R, A, C or I to set or remove a letter, "
                "Delete to clear it; right-click or double-click for a menu."
            )
        )
        self.hint.setObjectName("matrixHint")
        self.hint.setWordWrap(True)
        self.hint.setContentsMargins(4, 0, 4, 0)
        self.hint.setStyleSheet("color: palette(placeholder-text);")
        layout.addWidget(self.hint)
        fit_when_small(self, self.hint, legend, bar, legend)

        self.view = MatrixView(context, self.matrix, self)
        self.view.setObjectName("matrixView")
        layout.addWidget(self.view, 1)  # the room a panel has over is the matrix's
        self.keep_current = CurrentInSight(self.view)
        self._apply_widths()
        self._expand_new()

        self.expand_button.clicked.connect(self.view.expandAll)
        self.collapse_button.clicked.connect(self.view.collapseAll)
        self.export_button.clicked.connect(self.export_dialog)
        self.view.selectionModel().currentChanged.connect(self._current_changed)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.view.letterMenuRequested.connect(self._context_menu)
        self.view.header_view.sectionClicked.connect(self._header_clicked)
        context.committed.connect(self._on_committed)
        context.documentReplaced.connect(self._on_replaced)
        context.selectionChanged.connect(self._selection_from_context)
        self.live.findingsChanged.connect(self._findings_changed)
        self._findings_changed()
        self._selection_from_context()  # made late (a tab first shown): what is chosen

    def height_for_rows(self, rows: int) -> int:
        """The height this panel needs to show *rows* rows under its header."""
        view = self.view
        spacing = max(0, self.layout().spacing())
        return (
            self.legend.sizeHint().height()
            + self.hint.sizeHint().height()
            + view.header_view.sizeHint().height()
            + rows * ROW
            + view.horizontalScrollBar().sizeHint().height()
            + 2 * view.frameWidth()
            + 3 * spacing
            + 8
        )

    @staticmethod
    def _legend_html() -> str:
        parts = []
        for letter, word in raci_labels().items():
            parts.append(
                f"<span style='background:{LETTER_COLOURS[letter]}; color:white;"
                f" font-weight:bold'>&nbsp;{letter}&nbsp;</span>&nbsp;{word}"
            )
        parts.append(
            f"<span style='background:{OWNER_FILL}; color:{OWNER_MARK}'>&nbsp;◤&nbsp;</span>"
            f"&nbsp;{_t('Owner’s unit')}"
        )
        return "&nbsp;&nbsp; ".join(parts)

    # ------------------------------------------------------------------ refresh
    def _apply_widths(self) -> None:
        header = self.view.header_view
        header.setMinimumSectionSize(MIN_CELL)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        if header.sectionSize(0) < 120:
            header.resizeSection(0, NAME_WIDTH)
        widths = column_widths(self.matrix.cols)
        for i, w in enumerate(widths):
            header.setSectionResizeMode(i + 1, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(i + 1, w)
        header.setFixedHeight(header.sizeHint().height())
        header.viewport().update()

    def _expand_new(self) -> None:
        if not self._known:  # a new document: everything is new, expand it at once
            self.view.expandAll()
        else:
            for pid in self.context.arch.walk():
                if pid not in self._known:
                    self.view.expand(self.matrix.index_of(pid))
        self._known = set(self.context.arch.processes)

    def _on_replaced(self) -> None:
        self._known = set()
        self.changed()  # filled now if seen, else when first shown

    def refresh(self) -> None:
        self._rebuild()
        self._selection_from_context()  # chosen while its tab was behind (then skipped)
        self.keep_current.arm()  # and kept in sight while the dock brought to the front settles

    def _rebuild(self) -> None:
        expanded = {pid for pid in self._known if self.view.isExpanded(self.matrix.index_of(pid))}
        current = self.view.currentIndex()
        cur_pid, cur_col = self.matrix.pid(current), current.column()
        cur_uid = self.matrix.uid(current)
        self._syncing = True
        self.matrix.rebuild()
        for pid in expanded:
            self.view.expand(self.matrix.index_of(pid))
        self._expand_new()
        self._apply_widths()
        if cur_pid and cur_pid in self.context.arch.processes:
            col = self.matrix.column_of(cur_uid) if cur_uid else 0
            self.view.setCurrentIndex(self.matrix.index_of(cur_pid, max(0, col if cur_col else 0)))
        self._syncing = False

    def _on_committed(self, event: Committed) -> None:
        if self._stale:
            return
        imp = self.context.impact(event)
        if (imp.tree or imp.unit_tree) and self.matrix.structure_differs():
            self._rebuild()
        elif imp.units:
            self.matrix.refresh_names()
            self._apply_widths()
            self.view.viewport().update()
        else:
            self.view.viewport().update()
            self.view.header_view.viewport().update()

    def _findings_changed(self) -> None:
        arch = self.context.arch
        self.matrix.row_severity = {
            pid: sev for pid, sev in self.live.severity_by_process().items()
        }
        self.matrix.unit_severity = {
            uid: sev for uid in arch.units if (sev := self.live.severity_of(uid)) is not None
        }
        self.view.viewport().update()
        self.view.header_view.viewport().update()

    # ------------------------------------------------------------------ selection
    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._syncing or not current.isValid():
            return
        pid = self.matrix.pid(current)
        if pid and self.context.selection != (pid,):
            self._syncing = True
            self.context.set_selection([pid])
            self._syncing = False

    def _selection_from_context(self) -> None:
        if self._syncing or self._stale:
            return
        selection = self.context.selection
        if len(selection) != 1:
            return
        ident = selection[0]
        if ident in self.context.arch.processes:
            index = self.matrix.index_of(ident, max(0, self.view.currentIndex().column()))
            if not index.isValid():
                return
            parent = index.parent()
            while parent.isValid():
                self.view.expand(parent)
                parent = parent.parent()
            self._syncing = True
            seen = in_sight(self.view, index)  # becoming current scrolls it to the edge
            self.view.setCurrentIndex(index)
            bring_into_sight(self.view, index, seen)
            self._syncing = False
        elif ident in self.context.arch.units:
            col = self.matrix.column_of(ident)
            current = self.view.currentIndex()
            if col > 0 and current.isValid():
                self._syncing = True
                self.view.setCurrentIndex(current.siblingAtColumn(col))
                self._syncing = False
            if col > 0:
                self.view.scrollTo(self.view.currentIndex())

    def _header_clicked(self, section: int) -> None:
        if section > 0:
            self.context.set_selection([self.matrix.cols[section - 1].uid])

    def _context_menu(self, pos) -> None:  # noqa: ANN001
        index = self.view.indexAt(pos)
        menu = QMenu(self)
        if index.isValid() and index.column() > 0:
            letters = index.data(LETTERS_ROLE)
            persistent = QPersistentModelIndex(index)
            names = raci_labels()
            for letter in RACI:
                act = menu.addAction(f"{letter} — {names[letter]}")
                act.setCheckable(True)
                act.setChecked(bool(letters) and letter in letters)
                act.triggered.connect(
                    lambda _c=False, x=letter, i=persistent: self.view.toggle(i, x)
                )
            menu.addSeparator()
            clear = menu.addAction(_t("Clear letters (still takes part)"))
            clear.setEnabled(letters is not None)
            clear.triggered.connect(lambda: self.view.set_letters(index, ""))
            remove = menu.addAction(_t("Remove unit from process"))
            remove.setEnabled(letters is not None)
            remove.triggered.connect(lambda: self.view.set_letters(index, None))
            menu.addSeparator()
        if index.isValid():
            pid = self.matrix.pid(index)
            show = menu.addAction(_t("Show process"))
            if pid:
                show.triggered.connect(lambda: self.context.reveal(pid))
        menu.addAction(_t("Export image…"), self.export_dialog)
        menu.exec(self.view.viewport().mapToGlobal(pos))

    # ------------------------------------------------------------------ export
    def visible_rows(self) -> list[tuple[str, int]]:
        """(process id, depth) of the rows as currently expanded, top to bottom."""
        rows: list[tuple[str, int]] = []

        def visit(parent: QModelIndex, depth: int) -> None:
            for r in range(self.matrix.rowCount(parent)):
                index = self.matrix.index(r, 0, parent)
                pid = self.matrix.pid(index)
                assert pid is not None
                rows.append((pid, depth))
                if self.view.isExpanded(index):
                    visit(index, depth + 1)

        visit(QModelIndex(), 0)
        return rows

    def export_dialog(self) -> str | None:
        name = (self.context.arch.meta.name or _t("participation")).replace("/", "-")
        path = dialogs.save_file(
            self,
            _t("Export participation matrix"),
            f"{name} RACI.png",
            _t("PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)"),
        )
        if not path:
            return None
        try:
            export_matrix(self, path)
        except OSError as exc:
            dialogs.warn(self, _t("Export failed"), str(exc))
            return None
        return path


__all__ = [
    "LETTERS_ROLE",
    "OWNER_ROLE",
    "ParticipationMatrix",
    "column_widths",
    "export_matrix",
    "header_bands",
    "header_labels",
    "matrix_font",
    "next_in_cycle",
    "toggled",
]
