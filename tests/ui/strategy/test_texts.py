"""The texts of the strategy views come from the Qt-free catalogue (not Qt's .ts
files): every ``tr("...")``, ``N_`` and ``Message`` text of procmodeler/ui/strategy
(and the strategy docks' titles) has a Swedish translation in sv/strategyui.po."""

from __future__ import annotations

import ast
from pathlib import Path

from procmodeler.common.i18n import translator

ROOT = Path(__file__).resolve().parents[3]
MODULES = [
    *sorted((ROOT / "procmodeler" / "ui" / "strategy").glob("*.py")),
    ROOT / "procmodeler" / "ui" / "panels" / "__init__.py",
]


def texts() -> set[str]:
    found: set[str] = set()
    for path in MODULES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                continue
            if node.func.id not in ("tr", "N_", "Message") or not node.args:
                continue
            arg = node.args[0]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                found.add(arg.value)
            else:  # texts are literals, so that this test sees them
                assert node.func.id == "tr" and isinstance(arg, ast.Name), (path, ast.dump(node))
    return found


def test_every_text_of_the_strategy_views_is_in_swedish() -> None:
    sv = translator("sv")
    found = texts()
    assert len(found) > 15  # the variation and assurance words are the vocabulary's
    missing = sorted(text for text in found if not sv.has(text))
    assert not missing
    for text in found:  # placeholders survive translation
        for name in ("{name}", "{n}", "{process}", "{objective}", "{date}", "{title}"):
            assert (name in text) == (name in sv(text)), text
