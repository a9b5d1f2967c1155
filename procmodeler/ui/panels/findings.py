"""Live findings: the model checks re-run shortly after every edit, undo or redo, shared
by the problems panel, the participation matrix and the canvas's finding markers.

One :class:`LiveFindings` belongs to each :class:`EditorContext`
(``LiveFindings.for_context(context)``). Edits restart a short single-shot timer, so a
burst of edits (typing, nudging, a drag's release) gives one run after the user pauses;
a run over 1,000 processes takes a few tens of milliseconds on the GUI thread (see
docs/performance.md), which keeps typing and dragging fluid without a worker thread and
without copying the model. ``findingsChanged`` is emitted after each run whose result
differs from the previous one.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, QTimer, Signal

from procmodeler.analysis import CheckResult, Finding, run_checks
from procmodeler.analysis.marks import severity_by_element, severity_by_process, worst
from procmodeler.ui.context import EditorContext

#: Milliseconds between the last edit and the re-run of the checks.
DEBOUNCE_MS = 200


class LiveFindings(QObject):
    """The latest check result of one open document, kept current after every edit."""

    #: the findings changed (read them with :meth:`result`, :meth:`severity_by_process`)
    findingsChanged = Signal()

    def __init__(self, context: EditorContext) -> None:
        super().__init__(context)
        self.setObjectName("liveFindings")
        self.context = context
        self._result: CheckResult | None = None
        self._by_element: dict[str, str] = {}
        self._by_process: dict[str, str] = {}
        self.last_run_ms = 0.0
        self.runs = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.refresh_now)
        context.committed.connect(lambda _event: self.schedule())
        context.documentReplaced.connect(self.refresh_now)
        self.refresh_now()

    @classmethod
    def for_context(cls, context: EditorContext) -> LiveFindings:
        """The context's live findings (created on first use)."""
        existing = context.live_findings
        if isinstance(existing, LiveFindings):
            return existing
        created = cls(context)
        context.live_findings = created
        return created

    # ------------------------------------------------------------------ running
    def schedule(self) -> None:
        """Re-run the checks once the user pauses (restarts the timer)."""
        self._timer.start()

    @property
    def pending(self) -> bool:
        return self._timer.isActive()

    def refresh_now(self) -> None:
        """Run the checks at once (cancels a scheduled run)."""
        self._timer.stop()
        started = time.perf_counter()
        result = run_checks(self.context.arch, lang=self.context.catalogue().lang)
        self.last_run_ms = (time.perf_counter() - started) * 1000.0
        self.runs += 1
        changed = self._result is None or result.findings != self._result.findings
        self._result = result
        if changed:
            self._index()
            self.findingsChanged.emit()

    def _index(self) -> None:
        assert self._result is not None
        active = self._result.active
        self._by_element = severity_by_element(active)
        # a finding's own elements decide a process's marker; related mentions do not
        self._by_process = severity_by_process(self.context.arch, active)

    # ------------------------------------------------------------------ reading
    def result(self) -> CheckResult:
        if self._result is None:
            self.refresh_now()
        assert self._result is not None
        return self._result

    def findings(self) -> tuple[Finding, ...]:
        return self.result().findings

    def severity_by_process(self) -> dict[str, str]:
        """Process id -> the worst severity of the unsuppressed findings about it (the
        canvas puts this on ``ShapeView.finding_severity``)."""
        return dict(self._by_process)

    def severity_of(self, element_id: str) -> str | None:
        """The worst severity of unsuppressed findings naming or mentioning an element
        (processes, units, people, KPIs)."""
        return self._by_element.get(element_id)

    def findings_for(self, element_id: str) -> list[Finding]:
        """Unsuppressed findings whose elements or related ids include *element_id*."""
        return [
            f for f in self.result().active if element_id in f.elements or element_id in f.related
        ]


def latest_findings(context: EditorContext) -> LiveFindings:
    """Shorthand for :meth:`LiveFindings.for_context`."""
    return LiveFindings.for_context(context)


__all__ = ["DEBOUNCE_MS", "LiveFindings", "latest_findings", "worst"]
