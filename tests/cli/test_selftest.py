"""``procmodeler self-test`` runs every installed part on the bundled examples."""

from __future__ import annotations

import shutil


def test_self_test_passes_on_this_installation(run_cli) -> None:
    result = run_cli("self-test", "--no-gui")
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("examples: ok (2 examples load and save")
    assert lines[-1] == "self-test passed"
    # The repository's driver comes with its own libpq (the wheel's, or the bundle's).
    repository = next(line for line in lines if line.startswith("repository: "))
    assert repository.startswith("repository: ok (psycopg 3."), repository
    assert "(binary)" in repository or "(c)" in repository, repository


def test_self_test_fails_when_an_example_does_not_save_back(run_cli, repo_root, tmp_path) -> None:
    # A copy of the resources with an example whose bytes differ from what save writes.
    copy = tmp_path / "repo"
    shutil.copytree(repo_root / "procmodeler", copy / "procmodeler")
    example = copy / "procmodeler" / "resources" / "examples" / "manufacturing.procm"
    example.write_text(example.read_text(encoding="utf-8").replace("\n", "\r\n"), encoding="utf-8")
    result = run_cli(
        "self-test", "--no-gui", cwd=copy, env={"PYTHONPATH": str(copy), "PROCMODELER_LANG": "en"}
    )
    assert result.returncode == 2
    assert "examples: FAILED: manufacturing.procm does not save back byte for byte" in result.stdout
    assert result.stdout.splitlines()[-1] == "self-test failed"
