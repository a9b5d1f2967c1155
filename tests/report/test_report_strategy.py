"""The report's chapter on strategy and improvement (issue 13): the objective tree with
contributing processes and measuring KPIs, the improvements by status with the overdue
ones marked as of the report's date, the establishment levels and next reviews; in
English and Swedish; left out for a model without any of it."""

from __future__ import annotations

import datetime
from collections.abc import Callable

from tests.io.test_register_strategy import strategic
from tests.report.conftest import Pdf, normalise

DAY = datetime.date(2026, 6, 30)


def chapter(pdf: Pdf, title: str, following: str) -> str:
    pages = pdf.page_of_outline()
    first, last = pages[title], pages[following]
    return normalise(" ".join(pdf.pages[first - 1 : last - 1]))


def test_the_chapter_in_english(build: Callable[..., Pdf]) -> None:
    pdf = build(strategic(), lang="en", today=DAY)
    outline = pdf.page_of_outline()
    assert "5 Strategy and improvement" in outline and "6 Findings of the model checks" in outline
    text = chapter(pdf, "5 Strategy and improvement", "6 Findings of the model checks")
    # the objective tree: owner and horizon, contributing processes, measuring KPI
    assert "Trygg uppväxt (2027) Anna Berg Betala ut" in text
    assert "Tidigt stöd Ge stöd Ledtid" in text
    # improvements by status, the ongoing one overdue? due 2026-05-31 < 2026-06-30: yes
    assert "Idea (1)" in text and "Ongoing (1)" in text and "Done (1)" in text
    assert "Planned" not in text and "Dropped" not in text  # empty statuses are left out
    assert "E-tjänst Utreda Anna Berg started 2026-01-10, due 2026-05-31 Overdue" in text
    assert text.count("Overdue") == 2  # the improvement and the review of 'Ge stöd'
    assert "Ge stöd Measured 2026-03-31 Overdue" in text
    assert "Betala ut In use" in text


def test_the_chapter_in_swedish(build: Callable[..., Pdf]) -> None:
    from procmodeler.io.native import load
    from tests.report.conftest import EXAMPLES

    pdf = build(load(EXAMPLES / "municipality-sv.procm"), today=DAY)
    text = chapter(pdf, "5 Styrning och förbättring", "6 Modellkontrollernas anmärkningar")
    assert "Bidragande processer" in text and "Mäts med" in text
    assert "Pågående (3)" in text and "Avbruten (1)" in text and "Idé (2)" in text
    # only F03 (planned, due 2026-05-31) and H3's review (2026-04-30) are late on DAY
    assert text.count("Försenad") == 2
    assert "Bedriva byggtillsyn Används 2026-04-30 Försenad" in text


def test_no_chapter_without_strategy(sample_en: Pdf) -> None:
    titles = sample_en.page_of_outline()
    assert "5 Findings of the model checks" in titles
    assert not any("Strategy" in title for title in titles)
