"""The breadcrumb above the diagram: where you are in the process hierarchy, with a
link to every level above. Long names are cut short ("…", the whole name in the
tooltip) so that a deep level never widens the canvas at the panels' cost."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLayout, QSizePolicy, QToolButton, QWidget

from procmodeler.model.events import Committed
from procmodeler.ui.context import EditorContext


class Breadcrumb(QWidget):
    """ "Process map › Order to delivery › Take order"; each part opens its level."""

    def __init__(self, context: EditorContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("breadcrumb")
        self.context = context
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(12, 6, 12, 6)
        self._layout.setSpacing(2)
        # its own width never sets the canvas's: the names are cut to the room there is
        self._layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.buttons: list[QToolButton] = []
        self._separators: list[QLabel] = []
        self._names: list[str] = []
        context.levelChanged.connect(self.refresh)
        context.documentReplaced.connect(self.refresh)
        context.committed.connect(self._on_committed)
        self.refresh()

    def path(self) -> list[str | None]:
        """The levels from the landscape down to the current one."""
        level = self.context.level
        if level is None or level not in self.context.arch.processes:
            return [None]
        return [None, *reversed(self.context.arch.ancestors(level)), level]

    def _on_committed(self, event: Committed) -> None:
        if set(self.path()) & self.context.impact(event).processes:
            self.refresh()

    def refresh(self, *_: object) -> None:
        while self._layout.count():
            w = self._layout.takeAt(0).widget()
            if w is not None:
                w.hide()
                w.deleteLater()
        self.buttons = []
        self._separators = []  # counted before Qt shows them
        arch = self.context.arch
        path = self.path()
        for i, level in enumerate(path):
            if i:
                sep = QLabel("\u203a")
                sep.setObjectName("breadcrumbSeparator")
                self._layout.addWidget(sep)
                self._separators.append(sep)
            text = self.tr("Process map") if level is None else arch.processes[level].name
            button = QToolButton()
            button.setObjectName("breadcrumbCurrent" if i == len(path) - 1 else "breadcrumbLink")
            button.setText(text)
            button.setToolTip(text)
            button.setAutoRaise(True)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.setEnabled(i < len(path) - 1)
            button.clicked.connect(lambda _=False, lv=level: self.context.open_level(lv))
            self._layout.addWidget(button)
            self.buttons.append(button)
        self._names = [b.text() for b in self.buttons]
        self._layout.addStretch(1)
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        """Cut the names short to the breadcrumb's width: the levels above first (to no
        less than 48 px each), then the current one."""
        if not self.buttons:
            return
        margins = self._layout.contentsMargins()
        fixed = margins.left() + margins.right() + self._layout.spacing() * 2 * len(self.buttons)
        fixed += sum(w.sizeHint().width() for w in self._separators)
        room = max(0, self.width() - fixed)
        pads = [
            b.sizeHint().width() - b.fontMetrics().horizontalAdvance(b.text()) for b in self.buttons
        ]
        full = [
            b.fontMetrics().horizontalAdvance(n)
            for b, n in zip(self.buttons, self._names, strict=True)
        ]
        widths = list(full)
        over = sum(widths) + sum(pads) - room
        for i in range(len(widths) - 1):  # the levels above give room first
            if over <= 0:
                break
            cut = min(over, max(0, widths[i] - 48))
            widths[i] -= cut
            over -= cut
        if over > 0:
            widths[-1] = max(24, widths[-1] - over)
        for button, name, width, whole in zip(self.buttons, self._names, widths, full, strict=True):
            text = (
                name
                if width >= whole
                else button.fontMetrics().elidedText(name, Qt.TextElideMode.ElideRight, width)
            )
            if button.text() != text:
                button.setText(text)
