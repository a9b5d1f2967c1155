"""The import-register and export-register commands, run as a user runs them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from procmodeler.io import native

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "procmodeler" / "resources" / "examples"


def run(*args: str | Path, lang: str = "en") -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT), PROCMODELER_LANG=lang)
    return subprocess.run(
        [sys.executable, "-m", "procmodeler", *map(str, args)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )


def test_import_example_reproduces_the_bundled_model(tmp_path: Path) -> None:
    out = tmp_path / "m.procm"
    proc = run("import-register", EXAMPLES / "municipality-sv", "-o", out)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == "" and proc.stdout == ""  # a clean register prints nothing
    assert out.read_bytes() == (EXAMPLES / "municipality-sv.procm").read_bytes()
    again = tmp_path / "again.procm"
    assert run("import-register", EXAMPLES / "municipality-sv", "-o", again).returncode == 0
    assert again.read_bytes() == out.read_bytes()


def test_export_then_import_through_the_command_line(tmp_path: Path) -> None:
    for target in (tmp_path / "reg", tmp_path / "reg.xlsx"):
        proc = run("export-register", EXAMPLES / "manufacturing.procm", "-o", target)
        assert proc.returncode == 0, proc.stderr
        out = tmp_path / f"{target.name}.procm"
        proc = run("import-register", target, "-o", out)
        assert proc.returncode == 0 and proc.stderr == "", proc.stderr
        assert out.read_bytes() == (EXAMPLES / "manufacturing.procm").read_bytes()


def test_bad_register_exits_2_with_one_line_per_problem_and_writes_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "reg"
    folder.mkdir()
    (folder / "processes.csv").write_text("id,name,kind\nP1,A,bad\nP1,B,core\n", encoding="utf-8")
    out = tmp_path / "out.procm"
    proc = run("import-register", folder, "-o", out)
    assert proc.returncode == 2
    assert proc.stderr.splitlines() == [
        f"procmodeler: error: {folder}/processes.csv:2: kind: 'bad' is not allowed here; use "
        "one of: management, core, support, ledning, huvud, stöd",
        f"procmodeler: error: {folder}/processes.csv:3: id: the id 'P1' is already used at "
        "processes.csv:2",
    ]
    assert "Traceback" not in proc.stderr and not out.exists()


def test_existing_output_is_kept_on_error_and_replaced_on_success(tmp_path: Path) -> None:
    folder = tmp_path / "reg"
    folder.mkdir()
    (folder / "processes.csv").write_text("id,name,kind\n1.1,A,core\n", encoding="utf-8")
    out = tmp_path / "out.procm"
    out.write_text("previous", encoding="utf-8")
    (folder / "raci.csv").write_text("process,unit,roles\n1.1,U9,A\n", encoding="utf-8")
    assert run("import-register", folder, "-o", out).returncode == 2
    assert out.read_text(encoding="utf-8") == "previous"
    (folder / "raci.csv").unlink()
    proc = run("import-register", folder, "-o", out)
    assert proc.returncode == 0
    assert proc.stderr.startswith(f"procmodeler: note: {folder}/processes.csv:2: id: '1.1' is not")
    assert native.load(out).processes["id_1.1"].original_id == "1.1"


def test_messages_in_swedish(tmp_path: Path) -> None:
    folder = tmp_path / "reg"
    folder.mkdir()
    (folder / "processes.csv").write_text("id,name,kind\nP1,A,bad\n", encoding="utf-8")
    proc = run("import-register", folder, "-o", tmp_path / "o.procm", lang="sv")
    assert proc.returncode == 2
    assert proc.stderr.startswith("procmodeler: fel: ") and "är inte tillåtet här" in proc.stderr


def test_wrong_calls_exit_2(tmp_path: Path) -> None:
    assert run("import-register", EXAMPLES / "manufacturing").returncode == 2  # no -o
    proc = run("import-register", EXAMPLES / "manufacturing", "-o", tmp_path / "no" / "x.procm")
    assert proc.returncode == 2 and "does not exist" in proc.stderr
    proc = run("export-register", tmp_path / "missing.procm", "-o", tmp_path / "r")
    assert proc.returncode == 2 and "cannot be read" in proc.stderr
    bad = tmp_path / "bad.procm"
    bad.write_text('{"format_version": 99}', encoding="utf-8")
    proc = run("export-register", bad, "-o", tmp_path / "r.xlsx")
    assert proc.returncode == 2 and "format version 99" in proc.stderr
    assert not (tmp_path / "r.xlsx").exists() and not (tmp_path / "r").exists()


def test_help_lists_both_commands() -> None:
    proc = run("--help")
    assert proc.returncode == 0
    assert "import-register" in proc.stdout and "export-register" in proc.stdout
    proc = run("import-register", "--help")
    assert proc.returncode == 0 and "-o OUT.procm" in proc.stdout
