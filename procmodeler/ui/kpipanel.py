"""The KPI panel: for the selected process, each KPI's process behaviour chart (drawn
from ``notation.chart``) and an editable table of its measurements that takes values
pasted from a spreadsheet (one column of values, or two: period and value). Every edit
is one undoable operation of ``edit.measurements``."""

from __future__ import annotations

import datetime as _dt
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
)
from PySide6.QtGui import QGuiApplication, QKeySequence, QPainter, QPaintEvent, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from procmodeler.analysis.xmr import analyse_kpi
from procmodeler.common.errors import UserError
from procmodeler.edit import measurements as meas
from procmodeler.model.elements import Kpi
from procmodeler.model.periods import month_of, shift_period
from procmodeler.notation.chart import ChartView, chart_view
from procmodeler.ui.chartpaint import chart_image, fmt, paint_chart, text_width
from procmodeler.ui.context import EditorContext
from procmodeler.ui.words import number_text

Index = QModelIndex | QPersistentModelIndex
COLUMNS = ("period", "value", "rebase", "note")


def run_edit(
    widget: QWidget | None, context: EditorContext, op: Any, *args: Any, **kw: Any
) -> bool:
    """Run an edit operation; a refusal is shown in a message box. True when it ran."""
    try:
        op(context.editor, *args, **kw)
    except UserError as exc:
        text = "\n".join(exc.lines(context.catalogue()))
        QMessageBox.warning(widget, QCoreApplication.translate("KpiPanel", "Not possible"), text)
        return False
    return True


class ChartWidget(QWidget):
    """Paints the process behaviour chart of one KPI."""

    def __init__(self, context: EditorContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.kpi: Kpi | None = None
        self.view: ChartView | None = None
        self.setMinimumHeight(60)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(420, 240)

    def set_kpi(self, kpi: Kpi | None) -> None:
        self.kpi = kpi
        self.view = self._make_view()
        self.update()

    def _make_view(self) -> ChartView | None:
        if self.kpi is None:
            return None
        tr = self.context.catalogue()
        return chart_view(self.kpi, self.width(), self.height(), tr, fmt, text_width)

    def resizeEvent(self, event: Any) -> None:  # noqa: N802
        self.view = self._make_view()
        super().resizeEvent(event)

    def copy_image(self) -> None:
        """Put the chart on the clipboard as an image (twice the screen resolution)."""
        if self.kpi is not None:
            tr = self.context.catalogue()
            image = chart_image(self.kpi, max(300, self.width()), max(180, self.height()), tr, 2.0)
            QGuiApplication.clipboard().setImage(image)

    def contextMenuEvent(self, event: Any) -> None:  # noqa: N802
        if self.kpi is None:
            return
        menu = QMenu(self)
        menu.addAction(self.tr("Copy chart as image"), self.copy_image)
        menu.exec(event.globalPos())

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        if self.view is None:
            return
        painter = QPainter(self)
        paint_chart(painter, self.view)
        painter.end()


class MeasurementModel(QAbstractTableModel):
    """The measurements of one KPI as rows: period, value, change mark, note."""

    def __init__(self, context: EditorContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.kid: str | None = None
        self._types: tuple[str, ...] = ()

    def kpi(self) -> Kpi | None:
        return self.context.arch.kpis.get(self.kid) if self.kid else None

    def set_kpi(self, kid: str | None) -> None:
        self.beginResetModel()
        self.kid = kid
        kpi = self.kpi()
        self._types = analyse_kpi(kpi).types if kpi else ()
        self.endResetModel()

    def refresh(self) -> None:
        self.set_kpi(self.kid if self.kpi() else None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        kpi = self.kpi()
        return 0 if parent.isValid() or kpi is None else len(kpi.series)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Period"), self.tr("Value"), self.tr("Changed"), self.tr("Note"))[
                section
            ]
        tooltip = role == Qt.ItemDataRole.ToolTipRole and section == 2
        if orientation == Qt.Orientation.Horizontal and tooltip:
            return self.tr("The process was changed from this period on: new limits")
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if COLUMNS[index.column()] == "rebase":
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base | Qt.ItemFlag.ItemIsEditable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        kpi = self.kpi()
        if kpi is None or not index.isValid() or index.row() >= len(kpi.series):
            return None
        m = kpi.series[index.row()]
        column = COLUMNS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == "period":
                return m.period
            if column == "value":
                return number_text(m.value)
            if column == "note":
                return m.note
        if role == Qt.ItemDataRole.CheckStateRole and column == "rebase":
            return Qt.CheckState.Checked if m.rebase else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ForegroundRole and column == "value":
            from PySide6.QtGui import QColor

            from procmodeler.notation.chart import DOT_COLOURS

            kind = self._types[index.row()] if index.row() < len(self._types) else "common"
            return QColor(DOT_COLOURS[kind]) if kind != "common" else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column == "value":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        kpi = self.kpi()
        if kpi is None or not index.isValid():
            return False
        m = kpi.series[index.row()]
        column = COLUMNS[index.column()]
        owner = self.parent()
        parent = owner if isinstance(owner, QWidget) else None
        if column == "rebase" and role == Qt.ItemDataRole.CheckStateRole:
            on = Qt.CheckState(value) == Qt.CheckState.Checked
            return run_edit(parent, self.context, meas.mark_rebase, kpi.id, m.period, on)
        if role != Qt.ItemDataRole.EditRole or column == "rebase":
            return False
        return run_edit(
            parent, self.context, meas.set_measurement, kpi.id, m.period, **{column: value}
        )


class KpiPanel(QWidget):
    """The KPIs of the selected process: a chart and the table of values of one KPI."""

    def __init__(self, context: EditorContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kpiPanel")
        self.context = context
        self.process: str | None = None
        self.choice = QComboBox(self)
        self.choice.setObjectName("kpiChoice")
        self.choice.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.choice.setMinimumContentsLength(12)
        self.hint = QLabel(self.tr("Select a process to see its KPIs over time."), self)
        self.hint.setWordWrap(True)
        self.chart = ChartWidget(context, self)
        self.table = QTableView(self)
        self.table.setObjectName("measurementTable")
        self.model = MeasurementModel(context, self)
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(22)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        for col in range(3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QGridLayout()
        self.add_button = QPushButton(self.tr("Add value"), self)
        self.delete_button = QPushButton(self.tr("Delete"), self)
        self.change_button = QPushButton(self.tr("Process changed here"), self)
        self.change_button.setToolTip(
            self.tr("Mark that the process was changed from the selected period on: new limits")
        )
        self.paste_button = QPushButton(self.tr("Paste from Excel"), self)
        self.paste_button.setToolTip(
            self.tr(
                "Paste one column of values (they follow the selected or latest period) "
                "or two columns: period and value"
            )
        )
        for i, button in enumerate(
            (self.add_button, self.delete_button, self.change_button, self.paste_button)
        ):
            button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
            buttons.addWidget(button, i // 2, i % 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.hint)
        layout.addWidget(self.choice)
        layout.addWidget(self.chart, 3)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 2)
        self.choice.currentIndexChanged.connect(self._on_choice)
        self.add_button.clicked.connect(self.add_value)
        self.delete_button.clicked.connect(self.delete_selected)
        self.paste_button.clicked.connect(lambda: self.paste())
        self.change_button.clicked.connect(self.toggle_change)
        paste = QShortcut(QKeySequence(QKeySequence.StandardKey.Paste), self.table)
        paste.setContext(Qt.ShortcutContext.WidgetShortcut)
        paste.activated.connect(lambda: self.paste())
        context.selectionChanged.connect(self._on_selection)
        context.committed.connect(lambda _e: self.refresh())
        context.documentReplaced.connect(self._on_selection)
        self._on_selection()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - must not widen the window
        return QSize(150, 200)

    # ------------------------------------------------------------------ state
    def current_kpi(self) -> str | None:
        kid = self.choice.currentData()
        return kid if kid in self.context.arch.kpis else None

    def show_kpi(self, kid: str) -> None:
        """Show the KPI *kid* (and its process)."""
        kpi = self.context.arch.kpis.get(kid)
        if kpi is None:
            return
        self.process = kpi.process
        self._fill_choice(kid)

    def _on_selection(self) -> None:
        arch = self.context.arch
        for element in self.context.selection:
            if element in arch.kpis:
                self.show_kpi(element)
                return
            if element in arch.processes:
                if element != self.process:
                    self.process = element
                    self._fill_choice(None)
                return
        if self.process not in arch.processes:
            self.process = None
            self._fill_choice(None)

    def _fill_choice(self, wanted: str | None) -> None:
        arch = self.context.arch
        ids = arch.kpis_of(self.process) if self.process in arch.processes else []
        keep = wanted or self.current_kpi()
        self.choice.blockSignals(True)
        self.choice.clear()
        for kid in ids:
            self.choice.addItem(arch.kpis[kid].name, kid)
        index = self.choice.findData(keep) if keep in ids else 0
        self.choice.setCurrentIndex(index if ids else -1)
        self.choice.blockSignals(False)
        self.hint.setVisible(not ids)
        if self.process in arch.processes and not ids:
            self.hint.setText(self.tr("This process has no KPIs yet: add one in Properties."))
        else:
            self.hint.setText(self.tr("Select a process to see its KPIs over time."))
        self._on_choice()

    def _on_choice(self, *_args: Any) -> None:
        kid = self.current_kpi()
        self.model.set_kpi(kid)
        self.chart.set_kpi(self.context.arch.kpis.get(kid) if kid else None)
        for widget in (self.choice, self.chart, self.table, self.add_button):
            widget.setEnabled(kid is not None)
        for button in (self.delete_button, self.change_button, self.paste_button):
            button.setEnabled(kid is not None)

    def refresh(self) -> None:
        arch = self.context.arch
        ids = arch.kpis_of(self.process) if self.process in arch.processes else []
        current = [self.choice.itemData(i) for i in range(self.choice.count())]
        names = [self.choice.itemText(i) for i in range(self.choice.count())]
        if ids != current or names != [arch.kpis[k].name for k in ids]:
            self._fill_choice(self.current_kpi())
            return
        self._on_choice()

    # ------------------------------------------------------------------ edits
    def _selected_periods(self) -> list[str]:
        kpi = self.model.kpi()
        if kpi is None:
            return []
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [kpi.series[r].period for r in rows if r < len(kpi.series)]

    def add_value(self) -> None:
        kpi = self.model.kpi()
        if kpi is None:
            return
        if kpi.series:
            period = shift_period(kpi.series[-1].period, 1)
            value = kpi.series[-1].value
        else:
            period = month_of(_dt.date.today())
            value = kpi.actual if kpi.actual is not None else 0.0
        if run_edit(self, self.context, meas.add_measurement, kpi.id, period, value):
            row = self.model.rowCount() - 1
            self.table.setCurrentIndex(self.model.index(row, 1))
            self.table.edit(self.model.index(row, 1))

    def delete_selected(self) -> None:
        kid = self.current_kpi()
        periods = self._selected_periods()
        if kid and periods:
            run_edit(self, self.context, meas.delete_measurements, kid, periods)

    def paste(self, text: str | None = None) -> None:
        """Paste the clipboard's text (or *text*) into the current KPI's series."""
        kid = self.current_kpi()
        if kid is None:
            return
        if not isinstance(text, str):
            text = QGuiApplication.clipboard().text()
        periods = self._selected_periods()
        start = periods[0] if periods else None
        run_edit(self, self.context, meas.paste_measurements, kid, text, start=start)

    def toggle_change(self) -> None:
        """Mark (or unmark) a change of the process at the first selected period."""
        kpi = self.model.kpi()
        periods = self._selected_periods()
        if kpi is None or not periods:
            return
        on = not next(m.rebase for m in kpi.series if m.period == periods[0])
        run_edit(self, self.context, meas.mark_rebase, kpi.id, periods[0], on)
