"""A non-editable install from a wheel works away from the checkout: the bundled
resources (examples, fonts, schemas, translations) are in the package, ``self-test``
passes and the Swedish example gives a Swedish PDF report.

The wheel is built from this checkout and installed into a fresh virtual environment
that borrows only the third-party dependencies of the test environment (a ``.pth`` file
naming its site-packages), so the test needs no network.
"""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

pytestmark = pytest.mark.slow


def _run(cmd: list[str], cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "PYTHONHOME"}}
    return subprocess.run(
        cmd, cwd=cwd, env={**base, **env}, capture_output=True, text=True, timeout=300, check=False
    )


@pytest.fixture(scope="module")
def installed(repo_root: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bin folder of a fresh venv with procmodeler installed from a wheel."""
    tmp = tmp_path_factory.mktemp("wheel")
    built = _run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(tmp / "dist"), str(repo_root)],
        cwd=tmp,
    )  # fmt: skip
    assert built.returncode == 0, built.stderr
    (wheel,) = (tmp / "dist").glob("procmodeler-*.whl")
    env_dir = tmp / "venv"
    venv.create(env_dir, with_pip=False)
    bin_dir = env_dir / ("Scripts" if sys.platform == "win32" else "bin")
    python = bin_dir / "python"
    purelib = _run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], cwd=tmp
    ).stdout.strip()
    # The dependencies (PySide6, reportlab, ...) come from the test environment.
    Path(purelib, "_test_dependencies.pth").write_text(
        sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8"
    )
    inst = _run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps",
         "--no-index", "-q", str(wheel)],
        cwd=tmp,
    )  # fmt: skip
    assert inst.returncode == 0, inst.stderr
    return bin_dir


def test_the_wheel_holds_every_resource(repo_root: Path, installed: Path) -> None:
    (wheel,) = (installed.parent.parent / "dist").glob("procmodeler-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    resources = repo_root / "procmodeler" / "resources"
    expected = {
        p.relative_to(repo_root).as_posix()
        for p in resources.rglob("*")
        if p.is_file() and not p.name.startswith(".")  # .gitattributes
    }
    assert expected and expected <= names, sorted(expected - names)[:5]


def test_installed_self_test_passes_outside_the_checkout(installed: Path) -> None:
    where = _run(
        [str(installed / "python"), "-c", "import procmodeler; print(procmodeler.__file__)"],
        cwd=installed,
    )
    assert Path(where.stdout.strip()).is_relative_to(installed.parent), where.stdout
    result = _run([str(installed / "procmodeler"), "self-test", "--no-gui"], cwd=installed)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines()[-1] == "self-test passed"


def test_installed_report_of_the_swedish_example_is_in_swedish(installed: Path) -> None:
    code = (
        "from procmodeler.common.paths import examples_dir;"
        "print(examples_dir() / 'municipality-sv.procm')"
    )
    example = _run([str(installed / "python"), "-c", code], cwd=installed).stdout.strip()
    assert Path(example).is_relative_to(installed.parent), example
    out = installed.parent / "rapport.pdf"
    result = _run(
        [str(installed / "procmodeler"), "report", example, "-o", str(out)],
        cwd=installed, PROCMODELER_LANG="en",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    text = "\n".join(page.extract_text() or "" for page in PdfReader(out).pages[:3])
    assert "Innehåll" in text and "Sammanfattning för ledningen" in text
