"""Issue 21, item 3: SIGTERM and SIGINT close the app cleanly (lock released, journal
kept); a lock left by a dead process is taken over with a note; and item 5's damaged
journal of gigabytes is read in bounded chunks and moved aside."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from procmodeler.app.journal import JournalError, read_journal
from procmodeler.app.locking import FileLock, LockInfo, sidecar_path, this_host
from procmodeler.io import native
from tests.bpmn.bpmn_models import sample_architecture
from tests.conftest import REPO_ROOT


def _wait(condition, seconds: float = 60) -> bool:  # type: ignore[no-untyped-def]
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if condition():
            return True
        time.sleep(0.1)
    return False


def _journal_of(journals: Path, model: Path) -> bool:
    """Whether a recovery journal in *journals* is the one of the model file *model*."""
    for path in journals.glob("*.journal"):
        try:
            if read_journal(path).header.path == model.resolve():
                return True
        except (OSError, JournalError):  # being written
            continue
    return False


@pytest.mark.skipif(os.name != "posix", reason="POSIX signals")
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_signal_closes_the_app_cleanly(signum: int, tmp_path: Path) -> None:
    model = tmp_path / "m.procm"
    native.save(sample_architecture(), model)
    data = tmp_path / "data"
    env = dict(os.environ, PROCMODELER_DATA_DIR=str(data), QT_QPA_PLATFORM="offscreen")
    env["PYTHONPATH"] = str(REPO_ROOT)
    err_file = tmp_path / "stderr.txt"
    with open(err_file, "wb") as err_handle:
        proc = subprocess.Popen(
            [sys.executable, "-m", "procmodeler", str(model)],
            env=env,
            cwd=tmp_path,
            stdout=subprocess.DEVNULL,
            stderr=err_handle,
        )
    sidecar = sidecar_path(model)
    journals = data / "recovery"
    try:
        # the opened file's own journal (the untitled document's of the window's start
        # goes when the file opens; the file's starts at the second journal tick after
        # it, so that the window paints first)
        started = _wait(lambda: sidecar.exists() and _journal_of(journals, model))
        assert started, (proc.poll(), err_file.read_text())
        proc.send_signal(signum)
        code = proc.wait(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    err = err_file.read_text()
    assert code == 128 + signum, err
    assert "Traceback" not in err
    assert not sidecar.exists()  # the lock is released
    assert _journal_of(journals, model)  # the journal is kept for recovery
    assert FileLock.holder(model) is None


def test_stale_lock_of_a_dead_process_is_taken_over_with_a_note(tmp_path: Path) -> None:
    model = tmp_path / "m.procm"
    native.save(sample_architecture(), model)
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()  # a process id that no longer runs
    dead = LockInfo("kim", this_host(), child.pid, "2026-01-01T09:00:00+00:00")
    sidecar_path(model).write_bytes(dead.to_bytes())
    lock = FileLock.acquire(model)
    try:
        assert lock.held and lock.took_over == dead
        note = lock.note()
        assert note is not None
        assert "no longer running" in note.text() and "kim @" in note.text()
        assert LockInfo.from_bytes(sidecar_path(model).read_bytes()) == lock.info
    finally:
        lock.release()


def test_lock_of_another_machine_is_not_taken_over(tmp_path: Path) -> None:
    from procmodeler.app.locking import LockedByOther

    model = tmp_path / "m.procm"
    native.save(sample_architecture(), model)
    other = LockInfo("kim", "another-host", 1, "2026-01-01T09:00:00+00:00")
    sidecar_path(model).write_bytes(other.to_bytes())
    with pytest.raises(LockedByOther):
        FileLock.acquire(model)
    forced = FileLock.acquire(model, force=True)
    try:
        assert forced.took_over == other and forced.note() is None  # the user chose
    finally:
        forced.release()


def test_huge_damaged_journal_is_read_in_bounded_chunks_and_moved_aside(
    tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """0.1 read a whole journal into memory: a 3 GB damaged one gave MemoryError at
    every start and blocked the recovery of other sessions. Here a journal of one line
    longer than the limit (scaled down) is moved aside, and another session's work is
    still offered."""
    from procmodeler.app import journal as journal_mod
    from procmodeler.app import journalfile, recovery
    from procmodeler.edit import Editor
    from procmodeler.edit import operations as ops

    monkeypatch.setattr(journalfile, "MAX_LINE", 64 * 1024)
    folder = tmp_path / "recovery"
    folder.mkdir()
    bad = folder / "0000bad.journal"
    with open(bad, "wb") as handle:
        handle.write(b"0" * (5 * 1024 * 1024))  # no line end at all
    (folder / "0000bad.owner").write_bytes(b"")
    ed = Editor()
    good = journal_mod.Journal.start(ed, folder=folder, base_text=native.dumps(ed.arch))
    ops.create_process(ed, "Kept work", "core")
    good.flush()
    good.close()
    found = recovery.find_recoverable(folder)
    assert [s.edits for s in found] == [1]
    assert (folder / "0000bad.journal.damaged").exists() and not bad.exists()
    for session in found:
        session.release()
