"""View settings the file keeps (swimlanes shown): applied and published, but no undo
entry and no modification; undo and redo around them stay exact."""

from __future__ import annotations

from procmodeler.edit import operations as ops
from procmodeler.edit.editor import Editor
from procmodeler.model import Bounds
from procmodeler.model.elements import DiagramOptions
from procmodeler.model.events import Committed


def _model() -> tuple[Editor, str]:
    ed = Editor()
    top = ops.create_process(ed, "Deliver", "core", bounds=Bounds(0.0, 0.0, 160.0, 70.0))
    ops.create_process(ed, "Pick", "core", parent=top, bounds=Bounds(0.0, 0.0, 150.0, 60.0))
    ed.mark_clean()
    return ed, top


def test_showing_swimlanes_is_no_edit() -> None:
    ed, top = _model()
    seen: list[Committed] = []
    ed.subscribe(seen.append)
    history = ed.history()
    ops.show_swimlanes(ed, top, True)
    assert ed.arch.diagrams[top].swimlanes
    assert not ed.is_modified
    assert ed.history() == history  # nothing new on the undo stack
    assert [e.how for e in seen] == ["setting"]
    assert seen[0].label.text(None) == "Show swimlanes"
    ops.show_swimlanes(ed, top, False)
    assert top not in ed.arch.diagrams
    assert not ed.is_modified


def test_undo_and_redo_across_a_setting_stay_exact() -> None:
    ed, top = _model()
    ops.set_diagram_options(ed, top, True)  # an edit: on the stack
    ops.show_swimlanes(ed, top, False)  # a setting over it
    assert ed.undo()  # the edit now goes back from "off" to its old value
    assert top not in ed.arch.diagrams
    ops.show_swimlanes(ed, top, True)  # a setting under the redo entry
    assert ed.redo()  # the entry ends where the setting left it: hidden
    assert top not in ed.arch.diagrams
    assert ed.undo()
    assert ed.arch.diagrams[top] == DiagramOptions(True)  # back to the setting


def test_deleting_a_process_after_a_setting_undoes_exactly() -> None:
    ed, top = _model()
    ops.show_swimlanes(ed, top, True)
    ops.delete_processes(ed, [top])
    assert top not in ed.arch.diagrams
    ed.undo()
    assert ed.arch.diagrams[top].swimlanes
    ops.show_swimlanes(ed, top, False)
    ed.redo()
    ed.undo()
    assert top not in ed.arch.diagrams
