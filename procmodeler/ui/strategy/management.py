"""The management view: one screen that answers "what should we act on?". Processes
with a KPI concern or a target they cannot meet, without and with an improvement under
way; objectives that no process serves or no KPI measures; overdue improvements and
reviews (``analysis/attention.py``). Each line leads to its element (double-click or
Enter); an improvement can be added to a process from its concern."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from procmodeler.analysis.attention import Attention, Concern, attention
from procmodeler.common.i18n import Translator
from procmodeler.edit import operations as ops
from procmodeler.model.architecture import Architecture
from procmodeler.model.events import Committed
from procmodeler.ui.context import EditorContext
from procmodeler.ui.panels._common import dialogs, process_path, run_op
from procmodeler.ui.panels.filling import FilledWhenShown
from procmodeler.ui.strategy.common import (
    Analyses,
    state_words,
    statuses,
    today,
)

ELEMENT_ROLE = Qt.ItemDataRole.UserRole + 1  # the element a line leads to
CONCERN_ROLE = Qt.ItemDataRole.UserRole + 2  # the process of a concern line
#: one line: (element id, text, why, process of a concern or None)
Row = tuple[str, str, str, str | None]
SECTIONS = ("unanswered", "answered", "unserved", "unmeasured", "improvements", "reviews")


#: the share of the tree's width that "What to act on" gets (the rest is "Why"), and
#: the least it gets
FIRST_SHARE = 0.55
FIRST_MIN_WIDTH = 120


class HeadingDelegate(QStyledItemDelegate):
    """A section heading too long for the panel wraps to a second line, so that its
    end (the Swedish "utan" / "med planerat eller pågående förbättringsarbete", which
    tells the first two sections apart) and its count stay in sight."""

    def initStyleOption(  # noqa: N802 - Qt name
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        if not index.parent().isValid():
            option.features |= QStyleOptionViewItem.ViewItemFeature.WrapText  # type: ignore[attr-defined]

    def sizeHint(  # noqa: N802 - Qt name
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = super().sizeHint(option, index)
        view = self.parent()
        if index.parent().isValid() or not isinstance(view, QTreeWidget):
            return size
        width = view.viewport().width() - view.indentation() - 8  # the style's margins
        font = index.data(Qt.ItemDataRole.FontRole) or view.font()
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        flags = int(Qt.TextFlag.TextWordWrap)
        height = QFontMetrics(font).boundingRect(0, 0, max(40, width), 10_000, flags, text).height()
        return QSize(size.width(), max(size.height(), height + 4))


class AttentionTree(QTreeWidget):
    """Enter on a line does what a double-click does. "What to act on" takes a share
    of the width, so that "Why" is in sight in a narrow panel too, until the user
    drags the column's edge."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.first_width_by_user = False
        self._fitting = False
        self.header().sectionResized.connect(self._section_resized)
        self.setItemDelegate(HeadingDelegate(self))

    def _section_resized(self, index: int, _old: int, _new: int) -> None:
        if index == 0 and not self._fitting:
            self.first_width_by_user = True

    def fit_columns(self) -> None:
        if self.first_width_by_user:
            return
        self._fitting = True
        width = max(FIRST_MIN_WIDTH, int(self.viewport().width() * FIRST_SHARE))
        self.header().resizeSection(0, width)
        self._fitting = False

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt name
        super().resizeEvent(event)
        self.fit_columns()
        self.scheduleDelayedItemsLayout()  # the headings' heights follow the width

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt name
        item = self.currentItem()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and item is not None:
            self.itemActivated.emit(item, 0)
            return
        super().keyPressEvent(event)


class ManagementView(FilledWhenShown, QWidget):
    """What to act on, by section; filled when its tab is in front."""

    def __init__(self, context: EditorContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("managementView")
        self.context = context
        self.analyses = Analyses()
        self.result = Attention()
        tr = context.catalogue()
        self.summary = QLabel(self)
        self.summary.setObjectName("managementSummary")
        self.summary.setWordWrap(True)
        self.tree = AttentionTree(self)
        self.tree.setObjectName("managementTree")
        self.tree.setHeaderLabels([tr("What to act on"), tr("Why")])
        self.tree.setRootIsDecorated(True)
        self.tree.setUniformRowHeights(False)  # a long heading takes two lines
        self.tree.fit_columns()
        self.add_button = QPushButton(tr("Add improvement…"), self)
        self.add_button.setObjectName("addImprovementFromConcern")
        self.add_button.setToolTip(tr("Add an improvement to the process of the chosen concern"))
        bar = QHBoxLayout()
        bar.addWidget(self.summary, 1)
        bar.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(bar)
        layout.addWidget(self.tree, 1)
        self.tree.itemActivated.connect(self._activated)
        self.tree.currentItemChanged.connect(self._current_changed)
        self.add_button.clicked.connect(self.add_improvement)
        self.setMinimumSize(self.minimumSizeHint())  # its layout must not widen the window
        context.committed.connect(self._on_committed)
        context.documentReplaced.connect(self.changed)
        self.refresh()

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(420, 420)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(160, 120)

    def _on_committed(self, event: Committed) -> None:
        imp = self.context.impact(event)
        if imp.elements:
            self.changed()

    # ------------------------------------------------------------------ filling
    def section(self, name: str) -> QTreeWidgetItem | None:
        """The top-level item of a section (None when the section is empty)."""
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            if item is not None and item.data(0, ELEMENT_ROLE) == f"section:{name}":
                return item
        return None

    def lines(self, name: str) -> list[str]:
        """The element ids of a section's lines (for tests and the summary)."""
        head = self.section(name)
        if head is None:
            return []
        return [head.child(i).data(0, ELEMENT_ROLE) for i in range(head.childCount())]

    def refresh(self) -> None:
        """Compute what to act on today and list it."""
        self._stale = False
        arch = self.context.arch
        tr = self.context.catalogue()
        self.result = attention(arch, today(), self.analyses)
        current = self.tree.currentItem()
        keep = current.data(0, ELEMENT_ROLE) if current is not None else None
        self.tree.blockSignals(True)
        self.tree.clear()
        for name, title, rows in self._sections(arch, tr):
            if not rows:
                continue
            head = QTreeWidgetItem(self.tree, [f"{title} ({len(rows)})"])
            head.setToolTip(0, head.text(0))  # a long heading is cut in a narrow panel
            head.setData(0, ELEMENT_ROLE, f"section:{name}")
            bold = QFont(head.font(0))
            bold.setBold(True)
            head.setFont(0, bold)
            head.setFirstColumnSpanned(True)
            for ident, text, why, concern in rows:
                line = QTreeWidgetItem(head, [text, why])
                line.setData(0, ELEMENT_ROLE, ident)
                line.setData(0, CONCERN_ROLE, concern)
                line.setToolTip(0, text)
                line.setToolTip(1, why)
            head.setExpanded(True)
        self.tree.blockSignals(False)
        total = self.result.total()
        self.summary.setText(
            tr("Nothing to act on today.")
            if total == 0
            else tr("To act on today ({date}): {n}").format(n=total, date=today())
        )
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            for j in range(top.childCount() if top is not None else 0):
                child = top.child(j) if top is not None else None
                if child is not None and keep is not None and child.data(0, ELEMENT_ROLE) == keep:
                    self.tree.setCurrentItem(child)
        self._current_changed()

    def _concern_rows(
        self, arch: Architecture, tr: Translator, concerns: tuple[Concern, ...], answered: bool
    ) -> list[Row]:
        said = state_words(tr)
        words = statuses(tr)
        rows: list[Row] = []
        for c in concerns:
            parts = [f"{arch.kpis[k].name}: {said['special_cause_concern']}" for k in c.concern] + [
                f"{arch.kpis[k].name}: {said['consistent_fail']}" for k in c.not_capable
            ]
            why = "; ".join(parts)
            if answered:
                why += " — " + "; ".join(
                    f"{arch.improvements[i].title} ({words[arch.improvements[i].status]})"
                    for i in c.answered_by
                )
            rows.append((c.process, process_path(arch, c.process), why, c.process))
        return rows

    def _sections(self, arch: Architecture, tr: Translator) -> list[tuple[str, str, list[Row]]]:
        r = self.result
        objectives = arch.objectives
        unserved: list[Row] = [
            (o, objectives[o].name, tr("No process contributes"), None) for o in r.unserved
        ]
        unmeasured: list[Row] = [
            (o, objectives[o].name, tr("No KPI measures it"), None) for o in r.unmeasured
        ]
        improvements: list[Row] = []
        for iid in r.overdue_improvements:
            imp = arch.improvements[iid]
            why = tr("Due {date}").format(date=imp.due) + f" — {arch.processes[imp.process].name}"
            improvements.append((iid, imp.title, why, None))
        reviews: list[Row] = [
            (
                pid,
                process_path(arch, pid),
                tr("Review due {date}").format(date=arch.processes[pid].next_review),
                None,
            )
            for pid in r.overdue_reviews
        ]
        return [
            (
                "unanswered",
                tr("KPI concerns without a planned or ongoing improvement"),
                self._concern_rows(arch, tr, r.unanswered, False),
            ),
            (
                "answered",
                tr("KPI concerns with a planned or ongoing improvement"),
                self._concern_rows(arch, tr, r.answered, True),
            ),
            ("unserved", tr("Objectives that no process serves"), unserved),
            ("unmeasured", tr("Objectives that no KPI measures"), unmeasured),
            ("improvements", tr("Overdue improvements"), improvements),
            ("reviews", tr("Overdue reviews"), reviews),
        ]

    # ------------------------------------------------------------------ actions
    def _current_changed(self, *_args: object) -> None:
        item = self.tree.currentItem()
        self.add_button.setEnabled(item is not None and item.data(0, CONCERN_ROLE) is not None)

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        ident = item.data(0, ELEMENT_ROLE)
        if ident and not str(ident).startswith("section:"):
            self.context.reveal(str(ident))  # DockRaiser shows an objective's or improvement's tab

    def add_improvement(self) -> str | None:
        """Ask for a title and add an improvement (status idea) to the process of the
        current concern line, meant to move its first KPI. Returns its id."""
        item = self.tree.currentItem()
        pid = item.data(0, CONCERN_ROLE) if item is not None else None
        arch = self.context.arch
        if pid is None or pid not in arch.processes:
            return None
        tr = self.context.catalogue()
        title = dialogs.get_text(
            self,
            tr("New improvement"),
            tr("What will be improved in '{process}'?").format(process=arch.processes[pid].name),
        )
        if not title or not title.strip():
            return None
        concern = next(
            (c for c in (*self.result.unanswered, *self.result.answered) if c.process == pid), None
        )
        kpi = concern.kpis[0] if concern is not None and concern.kpis else None
        before = set(arch.improvements)
        owner = arch.processes[pid].owner
        if not run_op(
            self, self.context, ops.add_improvement, pid, title, kpi=kpi, responsible=owner
        ):
            return None
        return next(i for i in self.context.arch.improvements if i not in before)
