"""``procmodeler check REGISTER --today 2026-06-30`` on a register with objectives,
contributions, improvements, measurements and review dates gives exactly the findings of
RULES.md's strategy, improvement and establishment rules, boundaries included (a date
equal to today is not overdue; an idea or a done improvement answers no concern; a
sub-objective's process serves its parent; a sub-process's contribution counts)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
NEW_GROUPS = ("strategy.", "improvement.", "process.")

FILES = {
    "processes.csv": "id,name,kind,parent,next_review,established\n"
    "L1,Leda nämnden,ledning,,,described\n"
    "H1,Ge stöd,huvud,,2026-06-29,in_use\n"
    "H2,Utreda,huvud,,2026-06-30,measured\n"
    "H2a,Inleda utredning,huvud,H2,,\n"
    "H3,Pröva bygglov,huvud,,2027-01-01,improving\n"
    "S1,Stödja med IT,stöd,,,\n",
    "objectives.csv": "id,name,parent\nG1,Trygg uppväxt,\nG1a,Tidigt stöd,G1\n"
    "G2,Hållbar stad,\nG3,Digital förvaltning,\n",
    "contributions.csv": "objective,process,note\nG1a,H1,\nG1,H2a,utreder\nG3,S1,\n",
    "kpis.csv": "id,process,name,kind,objective\nK1,H1,Ledtid,lead_time,G1a\n"
    "K2,H2,Ledtid,lead_time,G1\n",
    "improvements.csv": "id,process,title,status,due\n"
    "I1,H2a,Ny mall,pågående,2026-07-31\n"
    "I2,H1,Digital ansökan,idé,\n"
    "I3,H3,Checklista,planerad,2026-06-29\n"
    "I4,S1,Ny server,ongoing,2026-06-30\n"
    "I5,H3,Gammal idé,klar,2026-01-01\n",
}
DRIFT = (10, 11, 10, 11, 10, 11, 10, 11, 10, 11, 10, 30)  # the last value: a concern


def register(folder: Path) -> Path:
    folder.mkdir()
    for name, text in FILES.items():
        (folder / name).write_text(text, encoding="utf-8")
    months = [f"{2025 + (6 + i) // 12}-{(6 + i) % 12 + 1:02d}" for i in range(len(DRIFT))]
    rows = [f"{k},{m},{v}" for k in ("K1", "K2") for m, v in zip(months, DRIFT, strict=True)]
    (folder / "measurements.csv").write_text(
        "kpi,period,value\n" + "\n".join(rows) + "\n", encoding="utf-8"
    )
    return folder


def check(*args: str | Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT), PROCMODELER_LANG="en")
    return subprocess.run(
        [sys.executable, "-m", "procmodeler", "check", *map(str, args)],
        cwd=ROOT, env=env, capture_output=True, text=True, encoding="utf-8", timeout=120,
        check=False,
    )  # fmt: skip


def findings(proc: subprocess.CompletedProcess[str]) -> list[tuple[str, list[str]]]:
    assert proc.returncode in (0, 1), proc.stderr
    data = json.loads(proc.stdout)
    return [
        (f["rule"], f["elements"]) for f in data["findings"] if f["rule"].startswith(NEW_GROUPS)
    ]


def test_check_register_on_a_given_day_gives_exactly_the_rules_findings(tmp_path: Path) -> None:
    folder = register(tmp_path / "reg")
    proc = check(folder, "--today", "2026-06-30", "--format", "json")
    assert findings(proc) == [
        ("improvement.concern-unanswered", ["H1"]),
        ("improvement.overdue", ["I3"]),
        ("process.review-overdue", ["H1"]),
        ("strategy.core-without-objective", ["H3"]),
        ("strategy.objective-unmeasured", ["G2"]),
        ("strategy.objective-unmeasured", ["G3"]),
        ("strategy.objective-unserved", ["G2"]),
    ]
    data = json.loads(proc.stdout)
    (concern,) = [f for f in data["findings"] if f["rule"] == "improvement.concern-unanswered"]
    assert "'Ge stöd' has a KPI concern ('Ledtid')" in concern["message"]


def test_the_date_rules_follow_today(tmp_path: Path) -> None:
    folder = register(tmp_path / "reg")
    early = findings(check(folder, "--today", "2026-06-29", "--format", "json"))
    assert ("improvement.overdue", ["I3"]) not in early
    assert ("process.review-overdue", ["H1"]) not in early
    late = findings(check(folder, "--today", "2026-07-01", "--format", "json"))
    assert ("improvement.overdue", ["I4"]) in late  # due on 2026-06-30
    assert ("process.review-overdue", ["H2"]) in late


def test_swedish_findings(tmp_path: Path) -> None:
    folder = register(tmp_path / "reg")
    proc = check(folder, "--today", "2026-06-30", "--lang", "sv")
    assert "Översynen av 'Ge stöd' skulle ha gjorts 2026-06-29." in proc.stdout
    assert "Förbättringen 'Checklista' i 'Pröva bygglov' skulle vara klar 2026-06-29" in proc.stdout
    assert "Inget nyckeltal mäter målet 'Hållbar stad'" in proc.stdout


def test_a_bad_today_is_refused_in_one_line(tmp_path: Path) -> None:
    folder = register(tmp_path / "reg")
    proc = check(folder, "--today", "30/6/2026")
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.strip().splitlines() == [
        "procmodeler: error: --today: '30/6/2026' is not a date YYYY-MM-DD"
    ]


def test_without_today_the_date_rules_use_the_clock() -> None:
    """The app's live checks and a check without --today compare with the computer's
    date: due yesterday is overdue, due today is not."""
    import datetime

    from procmodeler.analysis import run_checks
    from procmodeler.edit import Editor
    from procmodeler.edit import operations as op

    today = datetime.date.today()
    ed = Editor()
    op.create_process(ed, "P", pid="P")
    op.add_improvement(ed, "P", "Late", iid="I1", status="ongoing",
                       due=(today - datetime.timedelta(days=1)).isoformat())  # fmt: skip
    op.add_improvement(ed, "P", "On time", iid="I2", status="ongoing", due=today.isoformat())
    op.set_next_review(ed, "P", (today - datetime.timedelta(days=1)).isoformat())
    result = run_checks(ed.arch)
    assert [f.elements for f in result.by_rule("improvement.overdue")] == [("I1",)]
    assert [f.elements for f in result.by_rule("process.review-overdue")] == [("P",)]
