"""The rules of ``RULES.md``: one function per rule, registered in :data:`RULES` with
its id, default severity and the texts a reader needs (title, why it matters, what to
do), all translatable.

A rule function takes the run's :class:`~procmodeler.analysis.index.ModelIndex` and
yields :class:`Raw` findings: the ``elements`` that identify the finding, the message
(a lazy :class:`~procmodeler.common.i18n.Message`, rendered in the run's language)
and the ids of further elements the message mentions. Graph-shaped rules use
plain-Python graph algorithms of analysis/graphs.py (connected and strongly connected
components, articulation points);
the rest is plain Python over the index.

One module per group of rules (``orphans``, ``responsibility``, ``flow``, ``strategy``,
``graph``),
imported here in the order of RULES.md so that :data:`RULES` keeps that order;
``registry`` holds the records and helpers they share.
"""

# isort: off
# registration order is the order of RULES.md
from procmodeler.analysis.rules import orphans, responsibility, flow, strategy, graph

# isort: on
from procmodeler.analysis.rules.registry import (
    GROUPS,
    MAX_NAMES,
    RULES,
    Raw,
    RuleFunction,
    RuleInfo,
)

#: The rule modules, in registration order.
MODULES = (orphans, responsibility, flow, strategy, graph)

__all__ = ["GROUPS", "MAX_NAMES", "MODULES", "RULES", "Raw", "RuleFunction", "RuleInfo"]
