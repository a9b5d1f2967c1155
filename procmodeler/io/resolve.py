"""Resolving a recorded merge conflict: keep ours, or take theirs; one undoable edit.

Taking THEIRS' value of a field puts it in; taking THEIRS' whole element puts it back
(with the elements it needs that are themselves recorded as conflicts, and a shape on
its diagram) or, when THEIRS deleted it, deletes it with what goes with it, as the
table of :mod:`procmodeler.io.records` says.
"""

from __future__ import annotations

from typing import Any

from procmodeler.common.errors import EditRefused
from procmodeler.common.i18n import N_, Message
from procmodeler.edit.editor import Editor
from procmodeler.edit.operations import DEFAULT_SIZE
from procmodeler.edit.placement import free_spot
from procmodeler.io.merge import Conflict
from procmodeler.io.records import BY_NAME, CASCADE, KINDS, NAMESPACE, Kind
from procmodeler.model.architecture import Architecture
from procmodeler.model.elements import Process

OURS = "ours"
THEIRS = "theirs"


def _current(arch: Architecture, kind: Kind, key: Any) -> Any:
    return kind.current(arch, key)


def _put(ed: Editor, kind: Kind, key: Any, value: Any) -> None:
    """Make the record at *key* *value* (None: remove it), a nested item in its owner."""
    try:
        collection, store_key, stored = kind.stored(ed.arch, key, value)
    except LookupError as gone:
        raise EditRefused(
            Message(N_("Theirs needs '{id}', which no longer exists."), id=gone.args[0])
        ) from None
    except ValueError:
        raise EditRefused(
            Message(N_("Theirs' '{id}' does not go with what is there now."), id=kind.key_id(key))
        ) from None
    ed.put(collection, store_key, stored)


def resolve(ed: Editor, entry_key: tuple[str, str, str], take: str) -> None:
    """Resolve one recorded conflict (its key in ``arch.conflicts``) by keeping OURS'
    side (the model has it already) or taking THEIRS'; raises EditRefused when THEIRS'
    side cannot be taken (it needs an element that is gone)."""
    values = ed.arch.conflicts.get(entry_key)
    if values is None:
        raise EditRefused(Message(N_("This conflict has already been resolved.")))
    conflict = Conflict.from_entry(entry_key, values)
    label = (
        Message(N_("Take theirs: {id}"), id=conflict.id)
        if take == THEIRS
        else Message(N_("Keep ours: {id}"), id=conflict.id)
    )
    with ed.transaction(label):
        if take == THEIRS:
            _take_theirs(ed, conflict, set())
        ed.put("conflicts", entry_key, None)


def _take_theirs(ed: Editor, conflict: Conflict, busy: set[tuple[str, str, str]]) -> None:
    busy.add(conflict.entry_key)
    kind = BY_NAME[conflict.kind]
    arch = ed.arch
    if conflict.field is not None:
        current = _current(arch, kind, conflict.key)
        if current is None:
            raise EditRefused(
                Message(N_("'{id}' no longer exists; its conflict can only be dismissed."),
                        id=conflict.id)
            )  # fmt: skip
        value = kind.with_fields(current, {conflict.field: conflict.theirs})
        value = _bring_needed(ed, kind, conflict.key, value, busy)
        _put(ed, kind, conflict.key, value)
    elif conflict.theirs is None:
        remove_element(ed, kind, conflict.key)
    else:
        value = _bring_needed(ed, kind, conflict.key, conflict.theirs, busy)
        _put(ed, kind, conflict.key, value)
        if isinstance(conflict.theirs, Process):
            _place(ed, conflict.theirs)
        ed.put("conflicts", conflict.entry_key, None)


def _bring_needed(
    ed: Editor, kind: Kind, key: Any, value: Any, busy: set[tuple[str, str, str]]
) -> Any:
    """Put back the elements *value* refers to that are gone, from their own recorded
    conflicts; a reference that may be cleared is cleared; refuse when an element that
    *value* cannot do without is gone for good. Returns the value to put."""
    arch = ed.arch
    for ref in kind.refs:
        for target in kind.referred(key, value, ref):
            if any(BY_NAME[name].current(arch, target) is not None for name in ref.kinds):
                continue
            for name in ref.kinds:
                entry = (name, target, "")
                values = arch.conflicts.get(entry)
                if values is not None and values[2] is not None and entry not in busy:
                    _take_theirs(ed, Conflict.from_entry(entry, values), busy)
                    break
            else:
                if ref.on_delete == CASCADE or ref.field is None:
                    raise EditRefused(
                        Message(N_("Theirs needs '{id}', which no longer exists."), id=target)
                    )
                value = kind.with_fields(
                    value, {ref.field: _without(kind.get(value, ref.field), {target})}
                )
    return value


def _without(old: Any, gone: set[str]) -> Any:
    """A reference with the ids in *gone* cleared."""
    return tuple(i for i in old if i not in gone) if isinstance(old, tuple) else None


def _place(ed: Editor, proc: Process) -> None:
    """Give a put-back process a shape on its diagram when it has none anywhere."""
    if not ed.arch.levels_showing(proc.id):
        bounds = free_spot(ed.arch, proc.parent, proc.kind, DEFAULT_SIZE)
        ed.put("shapes", (proc.parent, proc.id), bounds)


def remove_element(ed: Editor, kind: Kind, key: Any) -> None:
    """Delete a record and, for an element, what goes with it (cascading references)
    and the references to it that are cleared."""
    arch = ed.arch
    if kind.name in NAMESPACE:
        for other in KINDS:
            if other in kind.held():
                continue  # its items live in the record and go with it
            for other_key, value in list(other.items(arch).items()):
                hits = [ref for ref in other.refs if key in other.referred(other_key, value, ref)]
                if any(ref.on_delete == CASCADE for ref in hits):
                    if _current(arch, other, other_key) is not None:
                        remove_element(ed, other, other_key)
                elif hits:
                    cleared = {
                        ref.field: _without(other.get(value, ref.field), {key})
                        for ref in hits
                        if ref.field is not None
                    }
                    _put(ed, other, other_key, other.with_fields(value, cleared))
    if _current(arch, kind, key) is not None:
        _put(ed, kind, key, None)
