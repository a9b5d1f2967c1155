"""Live findings: the model checks re-run shortly after every edit, undo or redo, shared
by the problems panel, the participation matrix and the canvas's finding markers.

One :class:`LiveFindings` belongs to each :class:`EditorContext`
(``LiveFindings.for_context(context)``). Edits restart a short single-shot timer, so a
burst of edits (typing, nudging, a drag's release) gives one run after the user pauses.
The run works on a worker thread on a copy of the model taken when it starts (a
10,000-process model takes a second to check, and typing must never wait for that); its
result is applied only if the model has not changed since, otherwise the checks run
again on the newer model. Opening a document schedules such a run too, so a big model
shows its window and diagram before its findings. ``refresh_now`` still checks at once, on the calling
thread. ``findingsChanged`` is emitted after each applied run whose result differs from
the previous one.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from procmodeler.analysis import CheckResult, Finding, checks_of_snapshot, run_checks
from procmodeler.analysis.marks import severity_by_element, severity_by_process, worst
from procmodeler.ui.context import EditorContext

#: Milliseconds between the last edit and the re-run of the checks.
DEBOUNCE_MS = 200
#: Milliseconds between opening a document and its first check (the window, diagram,
#: tree and matrix are built and painted first).
OPEN_DELAY_MS = 800
#: How often the GUI thread looks whether a run on the worker thread has finished (ms).
POLL_MS = 25


def _work(job: Callable[[], CheckResult], outbox: list[tuple[CheckResult, float]]) -> None:
    """The worker thread: run the checks, leave the result in *outbox* (no Qt here)."""
    started = time.perf_counter()
    result = job()
    outbox.append((result, (time.perf_counter() - started) * 1000))


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
        self._timer.timeout.connect(self.refresh_later)
        self._running = False
        # The worker touches no Qt object (a signal sent from it crashed at exit): it puts
        # its result in a list that this timer, on the GUI thread, looks at.
        self._outbox: list[tuple[CheckResult, float]] = []
        self._started: tuple[object, int] = (None, -1)  # the model and revision checked
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._collect)
        #: a document was opened and its first check has not ended: the findings are
        #: empty rather than those of the document before
        self.checking = False
        context.committed.connect(lambda _event: self.schedule())
        context.documentReplaced.connect(self._replaced)
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
    def _replaced(self) -> None:
        """Another document: nothing is known of it until its first check ends, which
        starts later (the window paints the new document first)."""
        self._timer.start(OPEN_DELAY_MS)
        self.checking = True
        self._result = CheckResult((), self.context.catalogue().lang)
        self._by_element, self._by_process = {}, {}
        self.findingsChanged.emit()

    def schedule(self) -> None:
        """Re-run the checks once the user pauses (restarts the timer)."""
        self._timer.start(DEBOUNCE_MS)

    @property
    def running(self) -> bool:
        """A run is under way on the worker thread."""
        return self._running

    @property
    def pending(self) -> bool:
        """A run is scheduled or running: the findings may be behind the model."""
        return self._timer.isActive() or self._running

    def refresh_now(self) -> None:
        """Run the checks at once, on this thread (cancels a scheduled run)."""
        self._timer.stop()
        started = time.perf_counter()
        result = run_checks(self.context.arch, lang=self.context.catalogue().lang)
        self._apply(result, (time.perf_counter() - started) * 1000.0)

    def refresh_later(self) -> None:
        """Check a copy of the model on a worker thread; the result is applied when it
        comes, if the model has not changed meanwhile (else the checks run again)."""
        self._timer.stop()
        if self._running:  # the running check is stale: its end starts the next one
            return
        arch = self.context.arch
        job = checks_of_snapshot(arch, lang=self.context.catalogue().lang)
        self._running = True
        self._started = (arch, arch.revision)
        outbox: list[tuple[CheckResult, float]] = []
        self._outbox = outbox
        worker = threading.Thread(target=_work, args=(job, outbox), name="checks", daemon=True)
        worker.start()
        self._poll.start()

    def _collect(self) -> None:
        """Apply a finished run's result (on the GUI thread), if the model is unchanged."""
        if not self._outbox:
            return
        self._poll.stop()
        result, ms = self._outbox.pop()
        self._running = False
        arch, revision = self._started
        current = self.context.arch
        if arch is current and revision == current.revision:
            self._apply(result, ms)
        elif not self._timer.isActive():
            self.refresh_later()  # the model changed meanwhile: check the newer one

    def _apply(self, result: CheckResult, ms: float) -> None:
        self.last_run_ms = ms
        self.runs += 1
        changed = self.checking or self._result is None or result.findings != self._result.findings
        self.checking = False
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
