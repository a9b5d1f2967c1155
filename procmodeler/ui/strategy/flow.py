"""A bar of filters and buttons that wraps to more rows in a narrow panel (a bottom dock
on a laptop screen) instead of cutting their texts: each item keeps at least the width
its text needs (its size hint), and what a row has to spare is shared among its items
that expand (the filters; a button keeps its width)."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget


class FlowBar(QLayout):
    """Items left to right in rows as wide as the layout; a new row where the next item
    would not fit whole."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._gap = spacing
        self.setContentsMargins(0, 0, 0, 0)

    # ------------------------------------------------------------------ QLayout
    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 - Qt name
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt name
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt name
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802 - Qt name
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt name
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt name
        return self._place(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 - Qt name
        super().setGeometry(rect)
        self._place(rect, move=True)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt name
        shown = self._shown()
        width = sum(i.sizeHint().width() for i in shown) + self._gap * max(0, len(shown) - 1)
        height = max((i.sizeHint().height() for i in shown), default=0)
        return QSize(width, height)

    def minimumSize(self) -> QSize:  # noqa: N802 - Qt name
        shown = self._shown()
        width = max((i.sizeHint().width() for i in shown), default=0)
        return QSize(width, self.heightForWidth(width))

    # ------------------------------------------------------------------ placing
    def _shown(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty()]

    def rows(self, width: int) -> list[list[QLayoutItem]]:
        """The items of each row at *width*."""
        rows: list[list[QLayoutItem]] = []
        used = 0
        for item in self._shown():
            wanted = item.sizeHint().width()
            if rows and used + self._gap + wanted <= width:
                rows[-1].append(item)
                used += self._gap + wanted
            else:
                rows.append([item])
                used = wanted
        return rows

    def _place(self, rect: QRect, move: bool) -> int:
        """Lay the items out in *rect* (only measure, unless *move*); the height used."""
        y = rect.y()
        for row in self.rows(rect.width()):
            height = max(item.sizeHint().height() for item in row)
            wanted = [item.sizeHint().width() for item in row]
            spare = max(0, rect.width() - sum(wanted) - self._gap * (len(row) - 1))
            grow = [bool(i.expandingDirections() & Qt.Orientation.Horizontal) for i in row]
            shares = max(1, sum(grow))
            x = rect.x()
            for item, width, grows in zip(row, wanted, grow, strict=True):
                extra = spare // shares if grows else 0
                if move:
                    item.setGeometry(QRect(x, y, width + extra, height))
                x += width + extra + self._gap
            y += height + self._gap
        return max(0, y - rect.y() - self._gap)
