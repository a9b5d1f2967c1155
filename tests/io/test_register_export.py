"""Register export (CSV folder and .xlsx) and export -> import round trips: the same model
apart from diagram geometry."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from pathlib import Path

import openpyxl
import pytest

from procmodeler.common.errors import UserError
from procmodeler.edit import Editor
from procmodeler.edit import operations as op
from procmodeler.io import native
from procmodeler.io.register import (
    csv_text,
    export_register,
    import_register,
    register_tables,
    write_folder,
)
from procmodeler.model import Architecture, Bounds

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "procmodeler" / "resources" / "examples"
GEOMETRY = {"shapes", "waypoints", "diagrams"}


def content(arch: Architecture) -> tuple[object, ...]:
    """Everything but diagram geometry (and check settings, which are not in a register)."""
    copy = arch.copy()
    for name in (*GEOMETRY, "rules", "suppressions"):
        setattr(copy, name, {})
    return copy.snapshot()


def tricky_model() -> Architecture:
    ed = Editor()
    op.set_metadata(ed, name="Trick", organisation="=Org", language="sv", version_label="-1")
    unit = op.add_unit(ed, "Enhet, med komma", uid="U1")
    person = op.add_person(ed, "@home", unit=unit, title='Säger "hej"', person_id="P1")
    a = op.create_process(ed, "=SUM(A1)", "core", pid="A", purpose="+46 8 123\nrad två")
    b = op.create_process(ed, "'=quoted", "support", pid="B", parent=a)
    c = op.create_process(ed, "-minus", "management", pid="C")
    op.set_process_fields(ed, a, objects_in=["Ansökan", "Karta"], objects_out=["Beslut"])
    op.set_process_fields(ed, a, status="retired", owner=person, leader=person)
    op.connect(ed, c, a, "steering", "=plan")
    op.connect(ed, b, a, "support")
    op.set_participation(ed, a, unit, "RA")
    op.set_participation(ed, c, unit, "")
    op.add_kpi(ed, a, "Ledtid", "lead_time", measure="dagar", target=-2.5, actual=0.1 + 0.2)
    op.add_kpi(ed, a, "Annat", "other", direction="lower")
    # an imported, mapped id is written back as the original
    ed.arch.put("processes", "A", replace(ed.arch.processes["A"], original_id="1.1"))
    return ed.arch


def remap(arch: Architecture) -> Architecture:
    """The tricky model as import sees it: process 'A' with original id '1.1' becomes
    'id_1.1'; rebuild the expected model with that id."""
    text = native.dumps(arch).replace('"A"', '"id_1.1"')
    return native.loads(text)


@pytest.mark.parametrize("suffix", ["", ".xlsx"])
def test_export_then_import_gives_the_same_model(tmp_path: Path, suffix: str) -> None:
    arch = tricky_model()
    if suffix == ".xlsx":  # a workbook keeps 15 significant digits, as Excel does
        ed = Editor(arch)
        op.set_kpi(ed, "kpi_1", actual=0.3)
    target = tmp_path / f"reg{suffix}"
    export_register(arch, target)
    result = import_register(target)
    assert result.warnings == []
    assert [p.text() for p in result.notes][0].endswith("'1.1' is not a valid id (an XML NCName); "
                                                       "it becomes 'id_1.1' and the original is kept for export")  # fmt: skip
    assert content(result.arch) == content(remap(arch))


@pytest.mark.parametrize("name", ["municipality-sv", "manufacturing"])
@pytest.mark.parametrize("suffix", ["", ".xlsx"])
def test_examples_export_then_import(tmp_path: Path, name: str, suffix: str) -> None:
    arch = native.load(EXAMPLES / f"{name}.procm")
    ed = Editor(arch)
    first = next(iter(arch.shapes[None]))
    op.move_shapes(ed, None, [first], 15, 25)  # geometry may differ ...
    target = tmp_path / f"{name}{suffix}"
    export_register(arch, target)
    result = import_register(target)
    assert result.warnings == [] and result.notes == []
    assert content(result.arch) == content(arch)  # ... everything else is the same
    assert result.arch.shapes[None][first] != arch.shapes[None][first]


def test_csv_files_and_formula_protection(tmp_path: Path) -> None:
    folder = tmp_path / "out"
    write_folder(tricky_model(), folder)
    assert sorted(p.name for p in folder.iterdir()) == [
        "architecture.csv", "kpis.csv", "people.csv", "processes.csv", "raci.csv",
        "relations.csv", "units.csv",
    ]  # fmt: skip
    data = (folder / "processes.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbfid,name,kind,parent,owner,leader,")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert rows[1][:3] == ["1.1", "'=SUM(A1)", "core"]
    assert rows[1][9] == "'+46 8 123\nrad två"
    assert rows[2][1] == "''=quoted" and rows[2][3] == "1.1"
    assert rows[3][1] == "'-minus"
    kpis = list(csv.reader(io.StringIO((folder / "kpis.csv").read_text("utf-8-sig"))))
    assert kpis[1][6:8] == ["-2.5", "0.30000000000000004"]  # numbers are not protected
    assert kpis[2][6:8] == ["", ""]
    people = (folder / "people.csv").read_text("utf-8-sig")
    assert "'@home" in people and '"Säger ""hej"""' in people


def test_xlsx_cells_are_text_not_formulas(tmp_path: Path) -> None:
    path = tmp_path / "reg.xlsx"
    export_register(tricky_model(), path)
    workbook = openpyxl.load_workbook(path)
    assert workbook.sheetnames == [
        "Processregister", "RACI-matris",  # for people, in the model's language
        "processes", "units", "people", "raci", "relations", "kpis", "architecture",
    ]  # fmt: skip
    cell = workbook["processes"]["B2"]
    assert cell.value == "=SUM(A1)" and cell.data_type == "s" and cell.quotePrefix
    assert workbook["processes"]["A1"].font.b
    target = workbook["kpis"]["G2"]
    assert target.value == -2.5 and target.data_type == "n"
    assert workbook["relations"]["E2"].data_type == "s"


def test_csv_export_is_deterministic(tmp_path: Path) -> None:
    arch = native.load(EXAMPLES / "manufacturing.procm")
    write_folder(arch, tmp_path / "a")
    write_folder(arch, tmp_path / "b")
    for path in (tmp_path / "a").iterdir():
        assert path.read_bytes() == (tmp_path / "b" / path.name).read_bytes()


def test_export_replaces_a_register_folder_and_keeps_other_files(tmp_path: Path) -> None:
    folder = tmp_path / "reg"
    folder.mkdir()
    (folder / "README.md").write_text("keep me", encoding="utf-8")
    (folder / "kpis.csv").write_text("stale", encoding="utf-8")
    write_folder(tricky_model(), folder)
    assert (folder / "README.md").read_text(encoding="utf-8") == "keep me"
    assert (folder / "kpis.csv").read_text(encoding="utf-8-sig").startswith("id,process,")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["reg"]  # no staging left


def test_export_refuses_a_folder_with_sub_folders(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    (folder / "private").mkdir(parents=True)
    (folder / "processes.csv").write_text("mine", encoding="utf-8")
    with pytest.raises(UserError, match="holds sub-folders"):
        write_folder(tricky_model(), folder)
    assert (folder / "processes.csv").read_text(encoding="utf-8") == "mine"


def test_export_to_a_file_or_missing_parent(tmp_path: Path) -> None:
    file = tmp_path / "file"
    file.write_text("x", encoding="utf-8")
    with pytest.raises(UserError, match="is a file"):
        write_folder(tricky_model(), file)
    with pytest.raises(UserError, match="does not exist"):
        write_folder(tricky_model(), tmp_path / "no" / "reg")


def test_failed_export_leaves_the_old_register(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "reg"
    write_folder(tricky_model(), folder)
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    import procmodeler.io.register as register

    calls = {"n": 0}
    real = register.export.atomic_write_bytes

    def failing(path, data):  # noqa: ANN001, ANN202
        calls["n"] += 1
        if calls["n"] == 4:
            raise OSError(28, "No space left on device")
        real(path, data)

    monkeypatch.setattr(register.export, "atomic_write_bytes", failing)
    with pytest.raises(UserError, match="No space left on device"):
        write_folder(native.load(EXAMPLES / "manufacturing.procm"), folder)
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["reg"]


def test_xlsx_leaves_out_control_characters(tmp_path: Path) -> None:
    arch = tricky_model()
    arch.put("processes", "C", replace(arch.processes["C"], purpose="a\x01b\tc"))
    export_register(arch, tmp_path / "reg.xlsx")
    again = import_register(tmp_path / "reg.xlsx").arch
    assert again.processes["C"].purpose == "ab\tc"


def test_register_tables_header_and_ids() -> None:
    tables = register_tables(tricky_model())
    assert tables["relations"][0] == ["id", "source", "target", "kind", "object"]
    assert tables["relations"][1] == ["rel_1", "C", "1.1", "steering", "=plan"]
    assert tables["architecture"][1:] == [
        ["name", "Trick"], ["organisation", "=Org"], ["language", "sv"],
        ["version_label", "-1"], ["author", ""],
    ]  # fmt: skip
    assert csv_text([["=a", 1.0, None]]) == "'=a,1,\n"


def test_xlsx_import_with_formulas_numbers_and_gaps(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    ws = workbook.active
    ws.title = "Processes"
    ws.append(["ID", "name", "kind", "purpose"])
    ws.append([])  # blank row
    ws.append([1.0, "Sälja", "Huvud", "=1+1"])  # a formula cell with no cached value
    ws.append(["P2", 3.25, "stöd", None])
    kpis = workbook.create_sheet("kpis")
    kpis.append(["process", "name", "kind", "target", "actual"])
    kpis.append(["P2", "Ledtid", "lead_time", 7, "3,5"])
    workbook.create_sheet("Other")
    path = tmp_path / "in.xlsx"
    workbook.save(path)
    result = import_register(path)
    arch = result.arch
    assert list(arch.processes) == ["id_1", "P2"]
    assert arch.processes["id_1"].kind == "core" and arch.processes["id_1"].purpose == ""
    assert arch.processes["P2"].name == "3.25" and arch.processes["P2"].kind == "support"
    kpi = next(iter(arch.kpis.values()))
    assert (kpi.target, kpi.actual) == (7.0, 3.5)
    assert [w.text() for w in result.warnings] == [
        f"{path}[Other]: is not a register sheet and is ignored"
    ]
    assert [n.line for n in result.notes] == [3]


def test_xlsx_errors_name_sheet_row_and_column(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    ws = workbook.active
    ws.title = "processes"
    ws.append(["id", "name", "kind"])
    ws.append(["P1", "A", "core"])
    ws.append(["P1", "B", "bad"])
    path = tmp_path / "bad.xlsx"
    workbook.save(path)
    with pytest.raises(UserError) as info:
        import_register(path)
    assert info.value.lines() == [
        f"{path}[processes]:3: id: the id 'P1' is already used at bad.xlsx[processes]:2",
        f"{path}[processes]:3: kind: 'bad' is not allowed here; use one of: management, core, "
        "support, ledning, huvud, stöd",
    ]


def test_damaged_workbook(tmp_path: Path) -> None:
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(UserError) as info:
        import_register(path)
    (line,) = info.value.lines()
    assert line.startswith(f"{path}: is not an .xlsx workbook that can be read")
    workbook = openpyxl.Workbook()
    workbook.active.title = "units"
    path = tmp_path / "noprocesses.xlsx"
    workbook.save(path)
    with pytest.raises(UserError) as info:
        import_register(path)
    assert f"{path}: has no sheet 'processes' (the one sheet a register must have)" in (
        info.value.lines()
    )


def test_layout_is_kept_apart_from_content(tmp_path: Path) -> None:
    arch = tricky_model()
    arch.put("shapes", (None, "C"), Bounds(1, 2, 3, 4))
    export_register(arch, tmp_path / "reg")
    again = import_register(tmp_path / "reg").arch
    assert again.shapes[None]["C"] != Bounds(1, 2, 3, 4)


@pytest.mark.parametrize("name", ["register.csv", "register.xls", "Register.CSV", "model.procm"])
def test_export_to_a_file_name_that_is_not_xlsx_is_refused(tmp_path: Path, name: str) -> None:
    """`export-register MODEL -o register.csv` used to create a folder named
    register.csv; a name that can only mean a single file is a user mistake."""
    arch = import_register(EXAMPLES / "manufacturing").arch
    with pytest.raises(UserError, match="names a file") as info:
        export_register(arch, tmp_path / name)
    assert [p.file for p in info.value.problems] == [str(tmp_path / name)]
    assert list(tmp_path.iterdir()) == []
    export_register(arch, tmp_path / "register.v2")  # a folder with a dot stays allowed
    assert (tmp_path / "register.v2" / "processes.csv").is_file()
