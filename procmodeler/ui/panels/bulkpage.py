"""The properties panel's page for several selected processes or relations: what they
share (kind, owner, leader, status, establishment level; a relation's kind and object)
shown once, "several values" where they differ, and a change given to all of them as
one composite edit (one undo entry)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QComboBox, QLabel, QVBoxLayout, QWidget

from procmodeler import vocabulary
from procmodeler.edit import composite
from procmodeler.model.elements import (
    ESTABLISHMENT_LEVELS,
    PROCESS_KINDS,
    PROCESS_STATUSES,
    RELATION_KINDS,
)
from procmodeler.ui.context import EditorContext
from procmodeler.ui.panels._common import CommitLineEdit, _t, run_op
from procmodeler.ui.panels.pageparts import PageHeader, form_layout, people_choices
from procmodeler.ui.words import process_kind_labels, relation_kind_labels, status_labels

#: the data of the "several values" item of a choice
MIXED = "\x00mixed"


class BulkPage(QWidget):
    """Edits what several processes, or several relations, have in common."""

    def __init__(self, context: EditorContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.ids: list[str] = []
        self.of_processes = True
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.header = PageHeader()
        layout.addWidget(self.header)
        self.note = QLabel(_t("A change here applies to every selected element."))
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        self.form = form_layout()
        self.choices: dict[str, QComboBox] = {}
        for field, label in (
            ("kind", _t("Kind")),
            ("owner", _t("Owner")),
            ("leader", _t("Leader")),
            ("status", _t("Status")),
            ("established", _t("Establishment level")),
        ):
            box = QComboBox()
            box.setObjectName(f"bulk_{field}")
            box.activated.connect(lambda _i, f=field, b=box: self._picked(f, b))
            self.choices[field] = box
            self.form.addRow(label, box)
        self.object = CommitLineEdit()
        self.object.setObjectName("bulk_object")
        self.object.commit.connect(lambda text: self._apply(object=text))
        self.form.addRow(_t("Object"), self.object)
        layout.addLayout(self.form)
        layout.addStretch(1)

    # ------------------------------------------------------------------ showing
    def show_elements(self, ids: Sequence[str], of_processes: bool) -> None:
        self.ids, self.of_processes = list(ids), of_processes
        self.refresh()

    def refresh(self) -> None:
        arch = self.context.arch
        table = arch.processes if self.of_processes else arch.relations
        records = [table[i] for i in self.ids if i in table]
        if not records:
            return
        n = len(records)
        title = (
            _t("{n} processes selected") if self.of_processes else _t("{n} relations selected")
        ).format(n=n)
        self.header.show_element(_t("Several"), title, "", "#f4f6f8", "#5f6b7a")
        tr = self.context.catalogue()
        if self.of_processes:
            people = people_choices(self.context)
            options: dict[str, list[tuple[str, str | None]]] = {
                "kind": [(process_kind_labels()[k], k) for k in PROCESS_KINDS],
                "owner": [(_t("(no owner)"), None), *people],
                "leader": [(_t("(no leader)"), None), *people],
                "status": [(status_labels()[k], k) for k in PROCESS_STATUSES],
                "established": [
                    (_t("(not assessed)"), None),
                    *[
                        (vocabulary.word(vocabulary.ESTABLISHMENT, k, tr), k)
                        for k in ESTABLISHMENT_LEVELS
                    ],
                ],
            }
        else:
            options = {"kind": [(relation_kind_labels()[k], k) for k in RELATION_KINDS]}
        for field, box in self.choices.items():
            shown = field in options
            box.setVisible(shown)
            self.form.labelForField(box).setVisible(shown)
            if shown:
                values = {getattr(r, field) for r in records}
                self._fill(box, options[field], values)
        self.object.setVisible(not self.of_processes)
        self.form.labelForField(self.object).setVisible(not self.of_processes)
        if not self.of_processes:
            objects = {r.object for r in records}
            self.object.set_value(objects.pop() if len(objects) == 1 else "")
            self.object.setPlaceholderText(
                _t("Several values") if len(objects) > 1 else _t("What flows")
            )

    @staticmethod
    def _fill(box: QComboBox, options: list[tuple[str, str | None]], values: set[object]) -> None:
        box.blockSignals(True)
        box.clear()
        if len(values) > 1:
            box.addItem(_t("Several values"), MIXED)
        for label, key in options:
            box.addItem(label, key or "")  # "": none
        current = (next(iter(values)) or "") if len(values) == 1 else MIXED
        box.setCurrentIndex(max(0, box.findData(current)))
        box.blockSignals(False)

    # ------------------------------------------------------------------ editing
    def _picked(self, field: str, box: QComboBox) -> None:
        value = box.currentData()
        if value != MIXED:
            self._apply(**{field: value or None})

    def _apply(self, **fields: object) -> None:
        op = composite.set_processes_fields if self.of_processes else composite.set_relations_fields
        if not run_op(self, self.context, op, self.ids, **fields):
            self.refresh()
