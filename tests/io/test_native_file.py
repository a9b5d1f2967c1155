"""The native .procm file: deterministic bytes, lossless round trips, upgrades, refusing
newer versions, and clear errors for damaged or wrongly typed files."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from procmodeler.common.errors import UserError
from procmodeler.edit import Editor
from procmodeler.edit import operations as op
from procmodeler.io import native
from procmodeler.model import Architecture, Bounds, DiagramOptions, Kpi, Origin, Process

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "procmodeler" / "resources" / "examples"


def sample() -> Architecture:
    ed = Editor()
    op.set_metadata(ed, name="Modell", organisation="Org", language="sv", author="Åsa")
    top = op.add_unit(ed, "Förvaltning", uid="U1")
    sub = op.add_unit(ed, "Enhet", parent=top, uid="U2")
    boss = op.add_person(ed, "Karin", unit=top, title="Chef", person_id="P1")
    op.set_unit_head(ed, top, boss)
    a = op.create_process(ed, "Planera", "management", pid="A")
    b = op.create_process(ed, 'Leverera "allt"', "core", pid="B", customer="Kund")
    c = op.create_process(ed, "Del", "core", parent=b, pid="C")
    op.set_process_fields(ed, b, objects_in=["In 1", "In 2"], status="approved")
    op.set_owner(ed, b, boss)
    op.move_shapes(ed, None, [b], 0.1, 0.2)  # before the line: a move re-routes it
    op.connect(ed, a, b, "steering", "Plan", waypoints={None: [(10.25, 20), (30, 40.5)]})
    op.connect(ed, b, c, "flow")
    op.set_participation(ed, b, top, "a")
    op.set_participation(ed, b, sub, "")
    op.add_kpi(ed, b, "Ledtid", "lead_time", measure="dagar", target=28, actual=30.5)
    op.add_kpi(ed, b, "Övrigt", "other")
    op.add_kpi(ed, b, "Noll", "variation", target=0, actual=-0.5)
    op.set_rule(ed, "orphan.isolated", "off")
    op.suppress_finding(ed, "kpi.no-target", [b], "Mäts inte än")
    op.set_diagram_options(ed, None, True, [sub, top])
    return ed.arch


def test_dumps_is_deterministic_and_lossless() -> None:
    arch = sample()
    text = native.dumps(arch)
    assert text == native.dumps(sample())
    assert text.endswith("}\n") and "\r" not in text
    assert "Åsa" in text and "\\u" not in text  # characters are not escaped
    again = native.loads(text)
    assert again.snapshot() == arch.snapshot()
    assert native.dumps(again) == text


def test_keys_in_documented_order_and_defaults_omitted() -> None:
    doc = json.loads(native.dumps(sample()))
    assert list(doc) == [key for key in native.TOP_KEYS if key not in ("repository", "conflicts")]
    assert doc["format_version"] == native.FORMAT_VERSION == 4
    assert list(doc["meta"]) == list(native.META_KEYS[:5])  # no document control unset
    first = doc["processes"][0]
    assert list(first) == ["id", "name", "kind"]  # no empty fields, no default status
    second = doc["processes"][1]
    assert second["status"] == "approved" and second["objects_in"] == ["In 1", "In 2"]
    kpi = doc["kpis"][0]
    assert kpi["target"] == 28 and isinstance(kpi["target"], int)  # integral float as int
    assert "target" not in doc["kpis"][1]


def test_indentation_and_one_line_records() -> None:
    text = native.dumps(sample())
    lines = text.splitlines()
    assert lines[0] == "{" and lines[1] == '  "format_version": 4,'
    relation_lines = [line for line in lines if '"source": ' in line]
    assert len(relation_lines) == 2  # one line per relation
    assert relation_lines[0].startswith("    {") and relation_lines[0].endswith("},")
    assert any('"points": [[10.25, 20], [30, 40.5]]' in line for line in lines)


def test_canonical_numbers() -> None:
    assert native._number(40.0) == "40"
    assert native._number(-0.0) == "0"
    assert native._number(0.1 + 0.2) == "0.30000000000000004"
    assert native._number(1e20) == "1e+20"
    assert native._number(7) == "7"
    with pytest.raises(ValueError):
        native._number(float("nan"))


def test_geometry_floats_survive(tmp_path: Path) -> None:
    ed = Editor(sample())
    op.move_shapes(ed, None, ["B"], 1 / 3, 2 / 3)
    arch = ed.arch
    bounds = arch.shapes[None]["B"]
    assert bounds.x != round(bounds.x, 2)  # not rounded on save
    path = tmp_path / "m.procm"
    native.save(arch, path)
    assert native.load(path).shapes[None]["B"] == bounds


@pytest.mark.parametrize("name", ["municipality-sv", "manufacturing"])
def test_examples_open_and_save_byte_identical(name: str, tmp_path: Path) -> None:
    source = EXAMPLES / f"{name}.procm"
    arch = native.load(source)
    out = tmp_path / "copy.procm"
    native.save(arch, out)
    assert out.read_bytes() == source.read_bytes()
    native.save(native.load(out), out)
    assert out.read_bytes() == source.read_bytes()


def test_save_is_atomic_and_leaves_no_temporary_files(tmp_path: Path) -> None:
    path = tmp_path / "m.procm"
    path.write_text("old", encoding="utf-8")
    native.save(sample(), path)
    assert native.load(path) == sample()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.procm"]


def test_failed_save_keeps_the_old_file(tmp_path: Path) -> None:
    path = tmp_path / "m.procm"
    native.save(sample(), path)
    before = path.read_bytes()
    arch = sample()
    arch.put("kpis", "bad", Kpi("bad", "B", "NaN", target=float("nan")))
    with pytest.raises(ValueError):
        native.save(arch, path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.procm"]


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs a non-root POSIX user")
def test_save_into_read_only_folder_is_a_user_error(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(UserError, match="cannot be written"):
            native.save(sample(), folder / "m.procm")
    finally:
        folder.chmod(0o700)


def test_save_into_missing_folder_is_a_user_error(tmp_path: Path) -> None:
    with pytest.raises(UserError) as info:
        native.save(sample(), tmp_path / "missing" / "m.procm")
    assert "does not exist" in info.value.lines()[0]


# ---------------------------------------------------------------------- versions
def test_newer_format_version_is_refused_naming_both(tmp_path: Path) -> None:
    doc = json.loads(native.dumps(sample()))
    doc["format_version"] = 7
    path = tmp_path / "new.procm"
    path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(UserError) as info:
        native.load(path)
    (line,) = info.value.lines()
    assert str(path) in line and "version 7" in line and "version 4 and older" in line


def test_missing_or_bad_format_version() -> None:
    with pytest.raises(UserError, match="no format_version"):
        native.loads('{"meta": {}}', "x.procm")
    with pytest.raises(UserError, match="format_version: should be a whole number"):
        native.loads('{"format_version": "1"}', "x.procm")
    with pytest.raises(UserError, match="format_version: should be a whole number"):
        native.loads('{"format_version": 0}', "x.procm")


def test_upgrade_steps_run_in_order(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []

    def step(n: int):  # noqa: ANN202
        def upgrade(doc: dict) -> dict:  # type: ignore[type-arg]
            calls.append(n)
            doc = dict(doc)
            doc.setdefault("meta", {})["author"] = doc.get("meta", {}).get("author", "") + str(n)
            return doc

        return upgrade

    monkeypatch.setattr(native.upgrades, "FORMAT_VERSION", 3)
    monkeypatch.setattr(native.upgrades, "UPGRADES", {1: step(1), 2: step(2)})
    doc = native.upgrade({"format_version": 1, "meta": {"author": "x"}})
    assert calls == [1, 2]
    assert doc["format_version"] == 3 and doc["meta"]["author"] == "x12"


def test_minimal_document_loads() -> None:
    arch = native.loads('{"format_version": 1}')
    assert arch == Architecture()


# ---------------------------------------------------------------------- damaged files
def problems_of(text: str) -> list[str]:
    with pytest.raises(UserError) as info:
        native.loads(text, "m.procm")
    return info.value.lines()


def test_truncated_file_names_file_line_and_column(tmp_path: Path) -> None:
    text = native.dumps(sample())
    path = tmp_path / "m.procm"
    path.write_text(text[: len(text) // 2], encoding="utf-8")
    before = path.read_bytes()
    with pytest.raises(UserError) as info:
        native.load(path)
    (line,) = info.value.lines()
    assert line.startswith(f"{path}:") and "not valid JSON" in line and "truncated" in line
    assert path.read_bytes() == before


def test_empty_binary_and_non_object_files(tmp_path: Path) -> None:
    assert "is empty" in problems_of("  \n")[0]
    assert "no JSON object" in problems_of("[1, 2]")[0]
    path = tmp_path / "bin.procm"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\xff\xfe")
    with pytest.raises(UserError, match="not UTF-8"):
        native.load(path)
    assert "not a number" in problems_of('{"format_version": 1, "rules": NaN}')[0]


def test_folder_missing_and_too_large(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(UserError, match="is a folder"):
        native.load(tmp_path)
    with pytest.raises(UserError, match="cannot be read"):
        native.load(tmp_path / "nope.procm")
    path = tmp_path / "big.procm"
    path.write_text(native.dumps(sample()), encoding="utf-8")
    monkeypatch.setattr(native.reader, "MAX_FILE_SIZE", 100)
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("read a too large file"))
    with pytest.raises(UserError, match="too large"):
        native.load(path)


def with_change(change) -> str:  # noqa: ANN001
    doc = json.loads(native.dumps(sample()))
    change(doc)
    return json.dumps(doc, ensure_ascii=False)


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            lambda d: d["processes"][1].update(kind="main"),
            "processes[1].kind: 'main' is not one of",
        ),
        (lambda d: d["processes"][1].update(name=5), "processes[1].name: should be a text"),
        (lambda d: d["processes"][1].pop("name"), "processes[1]: the field 'name' is missing"),
        (lambda d: d["processes"][1].update(colour="red"), "processes[1]: has an unknown field"),
        (
            lambda d: d["processes"][2].update(parent="Z"),
            "processes[2].parent: there is no process 'Z'",
        ),
        (
            lambda d: d["processes"][1].update(owner="U1"),
            "processes[1].owner: there is no person 'U1'",
        ),
        (lambda d: d["processes"][0].update(id="1a"), "processes[0].id: '1a' is not a valid id"),
        (
            lambda d: d["processes"][0].update(id="U1"),
            "processes[0].id: the id 'U1' is already used at units[0]",
        ),
        (
            lambda d: d["processes"][1].update(parent="C"),
            "the process 'B' is its own ancestor (B → C → B)",
        ),
        (lambda d: d["units"][0].update(parent="U2"), "the unit 'U1' is its own ancestor"),
        (
            lambda d: d["units"][1].update(head="nobody"),
            "units[1].head: there is no person 'nobody'",
        ),
        (lambda d: d["people"][0].update(unit="B"), "people[0].unit: there is no unit 'B'"),
        (
            lambda d: d["relations"][0].update(target="A"),
            "relations[0]: a process cannot be related to itself",
        ),
        (
            lambda d: d["relations"][1].update(kind="uses"),
            "relations[1].kind: 'uses' is not one of",
        ),
        (
            lambda d: d["participation"][0].update(roles="RX"),
            "participation[0].roles: 'X' is not a RACI letter",
        ),
        (
            lambda d: d["participation"].append(dict(d["participation"][0])),
            "participation[2]: the unit 'U1' already takes part in 'B'",
        ),
        (lambda d: d["kpis"][0].update(target="28"), "kpis[0].target: should be a number"),
        (lambda d: d["kpis"][0].update(target=True), "kpis[0].target: should be a number"),
        (lambda d: d["kpis"][0].update(direction="up"), "kpis[0].direction: 'up' is not one of"),
        (lambda d: d["rules"].update({"x.y": "loud"}), "rules[\"x.y\"]: 'loud' is not one of"),
        (lambda d: d.update(rules=[]), "rules: should be an object"),
        (lambda d: d.update(processes={}), "processes: should be a list"),
        (lambda d: d["meta"].update(language="de"), "meta.language: 'de' is not one of: en, sv"),
        (lambda d: d.update(extra=1), "extra: is not a field of format version 4"),
        (
            lambda d: d["meta"].update(status="final"),
            "meta.status: 'final' is not one of: draft, for_decision, adopted",
        ),
        (
            lambda d: d["meta"].update(adopted_on="2026-02-30"),
            "meta.adopted_on: '2026-02-30' is not a date YYYY-MM-DD",
        ),
        (lambda d: d["meta"].update(adopted_on=20260218), "meta.adopted_on: should be a date"),
        (lambda d: d["meta"].update(change_log={}), "meta.change_log: should be a list"),
        (
            lambda d: d["meta"].update(change_log=[{"date": "2026-01-01"}]),
            "meta.change_log[0]: the field 'change' is missing",
        ),
        (
            lambda d: d["meta"].update(change_log=[{"date": "1/1/2026", "change": "Ny"}]),
            "meta.change_log[0].date: '1/1/2026' is not a date YYYY-MM-DD",
        ),
        (
            lambda d: d["meta"].update(change_log=[{"date": "2026-01-01", "change": " "}]),
            "meta.change_log[0].change: should not be empty",
        ),
        (
            lambda d: d["meta"].update(change_log=[{"date": "2026-01-01", "change": "x", "by": 1}]),
            "meta.change_log[0]: has an unknown field 'by'",
        ),
        (
            lambda d: d["suppressions"][0].update(justification=""),
            "suppressions[0].justification: should not be empty",
        ),
        (
            lambda d: d["diagrams"][0]["shapes"][0].update(w=0),
            "diagrams[0].shapes[0]: a shape must have a positive width",
        ),
        (
            lambda d: d["diagrams"][0]["shapes"][0].update(process="Q"),
            "diagrams[0].shapes[0].process: there is no process 'Q'",
        ),
        (
            lambda d: d["diagrams"][0]["shapes"].append(d["diagrams"][0]["shapes"][0]),
            "is shown twice on this diagram",
        ),
        (
            lambda d: d["diagrams"][0]["waypoints"][0].update(points=[[1, 2, 3]]),
            "waypoints[0].points[0]: should be a pair",
        ),
        (
            lambda d: d["diagrams"][0].update(level="Q"),
            "diagrams[0].level: there is no process 'Q'",
        ),
        (
            lambda d: d["diagrams"][1].update(level=None),
            "diagrams[1].level: this diagram appears twice",
        ),
        (
            lambda d: d["diagrams"][0].update(lane_order=["B"]),
            "diagrams[0].lane_order[0]: there is no unit 'B'",
        ),
        (
            lambda d: d["diagrams"][0].update(swimlanes="yes"),
            "diagrams[0].swimlanes: should be true or false",
        ),
    ],
)
def test_wrongly_typed_or_inconsistent_documents(change, expected: str) -> None:  # noqa: ANN001
    lines = problems_of(with_change(change))
    assert any(line.startswith("m.procm: ") and expected in line for line in lines), lines


def test_many_problems_are_all_reported_then_counted() -> None:
    def break_all(doc: dict) -> None:  # type: ignore[type-arg]
        doc["processes"] = [{"id": f"p{i}", "name": "x", "kind": "bad"} for i in range(60)]

    with pytest.raises(UserError) as info:
        native.loads(with_change(break_all), "m.procm")
    assert len(info.value.problems) >= 60
    lines = info.value.lines()
    assert len(lines) == 51 and "more problems" in lines[-1]


def test_loaded_records_have_float_geometry_and_kpi_numbers() -> None:
    arch = native.loads(native.dumps(sample()))
    bounds = arch.shapes["B"]["C"]
    assert isinstance(bounds, Bounds) and all(isinstance(v, float) for v in (bounds.x, bounds.w))
    assert isinstance(arch.kpis["kpi_1"].target, float)
    assert arch.diagrams[None] == DiagramOptions(True, ("U2", "U1"))
    assert arch.processes["B"] == Process(
        "B",
        'Leverera "allt"',
        "core",
        customer="Kund",
        objects_in=("In 1", "In 2"),
        owner="P1",
        status="approved",
    )


def test_integer_geometry_and_kpi_values_save_like_their_float_twins() -> None:
    """Readers (BPMN import, register layout) may hand in ints; the file is the same."""
    from procmodeler.edit import Editor
    from procmodeler.edit import operations as op
    from procmodeler.io import native
    from procmodeler.model import Bounds

    def build(x: float, target: float) -> str:
        ed = Editor()
        pid = op.create_process(ed, "A", bounds=Bounds(x, 20, 160, 70))
        op.add_kpi(ed, pid, "Lead time", "lead_time", target=target)
        return native.dumps(ed.arch)

    assert build(40, 5) == build(40.0, 5.0)
    assert '"x": 40' in build(40, 5)


def test_a_bpmn_or_workbook_given_as_a_model_says_what_to_do_instead(
    run_cli, repo_root, tmp_path
) -> None:
    sample = repo_root / "tests" / "data" / "bpmn-samples" / "reference__A.1.0.bpmn"
    result = run_cli("check", sample, env={"PROCMODELER_LANG": "en"})
    assert result.returncode == 2
    assert result.stderr.strip().endswith(
        "is a BPMN file, not a procmodeler model; import it with 'procmodeler import-bpmn'"
    )
    assert "Traceback" not in result.stderr
    book = tmp_path / "book.procm"
    book.write_bytes(b"PK\x03\x04" + b"\x00" * 40)
    result = run_cli(
        "export-bpmn", book, "-o", tmp_path / "out.bpmn", env={"PROCMODELER_LANG": "en"}
    )
    assert result.returncode == 2
    assert "is a zip file" in result.stderr and "import-register" in result.stderr
    assert not (tmp_path / "out.bpmn").exists()


def test_a_pulled_copy_remembers_where_it_came_from() -> None:
    arch = sample()
    arch.origin = Origin("postgresql://alice@db.example:5432/processes", "Kommunen", 7)
    text = native.dumps(arch)
    assert list(json.loads(text))[-1] == "repository"
    again = native.loads(text)
    assert again.origin == arch.origin
    assert again.snapshot() == arch.snapshot() == sample().snapshot()  # not content
    assert again.copy().origin == arch.origin
    broken = text.replace('"version": 7', '"version": 0')
    with pytest.raises(UserError, match=r"repository\.version: should be a whole number"):
        native.loads(broken, "m.procm")


@pytest.mark.parametrize("x", [1 / 3, -0.0, 40.0, 1e20, -2.5e-7, 123456789012345.0, 7])
def test_the_quick_lines_are_the_records_text(x: float) -> None:
    """dumps writes relations, participation, shapes and bend points as ready lines;
    they are the very text the one-line records give (every number form, quotes,
    letters beyond ASCII, a relation with and without an object)."""
    from procmodeler.io.native import writer

    ed = Editor(sample())
    op.move_shapes(ed, None, ["B"], x, -x)
    op.connect(ed, "A", "C", "support", 'Om "allt" – åäö', waypoints={None: [(x, 1e-3), (-x, 2)]})
    arch = ed.arch
    out: list[str] = []
    writer._emit(writer.to_document(arch), "", out)
    assert native.dumps(arch) == "".join(out) + "\n"
    assert '"object": "Om \\"allt\\" – åäö"' in native.dumps(arch)


def test_a_number_that_cannot_be_stored_is_refused_by_the_quick_lines() -> None:
    for bad in (float("inf"), float("nan")):
        arch = sample().copy()
        arch.shapes[None]["B"] = Bounds(bad, 0, 10, 10)
        with pytest.raises(ValueError, match="cannot be stored"):
            native.dumps(arch)
        arch = sample().copy()
        arch.waypoints[None] = {rid: [(0, bad)] for rid in arch.relations}
        with pytest.raises(ValueError, match="cannot be stored"):
            native.dumps(arch)
