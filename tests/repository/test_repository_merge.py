"""Pushes based on an older version, against a real server: disjoint edits are merged,
a conflict refuses the push (exit 1, the element named, nothing stored), and two
processes pushing at the same moment never lose either push. The command-line
scenario of issue 17 ("Done when")."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
from pathlib import Path

import pytest

from procmodeler.io import native
from procmodeler.model import Architecture
from procmodeler.repository import PushConflict, Repository
from tests.repository.conftest import RepoDb
from tests.repository.test_repository import EXAMPLE, ROOT, renamed

# the three-way merge of issue 16 (procmodeler/io/merge.py)
pytest.importorskip("procmodeler.io.merge")


def test_the_command_line_scenario(repo_db: RepoDb, run_cli, tmp_path: Path) -> None:
    url = repo_db.url("alice")
    first = tmp_path / "first.procm"
    first.write_bytes(EXAMPLE.read_bytes())
    assert run_cli("repo", "init", repo_db.url("owner")).returncode == 0
    pushed = run_cli("repo", "push", first, url, "--name", "Fabriken")
    assert pushed.returncode == 0, pushed.stderr
    anna, bo = tmp_path / "anna.procm", tmp_path / "bo.procm"
    for path, user in ((anna, "alice"), (bo, "bob")):
        proc = run_cli("repo", "pull", repo_db.url(user), "--name", "Fabriken", "-o", path)
        assert proc.returncode == 0, proc.stderr
    pids = list(native.load(anna).processes)
    # two edited pushes of disjoint edits: the second is merged
    native.save(renamed(native.load(anna), pids[0], "Anna's name"), anna)
    proc = run_cli("repo", "push", anna, url, "--name", "Fabriken")
    assert proc.returncode == 0 and "stored as version 2" in proc.stderr, proc.stderr
    native.save(renamed(native.load(bo), pids[1], "Bo's name"), bo)
    proc = run_cli("repo", "push", bo, repo_db.url("bob"), "--name", "Fabriken")
    assert proc.returncode == 0, proc.stderr
    assert "merged with what others pushed and stored as version 3" in proc.stderr
    merged = native.load(bo)  # the pushed file now holds the merge and version 3
    assert merged.origin.version == 3
    assert (merged.processes[pids[0]].name, merged.processes[pids[1]].name) == (
        "Anna's name",
        "Bo's name",
    )
    # a conflicting push: Anna (still at version 2) renames what Bo renamed
    native.save(renamed(native.load(anna), pids[1], "Anna's other name"), anna)
    before = anna.read_bytes()
    proc = run_cli("repo", "push", anna, url, "--name", "Fabriken")
    assert proc.returncode == 1, proc.stderr
    assert f"process '{pids[1]}'" in proc.stderr and "conflict" in proc.stderr
    assert "nothing was stored" in proc.stderr and "Traceback" not in proc.stderr
    assert anna.read_bytes() == before
    log = run_cli("repo", "log", url, "--name", "Fabriken")
    assert log.returncode == 0, log.stderr
    lines = log.stdout.splitlines()
    assert [line.split("\t")[0] for line in lines] == ["3", "2", "1"]
    assert "(based on version 1, merged)" in lines[0] and "processes: 1 changed" in lines[0]
    out = tmp_path / "latest.procm"
    assert run_cli("repo", "pull", url, "--name", "Fabriken", "-o", out).returncode == 0
    latest = native.load(out)
    latest.origin = merged.origin = None
    assert latest.snapshot() == merged.snapshot()


def test_a_conflict_names_the_element_and_stores_nothing(repo_db: RepoDb) -> None:
    with Repository(repo_db.url("alice")) as repo:
        repo.push(native.load(EXAMPLE), "M")
        a = repo.pull("M")
        b = repo.pull("M")
        pid = next(iter(a.processes))
        repo.push(renamed(a, pid, "One"), "M")
        with pytest.raises(PushConflict) as caught:
            repo.push(renamed(b, pid, "Two"), "M")
        assert f"process '{pid}'" in caught.value.lines()[0]
        assert repo.head("M") == 2
        assert repo.pull("M").processes[pid].name == "One"


def _race_script(url: str, model: Path, name: str) -> list[str]:
    return [sys.executable, "-m", "procmodeler", "repo", "push", str(model), url, "--name", name]


def test_two_processes_pushing_at_once_lose_neither(repo_db: RepoDb, tmp_path: Path) -> None:
    with Repository(repo_db.url("alice")) as repo:
        repo.push(native.load(EXAMPLE), "M")
        base = repo.pull("M")
    pids = list(base.processes)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    for round_ in range(3):
        with Repository(repo_db.url("alice")) as repo:
            base = repo.pull("M")
        paths = []
        for who, pid in (("alice", pids[2 * round_]), ("bob", pids[2 * round_ + 1])):
            path = tmp_path / f"{who}-{round_}.procm"
            native.save(renamed(base, pid, f"{who} {round_}"), path)
            paths.append((who, path))
        procs = [
            subprocess.Popen(
                _race_script(repo_db.url(who), path, "M"),
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for who, path in paths
        ]
        results = [proc.communicate(timeout=120) + (proc.returncode,) for proc in procs]
        assert [code for _, _, code in results] == [0, 0], results
        assert sorted("merged" in err for _, err, _ in results) == [False, True], results
    with Repository(repo_db.url("alice")) as repo:
        latest: Architecture = repo.pull("M")
        assert repo.head("M") == 7
    for round_ in range(3):
        assert latest.processes[pids[2 * round_]].name == f"alice {round_}"
        assert latest.processes[pids[2 * round_ + 1]].name == f"bob {round_}"
    assert dataclasses.replace(latest.meta) == base.meta
