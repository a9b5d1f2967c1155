"""The scorecard: every KPI of the architecture in one sortable table with a sparkline,
the latest value, the target, variation and assurance (as on the map's icons), filtered
by unit (processes the unit or one of its sub-units takes part in or owns) and by
owner; a double-click reveals the KPI's process on the map. In a narrow panel the
least needed columns hide until the rest fit (``columnfit``); the header's menu hides or
shows any of them.

A big model has thousands of KPIs: each KPI's analysis is computed once per version of
the KPI (not on every paint or sort comparison), and a hidden scorecard (a tab behind
another) is brought up to date when it is shown, not on every edit."""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QIcon, QImage, QPainter, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from procmodeler.analysis.ownership import ownership
from procmodeler.analysis.xmr import ASSURANCES, VARIATIONS, KpiAnalysis, analyse_kpi
from procmodeler.model.architecture import Architecture
from procmodeler.model.elements import Kpi
from procmodeler.notation.chart import sparkline_view
from procmodeler.notation.kpi import assurance_icon, variation_icon
from procmodeler.ui.chartpaint import paint_chart, paint_icon
from procmodeler.ui.columnfit import ColumnFitter
from procmodeler.ui.context import EditorContext
from procmodeler.ui.panels.filling import FilledWhenShown
from procmodeler.ui.words import state_labels

Index = QModelIndex | QPersistentModelIndex
COLUMNS = ("process", "kpi", "trend", "latest", "target", "variation", "assurance")
#: hidden first to last when the panel is too narrow for all its columns
DROP_ORDER = tuple(COLUMNS.index(c) for c in ("target", "assurance", "process", "variation"))
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
KPI_ROLE = Qt.ItemDataRole.UserRole + 2
SPARK = QSize(96, 22)


def icon_pixmap(state: str, side: int = 1, size: int = 16) -> QIcon:
    """The map's variation or assurance icon as a QIcon."""
    icon = variation_icon(state, side) if state in VARIATIONS else assurance_icon(state)
    image = QImage(size * 2, size * 2, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    if icon is not None:
        painter = QPainter(image)
        paint_icon(painter, icon, size, size, size - 2)
        painter.end()
    pixmap = QPixmap.fromImage(image)
    pixmap.setDevicePixelRatio(2.0)
    return QIcon(pixmap)


class ScorecardModel(QAbstractTableModel):
    """One row per KPI of the architecture."""

    def __init__(self, context: EditorContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._ids: list[str] = []
        self._results: dict[str, tuple[Kpi, KpiAnalysis | None]] = {}
        self.refresh()

    def refresh(self) -> None:
        self.beginResetModel()
        self._ids = list(self.context.arch.kpis)
        kpis = self.context.arch.kpis
        self._results = {k: v for k, v in self._results.items() if kpis.get(k) is v[0]}
        self.endResetModel()

    def kpi(self, row: int) -> Kpi:
        return self.context.arch.kpis[self._ids[row]]

    def result(self, kpi: Kpi) -> KpiAnalysis | None:
        """The KPI's analysis, computed once for this version of the KPI."""
        cached = self._results.get(kpi.id)
        if cached is None or cached[0] is not kpi:
            cached = (kpi, analyse_kpi(kpi) if kpi.series else None)
            self._results[kpi.id] = cached
        return cached[1]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (
                self.tr("Process"),
                self.tr("KPI"),
                self.tr("Over time"),
                self.tr("Latest"),
                self.tr("Target"),
                self.tr("Variation"),
                self.tr("Assurance"),
            )[section]
        return None

    def words(self) -> dict[str, str]:
        return state_labels()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._ids):
            return None
        arch = self.context.arch
        kpi = self.kpi(index.row())
        column = COLUMNS[index.column()]
        if role == KPI_ROLE:
            return kpi
        result = self.result(kpi)
        state = None
        if result is not None and column == "variation":
            state = result.variation
        elif column == "assurance":
            state = result.assurance if result is not None else "none"
        if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
            if column == "process":
                proc = arch.processes.get(kpi.process)
                return proc.name if proc else ""
            if column == "kpi":
                return kpi.name
            if column in ("latest", "target"):
                value = kpi.actual if column == "latest" else kpi.target
                if role == SORT_ROLE:
                    return float("-inf") if value is None else value
                return "" if value is None else QLocale().toString(float(value), "g", 6)
            if state is not None:
                if role == SORT_ROLE:
                    order = VARIATIONS if column == "variation" else ASSURANCES
                    return order.index(state)
                return self.words()[state] if state != "none" else ""
            if column == "trend" and role == SORT_ROLE:
                return len(kpi.series)
            return None
        if role == Qt.ItemDataRole.DecorationRole and state not in (None, "none"):
            assert state is not None and result is not None
            side = 1 if result.values[-1] > result.segments[-1].mean else -1
            return icon_pixmap(state, side)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in ("latest", "target"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == "process":
            return self.tr("Double-click to show the process on the map")
        if role == Qt.ItemDataRole.ToolTipRole and column == "kpi":
            return self.summary(index.row())
        return None

    def summary(self, row: int) -> str:
        """All of the row in words (the KPI cell's tooltip): what a column hidden for
        want of room shows is one hover away."""
        lines = []
        for column in range(len(COLUMNS)):
            if COLUMNS[column] in ("kpi", "trend"):
                continue
            text = self.data(self.index(row, column))
            if not text and COLUMNS[column] in ("variation", "assurance"):
                text = self.words()["none"]  # too few values
            head = escape(self.headerData(column, Qt.Orientation.Horizontal, 0))
            value = escape(text) if text else "\u2013"
            lines.append(f"<tr><td>{head}:&nbsp;</td><td>{value}</td></tr>")
        hint = self.tr("Double-click to show the process on the map")
        name = escape(self.kpi(row).name)
        return f"<b>{name}</b><table>{''.join(lines)}</table><i>{escape(hint)}</i>"


class SparklineDelegate(QStyledItemDelegate):
    """Paints a KPI's sparkline in the trend column."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        super().paint(painter, option, index)
        kpi = index.data(KPI_ROLE)
        if not isinstance(kpi, Kpi) or not kpi.series:
            return
        rect: QRect = option.rect  # type: ignore[attr-defined]
        w, h = min(rect.width() - 4, SPARK.width()), rect.height() - 4
        if w > 10 and h > 6:
            paint_chart(painter, sparkline_view(kpi, w, h), rect.x() + 2, rect.y() + 2)

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802
        return SPARK + QSize(4, 4)


def units_within(arch: Architecture, uid: str) -> set[str]:
    """*uid* and all its sub-units."""
    out = {uid}
    changed = True
    while changed:
        changed = False
        for unit in arch.units.values():
            if unit.parent in out and unit.id not in out:
                out.add(unit.id)
                changed = True
    return out


class ScorecardFilter(QSortFilterProxyModel):
    """Rows of the chosen unit and owner (None: all)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.unit: str | None = None
        self.owner: str | None = None
        self._units: set[str] = set()  # the unit and its sub-units
        self.setSortRole(SORT_ROLE)

    def set_filter(self, unit: str | None, owner: str | None) -> None:
        self.unit, self.owner = unit, owner
        model = self.sourceModel()
        if unit is not None and isinstance(model, ScorecardModel):
            self._units = units_within(model.context.arch, unit)
        self.invalidate()

    def filterAcceptsRow(self, row: int, parent: Index) -> bool:  # noqa: N802
        model = self.sourceModel()
        assert isinstance(model, ScorecardModel)
        arch = model.context.arch
        proc = arch.processes.get(model.kpi(row).process)
        if proc is None:
            return False
        # the person who answers for the process: its own owner or one inherited from a
        # process above it (as the checks and the report read it)
        person = ownership(arch, proc.id).person
        if self.owner is not None and person != self.owner:
            return False
        if self.unit is not None:
            units = self._units
            owner = arch.people.get(person) if person else None
            taking_part = set(arch.participation_of(proc.id))
            if not (taking_part & units or (owner is not None and owner.unit in units)):
                return False
        return True


class ScorecardPanel(FilledWhenShown, QWidget):
    """The scorecard view with its two filters."""

    def __init__(self, context: EditorContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scorecardPanel")
        self.context = context
        self.model = ScorecardModel(context, self)
        self.proxy = ScorecardFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView(self)
        self.table.setObjectName("scorecardTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Expanding)
        self.table.setItemDelegateForColumn(COLUMNS.index("trend"), SparklineDelegate(self))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(SPARK.height() + 4)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(COLUMNS.index("trend"), SPARK.width() + 6)
        header.resizeSection(0, 170)
        for name in ("latest", "target", "variation", "assurance"):
            header.setSectionResizeMode(
                COLUMNS.index(name), QHeaderView.ResizeMode.ResizeToContents
            )
        self.columns = ColumnFitter(self.table, DROP_ORDER, keep=COLUMNS.index("kpi"))
        self.unit_filter = QComboBox(self)
        self.unit_filter.setObjectName("scorecardUnit")
        self.owner_filter = QComboBox(self)
        self.owner_filter.setObjectName("scorecardOwner")
        for combo in (self.unit_filter, self.owner_filter):  # long names must not widen
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(4)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Unit:"), self))
        bar.addWidget(self.unit_filter, 1)
        bar.addWidget(QLabel(self.tr("Owner:"), self))
        bar.addWidget(self.owner_filter, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(bar)
        layout.addWidget(self.table)
        self.unit_filter.currentIndexChanged.connect(self._apply_filter)
        self.owner_filter.currentIndexChanged.connect(self._apply_filter)
        self.table.doubleClicked.connect(self._reveal)
        self._shown = False  # filled when its tab first comes to the front
        context.committed.connect(lambda _e: self.changed())
        context.documentReplaced.connect(self.changed)

    def sizeHint(self) -> QSize:  # noqa: N802 - a dock tabbed at the bottom: stay modest
        return QSize(420, 200)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - must not widen the window
        return QSize(160, 120)

    def refresh(self) -> None:
        self._stale = False
        arch = self.context.arch
        for combo, items in (
            (self.unit_filter, [(u.name, u.id) for u in arch.units.values()]),
            (self.owner_filter, self._owners(arch)),
        ):
            keep = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("All"), None)
            for name, ident in items:
                combo.addItem(name, ident)
            combo.setCurrentIndex(max(0, combo.findData(keep)) if keep else 0)
            combo.blockSignals(False)
        self.model.refresh()
        self._apply_filter()

    @staticmethod
    def _owners(arch: Architecture) -> list[tuple[str, str]]:
        ids = dict.fromkeys(p.owner for p in arch.processes.values() if p.owner)
        return [(arch.people[i].name, i) for i in ids if i in arch.people]

    def _apply_filter(self, *_args: Any) -> None:
        self.proxy.set_filter(self.unit_filter.currentData(), self.owner_filter.currentData())

    def _reveal(self, index: QModelIndex) -> None:
        kpi = self.proxy.data(index, KPI_ROLE)
        if isinstance(kpi, Kpi) and kpi.process in self.context.arch.processes:
            self.context.reveal(kpi.process)
