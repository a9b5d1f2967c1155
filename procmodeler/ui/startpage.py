"""The start page: shown over the canvas while the window holds an empty, unsaved model,
with New, Open, the bundled examples and the recent files."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
)

from procmodeler.common.paths import examples_dir
from procmodeler.ui import settings

if TYPE_CHECKING:
    from procmodeler.ui.mainwindow import MainWindow

STYLE = """
QFrame#startPage { background: #ffffff; border: 1px solid #d0d7de; border-radius: 10px; }
QLabel#startTitle { font-size: 15pt; font-weight: 600; color: #1f2328; }
QLabel#startHeading { color: #6e7781; font-size: 8pt; font-weight: 700; letter-spacing: 1px;
    padding-top: 4px; }
QPushButton { text-align: left; padding: 4px 10px; }
"""


class StartPage(QFrame):
    """A card in the middle of the canvas; hides itself once the model has content or a
    file, and reappears when the window holds an empty new model again."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window.canvas)
        self.window_ = window
        self.setObjectName("startPage")
        self.setStyleSheet(STYLE)
        self.dismissed = False
        title = QLabel(self.tr("Start"))
        title.setObjectName("startTitle")
        self.new_button = QPushButton(self.tr("New model: start drawing"))
        self.new_button.clicked.connect(self.dismiss)
        self.open_button = QPushButton(self.tr("Open a model or register\u2026"))
        self.open_button.clicked.connect(window.documents.open_dialog)
        self.example_buttons: dict[str, QPushButton] = {}
        examples = QVBoxLayout()
        for path in sorted(examples_dir().glob("*.procm")):
            button = QPushButton(self._example_label(path.stem))
            button.clicked.connect(lambda _=False, p=path: window.documents.open_example(p))
            self.example_buttons[path.stem] = button
            examples.addWidget(button)
        self.recent = QListWidget()
        self.recent.setObjectName("startRecent")
        self.recent.itemActivated.connect(self._open_recent)
        self.recent_heading = self._heading(self.tr("RECENT FILES"))
        left = QVBoxLayout()
        left.setSpacing(4)
        left.addWidget(self._heading(self.tr("BEGIN")))
        left.addWidget(self.new_button)
        left.addWidget(self.open_button)
        left.addWidget(self._heading(self.tr("EXAMPLES")))
        left.addLayout(examples)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(self.recent_heading)
        right.addWidget(self.recent, 1)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 12, 20, 12)
        layout.setSpacing(6)
        layout.addWidget(title)
        layout.addLayout(columns, 1)
        window.canvas.installEventFilter(self)
        window.context.committed.connect(lambda _e: self.update_visibility())
        window.context.documentReplaced.connect(self._replaced)
        self.update_visibility()

    def _heading(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setObjectName("startHeading")
        return label

    def _example_label(self, stem: str) -> str:
        if stem == "municipality-sv":
            return self.tr("A Swedish municipality (in Swedish)")
        if stem == "manufacturing":
            return self.tr("A manufacturer (in English)")
        return stem

    def fill_recent(self) -> None:
        self.recent.clear()
        files = settings.recent_files() if self.window_.remember else []
        for name in files:
            item = QListWidgetItem(Path(name).name)
            item.setToolTip(name)
            item.setData(Qt.ItemDataRole.UserRole, name)
            self.recent.addItem(item)
        self.recent_heading.setVisible(bool(files))
        self.recent.setVisible(bool(files))

    def _open_recent(self, item: QListWidgetItem) -> None:
        self.window_.open_path(str(item.data(Qt.ItemDataRole.UserRole)))

    def dismiss(self) -> None:
        self.dismissed = True
        self.hide()
        self.window_.canvas.view.setFocus()

    def _replaced(self) -> None:
        self.dismissed = False
        self.update_visibility()

    def wanted(self) -> bool:
        session = self.window_.session
        return (
            not self.dismissed
            and session.path is None
            and not session.is_modified
            and not session.arch.processes
        )

    def update_visibility(self) -> None:
        if self.wanted():
            self.fill_recent()
            self._place()
            self.show()
            self.raise_()
        else:
            self.hide()

    def _place(self) -> None:
        area = self.window_.canvas.rect()
        width = min(640, max(320, area.width() - 24))
        height = min(420, max(self.minimumSizeHint().height(), area.height() - 24))
        self.setGeometry(
            area.x() + (area.width() - width) // 2,
            area.y() + (area.height() - height) // 2,
            width,
            height,
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Resize and self.isVisible():
            self._place()
        return False
