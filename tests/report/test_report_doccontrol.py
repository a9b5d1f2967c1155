"""The report's document control page (issue 15, item 5), read from the PDF: right after
the cover and before the contents, in the outline and the contents, with the title,
version, status in the app's word, adoption, reference number, author, distribution and
the change log newest first, in English and in Swedish, for both bundled examples and
for a model whose document control is filled in."""

from __future__ import annotations

import datetime
from collections.abc import Callable

import pytest

from procmodeler.common.i18n import translator
from procmodeler.edit import Editor
from procmodeler.edit.operations import set_metadata
from procmodeler.model.architecture import Architecture
from procmodeler.model.elements import ChangeLogEntry
from procmodeler.vocabulary import DOCUMENT_STATUS, word
from tests.report.conftest import Pdf, normalise

DAY = datetime.date(2026, 6, 30)  # as the management summary's tests: reports built once
HEADING = {"en": "Document control", "sv": "Dokumentinformation"}
CONTENTS = {"en": "Contents", "sv": "Innehåll"}
LABELS = {
    "en": ("Title", "Version", "Status", "Adopted by", "Reference number", "Author"),
    "sv": ("Titel", "Version", "Status", "Fastställd av", "Diarienummer", "Författare"),
}
NOT_ADOPTED = {"en": "Not adopted", "sv": "Ej fastställd"}
NO_LOG = {
    "en": "No changes are recorded in the change log.",
    "sv": "Ändringsloggen har inga rader.",
}


@pytest.fixture(
    scope="module",
    params=[(e, lang) for e in ("manufacturing", "municipality") for lang in ("en", "sv")],
)
def example(
    request: pytest.FixtureRequest, build: Callable[..., Pdf]
) -> tuple[Architecture, Pdf, str]:
    name, lang = request.param
    arch = request.getfixturevalue(name)
    kwargs = {"today": DAY} if arch.meta.language == lang else {"today": DAY, "lang": lang}
    return arch, build(arch, **kwargs), lang


def test_the_page_follows_the_cover_and_is_in_the_outline_and_contents(
    example: tuple[Architecture, Pdf, str],
) -> None:
    _, pdf, lang = example
    assert pdf.page_of_outline()[HEADING[lang]] == 2
    page = normalise(pdf.pages[1])
    assert page.startswith(HEADING[lang]) or f" {HEADING[lang]} " in f" {page} "
    contents = pdf.reader.pages[2].extract_text(extraction_mode="layout")
    lines = [normalise(line) for line in contents.splitlines()]
    assert CONTENTS[lang] in lines
    assert f"{HEADING[lang]} 2" in lines, lines[:8]


def test_the_page_says_what_the_model_says(example: tuple[Architecture, Pdf, str]) -> None:
    arch, pdf, lang = example
    page = normalise(pdf.pages[1])
    meta = arch.meta
    status = word(DOCUMENT_STATUS, meta.status, translator(lang))
    for label in LABELS[lang]:
        assert label in page, label
    for value in (meta.name, meta.organisation, meta.version_label, meta.author, status):
        assert normalise(value) in page, value
    # the examples have no document control yet: said so, never left blank
    assert meta.status == "draft" and not meta.change_log
    assert page.count(NOT_ADOPTED[lang]) == 2  # adopted by, adopted on
    assert NO_LOG[lang] in page


LOG = (
    ChangeLogEntry("2025-03-02", "0.9", "First draft for the process owners", "Anna Berg"),
    ChangeLogEntry("2025-10-14", "1.0", "Adopted; lead time KPIs added", "Erik Lund"),
)


@pytest.fixture(scope="module")
def filled(sample: Architecture) -> Architecture:
    ed = Editor(sample.copy())  # the session's sample stays as it is
    set_metadata(
        ed,
        status="adopted",
        adopted_by="The steering group",
        adopted_on="2025-10-14",
        reference="KS 2025/0412",
        distribution="Steering group\nProcess owners",
        change_log=LOG,
    )
    return ed.arch


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("en", ("Adopted", "14 October 2025", "2 March 2025", "By")),
        ("sv", ("Fastställd", "14 oktober 2025", "2 mars 2025", "Av")),
    ],
)
def test_a_filled_in_document_control(
    filled: Architecture, build: Callable[..., Pdf], lang: str, words: tuple[str, ...]
) -> None:
    pdf = build(filled, lang=lang)
    page = normalise(pdf.pages[1])
    status, adopted_on, first_on, by = words
    assert f"Status {status}" in page
    assert "The steering group" in page and adopted_on in page
    assert "KS 2025/0412" in page
    assert "Steering group" in page and "Process owners" in page
    assert NOT_ADOPTED[lang] not in page and NO_LOG[lang] not in page
    assert f" {by} " in page  # the change log's column
    # newest line first, each with its date, version, change and author
    newest = page.index("Adopted; lead time KPIs added")
    oldest = page.index("First draft for the process owners")
    assert newest < oldest
    assert page.index(first_on) > newest
    assert "Erik Lund" in page and "Anna Berg" in page
