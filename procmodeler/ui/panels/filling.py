"""Panels filled only while they can be seen: a big model opens without waiting for the
panels whose tabs are behind others."""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget


class FilledWhenShown:
    """For a panel in a dock (put it before QWidget in the bases): filled (``refresh``)
    while it can be seen, marked stale while its tab is behind another and filled when
    it comes to the front (``set_shown`` from ``make_dock``) or is shown.

    A panel calls :meth:`changed` when the model changed in a way it shows; it may test
    ``_stale`` to skip finer updates while it waits to be filled."""

    _shown = True  # its dock's tab is in front (make_dock says when that changes)
    _stale = True

    def refresh(self) -> None:
        """Fill the panel from the model."""
        raise NotImplementedError

    def in_sight(self) -> bool:
        """Some of it is on the screen (a tab behind another is not)."""
        widget: QWidget = self  # type: ignore[assignment]
        return widget.isVisible() and not widget.visibleRegion().isEmpty()

    def fill(self) -> None:
        """Fill it now (no longer stale)."""
        self._stale = False
        self.refresh()

    def set_shown(self, shown: bool) -> None:
        """Told by the dock when its tab comes to the front or goes behind another."""
        self._shown = shown
        if shown and self._stale:
            self.fill()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt name
        super().showEvent(event)  # type: ignore[misc]
        if self._stale:
            self.fill()

    def changed(self) -> None:
        """The model changed: fill now if it can be seen, else when shown. In a window
        on the screen, a tab behind another is never seen (the dock may not have said so:
        a tab that was never in front gets no ``set_shown(False)``); a panel in a window
        not shown yet (or alone, in a test) is filled as if seen."""
        widget: QWidget = self  # type: ignore[assignment]
        if self.in_sight() or (self._shown and not widget.window().isVisible()):
            self.fill()
        else:
            self._stale = True
