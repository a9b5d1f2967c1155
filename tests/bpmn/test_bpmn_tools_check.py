"""What other BPMN tools make of our export: bpmn-moddle imports it with zero warnings,
bpmnlint (recommended) finds zero errors, and bpmn-js draws every process (the
landscape and every sub-process plane). Also for the re-export of every third-party
sample, and for the bundled example models. Round trips keep the model checks'
findings."""

from __future__ import annotations

from pathlib import Path

import pytest

from procmodeler.analysis import run_checks
from procmodeler.io import native
from procmodeler.io.bpmn import export_bpmn, import_bpmn
from tests.bpmn.bpmn_models import deep_architecture, generated_architecture, sample_architecture
from tests.bpmn_tools import moddle_check, render_ids

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = sorted((ROOT / "tests" / "data" / "bpmn-samples").glob("*.bpmn"))
EXAMPLES = sorted((ROOT / "procmodeler" / "resources" / "examples").glob("*.procm"))


def exports(tmp_path: Path) -> dict[str, Path]:
    models = {
        "sample": sample_architecture(),
        "deep20": deep_architecture(20),
        "generated": generated_architecture(300),
        **{f"example-{p.stem}": native.load(p) for p in EXAMPLES},
        **{f"reexport-{p.stem}": import_bpmn(p)[0] for p in SAMPLES},
    }
    paths = {}
    for name, arch in models.items():
        path = tmp_path / f"{name}.bpmn"
        path.write_bytes(export_bpmn(arch))
        paths[name] = path
    return paths


def test_examples_are_bundled() -> None:
    assert len(EXAMPLES) >= 2


def test_moddle_imports_cleanly_and_bpmnlint_finds_no_errors(node_tools, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    paths = exports(tmp_path)
    results = moddle_check(list(paths.values()))
    assert len(results) == len(paths) == 3 + len(EXAMPLES) + len(SAMPLES)
    problems = {}
    for name, result in zip(paths, results, strict=True):
        if result["error"] or result["importWarnings"] or result["lint"]["errors"]:
            problems[name] = (
                result["error"],
                result["importWarnings"][:3],
                result["lint"]["errors"][:3],
            )
    assert problems == {}
    # the checker really looked: a sub-process per process with children, shapes
    sample = results[0]
    assert sample["types"].get("bpmn:AdHocSubProcess", 0) >= 3
    assert sample["types"].get("bpmn:Task", 0) >= 10


def test_moddle_check_does_report_broken_exports(node_tools, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The checker is not blind: removing the start event gives a lint error, an
    unknown element outside extensionElements an import warning."""
    data = export_bpmn(sample_architecture()).decode()
    start = data.index("<bpmn:startEvent")
    broken = data[:start] + data[data.index("</bpmn:startEvent>") + 18 :]
    broken = broken.replace("<bpmn:endEvent", "<pm:stray/><bpmn:endEvent", 1)
    path = tmp_path / "broken.bpmn"
    path.write_text(broken, encoding="utf-8")
    [result] = moddle_check([path])
    assert result["importWarnings"]
    assert any(e["rule"] == "start-event-required" for e in result["lint"]["errors"])


def drawn_processes(arch, path: Path, chromium: str) -> set[str]:  # type: ignore[no-untyped-def]
    return render_ids(path, chromium=chromium) & set(arch.processes)


def test_bpmn_js_draws_every_process(chromium, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    arch = sample_architecture()
    path = tmp_path / "sample.bpmn"
    path.write_bytes(export_bpmn(arch))
    drawn = render_ids(path, chromium=chromium)
    assert set(arch.top_level()) <= drawn
    assert set(arch.processes) <= drawn  # including every sub-process level
    assert {"r_order", "r_steer", "r_pick"} <= drawn


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_bpmn_js_draws_every_landscape_process_of_the_examples(
    example: Path,
    chromium,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    arch = native.load(example)
    path = tmp_path / f"{example.stem}.bpmn"
    path.write_bytes(export_bpmn(arch))
    drawn = render_ids(path, chromium=chromium)
    assert arch.top_level() and set(arch.top_level()) <= drawn
    assert set(arch.processes) <= drawn


@pytest.mark.parametrize(
    "make",
    [sample_architecture, *[lambda p=p: native.load(p) for p in EXAMPLES]],
    ids=["sample", *[p.stem for p in EXAMPLES]],
)
def test_round_trip_keeps_the_findings(make) -> None:  # type: ignore[no-untyped-def]
    arch = make()
    back, _ = import_bpmn(export_bpmn(arch))
    before = [
        (f.rule, f.severity, f.elements, f.message, f.suppressed) for f in run_checks(arch).findings
    ]
    after = [
        (f.rule, f.severity, f.elements, f.message, f.suppressed) for f in run_checks(back).findings
    ]
    assert before and after == before
