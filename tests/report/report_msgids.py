"""Collect the translatable strings (msgids) of the report and its command by reading
their source: first arguments of ``N_``, ``tr``, ``ctx.tr``, ``tr.n`` and ``Message``."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MODULES = sorted((ROOT / "procmodeler" / "report").glob("*.py")) + [
    ROOT / "procmodeler" / "cli" / "cmd_report.py"
]
_SINGLE = {"N_", "tr", "Message"}


def _name(func: ast.expr) -> str | None:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        if func.attr == "n":
            return "tr.n"
        if func.attr == "tr":
            return "tr"
    return None


def _literal(arg: ast.expr) -> str | None:
    if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
        return arg.value
    return None


def collect() -> set[str | tuple[str, str]]:
    """msgids, and (singular, plural) pairs for plural messages."""
    found: set[str | tuple[str, str]] = set()
    for path in MODULES:
        if not path.exists():
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            name = _name(node.func)
            texts = [_literal(a) for a in node.args[:2]]
            if name == "tr.n" or (name == "Message" and len(texts) == 2 and all(texts)):
                if len(texts) == 2 and texts[0] and texts[1]:
                    found.add((texts[0], texts[1]))
            elif name in _SINGLE and texts[0]:
                found.add(texts[0])
    return found


if __name__ == "__main__":
    for item in sorted(collect(), key=str):
        print(repr(item))
