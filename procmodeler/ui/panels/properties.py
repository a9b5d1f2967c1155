"""The properties panel: every field of the selected process (with its KPI table and
its relations), relation, unit or person. A field commits once per edit (Enter,
focus-out or a pick), as one operation and one undo entry; a refresh after any edit,
undo or redo shows the model's values without disturbing a field the user is typing
in unless that field's value changed elsewhere."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from procmodeler.edit import operations as ops
from procmodeler.model.elements import RELATION_KINDS
from procmodeler.model.events import Committed
from procmodeler.notation.style import relation_style
from procmodeler.ui.context import EditorContext
from procmodeler.ui.panels._common import (
    CommitLineEdit,
    SearchCombo,
    _t,
    element_name,
    level_name,
    run_op,
)
from procmodeler.ui.panels.bulkpage import BulkPage
from procmodeler.ui.panels.pageparts import (
    PageHeader,
    form_layout,
    people_choices,
    process_choices,
    split_objects,
    unit_choices,
)
from procmodeler.ui.panels.processpage import ProcessPage
from procmodeler.ui.words import relation_kind_labels

__all__ = ["PropertiesPanel", "split_objects"]


# ---------------------------------------------------------------------- relation page
class RelationPage(QWidget):
    def __init__(self, context: EditorContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.rid: str | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.header = PageHeader()
        layout.addWidget(self.header)
        form = form_layout()
        self.kind = QComboBox()
        self.kind.setObjectName("relationKind")
        for key in RELATION_KINDS:
            self.kind.addItem(relation_kind_labels()[key], key)
        self.object = CommitLineEdit()
        self.object.setObjectName("relationObject")
        self.object.setPlaceholderText(_t("What flows (shown on flow arrows)"))
        self.source = SearchCombo()
        self.source.setObjectName("relationSource")
        self.target = SearchCombo()
        self.target.setObjectName("relationTarget")
        self.levels = QLabel()
        self.levels.setWordWrap(True)
        form.addRow(_t("Kind"), self.kind)
        form.addRow(_t("Object"), self.object)
        form.addRow(_t("From"), self.source)
        form.addRow(_t("To"), self.target)
        form.addRow(_t("Levels"), self.levels)
        layout.addLayout(form)
        layout.addStretch(1)
        self.kind.activated.connect(lambda _i: self._set(kind=self.kind.currentData()))
        self.object.commit.connect(lambda text: self._set(object=text))
        self.source.picked.connect(self._set_source)
        self.target.picked.connect(self._set_target)

    def _set_source(self, pid: str) -> None:
        if pid:
            self._set(source=pid)

    def _set_target(self, pid: str) -> None:
        if pid:
            self._set(target=pid)

    def _set(self, **fields: str) -> None:
        if self.rid is not None and not run_op(
            self, self.context, ops.set_relation, self.rid, **fields
        ):
            self.refresh()

    def show_relation(self, rid: str) -> None:
        self.rid = rid
        self.refresh()

    def refresh(self) -> None:
        arch = self.context.arch
        rel = arch.relations.get(self.rid) if self.rid else None
        if rel is None:
            return
        style = relation_style(rel.kind)
        self.header.show_element(
            relation_kind_labels()[rel.kind],
            element_name(arch, rel.id),
            rel.id,
            "#f4f6f8",
            style.colour,
        )
        self.kind.setCurrentIndex(self.kind.findData(rel.kind))
        self.object.set_value(rel.object)
        choices = process_choices(self.context)
        self.source.set_choices(choices, rel.source)
        self.target.set_choices(choices, rel.target)
        src, tgt = arch.processes.get(rel.source), arch.processes.get(rel.target)
        if src and tgt and src.parent == tgt.parent:
            self.levels.setText(_t("Both on: {level}").format(level=level_name(arch, src.parent)))
        elif src and tgt:
            self.levels.setText(
                _t("From {a} to {b} (shown as markers)").format(
                    a=level_name(arch, src.parent), b=level_name(arch, tgt.parent)
                )
            )


# ---------------------------------------------------------------------- unit page
class UnitPage(QWidget):
    def __init__(self, context: EditorContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.uid: str | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.header = PageHeader()
        layout.addWidget(self.header)
        form = form_layout()
        self.name = CommitLineEdit()
        self.name.setObjectName("unitName")
        self.parent_unit = SearchCombo(_t("(top level)"))
        self.parent_unit.setObjectName("unitParent")
        self.head = SearchCombo(_t("(no head)"))
        self.head.setObjectName("unitHead")
        self.members = QLabel()
        self.members.setWordWrap(True)
        self.processes = QLabel()
        self.processes.setWordWrap(True)
        form.addRow(_t("Name"), self.name)
        form.addRow(_t("Part of"), self.parent_unit)
        form.addRow(_t("Head"), self.head)
        form.addRow(_t("Members"), self.members)
        form.addRow(_t("Takes part in"), self.processes)
        layout.addLayout(form)
        layout.addStretch(1)
        self.name.commit.connect(self._rename)
        self.parent_unit.picked.connect(self._move)
        self.head.picked.connect(self._head)

    def _rename(self, text: str) -> None:
        if self.uid and not run_op(self, self.context, ops.rename_unit, self.uid, text):
            self.refresh()

    def _move(self, parent: str | None) -> None:
        if self.uid and not run_op(self, self.context, ops.move_unit, self.uid, parent):
            self.refresh()

    def _head(self, person_id: str | None) -> None:
        if self.uid and not run_op(self, self.context, ops.set_unit_head, self.uid, person_id):
            self.refresh()

    def show_unit(self, uid: str) -> None:
        self.uid = uid
        self.refresh()

    def refresh(self) -> None:
        arch = self.context.arch
        unit = arch.units.get(self.uid) if self.uid else None
        if unit is None:
            return
        self.header.show_element(_t("Unit"), unit.name, unit.id, "#eef1f5", "#5f6b7a")
        self.name.set_value(unit.name)
        self.parent_unit.set_choices(unit_choices(self.context, exclude=unit.id), unit.parent)
        self.head.set_choices(people_choices(self.context), unit.head)
        names = [arch.people[p].name for p in arch.people_in(unit.id)]
        self.members.setText(", ".join(names) if names else _t("None"))
        rows = [
            f"{arch.processes[pid].name} ({letters or '–'})"
            for (pid, uid), letters in arch.participation.items()
            if uid == unit.id and pid in arch.processes
        ]
        self.processes.setText(", ".join(rows) if rows else _t("None"))


# ---------------------------------------------------------------------- person page
class PersonPage(QWidget):
    def __init__(self, context: EditorContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.person_id: str | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.header = PageHeader()
        layout.addWidget(self.header)
        form = form_layout()
        self.name = CommitLineEdit()
        self.name.setObjectName("personName")
        self.title = CommitLineEdit()
        self.title.setObjectName("personTitle")
        self.unit = SearchCombo(_t("(no unit)"))
        self.unit.setObjectName("personUnit")
        self.roles = QLabel()
        self.roles.setWordWrap(True)
        form.addRow(_t("Name"), self.name)
        form.addRow(_t("Title"), self.title)
        form.addRow(_t("Unit"), self.unit)
        form.addRow(_t("Roles"), self.roles)
        layout.addLayout(form)
        layout.addStretch(1)
        self.name.commit.connect(lambda text: self._set(name=text))
        self.title.commit.connect(lambda text: self._set(title=text))
        self.unit.picked.connect(lambda uid: self._set(unit=uid))

    def _set(self, **fields: object) -> None:
        if self.person_id and not run_op(
            self, self.context, ops.set_person_fields, self.person_id, **fields
        ):
            self.refresh()

    def show_person(self, person_id: str) -> None:
        self.person_id = person_id
        self.refresh()

    def refresh(self) -> None:
        arch = self.context.arch
        person = arch.people.get(self.person_id) if self.person_id else None
        if person is None:
            return
        self.header.show_element(_t("Person"), person.name, person.id, "#eef1f5", "#5f6b7a")
        self.name.set_value(person.name)
        self.title.set_value(person.title)
        self.unit.set_choices(unit_choices(self.context), person.unit)
        roles = []
        for collection, key, field in arch.references_to(person.id):
            if collection == "processes" and field == "owner":
                roles.append(_t("Owner of {name}").format(name=arch.processes[key].name))
            elif collection == "processes" and field == "leader":
                roles.append(_t("Leader of {name}").format(name=arch.processes[key].name))
            elif collection == "units" and field == "head":
                roles.append(_t("Head of {name}").format(name=arch.units[key].name))
        self.roles.setText("\n".join(roles) if roles else _t("None"))


# ---------------------------------------------------------------------- the panel
class _Pages(QWidget):
    """One page shown at a time, as a QStackedWidget, but as tall as the page shown: a
    stack is as tall as its tallest page, so a short page (a unit, or the hint when
    nothing is selected) sat at the top of a long empty scroll, the hint below the end
    of a short panel."""

    def __init__(self) -> None:
        super().__init__()
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._current: QWidget | None = None

    def addWidget(self, page: QWidget) -> None:  # noqa: N802 - QStackedWidget's name
        self._layout.addWidget(page)  # a child of this widget first, then shown or not
        page.setVisible(self._current is None)
        self._current = self._current or page

    def currentWidget(self) -> QWidget | None:  # noqa: N802 - QStackedWidget's name
        return self._current

    def setCurrentWidget(self, page: QWidget) -> None:  # noqa: N802 - QStackedWidget's name
        if page is self._current:
            return
        if self._current is not None:
            self._current.hide()
        self._current = page
        page.show()


class PropertiesPanel(QScrollArea):
    """Shows and edits the selected element of the context."""

    def __init__(self, context: EditorContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("propertiesPanel")
        self.context = context
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.stack = _Pages()
        self.stack.setContentsMargins(8, 8, 8, 8)
        self.empty = QLabel(
            _t("Select a process, relation, unit or person to see and edit its properties.")
        )
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.empty.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.process_page = ProcessPage(context)
        self.relation_page = RelationPage(context)
        self.unit_page = UnitPage(context)
        self.person_page = PersonPage(context)
        self.bulk_page = BulkPage(context)
        for page in (
            self.empty,
            self.process_page,
            self.relation_page,
            self.unit_page,
            self.person_page,
            self.bulk_page,
        ):
            self.stack.addWidget(page)
        inner = QWidget()
        inner_layout = QVBoxLayout(inner)
        inner_layout.setContentsMargins(8, 8, 8, 8)
        inner_layout.addWidget(self.stack)
        self.setWidget(inner)
        self.setMinimumWidth(300)
        big = QFont(self.empty.font())
        self.empty.setFont(big)
        context.selectionChanged.connect(self.show_selection)
        context.committed.connect(self._on_committed)
        context.documentReplaced.connect(self.show_selection)
        self.show_selection()

    def current_page(self) -> QWidget | None:
        return self.stack.currentWidget()

    def show_selection(self) -> None:
        arch = self.context.arch
        selection = self.context.selection
        if len(selection) > 1:
            if all(i in arch.processes for i in selection) or all(
                i in arch.relations for i in selection
            ):
                self.bulk_page.show_elements(selection, selection[0] in arch.processes)
                self.stack.setCurrentWidget(self.bulk_page)
                return
            self.empty.setText(_t("{n} elements selected.").format(n=len(selection)))
            self.stack.setCurrentWidget(self.empty)
            return
        element = selection[0] if selection else None
        if element in arch.processes:
            self.process_page.show_process(element)
            self.stack.setCurrentWidget(self.process_page)
        elif element in arch.relations:
            self.relation_page.show_relation(element)
            self.stack.setCurrentWidget(self.relation_page)
        elif element in arch.units:
            self.unit_page.show_unit(element)
            self.stack.setCurrentWidget(self.unit_page)
        elif element in arch.people:
            self.person_page.show_person(element)
            self.stack.setCurrentWidget(self.person_page)
        elif element in arch.kpis:
            self.process_page.show_process(arch.kpis[element].process)
            self.process_page.kpis.select_kpi(element)
            self.stack.setCurrentWidget(self.process_page)
        else:
            self.empty.setText(
                _t("Select a process, relation, unit or person to see and edit its properties.")
            )
            self.stack.setCurrentWidget(self.empty)

    def _on_committed(self, event: Committed) -> None:
        if not self.context.impact(event).elements:
            return  # geometry or rule settings only: nothing shown here changed
        page = self.stack.currentWidget()
        arch = self.context.arch
        if (
            page is self.process_page
            and self.process_page.pid not in arch.processes
            or page is self.relation_page
            and self.relation_page.rid not in arch.relations
            or page is self.unit_page
            and self.unit_page.uid not in arch.units
            or page is self.person_page
            and self.person_page.person_id not in arch.people
            or page is self.bulk_page
            and not set(self.bulk_page.ids) <= (arch.processes.keys() | arch.relations.keys())
        ):
            self.show_selection()
        elif hasattr(page, "refresh"):
            page.refresh()
