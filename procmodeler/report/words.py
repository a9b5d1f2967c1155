"""The report's words: names of the model's vocabularies (process, relation and KPI
kinds, statuses, RACI letters, severities, traffic lights) in the report's language,
numbers and dates written the way each language writes them, and escaping of user text
for reportlab's paragraph markup (a process may be called ``R&D <Core>``)."""

from __future__ import annotations

import datetime
import math
from xml.sax.saxutils import escape

from procmodeler.common.i18n import N_, Translator
from procmodeler.vocabulary import (
    KPI_KIND,
    LIGHT,
    PROCESS_KIND,
    PROCESS_KIND_PLURAL,
    RACI_MEANING,
    RACI_ROLE,
    RELATION_KIND,
    SEVERITY,
    STATUS,
    roles_text,
)
from procmodeler.vocabulary import word as word  # re-exported for the chapters

# The model's vocabularies, under the names the report's modules use.
KIND_SINGULAR = PROCESS_KIND
KIND_PLURAL = PROCESS_KIND_PLURAL
RELATION_KINDS = RELATION_KIND
KPI_KINDS = KPI_KIND
STATUSES = STATUS
SEVERITIES = SEVERITY
LIGHTS = LIGHT
RACI_LETTERS = RACI_MEANING
RACI_SHORT = RACI_ROLE
MONTHS = (
    N_("January"),
    N_("February"),
    N_("March"),
    N_("April"),
    N_("May"),
    N_("June"),
    N_("July"),
    N_("August"),
    N_("September"),
    N_("October"),
    N_("November"),
    N_("December"),
)
DASH = "\u2013"


def esc(text: str) -> str:
    """User text made safe for a reportlab Paragraph (``&``, ``<`` and ``>``)."""
    return escape(text)


def number(value: float | None, tr: Translator) -> str:
    """A number as the report's language writes it: ``12.5`` / ``12,5``, no ``.0``."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return DASH
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    if tr.lang == "sv":
        text = text.replace(",", "\u202f").replace(".", ",")
    return text


def percent(part: int, whole: int, tr: Translator) -> str:
    """``part/whole`` as a whole percentage (``74 %`` in Swedish, ``74%`` in English)."""
    value = round(100 * part / whole) if whole else 0
    return f"{value}\u00a0%" if tr.lang == "sv" else f"{value}%"


def long_date(day: datetime.date, tr: Translator) -> str:
    """``27 November 2025`` / ``27 november 2025``."""
    month = tr(MONTHS[day.month - 1])
    if tr.lang == "sv":
        month = month.lower()
    return f"{day.day} {month} {day.year}"


letters_text = roles_text
