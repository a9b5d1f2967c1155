"""The architecture rules of procmodeler, read from the source with ``ast``: which layer
may import which (docs/architecture.md), that only ``procmodeler.ui`` imports Qt, that
``model`` and ``common`` use the standard library only, and that every module says what
it is for in a docstring.

Every import counts, wherever it stands (inside functions, under ``TYPE_CHECKING``), and
so do ``importlib.import_module("...")`` / ``__import__("...")`` calls with a literal name.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
PACKAGE_DIR = REPO_ROOT / "procmodeler"
ROOT = "<procmodeler>"  # the top package itself (``from procmodeler import __version__``)
ANY = frozenset({"*"})

# layer -> the layers of procmodeler it may import (besides itself).
ALLOWED: dict[str, frozenset[str]] = {
    ROOT: frozenset(),
    "model": frozenset(),
    "common": frozenset(),
    "vocabulary": frozenset({"model", "common"}),
    "edit": frozenset({"model", "common", "notation"}),
    "analysis": frozenset({"model", "common", "vocabulary"}),
    "notation": frozenset({"model", "common", "vocabulary", "analysis"}),
    "io": frozenset({ROOT, "model", "common", "edit", "notation", "vocabulary"}),
    "report": frozenset({ROOT, "analysis", "notation", "model", "common", "vocabulary"}),
    "repository": frozenset({"io", "model", "common"}),
    "app": frozenset({ROOT, "edit", "io", "model", "common", "repository"}),
    "cli": ANY,
    "ui": ANY,
    "__main__": frozenset({"cli"}),
}
STDLIB_ONLY = frozenset({ROOT, "model", "common"})
QT_PACKAGES = frozenset({"PySide6", "shiboken6"})
QT_LAYERS = frozenset({"ui"})
STDLIB = frozenset(sys.stdlib_module_names)


@dataclass(frozen=True)
class Import:
    module: str  # dotted name as resolved (relative imports made absolute)
    line: int


def module_name(path: Path) -> str:
    parts = list(path.relative_to(REPO_ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def layer_of(module: str) -> str:
    """``procmodeler.io.bpmn.export`` -> ``io``; ``procmodeler`` -> ROOT."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ROOT


def _is_our_module(name: str) -> bool:
    path = REPO_ROOT.joinpath(*name.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def imports_of(source: str, module: str, *, is_package: bool = False) -> list[Import]:
    """Every module that ``source`` (the text of ``module``) imports."""
    package = module if is_package else module.rpartition(".")[0]
    found: list[Import] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.extend(Import(alias.name, node.lineno) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            for alias in node.names:
                submodule = f"{target}.{alias.name}"
                if target.split(".")[0] == "procmodeler" and _is_our_module(submodule):
                    found.append(Import(submodule, node.lineno))
                else:
                    found.append(Import(target, node.lineno))
        elif isinstance(node, ast.Call) and node.args:
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
            first = node.args[0]
            if (
                name in {"import_module", "__import__"}
                and isinstance(first, ast.Constant)
                and isinstance(first.value, str)
            ):
                found.append(Import(first.value, node.lineno))
    return found


def source_files() -> list[Path]:
    return sorted(PACKAGE_DIR.rglob("*.py"))


def all_imports() -> list[tuple[Path, str, Import]]:
    """(file, its module name, one import) for every import in procmodeler/."""
    rows = []
    for path in source_files():
        module = module_name(path)
        source = path.read_text(encoding="utf-8")
        for imp in imports_of(source, module, is_package=path.name == "__init__.py"):
            rows.append((path, module, imp))
    return rows


def where(path: Path, imp: Import) -> str:
    return f"{path.relative_to(REPO_ROOT)}:{imp.line}"


# ---------------------------------------------------------------------------------------


def test_the_package_has_modules_to_check() -> None:
    assert len(source_files()) >= 5
    assert any(module == "procmodeler.model" for _, module, _ in all_imports())


def test_every_part_of_procmodeler_has_a_layer_rule() -> None:
    unknown = sorted(
        {
            layer_of(module_name(path))
            for path in source_files()
            if layer_of(module_name(path)) not in ALLOWED
        }
    )
    assert unknown == [], (
        f"procmodeler/{unknown[0]} is not a known layer: add it to ALLOWED in "
        "tests/test_layers.py and to docs/architecture.md"
    )


def test_layers_import_only_the_layers_below_them() -> None:
    problems = []
    for path, module, imp in all_imports():
        if imp.module.split(".")[0] != "procmodeler":
            continue
        own, target = layer_of(module), layer_of(imp.module)
        allowed = ALLOWED.get(own, frozenset())
        if target != own and allowed != ANY and target not in allowed:
            problems.append(
                f"{where(path, imp)}: {own} imports {imp.module} "
                f"({own} may import {', '.join(sorted(allowed)) or 'nothing of procmodeler'})"
            )
    assert not problems, "\n".join(problems)


def used_edges() -> dict[str, set[str]]:
    """layer -> the other layers its modules import."""
    used: dict[str, set[str]] = {}
    for _, module, imp in all_imports():
        if imp.module.split(".")[0] == "procmodeler":
            own, target = layer_of(module), layer_of(imp.module)
            if target != own:
                used.setdefault(own, set()).add(target)
    return used


def test_every_allowed_edge_is_used() -> None:
    """ALLOWED says what the code does, not what it might do."""
    used = used_edges()
    unused = {
        layer: sorted(allowed - used.get(layer, set()))
        for layer, allowed in ALLOWED.items()
        if allowed != ANY and allowed - used.get(layer, set())
    }
    assert unused == {}


def documented_edges() -> dict[str, set[str]]:
    """layer -> the layers after ``->`` in the layer drawing of docs/architecture.md."""
    text = (REPO_ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    drawing = text.split("```")[1]
    edges: dict[str, set[str]] = {}
    layer = None
    continued = False
    for line in drawing.splitlines():
        name = line[2:14].strip().rstrip("/") if line.startswith("  ") else ""
        if name and not line.startswith("   "):
            layer, continued = name, False
        if layer is None:
            continue
        arrow = line.split("->", 1)
        if len(arrow) == 2 or continued:
            words = (arrow[1] if len(arrow) == 2 else line).strip()
            edges.setdefault(layer, set()).update(w.strip() for w in words.split(",") if w.strip())
            continued = words.endswith(",")
    return edges


def test_the_layer_drawing_of_the_docs_is_the_rule() -> None:
    drawn = documented_edges()
    for layer, allowed in ALLOWED.items():
        if allowed == ANY or layer in (ROOT, "__main__"):
            continue
        assert drawn.get(layer, set()) == set(allowed) - {ROOT}, layer


def test_model_and_common_use_the_standard_library_only() -> None:
    problems = [
        f"{where(path, imp)}: {module} imports {imp.module}"
        for path, module, imp in all_imports()
        if layer_of(module) in STDLIB_ONLY
        and imp.module.split(".")[0] not in STDLIB | {"procmodeler"}
    ]
    assert not problems, "\n".join(problems)


def test_only_the_ui_imports_qt() -> None:
    problems = [
        f"{where(path, imp)}: {module} imports {imp.module}"
        for path, module, imp in all_imports()
        if imp.module.split(".")[0] in QT_PACKAGES and layer_of(module) not in QT_LAYERS
    ]
    assert not problems, "\n".join(problems)


def test_every_module_has_a_docstring() -> None:
    missing = [
        str(path.relative_to(REPO_ROOT))
        for path in source_files()
        if not (ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or "").strip()
    ]
    assert not missing, "modules without a docstring:\n" + "\n".join(missing)


def test_importing_the_model_loads_only_the_standard_library() -> None:
    code = (
        "import json, sys\n"
        "before = set(sys.modules)\n"
        "import procmodeler.model\n"
        "print(json.dumps(sorted(set(sys.modules) - before)))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    loaded = json.loads(proc.stdout)
    assert "procmodeler.model" in loaded
    foreign = [
        name
        for name in loaded
        if name.split(".")[0] not in STDLIB
        and name != "procmodeler"
        and not name.startswith("procmodeler.model")
    ]
    assert not foreign, f"importing procmodeler.model loads {foreign}"


# The checker itself: it must see every form of import, or the tests above prove nothing.


@pytest.mark.parametrize(
    ("source", "module", "is_package", "expected"),
    [
        ("import networkx.algorithms", "procmodeler.model.x", False, "networkx.algorithms"),
        ("from PySide6 import QtCore", "procmodeler.io.x", False, "PySide6"),
        # a name that is no module on disk resolves to the package it is taken from
        ("from ..edit import not_a_module", "procmodeler.io.x", False, "procmodeler.edit"),
        ("from ..common import errors", "procmodeler.io.x", False, "procmodeler.common.errors"),
        ("from . import elements", "procmodeler.model", True, "procmodeler.model.elements"),
        (
            "from .elements import Process",
            "procmodeler.model.x",
            False,
            "procmodeler.model.elements",
        ),
        ("from procmodeler import model", "procmodeler.io.x", False, "procmodeler.model"),
        ("from procmodeler import __version__", "procmodeler.io.x", False, "procmodeler"),
        ("def f():\n    import lxml.etree", "procmodeler.model.x", False, "lxml.etree"),
        (
            "import importlib\nimportlib.import_module('procmodeler.ui')",
            "procmodeler.app.x",
            False,
            "procmodeler.ui",
        ),
        (
            "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from PySide6.QtGui import QColor",
            "procmodeler.notation.x",
            False,
            "PySide6.QtGui",
        ),
    ],
)
def test_the_checker_sees_every_kind_of_import(
    source: str, module: str, is_package: bool, expected: str
) -> None:
    assert expected in {imp.module for imp in imports_of(source, module, is_package=is_package)}


def test_layer_of_names_the_folder_below_procmodeler() -> None:
    assert layer_of("procmodeler.io.bpmn.export") == "io"
    assert layer_of("procmodeler.cli") == "cli"
    assert layer_of("procmodeler") == ROOT


# ---------------------------------------------------------------------- edits only in edit/
def model_edits_in(source: str) -> list[tuple[int, str]]:
    """Where *source* builds its own transaction (``x.transaction(...)``) or a scratch
    copy of the model (``arch.copy()``): edits and what-if layouts belong to
    ``procmodeler.edit`` (composite operations, placement) or ``notation``/``analysis``."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
            continue
        func = node.func
        if func.attr == "transaction":
            found.append((node.lineno, "transaction"))
        elif func.attr == "copy":
            owner = func.value
            name = owner.attr if isinstance(owner, ast.Attribute) else getattr(owner, "id", "")
            if name == "arch":
                found.append((node.lineno, "arch.copy()"))
    return found


def test_the_ui_builds_no_transaction_and_copies_no_model() -> None:
    ui = PACKAGE_DIR / "ui"
    found = [
        f"{path.relative_to(REPO_ROOT)}:{line}: {what}"
        for path in sorted(ui.rglob("*.py"))
        for line, what in model_edits_in(path.read_text(encoding="utf-8"))
    ]
    assert not found, found


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("with ed.transaction(label):\n    pass", [(1, "transaction")]),
        ("with self.context.editor.transaction(x):\n    pass", [(1, "transaction")]),
        ("tmp = arch.copy()", [(1, "arch.copy()")]),
        ("tmp = self.context.arch.copy()", [(1, "arch.copy()")]),
        ("points = list(view.points).copy()\nd = {}.copy()", []),
    ],
)
def test_the_edit_finder_sees_transactions_and_model_copies(
    source: str, expected: list[tuple[int, str]]
) -> None:
    assert model_edits_in(source) == expected


def change_record_reads(source: str) -> list[int]:
    """Lines where *source* decodes change records itself (``event.changes``,
    ``event.collections()``, ``event.touched(...)``, ``c.collection``) instead of
    reading an ``Impact``."""
    tree = ast.parse(source)
    called = {id(n.func) for n in ast.walk(tree) if isinstance(n, ast.Call)}
    lines = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Attribute):
            continue
        if node.attr in ("collections", "touched", "collection") or (
            node.attr == "changes" and id(node) not in called  # not dialog.changes()
        ):
            lines.append(node.lineno)
    return sorted(lines)


def test_the_ui_reads_what_changed_from_impact_only() -> None:
    ui = PACKAGE_DIR / "ui"
    found = [
        f"{path.relative_to(REPO_ROOT)}:{line}"
        for path in sorted(ui.rglob("*.py"))
        for line in change_record_reads(path.read_text(encoding="utf-8"))
    ]
    assert not found, found
    assert change_record_reads("for c in event.changes:\n    c.collection") == [1, 2]
