"""What the strategy views share: today's date, the words of the vocabularies in the
app's language, a KPI's analysis cached per version, and the KPI icons."""

from __future__ import annotations

import datetime
from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QDockWidget

from procmodeler.analysis.xmr import KpiAnalysis, analyse_kpi
from procmodeler.common.i18n import Translator
from procmodeler.model.elements import Kpi
from procmodeler.ui.context import EditorContext
from procmodeler.ui.scorecard import icon_pixmap
from procmodeler.vocabulary import ASSURANCE, ESTABLISHMENT, IMPROVEMENT_STATUS, VARIATION, words


def clock_today() -> str:
    """Today from the clock, ``YYYY-MM-DD`` (the app's checks and views use it)."""
    return datetime.date.today().isoformat()


#: the colour of what is overdue (improvements, reviews)
OVERDUE = "#cf222e"

#: the date the strategy views take as today (tests put a fixed date here)
TODAY: list[Callable[[], str]] = [clock_today]


def today() -> str:
    return TODAY[0]()


def statuses(tr: Translator) -> dict[str, str]:
    """Improvement status -> its word."""
    return words(IMPROVEMENT_STATUS, tr)


def levels(tr: Translator) -> dict[str, str]:
    """Establishment level -> its word."""
    return words(ESTABLISHMENT, tr)


class Analyses:
    """Each KPI's analysis, computed once per version of the KPI record."""

    def __init__(self) -> None:
        self._cache: dict[str, tuple[Kpi, KpiAnalysis]] = {}
        self._icons: dict[tuple[str, int], QIcon] = {}

    def __call__(self, kpi: Kpi) -> KpiAnalysis:
        cached = self._cache.get(kpi.id)
        if cached is None or cached[0] is not kpi:
            cached = (kpi, analyse_kpi(kpi))
            self._cache[kpi.id] = cached
        return cached[1]

    def icons(self, kpi: Kpi) -> tuple[QIcon | None, QIcon | None, str, str]:
        """(variation icon, assurance icon, variation state, assurance state)."""
        if not kpi.series:
            return None, None, "none", "none"
        result = self(kpi)
        side = 1 if result.values[-1] > result.segments[-1].mean else -1
        var = self._icon(result.variation, side) if result.variation != "none" else None
        ass = self._icon(result.assurance, 1) if result.assurance != "none" else None
        return var, ass, result.variation, result.assurance

    def _icon(self, state: str, side: int) -> QIcon:
        """The icon of a state, drawn once (a few kinds for thousands of KPIs)."""
        key = (state, side)
        icon = self._icons.get(key)
        if icon is None:
            icon = self._icons[key] = icon_pixmap(state, side)
        return icon


def state_words(tr: Translator) -> dict[str, str]:
    """The words of the scorecard for variation and assurance states (the vocabulary's;
    ``none`` is "too few values")."""
    return {**words(ASSURANCE, tr), **words(VARIATION, tr)}


class DockRaiser(QObject):
    """Brings the objectives or improvements dock to the front when an objective or an
    improvement is revealed (from the management view, a process's properties, the
    problems panel...). Parented to the objectives dock, so it goes with the window."""

    def __init__(
        self, context: EditorContext, objectives: QDockWidget, improvements: QDockWidget
    ) -> None:
        super().__init__(objectives)
        self.context = context
        self.objectives = objectives
        self.improvements = improvements
        context.revealRequested.connect(self.revealed)

    def revealed(self, ident: str) -> None:
        arch = self.context.arch
        dock = None
        if ident in arch.objectives:
            dock = self.objectives
        elif ident in arch.improvements:
            dock = self.improvements
        if dock is not None:
            dock.show()
            dock.raise_()
