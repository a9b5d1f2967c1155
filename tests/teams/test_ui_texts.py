"""The texts of the app's compare and conflict views come from the Qt-free catalogue
(not Qt's .ts files, which tests/ui/test_translation.py checks): each has a Swedish
translation. Uses the marker rules of tests/test_i18n.py on those modules."""

from __future__ import annotations

import ast
from pathlib import Path

from procmodeler.common.i18n import translator

ROOT = Path(__file__).resolve().parents[2]
MODULES = ("procmodeler/ui/compare.py", "procmodeler/ui/teamwork.py")


def texts() -> set[tuple[str, str | None]]:
    found: set[tuple[str, str | None]] = set()
    for name in MODULES:
        inner: set[int] = set()  # N_() calls that are the two forms of a plural Message
        for node in ast.walk(ast.parse((ROOT / name).read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                continue
            if id(node) in inner:
                continue
            if node.func.id == "Message":
                inner.update(id(a) for a in node.args[:2])
            if node.func.id not in ("tr", "N_", "Message") or not node.args:
                continue
            args = [a.args[0] if isinstance(a, ast.Call) and a.args else a for a in node.args[:2]]
            strings = [
                a.value for a in args if isinstance(a, ast.Constant) and isinstance(a.value, str)
            ]
            if strings:
                plural = strings[1] if node.func.id == "Message" and len(strings) > 1 else None
                found.add((strings[0], plural))
    return found


def test_every_text_of_the_compare_views_is_in_swedish() -> None:
    sv = translator("sv")
    found = texts()
    assert len(found) > 20
    missing = [
        text
        for text, plural in found
        if (sv.n(text, plural, 2) == plural if plural else not sv.has(text))
    ]
    assert not missing
