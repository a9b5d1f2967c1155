"""The improvements board: every improvement as a card in the column of its status
(idea, planned, ongoing, done, dropped), filtered by process (with its sub-processes),
unit (processes the unit or a sub-unit takes part in or owns), responsible person and
status. A card is moved to another status by dragging it to that column, or with the
keyboard: Ctrl+Right / Ctrl+Left to the next or previous status, 1 to 5 to a status by
its number. Overdue improvements (planned or ongoing, due before today) are marked.
Double-click or Enter shows the improvement's process on the map; Delete deletes it."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QByteArray, QMimeData, QSize, Qt, Signal
from PySide6.QtGui import QColor, QDragEnterEvent, QDragMoveEvent, QDropEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from procmodeler.analysis.attention import is_overdue
from procmodeler.edit import operations as ops
from procmodeler.model.architecture import Architecture
from procmodeler.model.elements import IMPROVEMENT_STATUSES
from procmodeler.model.events import Committed
from procmodeler.ui.context import EditorContext
from procmodeler.ui.panels._common import dialogs, process_path, run_op
from procmodeler.ui.scorecard import units_within
from procmodeler.ui.strategy.common import FilledWhenShown, statuses, today

ID_ROLE = Qt.ItemDataRole.UserRole + 1
#: the mime type of a dragged card: the improvement's id
MIME = "application/x-procmodeler-improvement"
OVERDUE = "#cf222e"


class StatusColumn(QListWidget):
    """The cards of one status; cards dropped here (from any column) get this status,
    keys move the current card to another status."""

    #: (improvement id, new status)
    statusRequested = Signal(str, str)
    #: an improvement to show (double-click, Enter) or delete (Delete)
    showRequested = Signal(str)
    deleteRequested = Signal(str)

    def __init__(self, status: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.status = status
        self.setObjectName(f"board_{status}")
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setWordWrap(True)
        self.setSpacing(2)
        self.setUniformItemSizes(False)
        self.itemDoubleClicked.connect(self._show)

    def current_id(self) -> str | None:
        item = self.currentItem()
        return item.data(ID_ROLE) if item is not None else None

    def mimeTypes(self) -> list[str]:  # noqa: N802 - Qt name
        return [MIME]

    def mimeData(self, items: Sequence[QListWidgetItem]) -> QMimeData:  # noqa: N802 - Qt name
        data = QMimeData()
        if items:
            data.setData(MIME, QByteArray(str(items[0].data(ID_ROLE)).encode("utf-8")))
        return data

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt name
        if event.mimeData().hasFormat(MIME):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802 - Qt name
        if event.mimeData().hasFormat(MIME):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt name
        data = event.mimeData()
        iid = bytes(data.data(MIME).data()).decode("utf-8") if data.hasFormat(MIME) else ""
        event.setDropAction(Qt.DropAction.IgnoreAction)
        event.accept()  # the board is rebuilt from the model; Qt moves nothing itself
        if iid:
            self.statusRequested.emit(iid, self.status)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt name
        iid = self.current_id()
        key = event.key()
        if iid is not None:
            order = list(IMPROVEMENT_STATUSES)
            here = order.index(self.status)
            ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
            target = None
            if ctrl and key == Qt.Key.Key_Right and here + 1 < len(order):
                target = order[here + 1]
            elif ctrl and key == Qt.Key.Key_Left and here > 0:
                target = order[here - 1]
            elif Qt.Key.Key_1 <= key < Qt.Key.Key_1 + len(order):
                target = order[key - Qt.Key.Key_1]
            if target is not None:
                if target != self.status:
                    self.statusRequested.emit(iid, target)
                return
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.showRequested.emit(iid)
                return
            if key == Qt.Key.Key_Delete:
                self.deleteRequested.emit(iid)
                return
        super().keyPressEvent(event)

    def _show(self, item: QListWidgetItem) -> None:
        iid = item.data(ID_ROLE)
        if iid:
            self.showRequested.emit(iid)


class ImprovementsBoard(QWidget, FilledWhenShown):
    """Filters on top, one column per status below; filled when its tab is in front."""

    def __init__(self, context: EditorContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("improvementsBoard")
        self.context = context
        tr = context.catalogue()
        self.process_filter = self._combo("boardProcess")
        self.unit_filter = self._combo("boardUnit")
        self.person_filter = self._combo("boardResponsible")
        self.status_filter = self._combo("boardStatus")
        bar = QHBoxLayout()
        for label, combo in (
            (tr("Process:"), self.process_filter),
            (tr("Unit:"), self.unit_filter),
            (tr("Responsible:"), self.person_filter),
            (tr("Status:"), self.status_filter),
        ):
            bar.addWidget(QLabel(label, self))
            bar.addWidget(combo, 1)
        self.hint = QLabel(
            tr(
                "Drag a card to another column to change its status, or press Ctrl+Right / "
                "Ctrl+Left (1 to 5: a status by its number). Overdue ones are marked red."
            ),
            self,
        )
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: palette(placeholder-text);")
        self.columns: dict[str, StatusColumn] = {}
        self.titles: dict[str, QLabel] = {}
        row = QHBoxLayout()
        for status in IMPROVEMENT_STATUSES:
            column = StatusColumn(status, self)
            column.statusRequested.connect(self.set_status)
            column.showRequested.connect(self._show)
            column.deleteRequested.connect(self._delete)
            column.currentItemChanged.connect(self._card_chosen)
            title = QLabel(self)
            title.setAlignment(Qt.AlignmentFlag.AlignCenter)
            box = QVBoxLayout()
            box.addWidget(title)
            box.addWidget(column, 1)
            row.addLayout(box, 1)
            self.columns[status] = column
            self.titles[status] = title
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(bar)
        layout.addWidget(self.hint)
        layout.addLayout(row, 1)
        for combo in (
            self.process_filter,
            self.unit_filter,
            self.person_filter,
            self.status_filter,
        ):
            combo.currentIndexChanged.connect(self._filter_changed)
        context.committed.connect(self._on_committed)
        context.documentReplaced.connect(self.changed)
        context.selectionChanged.connect(self._selection_from_context)
        self._syncing = False
        self.refresh()

    def _combo(self, name: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(6)
        return combo

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(700, 260)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(200, 120)

    def _on_committed(self, event: Committed) -> None:
        imp = self.context.impact(event)
        if imp.improvements or imp.processes or imp.people or imp.units or imp.participation:
            self.changed()

    # ------------------------------------------------------------------ filling
    def refresh(self) -> None:
        """Refill the filters (keeping the choices) and the columns."""
        self._stale = False
        arch = self.context.arch
        tr = self.context.catalogue()
        words = statuses(tr)
        people = dict.fromkeys(i.responsible for i in arch.improvements.values() if i.responsible)
        for combo, items in (
            (self.process_filter, [(process_path(arch, p), p) for p in arch.walk()]),
            (self.unit_filter, [(u.name, u.id) for u in arch.units.values()]),
            (self.person_filter, [(arch.people[p].name, p) for p in people if p in arch.people]),
            (self.status_filter, [(words[s], s) for s in IMPROVEMENT_STATUSES]),
        ):
            keep = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(tr("All"), None)
            for name, ident in items:
                combo.addItem(name, ident)
            combo.setCurrentIndex(max(0, combo.findData(keep)) if keep else 0)
            combo.blockSignals(False)
        self._fill()

    def _filter_changed(self, *_args: object) -> None:
        self._fill()

    def shown_ids(self, status: str) -> list[str]:
        """The improvement ids of a column as shown (for tests)."""
        column = self.columns[status]
        return [column.item(i).data(ID_ROLE) for i in range(column.count())]

    def _accepts(self, arch: Architecture) -> set[str]:
        """Ids of the improvements the filters let through."""
        pid = self.process_filter.currentData()
        uid = self.unit_filter.currentData()
        person = self.person_filter.currentData()
        processes = {pid, *arch.descendants(pid)} if pid in arch.processes else None
        units = units_within(arch, uid) if uid in arch.units else None
        out = set()
        for iid, imp in arch.improvements.items():
            if processes is not None and imp.process not in processes:
                continue
            if person is not None and imp.responsible != person:
                continue
            if units is not None:
                proc = arch.processes[imp.process]
                owner = arch.people.get(proc.owner) if proc.owner else None
                taking_part = set(arch.participation_of(proc.id))
                if not (taking_part & units or (owner is not None and owner.unit in units)):
                    continue
            out.add(iid)
        return out

    def _fill(self) -> None:
        arch = self.context.arch
        tr = self.context.catalogue()
        words = statuses(tr)
        accepted = self._accepts(arch)
        only = self.status_filter.currentData()
        day = today()
        current = self.current_improvement()
        for status, column in self.columns.items():
            column.blockSignals(True)
            column.clear()
            column.setVisible(only is None or only == status)
            self.titles[status].setVisible(only is None or only == status)
            for iid, imp in arch.improvements.items():
                if imp.status != status or iid not in accepted:
                    continue
                item = QListWidgetItem(self._card_text(arch, iid, day))
                item.setData(ID_ROLE, iid)
                item.setToolTip(imp.description or imp.title)
                if is_overdue(arch, iid, day):
                    item.setForeground(QColor(OVERDUE))
                column.addItem(item)
                if iid == current:
                    column.setCurrentItem(item)
            column.blockSignals(False)
            self.titles[status].setText(f"<b>{words[status]}</b> ({column.count()})")

    def _card_text(self, arch: Architecture, iid: str, day: str) -> str:
        tr = self.context.catalogue()
        imp = arch.improvements[iid]
        lines = [imp.title, arch.processes[imp.process].name]
        person = arch.people.get(imp.responsible) if imp.responsible else None
        if person is not None:
            lines.append(person.name)
        if imp.due:
            if is_overdue(arch, iid, day):
                lines.append("⚠ " + tr("Overdue since {date}").format(date=imp.due))
            else:
                lines.append(tr("Due {date}").format(date=imp.due))
        return "\n".join(lines)

    # ------------------------------------------------------------------ selection
    def current_improvement(self) -> str | None:
        for column in self.columns.values():
            if column.hasFocus() or column.currentItem() is not None:
                iid = column.current_id()
                if iid is not None:
                    return iid
        return None

    def select(self, iid: str) -> bool:
        """Make *iid*'s card the current one (its column gets the focus)."""
        for column in self.columns.values():
            for i in range(column.count()):
                item = column.item(i)
                if item.data(ID_ROLE) == iid:
                    for other in self.columns.values():
                        if other is not column:
                            other.setCurrentRow(-1)
                    column.setCurrentItem(item)
                    column.setFocus()
                    return True
        return False

    def _card_chosen(self, current: QListWidgetItem | None, _previous: object) -> None:
        if self._syncing or current is None:
            return
        iid = current.data(ID_ROLE)
        self._syncing = True
        for column in self.columns.values():
            if column.currentItem() is not current:
                column.blockSignals(True)
                column.setCurrentRow(-1)
                column.blockSignals(False)
        self.context.set_selection([iid])
        self._syncing = False

    def _selection_from_context(self) -> None:
        selection = self.context.selection
        if (
            self._syncing
            or len(selection) != 1
            or selection[0] not in self.context.arch.improvements
        ):
            return
        self._syncing = True
        if self._stale and self._shown:
            self.refresh()
        self.select(selection[0])
        self._syncing = False

    # ------------------------------------------------------------------ edits
    def set_status(self, iid: str, status: str) -> bool:
        """Move an improvement to *status* (an ongoing one without a start date starts
        today, a done one without a done date is done today), keeping its card current."""
        done = run_op(self, self.context, ops.set_improvement_status, iid, status, today=today())
        if done:
            if self._stale:
                self.refresh()
            self.select(iid)
        return done

    def _show(self, iid: str) -> None:
        imp = self.context.arch.improvements.get(iid)
        if imp is not None:
            self.context.reveal(imp.process)

    def _delete(self, iid: str) -> None:
        imp = self.context.arch.improvements.get(iid)
        if imp is None:
            return
        tr = self.context.catalogue()
        if dialogs.confirm(
            self,
            tr("Delete improvement"),
            tr("Delete the improvement '{title}'?").format(title=imp.title),
        ):
            run_op(self, self.context, ops.delete_improvement, iid)
