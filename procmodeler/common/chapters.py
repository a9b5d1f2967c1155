"""The chapters a report can hold, by the names the command line (``--sections``) and the
app's report dialog use, with what the report calls them (no reportlab, no Qt)."""

from __future__ import annotations

from procmodeler.common.i18n import N_

#: The chapters a report can hold, in their order (the cover, the contents and the
#: document control always stay); a chapter with nothing to say is left out anyway.
SECTIONS = (
    "summary",
    "map",
    "processes",
    "matrix",
    "scorecard",
    "strategy",
    "findings",
    "analysis",
    "index",
    "glossary",
)
#: What each chapter is called, for lists of them (the CLI's help, the app's dialog).
SECTION_TITLES = {
    "summary": N_("Executive summary"),
    "map": N_("The process map"),
    "processes": N_("The processes"),
    "matrix": N_("Participation: processes and units"),
    "scorecard": N_("Flow and effect"),
    "strategy": N_("Strategy and improvement"),
    "findings": N_("Findings of the model checks"),
    "analysis": N_("Graph analysis"),
    "index": N_("Index of processes"),
    "glossary": N_("Glossary"),
}
