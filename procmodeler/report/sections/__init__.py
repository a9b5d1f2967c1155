"""The chapters of the report, each a function that returns flowables: cover, document
control, contents,
executive summary, process map, process sections, participation matrix, flow and effect
(the scorecard, when the model has KPIs), strategy and improvement (when the model has objectives or improvements), the changes since an older version (when one is given), findings,
graph analysis, index and glossary. Every user text is escaped before it goes into
paragraph markup; every label is translated.

One module per group of chapters (``cover``, ``doccontrol``, ``overview``, ``perprocess``,
``matrixtable``, ``flow``, ``strategy``, ``changes``, ``checks``, ``back``); ``base`` holds what they share."""

from procmodeler.report.sections.back import GLOSSARY, glossary, index
from procmodeler.report.sections.base import Dot, VerticalLabel, splittable
from procmodeler.report.sections.changes import Comparison, changes
from procmodeler.report.sections.checks import findings, graph_analysis
from procmodeler.report.sections.cover import contents, paint_cover
from procmodeler.report.sections.doccontrol import document_control
from procmodeler.report.sections.flow import has_scorecard, scorecard
from procmodeler.report.sections.matrixtable import matrix
from procmodeler.report.sections.overview import summary
from procmodeler.report.sections.perprocess import process_map, processes
from procmodeler.report.sections.strategy import has_strategy, strategy

__all__ = [
    "GLOSSARY",
    "Comparison",
    "Dot",
    "VerticalLabel",
    "changes",
    "contents",
    "document_control",
    "findings",
    "glossary",
    "graph_analysis",
    "has_scorecard",
    "has_strategy",
    "index",
    "matrix",
    "paint_cover",
    "process_map",
    "processes",
    "scorecard",
    "splittable",
    "strategy",
    "summary",
]
