"""Test configuration for the whole suite: Qt runs offscreen, the per-user folders point
into a throw-away folder for the session, and fixtures for the repository, the command
line and the test-side tools (Node.js tools in tests/node, headless Chromium).

A missing tool skips the tests that need it on a developer's machine, but fails them in
CI (``CI=true``), so that CI never passes by running less than it should.
"""

import os

# Before anything can create a QApplication: without a display Qt would abort the run.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import shutil  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
from collections.abc import Callable, Mapping  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import NoReturn  # noqa: E402

import pytest  # noqa: E402

from tests.bpmn_tools import NODE_DIR, find_chromium, node_tools_problem  # noqa: E402

REPO_ROOT = Path(__file__).resolve().parents[1]
IN_CI = os.environ.get("CI", "").strip().lower() in {"1", "true", "yes", "on"}

# Never touch the user's own folders: procmodeler's (PROCMODELER_*) and, for Qt's
# QSettings and other libraries, the XDG ones. Set at import time, before any test module
# imports procmodeler, and inherited by every subprocess the tests start.
_SESSION_DIR = Path(tempfile.mkdtemp(prefix="procmodeler-tests-"))
for _name, _sub in {
    "PROCMODELER_DATA_DIR": "procmodeler-data",
    "PROCMODELER_CONFIG_DIR": "procmodeler-config",
    "XDG_DATA_HOME": "xdg-data",
    "XDG_CONFIG_HOME": "xdg-config",
    "XDG_CACHE_HOME": "xdg-cache",
}.items():
    os.environ[_name] = str(_SESSION_DIR / _sub)


def pytest_unconfigure(config: pytest.Config) -> None:
    shutil.rmtree(_SESSION_DIR, ignore_errors=True)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark tests by the tools they use, so ``-m "not chromium"`` etc. select them."""
    for item in items:
        names = getattr(item, "fixturenames", ())
        if "node_tools" in names:
            item.add_marker(pytest.mark.node)
        if "chromium" in names:
            item.add_marker(pytest.mark.chromium)


def _tool_missing(reason: str) -> NoReturn:
    if IN_CI:
        pytest.fail(
            f"{reason}. CI must run every test: install the tools with "
            "`bash packaging/bootstrap.sh test`.",
            pytrace=False,
        )
    pytest.skip(f"{reason}; `bash packaging/bootstrap.sh setup` installs it")


@pytest.fixture(scope="session")
def repo_root() -> Path:
    """The repository's root folder."""
    return REPO_ROOT


RunCli = Callable[..., "subprocess.CompletedProcess[str]"]


@pytest.fixture
def run_cli() -> RunCli:
    """Run ``python -m procmodeler ARGS...`` from this checkout and return the finished
    process (text stdout/stderr, never raises on a non-zero exit)::

        proc = run_cli("check", model, input=None, cwd=tmp_path, env={"LANG": "sv_SE.UTF-8"})
        assert proc.returncode == 2, proc.stderr
    """

    def run(
        *args: str | os.PathLike[str],
        input: str | None = None,
        cwd: str | os.PathLike[str] | None = None,
        env: Mapping[str, str] | None = None,
        timeout: float = 120,
    ) -> subprocess.CompletedProcess[str]:
        environment = dict(os.environ)
        pythonpath = environment.get("PYTHONPATH")
        environment["PYTHONPATH"] = (
            f"{REPO_ROOT}{os.pathsep}{pythonpath}" if pythonpath else str(REPO_ROOT)
        )
        environment.update(env or {})
        return subprocess.run(
            [sys.executable, "-m", "procmodeler", *map(str, args)],
            input=input,
            cwd=cwd if cwd is not None else REPO_ROOT,
            env=environment,
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=timeout,
            check=False,
        )

    return run


@pytest.fixture(scope="session")
def node_tools() -> Path:
    """``tests/node`` with its node_modules installed (see tests/bpmn_tools.py)."""
    problem = node_tools_problem()
    if problem:
        _tool_missing(problem)
    return NODE_DIR


@pytest.fixture(scope="session")
def chromium(node_tools: Path) -> str:
    """Path of the headless Chromium that renders BPMN with bpmn-js (needs the Node tools)."""
    found = find_chromium()
    if found is None:
        _tool_missing("Chromium is not installed (Debian package `chromium`)")
    return found
