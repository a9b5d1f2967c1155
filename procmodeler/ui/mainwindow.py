"""The main window: canvas in the middle, docks around it (``docking.py``), menus and
toolbar (``actions.py``), status bar; its commands live in parts with one job each:
``documents.py`` (new, open, save, recent, recovery), ``exchange.py`` (image, BPMN,
report) and ``editcommands.py`` (undo, clipboard, delete, find). The window itself keeps
the title, the enabled state of the actions, the status bar and the window's settings.

Every edit goes through the operations with ``context.editor``; the window only adapts
the editor's undo stack and change notices to actions, the title and the clipboard.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QMenu, QMessageBox

from procmodeler import __version__
from procmodeler.app import prompts
from procmodeler.app.session import Session
from procmodeler.edit import clipboard
from procmodeler.model.events import Committed
from procmodeler.ui import geometry, icons, preferences, safety, settings
from procmodeler.ui.actions import WindowActions
from procmodeler.ui.canvas.widget import Canvas
from procmodeler.ui.context import EditorContext
from procmodeler.ui.docking import Docking
from procmodeler.ui.documents import Documents
from procmodeler.ui.editcommands import EditCommands
from procmodeler.ui.exchange import Exchange
from procmodeler.ui.finddialog import FindDialog
from procmodeler.ui.helpmenu import HelpCommands
from procmodeler.ui.presentation import Presentation
from procmodeler.ui.registerdialogs import RegisterExchange
from procmodeler.ui.shared import RepositoryLink
from procmodeler.ui.startpage import StartPage
from procmodeler.ui.strategy.mapcolour import MapColouring
from procmodeler.ui.teamwork import Teamwork

APP_TITLE = "procmodeler"


class MainWindow(QMainWindow):
    """One document window."""

    #: the open windows of the application: a window is kept alive here until it
    #: closes, and Quit closes each of them (asking about unsaved changes)
    windows: list[MainWindow] = []

    def __init__(self, session: Session | None = None, remember: bool = True) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowIcon(icons.app_icon())
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.remember = remember
        self.session = session or Session.new()
        self.context = EditorContext(self.session.editor, self)
        self.canvas = Canvas(self.context, self)
        self.setCentralWidget(self.canvas)
        self._sized = False
        self._restored = False
        self.setDockOptions(
            QMainWindow.DockOption.AnimatedDocks | QMainWindow.DockOption.AllowTabbedDocks
        )
        self.docking = Docking(self)
        self.tree = self.docking.tree
        self.palette_panel = self.docking.palette_panel
        self.palette_dock = self.docking.palette_dock
        self.tree_dock = self.docking.tree_dock
        self.panel_docks = self.docking.panel_docks
        self.live_findings = self.docking.live_findings
        self.teamwork = Teamwork(self)
        self.map_colouring = MapColouring(self)
        self.documents = Documents(self)
        self.exchange = Exchange(self)
        self.shared = RepositoryLink(self)
        self.registers = RegisterExchange(self)
        self.help = HelpCommands(self)
        self.commands = EditCommands(self)
        self.presentation = Presentation(self)
        self.window_actions = WindowActions(self)
        self.actions_by_name: dict[str, QAction] = self.window_actions.by_name
        self.window_actions.build_menus()
        self.toolbar = self.window_actions.build_toolbar()
        self._build_status()
        self.canvas.shared_actions = self.actions_by_name
        self.context.committed.connect(self._on_committed)
        self.context.levelChanged.connect(self._on_level)
        self.context.selectionChanged.connect(self.update_actions)
        self.context.documentReplaced.connect(self._update_all)
        self.canvas.view.zoomChanged.connect(self._on_zoom)
        self.canvas.message.connect(lambda text: self.statusBar().showMessage(text, 6000))
        self.tree.editRefused.connect(self.canvas._refused)
        QApplication.clipboard().dataChanged.connect(self.update_actions)
        self.setMinimumSize(geometry.MINIMUM)
        geometry.place_first(self)
        if remember:
            self._restore_settings()
        self._update_all()
        self.autosave = preferences.Autosave(self)
        self.start_page = StartPage(self)
        # Recovery journal: sync pending records to the disk (docs/reliability.md).
        self.journal_sync = safety.JournalSync(lambda: self.session, self)
        self._journal_warned = False
        MainWindow.windows.append(self)

    # ------------------------------------------------------------------ parts
    @property
    def default_sizes_applied(self) -> bool:
        return self.docking.default_sizes_applied

    @property
    def find_dialog(self) -> FindDialog | None:
        return self.commands.find_dialog

    @property
    def recent_menu(self) -> QMenu | None:
        return self.window_actions.recent_menu

    @property
    def examples_menu(self) -> QMenu | None:
        return self.window_actions.examples_menu

    def open_path(self, path, ask: bool = True) -> bool:  # type: ignore[no-untyped-def]
        """Open a model file in this window (see :meth:`Documents.open_path`)."""
        return self.documents.open_path(path, ask)

    def save(self) -> bool:
        return self.documents.save()

    def maybe_save(self) -> bool:
        return self.documents.maybe_save()

    def offer_recovery(self, choose=None) -> int:  # type: ignore[no-untyped-def]
        return self.documents.offer_recovery(choose)

    def new_window(self) -> MainWindow:
        return self.documents.new_window()

    def new_document(self) -> None:
        self.documents.new_document()

    def open_find(self) -> None:
        self.commands.open_find()

    def set_session(self, session: Session) -> None:
        """Show *session* in this window; the previous one closes."""
        old, self.session = self.session, session
        self.context.replace_editor(session.editor)
        self._update_all()
        if old is not session:
            old.close()  # saved or discarded by now: its recovery journal and lock go
        self.shared.session_changed()

    # ------------------------------------------------------------------ state
    def _build_status(self) -> None:
        self.level_label = QLabel()
        self.level_label.setObjectName("levelLabel")
        self.zoom_label = QLabel()
        self.zoom_label.setObjectName("zoomLabel")
        self.statusBar().addPermanentWidget(self.level_label)
        self.statusBar().addPermanentWidget(self.zoom_label)

    def _on_committed(self, event: Committed) -> None:
        self.update_title()
        self.update_actions()
        if self.session.journal_error is not None and not self._journal_warned:
            self._journal_warned = True
            reason = self.session.journal_error.strerror or str(self.session.journal_error)
            text = prompts.journal_stopped(reason).text(self.context.catalogue())
            self.statusBar().addPermanentWidget(QLabel(text))
        if event.how in ("undo", "redo"):
            tr = self.context.catalogue()
            verb = self.tr("Undone:") if event.how == "undo" else self.tr("Redone:")
            self.statusBar().showMessage(f"{verb} {event.label.text(tr)}", 4000)
        imp = self.context.impact(event)
        if imp.metadata:
            self.update_title()
        if self.context.level in imp.processes or imp.diagrams:
            self._on_level(self.context.level)

    def _on_level(self, level: str | None) -> None:
        arch = self.context.arch
        name = self.tr("Process map") if level is None else arch.processes[level].name
        self.level_label.setText(name)
        acts = self.actions_by_name
        acts["level_up"].setEnabled(level is not None)
        acts["landscape"].setEnabled(level is not None)
        lanes = acts["swimlanes"]
        lanes.blockSignals(True)
        lanes.setEnabled(level is not None)
        lanes.setChecked(self.canvas.swimlanes_shown())
        lanes.blockSignals(False)
        acts["arrange_lanes"].setEnabled(self.canvas.swimlanes_shown())

    def _on_zoom(self, zoom: float) -> None:
        self.zoom_label.setText(f"{round(zoom * 100)} %")

    def _update_all(self) -> None:
        self.update_title()
        self.update_actions()
        self._on_level(self.context.level)
        self._on_zoom(self.canvas.view.zoom)

    def update_title(self) -> None:
        name = self.session.display_name or self.context.arch.meta.name or self.tr("Untitled")
        self.setWindowTitle(f"{name}[*] \u2014 {APP_TITLE}")
        self.setWindowModified(self.session.is_modified)

    def update_actions(self) -> None:
        ed = self.context.editor
        tr = self.context.catalogue()
        acts = self.actions_by_name
        acts["undo"].setEnabled(ed.can_undo())
        acts["redo"].setEnabled(ed.can_redo())
        undo_label = ed.undo_label()
        redo_label = ed.redo_label()
        acts["undo"].setText(
            self.tr("&Undo {action}").format(action=undo_label.text(tr))
            if undo_label
            else self.tr("&Undo")
        )
        acts["redo"].setText(
            self.tr("&Redo {action}").format(action=redo_label.text(tr))
            if redo_label
            else self.tr("&Redo")
        )
        acts["undo"].setIconText(self.tr("Undo"))
        acts["redo"].setIconText(self.tr("Redo"))
        has_processes = bool(self.commands.selected_processes())
        has_any = bool(has_processes or self.commands.selected_relations())
        acts["cut"].setEnabled(has_processes)
        acts["copy"].setEnabled(has_processes)
        acts["duplicate"].setEnabled(has_processes)
        acts["delete"].setEnabled(has_any)
        acts["rename"].setEnabled(len(self.canvas.scene.selected_processes()) == 1)
        mime = QApplication.clipboard().mimeData()
        acts["paste"].setEnabled(bool(mime is not None and mime.hasFormat(clipboard.MIME_TYPE)))

    # ------------------------------------------------------------------ window
    def about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About procmodeler"),
            self.tr(
                "<h3>procmodeler {version}</h3><p>Process architecture, cross-unit "
                "responsibility, model checks, BPMN 2.0 interchange and PDF reports.</p>"
            ).format(version=__version__),
        )

    def _restore_settings(self) -> None:
        s = settings.settings()
        geometry.restore(self)
        state = s.value("mainWindow/state")
        if state is not None:
            self._restored = bool(self.restoreState(state))
        snap_value = s.value("canvas/snap", True)
        self.actions_by_name["snap"].setChecked(snap_value not in (False, "false", "0", 0))

    def save_settings(self) -> None:
        if not self.remember:
            return
        s = settings.settings()
        geometry.save(self)
        s.setValue("mainWindow/state", self.saveState())
        s.setValue("canvas/snap", self.actions_by_name["snap"].isChecked())
        s.sync()

    def showEvent(self, event) -> None:  # noqa: N802, ANN001 - Qt override
        super().showEvent(event)
        if not self._sized:
            self._sized = True
            if not self._restored:
                QTimer.singleShot(0, self.docking.size_panels)

    def open_preferences(self) -> None:
        preferences.PreferencesDialog(self).exec()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if not self.maybe_save():
            event.ignore()
            return
        self.save_settings()
        if self.find_dialog is not None:
            self.find_dialog.close()
        if self in MainWindow.windows:
            MainWindow.windows.remove(self)
        self.journal_sync.timer.stop()
        self.shared.close()
        self.session.close()  # saved or discarded: its recovery journal and lock go
        event.accept()

    def quit_app(self) -> None:
        for win in list(MainWindow.windows):
            if not win.close():
                return
        QTimer.singleShot(0, QApplication.quit)
