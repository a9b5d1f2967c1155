"""``check`` of a register skips the automatic layout (issue 20): its findings are those
of the laid-out model, because the layout places every process."""

from __future__ import annotations

import json

from procmodeler.analysis import format_json, run_checks
from procmodeler.common.paths import examples_dir
from procmodeler.io.register import import_register


def test_check_of_a_register_finds_what_the_laid_out_model_has(run_cli) -> None:
    folder = examples_dir() / "manufacturing"
    laid_out = import_register(folder).arch
    bare = import_register(folder, with_layout=False).arch
    assert laid_out.shapes and not bare.shapes
    assert not [f for f in run_checks(laid_out).findings if f.rule == "orphan.unplaced"]
    expected = json.loads(format_json(run_checks(laid_out)))
    result = run_cli("check", folder, "--format", "json")
    assert result.returncode in (0, 1), result.stderr
    assert json.loads(result.stdout) == expected
    assert expected["findings"]
