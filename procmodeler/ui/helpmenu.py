"""The Help menu's dialogs: *Getting started* (a short guided tour that can do each step),
*Keyboard shortcuts* (read from the window's actions, so always true) and *Report a
problem* (the issue page, and the version and system details to copy into it)."""

from __future__ import annotations

import platform
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QObject, QUrl, qVersion
from PySide6.QtGui import QDesktopServices, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from procmodeler import ISSUES_URL, __version__
from procmodeler.ui.panels import PROBLEMS_DOCK

if TYPE_CHECKING:
    from procmodeler.ui.mainwindow import MainWindow


class GettingStarted(QDialog):
    """Five steps, each with a button that does it in the window behind."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self.setObjectName("gettingStarted")
        self.setWindowTitle(self.tr("Getting Started"))
        self.steps = self._steps(window)
        self._build()
        self.show_step(0)

    def _steps(self, window: MainWindow) -> list[tuple[str, str, str, Callable[[], object]]]:
        return [
            (
                self.tr("1. Open an example"),
                self.tr(
                    "A finished model shows what procmodeler is for: management, core and "
                    "support processes, who owns them and which units take part."
                ),
                self.tr("Open the Example"),
                self._open_example,
            ),
            (
                self.tr("2. Draw a process"),
                self.tr(
                    "Click a kind in the palette on the left: the process appears in its band "
                    "and you type its name. Drag from the round handle at its top right to "
                    "another process to draw a relation."
                ),
                self.tr("Add a Core Process"),
                lambda: window.canvas.create_process("core"),
            ),
            (
                self.tr("3. Assign owners"),
                self.tr(
                    "Select a process: Properties on the right sets its owner and leader; "
                    "Units and People holds the organisation, and the participation matrix "
                    "at the bottom the units' RACI roles."
                ),
                self.tr("Show Properties"),
                lambda: self._raise_panel(0),
            ),
            (
                self.tr("4. Read the problems"),
                self.tr(
                    "Problems at the bottom lists orphaned processes and unclear "
                    "responsibility as you work; select one to see why it matters and what "
                    "to do."
                ),
                self.tr("Show Problems"),
                lambda: self._raise_panel(PROBLEMS_DOCK),
            ),
            (
                self.tr("5. Make a report"),
                self.tr(
                    "File › Report writes a PDF for the client or the management team: the "
                    "process map, responsibilities and findings, in English or Swedish."
                ),
                self.tr("Write a Report\u2026"),
                lambda: window.actions_by_name["report"].trigger(),
            ),
        ]

    def _build(self) -> None:
        self.index = 0
        self.heading = QLabel()
        self.heading.setObjectName("tourHeading")
        self.heading.setStyleSheet("font-size: 13pt; font-weight: 600;")
        self.body = QLabel()
        self.body.setWordWrap(True)
        self.body.setMinimumWidth(420)
        self.do_button = QPushButton()
        self.do_button.clicked.connect(lambda: self.steps[self.index][3]())
        self.back = QPushButton(self.tr("Back"))
        self.next = QPushButton(self.tr("Next"))
        self.back.clicked.connect(lambda: self.show_step(self.index - 1))
        self.next.clicked.connect(self._next)
        buttons = QHBoxLayout()
        buttons.addWidget(self.do_button)
        buttons.addStretch(1)
        buttons.addWidget(self.back)
        buttons.addWidget(self.next)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.body, 1)
        layout.addLayout(buttons)

    def show_step(self, index: int) -> None:
        self.index = max(0, min(index, len(self.steps) - 1))
        heading, body, action, _ = self.steps[self.index]
        self.heading.setText(heading)
        self.body.setText(body)
        self.do_button.setText(action)
        self.back.setEnabled(self.index > 0)
        last = self.index == len(self.steps) - 1
        self.next.setText(self.tr("Close") if last else self.tr("Next"))

    def _next(self) -> None:
        if self.index == len(self.steps) - 1:
            self.close()
        else:
            self.show_step(self.index + 1)

    def _open_example(self) -> None:
        from procmodeler.common.paths import examples_dir
        from procmodeler.ui.app import current_language

        name = "municipality-sv" if current_language() == "sv" else "manufacturing"
        self.window_.documents.open_example(examples_dir() / f"{name}.procm")

    def _raise_panel(self, which: int | str) -> None:
        docks = self.window_.panel_docks
        named = [d for d in docks if d.objectName() == which]
        if docks:
            dock = named[0] if named else docks[which if isinstance(which, int) else 0]
            dock.show()
            dock.raise_()


def shortcut_rows(window: MainWindow) -> list[tuple[str, str]]:
    """(command, shortcuts) for every action of the window that has a shortcut."""
    rows = []
    for action in window.actions_by_name.values():
        keys = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()]
        if keys:
            rows.append((action.text().replace("&", "").rstrip("\u2026."), ", ".join(keys)))
    return sorted(set(rows))


class ShortcutsDialog(QDialog):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(self.tr("Keyboard Shortcuts"))
        rows = shortcut_rows(window)
        rows += [
            (self.tr("Move the selection (Shift: one unit)"), self.tr("Arrow keys")),
            (self.tr("Zoom"), self.tr("Ctrl+wheel")),
            (self.tr("Pan"), self.tr("Middle mouse button")),
            (self.tr("Open a process's sub-processes"), self.tr("Double-click")),
        ]
        self.table = QTableWidget(len(rows), 2, self)
        self.table.setHorizontalHeaderLabels([self.tr("Command"), self.tr("Keys")])
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.ResizeToContents
        )
        for r, (command, keys) in enumerate(rows):
            self.table.setItem(r, 0, QTableWidgetItem(command))
            self.table.setItem(r, 1, QTableWidgetItem(keys))
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        box.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(box)
        self.resize(520, 560)


def system_details() -> str:
    """What a bug report needs to know about this installation."""
    app = QGuiApplication.instance()
    screen = QGuiApplication.primaryScreen()
    frozen = " (standalone app)" if getattr(sys, "frozen", False) else ""
    lines = [
        f"procmodeler {__version__}{frozen}",
        f"Python {platform.python_version()} ({sys.executable})",
        f"Qt {qVersion()}, PySide6 {pyside_version}",
        f"{platform.system()} {platform.release()} ({platform.machine()}); {platform.platform()}",
    ]
    if app is not None:
        lines.append(f"Qt platform: {QGuiApplication.platformName()}")
    if screen is not None:
        size = screen.availableGeometry()
        lines.append(
            f"screen: {size.width()}x{size.height()} available, scale {screen.devicePixelRatio():g}"
        )
    return "\n".join(lines)


class ReportProblemDialog(QDialog):
    """Where to report, and the details to paste into the report."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("reportProblemDialog")
        self.setWindowTitle(self.tr("Report a Problem"))
        intro = QLabel(
            self.tr(
                "Describe what you did, what you expected and what happened on the issue "
                "page, and paste these details (Copy puts them on the clipboard). Attach a "
                "model only if it holds nothing confidential."
            )
        )
        intro.setWordWrap(True)
        self.details = QPlainTextEdit(system_details())
        self.details.setReadOnly(True)
        copy = QPushButton(self.tr("Copy Details"))
        copy.clicked.connect(self.copy_details)
        page = QPushButton(self.tr("Open the Issue Page"))
        page.clicked.connect(lambda: QDesktopServices.openUrl(QUrl(ISSUES_URL)))
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addWidget(copy)
        buttons.addWidget(page)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(QLabel(ISSUES_URL))
        layout.addWidget(self.details, 1)
        layout.addLayout(buttons)
        self.resize(560, 360)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details.toPlainText())


class HelpCommands(QObject):
    """The Help menu's commands of one window (each dialog is kept while it is open)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.dialogs: dict[str, QDialog] = {}

    def _show(self, name: str, make: Callable[[], QDialog]) -> QDialog:
        dialog = self.dialogs.get(name)
        if dialog is None:
            dialog = self.dialogs[name] = make()
        dialog.show()
        dialog.raise_()
        return dialog

    def getting_started(self) -> None:
        tour = self._show("tour", lambda: GettingStarted(self.window))
        if isinstance(tour, GettingStarted):
            tour.show_step(0)

    def shortcuts(self) -> None:
        self._show("shortcuts", lambda: ShortcutsDialog(self.window))

    def report_problem(self) -> None:
        self._show("problem", lambda: ReportProblemDialog(self.window))
