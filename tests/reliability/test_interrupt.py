"""A session stopped from outside (Ctrl+C, log-out) keeps its unsaved edits in the
recovery journal, and an unmodified one leaves nothing behind."""

from __future__ import annotations

from pathlib import Path

from procmodeler.app import recovery
from procmodeler.app.session import Session
from procmodeler.edit import operations as ops


def test_interrupted_unsaved_edits_are_offered_at_the_next_start(data_dir: Path) -> None:
    session = Session.new("sv")
    ops.create_process(session.editor, "Hantera ansökan", "core")
    expected = session.arch.copy()
    session.interrupt()
    assert session.journal is None and session.lock is None
    (entry,) = recovery.find_recoverable()
    again = Session.recover(entry)
    assert again.arch == expected and again.is_modified
    again.close()


def test_an_interrupted_saved_document_leaves_no_journal(data_dir: Path, tmp_path: Path) -> None:
    session = Session.new()
    ops.create_process(session.editor, "Order to delivery", "core")
    path = session.save(tmp_path / "model.procm")
    session.interrupt()
    assert recovery.find_recoverable() == []
    assert sorted(p.name for p in tmp_path.iterdir() if p != data_dir) == [path.name]  # no lock
