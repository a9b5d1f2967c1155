"""Rule settings: which rules are off or have another severity, and which findings are
suppressed with a written justification.

The model keeps its own settings (``arch.rules``, ``arch.suppressions``, saved in the
model file and changed through undoable operations). A rules file given on the command
line overrides them for one run; its form is::

    {"rules": {"RULE_ID": "off" | "error" | "warning" | "info"},
     "suppress": [{"rule": ID, "elements": [IDS], "justification": TEXT}]}

Both keys are optional. Unknown rule ids, values or keys are errors (a typo must not
silently switch nothing off).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from procmodeler.analysis.rules import RULES
from procmodeler.common.errors import Problem, UserError
from procmodeler.common.i18n import N_, Message
from procmodeler.common.inputfile import read_input_bytes
from procmodeler.model.architecture import Architecture

#: Largest rules file read (one line per rule and suppression: far below this).
MAX_RULES_BYTES = 16 * 1024 * 1024

RULE_VALUES: tuple[str, ...] = ("off", "error", "warning", "info")


@dataclass(frozen=True)
class RuleSettings:
    """Rule id -> "off"/severity, and (rule id, elements) -> justification."""

    rules: Mapping[str, str] = field(default_factory=dict)
    suppressions: Mapping[tuple[str, tuple[str, ...]], str] = field(default_factory=dict)

    @classmethod
    def from_model(cls, arch: Architecture) -> RuleSettings:
        return cls(dict(arch.rules), dict(arch.suppressions))

    def overridden_by(self, other: RuleSettings | None) -> RuleSettings:
        """These settings with *other*'s rules and suppressions taking precedence."""
        if other is None:
            return self
        return RuleSettings(
            {**self.rules, **other.rules}, {**self.suppressions, **other.suppressions}
        )

    def severity(self, rule_id: str) -> str | None:
        """The effective severity of a rule, None when it is switched off.

        A value that is not a known setting (e.g. from a newer model file) is ignored.
        """
        value = self.rules.get(rule_id)
        if value == "off":
            return None
        if value in RULE_VALUES:
            return value
        return RULES[rule_id].severity


def suppression_key(rule_id: str, elements: tuple[str, ...]) -> tuple[str, tuple[str, ...]]:
    """The key a suppression is matched by (ids sorted for rules whose elements are a set)."""
    info = RULES.get(rule_id)
    if info is not None and info.elements_sorted:
        elements = tuple(sorted(elements))
    return (rule_id, elements)


def _problem(source: str, msgid: str, **args: Any) -> Problem:
    return Problem(source, Message(msgid, **args))


def parse_rules(data: Any, source: str) -> RuleSettings:
    """Rule settings from the parsed JSON of a rules file; *source* names it in errors.

    Raises :class:`UserError` with one problem per mistake.
    """
    problems: list[Problem] = []
    if not isinstance(data, dict):
        raise UserError(
            _problem(
                source, N_('a rules file must hold one JSON object with "rules" and/or "suppress"')
            )
        )
    for key in data:
        if key not in ("rules", "suppress"):
            problems.append(
                _problem(source, N_('unknown key "{key}" (use "rules" and "suppress")'), key=key)
            )
    rules = _parse_settings(data.get("rules", {}), source, problems)
    suppressions = _parse_suppressions(data.get("suppress", []), source, problems)
    if problems:
        raise UserError(problems)
    return RuleSettings(rules, suppressions)


def _parse_settings(raw_rules: Any, source: str, problems: list[Problem]) -> dict[str, str]:
    """The ``rules`` object: rule id -> setting; mistakes go to *problems*."""
    rules: dict[str, str] = {}
    if not isinstance(raw_rules, dict):
        problems.append(_problem(source, N_('"rules" must be an object of rule id to setting')))
        raw_rules = {}
    for rule_id, value in raw_rules.items():
        if rule_id not in RULES:
            problems.append(_problem(source, N_('unknown rule "{rule}"'), rule=rule_id))
        elif value not in RULE_VALUES:
            problems.append(
                _problem(
                    source,
                    N_('rule "{rule}": "{value}" is not one of off, error, warning, info'),
                    rule=rule_id,
                    value=str(value),
                )
            )
        else:
            rules[rule_id] = value
    return rules


def _parse_suppressions(
    raw_suppress: Any, source: str, problems: list[Problem]
) -> dict[tuple[str, tuple[str, ...]], str]:
    """The ``suppress`` list: (rule, elements) -> justification; mistakes go to *problems*."""
    suppressions: dict[tuple[str, tuple[str, ...]], str] = {}
    if not isinstance(raw_suppress, list):
        problems.append(_problem(source, N_('"suppress" must be a list of objects')))
        raw_suppress = []
    for number, entry in enumerate(raw_suppress, start=1):
        if not isinstance(entry, dict):
            problems.append(
                _problem(source, N_("suppression {number} must be an object"), number=number)
            )
            continue
        rule_id = entry.get("rule")
        elements = entry.get("elements")
        justification = entry.get("justification")
        extra = sorted(set(entry) - {"rule", "elements", "justification"})
        if extra:
            problems.append(
                _problem(
                    source,
                    N_('suppression {number}: unknown key "{key}"'),
                    number=number,
                    key=extra[0],
                )
            )
        if rule_id not in RULES:
            problems.append(
                _problem(
                    source,
                    N_('suppression {number}: unknown rule "{rule}"'),
                    number=number,
                    rule=str(rule_id),
                )
            )
            continue
        if (
            not isinstance(elements, list)
            or not elements
            or not all(isinstance(e, str) and e for e in elements)
        ):
            problems.append(
                _problem(
                    source,
                    N_('suppression {number}: "elements" must be a non-empty list of ids'),
                    number=number,
                )
            )
            continue
        if not isinstance(justification, str) or not justification.strip():
            problems.append(
                _problem(
                    source,
                    N_('suppression {number}: a written "justification" is required'),
                    number=number,
                )
            )
            continue
        suppressions[suppression_key(rule_id, tuple(elements))] = justification.strip()
    return suppressions


def load_rules_file(path: str | Path) -> RuleSettings:
    """Read and parse a rules file; every problem is a :class:`UserError` naming it."""
    source = str(path)
    file = Path(path)
    if not file.exists() and not file.is_symlink():
        raise UserError(_problem(source, N_("the rules file does not exist")))
    if file.is_dir():
        raise UserError(_problem(source, N_("is a folder, not a rules file")))
    try:
        text = read_input_bytes(file, MAX_RULES_BYTES).decode("utf-8")
    except UnicodeDecodeError:
        raise UserError(_problem(source, N_("the rules file is not UTF-8 text"))) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise UserError(
            Problem(
                source,
                Message(N_("not valid JSON: {reason}"), reason=exc.msg),
                line=exc.lineno,
            )
        ) from None
    return parse_rules(data, source)
