"""Every user-visible string of the panels has a Swedish translation in
procmodeler/resources/translations/panels_sv.ts, the compiled .qm is up to date with it, and
install_translator makes the panels speak Swedish."""

from __future__ import annotations

import ast
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator

ROOT = Path(__file__).resolve().parents[3]
PANELS = ROOT / "procmodeler" / "ui" / "panels"
TS = ROOT / "procmodeler" / "resources" / "translations" / "panels_sv.ts"


def source_strings() -> set[str]:
    """The literal texts passed to ``_t(...)`` in the panels' modules."""
    found: set[str] = set()
    for path in sorted(PANELS.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "_t"
            ):
                arg = node.args[0]
                if isinstance(arg, ast.Constant):
                    found.add(arg.value)
                else:  # only the helper's own definition passes a variable
                    assert isinstance(arg, ast.Name) and arg.id == "text", path
    return found


def ts_entries() -> dict[str, str]:
    tree = ET.parse(TS)
    out: dict[str, str] = {}
    for context in tree.getroot().iter("context"):
        assert context.findtext("name") == "Panels"
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            assert translation.get("type") not in ("unfinished", "obsolete", "vanished"), (
                message.findtext("source")
            )
            out[message.findtext("source") or ""] = translation.text or ""
    return out


def test_every_string_has_a_swedish_translation():
    strings = source_strings()
    entries = ts_entries()
    assert len(strings) > 100
    missing = sorted(s for s in strings if not entries.get(s))
    assert not missing
    # placeholders survive translation
    for source, text in entries.items():
        for name in ("{n}", "{name}", "{text}", "{ms}", "{why}", "{level}", "{a}", "{b}"):
            assert (name in source) == (name in text), source


@pytest.mark.gui
def test_compiled_translation_matches_and_is_installed(qtbot):
    from procmodeler.ui.panels import install_translator, translation_file

    translator = QTranslator()
    assert translator.load(translation_file("sv"))
    for source, text in ts_entries().items():
        assert translator.translate("Panels", source) == text, source
    app = QCoreApplication.instance()
    assert install_translator(app, "en") is None
    installed = install_translator(app, "sv")
    assert installed is not None
    try:
        from procmodeler.edit import Editor
        from procmodeler.ui.context import EditorContext
        from procmodeler.ui.panels.units import UnitsPanel

        context = EditorContext(Editor())
        panel = UnitsPanel(context)
        qtbot.addWidget(panel)
        assert panel.add_unit_action.text() == "Lägg till enhet"
        assert panel.tree.headerItem().text(0) == "Enhet / person"
    finally:
        app.removeTranslator(installed)
    assert QCoreApplication.translate("Panels", "Add unit") == "Add unit"


@pytest.mark.gui
def test_the_problems_panel_shows_its_swedish_column_titles_whole(qtbot, context):
    # "Allvarlighetsgrad" is wider than the 90 px the English "Severity" gets
    from procmodeler.ui.panels import install_translator
    from procmodeler.ui.panels.problems import ProblemsPanel

    app = QCoreApplication.instance()
    installed = install_translator(app, "sv")
    assert installed is not None
    try:
        panel = ProblemsPanel(context)
        qtbot.addWidget(panel)
        header = panel.view.header()
        title = panel.model.headerData(0, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        assert title == "Allvarlighetsgrad"
        needed = header.fontMetrics().horizontalAdvance(title)
        assert header.sectionSize(0) >= needed + 8  # with the header's margins
    finally:
        app.removeTranslator(installed)
