"""Three-way merge of models, field by field, over the table of
:mod:`procmodeler.io.records`.

``merge(base, ours, theirs)`` takes every change made on one side, the same change made
on both sides once, and for two different changes to one field (or a deletion on one
side and a change on the other) keeps OURS and records a :class:`Conflict`. An id that
both sides added for different elements keeps both: THEIRS' element gets a new id and
every reference to it follows. References left dangling by a deletion are repaired so
that the result is a valid model (see ``docs/teams.md`` for the exact rules).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from procmodeler.common.i18n import N_, Message
from procmodeler.io.diff import Namer, field_label
from procmodeler.io.records import (
    BY_NAME,
    CASCADE,
    KINDS,
    NAMESPACE,
    Kind,
    assemble,
    fold,
    renamed,
)
from procmodeler.model.architecture import Architecture
from procmodeler.model.ids import IdAllocator

Items = dict[str, dict[Any, Any]]  # kind name -> {key: value}
#: Makes the id allocator of one merge from the ids in use on any side.
Allocator = Callable[[set[str]], Callable[[str], str]]

_DIGITS = re.compile(r"\d+$")


@dataclass(frozen=True)
class Conflict:
    """Two sides disagree. ``field`` None: the whole element (deleted on one side,
    changed or still needed on the other; the deleted side's value is None)."""

    kind: str
    key: Any
    field: str | None
    base: Any
    ours: Any
    theirs: Any

    @property
    def id(self) -> str:
        return BY_NAME[self.kind].key_id(self.key)

    @property
    def entry_key(self) -> tuple[str, str, str]:
        """The key of this conflict in the model's ``conflicts`` collection."""
        return (self.kind, self.id, self.field or "")

    @classmethod
    def from_entry(cls, key: tuple[str, str, str], values: tuple[Any, Any, Any]) -> Conflict:
        kind, element_id, field_name = key
        base, ours, theirs = values
        return cls(kind, BY_NAME[kind].parse_id(element_id), field_name or None, base, ours, theirs)


@dataclass
class MergeResult:
    """The merged model (conflicts recorded in its ``conflicts``), the conflicts, and
    THEIRS' ids that were renumbered (old id -> new id)."""

    model: Architecture
    conflicts: list[Conflict]
    renumbered: dict[str, str] = field(default_factory=dict)


class NextFreeIds:
    """Deterministic new ids by the model's one id policy (:class:`IdAllocator`
    ``numbered``): *old_id*'s prefix and one above the highest number in use with that
    prefix (``proc_4`` taken on both sides -> ``proc_5``), never a taken id."""

    def __init__(self, taken: set[str]) -> None:
        self.ids = IdAllocator(taken)

    def __call__(self, old_id: str) -> str:
        return self.ids.numbered(_DIGITS.sub("", old_id) or "id_")


def conflicts_of(arch: Architecture) -> list[Conflict]:
    """The unresolved conflicts recorded in a model."""
    return [Conflict.from_entry(key, values) for key, values in arch.conflicts.items()]


def _items(arch: Architecture) -> Items:
    return {kind.name: kind.items(arch) for kind in KINDS}


# ---------------------------------------------------------------------- renumbering
def colliding_ids(base: Items, ours: Items, theirs: Items) -> list[str]:
    """THEIRS' added ids that OURS uses for another element, in THEIRS' order."""
    ours_ids: dict[str, tuple[str, Any]] = {}
    for name in NAMESPACE:
        for key, value in ours[name].items():
            ours_ids[key] = (name, value)
    found = []
    for name in NAMESPACE:
        added_in_base = base[name]
        for key, value in theirs[name].items():
            if key in added_in_base or key not in ours_ids:
                continue
            other_kind, other = ours_ids[key]
            if other_kind == name and key not in base[name] and other == value:
                continue  # the same element added on both sides
            found.append(key)
    return found


def rename_items(items: Items, mapping: dict[str, str], base: Items) -> Items:
    """Every record with its id and its references renamed by *mapping* (ids that
    *base* does not have: so only records that differ from *base* can refer to them)."""
    if not mapping:
        return items
    out: Items = {}
    for kind in KINDS:
        before = base[kind.name]
        out[kind.name] = dict(
            (key, value)
            if (old := before.get(key)) is value or (old is not None and old == value)
            else renamed(kind, key, value, mapping)
            for key, value in items[kind.name].items()
        )
    return out


# ---------------------------------------------------------------------- three-way
class _Merger:
    def __init__(self, base: Items, ours: Items, theirs: Items) -> None:
        self.base, self.ours, self.theirs = base, ours, theirs
        self.merged: Items = {}
        self.conflicts: dict[tuple[str, Any, str | None], Conflict] = {}
        self._dependents: dict[str, list[tuple[str, Any]]] | None = None

    def conflict(
        self, kind: Kind, key: Any, field_name: str | None, b: Any, o: Any, t: Any
    ) -> None:
        ckey = (kind.name, key, field_name)
        if ckey not in self.conflicts:
            if field_name is None and kind.held():  # a whole element, with its items
                b = kind.whole(self.base, key, b)
                o = kind.whole(self.ours, key, o)
                t = kind.whole(self.theirs, key, t)
            self.conflicts[ckey] = Conflict(kind.name, key, field_name, b, o, t)

    def merge_kind(self, kind: Kind) -> None:
        b, o, t = self.base[kind.name], self.ours[kind.name], self.theirs[kind.name]
        out: dict[Any, Any] = {}
        for key, ov in o.items():
            if key in t:
                tv = t[key]
                same = ov is tv or ov == tv
                if not same and kind.recomputed and b.get(key) not in (ov, tv):
                    continue  # both sides re-routed it: routed anew from the merged shapes
                out[key] = ov if same else self.merge_fields(kind, key, b.get(key), ov, tv)
            elif key in b:  # deleted on their side (a deletion wins over a layout change)
                if ov != b[key] and not kind.layout:
                    self.conflict(kind, key, None, b[key], ov, None)
                    out[key] = ov
            else:
                out[key] = ov
        for key, tv in t.items():
            if key in o:
                continue
            if key in b:  # deleted on our side
                if tv != b[key] and not kind.layout:
                    self.conflict(kind, key, None, b[key], None, tv)
            else:
                out[key] = tv
        self.merged[kind.name] = out

    def merge_fields(self, kind: Kind, key: Any, bv: Any, ov: Any, tv: Any) -> Any:
        take: dict[str, Any] = {}
        for name in kind.fields():
            of, tf = kind.get(ov, name), kind.get(tv, name)
            if of == tf:
                continue
            bf = kind.get(bv, name) if bv is not None else None
            if bv is not None and of == bf:
                take[name] = tf
            elif bv is None or tf != bf:
                self.conflict(kind, key, name, bf, of, tf)
        return kind.with_fields(ov, take)

    # .................................................................. repairs
    def exists(self, kinds: tuple[str, ...], element_id: str) -> bool:
        return any(element_id in self.merged[name] for name in kinds)

    def restore_from_ours(self, kinds: tuple[str, ...], element_id: str) -> bool:
        """Bring back an element OURS still has (THEIRS deleted it) with what depends on
        it; a conflict names it. False when OURS does not have it either."""
        for name in kinds:
            value = self.ours[name].get(element_id)
            if value is not None:
                kind = BY_NAME[name]
                self.merged[name][element_id] = value
                self.conflict(kind, element_id, None, self.base[name].get(element_id), value, None)
                self.restore_dependents(element_id)
                return True
        return False

    def restore_dependents(self, element_id: str) -> None:
        if self._dependents is None:
            self._dependents = {}
            for kind in KINDS:
                for key, value in self.ours[kind.name].items():
                    for ref in kind.refs:
                        if ref.on_delete == CASCADE:
                            for target in kind.referred(key, value, ref):
                                self._dependents.setdefault(target, []).append((kind.name, key))
        for name, key in self._dependents.get(element_id, ()):
            if key not in self.merged[name]:
                self.merged[name][key] = self.ours[name][key]
                if name in NAMESPACE:
                    self.restore_dependents(key)

    def repair_record(self, kind: Kind, key: Any, value: Any) -> bool:
        """Repair one record's dangling references; True when something changed."""
        for ref in kind.refs:
            missing = [i for i in kind.referred(key, value, ref) if not self.exists(ref.kinds, i)]
            if not missing:
                continue
            if not kind.layout and any(self.restore_from_ours(ref.kinds, i) for i in missing):
                return True
            items = self.merged[kind.name]
            ours_value = self.ours[kind.name].get(key)
            base_value = self.base[kind.name].get(key)
            if ref.part is None and ours_value is not None:
                name = ref.field or ""
                kept = kind.get(ours_value, name)
                based = kind.get(base_value, name) if base_value is not None else None
                self.conflict(kind, key, name, based, kept, kind.get(value, name))
                items[key] = kind.with_fields(value, {name: kept})
            elif ref.part is None and ref.on_delete != CASCADE:
                name = ref.field or ""
                current = kind.get(value, name)
                kept = (
                    tuple(i for i in current if i not in missing)
                    if isinstance(current, tuple)
                    else None
                )
                items[key] = kind.with_fields(value, {name: kept})
            else:
                del items[key]
                if not kind.layout and value != base_value:
                    self.conflict(kind, key, None, base_value, ours_value, value)
            for i in missing:
                for name in ref.kinds:
                    theirs = self.theirs[name].get(i)
                    if theirs is not None and not BY_NAME[name].layout:
                        self.conflict(BY_NAME[name], i, None, self.base[name].get(i), None, theirs)
            return True
        return False

    def gone(self) -> set[str]:
        """Ids that OURS or THEIRS has and the merge does not: the only ones a merged
        record can refer to in vain (each side refers only to its own elements)."""
        present: set[str] = set()
        known: set[str] = set()
        for name in NAMESPACE:
            present.update(self.merged[name])
            known.update(self.ours[name])
            known.update(self.theirs[name])
        return known - present

    def repair_references(self) -> bool:
        gone = self.gone()
        if not gone:
            return False
        changed = False
        for kind in KINDS:
            items = self.merged[kind.name]
            for extract in kind.extractors():
                for key, value in list(items.items()):
                    raw = extract(key, value)
                    if raw is None:
                        continue
                    hit = raw in gone if type(raw) is str else not gone.isdisjoint(raw)
                    if hit and key in items and self.repair_record(kind, key, items[key]):
                        changed = True
        return changed

    def record_needed(self) -> None:
        """For each element THEIRS changed and OURS deleted, also record the deleted
        elements it cannot do without (its parent, ...), so that taking THEIRS' side
        later can bring them back too."""
        todo = [c for c in self.conflicts.values() if c.field is None and c.ours is None]
        while todo:
            conflict = todo.pop()
            kind = BY_NAME[conflict.kind]
            for ref in kind.refs:
                if ref.on_delete != CASCADE:
                    continue
                for target in kind.referred(conflict.key, conflict.theirs, ref):
                    for name in ref.kinds:
                        theirs = self.theirs[name].get(target)
                        key = (name, target, None)
                        if theirs is None or target in self.merged[name] or key in self.conflicts:
                            continue
                        base = self.base[name].get(target)
                        self.conflict(BY_NAME[name], target, None, base, None, theirs)
                        todo.append(self.conflicts[key])

    def repair_cycles(self) -> bool:
        """Parent chains that became cycles (each side moved one element under the
        other): the element whose parent came from THEIRS keeps OURS' parent."""
        changed = False
        for kind in KINDS:
            if kind.tree is None:
                continue
            items = self.merged[kind.name]
            for start in _cycle_members(items, kind.tree):
                value = items[start]
                ours_value = self.ours[kind.name].get(start)
                ours_parent = kind.get(ours_value, kind.tree) if ours_value is not None else None
                if kind.get(value, kind.tree) == ours_parent:
                    continue
                base_value = self.base[kind.name].get(start)
                self.conflict(
                    kind,
                    start,
                    kind.tree,
                    kind.get(base_value, kind.tree) if base_value is not None else None,
                    ours_parent,
                    kind.get(value, kind.tree),
                )
                items[start] = kind.with_fields(value, {kind.tree: ours_parent})
                changed = True
                break
        return changed

    def repair_nested(self) -> None:
        """Nested items of one owner that do not go together (both sides started a KPI's
        series, with periods of different kinds): the owner keeps OURS' items, and each
        of THEIRS' that differs is a conflict."""
        for kind in KINDS:
            if kind.nesting is None:
                continue
            owner = BY_NAME[kind.nesting.owner]
            owners = self.merged[owner.name]
            items = self.merged[kind.name]
            grouped: dict[Any, dict[Any, Any]] = {}
            for key, value in items.items():
                grouped.setdefault(key[0], {})[key] = value
            ours = self.ours[kind.name]
            for owner_id, mine in grouped.items():
                if owner_id not in owners or all(ours.get(k) is v for k, v in mine.items()):
                    continue  # OURS' own items (or none left): they go together
                try:
                    fold(kind, {owner_id: owners[owner_id]}, mine)
                except ValueError:
                    for key, value in mine.items():
                        if ours.get(key) != value:
                            del items[key]
                            if key in ours:
                                items[key] = ours[key]
                            base = self.base[kind.name].get(key)
                            self.conflict(kind, key, None, base, ours.get(key), value)


def _cycle_members(items: dict[Any, Any], tree: str) -> list[Any]:
    """Keys of the records that are their own ancestors."""
    members: list[Any] = []
    done: set[Any] = set()
    for start in items:
        chain: list[Any] = []
        on_chain: set[Any] = set()
        current = start
        while current is not None and current in items and current not in done:
            if current in on_chain:
                members.extend(chain[chain.index(current) :])
                break
            chain.append(current)
            on_chain.add(current)
            current = getattr(items[current], tree)
        done.update(chain)
    return members


def merge(
    base: Architecture,
    ours: Architecture,
    theirs: Architecture,
    allocator: Allocator = NextFreeIds,
) -> MergeResult:
    """Merge THEIRS' changes since BASE into OURS (see the module docstring)."""
    b, o, t = _items(base), _items(ours), _items(theirs)
    mapping: dict[str, str] = {}
    collisions = colliding_ids(b, o, t)
    if collisions:
        taken = set().union(*(set(items[n]) for items in (b, o, t) for n in NAMESPACE))
        allocate = allocator(taken)
        mapping = {old: allocate(old) for old in collisions}
        t = rename_items(t, mapping, b)
    merger = _Merger(b, o, t)
    for kind in KINDS:
        merger.merge_kind(kind)
    for _ in range(10_000):
        if not (merger.repair_references() or merger.repair_cycles()):
            break
    merger.record_needed()
    merger.repair_nested()
    conflicts = list(merger.conflicts.values())
    recorded = {**theirs.conflicts, **ours.conflicts}
    for item in conflicts:
        recorded[item.entry_key] = (item.base, item.ours, item.theirs)
    model = assemble(merger.merged, recorded)
    model.origin = ours.origin  # where OURS came from (not content: never merged)
    return MergeResult(model, conflicts, mapping)


def describe(conflict: Conflict, namer: Namer) -> str:
    """One line for people: the element, the field, both values and what was kept."""
    tr = namer.tr
    kind = BY_NAME[conflict.kind]
    record = None
    if conflict.field is None:
        record = conflict.ours if conflict.ours is not None else conflict.theirs
    title = namer.title(kind, conflict.key, record)
    if conflict.field is None:
        if conflict.ours is None:
            what = tr("deleted on our side, changed on theirs; left deleted")
        else:
            what = tr("changed or still used on our side, deleted on theirs; ours kept")
        return f"{title}: {what}"
    label = field_label(conflict.kind, conflict.field, tr)
    return Message(
        N_("{element}: {field}: ours {ours}, theirs {theirs}; ours kept"),
        element=title,
        field=label,
        ours=namer.value(kind, conflict.field, conflict.ours),
        theirs=namer.value(kind, conflict.field, conflict.theirs),
    ).text(tr)
