"""The strategy part of a process's properties: its establishment level and next review
(editable), the objectives it contributes to and its improvements (a double-click leads
to them)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from procmodeler.analysis.attention import is_overdue
from procmodeler.edit import operations as ops
from procmodeler.model.elements import ESTABLISHMENT_LEVELS
from procmodeler.ui.context import EditorContext
from procmodeler.ui.panels._common import CommitLineEdit, run_op
from procmodeler.ui.panels.pageparts import form_layout, section
from procmodeler.ui.strategy.common import OVERDUE, levels, statuses, today

ID_ROLE = Qt.ItemDataRole.UserRole + 1


def _list(name: str, headers: list[str]) -> QTreeWidget:
    tree = QTreeWidget()
    tree.setObjectName(name)
    tree.setRootIsDecorated(False)
    tree.setHeaderLabels(headers)
    tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    tree.header().setStretchLastSection(False)
    for col in range(1, len(headers)):
        tree.header().setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
    return tree


class ProcessStrategy(QWidget):
    """Establishment, next review, objectives and improvements of one process."""

    def __init__(self, context: EditorContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.pid: str | None = None
        tr = context.catalogue()
        self.established = QComboBox(self)
        self.established.setObjectName("processEstablished")
        self.established.addItem(tr("(not assessed)"), None)
        for key, word in levels(tr).items():
            self.established.addItem(word, key)
        self.next_review = CommitLineEdit(self)
        self.next_review.setObjectName("processNextReview")
        self.next_review.setPlaceholderText(tr("YYYY-MM-DD"))
        self.objectives = _list("processObjectives", [tr("Objective"), tr("Contribution")])
        self.objectives.setToolTip(tr("Double-click to show the objective"))
        head = self.objectives.header()  # the objective first; a long note is cut
        head.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        head.resizeSection(0, 190)
        head.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.improvements = _list(
            "processImprovements", [tr("Improvement"), tr("Status"), tr("Due")]
        )
        self.improvements.setToolTip(tr("Double-click to show it on the improvements board"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(section(tr("Strategy and improvement")))
        form = form_layout()
        form.addRow(tr("Establishment"), self.established)
        form.addRow(tr("Next review"), self.next_review)
        layout.addLayout(form)
        layout.addWidget(section(tr("Contributes to objectives")))
        layout.addWidget(self.objectives)
        layout.addWidget(section(tr("Improvements")))
        layout.addWidget(self.improvements)
        self.established.activated.connect(self._set_established)
        self.next_review.commit.connect(self._set_next_review)
        self.objectives.itemDoubleClicked.connect(self._show)
        self.improvements.itemDoubleClicked.connect(self._show)

    def show_process(self, pid: str) -> None:
        self.pid = pid
        self.refresh()

    def refresh(self) -> None:
        arch = self.context.arch
        proc = arch.processes.get(self.pid) if self.pid else None
        if proc is None:
            return
        tr = self.context.catalogue()
        day = today()
        self.established.setCurrentIndex(max(0, self.established.findData(proc.established)))
        self.next_review.set_value(proc.next_review or "")
        late = proc.next_review is not None and proc.next_review < day
        self.next_review.setStyleSheet(f"color: {OVERDUE};" if late else "")
        self.next_review.setToolTip(tr("The review is overdue") if late else "")
        self.objectives.clear()
        for oid, note in arch.contributions_of(proc.id).items():
            item = QTreeWidgetItem([arch.objectives[oid].name, note])
            item.setData(0, ID_ROLE, oid)
            item.setToolTip(0, arch.objectives[oid].name)
            item.setToolTip(1, note)
            self.objectives.addTopLevelItem(item)
        words = statuses(tr)
        self.improvements.clear()
        # its own, then those of its sub-processes (they answer its concerns too, as What
        # to act on counts them), each named with the sub-process it is on
        for owner in (proc.id, *arch.descendants(proc.id)):
            for iid in arch.improvements_of(owner):
                imp = arch.improvements[iid]
                title = imp.title
                if owner != proc.id:
                    where = arch.processes[owner].name
                    title = tr("{title} (sub-process '{process}')").format(
                        title=imp.title, process=where
                    )
                item = QTreeWidgetItem([title, words[imp.status], imp.due or ""])
                item.setData(0, ID_ROLE, iid)
                item.setToolTip(0, title)
                if is_overdue(arch, iid, day):
                    for col in range(3):
                        item.setForeground(col, QColor(OVERDUE))
                    item.setToolTip(2, tr("Overdue since {date}").format(date=imp.due))
                self.improvements.addTopLevelItem(item)
        for tree, empty in (
            (self.objectives, tr("Contributes to no objective")),
            (self.improvements, tr("No improvements")),
        ):
            if not tree.topLevelItemCount():
                item = QTreeWidgetItem([empty])
                item.setFlags(Qt.ItemFlag.NoItemFlags)
                tree.addTopLevelItem(item)
            rows = min(6, tree.topLevelItemCount())
            row_h = max(20, tree.sizeHintForRow(0))
            tree.setFixedHeight(tree.header().sizeHint().height() + rows * row_h + 8)

    def _set_established(self, _index: int) -> None:
        if self.pid is not None:
            level = self.established.currentData()
            assert level is None or level in ESTABLISHMENT_LEVELS
            run_op(self, self.context, ops.set_established, self.pid, level)

    def _set_next_review(self, text: str) -> None:
        if self.pid is not None and not run_op(
            self, self.context, ops.set_next_review, self.pid, text.strip() or None
        ):
            self.refresh()

    def _show(self, item: QTreeWidgetItem) -> None:
        ident = item.data(0, ID_ROLE)
        if ident:
            self.context.reveal(str(ident))  # its panel comes to the front (DockRaiser)
