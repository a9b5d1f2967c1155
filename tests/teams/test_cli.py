"""``procmodeler diff`` and ``merge`` as a user (or git) runs them: outputs, exit codes,
conflicts on stderr and in the file, bad input."""

from __future__ import annotations

import json
from pathlib import Path

from procmodeler.edit import Editor
from procmodeler.edit import operations as op
from procmodeler.io import native
from procmodeler.io.merge import conflicts_of
from tests.teams.scenario import base_model, edited, ours_edits, theirs_edits


def write(tmp_path: Path, name: str, arch) -> Path:  # type: ignore[no-untyped-def]
    path = tmp_path / name
    native.save(arch, path)
    return path


def test_diff_json_and_exit_codes(tmp_path: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    base = write(tmp_path, "base.procm", base_model())
    ours = write(tmp_path, "ours.procm", edited(ours_edits))
    same = run_cli("diff", base, base, "--format", "json")
    assert (same.returncode, json.loads(same.stdout)) == (0, {"changes": []})
    proc = run_cli("diff", base, ours, "--format", "json")
    assert proc.returncode == 1, proc.stderr
    changes = json.loads(proc.stdout)["changes"]
    assert {"op": "changed", "kind": "participation", "id": "proc_1/unit_1", "field": "roles",
            "old": "R", "new": "RA"} in changes  # fmt: skip
    assert {"op": "removed", "kind": "relation", "id": "rel_1"} in changes
    assert {"op": "added", "kind": "shape", "id": "-/proc_4"} in changes
    assert {"op": "removed", "kind": "waypoints", "id": "-/rel_1"} in changes  # its route
    assert len(changes) == 7


def test_diff_text_in_the_models_language(tmp_path: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    old, new = base_model(), base_model()
    ed = Editor(new)
    op.set_metadata(ed, language="sv")
    op.rename_unit(ed, "unit_1", "Försäljning")
    proc = run_cli("diff", write(tmp_path, "a.procm", old), write(tmp_path, "b.procm", new))
    assert proc.returncode == 1
    assert "Enhet 'Försäljning' (unit_1): ändrad\n  namn: 'Sales' → 'Försäljning'" in proc.stdout
    assert "Arkitektur: ändrad\n  språk: 'en' → 'sv'" in proc.stdout


def test_diff_of_registers(tmp_path: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    base = write(tmp_path, "base.procm", base_model())
    theirs = write(tmp_path, "theirs.procm", edited(theirs_edits))
    for model, folder in ((base, "base-reg"), (theirs, "theirs-reg")):
        assert run_cli("export-register", model, "-o", tmp_path / folder).returncode == 0
    proc = run_cli("diff", tmp_path / "base-reg", tmp_path / "theirs-reg", "--format", "json")
    assert proc.returncode == 1, proc.stderr
    ids = {(c["op"], c["kind"], c["id"]) for c in json.loads(proc.stdout)["changes"]}
    assert {("changed", "kpi", "kpi_1"), ("changed", "unit", "unit_2"),
            ("added", "process", "proc_4"), ("added", "unit", "unit_3"),
            ("added", "kpi", "kpi_2"), ("added", "relation", "rel_3")} <= ids  # fmt: skip


def test_merge_scenario_and_conflicting_rename(tmp_path: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    base = write(tmp_path, "base.procm", base_model())
    ours = write(tmp_path, "ours.procm", edited(ours_edits))
    theirs = write(tmp_path, "theirs.procm", edited(theirs_edits))
    out = tmp_path / "out.procm"
    proc = run_cli("merge", base, ours, theirs, "-o", out)
    assert (proc.returncode, proc.stderr) == (0, "")
    merged = native.load(out)
    assert {merged.processes[p].name for p in ("proc_4", "proc_5")} == {"Plan", "Audit"}
    # a conflicting rename: exit 1, ours kept, the element named on stderr and in the file
    ed = Editor(native.load(theirs))
    op.rename_process(ed, "proc_1", "Receive order")
    native.save(ed.arch, theirs)
    proc = run_cli("merge", base, ours, theirs, "-o", out)
    assert proc.returncode == 1
    assert proc.stderr.splitlines() == [
        "procmodeler: conflict: Process 'Take order' (proc_1): name: ours 'Take order', "
        "theirs 'Receive order'; ours kept"
    ]
    merged = native.load(out)
    assert merged.processes["proc_1"].name == "Take order"
    [conflict] = conflicts_of(merged)
    assert (conflict.kind, conflict.id, conflict.field) == ("process", "proc_1", "name")
    assert (conflict.base, conflict.ours, conflict.theirs) == (
        "Order",
        "Take order",
        "Receive order",
    )
    assert '"conflicts": [' in out.read_text(encoding="utf-8")


def test_merge_with_an_empty_base_and_bad_input(tmp_path: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    empty = tmp_path / "empty.procm"
    empty.write_bytes(b"")
    ours = write(tmp_path, "ours.procm", base_model())
    out = tmp_path / "out.procm"
    proc = run_cli("merge", empty, ours, ours, "-o", out)
    assert proc.returncode == 0, proc.stderr
    assert native.load(out) == base_model()
    bad = tmp_path / "bad.procm"
    bad.write_text("{", encoding="utf-8")
    out.unlink()
    proc = run_cli("merge", ours, bad, ours, "-o", out)
    assert proc.returncode == 2 and not out.exists()
    assert proc.stderr.startswith(f"procmodeler: error: {bad}:1: ")
    proc = run_cli("diff", ours, tmp_path / "missing.procm")
    assert proc.returncode == 2 and "missing.procm: does not exist" in proc.stderr
