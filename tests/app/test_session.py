"""The Qt-free session: new, open, save, save as and the modified flag."""

from __future__ import annotations

from pathlib import Path

import pytest

from procmodeler.app.session import Session
from procmodeler.common.errors import UserError
from procmodeler.edit import operations as ops
from procmodeler.io import native  # noqa: F401  (the session reads and writes .procm)


def test_new_session_is_unsaved_and_unmodified() -> None:
    s = Session.new("sv")
    assert s.path is None and s.display_name is None
    assert not s.is_modified
    assert s.arch.meta.language == "sv"
    with pytest.raises(ValueError):
        s.save()


def test_save_as_then_open_round_trips_and_tracks_modified(tmp_path: Path) -> None:
    s = Session.new()
    ops.create_process(s.editor, "Order to delivery", "core")
    assert s.is_modified
    saved = s.save(tmp_path / "model")  # suffix added
    assert saved.name == "model.procm" and saved.is_file()
    assert not s.is_modified and s.display_name == "model.procm"
    ops.create_process(s.editor, "Invoice", "core")
    assert s.is_modified
    s.editor.undo()
    assert not s.is_modified  # back at the saved state
    s.editor.redo()
    s.save()
    opened = Session.open(saved)
    assert opened.arch == s.arch
    assert not opened.is_modified and opened.path == saved


def test_open_bad_or_missing_file_is_a_user_error(tmp_path: Path) -> None:
    with pytest.raises(UserError):
        Session.open(tmp_path / "missing.procm")
    bad = tmp_path / "bad.procm"
    bad.write_text("{ not json", encoding="utf-8")
    with pytest.raises(UserError):
        Session.open(bad)


def test_failed_save_keeps_path_and_modified_state(tmp_path: Path) -> None:
    s = Session.new()
    s.save(tmp_path / "a.procm")
    ops.create_process(s.editor, "X", "core")
    with pytest.raises(UserError):
        s.save(tmp_path / "no-such-folder" / "b.procm")
    assert s.path == (tmp_path / "a.procm").resolve()
    assert s.is_modified


def test_a_bundled_example_opens_as_an_unlocked_copy() -> None:
    """Issue 19 item 11: no lock file ever lands among the package's resources."""
    from procmodeler.common.paths import examples_dir

    folder = examples_dir()
    session = Session.open(folder / "manufacturing.procm")
    try:
        assert session.path is None and session.lock is None and not session.is_modified
        assert session.arch.processes
        assert not list(folder.glob("~$*"))
    finally:
        session.close()


def test_opening_pauses_the_collector_only_while_it_reads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The model is read with the cyclic collector paused (hundreds of thousands of
    objects, no cycles); it runs again afterwards, also when the file is refused."""
    import gc

    seen: list[bool] = []
    path = tmp_path / "m.procm"
    Session.new().save(path)
    real = native.loadb

    def spy(data: bytes, name: str):  # type: ignore[no-untyped-def]
        seen.append(gc.isenabled())
        return real(data, name)

    monkeypatch.setattr(native, "loadb", spy)
    assert gc.isenabled()
    Session.open(path).close()
    assert seen == [False] and gc.isenabled()
    path.write_text("{ not json", encoding="utf-8")
    with pytest.raises(UserError):
        Session.open(path)
    assert seen == [False, False] and gc.isenabled()
