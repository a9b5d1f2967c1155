"""A usual register table is read and built at once (io/register/csvreader's
``_read_at_once``, io/register/atonce.py); anything else row by row. Both ways must give
the same outcome: the same model, warnings and notes, or the same errors. Checked on the
bundled example registers, on a large generated one, and on random small registers with
every kind of irregularity the fast way must leave to the row-by-row way."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from procmodeler.common.errors import UserError
from procmodeler.common.paths import resources_dir
from procmodeler.io import native
from procmodeler.io.register import csvreader, import_register
from procmodeler.io.register.tables import _Collector
from tests.registers import write_large_register

EXAMPLES = resources_dir() / "examples"


def outcome(folder: Path, at_once: bool, monkeypatch: pytest.MonkeyPatch) -> tuple[Any, ...]:
    """What importing *folder* gives: the model file's text, warnings and notes, or the
    errors."""
    monkeypatch.setattr(csvreader, "AT_ONCE", at_once)
    try:
        result = import_register(folder, with_layout=False)
    except UserError as exc:
        return ("errors", exc.lines(limit=10_000))
    return (
        "model",
        native.dumps(result.arch),
        [p.text() for p in result.warnings],
        [p.text() for p in result.notes],
    )


def read_at_once(folder: Path) -> set[str]:
    """The names of the tables of *folder* that are read at once."""
    tables = csvreader._read_folder(folder, _Collector())
    return {name for name, table in tables.items() if table.columns is not None}


def same_both_ways(folder: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Any, ...]:
    fast = outcome(folder, True, monkeypatch)
    slow = outcome(folder, False, monkeypatch)
    assert fast == slow
    return fast


@pytest.mark.parametrize("name", ["manufacturing", "municipality-sv"])
def test_example_registers_read_at_once_give_the_same_model(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = EXAMPLES / name
    assert "processes" in read_at_once(folder)
    result = same_both_ways(folder, monkeypatch)
    assert result[0] == "model"


def test_a_large_usual_register_is_read_at_once_and_gives_the_same_model(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "reg"
    write_large_register(folder, 600)
    assert read_at_once(folder) == {"units", "people", "processes", "raci", "relations", "kpis"}
    result = same_both_ways(folder, monkeypatch)
    assert result[0] == "model"
    assert result[3]  # the notes on the numbered ids
    model = native.loads(result[1], "reg.procm")
    assert len(model.processes) == 600 and len(model.relations) > 500 and len(model.kpis) == 300


# ---------------------------------------------------------------------- random registers
#: Cells that the fast way must leave to the row-by-row way, or read as it does.
ODD_CELLS = ["", " x ", "'=1", "e\u0301", "a\nb", "a,b", "P1", "U1", "E1", "3", "bad"]
ODD_CELLS += ["-1", "1 000", "1e999", "9" * 400, "1.2.3", "Draft", "mäts", "2027-02-30"]


@st.composite
def registers(draw: st.DrawFn) -> dict[str, str]:
    """A small valid register (numbered, spaced and plain ids, English and Swedish
    words), then none, one or two damages: a cell, a row or the header changed, a row
    written twice or left blank; and its text written with any line ending."""
    pick, some = st.sampled_from, st.integers

    def choose(options: list[str]) -> str:
        return draw(pick(options))

    pids = draw(st.lists(pick(["P1", "P2", "3", "P 4", "p5"]), min_size=1, max_size=4, unique=True))
    uids = draw(st.lists(pick(["U1", "U 2", "U3"]), max_size=3, unique=True))
    eids = draw(st.lists(pick(["E1", "E2"]), max_size=2, unique=True))
    processes = [
        [pid, choose(["Sälja", "Leverera, snabbt"]), choose(["core", "Huvud", "stöd", "ledning"])]
        + [choose(["", *pids[:i]]), choose(["", *eids]), choose(["", "approved", "Draft"])]
        + [choose(["", "mäts", "in_use"]), choose(["", "2027-01-31"]), choose(["", "a; b"])]
        for i, pid in enumerate(pids)
    ]
    units = [[uid, "Enhet", choose(["", *uids[:i]])] for i, uid in enumerate(uids)]
    people = [[eid, "Ann", choose(["", *uids])] for eid in eids]
    pairs = draw(st.lists(st.tuples(pick(pids), pick(uids)), unique=True)) if uids else []
    raci = [[p, u, choose(["R", "ar", "r, a", "", "C"])] for p, u in pairs]
    links = [(s, t) for s in pids for t in pids if s != t]
    with_ids = draw(st.booleans())
    relations = [
        [s, t, choose(["flow", "Steering", "support"]), choose(["", "Plan", "Beslut, slut"])]
        + ([choose(["", f"R{i}", f"{i}9"])] if with_ids else [])
        for i, (s, t) in enumerate(draw(st.lists(pick(links), max_size=4)) if links else [])
    ]
    kpis = [
        [choose(pids), "Ledtid", choose(["lead_time", "Variation"]), choose(["", "lower"])]
        + [choose(["", "3,5", "12", "1 000"]), choose(["", "0", "2,25"])]
        for _ in range(draw(some(0, 3)))
    ]
    tables: dict[str, list[list[str]]] = {
        "processes": [
            ["id", "name", "kind", "parent", "owner", "status", "established", "next_review"]
            + ["objects_in"],
            *processes,
        ],
        "units": [["id", "name", "parent"], *units],
        "people": [["id", "name", "unit"], *people],
        "raci": [["process", "unit", "roles"], *raci],
        "relations": [
            ["source", "target", "kind", "object"] + (["id"] if with_ids else []),
            *relations,
        ],
        "kpis": [["process", "name", "kind", "direction", "target", "actual"], *kpis],
    }
    for _ in range(draw(some(0, 2))):
        target = tables[draw(pick(sorted(tables)))]
        row = target[draw(some(0, len(target) - 1))]
        damage = draw(
            pick(["cell", "id", "id", "short", "long", "blank", "twice", "unknown", "again"])
        )
        if damage == "cell":
            row[draw(some(0, len(row) - 1))] = draw(pick(ODD_CELLS))
        elif damage == "id":  # an id of another kind, or none
            row[draw(some(0, len(row) - 1))] = draw(pick([*pids, *uids, *eids, "X9"]))
        elif damage == "short":
            del row[-1]
        elif damage == "long":
            row.append(draw(pick(ODD_CELLS)))
        elif damage == "blank":
            target.insert(draw(some(1, len(target))), [""] * len(target[0]))
        elif damage == "twice":  # a column named twice
            target[0][-1] = target[0][0]
        elif damage == "unknown":
            target[0][-1] = "colour"
        else:  # a row written again
            target.append(list(row))
    ending = draw(pick(["\n", "\n", "\n", "\r\n", "\r"]))
    texts = {}
    for table, table_rows in tables.items():
        out = io.StringIO()
        csv.writer(out, lineterminator=ending).writerows(table_rows)
        texts[table] = out.getvalue() + draw(pick(["", "", "", ending, "  "]))
    return texts


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(files=registers())
def test_any_register_gives_the_same_outcome_read_at_once_or_row_by_row(
    files: dict[str, str], tmp_path_factory: pytest.TempPathFactory
) -> None:
    folder = tmp_path_factory.mktemp("reg")
    for name, text in files.items():
        (folder / f"{name}.csv").write_bytes(text.encode("utf-8"))
    with pytest.MonkeyPatch.context() as monkeypatch:
        same_both_ways(folder, monkeypatch)


def test_the_random_registers_reach_the_fast_way(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The property above compares something: a plain register of its kind is read and
    built at once (the fast way does not give up on every file)."""
    folder = tmp_path / "reg"
    folder.mkdir()
    (folder / "processes.csv").write_text(
        "id,name,kind,parent\nP1,Sälja,core,\n3,Leverera,Huvud,P1\n"
    )
    (folder / "units.csv").write_text("id,name,parent\nU1,Enhet,\n")
    (folder / "raci.csv").write_text("process,unit,roles\nP1,U1,ar\n3,U1,R\n")
    (folder / "relations.csv").write_text("source,target,kind,object\nP1,3,Steering,Plan\n")
    (folder / "kpis.csv").write_text(
        'process,name,kind,direction,target,actual\n3,Ledtid,lead_time,,"3,5",12\n'
    )
    assert read_at_once(folder) == {"processes", "units", "raci", "relations", "kpis"}
    result = same_both_ways(folder, monkeypatch)
    assert result[0] == "model"
    model = native.loads(result[1], "reg.procm")
    assert model.processes["id_3"].parent == "P1"
    assert model.participation[("P1", "U1")] == "RA"
    assert [(r.source, r.target, r.kind) for r in model.relations.values()] == [
        ("P1", "id_3", "steering")
    ]
    assert [(k.process, k.target, k.actual, k.direction) for k in model.kpis.values()] == [
        ("id_3", 3.5, 12.0, "lower")
    ]


PLAIN = {
    "processes": "id,name,kind,parent,owner,status,next_review\nP1,Sälja,core,,E1,,\n3,Leverera,Huvud,P1,,approved,2027-01-31\n",
    "units": "id,name,parent\nU1,Enhet,\n",
    "people": "id,name,unit\nE1,Ann,U1\n",
    "raci": "process,unit,roles\nP1,U1,ar\n3,U1,R\n",
    "relations": "source,target,kind,object\nP1,3,Steering,Plan\n",
    "kpis": 'process,name,kind,direction,target,actual\n3,Ledtid,lead_time,,"3,5",12\n',
}
#: One change of the plain register above for each way a table can be irregular:
#: (table, text replaced, replacement).
IRREGULAR = {
    "unit pair twice": ("raci", "3,U1,R\n", "3,U1,R\nP1,U1,C\n"),
    "a person as parent": ("processes", "Huvud,P1,", "Huvud,E1,"),
    "a unit as owner": ("processes", "core,,E1", "core,,U1"),
    "a process as unit": ("raci", "3,U1", "3,P1"),
    "no such process": ("relations", "P1,3", "P1,X9"),
    "a process id twice": ("processes", "3,Leverera", "P1,Leverera"),
    "a unit id of a process": ("units", "U1,Enhet", "3,Enhet"),
    "an apostrophe": ("relations", "Plan", "'=1"),
    "a blank row": ("raci", "3,U1,R\n", ",,\n3,U1,R\n"),
    "a short row": ("relations", "Steering,Plan", "Steering"),
    "a long row": ("units", "Enhet,\n", "Enhet,,x\n"),
    "a line break in a cell": ("processes", "Sälja", '"Sä\nlja"'),
    "a carriage return in a cell": ("processes", "Sälja", '"Sä\rlja"'),
    "not NFC": ("processes", "Sälja", "Sa\u0308lja"),
    "an unknown column": ("units", "id,name,parent", "id,name,colour"),
    "a column twice": ("units", "id,name,parent", "id,name,name"),
    "no required column": ("units", "id,name,parent", "id,title,parent"),
    "an empty name": ("processes", "P1,Sälja", "P1,"),
    "a kind that is none": ("processes", "core", "kärna"),
    "a status that is none": ("processes", "approved", "klar"),
    "a date that is none": ("processes", "2027-01-31", "2027-02-30"),
    "a letter that is none": ("raci", "ar", "ax"),
    "a relation kind that is none": ("relations", "Steering", "styrning"),
    "a direction that is none": ("kpis", "lead_time,,", "lead_time,up,"),
    "a number that is none": ("kpis", '"3,5"', "3.5.1"),
    "a number too large": ("kpis", '"3,5"', "9" * 400),
    "a negative number": ("kpis", '"3,5"', "-1"),
    "a number with spaces": ("kpis", '"3,5"', '"1 000,5"'),
    "a relation id of a process": (
        "relations",
        "object\nP1,3,Steering,Plan",
        "object,id\nP1,3,Steering,Plan,P1",
    ),
    "an unknown objective": (
        "kpis",
        'actual\n3,Ledtid,lead_time,,"3,5",12',
        'actual,objective\n3,Ledtid,lead_time,,"3,5",12,O1',
    ),
    "a cycle of parents": ("processes", "P1,Sälja,core,,", "P1,Sälja,core,3,"),
    "Windows line ends": ("units", "\n", "\r\n"),
    "a header row only": ("relations", "\nP1,3,Steering,Plan\n", "\n"),
}


@pytest.mark.parametrize("case", sorted(IRREGULAR))
def test_an_irregular_table_gives_the_same_outcome_both_ways(
    case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    table, old, new = IRREGULAR[case]
    files = dict(PLAIN)
    assert old in files[table]
    files[table] = files[table].replace(old, new)
    folder = tmp_path / "reg"
    folder.mkdir()
    for name, text in files.items():
        (folder / f"{name}.csv").write_bytes(text.encode("utf-8"))
    same_both_ways(folder, monkeypatch)


def test_the_plain_register_of_the_irregular_cases_is_built_at_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "reg"
    folder.mkdir()
    for name, text in PLAIN.items():
        (folder / f"{name}.csv").write_text(text, encoding="utf-8")
    assert read_at_once(folder) == set(PLAIN)
    assert same_both_ways(folder, monkeypatch)[0] == "model"
