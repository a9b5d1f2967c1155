"""gc_paused: the collector is off inside and on again after; with until_exit what was
built is moved out of its reach (frozen), without it nothing is; a command that is the
whole process ends at once after its output (cli/output.end_process)."""

from __future__ import annotations

import gc
import subprocess
import sys
from pathlib import Path

from procmodeler.cli import main
from procmodeler.common.gcpause import gc_paused


def test_the_collector_is_paused_inside_and_nothing_is_frozen_by_default() -> None:
    assert gc.isenabled()
    frozen = gc.get_freeze_count()
    with gc_paused():
        assert not gc.isenabled()
        built = [[i] for i in range(1000)]
    assert gc.isenabled()
    assert gc.get_freeze_count() == frozen
    assert gc.is_tracked(built[0])


def test_until_exit_freezes_what_was_built() -> None:
    frozen = gc.get_freeze_count()
    try:
        with gc_paused(until_exit=True):
            built = [[i] for i in range(1000)]
        assert gc.isenabled()
        assert gc.get_freeze_count() >= frozen + len(built)
    finally:
        gc.unfreeze()


def as_whole_process(*args: str) -> subprocess.CompletedProcess[str]:
    """``procmodeler ARGS`` as the process's own command line, with an exit handler that
    says whether the process was torn down (it is not: it ends at once)."""
    probe = (
        "import atexit, sys, procmodeler.cli as cli; "
        "atexit.register(lambda: print('torn down', file=sys.stderr)); "
        f"sys.argv = ['procmodeler', *{list(args)!r}]; sys.exit(cli.main())"
    )
    return subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=False, timeout=120
    )


def test_check_freezes_only_as_the_whole_process(tmp_path: Path) -> None:
    """``main(argv)`` called in a process (tests) leaves the collector as it was; the
    process's own ``procmodeler check`` writes its output and ends at once, without
    freeing what it built."""
    (tmp_path / "processes.csv").write_text("id,name,kind\nA,Sales,core\n", encoding="utf-8")
    frozen = gc.get_freeze_count()
    assert main(["check", str(tmp_path), "--format", "json"]) in (0, 1)
    assert gc.get_freeze_count() == frozen and gc.isenabled()
    done = as_whole_process("check", str(tmp_path), "--format", "json")
    assert done.returncode == 1  # no process owner: an error
    assert '"rule": "responsibility.no-owner"' in done.stdout and done.stdout.endswith("}\n")
    assert "torn down" not in done.stderr
    done = as_whole_process("check", str(tmp_path / "nothing"))
    assert done.returncode == 2 and "torn down" in done.stderr  # an error ends as usual


def test_import_bpmn_freezes_only_as_the_whole_process(tmp_path: Path) -> None:
    """As with check: ``main(argv)`` in a process (tests) freezes nothing."""
    from procmodeler.io.bpmn import export_bpmn
    from tests.bpmn.bpmn_models import sample_architecture

    bpmn = tmp_path / "m.bpmn"
    bpmn.write_bytes(export_bpmn(sample_architecture()))
    frozen = gc.get_freeze_count()
    assert main(["import-bpmn", str(bpmn), "-o", str(tmp_path / "m.procm")]) == 0
    assert gc.get_freeze_count() == frozen and gc.isenabled()
    assert (tmp_path / "m.procm").stat().st_size > 0
    done = as_whole_process("import-bpmn", str(bpmn), "-o", str(tmp_path / "n.procm"))
    assert done.returncode == 0 and "torn down" not in done.stderr
    assert (tmp_path / "n.procm").read_bytes() == (tmp_path / "m.procm").read_bytes()
