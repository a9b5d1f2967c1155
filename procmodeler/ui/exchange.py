"""The main window's exchange with other files: the diagram as an image, BPMN 2.0
export and import, and the report (its dialog in reportdialog.py, then a progress dialog
that cancels)."""

from __future__ import annotations

from dataclasses import replace
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
from procmodeler.ui import export, preferences, reportdialog
from procmodeler.ui.reportdialog import report_target

if TYPE_CHECKING:
    from procmodeler.report import Profile
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
        #: the report options of the window's model while it has no file
        self.unsaved: tuple[Session, reportdialog.ReportOptions] | None = None

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
        """File > Report: the report dialog (file, format, language, branding, chapters,
        scope; remembered per model file), then the report with a progress dialog that
        cancels."""
        w = self.window
        w.canvas.flush()
        model_path = w.session.path
        options = reportdialog.remembered(model_path) or self._first_options()
        if model_path is None and self.unsaved is not None and self.unsaved[0] is w.session:
            options = self.unsaved[1]  # an unsaved model's own last choices
        if not options.output:
            base = w.documents.base_name("report")
            options = replace(
                options, output=str(Path(w.documents.start_dir()) / f"{base}.{options.fmt}")
            )
        selected = next((i for i in w.context.selection if i in w.context.arch.processes), None)
        dialog = reportdialog.ReportDialog(
            w.context.arch,
            options,
            w.context.catalogue(),
            w.documents.start_dir(),
            selected=selected or w.context.level,
            parent=w,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._write_report(dialog, model_path))
        dialog.open()

    def _first_options(self) -> reportdialog.ReportOptions:
        """The dialog's options the first time: the preferences' language and profile."""
        prefs = preferences.load()
        if not prefs.report_profile:
            kind = "none"
        elif Path(prefs.report_profile) == reportdialog.example_profile():
            kind = "example"
        else:
            kind = "file"
        return reportdialog.ReportOptions(
            lang=prefs.report_language, profile_kind=kind, profile_file=prefs.report_profile
        )

    def _write_report(self, dialog: reportdialog.ReportDialog, model_path: Path | None) -> None:
        """Write the report the dialog asked for, and remember its options."""
        options = dialog.options()
        reportdialog.remember(model_path, options)
        self.unsaved = (self.window.session, options) if model_path is None else None
        self.write_report(options, dialog.profile)

    def write_report(self, options: reportdialog.ReportOptions, profile: Profile | None) -> None:
        """Build the report with a progress dialog that cancels; *profile* is the loaded
        branding profile or None."""
        w = self.window
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
            report.build_report(
                w.context.arch,
                options.output,
                lang=options.lang or None,
                profile=profile,
                progress=step,
                fmt=options.fmt,
                sections=options.sections,
                scope=options.scope,
            )
        except report.ReportCancelled:
            self._status(self.tr("The report was cancelled."))
            return
        except (UserError, OSError) as exc:
            w.documents.error(self.tr("Cannot Write Report"), exc)
            return
        finally:
            progress.close()
        self.last_report = options.output
        self._status(self.tr("Wrote {path}").format(path=options.output))


__all__ = ["Exchange", "report_target"]
