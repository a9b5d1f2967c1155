"""The palette: process kinds to create (click: at a free place in the kind's band;
drag: where dropped) and the kind of relation that dragging from a shape's connect
handle creates."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QMimeData, QPoint, QSize, Qt, Signal
from PySide6.QtGui import QDrag, QMouseEvent, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QLabel,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from procmodeler.model.elements import PROCESS_KINDS, RELATION_KINDS
from procmodeler.ui import icons
from procmodeler.ui.canvas.view import PALETTE_MIME
from procmodeler.ui.words import kind_label, relation_label


def palette_mime(kind: str) -> QMimeData:
    """The drag data of a palette entry (tests drop it on the view)."""
    mime = QMimeData()
    mime.setData(PALETTE_MIME, QByteArray(kind.encode("ascii")))
    return mime


class PaletteButton(QToolButton):
    """A process kind: click to create, drag onto the diagram to place."""

    createRequested = Signal(str)

    def __init__(self, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.setObjectName(f"palette_{kind}")
        self.setText(kind_label(kind))
        self.setIcon(icons.process_icon(kind))
        self.setIconSize(QSize(34, 20))
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAutoRaise(True)
        self.setToolTip(self.tr("Click to add, or drag onto the diagram"))
        self._press: QPoint | None = None
        self.clicked.connect(lambda: self.createRequested.emit(self.kind))

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if self._press is not None and (
            (event.position().toPoint() - self._press).manhattanLength()
            >= QApplication.startDragDistance()
        ):
            self._press = None
            self.setDown(False)
            drag = QDrag(self)
            drag.setMimeData(palette_mime(self.kind))
            drag.setPixmap(self.icon().pixmap(QSize(68, 40)))
            drag.exec(Qt.DropAction.CopyAction)
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        self._press = None
        super().mouseReleaseEvent(event)


class Palette(QWidget):
    """The palette dock's contents."""

    createRequested = Signal(str)
    connectKindChanged = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("palette")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(2)
        title = QLabel(self.tr("Processes"))
        title.setObjectName("paletteHeading")
        layout.addWidget(title)
        self.process_buttons: dict[str, PaletteButton] = {}
        for kind in PROCESS_KINDS:
            button = PaletteButton(kind, self)
            button.createRequested.connect(self.createRequested)
            layout.addWidget(button)
            self.process_buttons[kind] = button
        layout.addSpacing(10)
        title = QLabel(self.tr("Relations"))
        title.setObjectName("paletteHeading")
        layout.addWidget(title)
        self.relation_buttons: dict[str, QToolButton] = {}
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        for kind in RELATION_KINDS:
            rel_button = QToolButton(self)
            rel_button.setObjectName(f"palette_rel_{kind}")
            rel_button.setText(relation_label(kind))
            rel_button.setIcon(icons.relation_icon(kind))
            rel_button.setIconSize(QSize(34, 20))
            rel_button.setCheckable(True)
            rel_button.setAutoRaise(True)
            rel_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            rel_button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            rel_button.setToolTip(self.tr("New connections are of this kind"))
            rel_button.toggled.connect(lambda on, k=kind: self._kind_toggled(k, on))
            self._group.addButton(rel_button)
            layout.addWidget(rel_button)
            self.relation_buttons[kind] = rel_button
        self.relation_buttons["flow"].setChecked(True)
        hint = QLabel(
            self.tr(
                "Drag from the round handle beside a process to another process to connect them."
            )
        )
        hint.setObjectName("paletteHint")
        hint.setWordWrap(True)  # the left column gives it the height it needs (docking.py)
        hint.setToolTip(hint.text())
        self.hint = hint
        for rel_button in self.relation_buttons.values():  # said there when it is hidden
            rel_button.setToolTip(f"{rel_button.toolTip()}\n{hint.text()}")
        layout.addSpacing(6)
        layout.addWidget(hint)
        layout.addStretch(1)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._fit_hint()

    def _fit_hint(self) -> None:
        """Show the hint only while all of its lines fit below the buttons (a short
        window, 1024×640, cut it mid-sentence); the buttons' tooltips tell it too."""
        last = list(self.relation_buttons.values())[-1]
        margins = self.layout().contentsMargins()
        room = self.height() - margins.bottom() - (last.geometry().bottom() + 1 + 6)
        width = self.width() - margins.left() - margins.right()
        self.hint.setVisible(self.hint.heightForWidth(width) <= room)

    def _kind_toggled(self, kind: str, on: bool) -> None:
        if on:
            self.connectKindChanged.emit(kind)

    @property
    def connect_kind(self) -> str:
        for kind, button in self.relation_buttons.items():
            if button.isChecked():
                return kind
        return "flow"

    def set_connect_kind(self, kind: str) -> None:
        self.relation_buttons[kind].setChecked(True)
