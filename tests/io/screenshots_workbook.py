"""Screenshots of the register workbook's sheets for people, for docs/screenshots/ (not a
test): the Swedish example's workbook printed to PDF by LibreOffice (headless Calc), the
first page of the process register and of the RACI matrix as PNG.

Needs LibreOffice Calc (Debian: libreoffice-calc-nogui) and poppler-utils. Run from the
repository root::

    python tests/io/screenshots_workbook.py
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

# (PNG name, the sheet shown, crop box in pixels at 100 dpi: x, y, width, height)
SHOTS = (
    ("register-workbook.png", "Processregister", (30, 40, 1110, 640)),
    ("register-workbook-raci.png", "RACI-matris", (30, 40, 1110, 760)),
)


def shoot(out: Path = ROOT / "docs" / "screenshots") -> list[Path]:
    import openpyxl

    from procmodeler.io import native
    from procmodeler.io.register import export_register

    arch = native.load(ROOT / "procmodeler" / "resources" / "examples" / "municipality-sv.procm")
    written = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        export_register(arch, folder / "register.xlsx")
        for name, sheet, (x, y, width, height) in SHOTS:
            book = openpyxl.load_workbook(folder / "register.xlsx")
            for other in book.sheetnames:
                if other != sheet:
                    del book[other]
            stem = folder / name.removesuffix(".png")
            book.save(stem.with_suffix(".xlsx"))
            subprocess.run(
                ["soffice", f"-env:UserInstallation=file://{folder}/profile", "--headless",
                 "--convert-to", "pdf", "--outdir", str(folder), str(stem.with_suffix(".xlsx"))],
                capture_output=True, check=True, timeout=300,
            )  # fmt: skip
            subprocess.run(
                ["pdftoppm", "-r", "100", "-png", "-singlefile", "-f", "1", "-l", "1",
                 "-x", str(x), "-y", str(y), "-W", str(width), "-H", str(height),
                 str(stem.with_suffix(".pdf")), str(stem)],
                check=True,
            )  # fmt: skip
            target = out / name
            target.write_bytes(stem.with_suffix(".png").read_bytes())
            written.append(target)
    return written


if __name__ == "__main__":
    for path in shoot():
        print(path)
