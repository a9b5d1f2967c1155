"""The breadcrumb above the diagram: where you are in the process hierarchy, with a
link to every level above."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

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
        self.buttons: list[QToolButton] = []
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
        arch = self.context.arch
        path = self.path()
        for i, level in enumerate(path):
            if i:
                sep = QLabel("\u203a")
                sep.setObjectName("breadcrumbSeparator")
                self._layout.addWidget(sep)
            text = self.tr("Process map") if level is None else arch.processes[level].name
            button = QToolButton()
            button.setObjectName("breadcrumbCurrent" if i == len(path) - 1 else "breadcrumbLink")
            button.setText(text)
            button.setAutoRaise(True)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.setEnabled(i < len(path) - 1)
            button.clicked.connect(lambda _=False, lv=level: self.context.open_level(lv))
            self._layout.addWidget(button)
            self.buttons.append(button)
        self._layout.addStretch(1)
