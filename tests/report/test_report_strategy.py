"""The report's chapter on strategy and improvement (issue 13; issue 15, item 3): the
objective tree with contributing processes (and how they contribute) and measuring KPIs
(and what their charts say of the target), a parent objective served or measured through
its sub-objectives, gaps named; the improvement portfolio counted and listed by status
with the KPI each should move and the overdue ones marked as of the report's date; the
establishment level and next review of every process at every level, counted per level;
in English and Swedish; left out for a model without any of it."""

from __future__ import annotations

import datetime
from collections.abc import Callable

from procmodeler.io.native import load
from tests.io.test_register_strategy import strategic
from tests.report.conftest import EXAMPLES, Pdf, normalise

DAY = datetime.date(2026, 6, 30)


def chapter(pdf: Pdf, title: str, following: str) -> str:
    pages = pdf.page_of_outline()
    first, last = pages[title], pages[following]
    return normalise(" ".join(pdf.pages[first - 1 : last - 1]))


def test_the_chapter_in_english(build: Callable[..., Pdf]) -> None:
    pdf = build(strategic(), lang="en", today=DAY)
    outline = pdf.page_of_outline()
    assert "6 Strategy and improvement" in outline and "7 Findings of the model checks" in outline
    text = chapter(pdf, "6 Strategy and improvement", "7 Findings of the model checks")
    # the objective tree: owner and horizon, contributing processes with their note, the
    # measuring KPI; the parent is measured through its sub-objective
    assert "Trygg uppväxt (2027) Anna Berg Betala ut Through its sub-objectives" in text
    assert 'Tidigt stöd Ge stöd Utreder "snabbt", enkelt Ledtid' in text
    # the portfolio: counted per status, listed per status (empty ones left out)
    assert "Idea Planned Ongoing Done Dropped Of which overdue 1 0 1 1 0 1" in text
    assert "Idea (1)" in text and "Ongoing (1)" in text and "Done (1)" in text
    assert "Planned (" not in text and "Dropped (" not in text
    assert (
        "E-tjänst should move the KPI Ledtid Utreda Anna Berg "
        "started 2026-01-10, due 2026-05-31 Overdue"
    ) in text
    # establishment: counted per level, then every process, the sub-process too
    assert "Described In use Measured Improving Not assessed 0 1 1 0 1" in text
    assert "Ge stöd Measured 2026-03-31 Overdue Utreda not assessed" in text
    assert "Betala ut In use" in text
    assert text.count("Overdue") == 2  # the improvement and the review of 'Ge stöd'


def test_the_chapter_in_swedish(build: Callable[..., Pdf]) -> None:
    arch = load(EXAMPLES / "municipality-sv.procm")
    pdf = build(arch, today=DAY)
    text = chapter(pdf, "6 Strategi och förbättring", "7 Modellkontrollernas anmärkningar")
    assert "Bidragande processer" in text and "Mäts med" in text
    # gaps are named; a KPI with measurements says whether it can meet its target
    assert "En effektiv och digital förvaltning (2027) Ulrika Strand Genom sina delmål" in text
    assert "Inget nyckeltal mäter målet" in text
    assert "Andel beslut inom lagstadgad tid Kan inte nå målet" in text
    assert "Pågående (3)" in text and "Avbruten (1)" in text and "Idé (2)" in text
    assert "Idé Planerad Pågående Genomförd Avbruten Varav försenade 2 3 3 3 1 1" in text
    # only F03 (planned, due 2026-05-31) and H3's review (2026-04-30) are late on DAY
    assert text.count("Försenad") == 2
    assert "Bedriva byggtillsyn Används 2026-04-30 Försenad" in text
    # every process at every level has its row
    for proc in arch.processes.values():
        assert normalise(proc.name) in text, proc.name
    assert "Förbereda inspektion inte bedömd" in text  # a third-level process


def test_no_chapter_without_strategy(sample_en: Pdf) -> None:
    titles = sample_en.page_of_outline()
    assert any(t.endswith(" Findings of the model checks") for t in titles)
    assert not any("Strategy" in title for title in titles)
