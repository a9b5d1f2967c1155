"""Issue 21, item 3 in the window: a lock file left behind by a procmodeler that is no
longer running is taken over with a note in the status bar, naming whose it was."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from procmodeler.app.locking import LockInfo, sidecar_path, this_host
from procmodeler.io import native
from tests.reliability.harness import sample_model
from tests.reliability.test_recovery_gui import window  # noqa: F401 - the fixture


def test_stale_lock_is_taken_over_with_a_note_in_the_status_bar(
    window,  # noqa: F811 - the fixture imported above
    qtbot,
    tmp_path: Path,
) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "plan.procm"
    native.save(sample_model(6), path)
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    dead = LockInfo("kim", this_host(), child.pid, "2026-01-01T09:00:00+00:00")
    sidecar_path(path).write_bytes(dead.to_bytes())
    assert window.open_path(path, ask=False)  # no question: the owner is gone
    assert window.session.lock is not None and window.session.lock.took_over == dead
    qtbot.waitUntil(lambda: "no longer running" in window.statusBar().currentMessage())
    assert "kim @" in window.statusBar().currentMessage()
