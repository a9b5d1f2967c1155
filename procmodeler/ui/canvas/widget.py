"""The canvas: breadcrumb, diagram view and scene as one widget, with the edits that
start on the diagram (create, name, change kind, relation edits, swimlanes) and its
context menus."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QInputDialog, QMenu, QMessageBox, QVBoxLayout, QWidget

from procmodeler.edit import composite
from procmodeler.edit import operations as ops
from procmodeler.edit.placement import free_spot
from procmodeler.model.elements import PROCESS_KINDS, RELATION_KINDS, Bounds, snap
from procmodeler.notation.lanelayout import arranged_in_lanes
from procmodeler.ui.canvas.breadcrumb import Breadcrumb
from procmodeler.ui.canvas.items import RelationItem, ShapeItem
from procmodeler.ui.canvas.scene import DiagramScene
from procmodeler.ui.canvas.view import DiagramView
from procmodeler.ui.context import EditorContext
from procmodeler.ui.words import kind_label, relation_label


class Canvas(QWidget):
    """The central widget of the main window."""

    #: a user-facing message for the status bar
    message = Signal(str)

    def __init__(self, context: EditorContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("canvas")
        self.context = context
        self.scene = DiagramScene(context, self)
        self.view = DiagramView(self.scene, self)
        self.breadcrumb = Breadcrumb(context, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.breadcrumb)
        layout.addWidget(self.view, 1)
        #: window actions shown in the context menus (set by the main window)
        self.shared_actions: dict[str, QAction] = {}
        self._level = context.level
        self._shown = False
        self.scene.editRefused.connect(self._refused)
        self.scene.statusMessage.connect(self.message)
        self.scene.contextMenuWanted.connect(self._context_menu)
        self.view.paletteDropped.connect(self._dropped)
        self.view.nameEntered.connect(self._name_entered)
        context.levelChanged.connect(self._level_changed)
        context.documentReplaced.connect(self._document_replaced)
        context.revealRequested.connect(self._reveal)

    # ------------------------------------------------------------------ levels
    def _level_changed(self, level: str | None) -> None:
        self.view.close_editor()
        self.view.remember_level(self._level)
        self._level = level
        self.view.restore_level(level)

    def _document_replaced(self) -> None:
        self.view.close_editor()
        self.view.forget_levels()
        self._level = self.context.level
        self.view.fit()
        QTimer.singleShot(0, self.view.fit)  # again once the window has its size

    def showEvent(self, event) -> None:  # noqa: N802, ANN001 - Qt override
        super().showEvent(event)
        if not self._shown:
            self._shown = True
            QTimer.singleShot(0, self.view.fit)

    def _reveal(self, element_id: str) -> None:
        """Bring a shape or line asked for elsewhere (a finding, the tree) into view: left
        where it is when it is well inside the view, else centred (scrolled just far
        enough, it would sit at the view's edge)."""
        item = self.scene.shapes.get(element_id) or self.scene.relations.get(element_id)
        if item is None:
            return
        rect = item.sceneBoundingRect()
        seen = self.view.mapToScene(self.view.viewport().rect().adjusted(40, 40, -40, -40))
        if not seen.boundingRect().contains(rect):
            self.view.centerOn(rect.center())

    def flush(self) -> None:
        """Commit a pending nudge and close the name editor (before other actions)."""
        if self.view.name_editor is not None:
            self.view.name_editor.finish()
        self.scene.flush()

    # ------------------------------------------------------------------ messages
    def _refused(self, text: str) -> None:
        self.message.emit(text)
        QMessageBox.warning(self, self.tr("Not possible"), text)

    def run(self, fn, *args, **kwargs):  # type: ignore[no-untyped-def]
        return self.scene.run(fn, *args, **kwargs)

    # ------------------------------------------------------------------ create and name
    def default_name(self, kind: str) -> str:
        return {
            "management": self.tr("New management process"),
            "core": self.tr("New core process"),
            "support": self.tr("New support process"),
        }.get(kind, self.tr("New process"))

    def create_process(self, kind: str, at: QPointF | None = None, edit: bool = True) -> str | None:
        """Create a process of *kind* on the current level, centred on *at* (a scene
        point) or at a free place in its band; then name it in place."""
        self.flush()
        level = self.context.level
        arch = self.context.arch
        w, h = ops.DEFAULT_SIZE
        if at is None:
            bounds = free_spot(arch, level, kind, (w, h))
        else:
            bounds = Bounds(snap(at.x() - w / 2), snap(at.y() - h / 2), w, h)
        pid = self.run(ops.create_process, self.default_name(kind), kind, level, bounds=bounds)
        if pid is None:
            return None
        self.context.set_selection([pid])
        item = self.scene.shapes.get(pid)
        if item is not None:
            self.view.ensureVisible(item.sceneBoundingRect(), 60, 60)
        if edit:
            self.view.edit_name(pid)
        return pid

    def _dropped(self, kind: str, pos: QPointF) -> None:
        if kind in PROCESS_KINDS:
            self.create_process(kind, pos)

    def rename_selected(self) -> None:
        pids = self.scene.selected_processes()
        if len(pids) == 1:
            self.view.edit_name(pids[0])

    def _name_entered(self, pid: str, text: str) -> None:
        proc = self.context.arch.processes.get(pid)
        if proc is None or not text.strip() or " ".join(text.split()) == proc.name:
            return
        self.run(ops.rename_process, pid, text)

    # ------------------------------------------------------------------ kinds
    def set_process_kind(self, pids: list[str], kind: str) -> None:
        """Change the kind of processes; on the landscape their shapes move into the
        band of the new kind (one undo entry)."""
        self.run(composite.set_process_kinds, pids, kind)

    # ------------------------------------------------------------------ relations
    def set_relation_kind(self, rids: list[str], kind: str) -> None:
        self.run(composite.set_relation_kinds, rids, kind)

    def edit_relation_object(self, rid: str) -> None:
        rel = self.context.arch.relations.get(rid)
        if rel is None:
            return
        text, ok = QInputDialog.getText(
            self, self.tr("Object"), self.tr("Object carried by this flow:"), text=rel.object
        )
        if ok:
            self.run(ops.set_relation, rid, object=text)

    def reverse_relation(self, rid: str) -> None:
        rel = self.context.arch.relations.get(rid)
        if rel is not None:
            self.run(ops.set_relation, rid, source=rel.target, target=rel.source)

    def straighten_relation(self, rid: str) -> None:
        if self.context.arch.waypoints.get(self.context.level, {}).get(rid):
            self.run(ops.set_waypoints, self.context.level, rid, [])

    # ------------------------------------------------------------------ diagram options
    def swimlanes_shown(self) -> bool:
        level = self.context.level
        options = self.context.arch.diagrams.get(level) if level is not None else None
        return bool(options and options.swimlanes)

    def set_swimlanes(self, on: bool) -> None:
        level = self.context.level
        if level is None or on == self.swimlanes_shown():
            return
        self.run(ops.show_swimlanes, level, on)

    def arrange_in_lanes(self) -> None:
        """Move each shape of this sub-process diagram into the lane of its unit (the one
        accountable for it, else responsible, else any taking part), keeping its x: one
        undo entry."""
        level = self.context.level
        if level is None or not self.swimlanes_shown():
            return
        moved = arranged_in_lanes(self.context.arch, level)
        if moved:
            self.run(ops.set_shape_bounds, level, moved)

    def arrange(self) -> None:
        """Lay out this diagram anew and route every line (one undo entry); in
        swimlanes, each process goes into its unit's lane in a left-to-right flow."""
        level = self.context.level
        if level is not None and self.swimlanes_shown():
            self.arrange_in_lanes()
            return
        self.run(ops.arrange, level)
        self.view.fit()

    def route_lines(self) -> None:
        """Route every line of this diagram anew around the shapes (one undo entry)."""
        self.run(ops.route_lines, self.context.level)

    def place_unplaced(self) -> None:
        """Put the processes of this level that have no shape onto the diagram."""
        self.run(composite.place_unplaced, self.context.level)

    # ------------------------------------------------------------------ context menus
    def _context_menu(self, item, screen_pos, scene_pos) -> None:  # type: ignore[no-untyped-def]
        menu = self.build_context_menu(item, scene_pos)
        menu.exec(screen_pos)

    def _add_shared(self, menu: QMenu, *names: str) -> None:
        for name in names:
            if name == "-":
                menu.addSeparator()
            elif name in self.shared_actions:
                menu.addAction(self.shared_actions[name])

    def build_context_menu(self, item, scene_pos: QPointF) -> QMenu:  # type: ignore[no-untyped-def]
        menu = QMenu(self)
        arch = self.context.arch
        if isinstance(item, ShapeItem):
            pids = self.scene.selected_processes() or [item.pid]
            open_action = menu.addAction(self.tr("Open Sub-process Diagram"))
            open_action.triggered.connect(lambda: self.context.open_level(item.pid))
            if len(pids) == 1:
                self._add_shared(menu, "rename")
            kinds = menu.addMenu(self.tr("Kind"))
            for kind in PROCESS_KINDS:
                act = kinds.addAction(kind_label(kind))
                act.setCheckable(True)
                act.setChecked(
                    all(arch.processes[p].kind == kind for p in pids if p in arch.processes)
                )
                act.triggered.connect(lambda _=False, k=kind: self.set_process_kind(pids, k))
            menu.addSeparator()
            self._add_shared(menu, "cut", "copy", "duplicate", "-", "delete")
        elif isinstance(item, RelationItem):
            rid = item.rid
            rel = arch.relations[rid]
            rids = self.scene.selected_relations() or [rid]
            kinds = menu.addMenu(self.tr("Kind"))
            for kind in RELATION_KINDS:
                act = kinds.addAction(relation_label(kind))
                act.setCheckable(True)
                act.setChecked(rel.kind == kind)
                act.triggered.connect(lambda _=False, k=kind: self.set_relation_kind(rids, k))
            menu.addAction(self.tr("Object Name\u2026"), lambda: self.edit_relation_object(rid))
            menu.addAction(self.tr("Reverse Direction"), lambda: self.reverse_relation(rid))
            straight = menu.addAction(
                self.tr("Straighten Line"), lambda: self.straighten_relation(rid)
            )
            straight.setEnabled(bool(arch.waypoints.get(self.context.level, {}).get(rid)))
            menu.addSeparator()
            src = arch.processes[rel.source].name
            tgt = arch.processes[rel.target].name
            menu.addAction(
                self.tr("Go to '{name}'").format(name=src), lambda: self.context.reveal(rel.source)
            )
            menu.addAction(
                self.tr("Go to '{name}'").format(name=tgt), lambda: self.context.reveal(rel.target)
            )
            menu.addSeparator()
            self._add_shared(menu, "delete")
        else:
            add = menu.addMenu(self.tr("Add"))
            for kind in PROCESS_KINDS:
                create = add.addAction(kind_label(kind))
                create.triggered.connect(lambda _=False, k=kind: self.create_process(k, scene_pos))
            self._add_shared(menu, "paste", "-", "select_all")
            if self.context.level is not None:
                lanes_action = menu.addAction(self.tr("Show Swimlanes"))
                lanes_action.setCheckable(True)
                lanes_action.setChecked(self.swimlanes_shown())
                lanes_action.toggled.connect(self.set_swimlanes)
                if self.swimlanes_shown():
                    self._add_shared(menu, "arrange_lanes")
            unplaced = [
                p
                for p in arch.children(self.context.level)
                if p not in arch.shapes.get(self.context.level, {})
            ]
            if unplaced:
                menu.addAction(
                    self.tr("Place %n Hidden Process(es)", "", len(unplaced)), self.place_unplaced
                )
            menu.addSeparator()
            self._add_shared(menu, "fit", "zoom_100")
            if self.context.level is not None:
                menu.addSeparator()
                self._add_shared(menu, "level_up")
        return menu

    def relation_item(self, rid: str) -> RelationItem | None:
        return self.scene.relations.get(rid)

    def shape_item(self, pid: str) -> ShapeItem | None:
        return self.scene.shapes.get(pid)
