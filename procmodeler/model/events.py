"""A tiny synchronous event bus: subscribers get every published event, in order.

The editor publishes one :class:`Committed` per transaction, undo or redo; the canvas,
the panels, the live checks and the recovery journal subscribe to it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from procmodeler.model.changes import Put


@dataclass(frozen=True)
class Committed:
    """The changes of one transaction (``how``: "do", "undo" or "redo"), in applied order."""

    changes: tuple[Put, ...]
    label: Any
    how: str = "do"

    def touched(self, collection: str) -> set[Any]:
        """Keys of *collection* that these changes touched."""
        return {c.key for c in self.changes if c.collection == collection}

    def collections(self) -> set[str]:
        return {c.collection for c in self.changes}


class EventBus:
    """Publish events to subscribers in subscription order."""

    def __init__(self) -> None:
        self._subscribers: list[Callable[[Any], None]] = []

    def subscribe(self, callback: Callable[[Any], None]) -> Callable[[], None]:
        """Add a subscriber; returns a function that removes it again."""
        self._subscribers.append(callback)

        def unsubscribe() -> None:
            if callback in self._subscribers:
                self._subscribers.remove(callback)

        return unsubscribe

    def publish(self, event: Any) -> None:
        for callback in list(self._subscribers):
            callback(event)
