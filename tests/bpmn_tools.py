"""Python side of the test-side BPMN tools in ``tests/node``: check a BPMN file the way
other BPMN tools read it (bpmn-moddle import warnings, bpmnlint), see what bpmn-js draws
of it in headless Chromium, and time bpmn-moddle's parsing.

Tests get the tools through the ``node_tools`` and ``chromium`` fixtures of
``tests/conftest.py`` (which skip, or fail in CI, when a tool is missing) and call::

    from tests.bpmn_tools import moddle_check, render_ids

    def test_export_reads_cleanly(node_tools, tmp_path): ...
        [result] = moddle_check([path])
        assert result["importWarnings"] == [] and result["lint"]["errors"] == []

    def test_export_is_drawn(chromium, tmp_path): ...
        assert {"Process_1", "Flow_1"} <= render_ids(path)
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from collections.abc import Iterable
from pathlib import Path
from typing import Any

NODE_DIR = Path(__file__).resolve().parent / "node"
SAMPLES_DIR = Path(__file__).resolve().parent / "data" / "bpmn-samples"
MIN_NODE_MAJOR = 18
NODE_PACKAGES = ("bpmn-moddle", "bpmnlint", "bpmn-js")
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


class ToolError(RuntimeError):
    """A Node tool failed to run (not: it found problems in a file)."""


def node_tools_problem() -> str | None:
    """Why the Node tools cannot run here, or None when they can."""
    node = shutil.which("node")
    if node is None:
        return "Node.js is not installed (no `node` on PATH)"
    version = subprocess.run([node, "--version"], capture_output=True, text=True, check=False)
    match = re.match(r"v(\d+)\.", version.stdout.strip())
    if not match or int(match.group(1)) < MIN_NODE_MAJOR:
        found = version.stdout.strip() or "unknown"
        return f"Node.js >= {MIN_NODE_MAJOR} is needed, found {found}"
    missing = [
        name
        for name in NODE_PACKAGES
        if not (NODE_DIR / "node_modules" / name / "package.json").is_file()
    ]
    if missing:
        return f"tests/node/node_modules lacks {', '.join(missing)} (run `npm ci` in tests/node)"
    return None


def find_chromium() -> str | None:
    """The Chromium binary: ``$CHROMIUM`` if set, else the first known name on PATH."""
    configured = os.environ.get("CHROMIUM")
    if configured:
        return configured if Path(configured).is_file() else None
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def _node(script: str, *args: str, timeout: float) -> subprocess.CompletedProcess[str]:
    node = shutil.which("node")
    if node is None:
        raise ToolError("Node.js is not installed")
    return subprocess.run(
        [node, str(NODE_DIR / script), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
        check=False,
    )


def _json_lines(proc: subprocess.CompletedProcess[str], script: str) -> list[dict[str, Any]]:
    try:
        return [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]
    except json.JSONDecodeError as err:
        raise ToolError(f"{script} printed something that is not JSON: {err}") from err


def moddle_check(
    paths: Iterable[str | os.PathLike[str]],
    *,
    lint: bool = True,
    config: str = "bpmnlint:recommended",
    timeout: float = 300,
) -> list[dict[str, Any]]:
    """Check BPMN files with bpmn-moddle and bpmnlint; one dict per file, in order:

    ``{"file", "encoding", "error": None | str, "importWarnings": [str, ...],
    "lint": {"errors": [{"rule", "id", "message"}], "warnings": [...]} | None,
    "types": {"bpmn:Task": 3, ...}}``

    ``error`` says why a file could not be imported at all (not well-formed, not a
    ``bpmn:definitions`` document); ``lint`` is None when ``lint`` is false.
    """
    files = [str(Path(p).resolve()) for p in paths]
    if not files:
        return []
    args = [*([] if lint else ["--no-lint"]), "--config", config, "--", *files]
    proc = _node("check.mjs", *args, timeout=timeout)
    if proc.returncode not in (0, 1):
        raise ToolError(f"check.mjs failed ({proc.returncode}): {proc.stderr.strip()}")
    results = _json_lines(proc, "check.mjs")
    if len(results) != len(files):
        raise ToolError(f"check.mjs reported {len(results)} of {len(files)} files")
    return results


def render(
    path: str | os.PathLike[str], *, chromium: str | None = None, timeout: float = 120
) -> dict[str, Any]:
    """Render a BPMN file with bpmn-js in headless Chromium:
    ``{"file", "error": None | str, "warnings": [str], "diagrams": [{"id", "drawn": [id]}]}``
    with the ids of the elements drawn in each of the file's diagrams."""
    browser = chromium or find_chromium()
    if browser is None:
        raise ToolError("Chromium is not installed")
    args = ["--chromium", browser, "--timeout", str(timeout), str(Path(path).resolve())]
    proc = _node("render.mjs", *args, timeout=timeout + 30)
    if proc.returncode not in (0, 1):
        raise ToolError(f"render.mjs failed ({proc.returncode}): {proc.stderr.strip()}")
    [result] = _json_lines(proc, "render.mjs")
    return result


def render_ids(
    path: str | os.PathLike[str], *, chromium: str | None = None, timeout: float = 120
) -> set[str]:
    """The ids of the BPMN elements bpmn-js drew, over all diagrams of the file (labels
    and the diagram's root excluded). Raises :class:`ToolError` if bpmn-js could not
    import the file; import warnings do not stop it (see :func:`render`)."""
    result = render(path, chromium=chromium, timeout=timeout)
    if result["error"]:
        raise ToolError(f"bpmn-js could not render {path}: {result['error']}")
    return {element for diagram in result["diagrams"] for element in diagram["drawn"]}


def screenshot(
    path: str | os.PathLike[str],
    out: str | os.PathLike[str],
    *,
    chromium: str | None = None,
    timeout: float = 120,
) -> Path:
    """Save a 1600x1000 PNG of the first diagram as bpmn-js draws it; returns ``out``."""
    browser = chromium or find_chromium()
    if browser is None:
        raise ToolError("Chromium is not installed")
    target = Path(out).resolve()
    args = ["--chromium", browser, "--timeout", str(timeout), "--screenshot", str(target)]
    proc = _node("render.mjs", *args, str(Path(path).resolve()), timeout=timeout + 30)
    if proc.returncode != 0 or not target.is_file():
        raise ToolError(
            f"render.mjs --screenshot failed: {proc.stdout.strip()} {proc.stderr.strip()}"
        )
    return target


def parse_time(
    path: str | os.PathLike[str], *, runs: int = 7, timeout: float = 600
) -> dict[str, Any]:
    """Time bpmn-moddle's ``fromXML`` on a file (parse only, after one warm-up):
    ``{"file", "bytes", "runs", "median_ms", "min_ms", "max_ms", "warnings"}``.
    For benchmarks in ``bench/``; tests never assert on the times."""
    proc = _node("parse-time.mjs", "--runs", str(runs), str(Path(path).resolve()), timeout=timeout)
    if proc.returncode != 0:
        raise ToolError(f"parse-time.mjs failed ({proc.returncode}): {proc.stderr.strip()}")
    [result] = _json_lines(proc, "parse-time.mjs")
    return result
