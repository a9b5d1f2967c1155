"""gc_paused: the collector is off inside and on again after; with until_exit what was
built is moved out of its reach (frozen), without it nothing is."""

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


def test_check_freezes_only_as_the_whole_process(tmp_path: Path) -> None:
    """``main(argv)`` called in a process (tests) leaves the collector as it was; the
    process's own ``procmodeler check`` freezes what it built before it writes."""
    (tmp_path / "processes.csv").write_text("id,name,kind\nA,Sales,core\n", encoding="utf-8")
    frozen = gc.get_freeze_count()
    assert main(["check", str(tmp_path), "--format", "json"]) in (0, 1)
    assert gc.get_freeze_count() == frozen and gc.isenabled()
    probe = (
        "import gc, sys, procmodeler.cli as cli; sys.argv = ['procmodeler', 'check', "
        f"{str(tmp_path)!r}]; code = cli.main(); "
        "print(gc.get_freeze_count() > 0, gc.isenabled(), code, file=sys.stderr)"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=120
    )
    *_, frozen_then, enabled_then, code = done.stderr.split()
    assert (frozen_then, enabled_then) == ("True", "True") and code in ("0", "1")


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
