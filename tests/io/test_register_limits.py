"""The register import's bounds: a file or sheet over the row limit is refused with
one problem (reading stops there, so time and memory stay bounded), and only the first
problems of a file with many bad rows are kept, with a count of the rest."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from procmodeler.cli import main
from procmodeler.common.errors import UserError
from procmodeler.io import register

ROOT = Path(__file__).resolve().parents[2]
HEADER = "id,name,kind\n"


def limit_text(limit: int) -> str:
    return f"has more than {limit} rows; a register holds at most {limit} rows per table"


def csv_register(folder: Path, rows: int, row: str = "P{i},Process {i},core") -> Path:
    folder.mkdir()
    body = "".join(row.format(i=i) + "\n" for i in range(rows))
    (folder / "processes.csv").write_text(HEADER + body, encoding="utf-8")
    return folder


def xlsx_register(path: Path, rows: int) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "processes"
    sheet.append(["id", "name", "kind"])
    for i in range(rows):
        sheet.append([f"P{i}", f"Process {i}", "core"])
    book.save(path)
    return path


def test_a_csv_file_over_the_real_limit_is_one_error_and_exit_2(tmp_path: Path) -> None:
    folder = csv_register(tmp_path / "reg", register.MAX_ROWS + 1)
    out = tmp_path / "m.procm"
    proc = subprocess.run(
        [sys.executable, "-m", "procmodeler", "import-register", str(folder), "-o", str(out)],
        cwd=ROOT,
        env=dict(os.environ, PYTHONPATH=str(ROOT), PROCMODELER_LANG="en"),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )
    assert proc.returncode == 2
    line = register.MAX_ROWS + 2  # the header is line 1
    expected = f"procmodeler: error: {folder / 'processes.csv'}:{line}: "
    assert proc.stderr == expected + limit_text(register.MAX_ROWS) + "\n"
    assert not out.exists()


def test_a_workbook_sheet_over_the_limit_is_one_error_and_exit_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(register.spec, "MAX_ROWS", 20)
    monkeypatch.setenv("PROCMODELER_LANG", "en")
    book = xlsx_register(tmp_path / "reg.xlsx", 21)
    out = tmp_path / "m.procm"
    assert main(["import-register", str(book), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert err == f"procmodeler: error: {book}[processes]:22: {limit_text(20)}\n"
    assert not out.exists()


def test_a_table_of_exactly_the_limit_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(register.spec, "MAX_ROWS", 20)
    result = register.import_register(csv_register(tmp_path / "reg", 20))
    assert len(result.arch.processes) == 20
    book = register.import_register(xlsx_register(tmp_path / "reg.xlsx", 20))
    assert len(book.arch.processes) == 20


def test_reading_stops_at_the_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Rows after the limit are not read: their mistakes are not reported."""
    monkeypatch.setattr(register.spec, "MAX_ROWS", 10)
    folder = csv_register(tmp_path / "reg", 10)
    with (folder / "processes.csv").open("a", encoding="utf-8") as handle:
        handle.write("bad\n" * 1000)  # each would be two errors (no name, no kind)
    with pytest.raises(UserError) as caught:
        register.import_register(folder)
    assert caught.value.lines() == [f"{folder / 'processes.csv'}:12: {limit_text(10)}"]
    assert caught.value.omitted == 0


def test_the_limit_message_is_in_swedish(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from procmodeler.common.i18n import translator

    monkeypatch.setattr(register.spec, "MAX_ROWS", 3)
    with pytest.raises(UserError) as caught:
        register.import_register(csv_register(tmp_path / "reg", 4))
    (line,) = caught.value.lines(translator("sv"))
    assert line.endswith("har fler än 3 rader; ett register har högst 3 rader per tabell")


def test_many_bad_rows_keep_the_first_problems_and_count_the_rest(tmp_path: Path) -> None:
    rows = 2000  # each row lacks its name and kind: 4,000 errors
    folder = csv_register(tmp_path / "reg", rows, row="P{i}")
    with pytest.raises(UserError) as caught:
        register.import_register(folder)
    error = caught.value
    kept = register.MAX_KEPT_PROBLEMS
    assert len(error.problems) == kept
    assert error.omitted == 2 * rows - kept
    # the first problems in file and line order: two per row from line 2 on
    assert [p.line for p in error.problems] == [2 + i // 2 for i in range(kept)]
    assert {p.column for p in error.problems} == {"name", "kind"}
    lines = error.lines()
    assert len(lines) == 51
    assert lines[-1] == f"... and {2 * rows - 50} more problems"


def test_the_kept_problems_are_the_first_whatever_the_order_found(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The units are checked before the processes' kinds, yet the kept problems are the
    first in file order (processes.csv comes first), then line order."""
    monkeypatch.setattr(register.spec, "MAX_KEPT_PROBLEMS", 4)
    folder = csv_register(tmp_path / "reg", 4, row="P{i},Process {i},nokind")
    units = "".join(f"U{i},\n" for i in range(10))  # each lacks its name
    (folder / "units.csv").write_text("id,name\n" + units, encoding="utf-8")
    with pytest.raises(UserError) as caught:
        register.import_register(folder)
    error = caught.value
    assert [(Path(p.file).name, p.line, p.column) for p in error.problems] == [
        ("processes.csv", line, "kind") for line in (2, 3, 4, 5)
    ]
    assert error.omitted == 10
    monkeypatch.setattr(register.spec, "MAX_KEPT_PROBLEMS", 100)
    with pytest.raises(UserError) as everything:
        register.import_register(folder)
    assert everything.value.problems[:4] == error.problems
    assert len(everything.value.problems) == 14


def test_many_warnings_keep_the_first_and_end_with_a_count(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(register.spec, "MAX_KEPT_PROBLEMS", 30)
    folder = csv_register(tmp_path / "reg", 100, row="P{i},Process {i},core,extra")
    result = register.import_register(folder)
    assert len(result.arch.processes) == 100
    assert result.warnings_omitted == 70
    assert [w.line for w in result.warnings[:-1]] == list(range(2, 32))
    assert result.warnings[-1].text() == f"{folder}: ... and 70 more warnings"


def test_the_limits_are_documented() -> None:
    text = (ROOT / "docs" / "file-format.md").read_text(encoding="utf-8")
    assert f"at most {register.MAX_ROWS:,} rows" in text
    assert f"the first {register.MAX_KEPT_PROBLEMS}" in text


def test_a_workbook_is_read_without_openpyxls_scan_for_sheet_sizes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The scan parses a whole sheet that has no <dimension> (as openpyxl writes them)
    a second time; the import skips it and puts openpyxl back as it was."""
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet
    from openpyxl.worksheet._reader import WorkSheetParser

    def scan(self: object) -> None:
        raise AssertionError("the sheet was scanned for its size")

    monkeypatch.setattr(WorkSheetParser, "parse_dimensions", scan)
    original = ReadOnlyWorksheet.__dict__["_get_size"]
    result = register.import_register(xlsx_register(tmp_path / "reg.xlsx", 5))
    assert len(result.arch.processes) == 5
    assert ReadOnlyWorksheet.__dict__["_get_size"] is original
