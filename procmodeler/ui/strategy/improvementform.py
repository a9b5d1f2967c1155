"""The fields of one improvement beside the improvements board: title, process,
responsible person, the KPI it is meant to move, started / due / done dates and
description; each edit is one ``set_improvement`` (one undo entry)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QWidget

from procmodeler.edit import operations as ops
from procmodeler.ui.context import EditorContext
from procmodeler.ui.panels._common import (
    CommitLineEdit,
    CommitTextEdit,
    SearchCombo,
    process_path,
    run_op,
)
from procmodeler.ui.panels.pageparts import people_choices, process_choices

DATES = ("started", "due", "done")
#: narrower than this, each label stands above its field
LABELS_ABOVE_BELOW = 260


class ImprovementForm(QWidget):
    """Edits the improvement ``iid`` (None: nothing to edit, the form is disabled)."""

    #: the improvement shown (None: none)
    shown = Signal(object)

    def __init__(self, context: EditorContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("improvementForm")
        self.context = context
        self.iid: str | None = None
        tr = context.catalogue()
        self.title = CommitLineEdit(self)
        self.title.setObjectName("improvementTitle")
        self.process = SearchCombo(None, self)
        self.process.setObjectName("improvementProcess")
        self.responsible = SearchCombo(tr("(nobody)"), self)
        self.responsible.setObjectName("improvementResponsible")
        self.kpi = SearchCombo(tr("(no KPI)"), self)
        self.kpi.setObjectName("improvementKpi")
        for combo in (self.process, self.responsible, self.kpi):
            combo.setMinimumContentsLength(6)  # the narrow form beside the board's columns
        self.dates: dict[str, CommitLineEdit] = {}
        for name in DATES:
            edit = CommitLineEdit(self)
            edit.setObjectName(f"improvement_{name}")
            edit.setPlaceholderText(tr("YYYY-MM-DD"))
            edit.commit.connect(lambda text, n=name: self._set(**{n: text.strip() or None}))
            self.dates[name] = edit
        self.description = CommitTextEdit(self)
        self.description.setObjectName("improvementDescription")
        self.description.setMaximumHeight(60)
        self.rows = form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(tr("Title:"), self.title)
        form.addRow(tr("Process:"), self.process)
        form.addRow(tr("Responsible:"), self.responsible)
        form.addRow(tr("KPI:"), self.kpi)
        form.addRow(tr("Started:"), self.dates["started"])
        form.addRow(tr("Due:"), self.dates["due"])
        form.addRow(tr("Done:"), self.dates["done"])
        form.addRow(tr("Description:"), self.description)
        self.title.commit.connect(lambda text: self._set(title=text))
        self.process.picked.connect(lambda pid: self._set(process=pid))
        self.responsible.picked.connect(lambda pid: self._set(responsible=pid))
        self.kpi.picked.connect(lambda kid: self._set(kpi=kid))
        self.description.commit.connect(lambda text: self._set(description=text))
        self.show_improvement(None)

    def fit_width(self, width: int) -> None:
        """Labels above their fields when the form gets less than
        ``LABELS_ABOVE_BELOW`` pixels, beside them otherwise."""
        policy = QFormLayout.RowWrapPolicy
        wanted = policy.WrapAllRows if width < LABELS_ABOVE_BELOW else policy.DontWrapRows
        if self.rows.rowWrapPolicy() != wanted:
            self.rows.setRowWrapPolicy(wanted)

    def show_improvement(self, iid: str | None) -> None:
        arch = self.context.arch
        self.iid = iid if iid in arch.improvements else None
        imp = arch.improvements.get(self.iid) if self.iid else None
        self.setEnabled(imp is not None)
        self.title.set_value(imp.title if imp else "")
        self.process.set_choices(process_choices(self.context), imp.process if imp else None)
        self.responsible.set_choices(people_choices(self.context), imp.responsible if imp else None)
        kpis = [
            (f"{k.name} — {process_path(arch, k.process)}", k.id)
            for k in arch.kpis.values()
            if imp is not None and (k.process == imp.process or k.id == imp.kpi)
        ]
        self.kpi.set_choices(kpis, imp.kpi if imp else None)
        for name, edit in self.dates.items():
            edit.set_value((getattr(imp, name) or "") if imp else "")
        self.description.set_value(imp.description if imp else "")
        self.shown.emit(self.iid)

    def _set(self, **fields: object) -> None:
        if self.iid is not None and not run_op(
            self, self.context, ops.set_improvement, self.iid, **fields
        ):
            self.show_improvement(self.iid)  # refused: show the model's values again
