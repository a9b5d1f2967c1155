"""``procmodeler layout MODEL -o OUT [--level ID|--all]`` (CLI.md): lays out anew and
routes every line, deterministically; a wrong level exits 2 with one line and writes
nothing; the result reads right in its BPMN diagram interchange."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from procmodeler.io import native
from procmodeler.io.bpmn import export_bpmn
from procmodeler.notation.diagramcheck import is_orthogonal
from tests.diagram.di_reader import di_problems

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "procmodeler" / "resources" / "examples" / "manufacturing.procm"


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT), PROCMODELER_LANG="en")
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


def test_layout_all_levels_routes_every_line_and_reads_right(tmp_path: Path) -> None:
    out = tmp_path / "laid.procm"
    done = run("layout", EXAMPLE, "-o", out, "--all")
    assert done.returncode == 0, done.stderr
    arch = native.load(out)
    for level in [None, *(p for p in arch.walk() if arch.children(p))]:
        shown = arch.shapes.get(level, {})
        lines = [
            rid for rid, r in arch.relations.items() if r.source in shown and r.target in shown
        ]
        assert all(is_orthogonal(arch.waypoints[level][rid]) for rid in lines)
    assert di_problems(export_bpmn(arch)) == []
    again = tmp_path / "again.procm"
    assert run("layout", EXAMPLE, "-o", again, "--all").returncode == 0
    assert again.read_bytes() == out.read_bytes()


def test_layout_of_one_level_leaves_the_others(tmp_path: Path) -> None:
    original = native.load(EXAMPLE)
    out = tmp_path / "one.procm"
    assert run("layout", EXAMPLE, "-o", out, "--level", "C1").returncode == 0
    arch = native.load(out)
    assert arch.shapes[None] == original.shapes[None]
    assert arch.waypoints.get(None) == original.waypoints.get(None)
    assert set(arch.shapes["C1"]) == set(original.shapes["C1"])


def test_a_wrong_level_exits_2_in_one_line_and_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "x.procm"
    done = run("layout", EXAMPLE, "-o", out, "--level", "nope")
    assert done.returncode == 2
    assert done.stderr.strip().count("\n") == 0 and "'nope'" in done.stderr
    assert not out.exists()
