"""*Compare with…* without Qt: which processes are added, changed and removed, and the
model of a git revision of the open file."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from procmodeler.app.compare import compare, git_revisions, load_revision
from procmodeler.common.errors import UserError
from procmodeler.edit import Editor
from procmodeler.edit import operations as op
from procmodeler.io import native
from tests.teams.scenario import base_model, edited, ours_edits


def test_process_status_of_a_comparison() -> None:
    old = base_model()
    ed = Editor(old.copy())
    ours_edits(ed)
    op.delete_processes(ed, ["proc_3"])
    op.set_kpi(ed, "kpi_1", target=9)
    result = compare(old, ed.arch)
    assert result.status == {
        "proc_1": "changed",  # renamed, RACI letters, KPI target, lost a relation
        "proc_2": "changed",  # owner, lost relations
        "proc_3": "removed",
        "proc_4": "added",
    }
    assert result.on_level(None) == result.status
    assert result.removed_shapes == {None: {"proc_3": old.shapes[None]["proc_3"]}}
    assert compare(old, old.copy()).status == {}


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_revisions_of_a_file_in_git(tmp_path: Path) -> None:
    path = tmp_path / "arch.procm"
    assert git_revisions(path) == []  # not in a repository

    def git(*args: str) -> None:  # noqa: E306
        subprocess.run(["git", *args], cwd=tmp_path, check=True, capture_output=True)

    git("init", "-q")
    git("config", "user.name", "Ann")
    git("config", "user.email", "ann@example.org")
    native.save(base_model(), path)
    git("add", "arch.procm")
    git("commit", "-qm", "First version")
    native.save(edited(ours_edits), path)
    git("commit", "-qam", "Second version")
    revisions = git_revisions(path)
    assert [(r.author, r.subject) for r in revisions] == [
        ("Ann", "Second version"),
        ("Ann", "First version"),
    ]
    assert load_revision(path, revisions[1].sha) == base_model()
    with pytest.raises(UserError):
        load_revision(path, "0" * 40)
