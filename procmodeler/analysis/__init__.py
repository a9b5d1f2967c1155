"""The model checks of ``RULES.md``: orphaned processes, unclear responsibility, flow and
effect, and graph analysis for management.

API (used by the command line, the editor's live checks and the PDF report)::

    from procmodeler.analysis import RULES, run_checks, load_rules_file

    result = run_checks(arch)                  # model's language and rule settings
    result = run_checks(arch, lang="sv", overrides=load_rules_file("rules.json"))
    result.findings        # tuple[Finding], sorted by rule, then elements
    result.active          # the unsuppressed ones
    result.summary         # {"error": N, "warning": N, "info": N}, unsuppressed only
    result.exit_code       # 1 when an unsuppressed error exists, else 0

    info = RULES["orphan.isolated"]            # RuleInfo, in RULES.md order
    info.severity, info.group                  # "error", "orphan"
    title, why, what = info.texts(translator("sv"))
    GROUPS[info.group]                         # group heading (English msgid)

    # live checks: re-run after a commit only when it can change the findings
    if affects_checks(committed.changes):
        result = run_checks(editor.arch)

A :class:`Finding` has ``rule``, ``severity`` (effective, after settings),
``elements`` (tuple of ids, what a suppression names), ``message`` (text in the run's
language, naming the processes, units and people, why it matters and what to do),
``suppressed`` (the justification, or None) and ``related`` (further ids the message
mentions). Checks build one index per run; a run over 10,000 processes takes well
under a second (see ``docs/performance.md``).
"""

from procmodeler.analysis.findings import SEVERITY_ORDER, CheckResult, Finding
from procmodeler.analysis.index import ModelIndex
from procmodeler.analysis.output import format_json, format_text, summary_line
from procmodeler.analysis.rules import GROUPS, RULES, RuleInfo
from procmodeler.analysis.run import (
    CHECKED_COLLECTIONS,
    affects_checks,
    checks_of_snapshot,
    run_checks,
)
from procmodeler.analysis.settings import (
    RULE_VALUES,
    RuleSettings,
    load_rules_file,
    parse_rules,
    suppression_key,
)

__all__ = [
    "CHECKED_COLLECTIONS",
    "GROUPS",
    "RULES",
    "RULE_VALUES",
    "SEVERITY_ORDER",
    "CheckResult",
    "Finding",
    "ModelIndex",
    "affects_checks",
    "checks_of_snapshot",
    "RuleInfo",
    "RuleSettings",
    "format_json",
    "format_text",
    "load_rules_file",
    "parse_rules",
    "run_checks",
    "summary_line",
    "suppression_key",
]
