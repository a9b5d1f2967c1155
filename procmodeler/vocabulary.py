"""The domain's words: every vocabulary of the model with the words people read.

Process kinds, relation kinds, KPI kinds, directions, statuses, RACI letters,
severities, KPI traffic lights, establishment levels, improvement statuses, and what a
KPI's measurements say (variation and assurance, FLOW-AND-EFFECT.md): the keys are the
model's (:mod:`procmodeler.model.elements`; ``analysis.xmr`` for the last two), the English words are here and the Swedish ones in
``resources/translations/sv/vocabulary.po``. The canvas, the panels, the report, the
BPMN export and the checks all name these things with the words below, through
:func:`word` (or ``Translator`` on a msgid); Qt's ``.ts`` files hold widget chrome only.
Also here: the order of the landscape's bands. Qt-free; imports only the model and
``common``.
"""

from __future__ import annotations

from procmodeler.common.i18n import N_, Translator
from procmodeler.model.elements import (
    BAND_ORDER,
    DIRECTIONS,
    DOCUMENT_STATUSES,
    ESTABLISHMENT_LEVELS,
    IMPROVEMENT_STATUSES,
    KPI_KINDS,
    PROCESS_KINDS,
    PROCESS_STATUSES,
    RACI,
    RELATION_KINDS,
    SEVERITIES,
)

#: One process of a kind ("Core process").
PROCESS_KIND: dict[str, str] = {
    "management": N_("Management process"),
    "core": N_("Core process"),
    "support": N_("Support process"),
}
#: Processes of a kind: the landscape's band labels ("Core processes").
PROCESS_KIND_PLURAL: dict[str, str] = {
    "management": N_("Management processes"),
    "core": N_("Core processes"),
    "support": N_("Support processes"),
}
RELATION_KIND: dict[str, str] = {
    "flow": N_("Flow"),
    "support": N_("Support"),
    "steering": N_("Steering"),
}
KPI_KIND: dict[str, str] = {
    "lead_time": N_("Lead time"),
    "variation": N_("Variation"),
    "stability": N_("Stability"),
    "customer_experience": N_("Customer experience"),
    "other": N_("Other"),
}
DIRECTION: dict[str, str] = {
    "lower": N_("Lower is better"),
    "higher": N_("Higher is better"),
}
STATUS: dict[str, str] = {
    "draft": N_("Draft"),
    "in_review": N_("In review"),
    "approved": N_("Approved"),
    "retired": N_("Retired"),
}
#: The status of the architecture as a document (its document control).
DOCUMENT_STATUS: dict[str, str] = {
    "draft": N_("Draft"),
    "for_decision": N_("For decision"),
    "adopted": N_("Adopted"),
}
SEVERITY: dict[str, str] = {"error": N_("Error"), "warning": N_("Warning"), "info": N_("Note")}
#: How far a process has come into everyday use (its ``established`` level).
ESTABLISHMENT: dict[str, str] = {
    "described": N_("Described"),
    "in_use": N_("In use"),
    "measured": N_("Measured"),
    "improving": N_("Improving"),
}
#: The status of an improvement.
IMPROVEMENT_STATUS: dict[str, str] = {
    "idea": N_("Idea"),
    "planned": N_("Planned"),
    "ongoing": N_("Ongoing"),
    "done": N_("Done"),
    "dropped": N_("Dropped"),
}
#: A KPI's traffic light (``notation.kpi.traffic_light``).
LIGHT: dict[str, str] = {
    "green": N_("On target"),
    "yellow": N_("Near target"),
    "red": N_("Off target"),
}
#: What the latest value of a KPI's series says (``analysis.xmr.VARIATIONS``).
VARIATION: dict[str, str] = {
    "none": N_("Too few values"),
    "common_cause": N_("Common cause"),
    "special_cause_improvement": N_("Improvement"),
    "special_cause_concern": N_("Concern"),
}
#: Whether the process, as it runs, meets a KPI's target (``analysis.xmr.ASSURANCES``).
ASSURANCE: dict[str, str] = {
    "none": N_("No target or too few values"),
    "consistent_pass": N_("Meets the target"),
    "inconsistent": N_("Hit and miss"),
    "consistent_fail": N_("Cannot meet the target"),
}
#: A RACI letter's role ("Responsible").
RACI_ROLE: dict[str, str] = {
    "R": N_("Responsible"),
    "A": N_("Accountable"),
    "C": N_("Consulted"),
    "I": N_("Informed"),
}
#: A RACI letter's role and what it means, for legends.
RACI_MEANING: dict[str, str] = {
    "R": N_("Responsible (does the work)"),
    "A": N_("Accountable (answers for the result)"),
    "C": N_("Consulted (gives input)"),
    "I": N_("Informed (is kept up to date)"),
}

__all__ = [
    "ASSURANCE",
    "BAND_ORDER",
    "DIRECTION",
    "DOCUMENT_STATUS",
    "ESTABLISHMENT",
    "IMPROVEMENT_STATUS",
    "KPI_KIND",
    "LIGHT",
    "PROCESS_KIND",
    "PROCESS_KIND_PLURAL",
    "RACI_MEANING",
    "RACI_ROLE",
    "RELATION_KIND",
    "SEVERITY",
    "STATUS",
    "VARIATION",
    "VOCABULARIES",
    "roles_text",
    "word",
    "words",
]

#: Each vocabulary with the model's keys it names (checked by the tests).
VOCABULARIES: dict[str, tuple[dict[str, str], tuple[str, ...]]] = {
    "process kind": (PROCESS_KIND, PROCESS_KINDS),
    "process kind (plural)": (PROCESS_KIND_PLURAL, PROCESS_KINDS),
    "relation kind": (RELATION_KIND, RELATION_KINDS),
    "KPI kind": (KPI_KIND, KPI_KINDS),
    "direction": (DIRECTION, DIRECTIONS),
    "status": (STATUS, PROCESS_STATUSES),
    "document status": (DOCUMENT_STATUS, DOCUMENT_STATUSES),
    "severity": (SEVERITY, SEVERITIES),
    "establishment level": (ESTABLISHMENT, ESTABLISHMENT_LEVELS),
    "improvement status": (IMPROVEMENT_STATUS, IMPROVEMENT_STATUSES),
    "RACI role": (RACI_ROLE, tuple(RACI)),
    "RACI meaning": (RACI_MEANING, tuple(RACI)),
    "traffic light": (LIGHT, ("green", "yellow", "red")),
    "variation": (
        VARIATION,
        ("none", "common_cause", "special_cause_improvement", "special_cause_concern"),
    ),
    "assurance": (ASSURANCE, ("none", "consistent_pass", "inconsistent", "consistent_fail")),
}


def word(table: dict[str, str], key: str, tr: Translator) -> str:
    """The word for *key* in a vocabulary, in *tr*'s language (the key if unknown)."""
    msgid = table.get(key)
    return tr(msgid) if msgid else key


def words(table: dict[str, str], tr: Translator) -> dict[str, str]:
    """A whole vocabulary in *tr*'s language: key -> word, in the model's order."""
    return {key: tr(msgid) for key, msgid in table.items()}


def roles_text(letters: str, tr: Translator) -> str:
    """``RA`` -> ``Responsible, Accountable`` in *tr*'s language."""
    return ", ".join(tr(RACI_ROLE[ch]) for ch in letters if ch in RACI_ROLE)
