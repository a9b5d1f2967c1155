"""Issue 21, item 1: an output never destroys an input or something the user did not
name (the same file by path or inode, a symbolic link, a pipe, a device, a folder, a
hard-linked or read-only file, a path too long), and item 4's special input files."""

from __future__ import annotations

import json
import os
import shutil
import stat
import sys
import tempfile
from pathlib import Path

import pytest

from procmodeler.cli import main
from procmodeler.io import native
from procmodeler.io.register import workbook_bytes
from tests.bpmn.bpmn_models import sample_architecture

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX file types and users")


def cli(capsys: pytest.CaptureFixture[str], *args: object) -> tuple[int, list[str]]:
    """Run a command in this process: its exit code and its stderr lines."""
    code = main([str(a) for a in args])
    return code, capsys.readouterr().err.splitlines()


@pytest.fixture
def model(tmp_path: Path) -> Path:
    path = tmp_path / "a.procm"
    native.save(sample_architecture(), path)
    return path


def _refused(code: int, lines: list[str], path: Path | str, words: str) -> None:
    assert code == 2, lines
    assert len(lines) == 1, lines
    assert str(path) in lines[0] and words in lines[0], lines
    assert "Traceback" not in lines[0]


# ---------------------------------------------------------------------- the input itself
@pytest.mark.parametrize("command", ["report", "export-bpmn", "export-register"])
def test_output_naming_the_model_input_is_refused(command: str, model: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    before = model.read_bytes()
    code, lines = cli(capsys, command, model, "-o", model)
    _refused(code, lines, model, "is the input of this command")
    assert model.read_bytes() == before


def test_import_bpmn_onto_its_source_is_refused(tmp_path: Path, model: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    src = tmp_path / "in.bpmn"
    assert cli(capsys, "export-bpmn", model, "-o", src)[0] == 0
    before = src.read_bytes()
    code, lines = cli(capsys, "import-bpmn", src, "-o", src)
    _refused(code, lines, src, "is the input")
    assert src.read_bytes() == before


def test_import_register_onto_its_workbook_is_refused(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    book = tmp_path / "reg.xlsx"
    book.write_bytes(workbook_bytes(sample_architecture()))
    before = book.read_bytes()
    code, lines = cli(capsys, "import-register", book, "-o", book)
    _refused(code, lines, book, "is the input")
    assert book.read_bytes() == before


def test_input_named_through_another_path_is_refused_by_inode(model: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """The same file under another spelling (a link to its folder): same device and
    inode, so refused although the paths differ as text."""
    alias = model.parent / "alias"
    alias.symlink_to(model.parent, target_is_directory=True)
    before = model.read_bytes()
    code, lines = cli(capsys, "report", model, "-o", alias / model.name)
    assert code == 2 and "is the input" in lines[0], lines
    assert model.read_bytes() == before


# ---------------------------------------------------------------------- symbolic links
def test_symbolic_link_is_written_through_and_stays_a_link(
    tmp_path: Path, model: Path, capsys
) -> None:  # type: ignore[no-untyped-def]
    real = tmp_path / "real.bpmn"
    real.write_text("old")
    link = tmp_path / "link.bpmn"
    link.symlink_to(real)
    code, lines = cli(capsys, "export-bpmn", model, "-o", link)
    assert code == 0, lines
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_bytes().startswith(b"<?xml")


def test_symbolic_link_to_the_input_is_refused(tmp_path: Path, model: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    link = tmp_path / "link.procm"
    link.symlink_to(model)
    before = model.read_bytes()
    code, lines = cli(capsys, "export-bpmn", model, "-o", link)
    _refused(code, lines, link, "is the input")
    assert link.is_symlink() and model.read_bytes() == before


# ---------------------------------------------------------------------- special files
def test_fifo_at_output_is_refused_and_kept(tmp_path: Path, model: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    fifo = tmp_path / "out.pdf"
    os.mkfifo(fifo)
    code, lines = cli(capsys, "report", model, "-o", fifo)
    _refused(code, lines, fifo, "not a regular file")
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_device_at_output_is_refused_and_kept(model: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    code, lines = cli(capsys, "export-bpmn", model, "-o", "/dev/null")
    _refused(code, lines, "/dev/null", "not a regular file")
    assert stat.S_ISCHR(os.lstat("/dev/null").st_mode)


def test_folder_at_output_is_refused(tmp_path: Path, model: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "out.bpmn"
    folder.mkdir()
    (folder / "keep.txt").write_text("mine")
    code, lines = cli(capsys, "export-bpmn", model, "-o", folder)
    _refused(code, lines, folder, "is a folder")
    assert (folder / "keep.txt").read_text() == "mine"


def test_hard_linked_file_at_output_is_refused(tmp_path: Path, model: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "out.bpmn"
    out.write_text("shared")
    other = tmp_path / "other-name.bpmn"
    os.link(out, other)
    code, lines = cli(capsys, "export-bpmn", model, "-o", out)
    _refused(code, lines, out, "hard links")
    assert os.stat(out).st_ino == os.stat(other).st_ino and other.read_text() == "shared"


def test_lock_file_of_an_open_model_is_never_an_output(tmp_path: Path, model: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    sidecar = tmp_path / "~$a.procm.lock"
    sidecar.write_text('{"user": "kim"}')
    code, lines = cli(capsys, "export-bpmn", model, "-o", sidecar)
    _refused(code, lines, sidecar, "lock file")
    assert sidecar.read_text() == '{"user": "kim"}'


def test_path_longer_than_the_file_system_allows_is_one_line(
    tmp_path: Path, model: Path, capsys
) -> None:  # type: ignore[no-untyped-def]
    for out in (
        tmp_path / ("x" * 300 + ".pdf"),
        Path(str(tmp_path) + ("/" + "d" * 200) * 30) / "o.pdf",
    ):
        code, lines = cli(capsys, "report", model, "-o", out)
        assert code == 2 and len(lines) == 1, lines
        assert "longer than the file system allows" in lines[0]


# ---------------------------------------------------------------------- read-only files
def test_read_only_file_at_output_is_refused_as_root_or_owner(
    tmp_path: Path, model: Path, capsys
) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "out.bpmn"
    out.write_text("keep me")
    out.chmod(0o444)
    code, lines = cli(capsys, "export-bpmn", model, "-o", out)
    _refused(code, lines, out, "read-only")
    assert out.read_text() == "keep me"


def _as_nobody(args: list[str], err_path: str) -> int:
    """Run the command line in a child process that has dropped to user 'nobody'
    (a fork: the child needs no access to this interpreter's files)."""
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        code = 99
        try:
            os.setgid(65534)
            os.setuid(65534)
            fd = os.open(err_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666)
            os.dup2(fd, 2)
            sys.stderr = os.fdopen(2, "w", closefd=False)
            code = main(args)
            sys.stderr.flush()
        finally:
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status)


def test_read_only_file_at_output_is_refused_for_a_non_root_user(model: Path) -> None:
    """As a user who owns the folder but may not write the file (0.1 replaced it,
    because the folder was writable)."""
    folder = Path(tempfile.mkdtemp(prefix="procmodeler-nobody-"))
    try:
        os.chmod(folder, 0o777)
        src = folder / "a.procm"
        shutil.copy(model, src)
        out = folder / "out.bpmn"
        out.write_text("keep me")
        for p in (src, out):
            os.chmod(p, 0o444)
        err = folder / "stderr.txt"
        if os.geteuid() == 0:
            code = _as_nobody(["export-bpmn", str(src), "-o", str(out)], str(err))
        else:
            code = _as_nobody_is_me(["export-bpmn", str(src), "-o", str(out)], err)
        lines = err.read_text().splitlines()
        assert code == 2, lines
        assert len(lines) == 1 and "read-only" in lines[0], lines
        assert out.read_text() == "keep me"
        assert sorted(p.name for p in folder.iterdir()) == ["a.procm", "out.bpmn", "stderr.txt"]
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _as_nobody_is_me(args: list[str], err: Path) -> int:
    """Already not root: the command runs as this user."""
    import contextlib
    import io

    buffer = io.StringIO()
    with contextlib.redirect_stderr(buffer):
        code = main(args)
    err.write_text(buffer.getvalue())
    return code


# ---------------------------------------------------------------------- special inputs
@pytest.mark.parametrize("option", ["model", "profile", "rules", "logo"])
def test_fifo_or_device_as_an_input_is_refused_without_reading(
    option: str, tmp_path: Path, model: Path, capsys
) -> None:  # type: ignore[no-untyped-def]
    """0.1 blocked forever on a FIFO and read /dev/zero until memory ran out."""
    for special in ("fifo", "/dev/zero"):
        if special == "fifo":
            path = tmp_path / f"special-{option}.json"
            os.mkfifo(path)
        else:
            path = Path(special)
        out = tmp_path / "r.pdf"
        if option == "model":
            args = ["report", path, "-o", out]
        elif option == "profile":
            args = ["report", model, "-o", out, "--profile", path]
        elif option == "rules":
            args = ["check", model, "--rules", path]
        else:
            profile = tmp_path / "p.json"
            profile.write_text(json.dumps({"logo": str(path)}))
            args = ["report", model, "-o", out, "--profile", profile]
        code, lines = cli(capsys, *args)
        assert code == 2, lines
        assert any("not a regular file" in line for line in lines), lines
        assert not out.exists()


@pytest.mark.parametrize(
    ("command", "suffix"),
    [("import-bpmn", ".bpmn"), ("export-bpmn", ".procm"), ("export-register", ".procm"),
     ("import-register", ".xlsx")],
)  # fmt: skip
def test_fifo_as_the_input_of_any_command_is_refused(
    command: str, suffix: str, tmp_path: Path, capsys
) -> None:  # type: ignore[no-untyped-def]
    fifo = tmp_path / f"in{suffix}"
    os.mkfifo(fifo)
    out = tmp_path / ("o.xlsx" if command == "export-register" else "o.out")
    code, lines = cli(capsys, command, fifo, "-o", out)
    words = ("not a regular file", "neither a folder of CSV files nor an .xlsx workbook")
    assert code == 2 and any(w in line for line in lines for w in words), lines
    assert not out.exists()
