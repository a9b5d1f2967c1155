"""The main window's docks: palette and model tree on the left, the panels of
``procmodeler.ui.panels`` on the right and bottom, their first-launch sizes (the
problems list shows at least 8 rows, the participation matrix at least 12),
View › Reset Layout, View › Canvas Only (all docks hidden and back), and the live
findings that mark the canvas's shapes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QTabWidget

from procmodeler.ui.modeltree import ModelTree
from procmodeler.ui.palette import Palette
from procmodeler.ui.panels import (
    MATRIX_DOCK,
    PROBLEMS_DOCK,
    PROPERTIES_DOCK,
    LiveFindings,
    create_panels,
    make_dock,
    place_panels,
)

#: the right-hand docks' first width; the bottom ones may take this share of the window's
#: height, or all but CANVAS_HEIGHT of it when that is more (a tall window)
RIGHT_WIDTH = 440
BOTTOM_SHARE = 0.42
CANVAS_HEIGHT = 480
#: the model tree's height at least, below the palette, when the palette needs more than
#: half the left column (a small window): the palette's hint shows whole
TREE_HEIGHT = 250
#: rows the participation matrix shows at first (the problems list then shows more than 8)
MATRIX_ROWS = 12

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
        right = Qt.DockWidgetArea.RightDockWidgetArea
        # the side columns run down to the status bar: more height for the model tree and
        # the KPI chart; the bottom panels take the width under the diagram
        window.setCorner(Qt.Corner.BottomLeftCorner, left)
        window.setCorner(Qt.Corner.BottomRightCorner, right)
        # the right-hand tabs stand on the window's edge, where their names have room
        window.setTabPosition(right, QTabWidget.TabPosition.East)
        self.palette_dock = make_dock(self.tr("Palette"), "paletteDock", self.palette_panel, window)
        self.tree = ModelTree(context, window)
        self.tree_dock = make_dock(self.tr("Model"), "modelTreeDock", self.tree, window)
        self.panel_docks = create_panels(context, window)
        self._hidden_for_canvas: list[QDockWidget] = []
        self.place_docks()
        self.live_findings = LiveFindings.for_context(context)
        self.live_findings.findingsChanged.connect(self.show_findings)
        self.show_findings()
        self.default_sizes_applied = False  # set by size_panels (first launch)

    def place_docks(self) -> None:
        """Every dock in its default place: palette and model on the left, the panels on
        the right and at the bottom (see ``place_panels``)."""
        w = self.window
        for dock in (self.palette_dock, self.tree_dock):
            w.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
        w.resizeDocks([self.palette_dock, self.tree_dock], [300, 500], Qt.Orientation.Vertical)
        w.resizeDocks([self.palette_dock], [220], Qt.Orientation.Horizontal)
        place_panels(w, self.panel_docks)

    def reset_layout(self) -> None:
        """View › Reset Layout: every dock back in its place, shown, at its first size."""
        w = self.window
        self._hidden_for_canvas = []
        for dock in self.all_docks():
            dock.setFloating(False)
            w.removeDockWidget(dock)
        self.place_docks()
        for dock in self.all_docks():
            dock.show()
        self.default_sizes_applied = False
        QTimer.singleShot(0, self.size_panels)

    def canvas_only(self) -> None:
        """View › Canvas Only: hide every dock shown; again: show them again."""
        if self._hidden_for_canvas:
            for dock in self._hidden_for_canvas:
                dock.show()
            self._hidden_for_canvas = []
            return
        docks = [*self.all_docks(), *self.window.teamwork.docks()]
        self._hidden_for_canvas = [d for d in docks if d.isVisible()]
        for dock in self._hidden_for_canvas:
            dock.hide()

    def _bottom_height(self) -> int:
        """Enough for the matrix's first rows under its header, legend and hint, and the
        dock's title and tabs; on a small window less, so that the diagram keeps room."""
        by_name = {d.objectName(): d for d in self.panel_docks}
        from procmodeler.ui.panels.matrix import ParticipationMatrix  # made by widget()

        matrix = by_name[MATRIX_DOCK].widget() if MATRIX_DOCK in by_name else None
        wanted = 300
        if isinstance(matrix, ParticipationMatrix):
            wanted = matrix.height_for_rows(MATRIX_ROWS) + 64  # dock title and tab bar
        height = self.window.height()
        return min(wanted, max(int(height * BOTTOM_SHARE), height - CANVAS_HEIGHT))

    def all_docks(self) -> list[QDockWidget]:
        return [self.palette_dock, self.tree_dock, *self.panel_docks]

    def _set_connect_kind(self, kind: str) -> None:
        self.window.canvas.scene.connect_kind = kind

    def show_findings(self) -> None:
        """Mark shapes with the worst severity of their process's live findings."""
        self.window.canvas.scene.set_finding_severities(self.live_findings.severity_by_process())

    def size_panels(self) -> None:
        """Default sizes: the diagram gets most of the window; the properties and the
        problems are in front of their tab groups."""
        w = self.window
        for dock in self.panel_docks:
            if dock.objectName() in (PROPERTIES_DOCK, PROBLEMS_DOCK):
                dock.raise_()  # (a raise before the window is shown does not last)
        areas: dict[Qt.DockWidgetArea, list[QDockWidget]] = {}
        for dock in self.panel_docks:
            areas.setdefault(w.dockWidgetArea(dock), []).append(dock)
        # the dock in front of each tab group (resizing one behind its tab does nothing)
        right = _in_front(areas.get(Qt.DockWidgetArea.RightDockWidgetArea, []))
        bottom = _in_front(areas.get(Qt.DockWidgetArea.BottomDockWidgetArea, []))
        if right:
            w.resizeDocks(right[:1], [RIGHT_WIDTH], Qt.Orientation.Horizontal)
        if bottom:
            w.resizeDocks(bottom[:1], [self._bottom_height()], Qt.Orientation.Vertical)
        # The palette gets just the height of its contents at its width (its size hint
        # guesses a narrower word-wrapped hint and is far too tall); the model tree the rest,
        # at least half the column, or TREE_HEIGHT when the palette needs more (a small window).
        title = self.palette_dock.height() - self.palette_panel.height()
        layout = self.palette_panel.layout()
        width = self.palette_panel.width()
        needed = layout.heightForWidth(width) if layout.hasHeightForWidth() else -1
        if needed <= 0:
            needed = self.palette_panel.sizeHint().height()
        column = self.palette_dock.height() + self.tree_dock.height()
        wanted = min(needed + title, max(column // 2, column - TREE_HEIGHT))
        w.resizeDocks(
            [self.palette_dock, self.tree_dock], [wanted, column - wanted], Qt.Orientation.Vertical
        )
        self.default_sizes_applied = True


def _in_front(docks: list[QDockWidget]) -> list[QDockWidget]:
    """The docks that are shown in front of their tab group first."""
    return sorted(docks, key=lambda d: d.visibleRegion().isEmpty())
