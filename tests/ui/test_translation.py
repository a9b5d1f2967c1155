"""The desktop app is complete in Swedish: every Qt ``tr()`` text of procmodeler/ui
(outside panels/, which has its own file) is in procmodeler/resources/translations/procmodeler_sv.ts
with a finished translation, the compiled .qm is up to date, and a Swedish window shows
Swedish menus, palette, band labels and undo texts."""

from __future__ import annotations

import ast
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

pytestmark = pytest.mark.gui

ROOT = Path(__file__).resolve().parents[2]
UI = ROOT / "procmodeler" / "ui"
TS = ROOT / "procmodeler" / "resources" / "translations" / "procmodeler_sv.ts"
QM = TS.with_suffix(".qm")


def _sources() -> list[Path]:
    return sorted(p for p in UI.rglob("*.py") if "panels" not in p.relative_to(UI).parts)


def source_texts() -> set[tuple[str, str]]:
    """(context, text) of every ``self.tr("...")`` (context: the enclosing class) and
    ``QCoreApplication.translate("Context", "...")`` in the UI's modules."""
    found: set[tuple[str, str]] = set()

    def visit(node: ast.AST, cls: str | None) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.ClassDef):
                visit(child, child.name)
                continue
            if isinstance(child, ast.Call) and isinstance(child.func, ast.Attribute):
                func = child.func
                args = child.args
                if (
                    func.attr == "tr"
                    and isinstance(func.value, ast.Name)
                    and func.value.id == "self"
                ):
                    assert cls is not None
                    assert isinstance(args[0], ast.Constant), ast.dump(child)
                    found.add((cls, args[0].value))
                elif (
                    func.attr == "translate"
                    and isinstance(func.value, ast.Name)
                    and func.value.id == "QCoreApplication"
                ):
                    assert isinstance(args[0], ast.Constant) and isinstance(args[1], ast.Constant)
                    found.add((args[0].value, args[1].value))
            visit(child, cls)

    for path in _sources():
        visit(ast.parse(path.read_text(encoding="utf-8")), None)
    return found


def ts_entries() -> dict[tuple[str, str], list[str]]:
    out: dict[tuple[str, str], list[str]] = {}
    for context in ET.parse(TS).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            tr = message.find("translation")
            assert tr is not None
            assert tr.get("type") not in ("unfinished", "obsolete", "vanished"), message.findtext(
                "source"
            )
            forms = [f.text or "" for f in tr.iter("numerusform")] or [tr.text or ""]
            out[(name, message.findtext("source") or "")] = forms
    return out


def test_every_ui_text_has_a_finished_swedish_translation() -> None:
    texts = source_texts()
    entries = ts_entries()
    assert len(texts) > 140
    missing = sorted(t for t in texts if not all(entries.get(t, [""])))
    assert not missing, missing
    for (_, source), forms in entries.items():
        for form in forms:
            assert set(re.findall(r"\{\w+\}", source)) == set(re.findall(r"\{\w+\}", form)), source
            assert ("%n" in source) == ("%n" in form), source
            assert source.count("&") <= 1 and form.count("&") == source.count("&"), source


def test_the_compiled_translation_is_up_to_date() -> None:
    assert QM.is_file()
    assert QM.stat().st_mtime >= TS.stat().st_mtime - 1


def test_a_swedish_window_speaks_swedish(qapp, qtbot) -> None:
    from procmodeler.app.session import Session
    from procmodeler.ui.app import install_translations, style_application
    from procmodeler.ui.mainwindow import MainWindow
    from tests.ui.helpers import close_window, sample_editor

    style_application(qapp)
    install_translations(qapp, "sv")
    try:
        ed, ids = sample_editor()
        win = MainWindow(Session(ed), remember=False)
        win.show()
        try:
            menus = [a.text() for a in win.menuBar().actions()]
            assert menus == ["&Arkiv", "&Redigera", "&Visa", "&Hjälp"]
            assert win.palette_panel.process_buttons["core"].text() == "Huvudprocess"
            assert win.canvas.breadcrumb.buttons[0].text() == "Processkarta"
            bands = sorted(
                i.label for i in win.canvas.scene._decor if type(i).__name__ == "BandItem"
            )
            assert bands == ["Huvudprocesser", "Ledningsprocesser", "Stödprocesser"]
            needs = sorted(
                i.label for i in win.canvas.scene._decor if type(i).__name__ == "NeedArrowItem"
            )
            assert needs == ["Kundens behov", "Tillfredsställt behov"]
            win.canvas.create_process("core", edit=False)
            assert win.actions_by_name["undo"].text() == "&Ångra Skapa processen 'Ny huvudprocess'"
            assert win.windowTitle().startswith("Sample")
        finally:
            close_window(win)
    finally:
        install_translations(qapp, "en")


def test_domain_words_come_from_the_vocabulary(qapp, qtbot) -> None:
    """Kinds, RACI roles, severities and lights are the vocabulary's words (the report's
    and the BPMN documentation's), not Qt translations of their own."""
    from PySide6.QtWidgets import QLabel

    from procmodeler import vocabulary
    from procmodeler.common.i18n import translator
    from procmodeler.ui import words
    from procmodeler.ui.app import install_translations
    from procmodeler.ui.context import EditorContext
    from procmodeler.ui.panels.matrix import ParticipationMatrix
    from tests.ui.helpers import sample_editor

    install_translations(qapp, "sv")
    try:
        sv = translator("sv")
        for table, labels in (
            (vocabulary.PROCESS_KIND, words.process_kind_labels()),
            (vocabulary.PROCESS_KIND_PLURAL, words.band_labels()),
            (vocabulary.RELATION_KIND, words.relation_kind_labels()),
            (vocabulary.STATUS, words.status_labels()),
            (vocabulary.KPI_KIND, words.kpi_kind_labels()),
            (vocabulary.DIRECTION, words.direction_labels()),
            (vocabulary.SEVERITY, words.severity_labels()),
            (vocabulary.LIGHT, words.light_labels()),
            (vocabulary.RACI_ROLE, words.raci_labels()),
        ):
            assert labels == vocabulary.words(table, sv)
        assert words.kind_label("core") == "Huvudprocess"
        panel = ParticipationMatrix(EditorContext(sample_editor()[0]))
        qtbot.addWidget(panel)
        legend = panel.findChild(QLabel, "matrixLegend").text()
        assert sv(vocabulary.RACI_ROLE["A"]) in legend and "Accountable" not in legend
    finally:
        install_translations(qapp, "en")
