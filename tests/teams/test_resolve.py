"""Resolving recorded conflicts one by one (keep ours, take theirs), each undoable."""

from __future__ import annotations

import pytest

from procmodeler.common.errors import EditRefused
from procmodeler.edit import Editor
from procmodeler.edit import operations as op
from procmodeler.io import native
from procmodeler.io.merge import merge
from procmodeler.io.resolve import OURS, THEIRS, resolve
from procmodeler.model import Bounds
from tests.teams.scenario import base_model


def merged(ours_edits, theirs_edits) -> Editor:  # type: ignore[no-untyped-def]
    base = base_model()
    ed = Editor(base)
    op.create_process(ed, "Pick", parent="proc_2", pid="proc_21", bounds=Bounds(0, 0, 100, 50))
    ours, theirs = Editor(base.copy()), Editor(base.copy())
    ours_edits(ours)
    theirs_edits(theirs)
    return Editor(merge(base, ours.arch, theirs.arch).model)


def test_take_theirs_and_keep_ours_on_field_conflicts_undoably() -> None:
    def ours(ed: Editor) -> None:
        op.rename_process(ed, "proc_1", "Bill")
        op.rename_unit(ed, "unit_1", "Sales east")

    def theirs(ed: Editor) -> None:
        op.rename_process(ed, "proc_1", "Charge")
        op.rename_unit(ed, "unit_1", "Sales west")

    ed = merged(ours, theirs)
    assert list(ed.arch.conflicts) == [("unit", "unit_1", "name"), ("process", "proc_1", "name")]
    resolve(ed, ("process", "proc_1", "name"), THEIRS)
    assert ed.arch.processes["proc_1"].name == "Charge"
    resolve(ed, ("unit", "unit_1", "name"), OURS)
    assert ed.arch.units["unit_1"].name == "Sales east" and not ed.arch.conflicts
    ed.undo()
    assert list(ed.arch.conflicts) == [("unit", "unit_1", "name")]
    ed.undo()
    assert ed.arch.processes["proc_1"].name == "Bill" and len(ed.arch.conflicts) == 2
    with pytest.raises(EditRefused):
        resolve(ed, ("process", "proc_9", "name"), THEIRS)


def test_take_theirs_puts_back_a_deleted_element_with_what_it_needs() -> None:
    ed = merged(
        lambda ed: op.delete_processes(ed, ["proc_2"]),
        lambda ed: op.rename_process(ed, "proc_21", "Pick fast"),
    )
    assert "proc_21" not in ed.arch.processes
    assert set(ed.arch.conflicts) == {("process", "proc_21", ""), ("process", "proc_2", "")}
    resolve(ed, ("process", "proc_21", ""), THEIRS)
    assert ed.arch.processes["proc_21"].name == "Pick fast"
    assert "proc_2" in ed.arch.processes and not ed.arch.conflicts
    assert ed.arch.levels_showing("proc_2") == [None]
    assert native.loads(native.dumps(ed.arch)) == ed.arch
    ed.undo()
    assert "proc_2" not in ed.arch.processes and len(ed.arch.conflicts) == 2


def test_take_theirs_deletion_takes_what_goes_with_it() -> None:
    ed = merged(
        lambda ed: op.set_owner(ed, "proc_1", "person_2"),
        lambda ed: op.delete_person(ed, "person_2", force=True),
    )
    assert list(ed.arch.conflicts) == [("person", "person_2", "")]
    resolve(ed, ("person", "person_2", ""), THEIRS)
    assert "person_2" not in ed.arch.people
    assert ed.arch.processes["proc_1"].owner is None
    assert native.loads(native.dumps(ed.arch)) == ed.arch
