"""Objectives, contributions and improvements in the native file (format version 3):
saved and loaded back unchanged, and bad values named by their JSON path."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from procmodeler.common.errors import UserError
from procmodeler.io import native

GOLDEN = Path(__file__).resolve().parents[1] / "data" / "golden" / "v3-every-field.procm"


def golden() -> dict:  # type: ignore[type-arg]
    return json.loads(GOLDEN.read_text("utf-8"))


def problems(doc: dict) -> list[str]:  # type: ignore[type-arg]
    with pytest.raises(UserError) as caught:
        native.loads(json.dumps(doc), "m.procm")
    return caught.value.lines()


def test_a_model_with_strategy_survives_save_and_load(tmp_path: Path) -> None:
    arch = native.load(GOLDEN)
    assert list(arch.objectives) == ["g1", "g2"] and len(arch.improvements) == 3
    path = tmp_path / "m.procm"
    native.save(arch, path)
    again = native.load(path)
    as_v4 = GOLDEN.read_bytes().replace(b'"format_version": 3', b'"format_version": 4', 1)
    assert again == arch and path.read_bytes() == as_v4


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda d: d["improvements"][0].update(status="finished"), "improvements[0].status"),
        (lambda d: d["improvements"][0].update(due="2025-02-30"), "improvements[0].due"),
        (lambda d: d["improvements"][0].update(due=20250230), "improvements[0].due"),
        (lambda d: d["processes"][1].update(next_review="30/9"), "processes[1].next_review"),
        (lambda d: d["processes"][1].update(established="always"), "processes[1].established"),
        (lambda d: d["kpis"][0].update(objective="nope"), "kpis[0].objective"),
        (lambda d: d["objectives"][1].update(parent="g2"), "objectives[1].parent"),
        (lambda d: d["contributions"][0].update(objective="x"), "contributions[0].objective"),
        (lambda d: d["contributions"].append(dict(d["contributions"][0])), "contributions[2]"),
        (lambda d: d["improvements"][0].update(kpi="core"), "improvements[0].kpi"),
        (lambda d: d["improvements"][0].update(title=""), "improvements[0].title"),
        (lambda d: d["objectives"][0].update(id="core"), "objectives[0].id"),
    ],
)
def test_bad_strategy_values_are_named_by_their_path(change, expected: str) -> None:  # noqa: ANN001
    doc = golden()
    change(doc)
    lines = problems(doc)
    assert any(f"m.procm: {expected}" in line for line in lines), lines
