"""The objectives panel: the objective tree with owner and horizon, the KPIs that
measure each objective (with their variation and assurance icons) under it; add,
rename (F2 or a double-click), move (drag and drop), delete; the owner, horizon and
description of the current objective below the tree."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QDropEvent, QFont, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGridLayout,
    QHeaderView,
    QLabel,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from procmodeler.edit import operations as ops
from procmodeler.model.events import Committed
from procmodeler.ui.columnfit import ColumnFitter
from procmodeler.ui.context import EditorContext
from procmodeler.ui.panels._common import (
    CommitLineEdit,
    CommitTextEdit,
    SearchCombo,
    dialogs,
    run_op,
)
from procmodeler.ui.panels.filling import FilledWhenShown
from procmodeler.ui.panels.pageparts import people_choices
from procmodeler.ui.strategy.common import Analyses, state_words

ID_ROLE = Qt.ItemDataRole.UserRole + 1  # objective id, or None on a KPI row
KPI_ROLE = Qt.ItemDataRole.UserRole + 2  # KPI id on a KPI row
NAME, OWNER, HORIZON, VARIATION, ASSURANCE = range(5)


class ObjectiveTree(QTreeWidget):
    """The tree widget: a drop asks for ``move_objective``, Delete for a deletion, Insert
    (Shift: under the current one) for a new objective."""

    #: (objective id, the item dropped on or None, the drop indicator position)
    dropped = Signal(str, object, object)
    deleteRequested = Signal()
    addRequested = Signal(bool)
    #: Ctrl+Up / Ctrl+Down / Ctrl+Left / Ctrl+Right: "up", "down", "out", "in"
    moveRequested = Signal(str)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("objectiveTree")
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
        )

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt name
        source = self.currentItem()
        oid = source.data(NAME, ID_ROLE) if source is not None else None
        target = self.itemAt(event.position().toPoint())
        event.setDropAction(Qt.DropAction.IgnoreAction)
        event.accept()  # the tree is rebuilt from the model; Qt moves nothing itself
        if oid is None:
            return
        self.dropped.emit(oid, target, self.dropIndicatorPosition())

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt name
        if event.key() == Qt.Key.Key_Delete and self.state() != self.State.EditingState:
            self.deleteRequested.emit()
            return
        if event.key() == Qt.Key.Key_Insert:
            self.addRequested.emit(bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier))
            return
        if event.modifiers() == Qt.KeyboardModifier.ControlModifier:
            where = {
                Qt.Key.Key_Up: "up",
                Qt.Key.Key_Down: "down",
                Qt.Key.Key_Left: "out",
                Qt.Key.Key_Right: "in",
            }.get(Qt.Key(event.key()))
            if where is not None:
                self.moveRequested.emit(where)
                return
        super().keyPressEvent(event)


class ObjectivesPanel(FilledWhenShown, QWidget):
    """Objectives as a tree, their measuring KPIs, and the current objective's fields."""

    def __init__(self, context: EditorContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("objectivesPanel")
        self.context = context
        self._in_tree_signal = False  # an edit from the tree's own signal or drop
        self.analyses = Analyses()
        tr = context.catalogue()
        self.tree = ObjectiveTree(self)
        self.tree.setHeaderLabels(
            [tr("Objective"), tr("Owner"), tr("Horizon"), tr("Variation"), tr("Assurance")]
        )
        header = self.tree.header()  # the name first: the icons need little room
        header.setStretchLastSection(False)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        for col in (OWNER, HORIZON):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        head = self.tree.headerItem()
        for col, text in ((VARIATION, tr("Variation")), (ASSURANCE, tr("Assurance"))):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(col, 30)
            head.setText(col, "")
            head.setToolTip(col, text)
        # in a narrow dock the horizon, then the owner hide (the names keep 140 px)
        self.columns = ColumnFitter(self.tree, (HORIZON, OWNER), keep=NAME, keep_min=140)
        bar = QGridLayout()  # two rows: the labels stay whole in a narrow dock
        self.add_button = self._button(tr("New objective"), lambda: self.add_objective(False))
        self.sub_button = self._button(tr("New sub-objective"), lambda: self.add_objective(True))
        self.kpi_button = self._button(tr("Measure with KPI…"), self.measure_with_kpi)
        self.kpi_button.setToolTip(tr("Choose a KPI that measures the current objective"))
        self.delete_button = self._button(tr("Delete"), self.delete_current)
        for i, button in enumerate(
            (self.add_button, self.sub_button, self.kpi_button, self.delete_button)
        ):
            bar.addWidget(button, i // 2, i % 2, Qt.AlignmentFlag.AlignLeft)
        bar.setColumnStretch(2, 1)
        self.owner = SearchCombo(tr("(nobody)"), self)
        self.owner.setObjectName("objectiveOwner")
        self.horizon = CommitLineEdit(self)
        self.horizon.setObjectName("objectiveHorizon")
        self.horizon.setPlaceholderText(tr("e.g. 2027"))
        self.description = CommitTextEdit(self)
        self.description.setObjectName("objectiveDescription")
        self.description.setMaximumHeight(70)
        form = QFormLayout()
        form.addRow(tr("Owner:"), self.owner)
        form.addRow(tr("Horizon:"), self.horizon)
        form.addRow(tr("Description:"), self.description)
        self.form = QWidget(self)
        self.form.setLayout(form)
        self.no_objective = QLabel(tr("Select an objective to edit it."), self)
        self.no_objective.setObjectName("noObjectiveHint")  # while none is chosen
        self.no_objective.setWordWrap(True)
        self.no_objective.setStyleSheet("color: palette(placeholder-text);")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(bar)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.no_objective)
        layout.addWidget(self.form)
        self.setMinimumSize(self.minimumSizeHint())  # the form must not widen the dock
        self.owner.picked.connect(lambda pid: self._set(owner=pid))
        self.horizon.commit.connect(lambda text: self._set(horizon=text))
        self.description.commit.connect(lambda text: self._set(description=text))
        self.tree.itemChanged.connect(self._renamed)
        self.tree.dropped.connect(self._dropped)
        self.tree.deleteRequested.connect(self.delete_current)
        self.tree.addRequested.connect(self.add_objective)
        self.tree.moveRequested.connect(self.move_current)
        self.tree.currentItemChanged.connect(lambda *_: self._show_current())
        self.tree.itemDoubleClicked.connect(self._double_clicked)
        self._filling = False
        context.committed.connect(self._on_committed)
        context.documentReplaced.connect(self.changed)
        context.selectionChanged.connect(self._selection_from_context)
        self.refresh()
        self._selection_from_context()  # made late (a tab first shown): what is chosen

    def _button(self, text: str, slot: object) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setAutoRaise(True)
        button.clicked.connect(slot)
        return button

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(380, 420)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - must not make the window taller
        return QSize(160, 120)

    # ------------------------------------------------------------------ refresh
    def _on_committed(self, event: Committed) -> None:
        imp = self.context.impact(event)
        if imp.strategy or imp.kpis or imp.people or imp.processes:
            if self._in_tree_signal:  # the tree's items must outlive the signal or drop
                QTimer.singleShot(0, self, self.changed)
            else:
                self.changed()

    def items(self) -> dict[str, QTreeWidgetItem]:
        """Objective id -> its item."""
        out: dict[str, QTreeWidgetItem] = {}

        def visit(item: QTreeWidgetItem | None) -> None:
            oid = item.data(NAME, ID_ROLE) if item is not None else None
            if item is not None and oid is not None:
                out[oid] = item
                for i in range(item.childCount()):
                    visit(item.child(i))

        for i in range(self.tree.topLevelItemCount()):
            visit(self.tree.topLevelItem(i))
        return out

    def current_kpi(self) -> str | None:
        """The KPI of the current row when it is a KPI row."""
        item = self.tree.currentItem()
        return item.data(NAME, KPI_ROLE) if item is not None else None

    def current_objective(self) -> str | None:
        item = self.tree.currentItem()
        return item.data(NAME, ID_ROLE) if item is not None else None

    def refresh(self) -> None:
        """Rebuild the tree from the model, keeping what was collapsed and current."""
        self._stale = False
        arch = self.context.arch
        tr = self.context.catalogue()
        old = self.items()
        collapsed = {oid for oid, item in old.items() if not item.isExpanded()}
        current = self.current_objective()
        self._filling = True
        self.tree.blockSignals(True)  # no current-item or item-changed signals mid-rebuild
        self.tree.clear()
        made: dict[str, QTreeWidgetItem] = {}
        said = state_words(tr)
        for oid in arch.walk_objectives():
            obj = arch.objectives[oid]
            parent = made.get(obj.parent) if obj.parent else None
            item = QTreeWidgetItem(parent) if parent is not None else QTreeWidgetItem(self.tree)
            made[oid] = item
            owner = arch.people.get(obj.owner) if obj.owner else None
            item.setText(NAME, obj.name)
            item.setText(OWNER, owner.name if owner else "")
            item.setText(HORIZON, obj.horizon)
            item.setToolTip(NAME, obj.description or obj.name)
            item.setData(NAME, ID_ROLE, oid)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsDragEnabled)
        for oid, item in made.items():
            for n, kid in enumerate(arch.kpis_measuring(oid)):
                kpi = arch.kpis[kid]
                proc = arch.processes.get(kpi.process)
                row = QTreeWidgetItem()
                row.setText(NAME, f"{kpi.name} — {proc.name}" if proc else kpi.name)
                row.setData(NAME, KPI_ROLE, kid)
                italic = QFont(row.font(NAME))
                italic.setItalic(True)
                row.setFont(NAME, italic)
                row.setToolTip(NAME, tr("Measured by KPI '{name}'").format(name=kpi.name))
                row.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                var, ass, vstate, astate = self.analyses.icons(kpi)
                for col, icon, state in ((VARIATION, var, vstate), (ASSURANCE, ass, astate)):
                    if icon is not None:
                        row.setIcon(col, icon)
                    row.setToolTip(col, said[state])
                item.insertChild(n, row)
            item.setExpanded(oid not in collapsed)
        if current in made:
            self.tree.setCurrentItem(made[current])
        self.tree.blockSignals(False)
        self._filling = False
        self._show_current()

    def _selection_from_context(self) -> None:
        selection = self.context.selection
        if len(selection) == 1 and selection[0] in self.context.arch.objectives:
            if self._stale:
                self.refresh()
            item = self.items().get(selection[0])
            if item is not None and item is not self.tree.currentItem():
                self.tree.setCurrentItem(item)

    def _show_current(self) -> None:
        oid = self.current_objective()
        obj = self.context.arch.objectives.get(oid) if oid else None
        self.form.setEnabled(obj is not None)
        self.no_objective.setVisible(obj is None)
        self.sub_button.setEnabled(obj is not None)
        self.kpi_button.setEnabled(obj is not None)
        self.delete_button.setEnabled(obj is not None or self.current_kpi() is not None)
        self.owner.set_choices(people_choices(self.context), obj.owner if obj else None)
        self.horizon.set_value(obj.horizon if obj else "")
        self.description.set_value(obj.description if obj else "")

    # ------------------------------------------------------------------ edits
    def _set(self, **fields: object) -> None:
        oid = self.current_objective()
        if oid is not None:
            run_op(self, self.context, ops.set_objective_fields, oid, **fields)

    def _renamed(self, item: QTreeWidgetItem, column: int) -> None:
        oid = item.data(NAME, ID_ROLE)
        if self._filling or column != NAME or oid is None:
            return
        obj = self.context.arch.objectives.get(oid)
        changed = obj is not None and item.text(NAME).strip() != obj.name
        self._in_tree_signal = True
        try:
            if changed and not run_op(
                self, self.context, ops.rename_objective, oid, item.text(NAME)
            ):
                QTimer.singleShot(0, self, self.refresh)
        finally:
            self._in_tree_signal = False

    def _double_clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        kid = item.data(NAME, KPI_ROLE)
        kpi = self.context.arch.kpis.get(kid) if kid else None
        if kpi is not None:
            self.context.reveal(kpi.process)

    def add_objective(self, sub: bool = False) -> str | None:
        """Ask for a name and add an objective: at the top level, or under the current
        objective (*sub*). Returns its id, or None."""
        tr = self.context.catalogue()
        parent = self.current_objective() if sub else None
        if sub and parent is None:
            return None
        name = dialogs.get_text(self, tr("New objective"), tr("Name of the objective:"))
        if not name or not name.strip():
            return None
        before = set(self.context.arch.objectives)
        if not run_op(self, self.context, ops.add_objective, name, parent):
            return None
        new = next(o for o in self.context.arch.objectives if o not in before)
        if self._stale:
            self.refresh()
        item = self.items().get(new)
        if item is not None:
            self.tree.setCurrentItem(item)
        return new

    def measure_with_kpi(self) -> None:
        """Choose a KPI (of any process) that measures the current objective."""
        oid = self.current_objective()
        arch = self.context.arch
        if oid is None or not arch.kpis:
            return
        tr = self.context.catalogue()
        kids = [k for k in arch.kpis if arch.kpis[k].objective != oid]
        labels = [
            f"{arch.kpis[k].name} — {arch.processes[arch.kpis[k].process].name}" for k in kids
        ]
        chosen = dialogs.choose(
            self,
            tr("Measure with KPI"),
            tr("KPI that measures '{name}':").format(name=arch.objectives[oid].name),
            labels,
        )
        if chosen is not None:
            run_op(self, self.context, ops.set_kpi_objective, kids[chosen], oid)

    def delete_current(self) -> None:
        """Delete the current objective, or on a KPI row: the KPI no longer measures it."""
        kid = self.current_kpi()
        if kid is not None:
            run_op(self, self.context, ops.set_kpi_objective, kid, None)
            return
        oid = self.current_objective()
        arch = self.context.arch
        if oid is None or oid not in arch.objectives:
            return
        tr = self.context.catalogue()
        below = len(arch.objective_descendants(oid))
        if below and not dialogs.confirm(
            self,
            tr("Delete objective"),
            tr("Delete '{name}' with its {n} sub-objectives?").format(
                name=arch.objectives[oid].name, n=below
            ),
        ):
            return
        run_op(self, self.context, ops.delete_objective, oid)

    def move_current(self, where: str) -> None:
        """Move the current objective with the keyboard: "up" / "down" among its
        siblings, "out" to after its parent, "in" under the sibling above it (last)."""
        oid = self.current_objective()
        arch = self.context.arch
        if oid is None or oid not in arch.objectives:
            return
        parent = arch.objectives[oid].parent
        siblings = arch.objective_children(parent)
        i = siblings.index(oid)
        if where == "up" and i > 0:
            run_op(self, self.context, ops.move_objective, oid, parent, siblings[i - 1])
        elif where == "down" and i + 1 < len(siblings):
            after = siblings[i + 2] if i + 2 < len(siblings) else None
            run_op(self, self.context, ops.move_objective, oid, parent, after)
        elif where == "out" and parent is not None:
            above = arch.objectives[parent].parent
            uncles = arch.objective_children(above)
            j = uncles.index(parent)
            after = uncles[j + 1] if j + 1 < len(uncles) else None
            run_op(self, self.context, ops.move_objective, oid, above, after)
        elif where == "in" and i > 0:
            run_op(self, self.context, ops.move_objective, oid, siblings[i - 1])
        else:
            return
        item = self.items().get(oid)
        if item is not None:
            self.tree.setCurrentItem(item)

    def _dropped(self, oid: str, target: QTreeWidgetItem | None, where: object) -> None:
        self._in_tree_signal = True  # the tree is rebuilt after the drop, not inside it
        try:
            self.drop(oid, target, where)
        finally:
            self._in_tree_signal = False

    def drop(self, oid: str, target: QTreeWidgetItem | None, where: object) -> None:
        """Move *oid* as the drop said: onto an objective (under it, last), above or
        below one (its sibling), or onto the empty area (top level, last)."""
        arch = self.context.arch
        pos = QAbstractItemView.DropIndicatorPosition
        tid = target.data(NAME, ID_ROLE) if target is not None else None
        if target is not None and tid is None:  # a KPI row: onto its objective
            parent_item = target.parent()
            tid = parent_item.data(NAME, ID_ROLE) if parent_item is not None else None
            where = pos.OnItem
        if tid is None or where == pos.OnViewport:
            run_op(self, self.context, ops.move_objective, oid, None)
            return
        if tid == oid:
            return
        if where == pos.OnItem:
            run_op(self, self.context, ops.move_objective, oid, tid)
            return
        parent = arch.objectives[tid].parent
        siblings = [s for s in arch.objective_children(parent) if s != oid]
        if where == pos.AboveItem:
            before: str | None = tid
        else:
            i = siblings.index(tid) + 1
            before = siblings[i] if i < len(siblings) else None
        run_op(self, self.context, ops.move_objective, oid, parent, before)
