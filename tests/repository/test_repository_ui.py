"""The shared repository in the desktop app, against a real server: open from the
repository, edit, save (which pushes), hear another client's push and take it in with
*Update*; a reader's copy is read-only; History lists the versions."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import Qt

from procmodeler.app.session import Session
from procmodeler.edit.operations import rename_process
from procmodeler.io import native
from procmodeler.repository import Repository
from tests.repository.conftest import RepoDb
from tests.repository.test_repository import EXAMPLE
from tests.ui.helpers import close_window

pytestmark = pytest.mark.gui


def test_open_edit_push_and_update_from_another_client(qtbot, repo_db: RepoDb) -> None:
    pytest.importorskip("procmodeler.io.merge")  # the three-way merge of issue 16
    from procmodeler.ui.mainwindow import MainWindow
    from procmodeler.ui.shared import OpenFromRepositoryDialog

    url = repo_db.url("alice")
    with Repository(url) as repo:
        repo.push(native.load(EXAMPLE), "Fabriken")
    win = MainWindow(Session.new(), remember=False)
    win.show()
    try:
        dialog = OpenFromRepositoryDialog(win)
        qtbot.addWidget(dialog)
        dialog.url.setText(url)
        qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)
        assert [dialog.list.item(i).text() for i in range(dialog.list.count())] == ["Fabriken"]
        assert dialog.chosen() == (url, "Fabriken")
        assert win.shared.open_architecture(*dialog.chosen())
        link = win.shared
        assert link.status.text() == "Repository Fabriken · version 1"
        assert not link.update_button.isVisible()
        pids = list(win.session.arch.processes)
        original = win.session.arch.processes[pids[0]].name
        # edit and save: the save pushes version 2
        rename_process(win.session.editor, pids[0], "Mine")
        assert win.save()
        assert link.status.text() == "Repository Fabriken · version 2"
        assert not win.session.is_modified
        with Repository(url) as repo:
            assert repo.pull("Fabriken").processes[pids[0]].name == "Mine"
        # another client pushes: the window hears it at once
        with Repository(repo_db.url("bob")) as other:
            theirs = other.pull("Fabriken")
            theirs.put(
                "processes",
                pids[1],
                dataclasses.replace(theirs.processes[pids[1]], name="Theirs"),
            )
            assert other.push(theirs, "Fabriken").version == 3
        qtbot.waitUntil(lambda: link.update_button.isVisible(), timeout=10000)
        assert link.status.text() == "Repository Fabriken · version 2 · 1 newer version by others"
        # meanwhile I edit another process; Update merges the other's change in
        rename_process(win.session.editor, pids[2], "Also mine")
        qtbot.mouseClick(link.update_button, Qt.MouseButton.LeftButton)
        arch = win.session.arch
        assert (arch.processes[pids[1]].name, arch.processes[pids[2]].name) == (
            "Theirs",
            "Also mine",
        )
        assert link.status.text() == "Repository Fabriken · version 3"
        assert win.session.editor.undo_label().text() == "Update from the repository"
        assert win.save()
        with Repository(url) as repo:
            latest = repo.pull("Fabriken")
            assert repo.head("Fabriken") == 4
        assert [latest.processes[p].name for p in pids[:3]] == ["Mine", "Theirs", "Also mine"]
        assert link.status.text() == "Repository Fabriken · version 4"
        # History lists every version, newest first
        link.show_history()
        table = link.history.table
        assert [table.item(r, 0).text() for r in range(table.rowCount())] == ["4", "3", "2", "1"]
        link.history.close()
        # compare version 1 with the open document; open version 1 in a new window
        link.compare_version(1)
        assert win.teamwork.name == "Fabriken version 1"
        assert win.teamwork.changes_dock.isVisible()
        win.teamwork.end()
        link.open_version(1)
        try:
            assert link.opened.session.arch.processes[pids[0]].name == original
            assert link.opened.session.arch.origin is None
        finally:
            close_window(link.opened)
    finally:
        close_window(win)


def test_a_reader_gets_a_read_only_copy(qtbot, repo_db: RepoDb) -> None:
    from procmodeler.ui.mainwindow import MainWindow

    with Repository(repo_db.url("alice")) as repo:
        repo.push(native.load(EXAMPLE), "Fabriken")
    win = MainWindow(Session.new(), remember=False)
    try:
        assert win.shared.open_architecture(repo_db.url("rita"), "Fabriken")
        assert win.session.read_only
        assert "read-only" in win.shared.status.text()
    finally:
        close_window(win)


def test_offline_saves_locally_and_the_next_save_pushes(qtbot, repo_db: RepoDb, tmp_path) -> None:
    from procmodeler.ui.mainwindow import MainWindow

    url = repo_db.url("alice")
    with Repository(url) as repo:
        repo.push(native.load(EXAMPLE), "Fabriken")
    win = MainWindow(Session.new(), remember=False)
    try:
        assert win.shared.open_architecture(url, "Fabriken")
        pid = next(iter(win.session.arch.processes))
        # the server cannot be reached (no server behind this socket folder)
        win.shared.doc.url = url.replace(str(repo_db.cluster.socket_dir), str(tmp_path))
        rename_process(win.session.editor, pid, "Offline edit")
        assert win.save()
        assert not win.session.is_modified
        assert "Saved locally; not pushed" in win.statusBar().currentMessage()
        assert native.load(win.session.path).processes[pid].name == "Offline edit"
        with Repository(url) as repo:
            assert repo.head("Fabriken") == 1
        # the window is closed; opening from the repository again keeps the local work
        close_window(win)
        win = MainWindow(Session.new(), remember=False)
        assert win.shared.open_architecture(url, "Fabriken")
        assert win.session.arch.processes[pid].name == "Offline edit"
        assert win.shared.status.text() == "Repository Fabriken · version 1"
        # back online: the next save pushes
        rename_process(win.session.editor, pid, "Online again")
        assert win.save()
        with Repository(url) as repo:
            assert repo.head("Fabriken") == 2
            assert repo.pull("Fabriken").processes[pid].name == "Online again"
        assert win.shared.status.text() == "Repository Fabriken · version 2"
    finally:
        close_window(win)
