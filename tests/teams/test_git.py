"""A real git repository made by the test: after ``procmodeler git-setup``, two branches
with disjoint edits merge with ``git merge`` into the expected model, and ``git diff``
prints the semantic diff."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from procmodeler.edit import Editor
from procmodeler.edit import operations as op
from procmodeler.io import native
from procmodeler.io.diff import diff
from tests.teams.scenario import base_model

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

ROOT = Path(__file__).resolve().parents[2]


def git(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(
        os.environ,
        PYTHONPATH=str(ROOT),
        GIT_CONFIG_NOSYSTEM="1",
        GIT_CONFIG_GLOBAL=str(repo.parent / "gitconfig"),
        PROCMODELER_LANG="en",
    )
    return subprocess.run(
        ["git", *args], cwd=repo, env=env, capture_output=True, text=True, check=False
    )


def ok(repo: Path, *args: str) -> str:
    done = git(repo, *args)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def branch_a(ed: Editor) -> None:
    op.rename_process(ed, "proc_1", "Take order")
    op.add_unit(ed, "Quality")
    op.set_participation(ed, "proc_1", "unit_1", "RA")


def branch_b(ed: Editor) -> None:
    op.set_owner(ed, "proc_2", "person_2")
    op.create_process(ed, "Plan", "management", pid="proc_4", place=False)
    op.set_kpi(ed, "kpi_1", target=3)


@pytest.fixture
def repo(tmp_path: Path, run_cli) -> Path:  # type: ignore[no-untyped-def]
    repo = tmp_path / "repo"
    repo.mkdir()
    ok(repo, "init", "-q", "-b", "main")
    ok(repo, "config", "user.name", "Test")
    ok(repo, "config", "user.email", "test@example.org")
    setup = run_cli("git-setup", repo)
    assert setup.returncode == 0, setup.stderr
    native.save(base_model(), repo / "arch.procm")
    ok(repo, "add", ".")
    ok(repo, "commit", "-q", "-m", "base")
    return repo


def commit_edit(repo: Path, branch: str, edits) -> None:  # type: ignore[no-untyped-def]
    ok(repo, "checkout", "-q", "-b", branch, "main")
    ed = Editor(native.load(repo / "arch.procm"))
    edits(ed)
    native.save(ed.arch, repo / "arch.procm")
    ok(repo, "commit", "-q", "-am", branch)


def test_git_setup_writes_attributes_and_config(repo: Path) -> None:
    assert (repo / ".gitattributes").read_text() == "*.procm diff=procmodeler merge=procmodeler\n"
    driver = ok(repo, "config", "merge.procmodeler.driver").strip()
    assert driver.endswith("-m procmodeler merge %O %A %B -o %A")
    assert ok(repo, "config", "diff.procmodeler.textconv").strip().endswith("diff --textconv")


def test_git_merge_of_disjoint_branches(repo: Path) -> None:
    commit_edit(repo, "a", branch_a)
    commit_edit(repo, "b", branch_b)
    merged = git(repo, "merge", "--no-edit", "a")
    assert merged.returncode == 0, merged.stdout + merged.stderr
    text = (repo / "arch.procm").read_text(encoding="utf-8")
    assert "<<<<<<<" not in text
    expected = Editor(base_model())
    branch_b(expected)
    branch_a(expected)
    assert native.load(repo / "arch.procm") == expected.arch
    assert ok(repo, "status", "--porcelain") == ""


def test_git_merge_with_a_conflict_is_reported(repo: Path) -> None:
    commit_edit(repo, "a", lambda ed: op.rename_process(ed, "proc_3", "Bill"))
    commit_edit(repo, "b", lambda ed: op.rename_process(ed, "proc_3", "Charge"))
    merged = git(repo, "merge", "--no-edit", "a")
    assert merged.returncode != 0
    assert "Process 'Charge' (proc_3): name: ours 'Charge', theirs 'Bill'" in merged.stderr
    model = native.load(repo / "arch.procm")  # still a model, no conflict markers
    assert model.processes["proc_3"].name == "Charge"
    assert list(model.conflicts) == [("process", "proc_3", "name")]


def test_git_diff_prints_the_semantic_diff(repo: Path) -> None:
    ed = Editor(native.load(repo / "arch.procm"))
    op.rename_process(ed, "proc_1", "Take order")
    op.set_owner(ed, "proc_2", "person_2")
    before = native.load(repo / "arch.procm")
    native.save(ed.arch, repo / "arch.procm")
    assert len(diff(before, ed.arch)) == 2
    out = ok(repo, "diff")
    assert (
        "-Process 'Order' (proc_1)\n-  name: 'Order'\n+Process 'Take order' (proc_1)\n+  name: 'Take order'"
        in out
    )
    assert "-  owner: 'Anna' (person_1)\n+  owner: 'Bo' (person_2)" in out
    assert '"name": "Take order"' not in out  # not the JSON lines
