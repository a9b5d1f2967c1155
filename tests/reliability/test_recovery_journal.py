"""The recovery journal and recovery: every committed edit is on disk when the edit
returns, a dead session's work comes back (with its undo history), a changed or missing
file sends the work into a new document with a note, torn and damaged journals are
handled, and the journal goes away on save and close."""

from __future__ import annotations

import json
import os
import random
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from procmodeler.app import journal as journal_mod
from procmodeler.app import locking, recovery
from procmodeler.app.journal import (
    Journal,
    decode_value,
    encode_value,
    frame,
    read_journal,
    recovery_dir,
    unframe,
)
from procmodeler.app.locking import unlock
from procmodeler.app.session import Session
from procmodeler.common.i18n import Message, translator
from procmodeler.edit import operations as ops
from procmodeler.edit.editor import Editor
from procmodeler.io import native
from procmodeler.model.architecture import Architecture
from procmodeler.model.elements import (
    Bounds,
    DiagramOptions,
    Kpi,
    Metadata,
    Person,
    Process,
    Relation,
    Unit,
)
from tests.reliability.harness import OtherInstance, edit_step, sample_model


def crash(session: Session) -> None:
    """What the OS does when the process dies: files closed, OS locks dropped, nothing
    else (no flush, no clean-up, sidecar and journal files stay)."""
    if session.journal is not None:
        session.journal.detach()
        session.journal._finalizer()
        session.journal = None
    if session.lock is not None and session.lock._held is not None:
        lock, held = session.lock, session.lock._held
        lock._finalizer.detach()
        held.count -= 1
        if held.count == 0:
            unlock(held.fd)
            os.close(held.fd)
            del locking._HELD[lock.sidecar]
        session.lock = None


def some_edits(ed: Editor) -> None:
    a = ops.create_process(ed, "Order to delivery", "core")
    b = ops.create_process(ed, "Invoice", "support")
    u = ops.add_unit(ed, "Sales")
    ops.set_participation(ed, a, u, "RA")
    ops.connect(ed, a, b, "support")
    ops.move_shapes(ed, None, [a], 12.5, -3)
    ops.suppress_finding(ed, "orphan.isolated", [b], "Known")
    ops.set_rule(ed, "orphan.isolated", "info")
    ed.undo()
    ed.undo()
    ed.redo()
    ops.set_metadata(ed, name="Plan åäö")


# ====================================================================== encoding
_text = st.text(max_size=8)
_opt = st.none() | _text
_num = st.floats(allow_nan=True, allow_infinity=True) | st.integers(-(2**70), 2**70)
_records = st.one_of(
    st.builds(Process, _text, _text, _text, _opt, objects_in=st.tuples(_text, _text)),
    st.builds(Unit, _text, _text, _opt, _opt),
    st.builds(Person, _text, _text, _opt, _text),
    st.builds(Relation, _text, _text, _text),
    st.builds(Kpi, _text, _text, _text, target=st.none() | _num, actual=st.none() | _num),
    st.builds(Bounds, _num, _num, _num, _num),
    st.builds(DiagramOptions, st.booleans(), st.tuples(_text)),
    st.builds(Metadata, _text, _text),
)
_values = st.recursive(
    st.none() | st.booleans() | _num | _text | _records,
    lambda inner: st.lists(inner, max_size=3).map(tuple) | st.lists(inner, max_size=3),
    max_leaves=12,
)


def _same(a: Any, b: Any) -> bool:
    """Equal, of the same types all the way down (NaN equals NaN)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, float):
        return a == b or (a != a and b != b)
    if isinstance(a, (tuple, list)):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    if hasattr(a, "__dataclass_fields__"):
        return all(_same(getattr(a, f), getattr(b, f)) for f in a.__dataclass_fields__)
    return bool(a == b)


@settings(max_examples=300, deadline=None)
@given(_values)
def test_values_round_trip_exactly_through_a_journal_line(value: Any) -> None:
    line = frame({"v": encode_value(value)})
    assert line.endswith(b"\n") and line.count(b"\n") == 1
    assert _same(decode_value(unframe(line)["v"]), value)


def test_unknown_values_are_refused_not_guessed() -> None:
    with pytest.raises(TypeError):
        encode_value({1, 2})
    with pytest.raises(journal_mod.JournalError):
        decode_value({"d": "Evil", "f": {}})
    with pytest.raises(journal_mod.JournalError):
        decode_value({"d": "Process", "f": {"id": "a", "name": "b", "no_such_field": 1}})


# ====================================================================== recording
def test_every_commit_undo_and_redo_is_on_disk_when_it_returns(data_dir: Path) -> None:
    session = Session.new()
    ed = session.editor
    assert session.journal is not None and session.journal.path.parent == recovery_dir()
    pid = ops.create_process(ed, "Order", "core")
    # No flush, no close: what an edit has written must already be in the file.
    assert [e.how for e in read_journal(session.journal.path).entries] == ["do"]
    ed.undo()
    ed.redo()
    ops.rename_process(ed, pid, "Order to cash")
    contents = read_journal(session.journal.path)
    assert [e.how for e in contents.entries] == ["do", "undo", "redo", "do"]
    assert contents.entries[3].label.text() == "Rename 'Order' to 'Order to cash'"
    assert contents.entries[1].changes[0].new is None  # the undo removed the process
    session.close()


def test_group_commit_syncs_at_most_once_per_interval(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    now = [100.0]
    synced: list[float] = []
    real_fsync = os.fsync

    def counting_fsync(fd: int) -> None:
        synced.append(now[0])
        real_fsync(fd)

    ed = Editor()
    j = Journal.start(ed, base_text=native.dumps(ed.arch), clock=lambda: now[0])
    monkeypatch.setattr(journal_mod.os, "fsync", counting_fsync)
    ops.create_process(ed, "A")  # the journal was just created (synced): wait
    assert synced == [] and j.pending
    now[0] += 0.125
    ops.create_process(ed, "B")
    assert synced == [] and not j.tick()  # 0.125 s < 0.2 s
    now[0] += 0.125
    assert j.tick() and synced == [100.25] and not j.pending
    now[0] += 0.5
    ops.create_process(ed, "C")  # the last sync is old: this one syncs at once
    assert synced == [100.25, 100.75] and not j.pending
    ops.create_process(ed, "D")
    assert j.pending
    j.flush()
    assert synced == [100.25, 100.75, 100.75] and not j.pending
    j.discard()


def test_a_failing_journal_never_disturbs_editing(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = Session.new()

    def full_disk(fd: int, data: bytes) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(journal_mod, "_write_all", full_disk)
    pid = ops.create_process(session.editor, "Still works")
    assert pid in session.arch.processes
    assert session.journal_error is not None and session.journal_error.errno == 28
    ops.create_process(session.editor, "And again")  # no second failure, no exception
    assert len(session.arch.processes) == 2
    session.close()


def test_an_unusable_recovery_folder_leaves_the_session_working(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    monkeypatch.setenv("PROCMODELER_DATA_DIR", str(blocker))
    session = Session.new()
    assert session.journal is None and session.journal_error is not None
    ops.create_process(session.editor, "Works anyway")
    session.close()


# ====================================================================== recovering
def test_a_never_saved_model_is_recovered_with_its_undo_history(data_dir: Path) -> None:
    session = Session.new("sv")
    some_edits(session.editor)
    expected = session.arch.copy()
    history = [m.text() for m in session.editor.history()]
    crash(session)

    found = recovery.find_recoverable()
    assert len(found) == 1
    entry = found[0]
    assert entry.path is None and entry.file_state == recovery.FILE_NEW
    assert entry.edits == 12 and entry.title == "Plan åäö" and entry.notes() == []
    again = Session.recover(entry)
    assert again.arch == expected
    assert again.path is None and again.is_modified
    assert [m.text() for m in again.editor.history()] == history
    assert not again.editor.can_redo()  # as before the crash: a new edit cleared it
    # The recovered session has its own journal; the old one is gone.
    assert not entry.journal.exists()
    assert again.journal is not None and again.journal.path.exists()
    again.close()
    assert list(recovery_dir().iterdir()) == []


def test_an_opened_file_is_recovered_into_its_file_when_unchanged(
    data_dir: Path, tmp_path: Path
) -> None:
    path = tmp_path / "plan.procm"
    native.save(sample_model(20), path)
    session = Session.open(path)
    some_edits(session.editor)
    expected = session.arch.copy()
    crash(session)

    (entry,) = recovery.find_recoverable()
    assert entry.path == path.resolve() and entry.file_state == recovery.FILE_UNCHANGED
    again = Session.recover(entry)
    assert again.path == path.resolve() and again.arch == expected and again.is_modified
    assert again.recovery_notes == []
    steps = len(again.editor.history())
    again.editor.undo_all()
    assert not again.is_modified  # back at exactly what is in the file
    assert again.arch == native.load(path)
    for _ in range(steps):
        again.editor.redo()
    again.save()
    assert native.load(path) == expected
    again.close()


@pytest.mark.parametrize("what", ["changed", "deleted"])
def test_a_changed_or_missing_file_sends_the_work_into_a_new_document(
    data_dir: Path, tmp_path: Path, what: str
) -> None:
    path = tmp_path / "plan.procm"
    native.save(sample_model(10), path)
    session = Session.open(path)
    some_edits(session.editor)
    expected = session.arch.copy()
    crash(session)
    if what == "changed":
        native.save(sample_model(10, variant=1), path)  # someone else saved it
    else:
        path.unlink()

    (entry,) = recovery.find_recoverable()
    assert entry.file_state == (recovery.FILE_CHANGED if what == "changed" else "missing")
    again = Session.recover(entry)
    assert again.path is None and again.is_modified
    assert again.arch == expected  # the user's edits on the file as it was opened
    (note,) = again.recovery_notes
    text = note.text()
    assert str(path.resolve()) in text and "new, unsaved document" in text
    assert ("changed on disk" in text) == (what == "changed")
    assert "osparat dokument" in note.text(translator("sv"))
    again.close()


def test_a_file_open_elsewhere_sends_the_work_into_a_new_document(
    data_dir: Path, tmp_path: Path
) -> None:
    path = tmp_path / "plan.procm"
    native.save(sample_model(10), path)
    session = Session.open(path)
    ops.create_process(session.editor, "Mine")
    crash(session)
    other = OtherInstance(path)  # another procmodeler has opened it since
    try:
        (entry,) = recovery.find_recoverable()
        again = Session.recover(entry)
        assert again.path is None and again.lock is None
        assert "is open in another procmodeler" in again.recovery_notes[-1].text()
        again.close()
    finally:
        other.end()


def test_a_torn_last_line_is_ignored_at_every_cut(data_dir: Path) -> None:
    session = Session.new()
    ed = session.editor
    ops.create_process(ed, "First")
    before_last = ed.arch.copy()
    ops.create_process(ed, "Second – with ä")
    after_last = ed.arch.copy()
    path = session.journal.path
    crash(session)
    data = path.read_bytes()
    last_start = data.rstrip(b"\n").rfind(b"\n") + 1
    for cut in range(last_start, len(data) + 1):
        path.write_bytes(data[:cut])
        contents = read_journal(path)
        replayed = recovery.replay(contents)
        torn = last_start < cut < len(data)
        assert contents.torn_tail == torn, cut
        assert replayed.editor.arch == (after_last if cut == len(data) else before_last), cut
        assert contents.damaged_after is None


def test_a_damaged_line_in_the_middle_recovers_up_to_it_and_says_so(data_dir: Path) -> None:
    session = Session.new()
    ed = session.editor
    ops.create_process(ed, "One")
    after_one = ed.arch.copy()
    ops.create_process(ed, "Two")
    ops.create_process(ed, "Three")
    path = session.journal.path
    crash(session)
    lines = path.read_bytes().splitlines(keepends=True)
    lines[2] = lines[2].replace(b"Two", b"Twx")  # the checksum no longer matches
    path.write_bytes(b"".join(lines))
    (entry,) = recovery.find_recoverable()
    assert entry.damaged_after == 1 and entry.edits == 1
    assert entry.replayed.editor.arch == after_one
    assert any("damaged after edit 1" in n.text() for n in entry.notes())
    recovery.discard(entry)


def test_live_sessions_are_never_offered_and_claims_are_exclusive(data_dir: Path) -> None:
    live = Session.new()
    ops.create_process(live.editor, "Alive")
    dead = Session.new()
    ops.create_process(dead.editor, "Dead")
    crash(dead)
    first = recovery.find_recoverable()
    assert [e.name for e in first] == [""] and first[0].edits == 1
    assert recovery.find_recoverable() == []  # claimed by the first finder
    recovery.release_all(first)
    second = recovery.find_recoverable()
    assert len(second) == 1 and live.journal.path.exists()
    recovery.discard(second[0])
    assert recovery.find_recoverable() == []
    live.close()


def test_nothing_to_recover_is_cleaned_up_quietly(data_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "plan.procm"
    native.save(sample_model(5), path)
    untouched = Session.open(path)
    undone = Session.new()
    ops.create_process(undone.editor, "Gone again")
    undone.editor.undo()
    saved_not_rebased = Session.new()
    ops.create_process(saved_not_rebased.editor, "Saved")
    saved_not_rebased.save(tmp_path / "second.procm")
    ops.create_process(saved_not_rebased.editor, "Also saved, but the app died before rebasing")
    native.save(saved_not_rebased.arch, tmp_path / "second.procm")
    for s in (untouched, undone, saved_not_rebased):
        crash(s)
    assert len(list(recovery_dir().glob("*.journal"))) == 3
    assert recovery.find_recoverable() == []
    assert list(recovery_dir().iterdir()) == []


def test_unreadable_journals_are_moved_aside_and_newer_ones_left_alone(data_dir: Path) -> None:
    folder = recovery_dir()
    folder.mkdir(parents=True)
    (folder / "bad.journal").write_bytes(b"garbage\n")
    newer = frame({"format": "procmodeler-journal", "version": 99, "base": "{}"})
    (folder / "newer.journal").write_bytes(newer)
    assert recovery.find_recoverable() == []
    assert (folder / "bad.journal.damaged").exists() and not (folder / "bad.journal").exists()
    assert (folder / "newer.journal").read_bytes() == newer


def test_save_rebases_the_journal_and_close_removes_it(data_dir: Path, tmp_path: Path) -> None:
    session = Session.new()
    ops.create_process(session.editor, "Before save")
    path = session.save(tmp_path / "model")
    contents = read_journal(session.journal.path)
    assert contents.entries == [] and contents.header.path == path
    assert contents.header.base == path.read_text(encoding="utf-8")
    assert contents.header.disk == session.disk and contents.header.base_is_file
    ops.create_process(session.editor, "After save")
    assert len(read_journal(session.journal.path).entries) == 1
    session.close()
    assert list(recovery_dir().iterdir()) == []


def test_undo_past_a_save_recovers_the_model_without_its_history(
    data_dir: Path, tmp_path: Path
) -> None:
    session = Session.new()
    ops.create_process(session.editor, "A")
    ops.create_process(session.editor, "B")
    session.save(tmp_path / "m.procm")
    session.editor.undo()  # undoes a transaction from before the journal's base
    expected = session.arch.copy()
    crash(session)
    (entry,) = recovery.find_recoverable()
    assert not entry.replayed.faithful
    again = Session.recover(entry)
    assert again.arch == expected and again.is_modified and not again.editor.can_undo()
    again.close()


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_long_random_sessions_recover_exactly(data_dir: Path, tmp_path: Path, seed: int) -> None:
    path = tmp_path / "start.procm"
    native.save(sample_model(15), path)
    session = Session.open(path) if seed % 2 else Session.new()
    rnd = random.Random(seed)
    for _ in range(400):
        edit_step(session, rnd, path)
    expected = session.arch.copy()
    crash(session)
    found = recovery.find_recoverable()
    if found:
        again = Session.recover(found[0])
        assert again.arch == expected
        again.close()
    else:  # the last step was a save: the work is in the file
        assert native.load(path) == expected


def test_journal_lines_are_checksummed_json(data_dir: Path) -> None:
    session = Session.new()
    ops.create_process(session.editor, "x")
    first, second = session.journal.path.read_bytes().splitlines()
    header = json.loads(first[9:])
    assert header["format"] == "procmodeler-journal" and header["version"] == 1
    assert header["path"] is None and native.loadb(header["base"].encode()) == Architecture()
    record = json.loads(second[9:])
    assert record["n"] == 1 and record["how"] == "do"
    assert record["label"]["msgid"] == "Create process '{name}'"
    assert isinstance(Message(record["label"]["msgid"]), Message)
    session.close()


def test_a_journal_put_off_starts_at_the_first_edit_with_the_file_as_base(
    data_dir: Path, tmp_path: Path
) -> None:
    """The app opens a file with ``journal_later`` (its first paint does not wait for the
    copy of the file): nothing is written until the first edit, which starts the journal
    from the file as read and is its first record; a crash after it recovers the edit."""
    path = tmp_path / "plan.procm"
    native.save(sample_model(20), path)
    session = Session.open(path, journal_later=True)
    assert session.journal is None and not recovery_dir().exists()
    ops.create_process(session.editor, "First edit")
    assert session.journal is not None
    contents = read_journal(session.journal.path)
    assert contents.header.base == path.read_text(encoding="utf-8")
    assert contents.header.base_is_file and len(contents.entries) == 1
    ops.create_process(session.editor, "Second edit")
    assert len(read_journal(session.journal.path).entries) == 2  # recorded once each
    expected = session.arch.copy()
    crash(session)
    (entry,) = recovery.find_recoverable()
    assert entry.file_state == recovery.FILE_UNCHANGED
    again = Session.recover(entry)
    assert again.arch == expected and len(again.editor.history()) == 2
    again.close()


def test_a_journal_put_off_starts_at_the_second_tick_and_after_a_save_from_it(
    data_dir: Path, tmp_path: Path
) -> None:
    path = tmp_path / "plan.procm"
    native.save(sample_model(10), path)
    session = Session.open(path, journal_later=True)
    session.tick()  # overdue after a big model is built: the window paints first
    assert session.journal is None
    session.tick()
    assert session.journal is not None and read_journal(session.journal.path).entries == []
    session.close()
    assert list(recovery_dir().iterdir()) == []

    other = tmp_path / "other.procm"
    session = Session.open(path, journal_later=True)
    session.save(other)  # save as before the journal started: it starts from the saved file
    session.tick()
    session.tick()
    assert session.journal is not None
    header = read_journal(session.journal.path).header
    assert header.base == other.read_text(encoding="utf-8") and header.path == other.resolve()
    session.close()

    session = Session.open(path, journal_later=True)
    session.close()  # closed before it started: nothing written, the hook gone
    ops.create_process(session.editor, "After close")
    assert session.journal is None and list(recovery_dir().iterdir()) == []
