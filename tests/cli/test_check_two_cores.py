"""``procmodeler check`` of a large input on two cores (cli/twocores.py) writes exactly
what one process writes: the same JSON or text, notes and exit code, with rule
settings and suppressions on both sides of the split, and when the second process
fails. The command runs as a process of its own, as a user runs it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from procmodeler.analysis import format_json, run_checks
from procmodeler.analysis.findings import CheckResult, Finding
from procmodeler.cli import main, twocores
from procmodeler.common.terminal import visible_json
from procmodeler.io.register import import_register
from tests.registers import write_large_register

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def large(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("two") / "reg"
    write_large_register(folder, 3000)
    return folder


@pytest.fixture(scope="module")
def rules_file(large: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Severities changed and findings suppressed on both sides of the split, and a
    suppression that matches nothing."""
    found = run_checks(import_register(large, with_layout=False).arch, today="2026-12-01")
    first = {rule: found.by_rule(rule)[0].elements for rule in ("orphan.steers-nothing",)}
    first["responsibility.owner-not-involved"] = found.by_rule("responsibility.owner-not-involved")[
        0
    ].elements
    suppress = [
        {"rule": rule, "elements": list(elements), "justification": f"Skäl {i}"}
        for i, (rule, elements) in enumerate(first.items())
    ]
    for rule in ("orphan.isolated", "strategy.core-without-objective"):  # one on each side
        suppress.append({"rule": rule, "elements": ["nothing"], "justification": "Gammal"})
    rules = {"responsibility.owner-below-span": "info", "orphan.support-unused": "off"}
    path = tmp_path_factory.mktemp("rules") / "rules.json"
    path.write_text(json.dumps({"rules": rules, "suppress": suppress}), encoding="utf-8")
    return path


def in_its_own_process(*args: str, script: str | None = None) -> tuple[int, str, str]:
    """``procmodeler check ARGS`` as a process of its own (*script*: Python run first)."""
    code = script or ""
    code += "\nimport sys\nfrom procmodeler.cli import main\nsys.exit(main())\n"
    env = {**os.environ, "PROCMODELER_LANG": "en", "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", code, "check", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        check=False,
    )
    return done.returncode, done.stdout, done.stderr


def in_one_process(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """The same in this process: a call, not the whole process, so never split."""
    capsys.readouterr()
    code = main(["check", *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(autouse=True)
def english(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PROCMODELER_LANG", "en")


def test_the_large_register_is_checked_on_two_cores(large: Path) -> None:
    if len(os.sched_getaffinity(0)) < 2 if hasattr(os, "sched_getaffinity") else True:
        pytest.skip("one core: check runs in one process")
    assert twocores.worth_it(large)
    assert not twocores.worth_it(ROOT / "procmodeler" / "resources" / "examples" / "manufacturing")


@pytest.mark.parametrize("form", ["json", "text"])
@pytest.mark.parametrize("with_rules", [False, True], ids=["plain", "rules"])
def test_two_cores_write_what_one_process_writes(
    form: str,
    with_rules: bool,
    large: Path,
    rules_file: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    args = [str(large), "--format", form, "--today", "2026-12-01"]
    if with_rules:
        args += ["--rules", str(rules_file)]
    split = in_its_own_process(*args)
    single = in_one_process(capsys, *args)
    assert split == single
    code, out, err = split
    assert code == 1  # processes without an owner
    assert "note:" in err
    if form == "json":
        severities = {(f["rule"], f["severity"]) for f in json.loads(out)["findings"]}
        assert any(twocores.in_second_process(rule) for rule, _ in severities)
        assert any(not twocores.in_second_process(rule) for rule, _ in severities)
        assert (("orphan.support-unused", "warning") in severities) is not with_rules
        below = "info" if with_rules else "warning"
        assert {s for r, s in severities if r == "responsibility.owner-below-span"} == {below}
    elif with_rules:
        assert "Suppressions that match no finding (2)" in out
        assert "Suppressed (2)" in out
        assert "(justification: Skäl 0)" in out and "(justification: Skäl 1)" in out


def test_when_the_second_process_fails_the_first_runs_its_rules(
    large: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = "import os\nfrom procmodeler.cli import twocores\ntwocores._send = lambda fd, part: os._exit(3)\n"
    args = [str(large), "--format", "json", "--today", "2026-12-01"]
    assert in_its_own_process(*args, script=broken) == in_one_process(capsys, *args)


def test_a_register_with_errors_is_reported_once(tmp_path: Path) -> None:
    folder = tmp_path / "reg"
    write_large_register(folder, 3000)
    with (folder / "relations.csv").open("a", encoding="utf-8") as out:
        out.write("1,X9,flow,\n")
    code, out, err = in_its_own_process(str(folder))
    assert code == 2 and out == ""
    errors = [line for line in err.splitlines() if ": error: " in line]
    assert len(errors) == 1 and "there is no process 'X9'" in errors[0]


def finding(rule: str, severity: str, element: str) -> Finding:
    return Finding(rule, severity, (element,), f"{rule} in {element}")


def test_the_halves_of_the_json_join_in_the_order_of_one_result() -> None:
    """Rules of the two processes interleave in the order of the findings (by rule)."""
    first = [finding("analysis.a", "info", "p1"), finding("orphan.b", "warning", "p2")]
    second = [finding("kpi.c", "error", "p3"), finding("kpi.c", "error", "p4")]
    second.append(finding("strategy.d", "info", "\u0007p5"))
    one = CheckResult(tuple(sorted(first + second, key=Finding.sort_key)), "en")
    halves = [twocores._json_part(CheckResult(tuple(f), "en")) for f in (first, second)]
    text, code = twocores.joined_json(*halves)
    assert text == visible_json(format_json(one)) and code == one.exit_code == 1
    assert twocores.joined_json(halves[0], twocores._json_part(CheckResult((), "en")))[1] == 0
