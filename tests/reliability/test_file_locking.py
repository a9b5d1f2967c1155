"""Two people, one file: opening a file open elsewhere is refused with who has it (and
works read-only or by taking over), a dead owner's lock is taken over silently, and
saving over a file changed on disk since it was opened is never silent."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from procmodeler.app import locking
from procmodeler.app.locking import (
    DiskState,
    FileLock,
    LockedByOther,
    LockInfo,
    SaveConflict,
    sidecar_path,
)
from procmodeler.app.session import Session
from procmodeler.common.errors import UserError
from procmodeler.common.i18n import translator
from procmodeler.edit import operations as ops
from procmodeler.io import native
from tests.reliability.harness import OtherInstance, sample_model


@pytest.fixture
def model(tmp_path: Path) -> Path:
    path = tmp_path / "plan.procm"
    native.save(sample_model(8), path)
    return path


@pytest.fixture
def other_instance(model: Path) -> Iterator[OtherInstance]:
    """Another procmodeler process that holds the lock on *model*."""
    other = OtherInstance(model)
    yield other
    other.end()


def dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def write_sidecar(model: Path, **fields: object) -> None:
    info = {
        "user": "kim",
        "host": locking.this_host(),
        "pid": 1,
        "since": "2025-03-01T09:12:00+00:00",
    }
    info.update(fields)
    sidecar_path(model).write_text(json.dumps(info), encoding="utf-8")


# ====================================================================== the lock itself
def test_a_lock_says_who_has_the_file_and_goes_away_on_release(model: Path) -> None:
    lock = FileLock.acquire(model)
    sidecar = model.with_name("~$plan.procm.lock")
    assert lock.held and lock.sidecar == sidecar and sidecar.exists()
    info = LockInfo.from_bytes(sidecar.read_bytes())
    assert info is not None and info.pid == os.getpid() and info.host == locking.this_host()
    assert info.user and info.since and info.app.startswith("procmodeler")
    lock.release()
    assert not sidecar.exists() and not lock.held
    lock.release()  # twice is harmless


def test_windows_of_one_instance_share_the_lock(model: Path) -> None:
    first = FileLock.acquire(model)
    second = FileLock.acquire(model)  # a second window on the same file: not "another"
    assert first.held and second.held and second.info == first.info
    first.release()
    assert sidecar_path(model).exists() and second.held
    second.release()
    assert not sidecar_path(model).exists()


def test_another_live_instance_is_reported_and_its_death_frees_the_file(
    model: Path, other_instance: OtherInstance
) -> None:
    with pytest.raises(LockedByOther) as caught:
        FileLock.acquire(model)
    info = caught.value.info
    assert info.pid == other_instance.pid and info.on_this_host
    line = caught.value.lines()[0]
    assert line.startswith(str(model)) and f"({info.user} @ {info.host}, " in line
    assert "är öppen i ett annat procmodeler" in caught.value.lines(translator("sv"))[0]
    assert FileLock.holder(model) == info
    other_instance.kill()  # SIGKILL: no clean-up, the sidecar stays behind
    assert sidecar_path(model).exists()
    assert FileLock.holder(model) is None  # stale: nobody
    lock = FileLock.acquire(model)  # taken over without asking
    assert lock.took_over is not None and lock.took_over.pid == other_instance.pid
    lock.release()


def test_a_sidecar_of_a_dead_process_on_this_host_is_taken_over(model: Path) -> None:
    write_sidecar(model, pid=dead_pid())
    lock = FileLock.acquire(model)
    assert lock.held and lock.took_over is not None and lock.took_over.user == "kim"
    lock.release()


def test_a_sidecar_of_another_machine_needs_the_users_word(model: Path) -> None:
    write_sidecar(model, host="laptop-7", pid=4242)
    with pytest.raises(LockedByOther) as caught:
        FileLock.acquire(model)
    assert caught.value.info.host == "laptop-7"
    assert "(kim @ laptop-7, 2025-03-01 09:12 UTC)" in caught.value.lines()[0]
    lock = FileLock.acquire(model, force=True)  # "open anyway"
    assert lock.took_over is not None and lock.took_over.host == "laptop-7"
    mine = LockInfo.from_bytes(sidecar_path(model).read_bytes())
    assert mine is not None and mine.pid == os.getpid()
    lock.release()


def test_an_unreadable_sidecar_is_respected_while_young_and_taken_over_when_old(
    model: Path,
) -> None:
    sidecar_path(model).write_bytes(b"")  # another instance is writing it right now
    with pytest.raises(LockedByOther) as caught:
        FileLock.acquire(model)
    assert caught.value.info.is_unknown
    old = time.time() - 60
    os.utime(sidecar_path(model), (old, old))
    with FileLock.acquire(model) as lock:
        assert lock.held and lock.took_over is None


def test_a_folder_where_no_sidecar_can_be_written_still_opens(
    model: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_open = os.open

    def read_only_folder(path: object, flags: int, *args: object) -> int:
        if str(path).endswith(".lock"):
            raise PermissionError(13, "Permission denied")
        return real_open(path, flags, *args)

    monkeypatch.setattr(locking.os, "open", read_only_folder)
    lock = FileLock.acquire(model)
    assert not lock.held
    lock.release()


# ====================================================================== sessions
def test_opening_a_file_open_elsewhere_offers_read_only(
    model: Path, tmp_path: Path, data_dir: Path, other_instance: OtherInstance
) -> None:
    with pytest.raises(LockedByOther):
        Session.open(model)
    viewer = Session.open(model, read_only=True)
    assert viewer.read_only and viewer.lock is None
    ops.create_process(viewer.editor, "My idea")
    with pytest.raises(UserError) as caught:
        viewer.save()
    assert "read-only" in caught.value.lines()[0]
    assert native.load(model) == sample_model(8)  # untouched
    copy = viewer.save(tmp_path / "my-copy.procm")  # save as is fine
    assert not viewer.read_only and viewer.lock is not None and viewer.lock.path == copy
    viewer.close()


def test_save_as_over_a_file_open_elsewhere_is_refused(
    model: Path, data_dir: Path, other_instance: OtherInstance
) -> None:
    session = Session.new()
    ops.create_process(session.editor, "Mine")
    with pytest.raises(LockedByOther):
        session.save(model)
    assert native.load(model) == sample_model(8) and session.path is None
    session.close()


def test_saving_over_a_file_changed_since_it_was_opened_is_never_silent(
    model: Path, data_dir: Path
) -> None:
    mine = Session.open(model)
    ops.create_process(mine.editor, "My change")
    # Someone else opens it anyway ("open anyway") and saves their version first.
    theirs = Session.open(model, force=True)
    ops.create_process(theirs.editor, "Their change")
    theirs.save()
    theirs_on_disk = native.load(model)
    with pytest.raises(SaveConflict) as caught:
        mine.save()
    assert caught.value.reason == "changed" and caught.value.path == model.resolve()
    assert "changed by someone else" in caught.value.lines()[0]
    assert native.load(model) == theirs_on_disk  # nothing overwritten
    assert mine.is_modified and mine.file_changed_on_disk() == "changed"
    mine.save(overwrite=True)  # the user chose "overwrite"
    assert native.load(model) == mine.arch
    ops.create_process(mine.editor, "More")
    mine.save()  # no conflict: the session knows its own last save
    mine.close()
    theirs.close()


def test_a_file_only_touched_is_no_conflict_but_a_deleted_one_is(
    model: Path, data_dir: Path
) -> None:
    session = Session.open(model)
    ops.create_process(session.editor, "x")
    later = time.time() + 100
    os.utime(model, (later, later))  # e.g. a sync tool touched it
    session.save()
    model.unlink()
    ops.create_process(session.editor, "y")
    with pytest.raises(SaveConflict) as caught:
        session.save()
    assert caught.value.reason == "deleted" and "deleted or moved" in caught.value.lines()[0]
    session.save(overwrite=True)
    assert native.load(model) == session.arch
    session.close()


def test_close_gives_the_file_free(model: Path, data_dir: Path) -> None:
    first = Session.open(model)
    assert sidecar_path(model).exists()
    first.close()
    assert not sidecar_path(model).exists()
    second = Session.open(model)
    second.close()


def test_disk_state_follows_content_not_time(tmp_path: Path) -> None:
    path = tmp_path / "f"
    path.write_bytes(b"one")
    state = DiskState.read(path)
    assert state == DiskState.of_bytes(path, b"one")
    assert state is not None and state.compare(path) is None
    path.write_bytes(b"two")  # same size, maybe the same mtime: the hash tells
    assert state.compare(path) == "changed"
    path.write_bytes(b"one")
    assert state.compare(path) is None
    path.unlink()
    assert state.compare(path) == "deleted" and DiskState.read(path) is None
    assert DiskState.from_json(state.to_json()) == state
