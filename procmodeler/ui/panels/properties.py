"""The properties panel: every field of the selected process (with its KPI table and
its relations), relation, unit or person. A field commits once per edit (Enter,
focus-out or a pick), as one operation and one undo entry; a refresh after any edit,
undo or redo shows the model's values without disturbing a field the user is typing
in unless that field's value changed elsewhere."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from procmodeler.edit import operations as ops
from procmodeler.model.elements import PROCESS_KINDS, PROCESS_STATUSES, RELATION_KINDS
from procmodeler.model.events import Committed
from procmodeler.notation.style import kind_style, relation_style
from procmodeler.ui.context import EditorContext
from procmodeler.ui.panels._common import (
    CommitLineEdit,
    CommitTextEdit,
    SearchCombo,
    _t,
    element_name,
    level_name,
    process_kind_labels,
    process_path,
    relation_kind_labels,
    run_op,
    status_labels,
)
from procmodeler.ui.panels.kpis import KpiTable


def split_objects(text: str) -> tuple[str, ...]:
    """'Order; Invoice' -> ('Order', 'Invoice') (semicolons or new lines separate)."""
    parts = text.replace("\n", ";").split(";")
    return tuple(p.strip() for p in parts if p.strip())


def join_objects(objects: tuple[str, ...]) -> str:
    return "; ".join(objects)


def _section(title: str) -> QLabel:
    label = QLabel(title)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    label.setContentsMargins(0, 10, 0, 2)
    label.setWordWrap(True)  # wraps beside buttons in a narrow panel instead of widening it
    return label


def _form() -> QFormLayout:
    form = QFormLayout()
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    form.setHorizontalSpacing(8)
    form.setVerticalSpacing(5)
    return form


class _Header(QFrame):
    """The coloured title line of a page: a kind chip, the name and the id."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("propertiesHeader")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        self.chip = QLabel()
        self.chip.setObjectName("chip")
        self.title = QLabel()
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)  # a long name wraps instead of widening the panel
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.ident = QLabel()
        self.ident.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.ident.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.chip)
        layout.addWidget(self.title, 1)
        layout.addWidget(self.ident)

    def show_element(self, chip: str, title: str, ident: str, fill: str, stroke: str) -> None:
        self.chip.setText(chip)
        self.chip.setStyleSheet(
            f"QLabel#chip {{ background: {stroke}; color: white; border-radius: 3px;"
            " padding: 1px 6px; font-weight: bold; }"
        )
        self.setStyleSheet(
            f"QFrame#propertiesHeader {{ background: {fill}; border-left: 4px solid {stroke};"
            " border-radius: 3px; }"
        )
        self.title.setText(title)
        self.ident.setText(ident)


def _people_choices(context: EditorContext) -> list[tuple[str, str | None]]:
    arch = context.arch
    out = []
    for person_id, person in sorted(arch.people.items(), key=lambda kv: kv[1].name.casefold()):
        unit = arch.units.get(person.unit) if person.unit else None
        label = f"{person.name} — {unit.name}" if unit else person.name
        out.append((label, person_id))
    return out


def _unit_choices(
    context: EditorContext, exclude: str | None = None
) -> list[tuple[str, str | None]]:
    arch = context.arch
    skip: set[str] = set()
    if exclude is not None and exclude in arch.units:
        skip = {exclude, *arch.unit_descendants(exclude)}
    out = []
    for uid in arch.walk_units():
        if uid in skip:
            continue
        depth = len(arch.unit_ancestors(uid))
        out.append(("    " * depth + arch.units[uid].name, uid))
    return out


def _process_choices(context: EditorContext) -> list[tuple[str, str | None]]:
    arch = context.arch
    return [(process_path(arch, pid), pid) for pid in arch.walk()]


# ---------------------------------------------------------------------- process page
class ProcessPage(QWidget):
    def __init__(self, context: EditorContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.pid: str | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.header = _Header()
        layout.addWidget(self.header)

        form = _form()
        self.name = CommitLineEdit()
        self.name.setObjectName("processName")
        self.kind = QComboBox()
        self.kind.setObjectName("processKind")
        for key in PROCESS_KINDS:
            self.kind.addItem(process_kind_labels()[key], key)
        self.status = QComboBox()
        self.status.setObjectName("processStatus")
        for key in PROCESS_STATUSES:
            self.status.addItem(status_labels()[key], key)
        self.owner = SearchCombo(_t("(no owner)"))
        self.owner.setObjectName("processOwner")
        self.leader = SearchCombo(_t("(no leader)"))
        self.leader.setObjectName("processLeader")
        self.customer = CommitLineEdit()
        self.customer.setObjectName("processCustomer")
        self.need = CommitLineEdit()
        self.need.setObjectName("processNeed")
        self.result = CommitLineEdit()
        self.result.setObjectName("processResult")
        self.result.setPlaceholderText(_t("The satisfied need"))
        self.purpose = CommitTextEdit()
        self.purpose.setObjectName("processPurpose")
        self.purpose.setFixedHeight(64)
        self.objects_in = CommitLineEdit()
        self.objects_in.setObjectName("processObjectsIn")
        self.objects_in.setPlaceholderText(_t("Separate objects with ;"))
        self.objects_out = CommitLineEdit()
        self.objects_out.setObjectName("processObjectsOut")
        self.objects_out.setPlaceholderText(_t("Separate objects with ;"))

        form.addRow(_t("Name"), self.name)
        form.addRow(_t("Kind"), self.kind)
        form.addRow(_t("Status"), self.status)
        form.addRow(_t("Owner"), self.owner)
        form.addRow(_t("Leader"), self.leader)
        form.addRow(_t("Purpose"), self.purpose)
        form.addRow(_t("Customer"), self.customer)
        form.addRow(_t("Need"), self.need)
        form.addRow(_t("Result"), self.result)
        form.addRow(_t("Objects in"), self.objects_in)
        form.addRow(_t("Objects out"), self.objects_out)
        layout.addLayout(form)

        kpi_bar = QHBoxLayout()
        kpi_bar.addWidget(_section(_t("Flow and effect (KPIs)")))
        kpi_bar.addStretch(1)
        self.add_kpi_button = QToolButton()
        self.add_kpi_button.setObjectName("addKpi")
        self.add_kpi_button.setText(_t("Add KPI"))
        self.add_kpi_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.delete_kpi_button = QToolButton()
        self.delete_kpi_button.setObjectName("deleteKpi")
        self.delete_kpi_button.setText(_t("Delete KPI"))
        kpi_bar.addWidget(self.add_kpi_button)
        kpi_bar.addWidget(self.delete_kpi_button)
        layout.addLayout(kpi_bar)
        self.kpis = KpiTable(context)
        layout.addWidget(self.kpis)

        layout.addWidget(_section(_t("Relations")))
        self.relations = QTreeWidget()
        self.relations.setObjectName("processRelations")
        self.relations.setRootIsDecorated(False)
        self.relations.setHeaderLabels([_t("Other process"), _t("Kind"), _t("Level")])
        self.relations.setAlternatingRowColors(True)
        self.relations.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.relations.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.relations.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.relations.header().setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.relations.header().setStretchLastSection(False)
        self.relations.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.relations.setToolTip(_t("Double-click to show the other process"))
        layout.addWidget(self.relations)
        layout.addStretch(1)

        # user edits -> operations
        self.name.commit.connect(lambda text: self._set(name=text))
        self.customer.commit.connect(lambda text: self._set(customer=text))
        self.need.commit.connect(lambda text: self._set(need=text))
        self.result.commit.connect(lambda text: self._set(result=text))
        self.purpose.commit.connect(lambda text: self._set(purpose=text))
        self.objects_in.commit.connect(lambda text: self._set(objects_in=split_objects(text)))
        self.objects_out.commit.connect(lambda text: self._set(objects_out=split_objects(text)))
        self.kind.activated.connect(lambda _i: self._set(kind=self.kind.currentData()))
        self.status.activated.connect(lambda _i: self._set(status=self.status.currentData()))
        self.owner.picked.connect(self._set_owner)
        self.leader.picked.connect(self._set_leader)
        self.add_kpi_button.clicked.connect(self.add_kpi)
        self.delete_kpi_button.clicked.connect(self.delete_kpi)
        self.relations.itemDoubleClicked.connect(self._reveal_relation)

    # ------------------------------------------------------------------ edits
    def _set(self, **fields: object) -> None:
        if self.pid is None:
            return
        if not run_op(self, self.context, ops.set_process_fields, self.pid, **fields):
            self.refresh()  # show the model's value again

    def _set_owner(self, person_id: str | None) -> None:
        if self.pid is not None and not run_op(
            self, self.context, ops.set_owner, self.pid, person_id
        ):
            self.refresh()

    def _set_leader(self, person_id: str | None) -> None:
        if self.pid is not None and not run_op(
            self, self.context, ops.set_leader, self.pid, person_id
        ):
            self.refresh()

    def add_kpi(self) -> str | None:
        if self.pid is None:
            return None
        arch = self.context.arch
        existing = {arch.kpis[k].name for k in arch.kpis_of(self.pid)}
        name = _t("New KPI")
        n = 2
        while name in existing:
            name = _t("New KPI {n}").format(n=n)
            n += 1
        before = set(arch.kpis)
        if not run_op(self, self.context, ops.add_kpi, self.pid, name):
            return None
        new = next(iter(set(self.context.arch.kpis) - before), None)
        if new is not None:
            self.kpis.select_kpi(new)
            self.kpis.setFocus()
            self.kpis.edit(self.kpis.currentIndex())
        return new

    def delete_kpi(self) -> None:
        kid = self.kpis.selected_kpi()
        if kid is not None:
            run_op(self, self.context, ops.delete_kpi, kid)

    def _reveal_relation(self, item: QTreeWidgetItem) -> None:
        other = item.data(1, Qt.ItemDataRole.UserRole)
        if other:
            self.context.reveal(other)

    # ------------------------------------------------------------------ refresh
    def show_process(self, pid: str) -> None:
        changed = pid != self.pid
        self.pid = pid
        if changed:
            self.kpis.kpi_model.set_process(pid)
        self.refresh()

    def refresh(self) -> None:
        arch = self.context.arch
        proc = arch.processes.get(self.pid) if self.pid else None
        if proc is None:
            return
        style = kind_style(proc.kind)
        self.header.show_element(
            process_kind_labels()[proc.kind], proc.name, proc.id, style.band_fill, style.stroke
        )
        self.name.set_value(proc.name)
        self.customer.set_value(proc.customer)
        self.need.set_value(proc.need)
        self.result.set_value(proc.result)
        self.purpose.set_value(proc.purpose)
        self.objects_in.set_value(join_objects(proc.objects_in))
        self.objects_out.set_value(join_objects(proc.objects_out))
        self.kind.setCurrentIndex(self.kind.findData(proc.kind))
        self.status.setCurrentIndex(self.status.findData(proc.status))
        people = _people_choices(self.context)
        self.owner.set_choices(people, proc.owner)
        self.leader.set_choices(people, proc.leader)
        self.kpis.kpi_model.refresh()
        self.delete_kpi_button.setEnabled(bool(arch.kpis_of(proc.id)))
        self._refresh_relations()

    def _refresh_relations(self) -> None:
        arch = self.context.arch
        assert self.pid is not None
        proc = arch.processes[self.pid]
        labels = relation_kind_labels()
        self.relations.clear()
        for rid in arch.relations_of(self.pid):
            rel = arch.relations[rid]
            outgoing = rel.source == self.pid
            other = rel.target if outgoing else rel.source
            other_proc = arch.processes.get(other)
            if other_proc is None:
                continue
            arrow = "→" if outgoing else "←"
            kind = labels.get(rel.kind, rel.kind)
            item = QTreeWidgetItem([f"{arrow} {other_proc.name}", kind, ""])
            item.setData(1, Qt.ItemDataRole.UserRole, other)
            item.setData(0, Qt.ItemDataRole.UserRole, rid)
            item.setForeground(1, QColor(relation_style(rel.kind).colour))
            tip = f"{kind}: {rel.object}" if rel.object else kind
            item.setToolTip(0, f"{arrow} {other_proc.name}\n{tip}")
            item.setToolTip(1, tip)
            if other_proc.parent != proc.parent:
                item.setText(2, level_name(arch, other_proc.parent))
                font = item.font(2)
                font.setItalic(True)
                item.setFont(2, font)
                item.setToolTip(2, _t("On another level"))
            else:
                item.setText(2, _t("Same level"))
                item.setForeground(2, self.palette().color(QPalette.ColorRole.PlaceholderText))
            self.relations.addTopLevelItem(item)
        if not self.relations.topLevelItemCount():
            item = QTreeWidgetItem([_t("No relations"), "", ""])
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.relations.addTopLevelItem(item)
        rows = min(10, max(2, self.relations.topLevelItemCount()))
        row_h = max(20, self.relations.sizeHintForRow(0))
        header_h = self.relations.header().sizeHint().height()
        self.relations.setFixedHeight(header_h + rows * row_h + 2 * self.relations.frameWidth() + 4)


# ---------------------------------------------------------------------- relation page
class RelationPage(QWidget):
    def __init__(self, context: EditorContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.rid: str | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.header = _Header()
        layout.addWidget(self.header)
        form = _form()
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
        self.source.picked.connect(lambda pid: pid and self._set(source=pid))
        self.target.picked.connect(lambda pid: pid and self._set(target=pid))

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
        choices = _process_choices(self.context)
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
        self.header = _Header()
        layout.addWidget(self.header)
        form = _form()
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
        self.parent_unit.set_choices(_unit_choices(self.context, exclude=unit.id), unit.parent)
        self.head.set_choices(_people_choices(self.context), unit.head)
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
        self.header = _Header()
        layout.addWidget(self.header)
        form = _form()
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
        self.unit.set_choices(_unit_choices(self.context), person.unit)
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
class PropertiesPanel(QScrollArea):
    """Shows and edits the selected element of the context."""

    def __init__(self, context: EditorContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("propertiesPanel")
        self.context = context
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.stack = QStackedWidget()
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
        for page in (
            self.empty,
            self.process_page,
            self.relation_page,
            self.unit_page,
            self.person_page,
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

    def current_page(self) -> QWidget:
        return self.stack.currentWidget()

    def show_selection(self) -> None:
        arch = self.context.arch
        selection = self.context.selection
        if len(selection) > 1:
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

    def _on_committed(self, _event: Committed) -> None:
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
        ):
            self.show_selection()
        elif hasattr(page, "refresh"):
            page.refresh()
