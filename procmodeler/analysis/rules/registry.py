"""The rule registry: finding records, rule descriptions, groups and the helpers rules share."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import NamedTuple

from procmodeler.analysis.index import ModelIndex
from procmodeler.common.i18n import N_, Message, Translator, translator

#: How many names a message lists before it says "and N more".
MAX_NAMES = 8


class Raw(NamedTuple):
    """A finding before severity, language and suppression are applied (a named tuple:
    rules make thousands, and a frozen dataclass costs a setattr call per field)."""

    elements: tuple[str, ...]
    message: Message
    related: tuple[str, ...] = ()


RuleFunction = Callable[[ModelIndex], Iterator[Raw]]


@dataclass(frozen=True)
class RuleInfo:
    """A rule: stable id, default severity, group, texts (English msgids) and its check.

    ``title``, ``why`` and ``what`` are English source strings; translate them with
    :meth:`texts` (or a :class:`~procmodeler.common.i18n.Translator`).
    """

    id: str
    severity: str
    group: str
    title: str
    why: str
    what: str
    check: RuleFunction
    #: True when ``elements`` is a set of ids given in sorted order (a suppression
    #: for this rule matches whatever order its ids are written in).
    elements_sorted: bool = False

    def texts(self, tr: Translator) -> tuple[str, str, str]:
        """(title, why it matters, what to do) in *tr*'s language."""
        return tr(self.title), tr(self.why), tr(self.what)


#: Rule groups in RULES.md order, with their headings.
GROUPS: dict[str, str] = {
    "orphan": N_("Orphaned processes"),
    "responsibility": N_("Unclear responsibility"),
    "kpi": N_("Flow and effect"),
    "strategy": N_("Strategic steering"),
    "improvement": N_("Improvement and establishment"),
    "analysis": N_("Graph analysis"),
}

RULES: dict[str, RuleInfo] = {}


def _rule(
    rule_id: str,
    severity: str,
    title: str,
    why: str,
    what: str,
    elements_sorted: bool = False,
    group: str | None = None,
) -> Callable[[RuleFunction], RuleFunction]:
    """Register a rule; its group is the first part of its id unless *group* says."""

    group_name = group or rule_id.split(".", 1)[0]

    def register(func: RuleFunction) -> RuleFunction:
        RULES[rule_id] = RuleInfo(
            rule_id, severity, group_name, title, why, what, func, elements_sorted
        )
        return func

    return register


# ---------------------------------------------------------------------- helpers
def _q(name: str) -> str:
    return f"'{name}'"


class _NameList:
    """A list of names rendered as "'A', 'B', 'C'" or "'A', 'B' and 3 more"."""

    def __init__(self, names: list[str]) -> None:
        self.names = names

    def text(self, tr: Translator) -> str:
        shown = ", ".join(_q(n) for n in self.names[:MAX_NAMES])
        rest = len(self.names) - MAX_NAMES
        if rest <= 0:
            return shown
        # plural pairs are plain literals (not N_): extractors read Message(a, b, n)
        return Message("{names} and {n} more", "{names} and {n} more", rest, names=shown).text(tr)


class _Msg(Message):
    """A Message whose arguments may be name lists or nested messages (rendered late)."""

    def text(self, tr: Translator | None = None) -> str:
        tr = tr or translator("en")
        args = {
            k: (v.text(tr) if isinstance(v, (_NameList, Message)) else v)
            for k, v in self.args.items()
        }
        template = tr.n(self.msgid, self.plural, self.count) if self.plural else tr(self.msgid)
        return template.format(n=self.count, **args)


def _level(idx: ModelIndex, parent: str | None) -> Message:
    if parent is None:
        return Message(N_("the landscape"))
    return Message(N_("the diagram of '{name}'"), name=idx.process_name(parent))


def _unit_names(idx: ModelIndex, uids: list[str]) -> _NameList:
    return _NameList([idx.unit_name(u) for u in uids])
