"""One vocabulary in the app and the report: for every table of
``procmodeler.vocabulary`` the app (``ui.words``, the strategy views) and the report
(``report.words`` and its chapters) say the same word for every key, in English and in
Swedish; a vocabulary that one side does not name fails too."""

from __future__ import annotations

import importlib
from collections.abc import Callable

import pytest

from procmodeler import vocabulary
from procmodeler.common.i18n import Translator, translator
from procmodeler.report import words as report_words
from procmodeler.ui import words as app_words
from procmodeler.ui.strategy import common as strategy_common

# the chapter module (the package exports a function of the same name)
report_strategy = importlib.import_module("procmodeler.report.sections.strategy")

#: vocabulary name -> what the app shows for it (in the app's language)
APP: dict[str, Callable[[], dict[str, str]]] = {
    "process kind": app_words.process_kind_labels,
    "process kind (plural)": app_words.band_labels,
    "relation kind": app_words.relation_kind_labels,
    "KPI kind": app_words.kpi_kind_labels,
    "direction": app_words.direction_labels,
    "status": app_words.status_labels,
    "document status": app_words.document_status_labels,
    "severity": app_words.severity_labels,
    "establishment level": lambda: strategy_common.levels(app_words.ui_translator()),
    "improvement status": lambda: strategy_common.statuses(app_words.ui_translator()),
    "RACI role": app_words.raci_labels,
    "RACI meaning": lambda: vocabulary.words(vocabulary.RACI_MEANING, app_words.ui_translator()),
    "traffic light": app_words.light_labels,
    "variation": lambda: {k: app_words.state_labels()[k] for k in vocabulary.VARIATION},
    "assurance": lambda: {
        k: vocabulary.word(vocabulary.ASSURANCE, k, app_words.ui_translator())
        for k in vocabulary.ASSURANCE
    },
}

#: vocabulary name -> the table the report's chapters name it with
REPORT: dict[str, dict[str, str]] = {
    "process kind": report_words.KIND_SINGULAR,
    "process kind (plural)": report_words.KIND_PLURAL,
    "relation kind": report_words.RELATION_KINDS,
    "KPI kind": report_words.KPI_KINDS,
    "direction": vocabulary.DIRECTION,
    "status": report_words.STATUSES,
    "document status": vocabulary.DOCUMENT_STATUS,
    "severity": report_words.SEVERITIES,
    "establishment level": report_strategy.ESTABLISHMENT,
    "improvement status": report_strategy.IMPROVEMENT_STATUS,
    "RACI role": report_words.RACI_SHORT,
    "RACI meaning": report_words.RACI_LETTERS,
    "traffic light": report_words.LIGHTS,
    "variation": vocabulary.VARIATION,
    "assurance": vocabulary.ASSURANCE,
}


def _report(name: str, tr: Translator) -> dict[str, str]:
    return {key: report_words.word(REPORT[name], key, tr) for key in REPORT[name]}


def test_every_vocabulary_is_named_by_both() -> None:
    assert set(APP) == set(vocabulary.VOCABULARIES) == set(REPORT)


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_app_and_report_say_the_same_word_for_every_key(qapp, lang: str) -> None:
    from procmodeler.ui.app import install_translations

    install_translations(qapp, lang)
    try:
        tr = translator(lang)
        assert app_words.ui_translator().lang == lang
        differ = []
        for name, (_table, keys) in vocabulary.VOCABULARIES.items():
            app, report = APP[name](), _report(name, tr)
            for key in keys:
                if app.get(key) != report.get(key):
                    differ.append(f"{name}/{key}: app {app.get(key)!r}, report {report.get(key)!r}")
        assert differ == []
        if lang == "sv":  # the words the issue found doubled, now one each
            assert _report("status", tr)["approved"] == "Fastställd"
            assert APP["severity"]()["info"] == "Notering"
    finally:
        install_translations(qapp, "en")
