"""Panel chrome that gives way in a small dock (a laptop screen): a hint hidden while
the panel is short (its text stays as a tooltip), and a bar whose legend goes above its
buttons while the panel is narrow, so that what the panel shows keeps the room; and a
view's current item kept in sight while the layout settles."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QAbstractItemView, QBoxLayout, QLabel, QWidget

#: a panel at least this high shows its hint (lower, the hint is a tooltip)
HINT_FROM_HEIGHT = 320


class _Fitter(QObject):
    def __init__(
        self,
        panel: QWidget,
        hint: QLabel | None,
        tip_on: QWidget | None,
        bar: QBoxLayout | None,
        legend: QLabel | None,
    ) -> None:
        super().__init__(panel)
        self.panel, self.hint, self.bar, self.legend = panel, hint, bar, legend
        if hint is not None and tip_on is not None:
            tip_on.setToolTip(hint.text())
        panel.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.panel and event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self.fit()
        return False

    def _legend_width(self) -> float:
        assert self.legend is not None
        document = QTextDocument()
        document.setDefaultFont(self.legend.font())
        document.setHtml(self.legend.text())
        return document.idealWidth()

    def fit(self) -> None:
        if self.hint is not None:
            self.hint.setVisible(self.panel.height() >= HINT_FROM_HEIGHT)
        if self.bar is not None and self.legend is not None:
            buttons = 0
            for i in range(1, self.bar.count()):  # what stands beside the legend
                buttons += self.bar.itemAt(i).sizeHint().width()
            wide = self.panel.width() >= self._legend_width() + buttons + 24
            self.bar.setDirection(
                QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
            )


def fit_when_small(
    panel: QWidget,
    hint: QLabel | None = None,
    tip_on: QWidget | None = None,
    bar: QBoxLayout | None = None,
    legend: QLabel | None = None,
) -> None:
    """Keep *panel*'s chrome small while the panel is: *hint* hidden while it is short
    (its text a tooltip of *tip_on*), and *bar* (the *legend* first, then a layout of
    buttons) stacked while the legend and the buttons do not fit side by side."""
    _Fitter(panel, hint, tip_on, bar, legend).fit()


def in_sight(view: QAbstractItemView, index: QModelIndex) -> bool:
    return view.viewport().rect().contains(view.visualRect(index))


def bring_into_sight(view: QAbstractItemView, index: QModelIndex, seen: bool | None = None) -> None:
    """Scroll *index* into *view*: to the middle when it is out of sight (chosen
    elsewhere, it would otherwise sit at the view's edge), not at all when it is in it.
    *seen*: whether it was in sight before it became current (which scrolls to it)."""
    if not (in_sight(view, index) if seen is None else seen):
        view.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)


class CurrentInSight(QObject):
    """Keeps *view*'s current item in sight while the panel's layout settles after a
    fill (a tab brought to the front: its chrome and size change after the first
    scroll), until the user scrolls or clicks in it. ``arm`` after filling."""

    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view)
        self.view = view
        self.armed = False
        view.viewport().installEventFilter(self)
        for bar in (view.verticalScrollBar(), view.horizontalScrollBar()):
            bar.actionTriggered.connect(self.disarm)

    def arm(self) -> None:
        self.armed = self.view.currentIndex().isValid()
        if self.armed:
            bring_into_sight(self.view, self.view.currentIndex())

    def disarm(self, *_args: object) -> None:
        self.armed = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.MouseButtonPress:
            self.armed = False
        elif event.type() == QEvent.Type.Resize and self.armed:
            bring_into_sight(self.view, self.view.currentIndex())
        return False
