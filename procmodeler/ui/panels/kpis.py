"""The KPI table of the properties panel: one row per KPI of a process (name, kind,
measure, direction, target, actual) with its traffic light; every cell edit is one
operation (one undo entry); rows are added and deleted through operations too."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from procmodeler.edit import operations as ops
from procmodeler.model.elements import DIRECTIONS, KPI_KINDS, Kpi
from procmodeler.notation.kpi import traffic_light
from procmodeler.ui.columnfit import ColumnFitter
from procmodeler.ui.context import EditorContext
from procmodeler.ui.panels._common import (
    _t,
    dialogs,
    light_icon,
    run_op,
)
from procmodeler.ui.words import (
    direction_labels,
    kpi_kind_labels,
    light_labels,
    number_or_none,
    number_text,
)

COLUMNS = ("name", "kind", "measure", "direction", "target", "actual")
#: px at most for the kind and the measure columns of the KPI table
CAPPED_WIDTHS = {"kind": 60, "measure": 62}
#: px at least for the KPI name before other columns hide (and for its header's title)
NAME_MIN = 110
Index = QModelIndex | QPersistentModelIndex


class KpiModel(QAbstractTableModel):
    """The KPIs of one process as table rows."""

    def __init__(self, context: EditorContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.process: str | None = None
        self._ids: list[str] = []

    def set_process(self, pid: str | None) -> None:
        self.process = pid
        self.refresh(force=True)

    def refresh(self, force: bool = False) -> None:
        arch = self.context.arch
        ids = arch.kpis_of(self.process) if self.process in arch.processes else []
        if force or ids != self._ids:
            self.beginResetModel()
            self._ids = ids
            self.endResetModel()
        elif ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(ids) - 1, len(COLUMNS) - 1))

    def kpi_id(self, row: int) -> str:
        return self._ids[row]

    def row_of(self, kid: str) -> int:
        return self._ids.index(kid) if kid in self._ids else -1

    # ------------------------------------------------------------------ Qt model
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:  # noqa: N802
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.ToolTipRole
            and section == 3
        ):
            return _t("Direction")
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (
                _t("KPI"),
                _t("Kind"),
                _t("Measure"),
                "↕",
                _t("Target"),
                _t("Actual"),
            )[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        return super().flags(index) | Qt.ItemFlag.ItemIsEditable

    def _kpi(self, index: Index) -> Kpi | None:
        if not index.isValid() or index.row() >= len(self._ids):
            return None
        return self.context.arch.kpis.get(self._ids[index.row()])

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        kpi = self._kpi(index)
        if kpi is None:
            return None
        column = COLUMNS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == "kind":
                return kpi.kind if role == Qt.ItemDataRole.EditRole else kpi_kind_labels()[kpi.kind]
            if column == "direction":
                if role == Qt.ItemDataRole.EditRole:
                    return kpi.direction
                return "↓" if kpi.direction == "lower" else "↑"
            if column in ("target", "actual"):
                return number_text(getattr(kpi, column))
            return getattr(kpi, column)
        if role == Qt.ItemDataRole.DecorationRole and column == "name":
            return light_icon(traffic_light(kpi))
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == "name":  # its name whole, then the light and what may be hidden
                light = traffic_light(kpi)
                status = (
                    light_labels()[light] if light else _t("No light: target or actual missing")
                )
                kind = f"{_t('Kind')}: {kpi_kind_labels()[kpi.kind]}"
                measure = f"{_t('Measure')}: {kpi.measure}" if kpi.measure else ""
                return "\n".join(part for part in (kpi.name, status, kind, measure) if part)
            if column == "direction":
                return direction_labels()[kpi.direction]
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
            "target",
            "actual",
            "direction",
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        kpi = self._kpi(index)
        if kpi is None or role != Qt.ItemDataRole.EditRole:
            return False
        column = COLUMNS[index.column()]
        owner = self.parent()
        parent = owner if isinstance(owner, QWidget) else None
        if column in ("target", "actual"):
            try:
                number = number_or_none(str(value))
            except ValueError:
                dialogs.warn(
                    parent, _t("Not possible"), _t("'{text}' is not a number.").format(text=value)
                )
                return False
            return run_op(parent, self.context, ops.set_kpi, kpi.id, **{column: number})
        return run_op(parent, self.context, ops.set_kpi, kpi.id, **{column: str(value)})


class _ChoiceDelegate(QStyledItemDelegate):
    """A combo box editor for the kind and direction columns."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:  # noqa: N802
        column = COLUMNS[index.column()]
        if column not in ("kind", "direction"):
            return super().createEditor(parent, option, index)
        combo = QComboBox(parent)
        labels = kpi_kind_labels() if column == "kind" else direction_labels()
        for key in KPI_KINDS if column == "kind" else DIRECTIONS:
            combo.addItem(labels[key], key)
        combo.activated.connect(lambda _i, c=combo: self.commitData.emit(c))
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(editor.findData(index.data(Qt.ItemDataRole.EditRole)))
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:  # noqa: N802
        if isinstance(editor, QComboBox):
            if editor.currentData() != index.data(Qt.ItemDataRole.EditRole):
                model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)


class KpiTable(QTableView):
    """The editable table of a process's KPIs."""

    def __init__(self, context: EditorContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kpiTable")
        self.kpi_model = KpiModel(context, self)
        self.setModel(self.kpi_model)
        self.setItemDelegate(_ChoiceDelegate(self))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(24)
        header = self.horizontalHeader()
        # the name takes what the other columns leave; the kind and the measure are as
        # wide as their words up to CAPPED_WIDTHS, so that a long kind ("Kundupplevelse")
        # never squeezes the name; in a narrow panel the measure, then the kind, the
        # direction and the target hide (the name's tooltip tells the kind and measure)
        for col, key in enumerate(COLUMNS):
            mode = QHeaderView.ResizeMode.ResizeToContents
            if key == "name":
                mode = QHeaderView.ResizeMode.Stretch
            elif key in CAPPED_WIDTHS:
                mode = QHeaderView.ResizeMode.Interactive
            header.setSectionResizeMode(col, mode)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        drop = tuple(COLUMNS.index(key) for key in ("measure", "kind", "direction", "target"))
        self.fitter = ColumnFitter(self, drop, COLUMNS.index("name"), NAME_MIN)
        header.setHighlightSections(False)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.kpi_model.modelReset.connect(self.fit_height)
        self.fit_height()

    def fit_height(self) -> None:
        """As tall as its rows (room for at least five, at most ten)."""
        rows = min(10, max(5, self.kpi_model.rowCount()))
        for key, most in CAPPED_WIDTHS.items():
            col = COLUMNS.index(key)
            self.resizeColumnToContents(col)
            self.setColumnWidth(col, min(self.columnWidth(col), most))
        title = self.kpi_model.headerData(0, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        needed = self.horizontalHeader().fontMetrics().horizontalAdvance(str(title)) + 16
        self.fitter.keep_min = max(NAME_MIN, needed)  # "Nyckeltal" whole
        self.fitter.schedule()
        height = self.horizontalHeader().sizeHint().height() + rows * 24 + 2 * self.frameWidth()
        self.setFixedHeight(height + 2)

    def selected_kpi(self) -> str | None:
        rows = self.selectionModel().selectedRows()
        if not rows:
            current = self.currentIndex()
            return self.kpi_model.kpi_id(current.row()) if current.isValid() else None
        return self.kpi_model.kpi_id(rows[0].row())

    def select_kpi(self, kid: str) -> None:
        row = self.kpi_model.row_of(kid)
        if row >= 0:
            self.setCurrentIndex(self.kpi_model.index(row, 0))
