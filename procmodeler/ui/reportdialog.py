"""File > Report's dialog: output file and format, language, branding profile, chapters
and scope of the report, remembered per model file in the settings."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from procmodeler.common.chapters import SECTION_TITLES, SECTIONS
from procmodeler.common.errors import UserError
from procmodeler.common.i18n import LANGUAGES, Translator
from procmodeler.common.paths import resources_dir
from procmodeler.model.architecture import Architecture
from procmodeler.ui.settings import settings

if TYPE_CHECKING:
    from procmodeler.report import Profile

FORMATS = ("pdf", "docx")
PROFILE_KINDS = ("none", "example", "file")
LAST = "reportDialog/last"  # the settings used last, for a model without a file


def example_profile() -> Path:
    """The bundled example branding profile."""
    return resources_dir() / "branding" / "example-profile.json"


@dataclass(frozen=True)
class ReportOptions:
    """What the dialog asks for. ``scope`` is None for the whole architecture."""

    output: str = ""
    fmt: str = "pdf"
    lang: str = ""
    profile_kind: str = "none"
    profile_file: str = ""
    sections: tuple[str, ...] = field(default=SECTIONS)
    scope: str | None = None

    def profile_path(self) -> str:
        """The branding profile's file, or "" for a plain report."""
        if self.profile_kind == "example":
            return str(example_profile())
        return self.profile_file if self.profile_kind == "file" else ""

    @staticmethod
    def from_json(text: str) -> ReportOptions | None:
        """Options stored by :func:`remember`; None when unreadable."""
        try:
            data = json.loads(text)
            options = ReportOptions(
                output=str(data.get("output", "")),
                fmt=str(data.get("fmt", "pdf")),
                lang=str(data.get("lang", "")),
                profile_kind=str(data.get("profile_kind", "none")),
                profile_file=str(data.get("profile_file", "")),
                sections=tuple(s for s in data.get("sections", SECTIONS) if s in SECTIONS),
                scope=str(data["scope"]) if data.get("scope") else None,
            )
        except (ValueError, TypeError, AttributeError):
            return None
        if options.fmt not in FORMATS or options.profile_kind not in PROFILE_KINDS:
            return None
        return options


def _key(model_path: Path | None) -> str:
    """The settings key of a model file's report options (the resolved path, hashed:
    a path's slashes would be groups in QSettings)."""
    if model_path is None:
        return LAST
    digest = hashlib.sha1(str(model_path.resolve()).encode("utf-8")).hexdigest()
    return f"reportDialog/{digest}"


def remembered(model_path: Path | None) -> ReportOptions | None:
    """The options last used for this model file, else those used last for any model
    without what belongs to that model (its output file, scope and language); None the
    first time."""
    s = settings()
    if model_path is not None:
        options = ReportOptions.from_json(str(s.value(_key(model_path), "") or ""))
        if options is not None:
            return options
    options = ReportOptions.from_json(str(s.value(LAST, "") or ""))
    if options is None:
        return None
    return replace(options, output="", scope=None, lang="")


def remember(model_path: Path | None, options: ReportOptions) -> None:
    """Keep the options for this model file and as the last used ones."""
    s = settings()
    text = json.dumps({**asdict(options), "sections": list(options.sections)})
    if model_path is not None:
        s.setValue(_key(model_path), text)
    s.setValue(LAST, text)
    s.sync()


class ReportDialog(QDialog):
    """Asks for the report's options; OK checks the branding profile and the output and
    accepts only when both are usable, showing a problem in the dialog itself."""

    def __init__(
        self,
        arch: Architecture,
        options: ReportOptions,
        catalogue: Translator,
        start_dir: str,
        selected: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reportDialog")
        self.setWindowTitle(self.tr("Write Report"))
        self.arch = arch
        self.catalogue = catalogue
        self.start_dir = start_dir
        self.profile: Profile | None = None  # the loaded branding profile, once accepted

        # output
        self.output = QLineEdit(options.output)
        self.output.setObjectName("reportOutput")
        self.output.setMinimumWidth(320)
        browse = QPushButton(self.tr("Choose\u2026"))
        browse.setObjectName("reportOutputBrowse")
        browse.clicked.connect(self._choose_output)
        output_row = QHBoxLayout()
        output_row.addWidget(self.output, 1)
        output_row.addWidget(browse)
        self.format = QComboBox()
        self.format.setObjectName("reportFormat")
        self.format.addItem(self.tr("PDF document"), "pdf")
        self.format.addItem(self.tr("Word document (.docx)"), "docx")
        self.format.setCurrentIndex(max(0, self.format.findData(options.fmt)))
        self.format.currentIndexChanged.connect(self._format_changed)
        self.output.editingFinished.connect(self._output_changed)

        # language
        self.language = QComboBox()
        self.language.setObjectName("reportLanguage")
        for code, label in zip(LANGUAGES, ("English", "Svenska"), strict=True):
            self.language.addItem(label, code)
        lang = options.lang or arch.meta.language
        self.language.setCurrentIndex(max(0, self.language.findData(lang)))

        profile_row = self._profile_row(options)

        form = QFormLayout()
        form.addRow(self.tr("File:"), output_row)
        form.addRow(self.tr("Format:"), self.format)
        form.addRow(self.tr("Language:"), self.language)
        form.addRow(self.tr("Branding profile:"), profile_row)

        chapters = self._chapters(catalogue, options)
        scope_box = self._scope(arch, options, selected)

        self.error = QLabel()
        self.error.setObjectName("reportError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b3261e;")
        self.error.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Write Report"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        row = QHBoxLayout()
        row.addWidget(chapters, 3)
        row.addWidget(scope_box, 2)
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _profile_row(self, options: ReportOptions) -> QHBoxLayout:
        """The branding profile: none, the bundled example or a file."""
        self.profile_kind = QComboBox()
        self.profile_kind.setObjectName("reportProfileKind")
        self.profile_kind.addItem(self.tr("None: a plain report"), "none")
        self.profile_kind.addItem(self.tr("The bundled example"), "example")
        self.profile_kind.addItem(self.tr("A profile file"), "file")
        self.profile_kind.setCurrentIndex(max(0, self.profile_kind.findData(options.profile_kind)))
        self.profile_file = QLineEdit(options.profile_file)
        self.profile_file.setObjectName("reportProfileFile")
        self.profile_file.setPlaceholderText(self.tr("a branding profile (.json)"))
        self.profile_browse = QPushButton(self.tr("Choose\u2026"))
        self.profile_browse.clicked.connect(self._choose_profile)
        profile_row = QHBoxLayout()
        profile_row.addWidget(self.profile_kind)
        profile_row.addWidget(self.profile_file, 1)
        profile_row.addWidget(self.profile_browse)
        self.profile_kind.currentIndexChanged.connect(self._profile_kind_changed)
        self._profile_kind_changed()
        return profile_row

    def _chapters(self, catalogue: Translator, options: ReportOptions) -> QGroupBox:
        """The chapters' checkboxes, named as the report names them (its catalogue, in
        the app's language)."""
        chapters = QGroupBox(self.tr("Chapters"))
        grid = QGridLayout(chapters)
        self.section_boxes: dict[str, QCheckBox] = {}
        half = (len(SECTIONS) + 1) // 2
        for i, name in enumerate(SECTIONS):
            box = QCheckBox(catalogue(SECTION_TITLES[name]))
            box.setObjectName(f"reportSection_{name}")
            box.setChecked(name in options.sections)
            self.section_boxes[name] = box
            grid.addWidget(box, i % half, i // half)
        always = QLabel(
            self.tr("The cover, the contents and the document control always come first.")
        )
        always.setWordWrap(True)
        always.setStyleSheet("color: #6e7781;")
        grid.addWidget(always, half, 0, 1, 2)
        return chapters

    def _scope(self, arch: Architecture, options: ReportOptions, selected: str | None) -> QGroupBox:
        """The scope: the whole architecture or one process and its sub-processes."""
        scope_box = QGroupBox(self.tr("Scope"))
        scope_layout = QVBoxLayout(scope_box)
        self.whole = QRadioButton(self.tr("The whole architecture"))
        self.whole.setObjectName("reportScopeWhole")
        self.one = QRadioButton(self.tr("One process and its sub-processes:"))
        self.one.setObjectName("reportScopeProcess")
        group = QButtonGroup(self)
        group.addButton(self.whole)
        group.addButton(self.one)
        self.process = QComboBox()
        self.process.setObjectName("reportScopeCombo")
        for pid in arch.walk():
            indent = "\u2003" * arch.depth(pid)
            self.process.addItem(indent + arch.processes[pid].name, pid)
        scope = options.scope if options.scope in arch.processes else None
        default = scope or (selected if selected in arch.processes else None)
        if default is not None:
            self.process.setCurrentIndex(self.process.findData(default))
        self.one.setEnabled(bool(arch.processes))
        (self.one if scope else self.whole).setChecked(True)
        self.process.setEnabled(scope is not None)
        self.one.toggled.connect(self.process.setEnabled)
        scope_layout.addWidget(self.whole)
        scope_layout.addWidget(self.one)
        scope_layout.addWidget(self.process)
        return scope_box

    # ------------------------------------------------------------------ output
    def _choose_output(self) -> None:
        word = self.tr("Word document (*.docx)")
        pdf = self.tr("PDF document (*.pdf)")
        start = self.output.text() or str(Path(self.start_dir) / "report.pdf")
        path, chosen = QFileDialog.getSaveFileName(
            self,
            self.tr("Write Report"),
            start,
            f"{word};;{pdf}" if self.format.currentData() == "docx" else f"{pdf};;{word}",
        )
        if path:
            path, fmt = report_target(path, chosen == word)
            self.output.setText(path)
            self.format.setCurrentIndex(self.format.findData(fmt))

    def _output_changed(self) -> None:
        """A typed name ending in .pdf or .docx sets the format."""
        suffix = Path(self.output.text().strip()).suffix.lower()
        if suffix in (".pdf", ".docx"):
            self.format.setCurrentIndex(self.format.findData(suffix[1:]))

    def _format_changed(self) -> None:
        """Another format changes the output file's suffix to match."""
        text = self.output.text().strip()
        if not text:
            return
        path = Path(text)
        fmt = str(self.format.currentData())
        if path.suffix.lower() in (".pdf", ".docx") and path.suffix.lower() != f".{fmt}":
            self.output.setText(str(path.with_suffix(f".{fmt}")))

    # ------------------------------------------------------------------ profile
    def _profile_kind_changed(self) -> None:
        from_file = self.profile_kind.currentData() == "file"
        self.profile_file.setEnabled(from_file)
        self.profile_browse.setEnabled(from_file)

    def _choose_profile(self) -> None:
        text = self.profile_file.text()
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Report Branding Profile"),
            str(Path(text).parent) if text else self.start_dir,
            self.tr("Branding profile (*.json)"),
        )
        if path:
            self.profile_file.setText(path)

    # ------------------------------------------------------------------ result
    def options(self) -> ReportOptions:
        output = self.output.text().strip()
        fmt = str(self.format.currentData())
        if output:
            output, fmt = report_target(output, fmt == "docx")
        return ReportOptions(
            output=output,
            fmt=fmt,
            lang=str(self.language.currentData()),
            profile_kind=str(self.profile_kind.currentData()),
            profile_file=self.profile_file.text().strip(),
            sections=tuple(n for n in SECTIONS if self.section_boxes[n].isChecked()),
            scope=str(self.process.currentData()) if self.one.isChecked() else None,
        )

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def accept(self) -> None:
        """Check what would stop the report before any page is laid out: an output
        file, at least one chapter, a usable branding profile."""
        options = self.options()
        if not options.output:
            self.show_error(self.tr("Choose the file to write the report to."))
            return
        if not options.sections:
            self.show_error(self.tr("Choose at least one chapter."))
            return
        if options.profile_kind == "file" and not options.profile_file:
            self.show_error(self.tr("Choose a branding profile file, or no profile."))
            return
        if options.profile_path():
            from procmodeler.report import load_profile

            try:
                self.profile = load_profile(options.profile_path())
            except UserError as exc:
                self.show_error("\n".join(exc.lines(self.catalogue)))
                return
        else:
            self.profile = None
        self.output.setText(options.output)
        self.error.hide()
        super().accept()


def report_target(path: str, word_chosen: bool) -> tuple[str, str]:
    """The report's path and format: the suffix decides (``.docx`` Word, ``.pdf`` PDF);
    without either, the chosen file type's suffix is added."""
    suffix = Path(path).suffix.lower()
    if suffix in (".pdf", ".docx"):
        return path, suffix[1:]
    fmt = "docx" if word_chosen else "pdf"
    return f"{path}.{fmt}", fmt
