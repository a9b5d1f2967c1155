"""The semantic diff told for a reader (the report's "Changes since version X"): grouped by kind in the reader's order, elements by name, fields and values in words, measured values per KPI, the layout counted, long lists bounded."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from procmodeler.common.i18n import N_, Translator
from procmodeler.common.numbers import format_number
from procmodeler.io.diff import ADDED, CHANGED, REMOVED, Change, diff, field_label
from procmodeler.io.records import BY_NAME, Kind
from procmodeler.model.architecture import Architecture
from procmodeler.vocabulary import (
    DIRECTION,
    DOCUMENT_STATUS,
    ESTABLISHMENT,
    IMPROVEMENT_STATUS,
    KPI_KIND,
    PROCESS_KIND,
    RELATION_KIND,
    STATUS,
    roles_text,
    word,
)

#: At most this many periods are named one by one in a line of measured values.
PERIODS_SHOWN = 8
#: A changed text longer than this is shortened.
TEXT_CHARS = 90

#: The groups, in the reader's order: kind -> heading (layout kinds are counted apart).
GROUPS: dict[str, str] = {
    "architecture": N_("The document"),
    "process": N_("Processes"),
    "relation": N_("Relations between processes"),
    "unit": N_("Units"),
    "person": N_("People"),
    "participation": N_("Participation of units"),
    "kpi": N_("Key performance indicators"),
    "measurement": N_("Measured values"),
    "objective": N_("Objectives"),
    "contribution": N_("Contributions to objectives"),
    "improvement": N_("Improvements"),
    "rule": N_("Check rules"),
    "suppression": N_("Suppressed findings"),
}
#: Fields whose values are words of a vocabulary.
WORDS: dict[tuple[str, str], dict[str, str]] = {
    ("architecture", "status"): DOCUMENT_STATUS,
    ("process", "kind"): PROCESS_KIND,
    ("process", "status"): STATUS,
    ("process", "established"): ESTABLISHMENT,
    ("relation", "kind"): RELATION_KIND,
    ("kpi", "kind"): KPI_KIND,
    ("kpi", "direction"): DIRECTION,
    ("improvement", "status"): IMPROVEMENT_STATUS,
}
#: Where the elements an id may name live, looked up in this order.
_COLLECTIONS = ("processes", "units", "people", "objectives", "kpis", "improvements")


@dataclass(frozen=True)
class ChangeGroup:
    """The changes of one kind: its heading, the names of what was added and deleted
    (all of them), and per changed element its name and one line per changed field."""

    heading: str
    added: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)
    changed: list[tuple[str, list[str]]] = field(default_factory=list)


@dataclass(frozen=True)
class ChangeSummary:
    """Everything that changed, in words; the layout only counted."""

    groups: list[ChangeGroup]
    diagrams: int = 0
    shapes: int = 0
    routes: int = 0

    @property
    def empty(self) -> bool:
        return not self.groups and not self.diagrams


def summarise(old: Architecture, new: Architecture, tr: Translator) -> ChangeSummary:
    """What changed from *old* to *new* (``procmodeler diff``), in *tr*'s language."""
    found = diff(old, new)
    words = _Words(new, old, tr)
    gone_or_new = {c.key for c in found if c.kind == "kpi" and c.op != CHANGED}
    model = [  # the values of a KPI added or deleted go with it, unlisted
        c
        for c in found
        if not c.layout and not (c.kind == "measurement" and c.key[0] in gone_or_new)
    ]
    groups = []
    for kind_name, heading in GROUPS.items():
        group = [c for c in model if c.kind == kind_name]
        if group:
            groups.append(_group(words, BY_NAME[kind_name], tr(heading), group))
    layout = [c for c in found if c.layout]
    return ChangeSummary(
        groups,
        len({BY_NAME[c.kind].key_parts(c.key)[0] for c in layout}),
        len({c.key for c in layout if c.kind == "shape"}),
        len({c.key for c in layout if c.kind == "waypoints"}),
    )


def periods_text(periods: list[str], tr: Translator) -> str:
    """``2025-07, 2025-08`` or, for many, ``2023-07 to 2025-06 (24 periods)``."""
    if len(periods) <= PERIODS_SHOWN:
        return ", ".join(periods)
    first, last = min(periods), max(periods)
    return tr.n(
        "{first} to {last} ({n} period)", "{first} to {last} ({n} periods)", len(periods)
    ).format(first=first, last=last, n=len(periods))


def _group(words: _Words, kind: Kind, heading: str, changes: list[Change]) -> ChangeGroup:
    if kind.name == "measurement":
        return ChangeGroup(heading, changed=_measurement_rows(words, changes))
    group = ChangeGroup(heading)
    rows: dict[Any, list[str]] = {}
    for c in changes:
        if c.op == ADDED:
            group.added.append(words.element(kind, c.key, c.new))
        elif c.op == REMOVED:
            group.deleted.append(words.element(kind, c.key, c.old))
        elif c.field is not None:
            rows.setdefault(c.key, []).append(words.field_change(kind, c))
    for key, lines in rows.items():
        group.changed.append((words.element(kind, key, kind.current(words.models[0], key)), lines))
    return group


def _measurement_rows(words: _Words, changes: list[Change]) -> list[tuple[str, list[str]]]:
    """Per KPI: the periods whose values were added, removed or changed."""
    tr = words.tr
    per_kpi: dict[str, dict[str, list[str]]] = {}
    for c in changes:
        kpi, period = c.key
        periods = per_kpi.setdefault(kpi, {}).setdefault(c.op, [])
        if period not in periods:
            periods.append(period)
    rows = []
    for kpi, ops in per_kpi.items():
        lines = []
        for op, label in (
            (ADDED, N_("new values for {periods}")),
            (CHANGED, N_("values changed for {periods}")),
            (REMOVED, N_("values removed for {periods}")),
        ):
            if ops.get(op):
                lines.append(tr(label).format(periods=periods_text(ops[op], tr)))
        rows.append((words.name(kpi), lines))
    return rows


# ---------------------------------------------------------------------- words
class _Words:
    """Names elements (never by id when a name is known, looking in the new model
    first, then in the old) and says a field's change in words."""

    def __init__(self, new: Architecture, old: Architecture, tr: Translator) -> None:
        self.tr = tr
        self.models = (new, old)

    def name(self, element_id: str) -> str:
        for arch in self.models:
            for collection in _COLLECTIONS:
                value = getattr(arch, collection).get(element_id)
                if value is not None:
                    return str(
                        getattr(value, "name", "") or getattr(value, "title", "") or element_id
                    )
        return element_id

    def element(self, kind: Kind, key: Any, record: Any) -> str:
        """What the reader calls an added, removed or changed element."""
        if kind.collection == "meta":
            return self.tr("Properties of the document")
        if record is None:
            for arch in self.models:
                record = kind.current(arch, key)
                if record is not None:
                    break
        if kind.name == "relation" and record is not None:
            text = f"{self.name(record.source)} \u2192 {self.name(record.target)}"
            return f"{text} ({record.object})" if record.object else text
        if not kind.parts:
            return kind.name_of(record) or str(key)
        parts = kind.key_parts(key)
        if kind.name == "suppression":
            rule, elements = parts
            return f"{rule}: " + ", ".join(self.name(e) for e in elements)
        return " \u2013 ".join(self.name(p) if isinstance(p, str) else str(p) for p in parts)

    def field_change(self, kind: Kind, change: Change) -> str:
        assert change.field is not None
        label = field_label(kind.name, change.field, self.tr)
        if change.field == "change_log":
            before = set(change.old or ())
            added = [entry for entry in change.new or () if entry not in before]
            if added and len(change.new) == len(before) + len(added):  # lines added only
                return "\n".join(
                    f"{label}: "
                    + self.tr("new line {when}: {change}").format(
                        when=f"{entry.date} {entry.version}".strip(), change=_short(entry.change)
                    )
                    for entry in added
                )
        old = self.value(kind, change.field, change.old)
        new = self.value(kind, change.field, change.new)
        return f"{label}: {old} \u2192 {new}"

    def value(self, kind: Kind, field: str, value: Any) -> str:
        tr = self.tr
        if value is None or value == "" or value == ():
            return tr("(none)")
        vocabulary = WORDS.get((kind.name, field))
        if vocabulary is not None:
            return word(vocabulary, str(value), tr)
        if kind.name == "participation":
            return roles_text(str(value), tr)
        if field == "change_log":
            return tr.n("{n} line", "{n} lines", len(value)).format(n=len(value))
        if any(ref.field == field for ref in kind.refs):
            ids = value if isinstance(value, tuple) else (value,)
            return ", ".join(self.name(i) for i in ids)
        if isinstance(value, (int, float)):
            return format_number(value, decimal_comma=tr.lang == "sv")
        if isinstance(value, tuple):
            return ", ".join(_short(str(v)) for v in _flat(value))
        return _short(str(value))


def _flat(values: Iterable[Any]) -> Iterable[Any]:
    for v in values:
        if isinstance(v, tuple):
            yield from _flat(v)
        else:
            yield v


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= TEXT_CHARS else text[: TEXT_CHARS - 1].rstrip() + "\u2026"
