"""Benchmark of the register import's bounds on pathological inputs: time and peak
memory of importing

* a folder whose ``processes.csv`` holds 5 million one-cell rows (9.5 MB, each row
  missing its name and kind), and
* a 0.3 MB ``.xlsx`` whose ``processes`` sheet unpacks to 96 MB (2 million rows).

    python bench/bench_register_limits.py [csv|xlsx ...]

Each import runs in a fresh child process (``python -c``), so the peak memory
(``VmHWM`` the child reports, else its ``ru_maxrss``) is that of one import alone, Python and openpyxl included.
The figures go into docs/reliability.md (section 6) and docs/file-format.md.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CSV_ROWS = 5_000_000
XLSX_ROWS = 2_000_000

CHILD = """
import resource, sys
from procmodeler.common.errors import UserError
from procmodeler.io.register import import_register
try:
    import_register(sys.argv[1])
    print("model")
except UserError as exc:
    print(len(exc.problems), "problems kept;", exc.lines()[-1][:100])
try:  # the peak of this process (ru_maxrss keeps the forking parent's over exec)
    with open("/proc/self/status") as status:
        print(next(int(l.split()[1]) for l in status if l.startswith("VmHWM:")))
except OSError:
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def csv_case(folder: Path) -> Path:
    register = folder / "register"
    register.mkdir()
    with (register / "processes.csv").open("w", encoding="utf-8") as handle:
        handle.write("id,name,kind\n")
        handle.write("x\n" * CSV_ROWS)
    return register


def xlsx_case(folder: Path) -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "processes"
    sheet.append(["id", "name", "kind"])
    buffer = io.BytesIO()
    book.save(buffer)
    # rows without their optional r attributes: 48 bytes each, compressing to nothing
    rows = '<row><c t="inlineStr"><is><t>x</t></is></c></row>' * XLSX_ROWS
    head = (
        '<row><c t="inlineStr"><is><t>id</t></is></c>'
        '<c t="inlineStr"><is><t>name</t></is></c>'
        '<c t="inlineStr"><is><t>kind</t></is></c></row>'
    )
    sheet_xml = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f"<sheetData>{head}{rows}</sheetData></worksheet>"
    ).encode()
    src = zipfile.ZipFile(buffer)
    path = folder / "register.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as dst:
        for name in src.namelist():
            data = sheet_xml if name == "xl/worksheets/sheet1.xml" else src.read(name)
            dst.writestr(name, data)
    return path


def unpacked_mb(path: Path) -> float:
    if path.is_dir():
        return sum(p.stat().st_size for p in path.iterdir()) / 2**20
    with zipfile.ZipFile(path) as archive:
        return sum(i.file_size for i in archive.infolist()) / 2**20


def disk_mb(path: Path) -> float:
    if path.is_dir():
        return sum(p.stat().st_size for p in path.iterdir()) / 2**20
    return path.stat().st_size / 2**20


def measure(path: Path) -> tuple[float, float, str]:
    """Wall-clock seconds, peak RSS (MB) and the last output line of one import."""
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(path)],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - start
    lines = done.stdout.strip().splitlines()
    if done.returncode or len(lines) < 2:
        raise SystemExit(f"the import failed:\n{done.stderr}")
    return seconds, int(lines[-1]) / 1024, lines[-2]


def main() -> None:
    cases = sys.argv[1:] or ["csv", "xlsx"]
    makers = {"csv": csv_case, "xlsx": xlsx_case}
    with tempfile.TemporaryDirectory() as tmp:
        for name in cases:
            folder = Path(tmp) / name
            folder.mkdir()
            path = makers[name](folder)
            seconds, peak, last = measure(path)
            print(
                f"{name}: {disk_mb(path):.2f} MB on disk, {unpacked_mb(path):.1f} MB "
                f"unpacked: {seconds:.1f} s, peak {peak:.0f} MB -- {last}"
            )


if __name__ == "__main__":
    main()
