"""The units and people panel: the tree of organisational units with the people in
each after the unit's own sub-units, marked as members, the head of each unit marked.
Add (a menu on the toolbar), rename (in place: F2 or a double-click), move (drag and
drop or "Move to…"; moving to where it already is says so), make head and delete, each through one operation. Deleting a unit or a
person that is still referred to lists what refers to it and asks before clearing
those references (one undoable step)."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QDropEvent,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMenu,
    QToolBar,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from procmodeler.common.errors import EditRefused
from procmodeler.edit import operations as ops
from procmodeler.model.events import Committed
from procmodeler.ui.context import EditorContext
from procmodeler.ui.panels._common import _t, dialogs, run_op
from procmodeler.ui.panels.filling import FilledWhenShown
from procmodeler.ui.panels.unitsicons import person_icon, tool_icon, unit_icon

KIND_ROLE = Qt.ItemDataRole.UserRole
ID_ROLE = Qt.ItemDataRole.UserRole + 1
NO_UNIT = "__no_unit__"


class _Tree(QTreeWidget):
    """A tree whose drops become operations instead of moving items itself."""

    def __init__(self, panel: UnitsPanel) -> None:
        super().__init__(panel)
        self.panel = panel

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt name
        target = self.itemAt(event.position().toPoint())
        on_item = self.dropIndicatorPosition() == QAbstractItemView.DropIndicatorPosition.OnItem
        ids = [self.panel.item_id(item) for item in self.selectedItems()]
        event.setDropAction(Qt.DropAction.IgnoreAction)
        event.accept()
        # Act after the drag has finished: the tree is rebuilt by the operation.
        QTimer.singleShot(0, lambda: self.panel.drop(ids, target_id(target), on_item))


def target_id(item: QTreeWidgetItem | None) -> tuple[str, str] | None:
    if item is None:
        return None
    return item.data(0, KIND_ROLE), item.data(0, ID_ROLE)


class UnitsPanel(FilledWhenShown, QWidget):
    """The unit tree with people; shows and sets the context's selection."""

    def __init__(self, context: EditorContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("unitsPanel")
        self.context = context
        self._syncing = False
        self._items: dict[str, QTreeWidgetItem] = {}
        self._stale = False  # a document opened while the panel's tab was behind another
        self._unit_icon = unit_icon()
        self._person_icons = (person_icon(False), person_icon(True))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.toolbar = QToolBar()
        self.toolbar.setIconSize(QSize(16, 16))
        # short text labels beside the icons; the three "add" actions share a menu so
        # that every button fits the default dock width
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        layout.addWidget(self.toolbar)
        self.message = QLabel()
        self.message.setObjectName("unitsMessage")
        self.message.setWordWrap(True)
        self.message.setContentsMargins(6, 2, 6, 2)
        self.message.hide()
        layout.addWidget(self.message)
        self._build_tree()
        layout.addWidget(self.tree)
        self._build_actions()

        self.tree.itemSelectionChanged.connect(self._selection_from_tree)
        self.tree.itemChanged.connect(self._item_changed)
        self.tree.customContextMenuRequested.connect(self._context_menu)
        context.committed.connect(self._on_committed)
        context.documentReplaced.connect(self._on_replaced)
        context.selectionChanged.connect(self._selection_from_context)
        self.rebuild(expand_all=True)
        self._selection_from_context()  # made late (a tab first shown): what is chosen

    def _build_tree(self) -> None:
        self.tree = _Tree(self)
        self.tree.setObjectName("unitsTree")
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([_t("Unit / person"), _t("Details")])
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.tree.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.tree.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
            | QAbstractItemView.EditTrigger.DoubleClicked
        )
        self.tree.setExpandsOnDoubleClick(False)  # a double-click renames
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

    def _build_actions(self) -> None:
        def action(
            text: str, slot, shortcut: QKeySequence | None = None, name: str = ""
        ) -> QAction:
            act = QAction(text, self)
            act.setObjectName(name)
            act.triggered.connect(slot)
            if shortcut is not None:
                act.setShortcut(shortcut)
                act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(act)
            return act

        self.add_unit_action = action(_t("Add unit"), self.add_unit, name="addUnit")
        self.add_subunit_action = action(_t("Add sub-unit"), self.add_subunit, name="addSubunit")
        self.add_person_action = action(_t("Add person"), self.add_person, name="addPerson")
        self.rename_action = action(
            _t("Rename"), self.rename, QKeySequence(Qt.Key.Key_F2), "rename"
        )
        self.move_action = action(_t("Move to…"), self.move_to, name="moveTo")
        self.head_action = action(_t("Make head of unit"), self.toggle_head, name="makeHead")
        self.delete_action = action(
            _t("Delete"), self.delete, QKeySequence(QKeySequence.StandardKey.Delete), "delete"
        )
        # icons on the toolbar, full names in menus and tooltips
        for act, icon in (
            (self.add_unit_action, "unit"),
            (self.add_subunit_action, "subunit"),
            (self.add_person_action, "person"),
            (self.move_action, "move"),
            (self.head_action, "head"),
            (self.delete_action, "delete"),
        ):
            act.setIcon(tool_icon(icon))
            act.setIconVisibleInMenu(False)
            self._set_tooltip(act)
        for act, short in (
            (self.add_unit_action, _t("Unit")),
            (self.add_subunit_action, _t("Sub-unit")),
            (self.add_person_action, _t("Person")),
            (self.move_action, _t("Move…")),
            (self.head_action, _t("Head")),
            (self.delete_action, _t("Delete")),
        ):
            act.setIconText(short)
        self.add_menu = QMenu(self)
        for act in (self.add_unit_action, self.add_subunit_action, self.add_person_action):
            self.add_menu.addAction(act)
        self.add_button = QToolButton()
        self.add_button.setObjectName("addMenu")
        self.add_button.setText(_t("Add"))
        self.add_button.setToolTip(_t("Add a unit, a sub-unit or a person"))
        self.add_button.setIcon(tool_icon("unit"))
        self.add_button.setMenu(self.add_menu)
        self.add_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.add_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toolbar.addWidget(self.add_button)
        self.toolbar.addSeparator()
        for act in (self.move_action, self.head_action, self.delete_action):
            self.toolbar.addAction(act)

    # ------------------------------------------------------------------ items
    def item_id(self, item: QTreeWidgetItem) -> str:
        return item.data(0, ID_ROLE)

    def item_for(self, element_id: str) -> QTreeWidgetItem | None:
        return self._items.get(element_id)

    def selected(self) -> tuple[str, str] | None:
        items = self.tree.selectedItems()
        if not items:
            return None
        return items[0].data(0, KIND_ROLE), items[0].data(0, ID_ROLE)

    def _on_replaced(self) -> None:
        """Another document: filled now if the panel can be seen, else when its tab comes
        to the front (a big model opens without waiting for thousands of people)."""
        self.changed()

    def refresh(self) -> None:
        self.rebuild(expand_all=True)
        self._selection_from_context()

    def _on_committed(self, event: Committed) -> None:
        self.message.hide()
        if self._stale:  # rebuilt when shown
            return
        imp = self.context.impact(event)
        if imp.units or imp.people:
            self.rebuild()

    def rebuild(self, expand_all: bool = False) -> None:
        arch = self.context.arch
        expanded = {uid for uid, item in self._items.items() if item.isExpanded()}
        known = set(self._items)
        selected = self.selected()
        self._syncing = True
        self.tree.blockSignals(True)
        self.tree.clear()
        self._items = {}
        heads = {unit.head for unit in arch.units.values() if unit.head}

        def attach(parent_item: QTreeWidgetItem | None, item: QTreeWidgetItem) -> None:
            if parent_item is None:
                self.tree.addTopLevelItem(item)
            else:
                parent_item.addChild(item)

        def add_people(parent_item: QTreeWidgetItem | None, uid: str | None) -> None:
            for person_id in arch.people_in(uid):
                item = self._person_item(person_id, uid, person_id in heads)
                attach(parent_item, item)
                self._items[person_id] = item

        def add_unit(parent_item: QTreeWidgetItem | None, uid: str) -> None:
            item = self._unit_item(uid)
            attach(parent_item, item)
            self._items[uid] = item
            for child in arch.unit_children(uid):
                add_unit(item, child)
            add_people(item, uid)
            item.setExpanded(expand_all or uid in expanded or uid not in known)

        for uid in arch.unit_children(None):
            add_unit(None, uid)
        homeless = arch.people_in(None)
        if homeless:
            group = QTreeWidgetItem([_t("People without a unit"), ""])
            group.setData(0, KIND_ROLE, "nounit")
            group.setData(0, ID_ROLE, NO_UNIT)
            group.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsDropEnabled)
            font = group.font(0)
            font.setItalic(True)
            group.setFont(0, font)
            self.tree.addTopLevelItem(group)
            add_people(group, None)
            group.setExpanded(True)
            self._items[NO_UNIT] = group
        self.tree.blockSignals(False)
        self._syncing = False
        if selected and selected[1] in self._items:
            self._select_item(self._items[selected[1]])
        else:
            self._selection_from_context()
        self._update_actions()

    def _person_item(self, person_id: str, uid: str | None, heads_a_unit: bool) -> QTreeWidgetItem:
        arch = self.context.arch
        person = arch.people[person_id]
        is_head = uid is not None and arch.units[uid].head == person_id
        role = f"★ {_t('Head')}" if is_head else _t("Member") if uid is not None else ""
        details = " · ".join(x for x in (role, person.title) if x)
        item = QTreeWidgetItem([person.name, details])
        item.setIcon(0, self._person_icons[is_head])
        item.setData(0, KIND_ROLE, "person")
        item.setData(0, ID_ROLE, person_id)
        tip = person.name + (f" ({person.title})" if person.title else "")
        if uid is not None:
            tip += "\n" + _t("Member of {unit}").format(unit=arch.units[uid].name)
        item.setToolTip(0, tip)
        item.setToolTip(1, details)  # a narrow panel cuts the column
        item.setFlags(
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsEditable
            | Qt.ItemFlag.ItemIsDragEnabled
        )
        if heads_a_unit:
            font = item.font(0)
            font.setBold(True)
            item.setFont(0, font)
        return item

    def _unit_item(self, uid: str) -> QTreeWidgetItem:
        arch = self.context.arch
        unit = arch.units[uid]
        head = arch.people.get(unit.head) if unit.head else None
        details = _t("Head: {name}").format(name=head.name) if head else ""
        item = QTreeWidgetItem([unit.name, details])
        item.setToolTip(0, unit.name)
        item.setToolTip(1, details)  # a narrow panel cuts both columns
        item.setIcon(0, self._unit_icon)
        item.setData(0, KIND_ROLE, "unit")
        item.setData(0, ID_ROLE, uid)
        item.setFlags(
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsEditable
            | Qt.ItemFlag.ItemIsDragEnabled
            | Qt.ItemFlag.ItemIsDropEnabled
        )
        font = item.font(0)
        font.setBold(True)
        item.setFont(0, font)
        return item

    def _select_item(self, item: QTreeWidgetItem | None) -> None:
        self._syncing = True
        self.tree.blockSignals(True)
        self.tree.clearSelection()
        if item is not None:
            item.setSelected(True)
            self.tree.setCurrentItem(item)
            self.tree.scrollToItem(item)
        self.tree.blockSignals(False)
        self._syncing = False
        self._update_actions()

    # ------------------------------------------------------------------ selection
    def _selection_from_tree(self) -> None:
        self.message.hide()
        self._update_actions()
        if self._syncing:
            return
        chosen = self.selected()
        if chosen and chosen[0] in ("unit", "person"):
            self.context.set_selection([chosen[1]])

    def _selection_from_context(self) -> None:
        self.message.hide()
        if self._stale:
            return
        selection = self.context.selection
        if len(selection) == 1 and selection[0] in self._items:
            self._select_item(self._items[selection[0]])
        elif self.selected() and self.selected()[1] not in selection:  # type: ignore[index]
            self._select_item(None)

    def _update_actions(self) -> None:
        chosen = self.selected()
        kind = chosen[0] if chosen else None
        arch = self.context.arch
        self.add_subunit_action.setEnabled(kind == "unit")
        self.rename_action.setEnabled(kind in ("unit", "person"))
        self.move_action.setEnabled(kind in ("unit", "person"))
        self.delete_action.setEnabled(kind in ("unit", "person"))
        can_head = False
        if kind == "person":
            person = arch.people.get(chosen[1])  # type: ignore[index]
            can_head = person is not None and person.unit is not None
            if can_head:
                is_head = arch.units[person.unit].head == person.id  # type: ignore[union-attr,index]
                self.head_action.setText(
                    _t("Remove as head of unit") if is_head else _t("Make head of unit")
                )
        self.head_action.setEnabled(can_head)
        self._set_tooltip(self.head_action)

    @staticmethod
    def _set_tooltip(act: QAction) -> None:
        """The action's full name, and its shortcut if it has one."""
        key = act.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        act.setToolTip(f"{act.text()} ({key})" if key else act.text())

    # ------------------------------------------------------------------ edits
    def _current_unit(self) -> str | None:
        chosen = self.selected()
        if chosen is None:
            return None
        if chosen[0] == "unit":
            return chosen[1]
        if chosen[0] == "person":
            return self.context.arch.people[chosen[1]].unit
        return None

    def _start_rename(self, element_id: str) -> None:
        item = self._items.get(element_id)
        if item is not None:
            self._select_item(item)
            self.context.set_selection([element_id])
            self.tree.editItem(item, 0)

    def add_unit(self, parent: str | None = None) -> str | None:
        before = set(self.context.arch.units)
        if not run_op(self, self.context, ops.add_unit, _t("New unit"), parent or None):
            return None
        new = next(iter(set(self.context.arch.units) - before))
        self._start_rename(new)
        return new

    def add_subunit(self) -> str | None:
        chosen = self.selected()
        if not chosen or chosen[0] != "unit":
            return None
        return self.add_unit(chosen[1])

    def add_person(self) -> str | None:
        before = set(self.context.arch.people)
        if not run_op(self, self.context, ops.add_person, _t("New person"), self._current_unit()):
            return None
        new = next(iter(set(self.context.arch.people) - before))
        self._start_rename(new)
        return new

    def rename(self) -> None:
        chosen = self.selected()
        if chosen and chosen[0] in ("unit", "person"):
            self.tree.editItem(self._items[chosen[1]], 0)

    def _item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        if self._syncing or column != 0:
            return
        kind, ident = item.data(0, KIND_ROLE), item.data(0, ID_ROLE)
        text = item.text(0)
        arch = self.context.arch
        if kind == "unit" and arch.units[ident].name != text:
            ok = run_op(self, self.context, ops.rename_unit, ident, text)
        elif kind == "person" and arch.people[ident].name != text:
            ok = run_op(self, self.context, ops.rename_person, ident, text)
        else:
            return
        if not ok:
            QTimer.singleShot(0, self.rebuild)  # show the model's name again

    def move_to(self) -> None:
        chosen = self.selected()
        if not chosen or chosen[0] not in ("unit", "person"):
            return
        kind, ident = chosen
        arch = self.context.arch
        if kind == "unit":
            skip = {ident, *arch.unit_descendants(ident)}
            targets: list[str | None] = [None] + [u for u in arch.walk_units() if u not in skip]
            none_label = _t("(top level)")
            current = arch.units[ident].parent
        else:
            targets = [None, *arch.walk_units()]
            none_label = _t("(no unit)")
            current = arch.people[ident].unit
        labels = [
            none_label if t is None else "    " * len(arch.unit_ancestors(t)) + arch.units[t].name
            for t in targets
        ]
        index = dialogs.choose(
            self,
            _t("Move to…"),
            _t("Move '{name}' to:").format(name=self.tree.selectedItems()[0].text(0)),
            labels,
            targets.index(current) if current in targets else 0,
        )
        if index is None:
            return
        self._move(kind, ident, targets[index])

    def _move(self, kind: str, ident: str, unit: str | None) -> bool:
        arch = self.context.arch
        now = arch.units[ident].parent if kind == "unit" else arch.people[ident].unit
        if now == unit:
            name = arch.units[ident].name if kind == "unit" else arch.people[ident].name
            where = (
                arch.units[unit].name
                if unit
                else (_t("(top level)") if kind == "unit" else _t("(no unit)"))
            )
            self.say(
                _t("Nothing moved: '{name}' is already in '{unit}'.").format(name=name, unit=where)
            )
            return False
        if kind == "unit":
            return run_op(self, self.context, ops.move_unit, ident, unit)
        return run_op(self, self.context, ops.set_person_fields, ident, unit=unit)

    def say(self, text: str) -> None:
        """A short note under the toolbar, until the next selection or edit."""
        self.message.setText(text)
        self.message.show()

    def drop(self, ids: list[str], target: tuple[str, str] | None, on_item: bool) -> None:
        """Move dragged units and people onto *target* (a tree item's kind and id)."""
        arch = self.context.arch
        unit: str | None
        if target is None:
            unit = None
        elif target[0] == "unit":
            unit = target[1] if on_item else arch.units[target[1]].parent
        elif target[0] == "person":
            unit = arch.people[target[1]].unit
        else:
            unit = None
        for ident in ids:
            if ident in arch.units:
                self._move("unit", ident, unit)
            elif ident in arch.people:
                # a person dropped anywhere on a unit's row joins that unit
                into = target[1] if target is not None and target[0] == "unit" else unit
                self._move("person", ident, into)

    def toggle_head(self) -> None:
        chosen = self.selected()
        if not chosen or chosen[0] != "person":
            return
        person = self.context.arch.people[chosen[1]]
        if person.unit is None:
            return
        unit = self.context.arch.units[person.unit]
        new_head = None if unit.head == person.id else person.id
        run_op(self, self.context, ops.set_unit_head, unit.id, new_head)

    def delete(self) -> None:
        chosen = self.selected()
        if not chosen or chosen[0] not in ("unit", "person"):
            return
        kind, ident = chosen
        op = ops.delete_unit if kind == "unit" else ops.delete_person
        arch = self.context.arch
        name = arch.units[ident].name if kind == "unit" else arch.people[ident].name
        try:
            op(self.context.editor, ident)
            return
        except EditRefused:
            pass
        tr = self.context.catalogue()
        refs = [m.text(tr) for m in ops.describe_references(arch, ident)]
        shown = refs[:15]
        if len(refs) > len(shown):
            shown.append(_t("… and {n} more").format(n=len(refs) - len(shown)))
        text = (
            _t("'{name}' is still referred to:").format(name=name)
            + "\n\n"
            + "\n".join(f"• {r}" for r in shown)
            + "\n\n"
            + _t("Clear these references and delete it?")
        )
        if dialogs.confirm(self, _t("Delete"), text):
            run_op(self, self.context, op, ident, force=True)

    def _context_menu(self, pos) -> None:  # noqa: ANN001
        item = self.tree.itemAt(pos)
        if item is not None:
            self._select_item(item)
            if item.data(0, KIND_ROLE) in ("unit", "person"):
                self.context.set_selection([item.data(0, ID_ROLE)])
        menu = QMenu(self)
        menu.addAction(self.add_unit_action)
        menu.addAction(self.add_subunit_action)
        menu.addAction(self.add_person_action)
        menu.addSeparator()
        menu.addAction(self.rename_action)
        menu.addAction(self.move_action)
        menu.addAction(self.head_action)
        menu.addSeparator()
        menu.addAction(self.delete_action)
        menu.exec(self.tree.viewport().mapToGlobal(pos))
