"""The cards of the improvements board and its status columns: a card is a rounded box
with the title in bold, then process, person and due date (an overdue one has a red edge
and date); a column takes dropped cards and moves the current card to another status by
keyboard (Ctrl+Right / Ctrl+Left, 1 to 5), shows it on Enter or double-click, deletes it
on Delete."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QPainter,
    QPen,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from procmodeler.model.elements import IMPROVEMENT_STATUSES
from procmodeler.ui.strategy.common import OVERDUE

#: the narrowest a status column gets (narrower, the columns scroll sideways)
COLUMN_MIN_WIDTH = 150

ID_ROLE = Qt.ItemDataRole.UserRole + 1
OVERDUE_ROLE = Qt.ItemDataRole.UserRole + 2  # True: planned or ongoing, due before today
DUE_ROLE = Qt.ItemDataRole.UserRole + 3  # True: the card's last line is its due date
#: the mime type of a dragged card: the improvement's id
MIME = "application/x-procmodeler-improvement"


def breakable(line: str, metrics: QFontMetrics, width: int) -> str:
    """*line* with soft hyphens in each word wider than *width*, so that such a word
    (the Swedish "Prioriteringsmodell" in a narrow column) is broken with a hyphen
    instead of being cut at the card's edge."""
    words = line.split(" ")
    return " ".join(
        "\u00ad".join(word) if metrics.horizontalAdvance(word) > width else word for word in words
    )


class CardDelegate(QStyledItemDelegate):
    """A card: a rounded box, the title in bold, then process, person and due date; an
    overdue card has a red edge and a red date."""

    PAD = 6

    def _lines(self, index: QModelIndex | QPersistentModelIndex) -> list[str]:
        return str(index.data(Qt.ItemDataRole.DisplayRole) or "").split("\n")

    def sizeHint(  # noqa: N802 - Qt name
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        view = self.parent()
        if isinstance(view, QListWidget):  # the column's width, as the card is painted
            avail = view.viewport().width() - 2 * view.spacing()
        else:
            avail = option.rect.width() or 200  # type: ignore[attr-defined]
        width = max(60, avail - 4 - 2 * self.PAD)
        bold = QFont(option.font)  # type: ignore[attr-defined]
        bold.setBold(True)
        height = 2 * self.PAD
        for i, line in enumerate(self._lines(index)):
            metrics = QFontMetrics(bold if i == 0 else option.font)  # type: ignore[attr-defined]
            flags = int(Qt.TextFlag.TextWordWrap)
            line = breakable(line, metrics, width)
            height += metrics.boundingRect(0, 0, width, 1000, flags, line).height()
        return QSize(width + 2 * self.PAD, height + 6)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        rect = option.rect.adjusted(2, 2, -2, -2)  # type: ignore[attr-defined]
        state = option.state  # type: ignore[attr-defined]
        late = index.data(OVERDUE_ROLE)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        selected = bool(state & QStyle.StateFlag.State_Selected)
        painter.setBrush(QColor("#ddf4ff" if selected else "#ffffff"))
        edge = QColor(OVERDUE if late else ("#1f6feb" if selected else "#d0d7de"))
        painter.setPen(QPen(edge, 2 if late or selected else 1))
        painter.drawRoundedRect(QRectF(rect), 5, 5)
        x, y, width = rect.x() + self.PAD, rect.y() + self.PAD - 2, rect.width() - 2 * self.PAD
        lines = self._lines(index)
        for i, line in enumerate(lines):
            font = QFont(option.font)  # type: ignore[attr-defined]
            font.setBold(i == 0)
            painter.setFont(font)
            last = i == len(lines) - 1 and index.data(DUE_ROLE)
            painter.setPen(
                QColor(OVERDUE if late and last else ("#24292f" if i == 0 else "#57606a"))
            )
            flags = int(Qt.TextFlag.TextWordWrap)
            metrics = QFontMetrics(font)
            line = breakable(line, metrics, width)
            box = metrics.boundingRect(0, 0, width, 1000, flags, line)
            painter.drawText(QRectF(x, y, width, box.height()), flags, line)
            y += box.height()
        painter.restore()


class StatusColumn(QListWidget):
    """The cards of one status; cards dropped here (from any column) get this status,
    keys move the current card to another status."""

    #: (improvement id, new status)
    statusRequested = Signal(str, str)
    #: an improvement to show (double-click, Enter) or delete (Delete)
    showRequested = Signal(str)
    deleteRequested = Signal(str)

    def __init__(self, status: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.status = status
        self.setObjectName(f"board_{status}")
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setWordWrap(True)
        self.setSpacing(2)
        self.setUniformItemSizes(False)
        self.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setItemDelegate(CardDelegate(self))
        self.itemDoubleClicked.connect(self._show)

    def current_id(self) -> str | None:
        item = self.currentItem()
        return item.data(ID_ROLE) if item is not None else None

    def mimeTypes(self) -> list[str]:  # noqa: N802 - Qt name
        return [MIME]

    def mimeData(self, items: Sequence[QListWidgetItem]) -> QMimeData:  # noqa: N802 - Qt name
        data = QMimeData()
        if items and items[0] is not None:
            data.setData(MIME, QByteArray(str(items[0].data(ID_ROLE)).encode("utf-8")))
        return data

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt name
        if event.mimeData().hasFormat(MIME):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802 - Qt name
        if event.mimeData().hasFormat(MIME):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt name
        data = event.mimeData()
        iid = bytes(data.data(MIME).data()).decode("utf-8") if data.hasFormat(MIME) else ""
        event.setDropAction(Qt.DropAction.IgnoreAction)
        event.accept()  # the board is rebuilt from the model; Qt moves nothing itself
        if iid:
            self.statusRequested.emit(iid, self.status)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt name
        iid = self.current_id()
        key = event.key()
        if iid is not None:
            order = list(IMPROVEMENT_STATUSES)
            here = order.index(self.status)
            ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
            target = None
            if ctrl and key == Qt.Key.Key_Right and here + 1 < len(order):
                target = order[here + 1]
            elif ctrl and key == Qt.Key.Key_Left and here > 0:
                target = order[here - 1]
            elif Qt.Key.Key_1 <= key < Qt.Key.Key_1 + len(order):
                target = order[key - Qt.Key.Key_1]
            if target is not None:
                if target != self.status:
                    self.statusRequested.emit(iid, target)
                return
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.showRequested.emit(iid)
                return
            if key == Qt.Key.Key_Delete:
                self.deleteRequested.emit(iid)
                return
        super().keyPressEvent(event)

    def _show(self, item: QListWidgetItem) -> None:
        iid = item.data(ID_ROLE)
        if iid:
            self.showRequested.emit(iid)
