"""The main window's actions (with their shortcuts), menus and toolbar. Each action
calls one command of the window's parts: documents, exchange, edit commands, the canvas
and its view."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QToolBar

if TYPE_CHECKING:
    from procmodeler.ui.mainwindow import MainWindow

#: editing keys act on the diagram and the model tree only, so that Delete, Backspace,
#: Ctrl+A or Ctrl+V in a panel's table or list never touch processes
CANVAS_ONLY = ("cut", "copy", "paste", "duplicate", "delete", "select_all", "rename")

EDIT_MENU = (
    "undo",
    "redo",
    "-",
    "cut",
    "copy",
    "paste",
    "duplicate",
    "delete",
    "-",
    "select_all",
    "rename",
    "-",
    "find",
    "-",
    "preferences",
)
VIEW_MENU = (
    "zoom_in",
    "zoom_out",
    "fit",
    "zoom_100",
    "-",
    "level_up",
    "landscape",
    "-",
    "swimlanes",
    "arrange_lanes",
    "arrange",
    "route_lines",
    "present",
    "snap",
)
TOOLBAR = (
    "new",
    "open",
    "save",
    "-",
    "undo",
    "redo",
    "-",
    "zoom_out",
    "zoom_in",
    "fit",
    "-",
    "level_up",
    "swimlanes",
    "arrange",
    "-",
    "find",
)


class WindowActions(QObject):
    """The actions of one window by name, and the menus and toolbar that show them."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.by_name: dict[str, QAction] = {}
        self._file_actions()
        self._edit_actions()
        self._view_actions()
        for name in CANVAS_ONLY:
            act = self.by_name[name]
            window.removeAction(act)
            act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            window.canvas.addAction(act)
            window.tree.addAction(act)
        self.by_name["snap"].setChecked(True)
        self.by_name["quit"].setMenuRole(QAction.MenuRole.QuitRole)
        self.by_name["about"].setMenuRole(QAction.MenuRole.AboutRole)
        self.by_name["preferences"].setMenuRole(QAction.MenuRole.PreferencesRole)
        self.recent_menu: QMenu | None = None
        self.examples_menu: QMenu | None = None

    def add(
        self,
        name: str,
        text: str,
        slot: Callable[..., object],
        shortcut: QKeySequence.StandardKey | str | list[str] | None = None,
        tip: str = "",
        checkable: bool = False,
    ) -> QAction:
        act = QAction(text, self.window)
        act.setObjectName(f"action_{name}")
        if shortcut is not None:
            if isinstance(shortcut, list):
                act.setShortcuts([QKeySequence(s) for s in shortcut])
            else:
                act.setShortcut(QKeySequence(shortcut))
        if tip:
            act.setStatusTip(tip)
        act.setCheckable(checkable)
        if checkable:
            act.toggled.connect(slot)
        else:
            act.triggered.connect(lambda _=False: slot())
        self.by_name[name] = act
        self.window.addAction(act)
        return act

    # ------------------------------------------------------------------ actions
    def _file_actions(self) -> None:
        sk = QKeySequence.StandardKey
        a = self.add
        w = self.window
        docs = w.documents
        ex = w.exchange
        a("new", self.tr("&New"), docs.new_document, sk.New, self.tr("Start a new model"))
        a("new_window", self.tr("New &Window"), docs.new_window, "Ctrl+Shift+N")
        a("open", self.tr("&Open\u2026"), docs.open_dialog, sk.Open, self.tr("Open a model file"))
        a("save", self.tr("&Save"), docs.save, sk.Save)
        a("save_as", self.tr("Save &As\u2026"), docs.save_as, sk.SaveAs)
        a(
            "export_image",
            self.tr("Diagram as &Image\u2026"),
            ex.export_image_dialog,
            "Ctrl+Shift+E",
        )
        a("export_bpmn", self.tr("&BPMN 2.0 XML\u2026"), ex.export_bpmn_dialog)
        a("import_bpmn", self.tr("&BPMN 2.0 XML\u2026"), ex.import_bpmn_dialog)
        a("report", self.tr("&Report\u2026"), ex.report_dialog, "Ctrl+P")
        a("properties", self.tr("Document &Properties\u2026"), w.commands.edit_properties)
        a("close", self.tr("&Close Window"), w.close, sk.Close)
        a("quit", self.tr("&Quit"), w.quit_app, sk.Quit)
        a("about", self.tr("&About procmodeler"), w.about)
        reg = w.registers
        a("import_register", self.tr("Process &Register…"), reg.import_dialog)
        a("export_register", self.tr("Process &Register…"), reg.export_dialog)
        a("preferences", self.tr("Preference&s…"), w.open_preferences, sk.Preferences)
        a("getting_started", self.tr("&Getting Started"), w.help.getting_started, sk.HelpContents)
        a("shortcuts", self.tr("&Keyboard Shortcuts"), w.help.shortcuts)
        a("report_problem", self.tr("&Report a Problem…"), w.help.report_problem)

    def _edit_actions(self) -> None:
        sk = QKeySequence.StandardKey
        a = self.add
        cmd = self.window.commands
        a("undo", self.tr("&Undo"), cmd.undo, sk.Undo)
        a("redo", self.tr("&Redo"), cmd.redo, ["Ctrl+Shift+Z", "Ctrl+Y"])
        a("cut", self.tr("Cu&t"), cmd.cut, sk.Cut)
        a("copy", self.tr("&Copy"), cmd.copy, sk.Copy)
        a("paste", self.tr("&Paste"), cmd.paste, sk.Paste)
        a("duplicate", self.tr("Duplicat&e"), cmd.duplicate, "Ctrl+D")
        a("delete", self.tr("&Delete"), cmd.delete, ["Del", "Backspace"])
        a("select_all", self.tr("Select &All"), cmd.select_all, sk.SelectAll)
        a("rename", self.tr("Re&name"), self.window.canvas.rename_selected, "F2")
        a("find", self.tr("&Find\u2026"), cmd.open_find, sk.Find)

    def _view_actions(self) -> None:
        sk = QKeySequence.StandardKey
        a = self.add
        w = self.window
        view = w.canvas.view
        a("zoom_in", self.tr("Zoom &In"), view.zoom_in, ["Ctrl++", "Ctrl+="])
        a("zoom_out", self.tr("Zoom &Out"), view.zoom_out, sk.ZoomOut)
        fit = a("fit", self.tr("&Fit to Window"), view.fit, "Ctrl+Shift+H")
        fit.setIconText(self.tr("Fit"))  # the toolbar's short word (the Swedish is long)
        fit.setToolTip(self.tr("Fit to Window"))
        a("zoom_100", self.tr("&Actual Size (100 %)"), view.zoom_reset, "Ctrl+0")
        a("level_up", self.tr("&Up One Level"), w.commands.level_up, "Alt+Up")
        a("landscape", self.tr("&Process Map"), lambda: w.context.open_level(None), "Alt+Home")
        a(
            "swimlanes",
            self.tr("&Swimlanes"),
            w.canvas.set_swimlanes,
            None,
            self.tr("Show a lane per participating unit on this sub-process diagram"),
            checkable=True,
        )
        a(
            "arrange_lanes",
            self.tr("Arrange i&n Lanes"),
            w.canvas.arrange_in_lanes,
            None,
            self.tr("Move each process into the lane of its accountable unit"),
        )
        a(
            "arrange",
            self.tr("A&rrange"),
            w.canvas.arrange,
            "Ctrl+Shift+L",
            self.tr("Lay out this diagram anew and route every line"),
        )
        a(
            "route_lines",
            self.tr("Route &Lines"),
            w.canvas.route_lines,
            None,
            self.tr("Route every line of this diagram anew around the shapes"),
        )
        a(
            "present",
            self.tr("Presentation &Mode"),
            w.presentation.toggle,
            "F11",
            self.tr("The diagram alone, full screen; arrow keys step through the levels"),
        )
        a("snap", self.tr("Snap to &Grid"), w.commands.set_snap, None, checkable=True)
        a(
            "reset_layout",
            self.tr("Reset La&yout"),
            lambda: w.docking.reset_layout(),
            None,
            self.tr("Every panel back in its place and at its first size"),
        )
        a(
            "canvas_only",
            self.tr("&Canvas Only"),
            lambda: w.docking.canvas_only(),
            "Ctrl+Shift+F",
            self.tr("Hide every panel; again: show them again"),
        )

    # ------------------------------------------------------------------ menus
    def build_menus(self) -> None:
        acts = self.by_name
        w = self.window
        bar = w.menuBar()
        file = bar.addMenu(self.tr("&File"))
        file.addAction(acts["new"])
        file.addAction(acts["new_window"])
        file.addAction(acts["open"])
        self.recent_menu = file.addMenu(self.tr("Open Recen&t"))
        self.recent_menu.aboutToShow.connect(lambda: w.documents.fill_recent(self.recent_menu))
        self.examples_menu = file.addMenu(self.tr("Open E&xample"))
        self.examples_menu.aboutToShow.connect(
            lambda: w.documents.fill_examples(self.examples_menu)
        )
        file.addAction(w.shared.open_action)
        file.addSeparator()
        file.addAction(acts["save"])
        file.addAction(acts["save_as"])
        file.addAction(w.shared.history_action)
        file.addSeparator()
        imp = file.addMenu(self.tr("&Import"))
        imp.addAction(acts["import_bpmn"])
        imp.addAction(acts["import_register"])
        exp = file.addMenu(self.tr("&Export"))
        exp.addAction(acts["export_image"])
        exp.addAction(acts["export_bpmn"])
        exp.addAction(acts["export_register"])
        file.addAction(acts["report"])
        file.addAction(w.teamwork.action)
        file.addSeparator()
        file.addAction(acts["properties"])
        file.addSeparator()
        file.addAction(acts["close"])
        file.addAction(acts["quit"])
        self._fill(bar.addMenu(self.tr("&Edit")), EDIT_MENU)
        view = bar.addMenu(self.tr("&View"))
        self._fill(view, VIEW_MENU)
        view.addMenu(w.map_colouring.menu)
        view.addSeparator()
        panels = view.addMenu(self.tr("Pan&els"))
        for dock in [*w.docking.all_docks(), *w.teamwork.docks()]:
            panels.addAction(dock.toggleViewAction())
        view.addAction(acts["canvas_only"])
        view.addAction(acts["reset_layout"])
        help_menu = bar.addMenu(self.tr("&Help"))
        self._fill(help_menu, ("getting_started", "shortcuts", "report_problem", "-", "about"))

    def _fill(self, menu: QMenu | QToolBar, names: tuple[str, ...]) -> None:
        for name in names:
            menu.addSeparator() if name == "-" else menu.addAction(self.by_name[name])

    def build_toolbar(self) -> QToolBar:
        tb = QToolBar(self.tr("Main Toolbar"), self.window)
        tb.setObjectName("mainToolbar")
        tb.setMovable(False)
        tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self._fill(tb, TOOLBAR)
        self.window.addToolBar(Qt.ToolBarArea.TopToolBarArea, tb)
        return tb
