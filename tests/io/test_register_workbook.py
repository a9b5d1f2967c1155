"""The register workbook's sheets for people (issue 15, item 9): the process register and
the RACI matrix in the model's language come first, and the workbook still imports as
the same model."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from procmodeler import vocabulary as vocab
from procmodeler.common.i18n import LANGUAGES, translator
from procmodeler.edit import Editor
from procmodeler.edit import operations as op
from procmodeler.io import native
from procmodeler.io.register import export_register, import_register, register_tables
from procmodeler.io.register.readable import (
    RACI_SHEET,
    REGISTER_SHEET,
    UNDECIDED,
    process_order,
    readable_sheet_names,
)
from procmodeler.io.register.spec import SPECS
from procmodeler.model import Architecture
from tests.io.test_cli_register import run

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "procmodeler" / "resources" / "examples"

SWEDISH_HEADINGS = [
    "Process", "Typ", "Ingår i", "Processägare", "Processägarens enhet", "Processledare",
    "Processledarens enhet", "Status", "Etableringsnivå", "Nästa översyn", "Kund", "Behov",
    "Resultat", "Syfte", "Objekt in", "Objekt ut", "Processens nyckeltal", "Id i registret",
]  # fmt: skip
ENGLISH_HEADINGS = [
    "Process", "Kind", "Part of", "Process owner", "Owner's unit", "Process leader",
    "Leader's unit", "Status", "Establishment level", "Next review", "Customer", "Need",
    "Result", "Purpose", "Objects in", "Objects out", "KPIs of the process",
    "Id in the register",
]  # fmt: skip


def example(name: str) -> Architecture:
    return native.load(EXAMPLES / f"{name}.procm")


@pytest.fixture(scope="module")
def swedish(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("sv") / "register.xlsx"
    export_register(example("municipality-sv"), path)
    return path


def values(ws: object) -> list[list[object]]:
    return [list(row) for row in ws.iter_rows(values_only=True)]  # type: ignore[attr-defined]


def test_the_swedish_workbook_opens_on_a_register_in_swedish(swedish: Path) -> None:
    arch = example("municipality-sv")
    book = openpyxl.load_workbook(swedish)
    # the sheets for people first, then the register's own sheets exactly as before
    assert book.sheetnames == ["Processregister", "RACI-matris", *register_tables(arch)]
    assert book.active.title == "Processregister"
    ws = book.worksheets[0]
    rows = values(ws)
    assert rows[0] == SWEDISH_HEADINGS
    assert len(rows) == 1 + len(arch.processes)
    assert ws.freeze_panes == "B2"
    assert ws.auto_filter.ref == f"A1:R{1 + len(arch.processes)}"
    assert ws["A1"].font.b and ws["A1"].alignment.wrap_text
    assert ws.column_dimensions["A"].width == 40 and ws.column_dimensions["N"].width == 44
    assert ws["N2"].alignment.wrap_text  # long texts wrap, and their rows are as high
    assert len(str(ws["N2"].value)) > 44 and ws.row_dimensions[2].height >= 2 * 15
    lists = {str(v.sqref): v.formula1 for v in ws.data_validations.dataValidation}
    last = 1 + len(arch.processes)
    assert lists == {
        f"B2:B{last}": '"Ledningsprocess,Huvudprocess,Stödprocess"',
        f"H2:H{last}": '"Utkast,Under granskning,Fastställd,Avvecklad"',
        f"I2:I{last}": '"Beskriven,Används,Mäts,Förbättras"',
    }
    assert all(v.type == "list" and v.showErrorMessage for v in ws.data_validations.dataValidation)


def test_the_register_sheet_names_people_and_units_not_ids(swedish: Path) -> None:
    arch = example("municipality-sv")
    rows = values(openpyxl.load_workbook(swedish).worksheets[0])[1:]
    people, units, processes = arch.people, arch.units, arch.processes
    assert [row[-1] for row in rows] == [processes[p].original_id or p for p in process_order(arch)]
    tr = translator("sv")
    for row, pid in zip(rows, process_order(arch), strict=True):
        p = processes[pid]
        owner = people.get(p.owner or "")
        leader = people.get(p.leader or "")
        assert row[0] == p.name
        assert row[1] == vocab.word(vocab.PROCESS_KIND, p.kind, tr)
        assert row[2] == (processes[p.parent].name if p.parent else None)
        assert row[3] == (owner.name if owner else None)
        assert row[4] == (units[owner.unit].name if owner and owner.unit else None)
        assert row[5] == (leader.name if leader else None)
        assert row[6] == (units[leader.unit].name if leader and leader.unit else None)
        assert row[7] == vocab.word(vocab.STATUS, p.status, tr)
        assert row[13] == (p.purpose or None)
    ids = set(arch.all_ids())
    assert not any(cell in ids for row in rows for cell in row[:-1])
    # sub-processes follow their parent, indented; the top level is in band order
    first = process_order(arch)
    assert [processes[p].kind for p in first if processes[p].parent is None] == sorted(
        (processes[p].kind for p in arch.top_level()), key=vocab.BAND_ORDER.index
    )
    book = openpyxl.load_workbook(swedish)
    child = next(i for i, p in enumerate(first) if processes[p].parent) + 2
    assert book.worksheets[0][f"A{child}"].alignment.indent > 0
    assert sum(1 for row in rows if row[9] is not None) >= 1  # next review: dates
    assert all(row[9] is None or hasattr(row[9], "year") for row in rows)


def test_the_raci_sheet_has_every_participation(swedish: Path) -> None:
    arch = example("municipality-sv")
    ws = openpyxl.load_workbook(swedish)["RACI-matris"]
    rows = values(ws)
    units = list(arch.walk_units())
    assert rows[0] == ["Process"] + [arch.units[u].name for u in units]
    order = process_order(arch)
    matrix = rows[1 : 1 + len(order)]
    assert [row[0] for row in matrix] == [arch.processes[p].name for p in order]
    seen = {}
    for pid, row in zip(order, matrix, strict=True):
        for uid, cell in zip(units, row[1:], strict=True):
            if cell is not None:
                seen[(pid, uid)] = "" if cell == UNDECIDED else cell
    assert seen == dict(arch.participation) and len(seen) == 72
    assert ws.freeze_panes == "B2" and ws["B1"].alignment.textRotation == 90
    legend = [row[0] for row in rows[1 + len(order) :] if row and row[0]]
    assert legend == [
        "Roller",
        "R = Utförare (gör arbetet)",
        "A = Ytterst ansvarig (svarar för resultatet)",
        "C = Rådfrågad (bidrar med underlag)",
        "I = Informerad (hålls informerad)",
        f"{UNDECIDED} = deltar; rollen är inte bestämd ännu",
    ]


def test_an_english_model_gets_english_sheets(tmp_path: Path) -> None:
    arch = example("manufacturing")
    path = tmp_path / "register.xlsx"
    export_register(arch, path)
    book = openpyxl.load_workbook(path)
    assert book.sheetnames[:3] == ["Process register", "RACI matrix", "processes"]
    assert values(book.worksheets[0])[0] == ENGLISH_HEADINGS
    raci = values(book["RACI matrix"])
    assert sum(1 for row in raci[1 : 1 + len(arch.processes)] for c in row[1:] if c) == len(
        arch.participation
    )
    assert "A = Accountable (answers for the result)" in [row[0] for row in raci]


def test_the_sheets_for_people_are_not_imported(swedish: Path, tmp_path: Path) -> None:
    """Editing them changes nothing: the import reads the register's sheets only, and
    skips these without a warning."""
    book = openpyxl.load_workbook(swedish)
    book["Processregister"]["A2"] = "Ett annat namn"
    book["RACI-matris"]["B2"] = "Q"
    path = tmp_path / "edited.xlsx"
    book.save(path)
    result = import_register(path)
    assert result.warnings == [] and result.notes == []
    assert native.dumps(result.arch) == native.dumps(example("municipality-sv"))


def test_another_sheet_is_still_warned_about(swedish: Path, tmp_path: Path) -> None:
    book = openpyxl.load_workbook(swedish)
    book.create_sheet("Anteckningar")
    path = tmp_path / "notes.xlsx"
    book.save(path)
    warnings = [w.text() for w in import_register(path).warnings]
    assert warnings == [f"{path}[Anteckningar]: is not a register sheet and is ignored"]


def test_sheet_names_are_valid_and_never_a_register_sheet() -> None:
    names = readable_sheet_names()
    assert names == {"process register", "raci matrix", "processregister", "raci-matris"}
    assert not names & set(SPECS)
    for lang in LANGUAGES:
        for msgid in (REGISTER_SHEET, RACI_SHEET):
            name = translator(lang)(msgid)
            assert len(name) <= 31 and not set(name) & set("[]:*?/\\")


def test_formula_like_names_stay_text(tmp_path: Path) -> None:
    ed = Editor()
    op.set_metadata(ed, name="T", language="sv")
    unit = op.add_unit(ed, "=Enhet", uid="U1")
    a = op.create_process(ed, "=SUM(A1)", "core", pid="A", purpose="+46 8 123\x01")
    op.set_participation(ed, a, unit, "")
    path = tmp_path / "r.xlsx"
    export_register(ed.arch, path)
    book = openpyxl.load_workbook(path)
    register, raci = book["Processregister"], book["RACI-matris"]
    assert register["A2"].value == "=SUM(A1)" and register["A2"].data_type == "s"
    assert register["A2"].quotePrefix and register["N2"].value == "+46 8 123"
    assert raci["B1"].value == "=Enhet" and raci["B1"].data_type == "s"
    assert raci["B2"].value == UNDECIDED


def test_an_empty_model_gives_headings_only(tmp_path: Path) -> None:
    path = tmp_path / "r.xlsx"
    export_register(Architecture(), path)
    book = openpyxl.load_workbook(path)
    assert values(book["Process register"]) == [ENGLISH_HEADINGS]
    assert values(book["RACI matrix"])[0] == ["Process"]
    assert import_register(path).arch.processes == {}


def test_diff_of_the_imported_workbook_against_the_model_finds_no_change(
    swedish: Path,
) -> None:
    """The bundled example was itself imported from its register, so the workbook's
    import is the same model, layout included: ``procmodeler diff`` says so."""
    proc = run("diff", EXAMPLES / "municipality-sv.procm", swedish)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stderr == ""
