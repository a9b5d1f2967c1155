"""The dockable panels of the editor: properties, units and people, the participation
matrix and the problems (live findings). Each panel is a widget that takes an
:class:`~procmodeler.ui.context.EditorContext`, edits only through operations and
refreshes from ``committed``.

The main window integrates them with::

    install_translator(app, "sv")            # before any widget exists (Swedish UI)
    docks = create_panels(context, window)   # QDockWidgets with object names set
    place_panels(window, docks)              # or add them to areas of its own choice

and puts finding markers on its shapes from the context's live findings::

    live = LiveFindings.for_context(context)
    live.findingsChanged.connect(update_markers)
    live.severity_by_process()               # {process id: "error" | "warning" | "info"}
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

from procmodeler.common.paths import resources_dir
from procmodeler.ui.context import EditorContext
from procmodeler.ui.kpipanel import KpiPanel
from procmodeler.ui.panels.findings import LiveFindings, latest_findings
from procmodeler.ui.panels.matrix import ParticipationMatrix, export_matrix
from procmodeler.ui.panels.problems import ProblemsPanel
from procmodeler.ui.panels.properties import PropertiesPanel
from procmodeler.ui.panels.units import UnitsPanel
from procmodeler.ui.scorecard import ScorecardPanel

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


def make_dock(title: str, name: str, widget: QWidget, parent: QMainWindow) -> QDockWidget:
    """A closable, movable, floatable dock named *name* (for saveState) around *widget*.
    A panel with a ``set_shown(bool)`` method is told when its tab comes to the front or
    goes behind another (or the dock is closed), so that it can skip work while hidden."""
    dock = QDockWidget(title, parent)
    dock.setObjectName(name)
    dock.setWidget(widget)
    set_shown = getattr(widget, "set_shown", None)
    if callable(set_shown):
        dock.visibilityChanged.connect(set_shown)
    dock.setFeatures(
        QDockWidget.DockWidgetFeature.DockWidgetClosable
        | QDockWidget.DockWidgetFeature.DockWidgetMovable
        | QDockWidget.DockWidgetFeature.DockWidgetFloatable
    )
    return dock


def create_panels(context: EditorContext, parent: QMainWindow) -> list[QDockWidget]:
    """The panel docks for *context*: properties, units and people, participation
    matrix, problems, KPIs over time, the scorecard and the strategy views (in that order). Not yet added to
    *parent* (see place_panels)."""
    LiveFindings.for_context(context)  # one shared checker for all panels and the canvas
    return [
        make_dock(_t("Properties"), PROPERTIES_DOCK, PropertiesPanel(context), parent),
        make_dock(_t("Units and people"), UNITS_DOCK, UnitsPanel(context), parent),
        make_dock(_t("Participation (RACI)"), MATRIX_DOCK, ParticipationMatrix(context), parent),
        make_dock(_t("Problems"), PROBLEMS_DOCK, ProblemsPanel(context), parent),
        make_dock(_t("KPIs over time"), KPI_DOCK, KpiPanel(context), parent),
        make_dock(_t("Scorecard"), SCORECARD_DOCK, ScorecardPanel(context), parent),
        *strategy_docks(context, parent),
    ]


def strategy_docks(context: EditorContext, parent: QMainWindow) -> list[QDockWidget]:
    """The docks of the strategy views (issue 13): objectives, strategy matrix,
    improvements board and the management view."""
    from procmodeler.ui.strategy.board import ImprovementsBoard
    from procmodeler.ui.strategy.common import DockRaiser
    from procmodeler.ui.strategy.management import ManagementView
    from procmodeler.ui.strategy.matrix import StrategyMatrix
    from procmodeler.ui.strategy.objectives import ObjectivesPanel

    tr = context.catalogue()
    objectives = make_dock(tr("Objectives"), OBJECTIVES_DOCK, ObjectivesPanel(context), parent)
    board = make_dock(tr("Improvements"), IMPROVEMENTS_DOCK, ImprovementsBoard(context), parent)
    DockRaiser(context, objectives, board)  # revealing an objective or improvement shows it
    return [
        objectives,
        make_dock(tr("Strategy matrix"), STRATEGY_DOCK, StrategyMatrix(context), parent),
        board,
        make_dock(tr("What to act on"), MANAGEMENT_DOCK, ManagementView(context), parent),
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
    "latest_findings",
    "make_dock",
    "place_panels",
    "translation_file",
]
