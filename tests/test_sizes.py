"""Modules under 600 lines and functions under 80 (docs/architecture.md), read with
``ast``, across the whole package (the desktop app included)."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parents[1] / "procmodeler"
MAX_MODULE_LINES = 600
MAX_FUNCTION_LINES = 80


def modules() -> list[Path]:
    return sorted(PACKAGE_DIR.rglob("*.py"))


def too_long(path: Path, root: Path = PACKAGE_DIR.parent) -> list[str]:
    text = path.read_text(encoding="utf-8")
    name = path.relative_to(root).as_posix()
    found = []
    lines = len(text.splitlines())
    if lines > MAX_MODULE_LINES:
        found.append(f"{name}: {lines} lines")
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            length = (node.end_lineno or node.lineno) - node.lineno + 1
            if length > MAX_FUNCTION_LINES:
                found.append(f"{name}:{node.lineno}: {node.name} has {length} lines")
    return found


def test_no_module_or_function_is_too_long() -> None:
    assert any(p.parts[-2] == "ui" for p in modules())  # the desktop app counts too
    problems = [line for path in modules() for line in too_long(path)]
    assert problems == []


def test_the_check_finds_a_long_function_and_module(tmp_path: Path) -> None:
    body = "\n".join(f"    x{i} = {i}" for i in range(MAX_FUNCTION_LINES))
    path = tmp_path / "probe.py"
    path.write_text(f"def f():\n{body}\n", encoding="utf-8")
    assert too_long(path, tmp_path) == [f"probe.py:1: f has {MAX_FUNCTION_LINES + 1} lines"]
    path.write_text("x = 1\n" * (MAX_MODULE_LINES + 1), encoding="utf-8")
    assert too_long(path, tmp_path) == [f"probe.py: {MAX_MODULE_LINES + 1} lines"]
