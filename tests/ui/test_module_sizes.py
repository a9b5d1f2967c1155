"""The desktop app's modules stay readable: none over 600 lines, no function over 80
(the limits of docs/architecture.md)."""

from __future__ import annotations

import ast
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "procmodeler" / "ui"
MAX_LINES = 600
MAX_FUNCTION = 80


def test_no_ui_module_over_600_lines() -> None:
    sources = sorted(UI.rglob("*.py"))
    assert len(sources) > 30
    long = {
        str(p.relative_to(UI)): n
        for p in sources
        if (n := p.read_text(encoding="utf-8").count("\n")) > MAX_LINES
    }
    assert not long, long


def test_no_ui_function_over_80_lines() -> None:
    long = []
    for path in sorted(UI.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                if length > MAX_FUNCTION:
                    long.append(f"{path.relative_to(UI)}:{node.lineno} {node.name} ({length})")
    assert not long, long
