"""Semantic diff of two models: added, removed and changed records of every kind, one
change per changed field, walked over the table of :mod:`procmodeler.io.records`.

``diff(old, new)`` gives a list of :class:`Change`; ``apply_changes(old, changes)``
gives ``new`` back; ``to_json`` and ``format_text`` are the two outputs of
``procmodeler diff`` (CLI.md).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from procmodeler.common.i18n import N_, Message, Translator
from procmodeler.io.records import BY_NAME, KINDS, Kind, assemble, to_json
from procmodeler.model.architecture import Architecture

ADDED = "added"
REMOVED = "removed"
CHANGED = "changed"


@dataclass(frozen=True, slots=True)
class Change:
    """One difference. For ``changed``: one field's old and new value; for ``added`` and
    ``removed``: the whole record in ``new`` or ``old`` (not written to JSON)."""

    op: str
    kind: str
    key: Any
    field: str | None = None
    old: Any = None
    new: Any = None

    @property
    def id(self) -> str:
        """The element's id as CLI.md writes it (``proc_1``, ``PROCESS/UNIT``, ...)."""
        return BY_NAME[self.kind].key_id(self.key)

    @property
    def layout(self) -> bool:
        return BY_NAME[self.kind].layout

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"op": self.op, "kind": self.kind, "id": self.id}
        if self.op == CHANGED:
            out["field"] = self.field
            out["old"] = to_json(self.old)
            out["new"] = to_json(self.new)
        return out


def diff_kind(kind: Kind, old: dict[Any, Any], new: dict[Any, Any]) -> list[Change]:
    """The changes of one kind between two ``{key: value}`` dicts."""
    changes: list[Change] = []
    name = kind.name
    for key, before in old.items():
        after = new.get(key)
        if after is None:
            changes.append(Change(REMOVED, name, key, old=before))
        elif after is not before and after != before:
            for field in kind.fields():
                a, b = kind.get(before, field), kind.get(after, field)
                if a != b:
                    changes.append(Change(CHANGED, name, key, field, a, b))
    for key, after in new.items():
        if key not in old:
            changes.append(Change(ADDED, name, key, new=after))
    return changes


def diff(old: Architecture, new: Architecture) -> list[Change]:
    """What changed from *old* to *new*: removed, changed (per field), added, per kind
    in the order of :data:`~procmodeler.io.records.KINDS`."""
    changes: list[Change] = []
    for kind in KINDS:
        changes.extend(diff_kind(kind, kind.items(old), kind.items(new)))
    return changes


def apply_changes(arch: Architecture, changes: Iterable[Change]) -> Architecture:
    """A new model: *arch* with *changes* applied (added records go last, in order)."""
    by_kind: dict[str, list[Change]] = {}
    for change in changes:
        by_kind.setdefault(change.kind, []).append(change)
    every: dict[str, dict[Any, Any]] = {}
    for kind in KINDS:
        items = every[kind.name] = kind.items(arch)
        for change in by_kind.get(kind.name, ()):
            if change.op == REMOVED:
                items.pop(change.key, None)
            elif change.op == ADDED:
                items[change.key] = change.new
            else:
                assert change.field is not None  # a change of a field names it
                items[change.key] = kind.with_fields(items[change.key], {change.field: change.new})
    result = assemble(every, dict(arch.conflicts))
    result.origin = arch.origin
    return result


def to_json_text(changes: Sequence[Change]) -> str:
    """The JSON document of CLI.md: ``{"changes": [...]}``."""
    doc = {"changes": [change.to_json() for change in changes]}
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


# ---------------------------------------------------------------------- text
#: Field names as people read them (a field without an entry is shown as it is named).
FIELD_LABELS: dict[str, str] = {
    "name": N_("name"),
    "kind": N_("kind"),
    "parent": N_("parent"),
    "purpose": N_("purpose"),
    "customer": N_("customer"),
    "need": N_("need"),
    "result": N_("result"),
    "objects_in": N_("objects in"),
    "objects_out": N_("objects out"),
    "owner": N_("owner"),
    "leader": N_("leader"),
    "status": N_("status"),
    "original_id": N_("original id"),
    "head": N_("head"),
    "unit": N_("unit"),
    "title": N_("title"),
    "target": N_("target"),
    "object": N_("object"),
    "process": N_("process"),
    "measure": N_("unit of measure"),
    "direction": N_("direction"),
    "actual": N_("actual"),
    "roles": N_("roles"),
    "setting": N_("setting"),
    "justification": N_("justification"),
    "swimlanes": N_("swimlanes"),
    "lane_order": N_("lane order"),
    "points": N_("bend points"),
    "organisation": N_("organisation"),
    "language": N_("language"),
    "version_label": N_("version"),
    "author": N_("author"),
    "value": N_("value"),
    "period": N_("period"),
    "established": N_("establishment level"),
    "next_review": N_("next review"),
    "objective": N_("objective"),
    "horizon": N_("horizon"),
    "description": N_("description"),
    "responsible": N_("responsible"),
    "kpi": N_("KPI"),
    "started": N_("started"),
    "due": N_("due"),
    "done": N_("done"),
    "adopted_by": N_("adopted by"),
    "adopted_on": N_("adopted on"),
    "reference": N_("reference number"),
    "distribution": N_("distribution"),
    "change_log": N_("change log"),
}

#: Labels of fields whose meaning depends on the kind.
KIND_FIELD_LABELS: dict[tuple[str, str], str] = {
    ("relation", "source"): N_("from"),
    ("relation", "target"): N_("to"),
    ("measurement", "note"): N_("comment"),
    ("measurement", "rebase"): N_("process changed here"),
    ("contribution", "note"): N_("remark"),
}


def field_label(kind: str, field: str, tr: Translator) -> str:
    """A field's name for people, in *tr*'s language."""
    return tr(KIND_FIELD_LABELS.get((kind, field)) or FIELD_LABELS.get(field, field))


_OPS = {ADDED: N_("added"), REMOVED: N_("removed"), CHANGED: N_("changed")}


class Namer:
    """Names elements for people, looking in the new model first, then in the old."""

    def __init__(self, old: Architecture, new: Architecture, tr: Translator) -> None:
        self.models = (new, old)
        self.tr = tr
        self._names: dict[str, str] = {}

    def element(self, element_id: str) -> str:
        """``'Name' (id)``, or the id alone when no model knows the element."""
        if element_id not in self._names:
            found = ""
            for arch in self.models:
                for kind in KINDS:
                    if kind.parts or kind.collection == "meta":
                        continue
                    value = getattr(arch, kind.collection).get(element_id)
                    if value is not None:
                        found = kind.name_of(value)
                        break
                if found:
                    break
            self._names[element_id] = f"'{found}' ({element_id})" if found else element_id
        return self._names[element_id]

    def title(self, kind: Kind, key: Any, value: Any = None) -> str:
        """The heading of an element's changes: its kind, name and id (the record is
        looked up in the models when *value* is None)."""
        if value is None and not kind.parts and kind.collection != "meta":
            for arch in self.models:
                value = getattr(arch, kind.collection).get(key)
                if value is not None:
                    break
        label = self.tr(kind.label)
        label = label[:1].upper() + label[1:]
        if kind.collection == "meta":
            return label
        if not kind.parts:
            name = kind.name_of(value)
            return f"{label} '{name}' ({key})" if name else f"{label} {key}"
        parts = []
        for part_name, part in zip(kind.parts, kind.key_parts(key), strict=True):
            if part is None:
                parts.append(self.tr("the landscape") if part_name == "level" else "-")
            elif isinstance(part, tuple):
                parts.append(", ".join(self.element(p) for p in part))
            elif any(ref.part is not None for ref in kind.refs) and part_name != "rule":
                parts.append(self.element(part))
            else:
                parts.append(str(part))
        return f"{label}: " + " × ".join(parts)

    def value(self, kind: Kind, field: str, value: Any) -> str:
        """A field's value for people; ids are named."""
        if value is None or value == "" or value == ():
            return self.tr("(none)")
        is_ref = any(ref.field == field for ref in kind.refs)
        if isinstance(value, tuple):
            items = [self.element(v) if is_ref else self._plain(v) for v in value]
            return "[" + ", ".join(items) + "]"
        if is_ref:
            return self.element(value)
        return self._plain(value)

    def _plain(self, value: Any) -> str:
        if isinstance(value, str):
            return f"'{value}'"
        if isinstance(value, tuple):
            return "(" + ", ".join(self._plain(v) for v in value) + ")"
        return json.dumps(to_json(value), ensure_ascii=False)


def format_text(
    changes: Sequence[Change], old: Architecture, new: Architecture, tr: Translator
) -> str:
    """The changes for people, grouped by element, layout last and apart."""
    if not changes:
        return tr("No changes.") + "\n"
    namer = Namer(old, new, tr)
    groups: dict[tuple[str, Any], list[Change]] = {}
    for change in changes:
        groups.setdefault((change.kind, change.key), []).append(change)
    model_lines: list[str] = []
    layout_lines: list[str] = []
    for (kind_name, key), group in groups.items():
        kind = BY_NAME[kind_name]
        first = group[0]
        record = first.new if first.op == ADDED else first.old if first.op == REMOVED else None
        lines = layout_lines if kind.layout else model_lines
        lines.append(f"{namer.title(kind, key, record)}: {tr(_OPS[first.op])}")
        for change in group:
            if change.op == CHANGED and change.field is not None:
                label = field_label(kind.name, change.field, tr)
                old_text = namer.value(kind, change.field, change.old)
                new_text = namer.value(kind, change.field, change.new)
                lines.append(f"  {label}: {old_text} → {new_text}")
    out = model_lines
    if layout_lines:
        if out:
            out.append("")
        out.append(tr("Layout:"))
        out.extend(f"  {line}" for line in layout_lines)
    summary = Message(N_("{n} change"), N_("{n} changes"), len(changes)).text(tr)
    out.extend(["", summary])
    return "\n".join(out) + "\n"


def format_listing(arch: Architecture, tr: Translator) -> str:
    """Every record of one model, one line per set field under a heading per element,
    layout last: the text git diffs line by line (``git-setup``'s textconv driver)."""
    namer = Namer(arch, arch, tr)
    model_lines: list[str] = []
    layout_lines: list[str] = []
    for kind in KINDS:
        lines = layout_lines if kind.layout else model_lines
        for key, value in kind.items(arch).items():
            lines.append(namer.title(kind, key, value))
            for name in kind.fields():
                field_value = kind.get(value, name)
                if name == "id" or field_value in (None, "", ()):
                    continue
                if name in kind.parts:
                    continue  # already in the heading (a measurement's period)
                label = field_label(kind.name, name, tr)
                lines.append(f"  {label}: {namer.value(kind, name, field_value)}")
    if layout_lines:
        model_lines.extend(["", tr("Layout:"), *layout_lines])
    return "\n".join(model_lines) + "\n"
