"""The main window's exchange with other files: the diagram as an image, BPMN 2.0
export and import, and the PDF report (with a progress dialog that cancels)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QInputDialog,
    QMessageBox,
    QProgressDialog,
)

from procmodeler.app.session import Session
from procmodeler.common.atomicfile import atomic_write_bytes
from procmodeler.common.errors import UserError
from procmodeler.edit.editor import Editor
from procmodeler.ui import export, preferences

if TYPE_CHECKING:
    from procmodeler.ui.mainwindow import MainWindow


def _bpmn():  # noqa: ANN202 - the module
    """The BPMN layer, imported when first used (lxml is not needed to start the app)."""
    from procmodeler.io import bpmn

    return bpmn


def _report():  # noqa: ANN202 - the module
    """The report layer, imported when first used (reportlab takes a second to load)."""
    from procmodeler import report

    return report


class Exchange(QObject):
    """Export and import commands of one window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.last_report: str | None = None

    def _status(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 5000)

    # ------------------------------------------------------------------ image
    def _image_target(self, base: str) -> Path | None:
        w = self.window
        filters = ";;".join(
            [
                self.tr("PNG image (*.png)"),
                self.tr("SVG drawing (*.svg)"),
                self.tr("PDF document (*.pdf)"),
            ]
        )
        start = str(Path(w.documents.start_dir()) / f"{base}.png")
        path, chosen = QFileDialog.getSaveFileName(w, self.tr("Export Diagram"), start, filters)
        if not path:
            return None
        target = Path(path)
        if target.suffix.lower() not in (".png", ".svg", ".pdf"):
            target = target.with_suffix(
                "." + ("svg" if "svg" in chosen else "pdf" if "pdf" in chosen else "png")
            )
        return target

    def export_image_dialog(self) -> None:
        w = self.window
        w.canvas.flush()
        arch = w.context.arch
        level = w.context.level
        base = arch.meta.name or self.tr("diagram")
        if level is not None:
            base = arch.processes[level].name
        target = self._image_target(base)
        if target is None:
            return
        dpi = 150
        if target.suffix.lower() == ".png":
            dpi, ok = QInputDialog.getInt(
                w,
                self.tr("PNG Resolution"),
                self.tr("Resolution in dots per inch (96 is screen size, 300 for print):"),
                300,
                export.MIN_DPI,
                export.MAX_DPI,
                12,
            )
            if not ok:
                return
        try:
            used = export.export_image(export.diagram_picture(w.canvas.scene), target, dpi, base)
        except OSError as exc:
            w.documents.error(self.tr("Cannot Export"), exc)
            return
        if used is not None and used < dpi:
            QMessageBox.information(
                w,
                self.tr("Export Diagram"),
                self.tr("The diagram is large, so the image was written at {dpi} dpi.").format(
                    dpi=used
                ),
            )
        self._status(self.tr("Exported {path}").format(path=target))

    # ------------------------------------------------------------------ BPMN
    def export_bpmn_dialog(self) -> None:
        w = self.window
        w.canvas.flush()
        base = w.documents.base_name("model")
        path, _ = QFileDialog.getSaveFileName(
            w,
            self.tr("Export BPMN"),
            str(Path(w.documents.start_dir()) / f"{base}.bpmn"),
            self.tr("BPMN 2.0 XML (*.bpmn *.xml)"),
        )
        if not path:
            return
        try:
            atomic_write_bytes(path, _bpmn().export_bpmn(w.context.arch))
        except (UserError, OSError) as exc:
            w.documents.error(self.tr("Cannot Export"), exc)
            return
        self._status(self.tr("Exported {path}").format(path=path))

    def import_bpmn_dialog(self) -> None:
        w = self.window
        if not w.documents.maybe_save():
            return
        path, _ = QFileDialog.getOpenFileName(
            w,
            self.tr("Import BPMN"),
            w.documents.start_dir(),
            self.tr("BPMN 2.0 XML (*.bpmn *.xml)"),
        )
        if path:
            self.import_bpmn_path(Path(path))

    def import_bpmn_path(self, path: Path) -> bool:
        """Import a BPMN file into this window as a new, unsaved model."""
        w = self.window
        try:
            arch, warnings = _bpmn().import_bpmn(path)
        except (UserError, OSError) as exc:
            w.documents.error(self.tr("Cannot Import"), exc)
            return False
        session = Session(Editor(arch))
        session.editor.mark_dirty()
        w.set_session(session)
        if warnings:
            tr = w.context.catalogue()
            lines = [x.text(tr) if hasattr(x, "text") else str(x) for x in warnings]
            box = QMessageBox(w)
            box.setIcon(QMessageBox.Icon.Information)
            box.setWindowTitle(self.tr("Import BPMN"))
            box.setText(self.tr("The file was imported with %n warning(s).", "", len(lines)))
            box.setDetailedText("\n".join(lines))
            box.open()
        return True

    # ------------------------------------------------------------------ report
    def report_dialog(self) -> None:
        """File > Report: write the report as PDF or Word, with a progress dialog that
        cancels."""
        w = self.window
        w.canvas.flush()
        base = w.documents.base_name("report")
        word = self.tr("Word document (*.docx)")
        path, chosen = QFileDialog.getSaveFileName(
            w,
            self.tr("Write Report"),
            str(Path(w.documents.start_dir()) / f"{base}.pdf"),
            self.tr("PDF document (*.pdf)") + ";;" + word,
        )
        if not path:
            return
        path, fmt = report_target(path, chosen == word)
        progress = QProgressDialog(
            self.tr("Writing the report\u2026"), self.tr("Cancel"), 0, 100, w
        )
        progress.setWindowTitle(self.tr("Write Report"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(400)
        progress.setAutoClose(False)
        progress.setValue(0)

        def step(done: int, total: int) -> bool:
            progress.setMaximum(max(1, total))
            progress.setValue(min(done, max(1, total)))
            QApplication.processEvents()
            return not progress.wasCanceled()

        report = _report()
        try:
            prefs = preferences.load()  # the default language and branding profile
            profile = report.load_profile(prefs.report_profile) if prefs.report_profile else None
            lang = prefs.report_language or None
            report.build_report(
                w.context.arch, path, lang=lang, profile=profile, progress=step, fmt=fmt
            )
        except report.ReportCancelled:
            self._status(self.tr("The report was cancelled."))
            return
        except (UserError, OSError) as exc:
            w.documents.error(self.tr("Cannot Write Report"), exc)
            return
        finally:
            progress.close()
        self.last_report = path
        self._status(self.tr("Wrote {path}").format(path=path))


def report_target(path: str, word_chosen: bool) -> tuple[str, str]:
    """The report's path and format: the suffix decides (``.docx`` Word, ``.pdf`` PDF);
    without either, the chosen file type's suffix is added."""
    suffix = Path(path).suffix.lower()
    if suffix in (".pdf", ".docx"):
        return path, suffix[1:]
    fmt = "docx" if word_chosen else "pdf"
    return f"{path}.{fmt}", fmt
