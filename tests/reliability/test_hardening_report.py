"""Issue 21, items 4 and 5 in the report: a purpose of hundreds of KB, a name of a
megabyte and a PNG decompression bomb as logo give a report or one clear line, in
bounded work (0.1: 138 s for 400 KB, a crash for the name and for the bomb)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from procmodeler.cli import main
from procmodeler.common.errors import UserError
from procmodeler.common.i18n import translator
from procmodeler.io import native
from procmodeler.report import load_profile, render_report
from procmodeler.report.bounded import MAX_NAME, MAX_TEXT, for_report
from tests.reliability import hostile
from tests.report.conftest import read_pdf


def test_long_purpose_is_shortened_with_a_visible_note() -> None:
    arch = native.loadb(hostile.long_purpose(400_000))
    pdf = read_pdf(render_report(arch, lang="en"))
    assert "text shortened in the report" in pdf.text
    assert f"of {400_000} characters" in pdf.text
    purpose = next(iter(arch.processes.values())).purpose
    assert len(purpose) == 400_000  # the model itself is not changed


def test_long_unbroken_text_and_megabyte_name_give_a_report() -> None:
    for data in (hostile.long_unbroken_purpose(400_000), hostile.long_name(1_000_000)):
        pdf = read_pdf(render_report(native.loadb(data), lang="sv"))
        assert "förkortat" in pdf.text or "förkortad" in pdf.text


def test_for_report_leaves_a_model_within_the_limits_alone() -> None:
    from tests.bpmn.bpmn_models import sample_architecture

    arch = sample_architecture()
    assert for_report(arch, translator("en")) is arch
    long = native.loadb(hostile.long_name(MAX_NAME + 1))
    short = for_report(long, translator("en"))
    first = next(iter(short.processes.values()))
    assert short is not long and len(first.name) < MAX_NAME + 100
    assert first.name.endswith("characters)")
    assert MAX_TEXT > MAX_NAME


def test_png_decompression_bomb_as_logo_is_one_line(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    logo = tmp_path / "bomb.png"
    logo.write_bytes(hostile.png_bomb(10_000))
    assert logo.stat().st_size < 2_000_000
    profile = tmp_path / "p.json"
    profile.write_text(json.dumps({"logo": str(logo)}))
    with pytest.raises(UserError, match="megapixels"):
        load_profile(profile)
    model = tmp_path / "m.procm"
    model.write_bytes(
        hostile.self_relation().replace(b'"target": "c_sell"', b'"target": "c_deliver"')
    )
    out = tmp_path / "r.pdf"
    code = main(["report", str(model), "-o", str(out), "--profile", str(profile)])
    err = capsys.readouterr().err.splitlines()
    assert code == 2 and len(err) == 1 and "100 megapixels" in err[0], err
    assert not out.exists()
