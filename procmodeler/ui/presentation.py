"""Presentation mode (F11): the diagram alone, full screen, fitted to the screen; the
arrow keys (and Page Up/Down) step through the levels, the process map first, then
every sub-process diagram in model order; F11 or Escape ends it. The diagram is fitted
once the view has its full-screen size, and again whenever that size changes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from procmodeler.ui.mainwindow import MainWindow

NEXT_KEYS = (Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_PageDown, Qt.Key.Key_Space)
PREVIOUS_KEYS = (Qt.Key.Key_Left, Qt.Key.Key_Up, Qt.Key.Key_PageUp, Qt.Key.Key_Backspace)


class Presentation(QObject):
    """Turns a window's presentation mode on and off."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.active = False
        self._hidden: list[QWidget] = []
        self._was_maximized = False
        self._bars = (Qt.ScrollBarPolicy.ScrollBarAsNeeded, Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        # fits after the resize event, when the view has its new size (coalesced)
        self._refit = QTimer(self)
        self._refit.setSingleShot(True)
        self._refit.setInterval(0)
        self._refit.timeout.connect(self._fit)

    def levels(self) -> list[str | None]:
        """The levels in the order the arrow keys step through them."""
        arch = self.window.context.arch
        return [None, *(p for p in arch.walk() if arch.children(p) and arch.shapes.get(p))]

    def toggle(self) -> None:
        if self.active:
            self.stop()
        else:
            self.start()

    def start(self) -> None:
        w = self.window
        self.active = True
        self._was_maximized = w.isMaximized()
        candidates: list[QWidget] = [w.menuBar(), w.statusBar(), w.canvas.breadcrumb]
        candidates += [t for t in w.findChildren(QWidget) if t.objectName() == "mainToolbar"]
        candidates += [d for d in w.findChildren(QWidget) if d.inherits("QDockWidget")]
        self._hidden = [c for c in candidates if c.isVisible()]
        for widget in self._hidden:
            widget.hide()
        w.canvas.scene.clearSelection()
        view = w.canvas.view
        self._bars = (view.horizontalScrollBarPolicy(), view.verticalScrollBarPolicy())
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        view.hint_allowed = False
        view.update_hint()
        view.installEventFilter(self)
        view.viewport().installEventFilter(self)
        w.showFullScreen()
        view.setFocus()
        view.fit()  # and again on the resize event that brings the full-screen size

    def stop(self) -> None:
        w = self.window
        self.active = False
        view = w.canvas.view
        view.removeEventFilter(self)
        view.viewport().removeEventFilter(self)
        view.hint_allowed = True
        view.update_hint()
        view.setHorizontalScrollBarPolicy(self._bars[0])
        view.setVerticalScrollBarPolicy(self._bars[1])
        for widget in self._hidden:
            widget.show()
        self._hidden = []
        if self._was_maximized:
            w.showMaximized()
        else:
            w.showNormal()
        view.fit()
        QTimer.singleShot(0, view, view.fit)  # again once the window has its size back

    def step(self, by: int) -> None:
        """Show the next (*by* = 1) or previous (-1) level, fitted."""
        levels = self.levels()
        current = self.window.context.level
        index = levels.index(current) if current in levels else 0
        target = levels[max(0, min(len(levels) - 1, index + by))]
        if target != current:
            self.window.context.open_level(target)
        self.window.canvas.view.fit()

    def _fit(self) -> None:
        if self.active:
            self.window.canvas.view.fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if self.active and event.type() == QEvent.Type.Resize:
            self._refit.start()
        elif self.active and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key in NEXT_KEYS:
                self.step(1)
                return True
            if key in PREVIOUS_KEYS:
                self.step(-1)
                return True
            if key == Qt.Key.Key_Escape:
                self.stop()
                return True
        return super().eventFilter(watched, event)
