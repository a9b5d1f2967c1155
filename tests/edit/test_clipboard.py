"""Copy and paste of processes without Qt: fragments, fresh ids, one undo entry."""

from __future__ import annotations

import json

import pytest

from procmodeler.common.errors import UserError
from procmodeler.edit import clipboard
from procmodeler.edit import operations as ops
from procmodeler.edit.editor import Editor
from procmodeler.model import Bounds


def _model() -> tuple[Editor, dict[str, str]]:
    ed = Editor()
    u = ops.add_unit(ed, "Sales")
    owner = ops.add_person(ed, "Anna Berg", unit=u)
    a = ops.create_process(ed, "Order to delivery", "core", bounds=Bounds(100, 100, 160, 70))
    b = ops.create_process(ed, "Invoice", "core", bounds=Bounds(300, 100, 160, 70))
    c = ops.create_process(ed, "Steer", "management", bounds=Bounds(100, 0, 160, 70))
    a1 = ops.create_process(ed, "Take order", "core", parent=a, bounds=Bounds(0, 0, 120, 60))
    a2 = ops.create_process(ed, "Deliver", "core", parent=a, bounds=Bounds(200, 0, 120, 60))
    ops.connect(ed, a, b, "flow", "Order", waypoints={None: [(280, 135)]})
    ops.connect(ed, a1, a2, "flow", "Picked order", waypoints={a: [(160, 30)]})
    ops.connect(ed, c, a, "steering")
    ops.set_owner(ed, a, owner)
    ops.set_participation(ed, a, u, "RA")
    ops.add_kpi(ed, a, "Lead time", "lead_time", measure="days", target=5, actual=6)
    ops.set_diagram_options(ed, a, True, [u])
    return ed, {"a": a, "b": b, "c": c, "a1": a1, "a2": a2, "u": u, "owner": owner}


def test_copy_takes_descendants_and_inner_relations_only() -> None:
    ed, ids = _model()
    frag = clipboard.copy_fragment(ed.arch, None, [ids["a"], ids["b"], ids["a1"]])
    assert frag["roots"] == [ids["a"], ids["b"]]  # a1 comes with its parent
    names = [p["name"] for p in frag["processes"]]
    assert names == ["Order to delivery", "Take order", "Deliver", "Invoice"]
    kinds = {(r["source"], r["target"]) for r in frag["relations"]}
    assert kinds == {(ids["a"], ids["b"]), (ids["a1"], ids["a2"])}  # not the steering one
    json.dumps(frag)  # JSON-able
    assert clipboard.loads(clipboard.dumps(frag)) == frag


def test_paste_is_one_undo_entry_with_fresh_ids_and_everything_copied() -> None:
    ed, ids = _model()
    before = ed.arch.copy()
    entries = len(ed.history())
    frag = clipboard.copy_fragment(ed.arch, None, [ids["a"]])
    new = clipboard.paste_fragment(ed, frag, None, (40, 50))
    arch = ed.arch
    assert len(new) == 1 and new[0] not in before.processes
    root = arch.processes[new[0]]
    assert root.name == "Order to delivery (copy)" and root.parent is None  # told apart
    assert root.owner == ids["owner"]
    assert arch.shapes[None][new[0]] == Bounds(140, 150, 160, 70)
    kids = arch.children(new[0])
    assert [arch.processes[k].name for k in kids] == ["Take order", "Deliver"]
    assert arch.shapes[new[0]][kids[0]] == Bounds(0, 0, 120, 60)  # sub-level unchanged
    inner = [r for r in arch.relations.values() if r.source == kids[0]]
    assert len(inner) == 1 and inner[0].object == "Picked order"
    assert arch.waypoints[new[0]][inner[0].id] == ((160.0, 30.0),)
    assert arch.participation[(new[0], ids["u"])] == "RA"
    kpis = [arch.kpis[k] for k in arch.kpis_of(new[0])]
    assert [(k.name, k.target, k.actual) for k in kpis] == [("Lead time", 5.0, 6.0)]
    assert arch.diagrams[new[0]].swimlanes
    assert len(ed.history()) == entries + 1
    assert ed.undo_label().text() == "Paste 1 process"
    ed.undo()
    assert arch == before
    ed.redo()
    assert new[0] in arch.processes


def test_paste_twice_gives_distinct_deterministic_ids() -> None:
    ed1, ids = _model()
    ed2, _ = _model()
    frag = clipboard.copy_fragment(ed1.arch, None, [ids["a"]])
    first = clipboard.paste_fragment(ed1, frag, None)
    second = clipboard.paste_fragment(ed1, frag, None)
    assert first != second
    assert clipboard.paste_fragment(ed2, frag, None) == first  # same model, same ids


def test_paste_onto_another_level_and_into_another_model() -> None:
    ed, ids = _model()
    frag = clipboard.copy_fragment(ed.arch, None, [ids["b"]])
    new = clipboard.paste_fragment(ed, frag, ids["a"])
    assert ed.arch.processes[new[0]].parent == ids["a"]
    assert new[0] in ed.arch.shapes[ids["a"]]

    other = Editor()
    frag = clipboard.copy_fragment(ed.arch, None, [ids["a"]])
    pasted = clipboard.paste_fragment(other, clipboard.loads(clipboard.dumps(frag)), None)
    proc = other.arch.processes[pasted[0]]
    assert proc.owner is None  # that person does not exist there
    assert other.arch.participation == {}
    assert len(other.arch.processes) == 4  # a, its two children and the pasted b


def test_paste_offset_lands_beside_never_on_top() -> None:
    ed, ids = _model()
    frag = clipboard.copy_fragment(ed.arch, None, [ids["a"]])
    shapes = ed.arch.shapes[None]
    dx, dy = clipboard.paste_offset(ed.arch, frag, None)
    moved = shapes[ids["a"]].moved(dx, dy)
    assert dy == 0 and dx > 0
    for b in shapes.values():  # overlaps nothing on its level
        assert not (moved.x < b.x + b.w and b.x < moved.x + moved.w and moved.y < b.y + b.h)
    assert clipboard.paste_offset(ed.arch, frag, ids["a"]) == (0.0, 0.0)  # a free level
    # at the mouse: centred on the point when that place is free
    a = shapes[ids["a"]]
    at = clipboard.paste_offset(ed.arch, frag, None, (2000.0, 1000.0))
    assert abs(at[0] - (2000.0 - a.w / 2 - a.x)) <= 5  # on the 10-unit grid
    assert abs(at[1] - (1000.0 - a.h / 2 - a.y)) <= 5


@pytest.mark.parametrize(
    "text",
    [
        "",
        "not json",
        "[]",
        '{"format": "other"}',
        '{"format": "procmodeler-fragment", "version": 1}',
    ],
)
def test_bad_clipboard_text_is_a_user_error(text: str) -> None:
    with pytest.raises(UserError):
        clipboard.loads(text)


def test_fragment_with_dangling_reference_is_refused() -> None:
    ed, ids = _model()
    frag = clipboard.copy_fragment(ed.arch, None, [ids["a"]])
    frag["relations"][0]["target"] = "nowhere"
    with pytest.raises(UserError):
        clipboard.paste_fragment(ed, frag, None)
