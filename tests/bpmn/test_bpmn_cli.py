"""The export-bpmn and import-bpmn commands: files written atomically, warnings on
stderr, exit 2 and nothing written on bad input."""

from __future__ import annotations

from pathlib import Path

from procmodeler.io import native
from procmodeler.io.bpmn import export_bpmn, import_bpmn
from tests.bpmn.bpmn_models import sample_architecture

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "bpmn-samples"


def test_export_then_import_through_the_command_line(tmp_path: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    arch = sample_architecture()
    model = tmp_path / "model.procm"
    native.save(arch, model)
    out = tmp_path / "model.bpmn"
    proc = run_cli("export-bpmn", model, "-o", out)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""
    assert out.read_bytes() == export_bpmn(arch)
    back = tmp_path / "back.procm"
    proc = run_cli("import-bpmn", out, "-o", back)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""  # our own export imports without warnings
    assert native.load(back) == arch
    assert sorted(p.name for p in tmp_path.iterdir()) == ["back.procm", "model.bpmn", "model.procm"]


def test_import_prints_warnings_and_writes_the_model(tmp_path: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    src = SAMPLES / "reference__B.1.0.bpmn"
    out = tmp_path / "b.procm"
    proc = run_cli("import-bpmn", src, "-o", out)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stderr.splitlines()
    expected = [w.text() for w in import_bpmn(src)[1]]
    assert lines == [f"procmodeler: warning: {src}: {w}" for w in expected]
    assert native.load(out) == import_bpmn(src)[0]


def test_warnings_in_swedish(tmp_path: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    proc = run_cli(
        "import-bpmn",
        SAMPLES / "reference__A.1.0.bpmn",
        "-o",
        tmp_path / "a.procm",
        env={"PROCMODELER_LANG": "sv"},
    )
    assert proc.returncode == 0
    assert "händelser och gateways" in proc.stderr


def test_every_sample_imports_with_exit_0(tmp_path: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    for src in sorted(SAMPLES.glob("*.bpmn")):
        out = tmp_path / f"{src.stem}.procm"
        proc = run_cli("import-bpmn", src, "-o", out)
        assert proc.returncode == 0, (src.name, proc.stderr)
        assert "Traceback" not in proc.stderr
        assert native.load(out).processes


def test_bad_model_or_output_folder_exits_2_and_writes_nothing(tmp_path: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "bad.procm"
    bad.write_text("not json")
    out = tmp_path / "x.bpmn"
    proc = run_cli("export-bpmn", bad, "-o", out)
    assert proc.returncode == 2 and not out.exists()
    assert len(proc.stderr.strip().splitlines()) == 1
    proc = run_cli(
        "import-bpmn", SAMPLES / "reference__A.1.0.bpmn", "-o", tmp_path / "missing" / "a.procm"
    )
    assert proc.returncode == 2
    assert "does not exist" in proc.stderr
    proc = run_cli("export-bpmn", bad)
    assert proc.returncode == 2  # -o is required
