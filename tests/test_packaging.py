"""The set-up files a newcomer and CI rely on: the bootstrap script's interface, the
CI entry point and the Linux desktop entry."""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
BOOTSTRAP = REPO_ROOT / "packaging" / "bootstrap.sh"


def bash(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", *args], capture_output=True, text=True, cwd=REPO_ROOT, timeout=60, check=False
    )


@pytest.mark.parametrize(
    "script",
    [
        BOOTSTRAP,
        REPO_ROOT / ".ci" / "run",
        REPO_ROOT / ".ci" / "node18",
        REPO_ROOT / ".ci" / "bundle",
    ],
    ids=lambda p: p.name,
)
def test_shell_scripts_parse(script: Path) -> None:
    proc = bash("-n", str(script))
    assert proc.returncode == 0, proc.stderr


def test_bootstrap_rejects_an_unknown_mode_before_installing_anything() -> None:
    proc = bash(str(BOOTSTRAP), "install-everything")
    assert proc.returncode == 64
    assert "usage: bash packaging/bootstrap.sh MODE" in proc.stderr
    assert "apt-get" not in proc.stderr and "pip install" not in proc.stderr


def test_bootstrap_help_names_every_mode() -> None:
    proc = bash(str(BOOTSTRAP), "--help")
    assert proc.returncode == 0
    for mode in ("app", "test", "lint", "setup", "bundle"):
        assert f"\n  {mode} " in proc.stderr


def test_ci_runs_the_readme_test_command() -> None:
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    quick_start = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    assert "bash packaging/bootstrap.sh test" in quick_start
    ci = (REPO_ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "bash packaging/bootstrap.sh test" in ci


def test_desktop_entry_starts_the_installed_command_with_the_icon() -> None:
    parser = configparser.RawConfigParser()
    parser.optionxform = str  # keys are case-sensitive
    parser.read(REPO_ROOT / "packaging" / "procmodeler.desktop", encoding="utf-8")
    entry = parser["Desktop Entry"]
    scripts = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "scripts"
    ]
    assert entry["Type"] == "Application"
    assert entry["Exec"].split()[0] in scripts
    assert (REPO_ROOT / "procmodeler" / "resources" / "icons" / f"{entry['Icon']}.svg").is_file()
    assert entry["Name"] and entry["Comment[sv]"] and entry["GenericName[sv]"]


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils")
def test_desktop_entry_is_valid() -> None:
    proc = subprocess.run(
        ["desktop-file-validate", str(REPO_ROOT / "packaging" / "procmodeler.desktop")],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "LC_ALL": "C.UTF-8"},
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_bundle_desktop_installer_points_the_entry_at_the_folder(tmp_path: Path) -> None:
    # The files the spec puts beside the bundle's executable, in a folder with a space.
    folder = tmp_path / "my apps" / "procmodeler"
    folder.mkdir(parents=True)
    for source in (
        REPO_ROOT / "packaging" / "procmodeler.desktop",
        REPO_ROOT / "packaging" / "procmodeler-mime.xml",
        REPO_ROOT / "packaging" / "linux" / "install-desktop.sh",
        REPO_ROOT / "procmodeler" / "resources" / "icons" / "procmodeler.svg",
    ):
        shutil.copy(source, folder / source.name)
    (folder / "procmodeler").write_text("#!/bin/sh\n", encoding="utf-8")
    (folder / "procmodeler").chmod(0o755)
    data = tmp_path / "data"
    env = {**os.environ, "XDG_DATA_HOME": str(data), "HOME": str(tmp_path)}
    proc = subprocess.run(["bash", str(folder / "install-desktop.sh")], env=env,
                          capture_output=True, text=True, check=False)  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    entry = (data / "applications" / "procmodeler.desktop").read_text(encoding="utf-8")
    assert f'Exec="{folder}/procmodeler" %F' in entry.splitlines()
    assert (data / "mime" / "packages" / "procmodeler-mime.xml").is_file()
    assert (data / "icons" / "hicolor" / "scalable" / "apps" / "procmodeler.svg").is_file()
    proc = subprocess.run(["bash", str(folder / "install-desktop.sh"), "--remove"], env=env,
                          capture_output=True, text=True, check=False)  # fmt: skip
    assert proc.returncode == 0 and not (data / "applications" / "procmodeler.desktop").exists()
