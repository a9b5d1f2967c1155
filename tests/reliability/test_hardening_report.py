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


def test_a_huge_flat_model_gives_a_bounded_report_that_says_what_it_leaves_out(
    tmp_path: Path,
) -> None:
    # 0.2 before this: the report of a 455 KB workbook of 2,000 top-level processes took
    # 241 s of CPU (thousands of pages: a section, a matrix row and a map part each, and
    # every finding listed); now it is capped, and says so where it caps.
    from procmodeler.cli.cmd_check import load_model
    from procmodeler.report.context import MAX_SECTIONS
    from procmodeler.report.mapparts import MAX_PARTS
    from procmodeler.report.sections.checks import MAX_LISTED_PER_RULE

    book = tmp_path / "wide.xlsx"
    book.write_bytes(hostile.workbook_wide(400))
    arch = load_model(str(book), translator("en"))
    tops = len(arch.top_level())
    assert tops > MAX_SECTIONS
    pdf = read_pdf(render_report(arch, lang="en"))
    text = pdf.text
    titles: list[str] = []

    def walk(items: list) -> None:  # type: ignore[type-arg]
        for item in items:
            walk(item) if isinstance(item, list) else titles.append(item.title)

    walk(pdf.reader.outline)
    assert sum(1 for t in titles if t.startswith("3.")) == MAX_SECTIONS
    omitted = len([p for t in arch.top_level() for p in [t, *arch.children(t)]]) - MAX_SECTIONS
    assert f"the other {omitted} are named in the index of processes" in text
    assert "The rows are the first" in text  # the matrix says so too
    # a rule with more findings than are listed: the rest counted, never silently dropped
    assert "more findings of this rule, not listed here" in text
    listed = text.count("has no process owner")
    assert MAX_LISTED_PER_RULE <= listed < MAX_LISTED_PER_RULE + MAX_SECTIONS * 2
    # every process is still in the index, by name
    last = arch.processes[arch.top_level()[-1]].name
    assert last in text
    # the map, a row of 400 chevrons, would take more than MAX_PARTS pages: overview only
    assert "would take" in text and "only its overview is printed" in text
    assert "of the process map" not in text  # no page of a part
    assert MAX_PARTS < 400
    assert len(pdf.pages) < 200
