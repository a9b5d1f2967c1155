"""Measurements as their own kind in diff and merge (CLI.md: kind ``measurement``, id
``KPI/PERIOD``): an added, removed and changed value as text and JSON; a three-way merge
where both sides change different values of one KPI, and where both change the same one."""

from __future__ import annotations

import json
from pathlib import Path

from procmodeler.common.i18n import translator
from procmodeler.edit import Editor
from procmodeler.edit import measurements as ms
from procmodeler.io import native
from procmodeler.io.diff import apply_changes, diff, format_listing, format_text
from procmodeler.io.merge import conflicts_of, merge
from procmodeler.io.resolve import THEIRS, resolve
from procmodeler.model import Architecture
from tests.teams.scenario import base_model


def with_series() -> Architecture:
    ed = Editor(base_model())
    ms.set_series(ed, "kpi_1", [])
    for month, value in ((1, 7), (2, 6), (3, 8), (4, 5)):
        ms.add_measurement(ed, "kpi_1", f"2025-{month:02d}", value)
    return ed.arch


def edited(edits) -> Architecture:  # type: ignore[no-untyped-def]
    ed = Editor(with_series())
    edits(ed)
    return ed.arch


def three_edits(ed: Editor) -> None:
    ms.add_measurement(ed, "kpi_1", "2025-05", 4.5, note="new routine")
    ms.delete_measurements(ed, "kpi_1", ["2025-01"])
    ms.set_measurement(ed, "kpi_1", "2025-03", value=9, rebase=True)


def write(tmp_path: Path, name: str, arch: Architecture) -> Path:
    path = tmp_path / name
    native.save(arch, path)
    return path


def test_a_kpi_has_no_series_field_and_its_values_are_records() -> None:
    from procmodeler.io.records import BY_NAME

    assert "series" not in BY_NAME["kpi"].fields()
    items = BY_NAME["measurement"].items(with_series())
    assert list(items) == [("kpi_1", f"2025-0{m}") for m in range(1, 5)]
    assert BY_NAME["measurement"].key_id(("kpi_1", "2025-03")) == "kpi_1/2025-03"


def test_diff_json_of_an_added_removed_and_changed_measurement(tmp_path: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    old = write(tmp_path, "old.procm", with_series())
    new = write(tmp_path, "new.procm", edited(three_edits))
    proc = run_cli("diff", old, new, "--format", "json")
    assert proc.returncode == 1, proc.stderr
    changes = json.loads(proc.stdout)["changes"]
    assert changes == [
        {"op": "removed", "kind": "measurement", "id": "kpi_1/2025-01"},
        {"op": "changed", "kind": "measurement", "id": "kpi_1/2025-03", "field": "value",
         "old": 8, "new": 9},
        {"op": "changed", "kind": "measurement", "id": "kpi_1/2025-03", "field": "rebase",
         "old": False, "new": True},
        {"op": "added", "kind": "measurement", "id": "kpi_1/2025-05"},
    ]  # fmt: skip


def test_diff_text_of_measurements() -> None:
    old, new = with_series(), edited(three_edits)
    text = format_text(diff(old, new), old, new, translator("en"))
    assert text == (
        "Measurement: 'Lead time' (kpi_1) × 2025-01: removed\n"
        "Measurement: 'Lead time' (kpi_1) × 2025-03: changed\n"
        "  value: 8 → 9\n"
        "  process changed here: false → true\n"
        "Measurement: 'Lead time' (kpi_1) × 2025-05: added\n"
        "\n"
        "4 changes\n"
    )
    sv = format_text(diff(old, new), old, new, translator("sv"))
    assert "Mätvärde: 'Lead time' (kpi_1) × 2025-03: ändrad\n  värde: 8 → 9\n" in sv
    listing = format_listing(new, translator("en"))
    assert (
        "Measurement: 'Lead time' (kpi_1) × 2025-05\n  value: 4.5\n  comment: 'new routine'\n"
        in (listing)
    )


def test_applying_the_diff_gives_the_new_model_back() -> None:
    old, new = with_series(), edited(three_edits)
    rebuilt = apply_changes(old, diff(old, new))
    assert rebuilt.kpis == new.kpis
    assert [m.period for m in rebuilt.kpis["kpi_1"].series] == [
        "2025-02",
        "2025-03",
        "2025-04",
        "2025-05",
    ]
    assert rebuilt.kpis["kpi_1"].actual == 4.5


def test_a_new_kpi_value_is_not_also_a_change_of_the_kpi() -> None:
    """The KPI's actual follows its latest value: only the measurement is reported."""
    old = with_series()
    new = edited(lambda ed: ms.add_measurement(ed, "kpi_1", "2025-05", 3))
    assert [(c.op, c.kind, c.id) for c in diff(old, new)] == [
        ("added", "measurement", "kpi_1/2025-05")
    ]


def test_merge_takes_changes_of_different_values_of_one_kpi() -> None:
    base = with_series()
    ours = edited(lambda ed: ms.set_measurement(ed, "kpi_1", "2025-02", value=6.5))
    theirs = edited(
        lambda ed: (
            ms.add_measurement(ed, "kpi_1", "2025-05", 4),
            ms.set_measurement(ed, "kpi_1", "2025-01", note="estimated"),
        )
    )
    result = merge(base, ours, theirs)
    assert result.conflicts == []
    series = result.model.kpis["kpi_1"].series
    assert [(m.period, m.value, m.note) for m in series] == [
        ("2025-01", 7, "estimated"),
        ("2025-02", 6.5, ""),
        ("2025-03", 8, ""),
        ("2025-04", 5, ""),
        ("2025-05", 4, ""),
    ]
    assert result.model.kpis["kpi_1"].actual == 4


def test_merge_records_a_conflict_on_the_same_value(tmp_path: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    base = with_series()
    ours = edited(lambda ed: ms.set_measurement(ed, "kpi_1", "2025-04", value=4))
    theirs = edited(
        lambda ed: (
            ms.set_measurement(ed, "kpi_1", "2025-04", value=6),
            ms.set_measurement(ed, "kpi_1", "2025-02", value=5),
        )
    )
    paths = [write(tmp_path, f"{n}.procm", a) for n, a in (("b", base), ("o", ours), ("t", theirs))]
    out = tmp_path / "out.procm"
    proc = run_cli("merge", *paths, "-o", out, env={"PROCMODELER_LANG": "en"})
    assert proc.returncode == 1, proc.stderr
    assert proc.stderr.strip() == (
        "procmodeler: conflict: Measurement: 'Lead time' (kpi_1) × 2025-04: "
        "value: ours 4, theirs 6; ours kept"
    )
    merged = native.load(out)
    assert [(m.period, m.value) for m in merged.kpis["kpi_1"].series] == [
        ("2025-01", 7), ("2025-02", 5), ("2025-03", 8), ("2025-04", 4),
    ]  # fmt: skip
    (conflict,) = conflicts_of(merged)
    assert (conflict.kind, conflict.id, conflict.field) == ("measurement", "kpi_1/2025-04", "value")
    assert (conflict.base, conflict.ours, conflict.theirs) == (5, 4, 6)
    ed = Editor(merged)
    resolve(ed, conflict.entry_key, THEIRS)
    assert ed.arch.kpis["kpi_1"].series[-1].value == 6
    assert ed.arch.kpis["kpi_1"].actual == 6
    assert not ed.arch.conflicts
    ed.undo()
    assert ed.arch.kpis["kpi_1"].actual == 4


def test_a_kpi_deleted_on_our_side_comes_back_with_theirs_values() -> None:
    base = with_series()
    ours = edited(_delete_kpi)
    theirs = edited(lambda ed: ms.add_measurement(ed, "kpi_1", "2025-05", 4))
    result = merge(base, ours, theirs)
    assert "kpi_1" not in result.model.kpis
    whole = [c for c in result.conflicts if c.kind == "kpi"]
    assert len(whole) == 1 and len(whole[0].theirs.series) == 5
    path_model = result.model
    ed = Editor(path_model)
    resolve(ed, whole[0].entry_key, THEIRS)
    assert [m.period for m in ed.arch.kpis["kpi_1"].series][-1] == "2025-05"


def _delete_kpi(ed: Editor) -> None:
    from procmodeler.edit import operations as op

    op.delete_kpi(ed, "kpi_1")


def test_a_conflict_file_with_a_whole_kpi_reads_back(tmp_path: Path) -> None:
    base = with_series()
    ours = edited(_delete_kpi)
    theirs = edited(lambda ed: ms.add_measurement(ed, "kpi_1", "2025-05", 4))
    result = merge(base, ours, theirs)
    path = write(tmp_path, "merged.procm", result.model)
    again = native.load(path)
    assert again.conflicts == result.model.conflicts


def test_both_sides_start_a_series_of_different_periods() -> None:
    """Months on one side, weeks on the other: OURS' series stays, THEIRS' values are
    conflicts, and the result is a valid model."""
    base = base_model()
    ed = Editor(base_model())
    ms.add_measurement(ed, "kpi_1", "2025-01", 3)
    ours = ed.arch
    ed = Editor(base_model())
    ms.add_measurement(ed, "kpi_1", "2025-W02", 4)
    theirs = ed.arch
    result = merge(base, ours, theirs)
    assert [m.period for m in result.model.kpis["kpi_1"].series] == ["2025-01"]
    assert [(c.kind, c.id) for c in result.conflicts] == [("measurement", "kpi_1/2025-W02")]


def test_compare_marks_the_process_of_a_kpi_whose_values_changed() -> None:
    from procmodeler.app.compare import compare

    old = with_series()
    new = edited(lambda ed: ms.set_measurement(ed, "kpi_1", "2025-02", value=2))
    assert compare(old, new).status == {"proc_1": "changed"}
    gone = edited(lambda ed: ms.delete_measurements(ed, "kpi_1", ["2025-04"]))
    assert compare(old, gone).status == {"proc_1": "changed"}
