"""The item model of the participation matrix: processes as a tree of rows (following
the hierarchy), column 0 the process, then one column per unit in unit-tree order."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QWidget

from procmodeler.analysis.marks import owner_unit
from procmodeler.edit.raci import accountable_count
from procmodeler.notation.matrix import UnitColumn, unit_columns
from procmodeler.ui.context import EditorContext
from procmodeler.ui.panels._common import _t
from procmodeler.ui.words import raci_labels

Index = QModelIndex | QPersistentModelIndex

LETTERS_ROLE = Qt.ItemDataRole.UserRole + 10  # None: no participation; str: letters
OWNER_ROLE = Qt.ItemDataRole.UserRole + 11  # True: the owner's unit
SEVERITY_ROLE = Qt.ItemDataRole.UserRole + 12  # worst finding severity of the row
ID_ROLE = Qt.ItemDataRole.UserRole + 13  # process id (column 0) / unit id (cells)
CONFLICT_ROLE = Qt.ItemDataRole.UserRole + 14  # True: an A where another unit has one too


class MatrixModel(QAbstractItemModel):
    """Processes as a tree of rows; column 0 the process, then one column per unit."""

    def __init__(self, context: EditorContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.cols: list[UnitColumn] = []
        self._num: dict[str, int] = {}
        self._pids: list[str] = []
        self._children: dict[str | None, list[str]] = {}
        self._row: dict[str, int] = {}
        self._parent: dict[str, str | None] = {}
        self.row_severity: dict[str, str] = {}
        self.unit_severity: dict[str, str] = {}
        self.rebuild()

    def rebuild(self) -> None:
        arch = self.context.arch
        self.beginResetModel()
        self.cols = self.columns()
        self._children = {}
        self._parent = {}
        for pid in arch.walk():
            parent = arch.processes[pid].parent
            self._children.setdefault(parent, []).append(pid)
            self._parent[pid] = parent
        self._row = {}
        for kids in self._children.values():
            for i, pid in enumerate(kids):
                self._row[pid] = i
        for pid in self._parent:
            if pid not in self._num:
                self._num[pid] = len(self._pids)
                self._pids.append(pid)
        self.endResetModel()

    def structure_differs(self) -> bool:
        """True when processes or units were added, removed, moved or reordered."""
        arch = self.context.arch
        units = [c.uid for c in self.columns()]
        return units != [c.uid for c in self.cols] or list(arch.walk()) != self._flat()

    def columns(self) -> list[UnitColumn]:
        """The columns after the process column: the units (the strategy matrix
        overrides this with the objectives)."""
        return unit_columns(self.context.arch)

    def refresh_names(self) -> None:
        """Unit names changed but not the tree: new header texts without a reset."""
        self.cols = self.columns()
        if self.cols:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 1, len(self.cols))

    def _flat(self) -> list[str]:
        out: list[str] = []

        def visit(parent: str | None) -> None:
            for pid in self._children.get(parent, ()):
                out.append(pid)
                visit(pid)

        visit(None)
        return out

    # ------------------------------------------------------------------ lookups
    def pid(self, index: Index) -> str | None:
        if not index.isValid():
            return None
        return self._pids[index.internalId()]

    def uid(self, index: Index) -> str | None:
        if not index.isValid() or index.column() == 0:
            return None
        return self.cols[index.column() - 1].uid

    def index_of(self, pid: str, column: int = 0) -> QModelIndex:
        if pid not in self._row:
            return QModelIndex()
        return self.createIndex(self._row[pid], column, self._num[pid])

    def column_of(self, uid: str) -> int:
        for i, col in enumerate(self.cols):
            if col.uid == uid:
                return i + 1
        return -1

    def second_accountable(self, pid: str, letters: str | None) -> bool:
        """Whether this cell's A is one of several in its process's row."""
        if not letters or "A" not in letters:
            return False
        return accountable_count(self.context.arch.participation_of(pid)) > 1

    def owner_unit(self, pid: str) -> str | None:
        return owner_unit(self.context.arch, pid)

    # ------------------------------------------------------------------ Qt model
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        parent_pid = self.pid(parent)
        kids = self._children.get(parent_pid, [])
        if 0 <= row < len(kids) and 0 <= column <= len(self.cols):
            return self.createIndex(row, column, self._num[kids[row]])
        return QModelIndex()

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # noqa: B008 - Qt overload
        pid = self.pid(index)
        if pid is None:
            return QModelIndex()
        parent = self._parent.get(pid)
        if parent is None:
            return QModelIndex()
        return self.createIndex(self._row[parent], 0, self._num[parent])

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._children.get(self.pid(parent), []))

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 1 + len(self.cols)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return _t("Process") if section == 0 else self.cols[section - 1].name
        if role == Qt.ItemDataRole.ToolTipRole and section > 0:
            col = self.cols[section - 1]
            if col.span_end > section - 1:
                return _t("{name} itself (its sub-units have columns of their own)").format(
                    name=col.name
                )
            return col.name
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        pid = self.pid(index)
        arch = self.context.arch
        proc = arch.processes.get(pid) if pid else None
        if proc is None:
            return None
        if index.column() == 0:
            if role == Qt.ItemDataRole.DisplayRole:
                return proc.name
            if role == ID_ROLE:
                return pid
            if role == SEVERITY_ROLE:
                return self.row_severity.get(pid)  # type: ignore[arg-type]
            if role == Qt.ItemDataRole.ToolTipRole:
                owner = arch.people.get(proc.owner) if proc.owner else None
                lines = [proc.name]
                if owner is not None:
                    lines.append(_t("Owner: {name}").format(name=owner.name))
                return "\n".join(lines)
            return None
        uid = self.cols[index.column() - 1].uid
        letters = arch.participation.get((pid, uid))  # type: ignore[arg-type]
        if role == LETTERS_ROLE:
            return letters
        if role == Qt.ItemDataRole.DisplayRole:
            return letters if letters else ("·" if letters == "" else "")
        if role == OWNER_ROLE:
            return self.owner_unit(pid) == uid  # type: ignore[arg-type]
        if role == CONFLICT_ROLE:
            return self.second_accountable(pid, letters)  # type: ignore[arg-type]
        if role == ID_ROLE:
            return uid
        if role == Qt.ItemDataRole.ToolTipRole:
            names = raci_labels()
            text = f"{proc.name} × {arch.units[uid].name}"
            if letters:
                text += "\n" + ", ".join(names[x] for x in letters)
            elif letters == "":
                text += "\n" + _t("Takes part (no role yet)")
            if self.owner_unit(pid) == uid:  # type: ignore[arg-type]
                text += "\n" + _t("The owner's unit")
            if self.second_accountable(pid, letters):  # type: ignore[arg-type]
                text += "\n" + _t("Warning: more than one unit is accountable for this process")
            return text
        return None
