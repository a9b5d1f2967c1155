"""The command line never guesses: a first word that is neither a command nor an
existing file is an error naming the nearest command, and opening a file without a
display says so in one line; both exit 2 and start no Qt."""

from __future__ import annotations

import sys

import pytest

NO_SCREEN = {"DISPLAY": "", "WAYLAND_DISPLAY": "", "QT_QPA_PLATFORM": ""}


def test_a_mistyped_command_names_the_nearest_one(run_cli, tmp_path) -> None:
    result = run_cli("raport", "model.procm", "-o", "out.pdf", cwd=tmp_path,
                     env={"PROCMODELER_LANG": "en"})  # fmt: skip
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "procmodeler: error: 'raport' is neither a command nor an existing file; "
        "did you mean: procmodeler report"
    ]
    assert not (tmp_path / "out.pdf").exists()


def test_a_word_like_no_command_lists_the_commands_in_swedish(run_cli, tmp_path) -> None:
    result = run_cli("xyzzy", cwd=tmp_path, env={"PROCMODELER_LANG": "sv", **NO_SCREEN})
    assert result.returncode == 2
    (line,) = result.stderr.splitlines()
    assert line.startswith("procmodeler: fel: 'xyzzy' är varken ett kommando eller en befintlig")
    assert "kommandona är: check, import-register" in line


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="always a screen there")
def test_opening_a_file_without_a_display_says_so_in_one_line(run_cli, repo_root) -> None:
    example = repo_root / "procmodeler" / "resources" / "examples" / "manufacturing.procm"
    result = run_cli(example, env={"PROCMODELER_LANG": "en", **NO_SCREEN})
    assert result.returncode == 2
    (line,) = result.stderr.splitlines()
    assert line.startswith("procmodeler: error: no display to open the window on")
    assert "Traceback" not in result.stderr and "qt.qpa" not in result.stderr
