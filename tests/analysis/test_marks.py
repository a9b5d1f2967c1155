"""What the views mark from findings: the worst severity per element and per process
(a process only by the findings that name it), and the owner's unit of a process."""

from __future__ import annotations

from procmodeler.analysis.findings import Finding
from procmodeler.analysis.marks import owner_unit, severity_by_element, severity_by_process, worst
from procmodeler.edit import Editor
from procmodeler.edit import operations as op


def test_worst() -> None:
    assert worst([]) is None
    assert worst(["info", "warning"]) == "warning"
    assert worst(["warning", "error", "info"]) == "error"


def _model() -> Editor:
    ed = Editor()
    op.add_unit(ed, "Sales", uid="U1")
    op.add_person(ed, "Anna", unit="U1", person_id="P1")
    op.add_person(ed, "Bo", person_id="P2")
    op.create_process(ed, "Sell", pid="A")
    op.create_process(ed, "Ship", pid="B")
    return ed


def test_a_process_is_marked_by_findings_naming_it_not_by_mentions() -> None:
    arch = _model().arch
    findings = [
        Finding("r1", "warning", ("A",), "about A", related=("B", "U1")),
        Finding("r2", "info", ("A",), "about A too"),
        Finding("r3", "error", ("U1",), "about the unit", related=("A",)),
    ]
    assert severity_by_process(arch, findings) == {"A": "warning"}
    assert severity_by_element(findings) == {"A": "error", "B": "warning", "U1": "error"}


def test_owner_unit() -> None:
    ed = _model()
    assert owner_unit(ed.arch, "A") is None  # no owner
    op.set_owner(ed, "A", "P1")
    op.set_owner(ed, "B", "P2")
    assert owner_unit(ed.arch, "A") == "U1"
    assert owner_unit(ed.arch, "B") is None  # the owner has no unit
    assert owner_unit(ed.arch, "missing") is None
