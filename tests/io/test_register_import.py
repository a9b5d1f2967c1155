"""Register import (REGISTER.md): values, ids, every kind of error with its file, line and
column, and the warnings and notes."""

from __future__ import annotations

from pathlib import Path

import pytest

from procmodeler.common.errors import UserError
from procmodeler.io import native
from procmodeler.io.register import import_register, mapped_id, parse_number, protect, unprotect
from procmodeler.model import Kpi, Relation

PROCESSES = "id,name,kind\nP1,Sälja,core\nP2,Leverera,core\n"


def register(tmp_path: Path, **files: str | bytes) -> Path:
    folder = tmp_path / "reg"
    folder.mkdir(exist_ok=True)
    files.setdefault("processes", PROCESSES)
    for name, content in files.items():
        data = content.encode("utf-8") if isinstance(content, str) else content
        (folder / f"{name}.csv").write_bytes(data)
    return folder


def errors(tmp_path: Path, **files: str | bytes) -> list[str]:
    folder = register(tmp_path, **files)
    with pytest.raises(UserError) as info:
        import_register(folder)
    prefix = str(folder) + "/"
    return [line.replace(prefix, "") for line in info.value.lines()]


# ---------------------------------------------------------------------- values
def test_full_register(tmp_path: Path) -> None:
    folder = register(
        tmp_path,
        processes=(
            "ID,Name,Kind,Parent,Owner,Leader,Customer,Need,Result,Purpose\n"
            "L1,Leda,Ledning,,KL,,,,,\n"
            "H1,Bygglov,HUVUD,,KL,JE,Sökande,Bygga,Beslut,Pröva\n"
            "H1.1,Pröva,huvud,H1,,,,,,\n"
            "S1,Diarium,stöd,,,,,,,\n"
        ),
        units="id,name,parent,head\nSBF,Förvaltningen,,KL\nBYG,Bygglov,SBF,\n",
        people="id,name,unit,title\nKL,Karin,SBF,Chef\nJE,Johan,BYG,Handläggare\n",
        raci='process,unit,roles\nH1,BYG,"r, a"\nH1,SBF,\nL1,SBF,ai\n',
        relations="source,target,kind,object\nL1,H1,steering,Plan\nS1,H1,SUPPORT,\nH1.1,S1,flow,Beslut\n",
        kpis=(
            "process,name,kind,measure,direction,target,actual\n"
            'H1,Ledtid,lead_time,dagar,,28,"30,5"\n'
            "H1,NKI,customer_experience,index,,70,\n"
            "H1,Spridning,variation,dagar,higher,,\n"
            "H1,Stabilitet,stability,%,,,\n"
            "H1,Annat,other,,,-1.5e2,\n"
        ),
    )
    result = import_register(folder)
    assert result.warnings == [] and result.notes == []
    arch = result.arch
    assert arch.meta.name == "reg" and arch.meta.language == "en"
    assert [p.kind for p in arch.processes.values()] == ["management", "core", "core", "support"]
    h1 = arch.processes["H1"]
    assert (h1.owner, h1.leader, h1.customer, h1.need, h1.result, h1.purpose) == (
        "KL", "JE", "Sökande", "Bygga", "Beslut", "Pröva",
    )  # fmt: skip
    assert arch.processes["H1.1"].parent == "H1"
    assert arch.units["BYG"].parent == "SBF" and arch.units["SBF"].head == "KL"
    assert arch.people["JE"].title == "Handläggare"
    assert arch.participation == {("H1", "BYG"): "RA", ("H1", "SBF"): "", ("L1", "SBF"): "AI"}
    assert list(arch.relations.values()) == [
        Relation("rel_1", "L1", "H1", "steering", "Plan"),
        Relation("rel_2", "S1", "H1", "support", ""),
        Relation("rel_3", "H1.1", "S1", "flow", "Beslut"),
    ]
    kpis = list(arch.kpis.values())
    assert kpis[0] == Kpi("kpi_1", "H1", "Ledtid", "lead_time", "dagar", "lower", 28.0, 30.5)
    assert [k.direction for k in kpis] == ["lower", "higher", "higher", "higher", "higher"]
    assert kpis[1].actual is None and kpis[4].target == -150.0
    # every level is laid out
    assert set(arch.shapes[None]) == {"L1", "H1", "S1"} and set(arch.shapes["H1"]) == {"H1.1"}


def test_only_processes_is_required(tmp_path: Path) -> None:
    result = import_register(register(tmp_path))
    assert list(result.arch.processes) == ["P1", "P2"]
    assert not result.arch.units and not result.arch.relations


def test_bom_crlf_quotes_newlines_and_blank_lines(tmp_path: Path) -> None:
    text = (
        "\ufeffid,name,kind,purpose\r\n"
        "\r\n"
        'P1,"Sälja, köpa","core","Säga ""hej""\r\noch hejdå"\r\n'
        ",,,\r\n"
        "P2,  Leverera  ,core,\r\n"
    )
    arch = import_register(register(tmp_path, processes=text.encode("utf-8"))).arch
    assert arch.processes["P1"].name == "Sälja, köpa"
    assert arch.processes["P1"].purpose == 'Säga "hej"\noch hejdå'
    assert arch.processes["P2"].name == "Leverera"


def test_line_numbers_count_physical_lines(tmp_path: Path) -> None:
    text = 'id,name,kind\n\nP1,"a\nb\nc",core\nP2,x,kind?\n'
    assert errors(tmp_path, processes=text) == [
        "processes.csv:6: kind: 'kind?' is not allowed here; use one of: management, core, "
        "support, ledning, huvud, stöd"
    ]


def test_cells_are_normalised_to_nfc(tmp_path: Path) -> None:
    decomposed = "Mo\u0308te"  # o + combining diaeresis
    arch = import_register(
        register(tmp_path, processes=f"id,name,kind\nP1,{decomposed},core\n")
    ).arch
    assert arch.processes["P1"].name == "M\u00f6te"


def test_decimal_comma_and_numbers() -> None:
    assert parse_number("3,5") == 3.5
    assert parse_number("1 234,5") == 1234.5
    assert parse_number("−2") == -2.0
    assert parse_number("1e3") == 1000.0
    for bad in ("1,2,3", "1.234,5", "abc", "inf", "nan", "1_000", "5 %"):
        with pytest.raises(ValueError):
            parse_number(bad)


def test_architecture_file(tmp_path: Path) -> None:
    arch = import_register(
        register(
            tmp_path,
            architecture="property,value\nname,Min modell\nLanguage,SV\nauthor,Åsa\n",
        )
    ).arch
    assert (arch.meta.name, arch.meta.language, arch.meta.author) == ("Min modell", "sv", "Åsa")


def test_formula_protection_is_removed_on_import(tmp_path: Path) -> None:
    text = "id,name,kind,purpose\nP1,'=1+2,core,'-minus\nP2,''@x,core,'plain\n"
    arch = import_register(register(tmp_path, processes=text)).arch
    assert arch.processes["P1"].name == "=1+2"
    assert arch.processes["P1"].purpose == "-minus"
    assert arch.processes["P2"].name == "'@x"
    assert arch.processes["P2"].purpose == "'plain"


def test_protect_round_trips() -> None:
    for text in ("=SUM(A1)", "+46 8", "-x", "@me", "'=x", "''-y", "'plain", "plain", ""):
        assert unprotect(protect(text)) == text
    assert protect("=x") == "'=x" and protect("plain") == "plain"


# ---------------------------------------------------------------------- ids
def test_invalid_ids_are_mapped_with_notes(tmp_path: Path) -> None:
    folder = register(
        tmp_path,
        processes="id,name,kind,parent\n1.2,A,core,\n1 2,B,core,1.2\nid_1.2,C,core,\n",
        units="id,name\n9u,Enhet\n",
        raci="process,unit,roles\n1 2,9u,A\n",
    )
    result = import_register(folder)
    arch = result.arch
    assert list(arch.processes) == ["id_1.2_2", "id_1_2", "id_1.2"]
    assert arch.processes["id_1.2_2"].original_id == "1.2"
    assert arch.processes["id_1.2"].original_id is None
    assert arch.processes["id_1_2"].parent == "id_1.2_2"
    assert arch.units["id_9u"].original_id == "9u"
    assert arch.participation == {("id_1_2", "id_9u"): "A"}
    notes = [p.text() for p in result.notes]
    assert notes == [
        f"{folder}/processes.csv:2: id: '1.2' is not a valid id (an XML NCName); it becomes "
        "'id_1.2_2' and the original is kept for export",
        f"{folder}/processes.csv:3: id: '1 2' is not a valid id (an XML NCName); it becomes "
        "'id_1_2' and the original is kept for export",
        f"{folder}/units.csv:2: id: '9u' is not a valid id (an XML NCName); it becomes "
        "'id_9u' and the original is kept for export",
    ]
    assert result.warnings == []


def test_mapped_id() -> None:
    assert mapped_id("1.2.3", set()) == "id_1.2.3"
    assert mapped_id("a b/c", set()) == "id_a_b_c"
    assert mapped_id("1", {"id_1", "id_1_2"}) == "id_1_3"


def test_explicit_relation_and_kpi_ids(tmp_path: Path) -> None:
    arch = import_register(
        register(
            tmp_path,
            relations="id,source,target,kind\n,P1,P2,flow\nrel_1,P2,P1,flow\n",
            kpis="id,process,name,kind,target\nk9,P1,Ledtid,lead_time,1\n,P1,X,other,2\n",
        )
    ).arch
    assert list(arch.relations) == ["rel_2", "rel_1"]  # generated ids avoid given ones
    assert list(arch.kpis) == ["k9", "kpi_1"]


# ---------------------------------------------------------------------- errors
def test_missing_processes_file(tmp_path: Path) -> None:
    folder = tmp_path / "empty"
    folder.mkdir()
    with pytest.raises(UserError) as info:
        import_register(folder)
    assert info.value.lines() == [
        f"{folder}: has no processes.csv (the one file a register must have)"
    ]


def test_missing_required_column_and_cell(tmp_path: Path) -> None:
    assert errors(tmp_path, processes="id,name\nP1,A\n") == [
        "processes.csv:1: kind: the required column 'kind' is missing"
    ]
    assert errors(tmp_path, processes="id,name,kind\nP1,,core\n,B,core\n") == [
        "processes.csv:2: name: the required cell 'name' is empty",
        "processes.csv:3: id: the required cell 'id' is empty",
    ]


def test_semicolon_separated_file_gets_a_hint(tmp_path: Path) -> None:
    lines = errors(tmp_path, processes="id;name;kind\nP1;A;core\n")
    assert len(lines) == 3 and "separated by semicolons" in lines[0]


def test_empty_file(tmp_path: Path) -> None:
    assert errors(tmp_path, units="") == [
        "units.csv:1: is empty; the first row must name the columns (id, name)"
    ]


def test_unknown_kinds_and_letters(tmp_path: Path) -> None:
    lines = errors(
        tmp_path,
        units="id,name\nU1,Enhet\n",
        raci="process,unit,roles\nP1,U1,RX\n",
        relations="source,target,kind\nP1,P2,uses\n",
        kpis="process,name,kind,direction,target\nP1,A,speed,,\nP1,B,other,up,\nP1,C,other,,12 %\n",
    )
    assert lines == [
        "raci.csv:2: roles: 'X' is not a RACI letter; use R, A, C or I",
        "relations.csv:2: kind: 'uses' is not allowed here; use one of: flow, support, steering",
        "kpis.csv:2: kind: 'speed' is not allowed here; use one of: lead_time, variation, "
        "stability, customer_experience, other",
        "kpis.csv:3: direction: 'up' is not allowed here; use one of: lower, higher",
        "kpis.csv:4: target: '12 %' is not a number",
    ]


def test_references(tmp_path: Path) -> None:
    lines = errors(
        tmp_path,
        processes="id,name,kind,parent,owner\nP1,A,core,PX,U1\nP2,B,core,,nobody\n",
        units="id,name,head\nU1,Enhet,P1\n",
        people="id,name,unit\nPE,Per,P2\n",
        relations="source,target,kind\nP1,U1,flow\nP1,P1,flow\n",
    )
    assert lines == [
        "processes.csv:2: parent: there is no process 'PX'",
        "processes.csv:2: owner: 'U1' is a unit, not a person",
        "processes.csv:3: owner: there is no person 'nobody'",
        "units.csv:2: head: 'P1' is a process, not a person",
        "people.csv:2: unit: 'P2' is a process, not a unit",
        "relations.csv:2: target: 'U1' is a unit, not a process",
        "relations.csv:3: target: a process cannot be related to itself",
    ]


def test_reference_to_an_absent_file(tmp_path: Path) -> None:
    lines = errors(tmp_path, processes="id,name,kind,owner\nP1,A,core,KL\n")
    assert lines == [
        "processes.csv:2: owner: there is no person 'KL' (the register has no people file)"
    ]
    lines = errors(tmp_path, raci="process,unit,roles\nP1,U1,A\n")
    assert lines == ["raci.csv:2: unit: there is no unit 'U1' (the register has no units file)"]


def test_duplicate_ids_in_one_file_and_across_files(tmp_path: Path) -> None:
    lines = errors(
        tmp_path,
        processes="id,name,kind\nP1,A,core\nP1,B,core\nX,C,core\n",
        units="id,name\nX,Enhet\n",
    )
    assert lines == [
        "processes.csv:3: id: the id 'P1' is already used at processes.csv:2",
        "processes.csv:4: id: the id 'X' is already used at units.csv:2",
    ]


def test_parent_cycles(tmp_path: Path) -> None:
    lines = errors(
        tmp_path,
        processes="id,name,kind,parent\nA,a,core,C\nB,b,core,A\nC,c,core,B\nD,d,core,D\n",
        units="id,name,parent\nU1,u,U2\nU2,v,U1\n",
    )
    assert lines == [
        "processes.csv:2: parent: the parents of processes form a cycle: A → C → B → A",
        "processes.csv:5: parent: the parents of processes form a cycle: D → D",
        "units.csv:2: parent: the parents of units form a cycle: U1 → U2 → U1",
    ]


def test_not_utf8_says_how_to_fix(tmp_path: Path) -> None:
    data = "id,name,kind\nP1,Sälja,core\n".encode("cp1252")
    (line,) = errors(tmp_path, processes=data)
    assert line.startswith("processes.csv:2: is not UTF-8 text (byte 0xE4 cannot be read)")
    assert "CSV UTF-8" in line and "Windows-1252" in line


def test_overlong_cell_or_unclosed_quote(tmp_path: Path) -> None:
    text = 'id,name,kind,purpose\nP1,A,core,x\nP2,B,core,"' + "y" * 200_000 + "\n"
    assert errors(tmp_path, processes=text) == [
        "processes.csv:3: has a cell longer than 131072 characters (is a quotation mark not "
        "closed?)"
    ]


def test_at_most_50_problems_then_a_count(tmp_path: Path) -> None:
    rows = "".join(f"P{i},n,bad\n" for i in range(70))
    lines = errors(tmp_path, processes="id,name,kind\n" + rows)
    assert len(lines) == 51
    assert lines[0].startswith("processes.csv:2: kind:") and lines[49].startswith(
        "processes.csv:51:"
    )
    assert lines[-1] == "... and 20 more problems"


def test_nothing_is_written_on_error(tmp_path: Path) -> None:
    # the library raises before building; the CLI test checks no output file appears
    with pytest.raises(UserError):
        import_register(register(tmp_path, processes="id,name,kind\nP1,A,nope\n"))


# ---------------------------------------------------------------------- warnings
def test_duplicate_raci_rows_are_merged_with_a_warning(tmp_path: Path) -> None:
    result = import_register(
        register(tmp_path, units="id,name\nU1,E\n", raci="process,unit,roles\nP1,U1,R\nP1,U1,a\n")
    )
    assert result.arch.participation == {("P1", "U1"): "RA"}
    (warning,) = [w.text() for w in result.warnings]
    assert warning.endswith(
        "raci.csv:3: roles: the unit 'U1' already takes part in 'P1' (line 2); the letters "
        "are merged into 'RA'"
    )


def test_unknown_columns_files_and_extra_cells_warn(tmp_path: Path) -> None:
    folder = register(
        tmp_path,
        processes="id,name,kind,Colour\nP1,A,core,red\nP2,B,core,,extra\n",
        notes="a,b\n",
        architecture="property,value\nname,X\nfavourite,blue\n",
    )
    (folder / "README.md").write_text("not a csv", encoding="utf-8")
    result = import_register(folder)
    texts = [w.text().replace(f"{folder}/", "") for w in result.warnings]
    assert texts == [
        "processes.csv:1: Colour: unknown column 'Colour' is ignored",
        "processes.csv:3: has more cells than the header row; the extra ones are ignored",
        "architecture.csv:3: property: unknown property 'favourite' is ignored",
        "notes.csv: is not a register file and is ignored",
    ]


def test_import_is_deterministic(tmp_path: Path) -> None:
    folder = register(tmp_path, relations="source,target,kind\nP1,P2,flow\n")
    first = native.dumps(import_register(folder).arch)
    second = native.dumps(import_register(folder).arch)
    assert first == second


def test_path_that_is_neither_folder_nor_workbook(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="does not exist"):
        import_register(tmp_path / "nope")
    text = tmp_path / "file.txt"
    text.write_text("x", encoding="utf-8")
    with pytest.raises(UserError, match="neither a folder of CSV files nor an .xlsx"):
        import_register(text)
