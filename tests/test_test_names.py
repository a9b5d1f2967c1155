"""Test modules outside a package (a folder without ``__init__.py``) are imported by
their base name, so two of them with one name stop the whole suite at collection (a
run of one folder does not show it): every such name is used once."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

TESTS = Path(__file__).resolve().parent


def test_module_names_outside_packages_are_unique() -> None:
    by_name: dict[str, list[str]] = defaultdict(list)
    for path in sorted(TESTS.rglob("test_*.py")):
        if not (path.parent / "__init__.py").exists():
            by_name[path.name].append(path.relative_to(TESTS).as_posix())
    clashes = {name: paths for name, paths in by_name.items() if len(paths) > 1}
    assert clashes == {}
    assert len(by_name) > 100  # the rule reads the real test folders
