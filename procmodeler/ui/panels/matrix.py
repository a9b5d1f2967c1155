"""The participation matrix: processes (rows, following the hierarchy, collapsible) ×
units (columns, following the unit tree, with a grouped header that shows the tree).
A cell shows the unit's RACI letters in the process; the owner's unit is marked on
each row; rows and columns of elements with findings carry the finding's colour.

Editing: a click cycles a cell (none → R → A → C → I → none); on the current cell the
keys R, A, C and I toggle a letter, Space cycles, Delete clears the letters (the unit
still takes part) and Backspace removes the unit from the process. Every change is one
``set_participation`` operation (one undo entry). The whole matrix (as expanded) can be
exported as PNG, SVG or PDF, drawn by the same painting code as the widget.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QMarginsF,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRect,
    QRectF,
    QSize,
    QSizeF,
    Qt,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetrics,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPageLayout,
    QPageSize,
    QPainter,
    QPaintEvent,
    QPdfWriter,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
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
from procmodeler.model.architecture import Architecture
from procmodeler.model.elements import RACI
from procmodeler.model.events import Committed
from procmodeler.notation.style import FINDING_COLOURS, kind_style
from procmodeler.ui.context import EditorContext
from procmodeler.ui.panels._common import _t, dialogs, run_op
from procmodeler.ui.panels.findings import LiveFindings

Index = QModelIndex | QPersistentModelIndex

LETTERS_ROLE = Qt.ItemDataRole.UserRole + 10  # None: no participation; str: letters
OWNER_ROLE = Qt.ItemDataRole.UserRole + 11  # True: the owner's unit
SEVERITY_ROLE = Qt.ItemDataRole.UserRole + 12  # worst finding severity of the row
ID_ROLE = Qt.ItemDataRole.UserRole + 13  # process id (column 0) / unit id (cells)

LETTER_COLOURS = {"R": "#1f6feb", "A": "#8250df", "C": "#1a7f37", "I": "#6e7781"}
OWNER_FILL = "#fff4d6"
OWNER_MARK = "#b7791f"
GRID = "#d8dee4"
HEADER_FILL = "#f3f5f8"
HEADER_TEXT = "#24292f"
CYCLE: tuple[str | None, ...] = (None, "R", "A", "C", "I")

NAME_WIDTH = 280
MIN_CELL = 46
MAX_CELL = 150
BAND = 22
ROW = 24


def next_in_cycle(letters: str | None) -> str | None:
    """The value after *letters* when a cell is clicked: none → R → A → C → I → none;
    "takes part, no letters yet" goes to R, several letters to none."""
    if letters == "":
        return "R"
    if letters in CYCLE:
        return CYCLE[(CYCLE.index(letters) + 1) % len(CYCLE)]
    return None


def toggled(letters: str | None, letter: str) -> str:
    current = set(letters or "")
    current ^= {letter}
    return "".join(x for x in RACI if x in current)


# ---------------------------------------------------------------------- columns
@dataclass(frozen=True)
class UnitColumn:
    """One unit column: its depth in the unit tree and the last column of its subtree."""

    uid: str
    name: str
    depth: int
    span_end: int  # index (into the unit columns) of the last descendant's column


def unit_columns(arch: Architecture) -> list[UnitColumn]:
    order = list(arch.walk_units())
    position = {uid: i for i, uid in enumerate(order)}
    cols = []
    for uid in order:
        descendants = arch.unit_descendants(uid)
        end = max((position[d] for d in descendants), default=position[uid])
        cols.append(UnitColumn(uid, arch.units[uid].name, len(arch.unit_ancestors(uid)), end))
    return cols


def matrix_font(bold: bool = False) -> QFont:
    """The font of the header and the exported image (the application's family)."""
    from PySide6.QtWidgets import QApplication

    font = QFont(QApplication.font())
    font.setPixelSize(11)
    font.setBold(bold)
    return font


def column_widths(cols: list[UnitColumn]) -> list[int]:
    """Widths so that every unit's name fits over its subtree's columns, and a parent's
    own column (labelled with the parent's name in the lowest band) fits that name."""
    plain = QFontMetrics(matrix_font())
    bold = QFontMetrics(matrix_font(True))

    def need(col: UnitColumn) -> int:
        metrics = bold if col.depth == 0 else plain
        return metrics.horizontalAdvance(col.name) + 18

    widths = [MIN_CELL] * len(cols)
    for i, col in enumerate(cols):
        # every column carries its unit's name: a leaf in its band, a parent's own
        # column in the lowest band (plain font)
        name = need(col) if col.span_end == i else plain.horizontalAdvance(col.name) + 18
        widths[i] = max(MIN_CELL, min(MAX_CELL, name))
    # widen a parent's own column when its name is wider than its subtree
    for i in reversed(range(len(cols))):
        col = cols[i]
        wanted = min(MAX_CELL * 2, need(col))
        have = sum(widths[i : col.span_end + 1])
        if wanted > have:
            widths[i] += wanted - have
    return widths


def header_bands(cols: list[UnitColumn]) -> int:
    return 1 + max((c.depth for c in cols), default=0)


@dataclass(frozen=True)
class HeaderLabel:
    """One name drawn in the grouped header: where, what, and whether in bold."""

    uid: str
    rect: QRectF
    text: str
    bold: bool
    own: bool  # True: the label of a parent unit's own column (lowest band)


def header_labels(
    cols: list[UnitColumn], xs: list[float], widths: list[float], top: float, band: float
) -> list[HeaderLabel]:
    """The names of the grouped header: each unit's name over its subtree's columns at
    its depth, and, for a parent unit, its name again in the lowest band of its own
    column, so that every column says which unit it is."""
    bands = header_bands(cols)
    labels = []
    for i, col in enumerate(cols):
        x0 = xs[i]
        x1 = xs[col.span_end] + widths[col.span_end]
        group = QRectF(x0, top + col.depth * band, x1 - x0, band)
        labels.append(HeaderLabel(col.uid, group, col.name, col.depth == 0, False))
        if col.span_end > i:
            own = QRectF(x0, top + (bands - 1) * band, widths[i], band)
            labels.append(HeaderLabel(col.uid, own, col.name, False, True))
    return labels


# ---------------------------------------------------------------------- painting
def paint_cell(
    painter: QPainter,
    rect: QRectF,
    letters: str | None,
    owner: bool,
    selected: bool = False,
    tint: str | None = None,
) -> None:
    """One matrix cell: owner fill and corner mark, letters as coloured badges."""
    painter.save()
    if owner:
        painter.fillRect(rect, QColor(OWNER_FILL))
    elif tint is not None:
        colour = QColor(tint)
        colour.setAlpha(22)
        painter.fillRect(rect, colour)
    if selected:
        painter.setPen(QPen(QColor("#1f6feb"), 2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(rect.adjusted(1, 1, -1, -1))
    if owner:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(OWNER_MARK))
        tri = QPolygonF(
            [
                rect.topLeft(),
                QPointF(rect.left() + 9, rect.top()),
                QPointF(rect.left(), rect.top() + 9),
            ]
        )
        painter.drawPolygon(tri)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    if letters:
        font = QFont(painter.font())
        font.setBold(True)
        font.setPixelSize(10)
        painter.setFont(font)
        size = 15.0
        gap = 2.0
        total = len(letters) * size + (len(letters) - 1) * gap
        x = rect.center().x() - total / 2
        y = rect.center().y() - size / 2
        for letter in letters:
            box = QRectF(x, y, size, size)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(LETTER_COLOURS[letter]))
            painter.drawRoundedRect(box, 3, 3)
            painter.setPen(QColor("white"))
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, letter)
            x += size + gap
    elif letters == "":
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#8c959f"))
        painter.drawEllipse(rect.center(), 2.5, 2.5)
    painter.restore()


def paint_header(
    painter: QPainter,
    cols: list[UnitColumn],
    xs: list[float],
    widths: list[float],
    top: float,
    band: float,
    name_rect: QRectF | None,
    severities: dict[str, str] | None = None,
    name_label: str = "",
) -> None:
    """The grouped header: each unit's name over its subtree's columns at its depth; a
    parent's own column continues downwards and carries the parent's name again in the
    lowest band (see ``header_labels``); a stripe marks units with findings."""
    bands = header_bands(cols)
    height = bands * band
    painter.save()
    pen = QPen(QColor(GRID))
    pen.setCosmetic(True)
    font = matrix_font()
    bold = matrix_font(True)
    metrics = QFontMetrics(bold)
    plain_metrics = QFontMetrics(font)
    if name_rect is not None:
        painter.fillRect(name_rect, QColor(HEADER_FILL))
        painter.setPen(pen)
        painter.drawRect(name_rect)
        painter.setFont(bold)
        painter.setPen(QColor(HEADER_TEXT))
        painter.drawText(
            name_rect.adjusted(8, 0, -4, -4),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom,
            name_label,
        )
    for i, col in enumerate(cols):
        x0 = xs[i]
        x1 = xs[col.span_end] + widths[col.span_end]
        y = top + col.depth * band
        group = QRectF(x0, y, x1 - x0, band)
        own = QRectF(x0, y, widths[i], top + height - y)
        fill = QColor(HEADER_FILL).darker(100 + 4 * (bands - col.depth - 1))
        painter.fillRect(group, fill)
        painter.fillRect(own, fill)
        painter.setPen(pen)
        painter.drawRect(group)
        painter.drawRect(own)
        severity = (severities or {}).get(col.uid)
        if severity is not None:
            if severity in ("error", "warning"):
                wash = QColor(FINDING_COLOURS[severity])
                wash.setAlpha(40)
                painter.fillRect(own, wash)
            painter.fillRect(
                QRectF(x0 + 1, top + height - 4, widths[i] - 2, 3),
                QColor(FINDING_COLOURS[severity]),
            )
    for label in header_labels(cols, xs, widths, top, band):
        painter.setFont(bold if label.bold else font)
        painter.setPen(QColor(HEADER_TEXT))
        fm = metrics if label.bold else plain_metrics
        text = fm.elidedText(label.text, Qt.TextElideMode.ElideRight, int(label.rect.width() - 6))
        painter.drawText(label.rect.adjusted(3, 0, -3, 0), Qt.AlignmentFlag.AlignCenter, text)
    painter.restore()


# ---------------------------------------------------------------------- model
class MatrixModel(QAbstractItemModel):
    """Processes as a tree of rows; column 0 the process, then one column per unit."""

    def __init__(self, context: EditorContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.cols: list[UnitColumn] = []
        self._num: dict[str, int] = {}
        self._pids: list[str] = []
        self._children: dict[str | None, list[str]] = {}
        self._row: dict[str, int] = {}
        self._parent: dict[str, str | None] = {}
        self.row_severity: dict[str, str] = {}
        self.unit_severity: dict[str, str] = {}
        self.rebuild()

    def rebuild(self) -> None:
        arch = self.context.arch
        self.beginResetModel()
        self.cols = unit_columns(arch)
        self._children = {}
        self._parent = {}
        for pid in arch.walk():
            parent = arch.processes[pid].parent
            self._children.setdefault(parent, []).append(pid)
            self._parent[pid] = parent
        self._row = {}
        for kids in self._children.values():
            for i, pid in enumerate(kids):
                self._row[pid] = i
        for pid in self._parent:
            if pid not in self._num:
                self._num[pid] = len(self._pids)
                self._pids.append(pid)
        self.endResetModel()

    def structure_differs(self) -> bool:
        """True when processes or units were added, removed, moved or reordered."""
        arch = self.context.arch
        units = [c.uid for c in unit_columns(arch)]
        return units != [c.uid for c in self.cols] or list(arch.walk()) != self._flat()

    def refresh_names(self) -> None:
        """Unit names changed but not the tree: new header texts without a reset."""
        self.cols = unit_columns(self.context.arch)
        if self.cols:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 1, len(self.cols))

    def _flat(self) -> list[str]:
        out: list[str] = []

        def visit(parent: str | None) -> None:
            for pid in self._children.get(parent, ()):
                out.append(pid)
                visit(pid)

        visit(None)
        return out

    # ------------------------------------------------------------------ lookups
    def pid(self, index: Index) -> str | None:
        if not index.isValid():
            return None
        return self._pids[index.internalId()]

    def uid(self, index: Index) -> str | None:
        if not index.isValid() or index.column() == 0:
            return None
        return self.cols[index.column() - 1].uid

    def index_of(self, pid: str, column: int = 0) -> QModelIndex:
        if pid not in self._row:
            return QModelIndex()
        return self.createIndex(self._row[pid], column, self._num[pid])

    def column_of(self, uid: str) -> int:
        for i, col in enumerate(self.cols):
            if col.uid == uid:
                return i + 1
        return -1

    def owner_unit(self, pid: str) -> str | None:
        arch = self.context.arch
        proc = arch.processes.get(pid)
        owner = arch.people.get(proc.owner) if proc and proc.owner else None
        return owner.unit if owner else None

    # ------------------------------------------------------------------ Qt model
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        parent_pid = self.pid(parent)
        kids = self._children.get(parent_pid, [])
        if 0 <= row < len(kids) and 0 <= column <= len(self.cols):
            return self.createIndex(row, column, self._num[kids[row]])
        return QModelIndex()

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # noqa: B008 - Qt overload
        pid = self.pid(index)
        if pid is None:
            return QModelIndex()
        parent = self._parent.get(pid)
        if parent is None:
            return QModelIndex()
        return self.createIndex(self._row[parent], 0, self._num[parent])

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._children.get(self.pid(parent), []))

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 1 + len(self.cols)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return _t("Process") if section == 0 else self.cols[section - 1].name
        if role == Qt.ItemDataRole.ToolTipRole and section > 0:
            col = self.cols[section - 1]
            if col.span_end > section - 1:
                return _t("{name} itself (its sub-units have columns of their own)").format(
                    name=col.name
                )
            return col.name
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        pid = self.pid(index)
        arch = self.context.arch
        proc = arch.processes.get(pid) if pid else None
        if proc is None:
            return None
        if index.column() == 0:
            if role == Qt.ItemDataRole.DisplayRole:
                return proc.name
            if role == ID_ROLE:
                return pid
            if role == SEVERITY_ROLE:
                return self.row_severity.get(pid)  # type: ignore[arg-type]
            if role == Qt.ItemDataRole.ToolTipRole:
                owner = arch.people.get(proc.owner) if proc.owner else None
                lines = [proc.name]
                if owner is not None:
                    lines.append(_t("Owner: {name}").format(name=owner.name))
                return "\n".join(lines)
            return None
        uid = self.cols[index.column() - 1].uid
        letters = arch.participation.get((pid, uid))  # type: ignore[arg-type]
        if role == LETTERS_ROLE:
            return letters
        if role == Qt.ItemDataRole.DisplayRole:
            return letters if letters else ("·" if letters == "" else "")
        if role == OWNER_ROLE:
            return self.owner_unit(pid) == uid  # type: ignore[arg-type]
        if role == ID_ROLE:
            return uid
        if role == Qt.ItemDataRole.ToolTipRole:
            names = {
                "R": _t("Responsible"),
                "A": _t("Accountable"),
                "C": _t("Consulted"),
                "I": _t("Informed"),
            }
            text = f"{proc.name} × {arch.units[uid].name}"
            if letters:
                text += "\n" + ", ".join(names[x] for x in letters)
            elif letters == "":
                text += "\n" + _t("Takes part (no role yet)")
            if self.owner_unit(pid) == uid:  # type: ignore[arg-type]
                text += "\n" + _t("The owner's unit")
            return text
        return None


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
        return QSize(hint.width(), header_bands(self.matrix.cols) * BAND + 6)

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
            painter, rect, index.data(LETTERS_ROLE), bool(index.data(OWNER_ROLE)), selected, tint
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
    """The matrix tree view: clicks and keys change RACI letters through operations."""

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
        self._press: QModelIndex | None = None

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

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self._press = self.indexAt(event.position().toPoint())
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        index = self.indexAt(event.position().toPoint())
        pressed = self._press
        self._press = None
        super().mouseReleaseEvent(event)
        if (
            event.button() == Qt.MouseButton.LeftButton
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
            and index.isValid()
            and index.column() > 0
            and pressed is not None
            and pressed == index
        ):
            self.cycle(index)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        index = self.indexAt(event.position().toPoint())
        if index.isValid() and index.column() == 0:
            pid = self.matrix.pid(index)
            if pid:
                self.context.reveal(pid)
            return
        if index.isValid() and index.column() > 0:
            self._press = index  # the second click of a double click cycles again
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


class ParticipationMatrix(QWidget):
    """The matrix with its toolbar (expand, collapse, export) and a legend."""

    def __init__(self, context: EditorContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("participationMatrix")
        self.context = context
        self.live = LiveFindings.for_context(context)
        self.matrix = MatrixModel(context, self)
        self._syncing = False
        self._known: set[str] = set()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        bar = QHBoxLayout()
        bar.setContentsMargins(4, 2, 4, 0)
        legend = QLabel(self._legend_html())
        legend.setTextFormat(Qt.TextFormat.RichText)
        legend.setObjectName("matrixLegend")
        bar.addWidget(legend, 1)
        self.expand_button = QToolButton()
        self.expand_button.setText(_t("Expand all"))
        self.collapse_button = QToolButton()
        self.collapse_button.setText(_t("Collapse all"))
        self.export_button = QToolButton()
        self.export_button.setObjectName("exportMatrix")
        self.export_button.setText(_t("Export image…"))
        for button in (self.expand_button, self.collapse_button, self.export_button):
            button.setAutoRaise(True)
            bar.addWidget(button)
        layout.addLayout(bar)

        self.view = MatrixView(context, self.matrix, self)
        self.view.setObjectName("matrixView")
        layout.addWidget(self.view)
        self._apply_widths()
        self._expand_new()

        self.expand_button.clicked.connect(self.view.expandAll)
        self.collapse_button.clicked.connect(self.view.collapseAll)
        self.export_button.clicked.connect(self.export_dialog)
        self.view.selectionModel().currentChanged.connect(self._current_changed)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.view.header_view.sectionClicked.connect(self._header_clicked)
        context.committed.connect(self._on_committed)
        context.documentReplaced.connect(self._on_replaced)
        context.selectionChanged.connect(self._selection_from_context)
        self.live.findingsChanged.connect(self._findings_changed)
        self._findings_changed()

    @staticmethod
    def _legend_html() -> str:
        parts = []
        for letter, word in (
            ("R", _t("Responsible")),
            ("A", _t("Accountable")),
            ("C", _t("Consulted")),
            ("I", _t("Informed")),
        ):
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
        for pid in self.context.arch.walk():
            if pid not in self._known:
                self.view.expand(self.matrix.index_of(pid))
        self._known = set(self.context.arch.processes)

    def _on_replaced(self) -> None:
        self._known = set()
        self._rebuild()

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
        touched = event.collections()
        if touched & {"processes", "units"} and self.matrix.structure_differs():
            self._rebuild()
        elif "units" in touched:
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
        if self._syncing:
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
            self.view.setCurrentIndex(index)
            self.view.scrollTo(index)
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
            names = {
                "R": _t("Responsible"),
                "A": _t("Accountable"),
                "C": _t("Consulted"),
                "I": _t("Informed"),
            }
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
            show.triggered.connect(lambda: pid and self.context.reveal(pid))
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


def _legend_entries() -> list[tuple[str | None, str]]:
    return [
        ("R", _t("Responsible")),
        ("A", _t("Accountable")),
        ("C", _t("Consulted")),
        ("I", _t("Informed")),
        (None, _t("Owner’s unit")),
    ]


def _layout_export(panel: ParticipationMatrix, font: QFont) -> dict[str, Any]:
    metrics = QFontMetrics(font)
    cols = panel.matrix.cols
    widths = [float(w) for w in column_widths(cols)]
    rows = panel.visible_rows()
    arch = panel.context.arch
    name_w = max(
        [200.0]
        + [metrics.horizontalAdvance(arch.processes[p].name) + 16.0 * d + 30 for p, d in rows]
    )
    name_w = min(name_w, 360.0)
    margin = 24.0
    title_h = 34.0
    bands = header_bands(cols)
    header_h = bands * BAND + 6
    legend_h = 30.0
    legend_w = sum(30.0 + metrics.horizontalAdvance(word) for _l, word in _legend_entries())
    title_font = QFont(font)
    title_font.setPixelSize(16)
    title_font.setBold(True)
    title_w = QFontMetrics(title_font).horizontalAdvance(_export_title(panel)) + 10
    if name_w + sum(widths) < max(legend_w, title_w):
        name_w += max(legend_w, title_w) - name_w - sum(widths)
    width = margin * 2 + name_w + sum(widths)
    height = margin * 2 + title_h + header_h + ROW * len(rows) + legend_h
    return {
        "cols": cols,
        "widths": widths,
        "rows": rows,
        "name_w": name_w,
        "margin": margin,
        "title_h": title_h,
        "header_h": header_h,
        "band": BAND,
        "size": QSizeF(width, height),
    }


def _export_title(panel: ParticipationMatrix) -> str:
    heading = _t("Participation (RACI)")
    name = panel.context.arch.meta.name
    return f"{name} — {heading}" if name else heading


def paint_matrix(panel: ParticipationMatrix, painter: QPainter, lay: dict[str, Any]) -> None:
    """Draw the whole matrix (rows as expanded in the panel) for an exported image."""
    arch = panel.context.arch
    m = lay["margin"]
    name_w = lay["name_w"]
    cols: list[UnitColumn] = lay["cols"]
    widths: list[float] = lay["widths"]
    size: QSizeF = lay["size"]
    painter.fillRect(QRectF(0, 0, size.width(), size.height()), QColor("white"))
    font = matrix_font()
    painter.setFont(font)
    title = QFont(font)
    title.setPixelSize(16)
    title.setBold(True)
    painter.setFont(title)
    painter.setPen(QColor(HEADER_TEXT))
    heading = _export_title(panel)
    painter.drawText(
        QRectF(m, m, size.width() - 2 * m, lay["title_h"]), Qt.AlignmentFlag.AlignLeft, heading
    )
    painter.setFont(font)
    top = m + lay["title_h"]
    xs = []
    x = m + name_w
    for w in widths:
        xs.append(x)
        x += w
    header_h = lay["header_h"]
    band = (header_h - 1) / max(1, header_bands(cols))
    paint_header(
        painter,
        cols,
        xs,
        widths,
        top,
        band,
        QRectF(m, top, name_w, header_h - 1),
        None,
        _t("Process"),
    )
    y = top + header_h
    owner_units = {pid: panel.matrix.owner_unit(pid) for pid, _ in lay["rows"]}
    metrics = QFontMetrics(font)
    bold = QFont(font)
    bold.setBold(True)
    for n, (pid, depth) in enumerate(lay["rows"]):
        proc = arch.processes[pid]
        row_rect = QRectF(m, y, name_w + sum(widths), ROW)
        if n % 2:
            painter.fillRect(row_rect, QColor("#f8f9fb"))
        style = kind_style(proc.kind)
        painter.fillRect(QRectF(m + 4 + 16 * depth, y + 6, 4, ROW - 12), QColor(style.stroke))
        painter.setFont(bold if depth == 0 else font)
        painter.setPen(QColor(HEADER_TEXT))
        text_rect = QRectF(m + 14 + 16 * depth, y, name_w - 18 - 16 * depth, ROW)
        painter.drawText(
            text_rect,
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
            metrics.elidedText(proc.name, Qt.TextElideMode.ElideRight, int(text_rect.width())),
        )
        painter.setFont(font)
        for i, col in enumerate(cols):
            cell = QRectF(xs[i], y, widths[i], ROW)
            paint_cell(
                painter, cell, arch.participation.get((pid, col.uid)), owner_units[pid] == col.uid
            )
        painter.setPen(QPen(QColor(GRID), 0))
        painter.drawLine(QPointF(m, y + ROW), QPointF(m + name_w + sum(widths), y + ROW))
        y += ROW
    # grid verticals and frame
    painter.setPen(QPen(QColor(GRID), 0))
    for i in range(len(cols)):
        painter.drawLine(QPointF(xs[i], top + header_h), QPointF(xs[i], y))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(QRectF(m, top, name_w + sum(widths), y - top))
    # legend
    lx = m
    ly = y + 10
    for letter, word in _legend_entries():
        paint_cell(painter, QRectF(lx, ly, 18, 18), letter, letter is None)
        painter.setPen(QColor(HEADER_TEXT))
        painter.drawText(QRectF(lx + 22, ly, 200, 18), Qt.AlignmentFlag.AlignVCenter, word)
        lx += 30 + metrics.horizontalAdvance(word)


def export_matrix(panel: ParticipationMatrix, path: str | Path, dpi: int = 192) -> Path:
    """Write the matrix to *path*: PNG (at *dpi*), SVG (text as text) or PDF, chosen by
    the suffix (PNG when there is none)."""
    from procmodeler.common.atomicfile import atomic_write_bytes

    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".png", ".svg", ".pdf"):
        path = path.with_suffix(".png")
        suffix = ".png"
    lay = _layout_export(panel, matrix_font())
    size: QSizeF = lay["size"]
    if suffix == ".png":
        scale = dpi / 96.0
        image = QImage(
            int(size.width() * scale) + 1,
            int(size.height() * scale) + 1,
            QImage.Format.Format_ARGB32,
        )
        image.setDotsPerMeterX(int(dpi / 0.0254))
        image.setDotsPerMeterY(int(dpi / 0.0254))
        image.fill(QColor("white"))
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.scale(scale, scale)
        paint_matrix(panel, painter, lay)
        painter.end()
        from PySide6.QtCore import QBuffer, QByteArray, QIODevice

        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")
        atomic_write_bytes(path, bytes(data.data()))
    elif suffix == ".svg":
        from PySide6.QtCore import QBuffer, QByteArray, QIODevice
        from PySide6.QtSvg import QSvgGenerator

        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        gen = QSvgGenerator()
        gen.setOutputDevice(buffer)
        gen.setSize(size.toSize())
        gen.setViewBox(QRectF(0, 0, size.width(), size.height()))
        gen.setResolution(96)
        gen.setTitle(_t("Participation (RACI)"))
        painter = QPainter(gen)
        paint_matrix(panel, painter, lay)
        painter.end()
        buffer.close()
        atomic_write_bytes(path, bytes(data.data()))
    else:
        from PySide6.QtCore import QBuffer, QByteArray, QIODevice

        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        writer = QPdfWriter(buffer)
        writer.setResolution(96)
        points = QSizeF(size.width() * 0.75, size.height() * 0.75)
        writer.setPageSize(QPageSize(points, QPageSize.Unit.Point, "matrix"))
        writer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Point)
        writer.setTitle(_t("Participation (RACI)"))
        painter = QPainter(writer)
        paint_matrix(panel, painter, lay)
        painter.end()
        buffer.close()
        atomic_write_bytes(path, bytes(data.data()))
    return path


__all__ = ["ParticipationMatrix", "export_matrix", "next_in_cycle", "toggled", "QBrush"]
