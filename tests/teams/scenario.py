"""The "Done when" scenario of issue 16: a model and two edited copies."""

from __future__ import annotations

from procmodeler.edit import Editor
from procmodeler.edit import operations as op
from procmodeler.model import Architecture, Bounds


def base_model() -> Architecture:
    ed = Editor()
    op.set_metadata(ed, name="Kommunen", language="en")
    sales = op.add_unit(ed, "Sales", uid="unit_1")
    op.add_unit(ed, "Production", uid="unit_2")
    op.add_person(ed, "Anna", unit=sales, person_id="person_1")
    op.add_person(ed, "Bo", unit=sales, person_id="person_2")
    op.create_process(ed, "Order", "core", pid="proc_1", bounds=Bounds(0, 0, 120, 60))
    op.create_process(ed, "Deliver", "core", pid="proc_2", bounds=Bounds(200, 0, 120, 60))
    op.create_process(ed, "Invoice", "support", pid="proc_3", bounds=Bounds(400, 0, 120, 60))
    op.connect(ed, "proc_1", "proc_2", "flow", "Order", rid="rel_1")
    op.connect(ed, "proc_2", "proc_3", "flow", "Goods", rid="rel_2")
    op.set_participation(ed, "proc_1", "unit_1", "R")
    op.set_owner(ed, "proc_2", "person_1")
    op.add_kpi(ed, "proc_1", "Lead time", "lead_time", kid="kpi_1", target=5)
    return ed.arch


def ours_edits(ed: Editor) -> None:
    """Renamed process, changed owner, a new process, removed relation, RACI letters."""
    op.rename_process(ed, "proc_1", "Take order")
    op.set_owner(ed, "proc_2", "person_2")
    op.create_process(ed, "Plan", "management", bounds=Bounds(0, 200, 120, 60))  # proc_4
    op.disconnect(ed, ["rel_1"])
    op.set_participation(ed, "proc_1", "unit_1", "RA")


def theirs_edits(ed: Editor) -> None:
    """KPI target, renamed unit, a new process (same id as ours), unit, KPI, relation."""
    op.set_kpi(ed, "kpi_1", target=3)
    op.rename_unit(ed, "unit_2", "Manufacturing")
    new = op.create_process(ed, "Audit", "support", bounds=Bounds(400, 200, 120, 60))  # proc_4
    op.add_unit(ed, "Quality")  # unit_3
    op.add_kpi(ed, new, "Findings", "other", target=0)  # kpi_2
    op.connect(ed, new, "proc_3", "support")  # rel_3


def edited(edits) -> Architecture:  # type: ignore[no-untyped-def]
    ed = Editor(base_model())
    edits(ed)
    return ed.arch
