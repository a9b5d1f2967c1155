"""The main window: canvas in the middle, palette and model tree on the left, the
panels of ``procmodeler.ui.panels`` (when installed) on the right and bottom, menus,
toolbar, status bar; file handling through a Qt-free
:class:`~procmodeler.app.session.Session`.

Every edit goes through the operations with ``context.editor``; the window only
adapts the editor's undo stack and change notices to actions, the title and the
clipboard.
"""

from __future__ import annotations

import importlib
import importlib.util
from pathlib import Path

from PySide6.QtCore import QByteArray, QMimeData, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFileDialog,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressDialog,
    QToolBar,
    QWidget,
)

from procmodeler import __version__
from procmodeler.app import prompts
from procmodeler.app.session import SUFFIX, Session
from procmodeler.common.atomicfile import atomic_write_bytes
from procmodeler.common.errors import UserError
from procmodeler.common.i18n import N_, Message
from procmodeler.common.paths import examples_dir
from procmodeler.edit import clipboard
from procmodeler.edit import operations as ops
from procmodeler.edit.editor import Editor
from procmodeler.model.events import Committed
from procmodeler.ui import export, icons, safety, settings
from procmodeler.ui.canvas.widget import Canvas
from procmodeler.ui.context import EditorContext
from procmodeler.ui.dialogs import ArchitectureDialog
from procmodeler.ui.finddialog import FindDialog
from procmodeler.ui.modeltree import ModelTree
from procmodeler.ui.palette import Palette
from procmodeler.ui.shared import RepositoryLink

APP_TITLE = "procmodeler"


def module_available(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


class MainWindow(QMainWindow):
    """One document window."""

    #: open windows (a window is kept alive here until it closes)
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
        self.find_dialog: FindDialog | None = None
        self.actions_by_name: dict[str, QAction] = {}
        self.panel_docks: list[QDockWidget] = []
        self.live_findings = None
        self._sized = False
        self.default_sizes_applied = False  # set by _size_panels (first launch)
        self._restored = False
        self.setDockOptions(
            QMainWindow.DockOption.AnimatedDocks | QMainWindow.DockOption.AllowTabbedDocks
        )
        self._build_docks()
        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self._build_status()
        self.canvas.shared_actions = self.actions_by_name
        self.context.committed.connect(self._on_committed)
        self.context.levelChanged.connect(self._on_level)
        self.context.selectionChanged.connect(self._update_actions)
        self.context.documentReplaced.connect(self._update_all)
        self.canvas.view.zoomChanged.connect(self._on_zoom)
        self.canvas.message.connect(lambda text: self.statusBar().showMessage(text, 6000))
        self.tree.editRefused.connect(self.canvas._refused)
        QApplication.clipboard().dataChanged.connect(self._update_actions)
        self.resize(1400, 900)
        if remember:
            self._restore_settings()
        self._update_all()
        # Recovery journal: sync pending records to the disk (docs/reliability.md).
        self.journal_sync = safety.JournalSync(lambda: self.session, self)
        self._journal_warned = False
        MainWindow.windows.append(self)

    # ------------------------------------------------------------------ docks
    def _dock(self, name: str, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )
        self.addDockWidget(area, dock)
        return dock

    def _build_docks(self) -> None:
        self.palette_panel = Palette(self)
        self.palette_panel.createRequested.connect(lambda kind: self.canvas.create_process(kind))
        self.palette_panel.connectKindChanged.connect(self._set_connect_kind)
        left = Qt.DockWidgetArea.LeftDockWidgetArea
        # the left column runs down to the status bar: more height for the model tree
        self.setCorner(Qt.Corner.BottomLeftCorner, left)
        self.palette_dock = self._dock("paletteDock", self.tr("Palette"), self.palette_panel, left)
        self.tree = ModelTree(self.context, self)
        self.tree_dock = self._dock("modelTreeDock", self.tr("Model"), self.tree, left)
        self.resizeDocks([self.palette_dock, self.tree_dock], [300, 500], Qt.Orientation.Vertical)
        self.resizeDocks([self.palette_dock], [220], Qt.Orientation.Horizontal)
        if module_available("procmodeler.ui.panels"):
            module = importlib.import_module("procmodeler.ui.panels")
            create = getattr(module, "create_panels", None)
            if create is not None:
                docks = create(self.context, self)
                place = getattr(module, "place_panels", None)
                if place is not None:
                    place(self, docks)
                    self.panel_docks.extend(docks)
                else:
                    self._add_panels(docks)
            live = getattr(module, "LiveFindings", None)
            if live is not None:
                self.live_findings = live.for_context(self.context)
                self.live_findings.findingsChanged.connect(self._show_findings)
                self._show_findings()

    def _size_panels(self) -> None:
        """Default sizes: the diagram gets most of the window."""
        areas: dict[Qt.DockWidgetArea, list[QDockWidget]] = {}
        for dock in self.panel_docks:
            areas.setdefault(self.dockWidgetArea(dock), []).append(dock)
        right = areas.get(Qt.DockWidgetArea.RightDockWidgetArea, [])
        bottom = areas.get(Qt.DockWidgetArea.BottomDockWidgetArea, [])
        if right:
            self.resizeDocks(right[:1], [340], Qt.Orientation.Horizontal)
        if bottom:
            self.resizeDocks(bottom[:1], [200], Qt.Orientation.Vertical)
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
        self.resizeDocks(
            [self.palette_dock, self.tree_dock], [wanted, column - wanted], Qt.Orientation.Vertical
        )
        self.default_sizes_applied = True

    def _show_findings(self) -> None:
        """Mark shapes with the worst severity of their process's live findings."""
        self.canvas.scene.set_finding_severities(self.live_findings.severity_by_process())

    def _add_panels(self, docks: list[QDockWidget]) -> None:
        right = Qt.DockWidgetArea.RightDockWidgetArea
        bottom = Qt.DockWidgetArea.BottomDockWidgetArea
        first: dict[Qt.DockWidgetArea, QDockWidget] = {}
        for dock in docks:
            wanted = str(dock.property("defaultArea") or "").lower()
            name = dock.objectName().lower()
            if wanted == "bottom" or (not wanted and ("matrix" in name or "problem" in name)):
                area = bottom
            else:
                area = right
            if area in first:
                self.addDockWidget(area, dock)
                self.tabifyDockWidget(first[area], dock)
            else:
                self.addDockWidget(area, dock)
                first[area] = dock
            self.panel_docks.append(dock)
        for dock in first.values():
            dock.raise_()

    def _set_connect_kind(self, kind: str) -> None:
        self.canvas.scene.connect_kind = kind

    # ------------------------------------------------------------------ actions
    def _action(
        self,
        name: str,
        text: str,
        slot,  # type: ignore[no-untyped-def]
        shortcut: QKeySequence.StandardKey | str | list | None = None,
        tip: str = "",
        checkable: bool = False,
    ) -> QAction:
        act = QAction(text, self)
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
        self.actions_by_name[name] = act
        self.addAction(act)
        return act

    def _build_actions(self) -> None:
        sk = QKeySequence.StandardKey
        a = self._action
        a("new", self.tr("&New"), self.new_document, sk.New, self.tr("Start a new model"))
        a("new_window", self.tr("New &Window"), self.new_window, "Ctrl+Shift+N")
        a("open", self.tr("&Open\u2026"), self.open_dialog, sk.Open, self.tr("Open a model file"))
        a("save", self.tr("&Save"), self.save, sk.Save)
        a("save_as", self.tr("Save &As\u2026"), self.save_as, sk.SaveAs)
        a(
            "export_image",
            self.tr("Diagram as &Image\u2026"),
            self.export_image_dialog,
            "Ctrl+Shift+E",
        )
        a("export_bpmn", self.tr("&BPMN 2.0 XML\u2026"), self.export_bpmn_dialog)
        a("import_bpmn", self.tr("&BPMN 2.0 XML\u2026"), self.import_bpmn_dialog)
        a("report", self.tr("&Report\u2026"), self.report_dialog, "Ctrl+P")
        a("properties", self.tr("Architecture &Properties\u2026"), self.edit_properties)
        a("close", self.tr("&Close Window"), self.close, sk.Close)
        a("quit", self.tr("&Quit"), self.quit_app, sk.Quit)
        a("undo", self.tr("&Undo"), self.undo, sk.Undo)
        a("redo", self.tr("&Redo"), self.redo, ["Ctrl+Shift+Z", "Ctrl+Y"])
        a("cut", self.tr("Cu&t"), self.cut, sk.Cut)
        a("copy", self.tr("&Copy"), self.copy, sk.Copy)
        a("paste", self.tr("&Paste"), self.paste, sk.Paste)
        a("duplicate", self.tr("D&uplicate"), self.duplicate, "Ctrl+D")
        a(
            "delete",
            self.tr("&Delete"),
            self.delete,
            ["Del", "Backspace"],
        )
        a("select_all", self.tr("Select &All"), self.select_all, sk.SelectAll)
        a("rename", self.tr("Re&name"), self.canvas.rename_selected, "F2")
        a("find", self.tr("&Find\u2026"), self.open_find, sk.Find)
        a(
            "zoom_in",
            self.tr("Zoom &In"),
            self.canvas.view.zoom_in,
            ["Ctrl++", "Ctrl+="],
        )
        a("zoom_out", self.tr("Zoom &Out"), self.canvas.view.zoom_out, sk.ZoomOut)
        a("fit", self.tr("&Fit to Window"), self.canvas.view.fit, "Ctrl+Shift+H")
        a("zoom_100", self.tr("&Actual Size (100 %)"), self.canvas.view.zoom_reset, "Ctrl+0")
        a("level_up", self.tr("&Up One Level"), self.level_up, "Alt+Up")
        a("landscape", self.tr("&Process Map"), lambda: self.context.open_level(None), "Alt+Home")
        a(
            "swimlanes",
            self.tr("&Swimlanes"),
            self.canvas.set_swimlanes,
            None,
            self.tr("Show a lane per participating unit on this sub-process diagram"),
            checkable=True,
        )
        a(
            "arrange_lanes",
            self.tr("&Arrange in Lanes"),
            self.canvas.arrange_in_lanes,
            None,
            self.tr("Move each process into the lane of its accountable unit"),
        )
        a("snap", self.tr("Snap to &Grid"), self._set_snap, None, checkable=True)
        a("about", self.tr("&About procmodeler"), self.about)
        # Editing keys act on the diagram and the model tree only, so that Delete,
        # Backspace, Ctrl+A or Ctrl+V in a panel's table or list never touch processes.
        for name in ("cut", "copy", "paste", "duplicate", "delete", "select_all", "rename"):
            act = self.actions_by_name[name]
            self.removeAction(act)
            act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.canvas.addAction(act)
            self.tree.addAction(act)
        self.actions_by_name["snap"].setChecked(True)
        self.actions_by_name["quit"].setMenuRole(QAction.MenuRole.QuitRole)
        self.actions_by_name["about"].setMenuRole(QAction.MenuRole.AboutRole)
        for name in ("export_bpmn", "import_bpmn"):
            self.actions_by_name[name].setVisible(module_available("procmodeler.io.bpmn"))
        self.actions_by_name["report"].setVisible(self._report_api() is not None)

    def _build_menus(self) -> None:
        acts = self.actions_by_name
        bar = self.menuBar()
        file = bar.addMenu(self.tr("&File"))
        file.addAction(acts["new"])
        file.addAction(acts["new_window"])
        file.addAction(acts["open"])
        self.recent_menu = file.addMenu(self.tr("Open &Recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self.examples_menu = file.addMenu(self.tr("Open E&xample"))
        self.examples_menu.aboutToShow.connect(self._fill_examples)
        self.shared = RepositoryLink(self)
        file.addAction(self.shared.open_action)
        file.addSeparator()
        file.addAction(acts["save"])
        file.addAction(acts["save_as"])
        file.addAction(self.shared.history_action)
        file.addSeparator()
        imp = file.addMenu(self.tr("&Import"))
        imp.addAction(acts["import_bpmn"])
        imp.menuAction().setVisible(acts["import_bpmn"].isVisible())
        exp = file.addMenu(self.tr("&Export"))
        exp.addAction(acts["export_image"])
        exp.addAction(acts["export_bpmn"])
        file.addAction(acts["report"])
        file.addSeparator()
        file.addAction(acts["properties"])
        file.addSeparator()
        file.addAction(acts["close"])
        file.addAction(acts["quit"])
        edit = bar.addMenu(self.tr("&Edit"))
        for name in (
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
        ):
            edit.addSeparator() if name == "-" else edit.addAction(acts[name])
        view = bar.addMenu(self.tr("&View"))
        for name in (
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
            "snap",
        ):
            view.addSeparator() if name == "-" else view.addAction(acts[name])
        view.addSeparator()
        self.panels_menu = view.addMenu(self.tr("&Panels"))
        for dock in (self.palette_dock, self.tree_dock, *self.panel_docks):
            self.panels_menu.addAction(dock.toggleViewAction())
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(acts["about"])

    def _build_toolbar(self) -> None:
        tb = QToolBar(self.tr("Main Toolbar"), self)
        tb.setObjectName("mainToolbar")
        tb.setMovable(False)
        tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        acts = self.actions_by_name
        for name in (
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
            "-",
            "find",
        ):
            tb.addSeparator() if name == "-" else tb.addAction(acts[name])
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, tb)
        self.toolbar = tb

    def _build_status(self) -> None:
        self.level_label = QLabel()
        self.level_label.setObjectName("levelLabel")
        self.zoom_label = QLabel()
        self.zoom_label.setObjectName("zoomLabel")
        self.statusBar().addPermanentWidget(self.level_label)
        self.statusBar().addPermanentWidget(self.zoom_label)

    # ------------------------------------------------------------------ state
    def _on_committed(self, event: Committed) -> None:
        self._update_title()
        self._update_actions()
        if self.session.journal_error is not None and not self._journal_warned:
            self._journal_warned = True
            reason = self.session.journal_error.strerror or str(self.session.journal_error)
            text = prompts.journal_stopped(reason).text(self.context.catalogue())
            self.statusBar().addPermanentWidget(QLabel(text))
        if event.how in ("undo", "redo"):
            tr = self.context.catalogue()
            verb = self.tr("Undone:") if event.how == "undo" else self.tr("Redone:")
            self.statusBar().showMessage(f"{verb} {event.label.text(tr)}", 4000)
        if "meta" in event.collections():
            self._update_title()
        if event.touched("processes") & {self.context.level} or "diagrams" in event.collections():
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
        self._update_title()
        self._update_actions()
        self._on_level(self.context.level)
        self._on_zoom(self.canvas.view.zoom)

    def _update_title(self) -> None:
        name = self.session.display_name or self.context.arch.meta.name or self.tr("Untitled")
        self.setWindowTitle(f"{name}[*] \u2014 {APP_TITLE}")
        self.setWindowModified(self.session.is_modified)

    def _update_actions(self) -> None:
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
        has_processes = bool(self.selected_processes())
        has_any = bool(has_processes or self.selected_relations())
        acts["cut"].setEnabled(has_processes)
        acts["copy"].setEnabled(has_processes)
        acts["duplicate"].setEnabled(has_processes)
        acts["delete"].setEnabled(has_any)
        acts["rename"].setEnabled(len(self.canvas.scene.selected_processes()) == 1)
        mime = QApplication.clipboard().mimeData()
        acts["paste"].setEnabled(bool(mime is not None and mime.hasFormat(clipboard.MIME_TYPE)))

    # ------------------------------------------------------------------ selection helpers
    def selected_processes(self) -> list[str]:
        arch = self.context.arch
        return [i for i in self.context.selection if i in arch.processes]

    def selected_relations(self) -> list[str]:
        arch = self.context.arch
        return [i for i in self.context.selection if i in arch.relations]

    def _run(self, fn, *args, **kwargs):  # type: ignore[no-untyped-def]
        return self.canvas.run(fn, *args, **kwargs)

    # ------------------------------------------------------------------ edit
    def undo(self) -> None:
        self.canvas.flush()
        self.context.editor.undo()

    def redo(self) -> None:
        self.canvas.flush()
        self.context.editor.redo()

    def _fragment(self) -> clipboard.Fragment | None:
        pids = self.selected_processes()
        if not pids:
            return None
        arch = self.context.arch
        level = self.context.level
        if any(arch.processes[p].parent != level for p in pids):
            level = arch.processes[pids[0]].parent
        return clipboard.copy_fragment(arch, level, pids)

    def copy(self) -> bool:
        self.canvas.flush()
        fragment = self._fragment()
        if fragment is None:
            return False
        mime = QMimeData()
        mime.setData(clipboard.MIME_TYPE, QByteArray(clipboard.dumps(fragment).encode("utf-8")))
        mime.setText("\n".join(clipboard.fragment_names(fragment)))
        QApplication.clipboard().setMimeData(mime)
        self._update_actions()
        return True

    def cut(self) -> None:
        pids = self.selected_processes()
        if self.copy():
            self._run(ops.delete_processes, pids)

    def _paste_fragment(self, fragment: clipboard.Fragment) -> None:
        level = self.context.level
        offset = clipboard.paste_offset(self.context.arch, fragment, level)
        new = self._run(clipboard.paste_fragment, fragment, level, offset)
        if new:
            self.context.set_selection(new)

    def paste(self) -> None:
        self.canvas.flush()
        mime = QApplication.clipboard().mimeData()
        if mime is None or not mime.hasFormat(clipboard.MIME_TYPE):
            return
        try:
            fragment = clipboard.loads(bytes(mime.data(clipboard.MIME_TYPE).data()))
        except UserError as exc:
            self.canvas._refused("\n".join(exc.lines(self.context.catalogue())))
            return
        self._paste_fragment(fragment)

    def duplicate(self) -> None:
        self.canvas.flush()
        fragment = self._fragment()
        if fragment is not None:
            self._paste_fragment(fragment)

    def delete(self) -> None:
        self.canvas.flush()
        pids = self.selected_processes()
        rids = self.selected_relations()
        if not pids and not rids:
            return

        def remove(ed: Editor) -> None:
            if pids and rids:
                n = len(pids) + len(rids)
                label = Message(N_("Delete {n} element"), N_("Delete {n} elements"), n)
                with ed.transaction(label):
                    ops.disconnect(ed, rids)
                    ops.delete_processes(ed, pids)
            elif pids:
                ops.delete_processes(ed, pids)
            else:
                ops.disconnect(ed, rids)

        self._run(remove)

    def select_all(self) -> None:
        scene = self.canvas.scene
        self.context.set_selection([*scene.shapes, *scene.relations])

    def open_find(self) -> None:
        self.canvas.flush()
        if self.find_dialog is None:
            self.find_dialog = FindDialog(self.context, self)
        self.find_dialog.open_find()

    def level_up(self) -> None:
        level = self.context.level
        if level is not None:
            self.context.open_level(self.context.arch.processes[level].parent)
            self.context.set_selection([level])

    def _set_snap(self, on: bool) -> None:
        self.canvas.scene.snap_enabled = on

    def edit_properties(self) -> None:
        dialog = ArchitectureDialog(self.context.arch.meta, self)
        if dialog.exec() != ArchitectureDialog.DialogCode.Accepted:
            return
        changes = dialog.changes()
        if changes:
            self._run(ops.set_metadata, **changes)

    # ------------------------------------------------------------------ files
    def _error(self, title: str, exc: UserError | OSError) -> None:
        if isinstance(exc, UserError):
            text = "\n".join(exc.lines(self.context.catalogue()))
        else:
            text = exc.strerror or str(exc)
        QMessageBox.critical(self, title, text)

    def maybe_save(self) -> bool:
        """Ask to save unsaved changes; False when the user cancels."""
        self.canvas.flush()
        if not self.session.is_modified:
            return True
        name = self.session.display_name or self.context.arch.meta.name or self.tr("Untitled")
        answer = QMessageBox.question(
            self,
            self.tr("Unsaved Changes"),
            self.tr("Do you want to save the changes to \u201c{name}\u201d?").format(name=name),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def set_session(self, session: Session) -> None:
        old, self.session = self.session, session
        self.context.replace_editor(session.editor)
        self._update_all()
        if old is not session:
            old.close()  # saved or discarded by now: its recovery journal and lock go
        self.shared.session_changed()

    def offer_recovery(self, choose=None) -> int:  # type: ignore[no-untyped-def]
        """Offer unsaved work of sessions that ended without saving (at start); the
        first recovered document goes into this window when it is empty, the others
        into new windows. Returns how many were recovered."""
        tr = self.context.catalogue()
        sessions, notes = safety.offer_recovery(self, tr, choose=choose)
        for i, session in enumerate(sessions):
            empty = self.session.path is None and not self.session.is_modified
            target = self if i == 0 and empty else self.new_window()
            target.set_session(session)
        if notes:
            box = QMessageBox(self)
            box.setObjectName("recoveryNotes")
            box.setIcon(QMessageBox.Icon.Information)
            box.setWindowTitle(prompts.recovery_offer(len(sessions)).title.text(tr))
            box.setText("\n\n".join(notes))
            box.open()
        return len(sessions)

    def new_document(self) -> None:
        if self.maybe_save():
            lang = "sv" if self.context.catalogue().lang == "sv" else "en"
            self.set_session(Session.new(lang))

    def new_window(self) -> MainWindow:
        win = MainWindow(remember=self.remember)
        win.move(self.pos() + self.rect().topLeft() + self.rect().center() / 8)
        win.show()
        return win

    def _start_dir(self) -> str:
        if self.session.path is not None:
            return str(self.session.path.parent)
        recent = settings.recent_files() if self.remember else []
        return str(Path(recent[0]).parent) if recent else str(Path.home())

    def _model_filter(self) -> str:
        return self.tr("procmodeler models (*.procm)") + ";;" + self.tr("All files (*)")

    def open_dialog(self) -> None:
        if not self.maybe_save():
            return
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open Model"), self._start_dir(), self._model_filter()
        )
        if path:
            self.open_path(path, ask=False)

    def open_path(self, path: str | Path, ask: bool = True) -> bool:
        """Open a model file in this window; a bad file gives a message, not a crash."""
        if ask and not self.maybe_save():
            return False
        try:
            session = safety.open_session(self, path, self.context.catalogue())
        except UserError as exc:
            self._error(self.tr("Cannot Open File"), exc)
            return False
        except OSError as exc:
            self._error(self.tr("Cannot Open File"), exc)
            return False
        if session is None:  # the file is in use and the user cancelled
            return False
        self.set_session(session)
        if self.remember:
            settings.add_recent_file(str(session.path))
        self.statusBar().showMessage(self.tr("Opened {path}").format(path=session.path), 4000)
        return True

    def save(self) -> bool:
        self.canvas.flush()
        if self.session.path is None:
            return self.save_as()
        return self._save_to(None)

    def save_as(self) -> bool:
        self.canvas.flush()
        suggestion = self.session.path or Path(self._start_dir()) / (
            (self.context.arch.meta.name or self.tr("Untitled")) + SUFFIX
        )
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save Model As"), str(suggestion), self._model_filter()
        )
        if not path:
            return False
        return self._save_to(Path(path))

    def _save_to(self, path: Path | None) -> bool:
        try:
            saved = safety.save_session(
                self, self.session, path, self.context.catalogue(), self.save_as
            )
        except UserError as exc:
            self._error(self.tr("Cannot Save File"), exc)
            return False
        if saved is None:  # changed on disk: cancelled, or saved under another name
            return False
        if self.remember:
            settings.add_recent_file(str(saved))
        self._update_title()
        self.statusBar().showMessage(self.tr("Saved {path}").format(path=saved), 4000)
        self.shared.after_save()
        return True

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        files = settings.recent_files() if self.remember else []
        for path in files:
            act = self.recent_menu.addAction(Path(path).name)
            act.setStatusTip(path)
            act.triggered.connect(lambda _=False, p=path: self.open_path(p))
        if files:
            self.recent_menu.addSeparator()
            self.recent_menu.addAction(self.tr("Clear Recent Files"), settings.clear_recent_files)
        else:
            self.recent_menu.addAction(self.tr("No Recent Files")).setEnabled(False)

    def _fill_examples(self) -> None:
        self.examples_menu.clear()
        folder = examples_dir()
        files = sorted(folder.glob(f"*{SUFFIX}")) if folder.is_dir() else []
        for path in files:
            act = self.examples_menu.addAction(path.stem)
            act.triggered.connect(lambda _=False, p=path: self._open_example(p))
        if not files:
            self.examples_menu.addAction(self.tr("No Examples Installed")).setEnabled(False)

    def _open_example(self, path: Path) -> None:
        """Open a bundled example as a new unsaved model (the bundled file stays as is)."""
        if not self.maybe_save():
            return
        try:
            opened = Session.open_copy(path)
        except UserError as exc:
            self._error(self.tr("Cannot Open File"), exc)
            return
        self.set_session(opened)

    # ------------------------------------------------------------------ export and import
    def export_image_dialog(self) -> None:
        self.canvas.flush()
        arch = self.context.arch
        level = self.context.level
        base = arch.meta.name or self.tr("diagram")
        if level is not None:
            base = arch.processes[level].name
        filters = ";;".join(
            [
                self.tr("PNG image (*.png)"),
                self.tr("SVG drawing (*.svg)"),
                self.tr("PDF document (*.pdf)"),
            ]
        )
        path, chosen = QFileDialog.getSaveFileName(
            self, self.tr("Export Diagram"), str(Path(self._start_dir()) / f"{base}.png"), filters
        )
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() not in (".png", ".svg", ".pdf"):
            target = target.with_suffix(
                "." + ("svg" if "svg" in chosen else "pdf" if "pdf" in chosen else "png")
            )
        dpi = 150
        if target.suffix.lower() == ".png":
            dpi, ok = QInputDialog.getInt(
                self,
                self.tr("PNG Resolution"),
                self.tr("Resolution in dots per inch (96 is screen size, 300 for print):"),
                300,
                export.MIN_DPI,
                export.MAX_DPI,
                12,
            )
            if not ok:
                return
        title = base
        try:
            used = export.export_image(self.canvas.scene, target, dpi, title)
        except OSError as exc:
            self._error(self.tr("Cannot Export"), exc)
            return
        if used is not None and used < dpi:
            QMessageBox.information(
                self,
                self.tr("Export Diagram"),
                self.tr("The diagram is large, so the image was written at {dpi} dpi.").format(
                    dpi=used
                ),
            )
        self.statusBar().showMessage(self.tr("Exported {path}").format(path=target), 5000)

    def export_bpmn_dialog(self) -> None:
        if not module_available("procmodeler.io.bpmn"):
            return
        from procmodeler.io import bpmn

        self.canvas.flush()
        base = (
            self.session.path.stem
            if self.session.path
            else (self.context.arch.meta.name or "model")
        )
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export BPMN"),
            str(Path(self._start_dir()) / f"{base}.bpmn"),
            self.tr("BPMN 2.0 XML (*.bpmn *.xml)"),
        )
        if not path:
            return
        try:
            atomic_write_bytes(path, bpmn.export_bpmn(self.context.arch))
        except (UserError, OSError) as exc:
            self._error(self.tr("Cannot Export"), exc)
            return
        self.statusBar().showMessage(self.tr("Exported {path}").format(path=path), 5000)

    def import_bpmn_dialog(self) -> None:
        if not module_available("procmodeler.io.bpmn"):
            return
        from procmodeler.io import bpmn

        if not self.maybe_save():
            return
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import BPMN"), self._start_dir(), self.tr("BPMN 2.0 XML (*.bpmn *.xml)")
        )
        if not path:
            return
        try:
            arch, warnings = bpmn.import_bpmn(path)
        except (UserError, OSError) as exc:
            self._error(self.tr("Cannot Import"), exc)
            return
        session = Session(Editor(arch))
        session.editor.mark_dirty()
        self.set_session(session)
        if warnings:
            tr = self.context.catalogue()
            lines = [w.text(tr) if hasattr(w, "text") else str(w) for w in warnings]
            box = QMessageBox(self)
            box.setIcon(QMessageBox.Icon.Information)
            box.setWindowTitle(self.tr("Import BPMN"))
            box.setText(self.tr("The file was imported with %n warning(s).", "", len(lines)))
            box.setDetailedText("\n".join(lines))
            box.exec()

    def _report_api(self):  # type: ignore[no-untyped-def]
        """The report layer (``build_report``) when it is installed, else None."""
        if not module_available("procmodeler.report"):
            return None
        module = importlib.import_module("procmodeler.report")
        return module if hasattr(module, "build_report") else None

    def report_dialog(self) -> None:
        """File > Report: write the PDF report, with a progress dialog that cancels."""
        report = self._report_api()
        if report is None:
            return
        self.canvas.flush()
        base = (
            self.session.path.stem
            if self.session.path
            else (self.context.arch.meta.name or "report")
        )
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Write Report"),
            str(Path(self._start_dir()) / f"{base}.pdf"),
            self.tr("PDF document (*.pdf)"),
        )
        if not path:
            return
        progress = QProgressDialog(
            self.tr("Writing the report\u2026"), self.tr("Cancel"), 0, 100, self
        )
        progress.setWindowTitle(self.tr("Write Report"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(400)
        progress.setAutoClose(False)
        progress.setValue(0)

        def step(done: int, total: int) -> bool:
            progress.setMaximum(max(1, total))
            progress.setValue(min(done, max(1, total)))
            QApplication.processEvents()
            return not progress.wasCanceled()

        cancelled = getattr(report, "ReportCancelled", ())
        try:
            report.build_report(self.context.arch, path, progress=step)
        except cancelled:
            self.statusBar().showMessage(self.tr("The report was cancelled."), 5000)
            return
        except (UserError, OSError) as exc:
            self._error(self.tr("Cannot Write Report"), exc)
            return
        finally:
            progress.close()
        self.last_report = path
        self.statusBar().showMessage(self.tr("Wrote {path}").format(path=path), 5000)

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
        geometry = s.value("mainWindow/geometry")
        state = s.value("mainWindow/state")
        if geometry is not None:
            self.restoreGeometry(geometry)
        if state is not None:
            self._restored = bool(self.restoreState(state))
        snap_value = s.value("canvas/snap", True)
        self.actions_by_name["snap"].setChecked(snap_value not in (False, "false", "0", 0))

    def save_settings(self) -> None:
        if not self.remember:
            return
        s = settings.settings()
        s.setValue("mainWindow/geometry", self.saveGeometry())
        s.setValue("mainWindow/state", self.saveState())
        s.setValue("canvas/snap", self.actions_by_name["snap"].isChecked())
        s.sync()

    def showEvent(self, event) -> None:  # noqa: N802, ANN001 - Qt override
        super().showEvent(event)
        if not self._sized:
            self._sized = True
            if not self._restored:
                QTimer.singleShot(0, self._size_panels)

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
