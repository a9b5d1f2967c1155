"""The report's chapter "Changes since version X": the semantic diff of an older model, in words, grouped by kind and bounded."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from reportlab.platypus import Flowable, KeepTogether

from procmodeler.common.i18n import N_, Translator
from procmodeler.io.diff import ADDED, CHANGED, REMOVED, Change, diff, field_label
from procmodeler.io.records import BY_NAME, Kind
from procmodeler.model.architecture import Architecture
from procmodeler.report.context import ReportContext
from procmodeler.report.sections.base import _chapter, _head, _table
from procmodeler.report.words import esc, number
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

#: At most this many elements are named per group and list; the rest are counted.
SHOWN = 25
#: A changed text longer than this is shortened in the table.
TEXT_CHARS = 90

#: The groups of the chapter, in order: kind -> heading (layout kinds are not here).
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
class Comparison:
    """The older model a report is compared with and what the report calls it (its
    version label, or its file's name when it has none)."""

    old: Architecture
    label: str


def changes(
    ctx: ReportContext, number_: int, width: float, comparison: Comparison
) -> list[Flowable]:
    """The chapter: an introduction with the counts, then per kind what was added,
    removed and changed, the layout in one line."""
    tr = ctx.tr
    title = since(comparison.label, tr)
    story = _chapter(ctx, number_, title, "changes")
    found = diff(comparison.old, ctx.arch)
    words = _Words(ctx, comparison.old)
    gone_or_new = {c.key for c in found if c.kind == "kpi" and c.op != CHANGED}
    model = [  # the values of a KPI added or removed go with it, unlisted
        c
        for c in found
        if not c.layout and not (c.kind == "measurement" and c.key[0] in gone_or_new)
    ]
    layout = [c for c in found if c.layout]
    if not found:
        story.append(ctx.p(esc(tr("Nothing in the model has changed since that version."))))
        return story
    intro = tr(
        "What changed in the model since {version}, compared element by element: what "
        "was added, what was removed and which fields changed, kind by kind."
    ).format(version=_version(comparison.label, tr))
    story.append(ctx.p(esc(intro)))
    for kind_name, heading in GROUPS.items():
        group = [c for c in model if c.kind == kind_name]
        if group:
            story += _group(ctx, words, BY_NAME[kind_name], tr(heading), group, width)
    if layout:
        story.append(ctx.p(esc(tr("Layout")), "h2"))
        story.append(ctx.p(esc(_layout_line(ctx, layout))))
    return story


def since(label: str, tr: Translator) -> str:
    """The chapter's title: "Changes since version 2.1", or "Changes since Version 2.1
    (adopted)" when the label already says it is a version."""
    return tr("Changes since {version}").format(version=_version(label, tr))


def _version(label: str, tr: Translator) -> str:
    if label.lower().startswith(tr("version").lower()):
        return label
    return tr("version {version}").format(version=label)


# ---------------------------------------------------------------------- one group
def _group(
    ctx: ReportContext, words: _Words, kind: Kind, heading: str, group: list[Change], width: float
) -> list[Flowable]:
    tr = ctx.tr
    story: list[Flowable] = [ctx.p(esc(heading), "h2")]
    if kind.name == "measurement":
        return story + [_changed_table(ctx, _measurement_rows(words, group), width)]
    for op, label in ((ADDED, N_("Newly added")), (REMOVED, N_("Deleted"))):
        names = [
            words.element(kind, c.key, c.new if op == ADDED else c.old) for c in group if c.op == op
        ]
        if names:
            shown = _bounded(names, tr)
            text = f"<b>{esc(tr(label))} ({len(names)}):</b> {esc(shown)}"
            story.append(ctx.p(text))
    rows: dict[Any, list[str]] = {}
    for c in group:
        if c.op == CHANGED and c.field is not None:
            rows.setdefault(c.key, []).append(words.field_change(kind, c))
    if rows:
        named = [
            (words.element(kind, key, kind.current(ctx.arch, key)), lines)
            for key, lines in rows.items()
        ]
        story.append(_changed_table(ctx, named, width))
    return story


def _changed_table(ctx: ReportContext, rows: list[tuple[str, list[str]]], width: float) -> Flowable:
    """Name | what changed, at most SHOWN rows, the rest counted below."""
    tr = ctx.tr
    name_w = min(190.0, width * 0.34)
    table_rows: list[list[object]] = [_head(ctx, N_("Name"), N_("What changed"))]
    for name, lines in rows[:SHOWN]:
        what = ctx.p("<br/>".join(esc(line).replace("\n", "<br/>") for line in lines), "cell")
        table_rows.append([ctx.cell(name, name_w), what])
    table = _table(ctx, table_rows, [name_w, width - name_w])
    if len(rows) <= SHOWN:
        return table
    rest = len(rows) - SHOWN
    more = tr.n(
        "{n} more changed element is not listed.", "{n} more changed elements are not listed.", rest
    )
    return KeepTogether([table, ctx.p(esc(more.format(n=rest)), "small")])


def _measurement_rows(words: _Words, group: list[Change]) -> list[tuple[str, list[str]]]:
    """Per KPI: the periods whose values were added, removed or changed."""
    tr = words.tr
    per_kpi: dict[str, dict[str, list[str]]] = {}
    for c in group:
        kpi, period = c.key
        per_kpi.setdefault(kpi, {}).setdefault(c.op, [])
        if period not in per_kpi[kpi][c.op]:
            per_kpi[kpi][c.op].append(period)
    rows = []
    for kpi, ops in per_kpi.items():
        lines = []
        for op, label in (
            (ADDED, N_("new values for {periods}")),
            (CHANGED, N_("values changed for {periods}")),
            (REMOVED, N_("values removed for {periods}")),
        ):
            if ops.get(op):
                lines.append(tr(label).format(periods=_bounded(ops[op], tr, 8)))
        rows.append((words.name(kpi), lines))
    return rows


def _layout_line(ctx: ReportContext, layout: list[Change]) -> str:
    """One line: how many shapes moved and how many connections were redrawn, in how
    many diagrams."""
    tr = ctx.tr
    shapes = {c.key for c in layout if c.kind == "shape"}
    routes = {c.key for c in layout if c.kind == "waypoints"}
    levels = {BY_NAME[c.kind].key_parts(c.key)[0] for c in layout}
    text = tr.n(
        "The layout changed in {n} diagram:",
        "The layout changed in {n} diagrams:",
        len(levels),
    ).format(n=len(levels))
    parts = [
        tr.n(
            "{n} shape placed, moved or resized", "{n} shapes placed, moved or resized", len(shapes)
        ).format(n=len(shapes)),
        tr.n("{n} connection redrawn", "{n} connections redrawn", len(routes)).format(
            n=len(routes)
        ),
    ]
    return f"{text} {parts[0]}, {parts[1]}. " + tr("Layout changes are not listed one by one.")


def _bounded(names: list[str], tr: Translator, shown: int = SHOWN) -> str:
    """``a, b, c`` or ``a, b, … and 12 more``."""
    if len(names) <= shown:
        return ", ".join(names)
    rest = len(names) - shown
    return tr.n("{names} and {n} more", "{names} and {n} more", rest).format(
        names=", ".join(names[:shown]), n=rest
    )


# ---------------------------------------------------------------------- words
class _Words:
    """Names elements (never by id when a name is known, looking in the new model
    first, then in the old) and says a field's change in the report's words."""

    def __init__(self, ctx: ReportContext, old: Architecture) -> None:
        self.tr = ctx.tr
        self.models = (ctx.arch, old)

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
            return number(value, tr)
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
