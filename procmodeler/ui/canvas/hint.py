"""The quiet hint in the middle of an empty sub-process diagram: a label over the view,
no part of the model, of the scene's items or of what is exported or printed; it is gone
as soon as the level has a shape."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QAbstractScrollArea, QLabel

HINT_COLOUR = "#6e7781"
HINT_WIDTH = 360  # pixels at most: the text wraps in the middle of a wide view


def hint_text() -> str:
    return QCoreApplication.translate(
        "Canvas", "Drag a process from the palette to start this level"
    )


class EmptyLevelHint(QLabel):
    """A label centred on *view*'s viewport (a child of the view, not of the viewport,
    so that scrolling does not move it); mouse events and drops go through it."""

    def __init__(self, view: QAbstractScrollArea) -> None:
        super().__init__(hint_text(), view)
        self.setObjectName("emptyLevelHint")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self.setStyleSheet(f"QLabel {{ color: {HINT_COLOUR}; background: transparent; }}")
        f = self.font()
        f.setPointSizeF(f.pointSizeF() * 1.15)
        self.setFont(f)
        self.hide()

    def show_if(self, empty: bool) -> None:
        """Shown while the level is *empty*, hidden otherwise; placed in the middle."""
        self.setText(hint_text())
        self.setVisible(empty)
        if empty:
            self.place()

    def place(self) -> None:
        view = self.parentWidget()
        assert isinstance(view, QAbstractScrollArea)
        room = view.viewport().geometry()
        w = min(HINT_WIDTH, max(80, room.width() - 32))
        h = self.heightForWidth(w)
        if h <= 0:
            h = self.sizeHint().height()
        self.setGeometry(room.center().x() - w // 2, room.center().y() - h // 2, w, h)
        self.raise_()
