"""The process page of the properties panel: every field of a process, its KPI table
and its relations; each field commits as one operation (one undo entry)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from procmodeler.edit import operations as ops
from procmodeler.model.elements import PROCESS_KINDS, PROCESS_STATUSES
from procmodeler.notation.style import kind_style, relation_style
from procmodeler.ui.context import EditorContext
from procmodeler.ui.panels._common import (
    CommitLineEdit,
    CommitTextEdit,
    SearchCombo,
    _t,
    level_name,
    run_op,
)
from procmodeler.ui.panels.kpis import KpiTable
from procmodeler.ui.panels.pageparts import (
    PageHeader,
    form_layout,
    join_objects,
    people_choices,
    section,
    split_objects,
)
from procmodeler.ui.words import process_kind_labels, relation_kind_labels, status_labels


# ---------------------------------------------------------------------- process page
class ProcessPage(QWidget):
    def __init__(self, context: EditorContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.pid: str | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.header = PageHeader()
        layout.addWidget(self.header)
        layout.addLayout(self._build_form())
        self._build_kpis(layout)
        from procmodeler.ui.strategy.processpart import ProcessStrategy  # it uses the panels

        self.strategy = ProcessStrategy(context)  # establishment, review, objectives
        layout.addWidget(self.strategy)
        self._build_relations(layout)
        layout.addStretch(1)
        self._connect_edits()

    def _build_form(self) -> QFormLayout:
        form = form_layout()
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
        return form

    def _build_kpis(self, layout: QVBoxLayout) -> None:
        # the title on its line, the buttons on theirs: side by side with the title they
        # made a laptop's panel scroll sideways
        layout.addWidget(section(_t("Flow and effect (KPIs)")))
        kpi_bar = QHBoxLayout()
        self.add_kpi_button = QToolButton()
        self.add_kpi_button.setObjectName("addKpi")
        self.add_kpi_button.setText(_t("Add KPI"))
        self.add_kpi_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.add_kpi_button.setToolTip(_t("Add a KPI to the process"))
        self.delete_kpi_button = QToolButton()
        self.delete_kpi_button.setObjectName("deleteKpi")
        self.delete_kpi_button.setText(_t("Delete KPI"))
        self.delete_kpi_button.setToolTip(_t("Delete the chosen KPI"))
        kpi_bar.addWidget(self.add_kpi_button)
        kpi_bar.addWidget(self.delete_kpi_button)
        kpi_bar.addStretch(1)
        layout.addLayout(kpi_bar)
        self.kpis = KpiTable(self.context)
        layout.addWidget(self.kpis)

    def _build_relations(self, layout: QVBoxLayout) -> None:
        layout.addWidget(section(_t("Relations")))
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

    def _connect_edits(self) -> None:
        """User edits -> operations."""
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
        people = people_choices(self.context)
        self.owner.set_choices(people, proc.owner)
        self.leader.set_choices(people, proc.leader)
        self.kpis.kpi_model.refresh()
        self.delete_kpi_button.setEnabled(bool(arch.kpis_of(proc.id)))
        self._refresh_relations()
        self.strategy.show_process(proc.id)

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
