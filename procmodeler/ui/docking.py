"""The main window's docks: palette and model tree on the left, the panels of
``procmodeler.ui.panels`` on the right and bottom, their first-launch sizes, and the
live findings that mark the canvas's shapes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QDockWidget, QWidget

from procmodeler.ui.modeltree import ModelTree
from procmodeler.ui.palette import Palette
from procmodeler.ui.panels import LiveFindings, create_panels, make_dock, place_panels

if TYPE_CHECKING:
    from procmodeler.ui.mainwindow import MainWindow


class Docking(QObject):
    """The docks of one window and the live findings shown on its canvas."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        context = window.context
        self.palette_panel = Palette(window)
        self.palette_panel.createRequested.connect(lambda kind: window.canvas.create_process(kind))
        self.palette_panel.connectKindChanged.connect(self._set_connect_kind)
        left = Qt.DockWidgetArea.LeftDockWidgetArea
        # the left column runs down to the status bar: more height for the model tree
        window.setCorner(Qt.Corner.BottomLeftCorner, left)
        self.palette_dock = self._dock("paletteDock", self.tr("Palette"), self.palette_panel, left)
        self.tree = ModelTree(context, window)
        self.tree_dock = self._dock("modelTreeDock", self.tr("Model"), self.tree, left)
        window.resizeDocks([self.palette_dock, self.tree_dock], [300, 500], Qt.Orientation.Vertical)
        window.resizeDocks([self.palette_dock], [220], Qt.Orientation.Horizontal)
        self.panel_docks = create_panels(context, window)
        place_panels(window, self.panel_docks)
        self.live_findings = LiveFindings.for_context(context)
        self.live_findings.findingsChanged.connect(self.show_findings)
        self.show_findings()
        self.default_sizes_applied = False  # set by size_panels (first launch)

    def _dock(self, name: str, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = make_dock(title, name, widget, self.window)
        self.window.addDockWidget(area, dock)
        return dock

    def all_docks(self) -> list[QDockWidget]:
        return [self.palette_dock, self.tree_dock, *self.panel_docks]

    def _set_connect_kind(self, kind: str) -> None:
        self.window.canvas.scene.connect_kind = kind

    def show_findings(self) -> None:
        """Mark shapes with the worst severity of their process's live findings."""
        self.window.canvas.scene.set_finding_severities(self.live_findings.severity_by_process())

    def size_panels(self) -> None:
        """Default sizes: the diagram gets most of the window."""
        w = self.window
        areas: dict[Qt.DockWidgetArea, list[QDockWidget]] = {}
        for dock in self.panel_docks:
            areas.setdefault(w.dockWidgetArea(dock), []).append(dock)
        right = areas.get(Qt.DockWidgetArea.RightDockWidgetArea, [])
        bottom = areas.get(Qt.DockWidgetArea.BottomDockWidgetArea, [])
        if right:
            w.resizeDocks(right[:1], [340], Qt.Orientation.Horizontal)
        if bottom:
            w.resizeDocks(bottom[:1], [200], Qt.Orientation.Vertical)
        # The palette gets just the height of its contents at its width (its size hint
        # guesses a narrower word-wrapped hint and is far too tall); the model tree the rest.
        title = self.palette_dock.height() - self.palette_panel.height()
        layout = self.palette_panel.layout()
        width = self.palette_panel.width()
        needed = layout.heightForWidth(width) if layout.hasHeightForWidth() else -1
        if needed <= 0:
            needed = self.palette_panel.sizeHint().height()
        column = self.palette_dock.height() + self.tree_dock.height()
        wanted = min(needed + title, column // 2)
        w.resizeDocks(
            [self.palette_dock, self.tree_dock], [wanted, column - wanted], Qt.Orientation.Vertical
        )
        self.default_sizes_applied = True
