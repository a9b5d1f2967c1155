"""Issue 16's "Done when" scenario, on the functions: diff lists exactly the edits, merge
keeps all of them with distinct ids, and a conflicting rename keeps ours."""

from __future__ import annotations

from procmodeler.common.i18n import translator
from procmodeler.edit import Editor
from procmodeler.edit import operations as op
from procmodeler.io import native
from procmodeler.io.diff import diff, format_text
from procmodeler.io.merge import conflicts_of, merge
from tests.teams.scenario import base_model, edited, ours_edits, theirs_edits


def entries(changes):  # type: ignore[no-untyped-def]
    return {(c.op, c.kind, c.id, c.field) for c in changes}


def test_diff_lists_exactly_ours_edits() -> None:
    base, ours = base_model(), edited(ours_edits)
    assert entries(diff(base, ours)) == {
        ("changed", "process", "proc_1", "name"),
        ("changed", "process", "proc_2", "owner"),
        ("added", "process", "proc_4", None),
        ("added", "shape", "-/proc_4", None),
        ("removed", "relation", "rel_1", None),
        ("removed", "waypoints", "-/rel_1", None),  # its route goes with it
        ("changed", "participation", "proc_1/unit_1", "roles"),
    }
    change = next(c for c in diff(base, ours) if c.field == "owner")
    assert (change.old, change.new) == ("person_1", "person_2")


def test_diff_lists_exactly_theirs_edits() -> None:
    base, theirs = base_model(), edited(theirs_edits)
    assert entries(diff(base, theirs)) == {
        ("changed", "kpi", "kpi_1", "target"),
        ("changed", "unit", "unit_2", "name"),
        ("added", "process", "proc_4", None),
        ("added", "shape", "-/proc_4", None),
        ("added", "unit", "unit_3", None),
        ("added", "kpi", "kpi_2", None),
        ("added", "relation", "rel_3", None),
        ("added", "waypoints", "-/rel_3", None),  # a new line is routed when drawn
    }


def test_diff_text_names_elements_in_the_models_language() -> None:
    base, ours = base_model(), edited(ours_edits)
    text = format_text(diff(base, ours), base, ours, translator("en"))
    assert "Process 'Take order' (proc_1): changed" in text
    assert "  name: 'Order' → 'Take order'" in text
    assert "  owner: 'Anna' (person_1) → 'Bo' (person_2)" in text
    assert "Relation 'Order' (rel_1): removed" in text
    layout = text.split("Layout:")[1]
    assert "Shape: the landscape × 'Plan' (proc_4): added" in layout
    swedish = format_text(diff(base, ours), base, ours, translator("sv"))
    assert "Process 'Take order' (proc_1): ändrad" in swedish
    assert "namn: 'Order' → 'Take order'" in swedish


def test_merge_keeps_every_edit_with_distinct_ids() -> None:
    base, ours, theirs = base_model(), edited(ours_edits), edited(theirs_edits)
    result = merge(base, ours, theirs)
    model = result.model
    assert result.conflicts == []
    assert result.renumbered == {"proc_4": "proc_5"}
    assert model.processes["proc_1"].name == "Take order"
    assert model.processes["proc_2"].owner == "person_2"
    assert model.processes["proc_4"].name == "Plan"
    assert model.processes["proc_5"].name == "Audit"
    assert "rel_1" not in model.relations
    assert model.participation[("proc_1", "unit_1")] == "RA"
    assert model.kpis["kpi_1"].target == 3
    assert model.units["unit_2"].name == "Manufacturing"
    assert model.units["unit_3"].name == "Quality"
    # every reference to THEIRS' renumbered process follows it
    assert model.kpis["kpi_2"].process == "proc_5"
    assert (model.relations["rel_3"].source, model.relations["rel_3"].target) == (
        "proc_5",
        "proc_3",
    )
    assert model.shapes[None]["proc_4"].y == 200 and model.shapes[None]["proc_5"].x == 400
    # the result is a valid model: it saves and reads back as it is
    assert native.loads(native.dumps(model)) == model
    # and both sides' edits are in it exactly
    assert not [c for c in diff(ours, model) if c.kind != "shape" and c.id.startswith("proc_4")]


def test_conflicting_rename_keeps_ours_and_is_recorded() -> None:
    base = base_model()
    ours, theirs = Editor(base.copy()), Editor(base.copy())
    op.rename_process(ours.arch and ours, "proc_3", "Bill")
    op.rename_process(theirs, "proc_3", "Charge")
    op.rename_process(theirs, "proc_2", "Ship")
    result = merge(base, ours.arch, theirs.arch)
    assert [(c.kind, c.id, c.field, c.base, c.ours, c.theirs) for c in result.conflicts] == [
        ("process", "proc_3", "name", "Invoice", "Bill", "Charge")
    ]
    assert result.model.processes["proc_3"].name == "Bill"
    assert result.model.processes["proc_2"].name == "Ship"
    assert conflicts_of(result.model) == result.conflicts


def test_same_change_on_both_sides_is_taken_once() -> None:
    base = base_model()
    ours, theirs = Editor(base.copy()), Editor(base.copy())
    for ed in (ours, theirs):
        op.rename_process(ed, "proc_3", "Bill")
        op.create_process(ed, "Same", "core", pid="proc_9", bounds=None, place=False)
    result = merge(base, ours.arch, theirs.arch)
    assert result.conflicts == [] and result.renumbered == {}
    assert result.model == ours.arch
