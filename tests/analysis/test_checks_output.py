"""Findings as JSON and as text, in English and Swedish; every msgid of the checks has
a Swedish translation in checks.po."""

from __future__ import annotations

import json
from pathlib import Path

from checks_helpers import Model
from checks_msgids import collect

from procmodeler.analysis import RULES, format_json, format_text, run_checks, summary_line
from procmodeler.common.i18n import _PLURAL_SEP, parse_po
from procmodeler.edit import operations as op

ROOT = Path(__file__).resolve().parents[2]
CHECKS_PO = ROOT / "procmodeler" / "resources" / "translations" / "sv" / "checks.po"


def sample(lang: str = "en") -> Model:
    """An unowned isolated pair plus a suppressed KPI finding."""
    m = Model(lang)
    m.proc("b", name="Archive", kind="support")
    m.proc("a", name="Handle permit application", customer="Applicant")
    m.unit("u", name="Permits")
    m.part("a", "u", "A")
    m.part("b", "u", "R")
    m.person("anna", "u", name="Anna Lind")
    m.owner("a", "anna")
    kid = m.kpi("a", "Lead time", "lead_time")
    m.suppress("kpi.no-target", ["a"], "Target is set in the next planning round")
    op.add_objective(m.ed, "Permits on time", oid="g")  # served and measured
    op.set_contribution(m.ed, "g", "a")
    op.set_kpi_objective(m.ed, kid, "g")
    return m


def test_json_has_exactly_the_documented_shape() -> None:
    result = sample().check()
    data = json.loads(format_json(result))
    assert set(data) == {"findings", "summary"}
    assert data["summary"] == {"error": 3, "warning": 1, "info": 0}
    for item in data["findings"]:
        keys = ["rule", "severity", "elements", "message"]
        if "suppressed" in item:
            keys.append("suppressed")
            assert set(item["suppressed"]) == {"justification"}
        assert list(item) == keys
        assert isinstance(item["elements"], list)
    keys = [(f["rule"], f["elements"]) for f in data["findings"]]
    assert keys == sorted(keys)
    assert format_json(result) == json.dumps(result.to_json(), ensure_ascii=False, indent=2) + "\n"
    suppressed = [f for f in data["findings"] if "suppressed" in f]
    assert suppressed == [
        {
            "rule": "kpi.no-target",
            "severity": "info",
            "elements": ["a"],
            "message": "KPI 'Lead time' of 'Handle permit application' has no target. "
            "Set a target so that its actual value can be judged.",
            "suppressed": {"justification": "Target is set in the next planning round"},
        }
    ]


def test_json_sorts_by_rule_then_elements() -> None:
    m = Model()
    m.procs("p10", "p9", "p1")
    result = run_checks(m.arch)
    keys = [(f.rule, f.elements) for f in result.findings]
    assert keys == sorted(keys)
    assert [f.elements for f in result.by_rule("orphan.isolated")] == [
        ("p1",),
        ("p10",),
        ("p9",),
    ]


def test_text_groups_by_severity_with_summary() -> None:
    text = format_text(sample().check())
    lines = text.splitlines()
    assert lines[0] == "Errors (3)"
    errors_end = lines.index("")
    assert all(line.startswith("  ") for line in lines[1:errors_end])
    assert lines[errors_end + 1] == "Warnings (1)"
    assert "Information (0)" not in text  # empty groups are left out
    assert "Suppressed (1)" in lines
    assert any(
        line.startswith("  kpi.no-target [a]: ")
        and line.endswith("(justification: Target is set in the next planning round)")
        for line in lines
    )
    assert lines[-1] == ("Summary: 3 errors, 1 warning, 0 info (1 suppressed finding not counted)")
    assert "  responsibility.no-owner [b]: 'Archive' has no process owner." in text


def test_text_without_findings() -> None:
    m = Model()
    result = run_checks(m.arch)
    assert format_text(result) == "No findings.\n\nSummary: 0 errors, 0 warnings, 0 info\n"


def test_text_lists_suppressions_that_match_nothing() -> None:
    m = Model()
    m.proc("a")
    m.suppress("orphan.isolated", ["gone"], "Old")
    text = format_text(run_checks(m.arch))
    assert "Suppressions that match no finding (1)\n  orphan.isolated [gone]\n" in text


def test_swedish_is_the_models_language_by_default() -> None:
    m = sample("sv")
    result = m.check()
    assert result.lang == "sv"
    text = format_text(result)
    assert text.splitlines()[0] == "Fel (3)"
    assert "'Archive' har ingen processägare. Utse en processägare för 'Archive'." in text
    assert text.splitlines()[-1] == (
        "Sammanfattning: 3 fel, 1 varning, 0 noteringar (1 undantagen anmärkning räknas inte)"
    )
    assert "(motivering: Target is set in the next planning round)" in text
    # an explicit language wins over the model's
    assert format_text(m.check(lang="en")).splitlines()[0] == "Errors (3)"


def test_summary_line_plurals() -> None:
    m = Model()
    m.procs("a", "b")
    m.rel("a", "b")
    m.person("x")
    m.owner("a", "x")
    m.owner("b", "x")
    result = run_checks(m.arch, only=["responsibility.owner-without-unit", "kpi.no-target"])
    assert summary_line(result) == "Summary: 0 errors, 2 warnings, 0 info"
    result = run_checks(m.arch, lang="sv", only=["responsibility.owner-without-unit"])
    assert summary_line(result) == "Sammanfattning: 0 fel, 2 varningar, 0 noteringar"


def test_every_rule_message_is_translated() -> None:
    """Trigger every rule (and message variant) in Swedish: no English text may remain."""
    m = Model("sv")
    m.unit("board", name="Ledning")
    m.unit("ops", "board", name="Drift")
    m.unit("fin", "board", name="Ekonomi")
    m.unit("ext", name="Partner")
    m.person("anna", "ops", name="Anna")
    m.person("bo", None, name="Bo")
    m.procs("a", "b", "c", "d")
    m.proc("s", "support")
    m.proc("g", "management")
    m.proc("lone")
    m.proc("x", place=False)
    m.proc("a1", parent="a", place=False)
    m.proc("a2", parent="a")
    m.chain("a", "b", "c", "a")
    m.chain("c", "d")
    m.owner("a", "anna")
    m.part("a", "ops", "A")
    m.part("a", "fin", "A")
    m.owner("b", "anna")
    m.part("b", "fin", "A")
    m.part("b", "ext", "R")
    m.owner("c", "anna")
    m.part("c", "fin", "R")
    m.part("c", "ops", "")
    m.owner("d", "bo")
    m.part("d", "ext", "A")
    for pid, unit in (("g", "ops"), ("s", "fin"), ("x", "ext")):
        m.part(pid, unit, "A")
    m.chain("g", "s", "x", "g")
    m.rel("g", "d")
    m.rel("g", "x")
    m.kpi("a", "Ledtid", "lead_time")
    drift = m.kpi("b", "Väntetid", "lead_time", target=1)
    m.series(drift, 10, 11, 10, 11, 10, 11, 10, 11, 10, 11, 10, 30)
    m.proc("p2", parent="b")
    m.proc("p3", parent="b")
    m.chain("p2", "p3")
    m.proc("p4", parent="b")
    m.chain("p3", "p4")
    m.proc("b0", parent="b")
    m.proc("lone1", parent="lone")
    m.owner("a1", "anna")
    m.part("a1", "board", "R")
    m.part("a1", "fin", "R")
    m.owner("a2", "anna")
    m.part("a2", "fin", "R")
    op.add_objective(m.ed, "Trygg uppväxt", oid="goal")  # unserved, unmeasured
    op.add_improvement(m.ed, "c", "Ny rutin", status="ongoing", due="2026-01-31")  # overdue
    op.set_next_review(m.ed, "d", "2026-05-31")  # review overdue
    result = m.check()
    en_result = run_checks(m.arch, "en", today=m.today)
    en = {(f.rule, f.elements, f.related): f.message for f in en_result.findings}
    sv = {(f.rule, f.elements, f.related): f.message for f in result.findings}
    assert en.keys() == sv.keys()
    assert {key[0] for key in sv} == set(RULES), set(RULES) - {key[0] for key in sv}
    for key, text in sv.items():
        assert text != en[key], key
    variants = "\n".join(sv.values())
    for expected in (
        "processkartan",  # unplaced on the landscape
        "diagrammet för 'a'",  # unplaced on a sub-diagram
        "skilda organisationsträd",  # below span without span
        "möts först i",  # below span with span
        "eller för någon av dess överordnade processer",  # no-owner of a sub-process
    ):
        assert expected in variants, expected


def test_every_msgid_has_a_swedish_translation_in_checks_po() -> None:
    entries = parse_po(CHECKS_PO.read_text(encoding="utf-8"))
    missing = []
    for msgid in collect():
        key = msgid if isinstance(msgid, str) else msgid[0] + _PLURAL_SEP + msgid[1]
        if key not in entries:
            missing.append(msgid)
    assert missing == []
    assert len(collect()) > 100  # the collector found the strings


def test_swedish_translations_keep_every_placeholder() -> None:
    import string

    entries = parse_po(CHECKS_PO.read_text(encoding="utf-8"))
    fmt = string.Formatter()
    for key, value in entries.items():
        msgid = key.split(_PLURAL_SEP)[0]
        wanted = {name for _, name, _, _ in fmt.parse(msgid) if name}
        for form in [value] if isinstance(value, str) else value:
            assert {name for _, name, _, _ in fmt.parse(form) if name} == wanted, key


def test_json_text_is_what_the_standard_encoder_writes() -> None:
    # The fast writer's text equals json.dumps(indent=2): quotes, backslashes, control
    # characters and non-ASCII in names, and a model without findings.
    m = Model("sv")
    m.proc("a", name='Ta emot "ärende"\\ny\trad\u2028', customer="Medborgare")
    m.proc("b", name="Arkiv", kind="support")
    m.suppress("orphan.isolated", ["b"], 'Sparas "tills vidare"\n')
    result = m.check()
    assert any(f.suppressed for f in result.findings)
    expected = json.dumps(result.to_json(), ensure_ascii=False, indent=2) + "\n"
    assert format_json(result) == expected
    empty = Model("en").check()
    assert not empty.findings
    assert format_json(empty) == json.dumps(empty.to_json(), ensure_ascii=False, indent=2) + "\n"
