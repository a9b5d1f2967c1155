"""Find (Ctrl+F): processes, units and people by name; choosing a result reveals it
(opens the right level and selects it)."""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from procmodeler.model.architecture import Architecture
from procmodeler.model.elements import Person, Process, Unit
from procmodeler.ui import icons
from procmodeler.ui.context import EditorContext
from procmodeler.ui.words import kind_label

ID_ROLE = Qt.ItemDataRole.UserRole
MAX_RESULTS = 200


def fold(text: str) -> str:
    """Lower case without accents, for matching ("Ö" matches "o")."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def search(arch: Architecture, query: str) -> list[tuple[str, str, str]]:
    """``(element id, category, name)`` of processes, units and people whose name
    (or id) contains *query*; names starting with it come first."""
    q = fold(query.strip())
    if not q:
        return []
    found: list[tuple[int, int, str, str, str]] = []
    named: tuple[tuple[str, Mapping[str, Process | Unit | Person]], ...] = (
        ("process", arch.processes),
        ("unit", arch.units),
        ("person", arch.people),
    )
    for order, (category, coll) in enumerate(named):
        for eid, element in coll.items():
            name = fold(element.name)
            if q in name or q == fold(eid):
                rank = 0 if name.startswith(q) else 1
                found.append((rank, order, element.name.casefold(), eid, category))
    found.sort()
    return [(eid, category, coll_name(arch, category, eid)) for _, _, _, eid, category in found]


def coll_name(arch: Architecture, category: str, eid: str) -> str:
    if category == "process":
        return arch.processes[eid].name
    return arch.units[eid].name if category == "unit" else arch.people[eid].name


class FindDialog(QDialog):
    """A small search window: type, then Enter or double-click a result."""

    def __init__(self, context: EditorContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findDialog")
        self.setWindowTitle(self.tr("Find"))
        self.context = context
        self.resize(460, 380)
        layout = QVBoxLayout(self)
        self.query = QLineEdit(self)
        self.query.setPlaceholderText(self.tr("Process, unit or person"))
        self.query.setClearButtonEnabled(True)
        self.results = QListWidget(self)
        self.status = QLabel(self)
        self.status.setObjectName("findStatus")
        layout.addWidget(self.query)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.status)
        self.query.textChanged.connect(self.update_results)
        self.query.returnPressed.connect(self.activate_current)
        self.results.itemActivated.connect(self._activate)
        self.query.installEventFilter(self)
        self.update_results()

    def eventFilter(self, obj, event) -> bool:  # noqa: N802, ANN001 - Qt override
        if (
            obj is self.query
            and isinstance(event, QKeyEvent)
            and event.type() == QKeyEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up)
        ):
            row = self.results.currentRow() + (1 if event.key() == Qt.Key.Key_Down else -1)
            if 0 <= row < self.results.count():
                self.results.setCurrentRow(row)
            return True
        return super().eventFilter(obj, event)

    def open_find(self) -> None:
        self.query.selectAll()
        self.update_results()
        self.show()
        self.raise_()
        self.activateWindow()
        self.query.setFocus()

    def _describe(self, eid: str, category: str) -> str:
        arch = self.context.arch
        if category == "process":
            proc = arch.processes[eid]
            where = [arch.processes[a].name for a in reversed(arch.ancestors(eid))]
            path = " \u203a ".join(where) if where else self.tr("Process map")
            return f"{kind_label(proc.kind)} \u00b7 {path}"
        if category == "unit":
            unit = arch.units[eid]
            parent = arch.units.get(unit.parent) if unit.parent else None
            return self.tr("Unit") + (f" \u00b7 {parent.name}" if parent else "")
        person = arch.people[eid]
        home = arch.units.get(person.unit) if person.unit else None
        bits = [self.tr("Person")] + [b for b in (person.title, home.name if home else "") if b]
        return " \u00b7 ".join(bits)

    def update_results(self) -> None:
        self.results.clear()
        hits = search(self.context.arch, self.query.text())
        for eid, category, name in hits[:MAX_RESULTS]:
            item = QListWidgetItem(f"{name}\n{self._describe(eid, category)}")
            item.setData(ID_ROLE, eid)
            if category == "process":
                item.setIcon(icons.process_icon(self.context.arch.processes[eid].kind))
            self.results.addItem(item)
        if hits:
            self.results.setCurrentRow(0)
        if not self.query.text().strip():
            self.status.setText("")
        else:
            self.status.setText(self.tr("%n result(s)", "", len(hits)))

    def activate_current(self) -> None:
        item = self.results.currentItem()
        if item is not None:
            self._activate(item)

    def _activate(self, item: QListWidgetItem) -> None:
        eid = item.data(ID_ROLE)
        self.hide()
        self.context.reveal(eid)
