"""``procmodeler diff`` of strategy (CLI.md): the kinds ``objective``, ``contribution``
(id ``OBJECTIVE/PROCESS``) and ``improvement``, between models and between registers,
and a three-way merge of edits to different objectives and improvements."""

from __future__ import annotations

import json
from pathlib import Path

from procmodeler.edit import Editor
from procmodeler.edit import operations as op
from procmodeler.io import native
from tests.io.test_register_strategy import strategic


def test_diff_json_names_objectives_contributions_and_improvements(
    tmp_path: Path,
    run_cli,  # type: ignore[no-untyped-def]
) -> None:
    old = strategic()
    ed = Editor(old.copy())
    op.rename_objective(ed, "G2", "Tidigt och samordnat stöd")
    op.set_contribution(ed, "G2", "B", "betalar i tid")
    op.set_contribution(ed, "G1", "B", None)
    op.set_improvement_status(ed, "I2", "planned")
    op.delete_improvement(ed, "I3")
    native.save(old, tmp_path / "old.procm")
    native.save(ed.arch, tmp_path / "new.procm")
    proc = run_cli("diff", tmp_path / "old.procm", tmp_path / "new.procm", "--format", "json")
    assert proc.returncode == 1, proc.stderr
    changes = [
        (c["op"], c["kind"], c["id"], c.get("field")) for c in json.loads(proc.stdout)["changes"]
    ]
    assert sorted(changes, key=str) == sorted(
        [
            ("changed", "objective", "G2", "name"),
            ("added", "contribution", "G2/B", None),
            ("removed", "contribution", "G1/B", None),
            ("changed", "improvement", "I2", "status"),
            ("removed", "improvement", "I3", None),
        ],
        key=str,
    )
    for model, folder in ((tmp_path / "old.procm", "a"), (tmp_path / "new.procm", "b")):
        assert run_cli("export-register", model, "-o", tmp_path / folder).returncode == 0
    registers = run_cli("diff", tmp_path / "a", tmp_path / "b", "--format", "json")
    assert registers.returncode == 1, registers.stderr
    kinds = {c["kind"] for c in json.loads(registers.stdout)["changes"]}
    assert kinds == {"objective", "contribution", "improvement"}


def test_merge_of_edits_to_different_strategy_records(tmp_path: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    base = strategic()
    ours, theirs = Editor(base.copy()), Editor(base.copy())
    op.set_improvement_status(ours, "I1", "done", today="2026-06-01")
    op.add_objective(theirs, "Självständighet", oid="G3")
    op.set_contribution(theirs, "G3", "A")
    paths = {}
    for name, arch in (("base", base), ("ours", ours.arch), ("theirs", theirs.arch)):
        paths[name] = tmp_path / f"{name}.procm"
        native.save(arch, paths[name])
    out = tmp_path / "merged.procm"
    proc = run_cli("merge", paths["base"], paths["ours"], paths["theirs"], "-o", out)
    assert proc.returncode == 0, proc.stderr
    merged = native.load(out)
    assert merged.improvements["I1"].status == "done" and "G3" in merged.objectives
    assert merged.contributions[("G3", "A")] == ""
