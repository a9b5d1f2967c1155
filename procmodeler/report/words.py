"""The report's words: names of the model's vocabularies (process, relation and KPI
kinds, statuses, RACI letters, severities, traffic lights) in the report's language,
numbers and dates written the way each language writes them, and escaping of user text
for reportlab's paragraph markup (a process may be called ``R&D <Core>``)."""

from __future__ import annotations

import datetime
import math
from xml.sax.saxutils import escape

from procmodeler.common.i18n import N_, Translator
from procmodeler.notation.style import BAND_LABELS

KIND_SINGULAR = {
    "management": N_("Management process"),
    "core": N_("Core process"),
    "support": N_("Support process"),
}
KIND_PLURAL = BAND_LABELS
RELATION_KINDS = {"flow": N_("Flow"), "support": N_("Support"), "steering": N_("Steering")}
KPI_KINDS = {
    "lead_time": N_("Lead time"),
    "variation": N_("Variation"),
    "stability": N_("Stability"),
    "customer_experience": N_("Customer experience"),
    "other": N_("Other"),
}
STATUSES = {
    "draft": N_("Draft"),
    "in_review": N_("In review"),
    "approved": N_("Approved"),
    "retired": N_("Retired"),
}
SEVERITIES = {"error": N_("Error"), "warning": N_("Warning"), "info": N_("Note")}
LIGHTS = {
    "green": N_("On target"),
    "yellow": N_("Near target"),
    "red": N_("Off target"),
}
RACI_LETTERS = {
    "R": N_("Responsible (does the work)"),
    "A": N_("Accountable (answers for the result)"),
    "C": N_("Consulted (gives input)"),
    "I": N_("Informed (is kept up to date)"),
}
RACI_SHORT = {
    "R": N_("Responsible"),
    "A": N_("Accountable"),
    "C": N_("Consulted"),
    "I": N_("Informed"),
}
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


def word(table: dict[str, str], key: str, tr: Translator) -> str:
    """The translated name of *key* in a vocabulary table (the key itself if unknown)."""
    msgid = table.get(key)
    return tr(msgid) if msgid else key


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


def letters_text(letters: str, tr: Translator) -> str:
    """``RA`` -> ``Responsible, Accountable`` (translated)."""
    return ", ".join(tr(RACI_SHORT[ch]) for ch in letters if ch in RACI_SHORT)
