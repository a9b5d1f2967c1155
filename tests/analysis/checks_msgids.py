"""Collect the translatable strings (msgids) that the checks' modules use, by reading
their source: first arguments of ``N_``, ``tr``, ``tr.n`` and ``Message`` calls."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MODULES = sorted((ROOT / "procmodeler" / "analysis").rglob("*.py")) + [
    ROOT / "procmodeler" / "cli" / "cmd_check.py"
]
_CALLS = {"N_", "tr", "Message", "_Msg"}


def _name(func: ast.expr) -> str | None:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute) and func.attr == "n":
        return "tr.n"
    return None


def _literal(arg: ast.expr) -> str | None:
    """A string literal, or the literal inside ``N_("...")``."""
    if isinstance(arg, ast.Call) and _name(arg.func) == "N_" and arg.args:
        arg = arg.args[0]
    if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
        return arg.value
    return None


def collect() -> set[str | tuple[str, str]]:
    """msgids, and (singular, plural) pairs for plural messages."""
    found: set[str | tuple[str, str]] = set()
    in_plural: set[int] = set()  # ids of N_ calls that are a plural pair's halves
    calls: list[tuple[str, ast.Call]] = []
    for path in MODULES:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                name = _name(node.func)
                if name in _CALLS or name == "tr.n":
                    calls.append((name, node))
    for name, node in calls:
        if name == "N_":
            continue
        texts = [_literal(a) for a in node.args[:2]]
        if (name == "tr.n" or name in ("Message", "_Msg")) and len(texts) == 2 and all(texts):
            found.add((texts[0], texts[1]))  # type: ignore[arg-type]
            in_plural.update(id(a) for a in node.args[:2])
            in_plural.add(id(node))
    for name, node in calls:
        if id(node) in in_plural:
            continue
        text = _literal(node.args[0]) if node.args else None
        if text is not None and not (name != "N_" and isinstance(node.args[0], ast.Call)):
            found.add(text)
    return found


if __name__ == "__main__":
    for item in sorted(collect(), key=str):
        print(repr(item))
