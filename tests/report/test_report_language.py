"""``--lang sv`` gives a complete Swedish report: the Swedish labels are there and no
English label of the report is left; every message the report uses is translated."""

from __future__ import annotations

import re
import string
from collections.abc import Callable

from procmodeler.common.i18n import translator
from procmodeler.model.architecture import Architecture
from procmodeler.notation.style import BAND_LABELS, NEED_LABELS
from tests.report.conftest import Pdf
from tests.test_i18n import used_msgids

REPORT_SOURCES = ("procmodeler/report/", "procmodeler/cli/cmd_report.py")


def collect() -> set[str | tuple[str, str]]:
    """The report's msgids (plural ones as (singular, plural)), from the project's
    message collector limited to the report's sources."""
    return {
        (msgid, plural) if plural else msgid
        for msgid, plural, where in used_msgids()
        if where.startswith(REPORT_SOURCES)
    }


SWEDISH_LABELS = [
    "Innehåll",
    "Sammanfattning för ledningen",
    "Processkartan",
    "Processägare",
    "Processledare",
    "Kund",
    "Behov",
    "Resultat",
    "Syfte",
    "Objekt in",
    "Objekt ut",
    "Ledningsprocesser",
    "Huvudprocesser",
    "Stödprocesser",
    "Kundens behov",
    "Tillfredsställt behov",
    "Deltagande enheter",
    "Nyckeltal",
    "Mål",
    "Utfall",
    "Varför det är viktigt",
    "Vad man gör",
    "Undantagen",
    "Beroendeanalys",
    "Processförteckning",
    "Ordlista",
]


def _english_labels() -> list[str]:
    """The report's own English texts whose Swedish translation differs, without
    placeholders (those are checked through the catalogue test below)."""
    tr = translator("sv")
    labels = set()
    for msgid in collect():
        if isinstance(msgid, tuple):
            continue
        if any(name for _, name, _, _ in string.Formatter().parse(msgid) if name):
            continue
        if tr(msgid) != msgid:
            labels.add(msgid)
    for msgid in [*BAND_LABELS.values(), *NEED_LABELS]:
        labels.add(msgid)
    return sorted(labels)


def test_every_report_message_has_a_swedish_translation() -> None:
    tr = translator("sv")
    missing = []
    for msgid in collect():
        if isinstance(msgid, tuple):
            if tr.n(msgid[0], msgid[1], 1) == msgid[0] or tr.n(*msgid, 2) == msgid[1]:
                missing.append(msgid)
        elif not tr.has(msgid):
            missing.append(msgid)
    assert not missing, missing
    assert len(collect()) > 150  # the collector reads the sources at all


def test_swedish_report_has_swedish_labels(sample_sv: Pdf) -> None:
    text = sample_sv.text
    for label in SWEDISH_LABELS:
        assert label in text, label
    total = len(sample_sv.pages)
    assert f"Sida 3 av {total}" in text
    assert "27 november 2025" in text


def test_swedish_report_leaves_no_english_label(
    municipality: Architecture, build: Callable[..., Pdf]
) -> None:
    # The municipality example is Swedish throughout, so any English word the report
    # prints is one of its own labels.
    assert municipality.meta.language == "sv"
    text = build(municipality).text  # the model's language is the default
    labels = _english_labels()
    assert "Process owner" in labels and "Page {page} of {total}" not in labels
    left = [label for label in labels if re.search(r"(?<!\w)" + re.escape(label) + r"(?!\w)", text)]
    assert not left, left
    for word in ("Page", "Contents", "Glossary", "Findings", "Executive summary"):
        assert not re.search(rf"(?<!\w){word}(?!\w)", text), word


def test_english_report_of_a_swedish_model_is_english(
    municipality: Architecture, build: Callable[..., Pdf]
) -> None:
    text = build(municipality, lang="en").text
    assert "Executive summary" in text and "Process owner" in text
    assert "Sammanfattning för ledningen" not in text and "Processägare" not in text


def test_swedish_numbers_use_a_decimal_comma(sample_sv: Pdf) -> None:
    assert "12,5 days" in sample_sv.text  # the measure is the user's word
    assert "12.5" not in sample_sv.text
