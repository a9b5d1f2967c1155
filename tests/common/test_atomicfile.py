"""Atomic writes: the content arrives whole, permissions follow the old file or the
umask, and a failed write leaves the old file and no temporary file behind."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from procmodeler.common import atomicfile
from procmodeler.common.atomicfile import atomic_write_bytes


def test_writes_and_replaces(tmp_path: Path) -> None:
    target = tmp_path / "a.procm"
    atomic_write_bytes(target, b"one")
    atomic_write_bytes(target, b"two")
    assert target.read_bytes() == b"two"
    assert [p.name for p in tmp_path.iterdir()] == ["a.procm"]


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_new_file_gets_umask_permissions(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        target = tmp_path / "new.png"
        atomic_write_bytes(target, b"x")
    finally:
        os.umask(old)
    assert stat.S_IMODE(target.stat().st_mode) == 0o644


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_replacement_keeps_the_old_permissions(tmp_path: Path) -> None:
    target = tmp_path / "kept.procm"
    target.write_bytes(b"old")
    target.chmod(0o640)
    atomic_write_bytes(target, b"new")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_failed_write_keeps_old_file_and_leaves_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "b.procm"
    target.write_bytes(b"old")

    def broken_replace(src: str, dst: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(atomicfile.os, "replace", broken_replace)
    with pytest.raises(OSError):
        atomic_write_bytes(target, b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["b.procm"]


def test_a_save_removes_temporaries_that_a_killed_save_left(tmp_path: Path) -> None:
    target = tmp_path / "model.procm"
    old_tmp = tmp_path / ".model.procm.abc123.tmp"
    fresh_tmp = tmp_path / ".model.procm.def456.tmp"  # perhaps another save running now
    other = tmp_path / ".other.procm.abc123.tmp"
    for path in (old_tmp, fresh_tmp, other):
        path.write_bytes(b"half")
    an_hour_ago = os.path.getmtime(old_tmp) - 3600
    os.utime(old_tmp, (an_hour_ago, an_hour_ago))
    os.utime(other, (an_hour_ago, an_hour_ago))
    atomic_write_bytes(target, b"whole")
    assert not old_tmp.exists()
    assert fresh_tmp.exists() and other.exists()
    assert target.read_bytes() == b"whole"
