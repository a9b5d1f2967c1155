"""The dockable panels of the editor: properties, units and people, the participation
matrix and the problems (live findings). Each panel is a widget that takes an
:class:`~procmodeler.ui.context.EditorContext`, edits only through operations and
refreshes from ``committed``.

The main window integrates them with::

    install_translator(app, "sv")            # before any widget exists (Swedish UI)
    docks = create_panels(context, window)   # LazyDocks: a panel is made when first seen
    place_panels(window, docks)              # or add them to areas of its own choice

and puts finding markers on its shapes from the context's live findings::

    live = LiveFindings.for_context(context)
    live.findingsChanged.connect(update_markers)
    live.severity_by_process()               # {process id: "error" | "warning" | "info"}
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

from procmodeler.common.paths import resources_dir
from procmodeler.ui.context import EditorContext
from procmodeler.ui.panels.findings import LiveFindings, latest_findings

#: the panels' classes, imported when first made or asked for (``from
#: procmodeler.ui.panels import UnitsPanel`` works as before): a window opens without
#: loading the panels behind tabs
_LAZY = {
    "KpiPanel": "procmodeler.ui.kpipanel",
    "ScorecardPanel": "procmodeler.ui.scorecard",
    "ParticipationMatrix": "procmodeler.ui.panels.matrix",
    "export_matrix": "procmodeler.ui.panels.matrix",
    "ProblemsPanel": "procmodeler.ui.panels.problems",
    "PropertiesPanel": "procmodeler.ui.panels.properties",
    "UnitsPanel": "procmodeler.ui.panels.units",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)


#: Object names of the docks (QMainWindow.saveState/restoreState use them).
PROPERTIES_DOCK = "propertiesDock"
UNITS_DOCK = "unitsDock"
MATRIX_DOCK = "participationDock"
PROBLEMS_DOCK = "problemsDock"
KPI_DOCK = "kpiDock"
SCORECARD_DOCK = "scorecardDock"
OBJECTIVES_DOCK = "objectivesDock"
STRATEGY_DOCK = "strategyMatrixDock"
IMPROVEMENTS_DOCK = "improvementsDock"
MANAGEMENT_DOCK = "managementDock"


def _t(text: str) -> str:
    return QCoreApplication.translate("Panels", text)


def translation_file(lang: str) -> str:
    """Path of the compiled Qt translation of the panels for *lang*."""
    return str(resources_dir() / "translations" / f"panels_{lang}.qm")


def install_translator(app: QCoreApplication, lang: str) -> QTranslator | None:
    """Install the panels' Qt translation for *lang* ("sv"); English needs none.
    Call before the panels are created. Returns the translator (installed, and parented
    to *app* so it lives as long as the application), or None."""
    if lang == "en":
        return None
    translator = QTranslator(app)
    if not translator.load(translation_file(lang)):
        return None
    app.installTranslator(translator)
    return translator


DOCK_FEATURES = (
    QDockWidget.DockWidgetFeature.DockWidgetClosable
    | QDockWidget.DockWidgetFeature.DockWidgetMovable
    | QDockWidget.DockWidgetFeature.DockWidgetFloatable
)


def _tell_when_shown(dock: QDockWidget, widget: QWidget) -> None:
    set_shown = getattr(widget, "set_shown", None)
    if callable(set_shown):
        dock.visibilityChanged.connect(set_shown)


def make_dock(title: str, name: str, widget: QWidget, parent: QMainWindow) -> QDockWidget:
    """A closable, movable, floatable dock named *name* (for saveState) around *widget*.
    A panel with a ``set_shown(bool)`` method is told when its tab comes to the front or
    goes behind another (or the dock is closed), so that it can skip work while hidden."""
    dock = QDockWidget(title, parent)
    dock.setObjectName(name)
    dock.setWidget(widget)
    _tell_when_shown(dock, widget)
    dock.setFeatures(DOCK_FEATURES)
    return dock


class LazyDock(QDockWidget):
    """A dock (as :func:`make_dock`) whose panel is made the first time the dock comes
    into sight or its ``widget()`` is asked for: the panels behind tabs cost a window
    nothing until they are looked at."""

    def __init__(
        self, title: str, name: str, make: Callable[[], QWidget], parent: QMainWindow
    ) -> None:
        super().__init__(title, parent)
        self.setObjectName(name)
        self.setFeatures(DOCK_FEATURES)
        self._make: Callable[[], QWidget] | None = make
        self._panel: QWidget | None = None
        self.visibilityChanged.connect(self._seen)

    def widget(self) -> QWidget:  # type: ignore[override]  # never None
        """The panel, made now if it was not yet."""
        if self._panel is None and self._make is not None:
            make, self._make = self._make, None
            self._panel = make()
            self.setWidget(self._panel)
            _tell_when_shown(self, self._panel)
        assert self._panel is not None
        return self._panel

    def is_made(self) -> bool:
        return self._panel is not None

    def _seen(self, visible: bool) -> None:
        if visible and self._panel is None:
            self.widget()


def _panel(module: str, name: str, context: EditorContext) -> Callable[[], QWidget]:
    """A maker of panel class *name* of *module* for *context* (imported when made)."""
    return lambda: getattr(importlib.import_module(module), name)(context)


def create_panels(context: EditorContext, parent: QMainWindow) -> list[QDockWidget]:
    """The panel docks for *context*: properties, units and people, participation
    matrix, problems, KPIs over time, the scorecard and the strategy views (in that
    order), each made when first seen (:class:`LazyDock`). Not yet added to *parent*
    (see place_panels)."""
    LiveFindings.for_context(context)  # one shared checker for all panels and the canvas
    ui = "procmodeler.ui"
    panels = (
        (_t("Properties"), PROPERTIES_DOCK, f"{ui}.panels.properties", "PropertiesPanel"),
        (_t("Units and people"), UNITS_DOCK, f"{ui}.panels.units", "UnitsPanel"),
        (_t("Participation (RACI)"), MATRIX_DOCK, f"{ui}.panels.matrix", "ParticipationMatrix"),
        (_t("Problems"), PROBLEMS_DOCK, f"{ui}.panels.problems", "ProblemsPanel"),
        (_t("KPIs over time"), KPI_DOCK, f"{ui}.kpipanel", "KpiPanel"),
        (_t("Scorecard"), SCORECARD_DOCK, f"{ui}.scorecard", "ScorecardPanel"),
    )
    docks: list[QDockWidget] = [
        LazyDock(title, dock, _panel(module, cls, context), parent)
        for title, dock, module, cls in panels
    ]
    return [*docks, *strategy_docks(context, parent)]


def strategy_docks(context: EditorContext, parent: QMainWindow) -> list[QDockWidget]:
    """The docks of the strategy views (issue 13): objectives, strategy matrix,
    improvements board and the management view, each made when first seen."""
    from procmodeler.ui.strategy.common import DockRaiser

    tr = context.catalogue()
    s = "procmodeler.ui.strategy"
    objectives = LazyDock(
        tr("Objectives"), OBJECTIVES_DOCK, _panel(f"{s}.objectives", "ObjectivesPanel", context),
        parent,
    )  # fmt: skip
    board = LazyDock(
        tr("Improvements"), IMPROVEMENTS_DOCK, _panel(f"{s}.board", "ImprovementsBoard", context),
        parent,
    )  # fmt: skip
    DockRaiser(context, objectives, board)  # revealing an objective or improvement shows it
    matrix = _panel(f"{s}.matrix", "StrategyMatrix", context)
    management = _panel(f"{s}.management", "ManagementView", context)
    return [
        objectives,
        LazyDock(tr("Strategy matrix"), STRATEGY_DOCK, matrix, parent),
        board,
        LazyDock(tr("What to act on"), MANAGEMENT_DOCK, management, parent),
    ]


def place_panels(window: QMainWindow, docks: list[QDockWidget]) -> None:
    """Default places: properties, units, KPIs over time, the scorecard, the
    objectives and what to act on at the right (tabbed); problems, participation, the
    strategy matrix and the improvements board at the bottom (tabbed, the first of each in
    front)."""
    by_name = {d.objectName(): d for d in docks}
    names = (
        PROPERTIES_DOCK,
        UNITS_DOCK,
        KPI_DOCK,
        SCORECARD_DOCK,
        OBJECTIVES_DOCK,
        MANAGEMENT_DOCK,
    )
    right = [by_name[n] for n in names if n in by_name]
    bottom_names = (PROBLEMS_DOCK, MATRIX_DOCK, STRATEGY_DOCK, IMPROVEMENTS_DOCK)
    bottom = [by_name[n] for n in bottom_names if n in by_name]
    for dock in right:
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    for dock in bottom:
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
    for group in (right, bottom):
        for dock in group[1:]:
            window.tabifyDockWidget(group[0], dock)
        if group:
            group[0].raise_()


__all__ = [
    "KPI_DOCK",
    "OBJECTIVES_DOCK",
    "IMPROVEMENTS_DOCK",
    "MANAGEMENT_DOCK",
    "STRATEGY_DOCK",
    "SCORECARD_DOCK",
    "KpiPanel",
    "ScorecardPanel",
    "MATRIX_DOCK",
    "PROBLEMS_DOCK",
    "PROPERTIES_DOCK",
    "UNITS_DOCK",
    "LiveFindings",
    "ParticipationMatrix",
    "ProblemsPanel",
    "PropertiesPanel",
    "UnitsPanel",
    "create_panels",
    "export_matrix",
    "install_translator",
    "LazyDock",
    "latest_findings",
    "make_dock",
    "place_panels",
    "translation_file",
]
