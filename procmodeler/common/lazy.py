"""A package's attributes taken from its submodules on first use (PEP 562)."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Mapping
from typing import Any


def lazy_attributes(package: str, where: Mapping[str, str | None]) -> Callable[[str], Any]:
    """A module ``__getattr__`` for *package*: each name of *where* comes from the
    submodule it names (``None``: the name is itself a submodule), imported when the
    name is first asked for and then kept in the package."""

    def __getattr__(name: str) -> Any:  # noqa: N807 - the module hook's own name
        if name not in where:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        submodule = where[name]
        module = importlib.import_module(f"{package}.{submodule or name}")
        value = module if submodule is None else getattr(module, name)
        setattr(sys.modules[package], name, value)
        return value

    return __getattr__
