"""The :class:`Editor`: transactions, the undo/redo stack and change notices.

An operation opens one transaction (``with editor.transaction(label):``), writes through
:meth:`Editor.put`, and on commit the transaction's change records go onto the undo
stack and the bus publishes one :class:`~procmodeler.model.events.Committed`. If the
operation raises, everything it changed is rolled back and nothing is published.
Undo applies the inverse records in reverse order; redo applies the records again.
This is our own stack rather than ``QUndoStack`` so that the editing layer stays
Qt-free (undo in the CLI and in pure tests) and a live drag is one entry on release.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from procmodeler.common.i18n import Message
from procmodeler.model.architecture import Architecture
from procmodeler.model.changes import Put
from procmodeler.model.events import Committed, EventBus


@dataclass
class Transaction:
    """One undoable step: a label for the Undo menu and its change records."""

    label: Message
    changes: list[Put] = field(default_factory=list)


class Editor:
    """Edits one architecture with transactions, undo and redo."""

    def __init__(self, arch: Architecture | None = None, undo_limit: int = 1000) -> None:
        self.arch = arch if arch is not None else Architecture()
        self.bus = EventBus()
        self.undo_limit = undo_limit
        self._undo: list[Transaction] = []
        self._redo: list[Transaction] = []
        self._open: Transaction | None = None
        self._depth = 0
        # Position in the undo history that matches the file on disk; None: never.
        self._clean: int | None = 0
        self._dropped = 0  # transactions dropped off the bottom of the stack

    # ------------------------------------------------------------------ transactions
    @contextmanager
    def transaction(self, label: Message) -> Iterator[Transaction]:
        """Group changes into one undo entry; nested transactions join the outer one."""
        if self._open is not None:
            self._depth += 1
            try:
                yield self._open
            finally:
                self._depth -= 1
            return
        with self._applying(label) as tx:
            yield tx
        if tx.changes:
            self._push(tx)
            self.bus.publish(Committed(tuple(tx.changes), tx.label, "do"))

    @contextmanager
    def _applying(self, label: Message) -> Iterator[Transaction]:
        """The open transaction: its changes are rolled back when the body raises."""
        tx = Transaction(label)
        self._open = tx
        try:
            yield tx
        except BaseException:
            self._open = None
            for change in reversed(tx.changes):
                self.arch.apply(change.inverse())
            raise
        self._open = None

    @contextmanager
    def setting(self, label: Message) -> Iterator[Transaction]:
        """Change a view setting that the file keeps (swimlanes shown on a diagram): the
        changes are applied and published (``how`` = "setting") like an edit's, but they
        are no undo entry and do not make the document modified; the next save writes
        them. Undo and redo entries that touch the same keys are rebased onto the new
        values, so undo and redo stay exact."""
        if self._open is not None:
            raise RuntimeError("a setting inside a transaction")
        with self._applying(label) as tx:
            yield tx
        for change in tx.changes:
            self._rebase(change)
        if tx.changes:
            self.bus.publish(Committed(tuple(tx.changes), tx.label, "setting"))

    def _rebase(self, change: Put) -> None:
        """Make the undo entry that last set *change*'s key end at its new value, and the
        redo entry that next sets it start from there."""
        same = (change.collection, change.key)
        for tx in reversed(self._undo):
            for i in range(len(tx.changes) - 1, -1, -1):
                r = tx.changes[i]
                if (r.collection, r.key) == same:
                    tx.changes[i] = _put(r.collection, r.key, r.old, change.new, r, change)
                    break
            else:
                continue
            break
        for tx in reversed(self._redo):
            for i, r in enumerate(tx.changes):
                if (r.collection, r.key) == same:
                    tx.changes[i] = _put(r.collection, r.key, change.new, r.new, r, change)
                    break
            else:
                continue
            break

    def put(self, collection: str, key: Any, new: Any) -> Put | None:
        """Change the model inside the open transaction (no record when nothing changes)."""
        if self._open is None:
            raise RuntimeError("Editor.put outside a transaction")
        if self.arch.get(collection, key) == new:
            return None
        record = self.arch.put(collection, key, new)
        self._open.changes.append(record)
        return record

    def insert(self, collection: str, key: Any, new: Any, index: int) -> Put:
        """Add *new* at *key*, at position *index* of the collection (an element that
        moves within its collection's order is removed, then inserted here)."""
        if self._open is None:
            raise RuntimeError("Editor.insert outside a transaction")
        record = Put(collection, key, None, new, index)
        self.arch.apply(record)
        self._open.changes.append(record)
        return record

    @property
    def in_transaction(self) -> bool:
        return self._open is not None

    def _push(self, tx: Transaction) -> None:
        self._undo.append(tx)
        self._redo.clear()
        if self._clean is not None and self._clean > self._position:
            self._clean = None  # the saved state was in the redo branch: now unreachable
        if len(self._undo) > self.undo_limit:
            del self._undo[0]
            self._dropped += 1

    # ------------------------------------------------------------------ undo / redo
    @property
    def _position(self) -> int:
        return self._dropped + len(self._undo)

    def can_undo(self) -> bool:
        return bool(self._undo)

    def can_redo(self) -> bool:
        return bool(self._redo)

    def undo_label(self) -> Message | None:
        return self._undo[-1].label if self._undo else None

    def redo_label(self) -> Message | None:
        return self._redo[-1].label if self._redo else None

    def undo(self) -> bool:
        """Undo the last transaction; False when there is nothing to undo."""
        if self._open is not None:
            raise RuntimeError("undo inside a transaction")
        if not self._undo:
            return False
        tx = self._undo.pop()
        inverse = tuple(change.inverse() for change in reversed(tx.changes))
        self.arch.apply_all(inverse)
        self._redo.append(tx)
        self.bus.publish(Committed(inverse, tx.label, "undo"))
        return True

    def redo(self) -> bool:
        """Redo the last undone transaction; False when there is nothing to redo."""
        if self._open is not None:
            raise RuntimeError("redo inside a transaction")
        if not self._redo:
            return False
        tx = self._redo.pop()
        self.arch.apply_all(tx.changes)
        self._undo.append(tx)
        self.bus.publish(Committed(tuple(tx.changes), tx.label, "redo"))
        return True

    def undo_all(self) -> None:
        while self.undo():
            pass

    def redo_all(self) -> None:
        while self.redo():
            pass

    def history(self) -> list[Message]:
        """Labels of the undoable transactions, oldest first."""
        return [tx.label for tx in self._undo]

    # ------------------------------------------------------------------ modified state
    def mark_clean(self) -> None:
        """The current state is what is on disk (after save or open)."""
        self._clean = self._position

    def mark_dirty(self) -> None:
        """The state on disk is unknown or different (e.g. a recovered session)."""
        self._clean = None

    @property
    def is_modified(self) -> bool:
        return self._clean != self._position

    def subscribe(self, callback: Callable[[Committed], None]) -> Callable[[], None]:
        return self.bus.subscribe(callback)


def _put(collection: str, key: Any, old: Any, new: Any, was: Put, setting: Put) -> Put:
    """A record from *old* to *new*, placed where *was* or the *setting* placed the key."""
    if (old is None) == (new is None):
        return Put(collection, key, old, new, None if old is not None else was.index)
    if was.index is not None and (was.old is None) == (old is None):
        return Put(collection, key, old, new, was.index)
    return Put(collection, key, old, new, setting.index)
