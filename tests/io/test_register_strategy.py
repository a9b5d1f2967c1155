"""objectives.csv, contributions.csv, improvements.csv and the strategy columns of
processes.csv and kpis.csv (REGISTER.md version 2): a model's strategy survives export
and import (CSV folder and workbook), Swedish words are read, and bad cells are refused
one line each with file, line and column, exit 2, nothing written."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from procmodeler.common.errors import UserError
from procmodeler.edit import Editor
from procmodeler.edit import operations as op
from procmodeler.io.register import export_register, import_register
from procmodeler.model import Architecture

ROOT = Path(__file__).resolve().parents[2]


def strategic() -> Architecture:
    ed = Editor()
    op.add_unit(ed, "Socialtjänsten", uid="U1")
    op.add_person(ed, "Anna Berg", unit="U1", person_id="P1")
    op.create_process(ed, "Ge stöd", pid="A", owner="P1")
    op.create_process(ed, "Utreda", parent="A", pid="A1")
    op.create_process(ed, "Betala ut", pid="B")
    op.add_kpi(ed, "A", "Ledtid", "lead_time", kid="K1", target=28)
    goal = op.add_objective(ed, "Trygg uppväxt", owner="P1", horizon="2027", oid="G1")
    sub = op.add_objective(ed, "Tidigt stöd", parent=goal, description="Inom en vecka", oid="G2")
    op.set_contribution(ed, sub, "A", 'Utreder "snabbt", enkelt')
    op.set_contribution(ed, goal, "B")
    op.set_kpi_objective(ed, "K1", sub)
    op.add_improvement(
        ed, "A1", "E-tjänst", iid="I1", status="ongoing", responsible="P1", kpi="K1",
        started="2026-01-10", due="2026-05-31", description="Rad ett\nrad två",
    )  # fmt: skip
    op.add_improvement(ed, "B", "Idé", iid="I2")
    op.add_improvement(ed, "B", "Klar", iid="I3", status="done", done="2026-02-01")
    op.set_established(ed, "A", "measured")
    op.set_next_review(ed, "A", "2026-03-31")
    op.set_established(ed, "B", "in_use")
    return ed.arch


def strategy_of(arch: Architecture) -> tuple[object, ...]:
    return (
        arch.objectives,
        arch.contributions,
        arch.improvements,
        {k: v.objective for k, v in arch.kpis.items()},
        {p: (v.established, v.next_review) for p, v in arch.processes.items()},
    )


@pytest.mark.parametrize("name", ["reg", "reg.xlsx"])
def test_strategy_survives_a_register_round_trip(tmp_path: Path, name: str) -> None:
    arch = strategic()
    export_register(arch, tmp_path / name)
    back = import_register(tmp_path / name)
    assert back.warnings == [] and back.notes == []
    assert strategy_of(back.arch) == strategy_of(arch)
    assert list(back.arch.objectives) == ["G1", "G2"]


def write(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


BASE = {
    "processes.csv": "id,name,kind,established,next_review\nA,Ge stöd,huvud,Används,2026-06-01\n",
    "kpis.csv": "id,process,name,kind,objective\nK1,A,Ledtid,lead_time,G1\n",
    "objectives.csv": "id,name,parent\nG1,Trygg uppväxt,\nG2,Tidigt stöd,G1\n",
    "contributions.csv": "objective,process,note\nG2,A,\n",
    "improvements.csv": "id,process,title,status,due\nI1,A,E-tjänst,Pågående,2026-05-31\n"
    "I2,A,Ny idé,,\nI3,A,Stopp,AVBRUTEN,\n",
}


def test_swedish_words_are_read(tmp_path: Path) -> None:
    arch = import_register(write(tmp_path / "reg", BASE)).arch
    assert arch.processes["A"].established == "in_use"
    assert [i.status for i in arch.improvements.values()] == ["ongoing", "idea", "dropped"]
    assert arch.kpis["K1"].objective == "G1" and arch.contributions == {("G2", "A"): ""}


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT), PROCMODELER_LANG="en")
    return subprocess.run(
        [sys.executable, "-m", "procmodeler", *map(str, args)],
        cwd=ROOT, env=env, capture_output=True, text=True, encoding="utf-8", timeout=120,
        check=False,
    )  # fmt: skip


def test_bad_status_unknown_objective_and_bad_dates_one_line_each(tmp_path: Path) -> None:
    files = dict(BASE)
    files["improvements.csv"] = (
        "id,process,title,status,due\nI1,A,E-tjänst,finished,2026-05-31\nI2,A,Idé,,31/5/2026\n"
    )
    files["kpis.csv"] = "id,process,name,kind,objective\nK1,A,Ledtid,lead_time,G9\n"
    files["processes.csv"] = "id,name,kind,next_review\nA,Ge stöd,core,2026-02-30\n"
    folder = write(tmp_path / "reg", files)
    out = tmp_path / "m.procm"
    proc = run("import-register", folder, "-o", out)
    assert proc.returncode == 2 and not out.exists() and "Traceback" not in proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 4, lines
    assert any("improvements.csv:2: status" in line and "finished" in line for line in lines)
    assert any("improvements.csv:3: due" in line and "31/5/2026" in line for line in lines)
    assert any("kpis.csv:2: objective" in line and "G9" in line for line in lines)
    assert any("processes.csv:2: next_review" in line and "2026-02-30" in line for line in lines)


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("contributions.csv", "objective,process\nG9,A\n", "contributions.csv:2: objective"),
        ("contributions.csv", "objective,process\nG2,A\nG2,A\n", "contributions.csv:3: process"),
        ("objectives.csv", "id,name,parent\nG1,Ett,G2\nG2,Två,G1\n", "objectives.csv:2: parent"),
        ("objectives.csv", "id,name\nA,Dubbel\n", "objectives.csv:2: id"),
        ("improvements.csv", "id,process,title,kpi\nI1,A,X,K9\n", "improvements.csv:2: kpi"),
        ("improvements.csv", "id,process,title\nI1,Z,X\n", "improvements.csv:2: process"),
        ("processes.csv", "id,name,kind,established\nA,A,core,ja\n", "processes.csv:2: estab"),
    ],
)
def test_other_bad_rows_name_file_line_and_column(
    tmp_path: Path, name: str, text: str, expected: str
) -> None:
    files = {**BASE, name: text}
    with pytest.raises(UserError) as info:
        import_register(write(tmp_path / "reg", files))
    assert any(expected in line for line in info.value.lines()), info.value.lines()
