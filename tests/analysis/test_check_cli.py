"""``procmodeler check``: output formats, languages, rules files, registers and exit codes.

Most runs call the command line in-process (fast); a few run ``python -m procmodeler``
in a subprocess to check the real entry point.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from checks_helpers import Model

from procmodeler.cli import main
from procmodeler.edit import operations as op
from procmodeler.io import native

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def english_cli(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PROCMODELER_LANG", "en")


def unowned_model(lang: str = "en") -> Model:
    """Two related core processes with customers, KPIs and participation; 'b' has no
    owner (one error), 'a' has a KPI without target (one info)."""
    m = Model(lang)
    m.unit("u", name="Permits")
    m.person("anna", "u", name="Anna Lind")
    m.proc("a", name="Handle permit application", customer="Applicant")
    m.proc("b", name="Inspect building", customer="Applicant")
    m.rel("a", "b")
    m.owner("a", "anna")
    for pid in ("a", "b"):
        m.part(pid, "u", "A")
    m.kpi("a", "Lead time", "lead_time")
    kid = m.kpi("b", "Satisfaction", "customer_experience", target=4)
    op.add_objective(m.ed, "Permits people trust", oid="g")  # served and measured
    for pid in ("a", "b"):
        op.set_contribution(m.ed, "g", pid)
    op.set_kpi_objective(m.ed, kid, "g")
    return m


def save(m: Model, tmp_path: Path, name: str = "model.procm") -> Path:
    path = tmp_path / name
    native.save(m.arch, path)
    return path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["check", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_text_output_and_exit_code_1_on_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = save(unowned_model(), tmp_path)
    code, out, err = run(capsys, str(path))
    assert code == 1
    assert err == ""
    assert out.splitlines() == [
        "Errors (1)",
        "  responsibility.no-owner [b]: 'Inspect building' has no process owner. "
        "Assign a process owner to 'Inspect building'.",
        "",
        "Information (1)",
        "  kpi.no-target [a]: KPI 'Lead time' of 'Handle permit application' has no target. "
        "Set a target so that its actual value can be judged.",
        "",
        "Summary: 1 error, 0 warnings, 1 info",
    ]


def test_json_output_exactly(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = save(unowned_model(), tmp_path)
    code, out, _ = run(capsys, str(path), "--format", "json")
    assert code == 1
    assert json.loads(out) == {
        "findings": [
            {
                "rule": "kpi.no-target",
                "severity": "info",
                "elements": ["a"],
                "message": "KPI 'Lead time' of 'Handle permit application' has no target. "
                "Set a target so that its actual value can be judged.",
            },
            {
                "rule": "responsibility.no-owner",
                "severity": "error",
                "elements": ["b"],
                "message": "'Inspect building' has no process owner. "
                "Assign a process owner to 'Inspect building'.",
            },
        ],
        "summary": {"error": 1, "warning": 0, "info": 1},
    }


def test_exit_code_0_without_unsuppressed_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    m = unowned_model()
    m.owner("b", "anna")
    code, out, _ = run(capsys, str(save(m, tmp_path)))
    assert code == 0
    assert out.endswith("Summary: 0 errors, 0 warnings, 1 info\n")


def test_suppression_saved_in_the_model_is_applied(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    m = unowned_model()
    m.suppress("responsibility.no-owner", ["b"], "Owner is being recruited")
    m.rule("kpi.no-target", "off")
    code, out, _ = run(capsys, str(save(m, tmp_path)), "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["summary"] == {"error": 0, "warning": 0, "info": 0}
    assert data["findings"] == [
        {
            "rule": "responsibility.no-owner",
            "severity": "error",
            "elements": ["b"],
            "message": "'Inspect building' has no process owner. "
            "Assign a process owner to 'Inspect building'.",
            "suppressed": {"justification": "Owner is being recruited"},
        }
    ]


def test_rules_file_overrides_the_model(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    m = unowned_model()
    m.rule("kpi.no-target", "off")
    path = save(m, tmp_path)
    rules = tmp_path / "rules.json"
    rules.write_text(
        json.dumps(
            {
                "rules": {"kpi.no-target": "warning"},
                "suppress": [
                    {
                        "rule": "responsibility.no-owner",
                        "elements": ["b"],
                        "justification": "Shared with the municipality",
                    }
                ],
            }
        ),
        encoding="utf-8",
    )
    code, out, _ = run(capsys, str(path), "--rules", str(rules))
    assert code == 0
    assert "Warnings (1)\n  kpi.no-target [a]:" in out
    assert "Suppressed (1)" in out and "(justification: Shared with the municipality)" in out
    assert out.endswith("Summary: 0 errors, 1 warning, 0 info (1 suppressed finding not counted)\n")
    code, _, _ = run(capsys, str(path))
    assert code == 1  # the file changed nothing in the model


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("{not json", "not valid JSON"),
        ('{"rules": {"orphan.nothing": "off"}}', 'unknown rule "orphan.nothing"'),
        ('{"suppress": [{"rule": "orphan.isolated", "elements": ["a"]}]}', "justification"),
    ],
)
def test_bad_rules_file_exits_2_with_one_line_naming_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, expected: str
) -> None:
    path = save(unowned_model(), tmp_path)
    rules = tmp_path / "rules.json"
    rules.write_text(content, encoding="utf-8")
    code, out, err = run(capsys, str(path), "--rules", str(rules))
    assert code == 2
    assert out == ""
    (line,) = err.splitlines()
    assert line.startswith(f"procmodeler: error: {rules}")
    assert expected in line


def test_missing_rules_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = save(unowned_model(), tmp_path)
    code, out, err = run(capsys, str(path), "--rules", str(tmp_path / "none.json"))
    assert (code, out) == (2, "")
    assert err == f"procmodeler: error: {tmp_path / 'none.json'}: the rules file does not exist\n"


def test_unreadable_models_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    garbage = tmp_path / "garbage.procm"
    garbage.write_text("this is not a model", encoding="utf-8")
    single_csv = tmp_path / "processes.csv"
    single_csv.write_text("id,name,kind\np1,P,core\n", encoding="utf-8")
    for path in (tmp_path / "missing.procm", garbage, single_csv):
        code, out, err = run(capsys, str(path))
        assert (code, out) == (2, ""), path
        assert err.startswith(f"procmodeler: error: {path}"), err
        assert "Traceback" not in err


def test_wrong_call_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = save(unowned_model(), tmp_path)
    for args in (["--format", "xml", str(path)], ["--lang", "de", str(path)], []):
        with pytest.raises(SystemExit) as info:
            main(["check", *args])
        assert info.value.code == 2
        assert "error:" in capsys.readouterr().err


def test_language_follows_the_model_unless_given(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sv_path = save(unowned_model("sv"), tmp_path, "sv.procm")
    en_path = save(unowned_model("en"), tmp_path, "en.procm")
    _, out, _ = run(capsys, str(sv_path))
    assert out.startswith("Fel (1)\n  responsibility.no-owner [b]: 'Inspect building' har ingen")
    assert out.endswith("Sammanfattning: 1 fel, 0 varningar, 1 notering\n")
    _, out, _ = run(capsys, str(sv_path), "--lang", "en")
    assert out.startswith("Errors (1)")
    _, out, _ = run(capsys, str(en_path), "--lang", "sv", "--format", "json")
    assert json.loads(out)["findings"][1]["message"].startswith(
        "'Inspect building' har ingen processägare."
    )


def test_cli_errors_follow_the_environment_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PROCMODELER_LANG", "sv")
    path = save(unowned_model(), tmp_path)
    code, _, err = run(capsys, str(path), "--rules", str(tmp_path / "none.json"))
    assert code == 2
    assert err.endswith(f"{tmp_path / 'none.json'}: regelfilen finns inte\n")


def write_register(folder: Path) -> None:
    folder.mkdir()
    (folder / "processes.csv").write_text(
        "id,name,kind,owner,customer\n"
        "1.1,Handle permit application,core,anna,Applicant\n"
        "P2,Inspect building,core,,Applicant\n",
        encoding="utf-8",
    )
    (folder / "units.csv").write_text("id,name\nU1,Permits\n", encoding="utf-8")
    (folder / "people.csv").write_text("id,name,unit\nanna,Anna Lind,U1\n", encoding="utf-8")
    (folder / "raci.csv").write_text("process,unit,roles\n1.1,U1,A\nP2,U1,A\n", encoding="utf-8")
    (folder / "relations.csv").write_text("source,target,kind\n1.1,P2,flow\n", encoding="utf-8")
    (folder / "kpis.csv").write_text(
        "process,name,kind,target,objective\n1.1,Lead time,lead_time,20,G\n"
        "P2,Lead time,lead_time,5,\n",
        encoding="utf-8",
    )
    (folder / "objectives.csv").write_text("id,name\nG,Permits on time\n", encoding="utf-8")
    (folder / "contributions.csv").write_text("objective,process\nG,1.1\nG,P2\n", encoding="utf-8")


def test_a_register_folder_is_imported_in_memory(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "register"
    write_register(folder)
    before = sorted(p.name for p in tmp_path.rglob("*"))
    code, out, err = run(capsys, str(folder), "--format", "json")
    assert code == 1
    data = json.loads(out)
    assert [(f["rule"], f["elements"]) for f in data["findings"]] == [
        ("responsibility.no-owner", ["P2"])
    ]
    assert "1.1" in err  # the id mapping note goes to stderr
    assert sorted(p.name for p in tmp_path.rglob("*")) == before  # nothing written


def test_a_register_workbook_is_imported_in_memory(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from procmodeler.io.register import export_register, import_register

    folder = tmp_path / "register"
    write_register(folder)
    book = tmp_path / "register.xlsx"
    export_register(import_register(folder).arch, book)
    code, out, _ = run(capsys, str(book), "--format", "json")
    assert code == 1
    assert [f["elements"] for f in json.loads(out)["findings"]] == [["P2"]]


def test_subprocess_entry_point(tmp_path: Path) -> None:
    path = save(unowned_model("sv"), tmp_path)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PROCMODELER_LANG": "en"}
    done = subprocess.run(
        [sys.executable, "-m", "procmodeler", "check", str(path), "--format", "json"],
        capture_output=True,
        env=env,
        cwd=tmp_path,
        check=False,
    )
    assert done.returncode == 1
    data = json.loads(done.stdout.decode("utf-8"))
    assert data["summary"] == {"error": 1, "warning": 0, "info": 1}
    assert "processägare" in data["findings"][1]["message"]
    bad = subprocess.run(
        [sys.executable, "-m", "procmodeler", "check", str(tmp_path / "x.procm")],
        capture_output=True,
        env=env,
        cwd=tmp_path,
        check=False,
    )
    assert bad.returncode == 2
    assert bad.stdout == b""
    assert bad.stderr.decode().strip() == (
        f"procmodeler: error: {tmp_path / 'x.procm'}: does not exist"
    )
