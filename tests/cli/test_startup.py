"""The command line starts at once: ``--version`` and ``--help`` import no third-party
package, and a command imports only its own module (issue 20)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]

HEAVY = ("reportlab", "networkx", "lxml", "openpyxl", "PySide6")


# Runs the command line in a fresh interpreter, then prints every module that was loaded
# from outside the standard library and this package: a third-party package.
_PROBE = """
import json, runpy, sys, sysconfig
sys.argv = ["procmodeler", *sys.argv[1:]]
try:
    runpy.run_module("procmodeler", run_name="__main__")
except SystemExit:
    pass
stdlib = (sysconfig.get_paths()["stdlib"], sysconfig.get_paths()["platstdlib"])
third = set()
for name, module in list(sys.modules.items()):
    top = name.split(".")[0]
    path = getattr(module, "__file__", None) or ""
    if top in sys.stdlib_module_names or top == "procmodeler" or not path:
        continue
    if "site-packages" in path or "dist-packages" in path or not path.startswith(stdlib):
        third.add(top)
print("THIRD-PARTY", json.dumps(sorted(third)))
print("OURS", json.dumps(sorted(n for n in sys.modules if n.startswith("procmodeler."))))
print("ALL", json.dumps(sorted(sys.modules)))
"""


# The same, for a command that ends its process at once when it is the whole process
# (check): it runs as a call, so that the probe sees what it loaded.
_PROBE_CALL = _PROBE.replace(
    'runpy.run_module("procmodeler", run_name="__main__")',
    "from procmodeler.cli import main; main(sys.argv[1:])",
)
assert _PROBE_CALL != _PROBE


def _probe(*args: str, script: str = _PROBE) -> dict[str, set[str]]:
    """What ``procmodeler ARGS`` loaded: ``THIRD-PARTY`` top-level packages, ``OURS``
    (our modules) and ``ALL`` (every module)."""
    result = run_cli_probe(*args, script=script)
    found = {}
    for line in result.stdout.splitlines():
        key, _, value = line.partition(" ")
        if key in ("THIRD-PARTY", "OURS", "ALL"):
            found[key] = set(json.loads(value))
    assert len(found) == 3, result.stdout + result.stderr
    return found


def _loaded(*args: str) -> tuple[set[str], set[str]]:
    """The top-level third-party packages and our own modules that ``procmodeler ARGS``
    loaded (site's own hooks, e.g. an editable install's finder, start with ``_`` and are
    left out)."""
    found = _probe(*args)
    third = {name for name in found["THIRD-PARTY"] if not name.startswith("_")}
    return third, found["OURS"]


def _third_party(*args: str) -> set[str]:
    return _loaded(*args)[0]


def run_cli_probe(*args: str, script: str = _PROBE) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO_ROOT), env.get("PYTHONPATH")]))
    return subprocess.run(
        [sys.executable, "-c", script, *args],
        capture_output=True,
        text=True,
        cwd=REPO_ROOT,
        env=env,
        timeout=120,
    )


@pytest.mark.parametrize("option", ["--version", "--help"])
def test_version_and_help_import_no_third_party_package(option) -> None:
    loaded = _third_party(option)
    assert not loaded & set(HEAVY)
    assert not loaded


def test_the_probe_sees_a_third_party_package() -> None:
    # A command that needs its heavy parts loads them, and the probe says so.
    assert "reportlab" in _third_party("report", "--help")


def test_listing_commands_imports_none_of_their_modules() -> None:
    assert not {name for name in _loaded("--help")[1] if ".cmd_" in name}


def test_a_command_imports_only_its_own_module() -> None:
    third, ours = _loaded("export-bpmn", "--help")
    assert {name for name in ours if ".cmd_" in name} == {"procmodeler.cli.cmd_bpmn"}
    assert not third & {"reportlab", "PySide6"}


def test_checking_a_register_loads_no_writer() -> None:
    # check writes no file: neither the register's writers nor the temporary-file and
    # archive modules a writer needs are loaded (nor shutil for argparse's help width)
    register = REPO_ROOT / "procmodeler" / "resources" / "examples" / "manufacturing"
    assert (register / "processes.csv").is_file()
    found = _probe("check", str(register), "--format", "json", script=_PROBE_CALL)
    assert "procmodeler.cli.cmd_check" in found["OURS"]
    assert "procmodeler.io.register.builder" in found["OURS"]
    assert "procmodeler.io.register.export" not in found["OURS"]
    assert not found["ALL"] & {"shutil", "tempfile", "zipfile", "bz2", "lzma"}


@pytest.mark.gui
def test_the_app_paints_a_model_without_loading_its_optional_parts() -> None:
    # The window and the diagram come first; the report (reportlab), BPMN (lxml), the
    # workbook reader (openpyxl) and the repository (psycopg) load when first used.
    example = REPO_ROOT / "procmodeler" / "resources" / "examples" / "manufacturing.procm"
    third, ours = _loaded(str(example), "--first-paint")
    assert "PySide6" in third and "procmodeler.ui.mainwindow" in ours
    assert not third & {"reportlab", "lxml", "openpyxl", "networkx", "psycopg"}
