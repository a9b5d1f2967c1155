"""Issue 21, items 2, 3, 4, 5 and 7 in the importers and exporters: CSV/XLSX cells,
an export into the folder of an open model, bounded workbooks, the gateway mesh, the
geometry range, lone surrogates, huge integers, self-relations, and names with line
breaks through BPMN. Each would fail on version 0.1."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from procmodeler.app.locking import FileLock, LockedByOther, sidecar_path
from procmodeler.common.errors import UserError
from procmodeler.io import native
from procmodeler.io.bpmn import export_bpmn, import_bpmn
from procmodeler.io.register import export_register, import_register, workbook_bytes
from procmodeler.io.register.cells import protect, unprotect
from procmodeler.io.register.export import csv_text
from procmodeler.report import render_report
from tests.bpmn.bpmn_models import sample_architecture
from tests.reliability import hostile
from tests.reliability.harness import OtherInstance


def _with(**names: str) -> native.Architecture:  # type: ignore[name-defined]
    """The sample model with the first processes' purposes (or names) replaced."""
    doc = json.loads(native.dumps(sample_architecture()))
    for i, (field, value) in enumerate(names.items()):
        doc["processes"][i][field.rstrip("0123456789")] = value
    return native.loads(json.dumps(doc))


# ---------------------------------------------------------------------- item 2: cells
def test_carriage_return_in_a_cell_is_quoted_and_the_register_reimports(tmp_path: Path) -> None:
    """0.1 wrote a lone CR bare: the row split and its second half became a new,
    unguarded formula row."""
    arch = _with(purpose='first part\r=HYPERLINK("http://x")', name1="Two\rlines")
    text = csv_text([["id", "purpose"], ["p", "first part\r=cmd"]])
    assert text == 'id,purpose\n"p","first part\r=cmd"\n'
    folder = tmp_path / "reg"
    export_register(arch, folder)
    back = import_register(folder).arch
    assert len(back.processes) == len(arch.processes)  # no row split in two
    first = next(iter(back.processes.values()))
    assert first.purpose == 'first part\n=HYPERLINK("http://x")'  # line ends as LF
    assert list(back.processes.values())[1].name == "Two\nlines"


@pytest.mark.parametrize("text", ["\t=1+2", "\r=1+2", "\tplain", "'\t=x"])
def test_cells_starting_with_tab_or_carriage_return_are_guarded(text: str) -> None:
    assert protect(text).startswith("'")
    assert unprotect(protect(text)) == text


def test_characters_xml_forbids_never_crash_the_workbook_writer() -> None:
    arch = _with(purpose="a\ufffeb\uffffc\x01d\x1be", name1="Name\x00 \ufffe")
    data = workbook_bytes(arch)  # 0.1: ValueError / IllegalCharacterError
    book = import_register_bytes(data)
    first = next(iter(book.processes.values()))
    assert first.purpose == "abcde"  # left out, as documented


def import_register_bytes(data: bytes) -> native.Architecture:  # type: ignore[name-defined]
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "r.xlsx"
        path.write_bytes(data)
        return import_register(path).arch


# ---------------------------------------------------------------------- item 3: locks
def test_export_into_the_folder_of_an_open_model_keeps_its_lock(tmp_path: Path) -> None:
    """0.1 copied the lock file into the new folder: the other instance's lock was gone
    (a new file nobody held), so a second instance took the model over as stale."""
    folder = tmp_path / "reg"
    folder.mkdir()
    model = folder / "plan.procm"
    native.save(sample_architecture(), model)
    other = OtherInstance(model)
    try:
        before = sidecar_path(model).stat().st_ino
        export_register(sample_architecture(), folder)
        assert (folder / "processes.csv").exists()
        assert sidecar_path(model).stat().st_ino == before
        with pytest.raises(LockedByOther):
            FileLock.acquire(model)
    finally:
        other.end()


# ---------------------------------------------------------------------- item 4: bounds
def test_workbook_whose_cells_repeat_one_long_shared_string_is_refused(tmp_path: Path) -> None:
    """0.1 made a 180 MB model of a 177 KB workbook; here 400 KB would make 100 MB."""
    path = tmp_path / "ss.xlsx"
    path.write_bytes(hostile.workbook_shared_strings(20_000, 5_000))
    with pytest.raises(UserError, match="far more text than the workbook"):
        import_register(path)


def test_workbook_with_a_far_column_still_reads(tmp_path: Path) -> None:
    path = tmp_path / "wide.xlsx"
    path.write_bytes(hostile.workbook_wide(500))
    assert len(import_register(path).arch.processes) > 500


def test_gateway_mesh_of_400_is_bridged_into_every_pair() -> None:
    """111 KB, 400 gateways in a grid linked both ways, 50 tasks: 0.1 ran over 600 s
    (fresh ids searched from 1 each time); now a fraction of a second (bench:
    bench/hostile_corpus.py)."""
    data = hostile.gateway_mesh(400, 50)
    assert 100_000 < len(data) < 120_000
    arch, warnings = import_bpmn(data)
    assert len(arch.processes) == 51  # the tasks and their process
    assert len(arch.relations) == 50 * 49
    assert any("400 events and gateways" in w.text() for w in warnings)


def test_gateway_mesh_joining_400_tasks_gives_relations_linear_in_the_file() -> None:
    """Every one of 400 tasks reaches every other through the mesh: 159,600 pairs from
    a 165 KB file (0.1: hours, fresh ids being quadratic in them). Bridged relations
    are kept up to four per flow, and the rest are counted in a warning."""
    data = hostile.gateway_mesh(400, 400)
    arch, warnings = import_bpmn(data)
    flows = data.count(b"<sequenceFlow")
    assert len(arch.relations) == 4 * flows + 100
    dropped = 400 * 399 - len(arch.relations)
    assert any(f"join {dropped} more pairs of processes" in w.text() for w in warnings)


# ---------------------------------------------------------------------- item 5: no traceback
def test_bpmn_coordinates_far_out_are_laid_out_and_the_report_works() -> None:
    arch, _ = import_bpmn(hostile.bpmn_huge_coordinates())
    for shapes in arch.shapes.values():
        for box in shapes.values():
            assert abs(box.x) < 1e7 and abs(box.w) < 1e7
    assert render_report(arch).startswith(b"%PDF")


def test_native_coordinates_far_out_are_refused_with_the_path() -> None:
    with pytest.raises(UserError, match=r"shapes\[0\]\.x: should be a coordinate between"):
        native.loadb(hostile.huge_coordinates(), "m.procm")


def test_huge_integer_is_said_in_the_users_words_with_its_line() -> None:
    with pytest.raises(UserError) as info:
        native.loadb(hostile.huge_integer(5000), "m.procm")
    line = info.value.lines()[0]
    assert "5000 digits" in line and "set_int_max_str_digits" not in line
    with pytest.raises(UserError, match="finite number"):  # 400 digits: float overflow
        native.loadb(hostile.huge_integer(400), "m.procm")


def test_lone_surrogate_is_refused_at_load_with_its_line() -> None:
    data = hostile.lone_surrogate()
    line = data[: data.index(b"\\ud800")].count(b"\n") + 1
    with pytest.raises(UserError) as info:
        native.loadb(data, "m.procm")
    assert info.value.lines() == [
        f"m.procm:{line}: holds '\\ud800', half of a UTF-16 character pair, which is not text"
    ]
    ok = data.replace(b"\\ud800", b"\\ud83d\\ude00")  # a proper pair is an emoji
    assert "\U0001f600" in native.loadb(ok).meta.name
    # text handed over as a string (not bytes) may hold a raw surrogate, even in a
    # Swedish (non-ASCII) model: refused the same way
    raw = ok.decode("utf-8").replace("\\ud83d\\ude00", "\ud800 å")
    with pytest.raises(UserError, match="half of a UTF-16 character pair"):
        native.loads(raw, "m.procm")
    assert "å" in native.loads(raw.replace("\ud800", "x"), "m.procm").meta.name


def test_self_relation_in_our_own_bpmn_says_a_process_cannot_relate_to_itself() -> None:
    data = export_bpmn(sample_architecture()).replace(
        b'source="c_sell" target="c_deliver"', b'source="c_sell" target="c_sell"', 1
    )
    assert data != export_bpmn(sample_architecture())
    _, warnings = import_bpmn(data)
    texts = [w.text() for w in warnings]
    assert any("to itself" in t for t in texts), texts
    assert not any("not in the file" in t for t in texts), texts


# ---------------------------------------------------------------------- item 7: round trips
def test_names_with_line_breaks_tabs_rtl_emoji_and_markup_round_trip_byte_identically() -> None:
    doc = json.loads(native.dumps(sample_architecture()))
    names = [
        "Line one\nline two",
        "Tab\there",
        "\u200fשלום\u200e mark",
        "Emoji 🧾✅",
        '<b>markup</b> & "quotes"',
        "CR\r\nLF",
    ]
    for i, name in enumerate(names):
        doc["processes"][i]["name"] = name
    doc["units"][0]["name"] = "Unit\nwith break"
    doc["people"][0]["name"] = "Person\twith tab"
    arch = native.loads(json.dumps(doc))
    first = export_bpmn(arch)
    assert b"&#10;" in first
    back, warnings = import_bpmn(first)
    assert warnings == []
    assert [p.name for p in list(back.processes.values())[:6]] == names
    assert export_bpmn(back) == first
