"""The problems panel: the findings of the model checks, kept current after every edit
(see :mod:`procmodeler.ui.panels.findings`), filtered by severity and rule. Selecting a
finding reveals its elements (opening the right diagram level). Findings can be
suppressed with a written justification and restored; each rule can be switched off
or given another severity. Every such change is an operation, so it is undoable."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from procmodeler.analysis import GROUPS, RULES, SEVERITY_ORDER, Finding
from procmodeler.edit import operations as ops
from procmodeler.model.events import Committed
from procmodeler.notation.style import FINDING_COLOURS
from procmodeler.ui.context import EditorContext
from procmodeler.ui.panels._common import (
    _t,
    dialogs,
    element_name,
    run_op,
    severity_icon,
)
from procmodeler.ui.panels.findings import LiveFindings
from procmodeler.ui.words import severity_labels

Index = QModelIndex | QPersistentModelIndex
FINDING_ROLE = Qt.ItemDataRole.UserRole + 20
#: lines the explanation of a finding shows at least, and rows the list of findings
DETAIL_LINES = 4
LIST_ROWS = 3


def finding_key(finding: Finding) -> tuple[str, tuple[str, ...]]:
    return finding.rule, finding.elements


class FindingsModel(QAbstractTableModel):
    """The filtered findings as table rows: severity, rule, message, elements."""

    COLUMNS = 4

    def __init__(self, context: EditorContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.rows: list[Finding] = []

    def set_rows(self, rows: list[Finding]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (_t("Severity"), _t("Rule"), _t("Elements"), _t("Message"))[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        finding = self.rows[index.row()]
        col = index.column()
        if role == FINDING_ROLE:
            return finding
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return severity_labels().get(finding.severity, finding.severity)
            if col == 1:
                info = RULES.get(finding.rule)
                return info.texts(self.context.catalogue())[0] if info else finding.rule
            if col == 2:
                arch = self.context.arch
                return ", ".join(element_name(arch, e) for e in finding.elements)
            return finding.message
        if role == Qt.ItemDataRole.DecorationRole and col == 0:
            return severity_icon(finding.severity)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == 1:
                return finding.rule
            text = finding.message
            if finding.suppressed is not None:
                text += "\n\n" + _t("Suppressed: {why}").format(why=finding.suppressed)
            return text
        if role == Qt.ItemDataRole.ForegroundRole and finding.suppressed is not None:
            return QColor("#8c959f")
        if role == Qt.ItemDataRole.FontRole and finding.suppressed is not None:
            font = QFont()
            font.setItalic(True)
            return font
        return None


class RulesTable(QTableWidget):
    """Every rule with its default severity and the model's setting (editable)."""

    def __init__(self, context: EditorContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rulesTable")
        self.context = context
        self._syncing = False
        self.setColumnCount(4)
        self.setHorizontalHeaderLabels([_t("Rule"), _t("Default"), _t("Setting"), _t("Findings")])
        self.verticalHeader().hide()
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2, 3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.combos: dict[str, QComboBox] = {}
        self._build()

    def _build(self) -> None:
        tr = self.context.catalogue()
        labels = severity_labels()
        rows: list[tuple[str | None, str]] = []
        last_group = None
        for rule, info in RULES.items():
            if info.group != last_group:
                rows.append((None, tr(GROUPS.get(info.group, info.group))))
                last_group = info.group
            rows.append((rule, ""))
        self.setRowCount(len(rows))
        for r, (rule_id, heading) in enumerate(rows):
            if rule_id is None:
                item = QTableWidgetItem(heading)
                font = item.font()
                font.setBold(True)
                item.setFont(font)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled)
                item.setBackground(self.palette().color(QPalette.ColorRole.AlternateBase))
                self.setItem(r, 0, item)
                self.setSpan(r, 0, 1, 4)
                continue
            info = RULES[rule_id]
            title, why, what = info.texts(tr)
            item = QTableWidgetItem(title)
            item.setToolTip(f"{rule_id}\n\n{why}\n\n{what}")
            item.setData(Qt.ItemDataRole.UserRole, rule_id)
            self.setItem(r, 0, item)
            default = QTableWidgetItem(labels.get(info.severity, info.severity))
            default.setIcon(severity_icon(info.severity))
            self.setItem(r, 1, default)
            combo = QComboBox()
            combo.setObjectName(f"rule:{rule_id}")
            combo.addItem(_t("Default"), None)
            for severity in SEVERITY_ORDER:
                combo.addItem(severity_icon(severity), labels[severity], severity)
            combo.addItem(_t("Off"), "off")
            combo.activated.connect(lambda _i, rid=rule_id, c=combo: self._changed(rid, c))
            self.setCellWidget(r, 2, combo)
            self.combos[rule_id] = combo
            self.setItem(r, 3, QTableWidgetItem(""))
        self.refresh({})

    def _changed(self, rule_id: str, combo: QComboBox) -> None:
        if self._syncing:
            return
        value = combo.currentData()
        if self.context.arch.rules.get(rule_id) != value:
            run_op(self, self.context, ops.set_rule, rule_id, value)

    def refresh(self, counts: dict[str, int]) -> None:
        self._syncing = True
        rules = self.context.arch.rules
        for r in range(self.rowCount()):
            item = self.item(r, 0)
            rule_id = item.data(Qt.ItemDataRole.UserRole) if item else None
            if rule_id is None:
                continue
            combo = self.combos[rule_id]
            combo.setCurrentIndex(max(0, combo.findData(rules.get(rule_id))))
            count = self.item(r, 3)
            n = counts.get(rule_id, 0)
            count.setText(str(n) if n else "")
            count.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            off = rules.get(rule_id) == "off"
            item.setForeground(
                QColor("#8c959f") if off else self.palette().color(QPalette.ColorRole.Text)
            )
        self._syncing = False


class ProblemsPanel(QWidget):
    """Findings list with filters, details, suppression, and the rule settings."""

    def __init__(self, context: EditorContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("problemsPanel")
        self.context = context
        self.live = LiveFindings.for_context(context)
        self._syncing = False

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        layout.addWidget(self.tabs)
        self.tabs.addTab(self._build_findings_page(), _t("Findings"))
        self.rules = RulesTable(context)
        self.tabs.addTab(self.rules, _t("Rules"))

        self.view.selectionModel().currentRowChanged.connect(self._row_changed)
        self.view.clicked.connect(self._clicked)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.live.findingsChanged.connect(self.refresh)
        context.committed.connect(self._on_committed)
        self.refresh()

    def _build_findings_page(self) -> QWidget:
        page = QWidget()
        page_layout = QVBoxLayout(page)
        page_layout.setContentsMargins(4, 4, 4, 4)
        page_layout.setSpacing(4)
        page_layout.addLayout(self._build_filter_bar())
        self._build_view()
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.view)
        split.addWidget(self.details)
        # the explanation keeps DETAIL_LINES lines and the list LIST_ROWS rows; a finding
        # shown gets the room its text needs, up to half (see _fit_details)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setChildrenCollapsible(False)
        self.split = split
        page_layout.addWidget(split, 1)
        page_layout.addLayout(self._build_actions())
        return page

    def _build_filter_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.severity_buttons: dict[str, QToolButton] = {}
        for severity in SEVERITY_ORDER:
            button = QToolButton()
            button.setObjectName(f"show-{severity}")
            button.setCheckable(True)
            button.setChecked(True)
            button.setIcon(severity_icon(severity))
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setAutoRaise(True)
            button.toggled.connect(self.apply_filter)
            self.severity_buttons[severity] = button
            bar.addWidget(button)
        self.rule_filter = QComboBox()
        self.rule_filter.setObjectName("ruleFilter")
        self.rule_filter.setMinimumContentsLength(12)
        self.rule_filter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.rule_filter.activated.connect(self.apply_filter)
        bar.addWidget(self.rule_filter, 1)
        # (the "show suppressed" box sits in the row below, beside Suppress and Restore,
        # so that the panel fits under the diagram of a 1024 px wide window)
        self.show_suppressed = QCheckBox(_t("Show suppressed"))
        self.show_suppressed.setObjectName("showSuppressed")
        self.show_suppressed.toggled.connect(self.apply_filter)
        return bar

    def _build_view(self) -> None:
        self.model = FindingsModel(self.context, self)
        self.view = QTreeView()
        self.view.setObjectName("findingsView")
        self.view.setModel(self.model)
        self.view.setRootIsDecorated(False)
        self.view.setUniformRowHeights(True)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.view.header()
        header.setStretchLastSection(True)
        # wide enough for the header's own words ("Allvarlighetsgrad" in Swedish)
        header.resizeSection(0, max(90, header.sectionSizeHint(0)))
        header.resizeSection(1, 230)
        header.resizeSection(2, 170)

        self.details = QTextBrowser()
        self.details.setObjectName("findingDetails")
        self.details.setOpenLinks(False)
        self.details.anchorClicked.connect(
            lambda url: self.context.reveal(url.path() or url.toString())
        )
        document = self.details.document()
        document.setDefaultStyleSheet("p { margin-top: 0px; margin-bottom: 3px; }")
        frame = 2 * self.details.frameWidth() + 2 * int(document.documentMargin())
        line = self.details.fontMetrics().lineSpacing()
        self.details.setMinimumHeight(DETAIL_LINES * line + frame)
        self._keep_list_rows()

    def _keep_list_rows(self) -> None:
        """The list keeps LIST_ROWS rows (as tall as the first row, once there is one)."""
        view = self.view
        row = view.sizeHintForRow(0) if self.model.rowCount() else -1
        row = max(row, view.fontMetrics().height() + 4)
        bar = view.horizontalScrollBar().sizeHint().height()
        chrome = view.header().sizeHint().height() + bar + 2 * view.frameWidth()
        view.setMinimumHeight(LIST_ROWS * row + chrome)

    def _build_actions(self) -> QHBoxLayout:
        actions = QHBoxLayout()
        self.summary = QLabel()
        self.summary.setObjectName("findingsSummary")
        self.summary.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        actions.addWidget(self.summary, 1)
        actions.addWidget(self.show_suppressed)
        self.suppress_button = QToolButton()
        self.suppress_button.setObjectName("suppress")
        self.suppress_button.setText(_t("Suppress…"))
        self.suppress_button.clicked.connect(self.suppress_selected)
        self.restore_button = QToolButton()
        self.restore_button.setObjectName("restore")
        self.restore_button.setText(_t("Restore"))
        self.restore_button.clicked.connect(self.restore_selected)
        actions.addWidget(self.suppress_button)
        actions.addWidget(self.restore_button)
        return actions

    # ------------------------------------------------------------------ refresh
    def _on_committed(self, event: Committed) -> None:
        if self.context.impact(event).rules:
            self.rules.refresh(self._counts())
        # names in the elements column may have changed before the checks re-run
        self.view.viewport().update()

    def _counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for finding in self.live.result().active:
            counts[finding.rule] = counts.get(finding.rule, 0) + 1
        return counts

    def refresh(self) -> None:
        """Show the latest findings (keeps the selected finding when it is still there)."""
        result = self.live.result()
        labels = severity_labels()
        summary = result.summary
        checking = self.live.checking  # a document just opened: nothing known of it yet
        for severity, button in self.severity_buttons.items():
            button.setText(f"{labels[severity]} {'…' if checking else summary.get(severity, 0)}")
        counts = self._counts()
        current_rule = self.rule_filter.currentData()
        tr = self.context.catalogue()
        self.rule_filter.blockSignals(True)
        self.rule_filter.clear()
        self.rule_filter.addItem(_t("All rules"), None)
        rules_present = sorted({f.rule for f in result.findings} | ({current_rule} - {None}))
        for rule_id in rules_present:
            info = RULES.get(rule_id)
            title = info.texts(tr)[0] if info else rule_id
            self.rule_filter.addItem(f"{title} ({counts.get(rule_id, 0)})", rule_id)
        self.rule_filter.setCurrentIndex(max(0, self.rule_filter.findData(current_rule)))
        self.rule_filter.blockSignals(False)
        self.rules.refresh(counts)
        self.apply_filter()
        self._keep_list_rows()
        n_suppressed = len(result.suppressed)
        parts = []
        if n_suppressed:
            parts.append(_t("{n} suppressed").format(n=n_suppressed))
        if checking:
            parts.append(_t("checking…"))
        else:
            parts.append(_t("checked in {ms} ms").format(ms=f"{self.live.last_run_ms:.0f}"))
        self.summary.setText(" · ".join(parts))

    def apply_filter(self) -> None:
        result = self.live.result()
        shown = {s for s, b in self.severity_buttons.items() if b.isChecked()}
        rule = self.rule_filter.currentData()
        with_suppressed = self.show_suppressed.isChecked()
        order = {s: i for i, s in enumerate(SEVERITY_ORDER)}
        rows = [
            f
            for f in result.findings
            if f.severity in shown
            and (rule is None or f.rule == rule)
            and (with_suppressed or f.suppressed is None)
        ]
        rows.sort(key=lambda f: (f.suppressed is not None, order.get(f.severity, 9), f.sort_key()))
        selected = self.selected_finding()
        self._syncing = True
        self.model.set_rows(rows)
        if selected is not None:
            key = finding_key(selected)
            for r, f in enumerate(rows):
                if finding_key(f) == key:
                    self.view.setCurrentIndex(self.model.index(r, 0))
                    break
        self._syncing = False
        self._show_details()

    # ------------------------------------------------------------------ selection
    def selected_finding(self) -> Finding | None:
        index = self.view.currentIndex()
        if not index.isValid():
            return None
        return index.data(FINDING_ROLE)

    def select_row(self, row: int) -> None:
        """Select a finding as the user would by clicking it."""
        index = self.model.index(row, 0)
        self.view.setCurrentIndex(index)

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_details()
        if not self._syncing and current.isValid():
            self.reveal(current.data(FINDING_ROLE))

    def _clicked(self, index: QModelIndex) -> None:
        if index.isValid() and index == self.view.currentIndex():
            self.reveal(index.data(FINDING_ROLE))

    def reveal(self, finding: Finding) -> None:
        """Open the level of the finding's first element and select its elements."""
        arch = self.context.arch
        known = [
            e
            for e in finding.elements
            if e in arch.processes
            or e in arch.relations
            or e in arch.units
            or e in arch.people
            or e in arch.objectives  # the objectives panel or the board shows these
            or e in arch.improvements
        ]
        if not known:
            kpis = [e for e in finding.elements if e in arch.kpis]
            known = [arch.kpis[k].process for k in kpis]
        if not known:
            return
        self.context.reveal(known[0])
        if len(known) > 1:
            level = arch.processes[known[0]].parent if known[0] in arch.processes else None
            same_level = [
                e for e in known if e in arch.processes and arch.processes[e].parent == level
            ]
            self.context.set_selection(same_level or known[:1])

    def _show_details(self) -> None:
        finding = self.selected_finding()
        self.suppress_button.setEnabled(finding is not None and finding.suppressed is None)
        self.restore_button.setEnabled(finding is not None and finding.suppressed is not None)
        if finding is None:
            self.details.setHtml(
                f"<p style='color:#57606a'>{_escape(_t('Select a finding to see why it matters and what to do.'))}</p>"
            )
            return
        tr = self.context.catalogue()
        info = RULES.get(finding.rule)
        title, why, what = info.texts(tr) if info else (finding.rule, "", "")
        colour = FINDING_COLOURS.get(finding.severity, "#57606a")
        arch = self.context.arch
        links = ", ".join(
            f"<a href='{e}'>{_escape(element_name(arch, e))}</a>" for e in finding.elements
        )
        html = (
            f"<p><b style='color:{colour}'>{_escape(severity_labels().get(finding.severity, ''))}</b>"
            f" &nbsp;<b>{_escape(title)}</b> <span style='color:#8c959f'>({finding.rule})</span>"
            f" &nbsp;— {links}</p>"
            f"<p>{_escape(finding.message)}</p>"
        )
        if why:
            html += f"<p style='color:#57606a'><i>{_escape(_t('Why it matters:'))}</i> {_escape(why)}</p>"
        if finding.suppressed is not None:
            html += (
                f"<p style='color:#57606a'><i>{_escape(_t('Suppressed because:'))}</i> "
                f"{_escape(finding.suppressed)}</p>"
            )
        self.details.setHtml(html)
        self._fit_details()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        # once the splitter has its new size too (during this event it has the old one)
        QTimer.singleShot(0, self, self._fit_details)  # dropped if the panel is gone

    def _fit_details(self) -> None:
        """The explanation as tall as its text, up to half the list's and its room (a small
        window showed one line of "why it matters")."""
        sizes = self.split.sizes()
        total = sum(sizes)
        if total <= 0:
            return
        document = self.details.document()
        document.setTextWidth(self.details.viewport().width())
        need = int(document.size().height()) + 2 * self.details.frameWidth()
        want = max(self.details.minimumHeight(), min(need, total // 2))
        want = min(want, total - self.view.minimumHeight())
        if want != sizes[1]:
            self.split.setSizes([total - want, want])

    # ------------------------------------------------------------------ edits
    def suppress_selected(self) -> bool:
        finding = self.selected_finding()
        if finding is None or finding.suppressed is not None:
            return False
        text = dialogs.get_multiline(
            self,
            _t("Suppress finding"),
            _t(
                "Why is this finding acceptable? The justification is kept in the model and shown in the report."
            ),
            "",
        )
        if text is None:
            return False
        if not text.strip():
            dialogs.warn(
                self, _t("Not possible"), _t("A suppressed finding needs a justification.")
            )
            return False
        return run_op(
            self, self.context, ops.suppress_finding, finding.rule, finding.elements, text
        )

    def restore_selected(self) -> bool:
        finding = self.selected_finding()
        if finding is None or finding.suppressed is None:
            return False
        key = _stored_suppression(self.context, finding)
        return run_op(self, self.context, ops.unsuppress_finding, key[0], key[1])

    def set_rule(self, rule_id: str, value: str | None) -> bool:
        return run_op(self, self.context, ops.set_rule, rule_id, value)

    def _context_menu(self, pos) -> None:  # noqa: ANN001
        index = self.view.indexAt(pos)
        if not index.isValid():
            return
        self.view.setCurrentIndex(index)
        finding: Finding = index.data(FINDING_ROLE)
        menu = QMenu(self)
        menu.addAction(_t("Show"), lambda: self.reveal(finding))
        menu.addSeparator()
        if finding.suppressed is None:
            menu.addAction(_t("Suppress…"), self.suppress_selected)
        else:
            menu.addAction(_t("Restore"), self.restore_selected)
        severity_menu = menu.addMenu(_t("Severity of this rule"))
        for severity in SEVERITY_ORDER:
            act = severity_menu.addAction(severity_icon(severity), severity_labels()[severity])
            act.triggered.connect(lambda _c=False, s=severity: self.set_rule(finding.rule, s))
        severity_menu.addSeparator()
        severity_menu.addAction(_t("Default"), lambda: self.set_rule(finding.rule, None))
        menu.addAction(_t("Switch this rule off"), lambda: self.set_rule(finding.rule, "off"))
        menu.exec(self.view.viewport().mapToGlobal(pos))


def _stored_suppression(context: EditorContext, finding: Finding) -> tuple[str, tuple[str, ...]]:
    """The key under which the model stores the suppression of *finding* (ids of some
    rules are matched in any order)."""
    for rule, elements in context.arch.suppressions:
        if rule == finding.rule and sorted(elements) == sorted(finding.elements):
            return rule, elements
    return finding.rule, finding.elements


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
