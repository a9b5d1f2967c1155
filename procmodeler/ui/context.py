"""The Qt side of one open document: adapts the editor's change notices to Qt signals
and holds the view state shared by the canvas and the panels (selection, current
diagram level). Selection and level are view state, not undoable.

Every widget that shows or edits the model takes an :class:`EditorContext`, edits only
through ``procmodeler.edit.operations`` with ``context.editor``, and refreshes from
``committed`` (one signal per transaction, undo or redo, carrying the change records),
reading what changed with ``context.impact(event)`` (an :class:`Impact`).
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject, Signal

from procmodeler.common.i18n import Translator
from procmodeler.edit.editor import Editor
from procmodeler.edit.impact import Impact
from procmodeler.model.architecture import Architecture
from procmodeler.model.events import Committed


class EditorContext(QObject):
    """One open document as the widgets see it."""

    #: a transaction, undo or redo happened (argument: the Committed event)
    committed = Signal(object)
    #: the selected element ids changed (processes, relations, units, people, KPIs,
    #: objectives, improvements)
    selectionChanged = Signal()
    #: the diagram level shown changed (argument: None for the landscape, else a process id)
    levelChanged = Signal(object)
    #: the whole editor was replaced (new file, open, recovery)
    documentReplaced = Signal()
    #: a widget asks for an element to be shown: open its level and select it
    revealRequested = Signal(str)

    def __init__(self, editor: Editor | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._editor = editor or Editor()
        self._unsubscribe = self._editor.subscribe(self._on_committed)
        self._selection: tuple[str, ...] = ()
        self._level: str | None = None
        #: the live findings of this document, shared by the panels and the canvas
        #: (``LiveFindings.for_context`` creates them on first use)
        self.live_findings: QObject | None = None
        self._impact: tuple[Committed, Impact] | None = None

    # ------------------------------------------------------------------ document
    @property
    def editor(self) -> Editor:
        return self._editor

    @property
    def arch(self) -> Architecture:
        return self._editor.arch

    def replace_editor(self, editor: Editor) -> None:
        """Show another document in the same window (new, open, recover)."""
        self._unsubscribe()
        self._editor = editor
        self._unsubscribe = editor.subscribe(self._on_committed)
        self._selection = ()
        self._level = None
        self.documentReplaced.emit()
        self.levelChanged.emit(None)
        self.selectionChanged.emit()

    def _on_committed(self, event: Committed) -> None:
        # Drop selected ids and the level if an edit removed them.
        arch = self.arch
        if self._level is not None and self._level not in arch.processes:
            self._level = None
            self.levelChanged.emit(None)
        self._impact = (event, Impact.of(event, arch))
        self.committed.emit(event)
        alive = tuple(i for i in self._selection if self._exists(i))
        if alive != self._selection:
            self._selection = alive
            self.selectionChanged.emit()

    def impact(self, event: Committed) -> Impact:
        """What *event* changed (computed once per event for all the views)."""
        if self._impact is None or self._impact[0] is not event:
            self._impact = (event, Impact.of(event, self.arch))
        return self._impact[1]

    def _exists(self, element_id: str) -> bool:
        arch = self.arch
        return any(
            element_id in coll
            for coll in (
                arch.processes,
                arch.relations,
                arch.units,
                arch.people,
                arch.kpis,
                arch.objectives,
                arch.improvements,
            )
        )

    # ------------------------------------------------------------------ view state
    @property
    def selection(self) -> tuple[str, ...]:
        return self._selection

    def set_selection(self, ids: Iterable[str]) -> None:
        new = tuple(dict.fromkeys(ids))
        if new != self._selection:
            self._selection = new
            self.selectionChanged.emit()

    @property
    def level(self) -> str | None:
        return self._level

    def open_level(self, level: str | None) -> None:
        if level is not None and level not in self.arch.processes:
            return
        if level != self._level:
            self._level = level
            self.levelChanged.emit(level)

    def reveal(self, element_id: str) -> None:
        """Open the diagram that shows *element_id* (a process: its parent's level) and
        select it."""
        arch = self.arch
        if element_id in arch.processes:
            self.open_level(arch.processes[element_id].parent)
        elif element_id in arch.relations:
            rel = arch.relations[element_id]
            self.open_level(arch.processes[rel.source].parent)
        self.set_selection([element_id])
        self.revealRequested.emit(element_id)

    # ------------------------------------------------------------------ messages
    def catalogue(self) -> Translator:
        """The Qt-free catalogue in the app's language, for messages from lower layers
        (undo labels, findings, refused edits)."""
        from procmodeler.ui.words import ui_translator

        return ui_translator()
