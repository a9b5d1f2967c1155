"""Running the checks: build one index of the model, run every rule that is not
switched off, apply severities and suppressions, and return a sorted
:class:`~procmodeler.analysis.findings.CheckResult`."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from procmodeler.analysis.findings import CheckResult, Finding
from procmodeler.analysis.index import ModelIndex
from procmodeler.analysis.rules import RULES
from procmodeler.analysis.settings import RuleSettings, suppression_key
from procmodeler.common.i18n import LANGUAGES, translator
from procmodeler.model.architecture import Architecture
from procmodeler.model.changes import Put
from procmodeler.model.records import record_maker

#: Findings made without a frozen dataclass's setattr per field (thousands per run).
_finding = record_maker(Finding)

#: Collections whose changes can change findings. ``shapes`` only counts when a shape
#: is added or removed (``orphan.unplaced``); moving or resizing one changes nothing,
#: nor do bend points (``waypoints``) or diagram options.
CHECKED_COLLECTIONS: frozenset[str] = frozenset(
    {
        "meta",
        "processes",
        "units",
        "people",
        "relations",
        "kpis",
        "participation",
        "objectives",
        "contributions",
        "improvements",
        "rules",
        "suppressions",
    }
)


def affects_checks(changes: Iterable[Put]) -> bool:
    """Whether these change records (e.g. ``Committed.changes``) can change the result
    of :func:`run_checks`: the editor's live checks skip the re-run when they cannot
    (a drag of shapes, an edit of bend points or swimlane options)."""
    for change in changes:
        if change.collection in CHECKED_COLLECTIONS:
            return True
        if change.collection == "shapes" and (change.old is None or change.new is None):
            return True
    return False


def run_checks(
    arch: Architecture,
    lang: str | None = None,
    overrides: RuleSettings | None = None,
    only: Iterable[str] | None = None,
    today: str | None = None,
) -> CheckResult:
    """Check *arch* against every rule of RULES.md.

    *lang* ("en" or "sv") is the language of the messages, the model's language when
    None. The model's rule settings (``arch.rules``, ``arch.suppressions``) apply,
    *overrides* (e.g. from :func:`~procmodeler.analysis.settings.load_rules_file`)
    take precedence over them. *only* limits the run to some rule ids. *today*
    (``YYYY-MM-DD``) is the date that date rules compare with; the clock's when None.
    """
    if lang is None or lang not in LANGUAGES:
        lang = arch.meta.language if arch.meta.language in LANGUAGES else "en"
    tr = translator(lang)
    settings = RuleSettings.from_model(arch).overridden_by(overrides)
    suppressions = {
        suppression_key(rule, elements): text
        for (rule, elements), text in settings.suppressions.items()
    }
    used: set[tuple[str, tuple[str, ...]]] = set()
    idx = ModelIndex(arch, today)
    wanted = set(only) if only is not None else None
    findings: list[Finding] = []
    for rule_id, info in RULES.items():
        if wanted is not None and rule_id not in wanted:
            continue
        severity = settings.severity(rule_id)
        if severity is None:
            continue
        for raw in info.check(idx):
            key = (rule_id, raw.elements)
            justification = suppressions.get(key)
            if justification is not None:
                used.add(key)
            findings.append(
                _finding(
                    rule_id,
                    severity,
                    raw.elements,
                    raw.message.text(tr),
                    justification,
                    raw.related,
                )
            )
    findings.sort(key=Finding.sort_key)
    unused = tuple(
        sorted(
            key
            for key in suppressions
            if key not in used
            and key[0] in RULES
            and (wanted is None or key[0] in wanted)
            and settings.severity(key[0]) is not None
        )
    )
    return CheckResult(tuple(findings), lang, unused)


def checks_of_snapshot(arch: Architecture, lang: str | None = None) -> Callable[[], CheckResult]:
    """A function that checks *arch* as it is now, for another thread: the copy is
    taken here, in the caller's thread (the records are immutable, so only the
    collections are copied: a few milliseconds for 10,000 processes), and the model
    may go on changing while the returned function runs."""
    snapshot = arch.copy()
    return lambda: run_checks(snapshot, lang=lang)
