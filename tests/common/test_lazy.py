"""A package's attributes loaded from its submodules on first use (common.lazy)."""

from __future__ import annotations

import subprocess
import sys

import pytest

_SCRIPT = """
import sys
import procmodeler.io.register as register
assert "procmodeler.io.register.export" not in sys.modules
writer = register.export_register
assert "procmodeler.io.register.export" in sys.modules
from procmodeler.io.register.export import export_register
assert writer is export_register
assert "export_register" in vars(register)  # kept: the hook is not asked again
import procmodeler.io.native as native
assert native.reader is sys.modules["procmodeler.io.native.reader"]  # a submodule
assert register.export is sys.modules["procmodeler.io.register.export"]
import procmodeler.io.register.readable as readable
assert register.readable is readable
print("ok")
"""


def test_a_name_is_loaded_on_first_use_and_kept() -> None:
    # in a fresh interpreter: this one's tests have long loaded the writers
    result = subprocess.run(
        [sys.executable, "-c", _SCRIPT], capture_output=True, text=True, timeout=60
    )
    assert result.stdout.strip() == "ok", result.stderr


def test_an_unknown_name_is_an_attribute_error() -> None:
    import procmodeler.io.register as register

    with pytest.raises(AttributeError, match="no attribute 'no_such_writer'"):
        register.no_such_writer  # noqa: B018
    assert not hasattr(register, "no_such_writer")
