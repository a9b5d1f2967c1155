"""Importers that survive anything: inputs mutated from the test data and the bundled
examples (byte flips, truncation, splices, structural JSON / CSV / workbook / XML edits,
deep nesting, entity tricks) give a model or a UserError, never another exception; a
model that comes out saves and loads back unchanged; the command line answers such
input with exit code 2 and no traceback; and files above the size limits are refused
before they are parsed.

Modest counts here (CI); ``bench/soak.py`` runs 10,000 inputs per importer and reports
the timings (none may take more than 2 s). The deadline below only catches hangs.
"""

from __future__ import annotations

import random
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from procmodeler.common.errors import UserError
from tests.reliability.harness import (
    BPMN_SAMPLES,
    EXAMPLES,
    FuzzStats,
    bpmn_importer,
    campaigns,
    fuzz_one,
    run_bpmn,
    run_native,
    run_register_csv,
    run_register_xlsx,
)

#: Inputs per importer in CI (the soak runs 10,000).
EXAMPLES_PER_IMPORTER = {"native": 1000, "register-csv": 600, "register-xlsx": 150, "bpmn": 600}

CAMPAIGNS = campaigns()


def _fuzz(name: str, tmp_path: Path) -> FuzzStats:
    campaign = CAMPAIGNS[name]
    stats = FuzzStats(name)

    @settings(
        max_examples=EXAMPLES_PER_IMPORTER[name],
        deadline=timedelta(seconds=30),
        database=None,
        derandomize=True,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(st.randoms(use_true_random=False))
    def run(rnd: random.Random) -> None:
        fuzz_one(stats, campaign.target, campaign.make(rnd), tmp_path)

    run()
    return stats


@pytest.mark.slow
@pytest.mark.parametrize("name", ["native", "register-csv", "register-xlsx", "bpmn"])
def test_fuzzed_input_gives_a_model_or_a_user_error(name: str, tmp_path: Path) -> None:
    if name not in CAMPAIGNS:
        pytest.fail("the BPMN importer (procmodeler.io.bpmn.import_bpmn) is missing")
    stats = _fuzz(name, tmp_path)
    assert stats.crashes == []
    assert stats.inputs >= EXAMPLES_PER_IMPORTER[name] * 0.9
    # Both outcomes occur: the mutations neither break everything nor nothing.
    assert stats.models > 0 and stats.user_errors > 0


def test_the_seeds_themselves_import(tmp_path: Path) -> None:
    for path in sorted(EXAMPLES.glob("*.procm")):
        assert run_native(path.read_bytes(), tmp_path) == "model"
    for folder in sorted(p for p in EXAMPLES.iterdir() if (p / "processes.csv").exists()):
        files = {f.name: f.read_bytes() for f in folder.glob("*.csv")}
        assert run_register_csv(files, tmp_path) == "model"
    assert bpmn_importer() is not None
    for path in sorted(BPMN_SAMPLES.glob("*.bpmn")):
        assert run_bpmn(path.read_bytes(), tmp_path) == "model", path.name


# ====================================================================== command line
def _bad_inputs(name: str, count: int) -> list[object]:
    """Inputs of a campaign that its importer refuses (found with a fixed seed)."""
    campaign = CAMPAIGNS[name]
    rnd = random.Random(8)
    found: list[object] = []
    scratch = Path(__import__("tempfile").mkdtemp())
    try:
        while len(found) < count:
            value = campaign.make(rnd)
            if campaign.target(value, scratch) == "user-error":
                found.append(value)
    finally:
        __import__("shutil").rmtree(scratch, ignore_errors=True)
    return found


@pytest.mark.slow
def test_the_command_line_answers_bad_input_with_exit_code_2(run_cli, tmp_path: Path) -> None:
    out = tmp_path / "out.procm"
    runs: list[tuple[str, list[str]]] = []
    for i, data in enumerate(_bad_inputs("native", 3)):
        path = tmp_path / f"bad{i}.procm"
        path.write_bytes(data)  # type: ignore[arg-type]
        runs.append(("check", [str(path)]))
    for i, files in enumerate(_bad_inputs("register-csv", 3)):
        folder = tmp_path / f"register{i}"
        folder.mkdir()
        for fname, data in files.items():  # type: ignore[attr-defined]
            (folder / fname).write_bytes(data)
        runs.append(("import-register", [str(folder), "-o", str(out)]))
    for i, data in enumerate(_bad_inputs("register-xlsx", 2)):
        path = tmp_path / f"bad{i}.xlsx"
        path.write_bytes(data)  # type: ignore[arg-type]
        runs.append(("import-register", [str(path), "-o", str(out)]))
    for i, data in enumerate(_bad_inputs("bpmn", 3)):
        path = tmp_path / f"bad{i}.bpmn"
        path.write_bytes(data)  # type: ignore[arg-type]
        runs.append(("import-bpmn", [str(path), "-o", str(out)]))
    for command, args in runs:
        proc = run_cli(command, *args)
        assert proc.returncode == 2, (command, args, proc.stderr)
        assert "Traceback" not in proc.stderr and proc.stderr.strip(), proc.stderr
        assert not out.exists()  # nothing half-written


# ====================================================================== size limits
def _sparse(path: Path, size: int) -> Path:
    """A file of *size* bytes that takes no disk space (a hole)."""
    with open(path, "wb") as handle:
        handle.truncate(size)
    return path


@pytest.mark.parametrize("kind", ["native", "register-csv", "register-xlsx", "bpmn"])
def test_files_above_the_size_limit_are_refused_before_parsing(
    kind: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from procmodeler.io import native, register
    from procmodeler.io.bpmn import importer as bpmn_import
    from procmodeler.io.bpmn import safexml

    def never(*args: object, **kwargs: object) -> None:
        raise AssertionError("the file was parsed")

    if kind == "native":
        path = _sparse(tmp_path / "huge.procm", native.MAX_FILE_SIZE + 1)
        monkeypatch.setattr(native.reader, "loadb", never)
        call = lambda: native.load(path)  # noqa: E731
    elif kind == "register-csv":
        folder = tmp_path / "register"
        folder.mkdir()
        _sparse(folder / "processes.csv", register.MAX_FILE_SIZE + 1)
        monkeypatch.setattr(register.csvreader, "_decode", never)
        call = lambda: register.import_register(folder)  # noqa: E731
    elif kind == "register-xlsx":
        path = _sparse(tmp_path / "huge.xlsx", register.MAX_FILE_SIZE + 1)
        monkeypatch.setattr("openpyxl.load_workbook", never)
        call = lambda: register.import_register(path)  # noqa: E731
    else:
        path = _sparse(tmp_path / "huge.bpmn", safexml.MAX_BYTES + 1)
        monkeypatch.setattr(bpmn_import, "parse_bytes", never)
        call = lambda: bpmn_import.import_bpmn(path)  # noqa: E731
    with pytest.raises(UserError) as caught:
        call()
    assert "200 MB" in " ".join(caught.value.lines())


def test_the_size_limits_are_the_documented_ones(repo_root: Path) -> None:
    from procmodeler.io import native, register
    from procmodeler.io.bpmn import safexml

    doc = (repo_root / "docs" / "reliability.md").read_text(encoding="utf-8")
    for limit in (native.MAX_FILE_SIZE, register.MAX_FILE_SIZE, safexml.MAX_BYTES):
        assert f"{limit // (1024 * 1024)} MB" in doc


def test_deep_nesting_is_a_user_error_not_a_crash(tmp_path: Path) -> None:
    deep = b"[" * 200_000 + b"]" * 200_000
    assert run_native(b'{"format_version": 1, "units": ' + deep + b"}", tmp_path) == "user-error"
    nested = b"<a>" * 100_000 + b"</a>" * 100_000
    doc = (
        b'<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL">'
        + nested
        + b"</definitions>"
    )
    assert run_bpmn(doc, tmp_path) == "user-error"
    assert run_register_xlsx(b"PK\x03\x04" + b"\x00" * 100, tmp_path) == "user-error"
