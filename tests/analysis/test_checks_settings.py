"""Rule settings: severity overrides, rules switched off, suppressions (model and rules
file), the rules-file format and its errors, and the registry itself."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from checks_helpers import Model

from procmodeler.analysis import (
    GROUPS,
    RULES,
    RuleSettings,
    load_rules_file,
    parse_rules,
)
from procmodeler.common.errors import UserError
from procmodeler.common.i18n import translator

ROOT = Path(__file__).resolve().parents[2]


def unowned_pair() -> Model:
    """Two related processes without owners: two no-owner errors, nothing else of note."""
    m = Model()
    m.procs("a", "b")
    m.rel("a", "b")
    return m


# ---------------------------------------------------------------------- registry
def test_registry_has_every_rule_of_rules_md_with_its_default_severity() -> None:
    expected = {
        "orphan.isolated": "error",
        "orphan.support-unused": "warning",
        "orphan.steers-nothing": "warning",
        "orphan.no-customer": "warning",
        "orphan.unplaced": "warning",
        "responsibility.no-owner": "error",
        "responsibility.multiple-accountable": "error",
        "responsibility.no-accountable": "warning",
        "responsibility.no-participation": "warning",
        "responsibility.owner-not-involved": "warning",
        "responsibility.owner-below-span": "warning",
        "responsibility.owner-without-unit": "warning",
        "kpi.core-without-flow-measure": "warning",
        "kpi.no-target": "info",
        "kpi.special-cause-concern": "warning",
        "kpi.target-not-capable": "warning",
        "strategy.objective-unserved": "warning",
        "strategy.objective-unmeasured": "warning",
        "strategy.core-without-objective": "info",
        "improvement.concern-unanswered": "warning",
        "improvement.overdue": "warning",
        "process.review-overdue": "warning",
        "analysis.dependency-cycle": "info",
        "analysis.single-point-of-failure": "info",
        "analysis.handoff-hotspot": "info",
    }
    assert {rid: info.severity for rid, info in RULES.items()} == expected
    assert list(RULES) == list(expected)  # RULES.md order


def test_the_rule_reference_lists_every_rule_with_severity_and_title() -> None:
    doc = (ROOT / "docs" / "checks.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `([a-z.-]+)` \| (error|warning|info) \| (.+) \|$", doc, re.M)
    assert [(rid, sev, title) for rid, sev, title in rows] == [
        (rid, i.severity, i.title) for rid, i in RULES.items()
    ]
    for rid in RULES:
        assert f"**`{rid}`**" in doc, rid


def test_every_rule_has_texts_in_both_languages() -> None:
    sv = translator("sv")
    for info in RULES.values():
        assert info.group in GROUPS
        en_texts = info.texts(translator("en"))
        sv_texts = info.texts(sv)
        assert all(en_texts) and all(sv_texts)
        assert en_texts != sv_texts, info.id


# ---------------------------------------------------------------------- severity, off
def test_model_setting_changes_severity_summary_and_exit_code() -> None:
    m = unowned_pair()
    result = m.check()
    assert result.summary["error"] == 2 and result.exit_code == 1
    m.rule("responsibility.no-owner", "warning")
    result = m.check()
    assert {f.severity for f in result.by_rule("responsibility.no-owner")} == {"warning"}
    assert result.summary["error"] == 0 and result.exit_code == 0


def test_a_rule_switched_off_has_no_findings_and_back_on_with_none() -> None:
    m = unowned_pair()
    m.rule("responsibility.no-owner", "off")
    assert m.check().by_rule("responsibility.no-owner") == []
    m.rule("responsibility.no-owner", None)
    assert len(m.check().by_rule("responsibility.no-owner")) == 2


def test_a_warning_can_become_an_error() -> None:
    m = unowned_pair()
    m.rule("responsibility.no-owner", "off")
    assert m.check().exit_code == 0
    m.rule("responsibility.no-participation", "error")
    result = m.check()
    assert result.exit_code == 1
    assert result.summary["error"] == 2


def test_unknown_value_in_the_model_falls_back_to_the_default() -> None:
    m = unowned_pair()
    m.arch.put("rules", "responsibility.no-owner", "fatal")  # e.g. from a newer version
    m.arch.put("rules", "some.future-rule", "off")
    assert {f.severity for f in m.check().by_rule("responsibility.no-owner")} == {"error"}


def test_rules_file_overrides_the_model_setting() -> None:
    m = unowned_pair()
    m.rule("responsibility.no-owner", "off")
    m.rule("responsibility.no-participation", "info")
    over = RuleSettings({"responsibility.no-owner": "warning"})
    result = m.check(overrides=over)
    assert {f.severity for f in result.by_rule("responsibility.no-owner")} == {"warning"}
    # the model's own setting stays for rules the file does not name
    assert {f.severity for f in result.by_rule("responsibility.no-participation")} == {"info"}


# ---------------------------------------------------------------------- suppression
def test_suppressed_finding_is_kept_but_not_counted() -> None:
    m = unowned_pair()
    m.suppress("responsibility.no-owner", ["a"], "Owner is being recruited")
    result = m.check()
    (sup,) = result.suppressed
    assert sup.elements == ("a",) and sup.suppressed == "Owner is being recruited"
    assert result.summary["error"] == 1
    assert [f.elements for f in result.active if f.rule == "responsibility.no-owner"] == [("b",)]
    m.suppress("responsibility.no-owner", ["b"], "Same")
    result = m.check()
    assert result.summary["error"] == 0 and result.exit_code == 0
    assert len(result.findings) == len(result.active) + 2


def test_suppression_is_for_exactly_its_rule_and_elements() -> None:
    m = unowned_pair()
    m.suppress("responsibility.no-owner", ["a", "b"], "Wrong elements")
    m.suppress("orphan.isolated", ["a"], "Wrong rule")
    result = m.check()
    assert result.suppressed == ()
    assert result.unused_suppressions == (
        ("orphan.isolated", ("a",)),
        ("responsibility.no-owner", ("a", "b")),
    )


def test_suppression_of_a_rule_switched_off_is_not_reported_unused() -> None:
    m = unowned_pair()
    m.suppress("responsibility.no-owner", ["a"], "x")
    m.rule("responsibility.no-owner", "off")
    assert m.check().unused_suppressions == ()


def test_rules_file_suppression_adds_to_and_overrides_the_models() -> None:
    m = unowned_pair()
    m.suppress("responsibility.no-owner", ["a"], "From the model")
    over = parse_rules(
        {
            "suppress": [
                {"rule": "responsibility.no-owner", "elements": ["a"], "justification": "File"},
                {"rule": "responsibility.no-owner", "elements": ["b"], "justification": "B"},
            ]
        },
        "rules.json",
    )
    result = m.check(overrides=over)
    assert {f.elements: f.suppressed for f in result.by_rule("responsibility.no-owner")} == {
        ("a",): "File",
        ("b",): "B",
    }
    assert result.exit_code == 0


def test_suppression_survives_severity_change() -> None:
    m = unowned_pair()
    m.suppress("responsibility.no-owner", ["a"], "Known")
    m.rule("responsibility.no-owner", "info")
    (sup,) = m.check().suppressed
    assert sup.severity == "info" and sup.suppressed == "Known"


# ---------------------------------------------------------------------- rules file
def write(tmp_path: Path, data: object, name: str = "rules.json") -> Path:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


def test_rules_file_is_read(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        {
            "rules": {"orphan.unplaced": "off", "kpi.no-target": "warning"},
            "suppress": [
                {
                    "rule": "analysis.dependency-cycle",
                    "elements": ["z", "a"],
                    "justification": "  Rework loop  ",
                }
            ],
        },
    )
    settings = load_rules_file(path)
    assert settings.rules == {"orphan.unplaced": "off", "kpi.no-target": "warning"}
    assert settings.suppressions == {("analysis.dependency-cycle", ("a", "z")): "Rework loop"}
    assert load_rules_file(write(tmp_path, {})) == RuleSettings({}, {})


BAD_FILES = [
    ("[1, 2]", "one JSON object"),
    ('{"rules": {"orphan.isolated": "off"}', "not valid JSON"),
    ({"rule": {}}, 'unknown key "rule"'),
    ({"rules": ["orphan.isolated"]}, '"rules" must be an object'),
    ({"rules": {"orphan.orphan": "off"}}, 'unknown rule "orphan.orphan"'),
    ({"rules": {"orphan.isolated": "fatal"}}, '"fatal" is not one of off, error, warning, info'),
    ({"suppress": {"rule": "orphan.isolated"}}, '"suppress" must be a list'),
    ({"suppress": ["orphan.isolated"]}, "suppression 1 must be an object"),
    (
        {"suppress": [{"rule": "x.y", "elements": ["a"], "justification": "j"}]},
        'suppression 1: unknown rule "x.y"',
    ),
    (
        {"suppress": [{"rule": "orphan.isolated", "elements": "a", "justification": "j"}]},
        '"elements" must be a non-empty list of ids',
    ),
    (
        {"suppress": [{"rule": "orphan.isolated", "elements": [], "justification": "j"}]},
        '"elements" must be a non-empty list of ids',
    ),
    (
        {"suppress": [{"rule": "orphan.isolated", "elements": ["a"], "justification": " "}]},
        'a written "justification" is required',
    ),
    (
        {"suppress": [{"rule": "orphan.isolated", "elements": ["a"]}]},
        'a written "justification" is required',
    ),
    (
        {
            "suppress": [
                {"rule": "orphan.isolated", "elements": ["a"], "justification": "j", "why": 1}
            ]
        },
        'suppression 1: unknown key "why"',
    ),
]


@pytest.mark.parametrize(("data", "expected"), BAD_FILES)
def test_bad_rules_file_is_a_user_error_naming_the_file(
    tmp_path: Path, data: object, expected: str
) -> None:
    path = write(tmp_path, data)
    with pytest.raises(UserError) as info:
        load_rules_file(path)
    lines = info.value.lines()
    assert any(expected in line for line in lines), lines
    assert all(line.startswith(str(path)) for line in lines)


def test_every_mistake_in_a_rules_file_is_reported(tmp_path: Path) -> None:
    path = write(tmp_path, {"rules": {"a.b": "off", "orphan.isolated": "loud"}, "x": 1})
    with pytest.raises(UserError) as info:
        load_rules_file(path)
    assert len(info.value.problems) == 3


def test_missing_folder_and_non_utf8_rules_files(tmp_path: Path) -> None:
    cases = [
        (tmp_path / "nope.json", "does not exist"),
        (tmp_path, "is a folder"),
    ]
    latin = tmp_path / "latin.json"
    latin.write_bytes('{"rules": {"orphan.isolated": "off"}, "x": "å"}'.encode("latin-1"))
    cases.append((latin, "not UTF-8"))
    for path, expected in cases:
        with pytest.raises(UserError) as info:
            load_rules_file(path)
        (line,) = info.value.lines()
        assert line.startswith(str(path)) and expected in line


def test_json_error_gives_the_line(tmp_path: Path) -> None:
    path = write(tmp_path, '{\n  "rules": {\n    "orphan.isolated": off\n  }\n}\n')
    with pytest.raises(UserError) as info:
        load_rules_file(path)
    (line,) = info.value.lines()
    assert line.startswith(f"{path}:3: ")


def test_rules_file_errors_in_swedish(tmp_path: Path) -> None:
    path = write(tmp_path, {"rules": {"orphan.orphan": "off"}})
    with pytest.raises(UserError) as info:
        load_rules_file(path)
    assert info.value.lines(translator("sv")) == [f'{path}: okänd regel "orphan.orphan"']
