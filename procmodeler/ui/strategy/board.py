"""The improvements board: every improvement as a card in the column of its status
(idea, planned, ongoing, done, dropped), filtered by process (with its sub-processes),
unit (processes the unit or a sub-unit takes part in or owns), responsible person and
status. A card is moved to another status by dragging it to that column, or with the
keyboard: Ctrl+Right / Ctrl+Left to the next or previous status, 1 to 5 to a status by
its number. Overdue improvements (planned or ongoing, due before today) are marked.
Double-click or Enter shows the improvement's process on the map; Delete deletes it."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
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
from procmodeler.ui.panels.filling import FilledWhenShown
from procmodeler.ui.panels.fitting import fit_when_small
from procmodeler.ui.scorecard import units_within
from procmodeler.ui.strategy.cards import (
    COLUMN_MIN_WIDTH,
    DUE_ROLE,
    ID_ROLE,
    OVERDUE_ROLE,
    StatusColumn,
)
from procmodeler.ui.strategy.common import statuses, today
from procmodeler.ui.strategy.flow import FlowBar
from procmodeler.ui.strategy.improvementform import ImprovementForm

#: the width the form beside the columns keeps in a narrow board, and at most
FORM_MIN_WIDTH = 170
FORM_MAX_WIDTH = 300


class ImprovementsBoard(FilledWhenShown, QWidget):
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
        self.new_button = QPushButton(tr("New improvement…"), self)
        self.new_button.setObjectName("newImprovement")
        self.new_button.clicked.connect(self.add_improvement)
        self.filter_bar = FlowBar()  # wraps to two rows in a narrow panel
        self.filter_bar.addWidget(self.new_button)  # first: the filters fill two rows
        for label, combo in (
            (tr("Process:"), self.process_filter),
            (tr("Unit:"), self.unit_filter),
            (tr("Responsible:"), self.person_filter),
            (tr("Status:"), self.status_filter),
        ):
            self.filter_bar.addWidget(self._labelled(label, combo))
        self.hint = QLabel(
            tr(
                "Drag a card to another column to change its status, or press Ctrl+Right / "
                "Ctrl+Left (1 to 5: a status by its number). Overdue ones are marked red."
            ),
            self,
        )
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: palette(placeholder-text);")
        fit_when_small(self, self.hint, self.new_button)
        self.columns: dict[str, StatusColumn] = {}
        self.titles: dict[str, QLabel] = {}
        self.form = ImprovementForm(context, self)
        self.no_card = QLabel(tr("Select a card to edit it."), self)  # while none is chosen
        self.no_card.setObjectName("noCardHint")
        self.no_card.setWordWrap(True)
        self.no_card.setStyleSheet("color: palette(placeholder-text);")
        self.form.shown.connect(lambda iid: self.no_card.setVisible(iid is None))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(self.filter_bar)
        layout.addWidget(self.hint)
        layout.addWidget(self._columns_and_form(), 1)
        for combo in (
            self.process_filter,
            self.unit_filter,
            self.person_filter,
            self.status_filter,
        ):
            combo.currentIndexChanged.connect(self._filter_changed)
        self.setMinimumSize(self.minimumSizeHint())  # its layout must not widen the window
        context.committed.connect(self._on_committed)
        context.documentReplaced.connect(self.changed)
        context.selectionChanged.connect(self._selection_from_context)
        self._syncing = False
        self.refresh()
        self._selection_from_context()  # made late (a tab first shown): what is chosen

    def _columns_and_form(self) -> QSplitter:
        """One column per status, which scroll sideways when the board is narrower than
        they are (a bottom dock on a laptop screen) instead of squeezing the cards to a
        word a line, and the form of the chosen card beside them."""
        strip = QWidget(self)
        row = QHBoxLayout(strip)
        row.setContentsMargins(0, 0, 0, 0)
        for status in IMPROVEMENT_STATUSES:
            column = StatusColumn(status, self)
            column.statusRequested.connect(self.set_status)
            column.showRequested.connect(self._show)
            column.deleteRequested.connect(self._delete)
            column.currentItemChanged.connect(self._card_chosen)
            column.setMinimumWidth(COLUMN_MIN_WIDTH)
            title = QLabel(self)
            title.setAlignment(Qt.AlignmentFlag.AlignCenter)
            box = QVBoxLayout()
            box.addWidget(title)
            box.addWidget(column, 1)
            row.addLayout(box, 1)
            self.columns[status] = column
            self.titles[status] = title
        self.columns_area = QScrollArea(self)
        self.columns_area.setObjectName("boardColumns")
        self.columns_area.setWidget(strip)
        self.columns_area.setWidgetResizable(True)
        self.columns_area.setFrameShape(QFrame.Shape.NoFrame)
        self.columns_area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        side = QWidget(self)  # the form at the top of its side of the splitter
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 4, 0)
        side_layout.addWidget(self.no_card)
        side_layout.addWidget(self.form)
        side_layout.addStretch(1)
        self.form_area = QScrollArea(self)  # a low board scrolls the form
        self.form_area.setObjectName("boardForm")
        self.form_area.setWidget(side)
        self.form_area.setWidgetResizable(True)
        self.form_area.setFrameShape(QFrame.Shape.NoFrame)
        self.form_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.form_area.setMinimumWidth(FORM_MIN_WIDTH)
        self.form_area.setMaximumWidth(FORM_MAX_WIDTH)
        self.split = QSplitter(Qt.Orientation.Horizontal, self)
        self.split.addWidget(self.columns_area)
        self.split.addWidget(self.form_area)
        self.split.setStretchFactor(0, 1)
        self.split.setStretchFactor(1, 0)
        self.split.setCollapsible(0, False)
        self.split.splitterMoved.connect(self._form_width_chosen)
        self._form_width: int | None = None  # the user's, once the splitter is dragged
        return self.split

    def _labelled(self, text: str, combo: QComboBox) -> QWidget:
        """A filter's label and box side by side, one item of the filter bar."""
        pair = QWidget(self)
        pair.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        row = QHBoxLayout(pair)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel(text, pair))
        row.addWidget(combo, 1)
        return pair

    def _form_width_chosen(self, *_args: object) -> None:
        self._form_width = self.split.sizes()[1]
        self.form.fit_width(self._form_width)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt name
        """The form takes a share of a narrow board (its labels go above its fields),
        so that the columns keep room, until the user drags the splitter."""
        super().resizeEvent(event)
        total = sum(self.split.sizes()) or self.width()
        form = self._form_width or max(FORM_MIN_WIDTH, min(FORM_MAX_WIDTH, int(total * 0.38)))
        self.form.fit_width(form)
        self.split.setSizes([max(0, total - form), form])

    def _combo(self, name: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(4)
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
                item.setData(OVERDUE_ROLE, is_overdue(arch, iid, day))
                item.setData(DUE_ROLE, imp.due is not None)
                column.addItem(item)
                if iid == current:
                    column.setCurrentItem(item)
            column.blockSignals(False)
            self.titles[status].setText(f"<b>{words[status]}</b> ({column.count()})")
        self.form.show_improvement(self.current_improvement())

    def _card_text(self, arch: Architecture, iid: str, day: str) -> str:
        tr = self.context.catalogue()
        imp = arch.improvements[iid]
        person = arch.people.get(imp.responsible) if imp.responsible else None
        who = f" · {person.name}" if person is not None else ""
        lines = [imp.title, arch.processes[imp.process].name + who]
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
        """Make *iid*'s card the current one (its column gets the focus and is scrolled
        into view, the form shows the improvement)."""
        for column in self.columns.values():
            for i in range(column.count()):
                item = column.item(i)
                if item.data(ID_ROLE) == iid:
                    for other in self.columns.values():
                        if other is not column:
                            other.setCurrentRow(-1)
                    column.setCurrentItem(item)
                    column.scrollToItem(item)
                    column.setFocus()
                    self._column_into_view(column)
                    # again once laid out: a board shown for the first time has no
                    # geometry yet when the selection made elsewhere reaches it
                    QTimer.singleShot(0, column, lambda c=column: self._column_into_view(c))
                    self.form.show_improvement(iid)
                    return True
        return False

    def _column_into_view(self, column: QWidget) -> None:
        """Scroll the whole column into view (not only the card, as Qt's
        ensureWidgetVisible would)."""
        place = column.geometry()
        self.columns_area.ensureVisible(
            place.center().x(), place.center().y(), place.width() // 2 + 1, 0
        )

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
        self.form.show_improvement(iid)
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

    def add_improvement(self) -> str | None:
        """Ask for a title (and the process, unless the process filter names one) and
        add an improvement, of the status filter's status or an idea. Returns its id."""
        arch = self.context.arch
        tr = self.context.catalogue()
        pid = self.process_filter.currentData()
        if pid not in arch.processes:
            pids = list(arch.walk())
            chosen = dialogs.choose(
                self,
                tr("New improvement"),
                tr("Process to improve:"),
                [process_path(arch, p) for p in pids],
            )
            if chosen is None:
                return None
            pid = pids[chosen]
        title = dialogs.get_text(
            self,
            tr("New improvement"),
            tr("What will be improved in '{process}'?").format(process=arch.processes[pid].name),
        )
        if not title or not title.strip():
            return None
        status = self.status_filter.currentData() or "idea"
        before = set(arch.improvements)
        if not run_op(self, self.context, ops.add_improvement, pid, title, status=status):
            return None
        iid = next(i for i in self.context.arch.improvements if i not in before)
        if self._stale:
            self.refresh()
        self.select(iid)
        return iid

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
